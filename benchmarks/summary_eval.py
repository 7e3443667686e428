"""Story summaries: do they state the event? And ROUGE of the same scorer on BBC politics.

    .venv/bin/python benchmarks/summary_eval.py [--show]

1. giveme5w1h news_cluster, read the way ``briefing analyze --no-filter`` reads the files
   (``files.parse_news_please``, the cleaning rules; photo galleries refused), analysed
   with ``extractors.analysis.analyse(no_filter=True)``. Each story's event is its
   articles' majority gold ``EventId``; the summary states the event when it matches every
   term group hand-written for that event in ``benchmarks/summary_labels.json``. Reported
   on dev (even event ids, the ones looked at while building ``extractors/summary.py``)
   and test (odd ids, only measured). Also: share of stories with a summary, words.
2. bbc-news-summary politics 001-300: ``summary.summarise(paragraphs, n)`` at the
   reference's sentence count, ROUGE-1/2 F1 (as benchmarks/keypoints_eval.py scores).
"""

from __future__ import annotations

import argparse
import functools
import json
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import keypoints_eval
import stories_eval
from _common import report_skip, skipped, table

LABELS = Path(__file__).resolve().parent / "summary_labels.json"


@functools.lru_cache(maxsize=1)
def news_cluster_stories() -> tuple[list, list[dict[str, int]]] | None:
    """(stories of the pipeline-read news_cluster articles, gold event per article source)."""
    from extractors.analysis import analyse
    from extractors.topic import load_topic

    data = stories_eval.load()
    loaded = stories_eval.load_via_pipeline()
    if data is None or loaded is None:
        return None
    _, gold, _ = data
    arts = [a for a in loaded if a is not None]
    gold_of = {a.source: g for a, g in zip(loaded, gold, strict=True) if a is not None}
    found, _ = analyse(arts, load_topic("korea-nato"), no_filter=True)
    return found, [gold_of]


def states(summary: str, groups: list[list[str]]) -> bool:
    low = summary.lower()
    return all(any(alt in low for alt in group) for group in groups)


def event_of(story, gold_of: dict[str, int]) -> int:
    return Counter(gold_of[a.source] for a in story.articles).most_common(1)[0][0]


def evaluate_events(show: bool = False) -> dict:
    got = news_cluster_stories()
    if got is None:
        return skipped("giveme5w1h-news")
    found, (gold_of,) = got
    labels = {int(k): v for k, v in json.loads(LABELS.read_text("utf-8")).items() if k.isdigit()}
    res: dict = {}
    for part, want in (("dev", 0), ("test", 1)):
        rows = [(s, event_of(s, gold_of)) for s in found]
        rows = [(s, e) for s, e in rows if e % 2 == want and e in labels]
        ok = [bool(s.summary) and states(s.summary.text, labels[e]) for s, e in rows]
        words = [len(s.summary.text.split()) for s, _ in rows if s.summary]
        res[part] = {
            "stories": len(rows),
            "with_summary": sum(1 for s, _ in rows if s.summary) / (len(rows) or 1),
            "states_event": sum(ok) / (len(rows) or 1),
            "max_words": max(words, default=0),
            "median_words": statistics.median(words) if words else 0,
        }
        if show:
            for (s, e), good in zip(rows, ok, strict=True):
                mark = "ok " if good else "NO "
                text = s.summary.text if s.summary else "(none)"
                print(f"{part} {mark} event {e:>3} [{len(s.articles)}] {text[:200]}")
    return res


def evaluate_rouge() -> dict:
    from extractors import summary

    docs = keypoints_eval.load()
    if docs is None:
        return skipped("bbc-news-summary")
    scorer = keypoints_eval._scorer()

    def fn(doc: dict, n: int) -> list[str]:
        return summary.summarise(doc["paragraphs"], n)

    return {
        "articles": len(docs),
        "at_ref": keypoints_eval.score_system(docs, fn, scorer, "ref"),
        "at_3": keypoints_eval.score_system(docs, fn, scorer, "3"),
    }


def evaluate(show: bool = False) -> dict:
    t0 = time.perf_counter()
    out = {"events": evaluate_events(show), "rouge": evaluate_rouge()}
    out["elapsed"] = time.perf_counter() - t0
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--show", action="store_true", help="print every story's summary")
    args = ap.parse_args(argv)
    res = evaluate(args.show)
    ev, rg = res["events"], res["rouge"]
    if not report_skip(ev):
        rows = [
            (
                part,
                r["stories"],
                r["states_event"],
                r["with_summary"],
                r["median_words"],
                r["max_words"],
            )
            for part, r in ev.items()
        ]
        print("news_cluster stories (analyze --no-filter): does the summary state the event?")
        print(table(rows, ("split", "stories", "states", "has one", "words med", "max")))
    if not report_skip(rg):
        print(f"BBC politics ({rg['articles']} articles), summary.summarise, ROUGE F1:")
        rows = [
            (k, v["rouge1"], v["rouge2"], v["sentences"])
            for k, v in (("at ref length", rg["at_ref"]), ("at 3", rg["at_3"]))
        ]
        print(table(rows, ("length", "R-1", "R-2", "sents")))
    print(f"elapsed {res['elapsed']:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
