"""Cleaning quality on the article-extraction-benchmark (181 pages with hand-checked bodies).

    .venv/bin/python benchmarks/clean_eval.py [--limit N] [--workers 2] [--split dev|test]
    .venv/bin/python benchmarks/clean_eval.py --speed [--rounds 2]   # pages/s
    .venv/bin/python benchmarks/clean_eval.py --text [--show-extra]  # plain-text input
    .venv/bin/python benchmarks/clean_eval.py --glue   # run-together words (KCNA)

Systems, all in one run:
  project                     extractors.clean.clean_html(html, url=url).text
                              (an ExtractError counts as an empty prediction)
  trafilatura defaults        trafilatura.extract(html, url=url)
  trafilatura no comments     trafilatura.extract(html, url=url, include_comments=False)

The metric is the benchmark's, as its README states it: texts split into ``\\w+``
tokens; each text a multiset of 4-token shingles; per page precision = matched /
predicted shingles and recall = matched / true shingles (the page's counts are
normalised, as the benchmark does, which does not change the ratios); P and R
are averaged over pages, an empty prediction having no precision (left out of the
P mean) and recall 0; F1 is the harmonic mean of mean P and mean R.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from contextlib import contextmanager
from functools import partial
from multiprocessing import get_context
from pathlib import Path
from types import SimpleNamespace

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import dataset, f1, read_gz, report_skip, skipped, table

NAME = "article-extraction-benchmark"
SYSTEMS = ("project", "trafilatura_defaults", "trafilatura_no_comments")
_TOKEN = re.compile(r"\w+")


# ---------------------------------------------------------------- the metric


def shingles(text: str | None, n: int = 4) -> Counter:
    toks = _TOKEN.findall(text or "")
    if not toks:
        return Counter()
    # A text shorter than n tokens is one (short) shingle, as in the benchmark.
    return Counter(tuple(toks[i : i + n]) for i in range(max(1, len(toks) - n + 1)))


def page_counts(true: str, pred: str | None) -> tuple[float, float, float]:
    """(tp, fp, fn) over shingle multisets for one page."""
    t, p = shingles(true), shingles(pred)
    tp = sum((t & p).values())
    fp = sum(p.values()) - tp
    fn = sum(t.values()) - tp
    return float(tp), float(fp), float(fn)


def _precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return tp / (tp + fp) if tp + fp else 0.0


def _recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return tp / (tp + fn) if tp + fn else 0.0


def aggregate(counts: list[tuple[float, float, float]]) -> dict:
    """Mean P over pages with a prediction, mean R over pages with a truth, F1 of the means."""
    ps = [_precision(*c) for c in counts if c[0] + c[1] > 0]
    rs = [_recall(*c) for c in counts if c[0] + c[2] > 0]
    p = statistics.mean(ps) if ps else 0.0
    r = statistics.mean(rs) if rs else 0.0
    return {
        "f1": f1(p, r),
        "precision": p,
        "recall": r,
        "empty": sum(1 for c in counts if c[0] + c[1] == 0),
    }


def extra_sentences(true: str, pred: str | None) -> list[str]:
    """The sentences of ``pred`` that the hand-checked body does not hold: fewer than half of
    their 4-token shingles occur in the truth (a sentence under 4 tokens: its tokens do not
    occur there in a row). On this benchmark these are what the cleaner let through besides
    the article: captions, credits, related links, prompts, labels (read them with
    ``--show-extra``)."""
    from extractors.text import split_sentences

    truth_toks = _TOKEN.findall(true or "")
    truth_sh = set(shingles(true))
    joined = f" {' '.join(truth_toks)} "
    out = []
    for para in (pred or "").split("\n"):
        for sent in split_sentences(para):
            toks = _TOKEN.findall(sent)
            if not toks:
                continue
            if len(toks) < 4:
                found = f" {' '.join(toks)} " in joined
            else:
                sh = [tuple(toks[i : i + 4]) for i in range(len(toks) - 3)]
                found = sum(1 for x in sh if x in truth_sh) * 2 >= len(sh)
            if not found:
                out.append(sent)
    return out


def sentence_count(text: str | None) -> int:
    from extractors.text import split_sentences

    return sum(
        1 for para in (text or "").split("\n") for s in split_sentences(para) if _TOKEN.search(s)
    )


def split_ids(ids: list[str], split: str | None) -> list[str]:
    """dev = even positions of the sorted ids (rules are tuned there), test = odd positions
    (measured only); None = all."""
    ids = sorted(ids)
    if split == "dev":
        return ids[0::2]
    if split == "test":
        return ids[1::2]
    return ids


# ---------------------------------------------------------------- one page


def _run_page(job: tuple[str, str, str, str]) -> dict:
    pid, path, url, truth = job
    import trafilatura

    from extractors.clean import clean_html
    from extractors.errors import ExtractError

    html = read_gz(Path(path))
    out: dict = {"id": pid, "counts": {}, "seconds": {}, "error": None}
    t0 = time.perf_counter()
    try:
        pred = clean_html(html, url=url).text
    except ExtractError as exc:
        pred = ""
        out["error"] = str(exc)
    out["seconds"]["project"] = time.perf_counter() - t0
    out["counts"]["project"] = page_counts(truth, pred)
    out["extra"] = extra_sentences(truth, pred)
    out["sentences"] = sentence_count(pred)
    for name, kwargs in (
        ("trafilatura_defaults", {}),
        ("trafilatura_no_comments", {"include_comments": False}),
    ):
        t0 = time.perf_counter()
        try:
            pred = trafilatura.extract(html, url=url, **kwargs)
        except Exception:  # the baselines are scored as they come, failures as empty
            pred = None
        out["seconds"][name] = time.perf_counter() - t0
        out["counts"][name] = page_counts(truth, pred)
    return out


# ---------------------------------------------------------------- experiments

# Parameter experiments on the project's cleaner, applied by patching the module in
# this process only (extractors/ is not edited). Names may be joined with "+".
VARIANTS = {
    "favor_precision": "trafilatura favor_precision=True",
    "fast": "trafilatura fast=True (no fallback extractors)",
    "no_precision": "trafilatura favor_precision=False",
    "min_words_0": "MIN_BODY_WORDS = 0 (short bodies are not errors)",
    "min_words_15": "MIN_BODY_WORDS = 15",
    "no_dateline_rule": "rule_dateline left out (the benchmark counts datelines as body)",
}


@contextmanager
def patched(variant: str | None):
    """The project's cleaner with ``variant`` applied, restored afterwards."""
    import extractors.clean as clean

    saved = (clean.trafilatura, clean.MIN_BODY_WORDS, clean.RULES)
    precision = clean.FAVOR_PRECISION
    try:
        names = [v for v in (variant or "").split("+") if v]
        unknown = [v for v in names if v not in VARIANTS]
        if unknown:
            raise ValueError(f"unknown variant(s) {unknown}; known: {sorted(VARIANTS)}")
        extra = {k: True for k in ("favor_precision", "fast") if k in names}
        if extra:
            clean.trafilatura = SimpleNamespace(
                bare_extraction=partial(saved[0].bare_extraction, **extra)
            )
        if "no_precision" in names:
            clean.FAVOR_PRECISION = False
        if "min_words_0" in names:
            clean.MIN_BODY_WORDS = 0
        if "min_words_15" in names:
            clean.MIN_BODY_WORDS = 15
        if "no_dateline_rule" in names:
            clean.RULES = tuple(r for r in clean.RULES if r is not clean.rule_dateline)
        yield
    finally:
        clean.trafilatura, clean.MIN_BODY_WORDS, clean.RULES = saved
        clean.FAVOR_PRECISION = precision


