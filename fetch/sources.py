"""Turn one configured ``Source`` into ``Article`` values and ``Failure`` values.

I/O goes through a ``Getter`` (network via ``http``, disk via ``local``), so this
logic is tested with a real local HTTP server or with files, and never needs Prefect.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from extractors.clean import Cleaned, clean_html, clean_text
from extractors.config import Config, Source
from extractors.encoding import charset_from_content_type, decode
from extractors.errors import ExtractError, FetchError, ParseError, SourceError
from extractors.feeds import FeedEntry, parse_feed
from extractors.files import parse_file
from extractors.korean import language
from extractors.models import Article, Failure, Fetched, SourceType, Via

from .http import DEFAULT_USER_AGENT, NOT_MODIFIED, HttpClient, validators_of
from .local import list_dir, read_file

Getter = Callable[[str], Fetched]

PROGRESS: Callable[[str, int, int], None] | None = None
"""Called as (source name, pages done, pages in all) while a feed's pages are read; the
command line sets it to draw a progress bar (in-process runs only)."""


@dataclass
class SourceResult:
    source: str
    """The configured source's name."""
    articles: list[Article] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    failed: bool = False
    """The source failed as a whole (its one failure says why)."""
    not_modified: bool = False
    """The feed answered ``304 Not Modified`` to a conditional GET: nothing new."""
    validators: dict[str, dict[str, str]] = field(default_factory=dict)
    """Feed URL -> the ``etag`` / ``last-modified`` it served (empty: forget them); saved
    by the flow once the digest that holds these articles is recorded."""
    skipped: int = 0
    """Entry pages not fetched: an earlier digest already carried their (normalised) URL."""


@dataclass(frozen=True)
class Known:
    """What the state store knows before a run reads a source."""

    validators: dict[str, str] = field(default_factory=dict)
    """The feed's ``etag`` / ``last-modified`` from an earlier day's run (conditional GET)."""
    carried: Callable[[Sequence[str]], set[str]] | None = None
    """Normalised URLs -> those an earlier digest carried (their pages are not fetched)."""


def make_getter(
    client: HttpClient, slot: Callable[[str], AbstractContextManager[object]] | None = None
) -> Getter:
    """http(s) URLs through the HTTP client; anything else is a local path. ``slot(url)``
    (when given) is held around each http(s) fetch: the flow passes a Prefect global
    concurrency slot of ``fetch-<host>`` (``[http] host_limits``), per-host politeness
    across every worker of a work pool."""

    def get(location: str, validators: dict[str, str] | None = None) -> Fetched:
        if location.startswith(("http://", "https://")):
            if slot is not None:
                with slot(location):
                    return client.get(location, validators)
            return client.get(location, validators)
        return read_file(location, client.max_bytes)

    return get


def host_limit_name(url: str) -> str:
    """The global concurrency limit a fetch of ``url`` takes a slot of: ``fetch-<host>``
    (lower case, without ``www.``)."""
    host = (urlsplit(url).hostname or "").lower().removeprefix("www.")
    return f"fetch-{host}"


def entry_getter(get: Getter, feed_location: str) -> Getter:
    """Rule (entry links): a feed's entries are fetched over http(s) only (the client's
    address policy then applies to each link and redirect). Only a local feed file may link
    to local files, and only to files in its own folder or below; never ``file://``."""
    root = None if "://" in feed_location else Path(feed_location).resolve().parent

    def entry_get(link: str) -> Fetched:
        if link.startswith(("http://", "https://")):
            return get(link)
        if root is not None and "://" not in link and Path(link).resolve().is_relative_to(root):
            return get(str(Path(link).resolve()))
        raise FetchError(
            link,
            "entry link refused: not an http(s) URL (local files are read only through "
            "file/dir sources)",
        )

    return entry_get


# ---------------------------------------------------------------- cleaning on every core

MIN_POOLED = 8
"""A feed with fewer entries is cleaned in-process: starting the worker processes (each
imports trafilatura and lxml, about a second) costs more than a few pages."""

_POOLS: dict[int, ProcessPoolExecutor] = {}
_POOLS_LOCK = threading.Lock()

Cleaner = Callable[..., Cleaned]


def process_pool(processes: int) -> ProcessPoolExecutor | None:
    """One process pool per size for the life of this process (shared by every source,
    run and analysis in it), or None for ``processes = 1`` and in a daemonic process (a
    Dask worker: it may not have children, and is itself one of the processes). Spawned,
    not forked: the flow runs threads."""
    import multiprocessing

    if processes <= 1 or multiprocessing.current_process().daemon:
        return None
    with _POOLS_LOCK:
        pool = _POOLS.get(processes)
        if pool is None:
            pool = ProcessPoolExecutor(
                max_workers=processes, mp_context=multiprocessing.get_context("spawn")
            )
            _POOLS[processes] = pool
        return pool


