"""The values that pass between stages. One name per concept, used everywhere.

``Article``  one cleaned text from one source (a feed entry, a page, a file)
``Failure``  a source (or part of one) that could not be read, and why
``Relevance`` the topic decision for one article, with its reasons
``KeyPoint`` one sentence of one article, kept because it carries news
``Entity``   a person, organisation, country or place named by the sources
``Event``    a date mentioned by a source, resolved to ISO where possible
``Story``    articles about one event, from one or more outlets
``Digest``   everything for one day: stories, near-misses, failures
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Literal

Via = Literal["page", "feed-entry", "file"]
EntityKind = Literal["person", "organisation", "country", "place"]
SourceType = Literal["news", "official", "state-media", "analysis"]
"""What kind of publisher an article comes from. State media never corroborates news."""


@dataclass(frozen=True)
class Fetched:
    """Bytes and headers of one fetched URL or read file (what the parsers receive)."""

    url: str
    """The URL as asked for."""
    final_url: str
    """Where redirects ended."""
    status: int
    headers: dict[str, str] = field(default_factory=dict)
    content: bytes = b""

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "")


@dataclass(frozen=True)
class Article:
    source: str
    """Where it came from, exactly as given (URL or path); key points cite it."""
    title: str
    text: str
    """The article body only: paragraphs separated by a newline."""
    url: str | None = None
    """A public link for citing (canonical URL or the feed entry link), when known."""
    origin: str = ""
    """Name of the configured source that produced it (the feed's name, say)."""
    author: str | None = None
    published: datetime | None = None
    outlet: str | None = None
    dateline: str | None = None
    via: Via = "page"
    note: str | None = None
    """Set when something was degraded, e.g. the page failed and the feed summary was used."""
    language: str = "en"
    """ISO 639-1 code of the body text ("en", "ko"), detected per article."""
    source_type: SourceType = "news"
    links: tuple[str, ...] = ()
    """Other links under which the same text was found (exact duplicates merged into one)."""

    @property
    def paragraphs(self) -> list[str]:
        return [p for p in self.text.split("\n") if p.strip()]

    @property
    def published_date(self) -> date | None:
        return self.published.date() if self.published else None

    @property
    def fingerprint(self) -> str:
        """A content fingerprint that ignores case, punctuation and white space."""
        words = re.findall(r"\w+", f"{self.title} {self.text}".lower())
        return hashlib.sha256(" ".join(words).encode()).hexdigest()[:20]


_EDITIONS = frozenset(
    [
        "africa",
        "asia",
        "europe",
        "usa",
        "us",
        "uk",
        "global",
        "international",
        "en",
        "english",
        "m",
        "mobile",
        "amp",
        "edition",
    ]
)
"""First labels of a host that name an edition of one outlet, not another outlet
("europe.chinadaily.com.cn" and "www.chinadaily.com.cn", "en.yna.co.kr" and "yna.co.kr")."""


def outlet_key(name: str) -> str:
    """One key per outlet: case, "the", "www." and an edition's host label do not count."""
    key = re.sub(r"\s+", " ", name.strip().lower())
    key = key.removeprefix("the ").removeprefix("www.")
    labels = key.split(".")
    if " " not in key and len(labels) >= 3 and labels[0] in _EDITIONS:
        key = ".".join(labels[1:])
    return key


@dataclass(frozen=True)
class Failure:
    source: str
    error: str
    origin: str = ""
    stage: Literal["fetch", "parse", "extract", "config", "deliver", "degraded"] = "fetch"


@dataclass(frozen=True)
class SourceHealth:
    """One configured source over time (kept in the state store, updated by every run)."""

    source: str
    status: Literal["ok", "not-modified", "failed"] = "ok"
    """This run: read, answered ``304 Not Modified`` (nothing new), or failed as a whole."""
    last_success: str | None = None
    """ISO time of the last run that read it (a 304 counts: the server answered)."""
    failures_in_a_row: int = 0
    last_not_modified: str | None = None
    """ISO time of the last ``304`` answer."""
    skipped: int = 0
    """Entry pages not fetched this run because an earlier digest already carried them."""


@dataclass(frozen=True)
class Reason:
    """One piece of evidence for relevance: a term of a sub-topic (or anchor) found somewhere."""

    group: str
    """A sub-topic id, ``anchor:<name>`` for the topic's anchors, ``cue`` for an engagement
    cue where the anchors meet, or ``penalty:<name>`` for a register penalty term."""
    term: str
    where: Literal["title", "lead", "body"]
    count: int


@dataclass(frozen=True)
class Relevance:
    score: float
    included: bool
    reasons: tuple[Reason, ...] = ()
    subtopics: tuple[str, ...] = ()
    summary: str = ""
    """One line a reader understands: why it is in, or why it is out."""
    reaction: bool = False
    """Kept as a reaction: state media (or a polemic register) on the topic's cooperation.
    Shown under "Reactions and state media"; never corroborates a news story."""
    evidence: str = ""
    """The article's sentence that best shows the anchors meeting (the most engaged one in
    its strongest paragraph, or the title), or its strongest reaction sentence; "" when
    the anchors never meet."""


@dataclass(frozen=True)
class KeyPoint:
    text: str
    source: str
    """The ``Article.source`` the sentence comes from."""
    url: str | None
    outlet: str | None
    paragraph: int
    """Position of the sentence: paragraph index (0-based) in the article body ..."""
    sentence: int
    """... and sentence index (0-based) inside that paragraph."""
    score: float = 0.0
    also: tuple[Corroboration, ...] = ()
    """Other articles of the story (other outlets) that state the same fact."""
    language: str = "en"
    sentences: int = 1
    """How many consecutive source sentences the text joins (2 when a sentence opening on a
    pronoun is joined with the one before it that holds its referent)."""
    speaker: str | None = None
    """Who says the text when it speaks in the first person ("I commend ...", "We will ..."),
    as the source names them: the headline's speaker, a statement's author, a transcript
    turn's label, the person a line such as "The message said:" hands the text to, or the
    document's signer (``keypoints.voice_of``)."""


@dataclass(frozen=True)
class Corroboration:
    """Another article's sentence stating the same fact as a key point."""

    source: str
    outlet: str | None
    text: str
    url: str | None = None


@dataclass(frozen=True)
class Summary:
    """One or two source sentences (at most 60 words) saying who did what, when and where."""

    text: str
    sources: tuple[str, ...] = ()
    """The ``Article.source`` of each sentence used, in order."""


@dataclass(frozen=True)
class Entity:
    name: str
    kind: EntityKind
    role: str | None = None
    affiliation: str | None = None
    aliases: tuple[str, ...] = ()
    mentions: int = 1
    sources: tuple[str, ...] = ()
    evidence: str = ""
    """The sentence the role (or the first mention) was read from."""


@dataclass(frozen=True)
class Event:
    date: str | None
    """ISO date (``YYYY-MM-DD``), or a range ``YYYY-MM-DD/YYYY-MM-DD``; None when unresolved."""
    mention: str
    """The words that name the date ("on Thursday", "next month")."""
    text: str
    """The sentence it came from."""
    source: str
    resolved: bool = True
    sources: tuple[str, ...] = ()
    """Every article (``Article.source``) that mentions this event, ``source`` first."""
    not_event: str | None = None
    """Why its sentence tells no scheduled event at that date ("question", "forecast",
    "room talk", "appeal", "limit", "negated", "deadline"; ``dates.not_event``), "" when it
    does; read at extraction for a date not long past, None when not read (render then reads it)."""


@dataclass(frozen=True)
class Story:
    id: str
    title: str
    articles: tuple[Article, ...]
    relevance: Relevance
    key_points: tuple[KeyPoint, ...] = ()
    entities: tuple[Entity, ...] = ()
    events: tuple[Event, ...] = ()
    subtopics: tuple[str, ...] = ()
    update_of: str | None = None
    """Id of a story in an earlier digest that this one continues."""
    summary: Summary | None = None
    grouping: dict[str, Any] | None = None
    """Why these articles are one story: the signals that joined them (JSON-ready)."""

    @property
    def outlets(self) -> tuple[str, ...]:
        """Distinct outlets ("The Harbour Tribune" and "Harbour Tribune" are one)."""
        seen: dict[str, str] = {}
        for a in self.articles:
            name = a.outlet or a.origin or a.source
            seen.setdefault(outlet_key(name), name)
        return tuple(seen.values())

    @property
    def single_source(self) -> bool:
        return len(self.outlets) < 2


@dataclass(frozen=True)
class Excluded:
    article: Article
    relevance: Relevance


@dataclass(frozen=True)
class Section:
    subtopic: str
    title: str
    stories: tuple[Story, ...] = ()


@dataclass(frozen=True)
class Digest:
    title: str
    topic: str
    date: date
    generated_at: datetime
    stories: tuple[Story, ...] = ()
    sections: tuple[Section, ...] = ()
    excluded: tuple[Excluded, ...] = ()
    failures: tuple[Failure, ...] = ()
    sources: tuple[str, ...] = ()
    """Names of the configured sources that were read (for the health footer)."""
    near_miss: float = 0.0
    """Score at or above which an excluded article is listed as a near-miss."""
    seen_before: int = 0
    """Articles left out because an earlier digest already carried them."""
    reactions: tuple[Story, ...] = ()
    """State-media (and other reaction) stories, shown in "Reactions and state media"."""
    duplicates: int = 0
    """Articles merged into another because their text was the same (links kept)."""
    language: str = "en"
    source_health: tuple[SourceHealth, ...] = ()
    """Each source over time (last success, failures in a row, last 304), from the state."""

    @property
    def events(self) -> tuple[Event, ...]:
        """All dated mentions across stories, in date order (unresolved last)."""
        evs = [e for s in self.stories for e in s.events]
        return tuple(sorted(evs, key=lambda e: (e.date is None, e.date or "", e.source)))

    @property
    def near_misses(self) -> tuple[Excluded, ...]:
        return tuple(x for x in self.excluded if x.relevance.score >= self.near_miss)


def to_jsonable(value: Any) -> Any:
    """Dataclasses, tuples, dates -> plain JSON values (dates as ISO strings)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [to_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    return value


__all__ = [
    "Article",
    "Corroboration",
    "Digest",
    "Entity",
    "Event",
    "Excluded",
    "Failure",
    "Fetched",
    "KeyPoint",
    "Reason",
    "Relevance",
    "Section",
    "Story",
    "Summary",
    "to_jsonable",
]
