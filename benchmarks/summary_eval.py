"""Story summaries: do they state the event? And ROUGE of the same scorer on BBC politics.

    .venv/bin/python benchmarks/summary_eval.py [--show]

1. giveme5w1h news_cluster, read the way ``briefing analyze --no-filter`` reads the files
   (``files.parse_news_please``, the cleaning rules; photo galleries refused), analysed
   with ``extractors.analysis.analyse(no_filter=True)``. Each story's event is its
   articles' majority gold ``EventId``; the summary states the event when it matches every
   term group hand-written for that event in ``benchmarks/summary_labels.json``. Reported
   on dev (even event ids, the ones looked at while building ``extractors/summary.py``)
   and test (odd ids, only measured). Also: share of stories with a summary, words.
2. A second hand-labelled set of other kinds of input (``summary_event_labels.json``):
   whole White House days (remarks, press-briefing transcripts, fact sheets, readouts and
   statements of one date, read as ``analyze --no-filter`` reads the Markdown files) and
   KCNA days (the items of one date), analysed per day. Days are drawn by a hash of the
   date (never by reading), documents of a day by a hash of the path, and nothing of
   ``keypoint_quality_eval``'s wider sample is drawn. Each story is labelled by its first
   source with the event in a few words written for the project, and judged by reading:
   ``read`` maps a hash of each summary that was read to ``event`` / ``noevent``; a
   summary not read yet is judged by ``terms`` (term groups, as in part 1) and counted
   apart. Dev and test are whole days (dev days were looked at while tuning).
3. The round-5 blind set (``summary_event_labels_v5.json``): the next four White House and
   two KCNA days in the same hash order (six documents a day), each document labelled
   with its event and term groups from the sources before any of their summaries was
   read; a story states the event when its summary matches every group of one of its
   articles' labels (``judge_v5``). Dev and test alternate by day.
4. The round-6 blind set (``summary_event_labels_v6.json``, ``day_sets_v6``): the next
   two White House and two KCNA days in hash order (no reserved or held-out day, no
   document a label file names), six documents a day, and eight gold_standard articles
   no label file names, each analysed alone; judged as part 3, with term groups for the
   actor, the act and (when the lead has them) the when/where.
5. The round-7 blind set (``summary_event_labels_v7.json``, ``day_sets_v7``): the only
   White House days no label file named (speeches, briefings, press calls, presidential
   actions, statements) and two KCNA days, read from the labels' own keys; KCNA items go
   through cleaning (``relevance_eval.kcna_article(cleaned=True)``) as a run reads them.
   Judged as part 3.
6. bbc-news-summary politics 001-300: ``summary.summarise(paragraphs, n)`` at the
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
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import keypoints_eval
import stories_eval
from _common import by_hash, dataset, label_key, report_skip, skipped, table

LABELS = Path(__file__).resolve().parent / "summary_labels.json"
EVENT_LABELS = Path(__file__).resolve().parent / "summary_event_labels.json"
WH_FOLDERS = ("speeches-remarks", "press-briefings", "statements-releases")
WH_DAYS = 6
"""White House days drawn (alternately dev and test, in hash order)."""
WH_PER_DAY = 8
KCNA_DAYS = 4
KCNA_PER_DAY = 8
EVENT_LABELS_V5 = Path(__file__).resolve().parent / "summary_event_labels_v5.json"
V5_WH_DAYS = 4
V5_KCNA_DAYS = 2
V5_PER_DAY = 6
EVENT_LABELS_V6 = Path(__file__).resolve().parent / "summary_event_labels_v6.json"
EVENT_LABELS_V7 = Path(__file__).resolve().parent / "summary_event_labels_v7.json"


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


_by_hash = by_hash
summary_key = label_key
"""The hash under which a read summary is labelled (never its text)."""


@functools.lru_cache(maxsize=1)
def day_sets() -> list[tuple[str, str, str, list]] | None:
    """(corpus, day, split, articles) of the drawn White House and KCNA days."""
    return _draw_days(0, WH_DAYS, WH_PER_DAY, 0, KCNA_DAYS, KCNA_PER_DAY)


@functools.lru_cache(maxsize=1)
def day_sets_v5() -> list[tuple[str, str, str, list]] | None:
    """(corpus, day, split, articles) of the round-5 blind set: the next White House and
    KCNA days in hash order after ``day_sets``'s, six documents a day
    (``summary_event_labels_v5.json``)."""
    return _draw_days(
        WH_DAYS, WH_DAYS + V5_WH_DAYS, V5_PER_DAY, KCNA_DAYS, KCNA_DAYS + V5_KCNA_DAYS, V5_PER_DAY
    )


@functools.lru_cache(maxsize=1)
def day_sets_v6() -> list[tuple[str, str, str, list]] | None:
    """(corpus, day, split, articles) of the round-6 blind set: the documents labelled in
    ``summary_event_labels_v6.json``. They were drawn once, in round 6: the next two White
    House and two KCNA days in hash order after ``day_sets_v5``'s, none of them reserved,
    six documents a day, and eight giveme5w1h gold_standard articles by hash of the file
    name that no label file named. The set is read from the labels' own keys, since that
    draw skipped whatever any label file names and so moved with each new label file."""
    return _label_sets(EVENT_LABELS_V6)


@functools.lru_cache(maxsize=1)
def day_sets_v7() -> list[tuple[str, str, str, list]] | None:
    """(corpus, day, split, articles) of the round-7 blind set, read from the keys of
    ``summary_event_labels_v7.json``: the six White House days no label file named
    (2022-06-07, 2024-07-07, 2024-07-06 dev; 2023-07-21, 2023-07-16, 2022-06-20 test), chosen
    for their speeches, briefings, press calls, presidential actions and statements, and
    the KCNA items of 2024-10-14 (dev) and 2024-10-06 (test), read through cleaning."""
    return _label_sets(EVENT_LABELS_V7, kcna_cleaned=True)


def _label_sets(path: Path, kcna_cleaned: bool = False) -> list[tuple[str, str, str, list]] | None:
    """(corpus, day, split, articles) of the documents a label file names, a day per group."""
    import relevance_eval

    wh = dataset("wh-briefings-nato-korea", "docs")
    kc = dataset("kcna-archive-2024", "headlines_2024-11-11.json")
    gs = dataset("giveme5w1h-news", "gold_standard")
    if wh is None or kc is None or gs is None:
        return None
    from extractors.errors import SourceError
    from extractors.files import parse_news_please
    from fetch.sources import to_article

    labels = json.loads(path.read_text("utf-8"))["stories"]
    items = json.loads((kc / "headlines_2024-11-11.json").read_text("utf-8"))
    wh_days: dict[tuple[str, str], list[str]] = {}
    kc_days: dict[tuple[str, str], list[str]] = {}
    gold: list[tuple[str, str]] = []
    for ref, lab in labels.items():
        if ref.startswith("docs/"):
            wh_days.setdefault((Path(ref).name[:10], lab["split"]), []).append(ref)
        elif ref.startswith("kcna#"):
            it = items[int(ref[5:])]
            day = datetime.fromtimestamp(it["date"] / 1000, UTC).date().isoformat()
            kc_days.setdefault((day, lab["split"]), []).append(ref[5:])
        else:
            gold.append((ref, lab["split"]))
    out: list[tuple[str, str, str, list]] = []
    for (day, split), refs in wh_days.items():
        arts = [relevance_eval.wh_article_pipeline(wh, r) for r in sorted(refs)]
        out.append(("wh", day, split, arts))
    for (day, split), refs in kc_days.items():
        arts = [
            relevance_eval.kcna_article(items, r, cleaned=kcna_cleaned)
            for r in sorted(refs, key=int)
        ]
        out.append(("kcna", day, split, arts))
    for name, split in gold:
        f = gs / "gold_standard" / "data" / name
        try:
            cleaned = parse_news_please(f.read_text("utf-8"), f)
        except SourceError:
            continue
        out.append(("gold", name[:10], split, [to_article(cleaned, name, "bench", "file")]))
    return out


def _draw_days(
    wh_from: int,
    wh_to: int,
    wh_per: int,
    kc_from: int,
    kc_to: int,
    kc_per: int,
    skip: tuple[str, ...] = (),
    named: str = "",
) -> list[tuple[str, str, str, list]] | None:
    import keypoint_quality_eval as kq
    import relevance_eval

    wh = dataset("wh-briefings-nato-korea", "docs")
    kc = dataset("kcna-archive-2024", "headlines_2024-11-11.json")
    if wh is None or kc is None:
        return None
    wider = {w.source for w in _wider_articles(wh, kc, kq, relevance_eval)}
    out: list[tuple[str, str, str, list]] = []
    days: dict[str, list[str]] = {}
    for f in sorted((wh / "docs").rglob("*.md")):
        rel = str(f.relative_to(wh))
        if f.parent.parent.name in WH_FOLDERS and rel not in wider:
            days.setdefault(f.name[:10], []).append(rel)
    full = [d for d, refs in days.items() if len(refs) >= 4]
    order = _by_hash(full)[:wh_from] + [
        d for d in _by_hash(full)[wh_from:] if d not in skip and len(_free(days[d], named)) >= 4
    ]
    for k, day in enumerate(order[wh_from:wh_to]):
        refs = _by_hash(_free(days[day], named))[:wh_per]
        arts = [relevance_eval.wh_article_pipeline(wh, r) for r in sorted(refs)]
        out.append(("wh", day, "dev" if k % 2 == 0 else "test", arts))
    items = json.loads((kc / "headlines_2024-11-11.json").read_text("utf-8"))
    kdays: dict[str, list[str]] = {}
    for i, it in enumerate(items):
        if it.get("story_text") and isinstance(it.get("date"), int | float):
            ref = str(i)
            if f"kcna#{ref}" in wider:
                continue
            day = datetime.fromtimestamp(it["date"] / 1000, UTC).date().isoformat()
            kdays.setdefault(day, []).append(ref)
    kfull = [d for d, refs in kdays.items() if len(refs) >= KCNA_PER_DAY]
    korder = _by_hash(kfull)[:kc_from] + [d for d in _by_hash(kfull)[kc_from:] if d not in skip]
    for k, day in enumerate(korder[kc_from:kc_to]):
        free = [r for r in kdays[day] if not named or f'"kcna#{r}"' not in named]
        refs = _by_hash(free)[:kc_per]
        arts = [relevance_eval.kcna_article(items, r) for r in sorted(refs, key=int)]
        out.append(("kcna", day, "dev" if k % 2 == 0 else "test", arts))
    return out


def _free(refs: list[str], named: str) -> list[str]:
    """The White House documents of ``refs`` whose file name no label file names."""
    return [r for r in refs if not named or Path(r).name not in named]


def _wider_articles(wh: Path, kc: Path, kq, relevance_eval) -> list:
    """The articles of keypoint_quality_eval's wider sample (kept out of this set)."""
    docs = [str(f.relative_to(wh)) for f in (wh / "docs").rglob("*.md")]
    arts = [relevance_eval.wh_article_pipeline(wh, r) for r in kq._sample(docs, kq.WIDER_N["wh"])]
    items = json.loads((kc / "headlines_2024-11-11.json").read_text("utf-8"))
    refs = [str(i) for i, it in enumerate(items) if it.get("story_text")]
    arts += [relevance_eval.kcna_article(items, r) for r in kq._sample(refs, kq.WIDER_N["kcna"])]
    return arts


