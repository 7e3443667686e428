"""Dates against hand labels, and the time-zone case table.

    .venv/bin/python benchmarks/dates_eval.py [--show]

  people_dates_labels.json  20 real articles (see entities_eval.py), every date mention
                            labelled with the ISO date or range it names (the writer's
                            day; digest zone Asia/Seoul)
  dates_tz_cases.json       time-zone cases written for the project (naive and zoned
                            timestamps, outlets behind and ahead, bare dates)
  dates_labels_gs.json      40 giveme5w1h gold_standard articles (Nov 2016, 13 outlets,
                            UK and US), every date mention labelled by its meaning in the
                            writer's day (225 mentions). Split by the dataset's own
                            sampling.json: dev = 20 of its 'training' articles (the three
                            whose defects were reported first among them), test = its 20
                            'test' articles, labelled once before any rule below changed
  dates_labels_wh.json      46 documents labelled blind (28 news_cluster articles, 18 White
                            House documents; 167 mentions): 30 split dev/test by sha256 of
                            the file name, and a second tuning batch of 16 (dev2); tuned on
                            dev and dev2 only (``wh_dev``, ``wh_dev2``, ``wh_test``)
  dates_labels_v5.json      30 documents labelled blind in round 5 (16 news_cluster, 9 White
                            House, 5 KCNA; 83 mentions), split dev/test by sha256 of the
                            ref; tuned on dev only (``v5_dev``, ``v5_test``)
  dates_labels_v5b.json     20 more documents labelled blind in round 5's second pass (10
                            news_cluster, 5 White House biographies/nominations, 5 other White
                            House; 98 mentions), all a tuning batch (``v5b``)
  dates_labels_v6.json      40 documents labelled blind in round 6 (16 White House, 12
                            news_cluster, 12 KCNA; 76 mentions, 15 marked upcoming), split
                            dev/test by sha256 of the ref; tuned on dev only (``v6_dev``,
                            ``v6_test``). Also scored: Upcoming (``v6_*_upcoming``), the
                            predicted dates after the publication day against the labels
                            marked ``upcoming`` (a future event the source states)
  dates_labels_v7.json      20 documents labelled blind in round 7 (12 White House, 8 KCNA; 46
                            mentions, 9 upcoming; targets and forecasts labelled as dates but
                            not upcoming), split dev/test by sha256 of the ref; tuned on dev
                            only (``v7_dev``, ``v7_test``, ``v7_*_upcoming``)
  dates_labels_v8.json      the 22 documents of entities_labels_v13.json labelled blind in
                            round 16 (4 news_cluster, 11 White House, 7 KCNA; 52 mentions, 9
                            upcoming), split dev/test by sha256 of the ref; tuned on dev only
                            (``v8_dev``, ``v8_test``, ``v8_*_upcoming``)
  dates_labels_v9.json      the 26 documents of entities_labels_v14.json labelled blind in
                            round 17 (8 news_cluster, 12 White House, 6 KCNA; 132 mentions,
                            12 upcoming), split dev/test by sha256 of the ref; tuned on dev
                            only (``v9_dev``, ``v9_test``, ``v9_*_upcoming``)

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
from _common import BENCH_DIR, dataset, prf, report_skip, shared_data, table
from entities_eval import GM, LABELS, WH, read_article, split_of

TZ_CASES = BENCH_DIR / "dates_tz_cases.json"
GS_LABELS = BENCH_DIR / "dates_labels_gs.json"
WH_LABELS = BENCH_DIR / "dates_labels_wh.json"
V5_LABELS = BENCH_DIR / "dates_labels_v5.json"
V5B_LABELS = BENCH_DIR / "dates_labels_v5b.json"
V6_LABELS = BENCH_DIR / "dates_labels_v6.json"
V7_LABELS = BENCH_DIR / "dates_labels_v7.json"
V8_LABELS = BENCH_DIR / "dates_labels_v8.json"
V9_LABELS = BENCH_DIR / "dates_labels_v9.json"
KCNA = "kcna-archive-2024"
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
    return {**prf(tp, n_pred, tp, n_gold), "errors": errors}


def _ahead(event, day) -> bool:
    """As the digest's Upcoming reads it (``render.listed``), with the article's own day
    for the digest's."""
    from extractors.render import listed

    return day is not None and listed(event, day)


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
        if got != ([c["expect"]] if c["expect"] else []):
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
    from extractors.dates import resolve_dates, writer_day

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
    gs: dict[str, list] = {"dev": [], "test": []}
    for a in json.loads(GS_LABELS.read_text(encoding="utf-8"))["articles"]:
        art = read_article(gm, a["ref"])
        found = list(resolve_dates(art, ZONE)) if art is not None else []
        gs[a["split"]].append((a["dates"], found))
    for sp, pairs in gs.items():
        res[f"gs_{sp}"] = score(pairs)
    res["gs_all"] = score(gs["dev"] + gs["test"])
    roots = {GM: gm, WH: wh}
    new: dict[str, list] = {"dev": [], "test": [], "dev2": []}
    for a in json.loads(WH_LABELS.read_text(encoding="utf-8"))["articles"]:
        art = read_article(roots[a["dataset"]], a["ref"])
        found = list(resolve_dates(art, ZONE)) if art is not None else []
        new[a["split"]].append((a["dates"], found))
    for sp, pairs in new.items():
        res[f"wh_{sp}"] = score(pairs)
    res["wh_all"] = score(new["dev"] + new["test"] + new["dev2"])
    kc = dataset(KCNA, "headlines_2024-11-11.json")
    if kc is not None:
        from relevance_eval import kcna_article

        items = json.loads((kc / "headlines_2024-11-11.json").read_text("utf-8"))
        v5: dict[str, list] = {"dev": [], "test": []}
        for a in json.loads(V5_LABELS.read_text(encoding="utf-8"))["articles"]:
            if a["dataset"] == KCNA:
                art = kcna_article(items, a["ref"])
            else:
                art = read_article(roots[a["dataset"]], a["ref"])
            found = list(resolve_dates(art, ZONE)) if art is not None else []
            v5[a["split"]].append((a["dates"], found))
        for sp, pairs in v5.items():
            res[f"v5_{sp}"] = score(pairs)
        res["v5_all"] = score(v5["dev"] + v5["test"])
    v5b = []
    for a in json.loads(V5B_LABELS.read_text(encoding="utf-8"))["articles"]:
        art = read_article(roots[a["dataset"]], a["ref"])
        v5b.append((a["dates"], list(resolve_dates(art, ZONE)) if art is not None else []))
    res["v5b"] = score(v5b)
    if kc is not None:
        v6: dict[str, list] = {"dev": [], "test": []}
        ahead: dict[str, list] = {"dev": [], "test": []}
        for a in json.loads(V6_LABELS.read_text(encoding="utf-8"))["articles"]:
            if a["dataset"] == KCNA:
                art = kcna_article(items, a["ref"])
            else:
                art = read_article(roots[a["dataset"]], a["ref"])
            found = list(resolve_dates(art, ZONE)) if art is not None else []
            v6[a["split"]].append((a["dates"], found))
            day = writer_day(art, ZONE)[0] if art is not None else None
            gold_up = [g for g in a["dates"] if g.get("upcoming")]
            ahead[a["split"]].append((gold_up, [e for e in found if _ahead(e, day)]))
        for sp in ("dev", "test"):
            res[f"v6_{sp}"] = score(v6[sp])
            res[f"v6_{sp}_upcoming"] = score(ahead[sp])
        res["v6_all"] = score(v6["dev"] + v6["test"])
        _blind_set(res, "v7", V7_LABELS, items, roots)
        _blind_set(res, "v8", V8_LABELS, items, roots)
        _blind_set(res, "v9", V9_LABELS, items, roots)
    res["combined"] = score(per["dev"] + per["test"] + per["held_out"] + gs["dev"] + gs["test"])
    return res


