"""extractors.dates: the writer's day (outlet zones, datelines, clock and tense), dates
used as names, and month forms counted from a year ("in April last year").

Sentences are written for the project; the facts are real (the Croydon tram crash of
9 November 2016, the FBI letter of 6 November 2016, the inter-Korean military agreement
of 19 September 2018).
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from extractors.dates import find_dates, resolve_dates, writer_day
from extractors.models import Article

LONDON = ZoneInfo("Europe/London")


def art(text: str, published: datetime, url: str | None = None) -> Article:
    return Article(source="w.txt", title="t", text=text, published=published, url=url)


def dates_of(text: str, published: datetime, tz: str = "Asia/Seoul") -> list[tuple[str, str]]:
    return [(e.mention, e.date or "") for e in resolve_dates(art(text, published), tz)]


def test_an_outlet_zone_at_utc_offset_zero_is_still_the_writers_day() -> None:
    # London in November is +00:00; 21:13 there is already the next morning in Seoul.
    pub = datetime(2016, 11, 9, 21, 13, tzinfo=LONDON)
    text = "The tram overturned at 6.13am today.\n\nTomorrow engineers will lift it."
    assert dates_of(text, pub) == [("today", "2016-11-09"), ("Tomorrow", "2016-11-10")]


def test_plain_utc_is_still_read_in_the_digest_zone() -> None:
    pub = datetime(2016, 11, 9, 21, 13, tzinfo=UTC)
    assert dates_of("Ministers meet today.", pub) == [("today", "2016-11-10")]


def test_an_agency_dateline_names_the_writers_day() -> None:
    pub = datetime(2016, 11, 7, 2, 36, tzinfo=LONDON)
    text = (
        "WASHINGTON, Nov 6 (Reuters) - The FBI said it stood by its finding.\n\n"
        '"Today\'s letter settles it," a senator said.'
    )
    assert writer_day(art(text, pub), "Asia/Seoul")[0] == date(2016, 11, 6)
    assert ("Today", "2016-11-06") in dates_of(text, pub)


def test_a_dateline_two_days_off_is_ignored() -> None:
    pub = datetime(2016, 11, 9, 10, 0, tzinfo=LONDON)
    text = "WASHINGTON, Nov 6 (Reuters) - Officials met today."
    assert writer_day(art(text, pub), "Asia/Seoul")[0] == date(2016, 11, 9)


def test_a_past_evening_in_a_morning_story_was_written_the_day_before() -> None:
    pub = datetime(2016, 11, 7, 6, 40, tzinfo=LONDON)
    text = "Her spokeswoman welcomed the move this evening.\n\nThe candidate today warned voters."
    assert dates_of(text, pub) == [("this evening", "2016-11-06"), ("today", "2016-11-06")]


def test_a_future_evening_in_a_morning_story_is_that_day() -> None:
    pub = datetime(2016, 11, 7, 6, 40, tzinfo=LONDON)
    assert dates_of("She will speak this evening.", pub) == [("this evening", "2016-11-07")]


def test_a_past_clock_time_later_than_the_stamp_moves_the_day_back() -> None:
    # 22:10 UTC is 07:10 the next day in Seoul; "10.40pm today" can only be the UTC day.
    pub = datetime(2024, 6, 3, 22, 10, tzinfo=UTC)
    assert dates_of("The drone was spotted at 10.40pm today.", pub) == [("today", "2024-06-03")]


def test_past_weekday_in_a_monday_story_with_the_verb_after_the_clause() -> None:
    pub = datetime(2016, 11, 7, 11, 34, tzinfo=LONDON)
    for s in (
        "The polls on Sunday, before the news broke, gave her a lead.",
        "In Manchester, New Hampshire, on Sunday, she said the country faced a choice.",
    ):
        assert dates_of(s, pub) == [("on Sunday", "2016-11-06")], s


def test_could_is_no_future_marker() -> None:
    pub = datetime(2016, 11, 10, 3, 37, tzinfo=LONDON)
    s = "She was inside the store Wednesday evening and could see people outside."
    assert dates_of(s, pub) == [("Wednesday", "2016-11-09")]


@pytest.mark.parametrize(
    "sentence",
    [
        "Pyongyang scrapped the September 19 military agreement last year.",
        "Seoul suspended the Sept. 19 inter-Korean military accord.",
        "Both sides honoured the June 15 Joint Declaration.",
        "He recalled the September 11 attacks.",
        "The Queen laid a wreath on Remembrance Sunday.",
        "He had kept his promise, as they did on the Sunday before the election.",
        "Get the Morning Briefing delivered to your inbox Monday through Friday.",
        "My mother died 20 years ago today.",
        "We lost this election in the last week.",
    ],
)
def test_dates_used_as_names_or_counted_from_another_event_are_not_events(sentence: str) -> None:
    assert find_dates(sentence, date(2024, 10, 14)) == []


def test_a_day_before_an_event_it_dates_is_kept() -> None:
    s = "Players celebrated their Nov. 2 World Series victory."
    assert find_dates(s, date(2016, 11, 3)) == [("Nov. 2", "2016-11-02")]


def test_a_dated_event_beside_a_named_accord_is_kept() -> None:
    pub = date(2024, 10, 14)
    s = "The two leaders signed the accord on September 19, 2018 in Pyongyang."
    assert find_dates(s, pub) == [("on September 19, 2018", "2018-09-19")]


@pytest.mark.parametrize(
    ("sentence", "expect"),
    [
        (
            "The tanker was seized in April last year.",
            ("in April last year", "2023-04-01/2023-04-30"),
        ),
        ("The deal was struck last April.", ("last April", "2024-04-01/2024-04-30")),
        ("It was struck last November.", ("last November", "2023-11-01/2023-11-30")),
        ("Talks resume next March.", ("next March", "2025-03-01/2025-03-31")),
        ("The summit is set for May 3 next year.", ("for May 3 next year", "2025-05-03")),
        ("He sent the notice late last month.", ("late last month", "2024-09-21/2024-09-30")),
        ("The change was made early this year.", ("early this year", "2024-01-01/2024-04-30")),
        (
            "Comey's late October announcement shook the race.",
            ("late October", "2024-10-21/2024-10-31"),
        ),
        ("The driver was bailed until May.", ("until May", "2025-05-01/2025-05-31")),
    ],
)
def test_months_counted_from_a_year(sentence: str, expect: tuple[str, str]) -> None:
    assert find_dates(sentence, date(2024, 10, 14)) == [expect]


def test_before_a_past_weekday_possessive_stays_past() -> None:
    # the preposition is the meeting's, not the day's: the mention is the day alone
    s = "He had never met the president before Wednesday's meeting."
    assert find_dates(s, date(2016, 11, 10)) == [("Wednesday", "2016-11-09")]


def test_a_month_day_keeps_the_nearest_year_when_the_clause_has_no_tense() -> None:
    # The verb ("swept") is unknown; "set to" further on belongs to another clause.
    s = "But on November 8, Trump swept to victory, and is now set to become president."
    assert find_dates(s, date(2016, 11, 13)) == [("on November 8", "2016-11-08")]


def test_ahead_of_a_weekday_is_ahead_and_ahead_of_after_it_is_not() -> None:
    pub = date(2016, 11, 7)
    s = "Campaigning continued ahead of Tuesday's election."
    assert find_dates(s, pub) == [("Tuesday", "2016-11-08")]
    s = "His motorcade arrives at the club on Wednesday ahead of his meetings."
    assert find_dates(s, date(2016, 11, 10)) == [("on Wednesday", "2016-11-09")]


def test_a_present_tense_after_when_or_after_refers_ahead() -> None:
    s = "Mr Trump has pledged to repeal the law after he takes office in January."
    assert find_dates(s, date(2016, 11, 10)) == [("in January", "2017-01-01/2017-01-31")]
    s = "He left after he was told in January."
    assert find_dates(s, date(2016, 11, 10)) == [("in January", "2016-01-01/2016-01-31")]


def test_an_undated_article_takes_its_day_from_the_url() -> None:
    a = Article(
        source="u.html",
        title="t",
        text="Fans celebrated early on Thursday.",
        url="https://www.example.com/sports/2016/11/03/cubs-win/",
    )
    assert [(e.mention, e.date) for e in resolve_dates(a, "Asia/Seoul")] == [
        ("on Thursday", "2016-11-03")
    ]


def test_a_weekday_possessive_is_a_date() -> None:
    s = "Horner praised his drive in Sunday's Brazilian Grand Prix."
    assert find_dates(s, date(2016, 11, 14)) == [("Sunday", "2016-11-13")]


def test_a_planned_flight_is_no_future_marker() -> None:
    # Written for the project: "planned" after a determiner is an adjective, any tense.
    from extractors.dates import tense_direction

    s = (
        "Officials said the charter crashed soon after taking off just after noon on Sunday "
        "from the coast on a planned flight to the capital."
    )
    i = s.index("on Sunday")
    assert tense_direction(s, i, i + 9, beyond_clause=True) == "past"
    s2 = "The ministers will meet on Sunday for the scheduled talks."
    i = s2.index("on Sunday")
    assert tense_direction(s2, i, i + 9, beyond_clause=True) == "future"