# ---------------------------------------------------------------- throughput


def _clean_quiet(job: tuple[str, str | None]) -> int:
    from extractors.clean import clean_html
    from extractors.errors import ExtractError

    html, url = job
    try:
        clean_html(html, url=url)
        return 1
    except ExtractError:
        return 0


def speed(limit: int | None = None, rounds: int = 2, workers: int = 2) -> dict:
    """Pages per second, all in this run over the same pages held in memory:
    ``trafilatura.extract`` with its defaults in one process, ``clean_html`` in one
    process, and ``clean_html`` in a pool of ``workers`` processes. Each figure is the best
    of ``rounds`` alternating rounds (other jobs share the cores). One-process figures are
    given by wall clock and by this process's CPU time (the fairer one when other jobs
    share the cores); the pool's only by wall clock."""
    d = dataset(NAME, "ground-truth.json", "html")
    if d is None:
        return skipped(NAME)
    import trafilatura

    truth = json.loads((d / "ground-truth.json").read_text("utf-8"))
    pages = [(read_gz(d / "html" / f"{p}.html.gz"), truth[p]["url"]) for p in page_ids(d, limit)]
    wall: dict[str, float] = {}
    cpu: dict[str, float] = {}

    def timed(name: str, fn: Callable[[], object]) -> None:
        w0, c0 = time.perf_counter(), time.process_time()
        fn()
        w, c = time.perf_counter() - w0, time.process_time() - c0
        wall[name] = max(wall.get(name, 0.0), len(pages) / w)
        if "pool" not in name:
            cpu[name] = max(cpu.get(name, 0.0), len(pages) / c)

    traf, one, pooled = (
        "trafilatura.extract defaults, 1 process",
        "clean_html, 1 process",
        f"clean_html, {workers}-process pool",
    )
    _clean_quiet(pages[0])  # imports and warm-up outside the clock
    trafilatura.extract(pages[0][0])
    for _ in range(rounds):
        timed(traf, lambda: [trafilatura.extract(h) for h, _ in pages])
        timed(one, lambda: [_clean_quiet(p) for p in pages])
        with get_context("fork").Pool(workers) as pool:
            pool.map(_clean_quiet, pages[:workers])  # start the workers outside the clock
            timed(pooled, lambda: pool.map(_clean_quiet, pages, chunksize=2))
    return {
        "pages": len(pages),
        "load_average": os.getloadavg()[0],
        "wall_pages_per_s": wall,
        "cpu_pages_per_s": cpu,
        "wall_ratio": {k: v / wall[traf] for k, v in wall.items()},
        "cpu_ratio": {k: v / cpu[traf] for k, v in cpu.items()},
    }


