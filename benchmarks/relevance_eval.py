"""Relevance filtering against a hand-labelled set (benchmarks/relevance_labels.csv).

    /tmp/v1/bin/python benchmarks/relevance_eval.py [--split dev|test|all] [--limit N]
                                                    [--show-all] [--experiments]

Each labelled document becomes an ``extractors.models.Article`` and is judged with
``extractors.relevance.judge(article, load_topic("korea-nato"))``; ``included`` is
the prediction, the hand label the truth (see the CSV header for the labelling rule).

  wh-briefings-nato-korea  YAML front matter stripped, title from it; the Markdown body's
                           paragraphs are its blank-line-separated blocks (the files are
                           hard-wrapped at ~72 columns, so a block's lines are joined),
                           except that each list item is a paragraph of its own (as in
                           ``extractors.files.markdown_to_text_keep_headings``), Markdown
                           syntax removed with ``extractors.text.markdown_to_text``
  kcna-archive-2024        title = headline, text = story_text (one paragraph per line),
                           both through the pipeline's plain-text cleaning
                           (``clean.clean_text``, as for a feed entry or a text file:
                           ``clean.unglue`` parts "ComradeKim Jong Unsent", text rules
                           that need a marker run); ``--raw-kcna`` reads them raw as
                           rounds 1-5 did. On the 103 labelled KCNA items this changes 28
                           texts: spaces around names in 27, and in one (ref 144, label 0,
                           no NATO) three friendship-association paragraphs cut as a
                           "gallery"; no label had to change.

A third set, benchmarks/relevance_labels_round4.csv (70 documents labelled before they
were judged; both labels in one file, giveme5w1h-news news_cluster articles too), is
scored per half as well (``evaluate()["round4"]``): it has no relevance positive, so its
figure is the false-positive rate; its reactions have precision and recall.

A fourth set, benchmarks/relevance_labels_round6.csv (121 documents in no earlier label file,
labelled blind; its ``split`` column is fixed in the file; 19 more rows repeat texts labelled
before and are not scored), is scored per half too
(``evaluate()["round6"]``): hard negatives (no relevance positive is left in the corpora),
so false-positive rate, and reaction precision/recall.

A fifth set, benchmarks/relevance_section_labels.csv (80 documents whose digest section, a
sub-topic id or "other", was labelled blind; dev/test in the file), scores the sub-topic
choice (``evaluate()["sections"]``): every document is judged as under ``--no-filter`` and
its first sub-topic (none -> "other") must be the label or its ``alt``.

A second row scores the White House files read the way ``briefing analyze FILE.md``
reads them (``extractors.files.parse_markdown``), to show what the pipeline sees.

Dev and test halves: within each (dataset, label) stratum the rows are ordered by
sha256("dataset:ref") and alternate dev, test, dev, ... (``assign_splits``), so both
halves have positives from every stratum and the assignment does not depend on the
row order in the CSV. Tune on ``--split dev`` only; report dev, test and all.
``--split all`` (the default, and what tests/test_quality.py checks) also prints the
figures of each half.
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

from extractors.models import Article
from extractors.relevance import judge
from extractors.text import markdown_to_text, normalise_space
from extractors.topic import load_topic

LABELS = BENCH_DIR / "relevance_labels.csv"
REACTIONS = BENCH_DIR / "reaction_labels.csv"
ROUND4 = BENCH_DIR / "relevance_labels_round4.csv"
"""Round 4: documents not in LABELS, with both labels (label, reaction) in one file."""
ROUND6 = BENCH_DIR / "relevance_labels_round6.csv"
SECTIONS = BENCH_DIR / "relevance_section_labels.csv"
ROUND7 = BENCH_DIR / "relevance_labels_round7.csv"
SECTIONS7 = BENCH_DIR / "relevance_section_labels_round7.csv"
"""Round 7: 30 WH documents with sub-topic terms, section labelled blind."""
"""Round 7: WH and KCNA items in no earlier label file, labelled blind with a near-miss tier."""
"""Round 6: documents in no earlier label file, labelled blind; ``split`` fixed in the file."""
WH, KCNA, NEWS = "wh-briefings-nato-korea", "kcna-archive-2024", "giveme5w1h-news"
SPLITS = ("dev", "test", "all")
KCNA_CLEANED = True
"""Read KCNA items through the pipeline's cleaning (``kcna_article(cleaned=True)``);
``--raw-kcna`` sets it False to compare with the raw reading of rounds 1-5."""
SCRAPED = False
"""KCNA items are not news-please JSON, so the scraped-only text rules do not run."""


def read_labels(limit: int | None = None) -> list[dict]:
    with LABELS.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(line for line in fh if not line.startswith("#")))
    with REACTIONS.open(encoding="utf-8") as fh:
        react = {
            (r["dataset"], r["ref"]): int(r["reaction"])
            for r in csv.DictReader(line for line in fh if not line.startswith("#"))
        }
    for r in rows:
        r["label"] = int(r["label"])
        r["reaction"] = react.get((r["dataset"], r["ref"]), 0)
    assign_splits(rows)
    return rows[:limit] if limit else rows


def read_round4() -> list[dict]:
    """The round-4 labels (relevance_labels_round4.csv), split like ``read_labels``."""
    with ROUND4.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(line for line in fh if not line.startswith("#")))
    for r in rows:
        r["label"], r["reaction"] = int(r["label"]), int(r["reaction"])
    # Both labels stratify, so each half has reaction positives.
    assign_splits(rows, key=lambda r: (r["dataset"], r["label"], r["reaction"]))
    return rows


def assign_splits(rows: list[dict], key=lambda r: (r["dataset"], r["label"])) -> None:
    """Set ``row["split"]`` to "dev" or "test": stratified by ``key`` (dataset, label),
    ordered by a hash of ``dataset:ref`` inside each stratum, alternating (dev first)."""
    strata: dict[tuple, list[dict]] = {}
    for r in rows:
        strata.setdefault(key(r), []).append(r)
    for members in strata.values():
        members.sort(key=lambda r: hashlib.sha256(f"{r['dataset']}:{r['ref']}".encode()).digest())
        for i, r in enumerate(members):
            r["split"] = "dev" if i % 2 == 0 else "test"


# ---------------------------------------------------------------- documents -> articles


_LIST_ITEM = re.compile(r"\n(?=\s{0,3}(?:[-*+]|\d+[.)])\s+)")


def wh_article(root: Path, ref: str) -> Article:
    import yaml

    from extractors.text import parse_iso

    raw = (root / ref).read_text("utf-8")
    meta: dict = {}
    body = raw
    if raw.startswith("---"):
        head, _, body = raw[3:].partition("\n---")
        meta = yaml.safe_load(head) or {}
        body = body.split("\n", 1)[1] if "\n" in body else ""
    blocks = [b for b in re.split(r"\n\s*\n", body) if b.strip()]
    # A list item starts a paragraph: joining it to the previous lines first would leave
    # its marker mid-line ("... - Continue our commitment ...") and merge the items.
    items = [it for b in blocks for it in _LIST_ITEM.split(b)]
    paras = [normalise_space(markdown_to_text(it.replace("\n", " "))) for it in items]
    when = meta.get("published_time") or meta.get("date")
    return Article(
        source=ref,
        title=normalise_space(str(meta.get("title") or "")),
        text="\n".join(p for p in paras if p),
        url=meta.get("source_url"),
        outlet="whitehouse.gov",
        published=parse_iso(str(when)) if when else None,
        via="file",
    )


def wh_article_pipeline(root: Path, ref: str) -> Article:
    from extractors.files import parse_markdown
    from fetch.sources import to_article

    path = root / ref
    return to_article(parse_markdown(path.read_text("utf-8"), str(path)), ref, "bench", "file")


def kcna_article(items: list[dict], ref: str, cleaned: bool = False) -> Article:
    """A KCNA item as an Article. ``cleaned``: its headline and story text go through the
    cleaning the pipeline gives scraped text (``clean.clean_text(..., scraped=True)``,
    which parts run-together words with ``clean.unglue`` and drops furniture), as
    relevance is judged in a run; else raw (what ``summary_eval`` reads)."""
    from datetime import UTC, datetime

    if cleaned:
        from extractors.clean import clean_text

        item = items[int(ref)]
        body = clean_text(
            item.get("story_text") or "",
            title=normalise_space(item.get("headline") or "") or None,
            scraped=SCRAPED,
        )
        raw = kcna_article(items, ref)
        return Article(
            source=raw.source,
            title=body.title or raw.title,
            text=body.text,
            url=raw.url,
            outlet=raw.outlet,
            source_type=raw.source_type,
            published=raw.published,
            via="file",
        )

    item = items[int(ref)]
    ms = item.get("date")
    return Article(
        source=f"kcna#{ref}",
        title=normalise_space(item.get("headline") or ""),
        text="\n".join(p.strip() for p in (item.get("story_text") or "").split("\n") if p.strip()),
        url=item.get("link"),
        outlet="kcna.kp",
        source_type="state-media",
        published=datetime.fromtimestamp(ms / 1000, UTC) if isinstance(ms, int | float) else None,
        via="file",
    )


def news_article(root: Path, ref: str) -> Article:
    """A giveme5w1h-news (news-please JSON) article: title, and its text's lines as
    paragraphs."""
    from extractors.text import parse_iso

    item = json.loads((root / ref).read_text("utf-8"))
    when = item.get("date_publish")
    return Article(
        source=Path(ref).name,
        title=normalise_space(item.get("title") or ""),
        text="\n".join(p.strip() for p in (item.get("text") or "").split("\n") if p.strip()),
        url=item.get("url"),
        outlet=item.get("source_domain"),
        published=parse_iso(str(when)) if when else None,
        via="file",
    )


# ---------------------------------------------------------------- experiments
# Ablations and variants, scored here only (topics/ and extractors/ unchanged): topic-data
# variants of topics/korea-nato.toml, and weights of extractors.relevance set for the
# duration of one variant.

_BARE = ("Korea", "Korean", "Koreans")
_IP4_AS_KOREA = (
    "IP4",
    "AP4",
    "Indo Pacific Four",
    "Asia Pacific Four",
    "Indo Pacific partners",
    "Asia Pacific partners",
    "partners in the Indo Pacific",
    "Indo Pacific countries",
)
# The polemic list before it was extended from the KCNA texts.
_POLEMIC_FIRST = (
    "puppet",
    "puppets",
    "warmonger",
    "warmongers",
    "imperialists",
    "Juche",
    "respected Comrade",
    "war maniacs",
    "bellicose",
    "hooligans",
    "traitor",
    "riff-raff",
    "lackey",
    "lackeys",
    "stooge",
    "stooges",
    "gangster",
)


def topic_variant(
    *,
    no_exclude: bool = False,
    drop_bare_korea: bool = False,
    no_ip4_as_korea: bool = False,
    no_cues: bool = False,
    first_polemic: bool = False,
    include: float | None = None,
):
    """The korea-nato topic with some of its data changed (validated like the file)."""
    import tomllib

    from extractors.topic import TOPICS_DIR, Topic

    data = tomllib.loads((TOPICS_DIR / "korea-nato.toml").read_text("utf-8"))
    for a in data["anchors"]:
        if a["name"] == "Korea":
            if no_exclude:
                a.pop("exclude", None)
            if drop_bare_korea:
                a["terms"] = [t for t in a["terms"] if t not in _BARE]
            if no_ip4_as_korea:
                a["terms"] = [t for t in a["terms"] if t not in _IP4_AS_KOREA]
    if no_cues:
        data.pop("cues", None)
    if first_polemic:
        for pen in data.get("penalties", []):
            if pen["name"] == "polemic":
                pen["terms"] = list(_POLEMIC_FIRST)
    if include is not None:
        data.setdefault("thresholds", {})["include"] = include
        near = data["thresholds"].get("near_miss", 0.15)
        data["thresholds"]["near_miss"] = min(near, include)
    return Topic.model_validate(data)


EXPERIMENTS: dict[str, dict] = {
    "as configured": {},
    "anchor excludes off (DPRK's name, North Korea count as Korea)": {"no_exclude": True},
    "no bare Korea/Korean in the Korea anchor": {"drop_bare_korea": True},
    "IP4 names not in the Korea anchor": {"no_ip4_as_korea": True},
    "no engagement cues (every joint paragraph counts fully)": {"no_cues": True},
    "polemic list as first written (17 terms)": {"first_polemic": True},
    "no title completion": {"weights": {"TITLE_CONTEXT": 0.0}},
    "questions not discounted": {"weights": {"QUESTION_UNANSWERED": 1.0}},
    "cue 0.10 per cue": {"weights": {"PARA_CUE": 0.10}},
    "cue 0.20 per cue": {"weights": {"PARA_CUE": 0.20}},
    "base 0.10": {"weights": {"PARA_BASE": 0.10}},
    "base 0.20": {"weights": {"PARA_BASE": 0.20}},
    "lead bonus 0.05": {"weights": {"LEAD_BONUS": 0.05}},
    "lead bonus 0.15": {"weights": {"LEAD_BONUS": 0.15}},
    "at most 2 cues count": {"weights": {"MAX_CUES": 2}},
    "no sub-topic credit": {"weights": {"PARA_SUB": 0.0}},
    "include 0.35": {"include": 0.35},
    "include 0.45": {"include": 0.45},
}


def run_experiments(arts: list[tuple[int, Article]]) -> dict[str, dict]:
    from extractors import relevance

    out = {}
    for name, opts in EXPERIMENTS.items():
        opts = dict(opts)
        weights = opts.pop("weights", {})
        topic = topic_variant(**opts)
        saved = {k: getattr(relevance, k) for k in weights}
        try:
            for k, v in weights.items():
                setattr(relevance, k, v)
            pairs = [(y, judge(a, topic).included) for y, a in arts]
        finally:
            for k, v in saved.items():
                setattr(relevance, k, v)
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


def row_article(r: dict, wh_root, items, news_root=None):
    """A label row's document as the pipeline reads it (White House file, KCNA item read
    through cleaning, news_cluster article), or None when its corpus is absent."""
    if r["dataset"] == WH:
        return wh_article(wh_root, r["ref"])
    if r["dataset"] == KCNA:
        return kcna_article(items, r["ref"], cleaned=KCNA_CLEANED)
    if news_root is not None:
        return news_article(news_root, r["ref"])
    return None


def judged_rows(rows: list[dict], wh_root, items, topic, news_root=None) -> list[dict]:
    """``result_row`` for each label row whose document can be read (``row_article``)."""
    out: list[dict] = []
    for r in rows:
        art = row_article(r, wh_root, items, news_root)
        if art is not None:
            out.append(result_row(r, art, judge(art, topic)))
    return out


def result_row(r: dict, art: Article, rel) -> dict:
    """One judged document: its label row with the judgement. ``included`` is the news
    prediction: in, and not as a state-media reaction."""
    return {
        **r,
        "title": art.title,
        "score": rel.score,
        "included": rel.included and not rel.reaction,
        "reacted": rel.included and rel.reaction,
        "summary": rel.summary,
        "evidence": rel.evidence,
    }


def evaluate(
    limit: int | None = None, run_experiments_too: bool = False, split: str = "all"
) -> dict:
    """Judge the labelled documents of ``split`` ("dev", "test" or "all") and score them."""
    if split not in SPLITS:
        raise ValueError(f"split must be one of {SPLITS}, not {split!r}")
    wh_root, kcna_root = dataset(WH, "docs"), dataset(KCNA, "headlines_2024-11-11.json")
    if wh_root is None or kcna_root is None:
        missing = WH if wh_root is None else KCNA
        return {"skipped": f"data not found: {shared_data() / missing}"}
    t0 = time.perf_counter()
    topic = load_topic("korea-nato")
    items = json.loads((kcna_root / "headlines_2024-11-11.json").read_text("utf-8"))
    rows = [r for r in read_labels(limit) if split == "all" or r["split"] == split]
    results, pipeline_pairs, arts = [], [], []
    for r in rows:
        if r["dataset"] == WH:
            art = wh_article(wh_root, r["ref"])
            piped = judge(wh_article_pipeline(wh_root, r["ref"]), topic)
        else:
            art = kcna_article(items, r["ref"], cleaned=KCNA_CLEANED)
            piped = None
        rel = judge(art, topic)
        arts.append((r["label"], art))
        results.append(result_row(r, art, rel))
        pipeline_pairs.append((r["label"], (piped or rel).included and not (piped or rel).reaction))
    judged = time.perf_counter()
    res: dict = {
        "split": split,
        "threshold": topic.thresholds.include,
        **scores([(x["label"], x["included"]) for x in results]),
        "by_dataset": {
            ds: scores([(x["label"], x["included"]) for x in results if x["dataset"] == ds])
            for ds in (WH, KCNA)
        },
        "by_split": {
            sp: scores([(x["label"], x["included"]) for x in results if x["split"] == sp])
            for sp in ("dev", "test")
            if split in (sp, "all")
        },
        "pipeline_markdown": scores(pipeline_pairs),
        "reactions": scores([(x["reaction"], x["reacted"]) for x in results]),
        "reactions_by_split": {
            sp: scores([(x["reaction"], x["reacted"]) for x in results if x["split"] == sp])
            for sp in ("dev", "test")
            if split in (sp, "all")
        },
        "errors": [x for x in results if bool(x["label"]) != x["included"]],
        "results": results,
    }
    res["round4"] = evaluate_round4(topic, items, wh_root, kcna_root, split)
    res["round6"] = evaluate_round6(topic, items, wh_root, split)
    res["sections"] = evaluate_sections(topic, items, wh_root, split)
    res["round7"] = evaluate_round7(topic, items, wh_root, split)
    res["sections7"] = evaluate_sections(topic, items, wh_root, split, SECTIONS7)
    if run_experiments_too:
        res["experiments"] = run_experiments(arts)
    res["elapsed_judging"] = judged - t0
    res["elapsed"] = time.perf_counter() - t0
    return res


def evaluate_round4(topic, items: list, wh_root: Path, kcna_root: Path, split: str) -> dict:
    """The round-4 labels (relevance_labels_round4.csv): scores per half, and the false
    positives' share of the negatives (the set has no relevance positive: every document
    with NATO and the Korea side in one paragraph was labelled before it)."""
    news_root = dataset(NEWS, "news_cluster")
    rows = [r for r in read_round4() if split == "all" or r["split"] == split]
    out = judged_rows(rows, wh_root, items, topic, news_root)

    def part(sub: list[dict]) -> dict:
        sc = scores([(x["label"], x["included"]) for x in sub])
        neg = sc["fp"] + sc["tn"]
        sc["fp_rate"] = sc["fp"] / neg if neg else 0.0
        sc["reactions"] = scores([(x["reaction"], x["reacted"]) for x in sub])
        return sc

    res = {sp: part([x for x in out if x["split"] == sp]) for sp in ("dev", "test")}
    res["all"] = part(out)
    res["errors"] = [
        x for x in out if bool(x["label"]) != x["included"] or bool(x["reaction"]) != x["reacted"]
    ]
    res["results"] = out
    return res


def read_round6() -> list[dict]:
    """The round-6 labels (relevance_labels_round6.csv) that are scored: their ``split``
    is in the file; rows repeating an earlier-labelled text (``dup_of``) are left out."""
    with ROUND6.open(encoding="utf-8") as fh:
        rows = [
            r
            for r in csv.DictReader(line for line in fh if not line.startswith("#"))
            if not r["dup_of"]
        ]
    for r in rows:
        r["label"], r["reaction"] = int(r["label"]), int(r["reaction"])
    return rows


def evaluate_round6(topic, items: list, wh_root: Path, split: str) -> dict:
    """The round-6 blind labels: per half, relevance precision/recall and the false
    positives' share of the negatives, and reaction precision/recall."""
    news_root = dataset(NEWS, "news_cluster")
    rows = [r for r in read_round6() if split == "all" or r["split"] == split]
    out = judged_rows(rows, wh_root, items, topic, news_root)

    def part(sub: list[dict]) -> dict:
        sc = scores([(x["label"], x["included"]) for x in sub])
        neg = sc["fp"] + sc["tn"]
        sc["fp_rate"] = sc["fp"] / neg if neg else 0.0
        sc["specificity"] = 1.0 - sc["fp_rate"]
        sc["reactions"] = scores([(x["reaction"], x["reacted"]) for x in sub])
        return sc

    res = {sp: part([x for x in out if x["split"] == sp]) for sp in ("dev", "test")}
    res["all"] = part(out)
    res["errors"] = [
        x for x in out if bool(x["label"]) != x["included"] or bool(x["reaction"]) != x["reacted"]
    ]
    res["results"] = out
    return res