@functools.lru_cache(maxsize=4)
def day_stories(
    v5: bool = False, v6: bool = False, v7: bool = False
) -> list[tuple[str, str, str, object]] | None:
    """(corpus, day, split, story) of every drawn day, analysed one day at a time."""
    from extractors.analysis import analyse
    from extractors.topic import load_topic

    sets = day_sets_v7() if v7 else day_sets_v6() if v6 else day_sets_v5() if v5 else day_sets()
    if sets is None:
        return None
    topic = load_topic("korea-nato")
    out = []
    for corpus, day, split, arts in sets:
        found, _ = analyse(arts, topic, no_filter=True)
        out += [(corpus, day, split, st) for st in found]
    return out


def load_event_labels() -> dict[str, dict]:
    if not EVENT_LABELS.exists():
        return {}
    return json.loads(EVENT_LABELS.read_text("utf-8")).get("stories", {})


def judge(story, label: dict | None) -> str:
    """``event`` / ``noevent`` (read, or by terms: ``terms-event`` / ``terms-noevent``),
    ``none`` (no summary) or ``unlabelled``."""
    if label is None:
        return "unlabelled"
    if not story.summary:
        return "none"
    read = label.get("read", {}).get(summary_key(story.summary.text))
    if read:
        return read
    if label.get("terms"):
        return "terms-" + ("event" if states(story.summary.text, label["terms"]) else "noevent")
    return "unlabelled"