# ---------------------------------------------------------------- plain-text input

TEXT_LABELS = Path(__file__).resolve().parent / "clean_text_labels.json"
TEXT_LABELS_R5 = Path(__file__).resolve().parent / "clean_text_labels_round5.json"
"""Round 5: 20 more news_cluster articles (10 Daily Mail), labelled blind."""
TEXT_LABELS_R6 = Path(__file__).resolve().parent / "clean_text_labels_round6.json"
"""Round 6: 16 more news_cluster articles (8 Daily Mail), labelled blind."""
TEXT_LABELS_R7 = Path(__file__).resolve().parent / "clean_text_labels_round7.json"
"""Round 7: 10 news-please texts and 15 White House Markdown files (HTML left in the text,
legal numbering), labelled blind; a ``wh/`` key is a file of the White House corpus, its
offsets into the whole file, cleaned as a run reads it (``files.parse_file``)."""
TEXT_CORPUS = "giveme5w1h-news"
WH_CORPUS = "wh-briefings-nato-korea"


def text_split(name: str) -> str:
    """dev or test for a labelled news-please file: the last hex digit of
    sha1("clean-text:" + file name), even = dev (rules tuned there), odd = test."""
    import hashlib

    digit = hashlib.sha1(f"clean-text:{name}".encode()).hexdigest()[-1]
    return "dev" if int(digit, 16) % 2 == 0 else "test"


def kept_tokens(raw: str, cleaned: str) -> tuple[list[tuple[int, int]], list[bool]]:
    """The ``\\w+`` tokens of ``raw`` (character spans) and, for each, whether the cleaned
    text kept it: the two token sequences (lower case) are aligned with difflib, so a
    token counts as kept only where it stands in a matching run, not merely anywhere."""
    from difflib import SequenceMatcher

    spans = [m.span() for m in _TOKEN.finditer(raw)]
    ins = [raw[a:b].lower() for a, b in spans]
    outs = [t.lower() for t in _TOKEN.findall(cleaned)]
    kept = [False] * len(ins)
    for blk in SequenceMatcher(None, ins, outs, autojunk=False).get_matching_blocks():
        for i in range(blk.a, blk.a + blk.size):
            kept[i] = True
    return spans, kept


def _share(spans: list[tuple[int, int]], kept: list[bool], a: int, b: int) -> float | None:
    idx = [i for i, (s, e) in enumerate(spans) if s >= a and e <= b]
    return sum(kept[i] for i in idx) / len(idx) if idx else None


def body_sentences(raw: str, labelled: list[list], blocks: bool = False) -> list[tuple[int, int]]:
    """Character spans of the body sentences: the text outside every labelled span
    (furniture and 'skip'), split into paragraphs (lines; ``blocks``: blank-line separated
    blocks, for hard-wrapped Markdown) and ``split_sentences``."""
    from extractors.text import split_sentences

    cuts = sorted((s[0], s[1]) for s in labelled)
    pieces, pos = [], 0
    for a, b in cuts:
        pieces.append((pos, a))
        pos = max(pos, b)
    pieces.append((pos, len(raw)))
    out = []
    for a, b in pieces:
        seg = raw[a:b]
        for para in re.finditer(_BLOCK if blocks else r"[^\n]+", seg):
            at = 0
            for sent in split_sentences(para.group()):
                # the splitter makes runs of white space one space (a wrapped line)
                m = re.compile(r"\s+".join(map(re.escape, sent.split()))).search(para.group(), at)
                if m is None or not _TOKEN.search(sent):
                    continue
                at = m.end()
                out.append((a + para.start() + m.start(), a + para.start() + at))
    return out


_BLOCK = r"(?:[^\n]|\n(?![ \t\xa0]*\n))+"


