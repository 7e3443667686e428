"""From articles to a ``Digest``: judge relevance, group stories, pick key points. Pure.

``now`` and the digest date are arguments; nothing here reads the clock.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from typing import Any

from . import crosslang, keypoints, stories, summary
from .clean import is_site_title
from .crosslang import extract_entities, resolve_dates
from .models import (
    Article,
    Digest,
    Event,
    Excluded,
    Failure,
    KeyPoint,
    Relevance,
    Section,
    Story,
    Summary,
    outlet_key,
)
from .relevance import judge
from .text import split_sentences, trim_title
from .topic import Topic
from .vectors import tokens


def dedupe(articles: Sequence[Article]) -> list[Article]:
    """Rule (same text twice): one article reached through two sources (a feed entry and a
    saved page, a syndicated copy) is kept once, by content fingerprint or by URL; the
    kept one lists the other links in ``Article.links`` (see ``merge_duplicates``)."""
    return merge_duplicates(articles)[0]


def merge_duplicates(articles: Sequence[Article]) -> tuple[list[Article], int]:
    """(articles with exact duplicates merged, how many were merged). The first copy is
    kept; every other copy's URL (or source) is added to its ``links``, so no link is lost."""
    owner: dict[str, int] = {}
    out: list[Article] = []
    extra: list[list[str]] = []
    merged = 0
    for a in articles:
        keys = {a.fingerprint} | ({normalise_url(a.url)} if a.url else set())
        hit = next((owner[k] for k in keys if k in owner), None)
        if hit is None:
            for k in keys:
                owner[k] = len(out)
            out.append(a)
            extra.append([])
            continue
        merged += 1
        for k in keys:
            owner.setdefault(k, hit)
        kept = out[hit]
        for link in (a.url or a.source, *a.links):  # the copy's public link, else its source
            if link and link not in (kept.url, kept.source) and link not in extra[hit]:
                extra[hit].append(link)
    final = [
        replace(a, links=tuple(dict.fromkeys([*a.links, *more]))) if more else a
        for a, more in zip(out, extra, strict=True)
    ]
    return final, merged


def normalise_url(url: str) -> str:
    """Scheme-, www-, fragment-, tracking-parameter- and trailing-slash-insensitive URL."""
    from urllib.parse import parse_qsl, urlencode, urlsplit

    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower().removeprefix("www.")
    query = urlencode(
        sorted(
            (k, v)
            for k, v in parse_qsl(parts.query)
            if not k.lower().startswith(("utm_", "fbclid", "gclid", "ref"))
        )
    )
    path = parts.path.rstrip("/") or "/"
    return f"{host}{path}" + (f"?{query}" if query else "")


def article_keys(a: Article) -> list[str]:
    """Identity without trusting feed GUIDs: the normalised URL and the content fingerprint."""
    keys = [f"fp:{a.fingerprint}"]
    if a.url:
        keys.append(f"url:{normalise_url(a.url)}")
    return keys


def split_seen(
    articles: Sequence[Article], first_seen: dict[str, date], day: date
) -> tuple[list[Article], list[Article]]:
    """(new, already carried by an earlier digest). An article counts as seen when its URL
    or its content fingerprint was in a digest dated before ``day``; rerunning a date
    therefore gives the same digest again."""
    new: list[Article] = []
    old: list[Article] = []
    for a in articles:
        earliest = min((first_seen[k] for k in article_keys(a) if k in first_seen), default=None)
        (old if earliest is not None and earliest < day else new).append(a)
    return new, old


UPDATE_SIMILARITY = 0.22
"""An earlier digest stores a story as its title and key points; with five points after the
summary (not eight with the lede), two tellings of one event score 0.26 on the bundled
sample's shell talks and other stories at most 0.16 (0.3 before issue 9's changes)."""


def update_text(s: Story) -> str:
    """What a story is compared on with earlier ones: its title, summary and key points."""
    summary_text = s.summary.text if s.summary else ""
    return " ".join([s.title, summary_text, *[k.text for k in s.key_points]])