def read_sections(path: Path = SECTIONS) -> list[dict]:
    """The blind section labels (relevance_section_labels.csv, or round 7's): the digest
    section an analyst files each document under (a sub-topic id, or "other"), a second right
    one in ``alt``."""
    with path.open(encoding="utf-8") as fh:
        return list(csv.DictReader(line for line in fh if not line.startswith("#")))


def predicted_section(rel) -> str:
    """The section the digest gives an article judged alone (``analysis.sections``: its first
    sub-topic; none -> the "Other on-topic news" section)."""
    return rel.subtopics[0] if rel.subtopics else "other"


def evaluate_sections(topic, items: list, wh_root: Path, split: str, path: Path = SECTIONS) -> dict:
    """Section accuracy per half: the code's section equals the label's section or its alt.
    Every document is judged (as under ``--no-filter``), included or not."""
    rows = [r for r in read_sections(path) if split == "all" or r["split"] == split]
    out: list[dict] = []
    for r in rows:
        art = row_article(r, wh_root, items)
        if art is None:
            continue
        rel = judge(art, topic)
        got = predicted_section(rel)
        right = {r["section"], r["alt"]} - {""}
        out.append(
            {
                **r,
                "got": got,
                "subtopics": list(rel.subtopics),
                "ok": got in right,
                "title": art.title,
            }
        )

    def part(sub: list[dict]) -> dict:
        n = len(sub)
        return {
            "n": n,
            "correct": sum(x["ok"] for x in sub),
            "accuracy": sum(x["ok"] for x in sub) / n if n else 0.0,
        }

    res = {
        sp: part([x for x in out if sp == "all" or x["split"] == sp])
        for sp in ("dev", "test", "all")
    }
    res["other"] = part([x for x in out if x["section"] == "other"])
    res["topical"] = part([x for x in out if x["section"] != "other"])
    res["errors"] = [x for x in out if not x["ok"]]
    return res


