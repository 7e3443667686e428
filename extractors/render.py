"""Three renderings of one ``Digest``: Markdown, email-ready HTML, JSON. Pure.

One jinja2 ``Environment``: autoescape on for ``.html`` templates, ``StrictUndefined``
so a missing field fails loudly. Links from sources pass ``safe_url`` (http(s) only).
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from .config import PROJECT_ROOT
from .models import Digest, Event, Story, to_jsonable

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
    text = text.replace("\\", "\\\\")
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


def upcoming(digest: Digest) -> list[Event]:
    """What lies ahead of the digest date: a later date, or a period not over yet."""
    today = digest.date.isoformat()
    out = []
    for e in digest.events:
        if not (e.resolved and e.date):
            continue
        start, _, end = e.date.partition("/")
        if start > today or (end and end >= today):
            out.append(e)
    return out


def _context(digest: Digest) -> dict[str, Any]:
    stories_by_id = {s.id: s for s in digest.stories}
    return {
        "d": digest,
        "stories_by_id": stories_by_id,
        "upcoming": upcoming(digest),
        "unresolved": [e for e in digest.events if not e.resolved],
        "degraded": [f for f in digest.failures if f.stage == "degraded"],
        "failed": [f for f in digest.failures if f.stage != "degraded"],
    }


def render_markdown(digest: Digest) -> str:
    return environment().get_template("digest.md.j2").render(**_context(digest))


def render_html(digest: Digest) -> str:
    return environment().get_template("digest.html.j2").render(**_context(digest))


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
    }


def render_json(digest: Digest) -> str:
    return json.dumps(digest_json(digest), ensure_ascii=False, indent=2) + "\n"
