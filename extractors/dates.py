"""Dates named in an article, resolved against its publication date: pure functions.

``resolve_dates(article, tz)`` reads every sentence of the body and returns one
``Event`` per date mention, in reading order. Rule-based (regular expressions and
a tense heuristic), linear in the length of the text.

What is read, and how it resolves (``pub`` = the publication date):

- explicit dates: ``2025-04-03``, ``April 3``, ``3 April``, ``April 3, 2025``,
  ``Nov. 20``, ``Thursday, April 3``, ``June 24-25`` (a range); a date without a
  year takes the year that fits the tense (see below), else the nearest one.
- months: ``June 2025``, ``in June`` / ``by June`` / ``since March`` (a month
  without a year needs a preposition: "May" alone is a verb); ``in early June``
  narrows to days 1-10, ``mid`` to 11-20, ``late`` to 21-end. Ranges: first/last day.
- years: only after ``in``/``by``/``until``/``till``/``through``/``before``
  (``by 2035``); a bare year or ``since 2022`` is not an event. A year resolves to
  the whole year as a range, ``2035-01-01/2035-12-31`` (the mention keeps the
  preposition, so "by 2035" still reads as a deadline); ``early``/``mid``/``late``
  narrow to thirds; ``(by) the end of 2025`` is the single day ``2025-12-31``.
- relative days: ``today``, ``tonight``, ``this morning`` (pub), ``tomorrow``,
  ``yesterday``, ``last night``.
- relative periods (ranges): ``this/next/last week`` (Monday-Sunday),
  ``this/next/last month``, ``this/next/last weekend``, ``over the weekend``
  (by tense), ``later/earlier this week|month|year``, ``next year``. A bare
  ``this year`` / ``last year`` is too vague to be an event and is skipped, as
  are ``soon``, ``recently``, ``in the coming weeks``.
- weekdays: ``next Tuesday`` is the first Tuesday after pub, ``last Friday`` the
  last Friday before it, ``this Wednesday`` the one in pub's Monday-Sunday week,
  ``Thursday next week`` the Thursday of that week. A plain ``(on) Thursday``
  takes the tense of its clause: after a future marker (will, would, be, expected,
  scheduled, plans, set to, due, next, ...) the date within [pub, pub+6]; after a
  past marker (said, held, met, was, were, "last week", a verb in -ed but not an
  adjective after "the", ...) the date within [pub-6, pub]; with no marker, the one
  in pub's Monday-Sunday week (the wire-style convention). "to be held" is future,
  "has been held" past. The marker nearest to the mention wins: looking back towards
  the start of the sentence (at most ~400 characters, which keeps long sentences
  linear), and up to six words ahead within the same clause.
- ranges: ``from Wednesday to Friday``, ``Wednesday to Friday``, ``between
  Monday and Wednesday``, ``from June to August``, ``April 30 to May 2``.

``Event.date`` is an ISO date or an ISO range ``start/end``. A relative mention in
an article without a publication date is kept with ``date=None, resolved=False``;
explicit dates with a year resolve anyway. One event per (date, sentence): the
same date named twice in a sentence is one event (for unresolved events the
mention stands in for the date).
"""

from __future__ import annotations

import calendar
import re
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta, timezone
from itertools import islice
from typing import Any
from zoneinfo import ZoneInfo

from . import nlp as spacy_model
from .models import Article, Event
from .text import join_quotes, split_sentences

Range = tuple[date, date]

# ---------------------------------------------------------------- vocabulary

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = {
    name: i
    for i, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
MONTHS = _MONTHS
"""Month names and abbreviations -> 1..12 (shared with story grouping and cleaning)."""
WEEKDAYS = _WEEKDAYS
"""Weekday names, Monday first (shared with story grouping and cleaning)."""

_WD = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
_MON_FULL = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
)
WEEKDAY_RE = _WD
"""A weekday's name, as a regular-expression piece (shared with summaries)."""
MONTH_RE = _MON_FULL
"""A month's full name, as a regular-expression piece (shared with summaries)."""
# Abbreviations only where a day number follows ("Nov. 20"), never alone.
_MON_ANY = rf"(?:{_MON_FULL}|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
_YEAR = r"(?:19|20)\d{2}(?!\d)"
_PREP = r"(?i:on|by|until|till|from|since|before|after|through|in|for|during)"
_PART = r"(?i:early|mid|late)"

_OLD_YEAR_AFTER = r"(?!,?\s+1[0-8]\d\d(?!\d))"
"""A day written with a year before 1900 ("On June 14, 1777, the Continental Congress …")
is history, never a year-less day of the document's year."""
_ISO = re.compile(r"(?<![\w-])(?P<y>(?:19|20)\d{2})-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?![\w-])")
_MD = re.compile(
    rf"(?:\b(?P<prep>{_PREP})\s+)?(?:(?P<wd>{_WD}),?\s+)?(?<![\w])(?<!Long )(?P<mon>{_MON_ANY})\s+"
    rf"(?P<d1>{_DAY})(?:\s*[-–]\s*(?P<d2>{_DAY}))?"
    # "September 9, Juche 37 (1948)": North Korea's calendar gives the year in brackets
    rf"(?:(?:,?|\s+of)\s+(?P<juche>Juche\s+\d{{1,3}}\s*\()?(?P<year>{_YEAR})(?(juche)\)))?(?![\w])"
    rf"{_OLD_YEAR_AFTER}"
)
_DM = re.compile(
    rf"(?:\b(?P<prep>{_PREP})\s+)?(?:(?P<wd>{_WD}),?\s+)?(?<![\d,.\w])(?P<d1>{_DAY})"
    rf"(?:\s*[-–]\s*(?P<d2>{_DAY}))?\s+(?:of\s+)?(?P<mon>{_MON_ANY})(?![\w])"
    rf"(?:,?\s+(?P<year>{_YEAR}))?{_OLD_YEAR_AFTER}"
)
_MY = re.compile(
    rf"(?:\b(?P<prep>{_PREP})\s+)?(?:(?P<part>{_PART})[\s-]+)?(?<![\w])(?P<mon>{_MON_ANY}),?"
    rf"\s+(?P<year>{_YEAR})"
)
_MONTH_ONLY = re.compile(
    r"\b(?P<prep>(?i:in|by|until|till|through|from|since|for|during|before|after))\s+"
    rf"(?:(?P<part>{_PART})[\s-]+)?(?P<mon>{_MON_FULL})(?![\w])"
    rf"|\b(?P<part2>(?i:early|mid|late))[\s-]+(?P<mon2>{_MON_FULL})(?![\w])(?!,?\s+\d)"
)
_MONTH_REL = re.compile(
    rf"(?:\b(?P<prep>{_PREP})\s+)?(?:(?P<part>{_PART})[\s-]+)?(?<![\w])(?P<mon>{_MON_FULL})"
    rf"(?:\s+(?P<d1>{_DAY}))?,?\s+(?:of\s+)?(?P<which>(?i:last|this|next))\s+year\b"
    r"|(?:\b(?P<prep2>(?i:in|by|until|since|from|on))\s+)?\b(?P<which2>(?i:last|next|this\s+"
    rf"past|this\s+coming))\s+(?P<mon2>{_MON_FULL})(?![\w])(?!\s+\d)"
    # "in March last" (British): the last March before pub
    rf"|\b(?P<prep3>(?i:in|since|from|of|during))\s+(?P<mon3>{_MON_FULL})\s+(?P<which3>last)\b"
    r"(?!\s+(?i:year|week|month|night|weekend|time)s?\b)"
)
# KCNA's calendar: "in April Juche 50 (1961)", "in January, Juche 105 (2016)", the
# Gregorian year in brackets.
_JUCHE = re.compile(
    r"\b(?P<prep>(?i:in|of|since|from|by))\s+(?:(?P<part>(?i:early|mid|late))[\s-]+)?"
    rf"(?P<mon>{_MON_FULL}),?\s+Juche\s+\d{{1,3}}\s*\((?P<year>{_YEAR})\)"
)
_YEAR_ONLY = re.compile(
    r"\b(?P<prep>(?i:in|by|until|till|through|before))\s+(?:(?P<part>(?i:the\s+end\s+of|"
    r"end\s+of|the\s+start\s+of|the\s+beginning\s+of|start\s+of|early|mid|late|end))[\s-]+)?"
    rf"(?P<year>{_YEAR})(?![\w-]|[.,]\d)"
)
# A span of years: "from 2007 to 2015", "between 2015 and 2018", "from 1991-1999", "in
# 2010–2014", "from 2016-17" (first January .. last December). Only after a preposition:
# "a 2009-2013 survey" and a score "2015-2018" are no spans. A span joined to one before
# it by "and" reads as that one ("from 2006 to 2007 and 2003 to 2005").
_YEAR_SPAN = re.compile(
    r"\b(?P<prep>(?i:from|between|in|during|through|throughout)|(?<=\d\d\s)(?i:and))"
    rf"\s+(?P<a>{_YEAR})"
    r"(?P<conn>\s*[-–—]\s*|\s+(?i:to|through|thru|until|till|and)\s+)"
    r"(?P<b>(?:19|20)\d{2}|\d{2})(?![\w-]|[.,]\d)"
)
# A season named from the writer's day ("last summer", "next spring", "this past winter")
# or by its year ("the summer of 2016"): the meteorological season of the northern
# hemisphere (spring March-May, summer June-August, autumn September-November, winter
# December-February).
_SEASON = re.compile(
    r"\b(?:(?P<which>(?i:last|this\s+past|this\s+coming|this|next))\s+"
    r"(?P<season>(?i:summer|winter|spring|autumn|fall))(?![\w'’-])"
    rf"|(?:(?P<the>(?i:the))\s+)?(?P<season2>(?i:summer|spring|autumn|fall))\s+of\s+(?P<year>{_YEAR}))"
)
# "during the summer", "over the winter": the season the clause's tense points to (the
# last one begun for a past, the next one not over for a future; none for no tense).
_SEASON_THE = re.compile(
    r"\b(?i:during|in|over|through|throughout)\s+the\s+"
    r"(?P<season>(?i:summer|winter|spring|autumn|fall))(?![\w'’-])"
    r"(?!\s+(?i:of|months?|season|term|session|break|holidays?|recess|transfer)\b)"
)
# The second year of "in 2001 and 2004" (the first is _YEAR_ONLY's).
_YEAR_AND = re.compile(rf"(?<=\d{{4}} and )(?P<year>{_YEAR})(?![\w-]|[.,]\d)")
_IN_YEAR_AND = re.compile(r"\b(?i:in|by)\s+(?:19|20)\d{2}\s+and\s+$")
# The second month of "during October and November", "in March and April" (the first is
# _MONTH_ONLY's): the same tense, the year that follows the first's.
_MONTH_AND = re.compile(rf"(?<= and )(?P<mon>{_MON_FULL})(?![\w])(?!,?\s+\d)")
_IN_MONTH_AND = re.compile(
    r"\b(?i:in|during|by|until|till|since|through|throughout|for)\s+"
    rf"(?:(?i:early|mid|late)[\s-]+)?(?P<first>{_MON_FULL})\s+and\s+$"
)
_REL_DAY = re.compile(
    r"(?i)\b(?:the\s+day\s+(?:before\s+yesterday|after\s+tomorrow)|today|tonight|tomorrow|"
    r"yesterday|this\s+(?:morning|afternoon|evening)|last\s+night)\b"
)
# "a week from today", "two days from now", "ten days from tomorrow": a day counted on.
_OWN_DATE = (
    r"days?\s+(?:after|of|from)\s+the\s+date\s+of\s+this\s+"
    r"(?:memorandum|order|proclamation|directive)\b"
)
"""An order's deadline counted from its own date ("Not later than 180 days after the date of
this memorandum", "Within 90 days of the date of this order"): the day it gives, no event
of the day (``not_event`` "deadline")."""
_FROM_TODAY = re.compile(
    r"(?i)\b(?P<n>an?|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+"
    r"(?P<unit>days?|weeks?)\s+from\s+(?P<base>today|tomorrow|now|tonight)\b"
    rf"|\b(?P<dn>\d{{1,3}})\s+{_OWN_DATE}"
)
_COUNT_WORDS = dict(
    zip(
        ("a", "an", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"),
        (1, 1, 1, 2, 3, 4, 5, 6, 7, 8, 9),
        strict=True,
    ),
    ten=10,
)
_REL_PERIOD = re.compile(
    r"(?i)\b(?:(?P<edge>later|earlier|early|late)\s+)?(?P<which>this|next|last)\s+"
    r"(?P<unit>week|month|year|weekend)\b"
)
_WEEKEND = re.compile(r"(?i)\b(?:over|at|during|through|throughout|on)\s+the\s+weekend\b")
_WD_WEEK = re.compile(
    rf"(?:\b(?P<prep>(?i:on|by|until|from))\s+)?(?<![\w])(?P<wd>{_WD})(?:['’]s)?,?\s+"
    r"(?P<which>(?i:this|next|last))\s+week\b"
)
_WEEKDAY = re.compile(
    r"(?:\b(?P<prep>(?i:on|this\s+coming|this\s+past|this|next|last|coming|past|from|by|until|"
    rf"till|since|through|(?:before|after)(?=\s+{_WD}(?!['’]s\b))))\s+)?"
    r"(?<!Black )(?<!Good )(?<!Cyber )(?<![\w])"
    rf"(?P<wd>{_WD})(?![\w])"
)
# "before Tuesday's vote", "a day before Saturday's incident": the preposition and the
# clause's tense are about the noun's event, not the day; the nearest such day it is.
_BEFORE_POSSESSIVE = re.compile(r"(?i)\b(?:before|after)\s+$")
_ATOM = (
    rf"(?:{_WD}|{_MON_ANY}\s+{_DAY}(?:(?:,?|\s+of)\s+{_YEAR})?|{_DAY}\s+(?:of\s+)?{_MON_ANY}"
    rf"(?:,?\s+{_YEAR})?|{_MON_FULL}(?:\s+{_YEAR})?)"
)
_RANGE = re.compile(
    rf"(?:\b(?P<prep>(?i:from|between))\s+)?(?<![\w])(?P<a>{_ATOM})"
    r"(?P<conn>\s*[-–]\s*|\s+(?i:to|through|thru|until|till|and)\s+)"
    rf"(?P<b>{_ATOM})(?![\w])"
)
# "from December 26 through 28", "between Nov. 3 and 5, 2016": a span within one month.
_MD_TO_DAY = re.compile(
    rf"\b(?P<prep>(?i:from|between))\s+(?:(?P<wd>{_WD}),?\s+)?(?P<mon>{_MON_ANY})\s+"
    rf"(?P<d1>{_DAY})\s+(?P<conn>(?i:to|through|thru|until|till|and))\s+(?P<d2>{_DAY})"
    rf"(?:,?\s+(?P<year>{_YEAR}))?(?![\w]|\s+(?:{_MON_ANY})(?![\w])|[.,]\d)"
)
_ATOM_WD = re.compile(rf"(?P<wd>{_WD})")
_ATOM_MD = re.compile(rf"(?P<mon>{_MON_ANY})\s+(?P<d1>{_DAY})(?:(?:,?|\s+of)\s+(?P<year>{_YEAR}))?")
_ATOM_DM = re.compile(rf"(?P<d1>{_DAY})\s+(?:of\s+)?(?P<mon>{_MON_ANY})(?:,?\s+(?P<year>{_YEAR}))?")
_ATOM_M = re.compile(rf"(?P<mon>{_MON_FULL})(?:\s+(?P<year>{_YEAR}))?")


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Tense markers (lower case). The nearest one to a weekday decides its direction.
_FUTURE = _words(
    "will shall would might may should must be expected expects scheduled plans "
    "plan planned planning upcoming next due slated aims intends later coming "
    "runs continues lasts remains stays opens closes begins starts ends prepare prepares "
    "preparing ahead expires resumes convenes reconvenes concludes departs go goes"
)
_PAST = _words(
    "said told held met was were had did been went came took made gave began spoke left "
    "flew sent wrote won lost struck sought brought became saw found kept led ran rose "
    "fell got ago earlier drew threw broke chose drove wore paid stood thought caught bought "
    "fought sold sat spent heard knew meant rode shook slept stole swept swam understood "
    "withdrew fled froze hung laid sank swung overtook undertook upheld woke died "
    "didn't didn’t wasn't wasn’t weren't weren’t hadn't hadn’t built felt grew shot taught "
    "hid lit sang rang fed bled dug dealt wept forgot forgave overcame rebuilt arose "
    "overran overthrew swore tore bore sped spun stuck strove"
)
# The same form in the present and the past ("beat", "hit"): past unless a modal or "to"
# comes before ("will beat", "to hit").
_PAST_OR_PRESENT = _words("beat hit put cut quit shut spread hurt split")
_BARE_BEFORE = _words(
    "will would shall should can could may might must to did does do not don't don’t won't won’t"
)
# Words in -ed that are not past-tense verbs.
_ED_STOP = _words(
    "need speed feed seed indeed exceed proceed succeed hundred united based armed "
    "advanced concerned related limited detailed experienced sophisticated unprecedented "
    "renewed shared alleged tailored skilled combined heightened so-called red"
)
_WD_START = re.compile(rf"\s*{_WD}")
_DETERMINERS = _words(
    "the a an its his her their our your this that these those some any no most more such "
    "well newly previously"
)
# A present tense after these refers ahead: "after he takes office in January".
_TEMPORAL = _words("after when once until before")
_CAN = _words("can cannot can't can’t")
_PLAN_WORDS = _words("planned scheduled expected intended proposed")
_PRONOUNS = _words("he she it they we")
# What follows a verb, never a noun after an adjective: "that happened on", "that ended in".
_AFTER_VERB = frozenset(
    {"", "on", "in", "at", "by", "during", "last", "earlier", "this", "yesterday"}
)
_PAST_S = _words("was has is")
_PERIODS = _words("week weekend month year night summer winter spring autumn fall time")
_CLAUSE_END = {",", ";", ":", "—", "–", "(", ")", "[", "]", '"', "“", "”"}
_WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)?|[,;:()\[\]\"“”—–]")


