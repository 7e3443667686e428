"""Stories: articles about the same event, from one or more outlets.

Average-linkage agglomerative clustering over a pair score that combines text
similarity with event signals:

- text: TF-IDF cosine of each article's title (counted three times) and its first
  200 words (``story_text``), as sparse vectors (scikit-learn's ``TfidfVectorizer``
  over the project's ``vectors.tokens``; the same weights as ``vectors.tfidf``);
- names: the proper names (capitalised words not opening a sentence; not the words of
  a Title Case headline) that both articles' title and lead share. A name more than
  ``RARE_SHARE`` of the batch carries names the batch's theme ("Trump" in a US politics
  batch, "Army" in a KCNA feed), not one event, and is no signal (``theme_names`` in
  ``explain``); the others add ``NAME_BONUS`` each, weighed by how specific they are in
  the batch (``weight``: 1 for a name two articles carry, less the more carry it);
- dates: the calendar dates ("Nov. 18", "18 November") of the title and lead, and the
  days their weekdays and "yesterday"s resolve to from the publication date;
- time: how many days apart they were published.

Articles published more than ``FAR_DAYS`` apart (or undated) are one story only on
event-level evidence (``Signals.event_link``): a shared date together with a shared
specific name (``DATE_NAMES``), text alike enough on its own (``STRONG_TEXT``), or, both
dated, ``FAR_MANY`` shared specific names with similar text (``FAR_TEXT``) or one with
more alike text (``FAR_ONE_TEXT``: "Bitcoin" in December and February is no event);
otherwise their similarity counts ``FAR_FACTOR``. Near pairs (``Signals.day_link``): one
day's theme or occasion is no event, so they need ``NEAR_NAMES`` specific names (an actor
and a place), a shared date with one, or ``NEAR_TEXT`` (``BARE_TEXT`` with no name); a
name most of a busy day's articles carry is that day's occasion (``DAY_SHARE``:
founding-day greetings, wreath-layings) and not specific for its pairs
(``occasion_names`` in ``explain``) unless both headlines name it (``OCCASION_NAME``).
Leads that both name dates, none shared, get no bonus for fewer than ``DATES_DIFFER``
names. One outlet's template items whose headlines each name what the other never
mentions are two events however alike their text (``Signals.titles_differ``); a roundup
(a text opening on a bulleted list) joins a single-event item only on ``STRONG_TEXT``
(``Signals.one_roundup``); both are in ``explain``'s links.

Linear in the batch (issue 14): only candidate pairs are scored, found by chunks of the
sparse product X·Xᵀ (``CHUNK`` rows at a time, so memory stays bounded; words in more
than ``COMMON_SHARE`` of a large batch left out of the search), keeping per article its
``TOP_K`` most similar articles with a text similarity of at least ``MIN_TEXT`` (and,
with ``WINDOW_DAYS``, published within that many days of it). The figures were chosen on the
dev half of giveme5w1h news_cluster's events (even event ids) and of the "same theme,
different events" set (benchmarks/stories_eval.py); the test halves were only measured.
``explain`` says for a story which signals joined it. Pure.
"""

from __future__ import annotations

import functools
import hashlib
import heapq
import itertools
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer

from .dates import MONTHS, WEEKDAYS, day_in_a_name, find_dates, publication_day
from .models import Article
from .text import split_sentences
from .vectors import STOPWORDS, Vector, idf, tfidf, tokens
from .voice import SPEAKER_LABEL, TITLED_LABEL

