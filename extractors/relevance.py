"""Relevance: is an article about the topic? A score, a decision, and the reasons.

The topic's anchors (for korea-nato: Korea and NATO) must meet in one place —
the title or one paragraph. Anchors that only appear in different paragraphs
(NATO about Ukraine here, South Korea about trade there) are passing mentions:
such an article can be a near-miss, never included.

Where the anchors meet, the paragraph is weighed: it counts fully when it also
has the topic's engagement cues (talks, summit, cooperation ...: it reports the
pillars working together) and a little more with sub-topic terms; a paragraph
with no cue (a list of trips, an aside) counts less. The best paragraph can
carry an article on its own; more such paragraphs add up, with diminishing
weight. A term inside one of its anchor's ``exclude`` names ("Korea" inside
"North Korea") does not count for that anchor. A register penalty (state-media
polemic) scales the score down. Pure function of (article, topic).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from .models import Article, Reason, Relevance
from .text import fold, split_sentences
from .topic import Topic

LEAD_PARAGRAPHS = 2

# Evidence weights. A unit of evidence is the title or one paragraph where every
# anchor is named; units combine as 1 - prod(1 - strength), so one strong unit
# can pass the include threshold alone and weak ones add up slowly.
TITLE_JOINT = 0.45
"""All anchors in the title."""
PARA_BASE = 0.1
"""A paragraph naming every anchor, with no engagement cue (a list, an aside)."""
PARA_CUE = 0.1
"""Per distinct engagement cue where the anchors meet (up to MAX_CUES): in a sentence
that, with its neighbours, names every anchor."""
MAX_CUES = 3
PARA_SUB = 0.02
"""Per distinct sub-topic term in the paragraph (up to MAX_SUBS)."""
MAX_SUBS = 2
LEAD_BONUS = 0.1
"""A lead paragraph (the first LEAD_PARAGRAPHS) weighs a little more."""
TITLE_CONTEXT = 0.5
"""A paragraph naming only some anchors while the title names the rest counts this much."""
QUESTION_UNANSWERED = 0.5
"""A question ("Q ...", or ending "?") whose next paragraph names no anchor counts this much."""
MAX_UNITS = 4
"""At most this many units count (the strongest)."""

_SEP = "\x00"  # between zones: not a word character, not white space, so no term spans two


@dataclass
class _Zone:
    where: str  # "title" | "lead" | "body"
    text: str
    anchors: dict[str, set[str]] = field(default_factory=dict)  # group -> terms
    subs: set[str] = field(default_factory=set)  # "group|term"
    cues: Counter[str] = field(default_factory=Counter)  # cues where the anchors meet
    anchor_at: list[tuple[str, int]] = field(default_factory=list)  # (group, offset in zone)
    cue_at: list[tuple[str, int]] = field(default_factory=list)  # (cue, offset in zone)
    opening: set[str] = field(default_factory=set)  # subs in the article's opening sentences
    history: bool = False  # the paragraph tells a past long before the article (see _history)


class _Doc:
    """The article's zones joined into one text (and its folded form), so each term
    pattern runs once per article; matches map back to zones and original offsets."""

    def __init__(self, texts: list[str]) -> None:
        self.texts = texts
        self.original = _SEP.join(texts)
        self.starts: list[int] = []
        pos = 0
        for t in texts:
            self.starts.append(pos)
            pos += len(t) + 1
        self.folded, self._pos = _fold_aligned(self.original)

    def spans(self, term: str, pat: re.Pattern[str]) -> list[tuple[int, int]]:
        """Matches of ``pat`` (the pattern of ``term``) as (start, end) offsets into the
        original text."""
        folded = bool(pat.flags & re.IGNORECASE)
        text = self.folded if folded else self.original
        if _needle(term, folded) not in text:
            return []  # cheap test first: most terms are absent from most articles
        found = _finditer(pat, text)
        if not folded or self._pos is None:
            return found
        p = self._pos
        return [(p[s], p[max(e - 1, s)] + 1) for s, e in found]

    def zone_of(self, offset: int) -> int:
        return bisect_right(self.starts, offset) - 1


@lru_cache(maxsize=4096)
def _needle(term: str, folded: bool) -> str:
    """The longest run of word characters of ``term`` as its pattern matches it: every
    match contains it, so a text without it has no match."""
    words = re.findall(r"\w+", fold(term) if folded else term)
    return max(words, key=len) if words else ""


_WORD_BEFORE = "(?<![\\w])"


@lru_cache(maxsize=4096)
def _fast(source: str, flags: int) -> tuple[re.Pattern[str], bool]:
    """A quicker equivalent of a term pattern: without its leading "no word character
    before" look-behind (checked by ``_finditer``), and without IGNORECASE, since a
    folded term is matched against folded text."""
    if flags & re.IGNORECASE:
        flags &= ~re.IGNORECASE
    if source.startswith(_WORD_BEFORE):
        return re.compile(source[len(_WORD_BEFORE) :], flags), True
    return re.compile(source, flags), False


def _finditer(pat: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    """The spans ``pat.finditer(text)`` would give, found with ``_fast(pat)``."""
    fast, word_before = _fast(pat.pattern, pat.flags)
    out, pos = [], 0
    while (m := fast.search(text, pos)) is not None:
        start, end = m.span()
        if word_before and start > 0 and (text[start - 1].isalnum() or text[start - 1] == "_"):
            pos = start + 1
            continue
        out.append((start, end))
        pos = end if end > start else start + 1
    return out


_RUNS = re.compile(r"[\x00-\x7f]+|[^\x00-\x7f]")


def _fold_aligned(text: str) -> tuple[str, list[int] | None]:
    """``fold(text)`` and, when folding changed lengths, each folded character's
    offset in ``text`` (None: the offsets are the same)."""
    if text.isascii():
        return text.lower(), None
    out: list[str] = []
    pos: list[int] = []
    aligned = True
    for m in _RUNS.finditer(text):
        s = m.group()
        if s.isascii():
            out.append(s.lower())
            pos.extend(range(m.start(), m.end()))
        else:
            f = fold(s)
            out.append(f)
            pos.extend([m.start()] * len(f))
            aligned = aligned and len(f) == 1
    return "".join(out), (None if aligned else pos)


def _inside(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(s <= span[0] and span[1] <= e for s, e in spans)


def _sentence_spans(text: str) -> list[tuple[int, int]]:
    """Sentence offsets in one paragraph, as ``split_sentences`` cuts it (it works on the
    space-normalised paragraph; offsets are mapped back). The whole paragraph is one
    sentence when they cannot be placed."""
    tokens = [m.span() for m in re.finditer(r"\S+", text)]
    norm_starts, pos = [], 0  # where each token starts in the normalised text
    for s, e in tokens:
        norm_starts.append(pos)
        pos += e - s + 1
    norm = " ".join(text[s:e] for s, e in tokens)

    def original(offset: int) -> int:
        k = bisect_right(norm_starts, offset) - 1
        return tokens[k][0] + offset - norm_starts[k]

    out, cur = [], 0
    for sent in split_sentences(text):
        i = norm.find(sent, cur)
        if i < 0 or not sent:
            return [(0, len(text))]
        out.append((original(i), original(i + len(sent) - 1) + 1))
        cur = i + len(sent)
    return out or [(0, len(text))]


def _sentence_at(sents: list[tuple[int, int]], offset: int) -> int:
    """Index of the sentence holding ``offset`` (text between sentences goes to the next)."""
    for k, (_s, e) in enumerate(sents):
        if offset < e:
            return k
    return len(sents) - 1


def _cues_where_anchors_meet(
    text: str,
    is_title: bool,
    anchors: list[tuple[str, int]],
    cues: list[tuple[str, int]],
    base: int,
    need: set[str],
) -> Counter[str]:
    """The cues of one zone that sit where its anchors meet: in a sentence that names an
    anchor and, with the sentences either side of it, names every anchor in ``need``."""
    sents = [(0, len(text))] if is_title else _sentence_spans(text)
    named: list[set[str]] = [set() for _ in sents]
    for group, start in anchors:
        named[_sentence_at(sents, start - base)].add(group)
    meet = {
        k
        for k in range(len(sents))
        if named[k] and set().union(*named[max(k - 1, 0) : k + 2]) >= need
    }
    return Counter(t for t, off in cues if _sentence_at(sents, off) in meet)


def _evidence(
    article: Article, topic: Topic
) -> tuple[list[_Zone], Counter[tuple[str, str, str]], _Doc]:
    """Per zone (title, then each paragraph): anchors, sub-topic terms and cues found."""
    paras = article.paragraphs
    zones = [_Zone("title", article.title)]
    zones += [_Zone("lead" if i < LEAD_PARAGRAPHS else "body", p) for i, p in enumerate(paras)]
    doc = _Doc([z.text for z in zones])
    opening_end = _opening(zones)
    if article.published is not None:
        for z in zones[1:]:
            z.history = _history(z.text, article.published.year)
    hits: Counter[tuple[str, str, str]] = Counter()
    all_anchors = {f"anchor:{a.name}" for a in topic.anchors}
    anchor_spans: dict[int, list[tuple[str, int]]] = defaultdict(list)
    firsts: dict[str, int | None] = {}  # anchor group -> offset of its first term
    excludes: list[tuple[int, int]] = []  # every anchor's exclude names

    def add(group: str, term: str, start: int) -> None:
        """Count ``term`` at ``start`` for anchor ``group`` (an other name or reference)."""
        zi = doc.zone_of(start)
        hits[(group, term, zones[zi].where)] += 1
        zones[zi].anchors.setdefault(group, set()).add(term)
        anchor_spans[zi].append((group, start))

    for group, matchers in topic.matchers.items():
        is_anchor = group.startswith("anchor:")
        excluded = []
        if is_anchor:
            for t, pat in topic.exclude_matchers.get(group, []):
                excluded += doc.spans(t, pat)
        first: int | None = None
        for term, pat in matchers:
            for span in doc.spans(term, pat):
                if is_anchor and excluded and _inside(span, excluded):
                    continue
                first = span[0] if first is None else min(first, span[0])
                zi = doc.zone_of(span[0])
                z = zones[zi]
                hits[(group, term, z.where)] += 1
                if is_anchor:
                    z.anchors.setdefault(group, set()).add(term)
                    anchor_spans[zi].append((group, span[0]))
                else:
                    z.subs.add(f"{group}|{term}")
                    if span[0] - doc.starts[zi] < opening_end.get(zi, 0):
                        z.opening.add(f"{group}|{term}")
        if is_anchor:
            firsts[group] = first
            excludes += excluded

        # The anchor's other names ("the Alliance") once one of its terms came before.
        after = topic.after_matchers.get(group, []) if first is not None else []
        for term, pat in after:
            for span in doc.spans(term, pat):
                if span[0] <= (first or 0) or (excluded and _inside(span, excluded)):
                    continue
                add(group, term, span[0])
        # Its definite references ("the summit") where the last summit named was its own.
        if first is not None and group in topic.refer_matchers:
            for term, start in _references(doc, *topic.refer_matchers[group]):
                if start > first and not (excluded and _inside((start, start + 1), excluded)):
                    add(group, term, start)
    # Groups named by their members ("Australia, Japan, New Zealand and the ROK").
    group_cues: list[tuple[int, str, int]] = []  # (zone, group name, offset in the zone)
    for g, members in topic.group_matchers:
        for zi, span in _group_mentions(doc, zones, members, excludes):
            for name in g.counts_for:
                f = firsts.get(f"anchor:{name}")
                if f is not None and f < span[1]:
                    add(f"anchor:{name}", g.name, span[0])
            if g.cue:
                group_cues.append((zi, g.name, span[0] - doc.starts[zi]))
    if topic.cues:
        title_anchors = set(zones[0].anchors)
        # What each paragraph must name itself: every anchor, or those the title lacks.
        need = [all_anchors] + [
            all_anchors if set(z.anchors) >= all_anchors else all_anchors - title_anchors
            for z in zones[1:]
        ]
        cue_spans: dict[int, list[tuple[str, int]]] = defaultdict(list)
        for term, pat in topic.cue_matchers:
            for span in doc.spans(term, pat):
                zi = doc.zone_of(span[0])
                if zones[zi].anchors and set(zones[zi].anchors) >= need[zi]:
                    cue_spans[zi].append((term, span[0] - doc.starts[zi]))
        for zi, term, off in group_cues:
            if zones[zi].anchors and set(zones[zi].anchors) >= need[zi]:
                cue_spans[zi].append((term, off))
        for zi, found in cue_spans.items():
            zones[zi].cue_at = found
            zones[zi].cues = _cues_where_anchors_meet(
                zones[zi].text, zi == 0, anchor_spans[zi], found, doc.starts[zi], need[zi]
            )
    for zi, found_anchors in anchor_spans.items():
        zones[zi].anchor_at = [(g, off - doc.starts[zi]) for g, off in found_anchors]
    return zones, hits, doc


OPENING_SENTENCES = 2
"""The article's opening: its first sentences (the lead proper), where a sub-topic term says
what the story is about; further down a passing term ("trade deal" in a transition story's
long single paragraph) does not."""


OPENING_PARAGRAPHS = 6
"""The opening is looked for in the first this many paragraphs."""
_PROSE_END = re.compile(r"[.!?:;][\"'’”)\]]*\s*$")


HISTORY_YEARS = 20
"""A paragraph whose first sentence is set this many years or more before the article's
publication ("On July 17, 1944, ... loaded with ammunition") tells history: its sub-topic
terms are background, not what the article is about."""
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_YEAR = re.compile(
    rf"\b(?:(?:{_MONTHS})(?:\s+\d{{1,2}})?,?|[Ii]n|[Ss]ince|[Dd]uring)\s+(1[89]\d\d|20\d\d)\b"
)
"""A year as a date ("July 17, 1944", "in 1950"), not a name's ("the Act of 1961")."""
_NOW = re.compile(r"\b(today|this (week|month|year)|now)\b", re.I)


