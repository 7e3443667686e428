"""End to end through Prefect's real local API: a feed and pages served over real HTTP."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from tests.conftest import SAMPLES
from tests.support import free_port

pytestmark = pytest.mark.usefixtures("prefect_harness")

FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Loopback wire</title><link>{base}</link>
<item><title>Arms talks</title><link>{base}pages/seoul-brussels-arms-talks.html</link>
<guid>a1</guid><pubDate>Wed, 18 Nov 2026 10:00:00 +0900</pubDate>
<description>Talks on shells.</description></item>
<item><title>Gone page</title><link>{base}gone.html</link><guid>a2</guid>
<pubDate>Thu, 19 Nov 2026 10:00:00 +0900</pubDate>
<description>&lt;p&gt;Seoul and NATO officials agreed on Thursday to meet again next month to review
the ammunition plan, the South Korean defence ministry said in a short statement.
&lt;/p&gt;</description></item>
<item><title>Festival</title><link>{base}pages/port-festival.html</link><guid>a3</guid>
<pubDate>Thu, 19 Nov 2026 11:00:00 +0900</pubDate><description>Lanterns.</description></item>
</channel></rss>
"""


def write_config(tmp_path: Path, server, extra: str = "") -> Path:
    dead = f"http://127.0.0.1:{free_port()}/nothing.html"
    cfg = tmp_path / "briefing.toml"
    cfg.write_text(
        f"""
[briefing]
title = "Loopback briefing"
out_dir = "out"

[http]
allow_private = true   # the test servers are on 127.0.0.1
timeout = 5
retries = 0

[[sources]]
name = "Loopback wire"
kind = "rss"
url = "{server.url("feed.xml")}"

[[sources]]
name = "Broken feed"
kind = "rss"
url = "{server.url("broken.xml")}"

[[sources]]
name = "Dead page"
kind = "page"
url = "{dead}"

[[sources]]
name = "Meridian page"
kind = "page"
url = "{server.url("pages/korea-nato-shell-plant-meridian.html")}"

[[sources]]
name = "Local files"
kind = "dir"
path = "{SAMPLES / "files"}"
{extra}
""",
        encoding="utf-8",
    )
    return cfg


@pytest.fixture()
def served(sample_server):
    base = sample_server.url("")
    sample_server.add("feed.xml", FEED.format(base=base), content_type="application/rss+xml")
    sample_server.add("broken.xml", "<html><body>this is not a feed", content_type="text/html")
    sample_server.add("gone.html", "gone", status=404)
    return sample_server


def test_daily_flow_end_to_end(tmp_path, served):
    from flows.daily import daily_briefing

    cfg = write_config(tmp_path, served)
    result = daily_briefing(config_path=str(cfg), day=date(2026, 11, 20))
    out = tmp_path / "out" / "2026-11-20"
    assert {p.name for p in out.iterdir()} == {
        "digest.md",
        "digest.html",
        "digest.json",
        "email.txt",
        "email.html",
    }
    data = json.loads((out / "digest.json").read_text())

    # The same event from two outlets (feed page + separate page) is one story.
    arms = [
        s
        for s in data["stories"]
        if any("seoul-brussels-arms-talks" in a["source"] for a in s["articles"])
    ]
    assert len(arms) == 1 and arms[0]["outlet_count"] == 2
    assert not arms[0]["single_source"]

    # The off-topic festival page is excluded, with reasons.
    assert any("port-festival" in x["source"] for x in data["excluded"])

    # Every failure is named with its cause, and the run went on.
    by_source = {f["source"]: f for f in data["failures"]}
    assert any("broken.xml" in s and "not" in f["error"] for s, f in by_source.items())
    assert any("nothing.html" in s and "refused" in f["error"] for s, f in by_source.items())
    gone = next(f for s, f in by_source.items() if s.endswith("gone.html"))
    assert gone["stage"] == "degraded" and "404" in gone["error"]

    # The gone page fell back to the feed's own summary, and says so.
    fallback = [
        a
        for s in data["stories"] + [{"articles": []}]
        for a in s["articles"]
        if a["source"].endswith("gone.html")
    ] + [x for x in data["excluded"] if x["source"].endswith("gone.html")]
    assert fallback, "the feed summary of the gone page should still be used"

    md = (out / "digest.md").read_text()
    assert "## Source health" in md and "broken.xml" in md and "connection refused" in md
    assert result.paths["md"] == out / "digest.md"


def test_flow_publishes_markdown_artifact(tmp_path, served):
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterKey

    from flows.daily import daily_briefing

    cfg = write_config(tmp_path, served)
    daily_briefing(config_path=str(cfg), day=date(2026, 10, 1))

    import anyio

    async def artifacts():
        async with get_client() as client:
            return await client.read_artifacts(
                artifact_filter=ArtifactFilter(key=ArtifactFilterKey(any_=["digest-2026-10-01"]))
            )

    found = anyio.run(artifacts)
    assert found and all(a.type == "markdown" for a in found)
    assert any("Loopback briefing" in a.data for a in found)


def test_flow_on_bundled_sample_offline(tmp_path):
    """The embedded default: no network at all, a digest on disk."""
    from flows.daily import daily_briefing

    result = daily_briefing(out=str(tmp_path), day=date(2026, 11, 20))
    data = json.loads(result.paths["json"].read_text())
    assert len(data["stories"]) >= 3
    titles = " ".join(s["title"] for s in data["stories"])
    assert "NATO" in titles
    assert not [f for f in data["failures"] if f["stage"] != "degraded"]
    excluded = {Path(x["source"]).name for x in data["excluded"]}
    assert {
        "port-festival.html",
        "kpop-agency-ai-fan-app.html",
        "baltic-air-policing-note.txt",
    } <= excluded


def test_one_bad_item_never_sinks_its_source_or_the_run(tmp_path):
    """An impossible date in a feed, broken front matter in one file: the rest goes on."""
    from flows.daily import daily_briefing

    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "good.txt").write_bytes(
        (SAMPLES / "files" / "nato-burden-sharing-seoul.txt").read_bytes()
    )
    (folder / "bad.md").write_text("---\ntitle: x\ndate: 2025-02-30\n---\nSeoul and NATO.\n")
    feed = tmp_path / "feed.xml"
    feed.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>'
        "<item><title>Far future</title><link>page.html</link>"
        "<pubDate>Fri, 31 Dec 9999 23:00:00 +0000</pubDate></item></channel></rss>"
    )
    (tmp_path / "page.html").write_bytes(
        (SAMPLES / "pages" / "pyongyang-launch-consultations.html").read_bytes()
    )
    cfg = tmp_path / "b.toml"
    cfg.write_text(
        '[briefing]\nout_dir = "out"\n[[sources]]\nname = "notes"\nkind = "dir"\n'
        'path = "notes"\n[[sources]]\nname = "feed"\nkind = "rss"\npath = "feed.xml"\n'
    )
    result = daily_briefing(config_path=str(cfg), day=date(2026, 11, 20))
    data = json.loads(result.paths["json"].read_text())
    sources = {a["source"] for s in data["stories"] for a in s["articles"]}
    assert str(folder / "good.txt") in sources and str(tmp_path / "page.html") in sources
    bad = [f for f in data["failures"] if f["source"].endswith("bad.md")]
    assert bad and "impossible value" in bad[0]["error"]
    assert not result.all_sources_failed
