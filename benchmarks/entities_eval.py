"""People and roles against hand labels; people recall against giveme5w1h's "who".

    .venv/bin/python benchmarks/entities_eval.py [--show] [--only v7]

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

A third, larger set (``entities_labels.json``, 40 articles: giveme5w1h gold_standard and
news_cluster, White House statements and remarks, BBC News Summary, KCNA) was labelled
from the text alone before the system's output was read. It is scored one-to-one (each
label matches at most one prediction: same name first, then a surname alias), with
``optional`` names neither counted right nor wrong. Its own dev/test halves (sha256 of
ref, alternating) are printed as ``v2 dev`` / ``v2 test``; rules are tuned on dev only.

A fourth set (``entities_labels_v3.json``, 30 articles: news_cluster, White House, KCNA;
round 4) was labelled the same way, blind, with ``role_alt`` for the other roles a text
attaches to a name (null in it: no role is right too). Printed as ``v3 dev`` / ``v3 test``.
``entities_labels_v4.json`` (8 articles, BBC politics and White House) was labelled blind
after the round's last rule change: all test, printed as ``v4 test``.
``entities_labels_v5.json`` (30 articles: news_cluster, White House, KCNA; round 5) was
labelled blind the same way: ``v5 dev`` / ``v5 test``.
``entities_labels_v5b.json`` (14 articles: news_cluster, White House; round 5, second
batch) was labelled blind the same way, all dev (rules are tuned on it): ``v5b dev``.
``entities_labels_v6.json`` (39 articles: news_cluster, gold_standard, White House, KCNA;
round 6) was labelled blind the same way: ``v6 dev`` / ``v6 test``.
``entities_labels_v7.json`` (22 articles: news_cluster, White House, KCNA; round 7) was
labelled blind the same way: ``v7 dev`` / ``v7 test``. Every set also prints ``whole``
(``role_whole``): a role counted right only when it holds the label's role or one of its
``role_alt`` whole, so a title cut short ("deputy chief" for "deputy chief of the KPA
General Staff") is wrong; the older sets' labels list fewer short forms, so their
``whole`` is a lower bound. ``entities_labels_v8.json`` (26 articles: news_cluster, White
House, KCNA; round 9) was labelled blind the same way, by two helpers reading only the
texts: ``v8 dev`` / ``v8 test``. ``entities_labels_v9.json`` (25 articles, round 10) the same
way: ``v9 dev`` / ``v9 test``; ``entities_labels_v10.json`` (25 articles, round 11):
``v10 dev`` / ``v10 test``; ``entities_labels_v11.json`` (25 articles, round 13): ``v11 dev`` /
``v11 test``; ``entities_labels_v12.json`` (25 articles, round 14, drawn by
``draw_people_set.py``): ``v12 dev`` / ``v12 test``; ``entities_labels_v13.json`` (22 articles,
round 16, the same draw): ``v13 dev`` / ``v13 test``; ``entities_labels_v14.json`` (26 articles,
round 17, the same draw with wider length windows): ``v14 dev`` / ``v14 test``.
``--only v7`` scores one set.

    .venv/bin/python benchmarks/entities_eval.py --speed [--n 200]

prints the cost of ``extract_entities`` in ms per article over news_cluster articles, one
call per article and one call per batch of 20 (a story), the model loaded.
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
from _common import BENCH_DIR, dataset, prf, report_skip, shared_data, skipped, table

LABELS = BENCH_DIR / "people_dates_labels.json"
LABELS_V2 = BENCH_DIR / "entities_labels.json"
LABEL_SETS = {
    "v2": LABELS_V2,
    **{
        v: BENCH_DIR / f"entities_labels_{v}.json"
        for v in ("v3", "v4", "v5", "v5b", *(f"v{i}" for i in range(6, 15)))
    },
}
"""The blind people label sets by name, in the order they were made and are printed."""
WHO = BENCH_DIR / "who_people_labels.csv"
GM, WH = "giveme5w1h-news", "wh-briefings-nato-korea"
BBC, KCNA = "bbc-news-summary", "kcna-archive-2024"


def _key(name: str) -> str:
    words = [
        w
        for w in name.replace(",", " ").split()
        if w.lower().strip(".") not in ("jr", "sr", "ii", "iii", "iv")
    ]
    words = [
        w for i, w in enumerate(words) if not (0 < i < len(words) - 1 and len(w.strip(".")) == 1)
    ]
    return re.sub(r"[\W_]+", "", " ".join(words).lower())


def same_person(gold: str, pred: str, aliases: tuple[str, ...] = ()) -> bool:
    if _key(gold) in {_key(pred), *(_key(a) for a in aliases)}:
        return True
    g, p = gold.split(), pred.split()
    # an alias of one word is the labelled name's surname ("Zelenskyy" for the topic's
    # "Volodymyr Zelensky" in an article that writes "Volodymyr Zelenskyy")
    if len(g) > 1 and any(" " not in a and _key(a) == _key(g[-1]) for a in aliases):
        return True
    if len(g) == 1 and len(p) > 1:
        return _key(g[0]) in (_key(p[0]), _key(p[-1]))
    if len(p) == 1 and len(g) > 1:
        return _key(p[0]) in (_key(g[0]), _key(g[-1]))
    return False


def role_right(gold: str | None, pred: str | None, alt: list | tuple = ()) -> bool:
    """The role is right when it is the label's (either contains the other, case-folded)
    or one of the label's ``role_alt`` (roles the text also attaches; None: no role)."""
    if alt and any(role_right(a, pred) for a in alt):
        return True
    if not gold or not pred:
        return not gold and not pred
    g, p = " ".join(gold.lower().split()), " ".join(pred.lower().split())
    return p in g or g in p