def _print_sections(sec: dict, path: Path = SECTIONS) -> None:
    print(
        f"sections ({path.name}: {sec['all']['n']} documents labelled blind; a hit = the "
        "code's first sub-topic, or 'other' for none, is the label or its alt):"
    )
    rows = [
        (sp, sec[sp]["n"], sec[sp]["correct"], sec[sp]["accuracy"])
        for sp in ("dev", "test", "all", "other", "topical")
        if sec[sp]["n"]
    ]
    print(table(rows, ("set", "docs", "right", "accuracy")))
    for x in sec["errors"]:
        label = x["section"] + (f"/{x['alt']}" if x["alt"] else "")
        print(f"  wrong [{x['split']}] {x['dataset'][:4]}:{x['ref'][-60:]}")
        print(f"     label {label}, got {x['got']} {x['subtopics']}  title: {x['title'][:80]}")


def _print_round6(r6: dict) -> None:
    print(
        f"round 6 ({ROUND6.name}: {r6['all']['n']} documents labelled blind, "
        f"{r6['all']['tp'] + r6['all']['fn']} relevance positive, "
        f"{r6['all']['reactions']['tp'] + r6['all']['reactions']['fn']} reaction positive):"
    )
    rows = [
        (
            sp,
            r6[sp]["n"],
            r6[sp]["fp"],
            r6[sp]["fp_rate"],
            r6[sp]["reactions"]["precision"],
            r6[sp]["reactions"]["recall"],
            r6[sp]["reactions"]["fp"],
            r6[sp]["reactions"]["fn"],
        )
        for sp in ("dev", "test", "all")
        if r6[sp]["n"]
    ]
    print(
        table(
            rows,
            ("half", "docs", "FP", "FP rate", "react P", "react R", "react FP", "react FN"),
        )
    )
    for x in r6["errors"]:
        kind = "relevance" if bool(x["label"]) != x["included"] else "reaction"
        print(f"  {kind} error [{x['split']}] {x['dataset']}:{x['ref'][-70:]}")
        print(f"     score {x['score']:.3f}  {x['summary'][:150]}")
        print(f"     label note: {x['note'][:140]}")