def _blind_set(res: dict, key: str, path: Path, items: list, roots: dict) -> None:
    """A blind set with dev/test halves and its Upcoming scored (``<key>_dev``,
    ``<key>_test``, ``<key>_all``, ``<key>_<split>_upcoming``)."""
    from relevance_eval import kcna_article

    from extractors.dates import resolve_dates, writer_day

    got: dict[str, list] = {"dev": [], "test": []}
    ahead: dict[str, list] = {"dev": [], "test": []}
    for a in json.loads(path.read_text(encoding="utf-8"))["articles"]:
        if a["dataset"] == KCNA:
            art = kcna_article(items, a["ref"])
        else:
            art = read_article(roots[a["dataset"]], a["ref"])
        found = list(resolve_dates(art, ZONE)) if art is not None else []
        got[a["split"]].append((a["dates"], found))
        day = writer_day(art, ZONE)[0] if art is not None else None
        gold_up = [g for g in a["dates"] if g.get("upcoming")]
        ahead[a["split"]].append((gold_up, [e for e in found if _ahead(e, day)]))
    for sp in ("dev", "test"):
        res[f"{key}_{sp}"] = score(got[sp])
        res[f"{key}_{sp}_upcoming"] = score(ahead[sp])
    res[f"{key}_all"] = score(got["dev"] + got["test"])


