"""extractors.dates: date mentions resolved against the publication date.

Golden cases on the seed article (skipped without ../shared) and on the bundled sample
pages; hand-written sentences for each rule; negatives (words that look like dates).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from extractors.clean import clean_html, clean_text
from extractors.dates import find_dates, resolve_dates, tense_direction
from extractors.models import Article
from tests.conftest import SAMPLES, need_shared

TUESDAY = date(2025, 4, 1)  # publication date used by most hand-written cases


def dates(sentence: str, pub: date | None = TUESDAY) -> dict[str, str | None]:
    """mention -> resolved value for one sentence."""
    return dict(find_dates(sentence, pub))


def article(text: str, published: datetime | None = datetime(2025, 4, 1, 9, 0)) -> Article:
    return Article(source="hand.txt", title="t", text=text, published=published)


# ---------------------------------------------------------------- golden: the seed article


def test_seed_article_golden() -> None:
    path = need_shared("seeds", "001_04819ba3c0cebeb8.txt")
    c = clean_text(path.read_text(encoding="utf-8"))
    art = Article(
        source=str(path), title=c.title, text=c.text, published=datetime(2025, 4, 1, 10, 0)
    )
    events = resolve_dates(art)
    got = {(e.mention, e.date) for e in events}
    assert ("on Thursday", "2025-04-03") in got  # the IP4 session: "Cho will participate ..."
    assert ("from Wednesday to Friday", "2025-04-02/2025-04-04") in got
    assert ("this week", "2025-03-31/2025-04-06") in got
    assert ("on Tuesday", "2025-04-01") in got  # "according to the ... ministry on Tuesday"
    assert ("on Wednesday", "2025-04-02") in got  # tariffs "expected to be announced"
    assert ("on Friday", "2025-04-04") in got  # the court "would rule on Friday"
    # "since 2022" is not an event; nothing unresolved with a publication date.
    assert all(e.resolved and e.date for e in events)
    assert not any("2022" in e.mention for e in events)
    for e in events:
        assert e.source == str(path)
        assert e.text in c.text  # the sentence, verbatim
        assert e.mention in e.text
    by_mention = {e.mention: e for e in events}
    assert by_mention["on Thursday"].text.startswith("Cho will participate")
    assert "would rule on Friday" in by_mention["on Friday"].text


# ---------------------------------------------------------------- golden: the sample pages


def _sample(name: str) -> Article:
    path = SAMPLES / "pages" / name
    c = clean_html(path.read_bytes(), source=str(path))
    return Article(source=str(path), title=c.title, text=c.text, published=c.published)


def test_sample_page_ip4_ministers() -> None:
    art = _sample("ip4-ministers-ukraine.html")  # published Friday 2026-11-20, +09:00
    got = {(e.mention, e.date) for e in resolve_dates(art, "Asia/Seoul")}
    assert ("on Thursday", "2026-11-19") in got  # "Cho Hyun told NATO foreign ministers"
    assert ("on Saturday", "2026-11-21") in got  # "is due back in Seoul on Saturday"
    assert ("next month", "2026-12-01/2026-12-31") in got
    assert ("in 2027", "2027-01-01/2027-12-31") in got
    assert ("in 2023", "2023-01-01/2023-12-31") in got


def test_sample_page_festival_range() -> None:
    art = _sample("port-festival.html")  # published Thursday 2026-11-19
    got = {(e.mention, e.date) for e in resolve_dates(art)}
    assert ("on Friday", "2026-11-20") in got
    assert ("from Friday to Sunday", "2026-11-20/2026-11-22") in got
    assert ("on Saturday", "2026-11-21") in got  # "is scheduled for 7 p.m. on Saturday"
    assert ("over the weekend", "2026-11-21/2026-11-22") in got


def test_sample_page_arms_talks_months_without_year() -> None:
    art = _sample("seoul-brussels-arms-talks.html")  # published Wednesday 2026-11-18
    got = {(e.mention, e.date) for e in resolve_dates(art)}
    assert ("on Wednesday", "2026-11-18") in got
    assert ("through Thursday", "2026-11-19") in got
    assert ("on Tuesday", "2026-11-17") in got  # "Ahn Gyu-back told lawmakers on Tuesday"
    assert ("by 2029", "2029-01-01/2029-12-31") in got
    # "scheduled to meet again in Seoul in March": the next March, not the last one.
    assert ("in March", "2027-03-01/2027-03-31") in got


# ---------------------------------------------------------------- weekdays and tense


@pytest.mark.parametrize(
    ("sentence", "mention", "expected"),
    [
        # future markers: on or after the publication day
        ("The envoys will meet on Thursday.", "on Thursday", "2025-04-03"),
        ("The list is to be published on Wednesday.", "on Wednesday", "2025-04-02"),
        ("A vote is expected on Monday.", "on Monday", "2025-04-07"),
        ("Delegates are scheduled to arrive on Sunday.", "on Sunday", "2025-04-06"),
        ("The panel is set to report on Monday.", "on Monday", "2025-04-07"),
        ("The board said it would decide on Friday.", "on Friday", "2025-04-04"),
        # past markers: on or before it
        ("The envoys met on Monday.", "on Monday", "2025-03-31"),
        ("The envoys met on Thursday.", "on Thursday", "2025-03-27"),
        ("The list was published on Wednesday.", "on Wednesday", "2025-03-26"),
        ("The navy reported the launch on Saturday.", "on Saturday", "2025-03-29"),
        ("The ministry said on Tuesday that talks went well.", "on Tuesday", "2025-04-01"),
        # a marker after a weekday that opens the sentence
        ("On Friday, delegates signed the accord.", "On Friday", "2025-03-28"),
        ("On Friday, delegates will sign the accord.", "On Friday", "2025-04-04"),
        # no marker: the nearest such day (at most three days away)
        ("Talks on Thursday cover drones.", "on Thursday", "2025-04-03"),
        ("Talks on Monday cover drones.", "on Monday", "2025-03-31"),
        ("Sunday talks cover drones.", "Sunday", "2025-03-30"),
        # the mention's own words
        ("Officials met last Friday.", "last Friday", "2025-03-28"),
        ("Officials met last Tuesday.", "last Tuesday", "2025-03-25"),
        ("Officials meet next Tuesday.", "next Tuesday", "2025-04-08"),
        ("Officials meet next Thursday.", "next Thursday", "2025-04-03"),
        ("Officials meet this Wednesday.", "this Wednesday", "2025-04-02"),
        ("Officials met this Monday.", "this Monday", "2025-03-31"),
        ("Officials meet on Thursday next week.", "on Thursday next week", "2025-04-10"),
        ("Officials met on Thursday last week.", "on Thursday last week", "2025-03-27"),
        ("The office has been shut since Friday.", "since Friday", "2025-03-28"),
        ("Friday's meeting was cancelled.", "Friday", "2025-03-28"),
    ],
)
def test_weekday_resolution(sentence: str, mention: str, expected: str) -> None:
    assert dates(sentence)[mention] == expected


def test_two_weekdays_in_one_sentence_take_their_own_tense() -> None:
    got = dates("The drills held on Monday will resume on Saturday.")
    assert got == {"on Monday": "2025-03-31", "on Saturday": "2025-04-05"}


def test_same_weekday_as_publication_is_that_day_whatever_the_tense() -> None:
    for s in ("They met on Tuesday.", "They will meet on Tuesday.", "Tuesday talks begin."):
        assert next(iter(dates(s).values())) == "2025-04-01"


def test_tense_direction() -> None:
    s = "Talks held on Monday will resume on Friday."
    assert tense_direction(s, s.index("on Monday"), s.index("on Monday") + 9) == "past"
    assert tense_direction(s, s.index("on Friday"), s.index("on Friday") + 9) == "future"
    s = "Talks on Friday cover drones."
    assert tense_direction(s, 6, 15) is None
    s = "The renewed talks on Friday cover drones."  # an -ed adjective is no verb
    assert tense_direction(s, s.index("on"), s.index("on") + 9) is None


# ---------------------------------------------------------------- relative days and periods


@pytest.mark.parametrize(
    ("sentence", "mention", "expected"),
    [
        ("The report comes out today.", "today", "2025-04-01"),
        ("Ministers fly out tonight.", "tonight", "2025-04-01"),
        ("This morning the navy tracked a launch.", "This morning", "2025-04-01"),
        ("Ministers fly out tomorrow.", "tomorrow", "2025-04-02"),
        ("Ministers flew in yesterday.", "yesterday", "2025-03-31"),
        ("Ministers landed last night.", "last night", "2025-03-31"),
        ("Ministers meet this week.", "this week", "2025-03-31/2025-04-06"),
        ("Ministers meet next week.", "next week", "2025-04-07/2025-04-13"),
        ("Ministers met last week.", "last week", "2025-03-24/2025-03-30"),
        ("Ministers meet later this week.", "later this week", "2025-04-02/2025-04-06"),
        ("Ministers met earlier this week.", "earlier this week", "2025-03-31"),
        ("Ministers meet this month.", "this month", "2025-04-01/2025-04-30"),
        ("Ministers meet next month.", "next month", "2025-05-01/2025-05-31"),
        ("Ministers met last month.", "last month", "2025-03-01/2025-03-31"),
        ("Ministers meet later this month.", "later this month", "2025-04-02/2025-04-30"),
        ("Ministers meet later this year.", "later this year", "2025-04-02/2025-12-31"),
        ("Ministers met earlier this year.", "earlier this year", "2025-01-01/2025-03-31"),
        ("Ministers meet next year.", "next year", "2026-01-01/2026-12-31"),
        ("Ministers meet this weekend.", "this weekend", "2025-04-05/2025-04-06"),
        ("Ministers met last weekend.", "last weekend", "2025-03-29/2025-03-30"),
        ("Ministers met over the weekend.", "over the weekend", "2025-03-29/2025-03-30"),
        ("Ministers will talk over the weekend.", "over the weekend", "2025-04-05/2025-04-06"),
    ],
)
def test_relative_mentions(sentence: str, mention: str, expected: str) -> None:
    assert dates(sentence)[mention] == expected


def test_month_edges() -> None:
    # Published on 31 January: next month is February (28 days), last month December.
    pub = date(2025, 1, 31)
    assert dates("Talks resume next month.", pub) == {"next month": "2025-02-01/2025-02-28"}
    assert dates("Talks ended last month.", pub) == {"last month": "2024-12-01/2024-12-31"}


# ---------------------------------------------------------------- ranges


@pytest.mark.parametrize(
    ("sentence", "mention", "expected"),
    [
        (
            "The visit runs from Wednesday to Friday.",
            "from Wednesday to Friday",
            "2025-04-02/2025-04-04",
        ),
        ("The fair runs Wednesday to Friday.", "Wednesday to Friday", "2025-04-02/2025-04-04"),
        (
            "Roads close between Monday and Wednesday.",
            "between Monday and Wednesday",
            "2025-03-31/2025-04-02",
        ),
        ("Drills ran from Thursday to Sunday.", "from Thursday to Sunday", "2025-03-27/2025-03-30"),
        ("Exercises run Friday through Monday.", "Friday through Monday", "2025-04-04/2025-04-07"),
        ("The summit is set for June 24-25.", "for June 24-25", "2025-06-24/2025-06-25"),
        ("The summit is set for 24–25 June.", "for 24–25 June", "2025-06-24/2025-06-25"),
        ("Drills run from June to August.", "from June to August", "2025-06-01/2025-08-31"),
        (
            "Leave will last from Dec. 30 to Jan. 2.",
            "from Dec. 30 to Jan. 2",
            "2025-12-30/2026-01-02",
        ),
        (
            "The forum ran April 28 to May 2, 2025.",
            "April 28 to May 2, 2025",
            "2025-04-28/2025-05-02",
        ),
    ],
)
def test_ranges(sentence: str, mention: str, expected: str) -> None:
    assert dates(sentence)[mention] == expected


def test_two_days_joined_by_and_are_two_events() -> None:
    got = dates("Envoys met on Wednesday and Friday.")
    assert got == {"on Wednesday": "2025-03-26", "Friday": "2025-03-28"}


# ---------------------------------------------------------------- explicit dates


@pytest.mark.parametrize(
    ("sentence", "mention", "expected"),
    [
        ("Ministers meet on April 3.", "on April 3", "2025-04-03"),
        ("Ministers meet on 3 April.", "on 3 April", "2025-04-03"),
        ("Ministers met on April 3, 2024.", "on April 3, 2024", "2024-04-03"),
        ("Ministers met on the 3rd of April 2024.", "3rd of April 2024", "2024-04-03"),
        ("The accord will take effect on Nov. 20.", "on Nov. 20", "2025-11-20"),
        ("The accord was signed on Nov. 20.", "on Nov. 20", "2024-11-20"),
        ("The accord was signed Sept. 5.", "Sept. 5", "2024-09-05"),
        ("The deadline is 2025-04-03.", "2025-04-03", "2025-04-03"),
        ("Ministers meet on Thursday, April 3.", "on Thursday, April 3", "2025-04-03"),
        ("Ministers meet in June 2025.", "in June 2025", "2025-06-01/2025-06-30"),
        ("Ministers met in June.", "in June", "2024-06-01/2024-06-30"),
        ("Ministers will meet in June.", "in June", "2025-06-01/2025-06-30"),
        ("Ministers meet in early June.", "in early June", "2025-06-01/2025-06-10"),
        ("Exports have doubled since March.", "since March", "2025-03-01/2025-03-31"),
        ("Seoul aims to reach the goal by 2035.", "by 2035", "2035-01-01/2035-12-31"),
        ("The plant opens in 2027.", "in 2027", "2027-01-01/2027-12-31"),
        ("The treaty runs until 2030.", "until 2030", "2030-01-01/2030-12-31"),
        ("The line should be built by the end of 2026.", "by the end of 2026", "2026-12-31"),
        ("The line opens in late 2026.", "in late 2026", "2026-09-01/2026-12-31"),
    ],
)
def test_explicit_dates(sentence: str, mention: str, expected: str) -> None:
    assert dates(sentence)[mention] == expected


def test_day_without_year_and_without_tense_takes_the_nearest_year() -> None:
    assert dates("The Feb. 10 talks set the tone.") == {"Feb. 10": "2025-02-10"}
    assert dates("The Dec. 28 talks set the tone.", date(2025, 1, 3)) == {"Dec. 28": "2024-12-28"}
    assert dates("The Jan. 5 talks set the tone.", date(2024, 12, 30)) == {"Jan. 5": "2025-01-05"}


def test_invalid_calendar_dates_are_skipped() -> None:
    assert dates("The memo was dated February 30.") == {}
    assert dates("The memo was dated 2025-02-30.") == {}


# ---------------------------------------------------------------- not dates


@pytest.mark.parametrize(
    "sentence",
    [
        "The talks will resume soon.",
        "Officials met recently.",
        "More aid will follow in the coming weeks.",
        "Seoul has taken part since 2022.",
        "The 2022 deal set the pace.",
        "Officials may meet again.",
        "Protesters march on the embassy.",
        "The Long March 9 rocket is still in development.",
        "Poland ordered 1,000 tanks and 155 mm shells.",
        "Shops prepared for Black Friday sales.",
        "Exports grew this year and last year.",
        "A May Day rally was held.",
    ],
)
def test_not_dates(sentence: str) -> None:
    assert dates(sentence) == {}


# ---------------------------------------------------------------- articles, time zones, dedup


def test_no_publication_date_leaves_relative_mentions_unresolved() -> None:
    art = article(
        "Cho will travel on Thursday and return next week.\n"
        "The accord was signed on April 3, 2024 and runs until 2030.",
        published=None,
    )
    events = resolve_dates(art)
    by_mention = {e.mention: e for e in events}
    for m in ("on Thursday", "next week"):
        assert by_mention[m].date is None
        assert by_mention[m].resolved is False
    assert by_mention["on April 3, 2024"].date == "2024-04-03"
    assert by_mention["on April 3, 2024"].resolved is True
    assert by_mention["until 2030"].date == "2030-01-01/2030-12-31"
    # Two unresolved mentions of one sentence are two events, not one.
    assert len(events) == 4


def test_time_zone_moves_the_publication_day() -> None:
    # 23:30 UTC on Tuesday is already Wednesday in Seoul.
    late = datetime(2025, 4, 1, 23, 30, tzinfo=UTC)
    art = article("Ministers meet tomorrow.", published=late)
    assert resolve_dates(art)[0].date == "2025-04-02"
    assert resolve_dates(art, "Asia/Seoul")[0].date == "2025-04-03"
    # A timestamp in its own zone keeps its own date when no zone is given.
    kst = datetime(2025, 4, 2, 8, 30, tzinfo=timezone(timedelta(hours=9)))
    assert resolve_dates(article("Ministers meet today.", published=kst))[0].date == "2025-04-02"
    # A naive timestamp is read as UTC (never in the digest's zone): 23:30 UTC is 2 April
    # in Seoul.
    naive = datetime(2025, 4, 1, 23, 30)
    assert resolve_dates(article("Ministers meet today.", published=naive), "Asia/Seoul")[
        0
    ].date == ("2025-04-02")


def test_same_date_twice_in_a_sentence_is_one_event() -> None:
    art = article(
        "Talks open on Thursday, and on Thursday the ministers will also sign a memo.\n"
        "The memo will be published on Thursday."
    )
    events = resolve_dates(art)
    assert [(e.date, e.text[:10]) for e in events] == [
        ("2025-04-03", "Talks open"),
        ("2025-04-03", "The memo w"),
    ]


def test_event_fields() -> None:
    art = article("SEOUL and Brussels agreed to meet on Friday. Details came later.")
    (ev,) = resolve_dates(art)
    assert ev.mention == "on Friday"
    assert ev.text == "SEOUL and Brussels agreed to meet on Friday."
    assert ev.source == "hand.txt"
    assert ev.resolved is True


def test_events_keep_reading_order() -> None:
    art = article("They met yesterday.\nThey meet again next month, and on Friday before it.")
    assert [e.mention for e in resolve_dates(art)] == ["yesterday", "next month", "on Friday"]


def test_long_article_one_event_per_date_and_sentence() -> None:
    para = (
        "Cho will hold talks in Brussels from Wednesday to Friday, the ministry said on "
        "Tuesday, and the summit is set for June 24-25 before a review by 2035. "
    ) * 20
    art = article("\n".join([para] * 100))  # about 600,000 characters; speed: benchmarks
    events = resolve_dates(art)
    assert len(events) == 4  # one per (date, sentence): the sentence repeats verbatim


def test_a_paper_named_today_is_not_a_date():
    """Rule (names): "USA Today" names a paper; "today" in the next sentence is a date."""
    got = resolve_dates(
        article("The figure was first reported by USA Today. Officials meet today in Seoul."),
        "Asia/Seoul",
    )
    assert [(e.mention.lower(), e.date) for e in got] == [("today", "2025-04-01")]
