"""extractors.dates: the rules of issue 10's fifth round, one class each.

Sentences written for the project. The publication day is given per test."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from extractors.dates import find_dates, resolve_dates
from extractors.models import Article

FEB = date(2025, 2, 10)  # a Monday
JUNE = date(2025, 6, 10)  # a Tuesday
JULY = date(2025, 7, 2)  # a Wednesday


# ---- a time gone by, whatever the clause's verb


@pytest.mark.parametrize(
    ("sentence", "pub", "expect"),
    [
        ("Back in July, I signed an order on farm prices.", FEB, "2024-07-01/2024-07-31"),
        ("Since October 7, the envoys have met twice a week.", JUNE, "2024-10-07"),
        ("Way back in November the plan was shelved.", JUNE, "2024-11-01/2024-11-30"),
    ],
)
def test_since_and_back_in_are_past(sentence: str, pub: date, expect: str) -> None:
    assert [v for _, v in find_dates(sentence, pub)] == [expect]


def test_come_back_in_is_not_past() -> None:
    assert find_dates("The envoy will come back in July.", JUNE) == [
        ("in July", "2025-07-01/2025-07-31")
    ]


# ---- past markers: negated pasts, same-form pasts, a past "until"


def test_negated_past_until() -> None:
    got = find_dates("The board didn't hear the auditor until December.", JUNE)
    assert got == [("until December", "2024-12-01/2024-12-31")]


def test_until_ahead_stays_ahead() -> None:
    assert find_dates("The pilot has been grounded until May.", JUNE) == [
        ("until May", "2026-05-01/2026-05-31")
    ]
    assert find_dates("The curfew runs until December.", JUNE) == [
        ("until December", "2025-12-01/2025-12-31")
    ]


def test_same_form_past_verb() -> None:
    # "beat" is past here, present after "will"
    assert find_dates("Hull beat Leeds in the Cup final on Sunday.", JULY) == [
        ("on Sunday", "2025-06-29")
    ]
    assert find_dates("Hull will beat Leeds in the Cup final on Sunday.", JULY) == [
        ("on Sunday", "2025-07-06")
    ]


def test_a_weekday_in_an_events_name_is_no_date() -> None:
    assert find_dates("Tickets for Cup Final Sunday sold out in an hour.", JULY) == []
    assert find_dates("The rally on Election Sunday drew thousands.", JULY) == []


def test_past_tense_day_without_year_is_not_ahead() -> None:
    # published 10 June: a past-tense 20 June is last year's, never an upcoming date
    for s in (
        "On June 20th, after a night of talks, the two sides signed the pact.",
        "The envoys met in Madrid on June 20th and signed the pact.",
        "The pact, first proposed in Brussels on June 20th, gave the navy a role.",
    ):
        assert [v for _, v in find_dates(s, JUNE)] == ["2024-06-20"], s


# ---- "in March last"


@pytest.mark.parametrize(
    ("sentence", "expect"),
    [
        ("The mill was shut in March last and has not reopened.", "2024-03-01/2024-03-31"),
        ("In March last, the mill was shut.", "2024-03-01/2024-03-31"),
        ("Prices have risen since January last.", "2025-01-01/2025-01-31"),
    ],
)
def test_month_last(sentence: str, expect: str) -> None:
    assert [v for _, v in find_dates(sentence, FEB)] == [expect]


def test_month_last_year_unchanged() -> None:
    assert find_dates("In March last year, the mill was shut.", FEB) == [
        ("In March last year", "2024-03-01/2024-03-31")
    ]


# ---- conditions and possibilities are not listed


@pytest.mark.parametrize(
    "sentence",
    [
        "The siege could end tomorrow if both sides agreed.",
        "If the talks fail next week, sanctions would follow.",
        "If he is elected next month, he would scrap the levy.",
        "Unless the court rules on Friday, the ban stays.",
        "The dockers might strike this weekend.",
    ],
)
def test_hypothetical_relative_days_dropped(sentence: str) -> None:
    assert find_dates(sentence, JULY) == []


@pytest.mark.parametrize(
    ("sentence", "expect"),
    [
        (
            "The ministers will meet next week in Brussels.",
            [("next week", "2025-07-07/2025-07-13")],
        ),
        (
            "The summit, if it goes ahead, will be held on Thursday.",
            [("on Thursday", "2025-07-03")],
        ),
        ("If you look at next week, the diary is full.", [("next week", "2025-07-07/2025-07-13")]),
        # a calendar date after "could" is a date someone set
        ("Shots could start as early as Monday, July 7.", [("Monday, July 7", "2025-07-07")]),
    ],
)
def test_plans_kept(sentence: str, expect: list) -> None:
    assert find_dates(sentence, JULY) == expect


# ---- years


def test_juche_year() -> None:
    assert find_dates("One day in April Juche 50 (1961), he toured a fish farm.", JULY) == [
        ("in April Juche 50 (1961)", "1961-04-01/1961-04-30")
    ]


def test_second_year_of_a_pair() -> None:
    assert find_dates("She sang at the final in 2001 and 2004.", JULY) == [
        ("in 2001", "2001-01-01/2001-12-31"),
        ("2004", "2004-01-01/2004-12-31"),
    ]
    assert find_dates("The fleet grew 2001 and 2004 alike.", JULY) == []


# ---- stamps: a signature's date, an agency dateline


def _article(text: str, published: datetime) -> Article:
    return Article(source="fixture", title="t", text=text, published=published)


def test_signature_date_is_no_event() -> None:
    text = (
        "The order takes effect on July 19, 2025.\n"
        "JOSEPH Q. EXAMPLE\n"
        "THE WHITE HOUSE,\n"
        "July 16, 2025."
    )
    art = _article(text, datetime(2025, 7, 16, 17, 0, tzinfo=ZoneInfo("America/New_York")))
    assert [(e.mention, e.date) for e in resolve_dates(art, "America/New_York")] == [
        ("on July 19, 2025", "2025-07-19")
    ]


def test_agency_dateline_is_no_event() -> None:
    text = (
        "Pyongyang, September 12 (KCNA) -- The premier received a letter from an envoy on Sept. 9."
    )
    art = _article(text, datetime(2024, 9, 12, tzinfo=ZoneInfo("Asia/Pyongyang")))
    assert [(e.mention, e.date) for e in resolve_dates(art, "Asia/Seoul")] == [
        ("on Sept. 9", "2024-09-09")
    ]


# ---- a plan told in the past, a future in the past, a day just gone


def test_plan_told_in_the_past_takes_the_main_verb() -> None:
    # published Monday 1 January 2018: the Sunday of the flight was the day before
    got = find_dates(
        "The ferry was scheduled to sail at 11 p.m. Sunday, but left late.", date(2018, 1, 1)
    )
    assert got == [("Sunday", "2017-12-31")]


def test_future_in_the_past_is_no_future() -> None:
    got = find_dates("The makers knew this would be a problem in February.", JULY)
    assert got == [("in February", "2025-02-01/2025-02-28")]


def test_a_day_just_gone_beats_next_year() -> None:
    # a future verb about an attack of six days before publication
    got = find_dates("Moscow plans to blame Kyiv for the raid on the 26th of June.", JULY)
    assert got == [("26th of June", "2025-06-26")]


def test_since_the_nth_of() -> None:
    got = find_dates("Since the 7th of October, the envoy has met them ten times.", JULY)
    assert got == [("7th of October", "2024-10-07")]


def test_this_weekend_gone() -> None:
    # said on a Wednesday
    assert find_dates("They will look into what happened this weekend.", JULY) == [
        ("this weekend", "2025-06-28/2025-06-29")
    ]
    assert find_dates("The fair opens this weekend.", JULY) == [
        ("this weekend", "2025-07-05/2025-07-06")
    ]


def test_relative_clause_verb_is_past() -> None:
    # published Monday 14 July 2025
    got = find_dates(
        "The review will study the lapses that happened on Saturday.", date(2025, 7, 14)
    )
    assert got == [("on Saturday", "2025-07-12")]


def test_a_body_named_by_its_day_is_no_date() -> None:
    assert find_dates("She sat on the January 6th Committee for two years.", JULY) == []
    assert find_dates("On January 6 committee members met.", JULY) == [
        ("On January 6", "2025-01-06")
    ]


@pytest.mark.parametrize(
    ("sentence", "expect"),
    [
        # a day gone by in an if-clause is still that day (published Wednesday 2 July)
        ("He asked if the envoy left on Monday.", [("on Monday", "2025-06-30")]),
        ("Do you know if that came up today?", [("today", "2025-07-02")]),
        # an indirect question about a day ahead is no condition
        (
            "I wonder if the summit next week will settle it.",
            [("next week", "2025-07-07/2025-07-13")],
        ),
        ("If I could ask about the visit tomorrow: who goes?", [("tomorrow", "2025-07-03")]),
    ],
)
def test_if_that_is_no_condition(sentence: str, expect: list) -> None:
    assert find_dates(sentence, JULY) == expect


def test_if_we_is_a_condition() -> None:
    assert find_dates("If we win next week, the cup is ours.", JULY) == []