def link_updates(story_list: Sequence[Story], earlier: Sequence[tuple[str, str]]) -> list[Story]:
    """Mark a story as the update of an earlier digest's story it resembles most
    (TF-IDF cosine of title, summary and key points at or above ``UPDATE_SIMILARITY``).
    ``earlier`` holds (story id, text) pairs, newest first."""
    if not earlier or not story_list:
        return list(story_list)
    from .vectors import cosine, idf, tfidf, tokens

    now_texts = [tokens(update_text(s)) for s in story_list]
    old_texts = [tokens(t) for _, t in earlier]
    weights = idf(now_texts + old_texts)
    old_vecs = [tfidf(t, weights) for t in old_texts]
    out = []
    for s, toks in zip(story_list, now_texts, strict=True):
        vec = tfidf(toks, weights)
        best = max(range(len(earlier)), key=lambda i: cosine(vec, old_vecs[i]))
        if cosine(vec, old_vecs[best]) >= UPDATE_SIMILARITY and earlier[best][0] != s.id:
            s = replace(s, update_of=earlier[best][0])
        out.append(s)
    return out


Mapper = Callable[[Callable[[Any], Any], Sequence[Any]], Iterable[Any]]
"""Runs the per-story work: ``mapper(fn, chunks)`` yields ``fn(chunk)`` for each chunk, in
order (the builtin ``map``; the command line and the flow pass a process pool's map)."""

CHUNKS_PER_PROCESS = 4
"""Per-story work is sent to a pool in about this many chunks per process (stories differ
in size; smaller chunks keep both cores busy to the end, bigger ones pickle less)."""


@dataclass(frozen=True)
class StoryChunk:
    """What the per-story work of some stories needs, and nothing of the batch (it is
    pickled to a pool process): each story's articles, best first."""

    topic: Topic
    terms: tuple[re.Pattern[str], ...]
    max_key_points: int
    tz: str | None
    stories: tuple[tuple[Article, ...], ...]
    anchors: tuple[tuple[str, ...], ...]
    """Per story, its articles' ``Relevance.evidence`` (``keypoints.key_points``)."""


StoryParts = tuple[tuple[Any, ...], Summary | None, tuple[KeyPoint, ...], tuple[Event, ...]]


def story_parts(chunk: StoryChunk) -> list[StoryParts]:
    """The heavy per-story work (entities, summary, key points, events) of each story of
    ``chunk``; the same in any process."""
    out: list[StoryParts] = []
    for group_arts, anchor in zip(chunk.stories, chunk.anchors, strict=True):
        entities = extract_entities(group_arts, chunk.topic)
        story_summary = summary.summarise_story(
            group_arts, list(chunk.terms), on_topic=any(e.strip() for e in anchor)
        )
        points = keypoints.key_points(
            group_arts,
            chunk.max_key_points,
            list(chunk.terms),
            entities,
            summary=story_summary,
            anchors=anchor,
        )
        out.append(
            (tuple(entities), story_summary, tuple(points), story_events(group_arts, chunk.tz))
        )
    return out


