"""Round 6 date classes, on sentences written for the project (facts may be real).

Each class was found on the dev halves (benchmarks/dates_labels_v6.json and the older
sets): an idiom that hid a weekday, spans within one month, seasons named by "the",
habitual questions and names led by a weekday.
"""

from __future__ import annotations

from datetime import date

import pytest

from extractors.dates import find_dates

WED = date(2018, 1, 3)  # a Wednesday


def dates(sentence: str, pub: date = WED) -> list[tuple[str, str | None]]:
    return find_dates(sentence, pub)


@pytest.mark.parametrize(
    ("sentence", "expect"),
    [
        ("The two ministers blamed each other Monday for the failed talks.", "2018-01-01"),
        ("The allies accused each other on Tuesday of leaking the plan.", "2018-01-02"),
    ],
)
def test_each_other_is_no_schedule(sentence: str, expect: str) -> None:
    assert [v for _, v in dates(sentence)] == [expect]


def test_a_schedule_still_is_none() -> None:
    assert dates("The newsletter is delivered to your inbox each Monday.") == []


@pytest.mark.parametrize(
    ("sentence", "mention", "expect"),
    [
        (
            "The navy held drills from December 26 through 28.",
            "from December 26 through 28",
            "2017-12-26/2017-12-28",
        ),
        (
            "Talks are planned between Jan. 8 and 10, 2018.",
            "between Jan. 8 and 10, 2018",
            "2018-01-08/2018-01-10",
        ),
        (
            "The exercise will run from January 15 to 19.",
            "from January 15 to 19",
            "2018-01-15/2018-01-19",
        ),
    ],
)
def test_a_span_within_one_month(sentence: str, mention: str, expect: str) -> None:
    assert dates(sentence) == [(mention, expect)]


def test_a_span_into_another_month_is_not_cut_short() -> None:
    found = dates("The fair runs from March 3 to 5 May.")
    assert ("from March 3 to 5 May", "2018-03-03/2018-05-05") in found


def test_a_count_after_a_day_is_no_span() -> None:
    # "from January 15 to 19 people" would be odd English; a bare day followed by a
    # month is the other form, and a decimal is no day
    assert ("from January 15 to 19.5", "2018-01-15/2018-01-19") not in dates(
        "Prices rose from January 15 to 19.5 percent."
    )


@pytest.mark.parametrize(
    ("sentence", "pub", "expect"),
    [
        # told in the past in January: the summer gone by
        ("He began to think of retiring during the summer.", WED, "2017-06-01/2017-08-31"),
        # told in the past in July: the summer under way
        ("Exports fell sharply during the summer.", date(2018, 7, 20), "2018-06-01/2018-08-31"),
        # ahead: the next one
        (
            "The ministry will hold hearings over the winter.",
            date(2018, 9, 10),
            "2018-12-01/2019-02-28",
        ),
    ],
)
def test_the_season_follows_the_tense(sentence: str, pub: date, expect: str) -> None:
    assert [v for _, v in dates(sentence, pub)] == [expect]


@pytest.mark.parametrize(
    "sentence",
    [
        "In the summer, temperatures in Seoul often pass 30 degrees.",  # no tense: any summer
        "Parliament broke up for the summer recess.",
        "He spent the summer months in Busan.",
    ],
)
def test_a_season_with_no_time_is_none(sentence: str) -> None:
    assert dates(sentence) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "You ever open the gas bill and wonder why it is so high this month?",
        "Have you ever had a week like this week?",
        "Do you ever feel that today is the longest day?",
    ],
)
def test_a_habitual_question_names_no_day(sentence: str) -> None:
    assert dates(sentence) == []


def test_a_plain_question_keeps_its_day() -> None:
    assert dates("Will the ministers meet this week?") == [("this week", "2018-01-01/2018-01-07")]


@pytest.mark.parametrize(
    "sentence",
    [
        "The Monday Club issued a statement on trade.",
        "A Tuesday Group paper called for more spending.",
    ],
)
def test_a_name_led_by_a_weekday_is_no_day(sentence: str) -> None:
    assert dates(sentence) == []


def test_the_weekday_beside_a_name_still_counts() -> None:
    found = dates("The Sunday Times reported on Sunday that talks had failed.")
    assert found == [("on Sunday", "2017-12-31")]


@pytest.mark.parametrize(
    ("sentence", "expect"),
    [
        ("The envoys met the day before yesterday in Geneva.", "2018-01-01"),
        ("The vote is set for the day after tomorrow.", "2018-01-05"),
    ],
)
def test_two_days_off(sentence: str, expect: str) -> None:
    assert [v for _, v in dates(sentence)] == [expect]


def test_two_days_off_in_a_quotation_count_from_its_day() -> None:
    found = dates('"We met the day before yesterday," the envoy said on Monday.')
    assert found[0] == ("the day before yesterday", "2017-12-30")


@pytest.mark.parametrize(
    "sentence",
    [
        "It was a Monday like any other in the capital.",
        "The strike could start on any Friday.",
        "Saturday Night Live mocked the senator.",
    ],
)
def test_no_one_day(sentence: str) -> None:
    assert dates(sentence) == []


def test_a_weekday_told_after_an_indefinite_month_still_counts() -> None:
    assert dates("The talks ended on Monday, a day early.") == [("on Monday", "2018-01-01")]


