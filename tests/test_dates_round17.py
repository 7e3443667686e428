"""Round 17 dates: a possessive "today's" is the day; a habit names no month; a span of
years joined to one before it by "and"; a named actor "expected to" act is a plan, an
amount "expected to" move a forecast. Texts written for the project."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from extractors.dates import not_event, resolve_dates
from extractors.models import Article

ET = ZoneInfo("America/New_York")


def _events(text: str) -> list:
    art = Article(
        source="r", title="Remarks on a ruling", text=text,
        published=datetime(2024, 7, 1, 19, 0, tzinfo=ET),
    )  # fmt: skip
    return list(resolve_dates(art, "America/New_York"))


@pytest.mark.parametrize(
    "text",
    [
        "With today’s court decision on the appeal, that has changed.",
        "Because of today's decision, a trial before the vote is unlikely.",
    ],
)
def test_a_possessive_today_is_the_day(text: str) -> None:
    (e,) = _events(text)
    assert (e.mention.lower(), e.date) == ("today", "2024-07-01")


@pytest.mark.parametrize(
    "text",
    [
        "Read Today's Paper for the full list.",
        "These are the jobs of tomorrow.",
    ],
)
def test_a_masthead_and_an_age_are_no_day(text: str) -> None:
    assert _events(text) == []


def test_a_habit_names_no_month_but_the_clause_after_but_does() -> None:
    assert _events("The rival usually waits until September to show its new phones.") == []
    (e,) = _events("The council usually meets in March, but this year it met on Tuesday.")
    assert (e.mention, e.date) == ("on Tuesday", "2024-06-25")


def test_a_span_of_years_after_another_span() -> None:
    got = _events("She was an associate at a firm from 2006 to 2007 and 2003 to 2005.")
    assert [e.date for e in got] == ["2006-01-01/2007-12-31", "2003-01-01/2005-12-31"]
    # two years, no span between them
    assert [e.date for e in _events("The results in 2001 and 2004 were poor.")] == [
        "2001-01-01/2001-12-31",
        "2004-01-01/2004-12-31",
    ]


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("The company is expected to unveil the phone at the trade show next week.", "forecast"),
        ("Samsung is expected to unveil the phone at the trade show next week.", ""),
        ("Yoon is expected to attend the summit in Washington next week.", ""),
        ("Prices are expected to rise next week.", "forecast"),
    ],
)
def test_an_actor_expected_to_act_is_a_plan(text: str, why: str) -> None:
    (e,) = _events(text)
    assert (not_event(e) or "") == why