# ---------------------------------------------------------------- entry point


def publication_day(article: Article, tz: str | None = None) -> tuple[date | None, bool]:
    """(the day relative words are read from, whether a past weekday may be that day + 1).

    Relative words ("today", "on Tuesday") are the writer's. A timestamp with a non-UTC
    offset (its outlet's own, or the zone fetch/sources.py gave a naive one from the
    config or the domain) gives the writer's day. A UTC one is converted to the digest's
    zone ``tz``; a naive one is read as UTC, never silently in the digest's zone. A bare
    date (midnight, no time) stays that date. When the writer's zone is behind ``tz``
    and ``tz`` is already on the next day (or the time is unknown), an event "on
    <weekday>" in the past tense may be that next day where the event was.
    """
    pub = article.published
    if pub is None:
        return url_date(article.url), False
    offset = pub.utcoffset()
    midnight = pub.hour == pub.minute == pub.second == pub.microsecond == 0
    if offset is None:
        if midnight:
            return pub.date(), False
        pub = pub.replace(tzinfo=UTC)
        offset = timedelta(0)
    if not offset and not midnight and not _named_zone(pub):
        return (pub.astimezone(ZoneInfo(tz)) if tz else pub).date(), False
    if not tz:
        return pub.date(), False
    there = pub.astimezone(ZoneInfo(tz))
    there_offset = there.utcoffset()
    behind = there_offset is not None and offset < there_offset
    return pub.date(), behind and (midnight or there.date() > pub.date())


_URL_DATE = re.compile(
    r"/(?P<y>(?:19|20)\d{2})/(?P<m>[01]?\d|[a-z]{3})/(?P<d>[0-3]?\d)(?=/|[-_.]|$)", re.I
)


def url_date(url: str | None) -> date | None:
    """The day in an article's address (``/2016/11/03/``, ``/2016/nov/09/``), if any: an
    undated article's publication day."""
    m = _URL_DATE.search(url or "")
    if m is None:
        return None
    mon = m["m"].lower()
    month = int(mon) if mon.isdigit() else _MONTHS.get(mon)
    return _safe_date(int(m["y"]), month, int(m["d"])) if month else None


def _named_zone(pub: datetime) -> bool:
    """The timestamp carries its outlet's named zone (Europe/London in winter is +00:00
    but the writer's day all the same), not UTC."""
    key = getattr(pub.tzinfo, "key", None)
    return bool(key) and key not in ("UTC", "Etc/UTC", "Etc/GMT", "GMT", "Zulu", "Etc/Zulu")


def publication_date(article: Article, tz: str | None = None) -> date | None:
    """The article's publication day in ``tz`` (see ``publication_day``)."""
    return publication_day(article, tz)[0]


def _local_time(article: Article, tz: str | None) -> datetime | None:
    """The publication time as ``publication_day`` reads it (None for a bare date)."""
    pub = article.published
    if pub is None or pub.hour == pub.minute == pub.second == pub.microsecond == 0:
        return None
    if pub.tzinfo is None:
        pub = pub.replace(tzinfo=UTC)
    if not pub.utcoffset() and not _named_zone(pub) and tz:
        return pub.astimezone(ZoneInfo(tz))
    return pub


# An agency dateline: "WASHINGTON, Nov 6 (Reuters) -", "Pyongyang, September 19 (KCNA) --".
_DATELINE = re.compile(
    rf"^(?:[^\n]{{0,300}}?\b)?[A-Z][A-Za-z .'-]{{1,40}},\s+(?P<mon>{_MON_ANY})\s+(?P<d>{_DAY})\s*"
    r"\((?:Reuters|AP|AFP|UPI|Yonhap|KCNA|Xinhua|dpa|Kyodo|Bloomberg|TASS)\)\s*[-–—]"
)
# Part-of-day words in the past tense that cannot be later than the clock at publication:
# "the meeting this afternoon was", "welcomed the move this evening", "at 9.40pm today".
_PART_OF_DAY = re.compile(r"(?i)\b(?:this\s+(?P<part>afternoon|evening)|(?P<night>tonight))\b")
_CLOCK_TODAY = re.compile(
    r"(?i)\bat\s+(?:around\s+|about\s+)?(?P<h>1[0-2]|0?[1-9])(?:[.:](?P<mi>[0-5]\d))?\s*"
    r"(?P<ap>am|pm|a\.m\.|p\.m\.)\s+(?:local\s+time\s+)?today\b"
)


def writer_day(article: Article, tz: str | None = None) -> tuple[date | None, bool]:
    """``publication_day``, corrected by what the text itself says of the writer's day
    (see ``_writer_day``)."""
    day, next_ok, _ = _writer_day(article, tz)
    return day, next_ok


_HEADER_CLOCK = re.compile(
    r"^\s*(?P<h>1[0-2]|0?[1-9]):(?P<mi>[0-5]\d)\s*(?P<ap>[AaPp])\.?\s*[Mm]\.?\s+"
    r"(?P<z>[ECMP][DS]T|GMT|UTC|BST|CES?T|KST|JST)\s*$"
)
_ZONE_HOURS = {
    "EDT": -4, "EST": -5, "CDT": -5, "CST": -6, "MDT": -6, "MST": -7, "PDT": -7, "PST": -8,
    "GMT": 0, "UTC": 0, "BST": 1, "CET": 1, "CEST": 2, "KST": 9, "JST": 9,
}  # fmt: skip


HELD_BEFORE = timedelta(hours=6)
"""A header clock this much later than the stamp, on the stamp's day, was the day before."""
_EMBARGO = re.compile(r"\bembargo", re.I)


def held_day(article: Article) -> date | None:
    """The day a transcript was held, in its header's zone, when its header's clock ("5:05
    P.M. PDT", a line of its own in the first paragraphs) is later than the stamp on the
    stamp's day: a call held the evening before and stamped when its embargo lifted
    ("embargoed until 5:00 a.m."), whose "tomorrow" is the stamp's day. Only for a text
    that speaks of its embargo: other pages' stamps are at times set before the event
    (a signing at 4:32 P.M. stamped 7:12 A.M. that day). None otherwise."""
    pub = article.published
    if pub is None or (pub.hour == pub.minute == 0):
        return None
    if not any(_EMBARGO.search(p) for p in article.paragraphs[:8]):
        return None
    if pub.utcoffset() is None:
        pub = pub.replace(tzinfo=UTC)
    for para in article.paragraphs[:4]:
        m = _HEADER_CLOCK.match(para)
        if m is None:
            continue
        zone = timezone(timedelta(hours=_ZONE_HOURS[m["z"]]))
        h = int(m["h"]) % 12 + (12 if m["ap"].lower() == "p" else 0)
        there = pub.astimezone(zone)
        held = datetime.combine(there.date(), time(h, int(m["mi"])), zone)
        # a header a few minutes past the stamp is a stamp set as the call began
        return there.date() - timedelta(days=1) if held - pub > HELD_BEFORE else there.date()
    return None


_HEADER_DATE = re.compile(rf"\(\s*(?P<mon>{_MON_ANY})\s+(?P<d>{_DAY}),?\s+(?P<y>{_YEAR})\s*\)")
HEADER_LINES = 3
"""A transcript header's date is in one of its first this many paragraphs, ..."""
HEADER_WORDS = 16
"""... of at most this many words ("Private Residence Los Angeles, California (June 10,
2022)")."""
HEADER_DAYS = timedelta(days=3)
"""A header date at most this long before the stamp is the day the remarks were given."""


def header_day(article: Article) -> date | None:
    """The day a transcript's header gives in parentheses ("Private Residence / Los
    Angeles, California / (June 10, 2022)"): the remarks were given that day, whenever
    the page was stamped (a Friday evening's remarks posted on Saturday). None when the
    first ``HEADER_LINES`` short paragraphs give none."""
    for para in article.paragraphs[:HEADER_LINES]:
        if len(para.split()) > HEADER_WORDS:
            continue
        if m := _HEADER_DATE.search(para):
            return _safe_date(int(m["y"]), _month_num(m["mon"]), _num(m["d"]))
    return None


def _writer_day(article: Article, tz: str | None = None) -> tuple[date | None, bool, bool]:
    """``publication_day``, corrected by what the text itself says of the writer's day.

    - A transcript header's date ("(June 10, 2022)", ``header_day``) names the day the
      remarks were given: it wins when it is up to ``HEADER_DAYS`` before the stamp.
    - An agency dateline ("WASHINGTON, Nov 6 (Reuters) -") names the writer's day: it
      wins when it is that day or the day before.
    - The clock and the tense: a past "this afternoon" / "this evening" / "tonight" in
      an article stamped before noon, or a past "at 9.40pm today" later than the stamp,
      was written the day before (a late story stamped after midnight, or one read in a
      zone ahead of the writer's).

    The third value: the clock moved the day back. Such a story is often one rolled on
    past midnight, whose later copy counts from the stamp's day ("yesterday" there is the
    evening "tonight" named): its "yesterday", "tomorrow" and "last night" are unpinned.
    """
    day, next_ok = publication_day(article, tz)
    if day is None:
        return day, next_ok, False
    if (held := held_day(article)) is not None and held == day - timedelta(days=1):
        return held, False, False
    if (given := header_day(article)) is not None and timedelta(0) < day - given <= HEADER_DAYS:
        return given, False, False
    head = " ".join(article.paragraphs[:2])[:600]
    if m := _DATELINE.match(head):
        for y in (day.year, day.year - 1):
            d = _safe_date(y, _month_num(m["mon"]), _num(m["d"]))
            if d is not None and timedelta(0) <= day - d <= timedelta(days=1):
                return d, next_ok and d == day, False
    local = _local_time(article, tz)
    if local is None or local.date() != day:
        return day, next_ok, False
    clock = local.time()
    for para in article.paragraphs:
        for sentence in split_sentences(para):
            for m in _PART_OF_DAY.finditer(sentence):
                if clock < time(12) and tense_direction(sentence, m.start(), m.end()) == "past":
                    return day - timedelta(days=1), False, True
            for m in _CLOCK_TODAY.finditer(sentence):
                h = int(m["h"]) % 12 + (12 if m["ap"].lower().startswith("p") else 0)
                said = time(h, int(m["mi"] or 0))
                if said > clock and tense_direction(sentence, m.start(), m.end()) == "past":
                    return day - timedelta(days=1), False, True
    return day, next_ok, False


# A relative day the text pins to a calendar date: "engagements tomorrow — Tuesday, June
# 7th", "today, June 6", "tonight (June 6)".
_PINNED = re.compile(
    rf"(?i:\b(?P<rel>today|tonight|tomorrow))\s*(?:[—–(:,]|--?)\s*(?:{_WD},?\s+)?"
    rf"(?:(?P<mon>{_MON_ANY})\s+(?P<d>{_DAY})|(?P<d2>{_DAY})\s+(?:of\s+)?(?P<mon2>{_MON_ANY}))"
    rf"(?:,?\s+(?P<y>{_YEAR}))?"
)