cleaning_pool = process_pool
"""The name the cleaning code and its tests use."""


def _forget_pool(pool: ProcessPoolExecutor) -> None:
    with _POOLS_LOCK:
        for k, v in list(_POOLS.items()):
            if v is pool:
                del _POOLS[k]


def pooled_map(
    processes: int, min_items: int = MIN_POOLED
) -> Callable[[Callable[[Any], Any], Sequence[Any]], list[Any]]:
    """``map`` through the shared pool of ``processes`` (each item one task, results in
    order): the mapper ``briefing analyze``/``clean`` and the flow's analysis run their work
    with. Fewer than ``min_items`` items, ``processes = 1`` or a daemonic process: in this
    process (starting the workers costs more). A broken pool (a worker killed) is dropped
    and the work is done in this process."""

    def run(fn: Callable[[Any], Any], items: Sequence[Any]) -> list[Any]:
        from concurrent.futures.process import BrokenProcessPool

        pool = process_pool(processes) if len(items) >= min_items else None
        if pool is None:
            return [fn(x) for x in items]
        try:
            return list(pool.map(fn, items))
        except BrokenProcessPool:
            _forget_pool(pool)
            return [fn(x) for x in items]

    return run


def _clean_in_worker(
    page: str, url: str | None, source: str
) -> tuple[str, Cleaned | None, tuple[str, ...]]:
    """In a pool process: ``clean_html``, its error sent back as plain values (our errors
    take keyword arguments a pickled exception cannot carry)."""
    try:
        return "ok", clean_html(page, url=url, source=source), ()
    except SourceError as exc:
        return type(exc).__name__, None, (exc.source, exc.cause, "1" if exc.transient else "")
    except Exception as exc:
        return "crash", None, (type(exc).__name__, str(exc)[:300])


def pooled_cleaner(pool: ProcessPoolExecutor) -> Cleaner:
    """``clean_html`` run in ``pool``; the calling thread (a fetching one) waits for it.
    A broken pool (a worker killed) falls back to cleaning in this process."""
    from concurrent.futures.process import BrokenProcessPool

    errors = {"ExtractError": ExtractError, "ParseError": ParseError, "FetchError": FetchError}

    def clean(page: str, *, url: str | None = None, source: str = "") -> Cleaned:
        try:
            status, cleaned, detail = pool.submit(_clean_in_worker, page, url, source).result()
        except BrokenProcessPool:
            _forget_pool(pool)
            return clean_html(page, url=url, source=source)
        if status == "ok" and cleaned is not None:
            return cleaned
        if status == "crash":
            raise RuntimeError(f"{detail[0]}: {detail[1]}")
        kind = errors.get(status, SourceError)
        raise kind(detail[0], detail[1], transient=bool(detail[2]))

    return clean


def client_for(config: Config) -> HttpClient:
    h = config.http
    return HttpClient(
        timeout=h.timeout,
        max_bytes=h.max_bytes,
        retries=h.retries,
        user_agent=h.user_agent or DEFAULT_USER_AGENT,
        deadline=h.deadline,
        max_redirects=h.max_redirects,
        allow_private=h.allow_private,
        private_hosts=h.private_hosts,
        ca_file=config.resolve(h.ca_file) if h.ca_file else None,
    )


