"""Dates against hand labels, and the time-zone case table.

    .venv/bin/python benchmarks/dates_eval.py [--show]

  people_dates_labels.json  20 real articles (see entities_eval.py), every date mention
                            labelled with the ISO date or range it names (the writer's
                            day; digest zone Asia/Seoul)
  dates_tz_cases.json       time-zone cases written for the project (naive and zoned
                            timestamps, outlets behind and ahead, bare dates)

Each article is read as ``briefing analyze FILE`` reads it (``fetch.sources.file_article``
+ ``with_source_meta``, which gives a zone-less timestamp its outlet's zone when the
domain is known) and ``extractors.dates.resolve_dates(article, "Asia/Seoul")`` runs on
it. A predicted event matches a label when the dates are equal and one mention contains
the other (case-folded); each label matches once. Precision = matched / predicted,
recall = matched / labelled. Dev and test halves as in entities_eval.py.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import BENCH_DIR, dataset, f1, report_skip, shared_data, table
from entities_eval import GM, LABELS, WH, read_article, split_of

TZ_CASES = BENCH_DIR / "dates_tz_cases.json"
ZONE = "Asia/Seoul"


def score(pairs: list[tuple[list[dict], list]]) -> dict:
    n_pred = n_gold = tp = 0
    errors: list[str] = []
    for gold, pred in pairs:
        n_pred += len(pred)
        n_gold += len(gold)
        left = list(gold)
        for e in pred:
            m = e.mention.casefold()
            hit = next(
                (
                    g
                    for g in left
                    if g["date"] == e.date
                    and (g["mention"].casefold() in m or m in g["mention"].casefold())
                ),
                None,
            )
            if hit is None:
                errors.append(f"FP {e.mention!r} -> {e.date} ({e.source})")
            else:
                left.remove(hit)
                tp += 1
        errors += [f"FN {g['mention']!r} -> {g['date']}" for g in left]
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return {
        "precision": p,
        "recall": r,
        "f1": f1(p, r),
        "predicted": n_pred,
        "labelled": n_gold,
        "errors": errors,
    }


def tz_cases() -> dict:
    from extractors.dates import resolve_dates
    from extractors.models import Article

    cases = json.loads(TZ_CASES.read_text(encoding="utf-8"))["cases"]
    wrong = []
    for c in cases:
        pub = datetime.fromisoformat(c["published"])
        if pub.tzinfo is None and c["source_zone"]:
            pub = pub.replace(tzinfo=ZoneInfo(c["source_zone"]))
        art = Article(source=c["id"], title="t", text=c["text"], published=pub)
        got = [e.date for e in resolve_dates(art, c["tz"])]
        if got != [c["expect"]]:
            wrong.append(f"{c['id']}: {got} (expected {c['expect']})")
    return {"right": len(cases) - len(wrong), "cases": len(cases), "wrong": wrong}


def evaluate() -> dict:
    gm = dataset(GM, "news_cluster/data")
    wh = dataset(WH, "docs")
    res: dict = {"tz": tz_cases()}
    res["tz_accuracy"] = res["tz"]["right"] / res["tz"]["cases"]
    if gm is None or wh is None:
        res["skipped"] = f"data not found: {shared_data() / (GM if gm is None else WH)}"
        return res
    from extractors.dates import resolve_dates

    labels = json.loads(LABELS.read_text(encoding="utf-8"))["articles"]
    splits = split_of([a["ref"] for a in labels if not a.get("held_out")])
    splits |= {a["ref"]: "held_out" for a in labels if a.get("held_out")}
    per: dict[str, list] = {"dev": [], "test": [], "held_out": []}
    for a in labels:
        art = read_article(gm if a["dataset"] == GM else wh, a["ref"])
        found = list(resolve_dates(art, ZONE)) if art is not None else []
        per[splits[a["ref"]]].append((a["dates"], found))
    for sp, pairs in per.items():
        res[sp] = score(pairs)
    res["all"] = score(per["dev"] + per["test"])
    return res


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--show", action="store_true", help="list every error")
    args = ap.parse_args(argv)
    res = evaluate()
    tz = res["tz"]
    print(f"time-zone cases: {tz['right']}/{tz['cases']} right")
    for w in tz["wrong"]:
        print("  wrong " + w)
    if report_skip(res):
        return 0
    rows = [
        (
            sp,
            res[sp]["precision"],
            res[sp]["recall"],
            res[sp]["f1"],
            res[sp]["predicted"],
            res[sp]["labelled"],
        )
        for sp in ("dev", "test", "all", "held_out")
    ]
    print(f"dates, 20 hand-labelled articles (digest zone {ZONE})")
    print(table(rows, ("set", "P", "R", "F1", "pred", "labels")))
    errs = res["all"]["errors"]
    print(f"errors ({len(errs)}):")
    for e in errs if args.show else errs[:15]:
        print("  " + e)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
