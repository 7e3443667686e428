"""One story across languages: language-neutral keys of the event an article reports.

A Korean and an English report of one event share few words but the same people, places
and dates. ``event_keys(article, topic, tz)`` reads them with the reader of the article's
language (``korean`` for Korean; ``entities`` and ``dates`` for English) and writes each
in a form both languages reach:

- people: the topic's canonical name when the topic knows the person (``조태열`` and
  ``Cho Tae-yul`` -> ``cho tae-yul``); else a spelling-blind key of the romanized name
  (``강지훈`` -> "Kang Ji-hun" and English "Kang Ji-hoon" both -> ``~gng-jhn``): consonant
  skeletons per word, voiced and voiceless pairs merged (k/g, t/d, p/b, ch/j, r/l), vowels
  dropped, words sorted (surname first or last);
- places, organisations and countries: the canonical English names both readers give
  (``브뤼셀`` -> Brussels);
- dates: each resolved single day (``3일(현지시간)`` and "on Tuesday" -> 2026-11-03).

``same_event(a, b)`` decides from what two key sets share (``RULE``), and
``link(articles, topic, tz)`` returns the pairs of articles in different languages that
report one event, for story grouping to join (``merge_groups``). Pure.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

from .models import Article, Entity, Event
from .text import fold
from .topic import Topic


@dataclass(frozen=True)
class EventKeys:
    language: str
    people: frozenset[str] = frozenset()
    places: frozenset[str] = frozenset()
    organisations: frozenset[str] = frozenset()
    countries: frozenset[str] = frozenset()
    dates: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Pairing:
    same: bool
    people: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    organisations: tuple[str, ...] = ()
    dates: tuple[str, ...] = ()
    score: float | None = None
    """The weighted similarity, when the pair was judged within a batch (``link``)."""

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready, for ``Story.grouping``."""
        return {
            "signal": "cross-language",
            "people": list(self.people),
            "places": list(self.places),
            "organisations": list(self.organisations),
            "dates": list(self.dates),
            "score": self.score,
        }


RULE = (
    "same when they share a person and a place or a day, or two people, or a place and a "
    "day; but two reports that both name days and share none need two people and a place"
)
"""When two reports are one event (set on benchmarks/korean_eval.py's dev pairs)."""

_GENERIC_ORGS = frozenset(("nato",))
"""Organisations every article of this field names: never evidence of one event alone."""


def _skeleton(word: str) -> str:
    w = fold(word)
    w = re.sub(r"[^a-z]", "", w)
    for a, b in (("ch", "j"), ("sh", "s"), ("ph", "b"), ("k", "g"), ("t", "d"), ("p", "b")):
        w = w.replace(a, b)
    w = w.replace("r", "l").replace("c", "g").replace("q", "g")
    w = re.sub(r"[aeiouyw]", "", w)
    return re.sub(r"(.)\1+", r"\1", w)


def name_key(name: str) -> str:
    """The spelling-blind key of a name written in Latin letters (see the module doc)."""
    # a hyphenated Korean given name is one word: "Ji-hun" ~ "Jihoon"
    parts = sorted(p for w in name.split() if (p := _skeleton(w)))
    return "~" + "-".join(parts) if parts else ""


def person_key(entity: Entity, topic: Topic | None) -> str | None:
    known = {fold(p.name) for p in topic.people} if topic else set()
    if fold(entity.name) in known:
        return fold(entity.name)
    from .korean import romanize_name, split_korean_name

    if split_korean_name(entity.name):
        romanized = romanize_name(entity.name)
        return name_key(romanized[-1]) if romanized else None
    if re.search(r"[\uac00-\ud7a3]", entity.name):
        romanized = romanize_name(entity.name)
        return name_key(romanized[0]) if romanized else None
    return name_key(entity.name)


def keys_from(
    language: str, entities: Sequence[Entity], events: Sequence[Event], topic: Topic | None
) -> EventKeys:
    people = {k for e in entities if e.kind == "person" and (k := person_key(e, topic))}
    days = {e.date for e in events if e.date and "/" not in e.date}
    return EventKeys(
        language=language,
        people=frozenset(people),
        places=frozenset(fold(e.name) for e in entities if e.kind == "place"),
        organisations=frozenset(fold(e.name) for e in entities if e.kind == "organisation"),
        countries=frozenset(fold(e.name) for e in entities if e.kind == "country"),
        dates=frozenset(days),
    )