def read_round7() -> list[dict]:
    """The round-7 labels (relevance_labels_round7.csv), every row (copies included: a
    ``dup_of`` row repeats a text labelled before); ``split`` is in the file."""
    with ROUND7.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(line for line in fh if not line.startswith("#")))
    for r in rows:
        r["label"], r["reaction"] = int(r["label"]), int(r["reaction"])
        r["near_miss"] = int(r["near_miss"])
    return rows


def near_miss_scores(sub: list[dict], near_miss: float) -> dict:
    """Near-miss listing against the labelled tiers: an item is listed when it is not kept
    and scores at least ``near_miss`` (as ``Digest.near_misses``). Precision and recall of
    "listed" against tier >= 1, and ``order``: the share of (tier 2, tier 1) pairs, both
    listed, where the tier-2 item scores higher (ranked as the digest lists them)."""
    listed = [x for x in sub if not x["included"] and not x["reacted"] and x["score"] >= near_miss]
    sc = scores([(int(x["near_miss"] > 0), x in listed) for x in sub])
    two = [x["score"] for x in listed if x["near_miss"] == 2]
    one = [x["score"] for x in listed if x["near_miss"] == 1]
    pairs = [(a, b) for a in two for b in one]
    sc["order"] = sum(a > b for a, b in pairs) / len(pairs) if pairs else 1.0
    sc["pairs"] = len(pairs)
    return sc