def _history(text: str, year: int) -> bool:
    """The paragraph's first sentence names a year at least ``HISTORY_YEARS`` before ``year``,
    and no recent year and no "today" / "now" (an anniversary marked today is news)."""
    spans = _sentence_spans(text)
    first = text[spans[0][0] : spans[0][1]] if spans else text
    years = [int(y) for y in _YEAR.findall(first)]
    old = bool(years) and all(y <= year - HISTORY_YEARS for y in years)
    return old and not _NOW.search(first)


def _opening(zones: list[_Zone]) -> dict[int, int]:
    """Per paragraph zone, the offset where the article's first ``OPENING_SENTENCES`` end
    in it. Lines that are not prose (no closing punctuation: a memorandum's "MEMORANDUM FOR
    ..." and "SUBJECT: ..." lines, a transcript's place and time) are skipped."""
    out: dict[int, int] = {}
    left = OPENING_SENTENCES
    for zi in range(1, min(len(zones), OPENING_PARAGRAPHS + 1)):
        text = zones[zi].text
        if left <= 0:
            break
        if not _PROSE_END.search(text):
            continue
        take = _sentence_spans(text)[:left]
        out[zi] = take[-1][1] if take else 0
        left -= len(take)
    return out


def _evidence_sentence(z: _Zone, is_title: bool, need: set[str]) -> str:
    """The sentence of a zone that best shows the anchors meeting: one that names an
    anchor and, with its neighbours, all of ``need``; of those, one naming them all
    itself first, then the most engagement cues, then the first; else the first sentence
    naming an anchor. The title is one sentence."""
    if is_title:
        return z.text
    sents = _sentence_spans(z.text)
    named: list[set[str]] = [set() for _ in sents]
    for group, off in z.anchor_at:
        named[_sentence_at(sents, off)].add(group)
    cues: Counter[int] = Counter(_sentence_at(sents, off) for _, off in z.cue_at)
    meet = [
        k
        for k in range(len(sents))
        if named[k] and set().union(*named[max(k - 1, 0) : k + 2]) >= need
    ]
    pool = meet or [k for k in range(len(sents)) if named[k]]
    if not pool:
        return ""
    best = max(pool, key=lambda k: (named[k] >= need, cues[k], -k))
    s, e = sents[best]
    return z.text[s:e].strip()


