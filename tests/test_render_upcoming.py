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
    d = _with(done, ahead, signed)
    texts = {e.text for e in upcoming(d)}
    assert ahead.text in texts
    assert done.text not in texts and signed.text not in texts
    up = render_markdown(d).split("## Upcoming")[1]
    assert "will meet this week in Brussels" in up
    assert "announced new export credits" not in up and "signed the shell contract" not in up


def test_a_later_date_stays_upcoming_whatever_the_tense_words_near_it():
    # the resolver has already placed it ahead; the list does not second-guess that
    later = _ev("2025-04-08", "on Tuesday", "Officials said the hearing opens on Tuesday.")
    assert later.text in {e.text for e in upcoming(_with(later))}
