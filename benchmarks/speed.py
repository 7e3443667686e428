"""Speed and memory of the pure stages (no network, no Prefect). No assertions.

    /tmp/v1/bin/python benchmarks/speed.py [--limit N]

Stages, in one process, one after the other:
  load        the 383 giveme5w1h news_cluster JSON files read as ``briefing analyze``
              reads them (``fetch.sources.file_article``: files.parse_news_please)
  analyze     ``extractors.analysis.build_digest`` + ``render.render_json`` on them, topic
              korea-nato, as ``briefing analyze FILES`` (almost all are off-topic)
  no-filter   the same with ``no_filter=True`` (``briefing analyze --no-filter``): every
              article grouped into stories and given key points (the heavy path)
  entities-load  loading the spaCy model (tok2vec + ner + the topic's EntityRuler), once
  entities    ``extractors.entities.extract_entities([article], topic)`` for each article
              alone (the spaCy pass, batched per call with ``nlp.pipe``)
  dates       ``extractors.dates.resolve_dates(article, "Asia/Seoul")`` for each article
  clean       ``extractors.clean.clean_html`` on the first 50 article-extraction-benchmark
              pages (sorted ids), one process (trafilatura's time per page: compare
              with entities' ms per article)

Peak RSS is ``resource.getrusage(RUSAGE_SELF).ru_maxrss`` after each stage (the
process's peak so far, so it only grows).
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from datetime import UTC, date, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import dataset, read_gz, report_skip, shared_data, table

CLUSTER, PAGES = "giveme5w1h-news", "article-extraction-benchmark"


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def evaluate(limit: int | None = None, pages: int = 50) -> dict:
    nc = dataset(CLUSTER, "news_cluster/data")
    aeb = dataset(PAGES, "ground-truth.json", "html")
    if nc is None or aeb is None:
        missing = CLUSTER if nc is None else PAGES
        return {"skipped": f"data not found: {shared_data() / missing}"}
    from extractors.analysis import build_digest
    from extractors.clean import clean_html
    from extractors.dates import resolve_dates
    from extractors.errors import ExtractError, SourceError
    from extractors.render import render_json
    from extractors.topic import load_topic
    from fetch import sources
    from fetch.local import read_file

    files = sorted((nc / "news_cluster" / "data").glob("*.json"))
    if limit:
        files = files[:limit]
        pages = min(pages, limit)
    out: dict = {"articles": len(files), "pages": pages, "stages": {}}
    stages = out["stages"]
    rss0 = _rss_mb()

    t0 = time.perf_counter()
    articles, failed = [], 0
    for f in files:
        try:
            articles.append(sources.file_article(str(f), "bench", read_file, source=f.name))
        except SourceError:
            failed += 1
    stages["load"] = {"seconds": time.perf_counter() - t0, "rss_mb": _rss_mb(), "items": len(files)}
    out["load_failures"] = failed

    topic = load_topic("korea-nato")
    now = datetime(2026, 1, 1, tzinfo=UTC)
    for name, no_filter in (("analyze", False), ("no-filter", True)):
        t0 = time.perf_counter()
        digest = build_digest(
            articles,
            [],
            topic,
            title="bench",
            day=date(2026, 1, 1),
            now=now,
            sources=[a.source for a in articles],
            no_filter=no_filter,
            max_stories=10_000,
        )
        body = render_json(digest)
        stages[name] = {
            "seconds": time.perf_counter() - t0,
            "rss_mb": _rss_mb(),
            "items": len(articles),
            "stories": len(digest.stories),
            "key_points": sum(len(s.key_points) for s in digest.stories),
            "json_bytes": len(body.encode()),
        }

    # Entities: the spaCy model's one-off load, then extract_entities per article (each
    # article alone, as one-article stories), the model loaded.
    from extractors import entities

    t0 = time.perf_counter()
    entities._nlp(entities._topic_patterns(topic))
    stages["entities-load"] = {"seconds": time.perf_counter() - t0, "rss_mb": _rss_mb(), "items": 1}
    t0 = time.perf_counter()
    n_people = 0
    for a in articles:
        n_people += sum(e.kind == "person" for e in entities.extract_entities([a], topic))
    stages["entities"] = {
        "seconds": time.perf_counter() - t0,
        "rss_mb": _rss_mb(),
        "items": len(articles),
        "people": n_people,
    }
    t0 = time.perf_counter()
    for a in articles:
        resolve_dates(a, "Asia/Seoul")
    stages["dates"] = {
        "seconds": time.perf_counter() - t0,
        "rss_mb": _rss_mb(),
        "items": len(articles),
    }

    truth = json.loads((aeb / "ground-truth.json").read_text("utf-8"))
    ids = sorted(truth)[:pages]
    htmls = [read_gz(aeb / "html" / f"{pid}.html.gz") for pid in ids]
    t0 = time.perf_counter()
    errors = 0
    for pid, html in zip(ids, htmls, strict=True):
        try:
            clean_html(html, url=truth[pid]["url"])
        except ExtractError:
            errors += 1
    stages["clean"] = {
        "seconds": time.perf_counter() - t0,
        "rss_mb": _rss_mb(),
        "items": len(ids),
        "errors": errors,
        "html_mb": sum(len(h) for h in htmls) / 1e6,
    }
    out["rss_start_mb"] = rss0
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--limit", type=int, default=None, help="first N articles and pages")
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    res = evaluate(args.limit)
    if report_skip(res):
        return 0
    rows = []
    for name, s in res["stages"].items():
        per = s["seconds"] / s["items"] * 1000 if s["items"] else 0.0
        extra = ", ".join(
            f"{k} {v:.1f}" if isinstance(v, float) else f"{k} {v}"
            for k, v in s.items()
            if k not in ("seconds", "rss_mb", "items")
        )
        rows.append(
            (name, s["items"], f"{s['seconds']:.2f}", f"{per:.1f}", f"{s['rss_mb']:.0f}", extra)
        )
    print(f"speed (peak RSS at start {res['rss_start_mb']:.0f} MB)")
    print(table(rows, ("stage", "items", "seconds", "ms/item", "peak RSS MB", "")))
    print(f"elapsed {time.perf_counter() - t0:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