def collect(
    source: Source, config: Config, get: Getter, known: Known | None = None
) -> SourceResult:
    """Every article one source yields; one bad entry or file becomes a ``Failure``.

    A failure of the source as a whole (the feed itself unreachable) raises
    ``SourceError`` so the caller (a Prefect task) can retry transient ones.

    With ``known`` (the state): a feed read on an earlier day is asked with its validators
    (``If-None-Match`` / ``If-Modified-Since``) and a ``304`` is "nothing new" (no
    articles, no failure); entry pages an earlier digest carried are not fetched again.
    """
    location = config.resolve(source.location)
    result = SourceResult(source.name)
    if source.kind == "rss":
        remote = "://" in location
        asked = known.validators if known and remote else {}
        fetched = get(location, asked) if asked else get(location)  # type: ignore[call-arg]
        if fetched.status == NOT_MODIFIED:
            result.not_modified = True
            return result
        if remote:
            result.validators[location] = validators_of(fetched.headers)
        feed = parse_feed(
            fetched.content, fetched.final_url if "://" in location else location, fetched.headers
        )
        if feed.encoding_note:
            result.failures.append(Failure(location, feed.encoding_note, source.name, "degraded"))
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
        if known and known.carried and source.fetch_pages:
            entries, result.skipped = _not_carried(entries, known.carried)
        entry_get = entry_getter(get, location)
        done = iter(range(1, len(entries) + 1))  # next() is atomic under the GIL
        pool = cleaning_pool(config.briefing.processes) if len(entries) >= MIN_POOLED else None
        cleaner = pooled_cleaner(pool) if pool is not None else clean_html

        def one(e: FeedEntry) -> tuple[Article | None, Failure | None]:
            out = _guarded_entry(e, source, entry_get, feed.title or None, cleaner)
            if (hook := PROGRESS) is not None:
                hook(source.name, next(done), len(entries))
            return out

        with ThreadPoolExecutor(max_workers=config.briefing.workers) as pool:
            outcomes = list(pool.map(one, entries))
        for art, fail in outcomes:
            if art:
                result.articles.append(art)
            if fail:
                result.failures.append(fail)
        if remote and any(f.source != location for f in result.failures):
            # an entry failed (maybe for today only): the next run reads the feed in full
            result.validators[location] = {}
    elif source.kind == "page":
        asked = known.validators if known else {}
        fetched = get(location, asked) if asked else get(location)  # type: ignore[call-arg]
        if fetched.status == NOT_MODIFIED:
            result.not_modified = True
            return result
        result.validators[location] = validators_of(fetched.headers)
        result.articles.append(
            page_article(location, source.name, lambda _: fetched, outlet=source.outlet)
        )
    elif source.kind == "file":
        result.articles.append(file_article(location, source.name, get, outlet=source.outlet))
    elif source.kind == "dir":
        for path in list_dir(location, source.exclude):
            try:
                result.articles.append(file_article(path, source.name, get, outlet=source.outlet))
            except SourceError as exc:
                result.failures.append(as_failure(exc, source.name))
            except Exception as exc:  # a library error on one file: still one file
                result.failures.append(unexpected(path, exc, source.name))
    result.articles = [with_source_meta(a, source) for a in result.articles]
    return result


def _not_carried(
    entries: list[FeedEntry], carried: Callable[[Sequence[str]], set[str]]
) -> tuple[list[FeedEntry], int]:
    """Entries whose page an earlier digest did not carry (by normalised URL), and how many
    were left out."""
    from extractors.analysis import normalise_url

    links = {e.link: normalise_url(e.link) for e in entries if e.link and "://" in e.link}
    if not links:
        return entries, 0
    done = carried(sorted(set(links.values())))
    keep = [e for e in entries if not (e.link in links and links[e.link] in done)]
    return keep, len(entries) - len(keep)


def as_failure(exc: SourceError, origin: str = "") -> Failure:
    stage = (
        "fetch"
        if isinstance(exc, FetchError)
        else "parse"
        if isinstance(exc, ParseError)
        else "extract"
    )
    return Failure(exc.source, exc.cause, origin, stage)  # type: ignore[arg-type]


def page_article(
    location: str,
    origin: str,
    get: Getter,
    *,
    source: str | None = None,
    feed_title: str | None = None,
    outlet: str | None = None,
    clean: Cleaner = clean_html,
) -> Article:
    """One page as an Article. Its outlet: the page's ``og:site_name``, else the feed's
    channel title (``feed_title``), else the site named after the page title's separator
    ("Headline | Site"), else the configured ``outlet``; never a ``host:port``."""
    fetched = get(location)
    if "://" in location and not _is_html(fetched):
        raise ParseError(
            location, f"not an HTML page (content-type {fetched.content_type or 'unknown'})"
        )
    charset = charset_from_content_type(fetched.content_type)
    decoded = decode(fetched.content, charset, kind="html")
    cleaned = clean(
        decoded.text,
        url=fetched.final_url if "://" in location else None,
        source=source or location,
    )
    return to_article(
        cleaned,
        source or location,
        origin,
        "page",
        fallback_url=fetched.final_url if "://" in location else None,
        outlets=(feed_title, title_site(decoded.text, cleaned.title), outlet),
        note=decoded.note if decoded.guessed else None,
    )


def file_article(
    path: str, origin: str, get: Getter, *, source: str | None = None, outlet: str | None = None
) -> Article:
    fetched = get(path)
    return to_article(
        parse_file(path, fetched.content), source or path, origin, "file", outlets=(outlet,)
    )


def title_site(page: str, headline: str = "") -> str | None:
    """The site's name after the page title's last separator ("Headline | Site", "Headline
    — Site"), when it is short and is not the headline itself."""
    m = re.search(r"<title[^>]*>(.*?)</title>", page, re.I | re.S)
    if not m:
        return None
    import html

    title = re.sub(r"\s+", " ", html.unescape(m.group(1))).strip()
    parts = re.split(r"\s+[|–—·-]\s+", title)
    if len(parts) < 2:
        return None
    site = parts[-1].strip()
    if not site or len(site.split()) > 6 or site.lower() in headline.lower():
        return None
    return site


