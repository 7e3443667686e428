"""Is the reason a story is in the digest stated? Over the White House days whose documents
name Korea and NATO (or the Indo-Pacific), each day analysed as a run reads it (relevance
on), the share of stories whose most relevant article's relevance evidence (the body
sentence where the topic's anchors meet) the summary or a key point states (80% of its
content words). Prints the figure and, with ``--show``, each story's evidence and points.

    BRIEFING_SHARED_DATA=../shared/data python benchmarks/reason_eval.py [--show]
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import relevance_eval
from _common import dataset, report_skip, skipped

from extractors.analysis import analyse
from extractors.keypoints import ANCHOR_SAID
from extractors.relevance import judge
from extractors.topic import load_topic
from extractors.vectors import tokens


def evaluate(show: bool = False) -> dict:
    wh = dataset("wh-briefings-nato-korea")
    if wh is None:
        return skipped("wh-briefings-nato-korea")
    topic = load_topic("korea-nato")
    days: dict[str, list[str]] = defaultdict(list)
    for f in sorted((wh / "docs").rglob("*.md")):
        days[f.stem[:10]].append(str(f.relative_to(wh)))

    def hot(day: str) -> bool:
        text = " ".join((wh / r).read_text("utf-8", errors="replace") for r in days[day])
        return "Korea" in text and ("NATO" in text or "Indo-Pacific" in text)

    stories = stated = 0
    hot_days = [d for d in sorted(days) if hot(d)]
    for day in hot_days:
        arts = [a for a in (relevance_eval.wh_article_pipeline(wh, r) for r in days[day]) if a]
        found, _ = analyse(arts, topic)
        for s in found:
            evidence = judge(s.articles[0], topic).evidence
            if not evidence or evidence == s.articles[0].title:
                continue
            want = set(tokens(evidence))
            texts = [k.text for k in s.key_points] + ([s.summary.text] if s.summary else [])
            ok = any(len(want & set(tokens(t))) >= ANCHOR_SAID * len(want) for t in texts)
            stories += 1
            stated += ok
            if show:
                print(f"{'ok ' if ok else 'NOT'} {day} {s.title[:90]}\n    {evidence[:200]}")
    return {"days": len(hot_days), "stories": stories, "stated": stated / (stories or 1)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--show", action="store_true", help="list each story's evidence")
    res = evaluate(ap.parse_args(argv).show)
    if report_skip(res):
        return 0
    print(
        f"reason stated: {res['stated']:.3f} of {res['stories']} stories with a body evidence "
        f"sentence, on {res['days']} White House days naming Korea and NATO"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
