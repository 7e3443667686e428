"""Key-sentence selection on bbc-news-summary, politics 001-300 (ROUGE-1/ROUGE-2 F1).

    .venv/bin/python benchmarks/keypoints_eval.py [--limit N] [--experiments] [--cost]

For each article: line 1 (the headline) is left out of the candidates; the other
non-empty lines are the paragraphs. Systems pick sentences at two lengths:
n = 3 and n = the reference's sentence count (the article sentences, split with
``extractors.text.split_sentences``, whose text occurs in the reference summary
string; the summaries are glued without spaces, so they are matched, not split).

  project      extractors.keypoints.summarise(paragraphs, n)
  lead         the first n sentences
  textrank     sumy 0.13.0 TextRankSummarizer (English Snowball stemmer, sumy's
               English stop words) over the same regex-split sentences (NLTK punkt
               data cannot be downloaded here); skipped when sumy is not installed

ROUGE: ``rouge_score.rouge_scorer.RougeScorer(["rouge1", "rouge2"], use_stemmer=True)``,
F-measure of the system sentences (joined with spaces) against the summary, averaged.

``--experiments`` also scores variants of the same ranker: ``keypoints.rank`` and
``keypoints.select`` called with other settings (this script only; extractors/ is
unchanged). The first row repeats the project's figures as a check.

``--cost`` (issue 14): one big story, the 9 longest White House press briefings as one
story, ranked by ``keypoints.rank`` (linear: sparse products against the implicit graph,
at most ``keypoints.CAP`` sentences per article) and by the previous all-pairs TextRank
(``allpairs_rank`` below, kept here only as the reference): candidates, pairs compared,
seconds and peak traced memory of each, and how many of the top 5 agree.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import dataset, report_skip, skipped, table

from extractors import keypoints
from extractors.text import split_sentences

NAME = "bbc-news-summary"
FIRST, LAST = 1, 300
REFERENCE = {  # README of the dataset: politics 001-300, rouge-score 0.1.2, stemming on
    "lead@3": (0.403, 0.314),
    "textrank@3": (0.565, 0.521),
    "lead@ref": (0.641, 0.493),
    "textrank@ref": (0.797, 0.721),
}


# ---------------------------------------------------------------- data


def load(limit: int | None = None) -> list[dict] | None:
    d = dataset(NAME, "News Articles/politics", "Summaries/politics")
    if d is None:
        return None
    last = FIRST + limit - 1 if limit else LAST
    docs = []
    for k in range(FIRST, min(last, LAST) + 1):
        art = (d / "News Articles" / "politics" / f"{k:03d}.txt").read_text("utf-8")
        summ = (d / "Summaries" / "politics" / f"{k:03d}.txt").read_text("utf-8")
        lines = [ln.strip() for ln in art.split("\n")]
        paras = [ln for ln in lines[1:] if ln]
        sents = [s for p in paras for s in split_sentences(p)]
        norm_summary = _squash(summ)
        ref_n = sum(1 for s in sents if _squash(s) in norm_summary)
        docs.append(
            {
                "id": f"politics/{k:03d}",
                "headline": lines[0],
                "paragraphs": paras,
                "sentences": sents,
                "summary": summ.strip(),
                "ref_n": max(ref_n, 1),
            }
        )
    return docs


def _squash(s: str) -> str:
    return re.sub(r"\s+", "", s)


# ---------------------------------------------------------------- systems

System = Callable[[dict, int], list[str]]


def project(doc: dict, n: int) -> list[str]:
    return keypoints.summarise(doc["paragraphs"], n)


def lead(doc: dict, n: int) -> list[str]:
    return doc["sentences"][:n]


def textrank_system() -> System | None:
    try:
        from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence
        from sumy.nlp.stemmers import Stemmer
        from sumy.summarizers.text_rank import TextRankSummarizer
        from sumy.utils import get_stop_words
    except ImportError:
        return None

    class RegexTokenizer:
        language = "english"

        @staticmethod
        def to_sentences(paragraph: str) -> tuple[str, ...]:
            return tuple(split_sentences(paragraph))

        @staticmethod
        def to_words(sentence: str) -> tuple[str, ...]:
            return tuple(re.findall(r"\w+(?:['’]\w+)*", sentence))

    tok = RegexTokenizer()
    summarizer = TextRankSummarizer(Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")

    def run(doc: dict, n: int) -> list[str]:
        dom = ObjectDocumentModel(
            [Paragraph([Sentence(s, tok) for s in split_sentences(p)]) for p in doc["paragraphs"]]
        )
        return [str(s) for s in summarizer(dom, n)]

    return run


# ---------------------------------------------------------------- ranking experiments
# Variants of the project's ranker: the same keypoints.candidates / rank / select,
# called with other settings (a keypoints.Ranking, select's bars and trade-off, which
# sentences are eligible or in the graph). Each takes the paragraphs and n.


def _variant(
    *,
    ranking: keypoints.Ranking = keypoints.RANKING,
    redundancy: float = keypoints.REDUNDANT,
    trade_off: float = 0.0,
    eligible: Callable[[str], bool] = keypoints.eligible,
    graph: str = "all",
) -> Callable[[Sequence[str], int], list[str]]:
    """``graph``: "all" (every sentence is ranked, as the project does) or "eligible"
    (ineligible sentences are dropped before ranking, as the previous ranker did)."""
    from dataclasses import replace

    from extractors.models import Article

    def run(paragraphs: Sequence[str], n: int) -> list[str]:
        art = Article(source="-", title="", text="\n".join(paragraphs))
        cands = [replace(c, eligible=eligible(c.text)) for c in keypoints.candidates([art])]
        if graph == "eligible":
            cands = [c for c in cands if c.eligible]
        scores = keypoints.rank(cands, settings=ranking)
        chosen = keypoints.select(cands, scores, n, redundancy=redundancy, trade_off=trade_off)
        return [cands[i].text for i in sorted(chosen)]

    return run


def _words_ok(sentence: str) -> bool:
    return keypoints.MIN_WORDS <= len(sentence.split()) <= keypoints.MAX_WORDS


def experiments() -> dict[str, Callable[[Sequence[str], int], list[str]]]:
    R = keypoints.Ranking
    top_n = 1.01  # a containment bar never reached: plain top-n
    return {
        "project settings (check: equals project)": _variant(),
        "previous ranker (TF-IDF cosine, lead 0.6, no length, MMR t 0.6 r 0.5)": _variant(
            ranking=R(similarity="tfidf", lead=0.6, length=0.0),
            redundancy=0.5,
            trade_off=0.6,
            graph="eligible",
        ),
        "TF-IDF cosine similarity instead of overlap": _variant(ranking=R(similarity="tfidf")),
        "no length factor": _variant(ranking=R(length=0.0)),
        "length^0.05": _variant(ranking=R(length=0.05)),
        "length^0.15": _variant(ranking=R(length=0.15)),
        "lead prior 0.05": _variant(ranking=R(lead=0.05)),
        "lead prior 0.1": _variant(ranking=R(lead=0.1)),
        "lead prior 0.2": _variant(ranking=R(lead=0.2)),
        "lead prior 0.6 (previous)": _variant(ranking=R(lead=0.6)),
        "only eligible sentences ranked (graph without questions/short/lone quotes)": _variant(
            graph="eligible"
        ),
        "questions and lone quotes eligible": _variant(eligible=_words_ok),
        "questions eligible (lone quotes not)": _variant(
            eligible=lambda s: _words_ok(s) and not keypoints.lone_quote(s)
        ),
        "questions/lone quotes eligible, ranked graph as in the recipe, top-n": _variant(
            eligible=_words_ok, graph="eligible", redundancy=top_n
        ),
        "no repeat bar (top-n)": _variant(redundancy=top_n),
        "within-article repeat bar 0.9": _variant(redundancy=0.9),
        "within-article repeat bar 0.6": _variant(redundancy=0.6),
        "within-article repeat bar 0.5": _variant(redundancy=0.5),
        "within-article repeat bar 0.4 (= the across-outlet bar)": _variant(redundancy=0.4),
        "MMR trade-off 0.3": _variant(trade_off=0.3),
        "MMR trade-off 0.6": _variant(trade_off=0.6),
    }


# ---------------------------------------------------------------- evaluate


def _scorer():
    from rouge_score import rouge_scorer

    return rouge_scorer.RougeScorer(["rouge1", "rouge2"], use_stemmer=True)


def score_system(docs: list[dict], fn: System, scorer, n_mode: str) -> dict:
    r1, r2, counts = [], [], []
    for doc in docs:
        n = 3 if n_mode == "3" else doc["ref_n"]
        picked = fn(doc, n)
        counts.append(len(picked))
        s = scorer.score(doc["summary"], " ".join(picked))
        r1.append(s["rouge1"].fmeasure)
        r2.append(s["rouge2"].fmeasure)
    return {
        "rouge1": statistics.mean(r1),
        "rouge2": statistics.mean(r2),
        "sentences": statistics.mean(counts),
    }


def evaluate(limit: int | None = None, run_experiments: bool = False) -> dict:
    docs = load(limit)
    if docs is None:
        return skipped(NAME)
    t0 = time.perf_counter()
    scorer = _scorer()
    systems: dict[str, System] = {"project": project, "lead": lead}
    tr = textrank_system()
    if tr is not None:
        systems["textrank"] = tr
    res: dict = {"articles": len(docs), "ref_n_median": statistics.median(d["ref_n"] for d in docs)}
    res["coverage"] = _coverage(docs)
    for name, fn in systems.items():
        for mode in ("3", "ref"):
            res[f"{name}@{mode}"] = score_system(docs, fn, scorer, mode)
    if run_experiments:
        exp = {}
        for name, vf in experiments().items():

            def fn(doc: dict, n: int, vf=vf) -> list[str]:
                return vf(doc["paragraphs"], n)

            exp[name] = {m: score_system(docs, fn, scorer, m) for m in ("3", "ref")}
        res["experiments"] = exp
    res["elapsed"] = time.perf_counter() - t0
    return res


def _coverage(docs: list[dict]) -> float:
    """Share of summary characters covered by the matched article sentences."""
    tot = cov = 0
    for d in docs:
        s = _squash(d["summary"])
        tot += len(s)
        cov += sum(len(_squash(x)) for x in d["sentences"] if _squash(x) in s)
    return cov / tot if tot else 0.0


# ---------------------------------------------------------------- cost on a big story


def allpairs_rank(cands: Sequence[keypoints.Candidate]) -> list[float]:
    """The previous ranker (before issue 14): TextRank with ``vectors.overlap`` over every
    pair of sentences, the graph held as adjacency lists. Reference only."""
    from collections import Counter

    from extractors.vectors import overlap, tokens

    n = len(cands)
    counts = [Counter(tokens(c.text)) for c in cands]
    links: list[list[tuple[int, float]]] = [[] for _ in range(n)]
    for i in range(n):
        if not counts[i]:
            continue
        for j in range(i + 1, n):
            if counts[j]:
                s = overlap(counts[i], counts[j])
                if s > 0.0:
                    links[i].append((j, s))
                    links[j].append((i, s))
    out_sum = [sum(s for _, s in row) or 1.0 for row in links]
    share = [[(j, s / out_sum[j]) for j, s in row] for row in links]
    score = [1.0 / n] * n
    for _ in range(30):
        score = [0.15 / n + 0.85 * sum(w * score[j] for j, w in row) for row in share]
    length = [max(len(c), 1) ** 0.1 for c in counts]
    return [s * k for s, k in zip(score, length, strict=True)]


def big_story(k: int = 9) -> list | None:
    """The ``k`` longest White House press briefings, read as ``briefing analyze`` reads
    Markdown files, as one story's articles."""
    from extractors.files import parse_markdown
    from fetch.sources import to_article

    d = dataset("wh-briefings-nato-korea", "docs/press-briefings")
    if d is None:
        return None
    files = sorted((d / "docs" / "press-briefings").rglob("*.md"), key=lambda f: -f.stat().st_size)
    return [
        to_article(parse_markdown(f.read_text("utf-8"), str(f)), f.name, "bench", "file")
        for f in files[:k]
    ]