def event_keys(article: Article, topic: Topic, tz: str | None = None) -> EventKeys:
    """The language-neutral keys of one article (reads it with its language's reader)."""
    from . import korean

    if article.language == "ko" or korean.is_korean(article.text):
        ents = korean.extract_entities([article], topic)
        evs = korean.resolve_dates(article, tz)
        return keys_from("ko", ents, evs, topic)
    from .dates import resolve_dates
    from .entities import extract_entities

    ents = extract_entities([article], topic)
    return keys_from(article.language, ents, resolve_dates(article, tz), topic)


def same_event(a: EventKeys, b: EventKeys) -> Pairing:
    people = sorted(a.people & b.people)
    places = sorted(a.places & b.places)
    orgs = sorted((a.organisations & b.organisations) - _GENERIC_ORGS)
    days = sorted(a.dates & b.dates)
    if a.dates and b.dates and not days:  # different days: different events, mostly
        same = len(people) >= 2 and len(places) >= 1
    else:
        same = (
            (len(people) >= 1 and len(places) + len(days) >= 1)
            or len(people) >= 2
            or (len(places) >= 1 and len(days) >= 1)
        )
    return Pairing(same, tuple(people), tuple(places), tuple(orgs), tuple(days))


TYPE_WEIGHT = {"person": 3.0, "organisation": 2.0, "date": 2.0, "place": 1.0}
"""How much a shared key of each kind says (before its rarity in the batch)."""
THRESHOLD = 0.3
"""Weighted cosine at or above which two reports in different languages, each the other's
best match, are one event (set on benchmarks/korean_eval.py's dev split)."""


def _typed(k: EventKeys) -> set[tuple[str, str]]:
    out = {("person", p) for p in k.people} | {("place", p) for p in k.places}
    out |= {("organisation", o) for o in k.organisations - _GENERIC_ORGS}
    return out | {("date", d) for d in k.dates}


def similarity(a: EventKeys, b: EventKeys, weight: dict[tuple[str, str], float]) -> float:
    """Cosine of the two key sets, each key weighted by kind and rarity (``weight``)."""
    ta, tb = _typed(a), _typed(b)
    if not ta or not tb:
        return 0.0
    num = sum(weight.get(k, 1.0) ** 2 for k in ta & tb)
    den = math.sqrt(
        sum(weight.get(k, 1.0) ** 2 for k in ta) * sum(weight.get(k, 1.0) ** 2 for k in tb)
    )
    return num / den if den else 0.0


def rarity_weights(keys: Sequence[EventKeys]) -> dict[tuple[str, str], float]:
    """Kind weight x inverse document frequency over the batch: Seoul in every report of
    the day says little, a person named by two reports says much."""
    df: dict[tuple[str, str], int] = {}
    for k in keys:
        for t in _typed(k):
            df[t] = df.get(t, 0) + 1
    n = len(keys)
    return {t: TYPE_WEIGHT[t[0]] * math.log(1 + n / c) for t, c in df.items()}


def link(
    articles: Sequence[Article], topic: Topic, tz: str | None = None
) -> list[tuple[int, int, Pairing]]:
    """(i, j, pairing) for each pair of articles in different languages that report one
    event (i < j, indices into ``articles``): each is the other's most similar report in
    the other language, with ``similarity`` >= ``THRESHOLD``, and ``same_event`` holds."""
    keys = [event_keys(a, topic, tz) for a in articles]
    return link_keys(keys)


def link_keys(keys: Sequence[EventKeys]) -> list[tuple[int, int, Pairing]]:
    """``link`` on keys already read."""
    weight = rarity_weights(keys)
    n = len(keys)
    sims = {
        (i, j): similarity(keys[i], keys[j], weight)
        for i in range(n)
        for j in range(n)
        if i != j and keys[i].language != keys[j].language
    }
    best: dict[int, int] = {}
    for (i, j), v in sims.items():
        if v >= THRESHOLD and (i not in best or v > sims[(i, best[i])]):
            best[i] = j
    out = []
    for i, j in best.items():
        if i < j and best.get(j) == i:
            p = same_event(keys[i], keys[j])
            if p.same:
                out.append((i, j, replace(p, score=round(sims[(i, j)], 4))))
    return sorted(out)