def _show(prefix: str, rows: list, verdicts: list[str], labels: dict, title: bool = False) -> None:
    """Print each judged day story: its verdict, label hash, event label and summary."""
    for (c, d, s), v in zip(rows, verdicts, strict=True):
        lab = labels.get(s.articles[0].source, {})
        text = s.summary.text if s.summary else "(none)"
        h = summary_key(text) if s.summary else "-"
        print(f"{prefix} {c} {d} {v:<13} {h} [{s.articles[0].source[-50:]}]")
        print(f"    event: {lab.get('event', '?')}")
        if title:
            print(f"    title: {s.title[:150]}")
        print(f"    summary: {text}")


def evaluate_days(show: bool = False) -> dict:
    got = day_stories()
    if got is None:
        return skipped("wh-briefings-nato-korea or kcna-archive-2024")
    labels = load_event_labels()
    res: dict = {}
    for part in ("dev", "test"):
        rows = [(c, d, s) for c, d, p, s in got if p == part]
        verdicts = [judge(s, labels.get(s.articles[0].source)) for _, _, s in rows]
        counts = Counter(verdicts)
        judged = [v for v in verdicts if v != "unlabelled"]
        ok = sum(1 for v in judged if v in ("event", "terms-event"))
        words = [len(s.summary.text.split()) for _, _, s in rows if s.summary]
        res[part] = {
            "stories": len(rows),
            "verdicts": dict(counts),
            "with_summary": sum(1 for _, _, s in rows if s.summary) / (len(rows) or 1),
            "states_event": ok / (len(judged) or 1),
            "by_terms": sum(1 for v in judged if v.startswith("terms-")),
            "max_words": max(words, default=0),
        }
        if show:
            _show(part, rows, verdicts, labels, title=True)
    return res


