"""extractors.dates: year spans, seasons, an embedded post's or a release's own day, a
page stamp inside a line, "could not be reached" (issue 10, round 5, second pass).

Sentences written for the project. The publication day is given per test."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from extractors.dates import find_dates, resolve_dates
from extractors.models import Article

JULY = date(2023, 7, 26)  # a Wednesday
NOV = date(2016, 11, 14)  # a Monday
FEB = date(2024, 2, 12)  # a Monday


# ---- spans of years: first January .. last December


@pytest.mark.parametrize(
    ("sentence", "mention", "expect"),
    [
        (
            "She chaired the port authority from 2011 to 2016 before joining the cabinet.",
            "from 2011 to 2016",
            "2011-01-01/2016-12-31",
        ),
        (
            "From 1994 to 1997, he taught law in Busan.",
            "From 1994 to 1997",
            "1994-01-01/1997-12-31",
        ),
        (
            "The envoy lived in Brussels between 2008 and 2012.",
            "between 2008 and 2012",
            "2008-01-01/2012-12-31",
        ),
        (
            "He sat on the city council from 1990-1998 and then ran for mayor.",
            "from 1990-1998",
            "1990-01-01/1998-12-31",
        ),
        ("The minister served in 2013–2015 as a deputy.", "in 2013–2015", "2013-01-01/2015-12-31"),
        ("Output fell from 2016-19 in every region.", "from 2016-19", "2016-01-01/2019-12-31"),
        (
            "She worked at the embassy from 2002 until 2005.",
            "from 2002 until 2005",
            "2002-01-01/2005-12-31",
        ),
    ],
)
def test_year_span(sentence: str, mention: str, expect: str) -> None:
    assert find_dates(sentence, JULY) == [(mention, expect)]


def test_two_years_are_no_span() -> None:
    got = find_dates("The drills were held in 2001 and 2004.", JULY)
    assert [v for _, v in got] == ["2001-01-01/2001-12-31", "2004-01-01/2004-12-31"]


@pytest.mark.parametrize(
    "sentence",
    [
        "The 2009-2013 survey found fewer ships.",  # an adjective, no preposition
        "The vote went from 2015 to 1998 in a recount.",  # a count, not a span
        "Prices rose from 2015 to 17 dollars.",  # not a span of years
    ],
)
def test_no_year_span(sentence: str) -> None:
    assert find_dates(sentence, JULY) == []


def test_span_beats_its_end_year() -> None:
    # "until 2005" alone is a year; inside "from 2002 until 2005" it is the span's end
    got = find_dates("She worked there from 2002 until 2005.", JULY)
    assert got == [("from 2002 until 2005", "2002-01-01/2005-12-31")]


# ---- seasons named from the writer's day, or by their year


@pytest.mark.parametrize(
    ("sentence", "pub", "expect"),
    [
        # in July, last summer is the one a year before; in November, the one just gone
        ("Last summer, the board approved the design.", JULY, "2022-06-01/2022-08-31"),
        ("The inquiry began last summer.", NOV, "2016-06-01/2016-08-31"),
        ("The talks resume this fall.", JULY, "2023-09-01/2023-11-30"),
        ("The bridge opens next spring.", JULY, "2024-03-01/2024-05-31"),
        ("It snowed hard this winter.", FEB, "2023-12-01/2024-02-29"),
        ("The talks stalled last winter.", JULY, "2022-12-01/2023-02-28"),
        ("The treaty was signed in the summer of 1953.", JULY, "1953-06-01/1953-08-31"),
    ],
)
def test_season(sentence: str, pub: date, expect: str) -> None:
    assert [v for _, v in find_dates(sentence, pub)] == [expect]


def test_generic_season_is_no_date() -> None:
    assert find_dates("The ferry runs more often during the summer.", JULY) == []


# ---- an embedded post's or a quoted release's "today" is its own day


def _article(text: str, published: datetime) -> Article:
    return Article(source="t", title="t", text=text, published=published)


def test_embedded_post_today_is_the_post_day() -> None:
    text = (
        "The museum said the gallery would stay shut.\n\n"
        "Update on the flood at the museum today: https://t.co/abc pic.twitter.com/xyz "
        "— City Museum (@CityMuseum) March 3, 2019"
    )
    art = _article(text, datetime(2019, 3, 4, 9, 0, tzinfo=ZoneInfo("America/New_York")))
    got = [(e.mention, e.date) for e in resolve_dates(art, "America/New_York")]
    assert got == [("March 3, 2019", "2019-03-03")]


def test_release_today_is_the_release_day() -> None:
    # "today" in a release quoted a month later is the release's day, not the page's
    text = (
        "The union sent a statement last month.\n\n"
        "UNION WARNS RAIL TRAVELLERS (September 12, 2019) – The union today issued a "
        "warning to travellers. The warning is in effect beginning today, September 12, "
        "2019, until further notice."
    )
    art = _article(text, datetime(2019, 10, 30, 9, 0, tzinfo=ZoneInfo("Europe/London")))
    got = [(e.mention, e.date) for e in resolve_dates(art, "Europe/London")]
    # one event per date and sentence, named by the calendar date the sentence gives
    assert got == [
        ("last month", "2019-09-01/2019-09-30"),
        ("September 12, 2019", "2019-09-12"),
        ("September 12, 2019", "2019-09-12"),
    ]


# ---- a page stamp inside the title line is no event


def test_inline_updated_stamp_is_no_event() -> None:
    text = (
        "Zoo closes ape house after boy falls Updated: 2019-03-05 10:12 (Agencies)\n\n"
        "The zoo closed its ape house on Monday."
    )
    art = _article(text, datetime(2019, 3, 5, 10, 12, tzinfo=ZoneInfo("Asia/Shanghai")))
    got = [(e.mention, e.date) for e in resolve_dates(art, "Asia/Shanghai")]
    assert got == [("on Monday", "2019-03-04")]


# ---- "could not be reached on Sunday" is gone by


def test_could_not_be_reached_is_past() -> None:
    got = find_dates("The owner could not be reached on Sunday.", NOV)
    assert got == [("on Sunday", "2016-11-13")]


def test_could_be_reached_stays_open() -> None:
    # no negation: a possibility ahead, which the condition rule leaves unlisted
    assert find_dates("The deal could be reached on Sunday.", NOV) == []


def test_release_today_alone() -> None:
    text = (
        "PORT STRIKE CALLED OFF (May 2, 2018) – The dockers' union today called off the "
        "strike it had set for Friday."
    )
    art = _article(text, datetime(2018, 6, 20, 9, 0, tzinfo=ZoneInfo("Europe/London")))
    got = [(e.mention, e.date) for e in resolve_dates(art, "Europe/London")]
    # the release's Friday is the one after its own day, not the page's
    assert got == [("May 2, 2018", "2018-05-02"), ("Friday", "2018-05-04")]


def test_page_day_kept_without_a_stamp() -> None:
    art = _article(
        "The minister said today that the talks were over.",
        datetime(2018, 6, 20, 9, 0, tzinfo=ZoneInfo("Europe/London")),
    )
    assert [(e.mention, e.date) for e in resolve_dates(art, "Europe/London")] == [
        ("today", "2018-06-20")
    ]


# ---- a month opening the sentence takes the main clause's tense


def test_opening_month_takes_the_main_verb() -> None:
    # a July story: last December's, not the coming one, though the coming one is nearer
    got = find_dates("In December, the agency issued a new rule on ramps.", date(2024, 7, 26))
    assert got == [("In December", "2023-12-01/2023-12-31")]


def test_opening_month_ahead() -> None:
    got = find_dates("In December, the agency will issue a new rule on ramps.", date(2024, 7, 26))
    assert got == [("In December", "2024-12-01/2024-12-31")]
