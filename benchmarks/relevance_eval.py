"""Relevance filtering against a hand-labelled set (benchmarks/relevance_labels.csv).

    /tmp/v1/bin/python benchmarks/relevance_eval.py [--limit N] [--show-all]

Each labelled document becomes an ``extractors.models.Article`` and is judged with
``extractors.relevance.judge(article, load_topic("korea-nato"))``; ``included`` is
the prediction, the hand label the truth (see the CSV header for the labelling rule).

  wh-briefings-nato-korea  YAML front matter stripped, title from it; the Markdown body's
                           paragraphs are its blank-line-separated blocks (the files are
                           hard-wrapped at ~72 columns), Markdown syntax removed with
                           ``extractors.text.markdown_to_text``
  kcna-archive-2024        title = headline, text = story_text (one paragraph per line)

A second row scores the White House files read the way ``briefing analyze FILE.md``
reads them (``extractors.files.parse_markdown``), to show what the pipeline sees.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import BENCH_DIR, dataset, f1, report_skip, shared_data, table

from extractors.models import Article
from extractors.relevance import judge
from extractors.text import markdown_to_text, normalise_space
from extractors.topic import load_topic

LABELS = BENCH_DIR / "relevance_labels.csv"
WH, KCNA = "wh-briefings-nato-korea", "kcna-archive-2024"


def read_labels(limit: int | None = None) -> list[dict]:
    with LABELS.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(line for line in fh if not line.startswith("#")))
    for r in rows:
        r["label"] = int(r["label"])
    return rows[:limit] if limit else rows


# ---------------------------------------------------------------- documents -> articles


def wh_article(root: Path, ref: str) -> Article:
    import yaml

    from extractors.clean import _parse_iso

    raw = (root / ref).read_text("utf-8")
    meta: dict = {}
    body = raw
    if raw.startswith("---"):
        head, _, body = raw[3:].partition("\n---")
        meta = yaml.safe_load(head) or {}
        body = body.split("\n", 1)[1] if "\n" in body else ""
    blocks = [b for b in re.split(r"\n\s*\n", body) if b.strip()]
    paras = [normalise_space(markdown_to_text(b.replace("\n", " "))) for b in blocks]
    when = meta.get("published_time") or meta.get("date")
    return Article(
        source=ref,
        title=normalise_space(str(meta.get("title") or "")),
        text="\n".join(p for p in paras if p),
        url=meta.get("source_url"),
        outlet="whitehouse.gov",
        published=_parse_iso(str(when)) if when else None,
        via="file",
    )


def wh_article_pipeline(root: Path, ref: str) -> Article:
    from extractors.files import parse_markdown
    from extractors.sources import to_article

    path = root / ref
    return to_article(parse_markdown(path.read_text("utf-8"), str(path)), ref, "bench", "file")


def kcna_article(items: list[dict], ref: str) -> Article:
    from datetime import UTC, datetime

    item = items[int(ref)]
    ms = item.get("date")
    return Article(
        source=f"kcna#{ref}",
        title=normalise_space(item.get("headline") or ""),
        text="\n".join(p.strip() for p in (item.get("story_text") or "").split("\n") if p.strip()),
        url=item.get("link"),
        outlet="kcna.kp",
        published=datetime.fromtimestamp(ms / 1000, UTC) if isinstance(ms, int | float) else None,
        via="file",
    )


# ---------------------------------------------------------------- experiments
# Topic-profile variants (data changes to topics/korea-nato.toml) and one text
# pre-processing variant (a code change in relevance.judge), scored here only.

_NORTH = ("북한", "한반도")  # "North Korea", "Korean peninsula": not South Korea
_BARE = ("Korea", "Korean", "Koreans")
_IP4_AS_KOREA = (
    "IP4",
    "Indo-Pacific partners",
    "Indo-Pacific Partners",
    "Indo-Pacific Four",
    "Asia-Pacific partners",
    "Asia-Pacific Four",
    "AP4",
    "IPP",
)
_POLEMIC_MORE = (
    "Asian version",
    "war machine",
    "war machinery",
    "hegemony",
    "sinister",
    "criminal colors",
    "aggression forces",
    "war alliance",
    "vassal",
    "servants",
)
_DPRK_NAME = re.compile(r"Democratic\s+People['’]s\s+Republic\s+of\s+Korea")


def topic_variant(
    *,
    drop_bare_korea: bool = False,
    ip4_as_korea: bool = False,
    more_polemic: bool = False,
    include: float | None = None,
):
    """The korea-nato topic with some of its data changed (validated like the file)."""
    import tomllib

    from extractors.topic import TOPICS_DIR, Topic

    data = tomllib.loads((TOPICS_DIR / "korea-nato.toml").read_text("utf-8"))
    for a in data["anchors"]:
        if a["name"] == "Korea":
            terms = [t for t in a["terms"] if t not in _NORTH]
            if drop_bare_korea:
                terms = [t for t in terms if t not in _BARE]
            if ip4_as_korea:
                terms += list(_IP4_AS_KOREA)
            a["terms"] = terms
    if more_polemic:
        for pen in data.get("penalties", []):
            if pen["name"] == "polemic":
                pen["terms"] = list(pen["terms"]) + list(_POLEMIC_MORE)
    if include is not None:
        data.setdefault("thresholds", {})["include"] = include
        near = data["thresholds"].get("near_miss", 0.15)
        data["thresholds"]["near_miss"] = min(near, include)
    return Topic.model_validate(data)


def mask_dprk(a: Article) -> Article:
    """North Korea's full name contains "Republic of Korea": name it "the DPRK" instead."""
    from dataclasses import replace

    return replace(a, title=_DPRK_NAME.sub("DPRK", a.title), text=_DPRK_NAME.sub("DPRK", a.text))