def _text_article(job: tuple[str, str, list[list]]) -> dict:
    key, path, labelled = job
    from extractors.errors import SourceError
    from extractors.files import parse_file, parse_news_please

    raw_json = Path(path).read_text("utf-8")
    markdown = key.startswith("wh/")
    raw = raw_json if markdown else json.loads(raw_json)["text"]
    try:
        if markdown:
            cleaned = parse_file(Path(path).name, raw_json.encode("utf-8")).text
        else:
            cleaned = parse_news_please(raw_json, Path(path).name).text
        error = None
    except SourceError as exc:
        cleaned, error = "", str(exc)
    spans, kept = kept_tokens(raw, cleaned)
    furniture = kept_units = 0.0
    left: list[str] = []
    for a, b, kind, units, _head in labelled:
        if kind == "skip":
            continue
        share = _share(spans, kept, a, b)
        furniture += units
        if share:
            kept_units += units * share
            if share >= 0.5:
                left.append(f"{kind}: {' '.join(raw[a:b].split())[:140]}")
    lost, cut, body = [], 0, 0
    out_toks = [t.lower() for t in _TOKEN.findall(cleaned)]
    out_sh = set(shingles(" ".join(out_toks)))
    joined = f" {' '.join(out_toks)} "
    for a, b in body_sentences(raw, labelled, blocks=markdown):
        # a body sentence is kept where its words stand together anywhere in the output
        # (a repeated sentence is then not "lost" for being matched to its other copy)
        toks = [t.lower() for t in _TOKEN.findall(raw[a:b])]
        if not toks:
            continue
        if len(toks) < 4:
            share = 1.0 if f" {' '.join(toks)} " in joined else 0.0
        else:
            sh = [tuple(toks[i : i + 4]) for i in range(len(toks) - 3)]
            share = sum(1 for x in sh if x in out_sh) / len(sh)
        body += 1
        if share < 0.5:
            lost.append(" ".join(raw[a:b].split())[:140])
        elif share < 0.9:
            cut += 1
    return {
        "key": key,
        "error": error,
        "furniture": furniture,
        "furniture_kept": kept_units,
        "left": left,
        "body": body,
        "lost": lost,
        "cut": cut,
    }


def evaluate_text(workers: int = 2, labels_path: Path = TEXT_LABELS) -> dict:
    """Plain-text input (news-please JSON through ``parse_news_please`` -> ``clean_text``)
    against the hand-labelled furniture spans of ``clean_text_labels.json``, per split:

    - ``furniture_per_article``: labelled furniture sentences the cleaned text still holds
      (a span's units times the share of its tokens kept), per article;
    - ``clean``: 1 - kept furniture units / all furniture units;
    - ``lost_per_article``: body sentences (outside every labelled span) fewer than half
      of whose 4-token shingles the cleaned text holds; ``body``: 1 - lost / body
      sentences; ``cut``: body sentences kept only in part (50-90% of their shingles).
    """
    d = dataset(TEXT_CORPUS)
    if d is None or not labels_path.exists():
        return skipped(TEXT_CORPUS)
    labels = json.loads(labels_path.read_text("utf-8"))["articles"]
    jobs = []
    for key, lab in sorted(labels.items()):
        if key.startswith("wh/"):
            wh = dataset(WH_CORPUS)
            if wh is None:
                return skipped(WH_CORPUS)
            path, name = wh / "docs" / key[3:], key.rsplit("/", 1)[1]
        else:
            corpus, name = key.split("/")
            path = d / corpus / "data" / name
        if not path.exists():
            return skipped(f"{TEXT_CORPUS}/{key}")
        if text_split(name) != lab["split"]:
            raise ValueError(f"{key}: split {lab['split']} disagrees with the file-name hash")
        jobs.append((key, str(path), lab["spans"]))
    if workers > 1:
        with get_context("fork").Pool(workers) as pool:
            results = pool.map(_text_article, jobs, chunksize=1)
    else:
        results = [_text_article(j) for j in jobs]
    out: dict = {"articles": {r["key"]: r for r in results}}
    for split in ("dev", "test"):
        rs = [r for r in results if labels[r["key"]]["split"] == split]
        n = max(1, len(rs))
        furn = sum(r["furniture"] for r in rs)
        kept = sum(r["furniture_kept"] for r in rs)
        body = sum(r["body"] for r in rs)
        lost = sum(len(r["lost"]) for r in rs)
        out[split] = {
            "articles": len(rs),
            "furniture_units": furn,
            "furniture_per_article": kept / n,
            "clean": 1 - kept / furn if furn else 1.0,
            "body_sentences": body,
            "lost_per_article": lost / n,
            "body": 1 - lost / body if body else 1.0,
            "cut": sum(r["cut"] for r in rs),
            "errors": sum(1 for r in rs if r["error"]),
        }
    return out


def text_figures(res: dict, prefix: str = "text") -> dict[str, float]:
    """The floors.json figures of ``evaluate_text`` (``clean.text_*``; the round-5 set
    ``clean.text5_*``)."""
    return {
        f"{prefix}_{what}_{split}": res[split][what]
        for split in ("dev", "test")
        for what in ("clean", "body")
    }


def _print_text(res: dict, show: bool, name: str = "clean_text_labels.json") -> None:
    print(f"plain-text input: giveme5w1h news-please articles, hand-labelled furniture ({name})")
    rows = [
        (
            split,
            r["articles"],
            f"{r['furniture_units']:.0f}",
            f"{r['furniture_per_article']:.2f}",
            r["clean"],
            r["body_sentences"],
            f"{r['lost_per_article']:.2f}",
            r["body"],
            r["cut"],
        )
        for split, r in ((s, res[s]) for s in ("dev", "test"))
    ]
    head = ("split", "articles", "furniture", "kept/art", "clean", "body sents", "lost/art")
    print(table(rows, (*head, "body kept", "cut")))
    if show:
        for key, r in sorted(res["articles"].items()):
            split = text_split(key.split("/")[1])
            for line in r["left"]:
                print(f"  {split} {key.split('/')[1][:8]} KEPT  {line}")
            for line in r["lost"]:
                print(f"  {split} {key.split('/')[1][:8]} LOST  {line}")
            if r["error"]:
                print(f"  {split} {key.split('/')[1][:8]} ERROR {r['error']}")