def role_whole(gold: str | None, pred: str | None, alt: list | tuple = ()) -> bool:
    """Strict: the predicted role contains the label's role or one of its ``role_alt``
    (None in it: no role is right too), so a role cut short ("deputy chief" for "deputy
    chief of the KPA General Staff") is wrong; no role is right only when the label has none."""
    for g in (gold, *alt):
        if not g or not pred:
            if not g and not pred:
                return True
            continue
        if " ".join(g.lower().split()) in " ".join(pred.lower().split()):
            return True
    return False


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
    return {
        **prf(tp_pred, n_pred, tp_gold, n_gold),
        "role_accuracy": roles_ok / roles if roles else 0.0,
        "errors": errors,
    }


def _match(gold: list[dict], pred: tuple) -> dict[int, int]:
    """One-to-one: label index -> prediction index; the same name first, then an alias."""
    out: dict[int, int] = {}
    used: set[int] = set()
    for exact in (True, False):
        for gi, g in enumerate(gold):
            if gi in out:
                continue
            for pi, p in enumerate(pred):
                if pi in used:
                    continue
                same = _key(g["name"]) in {_key(p.name), *(_key(a) for a in p.aliases)}
                if same if exact else same_person(g["name"], p.name, p.aliases):
                    out[gi] = pi
                    used.add(pi)
                    break
    return out


def score_v2(rows: list[tuple[dict, tuple]]) -> dict:
    """rows: (label record, predicted person entities) per article."""
    n_pred = n_gold = tp = roles = roles_ok = whole_ok = 0
    errors: list[str] = []
    for rec, pred in rows:
        gold = rec["people"]
        m = _match(gold, pred)
        matched = set(m.values())
        optional = rec.get("optional", [])
        for pi, p in enumerate(pred):
            if pi in matched:
                continue
            if any(same_person(o, p.name, p.aliases) for o in optional):
                continue
            n_pred += 1
            errors.append(f"FP person {p.name!r} ({_short(rec['ref'])})")
        n_pred += len(matched)
        n_gold += len(gold)
        tp += len(m)
        for gi, g in enumerate(gold):
            if gi not in m:
                errors.append(f"FN person {g['name']!r} ({_short(rec['ref'])})")
                continue
            roles += 1
            p = pred[m[gi]]
            whole = role_whole(g.get("role"), p.role, g.get("role_alt", ()))
            whole_ok += whole
            if role_right(g.get("role"), p.role, g.get("role_alt", ())):
                roles_ok += 1
                if not whole:
                    errors.append(
                        f"role cut {g['name']!r}: {p.role!r} (label {g.get('role')!r}; "
                        f"{_short(rec['ref'])})"
                    )
            else:
                errors.append(
                    f"role {g['name']!r}: {p.role!r} (label {g.get('role')!r}; "
                    f"{_short(rec['ref'])})"
                )
    return {
        **prf(tp, n_pred, tp, n_gold, empty=1.0),
        "role_accuracy": roles_ok / roles if roles else 0.0,
        "role_whole": whole_ok / roles if roles else 0.0,
        "errors": errors,
    }


