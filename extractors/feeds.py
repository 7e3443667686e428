"""Feed parsing with feedparser: bytes and headers in, ``FeedEntry`` values out. No network."""

from __future__ import annotations

import email.utils
import re
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urljoin, urlsplit

import feedparser

from .encoding import Decoded, charset_from_content_type, decode
from .errors import ParseError
from .text import parse_iso


@dataclass(frozen=True)
class FeedEntry:
    title: str
    link: str | None
    """Absolute (resolved against the feed's location)."""
    guid: str | None
    published: datetime | None
    content: str
    """The entry's own HTML or text: full content if the feed carries it, else the summary."""


@dataclass(frozen=True)
class Feed:
    title: str
    entries: tuple[FeedEntry, ...]
    warning: str | None = None
    """Set when feedparser flagged the feed as ill-formed but still read entries."""
    encoding: str | None = None
    """The codec the feed's bytes were read with."""
    encoding_note: str | None = None
    """Set when the encoding was guessed (or a declaration overruled): the source is
    ``degraded`` and this says which encoding was used and why."""


_XML_DECL_ENC = re.compile(r"""^(\s*<\?xml[^>]*?\bencoding\s*=\s*)(["'])[^"']*\2""")


def decode_feed(content: bytes, headers: dict[str, str] | None = None) -> tuple[bytes, Decoded]:
    """The feed's bytes as UTF-8 with a UTF-8 XML declaration, and how they were decoded.

    Rule (feedparser gets trusted bytes): the encoding is chosen by ``encoding.decode``
    (BOM, HTTP charset, XML declaration, each checked against the bytes; then detection),
    never by feedparser's fallback to windows-1252, and the document is handed on as UTF-8
    so feedparser reads exactly that text.
    """
    ctype = next((v for k, v in (headers or {}).items() if k.lower() == "content-type"), "")
    decoded = decode(content, charset_from_content_type(ctype), kind="xml")
    text = _XML_DECL_ENC.sub(r"\1\2utf-8\2", decoded.text, count=1)
    return text.encode("utf-8"), decoded


def parse_feed(content: bytes, location: str, headers: dict[str, str] | None = None) -> Feed:
    """Parse RSS or Atom bytes. Raises ``ParseError`` when nothing usable is there.

    Rule (bozo with entries): feedparser's "bozo" flag marks an ill-formed feed; when
    it still yields entries they are kept and the warning travels with the feed,
    so one stray ``&`` does not drop a day of news.
    """
    remote = "://" in location
    content, decoded = decode_feed(content, headers)
    hdrs = {k: v for k, v in (headers or {}).items() if k.lower() != "content-type"}
    ctype = next((v for k, v in (headers or {}).items() if k.lower() == "content-type"), "")
    media = ctype.split(";")[0].strip() or "application/xml"
    hdrs["content-type"] = f"{media}; charset=utf-8"
    if remote:
        # relative links resolve against the feed's URL; a local feed's links are
        # resolved by _entry_link against the file's folder instead
        hdrs.setdefault("content-location", location)
    parsed = feedparser.parse(
        content, response_headers=hdrs, sanitize_html=True, resolve_relative_uris=True
    )
    problem = parsed.get("bozo_exception")
    if isinstance(problem, (feedparser.NonXMLContentType, feedparser.CharacterEncodingOverride)):
        # Rule (harmless bozo): a wrong or missing Content-Type, or a charset the server and
        # the document disagree on, is not a broken feed once feedparser has read it.
        problem = None
    if not parsed.entries:
        if problem is not None:
            raise ParseError(location, f"not a readable feed: {_bozo(problem)}")
        if not parsed.get("version"):
            raise ParseError(location, "not a feed (no RSS or Atom document found)")
    entries = []
    for e in parsed.entries:
        link = _entry_link(e.get("link"), location)
        body = ""
        if e.get("content"):
            body = max((c.get("value", "") for c in e["content"]), key=len)
        body = body or e.get("summary", "") or ""
        entries.append(
            FeedEntry(
                title=(e.get("title") or "").strip(),
                link=link or None,
                guid=(e.get("id") or e.get("guid") or None),
                published=_entry_date(e),
                content=body,
            )
        )
    return Feed(
        title=(parsed.feed.get("title") or "").strip(),
        entries=tuple(entries),
        warning=_bozo(problem) if problem is not None else None,
        encoding=decoded.encoding,
        encoding_note=decoded.note if decoded.guessed else None,
    )


def _entry_link(raw: str | None, location: str) -> str | None:
    """Rule (untrusted links): an entry link is kept only as an absolute http(s) URL, or, in a
    local feed file, as a relative path beside it; ``javascript:``, ``data:``, ``file:`` go."""
    if not raw or not raw.strip():
        return None
    raw = raw.strip()
    if "://" in location:
        link = urljoin(location, raw)
        return link if urlsplit(link).scheme in ("http", "https") else None
    if urlsplit(raw).scheme in ("http", "https"):
        return raw
    if urlsplit(raw).scheme:
        return None
    # a local feed may point only at files in its own folder (or below)
    from pathlib import Path

    folder = Path(location).resolve().parent
    target = (folder / raw).resolve()
    return str(target) if folder in target.parents else None


def _entry_date(e: dict) -> datetime | None:
    for key in ("published", "updated", "created"):
        raw = e.get(key)
        if not raw:
            continue
        try:
            return email.utils.parsedate_to_datetime(raw)
        except (TypeError, ValueError):
            pass
        iso = parse_iso(raw)
        if iso:
            return iso
    return None


def _bozo(exc: BaseException) -> str:
    msg = getattr(exc, "getMessage", None)
    text = msg() if callable(msg) else str(exc)
    return f"{type(exc).__name__}: {text}"[:300]