EXPERIMENTS: dict[str, dict] = {
    "include 0.35": {"include": 0.35},
    "include 0.30": {"include": 0.30},
    "Korea anchor without bare Korea/Korean": {"drop_bare_korea": True},
    "+ mask DPRK full name (code)": {"drop_bare_korea": True, "mask": True},
    "Korea anchor + IP4 names": {"ip4_as_korea": True},
    "more polemic terms": {"more_polemic": True},
    "no bare Korea + mask DPRK + IP4 names": {
        "drop_bare_korea": True,
        "mask": True,
        "ip4_as_korea": True,
    },
    "no bare Korea + mask DPRK + IP4 names + polemic": {
        "drop_bare_korea": True,
        "mask": True,
        "ip4_as_korea": True,
        "more_polemic": True,
    },
    "no bare Korea + mask DPRK + IP4 + polemic, include 0.35": {
        "drop_bare_korea": True,
        "mask": True,
        "ip4_as_korea": True,
        "more_polemic": True,
        "include": 0.35,
    },
    "no bare Korea + mask DPRK + IP4 + polemic, include 0.30": {
        "drop_bare_korea": True,
        "mask": True,
        "ip4_as_korea": True,
        "more_polemic": True,
        "include": 0.30,
    },
}


def run_experiments(arts: list[tuple[int, Article]]) -> dict[str, dict]:
    out = {}
    for name, opts in EXPERIMENTS.items():
        opts = dict(opts)
        mask = opts.pop("mask", False)
        topic = topic_variant(**opts)
        pairs = [(y, judge(mask_dprk(a) if mask else a, topic).included) for y, a in arts]
        out[name] = scores(pairs)
    return out


# ---------------------------------------------------------------- evaluate


def scores(pairs: list[tuple[int, bool]]) -> dict:
    tp = sum(1 for y, p in pairs if y and p)
    fp = sum(1 for y, p in pairs if not y and p)
    fn = sum(1 for y, p in pairs if y and not p)
    tn = sum(1 for y, p in pairs if not y and not p)
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    return {
        "precision": prec,
        "recall": rec,
        "f1": f1(prec, rec),
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "tn": tn,
        "n": len(pairs),
    }


