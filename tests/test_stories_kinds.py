"""Rule (event kinds): one outlet's items of one occasion that name different kinds of
event in their headlines are different events (issue 9).

Every fixture is written for the project (facts may be real, sentences are our own)."""

from __future__ import annotations

from datetime import UTC, datetime

from extractors import stories
from extractors.models import Article

DAY = datetime(2026, 7, 28, 6, tzinfo=UTC)

OCCASION = (
    "The whole country is celebrating the anniversary of the victory in the war with "
    "joy and pride. Officials, working people and service personnel gathered in the "
    "capital on the evening of the anniversary to mark the great victory day. "
)


def wire(source: str, title: str, text: str, outlet: str | None = "Agency") -> Article:
    return Article(source=source, title=title, text=text, published=DAY, outlet=outlet)


FILLER = [
    wire("f1", "Cocoon Output Grows", "Sericulture stations fulfilled their spring plans."),
    wire("f2", "Wheat Area Expands", "The province sowed more winter wheat than last year."),
    wire("f3", "Water Park Busy", "Many people spend their holidays at the water park."),
    wire("f4", "Delegation Leaves", "A power industry delegation left by air for talks."),
    wire("f5", "Factory Modernised", "A medical appliances factory renewed its equipment."),
    wire("f6", "Trade Union Drive", "Union members agitate at flood recovery sites."),
]


def _occasion(source: str, title: str, what: str, outlet: str | None = "Agency") -> Article:
    return wire(source, title, OCCASION + what, outlet)


def test_kinds_are_read_from_headlines_plural_folded():
    assert stories._kinds("Banquets Given in Celebration of New Year") == {"banquet"}
    assert stories._kinds("Dancing Parties of Women Held") == {"party"}
    assert stories._kinds("Talks between Diplomats Held") == {"talks"}
    assert stories._kinds("Remarks by the President at a Press Conference") == frozenset()


def test_a_performance_and_a_ceremony_of_one_occasion_are_two_stories():
    a = _occasion(
        "a",
        "Performance Given to Celebrate Anniversary of Victory",
        "A grand performance was given before the monument.",
    )
    b = _occasion(
        "b",
        "Ceremony of Commemorative March Held to Celebrate Anniversary of Victory",
        "Columns marched through the square in a ceremony.",
    )
    batch = [a, b, *FILLER]
    sig = stories.Signals.of(batch)
    assert sig.text(0, 1) > 0.3  # one occasion: the texts are alike ...
    assert sig.kinds_differ(0, 1)  # ... but a performance is no ceremony
    assert sig.pair(0, 1)["titles_differ"] is True
    assert not any({0, 1} <= set(g) for g in stories.group(batch, sig=sig))


def test_one_kind_in_both_headlines_or_in_one_only_is_no_veto():
    a = _occasion("a", "Banquet Given for Veterans", "Veterans were invited to a banquet.")
    b = _occasion("b", "Veterans Honoured at Banquet", "The banquet honoured the veterans.")
    c = _occasion("c", "Anniversary of Victory Celebrated", "People celebrated across the land.")
    sig = stories.Signals.of([a, b, c, *FILLER])
    assert not sig.kinds_differ(0, 1)  # one banquet
    assert not sig.kinds_differ(0, 2)  # the other names no kind of event


def test_the_rule_holds_only_inside_one_outlet():
    a = _occasion("a", "Performance Given", "A performance was given.", outlet="Agency")
    b = _occasion("b", "Ceremony Held", "A ceremony was held.", outlet="Other wire")
    sig = stories.Signals.of([a, b, *FILLER])
    assert not sig.titles_differ(0, 1)


def test_the_rule_can_be_turned_off(monkeypatch):
    monkeypatch.setattr(stories, "EVENT_KINDS", None)
    a = _occasion("a", "Performance Given", "A performance was given.")
    b = _occasion("b", "Ceremony Held", "A ceremony was held.")
    sig = stories.Signals.of([a, b, *FILLER])
    assert not sig.kinds_differ(0, 1)
