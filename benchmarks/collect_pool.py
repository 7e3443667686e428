"""A feed's pages through ``fetch.sources.collect``: threads fetch, cleaning in-process
(``[briefing] processes = 1``) against the process pool (``processes = os.cpu_count()``).
No assertions; prints pages per second.

    .venv/bin/python benchmarks/collect_pool.py [--rounds 2]

The 181 article-extraction-benchmark pages (../shared/data, read at run time) are served by
a real HTTP server on 127.0.0.1 and listed in one feed (``max_items`` 1000); each setting
runs ``--rounds`` times, best round reported. The pool is started (and warmed on one page)
before it is timed: a long-lived worker or flow-run process pays that once.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import PROJECT_ROOT, dataset, read_gz, shared_data, table

sys.path.insert(0, str(PROJECT_ROOT))

PAGES = "article-extraction-benchmark"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--rounds", type=int, default=2)
    args = ap.parse_args(argv)
    aeb = dataset(PAGES, "ground-truth.json", "html")
    if aeb is None:
        print(f"skipped: data not found: {shared_data()}")
        return 0
    from extractors.config import parse_config
    from fetch import sources
    from tests.support import LocalHTTPServer

    files = sorted((aeb / "html").glob("*.html.gz"))
    cores = os.cpu_count() or 1
    rows = []
    with LocalHTTPServer() as server:
        for f in files:
            server.add(f"p/{f.name[:-8]}.html", read_gz(f))
        items = "".join(
            f"<item><title>{f.name}</title><link>{server.url(f'p/{f.name[:-8]}.html')}</link>"
            f"<guid>{f.name}</guid></item>"
            for f in files
        )
        server.add(
            "feed.xml",
            f'<?xml version="1.0"?><rss version="2.0"><channel><title>AEB</title>{items}'
            "</channel></rss>",
            content_type="application/rss+xml",
        )
        for processes in (1, cores):
            cfg = parse_config(
                {
                    "briefing": {"processes": processes, "workers": 4},
                    "http": {"allow_private": True, "retries": 0, "timeout": 30},
                    "sources": [
                        {"name": "aeb", "kind": "rss", "url": server.url("feed.xml"),
                         "max_items": 1000}
                    ],
                },
                base_dir=PROJECT_ROOT,
            )  # fmt: skip
            pool = sources.cleaning_pool(processes)
            if pool is not None:  # start and warm the workers (imports) before timing
                list(pool.map(sources._clean_in_worker, ["<p>warm</p>"] * processes,
                              [None] * processes, [""] * processes))  # fmt: skip
            get = sources.make_getter(sources.client_for(cfg))
            best, got = 0.0, 0
            for _ in range(args.rounds):
                t0 = time.perf_counter()
                res = sources.collect(cfg.sources[0], cfg, get)
                rate = len(files) / (time.perf_counter() - t0)
                best, got = max(best, rate), len(res.articles)
            rows.append((f"collect, processes = {processes}", f"{best:.1f}", got))
    print(f"one feed of {len(files)} pages over loopback HTTP, {cores} cores, best of "
          f"{args.rounds}")  # fmt: skip
    print(table(rows, ("how", "pages/s", "articles")))
    if len(rows) == 2:
        print(f"pool / one process: {float(rows[1][1]) / float(rows[0][1]):.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