def _references(
    doc: _Doc,
    head: tuple[str, re.Pattern[str]],
    own: list[tuple[str, re.Pattern[str]]],
    refs: list[tuple[str, re.Pattern[str]]],
) -> list[tuple[str, int]]:
    """(term, offset) of each definite reference ("the summit") whose antecedent, the
    mention of the head word last named before it that is not itself a reference, is
    one of ``own`` ("the NATO summit"); any other mention ("the G7 summit", "a
    trilateral summit") is another one's, and references after it are not counted."""
    heads = doc.spans(*head)
    if not heads:
        return []
    own_spans = [sp for t, pat in own for sp in doc.spans(t, pat)]
    ref_spans = [(t, sp) for t, pat in refs for sp in doc.spans(t, pat)]
    out: list[tuple[str, int]] = []
    antecedent_is_own = False
    for h in sorted(heads):
        if _inside(h, own_spans):
            antecedent_is_own = True
            continue
        ref = next(((t, sp) for t, sp in ref_spans if _inside(h, [sp])), None)
        if ref is None or doc.original[ref[1][1] : ref[1][1] + 4].lower() == " of ":
            antecedent_is_own = False  # another one's ("the G7 summit", "the Summit of ...")
        elif antecedent_is_own:
            out.append((ref[0], ref[1][0]))
    return out


