"""extractors.dates: the date classes of round 7's blind read (review7 classes 2, 10, 12
and its one-offs).

Sentences written for the project (not the sources' text); the cases were seen on the
read, so these are regression tests, not a blind measure."""

from __future__ import annotations

from datetime import date

import pytest

from extractors.dates import find_dates
from extractors.text import split_sentences

AUG = date(2024, 8, 7)  # a Wednesday
WED = date(2024, 7, 17)  # a Wednesday


# ---- a year-less day takes no year from another clause or a missed sentence end


def test_dotted_initials_end_a_sentence_before_a_clause_opener() -> None:
    text = "The bloc joined a command led by the U.S. The command was set up in 1950."
    assert split_sentences(text) == [
        "The bloc joined a command led by the U.S.",
        "The command was set up in 1950.",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The U.S. Army said so.",
        "He met U.S. President Biden in Washington, D.C. on Monday.",
        "She holds a B.A. in History from The State University.",
    ],
)
def test_dotted_initials_before_a_name_do_not_end_a_sentence(text: str) -> None:
    assert split_sentences(text) == [text]


@pytest.mark.parametrize(
    "sentence",
    [
        "Norway said on August 2 that it joined the command, which the U.S. set up in 1950.",
        "Norway said on August 2 it joined the command. The command dates from 1950.",
    ],
)
def test_a_distant_year_in_another_clause_does_not_date_the_day(sentence: str) -> None:
    assert ("on August 2", "2024-08-02") in find_dates(sentence, AUG)


def test_a_clause_year_still_dates_its_own_day() -> None:
    assert ("on June 25", "1950-06-25") in find_dates("The war broke out on June 25 in 1950.", AUG)
    assert ("in June", "2019-06-01/2019-06-30") in find_dates(
        "Back in 2019, the talks in June broke down.", AUG
    )


# ---- a weekend named with an incident, early in the week, is the one just gone


@pytest.mark.parametrize(
    ("sentence", "expect"),
    [
        (
            "I will say a few words about the attack on the mayor over the weekend.",
            "2024-07-13/2024-07-14",
        ),
        (
            "In the aftermath of this weekend's floods, we now ask what comes next.",
            "2024-07-13/2024-07-14",
        ),
        ("We will work over the weekend.", "2024-07-20/2024-07-21"),
        ("The storm will hit over the weekend.", "2024-07-20/2024-07-21"),
        ("This weekend's summit is in Rome.", "2024-07-20/2024-07-21"),
    ],
)
def test_incident_weekends(sentence: str, expect: str) -> None:
    assert [v for _, v in find_dates(sentence, WED)] == [expect]


# ---- non-dates and a Juche year written close to its number


@pytest.mark.parametrize(
    "sentence",
    [
        "The youth gathered at the May 1 Palace of Sport.",
        "Pupils sang at the June 6 Hall for Children.",
    ],
)
def test_a_day_heading_a_name_with_of_is_no_date(sentence: str) -> None:
    assert find_dates(sentence, AUG) == []


def test_a_juche_year_without_a_space_takes_its_year() -> None:
    assert find_dates("One day in June Juche 100(2011) he toured the mill.", AUG) == [
        ("in June Juche 100(2011)", "2011-06-01/2011-06-30")
    ]


def test_state_media_today_of_what_a_thing_has_become_is_nowadays() -> None:
    from extractors.dates import _nowadays_lead

    assert _nowadays_lead("Today, the bloc has become a dangerous factor in the region.", "Today")
    assert not _nowadays_lead("Today, the minister met the envoy.", "Today")


def test_a_month_day_of_last_year_after_a_place_name_does_not_crash() -> None:
    # "… in Detroit June 1st of last year": the pattern has no year group (it raised)
    found = find_dates(
        "She became chief in Dayton June 1st of last year, after a long career.", AUG
    )
    assert found == [("June 1st of last year", "2023-06-01")]


# ---- not_event is read at extraction; rendering only reads the field


