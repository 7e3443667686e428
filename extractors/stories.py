"""Stories: articles about the same event, from one or more outlets.

Average-linkage agglomerative clustering over a pair score that combines text
similarity with event signals:

- text: TF-IDF cosine of each article's title (counted three times) and its first
  200 words (``story_text``);
- names: the proper names (capitalised words not opening a sentence) that both
  articles' title and lead share and that few articles of the batch carry (a name
  every article carries, the topic's "NATO", tells nothing about the event);
- dates: the calendar dates ("Nov. 18", "18 November") both articles mention;
- time: how many days apart they were published.

Articles published more than ``FAR_DAYS`` apart are one story only on the event's own
signals: a shared date, or a shared rare name with clearly similar text
(``FAR_TEXT``); otherwise their similarity counts half (``FAR_FACTOR``), so a theme
that comes back days later ("shells", "cooperation") is a new story. Every shared rare
name adds ``NAME_BONUS``. The figures were chosen on the dev half of giveme5w1h
news_cluster's events (even event ids; the odd ones, test, were only measured):
benchmarks/stories_eval.py. ``explain`` says for a story which signals joined it. Pure.
"""

from __future__ import annotations

import hashlib
import heapq
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from .dates import MONTHS
from .models import Article
from .vectors import STOPWORDS, Vector, cosine, idf, tfidf, tokens

THRESHOLD = 0.14
LEAD_WORDS = 200
FAR_DAYS = 3
"""Articles published more than this many days apart need shared event signals."""
FAR_NAMES = 1
"""... at least this many shared rare names (people, places, organisations) ...
"""
FAR_TEXT = 0.2
"""... together with a text similarity of at least this; or one shared calendar date."""
FAR_FACTOR = 0.5
"""Without them their text similarity counts only this much (0.5: a far pair joins only
when its text is twice as alike as the threshold asks)."""
NAME_BONUS = 0.04
"""Added to the pair score per shared rare name (at most ``MAX_BONUS_NAMES``)."""
MAX_BONUS_NAMES = 3
BONUS_FROM = 1
"""The bonus starts at this many shared rare names."""
RARE_BATCH = 8
"""Below this many articles, rarity cannot be judged: no name is rare (no bonus)."""
RARE_SHARE = 0.15
"""A name carried by more than this share of the batch's articles (and more than two) is
not rare: it names the batch's theme ("Seoul" in a Korea digest), not one event."""


def story_text(article: Article) -> str:
    """What two articles are compared on: the title (three times: it names the event) and
    the first 200 words of the body (where news writing puts who, what, where, when)."""
    lead = " ".join(article.text.split()[:LEAD_WORDS])
    return f"{article.title}. {article.title}. {article.title}. {lead}"


def vectors(articles: Sequence[Article]) -> list[Vector]:
    toks = [tokens(story_text(a)) for a in articles]
    weights = idf(toks)
    return [tfidf(t, weights) for t in toks]


# ---------------------------------------------------------------- event signals

_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_MONTHS = MONTHS  # one table of month names (extractors.dates)
_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))
_DATE = re.compile(
    rf"\b(?:(?P<m1>{_MONTH_RE})\.?\s+(?P<d1>\d{{1,2}})(?!\d)|(?P<d2>\d{{1,2}})\s+(?P<m2>{_MONTH_RE})\b)",
    re.I,
)
_NOT_NAMES = (
    STOPWORDS
    | {m for m in _MONTHS}
    | {
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "photo",
        "photos",
        "image",
        "video",
        "read",
        "click",
    }
)


def names(article: Article) -> frozenset[str]:
    """Proper names of the title and lead: capitalised words (lower-cased) that do not open
    a sentence; no stop word, month, weekday, or the name of a wire agency or of page
    furniture ("Reuters", "Getty", "Newsletter"). Words, not spans: "Equifax Inc." and
    "Equifax" share their name (spans scored lower on the dev events)."""
    text = f"{article.title}. " + " ".join(article.text.split()[:LEAD_WORDS])
    out = set()
    for sent in re.split(r"(?<=[.!?:;])\s+|\n", text):
        for k, m in enumerate(_WORD.finditer(sent)):
            w = m.group(0).strip("'’-")
            if k == 0 or len(w) < 3 or not w[0].isupper():
                continue
            low = w.lower().removesuffix("'s").removesuffix("’s")
            # Rule (contractions): "I'm", "We’ll", "Don't" open a spoken clause; no name.
            if low not in _NOT_NAMES and "'" not in low and "’" not in low:
                out.add(low)
    return frozenset(out)


def dates(article: Article) -> frozenset[tuple[int, int]]:
    """(month, day) of the calendar dates the title and lead mention."""
    text = f"{article.title}. " + " ".join(article.text.split()[:LEAD_WORDS])
    out = set()
    for m in _DATE.finditer(text):
        month = _MONTHS[(m.group("m1") or m.group("m2")).lower().rstrip(".")]
        day = int(m.group("d1") or m.group("d2"))
        if 1 <= day <= 31:
            out.add((month, day))
    return frozenset(out)


