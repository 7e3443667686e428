"""extractors.dates across time zones, and the date-like names that are no dates.

The zone cases are the table in benchmarks/dates_tz_cases.json (also printed by
benchmarks/dates_eval.py); every one must come out right.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from extractors.dates import find_dates, resolve_dates
from extractors.models import Article

CASES = json.loads(
    (Path(__file__).resolve().parent.parent / "benchmarks" / "dates_tz_cases.json").read_text()
)["cases"]


def as_published(case: dict) -> datetime:
    """The timestamp as fetch/sources.py hands it on: naive ones get the outlet's zone."""
    pub = datetime.fromisoformat(case["published"])
    if pub.tzinfo is None and case["source_zone"]:
        pub = pub.replace(tzinfo=ZoneInfo(case["source_zone"]))
    return pub


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_time_zone_cases(case: dict) -> None:
    art = Article(source="tz.txt", title="t", text=case["text"], published=as_published(case))
    events = resolve_dates(art, case["tz"])
    assert [e.date for e in events] == ([case["expect"]] if case["expect"] else []), events


@pytest.mark.parametrize(
    "sentence",
    [
        "He told BBC Radio 4's Today programme that talks would resume.",
        "She wrote in the Sunday Times that Seoul had a point.",
        "The Today show ran the interview.",
    ],
)
def test_programme_and_paper_names_are_not_dates(sentence: str) -> None:
    assert find_dates(sentence, datetime(2025, 4, 1).date()) == []


def test_today_at_the_start_of_a_sentence_is_still_a_date() -> None:
    assert find_dates("Today the ministers meet.", datetime(2025, 4, 1).date()) == [
        ("Today", "2025-04-01")
    ]


def test_a_page_stamp_is_not_an_event() -> None:
    art = Article(
        source="s.txt",
        title="t",
        text="Wire | Updated: 2017-09-15 21:45\nThe Kremlin said on Friday it was worried.",
        published=datetime(2017, 9, 15),
    )
    assert [(e.mention, e.date) for e in resolve_dates(art, "Asia/Seoul")] == [
        ("on Friday", "2017-09-15")
    ]