def _short(ref: str) -> str:
    return ref.rsplit("/", 1)[-1][:40]


def kcna_article(items: dict[str, dict], link: str):
    from extractors.models import Article

    item = items[link]
    return Article(
        source=link,
        title=" ".join((item.get("headline") or "").split()),
        text="\n".join(p.strip() for p in (item.get("story_text") or "").split("\n") if p.strip()),
        url=link,
        outlet="kcna.kp",
        source_type="state-media",
        via="file",
    )


def v2_articles(path: Path = LABELS_V2) -> list[tuple[dict, object]] | None:
    """(label record, article or None) for every article of a label file
    (entities_labels.json by default)."""
    labels = json.loads(path.read_text(encoding="utf-8"))["articles"]
    roots = {d: dataset(d) for d in {rec["dataset"] for rec in labels} | {KCNA}}
    if any(r is None for r in roots.values()):
        return None
    kroot = roots[KCNA]
    assert kroot is not None
    items = {
        it["link"]: it
        for it in json.loads((kroot / "headlines_2024-11-11.json").read_text("utf-8"))
        if it.get("link")
    }
    out = []
    for rec in labels:
        if rec["dataset"] == KCNA:
            out.append((rec, kcna_article(items, rec["ref"])))
        else:
            root = roots[rec["dataset"]]
            assert root is not None
            out.append((rec, read_article(root, rec["ref"])))
    return out


def evaluate_v2(topic, path: Path = LABELS_V2) -> dict:
    from extractors.entities import extract_entities

    arts = v2_articles(path)
    if arts is None:
        return {"skipped": "data not found"}
    splits = split_of([rec["ref"] for rec, _ in arts])
    splits |= {rec["ref"]: rec["split"] for rec, _ in arts if rec.get("split")}
    rows: dict[str, list] = {"dev": [], "test": []}
    for rec, art in arts:
        ents = extract_entities([art], topic) if art is not None else ()
        rows[splits[rec["ref"]]].append((rec, tuple(e for e in ents if e.kind == "person")))
    res = {sp: score_v2(r) for sp, r in rows.items()}
    res["all"] = score_v2(rows["dev"] + rows["test"])
    return res