def evaluate(limit: int | None = None, run_experiments_too: bool = False) -> dict:
    wh_root, kcna_root = dataset(WH, "docs"), dataset(KCNA, "headlines_2024-11-11.json")
    if wh_root is None or kcna_root is None:
        missing = WH if wh_root is None else KCNA
        return {"skipped": f"data not found: {shared_data() / missing}"}
    t0 = time.perf_counter()
    topic = load_topic("korea-nato")
    items = json.loads((kcna_root / "headlines_2024-11-11.json").read_text("utf-8"))
    rows = read_labels(limit)
    results, pipeline_pairs, arts = [], [], []
    for r in rows:
        if r["dataset"] == WH:
            art = wh_article(wh_root, r["ref"])
            piped = judge(wh_article_pipeline(wh_root, r["ref"]), topic)
        else:
            art = kcna_article(items, r["ref"])
            piped = None
        rel = judge(art, topic)
        arts.append((r["label"], art))
        results.append(
            {
                **r,
                "title": art.title,
                "score": rel.score,
                "included": rel.included,
                "summary": rel.summary,
            }
        )
        pipeline_pairs.append((r["label"], (piped or rel).included))
    res: dict = {
        "threshold": topic.thresholds.include,
        **scores([(x["label"], x["included"]) for x in results]),
        "by_dataset": {
            ds: scores([(x["label"], x["included"]) for x in results if x["dataset"] == ds])
            for ds in (WH, KCNA)
        },
        "pipeline_markdown": scores(pipeline_pairs),
        "errors": [x for x in results if bool(x["label"]) != x["included"]],
        "results": results,
    }
    if run_experiments_too:
        res["experiments"] = run_experiments(arts)
    res["elapsed"] = time.perf_counter() - t0
    return res


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--limit", type=int, default=None, help="first N labelled rows")
    ap.add_argument("--show-all", action="store_true", help="list every document with its score")
    ap.add_argument(
        "--experiments",
        action="store_true",
        help="also score topic-profile variants (extractors/ and topics/ unchanged)",
    )
    args = ap.parse_args(argv)
    res = evaluate(args.limit, args.experiments)
    if report_skip(res):
        return 0
    n_pos = res["tp"] + res["fn"]
    print(
        f"relevance, topic korea-nato (include >= {res['threshold']}): {res['n']} labelled "
        f"documents, {n_pos} positive"
    )
    rows = [("all", res["precision"], res["recall"], res["f1"], res["n"])]
    for ds, s in res["by_dataset"].items():
        rows.append((ds, s["precision"], s["recall"], s["f1"], s["n"]))
    pm = res["pipeline_markdown"]
    rows.append(
        ("all, WH via files.parse_markdown", pm["precision"], pm["recall"], pm["f1"], pm["n"])
    )
    print(table(rows, ("set", "P", "R", "F1", "docs")))
    print("confusion matrix (all):")
    print(
        table(
            [("label 1", res["tp"], res["fn"]), ("label 0", res["fp"], res["tn"])],
            ("", "judged in", "judged out"),
        )
    )
    print(f"misclassified ({len(res['errors'])}):")
    for x in res["errors"]:
        kind = "FN" if x["label"] else "FP"
        print(f"  {kind} {x['dataset']}:{x['ref']}")
        print(f"     score {x['score']:.3f}  {x['summary']}")
        print(f"     title: {x['title'][:110]}")
        print(f"     label note: {x['note'][:140]}")
    if args.show_all:
        for x in sorted(res["results"], key=lambda x: -x["score"]):
            print(
                f"  {x['label']} {x['score']:.3f} {int(x['included'])} {x['dataset'][:4]}:"
                f"{x['ref'][-70:]}  {x['summary'][:90]}"
            )
    if "experiments" in res:
        print("topic-profile variants (scored here only):")
        rows = [
            (name, e["precision"], e["recall"], e["f1"], e["tp"], e["fp"], e["fn"])
            for name, e in res["experiments"].items()
        ]
        print(table(rows, ("variant", "P", "R", "F1", "TP", "FP", "FN")))
    print(f"elapsed {res['elapsed']:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