def _anchor_day(article: Article, pub: date) -> date | None:
    """The writer's day as the document itself fixes it: a relative day the text pins to a
    date ("... tomorrow — Tuesday, June 7th": written on 6 June, however late it was
    stamped). Only the first such pin, and only one day off ``pub`` or the same day."""
    for para in article.paragraphs:
        m = _PINNED.search(para)
        if m is None:
            continue
        mon, d = (m["mon"], m["d"]) if m["mon"] else (m["mon2"], m["d2"])
        years = (int(m["y"]),) if m["y"] else (pub.year, pub.year + 1, pub.year - 1)
        for y in years:
            said = _safe_date(y, _month_num(mon), _num(d))
            if said is None:
                continue
            day = said - timedelta(days=1) if m["rel"].lower() == "tomorrow" else said
            if abs((day - pub).days) <= 1:
                return day
        return None
    return None


_TODAY_WORDS = re.compile(r"(?i)\b(?:today|tonight|this\s+(?:morning|afternoon|evening))\b")


def _event_day(article: Article, pub: date) -> date | None:
    """The day before ``pub`` that a report the day after is about: its first date, in
    its first three paragraphs, is that day named by weekday or "yesterday" ("Hamilton won
    on Sunday" in Monday's paper), and the writer never says "today" outside a quotation.
    """
    first: tuple[str, str | None] | None = None
    for para in article.paragraphs[:3]:
        for sentence in split_sentences(para):
            if found := [f for f in find_dates(sentence, pub) if f[1] is not None]:
                first = found[0]
                break
        if first is not None:
            break
    if first is None or first[1] != (pub - timedelta(days=1)).isoformat():
        return None
    if not re.search(rf"(?i){_WD}|yesterday", first[0]):
        return None
    for para in article.paragraphs:
        if _TODAY_WORDS.search(_QUOTE.sub(" ", para)):
            return None
    return pub - timedelta(days=1)


_EXPLICIT_DAY = re.compile(rf"(?i)\b(?:{_MON_ANY})\s+{_DAY}\b|\b{_DAY}\s+(?:of\s+)?{_MON_ANY}")
_REPORTED = re.compile(
    r"(?i)\b(?:saying|said|says|noting|noted|stressing|stressed|adding|added|emphasizing|"
    r"emphasized|stating|stated|expressing|expressed|pointing\s+out|referring\s+to\s+[\w\s]{0,40}?)"
    r"\s+that\b"
)


def _report_day(article: Article, pub: date) -> date | None:
    """The day a report's event took place when its first paragraph dates it with an
    explicit day one to three days before the writer's ("Pyongyang, September 13 (KCNA)
    -- Kim Jong Un inspected … on September 11"): what the report then puts in a speaker's
    mouth ("Saying that as seen in today's training, …") was said that day."""
    if not article.paragraphs:
        return None
    for sentence in split_sentences(article.paragraphs[0]):
        found = [f for f in find_dates(sentence, pub) if f[1] is not None]
        if not found:
            continue
        mention, value = found[0]
        if value is None or "/" in value or not _EXPLICIT_DAY.search(mention):
            return None
        day = date.fromisoformat(value)
        return day if 1 <= (pub - day).days <= 3 else None
    return None


def _reported_today(
    sentence: str, found: list[tuple[str, str | None]], pub: date, report_day: date
) -> list[tuple[str, str | None]]:
    """A "today" inside reported speech ("he said that …", "Saying that …") of a report
    about an earlier day (``_report_day``) is that day."""
    out = []
    for mention, value in found:
        at = sentence.find(mention)
        if (
            value == pub.isoformat()
            and mention.lower() in ("today", "tonight")
            and at > 0
            and _REPORTED.search(sentence, 0, at)
            and not _QUOTE.search(sentence, 0, at)
        ):
            value = report_day.isoformat()
        out.append((mention, value))
    return out


def resolve_dates(article: Article, tz: str | None = None) -> tuple[Event, ...]:
    """Every date mention of the article body, resolved against the writer's day
    (``writer_day``); a document that pins a relative day to a date ("tomorrow — Tuesday,
    June 7th") counts all its relative days from the day that pin implies."""
    pub, next_ok, rolled = _writer_day(article, tz)
    written = pub
    anchor = _anchor_day(article, pub) if pub is not None else None
    if anchor is not None and anchor != pub:
        pub, next_ok, rolled = anchor, False, False
    late = _late_stamp_day(article, pub) if pub is not None and anchor is None else None
    if late is not None:
        pub, next_ok, rolled = late, False, False
    event_day = _event_day(article, pub) if pub is not None and anchor is None else None
    report_day = _report_day(article, pub) if pub is not None and anchor is None else None
    local = _local_time(article, tz)
    # Stamped in the writer's evening: "said last night" is often the print edition's
    # copy for the next morning, i.e. this very evening, or the night before: unpinned.
    evening = local is not None and local.date() == pub and local.time() >= time(18)
    events: list[Event] = []
    seen: set[tuple[str, str]] = set()
    said_before: date | None = None  # the attribution day of the paragraph before
    prev_para = ""
    for para in article.paragraphs:
        signed, prev_para = _SIGNED.search(prev_para), para
        if _STAMP.match(para) and len(para.split()) <= 12 and not _FB_POST.match(para):
            continue  # "Xinhua | Updated: 2017-09-15 21:45": the page's own stamp, no event
        if signed and len(para.split()) <= 6:
            continue  # "THE WHITE HOUSE," / "July 16, 2024.": the signature's date
        # A paragraph that is all quotation, with no speech verb of its own, goes on the
        # quotation of the paragraph before ("'... re-programmed today.'" after "...,'
        # Leahy said on Friday."): its "today" is that day.
        # An embedded post ("... today: pic.twitter.com/x — Zoo (@Zoo) May 28, 2016") or a
        # quoted release ("ADVISORY (October 24, 2017) – ... has today taken ...") says
        # "today" on its own day: its relative days count from that day, not the page's.
        own = _own_day(para, pub)
        if own is not None:
            for _, sentence in join_quotes(split_sentences(para)):
                for mention, value in find_dates(sentence, own):
                    key = (value or f"?{mention.casefold()}", sentence)
                    if key in seen:
                        _prefer_explicit(events, key, mention)
                    else:
                        seen.add(key)
                        events.append(
                            Event(value, mention, sentence, article.source, value is not None)
                        )
            said_before = None
            continue
        goes_on = para.lstrip()[:1] in _QUOTE_MARKS and not _SPEECH.search(para)
        said_on = said_before if goes_on else None
        said_before = said_on
        asked = bool(_Q_LINE.match(para))
        for _, sentence in join_quotes(split_sentences(para)):
            found = find_dates(
                sentence, pub, next_ok=next_ok, said_on=said_on, asked=asked, event_day=event_day
            )
            if article.source_type == "state-media":
                found = [f for f in found if not _nowadays_lead(sentence, f[0])]
            if report_day is not None and pub is not None:
                found = _reported_today(sentence, found, pub, report_day)
            if not goes_on and pub is not None:
                said_before = _attribution_day(sentence, found, pub)
            for mention, value in found:
                if evening and _LAST_NIGHT.fullmatch(mention.lower()):
                    continue
                if rolled and _COUNTED.fullmatch(mention.lower()):
                    # a story rolled past midnight: "today" is its evening's day as "tonight"
                    # is, but which day "yesterday" counts from is open
                    continue
                key = (value or f"?{mention.casefold()}", sentence)
                if key in seen:
                    _prefer_explicit(events, key, mention)
                    continue
                seen.add(key)
                events.append(
                    Event(
                        date=value,
                        mention=mention,
                        text=sentence,
                        source=article.source,
                        resolved=value is not None,
                    )
                )
    if pub is not None:
        events = _year_less_days(events, pub)
    week = _proclaimed_week(events)
    if week is not None:
        # a proclamation's "This week, we can all feel new pride": the week it proclaims
        events = [replace(e, date=week) if e.mention.lower() == "this week" else e for e in events]
    since = min(written, pub) - timedelta(days=READ_DAYS) if written and pub else None
    return read_events(events, since)


READ_DAYS = 7
"""Events ending this many days or more before the writer's day are long past: their
``not_event`` is not read at extraction (no digest lists them)."""


def read_events(events: Sequence[Event], since: date | None) -> tuple[Event, ...]:
    """``events`` with ``not_event`` read (``not_event``; "" for an event) for each dated
    one that ends on or after ``since`` (all of them when ``since`` is None), so that
    rendering Upcoming reads the field and never parses."""
    todo = [
        i
        for i, e in enumerate(events)
        if e.not_event is None
        and e.resolved
        and e.date
        and (since is None or date.fromisoformat(e.date.rpartition("/")[2]) >= since)
    ]
    _parse_all([t for i in todo if not _asks(t := events[i].text.strip())])
    out = list(events)
    for i in todo:
        out[i] = replace(events[i], not_event=not_event(events[i]) or "")
    return tuple(out)


_YEARLESS_DAY = re.compile(
    rf"^(?:(?:{_PREP}|the)\s+)?(?:(?P<mon>{_MON_ANY})\s+(?P<d>{_DAY})|(?P<d2>{_DAY})\s+(?:of\s+)?"
    rf"(?P<mon2>{_MON_ANY}))$"
)
FAR_DAYS = 150
"""A day named without its year more than this many days from the writer's day is not
placed by guessing a year: "what happened on January 6th" in 2024 is 2021's, which only
the text could say."""


def _year_less_days(events: list[Event], pub: date) -> list[Event]:
    """A day named without a year ("January 6th") that the tense places more than
    ``FAR_DAYS`` from ``pub`` takes the year the document writes it with elsewhere
    ("January 6, 2021"); else it is left out rather than guessed when the document gives
    it two different years (one "January 6th" told in the past, one in the present) or
    when no past tense placed it."""
    written: dict[tuple[int, int], set[int]] = {}
    guessed: dict[tuple[int, int], set[int]] = {}
    for e in events:
        if not (e.date and "/" not in e.date):
            continue
        d = date.fromisoformat(e.date)
        bare = bool(_YEARLESS_DAY.match(e.mention.strip()))
        (guessed if bare else written).setdefault((d.month, d.day), set()).add(d.year)
    out = []
    for e in events:
        if not (e.date and "/" not in e.date) or not _YEARLESS_DAY.match(e.mention.strip()):
            out.append(e)
            continue
        d = date.fromisoformat(e.date)
        if abs((d - pub).days) <= FAR_DAYS:
            out.append(e)
            continue
        years = written.get((d.month, d.day), set())
        if len(years) == 1:
            out.append(replace(e, date=d.replace(year=next(iter(years))).isoformat()))
            continue
        at = e.text.casefold().find(e.mention.casefold())
        past = at >= 0 and tense_direction(e.text, at, at + len(e.mention)) == "past"
        if past and len(guessed[(d.month, d.day)]) == 1:
            out.append(e)
    return out


_PROCLAIM = re.compile(r"(?i)\bproclaim\s+(?:the\s+week\s+of\s+)?$")


def _proclaimed_week(events: list[Event]) -> str | None:
    """The span a proclamation proclaims as a week ("do hereby proclaim July 23 through
    July 29, 2023, as Made in America Week"), if any."""
    for e in events:
        if e.date is None or "/" not in e.date or not re.search(r"(?i)\bWeek\b", e.text):
            continue
        i = e.text.find(e.mention)
        if i < 0 or not _PROCLAIM.search(e.text[max(0, i - 40) : i]):
            continue
        a, b = (date.fromisoformat(x) for x in e.date.split("/"))
        if 0 < (b - a).days <= 7:
            return e.date
    return None


_QUOTE_MARKS = frozenset("\"'“‘")
# A sentence led by a bare "Today" with a clause in the present ("Today the WPK is
# developing ...", "Today when the imperialists ..."): in state media, these days.
_TODAY_LEAD = re.compile(r"^\W{0,3}Today\s+(?!,)")


_BECOME = re.compile(
    r"(?i)\b(?:has|have|is|are)\s+(?:now\s+|already\s+)?(?:become|turned\s+into|grown\s+into|"
    r"emerged\s+as|becoming)\b"
)
"""What a thing has become: "Today, the bloc … has become a dangerous factor" is nowadays."""


def _nowadays_lead(sentence: str, mention: str) -> bool:
    if mention == "Today" and re.match(r"^\W{0,3}Today,", sentence) and _BECOME.search(sentence):
        return True
    if mention != "Today" or _TODAY_LEAD.match(sentence) is None:
        return False
    i = sentence.index("Today")
    return tense_direction(sentence, i, i + 5) != "past"


def _prefer_explicit(events: list[Event], key: tuple[str, str], mention: str) -> None:
    """One event per date and sentence, named by its calendar date when the sentence
    gives both ("... today: ... (@zoo) May 28, 2016"): the reader sees the day itself."""
    if _REL_DAY.fullmatch(mention.lower()) or not any(ch.isdigit() for ch in mention):
        return
    for i in range(len(events) - 1, -1, -1):
        e = events[i]
        if (e.date or f"?{e.mention.casefold()}", e.text) == key:
            if _REL_DAY.fullmatch(e.mention.lower()):
                events[i] = replace(e, mention=mention)
            return


def _attribution_day(sentence: str, found: list[tuple[str, str | None]], pub: date) -> date | None:
    """The earlier day a quotation in ``sentence`` is attributed to ("..., Leahy said on
    Friday."), if any."""
    if not (_SPEECH.search(sentence) and any(q in sentence for q in _QUOTE_MARKS | {"’", "”"})):
        return None
    for _, value in found:
        if value and "/" not in value and date.fromisoformat(value) < pub:
            return date.fromisoformat(value)
    return None


_POST_STAMP = re.compile(rf"\(@\w+\)\s+(?P<mon>{_MON_FULL})\s+(?P<d>{_DAY}),\s+(?P<y>{_YEAR})\s*$")
_RELEASE_DAY = re.compile(
    rf"^[^()]{{0,200}}\((?P<mon>{_MON_FULL})\s+(?P<d>{_DAY}),\s+(?P<y>{_YEAR})\)\s*[-–—]\s"
)


_RU_MONTHS = {
    m: i + 1
    for i, m in enumerate(
        [
            "января",
            "февраля",
            "марта",
            "апреля",
            "мая",
            "июня",
            "июля",
            "августа",
            "сентября",
            "октября",
            "ноября",
            "декабря",
        ]
    )
}
_ANY_POST_STAMP = re.compile(
    rf"\(@\w+\)\s+(?:(?P<mon>{_MON_FULL})\s+(?P<d>{_DAY}),\s+(?P<y>{_YEAR})"
    rf"|(?P<d2>{_DAY})\s+(?P<mon2>{_MON_FULL}|{'|'.join(_RU_MONTHS)})\s+(?P<y2>{_YEAR}))"
)
"""An embedded post's signature stamp, "(@handle) May 28, 2016", or day first as a
reader's locale renders it ("(@azusata) 14 сентября 2017 г.", an RT page)."""
LATE_STAMP_DAYS = 30
"""A page stamped this many days after the newest post it embeds was stamped late: its
relative days count from that post's day."""


