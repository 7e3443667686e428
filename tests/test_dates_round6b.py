"""Round 6 second pass: date classes from the reviewer's held-out read, on sentences
written for the project (facts may be real)."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from extractors.dates import find_dates, resolve_dates
from extractors.models import Article

NY = timezone(timedelta(hours=-4))


def article(text: str, published: datetime) -> Article:
    return Article(source="hand.txt", title="t", text=text, published=published)


def days(text: str, published: datetime) -> list[tuple[str, str | None]]:
    return [(e.mention, e.date) for e in resolve_dates(article(text, published))]


# ------------------------------------------- class 1: a date pins the document's "tomorrow"


def test_a_pinned_tomorrow_sets_the_writer_day() -> None:
    # a call held on the evening of Monday 6 March, stamped 04:30 on Tuesday
    text = (
        "This call previews the Secretary's visit tomorrow — Tuesday, March 7th — to Ohio.\n"
        "Tomorrow, she will announce new grants for rural clinics.\n"
        "On Wednesday she flies on to Michigan."
    )
    got = days(text, datetime(2023, 3, 7, 4, 30, tzinfo=NY))
    assert [v for m, v in got if m.lower() == "tomorrow"] == ["2023-03-07"]
    assert ("On Wednesday", "2023-03-08") in got or ("Wednesday", "2023-03-08") in got


def test_today_pinned_to_a_date() -> None:
    text = "The summit opens today, 14 June, in Vilnius.\nTomorrow the leaders sign the text."
    got = days(text, datetime(2023, 6, 15, 1, 0, tzinfo=timezone.utc))
    assert [v for m, v in got if m.lower() == "tomorrow"] == ["2023-06-15"]


def test_a_pin_far_from_the_stamp_is_ignored() -> None:
    # "tomorrow — June 20" a week off the stamp is a quoted old line, not the writer's day
    text = "He recalled the memo: 'we meet tomorrow — June 20.'\nTomorrow the vote is held."
    got = days(text, datetime(2023, 6, 28, 9, 0, tzinfo=NY))
    assert [v for m, v in got if m.lower() == "tomorrow"][-1] == "2023-06-29"


def test_no_pin_keeps_the_stamp() -> None:
    got = days("Tomorrow the Senate votes.", datetime(2023, 3, 7, 4, 30, tzinfo=NY))
    assert got == [("Tomorrow", "2023-03-08")]


# --------------------------------------------- class 3: past or non-events kept out of Upcoming

TUE = date(2022, 6, 7)


def found(sentence: str, pub: date = TUE) -> list[tuple[str, str | None]]:
    return find_dates(sentence, pub)


def test_the_next_weekday_of_a_past_story_is_no_day() -> None:
    s = "The week before the storm, he had been rehearsing for the next Friday night's concert."
    assert found(s) == []
    assert found("They met again the following Monday.") == []
    assert found("We will meet again next Wednesday.") == [("next Wednesday", "2022-06-08")]


def test_a_record_from_a_weekday_is_of_the_day_gone_by() -> None:
    s = "MR. DOE: I have no readout from that call from Friday night."
    assert found(s) == [("from Friday", "2022-06-03")]
    assert found("The market is open from Friday to Sunday.") == [
        ("from Friday to Sunday", "2022-06-10/2022-06-12")
    ]


def test_a_later_question_in_a_reporter_paragraph() -> None:
    text = (
        "Q Thanks for doing this. Will the mayors be told beforehand? "
        "Or do they learn about it tomorrow when the news breaks?\n"
        "OFFICIAL: They will be briefed tomorrow morning."
    )
    events = resolve_dates(article(text, datetime(2022, 6, 7, 15, 0, tzinfo=NY)))
    assert [(e.date, e.text.startswith("OFFICIAL")) for e in events] == [("2022-06-08", True)]


# ------------------------------------------------ class 4: "Today" as these days in state media


def test_today_when_is_nowadays() -> None:
    assert found("Today when the imperialists threaten the peace, we stand firm.") == []
    assert found("Today, when the session opens, the bill comes first.") == [
        ("Today", "2022-06-07")
    ]


@pytest.mark.parametrize(
    ("kind", "expect"),
    [("state-media", []), ("news", ["2022-06-07"])],
)
def test_a_leading_today_in_the_present_in_state_media(kind: str, expect: list[str]) -> None:
    art = Article(
        source="hand.txt",
        title="t",
        text="Today the Party is deepening the bonds between the leader and the people.",
        published=datetime(2022, 6, 7, 9, 0, tzinfo=NY),
        source_type=kind,  # type: ignore[arg-type]
    )
    assert [e.date for e in resolve_dates(art)] == expect


def test_a_leading_today_in_the_past_stays_a_day_in_state_media() -> None:
    art = Article(
        source="hand.txt",
        title="t",
        text="Today the delegation arrived in the capital by air.",
        published=datetime(2022, 6, 7, 9, 0, tzinfo=NY),
        source_type="state-media",
    )
    assert [e.date for e in resolve_dates(art)] == ["2022-06-07"]


def test_a_proclamations_this_week_is_the_week_it_proclaims() -> None:
    text = (
        "This week, we honour the workers who build our bridges.\n"
        "NOW, THEREFORE, I do hereby proclaim May 14 through May 20, 2023, as National "
        "Infrastructure Week."
    )
    got = days(text, datetime(2023, 5, 12, 16, 0, tzinfo=NY))
    assert ("This week", "2023-05-14/2023-05-20") in got


def test_this_week_without_a_proclamation_is_the_calendar_week() -> None:
    got = days("This week, the Senate votes on the bill.", datetime(2023, 5, 12, 16, 0, tzinfo=NY))
    assert got == [("This week", "2023-05-08/2023-05-14")]


def test_on_a_weekday_is_any_such_day() -> None:
    assert found("Choir practice is on a Thursday evening.") == []
    assert found("He spoke in a Tuesday interview.") == [("Tuesday", "2022-06-07")]


# ------------------------------------- class 2: a quotation's "today" in the next day's report

MON = datetime(2023, 4, 3, 9, 30, tzinfo=timezone.utc)  # a Monday morning


def test_a_quoted_today_in_the_next_days_report_is_the_event_day() -> None:
    text = (
        "Alonso finished third at the Australian Grand Prix in Melbourne on Sunday.\n"
        'His team principal said: "He drove like a champion today."'
    )
    assert days(text, MON) == [("on Sunday", "2023-04-02"), ("today", "2023-04-02")]


def test_a_report_that_says_today_itself_keeps_the_quoted_today() -> None:
    text = (
        "Alonso finished third in Melbourne on Sunday.\n"
        "The team flies home today.\n"
        'His team principal said: "We are proud today."'
    )
    assert days(text, MON)[-1] == ("today", "2023-04-03")


def test_a_report_on_an_older_day_keeps_the_quoted_today() -> None:
    text = (
        "Alonso finished third in Jeddah on March 19.\n"
        'His team principal said: "He drove like a champion today."'
    )
    assert days(text, MON)[-1] == ("today", "2023-04-03")


@pytest.mark.parametrize(
    ("sentence", "expect"),
    [
        ("She joined the board in 2009 and was named its chair in 2023.", "2023-01-01/2023-07-20"),
        ("The plant will open in 2023.", "2023-01-01/2023-12-31"),
    ],
)
def test_the_current_year_told_in_the_past_is_the_part_gone_by(sentence: str, expect: str) -> None:
    assert found(sentence, date(2023, 7, 21))[-1] == ("in 2023", expect)


def test_a_better_tomorrow_is_no_day() -> None:
    assert found("Together we can build a better tomorrow for our children.") == []
    assert found("The state can lead the way to a greener tomorrow.") == []
    assert found("The vote is tomorrow.") == [("tomorrow", "2022-06-08")]
