"""A story's summary: one or two sentences of its sources saying who did what, when, where.

Nothing is generated: the summary is one source sentence, or two consecutive sentences of
one article, or one sentence trimmed of trailing clauses (cut at a comma, semicolon or
dash; the words kept are the source's, in order), at most ``MAX_WORDS`` words.

Choosing it, across every outlet of the story:

- candidates are the sentences of each article's first ``LEAD_PARAGRAPHS`` paragraphs
  (news writing states the event first), 8 words or more, that are not questions, lone
  quotations, page furniture (``keypoints.furniture``) or openings on a pronoun whose
  referent the reader does not have ("He said ...", "That would ...");
- each is scored by its centrality in the whole story (``keypoints.rank``: the sentence
  the other outlets repeat), times a lead prior (the first sentence of an article first),
  times event cues: a time (a weekday, a date, "on Monday"), a proper name (who/where) and
  a number each add a little;
- and by its shape: ``states_event`` (a named actor followed by a finite verb) doubles
  it; centrality counts by its square root, so a long central sentence deep in the text
  does not beat the lead that states the event (weights chosen on the dev half);
- a transcript or a speech (``talk``) is read in its prepared part (``talk_window``, before
  the first question), with a position prior that fades slowly (``TALK_SPAN``); a speaker
  label is trimmed off, and a bare turn is never the summary;
- a named act (``ACT``) and its time (``WHEN``) weigh in transcripts, in stories that have
  one, and in a sentence opening on its time (a fact sheet's "Today, the President
  announced ...", which may lead from the first ``LEAD_WIDE`` paragraphs); greetings,
  thanks and apologies (``SOCIAL``), rhetoric and scene-setting (``RHETORIC``) are marked
  down, unless a welcome names the occasion and its place;
- ``tidy`` drops Markdown emphasis and links, inline tags, KCNA's "-0-" end mark, a spoken
  filler ("So,") and a dangling ", including" before a list (characters go, no word comes);
- a short opening line is joined with the next sentence of its paragraph as one candidate;
- when nothing is usable, the best sentence that is not furniture (``_relaxed``); when no
  article has one, the headline (``TITLE_FALLBACK``);
- a sentence that cannot be cut at a clause boundary within 60 words (a run-on of
  captions and text) is taken only when nothing else is usable;
- in a speech, a speaker's record ("As attorney general, I took on ...") is no act, and a
  signing ceremony whose best line does not say the signing is told by its headline; a
  long sentence whose last clause opens on the time of an act is trimmed to that clause;
  a feature's scene lead with no act (``SCENE``) is marked down, a wire lead of invective
  lets acts weigh in its article, and a sentence clipped at its start is never used;
- the best one is the summary; when it is short (under ``SHORT`` words) and the next
  sentence of the same article fits within ``MAX_WORDS``, that sentence is added.

Measured by benchmarks/summary_eval.py (share of news_cluster stories whose summary
states the event, hand-labelled dev/test; ROUGE on BBC politics). Pure.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from itertools import pairwise

from .dates import MONTH_RE, WEEKDAY_RE
from .keypoints import (
    Candidate,
    candidates,
    furniture,
    is_question,
    lone_quote,
    opens_on_referent,
    rank,
    without_dateline,
)
from .models import Article, Summary
from .text import split_sentences
from .vectors import tokens
from .voice import HEADLINE_SPEAKER, SPEAKER_LABEL, speaker_of

MAX_WORDS = 60
SHORT = 22
MIN_WORDS = 8
LEAD_PARAGRAPHS = 3
LEAD_PRIOR = 1.0
"""Score x (1 + LEAD_PRIOR / (1 + index of the sentence in its article))."""
TITLE = 2.0
"""Score x (1 + TITLE x share of the article title's content words the sentence has): the
headline names the event, the sentence that restates it tells it."""
TALK_TITLE_WEIGHT = 0.5
"""In a speech or a transcript, ``TITLE`` is this: its headline names the occasion ("Remarks
by President Biden in Statement to the American People"), and a line restating it is talk
about the occasion, not the news."""
CUE = 0.15
"""Score x (1 + CUE) per event cue present: a time, a proper name, a number."""

_TIME = re.compile(
    rf"\b(?:on |last |this |next )?(?:{WEEKDAY_RE}|"
    r"today|yesterday|tonight|tomorrow|in (?:just )?a (?:moment|few minutes)|"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)"
    r"[a-z]*\.? \d{1,2})\b",
    re.I,
)
_NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]+")
_NUMBER = re.compile(r"\d")


def cues(sentence: str) -> int:
    """How many of when / who-or-where / how-many a sentence states (0..3)."""
    return (
        bool(_TIME.search(sentence))
        + bool(_NAME.search(sentence[1:]))
        + bool(_NUMBER.search(sentence))
    )


def trim(sentence: str, limit: int = MAX_WORDS) -> str:
    """The sentence, or when it is longer than ``limit`` words its start up to the last
    clause boundary (comma, semicolon, colon, dash) that keeps it within ``limit`` words and at
    least ``MIN_WORDS``; a hard cut at ``limit`` words (with "…") when there is none.

    A boundary inside a quotation or brackets is no boundary (a quoted title is kept
    whole or not at all), and a cut that would keep only a lead-in ("In accordance with
    section 12304(f) of title 10.", "While the talks went on.") is no cut: the main
    clause is what the reader needs. When the sentence opens on such a lead-in (not a
    time: "On Monday," stays) and is too long, the lead-in goes first (``lead_in``)."""
    words = sentence.split()
    if len(words) <= limit:
        return sentence
    rest = without_lead_in(sentence)
    if rest != sentence and len(rest.split()) <= limit:
        return rest
    act = _timed_act_tail(sentence, limit)
    if act is not None:
        return act
    # the main clause whole with its asides out, before a cut that loses its end
    bare = _without_asides(rest, limit)
    if bare is not None:
        return bare
    cut = _tail_cut(rest, limit)
    if cut is None and rest != sentence:
        cut = _tail_cut(sentence, limit)
    if cut is not None:
        return cut
    return " ".join(words[:limit]) + "…"


_LEAD_IN = re.compile(
    r"^[\"“]?(?:in accordance with|pursuant to|consistent with|in keeping with|in line with|"
    r"under (?:the|section|title|article)|in (?:furtherance|support|light|view|response) of|"
    r"in response to|as part of|in addition(?: to)?|building on|following|further to|"
    r"in the wake of|amid|despite|while|whereas|although|though|because|since|as|after|"
    r"before|if|when|once|with|by|through|to)\b",
    re.I,
)
"""The opening of a lead-in: a prepositional or subordinate phrase before the main clause."""
_SUBJECT_START = re.compile(
    r"^(?:I|We|He|She|They|It|You|[A-Z][\w’'.-]*|the|a|an|this|these|our|my|his|her|their)\b"
)


_DAY_BEFORE = re.compile(rf"\b{MONTH_RE}\.? \d{{1,2}}$")
_YEAR_AFTER = re.compile(r" \d{4}\b")


def _bounds(text: str) -> list[int]:
    """Clause boundaries of ``text`` outside quotations and brackets."""
    out, depth, quote = [], 0, False
    for k, ch in enumerate(text):
        if ch in "([":
            depth += 1
        elif ch in ")]" and depth:
            depth -= 1
        elif ch in '“”"':
            quote = ch != "”" and not (quote and ch == '"')
        elif depth or quote:
            continue
        elif ch in ",;:" and text[k + 1 : k + 2] == " ":
            if ch == "," and _DAY_BEFORE.search(text, 0, k) and _YEAR_AFTER.match(text, k + 1):
                continue  # "June 26, 2008": a date, not a clause
            out.append(k)
        elif ch in "—–" and text[k - 1 : k] == " " and text[k + 1 : k + 2] == " ":
            out.append(k - 1)
        elif text[k : k + 4] == " -- ":
            out.append(k)
    return out


def without_lead_in(sentence: str) -> str:
    """The sentence past its lead-in ("In accordance with section 12304(f) of title 10,
    United States Code, I am providing notice ..." -> "I am providing notice ..."): the
    segments up to the first boundary followed by a subject, when the sentence opens on
    ``_LEAD_IN`` and the lead-in states no time. Unchanged otherwise."""
    if not _LEAD_IN.match(sentence) or _OPENS_ON_TIME.match(sentence.lstrip('"“')):
        return sentence
    for b in _bounds(sentence)[:3]:
        head, tail = sentence[:b], sentence[b + 1 :].strip()
        if _TIME.search(head):
            return sentence
        nxt = [c for c in _bounds(tail)]
        first = tail[: nxt[0]] if nxt else tail
        if (
            len(tail.split()) >= MIN_WORDS
            and _SUBJECT_START.match(tail)
            and not _LEAD_IN.match(tail)
            # "United States Code, I am ..." is not the clause; "I hereby authorize" is
            and (_FINITE.search(first) or re.match(r"(?:I|We)\s", first))
            and states_event(tail)
        ):
            return tail[:1].upper() + tail[1:]
    return sentence


def _timed_act_tail(sentence: str, limit: int) -> str | None:
    """The last clauses of a long sentence when they open on the time of an act and state
    it ("Just as we joined together when I signed the law ... — today, we join together as I
    sign a proclamation designating ..." -> "Today, we join together as I sign a
    proclamation ..."): the head is what was, the tail is what happens, and a cut at the
    limit would keep only the head. None when no such tail fits within ``limit`` words."""
    for b in _bounds(sentence):
        tail = sentence[b + 1 :].lstrip(" —–-")
        n = len(tail.split())
        if n > limit:
            continue
        if n < MIN_WORDS:
            return None
        if _OPENS_ON_TIME.match(tail) and _ACTS.search(_QUOTED.sub("", tail)):
            return tail[:1].upper() + tail[1:]
    return None


def _tail_cut(sentence: str, limit: int) -> str | None:
    words = sentence.split()
    if len(words) <= limit:
        return sentence
    head = " ".join(words[:limit])
    bounds = _bounds(head)
    # A cut must end a clause: never right after a word or two that open the next one
    # ("… on September 13: Recently," is cut at the colon, not after "Recently"), and
    # never after the lead-in alone.
    lead = _LEAD_IN.match(sentence) is not None
    # A condition or a concession ("If the chief trial judges ... do not include a trial
    # judge of the Navy, then ...") is cut only past the start of its main clause.
    main = _main_clause(head, bounds) if _SUBORDINATE.match(sentence) else -1
    cuts = [
        c
        for k, c in enumerate(bounds)
        if len(head[:c].split()) >= MIN_WORDS
        and len(head[(bounds[k - 1] + 1 if k else 0) : c].split()) >= 3
        and not (lead and k == 0)
        and main is not None
        and k > main
        # "On August 1, 2007, by Executive Order 13441." is no clause, nor a subject with
        # only its relative clause ("X University, which has made contributions to ...")
        and any(_FINITE.search(head[a:b]) for a, b, aside in _asides(head[:c]) if not aside)
    ]
    if cuts:
        return head[: cuts[-1]].rstrip(" ,;—–-") + "."
    return None


_ASIDE = re.compile(
    r"^(?:which|who|whom|whose|while|whereby|(?:and )?(?:under|in|by) which|"
    r"(?:further |also )?[a-z]+ed (?:in|by|under|further)\b)"
)
"""A segment that opens a relative clause or an aside ("..., which has made ...", "...,
while glorifying ...", "..., expanded in scope in Executive Order 13551 of August 30,
2010, ..."): its verb is not the sentence's."""


def _asides(text: str) -> list[tuple[int, int, bool]]:
    """``text``'s segments between clause boundaries, (start, end, aside): an aside opens
    on ``_ASIDE`` after the first segment, and runs on through the segments after it with
    no verb of their own, short of the last ("..., and under which steps were taken in
    Order 13722 of March 15, 2016, and Order 13810 of September 20, 2017, is to continue
    ...")."""
    bounds = _bounds(text)
    spans = list(zip([0, *(b + 1 for b in bounds)], [*bounds, len(text)], strict=True))
    out, inside = [], False
    for k, (a, b) in enumerate(spans):
        seg = text[a:b]
        inside = bool(k) and (
            bool(_ASIDE.match(seg.strip()))
            or (inside and k < len(spans) - 1 and not _FINITE.search(seg))
        )
        out.append((a, b, inside))
    return out


def _without_asides(sentence: str, limit: int) -> str | None:
    """A long sentence with its asides taken out, when that leaves its main clause whole
    within ``limit`` words ("Pyongyang, October 8 (KCNA) -- X University, which has made
    distinguished contributions to ..., while glorifying ..., is greeting its 60th founding
    anniversary with great pride." -> "... X University is greeting its 60th founding
    anniversary with great pride."): the subject and its verb, never a subject with only
    its relative clause. None when there is no aside or the rest is still too long."""
    segs = _asides(sentence)
    kept = [k for k, (_, _, aside) in enumerate(segs) if not aside]
    if len(kept) == len(segs) or kept[-1] != len(segs) - 1:
        return None
    out = sentence[: segs[0][1]]
    for prev, k in pairwise([0, *kept[1:]]):
        a, b, _ = segs[k]
        # kept neighbours keep the boundary between them; across a cut aside, none
        out += (sentence[segs[prev][1]] if k == prev + 1 else "") + sentence[a:b]
    n = len(out.split())
    if n > limit or n < MIN_WORDS or not _FINITE.search(sentence[segs[-1][0] :]):
        return None
    return out


_SUBORDINATE = re.compile(
    r"^[\"“]?(?:if|when|whenever|while|whereas|although|though|because|since|once|unless)\b",
    re.I,
)
_MODAL = re.compile(r"\b(?:shall|should|must|may|might)\b")
_THEN_SUBJECT = re.compile(r"^(?:then\s+)?" + _SUBJECT_START.pattern[1:])


def _main_clause(head: str, bounds: list[int]) -> int | None:
    """The index of the boundary after which a sentence that opens on a condition starts
    its main clause (a subject and a finite verb in the next segment); None when the head
    holds none."""
    for k, b in enumerate(bounds):
        tail = head[b + 1 :].strip()
        seg = tail[: bounds[k + 1] - b - 1] if k + 1 < len(bounds) else tail
        if _THEN_SUBJECT.match(tail) and (_FINITE.search(seg) or _MODAL.search(seg)):
            return k
    return None


_ACTOR = re.compile(
    r"(?<![.!?]\s)\b(?:[A-Z][a-z]+(?:[-'’][A-Za-z]+)?|[A-Z]{2,}s?|[A-Z]\.(?:[A-Z]\.)+)\b"
)
_NOT_ACTOR = re.compile(
    r"^(?:The|A|An|In|On|At|By|For|From|With|As|After|Before|When|While|If|Today|This|That|"
    rf"These|Those|It|There|Here|{WEEKDAY_RE}|{MONTH_RE}|"
    r"Mr|Mrs|Ms|Dr|I|We|You|He|She|They|But|And|Or|So|Yet|Also|Now|Then|Last|"
    r"Next|Earlier|Later|Meanwhile|However|According|Photo|Image|Video|Read|Watch|"
    r"Look|Well|Okay|OK|Folks|Yes|No|Hello|Hi|Hey|Thank|Thanks|Please|Welcome|Apologies)$"
)
_FINITE = re.compile(
    r"\b(?:is|are|was|were|has|have|had|will|would|can|could|did|does|do|said|says|told|"
    r"won|lost|met|made|took|gave|left|led|held|hit|sent|set|struck|killed|began|became|"
    r"fell|rose|sold|bought|brought|built|broke|caught|chose|drove|found|got|grew|heard|"
    r"kept|knew|ran|saw|shot|spoke|stood|thought|threw|went|wrote|quit|cut|put|"
    r"[a-z]{2,}(?:ed|es)|[a-z]{3,}[^s\W]s)\b"
)
"""A finite verb, by its form: an auxiliary, a common irregular past, or a word in -ed /
-es / -s (a plural noun matches too: the cue is a hint, weighed, never a filter)."""


def states_event(sentence: str) -> bool:
    """A named actor (a capitalised name that is not a function word, a weekday or a
    month; or an acronym) and a finite verb after it: the shape of "who did what"."""
    for m in _ACTOR.finditer(sentence):
        if _NOT_ACTOR.match(m.group(0)):
            continue
        return bool(_FINITE.search(sentence, m.end()))
    return bool(_TIMED_FIRST_PERSON.match(sentence))


_TIMED_FIRST_PERSON = re.compile(
    r"^(?:today|tonight|this (?:morning|afternoon|week)|yesterday),?\s+(?:I|we|my administration|"
    r"our administration)\s+(?:am |are |is |have |has |will )?[a-z]{3,}(?:ed|ing|s)?\b",
    re.I,
)
"""A statement's own act, in the first person with its time ("Today, we are taking another
historic step by forgiving ..."): the named official of the statement is the actor."""


def usable(text: str) -> bool:
    n = len(text.split())
    return (
        n >= MIN_WORDS
        and not is_question(text)
        and not lone_quote(text)
        and not (furniture(text) and not release_lead(text) and not operative(text))
        and not opens_on_referent(text)
        and not SPEAKER_LABEL.match(text)
        and not housekeeping(text)
        and not timeline_entry(text)
        and not author_bio(text)
        and not clipped_start(text)
        and not _HEADER.search(text)
    )


_TIMELINE = re.compile(
    rf"^(?:(?:{MONTH_RE})\.? \d{{1,2}},? \d{{4}}|(?:{MONTH_RE})\.? \d{{1,2}}|"
    rf"(?:{MONTH_RE}),? \d{{4}}|"
    r"(?:19|20)\d{2})\s*(?::|[—–-]{1,2})\s+(?=[A-Z\"“])"
)
"""A dated timeline entry ("March 2, 2015: The paper breaks the news ...", "2019 — ..."):
a line of a background box, not the story's event."""


def timeline_entry(text: str) -> bool:
    return bool(_TIMELINE.match(text.strip()))


_RELEASE_LEAD = re.compile(
    rf"^On (?:{WEEKDAY_RE}), (?:{MONTH_RE})\.? \d{{1,2}}, \d{{4}}, (?=[A-Za-z])"
)


def release_lead(text: str) -> bool:
    """A release's dated opening ("On Friday, July 28, 2023, the President signed into
    law."): the full date with its weekday reads as a wire photo's caption to ``furniture``,
    but here it opens the sentence and an act follows, which no caption does."""
    m = _RELEASE_LEAD.match(text.strip())
    if m is None:
        return False
    rest = text.strip()[m.end() :]
    rest = rest[:1].upper() + rest[1:]
    return not furniture(rest) and bool(_ACTS.search(_QUOTED.sub("", rest)))


_MIXED_CASE = re.compile(r"^(?:[a-z]+[A-Z]|(?:de|da|di|du|van|von|der|al|el|bin|ibn|le|la)\s[A-Z])")


def clipped_start(text: str) -> bool:
    """A sentence that opens mid-way ("the compound's security wall, which ..."): its first
    letter is lower case, past an opening quote or bracket, and it is no name written so
    ("iPhone", "de Blasio"). The reader needs the start of the sentence."""
    t = text.lstrip("\"“‘'([ ")
    return t[:1].isalpha() and t[:1].islower() and not _MIXED_CASE.match(t)


_HOUSEKEEPING = re.compile(
    r"\b(?:on (?:today[’']?s|this|the) call|joining (?:me|us)(?: today| here| now| on)?\b|"
    r"(?:I[’']m|I am|we[’']re|we are) (?:also )?joined (?:today |here |again )?by\b|"
    r"(?:we[’']ll|we will|we[’']re going to) (?:also )?(?:have|hold|do) (?:a|another) "
    r"(?:separate )?(?:press )?(?:call|briefing|gaggle)\b|"
    r"(?:speakers?|officials?) (?:on|for) (?:this|today[’']?s|the) call|"
    r"(?:this|the|today[’']?s) call (?:is|will be) (?:on background|on the record|embargoed|"
    r"off the record)|embargo(?:ed)?\b|for your (?:awareness|reference|knowledge)|"
    r"not for (?:your )?(?:reporting|attribution)|ground rules|"
    r"(?:our|the) (?:first |next )?speakers? (?:today |this (?:morning|afternoon|evening) )?"
    r"(?:is|are|will)|(?:turn|hand|pass) it (?:over|back) to|without further ado|"
    r"(?:before|as) we (?:dive|get|begin|start)|take your questions|(?:a|our) few (?:quick )?"
    r"(?:words|remarks) (?:at the top|to start)|at the top of the call|with that,? I|"
    r"(?:a )?(?:couple|few) (?:of )?(?:things|items) at the top|bear with me|"
    r"(?:nothing|anything|(?:not|n[’']t) (?:have )?much) (?:(?:for you )?at|to start|"
    r"to open)(?: the top)?|go(?:ing)? (?:straight|right) (?:in)?to (?:your )?questions)",
    re.I,
)
"""A press call's or a briefing's housekeeping ("On today's call we have ...", "Joining me
today is ...", "Today I'm joined by ...", "We'll have a press call later ...", "the
speaker on this call is ...", "I'll turn it over to ...", "I do not have anything at the
top", "we're going to go straight to questions"): how the call runs, never its news."""
_BIO = re.compile(
    r"^(?:[A-Z][\w'’.-]+\s){1,3}(?:is|was)\s(?:a|an|the)\s(?:[\w-]+\s){0,6}"
    r"(?:writer|journalist|reporter|correspondent|columnist|editor|contributor|author|"
    r"enthusiast|blogger|analyst|commentator|freelancer|novelist|producer|host)s?\b"
    r"(?![^.]*\b(?:was|were|has been|had been) (?:killed|arrested|detained|charged|jailed|"
    r"sentenced|fired|freed|released|awarded|named))"
)
"""An author's bio line ("Robert Bridge is an American writer and journalist.", "JP ... is a
FinTech and Bitcoin enthusiast living in Belgium."): about the page's writer, not the
event (a journalist who was arrested or freed is news, and kept)."""


def housekeeping(text: str) -> bool:
    return bool(_HOUSEKEEPING.search(text))


def author_bio(text: str) -> bool:
    return bool(_BIO.match(text.strip())) and len(text.split()) <= 40


EVENT = 1.0
"""Score x (1 + EVENT) for a sentence that ``states_event``."""
CENTRALITY = 0.5
"""Score x centrality ** CENTRALITY: centrality favours long sentences that share many
words; a square root keeps it a tie-breaker between leads, not a reason to skip them."""
LEAD_DECAY = 1.0
"""Lead prior: score x (1 + LEAD_PRIOR / (1 + index) ** LEAD_DECAY)."""
ACT = 0.6
"""Score x (1 + ACT) for a sentence that names an act or a decision (announced, signed,
met, held, took place, will cancel, calls on ...)."""
ACT_ALL = False
"""Weigh acts in every article (True), or only in transcripts and speeches and in a
sentence opening on its time (False): in news, every sentence reports an act, and the
weight picked reporting lines ("... issued a statement saying ...") over the lead. In a
story with a transcript, acts count in all its articles (a readout's "will host" is
weighed as the call's is)."""
WHEN = 0.4
"""Score x (1 + WHEN) more for an act stated with its time ("Today", "on Nov. 2")."""
SOCIAL = 0.25
"""Score x SOCIAL for a greeting, a thanks, a welcome or a stage cue: the room, not the
event."""
RHETORIC = 0.5
"""Score x RHETORIC for a line of rhetoric or opinion ("I think ...", "We must ...",
"Yes, we are going to ..."), an exclamation, or scene-setting ("An atmosphere of ...")."""
SCENE = 0.25
"""Score x SCENE for a feature's scene-setting lead (``_SCENE``): like a greeting, the
setting, not the event."""
LEAD_WIDE = 8
"""Beyond the first ``LEAD_PARAGRAPHS``, a sentence of the first ``LEAD_WIDE`` paragraphs
that opens on its time ("Today, the President announced ...") may lead: a fact sheet's
event often follows a paragraph or three of background."""
TALK_SPAN = 25.0
"""In a transcript or a speech, the position prior fades over ``TALK_SPAN`` sentences
(1 + LEAD_PRIOR / (1 + index / TALK_SPAN)): the opening lines are greetings, the news
comes when the speaker gets to it."""
WIRE_LEAD = 0.5
"""Score x (1 + WIRE_LEAD) for the first sentence of agency copy (an article opening on
its dateline, "Pyongyang, August 15 (KCNA) -- ..."): wire copy states its event first, and a
short lead loses on centrality to the longer sentence after it."""
TALK_TITLE = True
"""A speech or a transcript whose best sentence names no act is summarised by its own
headline when the headline names the occasion ("Remarks by ... at ..."): see
``_occasion_title``."""
TITLE_FALLBACK = True
"""When no article of a story has any sentence that is not page furniture, its headline
(the outlet's own words, never a generated one) is the summary rather than none."""

_MARKUP = re.compile(r"\*\*|__|</?(?:u|b|i|em|strong|sub|sup|s)>|<!--.*?-->|\\(?=[\[\]#*_])")
_LINK = re.compile(r"\[([^\]]+)\]\((?:[^()\s]|\([^)\s]*\))*\)")
_DISFLUENT = re.compile(
    r"\b\w+-\s*[—–]|(?:^|,\s|[—–]\s)you know,|\bI mean\b(?! to)|\byou guys\b|\bin here\b|"
    r"^(?:we|i)\s+(?:really\s+|just\s+)?(?:want|wanted|would like|hope)\s+to\s+be\s+able\s+to\b|"
    r"\b((?:we|i|they|he|she|you)(?:[’'][a-z]+)?)(?: [\w’']+)? [—–] \1\b|"
    r"^(?:we|i)(?: are| am|[’']re|[’']m)? [—–]|"
    r"\byour (?:last |first |second |other )?(?:question|comment|point)\b",
    re.I,
)
"""Room talk in a transcript: a false start ("Some- — somebody"), a spoken "you know,", talk
of the room ("in here", "you guys"), an intention ("We really want to be able to ...")."""
_INVECTIVE = re.compile(
    r"\b(?:puppets?|maniacs?|stooges?|fascists?|traitors?|traitorous|warmongers?|"
    r"hell-bent|lackeys?|gangsters?|riff-raffs?|scum|despicable|bellicose|rubbish|hideous|"
    r"wicked|villains?|flunkeys?|servile|sycophan\w*|ruffians?|clique|rabid|brigandish)\b",
    re.I,
)
"""The epithets of a propaganda lead ("puppet Yoon, a war maniac and fascist stooge"):
two or more in a sentence is a verdict, not the act."""
_SCENE = re.compile(
    r"^(?:[A-Z]\w*\s+){0,4}?(?:the|an?)\s+(?:\w+\s+){0,2}(?:sun|sky|skies|moon|dawn|dusk|"
    r"air|wind|rain|snow|fog|mist|smoke|streets?|silence|smell|scent|sounds?|light|darkness|"
    r"mood|scene|crowds?|morning|night|evening)\b(?:\s+[\w’']+){0,4}?\s+(?:had|has|was|"
    r"were|hung|rose|fell|shone|filled|drifted|settled|echoed|smelled)\b|"
    r"\b(?:had|has|have)\s+(?:barely|scarcely|hardly|only just)\s+\w+",
    re.I,
)
"""A feature's scene-setting lead ("The sun had barely risen over the harbour when ...",
"The streets were quiet ..."): the place and its weather, told before the act."""


def scene(sentence: str) -> bool:
    """A scene-setting lead (``_SCENE``) that names no act: "The streets were flooded with
    fans after the Cubs won the World Series" tells the event in its clause, and is kept."""
    return bool(_SCENE.search(sentence)) and not _ACTS.search(_QUOTED.sub("", sentence))


_INVERTED = re.compile(r"^(?:Growing|Mounting|Rising|Spreading|Ever|Getting)\b[^,]{0,60}\bis\b")
"""A lead opening on an inverted predicate ("Growing stronger in X is the struggle ...")."""
_HEADER_LEAD = re.compile(
    r"^(?:(?:page \d+ of \d+|p\. ?\d+)\s*[|:–—-]?\s*|"
    r"(?:published|updated|posted|printed|clipped|last modified)\s*(?:on|at)?\s*:?\s*"
    r"[\w ,.:/-]{0,30}?\d{1,4}(?:\s*(?:[ap]\.?m\.?|gmt|utc|kst|est|edt))?\s*[|:–—-]?\s+)"
    r"(?=[A-Z\"“])",
    re.I,
)
"""A page's header run into the first sentence ("Page 1 of 3 ...", "Published : 2024-08-31
10:02 ..."): the page, not the story; it goes, the sentence stays."""
_HEADER = re.compile(
    r"\bpage \d+ of \d+\b|\bclipp(?:ed|ing) (?:from|by)\b|\bprint this (?:page|article)\b|"
    r"(?:\b[A-Z][\w&]*\s*[>»›]\s*){2,}[A-Z]",
    re.I,
)
"""Page header text left inside a sentence (a page count, "Clipped from ...", a breadcrumb):
such a sentence is never the summary."""
_THEREFORE = re.compile(r"^(?:Therefore|Accordingly|Now, therefore|NOW, THEREFORE),\s+")
"""A notice's or an order's operative clause opens on a connective and a lead-in
("Therefore, in accordance with section 202(d) of the Act, I am continuing for 1 year the
national emergency ..."): past both, its first-person act stands alone."""
_NUMBERING = re.compile(
    r"^(?:(?:Sec(?:tion)?\.?\s*\d+[a-z]?\.|\d{1,2}\.)\s*(?:\([a-z0-9]{1,4}\)\s*)*|"
    r"(?:\([a-z0-9]{1,4}\)\s*)+)(?=[A-Z])"
)
"""Legal numbering opening a sentence ("Section 1. (a) ", "2. (a) ", "(b) "): the order's
outline, not its words."""
_PROCLAIMS = re.compile(
    r"^(?:NOW, THEREFORE|Now, therefore|THEREFORE|Therefore),\s+(I, [^,]{3,40},\s+President of "
    r"the United States(?: of America)?),\s+by (?:virtue of )?the authority vested in me\b"
    r".{0,200}?,"
    r"\s+((?:do|hereby) .+)$"
)
"""A proclamation's operative sentence: the proclaiming clause without its preamble
connective and its authority clause ("I, JOSEPH R. BIDEN JR., President of the United
States of America, do hereby proclaim July 2, 2024, as ...")."""
_COLON_LEAD = re.compile(r"^[^:.!?]{3,40}:\s+(?=(?:I|We)\b)")
"""A short lead-in on a colon before the speaker's act ("Which brings me to today: I am
pleased to announce ...")."""
_SPOKEN_LEAD = re.compile(
    r"^(?:(?:shifting|switching|changing|turning)\s+(?:topics?|gears)|one (?:more|last) thing|"
    r"(?:and )?(?:finally|lastly)|quickly|if I (?:could|may)|"
    r"(?:so,? )?let me (?:just )?(?:say|add|note) (?:this|that|one thing)(?:,? since [^:]{0,80})?)"
    r"(?:,?\s*(?:if I (?:could|may)|real quick(?:ly)?|here))?\s*:\s+(?=(?-i:[A-Z]))",
    re.I,
)
"""A briefer's turn to the next topic on a colon ("Shifting topics, if I could: Today, we
also welcomed ...", "Let me just say this, since you asked about China: The National
Security Advisor ... met today ..."): no part of what is said."""
_OPERATIVE = re.compile(r",\s+((?:I|We)\s+(?:am|are|hereby|have|will|do)\b.*)$")
_END_MARK = re.compile(r"\s+-0-\s*$")
_DANGLING = re.compile(r",?\s+(?:including|such as|as follows|among them|namely)$", re.I)
_CLOCK = re.compile(r"^\(?\d{1,2}:\d{2}\s*[AP]\.?M\.?(?:\s+[A-Z]{2,4})?\)?$")
_QTURN = re.compile(r"^Q[.:]?\s+\S")
_FILLER = re.compile(
    r"^(?:So|Well|Now|Okay|OK|Look|Folks|And so|All right|Alright),\s+(?=[A-Za-z])"
)
_PERSON = re.compile(r"\b(?:I|I’m|I'm|we|we’re|we're|my|our|us|you|your)\b", re.I)
_SOCIAL = re.compile(
    r"^(?:thank|welcome|hello|apologies|sorry|hi\b|hey\b|good (?:morning|afternoon|evening)|happy |"
    r"congratulations|please|ladies and gentlemen|what a |how about |can we |to (?:our|all) |"
    r"let me (?:start|begin|say|thank|first)|i want to (?:thank|recognize|acknowledge|start|begin)|"
    r"i also want to (?:thank|recognize)|(?:and )?(?:thank you|thanks)\b(?! to))|"
    r"\b(?:thank you|(?:want|like) to thank|grateful|honored|honoured|"
    r"it[’']?s (?:so |really |such )?"
    r"(?:great|good|wonderful|an honor|a pleasure) to (?:be|see|have)|(?:so |very )?(?:glad|"
    r"delighted|excited|pleased|happy) to (?:be|see|welcome|join)|warm welcome)\b|"
    r"\((?:applause|laughter|cheers)",
    re.I,
)
_RHETORIC = re.compile(
    r"^[\"“‘]?(?:when i think|i think|i believe|i know|i hope|i mean|i really|you know|"
    r"as (?:many of )?(?:you|we) (?:all )?know|as [\w’']+ (?:told|said to) you|yes,|no,|and i |"
    r"we must|we can[’']?t|we cannot|we will not|we won[’']?t|let[’']?s|let us|imagine|"
    r"think about|in this moment|as (?:a|the) leader|an atmosphere|the era|there is no|"
    r"whether (?!or not\b)|not only because|"
    r"it is (?:time|clear)|this is (?:about|not about|why)|"
    r"(?:second|secondly|third|thirdly|fourth|fifth|finally|lastly|next),\s|"
    r"i (?:will|can|have to|must|got to|gotta) tell you|i[’']ll tell you|let me tell you)|"
    r"!\s*$|"
    r"\b(?:am|are|is|remain|remains) (?:deeply |firmly |fully |strongly |absolutely )?"
    r"(?:committed|dedicated|determined) to\b|\bcommitment to [^.]{0,80}\b(?:is|remains) "
    r"(?:ironclad|unwavering|steadfast|unshakable)",
    re.I,
)
_ACTS = re.compile(
    r"\b(?:announc\w*|sign(?:ed|ing)?|(?<!by )(?<!the )(?<!of )(?<!no )(?<!any )(?<!all )signs|"
    r"launch\w*|approv\w*|declar\w*|nominat\w*|"
    r"appoint\w*|invited [^.]{0,80}\bto serve|"
    r"cancel\w*|forgiv\w*|discharg\w*|passed|passing|pass(?:es)? the|"
    r"met|meets?|meeting with|host(?:ed|s|ing)?|staged|visit(?:ed|s|ing)?|held|hold(?:s|ing)|"
    r"took place|convened?|call(?:ed|s|ing)? (?:on|for)|urg(?:ed|es|ing)|order(?:ed|s)|"
    r"establish\w*|unveil\w*|introduc\w*|award\w*|releas\w*|issu(?:ed|es|ing)|"
    r"empower(?:ed|s|ing)|taking (?:another |a )?(?:historic |new |major )?(?:step|action)s?|"
    r"sent|sends?|receiv(?:ed|es)|kill\w*|arrest\w*|fired|launched|struck|attack(?:ed|s)|"
    r"agreed|decided|resign\w*|elected|won|returned|addressed|committed|pledg\w*|"
    r"propos\w*|invest(?:ed|s|ing)|award|banned|(?:to|will|would) ban|sanction\w*|"
    r"will (?:host|sign|"
    r"travel|visit|meet|announce|launch|cancel|deliver|provide|send|lead|convene|unveil|"
    r"participate|attend|welcome))\b(?!\s+by\b)",
    re.I,
)
_RECORD = re.compile(
    r"\b(?:I|we)(?:\s+(?:have|had)|[’']ve|[’']d)?\s+(?:(?:also|already|since|together|"
    r"personally|proudly|then|once|long|now)\s+)?(?:[a-z]{3,}ed|took|led|won|made|fought|"
    r"brought|built|gave|held|met|stood|went|got|passed|signed|sent|cut|put|kept|ran)\b",
    re.I,
)
"""A speaker's record ("As attorney general of California, I took on the big Wall Street
banks", "President Biden and I have also addressed many long-standing inequities"): a
first-person act in the past with no time of the occasion, told in a speech; the speech is
the event, not the record it recalls ("I just signed", "Today, we announced" are kept)."""


_JUST = re.compile(r"\b(?:I|we)(?:[’']ve| have)? just\b", re.I)
_OWN_ACT = re.compile(
    r"\b(?:I|we)(?:"
    r"(?:[’'](?:m|re|ll)|\s+(?:am|are|will|shall))\s+(?:(?:also|just|now|today|tonight|hereby|"
    r"officially|formally|be|proud|pleased|happy|honou?red|excited|glad|delighted|going|here)"
    r"\s+(?:to\s+)?){0,3}(?:announc|sign|launch|nominat|appoint|direct|order|invit|establish|"
    r"designat|proclaim|declar|award|releas|approv|veto|withdraw|extend|commut|pardon|"
    r"propos|host|convene|call(?:ing)? (?:on|for|upon)|step(?:ping)? down|"
    r"pass(?:ing)? the torch)\w*|"
    r"(?:[’']ve|\s+have)\s+(?:(?:also|just|now|today|officially|formally)\s+)?(?:decided|chosen|"
    r"asked|directed|instructed|ordered|invited|nominated|appointed|determined)|"
    r"\s+(?:(?:hereby|officially|formally|now|proudly)\s+)?(?:announce|proclaim|declare|"
    r"direct|nominate|appoint|designate|launch|unveil|establish)"
    r"|\s+hereby\s+\w+)\b",
    re.I,
)
"""The speaker's own act, now ("I've decided the best way forward is to pass the torch",
"I am pleased to announce", "I'll be signing nine bills", "I hereby delegate", "Today, I
am nominating", "Today, we officially launch ..."): in a speech or a statement, the
decision is the news."""
_NOW = re.compile(
    r"\b(?:today|tonight|tomorrow|this (?:morning|afternoon|evening|week)|right now|"
    r"in (?:just )?a (?:moment|minute|few (?:minutes|moments))|just)\b|"
    r"\bwill (?:also |then |now |soon )?(?:be )?(?:host|sign|travel|visit|meet|announc|launch|"
    r"deliver|hold|lead|participat|attend|join|convene|welcom|receiv|unveil|releas|issu|award|"
    r"nominat|establish|propos|introduc)\w*|"
    rf"\b(?:{WEEKDAY_RE})\b",
    re.I,
)
"""The time of the occasion, or what is to come: a speech's act stated so is its news."""
_SIDE = re.compile(r"\b(?:also|separately|additionally)\s+(?:be\s+)?(\S+(?:\s+\S+)?)", re.I)
"""A side item ("The Vice President will also meet separately with ...", "Today, I'm also
signing a bill to ..."): an act besides the main one."""
SIDE = 0.35


def side_item(sentence: str) -> bool:
    """An act told as a side item: "also" or "separately" right before the act's verb
    ("will also meet", "I'm also signing"), not in a clause about something else ("...
    several of which have also been targeted")."""
    t = _QUOTED.sub("", sentence)
    return any(_ACTS.match(m.group(1)) for m in _SIDE.finditer(t))


"""Score x SIDE for an act told as a side item (``_SIDE``)."""
OWN_ACT = 4.0
"""Score x (1 + OWN_ACT) for the speaker's own act now (``own_act``) where acts weigh."""
_OPERATIVE_ACT = re.compile(
    r"\b(?:do|does)\s+hereby\s+(?!order as follows)\w+|\bI\s+hereby\s+(?!order as follows)\w+|"
    r"^There (?:is|are) (?:hereby )?established\b",
    re.I,
)
"""An order's or a proclamation's operative clause ("... do hereby proclaim July 2, 2024,
as ...", "I hereby delegate to ...", "There is established ... a Board ..."): the act, told
after the preamble's background; "I hereby order as follows:" only opens the list."""
OPERATIVE = 3.0
"""Score x (1 + OPERATIVE) for an operative clause, which may lead from any paragraph."""


def own_act(sentence: str) -> bool:
    """The speaker's own act now (``_OWN_ACT``), outside quotations."""
    return bool(_OWN_ACT.search(_QUOTED.sub("", sentence)))


def now_act(sentence: str) -> bool:
    """An act of the occasion: the speaker's own (``own_act``), or one told with the time of
    the occasion or to come ("Today, the President signed", "The President will host").
    An act of the record ("... came and attacked the Capitol" on January 6th) is not."""
    t = _QUOTED.sub("", sentence)
    return own_act(t) or (bool(_ACTS.search(t)) and bool(_NOW.search(t)))


def operative(sentence: str) -> bool:
    return bool(_OPERATIVE_ACT.search(sentence)) and not sentence.rstrip().endswith(":")


def record(sentence: str) -> bool:
    """A first-person act in the past with no time (``_RECORD``), outside quotations."""
    t = _QUOTED.sub("", sentence)
    return (
        bool(_RECORD.search(t))
        and not _TIME.search(t)
        and not _JUST.search(t)
        and not _TO_SERVE.search(t)
        and not own_act(t)
    )


_TO_SERVE = re.compile(r"\b(?:invited|asked|chosen|selected|tapped)\b[^.]{0,80}\bto serve\b")
"""An invitation to serve ("I have invited Bill Burns ... to serve as a member of my
Cabinet"): the nomination made, not a record."""


_OCCASION = re.compile(
    r"\bwelcome (?:you |everyone |all )?to (?:the )?[A-Z][\w’']+[^.!?]* (?:at|in) (?:the )?[A-Z]"
)
"""A welcome that names the occasion and its place ("welcome to July Fourth at the White
House"): at a ceremony, the greeting is the event."""
_PRAISE = re.compile(
    r"^(?:[A-Z][\w.'’-]+\s){1,4}(?:is|has been|was|remains) (?:a|an|one of (?:the|our)) "
    r"(?:[\w-]+,? (?:and )?){0,4}(?:leaders?|public servants?|patriots?|friends?|champions?|"
    r"diplomats?|voices?|legends?|icons?|giants?|heroes|hero|examples?|forces?|talents?|"
    r"treasures?|visionar(?:y|ies)|pioneers?)\b"
)
"""Praise of a person ("Dana Reyes is a leader of rare skill ...", "Tony was an American
icon"): a statement's tribute, told before or after its act (the nomination, the death)."""
_QUOTE_LEAD = re.compile(
    r"^[\"“][^\"“”]{20,}[,.?!]?[\"”],?\s+(?:\w+\s){0,4}(?:said|says|told|wrote)\b"
)
"""A sentence that opens on a whole quotation and then its speaker ("'Cryptocurrencies are
almost a perfect vehicle for scams,' said a professor"): a view, told before the event."""
_QUOTED = re.compile(r"[\"“][^\"“”]*[\"”]")
"""A quotation: an act inside one is said, not done ("... I held you in my arms")."""
_OPENS_ON_TIME = re.compile(
    r"^(?:today|tonight|tomorrow|yesterday|this (?:morning|afternoon|evening|week)|earlier today|"
    rf"(?:on )?{WEEKDAY_RE}|"
    r"(?:on )?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{1,2})\b",
    re.I,
)


def tidy(sentence: str) -> str:
    """The sentence as a reader sees it: Markdown emphasis, links and inline tags dropped
    (a link keeps its words), a transcript's speaker label and a spoken filler ("So,",
    "Well,") trimmed off the front, a news agency's end mark ("-0-") off the back, a closing
    colon made a full stop. Characters go; no word is added or changed but the first
    letter's case."""
    s = _LINK.sub(r"\1", sentence)
    s = _MARKUP.sub("", s)
    s = _END_MARK.sub("", s)
    s = " ".join(s.split())
    h = _HEADER_LEAD.sub("", s, count=1)
    if h != s and len(h.split()) >= MIN_WORDS:
        s = h
    s = SPEAKER_LABEL.sub("", s, count=1)
    m = _THEREFORE.match(s)
    if m:  # "Therefore, in accordance with section 202(d) ..., I am continuing ..."
        rest = s[m.end() :]
        act = _OPERATIVE.search(rest) if _LEAD_IN.match(rest) else None
        if act and len(act.group(1).split()) >= MIN_WORDS:
            s = act.group(1)
    n = _NUMBERING.sub("", s, count=1)  # "Section 1. (a) I hereby delegate ..."
    if n != s and len(n.split()) >= MIN_WORDS and n[:1].isupper():
        s = n
    m = _PROCLAIMS.match(s)
    if m:  # "NOW, THEREFORE, I, JOSEPH R. BIDEN JR., ..., by virtue of ..., do hereby proclaim"
        s = f"{m.group(1)}, {m.group(2)}"
    m = _COLON_LEAD.match(s)
    if m and own_act(s[m.end() :]) and len(s[m.end() :].split()) >= MIN_WORDS:
        s = s[m.end() :]  # "Which brings me to today: I am pleased to announce ..."
    m = _SPOKEN_LEAD.match(s)
    if m and len(s[m.end() :].split()) >= MIN_WORDS:
        s = s[m.end() :]  # "Shifting topics, if I could: Today, we also welcomed ..."
    t = _FILLER.sub("", _FILLER.sub("", s, count=1), count=1)  # "Now, look, ..."
    if t != s and len(t.split()) >= MIN_WORDS:
        s = t[:1].upper() + t[1:]
    if s.endswith(":"):
        s = s[:-1].rstrip()
        cut = _DANGLING.search(s)
        if cut and len(s[: cut.start()].split()) >= MIN_WORDS:
            s = s[: cut.start()]  # "..., including:" ends where the list began
        s += "."
    return s


def talk(article: Article) -> bool:
    """A transcript or a speech: a speaker label or a clock line ("7:32 P.M. EDT") among its
    first paragraphs, or remarks as prepared: opening on a greeting or a thanks, and mostly
    in the first and second person over the first ten sentences (a news story quoting a
    post in the first person does not open on a thanks)."""
    paras = article.paragraphs[:8]
    if any(SPEAKER_LABEL.match(p) or _CLOCK.match(p.strip()) for p in paras):
        return True
    if _REMARKS_TITLE.match(" ".join(article.title.split())):
        return True  # "Remarks as Prepared for Delivery by ...": a speech by its headline
    sents = [
        c.text
        for c in candidates([article])[:12]
        if len(c.text.split()) >= 3 and not _PLACE.match(c.text.strip())
    ][:10]
    return (
        len(sents) >= 4
        and bool(_SOCIAL.search(sents[0]))
        and sum(bool(_PERSON.search(x)) for x in sents) >= 0.6 * len(sents)
    )


_REMARKS_TITLE = re.compile(r"^(?i:remarks)\s+(?i:by|as prepared|of)\b")
"""A speech's headline ("Remarks by ...", "Remarks as Prepared for Delivery by ...")."""


def speech_headline(title: str) -> bool:
    """A headline naming a speech or a call and its occasion ("Remarks by ...", "Background
    Press Call ... Previewing ..."): its words are the occasion, not the news."""
    t = headline_case(" ".join(title.split()))
    return bool(_REMARKS_TITLE.match(t) or _OCCASION_TITLE.match(t))


_ITEM = re.compile(r"^\s*(?:[-•*]|\d{1,2}[.)])\s+\S")


def roundup(article: Article) -> bool:
    """A digest of other items (a press review: "Following are major news items ...:" and
    then a list): its opening paragraph ends on a colon and the next is a list item."""
    paras = article.paragraphs
    return len(paras) >= 2 and paras[0].rstrip().endswith(":") and bool(_ITEM.match(paras[1]))


def banter(turn: str) -> bool:
    """A reporter's turn that is small talk, not a question ("Q Hello.", "Q Kick the
    tires."): under eight words with no question mark."""
    t = turn.strip()
    return bool(_QTURN.match(t)) and "?" not in t and len(t.split()) < 8


def verdict(sentence: str) -> bool:
    """A propaganda verdict rather than an act: an inverted lead ("Growing stronger ... is
    the struggle") or two epithets or more ("puppet", "war maniac", "stooge")."""
    return bool(_INVERTED.match(sentence)) or len(_INVECTIVE.findall(sentence)) >= 2


def talk_window(article: Article) -> int:
    """The paragraphs of a transcript before its first question ("Q ..."): the prepared
    statement, where the speaker says what is announced; all of them when it opens on one."""
    for k, p in enumerate(article.paragraphs):
        if k >= 3 and _QTURN.match(p.strip()) and not banter(p):
            return k
    return len(article.paragraphs)


def score_sentence(
    c: Candidate,
    centrality: float,
    title: set[str],
    spoken: bool = False,
    acts_count: bool = False,
    wire: bool = False,
    occasion: bool = False,
) -> float:
    told = len(title & set(tokens(c.text))) / len(title) if title else 0.0
    idx = c.rank_in_article
    prior = (
        1 + LEAD_PRIOR / (1 + idx / TALK_SPAN)
        if spoken
        else 1 + LEAD_PRIOR / (1 + idx) ** LEAD_DECAY
    )
    acts = (
        (spoken or acts_count or ACT_ALL or bool(_OPENS_ON_TIME.match(c.text)))
        and bool(_ACTS.search(_QUOTED.sub("", c.text)))
        and not (spoken and record(c.text))
    )
    when = acts and bool(_TIME.search(c.text) or _OPENS_ON_TIME.match(c.text))
    mine = acts and own_act(c.text)
    side = acts and side_item(c.text)
    return (
        max(centrality, 1e-6) ** CENTRALITY
        * prior
        * (1 + CUE) ** cues(c.text)
        * (1 + (TALK_TITLE_WEIGHT if spoken and occasion else TITLE) * told)
        * (1 + EVENT * states_event(trim(c.text)))  # judged as the reader gets it
        * (1 + ACT * acts)
        * (1 + WHEN * when)
        * (1 + OWN_ACT * mine)
        * (SIDE if side else 1.0)
        * (1 + OPERATIVE * operative(c.text))
        * (SOCIAL if _SOCIAL.search(c.text) and not _OCCASION.search(c.text) else 1.0)
        * (RHETORIC if _RHETORIC.search(c.text) and not _OCCASION.search(c.text) else 1.0)
        * (RHETORIC if _QUOTE_LEAD.match(c.text) else 1.0)
        * (RHETORIC if spoken and _DISFLUENT.search(trim(c.text)) else 1.0)
        * (RHETORIC if verdict(c.text) else 1.0)
        * (RHETORIC if _PRAISE.match(c.text) else 1.0)
        * (SCENE if not spoken and scene(c.text) else 1.0)
        * (1 + WIRE_LEAD * (wire and c.rank_in_article == 0 and not verdict(c.text)))
    )


def _joined(cands: list[Candidate]) -> list[tuple[int, Candidate]]:
    """A short opening sentence ("Sonya Massey deserved to be safe.") joined with the next
    of its paragraph, as one candidate: the name is in the first, the act in the second."""
    out = []
    for k, c in enumerate(cands[:-1]):
        nxt = cands[k + 1]
        n = len(c.text.split())
        if (
            c.rank_in_article == 0
            and 4 <= n < MIN_WORDS
            and nxt.article == c.article
            and nxt.paragraph == c.paragraph
            and n + len(nxt.text.split()) <= MAX_WORDS
        ):
            out.append((k, replace(c, text=f"{c.text} {nxt.text}")))
    return out


def _quoted_parts(cands: list[Candidate]) -> list[tuple[int, Candidate]]:
    """The later sentences of a quotation of several sentences (which ``candidates`` keeps
    as one), each as a candidate with its quotation's place: a statement that is one long
    quotation of its author ("'When I think of climate change ... Today my Administration
    is empowering ...'") states its act inside it. A quote mark left open or closed by the
    cut goes (characters go; no word is added)."""
    out = []
    for k, c in enumerate(cands):
        if c.text[:1] not in '"“':
            continue
        parts = split_sentences(c.text)
        for part in parts[1:]:
            t = part.strip()
            if t.count("“") + t.count("”") == 1 or t.count('"') == 1:
                t = t.strip('"“” ')
            if t:
                out.append((k, replace(c, text=t)))
    return out


def summarise_story(
    articles: Sequence[Article],
    topic_terms: Sequence[re.Pattern[str]] = (),
    on_topic: bool = False,
) -> Summary | None:
    """The story's summary; None only when no article has a sentence that is not page
    furniture and none has a title (``TITLE_FALLBACK``). ``on_topic``: the story is in the
    digest for its topic (its anchors meet); a transcript's summary then names one of the
    topic's terms when a usable sentence of its opening does ("the president is looking
    forward to hosting the leaders ... for the NATO summit", not the briefer's first line
    on the economy)."""
    if not articles:
        return None
    raw = candidates(articles)
    if not raw:
        return _fallback(articles)
    scores = rank(raw, topic_terms=topic_terms)
    cands = [replace(c, text=tidy(c.text)) for c in raw]
    pairs = _joined(cands)
    titles = [set(tokens(a.title)) for a in articles]
    spoken = [talk(a) for a in articles]
    windows = [talk_window(a) if sp else LEAD_WIDE for a, sp in zip(articles, spoken, strict=True)]

    lists = [roundup(a) for a in articles]
    occasions = [speech_headline(a.title) for a in articles]
    wire = [
        bool(a.paragraphs) and without_dateline(a.paragraphs[0]) != a.paragraphs[0]
        for a in articles
    ]

    def in_window(c: Candidate) -> bool:
        if lists[c.article]:  # a roundup is told by its opening line, not its first item
            return c.paragraph == 0
        if spoken[c.article]:
            return c.paragraph < windows[c.article] or operative(c.text)
        return (
            c.paragraph < LEAD_PARAGRAPHS
            or (
                c.paragraph < LEAD_WIDE
                and bool(_OPENS_ON_TIME.match(c.text))
                and states_event(c.text)
            )
            or operative(c.text)
        )

    # Wire copy opening on a verdict ("puppet ... stooge"): its act is further down, and is
    # weighed there ("The 105th candlelight rally was held in Seoul on August 31 ...").
    firsts = {c.article: c.text for c in reversed(cands) if c.rank_in_article == 0}
    verdict_lead = [w and verdict(firsts.get(i, "")) for i, w in enumerate(wire)]
    pool = [(c, scores[k]) for k, c in enumerate(cands)]
    pool += [(p, scores[k]) for k, p in pairs]
    n_pairs = len(pool)
    pool += [(q, scores[k]) for k, q in _quoted_parts(cands)]
    whole = [usable(c.text) and not trim(c.text).endswith("…") for c, _ in pool]
    if not any(whole):  # every usable sentence needs a hard cut: take those then
        whole = [usable(c.text) for c, _ in pool]
    lead_ok = any(ok and in_window(c) for (c, _), ok in zip(pool, whole, strict=True))
    best, best_score = None, 0.0
    for k, (c, cent) in enumerate(pool):
        if (lead_ok and not in_window(c)) or not whole[k]:
            continue  # the lead first; any paragraph when none of it will do
        acts_count = any(spoken) or verdict_lead[c.article]
        s = score_sentence(
            c,
            cent,
            titles[c.article],
            spoken[c.article],
            acts_count,
            wire[c.article],
            occasions[c.article],
        )
        if best is None or s > best_score:
            best, best_score = k, s
    if best is None:
        return _relaxed(articles, cands, scores) or _fallback(articles)
    if on_topic and topic_terms and spoken[pool[best][0].article]:
        named = _on_topic(pool, best, whole, in_window, topic_terms)
        c, art = pool[named][0], articles[pool[named][0].article]
        if named != best and _occasion_title(art, trim(c.text), True) is None:
            best = named  # a sentence the headline would stand in for says less
    first = pool[best][0]
    occasion = _occasion_title(
        articles[first.article], trim(first.text), spoken[first.article]
    ) or _passing_title(articles[first.article], trim(first.text))
    if occasion is not None:
        return Summary(text=occasion, sources=(articles[first.article].source,))
    art = articles[first.article]
    text = attributed(art, first, spoken[first.article])
    sources = [art.source]
    if (
        best < len(cands)
        and raw[best].text.rstrip().endswith(":")
        and (_FOLLOWING.search(raw[best].text) or _LIST_OBJECT.search(raw[best].text))
        and not _QUOTED.search(_TITLED.sub("", raw[best].text))
    ):  # "X released the following press statement on Monday:" and what it says; "the
        # President signed into law:" and the first law
        said = next(
            (
                c
                for c in cands
                if c.article == first.article and c.rank_in_article == first.rank_in_article + 1
            ),
            None,
        )
        # a list item ends on its own stop ("...;"): read as the sentence it is
        item = re.sub(r"\s*[;,]$", ".", said.text.rstrip()) if said is not None else ""
        # the statement's quoted title goes before what it says does, when both pass 60
        for lead in (text, _TITLED.sub("", text)):
            if item and usable(item) and len(lead.split()) + len(item.split()) <= MAX_WORDS:
                return Summary(text=f"{lead[:-1]}: {item}", sources=(art.source, art.source))
    if len(cands) <= best < n_pairs:  # a joined pair: two source sentences already
        sources.append(articles[first.article].source)
        return Summary(text=text, sources=tuple(sources))
    if best >= n_pairs:  # one sentence of a longer quotation
        return Summary(text=text, sources=tuple(sources))
    nxt = next(
        (
            j
            for j, c in enumerate(cands)
            if c.article == first.article and c.rank_in_article == first.rank_in_article + 1
        ),
        None,
    )
    if (
        nxt is not None
        and not raw[best].text.rstrip().endswith(":")  # a list's opening line stands alone
        and len(trim(first.text).split()) < SHORT  # the sentence's own length, not its speaker's
        and follows(cands[nxt].text)
        and not side_item(cands[nxt].text)  # the main act, not the one besides it
        and len(text.split()) + len(cands[nxt].text.split()) <= MAX_WORDS
    ):
        text = f"{text} {cands[nxt].text}"
        sources.append(articles[first.article].source)
    return Summary(text=text, sources=tuple(sources))


_OCCASION_TITLE = re.compile(
    r"^(?:Remarks|Readout|Background Press Call|Press Call|Press Gaggle|Press Briefing|"
    r"Address|Speech|Interview)\b[^|]*?\b(?i:at|during|before|after|on|to|in|with|celebrating|"
    r"previewing|marking)\s+(?:the\s|a\s|an\s)?[A-Z0-9]"
)


_SIGNING = re.compile(r"\b(?:at|and) (?:the )?(?:bill )?signing of\b|\bbill signing\b", re.I)
"""A headline naming a signing ceremony ("Remarks by President Biden at Signing of S. 2938,
the Bipartisan Safer Communities Act")."""
_SIGN_NOW = re.compile(r"\bsign(?:s|ing)?\b(?! of\b)", re.I)


def signs_now(sentence: str) -> bool:
    """The sentence says a signing happens now ("as I sign a proclamation", "I just signed",
    "Today, the President signed ..."), not one of the record ("when he signed the law")."""
    t = _QUOTED.sub("", sentence)
    if _SIGN_NOW.search(t):
        return True
    return bool(re.search(r"\bsigned\b", t)) and bool(_TIME.search(t) or _JUST.search(t))


def _on_topic(
    pool: Sequence[tuple[Candidate, float]],
    best: int,
    whole: Sequence[bool],
    in_window: Callable[[Candidate], bool],
    terms: Sequence[re.Pattern[str]],
) -> int:
    """``best``, or when it names none of the topic's terms, the most central usable
    sentence of the same window that names one."""
    if any(p.search(pool[best][0].text) for p in terms):
        return best
    named = [
        k
        for k, (c, _) in enumerate(pool)
        if whole[k] and in_window(c) and any(p.search(c.text) for p in terms)
    ]
    return max(named, key=lambda k: pool[k][1]) if named else best


def _occasion_title(article: Article, chosen: str, spoken: bool) -> str | None:
    """A speech's or a transcript's headline ("Remarks by Vice President Harris During Visit
    of Los Angeles Fire Station 39"), when its best sentence names no act (a line of the
    speech, "As many of you know, before I was elected ..."): the headline says who spoke,
    where and on what occasion; a line of talk does not (``TALK_TITLE``). At a signing
    ceremony, a line that does not say the speaker signs (an act of the record, "when I
    signed the law ...", or another act, "Jill and I will be hosting ...") gives way to the
    headline that does: the signing is the event."""
    if not TALK_TITLE or not spoken or _OCCASION.search(chosen):
        return None  # a welcome naming the occasion and its place says more
    t = re.sub(r"\s*\|\s*", ", ", " ".join(article.title.split())).strip(" ,")
    signs = bool(_SIGNING.search(t)) and not signs_now(chosen)
    if (
        _ACTS.search(_QUOTED.sub("", chosen))
        and (states_event(chosen) or own_act(chosen))
        and not _RHETORIC.search(chosen)
        and not _SOCIAL.search(chosen)
        and not record(chosen)
        and not signs
        and now_act(chosen)
    ):
        return None
    t = headline_case(t)
    if not _OCCASION_TITLE.match(t) or len(t.split()) > MAX_WORDS:
        return None
    place = _place_line(article)
    # "Helsinki, Finland" is in the headline already; so is "Private Residence McLean,
    # Virginia" after "..., McLean, VA" (its town is)
    heads = set(re.findall(r"[A-Z][\w’'.-]{3,}", t))
    named = place is not None and (
        any(part.strip().lower() in t.lower() for part in place.split(","))
        or any(w in heads for w in re.findall(r"[A-Z][\w’'.-]{3,}", place) if w not in _VENUES)
    )
    if place and not named and len(t.split()) + len(place.split()) <= 40:
        t = f"{t}, {place}"
    return t


_VENUES = frozenset(
    ["Private", "Residence", "Hotel", "Center", "Centre", "Hall", "Room", "Building"]
)
"""Words of a venue, not of its town: no sign the headline names the place."""


_PASSING_TITLE = re.compile(
    r"^Statement (?:from|by|of) [^|]{3,80}? on the (?:Passing|Death) of [A-Z][^|]{2,80}$"
)
_DEATH = re.compile(
    r"\b(?:died|dies|dead|death|passed|passing|passes|loss|lost|mourn\w*|grie\w*|killed)\b",
    re.I,
)


def _passing_title(article: Article, chosen: str) -> str | None:
    """A statement on a death ("Statement from President Joe Biden on the Passing of
    Representative Sheila Jackson Lee"), when its best sentence is praise that never says
    the person died ("Always fearless, she spoke truth to power ..."): the headline says
    who speaks on what; the praise does not."""
    t = headline_case(" ".join(article.title.split()))
    if not _PASSING_TITLE.match(t) or _DEATH.search(chosen) or len(t.split()) > MAX_WORDS:
        return None
    return t


_SMALL = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "of",
        "at",
        "on",
        "in",
        "to",
        "by",
        "for",
        "with",
        "from",
        "during",
        "before",
        "after",
        "as",
        "into",
        "via",
    ]
)


def headline_case(title: str) -> str:
    """An all-capitals headline in title case ("REMARKS BY VICE PRESIDENT HARRIS AT A CALL
    TO ACTION ROUNDTABLE WITH CEOs" -> "Remarks by Vice President Harris at a Call to Action
    Roundtable with CEOs"): only the letters' case changes. Any other headline unchanged."""
    letters = [ch for ch in title if ch.isalpha()]
    if not letters or sum(ch.isupper() for ch in letters) < 0.8 * len(letters):
        return title
    words = title.split()
    out = []
    for k, w in enumerate(words):
        if not w.isupper():
            out.append(w)  # "CEOs" is written so
        elif k and w.lower() in _SMALL:
            out.append(w.lower())
        else:
            out.append(w[:1] + w[1:].lower())
    return " ".join(out)


_PLACE = re.compile(
    r"^[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3},\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2}$"
)


def _place_line(article: Article) -> str | None:
    """A transcript's place line before its clock or first turn ("Las Vegas, Nevada"): a
    short "Town, State" line with no full stop among its first paragraphs."""
    for p in article.paragraphs[:4]:
        q = p.strip()
        if _CLOCK.match(q) or SPEAKER_LABEL.match(q):
            return None
        if _PLACE.match(q) and len(q.split()) <= 6:
            # a venue line that repeats its town ("Rehoboth Beach Rehoboth Beach, Delaware")
            return re.sub(r"^(.+?) \1(?=,)", r"\1", q)
    return None


_LIST_OBJECT = re.compile(
    r"\b(?:signed|enacted) into law\s*:$|\b(?:signed|approved|vetoed) the following\b[^:]*:$", re.I
)
"""A lead whose object is the list after it ("On Tuesday, the President signed into law:"):
alone it says no act."""
_TITLED = re.compile(r"\s*\btitled\s+[\"“][^\"“”]*[\"”]")
"""A statement's quoted title ("a press statement titled \"Provocateurs can never evade
...\", which said:"): its name, not a quotation of what it says."""
_FOLLOWING = re.compile(
    r"\bthe following (?:press |joint )?(?:statement|article|commentary|report|message|letter|"
    r"answer|interview|speech|address|notice|declaration|communique)\b|"
    r"\bfollowing are (?:the )?(?:major |main )?news items\b|"
    r"\b(?:statement|article|commentary|report|message|letter|notice|declaration|"
    r"communique)\b[^:]*,\s*(?:which|that) (?:said|says|read|reads|stated|states)\s*:$",
    re.I,
)
"""A statement's announcing line ("Kim Yo Jong ... released the following press statement on
Monday:"): it names the statement, the next sentence says what it says. Also a press
review's ("Following are major news items ... on Tuesday:"), read with its first item."""
_FIRST_PERSON = re.compile(
    r"^(?:[\w’',]+\s+){0,8}?(?:I|We|we|I[’'](?:m|ve|ll|d)|[Ww]e[’'](?:re|ve|ll|d))\b"
)
_REMOTE = re.compile(r"\b(?:via|teleconference|telephon\w*|virtual\w*|by phone)\b", re.I)
_VENUE = re.compile(r"^[A-Z][\w.&'’-]*(?:\s+[A-Z0-9][\w.&'’-]*){0,5}$")


def place_of(article: Article) -> str | None:
    """Where a speech or a transcript was given: its place line ("Los Angeles, California"),
    else a short venue line before its clock or first turn ("East Room")."""
    place = _place_line(article)
    if place:
        return place
    for p in article.paragraphs[:3]:
        q = p.strip()
        if _CLOCK.match(q) or SPEAKER_LABEL.match(q):
            return None
        if _VENUE.match(q) and len(q.split()) <= 5 and not _REMOTE.search(q):
            return q
    return None


def attributed(article: Article, c: Candidate, spoken: bool) -> str:
    """The summary sentence, trimmed; a sentence in the first person ("I've decided the best
    way forward is to pass the torch ...") opens on who says it, on what occasion and
    where, in the headline's and the place line's own words ("President Biden in Statement
    to the American People: ...", "Vice President Harris at the In Her Hands Launch, Los
    Angeles, California: ..."), so the reader has the actor (``ATTRIBUTE``). A turn by
    someone else the headline names gets that name alone ("Matthew McConaughey: ...").
    Within ``MAX_WORDS`` words in all: the place goes first, then the occasion."""
    text = trim(c.text)
    if not ATTRIBUTE or not _FIRST_PERSON.match(text):
        return text
    who = speaker_of(article, c.paragraph)
    if who is None:
        return text
    title = " ".join(headline_case(article.title).split())
    m = HEADLINE_SPEAKER.search(title)
    heads = [who]
    if m and m.group(1).rstrip(" ,") == who:
        occasion = re.split(r"\s*\|\s*", title[m.start(1) :])[0].rstrip(" .,:")
        if len(occasion.split()) <= ATTRIBUTION_WORDS:
            heads.insert(0, occasion)
    where = place_of(article) if spoken else None
    if where:
        heads = [
            f"{h}, {where}"
            for h in heads
            if not any(part.strip().lower() in h.lower() for part in where.split(","))
        ] + heads
    for head in heads:
        head = head[:1].upper() + head[1:]
        n = MAX_WORDS - len(head.split())
        body = trim(c.text, n)
        if n >= MIN_WORDS and (len(c.text.split()) <= n or not body.endswith("…")):
            return f"{head}: {body}"
    return text


ATTRIBUTION_WORDS = 16
"""The headline's speaker and occasion open a first-person summary when they are at most
this many words ("President Biden in Statement to the American People"); else the speaker."""
ATTRIBUTE = True
"""Open a first-person summary on its speaker and place (``attributed``)."""


def follows(text: str) -> bool:
    """A sentence that may follow the summary's first: usable, or a short statement of four
    words or more ("Unemployment benefits have reached historic lows.")."""
    return usable(text) or (
        len(text.split()) >= 4
        and not is_question(text)
        and not lone_quote(text)
        and not furniture(text)
        and not opens_on_referent(text)
        and not _SOCIAL.search(text)
        and not _RHETORIC.search(text)
    )


def _relaxed(
    articles: Sequence[Article], cands: list[Candidate], scores: list[float]
) -> Summary | None:
    """When no sentence is usable: the best sentence of four words or more that is not page
    furniture or a question (a short line, a quotation, one leaning on the sentence
    before), rather than no summary."""
    ok = [
        k
        for k, c in enumerate(cands)
        if len(c.text.split()) >= 4 and not furniture(c.text) and not is_question(c.text)
    ]
    if not ok:
        return None
    titles = [set(tokens(a.title)) for a in articles]
    k = max(ok, key=lambda j: score_sentence(cands[j], scores[j], titles[cands[j].article]))
    return Summary(text=trim(cands[k].text), sources=(articles[cands[k].article].source,))


def _fallback(articles: Sequence[Article]) -> Summary | None:
    """The headline of the story's first titled article, when ``TITLE_FALLBACK``."""
    if not TITLE_FALLBACK:
        return None
    for a in articles:
        t = " ".join(a.title.split())
        if len(t.split()) >= 4 and not t.startswith("(") and not furniture(t + "."):
            return Summary(text=trim(t), sources=(a.source,))
    return None


def summarise(paragraphs: Sequence[str], n: int) -> list[str]:
    """The ``n`` best sentences of one text by the summary's score, in text order (what
    benchmarks/summary_eval.py measures against BBC reference summaries)."""
    art = Article(source="-", title="", text="\n".join(paragraphs))
    cands = candidates([art])
    scores = rank(cands)
    scored = [
        (scores[k] * (1 + LEAD_PRIOR / (1 + c.rank_in_article)) * (1 + CUE) ** cues(c.text), k)
        for k, c in enumerate(cands)
        if c.eligible
    ]
    chosen = sorted(k for _, k in sorted(scored, reverse=True)[:n])
    return [cands[k].text for k in chosen]
