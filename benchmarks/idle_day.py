"""An idle day's bytes against the first day's. No assertions; prints figures.

    .venv/bin/python benchmarks/idle_day.py

A real HTTP server on 127.0.0.1 serves the bundled samples (feeds and pages, each with an
ETag and a Last-Modified, as most publishers send): the sample feed (``samples/feed.xml``,
relative links to ``samples/pages``), a second feed listing the other sample pages, and one
page source. The daily-briefing flow runs on day 1 and on day 2 with one state store and
nothing changed on the server; then once more on day 3 against a server that ignores
validators (no ETag, no Last-Modified), where only "carried pages are not fetched" helps.
Target: day 2 at most 5% of day 1's bytes ("bytes": status lines, headers and bodies the
server sent; "body_bytes": bodies alone).
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("PREFECT_HOME", tempfile.mkdtemp(prefix="briefing-idle-"))
os.environ["PREFECT_SERVER_ANALYTICS_ENABLED"] = "false"
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "ERROR")

from tests.support import LocalHTTPServer, Route  # noqa: E402

SAMPLES = ROOT / "samples"
OTHER_FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Meridian Ledger</title><link>{base}</link>
{items}
</channel></rss>
"""
OTHER_PAGES = ["ko-ip4-cho-hyun-hanbit.html", "kpop-agency-ai-fan-app.html"]


def config(folder: Path, server: LocalHTTPServer) -> Path:
    cfg = folder / "briefing.toml"
    cfg.write_text(
        f"""[briefing]
out_dir = "out"
[http]
allow_private = true
retries = 0
[[sources]]
name = "Harbour Tribune feed"
kind = "rss"
url = "{server.url("feed.xml")}"
[[sources]]
name = "Meridian feed"
kind = "rss"
url = "{server.url("other.xml")}"
[[sources]]
name = "Meridian page"
kind = "page"
url = "{server.url("pages/korea-nato-shell-plant-meridian.html")}"
""",
        encoding="utf-8",
    )
    return cfg


def snapshot(server: LocalHTTPServer) -> tuple[int, int, int, int, int]:
    return (
        server.bytes_sent + server.header_bytes,
        server.bytes_sent,
        sum(server.hits.values()),
        server.conditional,
        server.not_modified,
    )


def day_run(cfg: Path, day: date, server: LocalHTTPServer, label: str) -> dict:
    from flows.daily import daily_briefing

    before = snapshot(server)
    result = daily_briefing(config_path=str(cfg), day=day)
    after = snapshot(server)
    b, body, r, c, n = (a - x for a, x in zip(after, before, strict=True))
    row = {
        "run": label,
        "bytes": b,
        "body_bytes": body,
        "requests": r,
        "conditional": c,
        "not_modified": n,
        "stories": len(result.digest.stories),
        "pages_skipped": sum(h.skipped for h in result.digest.source_health),
    }
    print(json.dumps(row))
    return row


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp, LocalHTTPServer(SAMPLES, validators=True) as srv:
        folder = Path(tmp)
        items = "\n".join(
            f"<item><title>{p}</title><link>{srv.url('pages/' + p)}</link><guid>{p}</guid></item>"
            for p in OTHER_PAGES
        )
        body = OTHER_FEED.format(base=srv.url(""), items=items).encode()
        tagged = {"ETag": '"other-v1"', "Last-Modified": "Fri, 20 Nov 2026 00:00:00 GMT"}
        srv.routes["/other.xml"] = Route(
            200, body, {"Content-Type": "application/rss+xml", **tagged}
        )
        cfg = config(folder, srv)
        first = day_run(cfg, date(2026, 11, 20), srv, "day 1 (first run)")
        idle = day_run(cfg, date(2026, 11, 21), srv, "day 2 (nothing changed)")
        srv.validators = False
        srv.routes["/other.xml"] = Route(200, body, {"Content-Type": "application/rss+xml"})
        plain = day_run(cfg, date(2026, 11, 22), srv, "day 3 (server ignores validators)")
    share = idle["bytes"] / first["bytes"] if first["bytes"] else 0.0
    print(
        f"idle day: {idle['bytes']:,} of {first['bytes']:,} bytes, headers included "
        f"({share:.1%}; target <= 5%: "
        f"{'met' if share <= 0.05 else 'missed'}); {idle['requests']} requests "
        f"({idle['conditional']} conditional, {idle['not_modified']} x 304) vs "
        f"{first['requests']}"
    )
    share3 = plain["bytes"] / first["bytes"] if first["bytes"] else 0.0
    print(
        f"without validators: {plain['bytes']:,} bytes ({share3:.1%}), {plain['requests']} "
        f"requests; {plain['pages_skipped']} carried pages not fetched"
    )


if __name__ == "__main__":
    main()