# ---------------------------------------------------------------- run-together words

GLUE_CORPUS = "kcna-archive-2024"
GLUE_LABELS = Path(__file__).resolve().parent / "clean_glue_labels.json"
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z][a-z])")
_GLUE_SITES = (
    ("excellency", re.compile(r"(?<![\w.])(?:H\.\s?E\.|HE)(?=[A-Z][a-z])")),
    ("dash", re.compile(r"(?<=\s)--(?=[A-Z][a-z])")),
    ("comma", re.compile(r"(?<=[a-z]),(?=[A-Z][a-z]+\s)")),
)


def glue_sites(text: str, names: set[str], not_glued: set[str]) -> dict[int, str]:
    """Where ``text`` lacks a space (character offset -> kind), found without the code
    under test: a lower-case letter run into a capitalised word ("ComradeKim", "ofKim",
    "SungUniversity"; a token hand-marked in ``not_glued`` excepted: "kWh"), "H.E."/"HE"
    run into a name, "--Kim", ",Kim", and a three-part name the corpus writes apart
    (``names``) run into a lower-case word ("Kim Jong Unwho")."""
    sites: dict[int, str] = {}
    for m in _CAMEL.finditer(text):
        a = text.rfind(" ", 0, m.start()) + 1
        b = text.find(" ", m.start())
        token = re.sub(r"^\W+|\W+$", "", text[a : b if b >= 0 else len(text)])
        if token not in not_glued:
            sites[m.start()] = "camel"
    for kind, rx in _GLUE_SITES:
        for m in rx.finditer(text):
            sites[m.end()] = kind
    for name in names:
        for m in re.finditer(re.escape(name) + "(?=[a-z])", text):
            sites[m.end()] = "after_name"
    return sites


def _words_around(text: str, at: int, words: int = 4) -> str:
    """The ``words`` whole words either side of offset ``at``."""
    left = text[:at].split(" ")[-words - 1 :]
    right = text[at:].split(" ")[: words + 1]
    return " ".join(left)[-80:] + "|" + " ".join(right)[:80]


def inserted_spaces(before: str, after: str) -> list[int]:
    """Offsets of ``before`` at which ``after`` (``before`` with spaces inserted) has a
    new space."""
    out, i = [], 0
    for ch in after:
        if i < len(before) and ch == before[i]:
            i += 1
        elif ch == " ":
            out.append(i)
        else:
            raise ValueError("unglue changed more than spaces")
    return out


def corpus_names(texts: list[str], min_count: int = 3) -> set[str]:
    """Three-part names ("Kim Jong Un") the corpus writes apart at least ``min_count``
    times (followed by a non-letter)."""
    from extractors.clean import GLUE_SURNAMES

    alt = "|".join(sorted(GLUE_SURNAMES))
    c: Counter = Counter()
    for t in texts:
        c.update(m[0] for m in re.finditer(rf"\b(?:{alt}) [A-Z][a-z]+ [A-Z][a-z]+(?![A-Za-z])", t))
    return {n for n, k in c.items() if k >= min_count}


def evaluate_glue(sample: int = 40) -> dict:
    """``clean.unglue`` on every KCNA item (story text and headline, each article read
    with its own words): sites found by ``glue_sites`` (the truth), sites repaired, sites
    missed, spaces put where no site is (false splits), per kind; and a sample of the
    repairs (drawn by hash) with the hand verdicts of ``clean_glue_labels.json``."""
    import hashlib

    from extractors.clean import text_words, unglue

    d = dataset(GLUE_CORPUS, "headlines_2024-11-11.json")
    if d is None:
        return skipped(GLUE_CORPUS)
    items = json.loads((d / "headlines_2024-11-11.json").read_text("utf-8"))
    labels = json.loads(GLUE_LABELS.read_text("utf-8")) if GLUE_LABELS.exists() else {}
    not_glued = set(labels.get("not_glued", []))
    texts = [(it.get("headline") or "", it.get("story_text") or "") for it in items]
    names = corpus_names([t for pair in texts for t in pair])
    found: Counter = Counter()
    fixed: Counter = Counter()
    missed: list[str] = []
    false: list[str] = []
    repairs: list[str] = []
    for head, body in texts:
        vocab = text_words(body)
        for text in (head, body):
            for para in text.split("\n"):
                sites = glue_sites(para, names, not_glued)
                new = unglue(para, vocab)
                spaces = set(inserted_spaces(para, new))
                found.update(sites.values())
                for at, kind in sites.items():
                    if at in spaces:
                        fixed[kind] += 1
                        shift = sum(1 for x in spaces if x < at)
                        repairs.append(_words_around(new, at + shift))
                    else:
                        missed.append(f"{kind}: {_words_around(para, at)}")
                false.extend(
                    para[max(0, at - 25) : at] + "|" + para[at : at + 15]
                    for at in sorted(spaces - set(sites))
                )
    key = lambda x: hashlib.sha1(f"glue:{x}".encode()).hexdigest()  # noqa: E731
    drawn = sorted(set(repairs), key=key)[:sample]
    verdicts = labels.get("sample", {})
    checked = [v for r, v in verdicts.items() if r in drawn]
    total = sum(found.values())
    return {
        "items": len(items),
        "names": sorted(names),
        "found": dict(found),
        "fixed": dict(fixed),
        "sites": total,
        "repaired": sum(fixed.values()),
        "recall": sum(fixed.values()) / total if total else 1.0,
        "missed": missed,
        "false_splits": false,
        "sample": drawn,
        "sample_checked": len(checked),
        "sample_wrong": sum(1 for v in checked if v != "ok"),
        "unchecked": [r for r in drawn if r not in verdicts],
    }


