"""Renderings of one ``Digest``: Markdown, HTML page, JSON, and the email's HTML and text. Pure.

One jinja2 ``Environment``: autoescape on for ``.html`` templates, ``StrictUndefined``
so a missing field fails loudly. Links from sources pass ``safe_url`` (http(s) only).

Every template renders the same *view* (``digest_view``): plain values a reader sees
(human dates, sub-topic labels, source names), built here once, so the Markdown, the
page and the email cannot drift apart. Scores and ids appear only in the JSON.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta
from functools import lru_cache
from pathlib import PurePosixPath, PureWindowsPath
from typing import Any
from urllib.parse import urlsplit

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from .config import PROJECT_ROOT
from .dates import not_event, tense_direction
from .keypoints import containment
from .models import (
    Article,
    Digest,
    Entity,
    Event,
    Failure,
    KeyPoint,
    SourceHealth,
    Story,
    to_jsonable,
)

TEMPLATES = PROJECT_ROOT / "templates"
SCHEMA_VERSION = 1


def safe_url(url: str | None) -> str | None:
    """Only absolute http(s) URLs become links; ``javascript:``, ``data:`` and paths do not."""
    if not url:
        return None
    url = url.strip()
    if re.search(r"[\s\x00-\x1f<>\"']", url):
        return None
    parts = urlsplit(url)
    return url if parts.scheme in ("http", "https") and parts.netloc else None


def md_url(url: str | None) -> str | None:
    """A link target for Markdown: http(s) only, and the characters that could close the
    link or start an image (``( ) [ ] < > !`` and spaces) percent-encoded."""
    safe = safe_url(url)
    if safe is None:
        return None
    for ch, code in (
        ("(", "%28"),
        (")", "%29"),
        ("[", "%5B"),
        ("]", "%5D"),
        ("!", "%21"),
        ("<", "%3C"),
        (">", "%3E"),
        (" ", "%20"),
    ):
        safe = safe.replace(ch, code)
    return safe


def md_escape(text: str | None) -> str:
    """Source text in Markdown: neutralise markup characters and raw HTML."""
    if not text:
        return ""
    text = re.sub(r"\s+", " ", text).strip()
    text = text.replace("\\", "\\")
    text = re.sub(r"([`*_\[\]<>|#])", r"\\\1", text)
    return text


def plural(n: int, word: str) -> str:
    if n == 1:
        return f"{n} {word}"
    return (
        f"{n} {word[:-1]}ies"
        if word.endswith("y") and word[-2:-1] not in "aeiou"
        else f"{n} {word}s"
    )


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        autoescape=select_autoescape(
            enabled_extensions=("html", "html.j2"), default_for_string=True
        ),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["safe_url"] = safe_url
    env.filters["md"] = md_escape
    env.filters["md_url"] = md_url
    env.filters["plural"] = plural
    env.filters["distinct_dates"] = distinct_dates
    env.filters["slug"] = md_slug
    env.filters["source_label"] = source_label
    return env


def distinct_dates(events: Sequence[Event]) -> list[Event]:
    """One event per date (the first mention of it), for a compact per-story line."""
    seen: set[str | None] = set()
    out = []
    for e in events:
        key = e.date if e.resolved else f"?{e.mention}"
        if key not in seen:
            seen.add(key)
            out.append(e)
    return out


# ---------------------------------------------------------------- display values (pure)

MAX_POINTS_SHOWN = 5
"""Key points shown per story in the digest and the email (the JSON keeps them all)."""
MAX_WHATS_NEW = 5
MAX_PEOPLE_SHOWN = 3
MAX_DATES_SHOWN = 5

LANGUAGES = {
    "ko": "Korean",
    "ja": "Japanese",
    "zh": "Chinese",
    "ru": "Russian",
    "uk": "Ukrainian",
    "de": "German",
    "fr": "French",
    "es": "Spanish",
    "pl": "Polish",
    "it": "Italian",
    "nl": "Dutch",
    "sv": "Swedish",
    "fi": "Finnish",
    "tr": "Turkish",
}
SOURCE_TYPES = {"official": "official", "state-media": "state media", "analysis": "analysis"}
_MONTHS = tuple(
    [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ]
)
_DAYS = tuple(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"])


def _mon(d: date) -> str:
    return _MONTHS[d.month - 1][:3]


def _wd(d: date) -> str:
    return _DAYS[d.weekday()][:3]


def language_name(code: str | None) -> str | None:
    """A reader's name for a language that is not English ("ko" -> "Korean"); None for English."""
    if not code or code.lower().startswith("en"):
        return None
    return LANGUAGES.get(code.lower().split("-")[0], code)