def evaluate_round7(topic, items: list, wh_root: Path, split: str) -> dict:
    """The round-7 blind labels, per half: ``new`` (texts no earlier label file had: no
    ``dup_of``) and ``copies`` (every row: a day's run sees each copy); relevance, reaction and
    near-miss precision/recall."""
    rows = [r for r in read_round7() if split == "all" or r["split"] == split]
    out = judged_rows(rows, wh_root, items, topic)

    def part(sub: list[dict]) -> dict:
        sc = scores([(x["label"], x["included"]) for x in sub])
        neg = sc["fp"] + sc["tn"]
        sc["specificity"] = 1.0 - (sc["fp"] / neg if neg else 0.0)
        sc["reactions"] = scores([(x["reaction"], x["reacted"]) for x in sub])
        sc["near_misses"] = near_miss_scores(sub, topic.thresholds.near_miss)
        return sc

    res: dict = {}
    for sp in ("dev", "test", "all"):
        sub = [x for x in out if sp == "all" or x["split"] == sp]
        res[sp] = {"new": part([x for x in sub if not x["dup_of"]]), "copies": part(sub)}

    def listed(x):
        return not x["included"] and not x["reacted"] and x["score"] >= topic.thresholds.near_miss

    res["errors"] = [
        x
        for x in out
        if bool(x["label"]) != x["included"]
        or bool(x["reaction"]) != x["reacted"]
        or bool(x["near_miss"]) != listed(x)
    ]
    res["results"] = out
    return res