def _late_stamp_day(article: Article, pub: date) -> date | None:
    """The writer's day of a page stamped long after what it reports (a news-please RT
    page of a September launch stamped in late November): the newest embedded post's day,
    when it is more than ``LATE_STAMP_DAYS`` before the stamp."""
    days = []
    for para in article.paragraphs:
        for m in _ANY_POST_STAMP.finditer(para):
            if m["mon"]:
                d = _safe_date(int(m["y"]), _month_num(m["mon"]), _num(m["d"]))
            else:
                mon = m["mon2"].lower()
                month = _RU_MONTHS.get(mon) or _month_num(mon)
                d = _safe_date(int(m["y2"]), month, _num(m["d2"]))
            if d is not None:
                days.append(d)
    if not days:
        return None
    newest = max(days)
    return newest if (pub - newest).days > LATE_STAMP_DAYS else None


def _own_day(para: str, pub: date | None) -> date | None:
    """The day an embedded post or a quoted press release was written, when it is
    earlier than the page's and the paragraph has a relative day to count from it."""
    m = _POST_STAMP.search(para) or _RELEASE_DAY.match(para)
    if m is None or pub is None or not _REL_DAY.search(para):
        return None
    own = _safe_date(int(m["y"]), _month_num(m["mon"]), _num(m["d"]))
    return own if own is not None and own < pub else None


# A signature's place, whose date follows in the next paragraph.
_SIGNED = re.compile(r"^\s*(?:THE\s+WHITE\s+HOUSE|[A-Z][A-Z .'-]{2,40}),\s*$")
_COUNTED = re.compile(r"yesterday|tomorrow|last\s+night")
_LAST_NIGHT = re.compile(r"last\s+night")
# An embedded Facebook post's credit line ("Posted by Ministerio de Seguridad on Sunday,
# 31 December 2017"): the day it was posted, an event like a tweet's stamp.
_FB_POST = re.compile(
    rf"^\s*Posted\s+by\s+[^|:]{{2,60}}?\s+on\s+{_WD},\s+{_DAY}\s+{_MON_FULL}\s+{_YEAR}\s*$"
)
_STAMP = re.compile(
    r"^\s*(?:[\w .-]{1,30}\|\s*)?(?:updated|published|posted|last\s+(?:updated|modified))\b",
    re.I,
)


def find_dates(
    sentence: str,
    pub: date | None,
    *,
    next_ok: bool = False,
    said_on: date | None = None,
    asked: bool = False,
    event_day: date | None = None,
) -> list[tuple[str, str | None]]:
    """(mention, ISO date or range or None) for each date named in one sentence, in order.

    ``next_ok``: a past weekday may be ``pub`` + 1 (see ``publication_day``).
    ``said_on``: the sentence goes on a quotation attributed to that earlier day (see
    ``resolve_dates``): its "today", "tomorrow" ... count from that day.
    ``asked``: the sentence is in a reporter's question paragraph ("Q ..."), so a sentence
    of it ending in "?" is the question, though not its first.
    ``event_day``: the day before ``pub`` a report the day after tells of (see
    ``_event_day``): a quotation's "today", attributed with no day of its own, is it."""
    cands: list[tuple[int, int, str, str | None]] = []
    line = _DATELINE.match(sentence)
    # a reporter's question itself; a fact the reporter states first ("Q The office said
    # the leaders would meet in August.") keeps its dates
    question = (asked or bool(_Q_LINE.match(sentence))) and sentence.rstrip(" \"'”’)").endswith("?")
    blocked: list[tuple[int, int]] = []  # spans dropped whole: no shorter part of them stays
    for pattern, handler in _PATTERNS:
        for m in pattern.finditer(sentence):
            if line and line.start("mon") <= m.end() and m.start() < line.end():
                continue  # "Pyongyang, September 12 (KCNA) --": the dateline, no event
            if _not_a_date(sentence, m):
                continue
            result = handler(_Ctx(sentence, m, pub, next_ok)) if m.end() > m.start() else _SKIP
            if (
                isinstance(result, tuple)
                and pub is not None
                and result[0] > pub
                and pattern in _RELATIVE
                and _hypothetical(sentence, m.start())
            ):
                blocked.append((m.start(), m.end()))
                continue  # a day ahead that may never come: no Upcoming entry
            if isinstance(result, tuple) and pub is not None and result[1] >= pub and question:
                continue  # a reporter's question ("Q ... beyond tomorrow?"): no Upcoming entry
            if not isinstance(result, _Skip):
                value = _iso(result) if result is not None else None
                cands.append((m.start(), m.end(), m.group(0).strip(), value))
    # ("could start a week from today": not "today")
    cands = [c for c in cands if not any(a <= c[0] and c[1] <= b for a, b in blocked)]
    # Longest match wins; overlapping shorter ones go.
    starts: list[int] = []
    kept: list[tuple[int, int, str, str | None]] = []  # by start, never overlapping
    for c in sorted(cands, key=lambda c: (c[0] - c[1], c[0])):
        i = bisect_right(starts, c[0])
        if (i and kept[i - 1][1] > c[0]) or (i < len(kept) and kept[i][0] < c[1]):
            continue
        starts.insert(i, c[0])
        kept.insert(i, c)
    # An explicit date beside a weekday wins: "last Sunday (September 3)", "Sunday, Sept. 3".
    out: list[tuple[int, int, str, str | None]] = []
    for c in kept:
        if out and _WD_ONLY.search(out[-1][2]) and _BESIDE.fullmatch(sentence[out[-1][1] : c[0]]):
            prev = out.pop()
            if c[3] is not None and "/" not in c[3]:
                c = (prev[0], c[1], sentence[prev[0] : c[1]].strip(" )"), c[3])
            else:
                c = prev
        out.append(c)
    if pub is not None:
        out = _quoted_days(sentence, out, pub, said_on, event_day)
    return [(mention, value) for _, _, mention, value in out]


# A reporter's question in a transcript: "Q So how do you plan to do that beyond tomorrow?"
_Q_LINE = re.compile(r"^\s*Q[.:]?\s+[A-Z“\"'‘]")


# A day ahead named in a condition or a mere possibility is no event to list: "if the
# talks fail next week", "the war could end tomorrow". Only relative dates: a calendar date
# after "could" ("could start as early as Tuesday, June 21st") is a date someone set; a
# day gone by in an if-clause ("if he started on Saturday") is still that day.
_IF_WORDS = _words("if unless")
# "if you look at", "if I could ask", "if you will": a turn of phrase, no condition
_IF_NOT = frozenset(
    (a, b)
    for a in ("you", "i", "we")
    for b in ("look", "see", "think", "recall", "remember", "could", "may", "might", "will")
)
# "know if", "wonder if", "curious if": an indirect question, not a condition
_ASK_IF = _words("know knows wonder wondering curious ask asked asking see check tell sure")
_MAYBE = _words("could might")
_SET_WORDS = _words("expected scheduled planned due set slated early soon")


def _hypothetical(sentence: str, start: int) -> bool:
    words = [m.group(0).lower() for m in _WORD.finditer(sentence, max(0, start - 160), start)]
    clause: list[str] = []
    for w in reversed(words):
        if w in _CLAUSE_END:
            break
        clause.append(w)
    clause.reverse()  # the mention's own clause, up to it
    for i, w in enumerate(clause):
        if w in _IF_WORDS and not (
            tuple(clause[i + 1 : i + 3]) in _IF_NOT or (i and clause[i - 1] in _ASK_IF | {"as"})
        ):
            return True
    near = clause[-3:]
    return any(w in _MAYBE for w in near) and not any(w in _SET_WORDS for w in clause)


_QUOTE = re.compile(r"“[^”]*”?|\"[^\"]*\"?")
_SPEECH = re.compile(
    r"(?i)\b(?:said|says|told|added|wrote|tweeted|posted|announced|declared|insisted|warned|"
    r"stated|speaking|replied|explained|noted|vowed|pledged|remarked)\b"
)


def _quoted_days(
    sentence: str,
    out: list[tuple[int, int, str, str | None]],
    pub: date,
    said_on: date | None = None,
    event_day: date | None = None,
) -> list[tuple[int, int, str, str | None]]:
    """A quotation's "today" is the day it was said: '"We decide today," he said on
    Saturday' (a Monday story) is that Saturday, "tomorrow" the day after it. The day
    is the attribution's own (a speech verb and a past day outside the quotation, in
    the same sentence, or ``said_on`` for a paragraph that goes on the quotation of the
    one before); without one, a quotation's relative words keep the writer's day."""
    if said_on is not None and not _SPEECH.search(sentence):
        spans = [(0, len(sentence))]
    else:
        spans = [m.span() for m in _QUOTE.finditer(sentence)]
        said_on = None
    if not spans:
        return out

    def quoted(a: int, b: int) -> bool:
        return any(s <= a and b <= e for s, e in spans)

    anchor: date | None = said_on
    for a, b, _, value in out:
        if anchor is not None or value is None or "/" in value or quoted(a, b):
            continue
        day = date.fromisoformat(value)
        near = sentence[max(0, a - 60) : b + 60]
        if day < pub and _SPEECH.search(near):
            anchor = day
            break
    if (
        anchor is None
        and event_day is not None
        and _SPEECH.search(sentence)
        and any(
            quoted(a, b) and mention.lower() in ("today", "tonight") for a, b, mention, _ in out
        )
    ):
        anchor = event_day  # '"He surprised me today," Verstappen said' in Monday's report
    if anchor is None:
        return out
    fixed = []
    for a, b, mention, value in out:
        if quoted(a, b) and _REL_DAY.fullmatch(mention):
            m = _REL_DAY.fullmatch(mention)
            assert m is not None
            r = _h_rel_day(_Ctx(mention, m, anchor))
            if isinstance(r, tuple):
                value = _iso(r)
        fixed.append((a, b, mention, value))
    return fixed


_WD_ONLY = re.compile(rf"^(?:\w+\s+)*{_WD}$")
_BESIDE = re.compile(r"\s*[(,]\s*")
# Names that hold a date word but are no dates: "BBC Radio 4's Today programme",
# "the Sunday Times", "Monday Night Football", "Tomorrow's World".
_NAME_AFTER = re.compile(
    r"^(?:\s+(?:programme|program|show|newsletter|podcast|magazine|edition|"
    r"Times|Telegraph|Express|Mirror|Post|Herald|Night\s+(?:Football|Live)|Briefing|Live)\b)"
)
_NAME_BEFORE = re.compile(r"(?:['’]s|\b(?:the|The))\s+$")


# A day used as the name of an accord, a document or a past attack: "the September 19
# military agreement", "the June 15 Joint Declaration", "the Sept. 11 attacks".
_NAMED_BY_DAY = re.compile(
    r"^\s+(?:(?:[a-z][\w-]*|[A-Z][\w-]*)\s+){0,3}?(?i:agreements?|accords?|declarations?|"
    r"pacts?|treaty|deal|communiqu[eé]|resolutions?|attacks?|joint\s+statement|"
    r"movement|uprising|revolution|massacre|incident|memorandum|doctrine)\b"
)


# A body or a movement named by a day: "the January 6th Committee", "the June 4th
# Movement" (capitalised: "on January 6 committee members met" is a day).
_NAMED_BODY = re.compile(
    r"^\s+(?:Select\s+)?(?:Committee|Commission|Movement|Memorial|Foundation)\b"
    r"|^\s+(?i:select\s+)?(?i:committee|panel)\b"  # "the January 6th committee"
)


# A weekday in a feast's or a day's name: "Remembrance Sunday", "Super Bowl Sunday",
# "Cup Final Sunday" ("the Cup final on Sunday" is a day: the preposition tells).
_FEAST_BEFORE = re.compile(
    r"\b(?:Remembrance|Easter|Palm|Bloody|Bowl|Ash|Holy|Shrove|Mothering|Whit|Trinity|Low|"
    r"Maundy|Fat|Black|Good|Cyber|Giving|Super|Final|Finals|Derby|Election|Budget|Pancake|"
    r"Poppy|Deadline|Transfer)\s+$"
)
# "the Sunday before Election Day": a day counted from another event, not from pub.
_COUNTED_FROM = re.compile(r"^\s+(?:before|after|ahead\s+of|prior\s+to|following)\b")
# "20 years ago today": an anniversary, no event; "the last week (of the campaign)",
# "the past week": a span of the story, not the calendar week before pub.
_AGO = re.compile(r"\bago\s+$")
_ALWAYS = re.compile(r"(?i)\balways\s+$")
# "the challenges we face today", "the choices that we make today", "the world today":
# these days, no one day.
_NOWADAYS_BEFORE = re.compile(
    r"(?i)(?:\b(?:challenges|choices|decisions|threats|dangers|problems|issues|realities|"
    r"world)\s+(?:that\s+)?(?:we|you|they|our\s+\w+)\s+(?:face|make|see|live\s+in|confront|"
    r"are\s+facing|are\s+making|are\s+seeing)|\b(?:the|our)\s+world)\s+$"
)
# A habitual question ("You ever get a bill ...?", "Have you ever ...?"): its "this
# month" or "today" is any month or day, no event.
_EVER_QUESTION = re.compile(
    r"(?i)(?:^|[\s\"“‘'])(?:(?:do|did|have|has)\s+)?(?:you|ya)\s+ever\b|^\s*ever\b"
)
# A capitalised noun right after "the <weekday>" is the rest of a name ("the Monday Club");
# a month, a weekday or a Title Case name after it are not ("the Sunday Kim said").
_CLUB_AFTER = re.compile(
    r"\s+(?:Club|Group|Society|Movement|Times|Telegraph|Post|Express|Mirror|Herald|Star|"
    r"Mail|Review|Show|Night|Morning|Edition|Magazine|Service|Market|Mass)\b"
)
# "tomorrow" / "today" as a noun: "the jobs of tomorrow" ("as of today" is a day), "kids
# growing up today" (nowadays).
_NOUN_DAY_BEFORE = re.compile(
    r"(?i)(?:(?<!\bas\s)\bof|\bgrowing\s+up|\bgrow\s+up|"
    r"\b(?:a|an|our|the)\s+(?:better|brighter|safer|fairer|new|cleaner|greener|healthier|stronger|"
    r"more\s+(?:prosperous|peaceful|secure|just|hopeful)))\s+$"
)
# A habit: "which usually waits until September", "typically meets on Tuesdays".
_HABIT_BEFORE = re.compile(
    r"(?i)\b(?:usually|typically|normally|traditionally|customarily|generally|each\s+year|"
    r"every\s+year|annually)\b(?:(?!\b(?:but|while|whereas|however)\b)[^.;:!?])*$"
)
# A page's name after "Today's": "Today's Paper", "Today's Headlines".
_MASTHEAD_AFTER = re.compile(
    r"['’]s\s+(?:Paper|Headlines|Edition|Show|News|Top|Crossword|Puzzle|Programme|Program|"
    r"Picks|Deals|Weather|Best|Most)\b"
)
# "because of today's decision": a possessive day is that day's, never "the jobs of tomorrow"
_POSS = re.compile(r"['’]s\b")
# A goodbye: "see you tomorrow", "talk to you all next week".
_FAREWELL = re.compile(
    r"(?i)\b(?:see|talk\s+to|catch)\s+(?:you|y['’]all|everybody|everyone)(?:\s+all|\s+guys)?\s+$"
)
# Two or more Title Case words: the rest of a name ("Youth Shock Brigade").
_PLACE_HEAD_AFTER = re.compile(
    r"^\s+(?:Hostel|House|Hall|Stadium|Street|Square|Complex|Factory|Works|Club|Park|Bridge|"
    r"Station|School|University|Mine|Farm|Plant|Mill|Prize|Hotel|Theatre|Theater|Palace|"
    r"Museum|Institute|Academy|Hospital|Building|Tower|Team|Brigade)\b"
)
"""One word naming a place or a body after a day: "the April 25 Hostel", "May 1 Stadium"."""
_TITLE_AFTER = re.compile(
    r"^\s+[A-Z][a-z][\w-]*\s+(?:(?:of|for|and)(?:\s+the)?\s+)?[A-Z][a-z][\w-]*|"
    + _PLACE_HEAD_AFTER.pattern
)


