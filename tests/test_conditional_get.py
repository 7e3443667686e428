"""Conditional GET and no refetching, on a real loopback HTTP server: a feed read on an
earlier day is asked "anything newer?" (If-None-Match / If-Modified-Since), a 304 is
"nothing new" (not a failure), entry pages an earlier digest carried are not fetched again,
and each source's health over time is in the state and the digest."""

from __future__ import annotations

import json
from datetime import date

import pytest

from fetch.http import HttpClient
from tests.conftest import SAMPLES
from tests.support import LocalHTTPServer, Route

FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Loopback wire</title><link>{base}</link>
{items}
</channel></rss>
"""
ITEM = """<item><title>{title}</title><link>{base}pages/{page}</link><guid>{page}</guid>
<pubDate>Wed, 18 Nov 2026 10:00:00 +0900</pubDate><description>{title}.</description></item>"""
PAGES = {
    "seoul-brussels-arms-talks.html": "Arms talks",
    "ip4-ministers-ukraine.html": "IP4 ministers",
}
NEW_PAGE = ("pyongyang-launch-consultations.html", "Launch consultations")


def feed(server: LocalHTTPServer, pages: dict[str, str]) -> bytes:
    base = server.url("")
    items = "\n".join(ITEM.format(base=base, page=p, title=t) for p, t in pages.items())
    return FEED.format(base=base, items=items).encode()


def serve_feed(server: LocalHTTPServer, pages: dict[str, str], tag: str) -> None:
    server.routes["/wire.xml"] = Route(
        200,
        feed(server, pages),
        {
            "Content-Type": "application/rss+xml",
            "ETag": f'"{tag}"',
            "Last-Modified": "Wed, 18 Nov 2026 01:00:00 GMT",
        },
    )


def config(tmp_path, server) -> str:
    cfg = tmp_path / "briefing.toml"
    cfg.write_text(
        f"""[briefing]