THRESHOLD = 0.14
LEAD_WORDS = 200
FAR_DAYS = 1.5
"""Articles published more than this many days apart need event-level evidence."""
FAR_NAMES = 1
"""... at least this many shared specific names (people, places, organisations) ...
"""
FAR_TEXT = 0.2
"""... together with a text similarity of at least this; or ..."""
DATE_NAMES = 1
"""... a shared date together with at least this many shared specific names; or ..."""
STRONG_TEXT = 0.5
"""... a text similarity of at least this on its own."""
FAR_ONE_TEXT = 0.25
"""Dated pairs days apart sharing fewer than ``FAR_MANY`` specific names (one name: "Bitcoin"
in December and February, two trailers of one film) need at least this text similarity."""
FAR_MANY = 2
NEAR_NAMES = 2
"""Pairs of one day sharing fewer than this many specific names and no date ..."""
NEAR_TEXT = 0.15
"""... join only with at least this text similarity (one day's roundups of one occasion
share its vocabulary, not an event)."""
DAY_SHARE: float | None = 0.2
"""A name carried by more than this share of the articles published on one day (and by
more than ``DAY_MIN``) names that day's occasion (founding-day greetings, a holiday's
wreath-layings), not one event: it is no specific name for pairs of that day."""
DAY_MIN = 3
EVENT_KINDS: frozenset[str] | None = frozenset(
    {
        "banquet",
        "banquets",
        "ceremony",
        "ceremonies",
        "concert",
        "concerts",
        "contest",
        "exhibition",
        "festival",
        "gala",
        "lecture",
        "meeting",
        "meetings",
        "parade",
        "parties",
        "party",
        "performance",
        "performances",
        "presentation",
        "presentations",
        "rally",
        "reception",
        "seminar",
        "symposium",
        "talks",
        "tribute",
    }
)
"""Rule (event kinds): two items of one outlet whose headlines each name a kind of event
(a performance, a ceremony, a meeting, a banquet) and no kind in common are two events of
one occasion, however alike their text (the day's anniversary performance, march of
columns and veterans' meeting). Press forms (briefing, call, press conference) and
documents are no event kinds: one visit's remarks, readout and press conference are one
event. ``None`` turns the rule off. Chosen on the second-pass dev days
(stories_sameday_labels_r5b.json)."""
_KIND_WORD = re.compile(r"[a-z]+")
OCCASION_NAME = True
"""A name of the day's occasion that both articles carry and both headlines name lets a
pair of that day join on ``NEAR_TEXT`` rather than ``BARE_TEXT`` (four releases of one
council meeting make its name the day's)."""
DAY_BATCH = 12
"""A day's occasion is judged only on a day with at least this many articles."""
DATES_DIFFER = 2
"""Two articles whose leads both name dates, none shared, tell of different days: fewer
than this many shared specific names add no bonus (a launch on Friday and a ministers'
session on Thursday share "Pyongyang")."""
BARE_TEXT = 0.2
"""Two articles that share no specific name and no date join only with at least this
text similarity (shared vocabulary alone is a theme: an analysis and a report)."""
FAR_FACTOR = 0.5
"""Without them their text similarity counts only this much (0.5: a far pair joins only
when its text is twice as alike as the threshold asks)."""
NAME_BONUS = 0.04
"""Added to the pair score per shared specific name (at most ``MAX_BONUS_NAMES``)."""
MAX_BONUS_NAMES = 3
BONUS_FROM = 1
"""The bonus starts at this many shared specific names."""
RARE_BATCH = 8
"""Below this many articles, rarity cannot be judged: no name is specific."""
RARE_SHARE = 0.15
"""A name carried by more than this share of the batch's articles (and more than two) is
not specific: it names the batch's theme ("Seoul" in a Korea digest), not one event."""
TITLE_SHARE = 0.05
"""Headline words (``vectors.tokens``) in more than this share of the batch's titles (and
in more than ``TITLE_MIN``) are the batch's theme ("Respected Comrade Kim Jong Un
Receives", "President Biden Approves ... Disaster Declaration"), not what tells one
headline's event from another's."""
TITLE_MIN = 2
CONTRAST_FACTOR = 0.0
"""Rule (titles differ): two articles whose headlines each name something (a headline word
less the theme's) that the other's title and lead never mention are two events of one
template (the greetings of two heads of state, two states' disaster declarations, two
countries' emergency notices), however alike their text: their similarity counts only
this much."""
NAME_PREFIX = 5
"""A headline word and a name of the lead that share this many first letters are one name
("Palestinian" and "Palestine", "Egyptian" and "Egypt")."""
ROUNDUP_ITEMS = 3
"""An article whose text opens on at least this many bulleted lines ("- ...") is a roundup
(a press review, a list of nominees): several events, not one."""
ROUNDUP_INTRO = 2
"""... after at most this many lines of introduction ("Following are the main items ...")."""
ROUNDUP_FACTOR = 0.25
"""Rule (roundup): a roundup and an article that is not one are one story only with text
alike enough on its own (``STRONG_TEXT``); otherwise their similarity counts this much (a
review that lists a statement does not absorb the statement)."""
DAY_DATES = True
"""Rule (the day's date): for a pair of nearby days, a shared date within a day of either's
publication ("on Sunday" in two items of Sunday) is every item's of that day, not an event
signal; a date further off (the day a meeting was held) still is."""
FAR_DATED_TEXT: float | None = None
"""Rule (other days, far), off: two articles days apart whose leads both date their event,
no date shared (a launch on Tuesday, August 29, and one on Friday, September 15), would be
one story only with text at least this alike. Tried at 0.5 in round 5: it splits the two
launches over Hokkaido (dev with those launches told apart, ``stories_cluster_events.json``:
B-cubed 0.928 -> 0.933), but undated leads then join other stories on theme names (a July
missile-test analysis joined Kim's New Year olive branch) and news_cluster's own dev/test
fell 0.955/0.949 -> 0.924/0.943; None keeps the round-4 rule."""
ROUNDUPS_TEXT = 0.8
"""Rule (two roundups): two roundups (press reviews of two days) are one story only with
text this alike (a repeat), however alike their template; otherwise their similarity
counts ``ROUNDUPS_FACTOR``."""
ROUNDUPS_FACTOR = 0.0
TEMPLATE_RATIO: float | None = 0.5
"""Rule (template slot): two headlines of one outlet whose words run alike for at least
this share (``difflib`` ratio of their word sequences: "Notice on the Continuation of the
National Emergency With Respect to Mali" and "... to Hostage-Taking and the Wrongful
Detention of United States Nationals Abroad") are one template with a slot; each slot
mostly unmentioned by the other article (less than ``SLOT_SHARE`` of its words in the
other's title and lead: a notice on Mali may say "detention" once) makes two events.
None: off (only a slot that the other never mentions at all counts)."""
SLOT_SHARE = 0.5
_ACTOR = re.compile(
    r"\b(with|to|from|between)\s+(.+?)(?=\s+(?:on|at|in|for|about|regarding|before|after|during|"
    r"over)\b|[,:;|(]|$)",
    re.I,
)
_BETWEEN = re.compile(r"\s(?:on|at|in|for|about|regarding|before|after|during|over)\s|[:;|(]", re.I)
ACTOR_SLOT = True
"""Rule (actor slot): two template headlines of one outlet ("Readout of White House Meeting
with Labor Leaders on ..." / "... with Young Leaders on ..."; "Greetings to PM of Vietnam"
/ "Greetings to Vietnamese FM"; "Receives Greetings from Syrian President" / "... from
Nicaraguan President and Vice-President") whose counterparts after "with", "to" or "from"
each hold a word the other's headline lacks are two events: the same act with two
different actors. One template: the two words before the counterpart are the same, or
the headlines run alike (``TEMPLATE_RATIO``)."""
_ACT = re.compile(
    r"\b((?:[A-Z][\w’'.-]*\s+(?:(?:of|and|the|to|a|an|for|on|in|with)\s+){0,3}){1,10})Act\b"
    r"|\b(H\.\s?R\.|S\.|H\.\s?J\.\s?Res\.|S\.\s?J\.\s?Res\.)\s?(\d{1,5})\b"
)
_SMALL = frozenset({"of", "and", "the", "to", "a", "an", "for", "on", "in", "with"})
TOPIC_NAMED: float | None = 0.75
"""Rule (topic named): two items of one outlet of nearby days, one headline's topic after
"on" (two words or more less the batch's theme: "Remarks ... on Extreme Weather") mostly
(this share) in the other's headline ("FACT SHEET: ... New Actions to Protect Workers and
Communities from Extreme Weather"): the remarks and the fact sheet of one announcement,
told apart by a transcript's small-talk lead. The pair joins on any text with
``TOPIC_BONUS`` added. None: off."""
TOPIC_BONUS = 0.04
TITLE_PHRASE: float | None = None
"""Rule (headline phrase): two items of one outlet of nearby days whose headlines share two
words running together that few of the batch's headlines carry ("Extreme Weather" in the
President's remarks and the fact sheet of his new actions; "Mental Health" in the
remarks and the fact sheet of one announcement) name one event even when a transcript's
lead is small talk: the pair would join on any text, with this added to its score. Off
(None) since round 6: on the dev days it joined the two split pairs it was made for but
also "Flood Victims" items of two actors, a Vice President's two statements and, in the
week batches, three more same-theme pairs (net 1 split fewer, 5 merges more)."""
FORM_WORDS = frozenset(
    {
        "fact",
        "sheet",
        "press",
        "statement",
        "statements",
        "release",
        "briefing",
        "gaggle",
        "call",
        "readout",
        "remarks",
        "prepared",
        "delivery",
        "proclamation",
        "memorandum",
        "notice",
        "letter",
        "message",
        "joint",
        "spokesman",
        "spokesperson",
        "commentary",
        "article",
        "review",
    }
)
"""Words of a document's form ("Fact Sheet", "Press Statement", "Remarks as Prepared"): a
headline phrase with one of them names the kind of document, not its event."""
APART_TEXT: float | None = 0.2
"""Rule (headlines apart): two items of one outlet whose headlines share no word (less the
document's form words, ``FORM_WORDS``, and the batch's headline theme, ``TITLE_SHARE``),
not both naming a form (a memorandum and its fact sheet, a gaggle and the fact sheet of
the day's summit are one event's documents titled apart), and whose texts are less alike
than this are two events, whatever the outlet's shared
vocabulary lends their bodies (a press statement and a rally report; a factory feature
and a leader's anecdote). None: off."""
APART_BARE: float | None = 0.25
"""... and below this when they share no specific name either (``shared``): a founder's
tribute and a report of flood victims touring museums share only the outlet's words.
None: off."""
SAME_ACT: float | None = 0.3
"""Rule (one act, several documents): two items of one outlet of nearby days that name one
law or bill ("Section 303 of the Defense Production Act", "S. 138") in both headlines, or
in one's headline and the other's lead (a law few of the batch's items name), are one
action released in several documents (five determinations, their declaration and fact
sheet; a bill's signing notice and the statement on it): their template slots do not part
them, and their score is at least this. Two headlines naming laws or bills, none the same,
are two acts (``Signals.acts_differ``). None: off (both rules)."""
NAMED_HEADS = (
    "board",
    "commission",
    "task force",
    "corps",
    "initiative",
    "compact",
    "accord",
    "agreement",
    "fund",
    "strategy",
    "framework",
    "program",
    "programme",
)
"""Rule (one named body or instrument): the heads of a government act's own name ("a
Presidential Emergency Board", "the National Climate Task Force", "the Central American
Service Corps"); not occasions that host many acts (a summit, a forum), an office, nor an
organisation that holds them (a coalition: a speech at the Rainbow PUSH Coalition's
convention and a statement on its founder's retirement are two items)."""
_NAMED = re.compile(
    r"(?<![\w’'])([A-Z][\w’'.-]*)\s+(" + "|".join(h.title() for h in NAMED_HEADS) + r")s?\b"
)
_QUOTED = re.compile(r"[“\"]([A-Z][^”\"]{2,40})[”\"]")
GENERIC_BEFORE = frozenset(
    {
        "president",
        "presidential",
        "president's",
        "national",
        "federal",
        "house",
        "white",
        "american",
        "america",
        "states",
        "biden",
        "harris",
        "administration",
        "new",
        "joint",
        "the",
        "global",
        "international",
    }
)
"""Words before a head that name no one body ("the President's Council", "a New Fund")."""
SAME_NAMED = True
"""Rule (one named body or instrument; generalises ``SAME_ACT`` from laws and bills): two
items of one outlet of nearby days whose headlines name one body or instrument (its head,
``NAMED_HEADS``, and the capitalised word before it: "Executive Order on Establishing an
Emergency Board ..." and "President Biden Announces a Presidential Emergency Board"), or
one's headline names it (or a quoted name: the "In Her Hands" launch) and the other's lead
does (few of the batch's leads naming it), are one act; two headlines naming bodies of one
head, none the same and neither in the other's lead ("the June National Climate Task
Force Meeting", "U.S.-EU Task Force on European Energy Security Meeting"), are two. False:
off (both rules)."""
_ORDER = re.compile(
    r"^\s*(?:an?\s+)?(executive order|proclamation|presidential memorandum|memorandum)\s+"
    r"(?:on|to|regarding|establishing|for)\s+(.+)$",
    re.I,
)
_ORDER_NAMED = re.compile(
    r"\b(executive order|proclamation|memorandum)\s+"
    r"(?:(?:on|to|regarding|establishing|for)\s+)?(.+)$",
    re.I,
)
ORDER_SHARE: float | None = 0.6
"""Rule (one order, several documents): an executive order's, proclamation's or
memorandum's headline topic ("Executive Order on Establishing an Emergency Board to
Investigate a Dispute Between New Jersey Transit Rail Operations and ...") of which at
least this share of words (less the batch's headline theme) is in another item's title
and lead that names the same kind of instrument (its fact sheet, the announcement of the
board it creates, the remarks at its signing) is one act; an item whose own headline is
an instrument of that kind is another act, not its document. None: off."""
_SIGNING = re.compile(r"\bsign(?:ing|s)\b(.*)\b(?:bills?|acts?|laws?|legislation)\b(.*)$", re.I)
_SIGNED = re.compile(r"^\s*bills?\s+signed\b", re.I)
SIGNING = True
"""Rule (a signing and its notice): a headline naming the signing of bills or a law
("Remarks by President Biden at Signing of Nine Bipartisan Bills that Honor and Improve
Care for Veterans") and the same outlet's "Bill(s) Signed" notice of nearby days whose
title and lead carry a word of that headline's own (less the batch's headline theme and
form words: "veterans") are one act. False: off."""
MIN_JOIN_TEXT: float | None = 0.05
"""Rule (names need text): a pair of nearby days whose texts are less alike than this
joins on no shared names ("United", "States", "Service" in a bill-signing notice and the
day's nominations): names tell one event only in texts about something alike. None: off."""
TEMPLATE_PREFIX: int | None = 3
"""Rule (template slot, shared opening): two headlines of one outlet opening on the same
words (this many tokens or more: "FACT SHEET: Biden-Harris Administration ...", "Readout
of Vice President Harris's Roundtable with ...") are one template whatever the length of
their slots (``TEMPLATE_RATIO`` misses long slots); each slot mostly unmentioned by the
other (``SLOT_SHARE``) makes two programmes. None: only the ratio."""
TOP_K = 40
"""Candidate pairs: each article's most similar articles kept (by text similarity)."""
MIN_TEXT = 0.02
"""Candidate pairs: the least text similarity kept (below it a pair is no candidate)."""
WINDOW_DAYS: float | None = None
"""Candidate pairs: articles published further apart than this are never compared
(undated articles are compared with all); None: no window."""
COMMON_SHARE: float | None = 0.05
"""Candidate pairs: words carried by more than this share of the batch are left out of
the neighbour search (not out of the text similarity); None: none left out."""
COMMON_MIN = 100
"""... and never a word carried by this many articles or fewer."""
CHUNK = 64
"""Rows of X·Xᵀ computed at once (memory: CHUNK x N floats)."""


def story_text(article: Article) -> str:
    """What two articles are compared on: the title (three times: it names the event) and
    the first 200 words of the body (where news writing puts who, what, where, when)."""
    return f"{article.title}. {article.title}. {article.title}. {lead_words(article.text)}"


def vectors(articles: Sequence[Article]) -> list[Vector]:
    """``story_text`` as dict vectors (``vectors.tfidf``); ``matrix`` is the sparse form."""
    toks = [_tokens(story_text(a)) for a in articles]
    weights = idf(toks)
    return [tfidf(t, weights) for t in toks]


def matrix(articles: Sequence[Article]) -> sparse.csr_matrix:
    """``story_text`` of each article as a row of a sparse L2-normalised TF-IDF matrix:
    (1 + log tf) x (log((1 + N) / (1 + df)) + 1), the weights of ``vectors.tfidf``."""
    return _fit(articles)[0]


_LATIN = re.compile("[\u00c0-\u024f\u1e00-\u1eff]")


@functools.lru_cache(maxsize=4096)
def _fold_char(c: str) -> str:
    return "".join(x for x in unicodedata.normalize("NFKD", c) if not unicodedata.combining(x))


def fold(text: str) -> str:
    """``text`` with its Latin letters stripped of diacritics ("Erdoğan" -> "Erdogan");
    other scripts (Hangul, CJK) are left as they are."""
    if text.isascii():
        return text
    return _LATIN.sub(lambda m: _fold_char(m.group(0)), text)


def _tokens(text: str) -> list[str]:
    """``vectors.tokens`` of the folded text: one outlet's "Erdoğan" is another's "Erdogan"."""
    return tokens(fold(text))


def _fit(articles: Sequence[Article]) -> tuple[sparse.csr_matrix, dict[str, int]]:
    """``matrix`` and its vocabulary (token -> column), row indices sorted."""
    if not articles:
        return sparse.csr_matrix((0, 0)), {}
    vec = TfidfVectorizer(
        analyzer=_tokens, sublinear_tf=True, smooth_idf=True, norm="l2", dtype=np.float32
    )
    try:
        x = vec.fit_transform(story_text(a) for a in articles)
    except ValueError:  # no article has a single token
        return sparse.csr_matrix((len(articles), 1)), {}
    x = sparse.csr_matrix(x)
    x.sort_indices()
    return x, dict(vec.vocabulary_)


# ---------------------------------------------------------------- event signals