def speed(n: int = 200) -> dict:
    """ms per article of extract_entities over n news_cluster articles (model loaded):
    wall and CPU time, one call per article and calls of 20; and, in the same run, the
    CPU time when the model reads every candidate sentence whole (the reference)."""
    from extractors import entities
    from extractors.entities import extract_entities
    from extractors.topic import load_topic

    gm = dataset(GM, "news_cluster/data")
    if gm is None:
        return skipped(GM)
    topic = load_topic("korea-nato")
    files = sorted((gm / "news_cluster" / "data").glob("*.json"))[:n]
    arts = [a for a in (read_article(gm, str(f.relative_to(gm))) for f in files) if a]
    extract_entities(arts[:1], topic)  # load the model
    k = max(1, len(arts))

    def run(batch: int) -> tuple[float, float]:
        entities._SPAN_CACHE.clear()  # each run starts cold
        w, c = time.perf_counter(), time.process_time()
        for i in range(0, len(arts), batch):
            extract_entities(arts[i : i + batch], topic)
        return 1000 * (time.perf_counter() - w) / k, 1000 * (time.process_time() - c) / k

    single, single_cpu = run(1)
    batched, batched_cpu = run(20)
    windows = entities._windows
    whole = re.compile(r"[A-Z][\w'’-]*\.?\s+(?:[A-Z]\.\s+)?[A-Z][\w'’-]")
    entities._windows = lambda t, lower=(): [(0, len(t))] if whole.search(t) else []  # type: ignore[attr-defined]
    try:
        _, reference_cpu = run(1)
    finally:
        entities._windows = windows  # type: ignore[attr-defined]
    return {
        "articles": len(arts),
        "chars_per_article": sum(len(a.text) for a in arts) / k,
        "ms_single": single,
        "ms_batched": batched,
        "cpu_ms_single": single_cpu,
        "cpu_ms_batched": batched_cpu,
        "cpu_ms_whole_sentences": reference_cpu,
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
    res |= {name: evaluate_v2(topic, path) for name, path in LABEL_SETS.items()}
    res["ms_per_article"] = 1000 * seconds / len(labels)
    res["chars_per_article"] = chars / len(labels)
    return res


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--show", action="store_true", help="list every error")
    ap.add_argument("--speed", action="store_true", help="print ms per article and stop")
    ap.add_argument("--n", type=int, default=200, help="articles for --speed")
    ap.add_argument("--split", default="dev", help="errors of this v2 half (dev, test, all)")
    ap.add_argument("--only", help="score just this label set (v2 ... v14), both halves")
    args = ap.parse_args(argv)
    if args.only:
        from extractors.topic import load_topic

        r = evaluate_v2(load_topic("korea-nato"), BENCH_DIR / f"entities_labels_{args.only}.json")
        if report_skip(r):
            return 0
        print(
            table(
                [
                    (
                        f"{args.only} {sp}",
                        *(r[sp][k] for k in ("precision", "recall", "role_accuracy")),
                        *(r[sp][k] for k in ("role_whole", "predicted", "labelled")),
                    )
                    for sp in ("dev", "test", "all")
                ],
                ("set", "people P", "people R", "roles", "whole", "pred", "labels"),
            )
        )
        halves = ("dev", "test") if args.split == "all" else (args.split,)
        for sp in halves if args.show else ():  # one half's errors: a test half stays unread
            for e in r[sp]["errors"]:
                print(f"  {sp}: {e}")
        return 0
    if args.speed:
        sp = speed(args.n)
        if report_skip(sp):
            return 0
        print(
            f"extract_entities on {sp['articles']} news_cluster articles "
            f"({sp['chars_per_article']:.0f} characters on average, model loaded), "
            "ms per article (wall / CPU):\n"
            f"  one article per call   {sp['ms_single']:6.1f} / {sp['cpu_ms_single']:6.1f}\n"
            f"  20 articles per call   {sp['ms_batched']:6.1f} / {sp['cpu_ms_batched']:6.1f}\n"
            f"  reference: the model on whole sentences (CPU) {sp['cpu_ms_whole_sentences']:6.1f}"
        )
        return 0
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
                float("nan"),
                s["predicted"],
                s["labelled"],
            )
        )
    for name in LABEL_SETS:
        if "skipped" in res[name]:
            continue
        only = {"v4": ("test",), "v5b": ("dev",)}
        for sp in only.get(name, ("dev", "test", "all")):
            s = res[name][sp]
            rows.append(
                (
                    f"{name} {sp}",
                    s["precision"],
                    s["recall"],
                    s["role_accuracy"],
                    float("nan"),
                    s["role_whole"],
                    s["predicted"],
                    s["labelled"],
                )
            )
    print(
        "people and roles, topic korea-nato "
        "(20 + 6 held-out + 40 v2 + 30 v3 + 8 v4 + 30 v5 + 14 v5b + 39 v6 + 22 v7 + 26 v8 + 25 v9 "
        "+ 25 v10 + 25 v11 + 25 v12 + 22 v13 + 26 v14 hand-labelled articles; whole = roles "
        "counted right only when not cut short)"
    )
    print(table(rows, ("set", "people P", "people R", "roles", "who R", "whole", "pred", "labels")))
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
    for name in ("held_out",):
        for e in res[name]["errors"]:
            print(f"  {name}: {e}")
    for name in LABEL_SETS:
        if "skipped" not in res[name] and res[name][args.split]["labelled"]:
            errs = res[name][args.split]["errors"]
            print(f"{name} {args.split} errors ({len(errs)}):")
            for e in errs:
                print("  " + e)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