def _group_mentions(
    doc: _Doc,
    zones: list[_Zone],
    members: list[list[tuple[str, re.Pattern[str]]]],
    excludes: list[tuple[int, int]],
) -> list[tuple[int, tuple[int, int]]]:
    """(zone, span from the first member named to the last) of each sentence that names
    every member of a group; a name inside an anchor's exclude names does not count."""
    found: list[list[tuple[int, int]]] = []
    for names in members:
        spans = [sp for t, pat in names for sp in doc.spans(t, pat) if not _inside(sp, excludes)]
        if not spans:
            return []  # a member never named: no sentence names them all
        found.append(spans)
    out = []
    for zi in sorted({doc.zone_of(s) for s, _ in found[0]}):
        base = doc.starts[zi]
        sents = [(0, len(zones[zi].text))] if zi == 0 else _sentence_spans(zones[zi].text)
        for s, e in sents:
            lo, hi = base + s, base + e
            inside = [[sp for sp in spans if lo <= sp[0] and sp[1] <= hi] for spans in found]
            if all(inside):
                out.append(
                    (
                        zi,
                        (
                            min(sp[0] for m in inside for sp in m),
                            max(sp[1] for m in inside for sp in m),
                        ),
                    )
                )
    return out


JOIN_WORDS = 12
"""Fewer than this many words between two anchors joined in one relation (``_joined``)."""
_JOINING = re.compile(
    r"\b(?:at|with|joining|attending|between|and its|on the (?:margins|sidelines) of)\b",
    re.IGNORECASE,
)
_DASH = re.compile(r"^\s*[-\u2010-\u2015/]\s*$")