_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_MONTHS = MONTHS  # one table of month names (extractors.dates)
_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))
_DATE = re.compile(
    rf"\b(?:(?P<m1>{_MONTH_RE})\.?\s+(?P<d1>\d{{1,2}})(?!\d)|(?P<d2>\d{{1,2}})\s+(?P<m2>{_MONTH_RE})\b)",
    re.I,
)
_RELATIVE = re.compile(
    r"\b(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|yesterday|today|tonight|tomorrow)\b", re.I
)
_DATELINE = re.compile(
    rf"\s*[A-Z][\w .'’-]{{0,40}},\s+(?P<m>{_MONTH_RE})\.?\s+(?P<d>\d{{1,2}})\b[^.\n]{{0,30}}?"
    r"(?:\(\w[\w .]*\)\s*)?(?:--|—|–)",
    re.I,
)


_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_ISO_DAY = re.compile(r"^\d{4}-(\d{2})-(\d{2})$")
RESOLVE_SENTENCES = 3
"""Relative dates ("on Thursday") are resolved in the title and this many lead sentences."""
ROLE_WORDS = frozenset(
    {
        "advisor",
        "adviser",
        "director",
        "deputy",
        "senior",
        "policy",
        "official",
        "officials",
        "moderator",
        "assistant",
        "spokesperson",
    }
)
"""Rule (roles are no names): a title or a transcript's speaker label ("Director",
"Senior Advisor", "MODERATOR", "SENIOR ADMINISTRATION OFFICIAL") names a post any release
of the outlet has, not one event's actor."""
_NOT_NAMES = (
    STOPWORDS
    | set(_MONTHS)
    | set(WEEKDAYS)
    | {
        "photo",
        "photos",
        "image",
        "video",
        "read",
        "click",
    }
    | ROLE_WORDS
)


def lead_words(text: str, n: int = LEAD_WORDS) -> str:
    """The first ``n`` words of ``text``, space-joined (without splitting all of a long
    text: a transcript of 20,000 words is read only as far as its lead)."""
    head = text[: 16 * n]
    words = head.split()
    if len(words) <= n and len(head) < len(text):
        words = text.split()
    return " ".join(words[:n])


def _lead(article: Article) -> str:
    return f"{article.title}. " + lead_words(article.text)


def names(article: Article) -> frozenset[str]:
    """Proper names of the title and lead: capitalised words (lower-cased) that do not open
    a sentence; no stop word, month, weekday, or the name of a wire agency or of page
    furniture ("Reuters", "Getty", "Newsletter"). Words, not spans: "Equifax Inc." and
    "Equifax" share their name (spans scored lower on the dev events)."""
    body = _names_in(lead_words(article.text))
    # Rule (title case): "Respected Comrade Kim Jong Un Sends Gifts to War Veterans"
    # capitalises every word; such a title's words are names only where the lead
    # capitalises them too.
    title = _names_in(article.title)
    if title_case(article.title):
        title &= body
    return frozenset(title | body)


def _kinds(title: str) -> frozenset[str]:
    """The kinds of event (``EVENT_KINDS``) a headline names, plural folded to singular."""
    if EVENT_KINDS is None:
        return frozenset()
    words = _KIND_WORD.findall(title.lower())
    return frozenset(
        w[:-3] + "y" if w.endswith("ies") else w[:-1] if w.endswith("s") and w != "talks" else w
        for w in words
        if w in EVENT_KINDS
    )


def title_case(title: str) -> bool:
    """A headline in Title Case: most of its words of four letters or more capitalised."""
    words = [w for w in _WORD.findall(title) if len(w) >= 4]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


ROLL_NAMES: int | None = 5
"""Rule (roll of names): a lead sentence listing at least this many capitalised items
("accompanied by Jo Yong Won, Pak Jong Chon, Ri Il Hwan, Kim Jae Ryong and Jo Chun Ryong";
"Present there were ...") is a roll of attendees, who follow one leader to many events:
names found only in such rolls are no names of the event. 5 on dev (4 and 3 cost
news_cluster recall: four countries listed are often the event's). None: off."""
_ROLL_SPLIT = re.compile(r",\s*|\s+and\s+")


def _roll(sentence: str) -> bool:
    """Is ``sentence`` a roll of at least ``ROLL_NAMES`` capitalised items?"""
    if ROLL_NAMES is None or sentence.count(",") < ROLL_NAMES - 2:
        return False
    items = [x.strip() for x in _ROLL_SPLIT.split(sentence)]
    return sum(bool(x) and x[0].isupper() for x in items) >= ROLL_NAMES


def _names_in(text: str, rolls: bool = True) -> set[str]:
    out: set[str] = set()
    listed: set[str] = set()
    for sent in re.split(r"(?<=[.!?:;])\s+|\n", text):
        into = listed if rolls and _roll(sent) else out
        for k, m in enumerate(_WORD.finditer(sent)):
            w = m.group(0).strip("'’-")
            if k == 0 or len(w) < 3 or not w[0].isupper():
                continue
            low = w.lower().removesuffix("'s").removesuffix("’s")
            # Rule (contractions): "I'm", "We’ll", "Don't" open a spoken clause; no name.
            if low not in _NOT_NAMES and "'" not in low and "’" not in low:
                into.add(low)
    return out


def dates(article: Article) -> frozenset[tuple[int, int]]:
    """(month, day) of the dates the title and lead name: calendar dates ("Nov. 18"), and
    weekdays and "yesterday" of the title and first ``RESOLVE_SENTENCES`` sentences
    resolved from the publication day (``dates.find_dates``; single days only)."""
    # Rule (dateline): "Pyongyang, July 26 (KCNA) --" dates the report, not its event.
    line = _DATELINE.match(article.text)
    body = article.text[line.end() :] if line else article.text
    text = f"{article.title}. " + lead_words(body)
    out = set()
    for m in _DATE.finditer(text):
        if day_in_a_name(text, m.start(), m.end()):
            continue  # "the April 25 Hostel": a name, not the event's day
        month = _MONTHS[(m.group("m1") or m.group("m2")).lower().rstrip(".")]
        day = int(m.group("d1") or m.group("d2"))
        if 1 <= day <= 31:
            out.add((month, day))
    if RESOLVE_SENTENCES and article.published is not None and _RELATIVE.search(text):
        pub, next_ok = publication_day(article)
        lead = lead_words(article.text)
        for sentence in [article.title, *split_sentences(lead)[:RESOLVE_SENTENCES]]:
            if not _RELATIVE.search(sentence):
                continue
            for _, value in find_dates(sentence, pub, next_ok=next_ok):
                iso = _ISO_DAY.match(value or "")
                if iso:
                    out.add((int(iso.group(1)), int(iso.group(2))))
    return frozenset(out)


_BULLET = re.compile(r"^\s*[-•*]\s+\S", re.M)
ROUNDUP_CUE: re.Pattern[str] | None = re.compile(
    r"\b(?:following|here)\s+are\b[^:\n]{0,120}\b(?:news|headlines?|items|articles|stories|"
    r"papers|newspapers)\b[^:\n]{0,120}:\s*$",
    re.I | re.M,
)
"""Rule (roundup, plain text): a list's bullets may be lost on the way (a Markdown file
read to text keeps one item a line, without its "- "): a line of the lead that announces a
list of news items ("Following are major news items and articles in leading newspapers
... :") followed by at least ``ROUNDUP_ITEMS`` lines is a roundup too. A fact sheet's
"the following actions:" names no news items and stays one event. None: off."""
ROUNDUP_TITLE = re.compile(r"^\s*(?:press review|news (?:roundup|digest|summary))\b", re.I)
"""... and so is an item headed "Press Review" (or "News Roundup") with that many lines."""


ITINERARY_ITEMS: int | None = 3
"""Rule (itinerary): a release with at least this many bulleted lines that each send an
official somewhere ("Secretary of Energy ... will travel to Michigan", "... traveled to
Nevada") is a tour or travel schedule: one list of many officials' stops, its own event.
Like a roundup it joins a single-event item only on ``STRONG_TEXT`` (its officials and the
administration's label, shared with the day's policy releases, make no event). None: off."""
_TRAVEL = re.compile(
    r"\b(?:will|to)\s+(?:travel|visit|tour|join)\b|\b(?:is|are)\s+(?:traveling|travelling|"
    r"visiting)\b|\b(?:traveled|travelled|visited)\s+to\b",
    re.I,
)


_ORDINAL = re.compile(
    r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|"
    r"(?:thir|four|fif|six|seven|eigh|nine)teenth|twentieth|\d+(?:st|nd|rd|th))"
)
"""An ordinal as a headline's token ("eleventh", "12th")."""
VENUE_LINES = 4
"""A transcript's header is at most this many paragraphs before its first speaker's label."""


def venue(article: Article) -> str | None:
    """A transcript's header, folded and case-folded: the paragraphs before its first
    titled speaker's label, when there are one to ``VENUE_LINES`` of them ("Private
    Residence Beverly Hills, California (June 10, 2022)", "7:34 P.M. PDT"); None for any
    other text."""
    head: list[str] = []
    for p in article.paragraphs[: VENUE_LINES + 1]:
        if SPEAKER_LABEL.match(p) and TITLED_LABEL.match(p):
            return fold(" ".join(" ".join(head).split())).casefold() if head else None
        head.append(p)
    return None


def itinerary(article: Article) -> bool:
    """Does the text list ``ITINERARY_ITEMS`` bulleted travel lines (a tour's stops)?"""
    if ITINERARY_ITEMS is None:
        return False
    items = re.split(r"^\s*[-•*]\s+", article.text, flags=re.M)[1:]
    return sum(bool(_TRAVEL.search(" ".join(x.split()[:30]))) for x in items) >= ITINERARY_ITEMS


def roundup(article: Article) -> bool:
    """Does the text open on a list of items (``ROUNDUP_ITEMS`` bulleted lines in the lead's
    span): a press review, a list of nominees, several events in one item? A tour's list of
    officials' stops (``itinerary``) is one too."""
    if itinerary(article):
        return True
    head = article.text[: 16 * LEAD_WORDS]
    lines = [line for line in head.splitlines() if line.strip()]
    if ROUNDUP_CUE is not None:
        cue = next(
            (k for k, line in enumerate(lines[: ROUNDUP_INTRO + 1]) if ROUNDUP_CUE.search(line)),
            None,
        )
        if cue is None and ROUNDUP_TITLE.match(article.title) and len(lines) > ROUNDUP_ITEMS:
            cue = 0
        if cue is not None and len(lines) - cue - 1 >= ROUNDUP_ITEMS:
            return True
    first = next((k for k, line in enumerate(lines) if _BULLET.match(line)), None)
    # the list opens the text (after at most ROUNDUP_INTRO lines): a fact sheet whose
    # paragraphs tell one event before listing its parts is no roundup
    if first is None or first > ROUNDUP_INTRO:
        return False
    return len(_BULLET.findall(head)) >= ROUNDUP_ITEMS


BRIEFING_Q: int | None = 20
"""Rule (multi-topic briefing): a transcript with at least this many reporter turns (lines
opening on "Q") is a press briefing or gaggle that takes questions on the day's many
topics: like a roundup, it joins a single-event item only on ``STRONG_TEXT`` (its opening
topic does not make it that topic's story). A press call previewing one event has fewer
(2-14 on the White House releases). None: off."""
_Q_TURN = re.compile(r"^\s*Q(?:\s|:)", re.M)