def load_v5_labels() -> dict[str, dict]:
    if not EVENT_LABELS_V5.exists():
        return {}
    return json.loads(EVENT_LABELS_V5.read_text("utf-8")).get("stories", {})


def judge_v5(story, labels: dict[str, dict]) -> str:
    """``event`` / ``noevent`` for a summary read, else ``terms-event`` / ``terms-noevent``:
    it matches every term group of one of its articles' labels (a story that merges two
    documents states the event when it states either's); ``none`` without a summary."""
    labs = [labels[a.source] for a in story.articles if a.source in labels]
    if not labs:
        return "unlabelled"
    if not story.summary:
        return "none"
    key = summary_key(story.summary.text)
    for lab in labs:
        if key in lab.get("read", {}):
            return lab["read"][key]
    hit = any(states(story.summary.text, lab["terms"]) for lab in labs)
    return "terms-" + ("event" if hit else "noevent")


def load_v6_labels() -> dict[str, dict]:
    if not EVENT_LABELS_V6.exists():
        return {}
    return json.loads(EVENT_LABELS_V6.read_text("utf-8")).get("stories", {})


def evaluate_days_v6(show: bool = False) -> dict:
    return evaluate_days_v5(show, v6=True)


def load_v7_labels() -> dict[str, dict]:
    if not EVENT_LABELS_V7.exists():
        return {}
    return json.loads(EVENT_LABELS_V7.read_text("utf-8")).get("stories", {})