def day_in_a_name(text: str, start: int, end: int) -> bool:
    """Whether the calendar day at ``text[start:end]`` heads a name, not a date: "the April
    25 Hostel", "the August 28 Youth Shock Brigade", "the January 6th Committee"."""
    after = text[end:]
    if _NAMED_BODY.match(after) or _PLACE_HEAD_AFTER.match(after):
        return True
    return bool(re.search(r"\b[Tt]he\s+$", text[max(0, start - 12) : start])) and bool(
        _TITLE_AFTER.match(after)
    )


# "Wed, November 30, 2016 ... Play slideshow": a related item's stamp.
# "on Mon, 1 Jan 2018 at 10:05:01 EDT": a syndication stamp, whose "Jan 2018" is none either.
_STAMP_BEFORE = re.compile(r"(?i)\b(?:updated|published|posted|modified)\s*:?\s*$")
_STAMP_WD = re.compile(r"\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun),\s+(?:\d{1,2}\s+)?$")

# "delivered to your inbox Monday through Friday": a schedule, no event.
# ("blamed each other Monday" is a day: "each other" is no schedule)
_SCHEDULE = re.compile(r"(?i)\b(?:inbox|delivered|every|each(?!\s+other\b)|weekdays)\b[^.]{0,30}$")


def _not_a_date(sentence: str, m: re.Match[str]) -> bool:
    """The match is (part of) a name: a programme, newsletter or paper, a feast day, an
    accord named by its day; or a stamp, a schedule, an anniversary."""
    text = m.group(0)
    lo = sentence.rfind(" ", 0, m.start()) + 1
    token = sentence[lo : m.end() + 1]
    if "://" in token or token.startswith(("www.", "(www.", "(http")) or "/" in token[-1:]:
        return True  # a word inside a web address: "utsa.edu/today/2021/10/story"
    after = sentence[m.end() : m.end() + 60]
    before30 = sentence[max(0, m.start() - 40) : m.start()]
    if _NAME_AFTER.match(after[:30]):
        return True
    word = text.split()[-1] if text.split() else ""
    first = text.split()[0] if text.split() else ""
    if word.lower() in ("today", "tonight", "tomorrow") and _MASTHEAD_AFTER.match(after):
        return True  # "Today's Paper", not "today's Supreme Court decision"
    if re.fullmatch(_WD, first) and _FEAST_BEFORE.search(before30):
        return True
    the_before = bool(re.search(r"\b[Tt]he\s+$", before30))
    if the_before and re.fullmatch(_WD, text) and _COUNTED_FROM.match(after):
        return True
    if _HABIT_BEFORE.search(sentence, max(0, m.start() - 50), m.start()) and not re.search(
        r"\d{4}", text
    ):
        return True  # "Apple usually waits until September": a habit, any year's month
    if _AGO.search(before30) and m.re in _RELATIVE:
        return True  # "60 years ago this summer": an anniversary, no event
    low = text.lower()
    if (
        low in ("today", "tomorrow")
        and _NOUN_DAY_BEFORE.search(before30)
        and not _POSS.match(after)
    ):
        return True  # "the economy of tomorrow", "kids growing up today": an age, no day
    if low == "today" and (
        _NOWADAYS_BEFORE.search(sentence, max(0, m.start() - 60), m.start())
        or re.match(r"['’]s\s+(?:world|society|economy|global|interconnected|complex)\b", after)
    ):
        return True  # "the choices we make today", "the world today", "today's world": now
    if (
        low == "today"
        and re.match(r"\s+when\b", after)
        and not sentence[: m.start()].strip(" \"“‘'")
    ):
        return True  # "Today when the imperialists ...": these days
    if m.re in _RELATIVE and _FAREWELL.search(before30):
        return True  # "I'll see you tomorrow": a goodbye, no event
    if (
        m.re in (_REL_DAY, _REL_PERIOD)
        and _EVER_QUESTION.search(sentence[: m.start()])
        and sentence.rstrip(" \"'”’)").endswith("?")
    ):
        return True  # "You ever wonder why the bill is so high this month?": any month
    if (
        m.re is _WEEKDAY
        and not m["prep"]
        and re.search(r"\b(?:[Aa]n?|[Aa]ny)\s+$", before30)
        and re.match(r"(?:\s*[.,;:!?)]|\s*$|\s+(?:like|in|of|when|or|and|that|than)\b)", after)
    ):
        # "It was a Monday like any other", "on any Friday": no one day ("in a Tuesday
        # interview" is that Tuesday's)
        return True
    if m.re is _WEEKDAY and not m["prep"] and re.search(r"\b(?:on|On)\s+an?\s+$", before30):
        return True  # "Service is on a Wednesday night": any Wednesday, no one day
    if (
        m.re is _WEEKDAY
        and not m["prep"]
        and re.search(r"\b(?:[Tt]he|[Aa])\s+$", before30)
        and _CLUB_AFTER.match(after)
    ):
        return True  # "the Monday Club", "a Tuesday Group statement": a name
    if _ALWAYS.search(before30) and text.lower().startswith("next"):
        return True  # "there is always next year": an idiom, no period
    if (
        the_before
        and "unit" in m.re.groupindex
        and m["which"].lower() in ("last", "next")
        and not m["edge"]
    ):
        return True  # "over the next year": the coming twelve months, not the calendar year
    if "year" in m.re.groupindex and m["year"] and _STAMP_WD.search(before30):
        return True
    if m.re is _ISO and _STAMP_BEFORE.search(before30):
        return True  # "... outrage Updated: 2016-05-30 09:53 (Agencies)": the page's stamp
    if ("conn" in m.re.groupindex or "wd" in m.re.groupindex) and _SCHEDULE.search(before30):
        return True
    if "d1" in m.re.groupindex and m["d1"] and not m["prep"]:
        before = sentence[max(0, m.start() - 12) : m.start()]
        if re.search(r"(?:\b(?:the|The|its|their|a)|['’]s)\s+$", before) and _NAMED_BY_DAY.match(
            after
        ):
            return True
        if _NAMED_BODY.match(after):
            return True  # "chair of the January 6th Committee": a body named by its day
        if (
            not m.groupdict().get("year")
            and re.search(r"\b[Tt]he\s+$", before)
            and _TITLE_AFTER.match(after)
        ):
            return True  # "the August 28 Youth Shock Brigade": the head of a name
    word = text.split()[-1] if text.split() else ""
    if word.lower() in ("today", "tonight", "tomorrow") and word[:1].isupper():
        # capitalised in mid-sentence: a title ("Radio 4's Today", "the Today show",
        # "USA Today": a capitalised word just before it)
        before = sentence[: m.start()]
        return m.start() > 0 and bool(
            _NAME_BEFORE.search(before) or re.search(r"\b[A-Z][\w.&-]*\s+$", before)
        )
    return False


# ---------------------------------------------------------------- resolution


@dataclass
class _Ctx:
    sentence: str
    m: re.Match[str]
    pub: date | None
    next_ok: bool = False

    def direction(self, beyond_clause: bool = False) -> str | None:
        if self.m.group(0).lstrip()[:5].lower() == "since" or _PAST_BEFORE.search(
            self.sentence, max(0, self.m.start() - 16), self.m.start()
        ):
            return "past"  # "since October 7", "Back in July, I signed": gone by
        lead = self.m.group(0).lstrip()[:5].lower().rstrip()
        if _MOVED_TO.search(self.sentence, max(0, self.m.start() - 50), self.m.start()) or (
            lead in ("until", "till")
            and _MOVED.search(self.sentence, max(0, self.m.start() - 50), self.m.start())
        ):
            # "the deadline was extended to Aug. 15": the new day is the move's target,
            # still ahead when the move is told, whatever the tense of the move
            return "future"
        if (
            _INDEFINITE_BEFORE.search(self.sentence, max(0, self.m.start() - 4), self.m.start())
            or _AGREED_BEFORE.search(self.sentence, max(0, self.m.start() - 40), self.m.start())
        ) and _NOUN_AFTER.match(self.sentence, self.m.end()):
            # "has suggested a late February launch", "agreed to the previously agreed upon
            # September 10th debate": an adjective of a thing to come or gone; the clause's
            # tense is the suggestion's or the agreement's, not the date's
            return None
        return tense_direction(
            self.sentence, self.m.start(), self.m.end(), beyond_clause=beyond_clause
        )


_INDEFINITE_BEFORE = re.compile(r"(?:^|\s)(?:a|an)\s+$")
_AGREED_BEFORE = re.compile(
    r"(?i)\b(?:agreed(?:\s+upon|\s+to)?|scheduled|planned|proposed|set)\s+(?:for\s+)?$"
)
"""A participle of scheduling right before an attributive date ("the previously agreed
upon September 10th debate", "the scheduled March 3 vote")."""
_MOVE_VERB = (
    r"(?i)\b(?:extended|postponed|delayed|pushed\s+back|moved|put\s+off|deferred|"
    r"rescheduled|brought\s+forward|adjourned)\s+(?:(?!(?:on|in|at)\s)[\w,]+\s+){0,4}?"
)
_MOVED_TO = re.compile(_MOVE_VERB + r"(?:to|until|till)\s+$")
_MOVED = re.compile(_MOVE_VERB + r"$")
# "ever since March", "Back in July, ...", "way back in 2019": a time gone by whatever
# the clause's verb ("come back in July" is not: "back" opens the phrase here).
_PAST_BEFORE = re.compile(
    r"(?:\b(?i:since)\s+(?:(?i:the)\s+)?|(?:^|[,;:(—–]\s*|\b(?i:way)\s+)(?i:back)\s+(?:(?i:in|on)\s+)?)$"
)
_NOUN_AFTER = re.compile(r"\s+[a-z]")


class _Skip:
    pass


_SKIP = _Skip()
Result = Range | None | _Skip
_Handler = Callable[[_Ctx], Result]


def _iso(r: Range) -> str:
    a, b = r
    return a.isoformat() if a == b else f"{a.isoformat()}/{b.isoformat()}"


def _day(d: date) -> Range:
    return (d, d)


def tense_direction(
    sentence: str, start: int, end: int, *, beyond_clause: bool = False
) -> str | None:
    """ "future", "past" or None for the words at ``sentence[start:end]``.

    The nearest tense marker wins: looking back to the start of the sentence, and up
    to six words ahead within the same clause, which ends at punctuation or at a
    subordinating "that"/"which"/"who" (ties go to the words before). With
    ``beyond_clause`` (weekdays, whose default without a marker is weaker than a month
    day's nearest year), the first marker further on in the sentence decides at last.
    """
    # A window of words before the mention is enough, and keeps long sentences linear.
    window = max(0, start - 400)
    before = [m.group(0).lower() for m in _WORD.finditer(sentence, window, start)]
    after = [m.group(0).lower() for m in islice(_WORD.finditer(sentence, end), 40)]
    if before[-2:] == ["ahead", "of"]:
        return "future"  # "ahead of Tuesday's election": that day is still to come
    back: tuple[int, str] | None = None
    dist = 0
    lead = sentence[start:end].split()[0].lower() if sentence[start:end].split() else ""
    for i in range(len(before) - 1, -1, -1):
        if before[i] in _CLAUSE_END:
            continue
        dist += 1
        if dist == 1 and before[i] in ("later", "earlier") and _WD_START.match(sentence, start):
            continue  # "later Sunday", "earlier Monday": a part of that day, no tense
        if dist == 1 and before[i] in ("plan", "plans") and lead == "for":
            continue  # "their production plans for August": the noun, no tense of its own
        mark = _marker(before, i)
        if (
            mark == "future"
            and "would" in before[max(0, i - 2) : i + 1]
            and any(_marker(before, j) == "past" for j in range(max(0, i - 10), i - 1))
        ):
            mark = None  # "they knew this would be a problem in February": future in the past
            break
        if mark:
            back = (dist, mark)
            break
    ahead: tuple[int, str] | None = None
    if not any(w not in _CLAUSE_END for w in before) and after[:1] == [","]:
        after = after[1:]  # "On Thursday, ministers met ..."
    for i, w in enumerate(after[:6]):
        # "told the Assembly on Tuesday that cooperation would ...": "that" opens the
        # reported clause, whose tense is not the mention's
        if w in _CLAUSE_END or w in ("that", "which", "who", "where", "when"):
            break
        mark = _marker(after, i)
        if mark:
            ahead = (i + 1, mark)
            break
    if back and (not ahead or back[0] <= ahead[0]):
        return back[1]
    if ahead:
        return ahead[1]
    if not beyond_clause:
        return None
    # No marker in the mention's own clause: the sentence's main verb decides, the first
    # marker further on ("The polls on Sunday, before the news broke, gave her a lead").
    for i, w in enumerate(after):
        if w not in _CLAUSE_END and (mark := _marker(after, i)):
            return mark
    return None