def briefing(article: Article) -> bool:
    """Is the text a many-question transcript (``BRIEFING_Q`` reporter turns)?"""
    if BRIEFING_Q is None:
        return False
    return len(_Q_TURN.findall(article.text)) >= BRIEFING_Q


def acts(text: str) -> frozenset[str]:
    """The laws and bills ``text`` names, as keys: the last three words before "Act"
    ("defense production act"), or a bill's chamber and number ("s 138", "hr 2365")."""
    out = set()
    for m in _ACT.finditer(text):
        if m.group(1):
            words = [w.lower() for w in m.group(1).split() if w.lower() not in _SMALL]
            words = [w for w in words if w not in ("the",)]
            if len(words) >= 2 or (words and len(words[0]) > 3):
                out.add(" ".join([*words[-3:], "act"]))
        else:
            chamber = re.sub(r"[^a-z]", "", m.group(2).lower())
            out.add(f"{chamber} {m.group(3)}")
    return frozenset(out)


def _slot(title: str) -> tuple[str, frozenset[str], tuple[str, ...]] | None:
    """A headline's counterpart after "with", "to" or "from" (the first; a "with" after a
    "from" wins): the word, the counterpart's words, and the last two words before it
    ("greeting", "meeting")."""
    m = _ACTOR.search(fold(title))
    if not m:
        return None
    if m.group(1).lower() == "from":  # "Readout from the Vice President's Meeting with X":
        later = _ACTOR.search(m.string, m.end(1))  # the meeting's other party, not the sender
        while later and later.group(1).lower() not in ("with", "between"):
            later = _ACTOR.search(m.string, later.end(1))
        m = later or m
    words = frozenset(_tokens(m.group(2)))
    if m.group(1).lower() == "between":  # "between the President, Senior ... and X": all
        words = frozenset(_tokens(_BETWEEN.split(m.string[m.end(1) :], maxsplit=1)[0]))
    head = tuple(_tokens(m.string[: m.start()])[-2:])
    # "Meeting between the President ... and U.S. Black Chambers" is "Meeting with ..."
    word = "with" if m.group(1).lower() == "between" else m.group(1).lower()
    return (word, words, head) if words and head else None


@functools.lru_cache(maxsize=65536)
def _ratio(a: str, b: str) -> float:
    """``difflib`` ratio of the two headlines' word sequences (lower case, folded)."""
    import difflib

    # the place after a bar ("Remarks by ... | Madrid, Spain") is no part of the template
    wa, wb = (fold(x.split("|", 1)[0]).lower().split() for x in (a, b))
    return difflib.SequenceMatcher(None, wa, wb, autojunk=False).ratio()


@functools.lru_cache(maxsize=65536)
def _opening(a: str, b: str, n: int) -> bool:
    """Do the two headlines open on the same ``n`` tokens (and differ after them)?"""
    ta, tb = (_tokens(fold(x.split("|", 1)[0])) for x in (a, b))
    return len(ta) > n and len(tb) > n and ta[:n] == tb[:n]


@functools.lru_cache(maxsize=65536)
def _form_of_topic(document: str, other: str) -> bool:
    """Is ``document``'s headline, less its form ("FACT SHEET:"), the whole of ``other``'s
    topic after "on"? A tail after a colon is the source, not the topic ("... on X: Rodong
    Sinmun"). Memoised: each candidate pair of one outlet asks it from several rules."""
    words = frozenset(_tokens(fold(document.split("|", 1)[0])))
    bare = words - FORM_WORDS
    topic = _topic(other.rsplit(":", 1)[0]) or _topic(other)
    return bare != words and len(bare) >= 2 and bare <= topic


_TOPIC = re.compile(r"\s(?:on|regarding|about)\s+(.+)$", re.I)


def _topic(title: str) -> frozenset[str]:
    """The words of a headline's topic after its last "on", "regarding" or "about"."""
    m = _TOPIC.search(fold(title).split("|", 1)[0])
    return frozenset(_tokens(m.group(1))) if m else frozenset()


def _prefix(a: str, b: str) -> str:
    """The letters ``a`` and ``b`` begin with alike."""
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return a[:n]


def title_terms(
    articles: Sequence[Article],
    vocab: dict[str, int],
    names_of: Sequence[frozenset[str]],
    rare: frozenset[str] = frozenset(),
) -> tuple[list[frozenset[int]], list[frozenset[int]], list[frozenset[int]], list[dict[int, str]]]:
    """Per article, the columns of its headline's words less the batch's theme words
    (``TITLE_SHARE``), those of them that are names in it (``names``), those that are
    specific names (``rare``), and its names by column as written: what its headline
    names that another's may not."""
    words = [set(_tokens(a.title)) for a in articles]
    n = len(articles)
    df: Counter[str] = Counter(w for ws in words for w in ws)
    cut = max(TITLE_MIN, TITLE_SHARE * n) if n >= RARE_BATCH else n
    terms, named, specific, spelled = [], [], [], []
    for ws, ns in zip(words, names_of, strict=True):
        keep = {w for w in ws if w in vocab and df[w] <= cut}
        # the shortest spelling of a word wins ("summit", not "summits"), whatever the
        # set's order (hash seed) is
        order = sorted(ns, key=lambda x: (-len(x), x))
        spelling = {t: fold(x) for x in order for t in _tokens(x) if t in keep}
        # Rule (name forms): a headline's "Palestinian" is the lead's "Palestine", its
        # "Egyptian" the lead's "Egypt": a shared stem of NAME_PREFIX letters or more
        for t in sorted(keep - set(spelling)):
            for x in order[::-1]:
                stem_ = _prefix(t, fold(x))
                if len(stem_) >= NAME_PREFIX:
                    spelling[t] = stem_
                    break
        spelled.append({vocab[t]: x for t, x in spelling.items()})
        stems = set(spelling)
        rares = {t for x in ns & rare for t in _tokens(x)}
        terms.append(frozenset(vocab[w] for w in keep))
        named.append(frozenset(vocab[w] for w in keep & stems))
        specific.append(frozenset(vocab[w] for w in keep & rares))
    return terms, named, specific, spelled


def _topic_words(articles: Sequence[Article]) -> list[frozenset[str]]:
    """Per article, its headline's tokens less those more than ``RARE_SHARE`` of the
    batch's headlines carry ("President", "Biden"); a batch smaller than ``RARE_BATCH``
    keeps none (no theme can be told)."""
    if TOPIC_NAMED is None or len(articles) < RARE_BATCH:
        return [frozenset() for _ in articles]
    heads = [frozenset(_tokens(fold(a.title))) for a in articles]
    df: Counter[str] = Counter(w for h in heads for w in h)
    cut = max(TITLE_MIN + 1, RARE_SHARE * len(articles))
    return [frozenset(w for w in h if df[w] <= cut) for h in heads]


def _phrases_of(articles: Sequence[Article]) -> list[frozenset[tuple[str, str]]]:
    """Per article, the pairs of headline words running together (``vectors.tokens``: stop
    words left out) that at most ``RARE_SHARE`` of the batch's headlines (and at least
    two) carry; none in a batch smaller than ``RARE_BATCH``."""
    if TITLE_PHRASE is None or len(articles) < RARE_BATCH:
        return [frozenset() for _ in articles]
    pairs = []
    heads = [_tokens(a.title.split("|", 1)[0]) for a in articles]
    words: Counter[str] = Counter(w for t in heads for w in set(t))
    theme = max(TITLE_MIN + 1, TITLE_SHARE * len(articles))
    for t in heads:
        pairs.append(
            frozenset(
                (x, y)
                for x, y in itertools.pairwise(t)
                if x not in FORM_WORDS
                and y not in FORM_WORDS
                and min(words[x], words[y]) <= theme  # not two theme words
            )
        )
    df: Counter[tuple[str, str]] = Counter(p for ps in pairs for p in ps)
    cap = max(2, math.floor(RARE_SHARE * len(articles)))
    return [frozenset(p for p in ps if df[p] <= cap) for ps in pairs]


FORM_MARK = "\x00form"


def _head_words(articles: Sequence[Article]) -> list[frozenset[str]]:
    """Per article, its headline's tokens less ``FORM_WORDS`` and, in a batch of
    ``RARE_BATCH`` or more, less those more than ``TITLE_SHARE`` of the headlines (and more
    than ``TITLE_MIN``) carry: what the headline itself says."""
    if APART_TEXT is None:
        return []
    form = FORM_WORDS | frozenset(_tokens(" ".join(sorted(FORM_WORDS))))
    words = [frozenset(_tokens(a.title.split("|", 1)[0])) for a in articles]
    heads = [w - form for w in words]
    n = len(articles)
    if n >= RARE_BATCH:
        df: Counter[str] = Counter(w for h in heads for w in h)
        cut = max(TITLE_MIN, TITLE_SHARE * n)
        heads = [frozenset(w for w in h if df[w] <= cut) for h in heads]
    # a headline naming its document's form marks its words with FORM_MARK: two documents
    # of one event in two forms (a memorandum and its fact sheet) are titled apart
    return [h | {FORM_MARK} if w & form else h for h, w in zip(heads, words, strict=True)]


def _acts_of(articles: Sequence[Article]) -> tuple[list[frozenset[str]], list[frozenset[str]]]:
    """Per article, the acts of its headline, and of its lead those that at most
    ``RARE_SHARE`` of the batch's items (and at least two) name in their lead but not in
    their headline (a law many leads cite in passing is a theme: "the Inflation Reduction
    Act" in a week of fact sheets)."""
    if SAME_ACT is None:
        return [], []
    heads = [acts(a.title) for a in articles]
    leads = [acts(lead_words(a.text)) - h for a, h in zip(articles, heads, strict=True)]
    df: Counter[str] = Counter(x for ld in leads for x in ld)
    cap = max(2, math.floor(RARE_SHARE * len(articles)))
    return heads, [frozenset(x for x in ld if df[x] <= cap) for ld in leads]


def named(text: str) -> frozenset[str]:
    """The bodies and instruments ``text`` names, as keys: the capitalised word before a
    head of ``NAMED_HEADS`` and the head ("emergency board", "climate task force"), the
    word stemmed as ``vectors.tokens`` does; none after a generic word (``GENERIC_BEFORE``)."""
    out = set()
    for m in _NAMED.finditer(fold(text)):
        before = m.group(1).lower()
        words = _tokens(before)
        if not words or before in GENERIC_BEFORE or words[-1] in GENERIC_BEFORE:
            continue
        out.add(f"{words[-1]} {m.group(2).lower()}")
    return frozenset(out)


def _plain(text: str) -> str:
    """``text`` folded, lower case, every run of non-word characters one space, padded."""
    return " " + " ".join(re.findall(r"[^\W_]+", fold(text).lower())) + " "


def quoted(title: str) -> frozenset[str]:
    """The quoted names of a headline ("the “In Her Hands” Launch"), ``_plain``-spelled."""
    return frozenset(
        q for q in (_plain(m.group(1)) for m in _QUOTED.finditer(fold(title))) if len(q) > 5
    )


