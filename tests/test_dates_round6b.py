"""Round 6 second pass: date classes from the reviewer's held-out read, on sentences
written for the project (facts may be real)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from extractors.dates import resolve_dates
from extractors.models import Article

NY = timezone(timedelta(hours=-4))


def article(text: str, published: datetime) -> Article:
    return Article(source="hand.txt", title="t", text=text, published=published)


def days(text: str, published: datetime) -> list[tuple[str, str | None]]:
    return [(e.mention, e.date) for e in resolve_dates(article(text, published))]


# ------------------------------------------- class 1: a date pins the document's "tomorrow"


def test_a_pinned_tomorrow_sets_the_writer_day() -> None:
    # a call held on the evening of Monday 6 March, stamped 04:30 on Tuesday
    text = (
        "This call previews the Secretary's visit tomorrow — Tuesday, March 7th — to Ohio.\n"
        "Tomorrow, she will announce new grants for rural clinics.\n"
        "On Wednesday she flies on to Michigan."
    )
    got = days(text, datetime(2023, 3, 7, 4, 30, tzinfo=NY))
    assert [v for m, v in got if m.lower() == "tomorrow"] == ["2023-03-07"]
    assert ("On Wednesday", "2023-03-08") in got or ("Wednesday", "2023-03-08") in got


def test_today_pinned_to_a_date() -> None:
    text = "The summit opens today, 14 June, in Vilnius.\nTomorrow the leaders sign the text."
    got = days(text, datetime(2023, 6, 15, 1, 0, tzinfo=timezone.utc))
    assert [v for m, v in got if m.lower() == "tomorrow"] == ["2023-06-15"]


def test_a_pin_far_from_the_stamp_is_ignored() -> None:
    # "tomorrow — June 20" a week off the stamp is a quoted old line, not the writer's day
    text = "He recalled the memo: 'we meet tomorrow — June 20.'\nTomorrow the vote is held."
    got = days(text, datetime(2023, 6, 28, 9, 0, tzinfo=NY))
    assert [v for m, v in got if m.lower() == "tomorrow"][-1] == "2023-06-29"


def test_no_pin_keeps_the_stamp() -> None:
    got = days("Tomorrow the Senate votes.", datetime(2023, 3, 7, 4, 30, tzinfo=NY))
    assert got == [("Tomorrow", "2023-03-08")]