def test_not_event_is_read_at_extraction_and_render_reads_the_field() -> None:
    from datetime import UTC, datetime

    from extractors import dates
    from extractors.models import Article
    from extractors.render import listed

    text = (
        "The ministers will meet in Brussels on Thursday.\n\n"
        "We'll have more to say tomorrow.\n\n"
        "Grid emissions could fall by half by 2030.\n\n"
        "The plant opened in March 2001."
    )
    art = Article(
        source="hand.txt", title="t", text=text, published=datetime(2024, 7, 23, 14, tzinfo=UTC)
    )
    got = {e.mention: e.not_event for e in dates.resolve_dates(art)}
    assert got == {
        "on Thursday": "",
        "tomorrow": "room talk",
        "by 2030": "forecast",
        "in March 2001": None,  # long past: not read
    }
    # an event read at extraction is listed from its field alone: the parser is never asked
    meet = next(e for e in dates.resolve_dates(art) if e.mention == "on Thursday")
    asked: list[str] = []
    saved = dates._parser

    def parser():
        asked.append("parser")
        return saved()

    dates._parser = parser
    try:
        assert listed(meet, date(2024, 7, 23))
        assert not asked
    finally:
        dates._parser = saved


# ---- Upcoming after the final read of round 7: appeals, courses, counted actors, old years


@pytest.mark.parametrize(
    ("text", "mention", "span", "why"),
    [
        (
            "I call on Congress to pass the bill this month.",
            "this month",
            "2022-06-01/2022-06-30",
            "appeal",
        ),
        (
            "We urge both sides to return to talks next week.",
            "next week",
            "2022-06-13/2022-06-19",
            "appeal",
        ),
        (
            "The country is on track to export a record amount of grain next year.",
            "next year",
            "2023-01-01/2023-12-31",
            "forecast",
        ),
        ("I will call the Prime Minister tomorrow.", "tomorrow", "2022-06-11", None),
        (
            "The President will call on Congress to act when he speaks on Tuesday.",
            "on Tuesday",
            "2022-06-14",
            None,
        ),
        (
            "The two leaders have agreed to meet and talk again in Seoul later this year.",
            "later this year",
            "2022-06-11/2022-12-31",
            None,
        ),
        (
            "Two million people will lose their cover next year.",
            "next year",
            "2023-01-01/2023-12-31",
            "forecast",
        ),
    ],
)
def test_appeals_courses_and_counted_actors(text, mention, span, why) -> None:
    from extractors.dates import not_event
    from extractors.models import Event

    assert not_event(Event(span, mention, text, "hand.txt")) == why


def test_a_day_written_with_a_year_before_1900_is_history() -> None:
    from datetime import UTC, datetime

    from extractors import dates
    from extractors.models import Article

    text = (
        "On June 14, 1777, the assembly adopted a flag for the new nation.\n\n"
        "I proclaim June 14, 2022, as Flag Day."
    )
    art = Article(
        source="p.md", title="Flag Day", text=text, published=datetime(2022, 6, 10, 15, tzinfo=UTC)
    )
    assert [(e.mention, e.date) for e in dates.resolve_dates(art)] == [
        ("June 14, 2022", "2022-06-14")
    ]


def test_an_embargoed_call_held_the_evening_before_counts_from_that_evening() -> None:
    from datetime import datetime, timedelta, timezone

    from extractors import dates
    from extractors.models import Article

    eastern = timezone(timedelta(hours=-4))
    text = (
        "Via Teleconference\n\n5:05 P.M. PDT\n\n"
        "MODERATOR: Thanks, everyone. This call is on background, embargoed until 5:00 a.m. "
        "Eastern.\n\n"
        "OFFICIAL: Tomorrow, the leaders will sign the declaration in Los Angeles."
    )
    stamp = datetime(2022, 6, 10, 5, 0, tzinfo=eastern)  # when the embargo lifted
    call = Article(source="call.md", title="Background Press Call", text=text, published=stamp)
    assert dates.held_day(call) == date(2022, 6, 9)
    assert [(e.mention, e.date) for e in dates.resolve_dates(call, "Asia/Seoul")] == [
        ("Tomorrow", "2022-06-10")
    ]
    # a page that says nothing of an embargo keeps its stamp's day
    plain = Article(
        source="r.md",
        title="Remarks",
        text=text.replace("embargoed until 5:00 a.m. Eastern", "on the record"),
        published=stamp,
    )
    assert dates.held_day(plain) is None
    assert [e.date for e in dates.resolve_dates(plain, "Asia/Seoul")] == ["2022-06-11"]
