"""Bag-of-words vectors (TF-IDF, cosine) for grouping stories and ranking sentences. Pure."""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence

STOPWORDS = frozenset(
    [
        "a",
        "about",
        "above",
        "after",
        "again",
        "against",
        "all",
        "also",
        "am",
        "an",
        "and",
        "any",
        "are",
        "as",
        "at",
        "be",
        "because",
        "been",
        "before",
        "being",
        "below",
        "between",
        "both",
        "but",
        "by",
        "can",
        "could",
        "did",
        "do",
        "does",
        "doing",
        "down",
        "during",
        "each",
        "few",
        "for",
        "from",
        "further",
        "had",
        "has",
        "have",
        "having",
        "he",
        "her",
        "here",
        "hers",
        "herself",
        "him",
        "himself",
        "his",
        "how",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "itself",
        "just",
        "me",
        "more",
        "most",
        "my",
        "myself",
        "no",
        "nor",
        "not",
        "now",
        "of",
        "off",
        "on",
        "once",
        "only",
        "or",
        "other",
        "our",
        "ours",
        "ourselves",
        "out",
        "over",
        "own",
        "same",
        "she",
        "should",
        "so",
        "some",
        "such",
        "than",
        "that",
        "the",
        "their",
        "theirs",
        "them",
        "themselves",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "through",
        "to",
        "too",
        "under",
        "until",
        "up",
        "very",
        "was",
        "we",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "who",
        "whom",
        "why",
        "will",
        "with",
        "would",
        "you",
        "your",
        "yours",
        "yourself",
        "yourselves",
        "said",
        "says",
        "say",
        "told",
        "according",
        "would",
        "could",
        "may",
        "might",
        "must",
        "shall",
        "one",
        "two",
        "three",
        "new",
        "also",
        "year",
        "years",
        "last",
        "first",
        "week",
        "time",
        "mr",
        "mrs",
        "ms",
        "s",
        "t",
        "re",
        "ve",
        "ll",
        "d",
        "m",
        "its",
        "it's",
        "per",
        "cent",
        "percent",
    ]
)

Vector = dict[str, float]


def stem(token: str) -> str:
    """A light suffix stripper: 'talks'/'talked'/'talking' -> 'talk'. Enough for overlap."""
    for suffix in ("ations", "ation", "ings", "ing", "ies", "ied", "ers", "er", "es", "ed", "s"):
        if token.endswith(suffix) and len(token) - len(suffix) >= 3:
            base = token[: -len(suffix)]
            return base + "y" if suffix in ("ies", "ied") else base
    return token


_stem = functools.lru_cache(maxsize=1 << 18)(stem)
_TOKEN = re.compile(r"[^\W_]+(?:[-'][^\W_]+)*")


def tokens(text: str) -> list[str]:
    return [
        _stem(w)
        for w in _TOKEN.findall(text.lower())
        if w not in STOPWORDS and not w.isdigit() and len(w) > 1
    ]


def idf(docs: Iterable[Sequence[str]]) -> dict[str, float]:
    df: Counter[str] = Counter()
    n = 0
    for d in docs:
        n += 1
        df.update(set(d))
    return {t: math.log((1 + n) / (1 + c)) + 1.0 for t, c in df.items()}


def tfidf(doc: Sequence[str], weights: dict[str, float]) -> Vector:
    tf = Counter(doc)
    vec = {t: (1 + math.log(c)) * weights.get(t, 1.0) for t, c in tf.items()}
    norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
    return {t: v / norm for t, v in vec.items()}


def cosine(a: Vector, b: Vector) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(t, 0.0) for t, v in a.items())


def overlap(a: Counter[str], b: Counter[str]) -> float:
    """TextRank's sentence similarity (Mihalcea and Tarau 2004, as sumy computes it): the
    words two sentences share, counted with repeats (the sum over shared words of the
    product of their counts), over ``log|a| + log|b|`` (lengths in tokens, repeats
    included). Symmetric; 0 when nothing is shared. Takes ``Counter(tokens(text))``."""
    if len(a) > len(b):
        a, b = b, a
    common = sum(c * b[t] for t, c in a.items() if t in b)
    if not common:
        return 0.0
    norm = math.log(a.total()) + math.log(b.total())
    return common / norm if norm > 1e-9 else float(common)