def _marker(words: list[str], i: int) -> str | None:
    w = words[i]
    prev = words[i - 1] if i else ""
    nxt = words[i + 1] if i + 1 < len(words) else ""
    if prev in ("was", "were") and (w in _PLAN_WORDS or w in ("due", "set", "going", "supposed")):
        return None  # "was scheduled to take off Sunday, but left late": a plan then, any tense
    if w in ("set", "going"):
        return "future" if nxt in ("to", "for") else None
    if (w == "be" and prev in _CAN) or (prev == "be" and i > 1 and words[i - 2] in _CAN):
        return None  # "cannot be decided by one day in June": a general truth, no tense
    if w in _TEMPORAL and nxt in _PRONOUNS and i + 2 < len(words):
        verb = words[i + 2]
        if verb.endswith("s") and not verb.endswith("ss") and verb not in _PAST_S:
            return "future"  # "after he takes office in January": a present tense, ahead
    if w == "ahead" and nxt == "of":
        return None  # "arrives on Wednesday ahead of his meetings": before, not later
    if w == "last":  # "last year" is past; "will last" is not
        return "past" if nxt in _PERIODS else None
    if w in ("plan", "plans") and nxt == "for":
        return None  # "their production plans for August": the noun, no tense of its own
    if w in _PLAN_WORDS and (prev in _DETERMINERS or prev.endswith(("'s", "’s"))):
        return None  # an adjective: "on a planned flight", "the scheduled talks" (any tense)
    if w in _FUTURE:
        return "future"
    if w.endswith(("'ll", "’ll")):
        return "future"
    if w in _PAST_OR_PRESENT:
        return None if prev in _BARE_BEFORE or prev.endswith(("'ll", "’ll")) else "past"
    if prev == "be" and (
        words[max(0, i - 3) : i - 1] == ["could", "not"]
        or words[max(0, i - 2) : i - 1] in (["couldn't"], ["couldn’t"])
    ):
        return "past"  # "could not be reached on Sunday": a try that failed, gone by
    if w in _PAST:
        if prev == "be":  # "to be held", "will be met"
            return "future"
        return "past" if prev not in ("is", "are", "am", "being") else None
    if len(w) >= 5 and w.endswith("ed") and w not in _ED_STOP:
        if prev in ("that", "which", "who") and nxt in _AFTER_VERB:
            return "past"  # a relative clause's verb: "the failings that happened on Saturday"
        if prev in _DETERMINERS or prev.endswith(("'s", "’s")):
            return None  # an adjective: "the renewed pressure"
        if prev == "," and nxt == "by":
            return None  # "a flight, facilitated by HHS, to carry formula on July 4": no tense
        if prev == "be":
            return "future"
        if prev in ("is", "are", "am", "being"):
            return None
        return "past"
    return None


def _week_of(d: date) -> Range:
    monday = d - timedelta(days=d.weekday())
    return (monday, monday + timedelta(days=6))


def _month_of(year: int, month: int) -> Range:
    return (date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1]))


def _add_months(d: date, n: int) -> tuple[int, int]:
    k = d.year * 12 + d.month - 1 + n
    return k // 12, k % 12 + 1


def _weekday_date(pub: date, wd: int, prefix: str, direction: str | None) -> date:
    prefix = " ".join(prefix.lower().split())
    ahead = (wd - pub.weekday()) % 7  # 0..6 days forward
    back = (pub.weekday() - wd) % 7  # 0..6 days back
    if prefix in ("next", "coming", "this coming"):
        return pub + timedelta(days=ahead or 7)
    if prefix in ("last", "past", "this past"):
        return pub - timedelta(days=back or 7)
    if prefix == "this":
        return _week_of(pub)[0] + timedelta(days=wd)
    if prefix == "since":
        direction = "past"
    elif prefix in ("until", "till"):
        direction = "future"
    if direction == "future":
        return pub + timedelta(days=ahead)
    if direction == "past":
        return pub - timedelta(days=back)
    # No tense marker: the nearest such day (a Monday story's "the summit on Sunday" is
    # the day before, not six days on), never more than three days away.
    return pub - timedelta(days=back) if back < ahead else pub + timedelta(days=ahead)


def _pick_year(
    pub: date, make: Callable[[int], Range | None], direction: str | None
) -> Range | None:
    """The year for a day or month named without one: by tense, else the nearest."""
    options = [r for y in (pub.year - 1, pub.year, pub.year + 1) if (r := make(y))]
    if not options:
        return None
    grace = timedelta(days=1)  # a day of slack for time zones and late copy

    def distance(r: Range) -> int:
        return 0 if r[0] <= pub <= r[1] else min(abs((r[0] - pub).days), abs((r[1] - pub).days))

    chosen = None
    if direction == "future":
        chosen = next((r for r in options if r[1] >= pub - grace), options[-1])
    if direction == "past":
        chosen = next((r for r in reversed(options) if r[0] <= pub + grace), options[0])
    if chosen is not None and direction == "future" and chosen[0] == chosen[1]:
        near = min(options, key=distance)
        # "officials plan to blame the attack on the 29th of July" a week after it: a day
        # just gone beats the same day almost a year ahead (a past tense keeps its year)
        return near if near[1] < pub and distance(near) <= 14 else chosen
    if chosen is not None:
        return chosen

    return min(options, key=distance)


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _num(day: str) -> int:
    return int(day.rstrip("stndrh"))  # "3rd" -> 3


def _month_num(mon: str) -> int:
    return _MONTHS[mon.rstrip(".").lower()]


def _narrow_month(r: Range, part: str | None) -> Range:
    if not part:
        return r
    first, last = r
    part = part.lower()
    if part == "early":
        return (first, first.replace(day=10))
    if part == "mid":
        return (first.replace(day=11), first.replace(day=20))
    return (first.replace(day=21), last)


def _year_range(y: int, part: str | None) -> Range:
    part = " ".join((part or "").lower().split())
    if part in ("end", "end of", "the end of"):
        return _day(date(y, 12, 31))
    if part in ("start of", "the start of", "the beginning of"):
        return _day(date(y, 1, 1))
    if part == "early":
        return (date(y, 1, 1), date(y, 4, 30))
    if part == "mid":
        return (date(y, 5, 1), date(y, 8, 31))
    if part == "late":
        return (date(y, 9, 1), date(y, 12, 31))
    return (date(y, 1, 1), date(y, 12, 31))


# ---- handlers: one per pattern, each returns a range, None (unresolved) or _SKIP


def _h_iso(c: _Ctx) -> Result:
    d = _safe_date(int(c.m["y"]), int(c.m["m"]), int(c.m["d"]))
    return _day(d) if d else _SKIP


def _day_month(c: _Ctx, mon: str, d1: str, d2: str | None, year: str | None) -> Result:
    month, a, b = _month_num(mon), _num(d1), _num(d2) if d2 else _num(d1)

    def make(y: int) -> Range | None:
        start, end = _safe_date(y, month, a), _safe_date(y, month, b)
        return (start, end) if start and end and start <= end else None

    if year:
        return make(int(year)) or _SKIP
    if (y := _clause_year(c)) is not None:
        return make(y) or _SKIP
    if c.pub is None:
        return None if make(2000) else _SKIP  # 2000: a leap year, so Feb 29 is a date
    # "On June 20th, after a night of talks, the sides signed": a date opening the sentence
    # takes the main clause's tense when its own clause has none
    opening = not c.sentence[: c.m.start()].strip(" \"'“‘")
    if _OCCASION_DAY.search(c.sentence[: c.m.start()]) and c.sentence[c.m.end() :].startswith(")"):
        # "the Party founding anniversary (October 10)": the day an occasion falls on is
        # its nearest, whatever the tense of the clause around it
        return _pick_year(c.pub, make, None) or _SKIP
    return _pick_year(c.pub, make, c.direction(beyond_clause=opening)) or _SKIP


_OCCASION_DAY = re.compile(r"\b(?i:anniversary|birthday|day|holiday|festival)\s*\($")


# A year the clause names ("plans for August, ... successes in 2024", "in June, back in
# 2019"): a day or month without its own year takes it when it is the only one.
_CLAUSE_YEAR = re.compile(rf"\b(?i:in|of|during)\s+(?P<year>{_YEAR})(?![\w-]|[.,]\d)")
_ANY_YEAR = re.compile(rf"(?<![\w-]){_YEAR}")


def _clause_year(c: _Ctx) -> int | None:
    lo = max(c.sentence.rfind(";", 0, c.m.start()), 0)
    hi = c.sentence.find(";", c.m.end())
    clause = c.sentence[lo : hi if hi >= 0 else len(c.sentence)]
    years = {int(m["year"]) for m in _CLAUSE_YEAR.finditer(clause)}
    if len(years) != 1 or len({m.group(0) for m in _ANY_YEAR.finditer(c.sentence)}) != 1:
        return None
    year = years.pop()
    if c.pub is not None and abs(year - c.pub.year) >= 2:
        # "Germany announced on August 2 that it joined the UN Command, which the U.S. set
        # up in 1950": a distant year in another clause (or a sentence the split missed)
        # dates that clause, not the day
        at = next(m.start() for m in _ANY_YEAR.finditer(c.sentence))
        lo, hi = sorted((at, c.m.start()))
        if _OTHER_CLAUSE.search(c.sentence, lo, hi):
            return None
    return year


_OTHER_CLAUSE = re.compile(
    r"[.!?][\"'”’)]*\s+[\"'“‘(]?[A-Z]|\b(?:that|which|who|whom|whose|where|when|while)\b"
)
"""What opens another clause between a day and a year: a relative or complement word, or
a sentence end the split did not see."""


def _h_md(c: _Ctx) -> Result:
    return _day_month(c, c.m["mon"], c.m["d1"], c.m["d2"], c.m["year"])


def _h_md_to_day(c: _Ctx) -> Result:
    if c.m["conn"].lower() == "and" and c.m["prep"].lower() != "between":
        return _SKIP
    return _day_month(c, c.m["mon"], c.m["d1"], c.m["d2"], c.m["year"])


def _h_my(c: _Ctx) -> Result:
    return _narrow_month(_month_of(int(c.m["year"]), _month_num(c.m["mon"])), c.m["part"])


# A negated past's "until" is over: "did not meet him until December", "never heard of it
# until March" ("was bailed until May", "has been released until May" look ahead).
_PAST_UNTIL = re.compile(r"(?i)\b(?:\w+n[’']t|not|never)\b")


_AND_MONTH_YEAR = re.compile(rf"\s+and\s+(?P<mon>{_MON_FULL}),?\s+(?P<year>{_YEAR})(?![\w-])")


_COULD_DO = re.compile(
    r"(?i)\b(?:could|would|will|can)\s+(?!have\b|not\b|be\b|n[’']t\b)[a-z]+\b"
    r"(?:\s+[A-Za-z’']+){0,4}\s+$"
)
"""A modal with a bare verb just before a month: the act lies ahead of the telling, even in a
past frame ("he didn't think he could defeat Donald Trump in November")."""


def _h_month_only(c: _Ctx) -> Result:
    if c.pub is None:
        return None
    month = _month_num(c.m["mon"] or c.m["mon2"])
    prep = (c.m["prep"] or "").lower()
    # "until December" looks ahead unless its clause is told in the past ("did not meet
    # him until December", "was in office until March")
    # "In December, the Office issued a policy": a month opening the sentence takes the
    # main clause's tense, as a day does (see _day_month)
    opening = not c.sentence[: c.m.start()].strip(" \"'“‘")
    direction = "past" if prep == "since" else c.direction(beyond_clause=opening)
    if direction == "past" and _COULD_DO.search(c.sentence, max(0, c.m.start() - 80), c.m.start()):
        direction = "future"  # "didn't think he could defeat Donald Trump in November"
    if prep in ("until", "till") and (
        direction != "past"
        or not _PAST_UNTIL.search(c.sentence, max(0, c.m.start() - 60), c.m.start())
    ):
        direction = "future"  # "released on bail until May": still ahead
    if pair := _AND_MONTH_YEAR.match(c.sentence, c.m.end()):
        # "in November and December 2016": the year written after the second month
        second, y2 = _month_num(pair["mon"]), int(pair["year"])
        r: Range | None = _month_of(y2 - 1 if month > second else y2, month)
    elif (y := _clause_year(c)) is not None:
        r = _month_of(y, month)
    else:
        r = _pick_year(c.pub, lambda y: _month_of(y, month), direction)
    return _narrow_month(r, c.m["part"] or c.m["part2"]) if r else _SKIP


def _h_month_rel(c: _Ctx) -> Result:
    """ "April last year", "May 3 next year", "last April" (the last April before pub)."""
    if c.pub is None:
        return None
    if c.m["mon"]:
        month = _month_num(c.m["mon"])
        year = c.pub.year + {"last": -1, "this": 0, "next": 1}[c.m["which"].lower()]
        if c.m["d1"]:
            d = _safe_date(year, month, _num(c.m["d1"]))
            return _day(d) if d else _SKIP
        return _narrow_month(_month_of(year, month), c.m["part"])
    month = _month_num(c.m["mon2"] or c.m["mon3"])
    which = (c.m["which2"] or c.m["which3"]).lower()
    if which.startswith(("last", "this past")):
        year = c.pub.year if month < c.pub.month else c.pub.year - 1
    else:
        year = c.pub.year if month > c.pub.month else c.pub.year + 1
    return _month_of(year, month)


_QUANTITY_BEFORE = re.compile(r"(?i)(?:\d[\d,.]*\s*(?:%|percent|million|billion)?|percent)\s+$")
"""A quantity right before "in 2024": a point of a schedule ("65 percent in 2024")."""
_CLAUSE_OPENS = re.compile(r"(?:[;—–]|\b(?:and|but|while)\b)\s*$")


def _year_direction(c: _Ctx) -> str | None:
    """The tense for a year: its own clause's when the year opens a clause after "and",
    "but" or a dash ("In 2023, the US added …—and in 2024, planned projects are expected
    …"), else the sentence's as for any date."""
    cut = _CLAUSE_OPENS.search(c.sentence, 0, c.m.start())
    if cut is None:
        return c.direction(beyond_clause=True)
    rest = c.sentence[cut.end() :]
    m = _YEAR_ONLY.search(rest, c.m.start() - cut.end())
    if m is None:
        return c.direction(beyond_clause=True)
    return _Ctx(rest, m, c.pub, c.next_ok).direction(beyond_clause=True)