@dataclass(frozen=True)
class Signals:
    """What the pair score is made of, for every article of a batch."""

    vecs: list[Vector]
    names: list[frozenset[str]]
    dates: list[frozenset[tuple[int, int]]]
    days: list[float | None]
    rare: frozenset[str]
    rarest: frozenset[str]
    """Names that add the bonus (the rare ones)."""

    @classmethod
    def of(cls, articles: Sequence[Article]) -> Signals:
        ns = [names(a) for a in articles]
        df: Counter[str] = Counter(n for s in ns for n in s)
        # with fewer than RARE_BATCH articles no name can be told rare from common
        cap = max(2, math.floor(RARE_SHARE * len(articles))) if len(articles) >= RARE_BATCH else 1
        rare = frozenset(n for n, c in df.items() if c <= cap)
        rarest = rare
        days = [a.published.timestamp() / 86400 if a.published else None for a in articles]
        return cls(vectors(articles), ns, [dates(a) for a in articles], days, rare, rarest)

    def pair(self, i: int, j: int) -> dict[str, Any]:
        """The signals of one pair and its score (0 when it may not join)."""
        text = cosine(self.vecs[i], self.vecs[j])
        shared = sorted((self.names[i] & self.names[j]) & self.rare)
        same_dates = sorted(self.dates[i] & self.dates[j])
        di, dj = self.days[i], self.days[j]
        apart = abs(di - dj) if di is not None and dj is not None else None
        # Rule (undated): an article without a publication time (a local note, a file)
        # joins another only on the event's own signals, as if it were days apart.
        far = apart is None or apart > FAR_DAYS
        allowed = not far or self.event_link(len(shared), bool(same_dates), text)
        bonus = self.bonus(len(set(shared) & self.rarest))
        score = text + bonus if allowed else FAR_FACTOR * text
        return {
            "text": round(text, 3),
            "names": shared,
            "dates": [f"{m:02d}-{d:02d}" for m, d in same_dates],
            "days_apart": round(apart, 1) if apart is not None else None,
            "score": round(score, 3),
            "far": far,
            "event_link": allowed,
        }

    @staticmethod
    def event_link(shared: int, same_date: bool, text: float) -> bool:
        """May two articles published days apart be one story? Only on the event's own
        signals: its names, one of its dates, or a name with very similar text."""
        return same_date or (shared >= FAR_NAMES and text >= FAR_TEXT)

    def score(self, i: int, j: int) -> float:
        text = cosine(self.vecs[i], self.vecs[j])
        if text <= 0:
            return 0.0
        di, dj = self.days[i], self.days[j]
        common = self.names[i] & self.names[j]
        shared = len(common & self.rare)
        far = di is None or dj is None or abs(di - dj) > FAR_DAYS  # Rule (undated), above
        if far and not self.event_link(shared, bool(self.dates[i] & self.dates[j]), text):
            return FAR_FACTOR * text
        return text + self.bonus(len(common & self.rarest))

    @staticmethod
    def bonus(shared: int) -> float:
        """NAME_BONUS per shared rare name after the first (one shared name is chance)."""
        return NAME_BONUS * min(max(shared - BONUS_FROM + 1, 0), MAX_BONUS_NAMES)


# ---------------------------------------------------------------- clustering


def group(
    articles: Sequence[Article], threshold: float = THRESHOLD, sig: Signals | None = None
) -> list[list[int]]:
    """Indices of ``articles`` grouped into stories; biggest story first, then input order.
    ``sig``: the batch's signals when the caller already has them (``Signals.of``)."""
    n = len(articles)
    if n == 0:
        return []
    sig = sig or Signals.of(articles)
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    sums: dict[int, dict[int, float]] = {i: {} for i in range(n)}
    heap: list[tuple[float, int, int]] = []
    for i in range(n):
        for j in range(i + 1, n):
            s = sig.score(i, j)
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


def explain(
    articles: Sequence[Article], idx: Sequence[int], sig: Signals | None = None
) -> dict[str, Any]:
    """Why the articles ``idx`` are one story (JSON-ready): the method, and for each article
    after the first its strongest link inside the story with that link's signals. Pass the
    batch's ``sig`` (the one ``group`` used) so the signals shown are the ones that joined
    them (which names count as rare depends on the whole batch)."""
    out: dict[str, Any] = {
        "method": "average-linkage",
        "threshold": THRESHOLD,
        "far_days": FAR_DAYS,
        "articles": len(idx),
    }
    if len(idx) < 2:
        out["links"] = []
        return out
    if sig is None:
        sig, pos = Signals.of([articles[i] for i in idx]), list(range(len(idx)))
    else:
        pos = list(idx)
    links = []
    shared_names: Counter[str] = Counter()
    for k in range(1, len(idx)):
        best = max(range(len(idx)), key=lambda m: -1.0 if m == k else sig.score(pos[k], pos[m]))
        p = sig.pair(pos[k], pos[best])
        shared_names.update(p["names"])
        links.append({"source": articles[idx[k]].source, "to": articles[idx[best]].source, **p})
    out["links"] = links
    out["names"] = [n for n, _ in shared_names.most_common(8)]
    out["dates"] = sorted({d for link in links for d in link["dates"]})
    return out


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