def source_label(source: str | None) -> str:
    """How a source is named to a reader: a URL as it is, a local file by its file name only
    (never an absolute path of this machine), anything else (a feed's name) as given."""
    if not source:
        return ""
    source = source.strip()
    if re.match(r"^[a-z][a-z0-9+.-]*://", source, re.I):
        if source.lower().startswith("file://"):
            return PurePosixPath(urlsplit(source).path).name or source
        return source if safe_url(source) else ""
    if re.match(r"^[a-z][a-z0-9+.-]+:(?!\s)", source, re.I):
        return ""  # javascript:, data:, mailto: ... are not sources a reader can follow
    if "/" in source or "\\" in source or re.match(r"^[A-Za-z]:", source):
        name = (PureWindowsPath if "\\" in source else PurePosixPath)(source).name
        return name or source
    return source


def failure_label(f: Failure) -> str:
    """A failure row's subject: the configured source's name and the file name or URL."""
    where = source_label(f.source)
    if f.origin and f.origin != where:
        return f"{f.origin}: {where}" if where else f.origin
    return where or f.origin


def article_outlet(a: Article) -> str:
    return a.outlet or a.origin or source_label(a.source)


def human_day(d: date, ref: date | None = None) -> str:
    """ "Thu 3 Apr" (the year added when it is not the digest's year)."""
    out = f"{_wd(d)} {d.day} {_mon(d)}"
    return out if ref is not None and d.year == ref.year else f"{out} {d.year}"


def human_date(iso: str | None, ref: date | None = None) -> str:
    """An ISO date or ``start/end`` range as a reader says it: "Thu 3 Apr", "3–5 Apr",
    "30 Mar – 2 Apr", "March 2027", "2027", "Jan–Jun 2027"; "date unclear" when None."""
    if not iso:
        return "date unclear"
    start_s, _, end_s = iso.partition("/")
    try:
        start = date.fromisoformat(start_s)
        end = date.fromisoformat(end_s) if end_s else start
    except ValueError:
        return iso
    if start == end:
        return human_day(start, ref)
    year = "" if ref is not None and start.year == end.year == ref.year else f" {end.year}"
    month_end = (date(end.year + (end.month == 12), end.month % 12 + 1, 1)) - timedelta(days=1)
    if start.day == 1 and end == month_end:
        if (start.year, start.month) == (end.year, end.month):
            return f"{_MONTHS[start.month - 1]} {start.year}"
        if start.year == end.year and start.month == 1 and end.month == 12:
            return str(start.year)
        if start.year == end.year:
            return f"{_MONTHS[start.month - 1][:3]}–{_MONTHS[end.month - 1][:3]} {start.year}"
    if start.year != end.year:
        return f"{start.day} {_mon(start)} {start.year} – {end.day} {_mon(end)} {end.year}"
    if start.month == end.month:
        return f"{start.day}–{end.day} {_mon(end)}{year}"
    return f"{start.day} {_mon(start)} – {end.day} {_mon(end)}{year}"


def human_long_day(d: date) -> str:
    """ "Thursday 3 April 2025"."""
    return f"{_DAYS[d.weekday()]} {d.day} {_MONTHS[d.month - 1]} {d.year}"


def anchor(story: Story) -> str:
    """The HTML id of a story (stable: the story id)."""
    return f"story-{re.sub(r'[^A-Za-z0-9_-]', '', story.id) or 'x'}"


