"""Rendering: one Digest, three outputs; untrusted text is inert."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

from extractors.models import Article, Digest, Failure, KeyPoint, Relevance, Section, Story
from extractors.render import (
    digest_json,
    render_html,
    render_json,
    render_markdown,
    safe_url,
)

EVIL = '<script>alert(1)</script><img src=x onerror="alert(2)">'


def evil_digest() -> Digest:
    art = Article(
        source="javascript:alert(3)",
        title=f"Title {EVIL}",
        text=f"Body {EVIL}.",
        url="javascript:alert(3)",
        outlet=f"Outlet {EVIL}",
        author=EVIL,
    )
    kp = KeyPoint(
        text=f"Point {EVIL}",
        source=art.source,
        url=art.url,
        outlet=art.outlet,
        paragraph=0,
        sentence=0,
    )
    story = Story(
        id="s1",
        title=f"Story {EVIL}",
        articles=(art,),
        relevance=Relevance(0.9, True, (), ("ip4",), "in"),
        key_points=(kp,),
        subtopics=("ip4",),
    )
    return Digest(
        title="T",
        topic="korea-nato",
        date=date(2026, 11, 20),
        generated_at=datetime(2026, 11, 20, 7, tzinfo=UTC),
        stories=(story,),
        sections=(Section("ip4", "IP4", (story,)),),
        failures=(Failure(f"http://x/{EVIL}", f"cause {EVIL}", "feed"),),
        sources=("feed",),
    )


def test_html_escapes_everything_from_sources():
    html = render_html(evil_digest())
    assert "<script>" not in html and "onerror=" not in html.replace("onerror=&#34;", "")
    assert "&lt;script&gt;" in html
    assert "javascript:" not in html
    assert "<img" not in html


def test_markdown_neutralises_markup():
    md = render_markdown(evil_digest())
    assert "<script>" not in md and "](javascript:" not in md


def test_json_round_trips_and_has_documented_keys():
    data = json.loads(render_json(evil_digest()))
    s = data["stories"][0]
    for key in (
        "title",
        "articles",
        "outlets",
        "subtopics",
        "relevance",
        "key_points",
        "entities",
        "events",
    ):
        assert key in s
    assert s["articles"][0]["source"] == "javascript:alert(3)"  # data is kept, as data
    assert s["key_points"][0]["source"] == "javascript:alert(3)"
    assert data["failures"][0]["error"].startswith("cause")
    assert digest_json(evil_digest())["date"] == "2026-11-20"


def test_safe_url_only_http():
    assert safe_url("https://example.org/a?b=1") == "https://example.org/a?b=1"
    for bad in (
        "javascript:alert(1)",
        "data:text/html,x",
        "/etc/passwd",
        "vbscript:x",
        "https://exa mple.org",
        'https://x.org/"onmouseover="a',
        None,
        "",
    ):
        assert safe_url(bad) is None


def test_empty_digest_says_so():
    d = Digest(
        title="T",
        topic="t",
        date=date(2026, 1, 1),
        generated_at=datetime(2026, 1, 1, tzinfo=UTC),
        sections=(Section("ip4", "IP4"),),
    )
    md = render_markdown(d)
    assert "No on-topic news today" in md and "No significant news" in md
    assert "All sources read without error" in md


def test_markdown_link_targets_cannot_inject_an_image():
    from extractors.render import md_url

    hostile = "https://news.example/a)![p](https://evil.example/t.gif"
    url = md_url(hostile)
    assert url is not None and "(" not in url and ")" not in url and "!" not in url
    assert md_url("javascript:alert(1)") is None