def unexpected(where: str, exc: Exception, origin: str) -> Failure:
    """An error no rule anticipated, on one item: recorded, not raised (one bad file or entry
    never costs the rest of its source)."""
    return Failure(where, f"unexpected {type(exc).__name__}: {exc}"[:300], origin, "extract")


def _guarded_entry(
    entry: FeedEntry,
    source: Source,
    get: Getter,
    feed_title: str | None = None,
    clean: Cleaner = clean_html,
) -> tuple[Article | None, Failure | None]:
    try:
        return _entry_article(entry, source, get, feed_title, clean)
    except Exception as exc:
        return None, unexpected(entry.link or entry.guid or entry.title, exc, source.name)


def _entry_article(
    entry: FeedEntry,
    source: Source,
    get: Getter,
    feed_title: str | None = None,
    clean: Cleaner = clean_html,
) -> tuple[Article | None, Failure | None]:
    """Rule (entry fallback): fetch the entry's page; if that fails, use the entry's own text.

    The fallback is said in ``Article.note`` and in the footer as a degraded source.
    """
    link = entry.link
    problem: SourceError | None = None
    if link and source.fetch_pages:
        try:
            art = page_article(
                link, source.name, get, feed_title=feed_title, outlet=source.outlet, clean=clean
            )
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
                cleaned,
                link or entry.guid or source.name,
                source.name,
                "feed-entry",
                note=note,
                outlets=(feed_title, source.outlet),
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
        link or entry.guid or entry.title, _unusable_entry(entry, link), source.name, "parse"
    )


def _unusable_entry(entry: FeedEntry, link: str | None) -> str:
    """Why an entry gave no article, as it is: "no link and no text" only when that is so
    (an entry with a link and a few words used to be told it had neither)."""
    words = len(html_to_text(entry.content).split()) if entry.content.strip() else 0
    text = f"its text is too short to use ({words} words, 5 needed)" if words else "it has no text"
    if link:
        return f"{text} and its page is not fetched (fetch_pages = false)"
    return "entry has no link and no text" if not words else f"entry has no link, and {text}"


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
WH_ARCHIVES = tuple(f"{who}whitehouse.archives.gov" for who in ("biden", "trump", "obama"))
"""The archived White House sites of earlier administrations: official, in New York time."""
SOURCE_TYPES: dict[str, SourceType] = {
    "kcna.kp": "state-media",
    "rodong.rep.kp": "state-media",
    "kcnawatch.org": "state-media",
    "whitehouse.gov": "official",
    **dict.fromkeys(WH_ARCHIVES, "official"),
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
    "usatoday.com": "America/New_York",
    "nypost.com": "America/New_York",
    "foxnews.com": "America/New_York",
    "cbsnews.com": "America/New_York",
    "nbcnews.com": "America/New_York",
    "abcnews.go.com": "America/New_York",
    "whitehouse.gov": "America/New_York",
    **dict.fromkeys(WH_ARCHIVES, "America/New_York"),
    "bbc.co.uk": "Europe/London",
    "bbc.com": "Europe/London",
    "theguardian.com": "Europe/London",
    "dailymail.co.uk": "Europe/London",
    "thesun.co.uk": "Europe/London",
    "independent.co.uk": "Europe/London",
    "mirror.co.uk": "Europe/London",
    "telegraph.co.uk": "Europe/London",
    "express.co.uk": "Europe/London",
    "standard.co.uk": "Europe/London",
    "reuters.com": "UTC",
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
    outlets: tuple[str | None, ...] = (),
) -> Article:
    """``outlets``: names to use, in order, when the text names no outlet of its own (a
    host name is no outlet: a bare domain is the last resort, an IP address or a port
    never)."""
    url = c.url or fallback_url or (source if "://" in source else None)
    named = c.outlet if c.outlet and not _is_host(c.outlet, url) else None
    outlet = (
        named
        or next((o.strip() for o in outlets if o and o.strip()), None)
        or (_host(url) if url else None)
    )
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
        language=language(f"{c.title}\n{c.text}"),
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


def _host(url: str) -> str | None:
    """A domain name as a last-resort outlet; None for an IP address or localhost."""
    host = urlsplit(url).hostname
    if not host or host == "localhost" or re.fullmatch(r"[\d.]+|[0-9a-f:]+", host):
        return None
    return host.removeprefix("www.")


def _is_host(name: str, url: str | None) -> bool:
    """True when ``name`` is only the URL's host (what extractors fall back to), not a name."""
    name = name.strip().lower()
    if re.fullmatch(r"[\w.-]+:\d+", name) or re.fullmatch(r"[\d.]+", name):
        return True
    if not url:
        return False
    parts = urlsplit(url)
    hosts = {parts.netloc.lower(), (parts.hostname or "").lower()}
    return name in hosts | {h.removeprefix("www.") for h in hosts}


__all__ = ["ExtractError", "SourceResult", "collect", "file_article", "page_article"]