def evaluate_days_v7(show: bool = False) -> dict:
    return evaluate_days_v5(show, v7=True)


def evaluate_days_v5(show: bool = False, v6: bool = False, v7: bool = False) -> dict:
    got = day_stories(not (v6 or v7), v6, v7)
    if got is None:
        return skipped("wh-briefings-nato-korea, kcna-archive-2024 or giveme5w1h-news")
    labels = load_v7_labels() if v7 else load_v6_labels() if v6 else load_v5_labels()
    res: dict = {}
    for part in ("dev", "test"):
        rows = [(c, d, s) for c, d, p, s in got if p == part]
        verdicts = [judge_v5(s, labels) for _, _, s in rows]
        judged = [v for v in verdicts if v != "unlabelled"]
        ok = sum(1 for v in judged if v in ("event", "terms-event"))
        res[part] = {
            "stories": len(rows),
            "verdicts": dict(Counter(verdicts)),
            "states_event": ok / (len(judged) or 1),
            "by_terms": sum(1 for v in judged if v.startswith("terms-")),
        }
        if show:
            _show(f"{'v7' if v7 else 'v6' if v6 else 'v5'} {part}", rows, verdicts, labels)
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


PARTS = ("events", "days", "days_v5", "days_v6", "days_v7", "rouge")


def evaluate(show: bool = False, only: tuple[str, ...] = PARTS) -> dict:
    t0 = time.perf_counter()
    run = {
        "events": evaluate_events,
        "days": evaluate_days,
        "days_v5": evaluate_days_v5,
        "days_v6": evaluate_days_v6,
        "days_v7": evaluate_days_v7,
        "rouge": lambda show: evaluate_rouge(),
    }
    out: dict = {k: run[k](show) if k in only else {"skipped": "not run"} for k in PARTS}
    out["elapsed"] = time.perf_counter() - t0
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--show", action="store_true", help="print every story's summary")
    ap.add_argument("--only", nargs="+", choices=PARTS, default=PARTS, help="run only these parts")
    args = ap.parse_args(argv)
    res = evaluate(args.show, tuple(args.only))
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
    dy = res["days"]
    if not report_skip(dy):
        rows = [
            (
                part,
                r["stories"],
                r["states_event"],
                r["by_terms"],
                r["with_summary"],
                r["max_words"],
            )
            for part, r in dy.items()
        ]
        print("White House and KCNA days (summary_event_labels.json): does it state the event?")
        print(table(rows, ("split", "stories", "states", "by terms", "has one", "max")))
    v5 = res["days_v5"]
    if not report_skip(v5):
        rows = [(part, r["stories"], r["states_event"], r["by_terms"]) for part, r in v5.items()]
        print("Round-5 blind days (summary_event_labels_v5.json): does it state the event?")
        print(table(rows, ("split", "stories", "states", "by terms")))
    v6 = res["days_v6"]
    if not report_skip(v6):
        rows = [(part, r["stories"], r["states_event"], r["by_terms"]) for part, r in v6.items()]
        print("Round-6 blind set (summary_event_labels_v6.json): does it state the event?")
        print(table(rows, ("split", "stories", "states", "by terms")))
    v7 = res["days_v7"]
    if not report_skip(v7):
        rows = [(part, r["stories"], r["states_event"], r["by_terms"]) for part, r in v7.items()]
        print("Round-7 blind set (summary_event_labels_v7.json): does it state the event?")
        print(table(rows, ("split", "stories", "states", "by terms")))
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
