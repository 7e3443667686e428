"""Round 7: Upcoming lists events (not forecasts, targets, the room's own talk, questions or
limits), and year-less or relative dates against the right anchor. Sentences written for
the project (facts may be real)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from extractors.dates import not_event, resolve_dates
from extractors.models import Article, Event

NY = timezone(timedelta(hours=-4))


def article(text: str, published: datetime, **kw) -> Article:
    return Article(source="hand.txt", title="t", text=text, published=published, **kw)


def days(text: str, published: datetime, **kw) -> list[tuple[str, str | None]]:
    return [(e.mention, e.date) for e in resolve_dates(article(text, published, **kw))]


def ev(text: str, mention: str, when: str) -> Event:
    return Event(when, mention, text, "hand.txt")


YEAR_30 = "2030-01-01/2030-12-31"
TOMORROW = "2024-07-25"


# ------------------------------------------------------------ Upcoming: events only


@pytest.mark.parametrize(
    ("text", "mention", "when", "why"),
    [
        ("Grid emissions could fall by half by 2030.", "by 2030", YEAR_30, "forecast"),
        ("Heat pump sales are expected to rise again in 2030.", "in 2030", YEAR_30, "forecast"),
        (
            "Starting in 2030, more than two million heat pumps will be installed a year.",
            "in 2030",
            YEAR_30,
            "forecast",
        ),
        (
            "The agency set the share of recycled steel at 40 percent now and 70 percent in 2030.",
            "in 2030",
            YEAR_30,
            "forecast",
        ),
        ("We will have more to share on that tomorrow.", "tomorrow", TOMORROW, "room talk"),
        ("That is what's on the schedule for tomorrow.", "tomorrow", TOMORROW, "room talk"),
        ("We're looking forward to the visit tomorrow.", "tomorrow", TOMORROW, "room talk"),
        (
            "This briefing is embargoed until 6:00 a.m. tomorrow morning.",
            "tomorrow morning",
            TOMORROW,
            "limit",
        ),
        (
            "How will the agency get shelters ready for a hurricane this autumn?",
            "this autumn",
            "2024-09-01/2024-11-30",
            "question",
        ),
        ("Q Can you say more about the visit tomorrow —", "tomorrow", TOMORROW, "question"),
        ("So, that will happen on Thursday.", "on Thursday", "2024-07-25", "room talk"),
        (
            "Beyond today, we don't have a readout for this week.",
            "this week",
            "2024-07-22/2024-07-28",
            "room talk",
        ),
    ],
)
def test_forecasts_room_talk_questions_and_limits_are_no_events(text, mention, when, why):
    assert not_event(ev(text, mention, when)) == why


@pytest.mark.parametrize(
    ("text", "mention", "when"),
    [
        (
            "The President will host the Prime Minister of Sweden on Wednesday.",
            "on Wednesday",
            "2024-07-31",
        ),
        ("Officials said the exercise starts on Tuesday.", "on Tuesday", "2024-07-30"),
        ("Tomorrow, the department will announce the first grant awards.", "Tomorrow", TOMORROW),
        (
            "Applicants are encouraged to apply by November 21, 2024.",
            "by November 21, 2024",
            "2024-11-21",
        ),
        (
            "Next year, we will extend the protections to another 2 million workers.",
            "Next year",
            "2025-01-01/2025-12-31",
        ),
        ("The alliance will hold its summit in 2030 in Ottawa.", "in 2030", YEAR_30),
        (
            "Today I can tell you that tomorrow, we will send the proposed rule to the Register.",
            "tomorrow",
            TOMORROW,
        ),
    ],
)
def test_scheduled_events_stay(text, mention, when):
    assert not_event(ev(text, mention, when)) is None


# ------------------------------------------------------------ anchors


def test_a_month_after_could_do_lies_ahead_in_a_past_frame() -> None:
    got = days(
        "Reporters asked whether he left the race because he doubted he could beat his rival "
        "in November.",
        datetime(2024, 7, 24, 15, tzinfo=NY),
    )
    assert got == [("in November", "2024-11-01/2024-11-30")]


def test_a_year_less_day_far_off_takes_the_year_the_document_writes() -> None:
    text = (
        "On January 6, 2021, a mob stormed the Capitol.\n"
        "Voters must judge what happened on January 6th before they vote again."
    )
    got = days(text, datetime(2024, 7, 1, 19, tzinfo=NY))
    assert got == [("On January 6, 2021", "2021-01-06"), ("on January 6th", "2021-01-06")]


def test_a_year_less_day_the_text_places_in_two_years_is_left_out() -> None:
    text = (
        "The public deserves to know what happened on January 6th.\n"
        "Voters must decide whether his conduct on January 6th makes him unfit for office."
    )
    assert days(text, datetime(2024, 7, 1, 19, tzinfo=NY)) == []


def test_a_near_year_less_day_keeps_its_guess() -> None:
    got = days("The talks ended on June 20th.", datetime(2024, 7, 1, 19, tzinfo=NY))
    assert got == [("on June 20th", "2024-06-20")]


def test_a_year_in_a_schedule_of_quantities_is_the_whole_year() -> None:
    text = (
        "The rule raised the required share from 55 percent to 60 percent in 2022, "
        "65 percent in 2024 and 75 percent in 2029."
    )
    got = dict(days(text, datetime(2024, 7, 24, 12, tzinfo=NY)))
    assert got["in 2024"] == "2024-01-01/2024-12-31"


def test_a_year_opening_its_own_clause_takes_that_clauses_tense() -> None:
    text = (
        "In 2023, the country added more wind power than ever—and in 2024, planned farms are "
        "expected to double that record."
    )
    got = dict(days(text, datetime(2024, 7, 1, 12, tzinfo=NY)))
    assert got["in 2024"] == "2024-01-01/2024-12-31"


def test_a_current_year_told_in_the_past_is_still_cut_at_the_writer_day() -> None:
    got = days("He was promoted to colonel in 2024.", datetime(2024, 7, 1, 12, tzinfo=NY))
    assert got == [("in 2024", "2024-01-01/2024-06-30")]


def test_reported_speech_today_in_a_report_of_an_earlier_day_is_that_day() -> None:
    text = (
        "Pyongyang, September 13 (KCNA) -- The leader inspected a training base on "
        "September 11.\n"
        "Saying that as seen in today's drill, such fighters are needed, he gave instructions."
    )
    got = days(text, datetime(2024, 9, 13, tzinfo=UTC), source_type="state-media")
    assert got == [("on September 11", "2024-09-11"), ("today", "2024-09-11")]


def test_a_page_stamped_long_after_the_post_it_embeds_counts_from_the_post() -> None:
    text = (
        "The missile was fired from near the capital this morning, the military said.\n"
        "Residents were told to take shelter. pic.twitter.com/x — A Reporter (@areporter) "
        "September 14, 2017"
    )
    got = days(text, datetime(2017, 11, 26, 21, 37, tzinfo=UTC))
    assert ("this morning", "2017-09-14") in got


def test_this_weekend_on_a_monday_is_the_one_just_gone_unless_ahead() -> None:
    monday = datetime(2024, 7, 29, 14, tzinfo=NY)
    assert days(
        "There is no reason the outcome of this weekend's strike has to be a war.", monday
    ) == [("this weekend", "2024-07-27/2024-07-28")]
    assert days("The President will travel to Delaware this weekend.", monday) == [
        ("this weekend", "2024-08-03/2024-08-04")
    ]


def test_a_present_go_with_a_weekday_looks_ahead() -> None:
    wednesday = datetime(2024, 7, 10, 18, tzinfo=NY)
    assert days("And now, we go into a cup final on Sunday.", wednesday) == [
        ("on Sunday", "2024-07-14")
    ]