out_dir = "out"
[http]
allow_private = true
retries = 0
timeout = 10
[[sources]]
name = "Loopback wire"
kind = "rss"
url = "{server.url("wire.xml")}"
""",
        encoding="utf-8",
    )
    return str(cfg)


def page_hits(server: LocalHTTPServer) -> int:
    return sum(n for p, n in server.hits.items() if p.startswith("/pages/"))


def test_client_sends_validators_and_returns_304():
    with LocalHTTPServer(root=SAMPLES, validators=True) as server:
        client = HttpClient(timeout=5, allow_private=True, retries=0)
        first = client.get(server.url("feed.xml"))
        assert first.status == 200 and first.headers["etag"] and first.content
        again = client.get(
            server.url("feed.xml"),
            {"etag": first.headers["etag"], "last-modified": first.headers["last-modified"]},
        )
        assert again.status == 304 and again.content == b""
        assert server.conditional == 1 and server.not_modified == 1
        # a stale tag gets the full body again
        stale = client.get(server.url("feed.xml"), {"etag": '"old"'})
        assert stale.status == 200 and stale.content == first.content
        assert "briefing/" in server.user_agents[-1]  # the client's own headers are kept


def read(tmp_path, day: str) -> dict:
    return json.loads((tmp_path / "out" / day / "digest.json").read_text(encoding="utf-8"))


@pytest.mark.usefixtures("prefect_harness")
def test_idle_day_is_a_304_and_carried_pages_are_not_fetched(tmp_path):
    from flows.daily import daily_briefing

    with LocalHTTPServer(root=SAMPLES) as server:
        serve_feed(server, PAGES, "v1")
        cfg = config(tmp_path, server)

        daily_briefing(config_path=cfg, day=date(2026, 11, 18))
        first = read(tmp_path, "2026-11-18")
        assert first["stories"] and page_hits(server) == 2 and server.conditional == 0
        bytes_first = server.bytes_sent

        # Nothing changed: one conditional request, a 304, no page fetched, no failure.
        daily_briefing(config_path=cfg, day=date(2026, 11, 19))
        idle = read(tmp_path, "2026-11-19")
        assert server.conditional == 1 and server.not_modified == 1 and page_hits(server) == 2
        assert server.bytes_sent == bytes_first
        assert idle["stories"] == [] and idle["failures"] == []
        [h] = idle["source_health"]
        assert h["status"] == "not-modified" and h["failures_in_a_row"] == 0
        assert h["last_not_modified"].startswith(h["last_success"][:10])
        md = (tmp_path / "out" / "2026-11-19" / "digest.md").read_text(encoding="utf-8")
        assert "Loopback wire — not modified since the last run (HTTP 304" in md

        # One new item: the feed is read again, only the new page is fetched; the two
        # carried ones count as already in an earlier digest.
        serve_feed(server, {**PAGES, NEW_PAGE[0]: NEW_PAGE[1]}, "v2")
        daily_briefing(config_path=cfg, day=date(2026, 11, 20))
        third = read(tmp_path, "2026-11-20")
        assert server.hits["/pages/" + NEW_PAGE[0]] == 1 and page_hits(server) == 3
        assert third["seen_before"] == 2
        assert [a["source"] for s in third["stories"] for a in s["articles"]] == [
            server.url("pages/" + NEW_PAGE[0])
        ]
        assert third["source_health"][0]["skipped"] == 2
        md = (tmp_path / "out" / "2026-11-20" / "digest.md").read_text(encoding="utf-8")
        assert "2 pages already carried, not fetched again" in md

        # Rerunning the first day reads the feed in full (no 304) and fetches its pages again
        # ("carried" is relative to earlier digests); the feed now also lists the new item.
        asked = server.conditional
        daily_briefing(config_path=cfg, day=date(2026, 11, 18))
        assert server.conditional == asked
        rerun = read(tmp_path, "2026-11-18")
        assert {a["url"] for s in first["stories"] for a in s["articles"]} <= {
            a["url"] for s in rerun["stories"] for a in s["articles"]
        }
        assert rerun["seen_before"] == 0


@pytest.mark.usefixtures("prefect_harness")
def test_failures_in_a_row_and_last_success_are_kept(tmp_path):
    from flows.daily import daily_briefing

    with LocalHTTPServer(root=SAMPLES) as server:
        serve_feed(server, PAGES, "v1")
        cfg = config(tmp_path, server)
        daily_briefing(config_path=cfg, day=date(2026, 11, 18))
        server.routes["/wire.xml"] = Route(404, b"gone", {"Content-Type": "text/plain"})
        daily_briefing(config_path=cfg, day=date(2026, 11, 19))
        daily_briefing(config_path=cfg, day=date(2026, 11, 20))
        [h] = read(tmp_path, "2026-11-20")["source_health"]
        assert h["status"] == "failed" and h["failures_in_a_row"] == 2
        assert (
            h["last_success"]
            and h["last_success"][:10] == read(tmp_path, "2026-11-18")["generated_at"][:10]
        )
        md = (tmp_path / "out" / "2026-11-20" / "digest.md").read_text(encoding="utf-8")
        assert "Loopback wire — failed (2 in a row); last success" in md
        html = (tmp_path / "out" / "2026-11-20" / "digest.html").read_text(encoding="utf-8")
        assert "failed (2 in a row)" in html

        # It heals: the count goes back to 0, and the first good read is unconditional
        # (no validators were kept for a day whose digest did not hold the feed).
        serve_feed(server, PAGES, "v1")
        daily_briefing(config_path=cfg, day=date(2026, 11, 21))
        [h] = read(tmp_path, "2026-11-21")["source_health"]
        assert h["status"] in ("ok", "not-modified") and h["failures_in_a_row"] == 0


@pytest.mark.usefixtures("prefect_harness")
def test_host_limits_hold_a_global_concurrency_slot_per_fetch(tmp_path):
    """`[http] host_limits`: with a Prefect global concurrency limit `fetch-127.0.0.1` of 1,
    four fetching threads reach the host one at a time."""
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.actions import GlobalConcurrencyLimitCreate

    from extractors.config import parse_config
    from fetch import sources

    with LocalHTTPServer() as server:
        pages = {f"pages/p{i}.html": f"Page {i}" for i in range(6)}
        for path in pages:
            server.routes["/" + path] = Route(
                200,
                (SAMPLES / "pages" / "seoul-brussels-arms-talks.html").read_bytes(),
                {"Content-Type": "text/html"},
                delay=0.2,
            )
        base = server.url("")
        items = "\n".join(
            f"<item><title>{t}</title><link>{base}{p}</link><guid>{p}</guid></item>"
            for p, t in pages.items()
        )
        server.add("wire.xml", FEED.format(base=base, items=items), content_type="text/xml")
        assert sources.host_limit_name(server.url("wire.xml")) == "fetch-127.0.0.1"
        with get_client(sync_client=True) as client:
            client.create_global_concurrency_limit(
                GlobalConcurrencyLimitCreate(name="fetch-127.0.0.1", limit=1)
            )
        cfg = parse_config(
            {
                "briefing": {"workers": 4, "processes": 1},
                "http": {"allow_private": True, "retries": 0, "host_limits": True},
                "sources": [{"name": "wire", "kind": "rss", "url": server.url("wire.xml")}],
            },
            base_dir=tmp_path,
        )
        from flows.daily import host_slot

        get = sources.make_getter(sources.client_for(cfg), host_slot)
        result = sources.collect(cfg.sources[0], cfg, get)
        assert len(result.articles) == 6 and result.failures == []
        assert server.max_in_flight == 1
