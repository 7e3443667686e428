"""An article's outlet is a name a reader knows, never ``host:port``: og:site_name, else the
feed's channel title, else the page title's site suffix, else the configured ``outlet``."""

from __future__ import annotations

from pathlib import Path

from extractors.config import parse_config
from fetch import sources

BODY = (
    "<p>"
    + " ".join(
        ["South Korea and NATO agreed on Wednesday to hold talks on artillery shells in Brussels."]
        * 6
    )
    + "</p>"
)


def page(title: str, head: str = "") -> str:
    return (
        f"<html><head><title>{title}</title>{head}</head><body><article>"
        f"<h1>Seoul and NATO talk shells</h1>{BODY}</article></body></html>"
    )


FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Cheonan Defence Monitor</title><link>{base}</link>
<item><title>Seoul and NATO talk shells</title><link>{base}plain.html</link><guid>1</guid>
<pubDate>Wed, 18 Nov 2026 10:00:00 +0900</pubDate></item>
</channel></rss>"""


def collect(http_server, *blocks: dict):
    cfg = parse_config(
        {"http": {"allow_private": True}, "sources": list(blocks)}, base_dir=Path(".")
    )
    get = sources.make_getter(sources.client_for(cfg))
    out = []
    for s in cfg.sources:
        out += sources.collect(s, cfg, get).articles
    return out


def test_outlet_names_in_order_and_never_host_port(http_server):
    base = http_server.url("")
    http_server.add("plain.html", page("Seoul and NATO talk shells"))
    http_server.add(
        "og.html",
        page(
            "Seoul and NATO talk shells", '<meta property="og:site_name" content="Meridian Ledger">'
        ),
    )
    http_server.add("suffix.html", page("Seoul and NATO talk shells | Harbour Tribune"))
    http_server.add("feed.xml", FEED.format(base=base), content_type="application/rss+xml")
    arts = collect(
        http_server,
        {"name": "Monitor feed", "kind": "rss", "url": http_server.url("feed.xml")},
        {"name": "og", "kind": "page", "url": http_server.url("og.html")},
        {"name": "suffix", "kind": "page", "url": http_server.url("suffix.html")},
        {
            "name": "cfg",
            "kind": "page",
            "url": http_server.url("plain.html"),
            "outlet": "Cheonan Monitor",
        },
        {"name": "bare", "kind": "page", "url": http_server.url("plain.html")},
    )
    by = {a.origin: a.outlet for a in arts}
    assert by == {
        "Monitor feed": "Cheonan Defence Monitor",
        "og": "Meridian Ledger",
        "suffix": "Harbour Tribune",
        "cfg": "Cheonan Monitor",
        "bare": None,  # shown as the configured source's name, "bare"
    }
    assert not any(":" in (a.outlet or "") for a in arts)
    assert (
        sources.title_site("<title>Talks open — Korea Herald</title>", "Talks open")
        == "Korea Herald"
    )
    assert sources.title_site("<title>Talks: a primer</title>") is None  # a subtitle
    assert sources.title_site("<title>Just a headline</title>") is None


def test_editions_of_one_outlet_are_one_outlet() -> None:
    from extractors.models import outlet_key

    keys = {outlet_key(h) for h in ("europe.chinadaily.com.cn", "www.chinadaily.com.cn")}
    assert keys == {"chinadaily.com.cn"}
    assert outlet_key("en.yna.co.kr") == outlet_key("yna.co.kr")
    assert outlet_key("yna.co.kr") != outlet_key("koreaherald.com")
    assert outlet_key("The Harbour Tribune") == "harbour tribune"
