"""extractors.files: reading from disk, listing a directory, and the per-kind parsers."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from extractors.clean import Cleaned
from extractors.errors import FetchError, ParseError
from extractors.files import (
    decode_text,
    markdown_to_text_keep_headings,
    parse_file,
    parse_markdown,
    parse_news_please,
    split_front_matter,
)
from fetch.local import list_dir, read_file
from tests.conftest import SAMPLES

# ---------------------------------------------------------------- Markdown

MARKDOWN = """---
title: "Seoul weighs a larger role in NATO's partner club"
date: 2026-11-19
source_url: https://review.example.net/2026/11/seoul-ip4
author: Mina Castellanos
---

# A heading the front matter overrides

Seoul has **steadily** raised its *profile* in NATO's partner formats since 2022, officials \
said at a seminar on Tuesday.

- Defence _exports_ to Poland and Romania
* Talks on [shared ammunition](https://review.example.net/ammo) production
1. A `working group` that meets twice a year
> Partnership is a habit, not an event, one diplomat said.
"""


def test_markdown_front_matter_gives_title_published_url():
    c = parse_markdown(MARKDOWN, "seoul-ip4.md")
    assert isinstance(c, Cleaned)
    assert c.title == "Seoul weighs a larger role in NATO's partner club"
    assert c.published == datetime(2026, 11, 19)
    assert c.url == "https://review.example.net/2026/11/seoul-ip4"
    assert c.author == "Mina Castellanos"


def test_markdown_body_normalises_list_markers_and_loses_emphasis_and_link_syntax():
    c = parse_markdown(MARKDOWN, "seoul-ip4.md")
    lines = c.text.split("\n")
    assert (
        "Seoul has steadily raised its profile in NATO's partner formats since 2022, "
        "officials said at a seminar on Tuesday." in lines
    )
    # list items keep one "- " marker each (summary.roundup reads a list by it)
    assert "- Defence exports to Poland and Romania" in lines
    assert "- Talks on shared ammunition production" in lines
    assert "- A working group that meets twice a year" in lines
    assert "Partnership is a habit, not an event, one diplomat said." in lines
    for mark in ("**", "*", "_", "`", "](", "---", "title:", "source_url"):
        assert mark not in c.text, mark
    assert not any(ln.startswith(("--", "#", ">", "1.")) for ln in lines)


def test_markdown_dates_with_time_zone_and_published_time():
    md = (
        "---\ntitle: T\npublished_time: '2026-11-19T10:00:00+09:00'\ndate: 2020-01-01\n"
        "---\nBody text of the note, long enough to be a paragraph of an article.\n"
    )
    c = parse_markdown(md, "t.md")
    assert c.published is not None
    assert c.published.isoformat() == "2026-11-19T10:00:00+09:00"  # published_time wins
    yaml_ts = parse_markdown("---\ntitle: T\ndate: 2026-11-19T10:00:00+09:00\n---\nBody.\n", "t.md")
    assert yaml_ts.published.utcoffset() == timedelta(hours=9)


def test_markdown_without_front_matter_takes_the_first_heading_as_title():
    c = parse_markdown(
        "# Baltic patrols resume\n\nJets took off from the base on Monday "
        "morning to resume patrols, the ministry said.\n",
        "n.md",
    )
    assert c.title == "Baltic patrols resume"
    assert c.text.startswith("Jets took off")
    assert c.published is None and c.url is None


@pytest.mark.parametrize(
    "bad, message",
    [
        ("---\ntitle: [never closed\n---\nBody.\n", "front matter is not valid YAML"),
        ("---\n- a list\n- not a mapping\n---\nBody.\n", "front matter must be a YAML mapping"),
    ],
)
def test_markdown_bad_front_matter(bad, message):
    with pytest.raises(ParseError) as info:
        parse_markdown(bad, "bad.md")
    assert info.value.cause.startswith(message)
    assert info.value.source == "bad.md"


def test_split_front_matter_leaves_plain_text_alone():
    text = "No front matter.\n---\nA rule further down is not front matter."
    assert split_front_matter(text) == ({}, text)


# ---------------------------------------------------------------- news-please JSON


def news_please(**fields) -> str:
    base = {
        "title": "South Korea pledges more aid at NATO partners meeting",
        "authors": ["Aiko Brennan", "Tom Okafor"],
        "date_publish": "2026-11-20 08:15:00",
        "source_domain": "pacificwire.example.net",
        "url": "https://pacificwire.example.net/world/aid",
    }
    return json.dumps({**base, **fields})


BODY = (
    "BRUSSELS (Pacific Wire) — South Korea will give Ukraine a further $100 million in "
    "aid next year, the foreign minister told a NATO meeting on Thursday.\n\n"
    "The session brought together the four Indo-Pacific partners of the alliance."
)


@pytest.mark.parametrize("key", ["maintext", "text"])
def test_news_please_body_date_and_outlet(key):
    c = parse_news_please(news_please(**{key: BODY}), "aid.json")
    assert c.title == "South Korea pledges more aid at NATO partners meeting"
    assert c.text.startswith("South Korea will give Ukraine a further $100 million")
    assert c.text.endswith("the four Indo-Pacific partners of the alliance.")
    assert c.dateline == "BRUSSELS"
    assert "Pacific Wire" in c.credits
    assert c.outlet == "pacificwire.example.net"
    assert c.published == datetime(2026, 11, 20, 8, 15)
    assert c.author == "Aiko Brennan, Tom Okafor"
    assert c.url == "https://pacificwire.example.net/world/aid"


def test_news_please_text_wins_over_maintext_and_authors_may_be_a_string():
    c = parse_news_please(
        news_please(
            text="From text.",
            maintext="From maintext.",
            authors="Solo Writer",
            date_publish="2026-11-20T08:15:00+09:00",
        ),
        "x.json",
    )
    assert c.text == "From text."
    assert c.author == "Solo Writer"
    assert c.published.utcoffset() == timedelta(hours=9)


@pytest.mark.parametrize(
    "raw, message",
    [
        ("{not json", "not valid JSON"),
        ("", "not valid JSON"),
        ("[1, 2]", "expected one JSON object"),
        ('{"title": "No body"}', "JSON object has no `text` or `maintext`"),
        ('{"text": "   \\n "}', "JSON object has no `text` or `maintext`"),
        ('{"maintext": 42}', "JSON object has no `text` or `maintext`"),
    ],
    ids=["broken", "empty", "array", "no-text", "blank-text", "number"],
)
def test_news_please_errors(raw, message):
    with pytest.raises(ParseError) as info:
        parse_news_please(raw, "item.json")
    assert info.value.cause.startswith(message)
    assert info.value.source == "item.json"


# ---------------------------------------------------------------- text encodings


CP1252_NOTE = (
    "Café diplomacy in Brussels\n\n"
    "The minister’s team met at a café near NATO headquarters, where one official "
    "called the talks “useful” and promised another round in March.\n"
)


def test_cp1252_text_file_decodes(tmp_path):
    path = tmp_path / "note.txt"
    path.write_bytes(CP1252_NOTE.encode("cp1252"))
    with pytest.raises(UnicodeDecodeError):
        path.read_bytes().decode("utf-8")  # the test file really is not UTF-8
    c = parse_file(str(path), read_file(str(path)).content)
    assert c.title == "Café diplomacy in Brussels"
    assert c.text.startswith("The minister’s team met at a café")
    assert "“useful”" in c.text
    assert "\ufffd" not in c.text and "Ã" not in c.text


def test_utf8_with_bom_decodes():
    assert decode_text("\ufeffCafé ’quoted’".encode(), "x.txt") == "Café ’quoted’"


def test_unsupported_suffix_is_a_parse_error():
    with pytest.raises(ParseError) as info:
        parse_file("report.pdf", b"%PDF-1.7")
    assert "unsupported file type '.pdf'" in info.value.cause


# ---------------------------------------------------------------- reading and listing


def test_read_file_returns_bytes(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"hello")
    got = read_file(str(path))
    assert got.content == b"hello"
    assert got.url == got.final_url == str(path)
    assert got.status == 200


def test_read_file_missing(tmp_path):
    missing = str(tmp_path / "nope.txt")
    with pytest.raises(FetchError) as info:
        read_file(missing)
    assert info.value.cause == "no such file"
    assert info.value.source == missing


def test_read_file_too_large(tmp_path):
    path = tmp_path / "big.html"
    path.write_bytes(b"x" * 2_000)
    with pytest.raises(FetchError) as info:
        read_file(str(path), max_bytes=1_000)
    assert info.value.cause.startswith("too large")
    assert "2,000" in info.value.cause and "1,000" in info.value.cause
    assert read_file(str(path), max_bytes=2_000).content == b"x" * 2_000


def test_read_file_on_a_directory(tmp_path):
    with pytest.raises(FetchError) as info:
        read_file(str(tmp_path))
    assert "is a directory" in info.value.cause


def test_list_dir_honours_suffixes_exclude_and_hidden_files(tmp_path):
    for name in [
        "a.html",
        "b.htm",
        "c.txt",
        "d.md",
        "e.markdown",
        "f.json",
        "G.HTML",
        "skip.pdf",
        "skip.csv",
        "noext",
        ".hidden.txt",
        "excluded.html",
        "sub/deep.txt",
        "sub/excluded.html",
    ]:
        p = tmp_path / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text("x", encoding="utf-8")
    (tmp_path / "dir.txt").mkdir()  # a directory with a file-like name is not a file
    got = list_dir(str(tmp_path), exclude=("excluded.html",))
    assert [Path(p).relative_to(tmp_path).as_posix() for p in got] == [
        "G.HTML",
        "a.html",
        "b.htm",
        "c.txt",
        "d.md",
        "e.markdown",
        "f.json",
        "sub/deep.txt",
    ]
    assert all(Path(p).is_absolute() for p in got)


def test_list_dir_errors(tmp_path):
    with pytest.raises(FetchError) as info:
        list_dir(str(tmp_path / "absent"))
    assert info.value.cause == "no such directory"
    f = tmp_path / "file.txt"
    f.write_text("x")
    with pytest.raises(FetchError) as info:
        list_dir(str(f))
    assert info.value.cause == "not a directory"


# ---------------------------------------------------------------- every bundled sample


SAMPLE_FILES = sorted((SAMPLES / "files").iterdir()) + sorted((SAMPLES / "pages").iterdir())


def test_samples_are_all_listed():
    assert len(SAMPLE_FILES) == 11  # 4 files, 7 pages (one Korean, in EUC-KR)
    assert list_dir(str(SAMPLES / "pages")) == [str(p) for p in SAMPLE_FILES[4:]]


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=lambda p: p.name)
def test_every_sample_parses(path):
    c = parse_file(str(path), read_file(str(path)).content)
    assert c.title and c.title != "(untitled)"
    assert len(c.text.split()) >= 100
    assert "\ufffd" not in c.text and "\ufffd" not in c.title
    assert "â€" not in c.text  # UTF-8 read as cp1252
    # Boilerplate and credits never reach the body.
    for noise in ("Photo courtesy", "cookies", "All rights reserved", "Original Source"):
        assert noise not in c.text, noise
    assert c.text.split("\n")[0] != c.title  # the headline is not repeated as body


def test_windows_1252_page_decodes():
    path = SAMPLES / "pages" / "korea-nato-shell-plant-meridian.html"
    data = path.read_bytes()
    assert b"windows-1252" in data[:2000]
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    c = parse_file(str(path), data)
    assert "’" in c.text and "é" in c.text
    assert "\ufffd" not in c.text
    assert c.outlet == "The Meridian Ledger"
    assert c.published is not None and c.published.utcoffset() == timedelta(hours=1)


def test_sample_metadata():
    files = {p.name: parse_file(str(p), p.read_bytes()) for p in SAMPLE_FILES}
    md = files["ip4-partnership-analysis.md"]
    assert md.title.startswith("The IP4 at a crossroads")
    assert md.author == "Leo Fischer-Park"
    assert md.published.date() == date(2026, 11, 19)
    assert md.url == "https://eastwindreview.example.net/analysis/2026/11/ip4-crossroads"
    js = files["ip4-session-pacificwire.json"]
    assert js.outlet == "pacificwire.example.net" and js.dateline == "BRUSSELS"
    txt = files["nato-burden-sharing-seoul.txt"]
    assert txt.author == "Hannah Osei" and txt.dateline == "SEOUL"
    baltic = files["baltic-air-policing-note.txt"]
    assert baltic.outlet == "balticbrief.example.org" and baltic.dateline == "VILNIUS"
    assert "Šiauliai" in baltic.text


# ---------------------------------------------------------------- not text (issue 12)


def _random_bytes(n: int, seed: int = 12) -> bytes:
    import random

    return random.Random(seed).randbytes(n)


@pytest.mark.parametrize(
    "name, data, says",
    [
        ("noise.txt", _random_bytes(4096), "not a text file"),
        ("high.txt", bytes(range(128, 256)) * 16, "invalid UTF-8 at byte 0"),
        ("doc.txt", b"%PDF-1.7\n" + _random_bytes(500), "a PDF document"),
        ("pic.md", b"\x89PNG\r\n\x1a\n" + _random_bytes(500), "a PNG image"),
        ("nul.json", b'{"title": "x\x00"}', "NUL bytes"),
        ("page.html", b"\x1f\x8b\x08\x00" + _random_bytes(300), "gzip-compressed"),
    ],
)
def test_a_file_that_is_not_text_is_a_named_failure(tmp_path, name, data, says):
    from fetch.http import HttpClient
    from fetch.sources import file_article, make_getter

    f = tmp_path / name
    f.write_bytes(data)
    with pytest.raises(ParseError) as info:
        file_article(str(f), "notes", make_getter(HttpClient()))
    assert says in info.value.cause and info.value.source == str(f)


@pytest.mark.parametrize(
    "data",
    [
        b"Seoul and NATO met.\n\nThey agreed on shells.",
        "\ufeff서울과 나토가 협력을 논의했다.".encode("utf-8"),
        "서울과 나토가 협력을 논의했다. 국방부는 회의가 끝났다고 밝혔다.".encode("utf-16"),
        "Die Gespräche in Brüssel über Munition dauern an, sagte das Ministerium.".encode(
            "latin-1"
        ),
    ],
)
def test_text_in_any_recognisable_encoding_is_not_binary(data):
    from extractors.files import looks_binary

    assert looks_binary(data) is None


def test_a_dir_source_names_the_binary_file_and_keeps_the_rest(tmp_path):
    from extractors.config import parse_config
    from fetch.http import HttpClient
    from fetch.sources import collect, make_getter

    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "good.txt").write_text("Seoul and NATO met on Tuesday in Brussels.\n")
    (tmp_path / "notes" / "noise.txt").write_bytes(_random_bytes(4096))
    cfg = parse_config(
        {"sources": [{"name": "n", "kind": "dir", "path": "notes"}]}, base_dir=tmp_path
    )
    res = collect(cfg.sources[0], cfg, make_getter(HttpClient()))
    assert [a.source.rsplit("/", 1)[-1] for a in res.articles] == ["good.txt"]
    assert len(res.failures) == 1 and res.failures[0].source.endswith("noise.txt")
    assert "not a text file" in res.failures[0].error and res.failures[0].stage == "parse"


def test_markdown_markup_never_reaches_the_text() -> None:
    # a transcript's struck-out slip, an ordinal's <sup>, escaped brackets, a footnote star
    body = (
        "The President will greet President <s>Oon</s> \\[Yoon\\] on October 28<sup>th</sup>.\n\n"
        "*Mobilizing resources for the grid is the first step."
    )
    text = markdown_to_text_keep_headings(body)
    assert text.split("\n") == [
        "The President will greet President [Yoon] on October 28th.",
        "Mobilizing resources for the grid is the first step.",
    ]


def test_strong_emphasis_over_a_wrapped_line_loses_its_stars() -> None:
    # a fact sheet's bullet whose bold lead runs onto the next, hard-wrapped line
    body = (
        "-   **The shipyard now holds nearly 300\n"
        "    orders **for frigates, up from 90 last year.\n\n"
        "**A heading alone**\n\n"
        "Stars that never close ** stay as they are."
    )
    text = markdown_to_text_keep_headings(body)
    assert "The shipyard now holds nearly 300" in text
    assert "orders for frigates, up from 90 last year." in text
    assert "A heading alone" in text and "**A heading" not in text
    assert "never close ** stay" in text