def _print_round7(r7: dict) -> None:
    n = r7["all"]["copies"]["n"]
    print(
        f"round 7 ({ROUND7.name}: {n} rows labelled blind, "
        f"{r7['all']['new']['n']} texts no earlier file had; copies = every row):"
    )
    rows = []
    for sp in ("dev", "test", "all"):
        for kind in ("new", "copies"):
            sc = r7[sp][kind]
            if not sc["n"]:
                continue
            rc, nm = sc["reactions"], sc["near_misses"]
            rows.append(
                (
                    f"{sp} {kind}",
                    sc["n"],
                    sc["fp"],
                    sc["fn"],
                    rc["precision"],
                    rc["recall"],
                    rc["tp"] + rc["fn"],
                    nm["precision"],
                    nm["recall"],
                    nm["tp"] + nm["fn"],
                    nm["order"],
                )
            )
    print(
        table(
            rows,
            (
                "set",
                "docs",
                "FP",
                "FN",
                "react P",
                "react R",
                "react+",
                "near P",
                "near R",
                "near+",
                "order",
            ),
        )
    )
    for x in r7["errors"]:
        print(
            f"  error [{x['split']}] {x['dataset'][:4]}:{x['ref'][-60:]}  label {x['label']} "
            f"reaction {x['reaction']} near {x['near_miss']}  score {x['score']:.3f}"
        )
        print(f"     {x['summary'][:150]}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument(
        "--split",
        choices=SPLITS,
        default="all",
        help="labelled half to score: dev (tune on this), test (report only), all (default)",
    )
    ap.add_argument("--limit", type=int, default=None, help="first N labelled rows")
    ap.add_argument("--show-all", action="store_true", help="list every document with its score")
    ap.add_argument(
        "--experiments",
        action="store_true",
        help="also score ablations and variants (extractors/ and topics/ unchanged)",
    )
    ap.add_argument(
        "--raw-kcna",
        action="store_true",
        help="read KCNA items raw, not through clean.clean_text (the reading of rounds 1-5)",
    )
    args = ap.parse_args(argv)
    global KCNA_CLEANED
    KCNA_CLEANED = not args.raw_kcna
    res = evaluate(args.limit, args.experiments, args.split)
    if report_skip(res):
        return 0
    n_pos = res["tp"] + res["fn"]
    print(
        f"relevance, topic korea-nato (include >= {res['threshold']}), split {res['split']}: "
        f"{res['n']} labelled documents, {n_pos} positive"
    )

    def row(name: str, sc: dict) -> tuple:
        return (name, sc["precision"], sc["recall"], sc["f1"], sc["fp"], sc["fn"], sc["n"])

    rows = [row(res["split"], res)]
    if res["split"] == "all":
        rows += [row(sp, sc) for sp, sc in res["by_split"].items()]
    rows += [row(ds, sc) for ds, sc in res["by_dataset"].items()]
    rows.append(row("WH via files.parse_markdown", res["pipeline_markdown"]))
    rows.append(row("reactions (state media)", res["reactions"]))
    rows += [row(f"reactions {sp}", sc) for sp, sc in res["reactions_by_split"].items()]
    print(table(rows, ("set", "P", "R", "F1", "FP", "FN", "docs")))
    print("(P, R and F1 are 0 where a set has no positive label and nothing judged in)")
    print(f"confusion matrix ({res['split']}):")
    print(
        table(
            [("label 1", res["tp"], res["fn"]), ("label 0", res["fp"], res["tn"])],
            ("", "judged in", "judged out"),
        )
    )
    print(f"misclassified ({len(res['errors'])}):")
    for x in res["errors"]:
        kind = "FN" if x["label"] else "FP"
        print(f"  {kind} [{x['split']}] {x['dataset']}:{x['ref']}")
        print(f"     score {x['score']:.3f}  {x['summary']}")
        print(f"     title: {x['title'][:110]}")
        print(f"     label note: {x['note'][:140]}")
        if x["evidence"]:
            print(f"     evidence: {x['evidence'][:160]}")
    r4 = res["round4"]
    print(
        f"round 4 ({ROUND4.name}: {r4['all']['n']} documents not in the sets above, "
        f"{r4['all']['tp'] + r4['all']['fn']} relevance positive, "
        f"{r4['all']['reactions']['tp'] + r4['all']['reactions']['fn']} reaction positive):"
    )
    rows = [
        (
            sp,
            r4[sp]["n"],
            r4[sp]["fp"],
            r4[sp]["fp_rate"],
            r4[sp]["tp"],
            r4[sp]["fn"],
            r4[sp]["reactions"]["precision"],
            r4[sp]["reactions"]["recall"],
            r4[sp]["reactions"]["fp"],
            r4[sp]["reactions"]["fn"],
        )
        for sp in ("dev", "test", "all")
        if r4[sp]["n"]
    ]
    print(
        table(
            rows,
            (
                "half",
                "docs",
                "FP",
                "FP rate",
                "TP",
                "FN",
                "react P",
                "react R",
                "react FP",
                "react FN",
            ),
        )
    )
    for x in r4["errors"]:
        kind = "relevance" if bool(x["label"]) != x["included"] else "reaction"
        print(f"  {kind} error [{x['split']}] {x['dataset']}:{x['ref']}")
        print(f"     score {x['score']:.3f}  {x['summary']}")
        print(f"     label note: {x['note'][:140]}")
    _print_round6(res["round6"])
    _print_sections(res["sections"])
    _print_round7(res["round7"])
    _print_sections(res["sections7"], SECTIONS7)
    if args.show_all:
        for x in sorted(res["results"], key=lambda x: -x["score"]):
            print(
                f"  {x['label']} {x['score']:.3f} {int(x['included'])} {x['split']:4} "
                f"{x['dataset'][:4]}:{x['ref'][-60:]}  {x['summary'][:100]}"
            )
    if "experiments" in res:
        print(f"ablations and variants ({res['split']}; scored here only):")
        rows = [
            (name, e["precision"], e["recall"], e["f1"], e["tp"], e["fp"], e["fn"])
            for name, e in res["experiments"].items()
        ]
        print(table(rows, ("variant", "P", "R", "F1", "TP", "FP", "FN")))
    print(
        f"elapsed {res['elapsed']:.1f} s ({res['elapsed_judging']:.1f} s reading and judging "
        f"{res['n']} documents twice for WH, once for KCNA)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
