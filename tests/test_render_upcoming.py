"""Upcoming lists what lies ahead: a period already under way (this week, this month) is
listed only when its sentence does not tell it in the past."""

from __future__ import annotations

from dataclasses import replace

from extractors.models import Event
from extractors.render import render_markdown, upcoming
from tests.digests import rich_digest

WEEK = "2025-03-31/2025-04-06"  # the digest day, Thu 3 Apr 2025, is inside it
MONTH = "2025-04-01/2025-04-30"


def _with(*events: Event):
    d = rich_digest()
    first = replace(d.stories[0], events=d.stories[0].events + events)
    return replace(d, stories=(first, *d.stories[1:]))


def _ev(date: str, mention: str, text: str) -> Event:
    return Event(date, mention, text, rich_digest().stories[0].articles[0].source)


def test_a_week_under_way_told_in_the_past_is_not_upcoming():
    done = _ev(WEEK, "This week", "This week, the ministry announced new export credits.")
    ahead = _ev(WEEK, "this week", "The defence ministers will meet this week in Brussels.")
    signed = _ev(MONTH, "This month", "This month, the agency signed the shell contract.")
    raised = _ev(MONTH, "In April", "In April, the ministry, with its partners, raised the issue.")
    d = _with(done, ahead, signed, raised)
    texts = {e.text for e in upcoming(d)}
    assert ahead.text in texts
    assert done.text not in texts and signed.text not in texts and raised.text not in texts
    up = render_markdown(d).split("## Upcoming")[1]
    assert "will meet this week in Brussels" in up
    assert "announced new export credits" not in up and "signed the shell contract" not in up


def test_a_later_date_stays_upcoming_whatever_the_tense_words_near_it():
    # the resolver has already placed it ahead; the list does not second-guess that
    later = _ev("2025-04-08", "on Tuesday", "Officials said the hearing opens on Tuesday.")
    assert later.text in {e.text for e in upcoming(_with(later))}


def test_one_event_told_in_several_stories_is_one_line_with_all_its_outlets():
    from extractors.models import Entity
    from extractors.render import upcoming_view

    d = rich_digest()
    day = "2025-04-04"  # the digest day is Thu 3 Apr 2025
    pm = Entity("Ulf Kristersson", "person")
    by_id = {s.id: s for s in d.stories}
    ukr, sixth, launch = by_id["m4n5o6"], by_id["p7q8r9"], by_id["g7h8i9"]
    preview = Event(
        day,
        "tomorrow",
        "Thanks for joining us to preview tomorrow's meeting between the President and "
        "Prime Minister Kristersson.",
        ukr.articles[0].source,
    )
    room = Event(day, "tomorrow", "We'll have more to say tomorrow.", ukr.articles[0].source)
    briefing = Event(
        day,
        "tomorrow",
        "Prime Minister Kristersson and the president are going to be meeting here tomorrow.",
        sixth.articles[0].source,
    )
    other = Event(
        day,
        "Tomorrow",
        "Tomorrow, the ministry will publish its cyber strategy.",
        launch.articles[0].source,
    )
    target = Event(
        "2030-01-01/2030-12-31",
        "by 2030",
        "Exports of shells could double by 2030.",
        launch.articles[0].source,
    )
    changed = {
        ukr.id: replace(ukr, events=(preview, room), entities=(pm,)),
        sixth.id: replace(sixth, events=(briefing,), entities=(pm,)),
        launch.id: replace(launch, events=(*launch.events, other, target)),
    }
    d = replace(d, stories=tuple(changed.get(s.id, s) for s in d.stories))
    lines = next(g["events"] for g in upcoming_view(d) if g["iso"] == day)
    assert len(lines) == 2  # the meeting (three sentences, two stories) and the strategy
    meeting = next(x for x in lines if "Kristersson" in x["text"])
    assert meeting["text"] == briefing.text  # the shortest telling
    assert meeting["sources"] == ["Pacific Wire", "Harbour Tribune"]
    assert all("more to say" not in x["text"] for x in lines)
    entries = [e for e in upcoming(d) if e.date == day]
    assert len(entries) == 2
    assert set(next(e for e in entries if "Kristersson" in e.text).sources) == {
        ukr.articles[0].source,
        sixth.articles[0].source,
    }
    assert all(e.mention != "by 2030" for e in upcoming(d))  # a forecast is no event


def test_two_meetings_in_one_country_on_one_period_are_two_lines():
    # sharing a place name is no sign of one event (the NCG's next meeting and two leaders'
    # visit, both "in the United States later this year")
    from extractors.models import Entity
    from extractors.render import upcoming_view

    d = rich_digest()
    period = "2025-04-04/2025-12-31"
    by_id = {s.id: s for s in d.stories}
    ukr, launch = by_id["m4n5o6"], by_id["g7h8i9"]
    usa = Entity("United States", "country")
    group = Event(
        period,
        "later this year",
        "The group's next principal-level meeting will take place later this year in the "
        "United States.",
        ukr.articles[0].source,
    )
    visit = Event(
        period,
        "later this year",
        "The two leaders have agreed to meet and talk again in the United States later this year.",
        launch.articles[0].source,
    )
    changed = {
        ukr.id: replace(ukr, events=(group,), entities=(usa,)),
        launch.id: replace(launch, events=(visit,), entities=(usa,)),
    }
    d = replace(d, stories=tuple(changed.get(s.id, s) for s in d.stories))
    texts = [x["text"] for g in upcoming_view(d) for x in g["events"]]
    assert group.text in texts and visit.text in texts