def _joined(gap: str) -> bool:
    """Whether the text between two anchors of one sentence joins them in one relation:
    a dash ("NATO-ROK ties"), or a few words holding a preposition of taking part or
    meeting ("Indo-Pacific leaders at NATO", "a trilateral with President Yoon ... on the
    margins of the NATO summit", "NATO and its Indo-Pacific partners"). Lists are not: a
    gap of ``JOIN_WORDS`` words or more, or with two commas (an enumeration of countries,
    signatories or stops), or a bare "and"; nor is "to" (mostly "to" + a verb, or the "from
    ... to ... to ..." of a list of achievements or stops)."""
    if _DASH.match(gap):
        return True
    if gap.count(",") >= 2 or len(gap.split()) >= JOIN_WORDS or re.search(r"[.;:?!]", gap):
        return False
    return bool(_JOINING.search(gap))


def _anchors_joined(z: _Zone) -> bool:
    """Two different anchors of one sentence of the zone joined by ``_joined``: the
    paragraph reports them in one relation, which counts as one more engagement cue."""
    if len({g for g, _ in z.anchor_at}) < 2:
        return False
    ends = {}
    for g, off in z.anchor_at:
        word = re.match(r"[\w'’.-]*", z.text[off:])
        best = off + (word.end() if word else 0)
        for t in z.anchors.get(g, ()):
            if _plain(z.text[off : off + len(t)]) == _plain(t):
                best = max(best, off + len(t))
        ends[(g, off)] = best
    for (g1, _s1), e1 in ends.items():
        for (g2, s2), _e2 in ends.items():
            if g1 != g2 and e1 <= s2 and _joined(z.text[e1:s2]):
                return True
    return False


def _is_trip(text: str, topic: Topic) -> bool:
    folded = fold(text)
    return any(pat.search(folded) for _, pat in topic.trip_matchers)


REACTION_NEEDED = 2
"""Weight of reaction sentences that makes a state-media item a reaction (see
``reaction_sentences``)."""


def reaction_sentences(article: Article, topic: Topic) -> list[tuple[int, str]]:
    """(weight, sentence) for each sentence that reacts to the topic's cooperation.

    A sentence names every anchor (its terms, outside its ``exclude`` names), or every
    anchor but those named only through ``topic.reaction_terms`` stand-ins, and holds one
    of ``topic.reaction_cues``. Weight 2 when every anchor is named outright, else 1. A
    sentence naming one of ``topic.reaction_blocs`` (a NATO "of Asian version") with a cue
    weighs 2 when the article names the other anchors outright anywhere; one naming such a
    bloc with the other anchors (or their ``topic.reaction_places``: the UN Command) in the
    same sentence weighs 2 without a cue. Meant for state media (see ``judge``)."""
    if not topic.reaction_cues:
        return []
    cues = [pat for _, pat in topic.reaction_cue_matchers]
    sentences = _all_sentences(article)
    groups = [f"anchor:{a.name}" for a in topic.anchors]
    in_doc: dict[str, bool] = {}  # anchor group -> named outright somewhere in the article

    def named_in_doc(group: str) -> bool:
        if group not in in_doc:
            ex = topic.exclude_matchers.get(group, [])
            in_doc[group] = any(_names(s, topic.matchers[group], ex) for s in sentences)
        return in_doc[group]

    def on_ground(sentence: str, group: str) -> bool:
        """The sentence names the anchor outright or one of its ``reaction_places``."""
        ex = topic.exclude_matchers.get(group, [])
        return _names(sentence, topic.matchers[group], ex) or _names(
            sentence, topic.reaction_place_matchers.get(group, []), []
        )

    out: list[tuple[int, str]] = []
    for sentence in sentences:
        blocs = [g for g in groups if _names(sentence, topic.reaction_bloc_matchers.get(g, []), [])]
        # A bloc set on the other anchors' own ground in the same sentence ("turning the UN
        # Command into the second NATO of Asian version"): its name says expansion, no cue.
        if any(all(on_ground(sentence, o) for o in groups if o != g) for g in blocs):
            out.append((2, sentence))
            continue
        if not any(p.search(fold(sentence) if p.flags & re.I else sentence) for p in cues):
            continue
        # A bloc standing for one anchor in the others' region ("NATO of Asian version"),
        # with the others named outright in the document, ties them all outright.
        if any(all(named_in_doc(o) for o in groups if o != g) for g in blocs):
            out.append((2, sentence))
            continue
        outright = stand_in = 0
        for group in groups:
            if _names(sentence, topic.matchers[group], topic.exclude_matchers.get(group, [])):
                outright += 1
            elif _names(sentence, topic.reaction_matchers.get(group, []), []):
                stand_in += 1
        if outright + stand_in == len(topic.anchors) and outright:
            out.append((2 if not stand_in else 1, sentence))
    return out


def _all_sentences(article: Article) -> list[str]:
    return [article.title] + [s for p in article.paragraphs for s in split_sentences(p)]


