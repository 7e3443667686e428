"""People and roles against hand labels; people recall against giveme5w1h's "who".

    .venv/bin/python benchmarks/entities_eval.py [--show]

Two labelled sets (labels only; the texts stay in ../shared/data):

  people_dates_labels.json  20 real articles (9 giveme5w1h news_cluster, 11 White House),
                            every person named, with the role as the source states it
  who_people_labels.csv     the person names in giveme5w1h gold_standard's human "who"
                            annotations (recall only: "who" lists the main actors)

Each article is read as ``briefing analyze FILE`` reads it (``fetch.sources.file_article``
+ ``with_source_meta``) and ``extract_entities([article], korea-nato)`` runs on it alone.

A predicted person matches a labelled one when their names are the same without middle
initials, or one is a single word equal to the other's first or last word. People
precision = matched predictions / predictions; recall = matched labels / labels. Role
accuracy over matched people: right when both have none, or one role's words contain the
other's (case-folded) ("minister" for "minister of education, science and technology").

Dev and test halves: articles ordered by sha256(ref) alternate dev, test, ... Figures
are printed for dev, test and all; the floors (benchmarks/floors.json) are on all.
Also printed: the milliseconds per article of extract_entities (a speed figure, no test).
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import BENCH_DIR, dataset, f1, report_skip, shared_data, table

LABELS = BENCH_DIR / "people_dates_labels.json"
WHO = BENCH_DIR / "who_people_labels.csv"
GM, WH = "giveme5w1h-news", "wh-briefings-nato-korea"


def _key(name: str) -> str:
    words = [w for w in name.replace(",", " ").split() if w.lower().strip(".") not in ("jr", "sr")]
    words = [
        w for i, w in enumerate(words) if not (0 < i < len(words) - 1 and len(w.strip(".")) == 1)
    ]
    return re.sub(r"[\W_]+", "", " ".join(words).lower())


def same_person(gold: str, pred: str, aliases: tuple[str, ...] = ()) -> bool:
    if _key(gold) in {_key(pred), *(_key(a) for a in aliases)}:
        return True
    g, p = gold.split(), pred.split()
    if len(g) == 1 and len(p) > 1:
        return _key(g[0]) in (_key(p[0]), _key(p[-1]))
    if len(p) == 1 and len(g) > 1:
        return _key(p[0]) in (_key(g[0]), _key(g[-1]))
    return False


def role_right(gold: str | None, pred: str | None) -> bool:
    if not gold or not pred:
        return not gold and not pred
    g, p = " ".join(gold.lower().split()), " ".join(pred.lower().split())
    return p in g or g in p


def split_of(refs: list[str]) -> dict[str, str]:
    order = sorted(refs, key=lambda r: hashlib.sha256(r.encode()).hexdigest())
    return {r: ("dev", "test")[i % 2] for i, r in enumerate(order)}


REFUSED: list[str] = []
"""Labelled articles the pipeline refuses (e.g. as a photo gallery): scored as finding
nothing, so their labels count as misses, never dropped from the figures."""


def read_article(root: Path, ref: str):
    """The article as ``briefing analyze`` reads it, or None when the pipeline refuses it."""
    from extractors.errors import SourceError
    from fetch import sources
    from fetch.local import read_file

    try:
        return sources.with_source_meta(
            sources.file_article(str(root / ref), "bench", read_file, source=ref)
        )
    except SourceError as exc:
        REFUSED.append(f"{ref}: {exc}")
        return None


def score_people(pairs: list[tuple[list[dict], tuple]]) -> dict:
    """pairs: (gold people, predicted person entities) per article."""
    n_pred = n_gold = tp_pred = tp_gold = roles = roles_ok = 0
    errors: list[str] = []
    for gold, pred in pairs:
        n_pred += len(pred)
        n_gold += len(gold)
        for p in pred:
            if any(same_person(g["name"], p.name, p.aliases) for g in gold):
                tp_pred += 1
            else:
                errors.append(f"FP person {p.name!r}")
        for g in gold:
            match = next((p for p in pred if same_person(g["name"], p.name, p.aliases)), None)
            if match is None:
                errors.append(f"FN person {g['name']!r}")
                continue
            tp_gold += 1
            roles += 1
            if role_right(g.get("role"), match.role):
                roles_ok += 1
            else:
                errors.append(f"role {g['name']!r}: {match.role!r} (label {g.get('role')!r})")
    p = tp_pred / n_pred if n_pred else 0.0
    r = tp_gold / n_gold if n_gold else 0.0
    return {
        "precision": p,
        "recall": r,
        "f1": f1(p, r),
        "role_accuracy": roles_ok / roles if roles else 0.0,
        "predicted": n_pred,
        "labelled": n_gold,
        "errors": errors,
    }


def evaluate() -> dict:
    gm = dataset(GM, "news_cluster/data", "gold_standard/data")
    wh = dataset(WH, "docs")
    if gm is None or wh is None:
        return {"skipped": f"data not found: {shared_data() / (GM if gm is None else WH)}"}
    from extractors.entities import extract_entities
    from extractors.topic import load_topic

    topic = load_topic("korea-nato")
    labels = json.loads(LABELS.read_text(encoding="utf-8"))["articles"]
    splits = split_of([a["ref"] for a in labels if not a.get("held_out")])
    splits |= {a["ref"]: "held_out" for a in labels if a.get("held_out")}
    per_split: dict[str, list] = {"dev": [], "test": [], "held_out": []}
    seconds, chars = 0.0, 0
    extract_entities([], topic)  # nothing to load for an empty call
    first = True
    for a in labels:
        root = gm if a["dataset"] == GM else wh
        art = read_article(root, a["ref"])
        if art is None:
            per_split[splits[a["ref"]]].append((a["people"], ()))
            continue
        t0 = time.perf_counter()
        ents = extract_entities([art], topic)
        if first:  # the model's one-off load is not a per-article cost
            first = False
            t0 = time.perf_counter()
            ents = extract_entities([art], topic)
        seconds += time.perf_counter() - t0
        chars += len(art.text)
        people = tuple(e for e in ents if e.kind == "person")
        per_split[splits[a["ref"]]].append((a["people"], people))
    res: dict = {split: score_people(pairs) for split, pairs in per_split.items()}
    res["all"] = score_people(per_split["dev"] + per_split["test"])
    # giveme5w1h gold_standard "who": recall of the annotated people
    who: dict[str, list[str]] = {}
    with WHO.open(encoding="utf-8") as fh:
        for row in csv.DictReader(line for line in fh if not line.startswith("#")):
            who.setdefault(row["did"], []).append(row["name"])
    files = {f.name[:10]: f for f in (gm / "gold_standard" / "data").glob("*.json")}
    who_split = split_of(sorted(who))
    found = {"dev": [0, 0], "test": [0, 0]}
    misses = []
    for did, names in sorted(who.items()):
        art = read_article(gm, str(files[did].relative_to(gm)))
        ents = extract_entities([art], topic) if art is not None else ()
        people = [e for e in ents if e.kind == "person"]
        for n in names:
            ok = any(same_person(n, p.name, p.aliases) for p in people)
            found[who_split[did]][0] += ok
            found[who_split[did]][1] += 1
            if not ok:
                misses.append(f"{did}: {n}")
    res["who_recall"] = {sp: (v[0] / v[1] if v[1] else 0.0) for sp, v in found.items()}
    tot = [sum(v[0] for v in found.values()), sum(v[1] for v in found.values())]
    res["who_recall"]["all"] = tot[0] / tot[1] if tot[1] else 0.0
    res["who_misses"] = misses
    res["ms_per_article"] = 1000 * seconds / len(labels)
    res["chars_per_article"] = chars / len(labels)
    return res


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--show", action="store_true", help="list every error")
    args = ap.parse_args(argv)
    res = evaluate()
    if report_skip(res):
        return 0
    rows = []
    res["who_recall"]["held_out"] = float("nan")
    for sp in ("dev", "test", "all", "held_out"):
        s = res[sp]
        rows.append(
            (
                sp,
                s["precision"],
                s["recall"],
                s["role_accuracy"],
                res["who_recall"][sp],
                s["predicted"],
                s["labelled"],
            )
        )
    print("people and roles, topic korea-nato (20 hand-labelled articles; who = giveme5w1h)")
    print(table(rows, ("set", "people P", "people R", "roles", "who R", "pred", "labels")))
    for line in dict.fromkeys(REFUSED):
        print(f"refused by the pipeline (its labels count as misses): {line}")
    print(
        f"extract_entities: {res['ms_per_article']:.1f} ms per article "
        f"({res['chars_per_article']:.0f} characters on average, model loaded)"
    )
    errs = res["all"]["errors"]
    print(f"errors ({len(errs)}), who misses ({len(res['who_misses'])}):")
    for e in errs if args.show else errs[:15]:
        print("  " + e)
    for m in res["who_misses"] if args.show else res["who_misses"][:10]:
        print("  who miss " + m)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