def _h_year(c: _Ctx) -> Result:
    r = _year_range(int(c.m["year"]), c.m["part"])
    if (
        c.pub is not None
        and not c.m["part"]
        and r[0] < c.pub <= r[1]
        and not _QUANTITY_BEFORE.search(c.sentence, max(0, c.m.start() - 24), c.m.start())
        and _year_direction(c) == "past"
    ):
        return (r[0], c.pub - timedelta(days=1))  # "rising to Major General in 2023": gone by
    return r


_SPAN_BEFORE = re.compile(
    rf"(?i:from)\s+{_YEAR}\s*(?:[-–—]|\s(?i:to|through|until)\s)\s*(?:19|20)\d{{2}}\s+$"
)


def _h_year_span(c: _Ctx) -> Result:
    a, b = int(c.m["a"]), c.m["b"]
    conn = c.m["conn"].strip().lower()
    if c.m["prep"].lower() == "and" and not _SPAN_BEFORE.search(c.sentence, 0, c.m.start()):
        return _SKIP  # "in 2001 and 2004 to ...": no span before it
    if (conn == "and") != (c.m["prep"].lower() == "between"):
        return _SKIP  # "in 2001 and 2004": two years; "between 2015 to 2018" is no form
    if len(b) == 2:
        if not conn or conn in "-–—":
            end = a // 100 * 100 + int(b)
        else:
            return _SKIP  # "from 2016 to 17": not a form we read
    else:
        end = int(b)
    if c.m["prep"].lower() in ("in", "during", "through", "throughout") and conn not in "-–—":
        return _SKIP  # "in 2015 to ..." reads as a year, then something else
    if not a < end <= a + 100:
        return _SKIP
    return (date(a, 1, 1), date(end, 12, 31))


_SEASONS = {
    "spring": (3, 5),
    "summer": (6, 8),
    "autumn": (9, 11),
    "fall": (9, 11),
    "winter": (12, 2),
}


def _season_of(year: int, season: str) -> Range:
    """The season that begins in ``year``."""
    first, last = _SEASONS[season]
    end_year = year + 1 if last < first else year
    return (date(year, first, 1), _month_of(end_year, last)[1])


def _h_season(c: _Ctx) -> Result:
    if c.m["year"]:
        return _season_of(int(c.m["year"]), c.m["season2"].lower())
    if c.pub is None:
        return None
    season, which = c.m["season"].lower(), " ".join(c.m["which"].lower().split())
    pub = c.pub
    options = [_season_of(y, season) for y in range(pub.year - 2, pub.year + 2)]
    if which in ("last", "this past"):
        return next(r for r in reversed(options) if r[1] < pub)
    if which in ("next", "this coming"):
        return next(r for r in options if r[0] > pub)
    # "this summer": the one under way, else the one of the writer's year
    now = next((r for r in options if r[0] <= pub <= r[1]), None)
    if now is not None:
        return now
    return _season_of(pub.year, season) if season != "winter" else options[2]


_WILL = re.compile(
    r"(?i)\b(?:will|shall|['’]ll|going\s+to|plans?|planned|planning|scheduled|expected|due|"
    r"intends?|aims?|hopes?)\b"
)


def _h_season_the(c: _Ctx) -> Result:
    if c.pub is None:
        return None
    season, pub = c.m["season"].lower(), c.pub
    options = [_season_of(y, season) for y in range(pub.year - 2, pub.year + 2)]
    now = next((r for r in options if r[0] <= pub <= r[1]), None)
    direction = c.direction(beyond_clause=True)
    if direction == "past":
        return now or next(r for r in reversed(options) if r[1] < pub)
    if direction == "future" and _WILL.search(c.sentence, 0, c.m.start()):
        return now or next(r for r in options if r[0] > pub)
    # "The ferry runs more often during the summer": a habit of any summer (a present
    # tense that looks ahead for a day names no season without a word of the future)
    return _SKIP


def _h_month_and(c: _Ctx) -> Result:
    pre = _IN_MONTH_AND.search(c.sentence, max(0, c.m.start() - 40), c.m.start())
    if pre is None:
        return _SKIP
    if c.pub is None:
        return None
    first, month = _month_num(pre["first"]), _month_num(c.m["mon"])
    direction = "past" if pre.group(0).lower().startswith("since") else c.direction()
    if (y := _clause_year(c)) is not None:
        year = y
    else:
        r = _pick_year(c.pub, lambda y: _month_of(y, first), direction)
        if r is None:
            return _SKIP
        year = r[0].year
    return _month_of(year + 1 if month < first else year, month)


def _h_year_and(c: _Ctx) -> Result:
    if not _IN_YEAR_AND.search(c.sentence, max(0, c.m.start() - 16), c.m.start()):
        return _SKIP
    return _year_range(int(c.m["year"]), None)


def _h_rel_day(c: _Ctx) -> Result:
    if c.pub is None:
        return None
    w = " ".join(c.m.group(0).lower().split())
    if w.startswith("the day "):  # "the day before yesterday", "the day after tomorrow"
        return _day(c.pub + timedelta(days=2 if w.endswith("tomorrow") else -2))
    if w == "tomorrow":
        return _day(c.pub + timedelta(days=1))
    if w in ("yesterday", "last night"):
        return _day(c.pub - timedelta(days=1))
    return _day(c.pub)


def _h_from_today(c: _Ctx) -> Result:
    if c.pub is None:
        return None
    if c.m["dn"]:
        return _day(c.pub + timedelta(days=int(c.m["dn"])))
    n = c.m["n"].lower()
    count = int(n) if n.isdigit() else _COUNT_WORDS[n]
    days = count * (7 if c.m["unit"].lower().startswith("week") else 1)
    return _day(c.pub + timedelta(days=days + (c.m["base"].lower() == "tomorrow")))


def _h_rel_period(c: _Ctx) -> Result:
    edge = (c.m["edge"] or "").lower()
    which, unit = c.m["which"].lower(), c.m["unit"].lower()
    if unit == "year" and which != "next" and not edge:
        return _SKIP  # "this year", "last year": too vague to list
    if c.pub is None:
        return None
    pub = c.pub
    shift = {"this": 0, "next": 1, "last": -1}[which]
    if unit == "week" and which == "last" and pub.weekday() == 6 and not edge:
        shift = 0  # on a Sunday, "last week" is the week that ends that day
    past = unit == "weekend" and c.direction(beyond_clause=True) == "past"
    if past and which == "this" and pub.weekday() < 5:
        shift = -1  # "what happened this weekend", said on a Wednesday: the one gone
    if (
        unit == "weekend"
        and which == "this"
        and not edge
        and pub.weekday() == 0
        and (
            re.match(r"['’]s\b", c.sentence[c.m.end() :]) is not None
            or c.direction(beyond_clause=True) != "future"
        )
    ):
        # "this weekend's attacks" on a Monday: the weekend just gone (a possessive takes
        # no tense from the clause, whose "has to be" is the attacks' outcome)
        shift = -1
    if unit == "weekend" and which == "this" and not edge and _incident_weekend(c):
        shift = -1  # "in the aftermath of this weekend's shootings", said on a Wednesday
    if unit in ("week", "weekend"):
        mon, sun = _week_of(pub + timedelta(weeks=shift))
        if unit == "weekend":
            return (sun - timedelta(days=1), sun)
        r: Range = (mon, sun)
    elif unit == "month":
        r = _month_of(*_add_months(pub, shift))
    else:
        r = (date(pub.year + shift, 1, 1), date(pub.year + shift, 12, 31))
    if which == "this" and edge == "later" and pub < r[1]:
        return (pub + timedelta(days=1), r[1])
    already = _ALREADY.search(c.sentence, max(0, c.m.start() - 80), c.m.start())
    if which == "this" and not edge and unit in ("week", "month") and pub > r[0] and already:
        return (r[0], pub - timedelta(days=1))  # "already destroyed this week": gone by
    if which == "this" and edge == "earlier" and pub > r[0]:
        return (r[0], pub - timedelta(days=1))
    if edge in ("early", "late") and unit == "month":
        return _narrow_month(r, edge)  # "late last month": its days 21 to the end
    if edge in ("early", "late") and unit == "year":
        return _year_range(r[0].year, edge)
    if unit == "year" and which != "next":
        return _SKIP  # "later last year": too vague
    return r


# "already" in the clause before "this week": the part of it gone by.
_ALREADY = re.compile(r"(?i)\balready\b[^,;:.!?]*$")


_INCIDENT = (
    r"(?:attempts?|attacks?|shootings?|assassinations?|killings?|violence|bombings?|"
    r"explosions?|crash(?:es)?|storms?|fires?|riots?|deaths?|murders?|stabbings?|floods?)"
)
_INCIDENT_BEFORE = re.compile(
    rf"(?i)\b{_INCIDENT}\b(?:\s+(?!(?:will|would|could|may|might|should|to|is|are|be)\b)"
    rf"[\w’'.-]+){{0,8}}\s+$"
)
_INCIDENT_AFTER = re.compile(rf"(?i)^['’]s\s+(?:[\w-]+\s+){{0,2}}{_INCIDENT}\b")
_SINCE_BEFORE = re.compile(
    r"(?i)\b(?:aftermath\s+of|wake\s+of|after|since|following|the\s+day\s+after)\s+$"
)


def _incident_weekend(c: _Ctx) -> bool:
    """A weekend named with an incident, Monday to Thursday, is the one just gone: the
    incident's, not the clause's ("I will say a few words about the attempt on the life of
    former President Trump over the weekend"; "in the aftermath of this weekend's
    shootings"). A weekend after "since"/"in the aftermath of" is gone too."""
    if c.pub is None or c.pub.weekday() > 3:
        return False
    before = c.sentence[max(0, c.m.start() - 80) : c.m.start()]
    return bool(
        _INCIDENT_BEFORE.search(before)
        or (
            _INCIDENT_AFTER.match(c.sentence[c.m.end() :])
            and c.direction(beyond_clause=True) != "future"
        )
        or (_SINCE_BEFORE.search(before) and c.m.group(0).lower().startswith("this"))
    )


def _h_weekend(c: _Ctx) -> Result:
    if c.pub is None:
        return None
    _, sun = _week_of(c.pub)
    direction = c.direction(beyond_clause=True)
    if (direction == "past" and c.pub.weekday() < 5) or _incident_weekend(c):
        sun -= timedelta(days=7)
    return (sun - timedelta(days=1), sun)


def _h_wd_week(c: _Ctx) -> Result:
    if c.pub is None:
        return None
    shift = {"this": 0, "next": 1, "last": -1}[c.m["which"].lower()]
    mon, _ = _week_of(c.pub + timedelta(weeks=shift))
    return _day(mon + timedelta(days=_WEEKDAYS.index(c.m["wd"].lower())))


# A past weekday that is the writer's tomorrow is that day only where the event was a
# zone ahead of the writer: a sentence that names East Asia or the western Pacific ("the
# missile it fired over Japan on Tuesday", in a New York evening). "The President met the
# Chancellor on Thursday" in a Wednesday White House statement is last week's Thursday.
_AHEAD_PLACE = re.compile(
    r"\b(?:(?:North|South)\s+Korea|Korea|Korean|Koreans|Pyongyang|Seoul|DPRK|ROK|Japan|"
    r"Japanese|Tokyo|China|Chinese|Beijing|Taiwan|Taipei|Philippines|Philippine|Manila|"
    r"Australia|Australian|Canberra|New\s+Zealand|Vietnam|Hanoi|Indonesia|Jakarta|Guam|"
    r"Okinawa|Hokkaido|Asia|Asian|Pacific|Yellow\s+Sea|East\s+Sea|Sea\s+of\s+Japan|"
    r"Kim\s+Jong|Yoon|Kishida|Xi|KCNA|Yonhap|Kyodo|Xinhua)\b"
)


# A record of something held on the day: "the readout from Friday", "footage from Sunday".
_THING_FROM = re.compile(
    r"(?i)\b(?:meeting|call|remarks|comments|statement|speech|readout|conversation|talks|"
    r"session|briefing|interview|footage|video|photos|notes|results|game|match|race)\s+$"
)
_RANGE_ON = re.compile(r"(?i)\s*(?:night\s+|morning\s+)?(?:to|until|till|through|onwards?)\b")


def _h_weekday(c: _Ctx) -> Result:
    if c.pub is None:
        return None
    wd = _WEEKDAYS.index(c.m["wd"].lower())
    direction = c.direction(beyond_clause=True)
    prep = (c.m["prep"] or "").lower()
    before = c.sentence[max(0, c.m.start() - 40) : c.m.start()]
    if (
        (prep == "next" and re.search(r"\b[Tt]he\s+$", before))
        or (not prep and re.search(r"\b(?:the|a)\s+(?:next|following)\s+$", before))
    ) and any(w.lower() in _PAST for w in re.findall(r"[\w'’]+", c.sentence[: c.m.start()])):
        # "she had been preparing for the next Wednesday's service": the next one after a
        # day of the story, not ours
        return _SKIP
    if prep == "from" and _THING_FROM.search(before) and not _RANGE_ON.match(c.sentence, c.m.end()):
        direction = "past"  # "any readout from that meeting from Friday night": held then
    if re.match(r"['’]s\b", c.sentence[c.m.end() :]) and (
        p := _BEFORE_POSSESSIVE.search(c.sentence[max(0, c.m.start() - 12) : c.m.start()])
    ):
        # "will vote before Friday's deadline" is ahead, "quit after Friday's vote" back;
        # otherwise the tense tells nothing of the day: the nearest one
        after = p.group(0).lower().startswith("after")
        if direction != ("past" if after else "future"):
            direction = None
    if (
        c.next_ok
        and direction == "past"
        and (c.m["prep"] or "on").lower() == "on"
        and (c.pub + timedelta(days=1)).weekday() == wd
        and _AHEAD_PLACE.search(c.sentence)
    ):
        return _day(c.pub + timedelta(days=1))  # already that day where the event was
    return _day(_weekday_date(c.pub, wd, c.m["prep"] or "", direction))


@dataclass
class _Atom:
    wd: int | None = None
    month: int | None = None
    day: int | None = None
    year: int | None = None


def _parse_atom(text: str) -> _Atom:
    text = " ".join(text.split())
    if m := _ATOM_WD.fullmatch(text):
        return _Atom(wd=_WEEKDAYS.index(m["wd"].lower()))
    m = _ATOM_MD.fullmatch(text) or _ATOM_DM.fullmatch(text)
    if m:
        y = int(m["year"]) if m["year"] else None
        return _Atom(month=_month_num(m["mon"]), day=_num(m["d1"]), year=y)
    m = _ATOM_M.fullmatch(text)
    assert m is not None
    return _Atom(month=_month_num(m["mon"]), year=int(m["year"]) if m["year"] else None)