def md_slug(text: str) -> str:
    """GitHub's heading anchor for a Markdown heading (lower case, punctuation dropped,
    spaces to hyphens), so a Markdown link to a story lands on it."""
    slug = re.sub(r"[^\w\- ]", "", text.strip().lower())
    return slug.replace(" ", "-")


def _names(items: Sequence[str]) -> list[str]:
    seen: dict[str, str] = {}
    for x in items:
        if x:
            seen.setdefault(x.strip().lower().removeprefix("the "), x)
    return list(seen.values())


def _key_point(k: KeyPoint, outlets: dict[str, str]) -> dict[str, Any]:
    mine = k.outlet or outlets.get(k.source) or source_label(k.source)
    also = _names([c.outlet or outlets.get(c.source) or source_label(c.source) for c in k.also])
    return {
        "text": k.text,
        "speaker": k.speaker,
        "outlet": mine,
        "url": safe_url(k.url),
        "also": [a for a in also if a.lower() != mine.lower()],
        "language": language_name(k.language),
    }


def _people_line(s: Story) -> str:
    """The story's people, those its titles name or its points quote first (the speaker
    of a speech, the official of a statement), then by how often the sources name them."""
    heads = " ".join([s.title, *(a.title for a in s.articles)])
    speakers = {k.speaker for k in s.key_points if k.speaker}

    def named(e: Entity) -> bool:
        return e.name in speakers or bool(re.search(rf"\b{re.escape(e.name.split()[-1])}\b", heads))

    people = sorted((e for e in s.entities if e.kind == "person"), key=lambda e: not named(e))
    parts = []
    for e in people[:MAX_PEOPLE_SHOWN]:
        role = e.role or ""
        if role and e.affiliation and f"{e.affiliation} {role}" in e.evidence:
            role = f"{e.affiliation} {role}"  # "White House Press Secretary", as written
        elif role and e.affiliation and e.affiliation.lower() not in role.lower():
            role = f"{role}, {e.affiliation}"  # "Secretary, Ministry of Defence": whose post
        if role and len(role) > 48:
            role = role[:46].rsplit(" ", 1)[0] + "…"
        parts.append(f"{e.name} ({role})" if role else e.name)
    more = len(people) - MAX_PEOPLE_SHOWN
    return "; ".join(parts) + (f" and {more} more" if more > 0 else "")


def _dates_line(s: Story, day: date) -> str:
    """The story's distinct dates, as a reader says them; periods that ended more than a
    month before the digest date (background such as "in 2022") are left out."""
    recent = (day - timedelta(days=31)).isoformat()
    seen: dict[str, str] = {}
    unclear = 0
    for e in sorted(s.events, key=lambda e: e.date or ""):
        if not (e.resolved and e.date):
            unclear += 1
            continue
        if e.date.rpartition("/")[2] < recent:
            continue
        seen.setdefault(e.date, human_date(e.date, day))
    # when they are too many to show, what is ahead (from the digest day on) comes first,
    # then the latest of the past, shown in the order of the calendar
    today = day.isoformat()
    ahead = [d for d in seen if d.rpartition("/")[2] >= today]
    past = [d for d in seen if d not in ahead]
    keep = set(ahead[:MAX_DATES_SHOWN]) | set(past[::-1][: max(0, MAX_DATES_SHOWN - len(ahead))])
    line = ", ".join(label for d, label in seen.items() if d in keep)
    hidden = [d for d in seen if d not in keep]
    if hidden:
        line += f" and {len(hidden)} {'earlier' if all(d in past for d in hidden) else 'more'}"
    if unclear:
        line += ("; " if line else "") + f"{unclear} unclear"
    return line


