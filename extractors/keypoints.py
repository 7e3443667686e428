"""Key points: the sentences of a story's articles that carry its news, ranked, non-redundant.

Every key point is a sentence of a source article, verbatim (at most trimmed of
a leading connective), with that article's ``source`` and the sentence's
position. Nothing is generated.

Ranking: a TextRank-style centrality over the sentences of all the story's
articles (a sentence many others repeat is central), times a prior for the
lead (news writing puts the news first), times a bonus for topic terms.
Selection: maximal marginal relevance, so two outlets saying the same thing
yield one key point, from the outlet that said it first in its article.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .models import Article, Entity, KeyPoint
from .text import join_quotes, split_sentences
from .vectors import Vector, cosine, idf, tfidf, tokens

MIN_WORDS, MAX_WORDS = 6, 90
REDUNDANT = 0.5


@dataclass(frozen=True)
class Candidate:
    text: str
    article: int
    paragraph: int
    sentence: int
    rank_in_article: int


def candidates(articles: Sequence[Article]) -> list[Candidate]:
    out = []
    for ai, art in enumerate(articles):
        k = 0
        for pi, para in enumerate(art.paragraphs):
            for si, sent in join_quotes(split_sentences(para)):
                n = len(sent.split())
                if MIN_WORDS <= n <= MAX_WORDS and not _fragment(sent):
                    out.append(Candidate(sent, ai, pi, si, k))
                k += 1
    return out


def _fragment(sentence: str) -> bool:
    """Questions, photo captions and lone quotes make poor key points."""
    return sentence.endswith("?") or bool(
        re.match(r"^[\"“'‘].*[\"”'’]$", sentence) and len(sentence.split()) < 12
    )


def rank(
    cands: Sequence[Candidate],
    *,
    topic_terms: Sequence[re.Pattern[str]] = (),
    damping: float = 0.85,
    iterations: int = 30,
) -> list[float]:
    """Centrality x lead prior x topic bonus, one score per candidate."""
    if not cands:
        return []
    toks = [tokens(c.text) for c in cands]
    weights = idf(toks)
    vecs: list[Vector] = [tfidf(t, weights) for t in toks]
    n = len(cands)
    sims = [[0.0] * n for _ in range(n)]
    for i in range(n):
        for j in range(i + 1, n):
            s = cosine(vecs[i], vecs[j])
            if s > 0.05:
                sims[i][j] = sims[j][i] = s
    out_sum = [sum(row) or 1.0 for row in sims]
    score = [1.0 / n] * n
    for _ in range(iterations):
        score = [
            (1 - damping) / n
            + damping * sum(sims[j][i] * score[j] / out_sum[j] for j in range(n) if sims[j][i])
            for i in range(n)
        ]
    top = max(score) or 1.0
    final = []
    for c, s in zip(cands, score, strict=True):
        lead = 1.0 + 0.6 / (1 + c.rank_in_article)
        bonus = 1.0 + 0.15 * min(sum(1 for p in topic_terms if p.search(c.text)), 3)
        final.append(s / top * lead * bonus)
    return final


def select(
    cands: Sequence[Candidate],
    scores: Sequence[float],
    limit: int,
    redundancy: float = REDUNDANT,
    trade_off: float = 0.6,
    names: Sequence[frozenset[str]] = (),
    novelty: float = 0.25,
) -> list[int]:
    """Maximal marginal relevance: at each step the candidate whose score, less its
    likeness to what is already chosen, is highest; near-repeats are never chosen.

    ``names`` (optional, one set per candidate): the people, organisations and places a
    sentence names; a sentence that brings in someone not yet covered gains ``novelty``,
    so the key points say who is involved, not only what the lead says.
    """
    sets = [set(tokens(c.text)) for c in cands]
    covered: set[str] = set()
    top = max(scores, default=1.0) or 1.0
    norm = [s / top for s in scores]
    chosen: list[int] = []
    overlap = [0.0] * len(cands)
    left = set(range(len(cands)))
    while left and len(chosen) < limit:
        fresh = [min(len(names[i] - covered), 2) / 2 if names else 0.0 for i in range(len(cands))]
        best = max(left, key=lambda i: (norm[i] - trade_off * overlap[i] + novelty * fresh[i], -i))
        left.discard(best)
        if overlap[best] >= redundancy:
            continue
        chosen.append(best)
        if names:
            covered |= names[best]
        for i in left:
            overlap[i] = max(overlap[i], containment(sets[i], sets[best]))
    return chosen


def containment(a: set[str], b: set[str]) -> float:
    """Share of the smaller sentence's content words that the other one also has."""
    return len(a & b) / (min(len(a), len(b)) or 1)


def key_points(
    articles: Sequence[Article],
    limit: int = 8,
    topic_terms: Sequence[re.Pattern[str]] = (),
    entities: Sequence[Entity] = (),
) -> tuple[KeyPoint, ...]:
    cands = candidates(articles)
    scores = rank(cands, topic_terms=topic_terms)
    names = [mentioned(c.text, entities) for c in cands] if entities else []
    out = []
    for i in select(cands, scores, limit, names=names):
        c = cands[i]
        art = articles[c.article]
        out.append(
            KeyPoint(
                text=c.text,
                source=art.source,
                url=art.url,
                outlet=art.outlet,
                paragraph=c.paragraph,
                sentence=c.sentence,
                score=round(scores[i], 4),
            )
        )
    return tuple(out)


def mentioned(sentence: str, entities: Sequence[Entity]) -> frozenset[str]:
    """The entities (people and organisations; not the countries every sentence names)
    that a sentence mentions by name or alias."""
    low = sentence.lower()
    return frozenset(
        e.name
        for e in entities
        if e.kind in ("person", "organisation")
        and any(
            re.search(rf"(?<!\w){re.escape(n.lower())}(?!\w)", low) for n in (e.name, *e.aliases)
        )
    )


def summarise(paragraphs: Sequence[str], n: int) -> list[str]:
    """The ``n`` best sentences of one text, in text order (for the summarisation benchmark)."""
    art = Article(source="-", title="", text="\n".join(paragraphs))
    cands = candidates([art])
    chosen = select(cands, rank(cands), n)
    return [cands[i].text for i in sorted(chosen)]
