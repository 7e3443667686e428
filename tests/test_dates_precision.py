"""extractors.dates: the precision rules of issue 10's second round, one test each.

Sentences written for the project. MONDAY is the publication day unless a test says
otherwise."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from extractors.dates import find_dates, resolve_dates
from extractors.models import Article

MONDAY = date(2025, 4, 7)
SUNDAY = date(2025, 4, 6)
LONDON = ZoneInfo("Europe/London")


# ---- a quotation's "today" is the day it was said


@pytest.mark.parametrize(
    ("sentence", "expect"),
    [
        (
            '"We will decide today," the minister said on Saturday.',
            [("today", "2025-04-05"), ("on Saturday", "2025-04-05")],
        ),
        (
            'Speaking on Friday, Kim said: "The drills start tomorrow."',
            [("on Friday", "2025-04-04"), ("tomorrow", "2025-04-05")],
        ),
        (
            "“Yesterday we saw the plan,” the envoy told reporters on Thursday.",
            [("Yesterday", "2025-04-02"), ("on Thursday", "2025-04-03")],
        ),
    ],
)
def test_quoted_relative_day_counts_from_the_attribution(
    sentence: str, expect: list[tuple[str, str]]
) -> None:
    assert find_dates(sentence, MONDAY) == expect


def test_quoted_today_without_a_day_of_its_own_is_the_writers_day() -> None:
    s = '"We will decide today," the minister said.'
    assert find_dates(s, MONDAY) == [("today", "2025-04-07")]


def test_today_outside_the_quotation_is_not_moved() -> None:
    s = 'The minister, who said on Saturday that "nothing is settled", meets Kim today.'
    assert ("today", "2025-04-07") in find_dates(s, MONDAY)


# ---- "later Sunday", "early Monday": a part of the day, no tense


@pytest.mark.parametrize(
    ("sentence", "pub", "expect"),
    [
        ("Later Sunday, the minister flew to Tokyo.", MONDAY, "2025-04-06"),
        ("The minister met Yoon and later Sunday flew to Tokyo.", MONDAY, "2025-04-06"),
        ("The talks ran late on Sunday.", MONDAY, "2025-04-06"),
        ("The blast happened late Sunday near the border.", MONDAY, "2025-04-06"),
        ("The deal was signed early Monday.", MONDAY, "2025-04-07"),
        ("The minister will speak later Sunday.", SUNDAY, "2025-04-06"),
        ("Earlier Sunday, the ministry denied the report.", MONDAY, "2025-04-06"),
    ],
)
def test_part_of_day_before_a_weekday(sentence: str, pub: date, expect: str) -> None:
    assert [v for _, v in find_dates(sentence, pub)] == [expect]


# ---- no tense marker: the nearest such day, not the rest of the week


@pytest.mark.parametrize(
    ("sentence", "expect"),
    [
        ("The summit on Sunday drew 30 leaders.", "2025-04-06"),  # an irregular past
        ("Officials are investigating the crash on Sunday that killed six.", "2025-04-06"),
        ("The Sunday rally in Seoul: a record crowd.", "2025-04-06"),
        ("Talks on Wednesday: what is at stake.", "2025-04-09"),
    ],
)
def test_weekday_without_tense_is_the_nearest(sentence: str, expect: str) -> None:
    assert [v for _, v in find_dates(sentence, MONDAY)] == [expect]


def test_this_weekday_stays_in_the_publication_week() -> None:
    assert find_dates("Officials meet this Sunday.", MONDAY) == [("this Sunday", "2025-04-13")]


# ---- a possessive weekday after "before"/"after" is the noun's day


@pytest.mark.parametrize(
    ("sentence", "pub", "expect"),
    [
        ("Her lead eroded in the final stretch before Tuesday's vote.", MONDAY, "2025-04-08"),
        ("A day before Saturday's crash, the airline had warned pilots.", SUNDAY, "2025-04-05"),
        ("He resigned after Friday's vote.", MONDAY, "2025-04-04"),
        ("The parties will meet before Friday's deadline.", MONDAY, "2025-04-11"),
    ],
)
def test_possessive_weekday_after_before_or_after(sentence: str, pub: date, expect: str) -> None:
    got = find_dates(sentence, pub)
    assert [v for _, v in got] == [expect]
    assert not got[0][0].lower().startswith(("before", "after"))


# ---- spans counted from now are no calendar periods


@pytest.mark.parametrize(
    "sentence",
    [
        "The allies will deliver interceptors over the next year.",
        "Prices rose sharply over the next month.",
        "Talks are expected within the next week.",
    ],
)
def test_the_next_year_is_a_span_not_a_calendar_year(sentence: str) -> None:
    assert find_dates(sentence, MONDAY) == []


def test_next_year_without_the_is_still_the_calendar_year() -> None:
    s = "The allies will deliver interceptors next year."
    assert find_dates(s, MONDAY) == [("next year", "2026-01-01/2026-12-31")]


# ---- a syndication stamp is no event, nor the month inside it


def test_syndication_stamp_is_no_date() -> None:
    s = "This story originally appeared on Example.com on Mon, 1 Jan 2018 at 10:05:01 EDT."
    assert find_dates(s, date(2018, 1, 1)) == []


# ---- "in April last year" and its kin


@pytest.mark.parametrize(
    ("sentence", "expect"),
    [
        ("The missile was fired in April last year, officials said.", "2024-04-01/2024-04-30"),
        ("In April last year, the two sides met.", "2024-04-01/2024-04-30"),
        ("The two sides met in April of last year.", "2024-04-01/2024-04-30"),
        ("The deal was signed on April 3 last year.", "2024-04-03"),
    ],
)
def test_month_last_year(sentence: str, expect: str) -> None:
    assert [v for _, v in find_dates(sentence, MONDAY)] == [expect]


# ---- article-level: stamps whose evening or rolled night leave a count unpinned


def _events(text: str, published: datetime) -> list[tuple[str, str | None]]:
    art = Article(source="hand.txt", title="t", text=text, published=published)
    return [(e.mention, e.date) for e in resolve_dates(art, "Asia/Seoul")]


def test_last_night_in_an_evening_story_is_dropped() -> None:
    pub = datetime(2016, 11, 9, 21, 13, tzinfo=LONDON)
    text = "The tram overturned at 6.13am today.\n\nThe police chief said last night that six died."
    assert _events(text, pub) == [("today", "2016-11-09")]


def test_last_night_in_a_morning_story_is_the_night_before() -> None:
    pub = datetime(2016, 11, 9, 7, 30, tzinfo=LONDON)
    text = "The police chief said last night that six died."
    assert _events(text, pub) == [("last night", "2016-11-08")]


def test_a_story_rolled_past_midnight_keeps_tonight_and_drops_yesterday() -> None:
    # stamped 03:35: the past "tonight" was the evening before; "yesterday" may count
    # from either day
    pub = datetime(2016, 11, 9, 3, 35, tzinfo=LONDON)
    text = (
        "Crowds cheered the result tonight.\n\nThe singer tweeted yesterday that she was proud."
        "\n\nShe will sing tomorrow."
    )
    assert _events(text, pub) == [("tonight", "2016-11-08")]


# ---- a quotation that goes on in the next paragraph keeps its day


def test_a_quotation_going_on_in_the_next_paragraph_counts_from_its_attribution() -> None:
    pub = datetime(2025, 4, 9, 10, 0, tzinfo=LONDON)  # a Wednesday
    text = (
        "‘The heating is built into the roof,’ the spokesman said on Monday.\n\n"
        "‘It was fixed today. It should hold.’\n\n"
        "The store reopens today."
    )
    assert _events(text, pub) == [
        ("on Monday", "2025-04-07"),
        ("today", "2025-04-07"),
        ("today", "2025-04-09"),
    ]


def test_a_quoted_paragraph_with_its_own_speech_verb_is_not_carried_on() -> None:
    pub = datetime(2025, 4, 9, 10, 0, tzinfo=LONDON)
    text = "‘It is settled,’ the envoy said on Monday.\n\n‘We sign today,’ the minister said."
    assert _events(text, pub)[-1] == ("today", "2025-04-09")


# ---- words inside a web address, an idiom, an indefinite adjective


def test_a_date_word_inside_a_web_address_is_no_date() -> None:
    s = "A study (https://example.edu/today/2021/10/story.html) found gains."
    assert find_dates(s, MONDAY) == []


def test_there_is_always_next_year_is_no_period() -> None:
    assert find_dates('"There is always next year," the fan said.', MONDAY) == []


def test_an_indefinite_adjective_month_takes_the_nearest_year() -> None:
    # the past "suggested" is the suggestion's tense, not the launch's
    s = "The maker has suggested a late February launch for the phone."
    assert find_dates(s, date(2017, 12, 22)) == [("late February", "2018-02-21/2018-02-28")]