def evaluate_glue_other() -> dict:
    """``clean.unglue`` on text that has no glue to speak of (the giveme5w1h news-please
    texts, the article-extraction-benchmark bodies, the White House files): every space
    it puts is listed
    (to read: a false split unless the text really ran two words together)."""
    from extractors.clean import unglue

    out: list[str] = []
    n = 0
    g = dataset(TEXT_CORPUS)
    a = dataset(NAME, "ground-truth.json")
    texts: list[str] = []
    if g is not None:
        for f in sorted(g.glob("*/data/*.json")):
            texts.append(json.loads(f.read_text("utf-8")).get("text") or "")
    if a is not None:
        truth = json.loads((a / "ground-truth.json").read_text("utf-8"))
        texts += [v["articleBody"] for _, v in sorted(truth.items())]
    w = dataset("wh-briefings-nato-korea")
    if w is not None:
        texts += [
            f.read_text("utf-8", errors="replace")
            for f in sorted(w.rglob("*"))
            if f.is_file() and f.suffix in (".md", ".txt", ".json")
        ]
    for text in texts:
        n += 1
        for para in text.split("\n"):
            new = unglue(para)
            for at in inserted_spaces(para, new):
                out.append(para[max(0, at - 25) : at] + "|" + para[at : at + 15])
    return {"texts": n, "splits": out}


def glue_figures(res: dict) -> dict[str, float]:
    """The floors.json figures of ``evaluate_glue`` (``clean.glue_*``): recall over the
    sites, precision of the spaces put (sites repaired / all spaces put), and the share
    of the hand-checked sample found right."""
    put = res["repaired"] + len(res["false_splits"])
    checked = res["sample_checked"]
    return {
        "glue_recall": res["recall"],
        "glue_precision": res["repaired"] / put if put else 1.0,
        "glue_sample_ok": 1 - res["sample_wrong"] / checked if checked else 0.0,
    }


def round5_figures(workers: int = 2) -> dict[str, float]:
    """Round 5's floors.json figures: the blind set (``clean.text5_*``) and the
    run-together words (``clean.glue_*``); {} when a corpus is absent."""
    out: dict[str, float] = {}
    text = evaluate_text(workers, TEXT_LABELS_R5)
    if "skipped" not in text:
        out.update(text_figures(text, "text5"))
    glue = evaluate_glue()
    if "skipped" not in glue:
        out.update(glue_figures(glue))
    return out


def round6_figures(workers: int = 2) -> dict[str, float]:
    """Round 6's floors.json figures: the blind set (``clean.text6_*``); {} when the corpus
    is absent."""
    text = evaluate_text(workers, TEXT_LABELS_R6)
    return {} if "skipped" in text else text_figures(text, "text6")


GLUE_RULES = ("kicker_run", "glued_heading", "glued_sentence")
"""Round 7's rules that split or cut where a scrape glued two texts with no stop."""


def _bbc_fires(path: str) -> list[tuple[str, str]]:
    from extractors.clean import clean_text

    raw = Path(path).read_bytes().decode("utf-8", "replace")
    return [(k, t) for k, t in clean_text(raw, scraped=True).removed if k in GLUE_RULES]


