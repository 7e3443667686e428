"""Round 17 rendering: a day whose only items are state-media reactions says so in its
heading and in place of "What's new", in every rendering."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from extractors.models import Article, Entity, Event
from extractors.render import render_email, render_html, render_markdown, story_view
from tests.digests import rich_digest


def _reactions_only():
    d = rich_digest()
    return replace(d, stories=(), sections=tuple(replace(s, stories=()) for s in d.sections))


def test_a_day_of_reactions_only_counts_them_in_every_rendering() -> None:
    d = _reactions_only()
    text_part, html_part = render_email(d)
    for out in (render_markdown(d), render_html(d), html_part, text_part):
        assert "0 stories · 1 state-media reaction" in out
        assert "No on-topic news stories today; 1 state-media reaction below." in out
        assert "No on-topic news today." not in out


def test_a_day_with_stories_keeps_its_heading() -> None:
    out = render_markdown(rich_digest())
    assert "1 state-media reaction" in out.split("\n\n")[1]
    assert "No on-topic news" not in out


def _story_with(entities=(), events=(), title="Remarks by the First Lady at a Community College"):
    from extractors.models import Relevance, Story

    art = Article(source="https://example.org/r", title=title, text="Body.", outlet="example.org")
    return Story(
        id="r1",
        title=title,
        articles=(art,),
        relevance=Relevance(0.9, True, (), ("ip4",), "in"),
        entities=tuple(entities),
        events=tuple(events),
    )


def test_the_person_a_title_names_leads_the_people_line() -> None:
    people = [
        Entity(name=n, kind="person", mentions=m)
        for n, m in (("Susan Wild", 4), ("Pat Tuerk", 3), ("Lilly Ortiz", 2), ("Jill Biden", 1))
    ]
    s = _story_with(people, title="Remarks by First Lady Jill Biden at a Community College")
    line = story_view(s, date(2024, 7, 2), {})["people"]
    assert line.startswith("Jill Biden")
    assert line.endswith("and 1 more")


def test_the_dates_line_shows_what_is_ahead_before_the_past() -> None:
    days = ["2024-07-0" + str(d) for d in range(1, 10)]
    events = [Event(date=d, mention="on that day", text="x", source="s") for d in days]
    line = story_view(_story_with(events=events), date(2024, 7, 8), {})["dates"]
    assert "Mon 8 Jul" in line and "Tue 9 Jul" in line
    assert "Mon 1 Jul" not in line
    assert line.endswith("and 4 earlier")


def test_a_post_written_after_its_body_reads_as_written() -> None:
    kjp = Entity(
        name="Karine Jean-Pierre",
        kind="person",
        role="Secretary",
        affiliation="White House Press",
        evidence="Statement from White House Press Secretary Karine Jean-Pierre on a visit",
    )
    minister = Entity(
        name="Kim Yong-hyun",
        kind="person",
        role="Minister",
        affiliation="Ministry of National Defense",
        evidence="Kim Yong-hyun, Minister of the Ministry of National Defense, spoke.",
    )
    line = story_view(_story_with([kjp, minister]), date(2024, 7, 8), {})["people"]
    assert "Karine Jean-Pierre (White House Press Secretary)" in line
    assert "Kim Yong-hyun (Minister, Ministry of National Defense)" in line
