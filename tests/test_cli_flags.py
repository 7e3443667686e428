"""The command line's own flags: --version, -v/-q on every command, `briefing init`, and the
per-page progress of a feed."""

from __future__ import annotations

import pytest

from extractors.config import load_config
from extractors.topic import load_topic
from flows.cli import parser
from tests.test_cli import run_cli


def test_version(capsys):
    code, out, _ = run_cli(capsys, "--version")
    assert code == 0 and out.startswith("briefing ") and out.strip() != "briefing"


def test_every_command_takes_verbose_and_quiet():
    p = parser()
    sub = next(a for a in p._actions if a.dest == "command")
    for name in sub.choices:
        extra = {"clean": ["x"], "analyze": ["x"], "state": ["digests"]}.get(name, [])
        assert p.parse_args([name, *extra, "-q"]).quiet is True
        assert p.parse_args([name, *extra, "-vv"]).verbose == 2
    with pytest.raises(SystemExit):
        p.parse_args(["run", "-v", "-q"])  # one or the other


def test_init_writes_a_starter_that_loads_and_never_overwrites(capsys, tmp_path):
    code, out, err = run_cli(capsys, "init", str(tmp_path / "mine"))
    assert code == 0 and "briefing.toml" in out and "briefing run --config" in err
    cfg = load_config(tmp_path / "mine" / "briefing.toml")
    assert cfg.sources[0].kind == "dir" and (tmp_path / "mine" / "notes").is_dir()
    topic = load_topic(cfg.briefing.topic, cfg.base_dir)
    assert topic.subtopics
    text = (tmp_path / "mine" / "briefing.toml").read_text()
    assert text.count("\n#") > 10  # commented
    code, _, err = run_cli(capsys, "init", str(tmp_path / "mine"))
    assert code == 2 and "never overwrites" in err and "briefing.toml" in err


FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Wire</title><link>{base}</link>
{items}</channel></rss>"""
ITEM = """<item><title>Seoul and NATO talks {n}</title><link>{base}p{n}.html</link>
<guid>{n}</guid><description>South Korea and NATO agreed to hold talks on shells, officials
said on Wednesday in Seoul.</description></item>"""


def test_feed_pages_report_progress(http_server):
    from pathlib import Path

    from extractors.config import parse_config
    from fetch import sources

    base = http_server.url("")
    items = "".join(ITEM.format(base=base, n=n) for n in range(3))
    http_server.add("feed.xml", FEED.format(base=base, items=items))
    cfg = parse_config(
        {
            "http": {"allow_private": True},
            "sources": [{"name": "Wire", "kind": "rss", "url": http_server.url("feed.xml")}],
        },
        base_dir=Path("."),
    )
    seen: list[tuple[str, int, int]] = []
    sources.PROGRESS = lambda *a: seen.append(a)
    try:
        sources.collect(cfg.sources[0], cfg, sources.make_getter(sources.client_for(cfg)))
    finally:
        sources.PROGRESS = None
    assert sorted(seen) == [("Wire", 1, 3), ("Wire", 2, 3), ("Wire", 3, 3)]