def _names(
    sentence: str,
    matchers: list[tuple[str, re.Pattern[str]]],
    exclude: list[tuple[str, re.Pattern[str]]],
) -> bool:
    folded = fold(sentence)
    ex = [
        m.span()
        for _, pat in exclude
        for m in pat.finditer(folded if pat.flags & re.I else sentence)
    ]
    for _, pat in matchers:
        for m in pat.finditer(folded if pat.flags & re.I else sentence):
            if not any(a <= m.start() < b for a, b in ex):
                return True
    return False


def _is_question(text: str) -> bool:
    return text.startswith(("Q ", "Q:", "Q.")) or text.rstrip().endswith("?")


def judge(article: Article, topic: Topic) -> Relevance:
    """Score one article against a topic (0..1), decide, and say why."""
    zones, hits, doc = _evidence(article, topic)
    all_anchors = {f"anchor:{a.name}" for a in topic.anchors}
    title_anchors = set(zones[0].anchors)
    title_joint = title_anchors >= all_anchors
    joint_idx = [i for i in range(1, len(zones)) if set(zones[i].anchors) >= all_anchors]
    # Paragraphs completed by the title: the title names the anchors the paragraph lacks.
    context_idx = []
    if title_anchors and not title_joint:
        context_idx = [
            i
            for i in range(1, len(zones))
            if zones[i].anchors
            and i not in joint_idx
            and set(zones[i].anchors) | title_anchors >= all_anchors
        ]
    present_anywhere = set().union(*(z.anchors for z in zones))

    # (strength, zone, anchors the zone must name itself)
    placed: list[tuple[float, int, set[str]]] = (
        [(TITLE_JOINT, 0, all_anchors)] if title_joint else []
    )
    placed += [(_paragraph_strength(zones, i, topic), i, all_anchors) for i in joint_idx]
    placed += [
        (TITLE_CONTEXT * _paragraph_strength(zones, i, topic), i, all_anchors - title_anchors)
        for i in context_idx
    ]
    units = [u for u, _, _ in placed]
    miss = 1.0
    for strength in sorted(units, reverse=True)[:MAX_UNITS]:
        miss *= 1.0 - min(strength, 1.0)
    evidence = ""
    if placed:
        _, zi, need_here = max(placed, key=lambda u: (u[0], -u[1]))
        evidence = _evidence_sentence(zones[zi], zi == 0, need_here)
    score = 1.0 - miss
    if not units:
        # Only passing mentions: keep it below the include threshold whatever else it has.
        score = 0.05 * len(present_anywhere) + 0.02 * min(
            len(set().union(*(z.subs for z in zones))), 5
        )

    unpenalised = score
    counted = [0, *joint_idx, *context_idx]  # zones whose cues count
    for i in counted:
        for term, n in zones[i].cues.items():
            hits[("cue", term, zones[i].where)] += n
    penalised = []
    # A register word inside the name of one of the topic's reaction blocs ("Asian version"
    # in "NATO of Asian version") is the topic's own signal, not polemic.
    bloc_spans = [
        span
        for matchers in topic.reaction_bloc_matchers.values()
        for term, pat in matchers
        for span in doc.spans(term, pat)
    ]
    for penalty, matchers in topic.penalty_matchers:
        found: Counter[tuple[str, str]] = Counter()
        for term, pat in matchers:
            for span in doc.spans(term, pat):
                if any(a <= span[0] and span[1] <= b for a, b in bloc_spans):
                    continue
                found[(term, zones[doc.zone_of(span[0])].where)] += 1
        terms = sorted({t for t, _ in found})
        if len(terms) >= penalty.min_distinct:
            score *= penalty.factor
            penalised.append((penalty.name, terms))
            for (term, where), n in found.items():
                hits[(f"penalty:{penalty.name}", term, where)] += n

    # State media (by source, or by its register) reacting to the topic's cooperation is
    # kept as a reaction: sentences that tie the anchors together in its words (see
    # reaction_sentences), scored without the register penalty and at least at the
    # include threshold, shown in its own section.
    reacting: list[tuple[int, str]] = []
    if article.source_type == "state-media" or penalised:
        reacting = reaction_sentences(article, topic)
    reaction = sum(w for w, _ in reacting) >= REACTION_NEEDED
    if reaction:
        score = max(unpenalised, topic.thresholds.include)
        evidence = max(reacting, key=lambda ws: ws[0])[1]
    if not reaction and score < topic.thresholds.include:
        n_subs = len(set().union(*(z.subs for z in zones)))
        # State media with a reaction sentence short of a reaction (NATO with a stand-in for
        # the Korea side) came as close as an article naming every anchor.
        named = present_anywhere | (all_anchors if reacting else set())
        score = _closeness(score, named, all_anchors, topic, n_subs)
    score = round(min(score, 1.0), 3)
    included = score >= topic.thresholds.include
    reasons = tuple(
        Reason(group=g, term=t, where=w, count=n)  # type: ignore[arg-type]
        for (g, t, w), n in sorted(hits.items(), key=lambda kv: (_zone_rank(kv[0][2]), -kv[1]))
    )
    subtopics = rank_subtopics(zones, topic, [0, *joint_idx] if title_joint else joint_idx)
    summary = _summary(
        topic,
        zones,
        title_joint,
        joint_idx,
        context_idx,
        present_anywhere,
        all_anchors,
        penalised,
        subtopics,
        included,
    )
    if reaction:
        who = "state media" if article.source_type == "state-media" else "polemic register"
        n = len(reacting)
        rest = summary.split(": ", 1)[-1]
        # An anchor named only by its ground ("UN Command") is not "not mentioned".
        for group in sorted(all_anchors - present_anywhere):
            name = group.removeprefix("anchor:")
            places = sorted(
                {
                    t
                    for _, s in reacting
                    for t, p in topic.reaction_place_matchers.get(group, [])
                    if p.search(fold(s) if p.flags & re.I else s)
                }
            )
            if places and rest.startswith(f"{name} not mentioned"):
                rest = (
                    f"{name} named only as its ground ({', '.join(places)})"
                    + rest[len(f"{name} not mentioned") :]
                )
        summary = (
            f"in as a reaction ({who}): {n} sentence{'s tie' if n > 1 else ' ties'} NATO to the "
            "Korea side; " + rest
        )
    return Relevance(
        score=score,
        included=included,
        reasons=reasons,
        subtopics=subtopics,
        summary=summary,
        reaction=reaction,
        evidence=evidence,
    )


