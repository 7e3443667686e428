"""Cleaning on every core: a feed's pages are fetched by threads and cleaned in a process
pool (``[briefing] processes``); the articles and failures are the same as in-process."""

from __future__ import annotations

from extractors.config import parse_config
from fetch import sources
from tests.conftest import SAMPLES
from tests.support import LocalHTTPServer

EMPTY = "<html><head><title>Nothing here</title></head><body><nav>Home</nav></body></html>"


def feed(server: LocalHTTPServer) -> str:
    pages = sorted(p.name for p in (SAMPLES / "pages").glob("*.html"))
    links = [f"pages/{p}?copy={i}" for i in range(2) for p in pages] + ["empty.html"]
    items = "\n".join(
        f"<item><title>Item {i}</title><link>{server.url(link)}</link><guid>{i}</guid>"
        f"<description>Entry {i} of the loopback wire, with a summary of its own.</description>"
        "</item>"
        for i, link in enumerate(links)
    )
    head = '<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>'
    return f"{head}{items}</channel></rss>"


def collect(server: LocalHTTPServer, tmp_path, processes: int) -> sources.SourceResult:
    cfg = parse_config(
        {
            "briefing": {"processes": processes, "workers": 4},
            "http": {"allow_private": True, "retries": 0, "timeout": 10},
            "sources": [{"name": "wire", "kind": "rss", "url": server.url("feed.xml")}],
        },
        base_dir=tmp_path,
    )
    return sources.collect(cfg.sources[0], cfg, sources.make_getter(sources.client_for(cfg)))


def test_pool_cleans_like_one_process(tmp_path):
    with LocalHTTPServer(root=SAMPLES) as server:
        server.add("empty.html", EMPTY)
        server.add("feed.xml", feed(server), content_type="application/rss+xml")
        one = collect(server, tmp_path, 1)
        assert len(one.articles) + 1 >= sources.MIN_POOLED
        pooled = collect(server, tmp_path, 2)
        assert sources._POOLS.get(2) is not None  # the pool was used (and is kept)
    assert [(a.source, a.title, a.text, a.published) for a in pooled.articles] == [
        (a.source, a.title, a.text, a.published) for a in one.articles
    ]
    # the empty page's error came back from the worker as the same one-line failure
    assert [(f.source, f.stage, f.error) for f in pooled.failures] == [
        (f.source, f.stage, f.error) for f in one.failures
    ]
    assert any("empty.html" in f.source for f in pooled.failures)


def test_a_broken_pool_falls_back_to_this_process():
    pool = sources.cleaning_pool(3)
    assert pool is not None
    assert pool.submit(abs, -1).result(timeout=120) == 1  # the workers are up
    for proc in list(pool._processes.values()):
        proc.kill()
        proc.join(10)
    page = (SAMPLES / "pages" / "seoul-brussels-arms-talks.html").read_text(encoding="utf-8")
    clean = sources.pooled_cleaner(pool)
    out = clean(page, url="https://example.org/a", source="a")
    assert out.text and 3 not in sources._POOLS