def chunked(items: Sequence[Any], parts: int) -> list[list[Any]]:
    """``items`` in at most ``parts`` consecutive runs of about equal length."""
    if not items:
        return []
    size = max(1, -(-len(items) // max(1, parts)))
    return [list(items[i : i + size]) for i in range(0, len(items), size)]


def shares(group_arts: Sequence[Article], relevance: Relevance) -> tuple[int, int]:
    """(news stories, reactions) one story becomes in ``split_reactions``: known before its
    key points are (it depends only on its articles' ``source_type`` and its relevance)."""
    state = sum(a.source_type == "state-media" for a in group_arts)
    if relevance.reaction or state == len(group_arts):
        return 0, 1
    return 1, state


def analyse(
    articles: Sequence[Article],
    topic: Topic,
    *,
    no_filter: bool = False,
    max_key_points: int = 5,
    tz: str | None = None,
    limit: int | None = None,
    mapper: Mapper | None = None,
    processes: int = 1,
) -> tuple[list[Story], list[Excluded]]:
    """Judge, group and summarise. ``tz`` is the zone in which publication times are read
    when dates like "on Thursday" are resolved.

    Stories are ordered by ``rank``: corroborating outlets, then relevance, then the newest
    article, then title. The first three are known
    before a story's per-story work (entities, summary, key points, events): with ``limit``
    that work is done only for the stories that fill the first ``limit`` news stories and
    the first ``limit`` reactions of ``split_reactions`` (the title, from the summary, is
    computed first only where stories tie at that boundary); the others are left out. The
    work runs through ``mapper`` (default ``map``, in this process) in chunks, about
    ``CHUNKS_PER_PROCESS`` per process of ``processes``; the result is the same."""
    judged = [(a, judge(a, topic)) for a in dedupe(articles)]
    kept = [(a, r) for a, r in judged if r.included or no_filter]
    excluded = [Excluded(a, r) for a, r in judged if not (r.included or no_filter)]
    excluded.sort(key=lambda x: -x.relevance.score)
    arts = [a for a, _ in kept]
    rel = [r for _, r in kept]
    del judged, kept
    terms = tuple(
        p for g, ms in topic.matchers.items() for _, p in ms if not g.startswith("anchor:")
    )
    signals = stories.Signals.of(arts)
    groups = stories.group(arts, sig=signals)
    links: list[tuple[int, int, crosslang.Pairing]] = []
    if len({a.language for a in arts}) > 1:
        # A Korean and an English report of one event share people, places and dates, not
        # words: join their groups on language-neutral event keys.
        links = crosslang.link(arts, topic, tz)
        groups = crosslang.merge_groups(groups, links)
    skeletons: list[Skeleton] = []
    for idx in groups:
        members = sorted(idx, key=lambda i: (-rel[i].score, i))
        group_arts = tuple(arts[i] for i in members)
        relevance = combine([rel[i] for i in members])
        skeletons.append((members, group_arts, relevance, corroborating(group_arts)))
    skeletons.sort(key=lambda k: rank(k[2], k[1]))  # stable: ties keep the group order
    chosen = _choose(skeletons, arts, terms, limit)
    del skeletons, groups
    explained = [stories.explain(arts, sk[0], signals) for sk in chosen]
    del signals  # the batch's vectors are not needed past this point
    chunk_of = [(sk[1], tuple(rel[i].evidence for i in sk[0])) for sk in chosen]
    per = chunked(chunk_of, max(1, processes) * CHUNKS_PER_PROCESS)
    work = [
        StoryChunk(topic, terms, max_key_points, tz, tuple(a for a, _ in c), tuple(e for _, e in c))
        for c in per
    ]
    parts = [p for done in (mapper or map)(story_parts, work) for p in done]
    out: list[Story] = []
    for (members, group_arts, relevance, _), why, (ents, story_summary, points, events) in zip(
        chosen, explained, parts, strict=True
    ):
        out.append(
            Story(
                id=stories.story_id(group_arts),
                title=story_title(arts, members, story_summary),
                articles=group_arts,
                relevance=relevance,
                key_points=points,
                entities=ents,
                events=events,
                subtopics=relevance.subtopics,
                summary=story_summary,
                grouping={
                    **why,
                    **corroboration(points),
                    **cross_language(arts, set(members), links),
                },
            )
        )
    out.sort(key=lambda s: (*rank(s.relevance, s.articles), s.title))
    return out, excluded


def corroborating(arts: Sequence[Article]) -> int:
    """Distinct outlets of a story's news articles (state media never corroborates news; a
    story of state media alone counts its own outlets)."""
    news = [a for a in arts if a.source_type != "state-media"] or list(arts)
    return len({outlet_key(a.outlet or a.origin or a.source) for a in news})


def _stamp(when: datetime) -> float:
    """POSIX time of ``when``; a time without a zone is read as UTC."""
    return (when if when.tzinfo else when.replace(tzinfo=UTC)).timestamp()


def rank(relevance: Relevance, arts: Sequence[Article]) -> tuple[float, float, float]:
    """A story's place in the digest and in its section (ascending): more corroborating
    outlets first, then higher relevance, then the newer (its newest article's time; an
    undated story last among its ties). An analyst reads the corroborated, newer news first;
    a single-source analysis follows a story three outlets report."""
    times = [_stamp(a.published) for a in arts if a.published is not None]
    return (-corroborating(arts), -relevance.score, -max(times) if times else math.inf)


Skeleton = tuple[list[int], tuple[Article, ...], Relevance, int]
"""A story before its per-story work: member indices (best first), their articles, the
story's relevance and its number of corroborating outlets (``corroborating``)."""


def _choose(
    skeletons: Sequence[Skeleton],
    arts: Sequence[Article],
    terms: Sequence[re.Pattern[str]],
    limit: int | None,
) -> list[Skeleton]:
    """The stories (in the final order up to titles) whose per-story work is needed to fill
    ``limit`` news stories and ``limit`` reactions; all of them without ``limit``. Where a
    run of stories tying on ``rank`` crosses the boundary, their titles (from
    their summaries) decide, as in the final sort."""
    if limit is None:
        return list(skeletons)
    chosen: list[Skeleton] = []
    news = reacts = 0
    i = 0
    while i < len(skeletons) and (news < limit or reacts < limit):
        j = i
        key = rank(skeletons[i][2], skeletons[i][1])
        while j < len(skeletons) and rank(skeletons[j][2], skeletons[j][1]) == key:
            j += 1
        run = list(skeletons[i:j])
        gives = [shares(sk[1], sk[2]) for sk in run]
        fits = (
            news + sum(n for n, _ in gives) <= limit and reacts + sum(r for _, r in gives) <= limit
        )
        if not fits and len(run) > 1:
            titles = [
                story_title(arts, sk[0], summary.summarise_story(sk[1], list(terms))) for sk in run
            ]
            order = sorted(range(len(run)), key=lambda k: titles[k])
            run, gives = [run[k] for k in order], [gives[k] for k in order]
        for sk, (n, r) in zip(run, gives, strict=True):
            if (n and news < limit) or (r and reacts < limit):
                chosen.append(sk)
            news, reacts = news + n, reacts + r
        i = j
    return chosen


def cross_language(
    arts: Sequence[Article], members: set[int], links: Sequence[tuple[int, int, Any]]
) -> dict[str, Any]:
    """The cross-language pairs that joined this story, with the keys they share."""
    pairs = [
        {"source": arts[i].source, "to": arts[j].source, **p.as_dict()}
        for i, j, p in links
        if i in members and j in members
    ]
    return {"cross_language": pairs} if pairs else {}


def corroboration(points: Sequence[KeyPoint]) -> dict[str, Any]:
    """The outlets that actually corroborate the story: those of every key point another
    outlet also states, and those other outlets (``KeyPoint.also``)."""
    seen: dict[str, str] = {}
    for kp in points:
        if not kp.also:
            continue
        for name in (kp.outlet or kp.source, *(c.outlet or c.source for c in kp.also)):
            seen.setdefault(outlet_key(name), name)
    return {
        "corroborating_outlets": sorted(seen.values()),
        "corroborating_outlet_count": len(seen),
    }


def story_title(
    arts: Sequence[Article], members: Sequence[int], summary: Summary | None = None
) -> str:
    """The title of the article the summary comes from (so the headline and the summary
    tell one report), else of the story's most central article, whose title is not just
    its site's name ("ABC News"); the first sentence of its body when every title is."""
    rep = stories.representative(arts, members)
    if summary and summary.sources:
        rep = next((i for i in members if arts[i].source == summary.sources[0]), rep)
    order = [rep, *[i for i in members if i != rep]]
    for i in order:
        if arts[i].title and not is_site_title(arts[i].title, arts[i].outlet):
            return arts[i].title
    first = split_sentences(arts[rep].paragraphs[0]) if arts[rep].paragraphs else []
    return trim_title(first[0]) if first else arts[rep].title


_BARE_YEAR = re.compile(r"^(?:in|during|since|from|of|throughout)?\s*\d{4}$", re.I)
SAME_EVENT = 0.5
"""Two mentions of one date are one event when their sentences share this share of the
shorter one's content words (two outlets stating the same upcoming date)."""


def past_year(e: Event, published: datetime | None) -> bool:
    """ "in 2022" in a story of 2026: a year that is over is background, not an event."""
    if not (e.date and _BARE_YEAR.match(e.mention.strip()) and published):
        return False
    return e.date.partition("/")[2][:4] < str(published.year) if "/" in e.date else False


def story_events(articles: Sequence[Article], tz: str | None) -> tuple[Event, ...]:
    """Dated mentions of all the story's articles, by date. One event stated by several
    articles (the same date, sentences sharing most content words) is one entry with all
    its ``sources``; past years ("in 2022") are left out. Unresolved mentions last."""
    out: list[Event] = []
    words: list[set[str]] = []
    for a in articles:
        try:
            found = resolve_dates(a, tz)
        except (OverflowError, ValueError):  # a date arithmetic edge (year 1 or 9999)
            found = ()
        for e in found:
            if past_year(e, a.published):
                continue
            ws = set(tokens(e.text))
            same = next(
                (
                    k
                    for k, o in enumerate(out)
                    if o.date == e.date
                    and (o.date is not None or o.mention.lower() == e.mention.lower())
                    and keypoints.containment(ws, words[k]) >= SAME_EVENT
                ),
                None,
            )
            if same is None:
                out.append(replace(e, sources=(e.source,)))
                words.append(ws)
            elif e.source not in out[same].sources:
                out[same] = replace(out[same], sources=(*out[same].sources, e.source))
    return tuple(sorted(out, key=lambda e: (e.date is None, e.date or "", e.source)))


def combine(rels: Sequence[Relevance]) -> Relevance:
    """A story's relevance: its best article's score and reasons, sub-topics of all."""
    best = max(rels, key=lambda r: r.score)
    counts: Counter[str] = Counter()
    for r in rels:
        for i, s in enumerate(r.subtopics):
            counts[s] += len(r.subtopics) - i
    return replace(best, subtopics=tuple(s for s, _ in counts.most_common()))


def sections(story_list: Sequence[Story], topic: Topic) -> tuple[Section, ...]:
    """One section per sub-topic, in the topic's order; a story sits under its main sub-topic.
    A story the relevance judge did not keep (``analyze --no-filter`` keeps every input) is
    never shown as on-topic: it goes last, under "Not on topic (kept unfiltered)"."""
    by: dict[str, list[Story]] = {s.id: [] for s in topic.subtopics}
    other: list[Story] = []
    unfiltered: list[Story] = []
    for st in story_list:
        if not st.relevance.included:
            unfiltered.append(st)
            continue
        main = next((s for s in st.subtopics if s in by), None)
        (by[main] if main else other).append(st)
    out = [Section(s.id, s.title or s.id, tuple(by[s.id])) for s in topic.subtopics]
    if other:
        out.append(Section("other", "Other on-topic news", tuple(other)))
    if unfiltered:
        out.append(Section("off-topic", "Not on topic (kept unfiltered)", tuple(unfiltered)))
    return tuple(out)


def build_digest(
    articles: Sequence[Article],
    failures: Sequence[Failure],
    topic: Topic,
    *,
    title: str,
    day: date,
    now: datetime,
    sources: Sequence[str] = (),
    no_filter: bool = False,
    max_stories: int = 25,
    max_key_points: int = 5,
    earlier: Sequence[tuple[str, str]] = (),
    seen_before: int = 0,
    tz: str | None = None,
    mapper: Mapper | None = None,
    processes: int = 1,
) -> Digest:
    """The digest of ``articles``: only the ``max_stories`` news stories and reactions it
    shows get their per-story work (``analyse(limit=max_stories)``), through ``mapper``."""
    story_list, excluded = analyse(
        articles,
        topic,
        no_filter=no_filter,
        max_key_points=max_key_points,
        tz=tz,
        limit=max_stories,
        mapper=mapper,
        processes=processes,
    )
    story_list, reactions = split_reactions(story_list)
    story_list = link_updates(story_list[:max_stories], earlier)
    return Digest(
        title=title,
        topic=topic.title or topic.name,
        date=day,
        generated_at=now,
        stories=tuple(story_list),
        sections=sections(story_list, topic),
        excluded=tuple(excluded),
        failures=tuple(failures),
        sources=tuple(sources),
        near_miss=topic.thresholds.near_miss,
        seen_before=seen_before,
        reactions=tuple(reactions[:max_stories]),
        duplicates=merge_duplicates(articles)[1],
    )


def split_reactions(story_list: Sequence[Story]) -> tuple[list[Story], list[Story]]:
    """(news stories, reactions). A story is a reaction when every article in it is state
    media (``Article.source_type``) or was kept as a reaction by ``relevance.judge``; it
    goes to "Reactions and state media" and never counts as a news story's source. A news
    story keeps only its non-state-media articles (state media never corroborates it)."""
    news: list[Story] = []
    reactions: list[Story] = []
    for st in story_list:
        state = [a for a in st.articles if a.source_type == "state-media"]
        if st.relevance.reaction or len(state) == len(st.articles):
            reactions.append(st)
            continue
        if state:  # state-media articles grouped with news: each becomes its own reaction
            rest = tuple(a for a in st.articles if a.source_type != "state-media")
            gone = {a.source for a in state}
            news.append(
                replace(
                    st,
                    articles=rest,
                    key_points=tuple(
                        replace(k, also=tuple(c for c in k.also if c.source not in gone))
                        for k in st.key_points
                        if k.source not in gone
                    ),
                )
            )
            for a in state:
                reactions.append(
                    replace(
                        st,
                        id=f"{st.id}-{len(reactions)}",
                        articles=(a,),
                        key_points=tuple(k for k in st.key_points if k.source == a.source),
                        title=a.title,
                    )
                )
            continue
        news.append(st)
    return news, reactions