def _atom_range(a: _Atom, y: int) -> Range | None:
    assert a.month is not None
    if a.day is None:
        return _month_of(a.year or y, a.month)
    d = _safe_date(a.year or y, a.month, a.day)
    return (d, d) if d else None


def _h_range(c: _Ctx) -> Result:
    if c.m["conn"].strip().lower() == "and" and (c.m["prep"] or "").lower() != "between":
        return _SKIP  # "Wednesday and Friday": two days, not a span
    a, b = _parse_atom(c.m["a"]), _parse_atom(c.m["b"])
    if (a.wd is None) != (b.wd is None):
        return _SKIP
    if a.wd is not None and b.wd is not None:
        if c.pub is None:
            return None
        start = _weekday_date(c.pub, a.wd, "", c.direction(beyond_clause=True))
        return (start, start + timedelta(days=(b.wd - a.wd) % 7 or 7))
    if (a.day is None) != (b.day is None):
        return _SKIP  # "June to August 5": not a form we read
    if a.year is None and b.year is None and c.pub is None:
        return None
    if a.year is None and b.year is not None:
        a.year = b.year if (a.month or 0) <= (b.month or 0) else b.year - 1
    if a.year is not None:
        start_r = _atom_range(a, a.year)
    else:
        assert c.pub is not None
        start_r = _pick_year(c.pub, lambda y: _atom_range(a, y), c.direction())
    if start_r is None:
        return _SKIP
    end_r = _atom_range(b, b.year or start_r[0].year)
    if end_r and end_r[1] < start_r[0] and b.year is None:
        end_r = _atom_range(b, start_r[0].year + 1)
    if end_r is None or end_r[1] < start_r[0]:
        return _SKIP
    return (start_r[0], end_r[1])


_PATTERNS: tuple[tuple[re.Pattern[str], _Handler], ...] = (
    (_ISO, _h_iso),
    (_RANGE, _h_range),
    (_MD_TO_DAY, _h_md_to_day),
    (_MD, _h_md),
    (_DM, _h_md),
    (_MY, _h_my),
    (_JUCHE, _h_my),
    (_MONTH_ONLY, _h_month_only),
    (_MONTH_REL, _h_month_rel),
    (_YEAR_ONLY, _h_year),
    (_YEAR_SPAN, _h_year_span),
    (_YEAR_AND, _h_year_and),
    (_MONTH_AND, _h_month_and),
    (_SEASON, _h_season),
    (_SEASON_THE, _h_season_the),
    (_REL_DAY, _h_rel_day),
    (_FROM_TODAY, _h_from_today),
    (_REL_PERIOD, _h_rel_period),
    (_WEEKEND, _h_weekend),
    (_WD_WEEK, _h_wd_week),
    (_WEEKDAY, _h_weekday),
)

_RELATIVE = frozenset(
    {
        _REL_DAY,
        _FROM_TODAY,
        _REL_PERIOD,
        _WEEKEND,
        _WD_WEEK,
        _WEEKDAY,
        _MONTH_ONLY,
        _MONTH_AND,
        _SEASON,
        _SEASON_THE,
    }
)

__all__ = [
    "find_dates",
    "publication_date",
    "publication_day",
    "resolve_dates",
    "tense_direction",
    "writer_day",
]


# ---------------------------------------------------------------- scheduled events

_MAYBE_MODALS = _words("could might may would should")
"""Modal verbs of possibility: "emissions could fall by 2030" is a forecast."""
_EXPECT_LEMMAS = _words("expect project forecast estimate predict anticipate")
"""Verbs of expectation: "deployment is expected to advance in 2024" is a forecast."""
_ON_COURSE = re.compile(r"\b(?:on track|on pace|on course|poised|likely|unlikely)\s+to\b", re.I)
"""Words of a course or likelihood: what they date is a projection, not a scheduled event."""
_ROOM_LEMMAS = _words(
    "say talk speak answer tell brief update share keep look hear know want think hope feel"
)
"""What a speaker does in the room with "I" or "we": say, answer, look forward, know,
want ("we'll have more to say tomorrow", "we're looking forward to the day tomorrow")."""
_FIRST_PERSON = _words("i we")
_AGENT_PRONOUNS = _words("i we he she they you")
_AMOUNT_VERBS = _words(
    "reach rise fall grow increase decrease decline drop climb exceed top hit total double "
    "triple surpass slow advance improve be become remain cost"
)
"""Verbs of a quantity's course: "inflation is expected to rise next year" stays a forecast."""


def _expected_act(v: Any) -> bool:
    """ "Samsung is expected to unveil the phone at CES next week", "Yoon is expected to
    attend the summit": a named actor (a proper noun or a personal pronoun) expected to
    do an act is a plan the source reports, not a forecast of an amount."""
    if v.lower_ != "expected":
        return False
    subjects = [ch for ch in v.children if ch.dep_ in ("nsubjpass", "nsubj")]
    acts = [ch for ch in v.children if ch.dep_ == "xcomp" and ch.pos_ == "VERB"]
    return (
        any(
            s.pos_ == "PROPN" or (s.pos_ == "PRON" and s.lower_ in _AGENT_PRONOUNS - {"i", "you"})
            for s in subjects
        )
        and bool(acts)
        and all(_lemma(a) not in _AMOUNT_VERBS for a in acts)
    )


_CONTENTLESS = _words("what that this it which there")
_LIMIT_PREPS = _words("until till")
_QUANTITY_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "attr", "pobj", "oprd", "npadvmod"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "expl", "csubj"})


def _parser() -> Any:
    """The shared pipeline's tagger and parser (``spacy_model.SYNTAX``); None when not installed."""
    return spacy_model.reader(spacy_model.SYNTAX)


PARSED_KEPT = 4096
"""Parsed sentences kept per process."""


def _parse_all(sentences: Sequence[str]) -> None:
    """Parse the sentences not read before in one batch (``Reader.docs``)."""
    nlp = _parser()
    if nlp is not None:
        nlp.docs(sentences, keep=PARSED_KEPT)


def _parse(sentence: str) -> Any:
    nlp = _parser()
    return None if nlp is None else nlp.docs([sentence], keep=PARSED_KEPT)[sentence]


def _lemma(tok: Any) -> str:
    """A verb's base form without the lemmatizer: the tagger's tag and the word."""
    w = tok.lower_.strip("’'")
    irregular = {
        "’ll": "will",
        "'ll": "will",
        "’d": "would",
        "'d": "would",
        "ca": "can",
        "wo": "will",
        "said": "say",
        "told": "tell",
        "thought": "think",
        "knew": "know",
        "felt": "feel",
        "heard": "hear",
        "kept": "keep",
        "spoke": "speak",
        "'s": "be",
        "’s": "be",
        "'re": "be",
        "’re": "be",
        "'m": "be",
        "’m": "be",
        "is": "be",
        "are": "be",
        "was": "be",
        "were": "be",
        "am": "be",
        "been": "be",
        "being": "be",
        "has": "have",
        "had": "have",
    }
    if tok.lower_ in irregular:
        return irregular[tok.lower_]
    for end, cut in (("ing", 3), ("ed", 2), ("es", 2), ("s", 1)):
        if tok.tag_ in ("VBG", "VBD", "VBN", "VBZ") and w.endswith(end) and len(w) > cut + 2:
            stem = w[:-cut]
            if end == "ed" and stem.endswith("ect"):  # "expected", "projected"
                return stem
            if end in ("ing", "ed") and stem + "e" in _EXPECT_LEMMAS | _ROOM_LEMMAS:
                return stem + "e"  # "anticipating"
            if end == "es" and stem + "e" in _EXPECT_LEMMAS | _ROOM_LEMMAS:
                return stem + "e"
            return stem
    return w


def _is_quantity(tok: Any) -> bool:
    """A number or a counted noun: "75 percent", "one million EVs", "$3 billion"."""
    if tok.pos_ == "NUM" and not _ANY_YEAR.fullmatch(tok.text):
        return True
    return any(
        ch.dep_ in ("nummod", "quantmod") and not _ANY_YEAR.fullmatch(ch.text)
        for ch in tok.children
    ) or any(ch.tag_ == "$" for ch in tok.children)


_FEW = _words("two three four five six seven eight nine ten eleven twelve both")


def _few_actors(tok: Any) -> bool:
    """A subject counted by a small number ("the two leaders", "three ministers"): the
    ones who act, not a quantity reached at that date."""
    if tok.dep_ not in _SUBJECTS:
        return False
    nums = [ch for ch in tok.children if ch.dep_ == "nummod"]
    return bool(nums) and all(
        n.lower_ in _FEW or (n.text.isdigit() and int(n.text) <= 12) for n in nums
    )


def _asks(text: str) -> bool:
    """A question, or a reporter's line in a transcript ("Q …")."""
    return text.rstrip(" \"'”’)").endswith("?") or bool(_Q_LINE.match(text))


def not_event(event: Event) -> str | None:
    """Why the sentence does not tell a scheduled event at the event's date, read from its
    parse (the clause the date sits in), or None when it does: "question" (the sentence
    asks), "forecast" (a modal of possibility, a verb of expectation, a quantity told at
    that date, a whole year reached "by"), "room talk" (I/we saying, answering, looking
    forward, knowing, wanting; a bare "what's on tap"), "appeal" (I/we call on or urge
    others to act by then), "limit" ("on embargo until 5:00 a.m. tomorrow"), "negated" (the
    clause denies it: "it's not going to happen tomorrow"), "deadline" (an order's deadline
    counted from its own date: "within 90 days of the date of this order"). A course or
    likelihood ("on track to", "likely to") is a forecast too. Without the parser only
    the question is read."""
    text = event.text.strip()
    if _asks(text):
        return "question"  # a question, or a reporter's line in a transcript ("Q …")
    at = text.casefold().find(event.mention.casefold())
    mention = event.mention.strip()
    lead = mention.split()[0].lower() if mention.split() else ""
    long_period = False
    if event.date and "/" in event.date:
        a, b = (date.fromisoformat(x) for x in event.date.split("/"))
        long_period = (b - a).days >= 89
    if lead == "by" and long_period:
        return "forecast"  # "by 2030", "by the spring": a target, not a day of an event
    if re.search(_OWN_DATE, mention, re.I):
        return "deadline"  # the last day for what the order asks, not a day it is done
    doc = _parse(text)
    if doc is None or at < 0:
        return None
    toks = [t for t in doc if t.idx < at + len(mention) and t.idx + len(t) > at]
    if not toks:
        return None
    span_ids = {t.i for t in toks}
    root = next((t for t in toks if t.head.i not in span_ids or t.head.i == t.i), toks[0])
    up, limit = root, lead in _LIMIT_PREPS
    for _ in range(3):  # "until 5:00 a.m. tomorrow morning": the date ends a limit
        limit = limit or (up.dep_ == "pobj" and up.head.lower_ in _LIMIT_PREPS)
        up = up.head
    if limit:
        return "limit"
    # the clause verb: the first verb above the date that has a subject (or the root)
    verb = root
    chain = []
    for _ in range(12):
        if verb.pos_ in ("VERB", "AUX"):
            chain.append(verb)
            if any(ch.dep_ in _SUBJECTS for ch in verb.children) or verb.dep_ == "ROOT":
                break
        if verb.head.i == verb.i:
            break
        verb = verb.head
    if not chain:
        return None
    clause = chain[-1]
    ups = [*chain]
    v = clause
    for _ in range(6):  # the verbs it hangs on: "expect ... to be", "is expected to advance"
        if v.head.i == v.i or v.dep_ not in ("xcomp", "ccomp", "acl", "advcl", "relcl"):
            break
        v = v.head
        if v.pos_ in ("VERB", "AUX"):
            ups.append(v)
    for v in ups:
        if any(ch.dep_ == "aux" and ch.lower_ in _MAYBE_MODALS for ch in v.children):
            return "forecast"
        if _lemma(v) in _EXPECT_LEMMAS and not _expected_act(v):
            return "forecast"
    if _ON_COURSE.search(text):
        return "forecast"  # "is on track to produce a record amount of oil next year"
    if any(
        s.lower_ in _FIRST_PERSON
        and (
            _lemma(v) == "urge"
            or (_lemma(v) == "call" and any(ch.lower_ == "on" for ch in v.children))
        )
        for v in ups
        for s in v.children
        if s.dep_ in _SUBJECTS
    ):
        return "appeal"  # "I call on Congress to pass a bill this month", "we urge …"
    subjects = [ch for ch in clause.children if ch.dep_ in _SUBJECTS]
    agent = any(
        sub.pos_ == "PROPN" or (sub.pos_ == "PRON" and sub.lower_ in _AGENT_PRONOUNS)
        for sub in subjects
    ) and any(ch.dep_ == "aux" and _lemma(ch) in ("will", "shall") for ch in clause.children)
    counted = any(
        _is_quantity(t) and not _few_actors(t)
        for t in clause.subtree
        if t.i not in span_ids and t.dep_ in _QUANTITY_DEPS
    )
    if long_period and (_is_quantity(root.head.head) or (counted and not agent)):
        # "to 75 percent in 2029", "more than one million EVs in 2026", "which will create
        # 35,000 jobs when completed in 2028" (but "next year, we will extend protections
        # to another 3 million workers" is an act an agent schedules)
        return "forecast"
    subjects = [ch for ch in clause.children if ch.dep_ in _SUBJECTS]
    first = any(s.lower_ in _FIRST_PERSON for s in subjects)
    if first and any(ch.dep_ == "neg" for ch in clause.children):
        return "room talk"  # "we don't have much of a sense for this week", "I have nothing"
    if any(ch.dep_ == "neg" for v in chain for ch in v.children):
        return "negated"  # "it's not going to happen tomorrow": nothing happens then
    if first and any(
        _lemma(v) in _ROOM_LEMMAS
        for v in (clause, *(t for t in clause.subtree if t.pos_ == "VERB" and t.i > clause.i))
    ):
        return "room talk"
    if not any(
        t.pos_ in ("NOUN", "PROPN") and t.i not in span_ids and not _ANY_YEAR.fullmatch(t.text)
        for t in doc
    ):
        return "room talk"  # "So, that will happen on Thursday.": nothing said of what
    contentless = subjects and all(s.lower_ in _CONTENTLESS for s in subjects)
    if (
        contentless
        and _lemma(clause) == "be"
        and not any(
            ch.dep_ in ("attr", "acomp") and ch.pos_ in ("NOUN", "PROPN") for ch in clause.children
        )
    ):
        return "room talk"  # "So that is what's on tap for tomorrow"
    return None