NEAR_SUB = 0.01
"""Per distinct sub-topic term (up to 5), the closeness of an excluded article naming only the
anchors its topic's near-misses need."""


def _closeness(
    score: float, present: set[str], all_anchors: set[str], topic: Topic, n_subs: int
) -> float:
    """An excluded article's score as a near-miss: how close it came, in tiers. Every anchor
    named (meeting without enough engagement, or in separate paragraphs): at least midway
    between the near-miss and include thresholds. Only the anchors of
    ``thresholds.near_miss_needs`` named (NATO, no Korea): at the near-miss threshold, a
    little more per sub-topic term, below the first tier. Without a needed anchor (or
    without any anchor): below the near-miss threshold, never listed."""
    near, include = topic.thresholds.near_miss, topic.thresholds.include
    below = max(round(near - 0.01, 3), 0.0)
    need = {f"anchor:{n}" for n in topic.thresholds.near_miss_needs}
    if not present or not need <= present:
        return min(score, below)
    tier_all = (near + include) / 2
    if present >= all_anchors:
        return max(score, tier_all)
    if not need:
        return score
    return max(score, min(near + NEAR_SUB * min(n_subs, 5), tier_all - 0.01))


def _paragraph_strength(zones: list[_Zone], i: int, topic: Topic) -> float:
    """How strongly one paragraph where the anchors meet reports them working together."""
    z = zones[i]
    joined = bool(topic.cues) and bool(z.cues) and _anchors_joined(z)
    cue = min(len(z.cues) + joined, MAX_CUES) if topic.cues else MAX_CUES
    if topic.trip_markers and _is_trip(z.text, topic):
        cue = 0  # stops of a trip: a list, not the two working together
    s = PARA_BASE + PARA_CUE * cue + PARA_SUB * min(len(z.subs), MAX_SUBS)
    if z.where == "lead":
        s += LEAD_BONUS
    if _is_question(z.text):
        nxt = zones[i + 1] if i + 1 < len(zones) else None
        if nxt is None or not nxt.anchors:
            s *= QUESTION_UNANSWERED
    return s


SUB_SHARE = 1 / 3  # share of the paragraphs a sub-topic named only in the body must reach
SUB_MIN_PARAS = 2  # ... in at least this many paragraphs
SUB_MIN_TERMS = 2  # ... with at least this many distinct terms
SUB_ZONE_WEIGHT = {"title": 3.0, "lead": 1.5, "body": 1.0}