def _print_sets(res: dict, sets: list[tuple[str, str]]) -> None:
    """One P/R/F1 table: a row per (shown name, result key)."""
    keys = ("precision", "recall", "f1", "predicted", "labelled")
    rows = [(name, *(res[k][f] for f in keys)) for name, k in sets]
    print(table(rows, ("set", "P", "R", "F1", "pred", "labels")))


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
    print(f"dates, 26 hand-labelled articles (digest zone {ZONE})")
    _print_sets(res, [(sp, sp) for sp in ("dev", "test", "all", "held_out")])
    print("dates, 40 gold_standard articles (dates_labels_gs.json); 'all 66' = both sets")
    _print_sets(
        res,
        [("dev", "gs_dev"), ("test", "gs_test"), ("all", "gs_all"), ("all 66", "combined")],
    )
    print("dates, 46 documents labelled blind (dates_labels_wh.json; dev2 = a second tuning batch)")
    _print_sets(res, [(sp, f"wh_{sp}") for sp in ("dev", "dev2", "test", "all")])
    if "v5_all" in res:
        print("dates, 30 documents labelled blind in round 5 (dates_labels_v5.json)")
        _print_sets(res, [(sp, f"v5_{sp}") for sp in ("dev", "test", "all")])
    print("dates, 20 documents labelled blind in round 5's second pass (dates_labels_v5b.json)")
    _print_sets(res, [("v5b", "v5b")])
    if "v6_all" in res:
        print("dates, 40 documents labelled blind in round 6 (dates_labels_v6.json)")
        _print_sets(res, [(sp, f"v6_{sp}") for sp in ("dev", "test", "all")])
        print("Upcoming on dates_labels_v6.json (dates after the publication day)")
        _print_sets(res, [(f"{sp} upcoming", f"v6_{sp}_upcoming") for sp in ("dev", "test")])
    if "v7_all" in res:
        print("dates, 20 documents labelled blind in round 7 (dates_labels_v7.json)")
        _print_sets(res, [(sp, f"v7_{sp}") for sp in ("dev", "test", "all")])
        print("Upcoming on dates_labels_v7.json (dates after the publication day)")
        _print_sets(res, [(f"{sp} upcoming", f"v7_{sp}_upcoming") for sp in ("dev", "test")])
    if "v8_all" in res:
        print("dates, 22 documents labelled blind in round 16 (dates_labels_v8.json)")
        _print_sets(res, [(sp, f"v8_{sp}") for sp in ("dev", "test", "all")])
        print("Upcoming on dates_labels_v8.json (dates after the publication day)")
        _print_sets(res, [(f"{sp} upcoming", f"v8_{sp}_upcoming") for sp in ("dev", "test")])
    if "v9_all" in res:
        print("dates, 26 documents labelled blind in round 17 (dates_labels_v9.json)")
        _print_sets(res, [(sp, f"v9_{sp}") for sp in ("dev", "test", "all")])
        print("Upcoming on dates_labels_v9.json (dates after the publication day)")
        _print_sets(res, [(f"{sp} upcoming", f"v9_{sp}_upcoming") for sp in ("dev", "test")])
    errs = res["all"]["errors"]
    if args.show:
        for sp in (
            "gs_dev",
            "gs_test",
            "wh_dev",
            "wh_dev2",
            "v5_dev",
            "v5b",
            "v6_dev",
            "v7_dev",
            "v8_dev",
            "v9_dev",
        ):
            if sp not in res:
                continue
            print(f"{sp} errors ({len(res[sp]['errors'])}):")
            for e in res[sp]["errors"]:
                print("  " + e)
    print(f"errors ({len(errs)}):")
    for e in errs if args.show else errs[:15]:
        print("  " + e)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