def evaluate_false_splits(workers: int = 2) -> dict:
    """False splits of the round-7 glue rules (``GLUE_RULES``) on text without the problem:
    the 2,225 BBC News articles of bbc-news-summary, clean prose with a full stop after
    every sentence and no captions, read as news-please text (``clean_text(scraped=True)``).
    Every cut or split there is a false one; ``clean`` = 1 - articles with one."""
    d = dataset("bbc-news-summary", "News Articles")
    if d is None:
        return skipped("bbc-news-summary")
    paths = sorted(str(p) for p in (d / "News Articles").glob("*/*.txt"))
    if workers > 1:
        with get_context("fork").Pool(workers) as pool:
            fires = pool.map(_bbc_fires, paths, chunksize=16)
    else:
        fires = [_bbc_fires(p) for p in paths]
    names = [Path(p).parent.name + "/" + Path(p).name for p in paths]
    hit = {n: f for n, f in zip(names, fires, strict=True) if f}
    return {
        "articles": len(paths),
        "with_split": len(hit),
        "splits": sum(len(f) for f in hit.values()),
        "clean": 1 - len(hit) / max(1, len(paths)),
        "examples": hit,
    }


def round7_figures(workers: int = 2) -> dict[str, float]:
    """Round 7's floors.json figures: the blind set of news-please and White House texts
    (``clean.text7_*``); {} when a corpus is absent."""
    out: dict[str, float] = {}
    text = evaluate_text(workers, TEXT_LABELS_R7)
    if "skipped" not in text:
        out.update(text_figures(text, "text7"))
    splits = evaluate_false_splits(workers)
    if "skipped" not in splits:
        out["split_clean_bbc"] = splits["clean"]
    return out


def _print_glue(res: dict, other: dict) -> None:
    print(f"run-together words in {res['items']} KCNA items (story text + headline)")
    rows = [(k, res["found"][k], res["fixed"].get(k, 0)) for k in sorted(res["found"])]
    rows.append(("all", res["sites"], res["repaired"]))
    print(table(rows, ("kind", "sites", "repaired")))
    print(f"recall {res['recall']:.4f}; spaces put where no site is: {len(res['false_splits'])}")
    for line in res["missed"][:30]:
        print(f"  MISSED {line!r}")
    for line in res["false_splits"][:60]:
        print(f"  EXTRA  {line!r}")
    print(
        f"hand-checked sample of repairs: {res['sample_checked']} of {len(res['sample'])}"
        f" checked, {res['sample_wrong']} wrong"
    )
    for line in res["unchecked"]:
        print(f"  UNCHECKED {line!r}")
    print(", ".join(f"{k} {v:.4f}" for k, v in glue_figures(res).items()))
    print(f"other corpora ({other['texts']} texts): {len(other['splits'])} spaces put")
    for line in other["splits"]:
        print(f"  SPLIT  {line!r}")


# ---------------------------------------------------------------- evaluate


def page_ids(d: Path, limit: int | None = None) -> list[str]:
    truth = json.loads((d / "ground-truth.json").read_text("utf-8"))
    ids = sorted(truth)
    return ids[:limit] if limit else ids


