"""Turn one configured ``Source`` into ``Article`` values and ``Failure`` values.

I/O goes through a ``Getter`` (network via ``http``, disk via ``local``), so this
logic is tested with a real local HTTP server or with files, and never needs Prefect.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime
from urllib.parse import urlsplit

from extractors.clean import Cleaned, clean_html, clean_text, decode_html
from extractors.config import Config, Source
from extractors.errors import ExtractError, FetchError, ParseError, SourceError
from extractors.feeds import FeedEntry, parse_feed
from extractors.files import parse_file
from extractors.models import Article, Failure, Fetched, SourceType, Via

from .http import DEFAULT_USER_AGENT, HttpClient
from .local import list_dir, read_file

Getter = Callable[[str], Fetched]


@dataclass
class SourceResult:
    source: str
    """The configured source's name."""
    articles: list[Article] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)


def make_getter(client: HttpClient) -> Getter:
    """http(s) URLs through the HTTP client; anything else is a local path."""

    def get(location: str) -> Fetched:
        if location.startswith(("http://", "https://")):
            return client.get(location)
        return read_file(location, client.max_bytes)

    return get


def client_for(config: Config) -> HttpClient:
    h = config.http
    return HttpClient(
        timeout=h.timeout,
        max_bytes=h.max_bytes,
        retries=h.retries,
        user_agent=h.user_agent or DEFAULT_USER_AGENT,
    )


def collect(source: Source, config: Config, get: Getter) -> SourceResult:
    """Every article one source yields; one bad entry or file becomes a ``Failure``.

    A failure of the source as a whole (the feed itself unreachable) raises
    ``SourceError`` so the caller (a Prefect task) can retry transient ones.
    """
    location = config.resolve(source.location)
    result = SourceResult(source.name)
    if source.kind == "rss":
        fetched = get(location)
        feed = parse_feed(
            fetched.content, fetched.final_url if "://" in location else location, fetched.headers
        )
        if feed.warning:
            result.failures.append(
                Failure(
                    location,
                    f"feed is ill-formed but readable: {feed.warning}",
                    source.name,
                    "degraded",
                )
            )
        entries = list(feed.entries[: source.max_items])
        with ThreadPoolExecutor(max_workers=config.briefing.workers) as pool:
            outcomes = list(pool.map(lambda e: _guarded_entry(e, source, get), entries))
        for art, fail in outcomes:
            if art:
                result.articles.append(art)
            if fail:
                result.failures.append(fail)
    elif source.kind == "page":
        result.articles.append(page_article(location, source.name, get))
    elif source.kind == "file":
        result.articles.append(file_article(location, source.name, get))
    elif source.kind == "dir":
        for path in list_dir(location, source.exclude):
            try:
                result.articles.append(file_article(path, source.name, get))
            except SourceError as exc:
                result.failures.append(as_failure(exc, source.name))
            except Exception as exc:  # a library error on one file: still one file
                result.failures.append(unexpected(path, exc, source.name))
    result.articles = [with_source_meta(a, source) for a in result.articles]
    return result


def as_failure(exc: SourceError, origin: str = "") -> Failure:
    stage = (
        "fetch"
        if isinstance(exc, FetchError)
        else "parse"
        if isinstance(exc, ParseError)
        else "extract"
    )
    return Failure(exc.source, exc.cause, origin, stage)  # type: ignore[arg-type]


def page_article(location: str, origin: str, get: Getter, *, source: str | None = None) -> Article:
    fetched = get(location)
    if "://" in location and not _is_html(fetched):
        raise ParseError(
            location, f"not an HTML page (content-type {fetched.content_type or 'unknown'})"
        )
    charset = _charset(fetched.content_type)
    cleaned = clean_html(
        decode_html(fetched.content, charset),
        url=fetched.final_url if "://" in location else None,
        source=source or location,
    )
    return to_article(
        cleaned,
        source or location,
        origin,
        "page",
        fallback_url=fetched.final_url if "://" in location else None,
    )


def file_article(path: str, origin: str, get: Getter, *, source: str | None = None) -> Article:
    fetched = get(path)
    return to_article(parse_file(path, fetched.content), source or path, origin, "file")


def unexpected(where: str, exc: Exception, origin: str) -> Failure:
    """An error no rule anticipated, on one item: recorded, not raised (one bad file or entry
    never costs the rest of its source)."""
    return Failure(where, f"unexpected {type(exc).__name__}: {exc}"[:300], origin, "extract")


def _guarded_entry(
    entry: FeedEntry, source: Source, get: Getter
) -> tuple[Article | None, Failure | None]:
    try:
        return _entry_article(entry, source, get)
    except Exception as exc:
        return None, unexpected(entry.link or entry.guid or entry.title, exc, source.name)


