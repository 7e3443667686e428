"""Round 16 dates: an order's deadline counted from its own date. Texts written for the
project."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from extractors.dates import not_event, resolve_dates, writer_day
from extractors.models import Article

ET = ZoneInfo("America/New_York")


def _events(text: str) -> list:
    art = Article(
        source="m", title="Memorandum on export reviews", text=text,
        published=datetime(2024, 7, 24, 17, 0, tzinfo=ET),
    )  # fmt: skip
    return list(resolve_dates(art, "America/New_York"))


def test_a_deadline_from_the_order_s_date_is_that_day_and_no_upcoming_event() -> None:
    (e,) = _events(
        "Not later than 180 days after the date of this memorandum, the Secretary of "
        "Commerce shall submit a report on the reviews to the President."
    )
    assert e.date == "2025-01-20"
    assert not_event(e) == "deadline"


def test_a_deadline_within_days_of_the_order() -> None:
    (e,) = _events("Within 90 days of the date of this order, the agencies shall issue rules.")
    assert e.date == "2024-10-22"
    assert not_event(e) == "deadline"


def test_a_transcript_header_s_date_is_the_day_the_remarks_were_given() -> None:
    art = Article(
        source="r", title="Remarks by the President at a Reception",
        text="Private Residence Los Angeles, California (June 10, 2022)\n\n5:05 P.M. PDT\n\n"
        "THE PRESIDENT: Thank you. It is good to be back in California tonight.",
        published=datetime(2022, 6, 11, 20, 48, tzinfo=ET),
    )  # fmt: skip
    assert writer_day(art, "Asia/Seoul")[0] == date(2022, 6, 10)
    assert [(e.mention, e.date) for e in resolve_dates(art, "Asia/Seoul")] == [
        ("June 10, 2022", "2022-06-10"),
        ("tonight", "2022-06-10"),
    ]


def test_a_header_date_far_before_the_stamp_is_not_the_writer_s_day() -> None:
    art = Article(
        source="r", title="Remarks on the anniversary",
        text="East Room (June 1, 2022)\n\nTHE PRESIDENT: We meet tonight to remember.",
        published=datetime(2022, 6, 11, 20, 48, tzinfo=ET),
    )  # fmt: skip
    assert writer_day(art, "Asia/Seoul")[0] == date(2022, 6, 11)


def test_a_committee_named_by_its_day_is_no_date() -> None:
    found = _events("Members of the January 6th committee met the press on Monday.")
    assert [e.mention for e in found] == ["on Monday"]


def test_a_participle_set_off_by_commas_gives_no_tense() -> None:
    (_today, flight) = _events(
        "Today, the President is announcing that his Administration is sourcing a flight, "
        "facilitated by the Department of Defense, to carry formula to Texas on July 29."
    )
    assert (flight.mention, flight.date) == ("on July 29", "2024-07-29")


def test_a_day_with_its_juche_year_is_that_year_s_day() -> None:
    (e,) = _events("The republic was proclaimed on September 9, Juche 37 (1948), in Pyongyang.")
    assert e.date == "1948-09-09"
