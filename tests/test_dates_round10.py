"""Round 10 (issue 10): dates from reading unseen White House and KCNA days (2024-07-26,
2024-08-16), on sentences written for the project."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from extractors.dates import resolve_dates
from extractors.models import Article

NY = timezone(timedelta(hours=-4))
PUB = datetime(2024, 7, 26, 15, 0, tzinfo=NY)


def days(text: str) -> list[tuple[str, str | None]]:
    art = Article(source="hand.txt", title="t", text=text, published=PUB)
    return [(e.mention, e.date) for e in resolve_dates(art)]


def test_an_agreed_date_before_its_event_is_not_placed_by_the_agreements_tense() -> None:
    got = days("She has agreed to the previously agreed upon September 10th debate.")
    assert got == [("September 10th", "2024-09-10")]


def test_a_past_date_told_in_the_past_stays_in_the_past() -> None:
    got = days("The board met on March 4 and agreed on a plan.")
    assert got == [("on March 4", "2024-03-04")]


def test_a_place_named_by_a_day_is_no_date() -> None:
    text = (
        "The evacuees will stay at the April 25 Hostel in the capital. The May 1 Stadium "
        "hosted a rally on July 20."
    )
    assert days(text) == [("on July 20", "2024-07-20")]


def test_a_day_heading_a_name_is_no_shared_date_of_two_stories() -> None:
    from extractors.dates import day_in_a_name
    from extractors.models import Article
    from extractors.stories import dates

    art = Article(
        source="fixture/hostel.json",
        title="Chairman Visits May 1 Hostel",
        text="The chairman visited the May 1 Hostel on August 16. The talks of Nov. 18 ended.",
        url=None,
        outlet="Agency",
    )
    assert (5, 1) not in dates(art)
    assert {(8, 16), (11, 18)} <= dates(art)
    text = "the May 1 Stadium and the January 6 Committee met on May 1 in Seoul"
    assert day_in_a_name(text, 4, 9)
    jan = text.index("January 6")
    assert day_in_a_name(text, jan, jan + len("January 6"))
    assert not day_in_a_name(text, text.rindex("May 1"), text.rindex("May 1") + 5)


def test_a_denied_happening_is_no_event_at_its_date() -> None:
    from extractors.dates import not_event
    from extractors.models import Event

    def why(text: str, mention: str) -> str | None:
        return not_event(Event(date="2024-07-19", mention=mention, text=text, source="x"))

    assert why("We know a settlement is not going to happen tomorrow.", "tomorrow") == "negated"
    assert why("The ministers will meet in Seoul on Friday.", "on Friday") is None