def evaluate(
    limit: int | None = None,
    workers: int = 2,
    ids: list[str] | None = None,
    variant: str | None = None,
    split: str | None = None,
) -> dict:
    """Figures per system: f1, precision, recall, empty (pages with no prediction).

    ``limit`` takes the first N page ids in sorted order (a fixed subset);
    ``variant`` (see VARIANTS) changes the project's cleaner for this run only.
    """
    d = dataset(NAME, "ground-truth.json", "html")
    if d is None:
        return skipped(NAME)
    truth = json.loads((d / "ground-truth.json").read_text("utf-8"))
    ids = ids or split_ids(page_ids(d, limit), split)
    jobs = [
        (pid, str(d / "html" / f"{pid}.html.gz"), truth[pid]["url"], truth[pid]["articleBody"])
        for pid in ids
    ]
    t0 = time.perf_counter()
    with patched(variant):  # workers are forked inside, so they inherit the patch
        if workers > 1 and len(jobs) > 1:
            with get_context("fork").Pool(workers) as pool:
                results = pool.map(_run_page, jobs, chunksize=1)
        else:
            results = [_run_page(j) for j in jobs]
    elapsed = time.perf_counter() - t0
    out: dict = {"pages": len(jobs), "elapsed": elapsed, "variant": variant, "split": split}
    out["extra_sentences_per_page"] = sum(len(r["extra"]) for r in results) / max(1, len(results))
    out["extra"] = {r["id"]: r["extra"] for r in results}
    kept = sum(r["sentences"] for r in results)
    out["sentences_in_body"] = 1 - sum(len(r["extra"]) for r in results) / max(1, kept)
    for s in SYSTEMS:
        out[s] = aggregate([r["counts"][s] for r in results])
        out[s]["cpu_seconds"] = sum(r["seconds"][s] for r in results)
    out["project_errors"] = {r["id"]: r["error"] for r in results if r["error"]}
    out["per_page"] = {r["id"]: {s: r["counts"][s] for s in SYSTEMS} for r in results}
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--limit", type=int, default=None, help="first N pages (sorted ids)")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--split", choices=("dev", "test"), help="even (dev) or odd (test) ids")
    ap.add_argument(
        "--show-extra",
        action="store_true",
        help="print every sentence the project kept that the hand-checked body lacks",
    )
    ap.add_argument("--worst", type=int, default=0, help="list the N worst pages for the project")
    ap.add_argument(
        "--variant",
        action="append",
        default=[],
        help="also score the project's cleaner with a parameter experiment: "
        + "; ".join(f"{k} = {v}" for k, v in VARIANTS.items())
        + " (join with '+'; repeatable)",
    )
    ap.add_argument(
        "--speed",
        action="store_true",
        help="print pages/s of trafilatura.extract defaults, clean_html in one process and "
        "in a --workers process pool (same run, same pages) instead of the quality figures",
    )
    ap.add_argument("--rounds", type=int, default=2, help="--speed: best of N rounds")
    ap.add_argument(
        "--text",
        action="store_true",
        help="plain-text input instead: furniture kept and body sentences lost by clean_text "
        "on hand-labelled news-please articles (clean_text_labels.json), dev and test; "
        "--show-extra lists them",
    )
    ap.add_argument(
        "--glue",
        action="store_true",
        help="run-together words: clean.unglue on the KCNA archive (sites, repaired, false "
        "splits, hand-checked sample) and on text without glue",
    )
    args = ap.parse_args(argv)
    if args.glue:
        gr = evaluate_glue()
        if not report_skip(gr):
            _print_glue(gr, evaluate_glue_other())
        return 0
    if args.text:
        for path in (TEXT_LABELS, TEXT_LABELS_R5, TEXT_LABELS_R6, TEXT_LABELS_R7):
            tr = evaluate_text(args.workers, path)
            if not report_skip(tr):
                _print_text(tr, args.show_extra, path.name)
        fs = evaluate_false_splits(args.workers)
        if not report_skip(fs):
            print(
                f"glue rules ({', '.join(GLUE_RULES)}) on {fs['articles']} BBC articles "
                f"without glued text: {fs['splits']} false cuts or splits in "
                f"{fs['with_split']} articles (clean {fs['clean']:.4f})"
            )
            if args.show_extra:
                for name, f in fs["examples"].items():
                    for k, t in f:
                        print(f"  {name}  {k}: {t[:140]}")
        return 0
    if args.speed:
        sp = speed(args.limit, args.rounds, args.workers)
        if report_skip(sp):
            return 0
        print(
            f"cleaning throughput on {sp['pages']} article-extraction-benchmark pages "
            f"(best of {args.rounds} rounds; load average at the end {sp['load_average']:.2f})"
        )
        rows = [
            (
                k,
                f"{v:.1f}",
                f"{sp['wall_ratio'][k]:.2f}",
                f"{sp['cpu_pages_per_s'][k]:.1f}" if k in sp["cpu_pages_per_s"] else "-",
                f"{sp['cpu_ratio'][k]:.2f}" if k in sp["cpu_ratio"] else "-",
            )
            for k, v in sp["wall_pages_per_s"].items()
        ]
        print(table(rows, ("system", "pages/s wall", "x traf", "pages/CPU-s", "x traf")))
        return 0
    res = evaluate(args.limit, args.workers, split=args.split)
    if report_skip(res):
        return 0
    rows = [
        (
            s,
            res[s]["f1"],
            res[s]["precision"],
            res[s]["recall"],
            res[s]["empty"],
            f"{res[s]['cpu_seconds']:.1f}",
        )
        for s in SYSTEMS
    ]
    print(f"article-extraction-benchmark: {res['pages']} pages ({args.split or 'all'})")
    print(table(rows, ("system", "F1", "P", "R", "empty", "cpu s")))
    print(
        "project: sentences kept that the hand-checked body lacks, per page: "
        f"{res['extra_sentences_per_page']:.2f} "
        f"(share of kept sentences the body holds: {res['sentences_in_body']:.4f})"
    )
    if args.show_extra:
        for pid, sents in sorted(res["extra"].items()):
            for sent in sents:
                print(f"  {pid[:8]}  {sent[:160]}")
    if res["project_errors"]:
        print("project ExtractError (scored as empty):")
        for pid, err in sorted(res["project_errors"].items()):
            print(f"  {pid}: {err}")
    if args.worst:

        def page_f(c: tuple[float, float, float]) -> float:
            return f1(_precision(*c) if c[0] + c[1] else 0.0, _recall(*c))

        worst = sorted(res["per_page"].items(), key=lambda kv: page_f(kv[1]["project"]))
        print("worst pages (project F1 / defaults F1):")
        for pid, c in worst[: args.worst]:
            print(f"  {pid}  {page_f(c['project']):.3f}  {page_f(c['trafilatura_defaults']):.3f}")
    print(f"elapsed {res['elapsed']:.1f} s ({args.workers} workers)")
    if args.variant:
        rows = []
        for v in args.variant:
            vr = evaluate(args.limit, args.workers, variant=v, split=args.split)
            p = vr["project"]
            rows.append((v, p["f1"], p["precision"], p["recall"], p["empty"]))
        print("project cleaner, parameter experiments (extractors/ unchanged):")
        print(table(rows, ("variant", "F1", "P", "R", "empty")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