def story_view(s: Story, day: date, labels: dict[str, str], number: int = 0) -> dict[str, Any]:
    outlets = {a.source: article_outlet(a) for a in s.articles}
    summary = None
    if s.summary and s.summary.text.strip():
        summary = {
            "text": s.summary.text,
            "sources": _names([outlets.get(x) or source_label(x) for x in s.summary.sources]),
        }
    main = s.subtopics[0] if s.subtopics else None
    return {
        "id": s.id,
        "anchor": anchor(s),
        "number": number,
        "title": s.title,
        "slug": md_slug(s.title),
        "outlets": list(s.outlets),
        "single_source": s.single_source,
        "is_update": bool(s.update_of),
        "summary": summary,
        "section": labels.get(main, main) if main else None,
        "also_in": [labels.get(t, t) for t in s.subtopics[1:] if t in labels],
        "points": [_key_point(k, outlets) for k in s.key_points[:MAX_POINTS_SHOWN]],
        "more_points": max(0, len(s.key_points) - MAX_POINTS_SHOWN),
        "people": _people_line(s),
        "dates": _dates_line(s, day),
        "articles": [
            {
                "title": a.title,
                "url": safe_url(a.url),
                "label": source_label(a.url or a.source),
                "outlet": article_outlet(a),
                "date": human_day(a.published.date(), day) if a.published else None,
                "author": a.author,
                "note": a.note,
                "type": SOURCE_TYPES.get(a.source_type),
                "language": language_name(a.language),
            }
            for a in s.articles
        ],
    }


def upcoming(digest: Digest) -> list[Event]:
    """What lies ahead of the digest date, one entry per event: a later date, or a period
    not over yet that its sentence does not tell in the past ("This week, the department
    announced …" is done; "This week, the President will travel …" is ahead), whose
    sentence tells a scheduled event (``listed``). The same event told by several
    sentences or outlets is one entry, its shortest telling, with all their
    ``sources`` (``upcoming_lines``)."""
    return [ev for ev, _, _ in upcoming_lines(digest)]


def listed(event: Event, day: date) -> bool:
    """Whether Upcoming lists the event: ahead of ``day`` and told as a scheduled event,
    not a forecast or target, the room's own talk, a question or a limit
    (``dates.not_event``)."""
    if not ahead_of(event, day):
        return False
    why = event.not_event if event.not_event is not None else not_event(event)
    return not why  # read at extraction (dates.read_events); an Event built elsewhere is read here


def ahead_of(event: Event, day: date) -> bool:
    """Whether the event lies ahead of ``day``: a later date, or a period not over by then
    whose sentence does not tell it in the past."""
    if not (event.resolved and event.date):
        return False
    today = day.isoformat()
    start, _, end = event.date.partition("/")
    return start > today or (bool(end) and end >= today and not told_in_past(event))


def told_in_past(event: Event) -> bool:
    """Whether the sentence tells the event's date mention in the past tense (its own
    clause's, else the sentence's main verb: "In June, the United States raised …")."""
    at = event.text.casefold().find(event.mention.casefold())
    if at < 0:
        return False
    return tense_direction(event.text, at, at + len(event.mention), beyond_clause=True) == "past"


_WHO_KINDS = frozenset({"person", "organisation"})
"""The entity kinds whose names tie two sentences of one date to one event."""


def _forms(ent: Entity) -> set[str]:
    """How a sentence names the entity: its name, and a person's surname too."""
    out = {ent.name}
    if ent.kind == "person" and " " in ent.name:
        out.add(ent.name.split()[-1])
    return out