def _named_of(
    articles: Sequence[Article],
) -> tuple[list[frozenset[str]], list[frozenset[str]], list[frozenset[str]], list[str]]:
    """Per article, the bodies its headline names (``named``), those its lead names that
    at most ``RARE_SHARE`` of the batch's leads (and at least two) name, its headline's
    quoted names, and its lead ``_plain``-spelled."""
    if not SAME_NAMED:
        return [], [], [], [_plain(a.title + " " + lead_words(a.text)) for a in articles]
    heads = [named(a.title) for a in articles]
    leads_text = [lead_words(a.text) for a in articles]
    leads = [named(t) - h for t, h in zip(leads_text, heads, strict=True)]
    df: Counter[str] = Counter(x for ld in leads for x in ld)
    cap = max(2, math.floor(RARE_SHARE * len(articles)))
    plain = [_plain(a.title + " " + t) for a, t in zip(articles, leads_text, strict=True)]
    return (
        heads,
        [frozenset(x for x in ld if df[x] <= cap) for ld in leads],
        [quoted(a.title) for a in articles],
        plain,
    )


def order_topic(title: str) -> tuple[str, list[str]] | None:
    """An instrument's headline ("Executive Order on X", "A Proclamation on X"): its kind
    (lower case) and its topic's tokens."""
    if ORDER_SHARE is None:
        return None
    m = _ORDER.match(fold(title).split("|", 1)[0])
    if not m:
        return None
    kind = m.group(1).lower()
    return ("memorandum" if kind.endswith("memorandum") else kind), _tokens(m.group(2))


def order_named(title: str) -> tuple[str, list[str]] | None:
    """A headline naming an instrument anywhere ("FACT SHEET: President Biden to Sign
    Historic Executive Order Advancing LGBTQI+ Equality"): its kind and the tokens after."""
    if ORDER_SHARE is None:
        return None
    m = _ORDER_NAMED.search(fold(title).split("|", 1)[0])
    if not m:
        return None
    kind = m.group(1).lower()
    return kind, _tokens(m.group(2))


def _orders_of(
    articles: Sequence[Article],
) -> tuple[list[tuple[str, frozenset[str]] | None], list[tuple[str, frozenset[str]] | None]]:
    """Per article, ``order_topic`` and ``order_named`` with the topic's words less those
    more than ``RARE_SHARE`` of the batch's headlines carry (in a batch of ``RARE_BATCH``
    or more)."""
    got = [order_topic(a.title) for a in articles]
    seen = [order_named(a.title) for a in articles]
    if not any(seen):
        return [None] * len(articles), [None] * len(articles)
    theme: frozenset[str] = frozenset()
    if len(articles) >= RARE_BATCH:
        df: Counter[str] = Counter(w for a in articles for w in set(_tokens(fold(a.title))))
        cut = max(TITLE_MIN + 1, RARE_SHARE * len(articles))
        theme = frozenset(w for w, c in df.items() if c > cut)
    # Rule (initials): a run of topic words whose initials another headline writes as one
    # word ("Lesbian, Gay, Bisexual, Transgender, Queer, and Intersex" / "LGBTQI+") counts
    # as that word
    short = frozenset(
        w for a in articles for w in _tokens(fold(a.title)) if w.isalpha() and 3 <= len(w) <= 8
    )

    def words(ts: list[str]) -> frozenset[str]:
        out = set(ts)
        for n in range(len(ts), 2, -1):
            for k in range(len(ts) - n + 1):
                run = ts[k : k + n]
                if "".join(w[0] for w in run) in short:
                    out -= set(run)
                    out.add("".join(w[0] for w in run))
        return frozenset(out) - theme

    return (
        [(g[0], words(g[1])) if g else None for g in got],
        [(g[0], words(g[1])) if g else None for g in seen],
    )


@functools.lru_cache(maxsize=65536)
def weight(df: int, n: int) -> float:
    """A shared name's weight: 1 for a name two articles of the batch carry, falling to 0
    for one every article carries (1 - log(df/2) / log(n/2))."""
    if n <= 2:
        return 1.0
    return max(0.0, 1.0 - math.log(max(df, 2) / 2) / math.log(n / 2))