def test_an_indefinite_weekday_before_its_noun_is_that_day() -> None:
    assert dates("He said in a Tuesday interview that talks would resume.") == [
        ("Tuesday", "2018-01-02")
    ]


@pytest.mark.parametrize(
    ("sentence", "expect"),
    [
        (
            "Tankers met at sea at least twice during October and November.",
            ["2017-10-01/2017-10-31", "2017-11-01/2017-11-30"],
        ),
        (
            "The drills will be held in December and January.",
            ["2018-12-01/2018-12-31", "2019-01-01/2019-01-31"],
        ),
        (
            "The talks ran in November and December 2016.",
            ["2016-11-01/2016-11-30", "2016-12-01/2016-12-31"],
        ),
    ],
)
def test_two_months_joined_by_and(sentence: str, expect: list[str]) -> None:
    assert [v for _, v in dates(sentence)] == expect


def test_a_month_after_and_with_no_month_before_is_none() -> None:
    # "and May" after a name is no second month of a pair
    assert dates("The report thanks Kim and May for their help.") == []


JUL12 = date(2023, 7, 12)  # a Wednesday


@pytest.mark.parametrize(
    ("sentence", "expect"),
    [
        ("The truce expires Sunday at midnight.", "2023-07-16"),
        ("The assembly reconvenes on Monday.", "2023-07-17"),
        ("The deadline expired on Sunday.", "2023-07-09"),
    ],
)
def test_a_present_of_schedule_looks_ahead(sentence: str, expect: str) -> None:
    assert [v for _, v in dates(sentence, JUL12)] == [expect]


@pytest.mark.parametrize(
    ("sentence", "expect"),
    [
        ("The deadline was extended to Aug. 15.", "2023-08-15"),
        ("The vote was postponed until March 3.", "2024-03-03"),
        ("The hearing was moved to Monday.", "2023-07-17"),
        # the day of the move itself keeps the past
        ("The vote was postponed on March 3 after a walkout.", "2023-03-03"),
    ],
)
def test_a_moved_day_is_ahead(sentence: str, expect: str) -> None:
    assert [v for _, v in dates(sentence, JUL12)] == [expect]


@pytest.mark.parametrize(
    ("sentence", "mention", "expect"),
    [
        ("A week from today, the vote begins.", "A week from today", "2023-07-19"),
        ("Two weeks from now, the leaders meet in Seoul.", "Two weeks from now", "2023-07-26"),
        ("The pact takes effect 10 days from tomorrow.", "10 days from tomorrow", "2023-07-23"),
    ],
)
def test_a_day_counted_from_today(sentence: str, mention: str, expect: str) -> None:
    assert dates(sentence, JUL12) == [(mention, expect)]


def test_a_hypothetical_count_leaves_no_today_behind() -> None:
    assert dates("If talks fail, strikes could start a week from today.", JUL12) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "The choices we make today will shape the century.",
        "The threats that we face today are new.",
        "The world today is more dangerous than a decade ago.",
        "In today's world, alliances matter more.",
    ],
)
def test_today_as_nowadays_is_no_day(sentence: str) -> None:
    assert dates(sentence, JUL12) == []


def test_today_of_an_event_stays() -> None:
    assert dates("The people who gathered today in Washington marched.", JUL12) == [
        ("today", "2023-07-12")
    ]


def _ny_evening(text: str) -> list[str | None]:
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from extractors.dates import resolve_dates
    from extractors.models import Article

    # Wednesday 15:00 in New York is already Thursday in Seoul
    pub = datetime(2023, 7, 12, 15, 0, tzinfo=ZoneInfo("America/New_York"))
    art = Article(source="ny.txt", title="t", text=text, published=pub)
    return [e.date for e in resolve_dates(art, "Asia/Seoul")]


def test_a_past_weekday_at_home_is_last_week() -> None:
    assert _ny_evening("The President met the Chancellor on Thursday in Washington.") == [
        "2023-07-06"
    ]


def test_a_past_weekday_a_zone_ahead_may_be_the_writers_tomorrow() -> None:
    assert _ny_evening("North Korea fired a missile into the sea on Thursday, Seoul said.") == [
        "2023-07-13"
    ]


def test_an_embedded_posts_credit_is_its_day() -> None:
    from datetime import UTC, datetime

    from extractors.dates import resolve_dates
    from extractors.models import Article

    pub = datetime(2018, 1, 2, 9, 0, tzinfo=UTC)
    text = (
        "Police seized the fishing boat off the coast.\n"
        "Posted by Ministry of Maritime Safety on Sunday, 31 December 2017"
    )
    art = Article(source="post.txt", title="t", text=text, published=pub)
    assert [e.date for e in resolve_dates(art, "Asia/Seoul")] == ["2017-12-31"]


@pytest.mark.parametrize("line", ["Posted: 31 December 2017", "Posted by Ann Lee | 31 Dec 2017"])
def test_a_pages_own_stamp_is_no_event(line: str) -> None:
    from datetime import UTC, datetime

    from extractors.dates import resolve_dates
    from extractors.models import Article

    pub = datetime(2018, 1, 2, 9, 0, tzinfo=UTC)
    art = Article(source="p.txt", title="t", text=f"{line}\nThe port reopened.", published=pub)
    assert resolve_dates(art, "Asia/Seoul") == ()