def _entry_article(
    entry: FeedEntry, source: Source, get: Getter
) -> tuple[Article | None, Failure | None]:
    """Rule (entry fallback): fetch the entry's page; if that fails, use the entry's own text.

    The fallback is said in ``Article.note`` and in the footer as a degraded source.
    """
    link = entry.link
    problem: SourceError | None = None
    if link and source.fetch_pages:
        try:
            art = page_article(link, source.name, get)
            return _with_entry_meta(art, entry), None
        except SourceError as exc:
            problem = exc
    if entry.content.strip():
        cleaned = clean_text(html_to_text(entry.content), title=entry.title or None)
        if len(cleaned.text.split()) >= 5:
            note = (
                f"page not used ({problem.cause}); text is the feed's own summary"
                if problem
                else None
            )
            art = to_article(
                cleaned, link or entry.guid or source.name, source.name, "feed-entry", note=note
            )
            art = _with_entry_meta(art, entry)
            fail = (
                Failure(
                    link or "",
                    f"{problem.cause}; used the feed's summary instead",
                    source.name,
                    "degraded",
                )
                if problem
                else None
            )
            return art, fail
    if problem:
        return None, as_failure(problem, source.name)
    return None, Failure(
        link or entry.guid or entry.title, "entry has no link and no text", source.name, "parse"
    )


def _with_entry_meta(art: Article, entry: FeedEntry) -> Article:
    from dataclasses import replace

    return replace(
        art,
        source=entry.link or art.source,
        url=art.url or entry.link,
        title=art.title if art.title and art.title != "(untitled)" else entry.title,
        published=art.published or plausible(entry.published),
    )


# Publishers whose kind and zone are known by domain (a source's `type` / `timezone` win).
SOURCE_TYPES: dict[str, SourceType] = {
    "kcna.kp": "state-media",
    "rodong.rep.kp": "state-media",
    "kcnawatch.org": "state-media",
    "whitehouse.gov": "official",
    "nato.int": "official",
    "mofa.go.kr": "official",
    "state.gov": "official",
    "defense.gov": "official",
    "mnd.go.kr": "official",
}
OUTLET_ZONES = {
    "kcna.kp": "Asia/Pyongyang",
    "rodong.rep.kp": "Asia/Pyongyang",
    "koreaherald.com": "Asia/Seoul",
    "koreatimes.co.kr": "Asia/Seoul",
    "yna.co.kr": "Asia/Seoul",
    "en.yna.co.kr": "Asia/Seoul",
    "koreajoongangdaily.joins.com": "Asia/Seoul",
    "nytimes.com": "America/New_York",
    "washingtonpost.com": "America/New_York",
    "cnn.com": "America/New_York",
    "npr.org": "America/New_York",
    "whitehouse.gov": "America/New_York",
    "bbc.co.uk": "Europe/London",
    "bbc.com": "Europe/London",
    "theguardian.com": "Europe/London",
    "dailymail.co.uk": "Europe/London",
    "thesun.co.uk": "Europe/London",
    "independent.co.uk": "Europe/London",
    "mirror.co.uk": "Europe/London",
    "rt.com": "Europe/Moscow",
    "nato.int": "Europe/Brussels",
}


def _by_domain(url: str | None, table: dict[str, str]) -> str | None:
    host = (_host(url) or "") if url else ""
    while host:
        if host in table:
            return table[host]
        host = host.partition(".")[2]
    return None


def with_source_meta(art: Article, source: Source | None = None) -> Article:
    """The article's ``source_type`` and, for a timestamp without a zone, the outlet's zone:
    the source's config first, else the defaults for known domains."""
    from dataclasses import replace
    from zoneinfo import ZoneInfo

    url = art.url or (art.source if "://" in art.source else None)
    kind = (source.type if source else None) or _by_domain(url, SOURCE_TYPES)  # type: ignore[arg-type]
    zone = (source.timezone if source else None) or _by_domain(url, OUTLET_ZONES)
    published = art.published
    if published is not None and published.tzinfo is None and zone:
        published = published.replace(tzinfo=ZoneInfo(zone))
    return replace(art, source_type=kind or art.source_type, published=published)


def plausible(published: datetime | None) -> datetime | None:
    """Rule (impossible dates): a publication time before 1990 or after 2100 is a broken
    feed or page, not news; it is dropped (the article is kept, undated)."""
    if published is None or not 1990 <= published.year <= 2100:
        return None
    return published


def to_article(
    c: Cleaned,
    source: str,
    origin: str,
    via: Via,
    *,
    note: str | None = None,
    fallback_url: str | None = None,
) -> Article:
    url = c.url or fallback_url or (source if "://" in source else None)
    outlet = c.outlet or (_host(url) if url else None)
    return Article(
        source=source,
        title=c.title,
        text=c.text,
        url=url,
        origin=origin,
        author=c.author,
        published=plausible(c.published),
        outlet=outlet,
        dateline=c.dateline,
        via=via,
        note=note,
    )


def html_to_text(fragment: str) -> str:
    """A feed's HTML summary as paragraphs of text."""
    if "<" not in fragment:
        return fragment
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(fragment, "html.parser")
    for br in soup.find_all("br"):
        br.replace_with("\n")
    blocks = [b.get_text(" ", strip=True) for b in soup.find_all(["p", "li", "h1", "h2", "h3"])]
    text = "\n".join(b for b in blocks if b) or soup.get_text("\n", strip=True)
    return text


def _is_html(f: Fetched) -> bool:
    ct = f.content_type.lower()
    return not ct or "html" in ct or "xml" in ct or ct.startswith("text/plain")


def _charset(content_type: str) -> str | None:
    m = re.search(r"charset=[\"']?([\w.-]+)", content_type or "", re.I)
    return m.group(1) if m else None


def _host(url: str) -> str | None:
    host = urlsplit(url).hostname
    return host.removeprefix("www.") if host else None


__all__ = ["ExtractError", "SourceResult", "collect", "file_article", "page_article"]