def upcoming_lines(digest: Digest) -> list[tuple[Event, Story, list[str]]]:
    """One (event, story, sources) per upcoming event, by date. Mentions of one date are one event
    when they come from one story (a story tells one event), or when their sentences share
    a name of a person or organisation that few of the digest's stories have (at most a
    third of them, at least two: "Netanyahu" in the preview call and in the briefing, not
    "Biden"; a place is no one's event: "in the United States later this year" is said of
    two meetings), or most of their content words (besides the date's and places'). The
    entry is the shortest telling, with the sources of all (``source`` first), and the
    sources in the order they were met."""
    from .vectors import tokens

    told = [(e, s) for s in digest.stories for e in s.events if listed(e, digest.date)]
    stories = list(digest.stories)
    where: dict[str, int] = {}
    for st in stories:
        for form in {f for ent in st.entities if ent.kind in _WHO_KINDS for f in _forms(ent)}:
            where[form] = where.get(form, 0) + 1
    rare_at = max(2, len(stories) // 3)
    rare = [n for n, c in where.items() if c <= rare_at]

    def names_of(ev: Event) -> set[str]:
        return {n for n in rare if re.search(rf"(?<![\w-]){re.escape(n)}(?![\w-])", ev.text)}

    # the words of places and countries say where, not what: no part of a telling's content
    where_words = {
        w
        for st in stories
        for ent in st.entities
        if ent.kind not in _WHO_KINDS
        for w in tokens(ent.name)
    }

    def content(ev: Event) -> set[str]:
        return set(tokens(ev.text)) - set(tokens(ev.mention)) - where_words

    groups: list[list[tuple[Event, Story]]] = []
    for e, s in told:
        names = names_of(e)
        ws = content(e)
        home = None
        for g in groups:
            if g[0][0].date != e.date:
                continue
            if any(
                s is gs or names & names_of(ge) or containment(ws, content(ge)) >= SAME_TELLING
                for ge, gs in g
            ):
                home = g
                break
        if home is None:
            groups.append([(e, s)])
        else:
            home.append((e, s))
    out: list[tuple[Event, Story, list[str]]] = []
    for g in groups:
        rep, rep_story = min(g, key=lambda es: len(es[0].text))
        sources: list[str] = []
        for e, _ in g:
            for src in e.sources or (e.source,):
                if src not in sources:
                    sources.append(src)
        first = [rep.source, *[x for x in sources if x != rep.source]]
        out.append((replace(rep, sources=tuple(first)), rep_story, sources))
    return sorted(out, key=lambda es: (es[0].date or "", es[0].source))


SAME_TELLING = 0.5
"""Two sentences of one date tell one event when they share this share of the shorter
one's content words (as ``analysis.SAME_EVENT``)."""


def upcoming_view(digest: Digest) -> list[dict[str, Any]]:
    """Upcoming dates, grouped by date; under each, one line per event (the same event told
    by several sentences or outlets is one line, with every outlet that dates it)."""
    names = {a.source: article_outlet(a) for s in digest.stories for a in s.articles}
    groups: dict[str, list[dict[str, Any]]] = {}
    for e, s, order in upcoming_lines(digest):
        if e.date is None:
            continue
        outlets: list[str] = []
        for src in order:
            name = names.get(src) or source_label(src)
            if name not in outlets:
                outlets.append(name)
        groups.setdefault(e.date, []).append(
            {
                "text": e.text,
                "story": s.title,
                "anchor": anchor(s),
                "sources": outlets,
            }
        )
    return [
        {"date": human_date(iso, digest.date), "iso": iso, "events": lines}
        for iso, lines in sorted(groups.items(), key=lambda kv: kv[0].split("/")[::-1])
    ]


def reading_order(digest: Digest) -> list[Story]:
    """Stories in the order a reader meets them: section by section."""
    seen: dict[str, Story] = {}
    for sec in digest.sections:
        for s in sec.stories:
            seen.setdefault(s.id, s)
    for s in digest.stories:
        seen.setdefault(s.id, s)
    return list(seen.values())


def digest_view(digest: Digest) -> dict[str, Any]:
    labels = {sec.subtopic: sec.title for sec in digest.sections}
    ordered = reading_order(digest)
    number = {s.id: i for i, s in enumerate(ordered, 1)}
    views = {s.id: story_view(s, digest.date, labels, number[s.id]) for s in ordered}
    top = {s.id for s in digest.stories[:MAX_WHATS_NEW]}
    sections = []
    for sec in digest.sections:
        mine = {s.id for s in sec.stories}
        touching = [
            views[s.id]
            for s in ordered
            if s.id not in mine and sec.subtopic in s.subtopics and s.id in views
        ]
        sections.append(
            {
                "title": sec.title,
                "stories": [views[s.id] for s in sec.stories],
                "touching": touching,
            }
        )
    reactions = [
        story_view(s, digest.date, labels, len(ordered) + i)
        for i, s in enumerate(digest.reactions, 1)
    ]
    outlets = _names([o for s in digest.stories for o in s.outlets])
    names = {a.source: article_outlet(a) for s in digest.stories for a in s.articles}
    on_topic = sum(len(s.articles) for s in digest.stories)
    top_story = digest.stories[0] if digest.stories else None
    preheader = ""
    if top_story is not None:
        preheader = (
            top_story.summary.text
            if top_story.summary and top_story.summary.text.strip()
            else (top_story.key_points[0].text if top_story.key_points else top_story.title)
        )
    return {
        "title": digest.title,
        "topic": digest.topic,
        "date": human_long_day(digest.date),
        "short_date": human_day(digest.date),
        "generated": digest.generated_at.strftime("%H:%M %Z").strip(),
        "story_count": len(digest.stories),
        "reaction_count": len(digest.reactions),
        "none_note": (
            "No on-topic news stories today; "
            f"{plural(len(digest.reactions), 'state-media reaction')} below."
            if digest.reactions
            else "No on-topic news today."
        ),
        "outlet_count": len(outlets),
        "whats_new": [views[s.id] for s in ordered if s.id in top],
        "sections": sections,
        "reactions": reactions,
        "upcoming": upcoming_view(digest),
        "unresolved": [
            {
                "mention": e.mention,
                "text": e.text,
                "source": names.get(e.source) or source_label(e.source),
            }
            for e in digest.events
            if not e.resolved
        ],
        "near_misses": [
            {
                "title": x.article.title,
                "url": safe_url(x.article.url),
                "outlet": article_outlet(x.article),
                "why": x.relevance.summary,
            }
            for x in digest.near_misses
        ],
        "health": {
            "sources": len(digest.sources),
            "on_topic": on_topic,
            "excluded": len(digest.excluded),
            "seen_before": digest.seen_before,
            "duplicates": digest.duplicates,
            "failed": [
                {"what": failure_label(f), "stage": f.stage, "error": f.error}
                for f in digest.failures
                if f.stage != "degraded"
            ],
            "degraded": [
                {"what": failure_label(f), "error": f.error}
                for f in digest.failures
                if f.stage == "degraded"
            ],
            "history": [
                source_history(h) for h in digest.source_health if h.status != "ok" or h.skipped
            ],
        },
        "preheader": preheader,
    }


def _context(digest: Digest, **extra: Any) -> dict[str, Any]:
    return {"v": digest_view(digest), **extra}


def render_markdown(digest: Digest) -> str:
    return environment().get_template("digest.md.j2").render(**_context(digest))


def render_html(digest: Digest) -> str:
    return environment().get_template("digest.html.j2").render(**_context(digest))


def archive_url(public_url: str | None, digest: Digest) -> str | None:
    """The digest's page in the published archive (``[briefing].public_url``)."""
    base = safe_url(public_url)
    return f"{base.rstrip('/')}/{digest.date.isoformat()}/digest.html" if base else None


def render_email(
    digest: Digest,
    *,
    public_url: str | None = None,
    unsubscribe: str | None = None,
    sender: str = "",
) -> tuple[str, str]:
    """The email's text part and HTML part (each from its own template).

    ``public_url`` (the archive's base URL) adds "view in browser"; ``unsubscribe`` (a
    ``mailto:`` or http(s) URL) is the footer's "how to stop"."""
    stop = unsubscribe if unsubscribe and unsubscribe.startswith("mailto:") else None
    extra = {
        "browser_url": archive_url(public_url, digest),
        "archive_url": (safe_url(public_url) or "").rstrip("/") + "/index.html"
        if safe_url(public_url)
        else None,
        "unsubscribe": stop or safe_url(unsubscribe),
        "unsubscribe_label": stop.removeprefix("mailto:").split("?")[0] if stop else None,
        "sender": sender,
    }
    ctx = _context(digest, **extra)
    env = environment()
    text = env.get_template("email.txt.j2").render(**ctx, refs=_References())
    html = env.get_template("email.html.j2").render(**ctx)
    return text, html


class _References:
    """Numbered links for a text part: ``ref(url)`` gives "[n]", ``items`` the list."""

    def __init__(self) -> None:
        self.items: list[str] = []

    def __call__(self, url: str | None) -> str:
        url = safe_url(url)
        if not url:
            return ""
        if url not in self.items:
            self.items.append(url)
        return f"[{self.items.index(url) + 1}]"


def story_json(s: Story) -> dict[str, Any]:
    return {
        "id": s.id,
        "title": s.title,
        "outlets": list(s.outlets),
        "outlet_count": len(s.outlets),
        "single_source": s.single_source,
        "subtopics": list(s.subtopics),
        "update_of": s.update_of,
        "relevance": to_jsonable(s.relevance),
        "articles": [
            {k: v for k, v in to_jsonable(a).items() if k != "text"}
            | {"words": len(a.text.split())}
            for a in s.articles
        ],
        "key_points": to_jsonable(s.key_points),
        "entities": to_jsonable(s.entities),
        "events": to_jsonable(s.events),
        "summary": to_jsonable(s.summary),
        "grouping": to_jsonable(s.grouping),
    }


def digest_json(digest: Digest) -> dict[str, Any]:
    return {
        "schema": SCHEMA_VERSION,
        "title": digest.title,
        "topic": digest.topic,
        "date": digest.date.isoformat(),
        "generated_at": digest.generated_at.isoformat(),
        "stories": [story_json(s) for s in digest.stories],
        "sections": [
            {"subtopic": sec.subtopic, "title": sec.title, "stories": [s.id for s in sec.stories]}
            for sec in digest.sections
        ],
        "upcoming": to_jsonable(upcoming(digest)),
        "events": to_jsonable(list(digest.events)),
        "excluded": [
            {
                "source": x.article.source,
                "title": x.article.title,
                "url": x.article.url,
                "outlet": x.article.outlet,
                "score": x.relevance.score,
                "near_miss": x.relevance.score >= digest.near_miss,
                "summary": x.relevance.summary,
                "reasons": to_jsonable(x.relevance.reasons),
            }
            for x in digest.excluded
        ],
        "failures": to_jsonable(list(digest.failures)),
        "sources": list(digest.sources),
        "seen_before": digest.seen_before,
        "reactions": [story_json(s) for s in digest.reactions],
        "duplicates": digest.duplicates,
        "language": digest.language,
        "source_health": to_jsonable(list(digest.source_health)),
    }


def source_history(h: SourceHealth) -> dict[str, Any]:
    """One source-health row over time: "read", "not modified (304)" or "failed (N in a
    row)"; when it last succeeded and last answered 304; carried pages not fetched again."""
    if h.status == "failed":
        now = f"failed ({h.failures_in_a_row} in a row)" if h.failures_in_a_row > 1 else "failed"
    elif h.status == "not-modified":
        now = "not modified since the last run (HTTP 304: nothing new)"
    else:
        now = "read"
    notes = []
    if h.status != "ok":
        notes.append(
            f"last success {h.last_success[:16].replace('T', ' ')}"
            if h.last_success
            else "never read successfully"
        )
    if h.last_not_modified and h.status != "not-modified":
        notes.append(f"last 304 {h.last_not_modified[:16].replace('T', ' ')}")
    if h.skipped:
        notes.append(
            f"{h.skipped} page{'s' if h.skipped != 1 else ''} already carried, not fetched again"
        )
    return {"source": h.source, "status": h.status, "now": now, "notes": "; ".join(notes)}


def render_json(digest: Digest) -> str:
    return json.dumps(digest_json(digest), ensure_ascii=False, indent=2) + "\n"
