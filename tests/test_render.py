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


# ------------------------------------------------------------------ the reader's layout

import re  # noqa: E402

from markdown_it import MarkdownIt  # noqa: E402

from extractors.render import (  # noqa: E402
    digest_view,
    human_date,
    render_email,
    source_label,
)
from tests.digests import LOCAL, rich_digest  # noqa: E402


def _text(html: str) -> str:
    """Visible text of an HTML rendering (tags and the head dropped)."""
    html = re.sub(r"(?is)<(head|style|script)\b.*?</\1>", " ", html)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_human_dates():
    ref = date(2025, 4, 3)
    assert human_date("2025-04-03", ref) == "Thu 3 Apr"
    assert human_date("2024-12-30", ref) == "Mon 30 Dec 2024"
    assert human_date("2025-04-03/2025-04-05", ref) == "3–5 Apr"
    assert human_date("2025-03-30/2025-04-02", ref) == "30 Mar – 2 Apr"
    assert human_date("2027-03-01/2027-03-31", ref) == "March 2027"
    assert human_date("2027-01-01/2027-12-31", ref) == "2027"
    assert human_date("2027-01-01/2027-06-30", ref) == "Jan–Jun 2027"
    assert human_date("2025-12-29/2026-01-02", ref) == "29 Dec 2025 – 2 Jan 2026"
    assert human_date(None, ref) == "date unclear"


def test_sources_are_shown_by_name_file_name_or_url():
    assert source_label("/srv/briefing/notes/a b.md") == "a b.md"
    assert source_label("C:\\briefing\\notes\\x.txt") == "x.txt"
    assert source_label("file:///srv/x/feed.xml") == "feed.xml"
    assert source_label("https://example.org/a?b=1") == "https://example.org/a?b=1"
    assert source_label("Yonhap feed") == "Yonhap feed"
    assert source_label("javascript:alert(1)") == ""


def test_whats_new_is_the_top_stories_in_reading_order_and_links_to_them():
    d = rich_digest()
    v = digest_view(d)
    titles = [s["title"] for s in v["whats_new"]]
    assert 3 <= len(titles) <= 5
    reading = [s["title"] for sec in v["sections"] for s in sec["stories"]]
    assert titles == [t for t in reading if t in titles]  # reading order
    assert "A sixth story that is not in What's new" not in titles
    html = render_html(d)
    for s in v["whats_new"]:
        assert f'href="#{s["anchor"]}"' in html and f'id="{s["anchor"]}"' in html
    # Markdown: the link target is the heading's GitHub anchor.
    md = render_markdown(d)
    tokens = MarkdownIt("commonmark").parse(md)
    heads = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]
    from extractors.render import md_slug

    slugs = {md_slug(h.replace("\\", "")) for h in heads}
    links = re.findall(r"\]\(#([^)]+)\)", md)
    assert links and all(link in slugs for link in links)


def test_story_leads_with_summary_then_at_most_five_points_with_also():
    d = rich_digest()
    md = render_markdown(d)
    block = md.split("### 1. Seoul and NATO open talks")[1].split("### ")[0]
    assert block.index("South Korea and NATO opened talks on Wednesday on producing") < block.index(
        "- "
    )
    assert block.count("\n- ") == 6  # five points and the "more in digest.json" line
    assert "JSON only" not in md and "2 more key points" in block
    assert "also: KBS, Harbour Tribune" in block
    assert "_(Korean)_ 국방부는" in block
    html = render_html(d)
    assert "also: KBS, Harbour Tribune" in html and ">Korean</span> 국방부는" in html
    text, ehtml = render_email(d)
    assert "also: KBS, Harbour Tribune" in text and "(Korean) 국방부는" in text
    assert "also: KBS, Harbour Tribune" in ehtml


def test_people_and_dates_are_one_short_line_each_and_break_in_markdown():
    d = rich_digest()
    md = render_markdown(d)
    people = [line for line in md.splitlines() if line.startswith("People: Lee Jae-won")]
    assert len(people) == 1 and people[0].endswith("and 1 more  ")
    dates = [line for line in md.splitlines() if line.startswith("Dates: Wed 2 Apr")]
    assert dates == ["Dates: Wed 2 Apr, 3–5 Apr  "]  # "in 2022" is background, left out
    # CommonMark (GitHub, Prefect's artifact view): People, Dates, Sources on separate lines.
    html = MarkdownIt("commonmark").render(md)
    para = next(p for p in html.split("<p>") if p.startswith("People: Lee Jae-won"))
    assert para.count("<br />") == 2 and "Dates: Wed 2 Apr" in para and "Sources:" in para


