"""Stories: articles about the same event, from one or more outlets.

Average-linkage agglomerative clustering over TF-IDF vectors of each article's
title (counted three times) and its first 200 words. Two groups join when, on average,
their articles look alike at or above ``THRESHOLD``; both were chosen by measurement
(benchmarks/stories_eval.py on giveme5w1h news_cluster: B-cubed F1 0.928 at 0.14, and
at least 0.90 for every threshold from 0.12 to 0.18). Pure.
"""

from __future__ import annotations

import hashlib
import heapq
from collections.abc import Sequence

from .models import Article
from .vectors import Vector, cosine, idf, tfidf, tokens

THRESHOLD = 0.14
LEAD_WORDS = 200


def story_text(article: Article) -> str:
    """What two articles are compared on: the title (three times: it names the event) and
    the first 200 words of the body (where news writing puts who, what, where, when)."""
    lead = " ".join(article.text.split()[:LEAD_WORDS])
    return f"{article.title}. {article.title}. {article.title}. {lead}"


def vectors(articles: Sequence[Article]) -> list[Vector]:
    toks = [tokens(story_text(a)) for a in articles]
    weights = idf(toks)
    return [tfidf(t, weights) for t in toks]


def group(articles: Sequence[Article], threshold: float = THRESHOLD) -> list[list[int]]:
    """Indices of ``articles`` grouped into stories; biggest story first, then input order."""
    n = len(articles)
    if n == 0:
        return []
    vecs = vectors(articles)
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    sums: dict[int, dict[int, float]] = {i: {} for i in range(n)}
    heap: list[tuple[float, int, int]] = []
    for i in range(n):
        for j in range(i + 1, n):
            s = cosine(vecs[i], vecs[j])
            if s > 0:
                sums[i][j] = sums[j][i] = s
                if s >= threshold:
                    heap.append((-s, i, j))
    heapq.heapify(heap)
    while heap:
        neg, a, b = heapq.heappop(heap)
        if a not in members or b not in members:
            continue
        avg = sums[a].get(b, 0.0) / (len(members[a]) * len(members[b]))
        if abs(avg + neg) > 1e-12:
            continue  # stale entry: the pair's average changed after a merge
        # merge b into a
        members[a].extend(members.pop(b))
        row_b = sums.pop(b)
        for c, s in row_b.items():
            if c == a or c not in members:
                continue
            sums[a][c] = sums[a].get(c, 0.0) + s
            sums[c][a] = sums[a][c]
            sums[c].pop(b, None)
        sums[a].pop(b, None)
        for c, total in sums[a].items():
            if c in members:
                new = total / (len(members[a]) * len(members[c]))
                if new >= threshold:
                    heapq.heappush(heap, (-new, min(a, c), max(a, c)))
    groups = [sorted(m) for m in members.values()]
    return sorted(groups, key=lambda g: (-len(g), g[0]))


def representative(articles: Sequence[Article], idx: Sequence[int]) -> int:
    """The article closest to its story's centre (its title names the story)."""
    if len(idx) == 1:
        return idx[0]
    vecs = vectors([articles[i] for i in idx])
    best = max(range(len(idx)), key=lambda k: sum(cosine(vecs[k], v) for v in vecs))
    return idx[best]


def story_id(articles: Sequence[Article]) -> str:
    keys = sorted(a.fingerprint for a in articles)
    return hashlib.sha256("|".join(keys).encode()).hexdigest()[:12]
