"""extractors.dates: the classes of the round-5 held-out read (review5 items 1 and 2).

Sentences written for the project (not the sources' text); the cases were seen on the
read, so these are regression tests, not a blind measure."""

from __future__ import annotations

from datetime import date

import pytest

from extractors.dates import find_dates

JULY = date(2024, 7, 2)  # a Tuesday
SEPT = date(2024, 9, 3)


# ---- an explicit year in the mention or its clause wins


@pytest.mark.parametrize(
    ("sentence", "pub", "expect"),
    [
        ("We raised the money between that autumn and December 31st of 2002.", JULY, "2002-12-31"),
        ("The mills met their output plans for August.", SEPT, "2024-08-01/2024-08-31"),
        (
            "Farms beat their grain plans for August, in a push for big gains in 2024.",
            SEPT,
            "2024-08-01/2024-08-31",
        ),
        ("Back in 2019, the talks in June broke down.", JULY, "2019-06-01/2019-06-30"),
        ("The treaty was signed on March 3 of 2001.", JULY, "2001-03-03"),
    ],
)
def test_explicit_year_wins(sentence: str, pub: date, expect: str) -> None:
    values = [v for _, v in find_dates(sentence, pub)]
    assert expect in values


def test_a_month_with_no_year_in_its_clause_keeps_the_tense() -> None:
    # the clause rule does not fire without a year: a plan ahead stays ahead
    assert find_dates("The board will vote in June.", JULY) == [
        ("in June", "2025-06-01/2025-06-30")
    ]


# ---- past or idiomatic phrases are no Upcoming event


@pytest.mark.parametrize(
    "sentence",
    [
        "Fifty years ago this spring, in 1974, the bridge opened.",
        "It was 20 years ago this week that the plant closed.",
        "Thanks, everyone, I'll see you tomorrow.",
        "OK, talk to you all next week.",
        "These grants will train workers for the jobs of tomorrow.",
        "Children growing up today face a harder market.",
        "Q And what happens beyond tomorrow?",
        "Q: Will the envoy travel next week?",
        "The crews of the May 9 Steel Pioneer Brigade were thanked.",
    ],
)
def test_no_event_ahead(sentence: str) -> None:
    assert [
        v for _, v in find_dates(sentence, JULY) if v and v.split("/")[-1] >= "2024-07-02"
    ] == []


def test_already_this_week_is_gone_by() -> None:
    found = find_dates("Some 5,000 homes were already being flooded this week.", JULY)
    assert found == [("this week", "2024-07-01")]


@pytest.mark.parametrize(
    ("sentence", "expect"),
    [
        ("As of today, the rule applies.", "2024-07-02"),
        ("She will speak to the press tomorrow.", "2024-07-03"),
        ("The summit opens on July 11.", "2024-07-11"),
        ("A: We will see you there next week.", "2024-07-08/2024-07-14"),
        ("The talks resume on August 28 in Geneva.", "2024-08-28"),
        ("He plans to go this week.", "2024-07-01/2024-07-07"),
        # a fact the reporter states before asking keeps its date
        ("Q The ministry said the leaders would meet in August.", "2024-08-01/2024-08-31"),
    ],
)
def test_real_days_stay(sentence: str, expect: str) -> None:
    assert expect in [v for _, v in find_dates(sentence, JULY)]


def test_can_be_is_no_future() -> None:
    # "cannot be settled by one week in June", said early in July: the June just gone
    found = find_dates("The race cannot be settled by one week in June.", JULY)
    assert found == [("in June", "2024-06-01/2024-06-30")]
    # a plain future still looks ahead
    assert find_dates("The race will be settled in June.", JULY) == [
        ("in June", "2025-06-01/2025-06-30")
    ]