def cost() -> dict:
    import tracemalloc

    arts = big_story()
    if arts is None:
        return skipped("wh-briefings-nato-korea")
    cands = keypoints.candidates(arts)
    res: dict = {
        "articles": len(arts),
        "words": sum(len(a.text.split()) for a in arts),
        "candidates": len(cands),
        "ranked": sum(keypoints.capped(cands)),
    }
    tops = {}
    for name, fn in (("linear", keypoints.rank), ("all-pairs", allpairs_rank)):
        tracemalloc.start()
        t0 = time.process_time()
        scores = fn(cands)
        res[name] = {
            "cpu_s": time.process_time() - t0,
            "peak_mb": tracemalloc.get_traced_memory()[1] / 2**20,
        }
        tracemalloc.stop()
        ok = [i for i, c in enumerate(cands) if c.eligible]
        tops[name] = set(sorted(ok, key=lambda i: -scores[i])[:5])
    res["linear"]["pairs"] = 0
    res["all-pairs"]["pairs"] = len(cands) * (len(cands) - 1) // 2
    res["top5_shared"] = len(tops["linear"] & tops["all-pairs"])
    return res


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--limit", type=int, default=None, help="politics 001..N instead of 001..300")
    ap.add_argument("--experiments", action="store_true", help="also score ranking variants")
    ap.add_argument("--cost", action="store_true", help="cost of ranking one big story")
    args = ap.parse_args(argv)
    if args.cost:
        c = cost()
        if report_skip(c):
            return 0
        print(
            f"big story: {c['articles']} press briefings, {c['words']:,} words, "
            f"{c['candidates']} sentences, {c['ranked']} ranked (cap {keypoints.CAP}/article)"
        )
        rows = [(k, c[k]["pairs"], c[k]["cpu_s"], c[k]["peak_mb"]) for k in ("all-pairs", "linear")]
        print(table(rows, ("ranker", "pairs compared", "CPU s", "peak MB")))
        print(f"top-5 key-point candidates shared: {c['top5_shared']} of 5")
        return 0
    res = evaluate(args.limit, args.experiments)
    if report_skip(res):
        return 0
    print(
        f"bbc-news-summary politics: {res['articles']} articles; reference length median "
        f"{res['ref_n_median']} sentences; matched sentences cover {res['coverage']:.1%} of "
        "summary characters"
    )
    rows = []
    for key in [k for k in res if "@" in k]:
        ref = REFERENCE.get(key)
        rows.append(
            (
                key,
                res[key]["rouge1"],
                res[key]["rouge2"],
                f"{res[key]['sentences']:.2f}",
                f"{ref[0]:.3f}/{ref[1]:.3f}" if ref else "-",
            )
        )
    print(table(rows, ("system@n", "R-1 F", "R-2 F", "avg sents", "README R-1/R-2")))
    if "experiments" in res:
        rows = [
            (name, *(f"{e[m][r]:.4f}" for m in ("3", "ref") for r in ("rouge1", "rouge2")))
            for name, e in res["experiments"].items()
        ]
        print("ranking variants (same rank/select, other settings; 4 decimals):")
        print(table(rows, ("variant", "R-1@3", "R-2@3", "R-1@ref", "R-2@ref")))
    print(f"elapsed {res['elapsed']:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