def merge_entities(
    first: Sequence[Entity], second: Sequence[Entity], topic: Topic | None = None
) -> tuple[Entity, ...]:
    """Entities of two readers (English, Korean) of one story as one list: the same kind
    and name, or for people the same ``person_key`` (``강지훈`` ~ "Kang Ji-hoon"), are one
    entity under the first list's name, mentions summed, the other's names kept as aliases.
    People first, most mentioned first (the order both readers use)."""
    out: list[Entity] = list(first)
    index: dict[tuple[str, str], int] = {(e.kind, fold(e.name)): i for i, e in enumerate(out)}
    for i, e in enumerate(out):
        if e.kind == "person" and (k := person_key(e, topic)):
            index.setdefault(("person~", k), i)
    for e in second:
        key = person_key(e, topic) if e.kind == "person" else None
        at = index.get((e.kind, fold(e.name)))
        if at is None and key:
            at = index.get(("person~", key))
        if at is None:
            index[(e.kind, fold(e.name))] = len(out)
            if key:
                index.setdefault(("person~", key), len(out))
            out.append(e)
            continue
        base = out[at]
        aliases = [*base.aliases]
        for name in (e.name, *e.aliases):
            if name != base.name and name not in aliases:
                aliases.append(name)
        out[at] = replace(
            base,
            role=base.role or e.role,
            affiliation=base.affiliation if base.role else (base.affiliation or e.affiliation),
            aliases=tuple(aliases),
            mentions=base.mentions + e.mentions,
            sources=tuple(dict.fromkeys((*base.sources, *e.sources))),
            evidence=base.evidence if base.role or not e.role else e.evidence,
        )
    rank = {"person": 0, "organisation": 1, "country": 2, "place": 3}
    return tuple(sorted(out, key=lambda e: (rank[e.kind], -e.mentions)))


def extract_entities(articles: Sequence[Article], topic: Topic) -> tuple[Entity, ...]:
    """``entities.extract_entities`` for a story in any mix of languages: English articles
    by the English reader, Korean ones by ``korean``, merged (``merge_entities``)."""
    from . import entities, korean

    en = [a for a in articles if a.language != "ko"]
    ko = [a for a in articles if a.language == "ko"]
    first = entities.extract_entities(en, topic) if en else ()
    if not ko:
        return first
    return merge_entities(first, korean.extract_entities(ko, topic), topic)


def resolve_dates(article: Article, tz: str | None = None) -> tuple[Event, ...]:
    """``dates.resolve_dates`` for an article in either language."""
    from . import dates

    if article.language == "ko":
        from . import korean

        return dates.read_events(korean.resolve_dates(article, tz), _read_since(article, tz))

    return dates.resolve_dates(article, tz)


def _read_since(article: Article, tz: str | None) -> date | None:
    """The day from which a Korean article's events have ``not_event`` read."""
    from . import dates

    day = dates.publication_date(article, tz)
    return day - timedelta(days=dates.READ_DAYS) if day else None


def merge_groups(
    groups: Sequence[Sequence[int]], links: Sequence[tuple[int, int, Pairing]]
) -> list[list[int]]:
    """Story groups (lists of article indices) with the groups of each linked pair joined;
    biggest first, then by first index (the order ``stories.group`` uses)."""
    parent = list(range(len(groups)))
    where = {i: g for g, members in enumerate(groups) for i in members}

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, j, _ in links:
        if i in where and j in where:
            parent[find(where[i])] = find(where[j])
    joined: dict[int, list[int]] = {}
    for g, members in enumerate(groups):
        joined.setdefault(find(g), []).extend(members)
    out = [sorted(m) for m in joined.values()]
    return sorted(out, key=lambda g: (-len(g), g[0]))


__all__ = [
    "EventKeys",
    "Pairing",
    "event_keys",
    "extract_entities",
    "link",
    "link_keys",
    "merge_entities",
    "merge_groups",
    "name_key",
    "resolve_dates",
    "same_event",
    "similarity",
]