def rank_subtopics(zones: list[_Zone], topic: Topic, joint: Sequence[int]) -> tuple[str, ...]:
    """Sub-topics an article is about, its main one first; () when none has real evidence
    (the digest files it under "Other on-topic news").

    A sub-topic counts when (a) a zone where the anchors meet (``joint``: paragraphs, and
    the title when it names them all) names it: that passage is what puts the article in
    the topic; or (b) the title or the article's opening (its first ``OPENING_SENTENCES``,
    not the rest of a long lead paragraph) names one of its strong terms (not ``weak``: a
    country's name, its capital, a generic word); or (c) the body alone carries it: a
    strong term, ``SUB_MIN_TERMS`` distinct terms, in ``SUB_MIN_PARAS`` paragraphs and
    ``SUB_SHARE`` of them (one subject of a short statement, not two asides in a long
    press briefing). Order: those of the joint zones first (by how many of them name it),
    then by weight (a zone naming it counts 3 in the title, 1.5 in the lead, 1 in the body),
    then the topic's order."""
    order = [s.id for s in topic.subtopics]
    weak = {s.id: {t.casefold() for t in s.weak} for s in topic.subtopics}
    joint_set = set(joint)
    in_joint: Counter[str] = Counter()
    # A joint zone whose anchor is met by a sub-topic's own term (the Korea side named as
    # "the IP4", "Indo-Pacific partners") is about that sub-topic first.
    own = {
        s.id: {_plain(t) for t in s.terms} - {_plain(t) for t in s.weak} for s in topic.subtopics
    }
    primary: Counter[str] = Counter()
    for zi in joint_set:
        named = {_plain(t) for ts in zones[zi].anchors.values() for t in ts}
        for g, ts in own.items():
            if named & ts:
                primary[g] += 1
    weight: dict[str, float] = defaultdict(float)
    terms: dict[str, set[str]] = defaultdict(set)
    strong: set[str] = set()
    head_strong: set[str] = set()  # a strong term in the title or lead
    paras: dict[str, set[int]] = defaultdict(set)
    for zi, z in enumerate(zones):
        if z.history and zi not in joint_set:
            continue  # background history ("... loaded with ammunition" in 1944)
        seen: set[str] = set()
        for sub in z.subs:
            g, term = sub.split("|", 1)
            if g not in weak:
                continue
            terms[g].add(term.casefold())
            is_strong = term.casefold() not in weak[g]
            if is_strong:
                strong.add(g)
                if z.where == "title" or sub in z.opening:
                    head_strong.add(g)
            if zi:
                paras[g].add(zi)
            seen.add(g)
        for g in seen:
            weight[g] += SUB_ZONE_WEIGHT[z.where]
            if zi in joint_set:
                in_joint[g] += 1
    n_paras = max(len(zones) - 1, 1)

    def body_carries(g: str) -> bool:
        n = len(paras[g])
        return (
            g in strong
            and len(terms[g]) >= SUB_MIN_TERMS
            and n >= SUB_MIN_PARAS
            and n >= SUB_SHARE * n_paras
        )

    for g in primary:
        in_joint[g] = max(in_joint[g], primary[g])
        weight[g] = max(weight[g], 1.0)
    keep = [g for g in weight if in_joint[g] or g in head_strong or body_carries(g)]
    return tuple(
        sorted(keep, key=lambda g: (-primary[g], -in_joint[g], -weight[g], order.index(g)))
    )


def _plain(term: str) -> str:
    """A term compared across lists: case-folded, hyphens as spaces."""
    return term.casefold().replace("-", " ")


def _zone_rank(where: str) -> int:
    return {"title": 0, "lead": 1, "body": 2}[where]


def _summary(
    topic: Topic,
    zones: list[_Zone],
    title_joint: bool,
    joint_idx: list[int],
    context_idx: list[int],
    present: set[str],
    all_anchors: set[str],
    penalised: list[tuple[str, list[str]]],
    subtopics: tuple[str, ...],
    included: bool,
) -> str:
    """One line for a reader: where the anchors meet, how engaged, what about, what register."""
    names = " and ".join(a.removeprefix("anchor:") for a in sorted(all_anchors))
    parts = []
    if title_joint:
        parts.append(f"{names} together in the title")
    if joint_idx:
        n = len(joint_idx)
        text = f"together in {n} paragraph{'s' * (n != 1)}"
        if topic.cues:
            engaged = [i for i in joint_idx if zones[i].cues]
            best = max(len(zones[i].cues) for i in joint_idx)
            cues = sorted(set().union(*(zones[i].cues for i in joint_idx)))
            shown = f" ({', '.join(cues[:5])}{', ...' if len(cues) > 5 else ''})"
            if not engaged:
                text += f", {'none with an' if n > 1 else 'no'} engagement cue (list or aside)"
            elif n == 1:
                text += f", {best} engagement cue{'s' * (best != 1)}{shown}"
            else:
                which = "all" if len(engaged) == n else str(len(engaged))
                text += f", {which} with engagement cues, up to {best} in one{shown}"
        parts.append(text)
    if context_idx:
        n = len(context_idx)
        title_has = sorted(a.removeprefix("anchor:") for a in zones[0].anchors)
        parts.append(
            f"completed by the title (naming {', '.join(title_has)}) "
            f"in {n} paragraph{'s' * (n != 1)}"
        )
    if not title_joint and not joint_idx and not context_idx:
        missing = sorted(a.removeprefix("anchor:") for a in all_anchors - present)
        parts.append(
            f"{', '.join(missing)} not mentioned"
            if missing
            else f"{names} only in separate paragraphs (passing mentions)"
        )
    if subtopics:
        parts.append("sub-topics: " + ", ".join(subtopics))
    for name, found in penalised:
        parts.append(f"{name} register ({', '.join(found[:4])}{', ...' * (len(found) > 4)})")
    return ("in: " if included else "out: ") + "; ".join(parts)