@dataclass(frozen=True)
class Signals:
    """What the pair score is made of, for every article of a batch."""

    x: sparse.csr_matrix
    """``matrix(articles)``: one L2-normalised TF-IDF row per article."""
    names: list[frozenset[str]]
    dates: list[frozenset[tuple[int, int]]]
    days: list[float | None]
    df: dict[str, int]
    """Names -> how many articles of the batch carry them."""
    rare: frozenset[str]
    """The specific names: event signals (``RARE_SHARE``)."""
    rarest: frozenset[str]
    """Names that add the bonus (the specific ones)."""
    occasion: dict[int, frozenset[str]] = field(default_factory=dict)
    """UTC day -> the names of that day's occasion (``DAY_SHARE``)."""
    titles: list[frozenset[int]] = field(default_factory=list)
    """Per article, its headline's columns of ``x`` less the theme's (``title_terms``)."""
    roundups: list[bool] = field(default_factory=list)
    """Per article, whether it is a roundup of several items (``roundup``)."""
    outlets: list[str | None] = field(default_factory=list)
    """Per article, its outlet (templates are one outlet's)."""
    title_names: list[frozenset[int]] = field(default_factory=list)
    """Per article, the ``titles`` columns that are names in it (``names``)."""
    title_rare: list[frozenset[int]] = field(default_factory=list)
    """... and those that are specific names of the batch (``rare``)."""
    spelled: list[dict[int, str]] = field(default_factory=list)
    """Per article, its headline's names by column, as written (lower case, folded)."""
    bodies: list[str] = field(default_factory=list)
    """Per article, its whole text (a headline's name is looked for in the other's)."""
    headlines: list[str] = field(default_factory=list)
    """Per article, its title."""
    _folded: dict[int, str] = field(default_factory=dict)
    _tokens_of: dict[int, frozenset[str]] = field(default_factory=dict)
    _pairs_of: dict[int, frozenset[tuple[str, str]]] = field(default_factory=dict)
    _head_df: Counter[str] = field(default_factory=Counter)
    title_terms_words: list[frozenset[str]] = field(default_factory=list)
    """Per article, its headline's words less those in more than ``RARE_SHARE`` of the
    batch's headlines (``_topic_words``)."""
    phrases: list[frozenset[tuple[str, str]]] = field(default_factory=list)
    """Per article, its headline's word pairs few of the batch's headlines carry."""
    title_acts: list[frozenset[str]] = field(default_factory=list)
    """Per article, the laws and bills its headline names (``acts``)."""
    lead_acts: list[frozenset[str]] = field(default_factory=list)
    """... and those its lead names that few of the batch's items name."""
    head_words: list[frozenset[str]] = field(default_factory=list)
    """Per article, its headline's words less form and theme words (``_head_words``)."""
    title_named: list[frozenset[str]] = field(default_factory=list)
    """Per article, the bodies and instruments its headline names (``named``)."""
    lead_named: list[frozenset[str]] = field(default_factory=list)
    """... and those its lead names that few of the batch's leads name."""
    title_quoted: list[frozenset[str]] = field(default_factory=list)
    """Per article, its headline's quoted names (``quoted``)."""
    plain_leads: list[str] = field(default_factory=list)
    """Per article, its title and lead ``_plain``-spelled (a name is looked for in it)."""
    orders: list[tuple[str, frozenset[str]] | None] = field(default_factory=list)
    """Per article, an instrument headline's kind and topic words less the batch's
    headline theme (``order_topic``), or None."""
    order_names: list[tuple[str, frozenset[str]] | None] = field(default_factory=list)
    """Per article, the instrument its headline names anywhere and the words after it
    less the batch's headline theme (``order_named``), or None."""
    venues: list[str | None] = field(default_factory=list)
    """Per article, its transcript header's room, place and clock (``venue``), or None."""

    @classmethod
    def of(cls, articles: Sequence[Article]) -> Signals:
        ns = [names(a) for a in articles]
        df: Counter[str] = Counter(n for s in ns for n in s)
        n = len(articles)
        # with fewer than RARE_BATCH articles no name can be told rare from common
        cap = max(2, math.floor(RARE_SHARE * n)) if n >= RARE_BATCH else 1
        rare = frozenset(w for w, c in df.items() if 1 < c <= cap)
        days = [a.published.timestamp() / 86400 if a.published else None for a in articles]
        occasion: dict[int, frozenset[str]] = {}
        if DAY_SHARE is not None and n >= RARE_BATCH:
            by_day: dict[int, list[frozenset[str]]] = {}
            for d, s in zip(days, ns, strict=True):
                if d is not None:
                    by_day.setdefault(math.floor(d), []).append(s)
            for d, sets in by_day.items():
                if len(sets) < DAY_BATCH:
                    continue  # too few that day to tell an occasion from an event
                day_df = Counter(x for s in sets for x in s)
                cut = max(DAY_MIN, DAY_SHARE * len(sets))
                occasion[d] = frozenset(x for x, c in day_df.items() if c > cut)
        x, vocab = _fit(articles)
        titles, title_names, title_rare, spelled = title_terms(articles, vocab, ns, rare)
        named_ = _named_of(articles)
        orders_ = _orders_of(articles)
        return cls(
            x,
            ns,
            [dates(a) for a in articles],
            days,
            dict(df),
            rare,
            rare,
            occasion,
            titles,
            [roundup(a) or briefing(a) for a in articles],
            [a.outlet for a in articles],
            title_names,
            title_rare,
            spelled,
            [a.text for a in articles],
            [a.title for a in articles],
            {},
            {},
            {},
            Counter(),
            _topic_words(articles),
            _phrases_of(articles),
            *_acts_of(articles),
            _head_words(articles),
            title_named=named_[0],
            lead_named=named_[1],
            title_quoted=named_[2],
            plain_leads=named_[3],
            orders=orders_[0],
            order_names=orders_[1],
            venues=[venue(a) for a in articles],
        )

    def _found(self, row: int, cols: frozenset[int]) -> np.ndarray:
        """Which of the columns ``cols`` (sorted) article ``row``'s story text carries."""
        x = self.x
        have = x.indices[x.indptr[row] : x.indptr[row + 1]]
        want = np.array(sorted(cols), dtype=have.dtype)
        if not len(have):
            return np.zeros(len(want), dtype=bool)
        at = np.minimum(np.searchsorted(have, want), len(have) - 1)
        return np.asarray(have[at] == want)

    def _mentions(self, row: int, cols: frozenset[int]) -> bool:
        """Does article ``row``'s story text carry any of the columns ``cols``?"""
        return bool(cols) and bool(self._found(row, cols).any())

    def _misses(self, row: int, cols: frozenset[int]) -> bool:
        """Does article ``row``'s story text lack one of the columns ``cols``?"""
        return bool(cols) and not bool(self._found(row, cols).all())

    def titles_differ(self, i: int, j: int) -> bool:
        """Rule (titles differ): two items of one outlet whose headlines each name something
        (less the theme's words) that the other's title and lead never mention. Only
        within an outlet: its templates vary in one slot, while two outlets title one
        event in words of their own ("China opposes DPRK's missile launch", "North
        Korea Fires Missile Over Japan"). Also true when their kinds of event differ
        (``kinds_differ``)."""
        if not self.titles or not self.outlets[i] or self.outlets[i] != self.outlets[j]:
            return False
        if self.same_act(i, j):
            return False  # Rule (one act, several documents)
        if self.venues_differ(i, j):
            return True  # Rule (two venues): one evening's two receptions
        if self.numbers_differ(i, j):
            return True  # Rule (numbered in a series): the eleventh and twelfth missions
        if self.acts_differ(i, j):
            return True  # Rule (two acts): "Bill Signed: S. 138", "Bills Signed: H.R. 1240"
        if self.named_differ(i, j):
            return True  # Rule (two named bodies): two task forces' meetings
        if self.kinds_differ(i, j):
            return True
        if self.actors_differ(i, j):
            return True
        if self.heads_apart(i, j):
            return True
        if self.topic_named(i, j):
            return False  # Rule (topic named): the slots are the form and the speaker
        a, b = self.titles[i], self.titles[j]
        # the words one headline has and the other lacks: a template's slot ("Belarus",
        # "North Korea"), not its frame ("Notice on the Continuation of ...")
        da, db = a - b, b - a
        if not da or not db:
            return False
        shared = self.title_rare[i] & self.title_rare[j]
        # both headlines naming one specific actor or place ("Las Vegas") is one event's
        if not shared and not self._mentions(j, da) and not self._mentions(i, db):
            return True
        if (
            not shared
            and self.template(i, j)
            and self._share(j, da) < SLOT_SHARE
            and self._share(i, db) < SLOT_SHARE
        ):
            return True  # Rule (template slot): each slot mostly unmentioned by the other
        if self.programmes_differ(i, j) and not self._one_counterpart(i, j, bool(shared)):
            return True  # Rule (template slot, shared opening): two programmes

        # or each headline's slot holds a name the other article never mentions
        na, nb = self.title_names[i] & da, self.title_names[j] & db
        if not (na and nb and self._misses(j, na) and self._misses(i, nb)):
            return False
        # ... nowhere in the other's whole text either (a report names the gunman lower down)
        return self._unnamed(j, [self.spelled[i][c] for c in na]) and self._unnamed(
            i, [self.spelled[j][c] for c in nb]
        )

    def venues_differ(self, i: int, j: int) -> bool:
        """Rule (two venues): two transcripts of one outlet under one title whose headers
        name another room, place or clock ("Private Residence Beverly Hills, California",
        "7:34 P.M. PDT" and "Private Residence Los Angeles, California", "5:05 P.M. PDT")
        are two events, however alike the speech: an outlet does not print one event's
        transcript twice. Under two titles the headers tell nothing: two speakers of one
        ceremony, a preview call and the event, remarks before and after a briefing."""
        a, b = (self.venues[i], self.venues[j]) if self.venues else (None, None)
        if a is None or b is None or a == b:
            return False
        ti, tj = (fold(" ".join(self.headlines[k].split())).casefold() for k in (i, j))
        return ti == tj

    def numbers_differ(self, i: int, j: int) -> bool:
        """Rule (numbered in a series): two headlines of one outlet that differ only in an
        ordinal ("... Announces Eleventh Operation Fly Formula Mission", "... Twelfth ...")
        are two of a series' events, however alike the releases' standing text."""
        a, b = set(_tokens(self.headlines[i])), set(_tokens(self.headlines[j]))
        da, db = a - b, b - a
        return bool(da and db) and all(_ORDINAL.fullmatch(w) for w in da | db)

    def heads_apart(self, i: int, j: int) -> bool:
        """Rule (headlines apart): one outlet, headlines sharing no word of their own
        (``head_words``), texts less alike than ``APART_TEXT``."""
        if APART_TEXT is None or not self.head_words:
            return False
        hi, hj = self.head_words[i], self.head_words[j]
        if FORM_MARK in hi and FORM_MARK in hj:
            return False  # two documents' forms: remarks and fact sheet title one event apart
        hi, hj = hi - {FORM_MARK}, hj - {FORM_MARK}
        if not hi or not hj or hi & hj:
            return False
        text = self.text(i, j)
        if APART_BARE is not None and text < APART_BARE and not self.shared(i, j, False):
            return True  # nothing specific shared either: a tribute and a flood report
        return text < APART_TEXT

    def programmes_differ(self, i: int, j: int) -> bool:
        """Rule (template slot, shared opening): two headlines opening on the same
        ``TEMPLATE_PREFIX`` tokens, whose slots (the words after the opening) each have
        less than ``SLOT_SHARE`` of their running word pairs in the other's title and lead:
        each names a programme ("Delivers Environmental Justice with Cleaner Air ...",
        "Progress Creating a Future Made in America") the other does not."""
        if TEMPLATE_PREFIX is None or not self.headlines or not self.plain_leads:
            return False
        hi, hj = self.headlines[i], self.headlines[j]
        if not _opening(hi, hj, TEMPLATE_PREFIX):
            return False
        ti, tj = (_tokens(fold(h.split("|", 1)[0])) for h in (hi, hj))
        n = TEMPLATE_PREFIX
        while n < min(len(ti), len(tj)) and ti[n] == tj[n]:
            n += 1
        pi, pj = set(itertools.pairwise(ti[n:])), set(itertools.pairwise(tj[n:]))
        if not pi or not pj:
            return False
        return len(pi & self._pairs(j)) < SLOT_SHARE * len(pi) and len(
            pj & self._pairs(i)
        ) < SLOT_SHARE * len(pj)

    def _one_counterpart(self, i: int, j: int, shared: bool) -> bool:
        """Do both headlines carry a specific name few of the batch's headlines carry (a
        visiting president named in a visit's remarks and press conference), not the
        outlet's principal whom many of its headlines name? (A batch too small to tell
        its headline theme: any shared specific headline name.)"""
        n = len(self.headlines)
        if n < RARE_BATCH:
            return shared
        if not self._head_df:
            self._head_df.update(Counter(w for h in self.headlines for w in set(_tokens(fold(h)))))
        cut = max(TITLE_MIN, RARE_SHARE * n)  # "Harris" in 3 of a day's 11 headlines: theme
        common = self.names[i] & self.names[j] & self.rare
        words = {t for x in common for t in _tokens(x) if self._head_df.get(t, 0) <= cut}
        hi, hj = (frozenset(_tokens(fold(self.headlines[k]))) for k in (i, j))
        return bool(words & hi & hj)

    def _pairs(self, row: int) -> frozenset[tuple[str, str]]:
        """The running token pairs of article ``row``'s title and lead."""
        got = self._pairs_of.get(row)
        if got is None:
            got = self._pairs_of[row] = frozenset(
                itertools.pairwise(_tokens(self.plain_leads[row]))
            )
        return got

    def _share(self, row: int, cols: frozenset[int]) -> float:
        """The share of the columns ``cols`` that article ``row``'s story text carries."""
        return float(self._found(row, cols).mean()) if cols else 0.0

    def template(self, i: int, j: int) -> bool:
        """Rule (template slot): do the two headlines run alike (``TEMPLATE_RATIO``)?"""
        if TEMPLATE_RATIO is None or not self.headlines:
            return False
        if TEMPLATE_PREFIX is not None and _opening(
            self.headlines[i], self.headlines[j], TEMPLATE_PREFIX
        ):
            return True  # Rule (template slot, shared opening)
        return _ratio(self.headlines[i], self.headlines[j]) >= TEMPLATE_RATIO

    def actors_differ(self, i: int, j: int) -> bool:
        """Rule (actor slot): one template, counterparts (after "with", "to", "from") that
        each hold a word the other's headline lacks."""
        if not ACTOR_SLOT or not self.headlines:
            return False
        si, sj = _slot(self.headlines[i]), _slot(self.headlines[j])
        if si is None or sj is None or si[0] != sj[0]:
            return False
        # one template: the same words lead to the counterpart ("Greetings to PM of
        # Vietnam", "Greetings to Vietnamese FM"), or the headlines run alike
        # or one event noun before two counterparts sharing no word ("Readout of the
        # President's Meeting with Economists" / "Readout of Meeting between the President
        # ... and U.S. Black Chambers"); a shared word ("Kishida") is one counterpart
        if (
            si[2] != sj[2]
            and not self.template(i, j)
            and (si[2][-1:] != sj[2][-1:] or si[1] & sj[1])
        ):
            return False
        # one topic after "on" for two speakers is one event: two speakers' statements
        # ("Statement from the President on New Student Debt Relief Actions", "... from
        # the Vice President on Additional Student Loan Forgiveness": a "from" before a
        # topic is the speaker, not the act's other party); two counterparts "with" on one
        # topic are two meetings ("... with State Legislative Leaders on Reproductive
        # Rights", "... with Constitutional Law ... Experts on Reproductive Rights")
        ti, tj = _topic(self.headlines[i]), _topic(self.headlines[j])
        if ti and tj and si[0] == "from":
            return False
        wi = frozenset(_tokens(fold(self.headlines[i])))
        wj = frozenset(_tokens(fold(self.headlines[j])))
        return bool(si[1] - wj) and bool(sj[1] - wi)

    def title_phrase(self, i: int, j: int) -> bool:
        """Rule (headline phrase): one outlet, nearby days, a rare headline phrase shared;
        or (``TOPIC_NAMED``) one headline's topic after "on" named by the other's."""
        if not self.outlets[i] or self.outlets[i] != self.outlets[j] or not self.headlines:
            return False
        di, dj = self.days[i], self.days[j]
        if di is None or dj is None or abs(di - dj) > FAR_DAYS:
            return False
        if TOPIC_NAMED is not None and (self._topic_in(i, j) or self._topic_in(j, i)):
            return True
        return TITLE_PHRASE is not None and bool(self.phrases[i] & self.phrases[j])

    def topic_named(self, i: int, j: int) -> bool:
        """Rule (topic named): one outlet, nearby days, and one headline, less its form
        words, is the other's topic after "on" ("FACT SHEET: Changes to U.S. Landmine
        Policy", "Statement by ... on Changes to U.S. Landmine Policy"): one announcement
        in two documents."""
        if TOPIC_NAMED is None or not self.outlets[i] or self.outlets[i] != self.outlets[j]:
            return False
        di, dj = self.days[i], self.days[j]
        if di is None or dj is None or abs(di - dj) > FAR_DAYS or not self.headlines:
            return False
        hi, hj = self.headlines[i], self.headlines[j]
        return _form_of_topic(hi, hj) or _form_of_topic(hj, hi)

    def _topic_in(self, i: int, j: int) -> bool:
        """Does headline ``j`` carry ``TOPIC_NAMED`` of headline ``i``'s topic words (two or
        more, not the batch's theme)?"""
        topic = _topic(self.headlines[i]) - FORM_WORDS
        if TOPIC_NAMED is None or len(topic) < 2 or not self.title_terms_words:
            return False
        topic &= self.title_terms_words[i]
        if len(topic) < 2:
            return False
        other = frozenset(_tokens(fold(self.headlines[j])))
        return len(topic & other) >= TOPIC_NAMED * len(topic)

    def acts_differ(self, i: int, j: int) -> bool:
        """Rule (two acts): both headlines name laws or bills, none the same, and neither
        names the other's in its lead: two signings are two events however alike their
        notices (the same senator thanked in both)."""
        if SAME_ACT is None or not self.title_acts:
            return False
        ti, tj = self.title_acts[i], self.title_acts[j]
        if not ti or not tj or ti & tj:
            return False
        return not (ti & self.lead_acts[j] or tj & self.lead_acts[i])

    def _near_one_outlet(self, i: int, j: int) -> bool:
        """One outlet (named), both published, at most ``FAR_DAYS`` apart."""
        if not self.outlets[i] or self.outlets[i] != self.outlets[j]:
            return False
        di, dj = self.days[i], self.days[j]
        return di is not None and dj is not None and abs(di - dj) <= FAR_DAYS

    def same_act(self, i: int, j: int) -> bool:
        """Rule (one act, several documents): one outlet, nearby days, one law or bill
        named in both headlines, or in one's headline and the other's lead; or one named
        body or instrument (``same_named``), or one order's topic (``same_order``)."""
        return self.act_key(i, j) is not None

    def act_key(self, i: int, j: int) -> str | None:
        """What one act the pair's documents release (``same_act``): "law:<key>",
        "named:<key>", "quoted:<name>" or "order:<kind>"; None if none."""
        if SAME_ACT is None or not self._near_one_outlet(i, j):
            return None
        if self.title_acts:
            ti, tj = self.title_acts[i], self.title_acts[j]
            got = ti & tj or ti & self.lead_acts[j] or tj & self.lead_acts[i]
            if got:
                return "law:" + min(got)
        return self.same_named(i, j) or self.same_order(i, j) or self.same_signing(i, j)

    def same_signing(self, i: int, j: int) -> str | None:
        """Rule (a signing and its notice)."""
        if not SIGNING or not self.headlines or not self.plain_leads:
            return None
        for a, b in ((i, j), (j, i)):
            if not _SIGNED.match(self.headlines[b]) or _SIGNED.match(self.headlines[a]):
                continue
            m = _SIGNING.search(fold(self.headlines[a]).split("|", 1)[0])
            if not m:
                continue
            own = set(_tokens(m.group(1) + " " + m.group(2))) - FORM_WORDS
            if self.title_terms_words:
                own &= self.title_terms_words[a]
            if own & self._lead_tokens(b):
                return "signing"
        return None

    def same_named(self, i: int, j: int) -> str | None:
        """Rule (one named body or instrument): one named in both headlines, or in one's
        headline and the other's lead (few of the batch's leads naming it); a headline's
        quoted name in the other's title or lead."""
        if not SAME_NAMED or not self.title_named:
            return None
        ti, tj = self.title_named[i], self.title_named[j]
        got = ti & tj or ti & self.lead_named[j] or tj & self.lead_named[i]
        if got:
            return "named:" + min(got)
        for a, b in ((i, j), (j, i)):
            for q in sorted(self.title_quoted[a]):
                if q in self.plain_leads[b]:
                    return "quoted:" + q.strip()
        return None

    def named_differ(self, i: int, j: int) -> bool:
        """Rule (two named bodies): both headlines name bodies of one head, none the same,
        neither named in the other's lead."""
        if not SAME_NAMED or not self.title_named or not self._near_one_outlet(i, j):
            return False
        ti, tj = self.title_named[i], self.title_named[j]
        if not ti or not tj or ti & tj or ti & self.lead_named[j] or tj & self.lead_named[i]:
            return False
        heads = {x.split(" ", 1)[1] for x in ti} & {x.split(" ", 1)[1] for x in tj}
        return bool(heads)

    def _lead_tokens(self, row: int) -> frozenset[str]:
        got = self._tokens_of.get(row)
        if got is None:
            got = self._tokens_of[row] = frozenset(_tokens(self.plain_leads[row]))
        return got

    def same_order(self, i: int, j: int) -> str | None:
        """Rule (one order, several documents): one item's instrument headline (``orders``)
        whose topic is ``ORDER_SHARE`` in the other's title and lead, which names that kind
        of instrument and is no instrument of that kind itself."""
        if ORDER_SHARE is None or not self.orders or not self.plain_leads:
            return None
        if (not self.order_names[i] or not self.order_names[j]) and not (
            self.orders[i] or self.orders[j]
        ):
            return None
        for a, b in ((i, j), (j, i)):
            got = self.orders[a]
            if got is None or len(got[1]) < 2:
                continue
            kind, topic = got
            other = self.orders[b]
            if other is not None and other[0] == kind:
                continue  # two orders (proclamations, memoranda) are two acts
            if f" {kind} " not in self.plain_leads[b]:
                continue
            if len(topic & self._lead_tokens(b)) >= ORDER_SHARE * len(topic):
                return "order:" + kind
        # two headlines naming one kind of instrument with topics mostly alike ("Previewing
        # an Executive Order Advancing LGBTQI+ Equality", "Signing of an Executive Order on
        # Advancing LGBTQI+ Individuals"), not two instruments' own headlines
        ni, nj = self.order_names[i], self.order_names[j]
        if ni is None or nj is None or ni[0] != nj[0]:
            return None
        oi, oj = self.orders[i], self.orders[j]
        if oi is not None and oj is not None and oi[0] == oj[0]:
            return None
        if min(len(ni[1]), len(nj[1])) >= 2 and len(ni[1] & nj[1]) >= ORDER_SHARE * min(
            len(ni[1]), len(nj[1])
        ):
            return "order:" + ni[0]
        return None

    def kinds_differ(self, i: int, j: int) -> bool:
        """Rule (event kinds): both headlines name a kind of event, none the same."""
        if EVENT_KINDS is None or not self.headlines:
            return False
        ki, kj = _kinds(self.headlines[i]), _kinds(self.headlines[j])
        return bool(ki) and bool(kj) and not ki & kj

    def _unnamed(self, row: int, words: list[str]) -> bool:
        """Is one of ``words`` absent from article ``row``'s whole text (folded, any case)?"""
        if not self.bodies:
            return True
        body = self._folded.get(row)
        if body is None:
            body = self._folded[row] = fold(self.bodies[row]).lower()
        return any(w not in body for w in words)

    def titled_occasion(self, i: int, j: int, shared: frozenset[str] | None = None) -> bool:
        """Do both headlines name a name of the day's occasion that both articles carry (the
        day's four releases of one council meeting, not a wreath-laying and a banquet)?"""
        if not OCCASION_NAME or not self.headlines:
            return False
        if shared is None:
            shared = self.shared(i, j, False)
        occasion = (self.names[i] & self.names[j] & self.rare) - shared
        if not occasion:
            return False
        ti, tj = fold(self.headlines[i]).lower(), fold(self.headlines[j]).lower()
        return any(x in ti and x in tj for x in occasion)

    def one_roundup(self, i: int, j: int) -> bool:
        """Rule (roundup): exactly one of the two is a roundup of several items."""
        return bool(self.roundups) and self.roundups[i] != self.roundups[j]

    def shared(self, i: int, j: int, far: bool) -> frozenset[str]:
        """The specific names two articles share. Rule (occasion): for a pair of nearby
        days, a name that most of either day's articles carry is the day's occasion."""
        common = self.names[i] & self.names[j] & self.rare
        if far or not self.occasion or not common:
            return common
        di, dj = self.days[i], self.days[j]
        for d in {math.floor(d) for d in (di, dj) if d is not None}:
            common -= self.occasion.get(d, frozenset())
        return common

    def same_dates(self, i: int, j: int, far: bool) -> frozenset[tuple[int, int]]:
        """The dates both leads name. Rule (the day's date): for a near pair, not those
        within a day of either's publication (``DAY_DATES``)."""
        both = self.dates[i] & self.dates[j]
        if far or not DAY_DATES or not both:
            return both
        near = self._around(i) | self._around(j)
        return frozenset(both - near)

    def dated_apart(self, i: int, j: int) -> bool:
        """Rule (other days, far): both leads date their event and share no date."""
        return bool(self.dates[i]) and bool(self.dates[j]) and not self.dates[i] & self.dates[j]

    def _around(self, i: int) -> frozenset[tuple[int, int]]:
        """(month, day) of the day before, of and after article ``i``'s publication (UTC)."""
        d = self.days[i]
        if d is None:
            return frozenset()
        days = (_EPOCH + timedelta(days=math.floor(d) + k) for k in (-1, 0, 1))
        return frozenset((x.month, x.day) for x in days)

    def two_roundups(self, i: int, j: int) -> bool:
        """Rule (two roundups): both are roundups of several items."""
        return bool(self.roundups) and self.roundups[i] and self.roundups[j]

    def text(self, i: int, j: int) -> float:
        """Cosine of the two articles' ``story_text`` vectors."""
        return float(self.x[i].multiply(self.x[j]).sum())

    def pair(self, i: int, j: int, text: float | None = None) -> dict[str, Any]:
        """The signals of one pair and its score (JSON-ready): the shared specific names
        (``names``), the shared names too common in the batch to tell an event
        (``theme_names``), shared dates, days apart, and whether it may join."""
        text = self.text(i, j) if text is None else text
        common = self.names[i] & self.names[j]
        di, dj = self.days[i], self.days[j]
        apart = abs(di - dj) if di is not None and dj is not None else None
        # Rule (undated): an article without a publication time (a local note, a file)
        # joins another only on the event's own signals, as if it were days apart.
        far = apart is None or apart > FAR_DAYS
        same_dates = sorted(self.same_dates(i, j, far))
        shared_set = self.shared(i, j, far)
        shared = sorted(shared_set)
        n_names = len(shared_set)
        occasion = sorted((common & self.rare) - set(shared))
        allowed = (
            self.event_link(n_names, bool(same_dates), text, apart is None, self.dated_apart(i, j))
            if far
            else self.day_link(n_names, bool(same_dates), text, self.titled_occasion(i, j))
            or self.title_phrase(i, j)
        )
        differ, roundup_pair = self.titles_differ(i, j), self.one_roundup(i, j)
        roundups = self.two_roundups(i, j)
        act_key = self.act_key(i, j)
        act = act_key is not None
        phrase = self.title_phrase(i, j)
        allowed = act or (
            allowed
            and not differ
            and not (roundup_pair and text < STRONG_TEXT and not self.topic_named(i, j))
            and not (roundups and text < ROUNDUPS_TEXT)
        )
        score = self.score(i, j, text)
        why = []
        if allowed:
            # which signals carried the link (JSON-ready; README's grouping.links[].why)
            if act_key:
                why.append("act:" + act_key)
            if phrase and not far:
                why.append("topic_named")
            if text >= THRESHOLD:
                why.append("text")
            if n_names and not far and score > text:
                why.append("names")
            if same_dates:
                why.append("dates")
            if far and not act:
                why.append("far_event")
        return {
            "text": round(text, 3),
            "names": shared,
            "name_weights": {x: round(weight(self.df[x], len(self.names)), 2) for x in shared},
            "theme_names": sorted(common - self.rare)[:8],
            "occasion_names": occasion[:8],
            "dates": [f"{m:02d}-{d:02d}" for m, d in same_dates],
            "days_apart": round(apart, 1) if apart is not None else None,
            "score": round(score, 3),
            "far": far,
            "event_link": allowed,
            "titles_differ": differ,
            "roundup": roundup_pair,
            "roundups": roundups,
            "same_act": act,
            "title_phrase": phrase,
            "act": act_key,
            "why": why,
        }

    @staticmethod
    def event_link(
        shared: int,
        same_date: bool,
        text: float,
        undated: bool = False,
        dated_apart: bool = False,
    ) -> bool:
        """May two articles published days apart be one story? Only on event-level
        evidence: a shared date with a shared specific name, text alike enough on its own,
        or (both dated) shared specific names with similar text. Rule (undated): without a
        publication time names cannot place the pair in time; a date or the text must.
        Rule (other days, far): leads that date two different days need ``FAR_DATED_TEXT``."""
        if dated_apart and FAR_DATED_TEXT is not None:
            return text >= FAR_DATED_TEXT
        return (
            (same_date and shared >= DATE_NAMES)
            or text >= STRONG_TEXT
            or (not undated and shared >= FAR_MANY and text >= FAR_TEXT)
            or (not undated and shared >= FAR_NAMES and text >= FAR_ONE_TEXT)
        )

    @staticmethod
    def day_link(shared: int, same_date: bool, text: float, occasion: bool = False) -> bool:
        """May two articles of nearby days be one story? Sharing the day's theme or occasion
        is not enough: ``NEAR_NAMES`` specific names (an actor and a place), a shared date
        with one, or text similar enough (``NEAR_TEXT``; ``BARE_TEXT`` with no name at all:
        a shared occasion name is a name here, the day's many releases of one event)."""
        if shared >= NEAR_NAMES or (same_date and shared >= 1):
            return True
        some = shared or same_date or (OCCASION_NAME and occasion)
        return text >= (NEAR_TEXT if some else max(NEAR_TEXT, BARE_TEXT))

    def score(self, i: int, j: int, text: float | None = None) -> float:
        """The pair score (text similarity with the event signals; see the module)."""
        text = self.text(i, j) if text is None else text
        if SAME_ACT is not None and self.same_act(i, j):
            # Rule (one act, several documents): at least SAME_ACT, names still count
            return max(text + self.bonus(self.shared(i, j, False)), SAME_ACT)
        if text <= 0:
            return 0.0
        if self.titles_differ(i, j):
            return CONTRAST_FACTOR * text  # Rule (titles differ): one template, two events
        if text < STRONG_TEXT and self.one_roundup(i, j) and not self.topic_named(i, j):
            return ROUNDUP_FACTOR * text  # Rule (roundup): a list does not absorb its items
        if text < ROUNDUPS_TEXT and self.two_roundups(i, j):
            return ROUNDUPS_FACTOR * text  # Rule (two roundups): two days' reviews
        di, dj = self.days[i], self.days[j]
        far = di is None or dj is None or abs(di - dj) > FAR_DAYS  # Rule (undated), above
        names = self.shared(i, j, far)
        shared = len(names)
        same_date = bool(self.same_dates(i, j, far))
        undated = di is None or dj is None
        if far and not self.event_link(shared, same_date, text, undated, self.dated_apart(i, j)):
            return FAR_FACTOR * text
        if not far and MIN_JOIN_TEXT is not None and text < MIN_JOIN_TEXT:
            return text  # Rule (names need text): no bonus for names alone
        occasion = not far and self.titled_occasion(i, j, names)
        phrase = not far and self.title_phrase(i, j)
        if phrase:  # Rule (topic named; headline phrase)
            return text + self.bonus(names) + (TITLE_PHRASE or TOPIC_BONUS)
        if not far and not self.day_link(shared, same_date, text, occasion):
            return FAR_FACTOR * text  # Rule (one day): the day's theme or occasion, no event
        if shared < DATES_DIFFER and not same_date and self.dates[i] and self.dates[j]:
            return text  # Rule (other days): their leads date two different days
        return text + self.bonus(names)

    def bonus(self, shared: frozenset[str]) -> float:
        """NAME_BONUS per shared specific name from the ``BONUS_FROM``-th on, each name
        counted by its ``weight`` in the batch (a name two articles carry counts 1)."""
        n = len(self.names)
        w = sum(weight(self.df[x], n) for x in shared)
        return NAME_BONUS * min(max(w - BONUS_FROM + 1, 0.0), MAX_BONUS_NAMES)

    def candidates(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Arrays i, j, text (i < j): the candidate pairs (``candidate_arrays``)."""
        return candidate_arrays(
            self.x,
            self.days,
            top_k=TOP_K,
            min_text=MIN_TEXT,
            window=WINDOW_DAYS,
            chunk=CHUNK,
            common=COMMON_SHARE,
        )


def _row_dots(x: sparse.csr_matrix, i: np.ndarray, j: np.ndarray, step: int = 2048) -> np.ndarray:
    """Dot products of the row pairs (i[k], j[k]) of ``x``, ``step`` pairs at a time."""
    out = np.empty(len(i), dtype=np.float64)
    for s in range(0, len(i), step):
        a, b = x[i[s : s + step]], x[j[s : s + step]]
        out[s : s + step] = np.asarray(a.multiply(b).sum(axis=1)).ravel()
    return out


def candidate_arrays(
    x: sparse.csr_matrix,
    days: Sequence[float | None] = (),
    *,
    top_k: int = TOP_K,
    min_text: float = MIN_TEXT,
    window: float | None = WINDOW_DAYS,
    chunk: int = CHUNK,
    common: float | None = COMMON_SHARE,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The pairs worth scoring, arrays (i, j, cosine) with i < j: for every row of ``x`` its
    ``top_k`` most similar other rows with a cosine of at least ``min_text`` (and, with
    ``window``, published at most that many days apart; an undated row is compared with
    all). X·Xᵀ is computed ``chunk`` rows at a time: memory is chunk x N, not N x N."""
    n = x.shape[0]
    if n < 2:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, np.zeros(0)
    full = x
    if common is not None and n > 1:
        # Rule (common words): words in more than ``common`` of the batch cost df² in
        # X·Xᵀ and tell little about an event; neighbours are found without them and
        # the text similarity of each candidate is then computed on the full vectors.
        df = np.bincount(x.indices, minlength=x.shape[1])
        keep = np.flatnonzero(df <= max(COMMON_MIN, common * n))
        x = sparse.csr_matrix(x[:, keep])
    xt = x.T.tocsr()
    day = np.array([np.nan if d is None else d for d in days] if days else [np.nan] * n)
    codes: list[np.ndarray] = []
    texts: list[np.ndarray] = []
    for start in range(0, n, chunk):
        stop = min(n, start + chunk)
        block = sparse.csr_matrix(x[start:stop] @ xt)
        rows = np.repeat(np.arange(start, stop), np.diff(block.indptr))
        cols = block.indices.astype(np.int64)
        vals = block.data
        ok = (vals >= min_text) & (cols != rows)
        if window is not None:
            apart = np.abs(day[rows] - day[cols])
            ok &= ~(apart > window)  # NaN (undated) compares False: kept
        rows, cols, vals = rows[ok], cols[ok], vals[ok]
        # top_k per row: sort by (row, -value) and keep each row's first top_k
        order = np.lexsort((-vals, rows))
        rows, cols, vals = rows[order], cols[order], vals[order]
        starts = np.searchsorted(rows, rows, side="left")
        rank = np.arange(len(rows)) - starts
        keep = rank < top_k
        i, j = rows[keep].astype(np.int64), cols[keep]
        codes.append(np.minimum(i, j) * n + np.maximum(i, j))
        texts.append(vals[keep].astype(np.float64))
    code, first = np.unique(np.concatenate(codes), return_index=True)
    text = np.concatenate(texts)[first]
    if full is not x:
        text = _row_dots(full, code // n, code % n)
        code, text = code[text >= min_text], text[text >= min_text]
    return code // n, code % n, text


def candidate_pairs(
    x: sparse.csr_matrix, days: Sequence[float | None] = (), **kw: Any
) -> list[tuple[int, int, float]]:
    """``candidate_arrays`` as (i, j, cosine) tuples, i < j, in order."""
    i, j, text = candidate_arrays(x, days, **kw)
    return list(zip(i.tolist(), j.tolist(), text.tolist(), strict=True))


# ---------------------------------------------------------------- clustering


def group(
    articles: Sequence[Article], threshold: float = THRESHOLD, sig: Signals | None = None
) -> list[list[int]]:
    """Indices of ``articles`` grouped into stories; biggest story first, then input order.
    ``sig``: the batch's signals when the caller already has them (``Signals.of``).
    Only candidate pairs (``candidate_pairs``) are scored; a pair that is no candidate
    counts 0 in the average linkage."""
    n = len(articles)
    if n == 0:
        return []
    sig = sig or Signals.of(articles)
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    sums: dict[int, dict[int, float]] = {i: {} for i in range(n)}
    heap: list[tuple[float, int, int]] = []
    ci, cj, ct = sig.candidates()
    for start in range(0, len(ci), 65536):  # a slice at a time: no list of every pair
        part = slice(start, start + 65536)
        for i, j, text in zip(ci[part].tolist(), cj[part].tolist(), ct[part].tolist(), strict=True):
            s = sig.score(i, j, text)
            if s > 0:
                sums[i][j] = sums[j][i] = s
                if s >= threshold:
                    heap.append((-s, i, j))
    del ci, cj, ct
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
    them (which names are specific depends on the whole batch)."""
    out: dict[str, Any] = {
        "method": "average-linkage",
        "threshold": THRESHOLD,
        "far_days": FAR_DAYS,
        "rare_share": RARE_SHARE,
        "candidates": {"top_k": TOP_K, "min_text": MIN_TEXT, "window_days": WINDOW_DAYS},
        "articles": len(idx),
    }
    if len(idx) < 2:
        out["links"] = []
        return out
    if sig is None:
        sig, pos = Signals.of([articles[i] for i in idx]), list(range(len(idx)))
    else:
        pos = list(idx)
    sub = sig.x[pos]
    texts = (sub @ sub.T).toarray()
    links = []
    shared_names: Counter[str] = Counter()
    for k in range(1, len(idx)):
        scores = [
            -1.0 if m == k else sig.score(pos[k], pos[m], float(texts[k, m]))
            for m in range(len(idx))
        ]
        best = max(range(len(idx)), key=scores.__getitem__)
        p = sig.pair(pos[k], pos[best], float(texts[k, best]))
        shared_names.update(p["names"])
        links.append({"source": articles[idx[k]].source, "to": articles[idx[best]].source, **p})
    out["links"] = links
    out["names"] = [n for n, _ in shared_names.most_common(8)]
    out["dates"] = sorted({d for link in links for d in link["dates"]})
    return out


def representative(articles: Sequence[Article], idx: Sequence[int]) -> int:
    """The article closest to its story's centre (its title names the story): the
    greatest sum of cosines with the story's articles (its row times the column sum)."""
    if len(idx) == 1:
        return idx[0]
    x = matrix([articles[i] for i in idx])
    closeness = np.asarray(x @ np.asarray(x.sum(axis=0)).ravel()).ravel()
    return idx[int(np.argmax(closeness))]


def story_id(articles: Sequence[Article]) -> str:
    keys = sorted(a.fingerprint for a in articles)
    return hashlib.sha256("|".join(keys).encode()).hexdigest()[:12]
