"""Rule (headlines apart), round 6 second pass: two items of one outlet whose headlines
share no word of their own are two events unless their texts are alike, however much of
the outlet's state-media vocabulary their bodies share.

Every fixture is written for the project (facts may be invented, sentences are our own)."""

from __future__ import annotations

from datetime import UTC, datetime

from extractors import stories
from extractors.models import Article
from tests.support import together

DAY = datetime(2026, 5, 20, 3, tzinfo=UTC)
AGENCY = "Agency"
FRAME = (
    "Pyongyang, May 20 (Agency) -- The Workers' Party of Korea and the people of the "
    "Democratic People's Republic of Korea, under the leadership of respected Comrade "
    "Kim Jong Un, are making great strides in socialist construction. "
)


def item(source: str, title: str, text: str, outlet: str | None = AGENCY) -> Article:
    return Article(source=source, title=title, text=text, published=DAY, outlet=outlet)


FACTORY = item(
    "a",
    "Riverside Footwear Factory",
    FRAME + "The Riverside Footwear Factory in Sinuiju turns out thousands of pairs of "
    "shoes a day. Its workers have renewed the gluing line and the sewing shop, and the "
    "factory's boots and sandals, made with care for the people, are popular in the shops of "
    "Comrade Kim Jong Un's capital.",
)
ANECDOTE = item(
    "b",
    "Fatherly Care for Fishermen",
    FRAME + "One winter decades ago the President visited a fishing village on the east "
    "coast. He listened to the fishermen, had warm clothing sent to them and told officials "
    "to build them new boats and a fish-processing factory. The people of Korea still "
    "recall his love for the fishermen.",
)


OTHERS = [
    item(f"o{k}", title, FRAME + text)
    for k, (title, text) in enumerate(
        [
            ("Tree Planting Brisk", "Saplings were planted on the hills of many counties."),
            ("Football Match Held", "Two clubs played a league match in the capital stadium."),
            ("Greetings to Laotian President", "A message of greetings was sent to Vientiane."),
            ("Exhibition of Stamps Opens", "An exhibition of postage stamps opened on Monday."),
            ("Rice Transplanting Ends", "Farms of the western plains finished transplanting."),
            ("Hospital Gets New Equipment", "A provincial hospital received new scanners."),
        ]
    )
]


def test_headlines_sharing_no_word_on_outlet_vocabulary_are_two_events():
    batch = [FACTORY, ANECDOTE, *OTHERS]
    sig = stories.Signals.of(batch)
    assert sig.text(0, 1) < stories.THRESHOLD * 2  # the frame alone would join them
    assert sig.heads_apart(0, 1)
    assert sig.pair(0, 1)["titles_differ"]
    assert not together(batch, 0, 1)


def test_form_words_do_not_count_as_a_shared_headline_word():
    heads = stories._head_words(
        [item("c", "Press Statement of a Spokesman", "x"), item("d", "Rally in the City", "y")]
    )
    assert "press" not in heads[0] and "statement" not in heads[0]
    assert not heads[0] & heads[1]


def test_two_reports_of_one_event_with_disjoint_headlines_and_alike_text_stay_one():
    body = (
        "Sinuiju's Riverside Footwear Factory opened a new gluing line on Tuesday. The "
        "line doubles the factory's output of winter boots, the managers said at the "
        "opening, and the first boots will reach the shops of the province next month."
    )
    one = item("e", "Riverside Footwear Factory", FRAME + body)
    two = item("f", "New Gluing Line Opened", FRAME + body + " Workers cheered at the opening.")
    assert not stories.Signals.of([one, two]).heads_apart(0, 1)
    assert together([one, two], 0, 1)


def test_other_outlets_are_not_held_to_their_headlines():
    other = item("g", "Fatherly Care for Fishermen", ANECDOTE.text, outlet="Other")
    assert not stories.Signals.of([FACTORY, other]).heads_apart(0, 1)