def test_readers_see_no_scores_ids_iso_dates_or_local_paths():
    d = rich_digest()
    text, ehtml = render_email(d)
    for name, out in {
        "md": render_markdown(d),
        "html": _text(render_html(d)),
        "email-text": text,
        "email-html": _text(ehtml),
    }.items():
        assert "0.91" not in out and "relevance" not in out.lower(), name
        assert not re.search(r"\b20\d\d-\d\d-\d\d\b", out), name
        assert "a1b2c3" not in out and "old123" not in out, name
        assert "burden-sharing" not in out and "defence-industry" not in out, name
        assert "/srv/" not in out, name
        assert LOCAL.rsplit("/", 1)[1] in render_markdown(d)  # the file name is shown
    data = json.loads(render_json(d))
    assert data["stories"][0]["subtopics"][0] == "defence-industry"
    assert data["stories"][0]["events"][0]["date"] == "2025-04-02"


def test_each_story_once_under_its_strongest_subtopic_and_also_in_elsewhere():
    d = rich_digest()
    md = render_markdown(d)
    assert md.count("### ") == 7  # six stories and one reaction, each once
    sections = dict(re.findall(r"(?ms)^## ([^\n]+)\n(.*?)(?=^## |\Z)", md))
    burden = sections["Burden-sharing and defence spending"]
    assert "No significant news" not in burden and "Cho joins Indo-Pacific partners" in burden
    assert "No significant news" in sections["Trade and tariffs touching the alliance"]
    assert md.count("No significant news") == 1
    arms = md.split("### 1. Seoul and NATO open talks")[1].split("### ")[0]
    assert "Also in: Russia–Ukraine war and North Korea's role; IP4 and the" in arms
    text, _ehtml = render_email(d)
    assert "No significant news: Trade and tariffs touching the alliance." in text


def test_upcoming_is_grouped_by_date_one_line_per_event_with_its_sources():
    d = rich_digest()
    md = render_markdown(d)
    up = md.split("## Upcoming")[1].split("Dates that could not be placed")[0]
    heads = re.findall(r"^\*\*(.+)\*\*$", up, re.M)
    assert heads == ["3–5 Apr", "Tue 8 Apr", "March 2027"]
    assert up.count("\n- ") == 3  # the drill is one line though two outlets date it
    assert "The drill starts on Tuesday. — Yonhap, KBS" in up  # the shorter telling
    assert "Harbour Tribune, Yonhap" in up
    # an unplaceable date is listed, not guessed
    assert '"early next year" in: A review is due early next year. — Harbour Tribune' in md


def test_reactions_duplicates_and_failures_are_shown_plainly():
    d = rich_digest()
    md = render_markdown(d)
    reactions = md.split("## Reactions and state media")[1].split("## Upcoming")[0]
    assert "KCNA denounces" in reactions and "KCNA (state media)" in reactions
    assert "2 duplicates merged" in md
    assert "Notes: broken.json — parse: not valid JSON" in md
    html = render_html(d)
    assert "Reactions and state media" in html and ">state media</span>" in html
    data = json.loads(render_json(d))
    assert data["duplicates"] == 2 and data["reactions"][0]["id"] == "s1t2u3"
    assert data["stories"][0]["summary"]["sources"][0].startswith("https://yonhap")
    assert data["stories"][0]["grouping"] == {"signals": ["title", "lead"], "similarity": 0.71}
    assert data["stories"][0]["key_points"][0]["also"][0]["outlet"] == "KBS"


def test_email_text_part_is_plain_text_with_numbered_links():
    d = rich_digest()
    text, _ = render_email(
        d,
        public_url="https://briefing.example.org/kn/",
        unsubscribe="mailto:stop@example.org?subject=unsubscribe",
    )
    assert "**" not in text and "](" not in text and "_(" not in text and "\n#" not in text
    assert "/srv/" not in text and "ip4-note.md" in text
    refs = re.findall(r"^\[(\d+)\] (https://\S+)$", text, re.M)
    assert refs and [int(n) for n, _ in refs] == list(range(1, len(refs) + 1))
    assert "Yonhap [1]" in text
    assert "View in a browser: https://briefing.example.org/kn/2025-04-03/digest.html" in text
    assert "To stop receiving it: mailto:stop@example.org?subject=unsubscribe" in text
    assert "South Korea–NATO cooperation" in text.split("\n--\n")[1]
