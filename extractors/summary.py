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
- a transcript's turn ("THE VICE PRESIDENT: ...") is never the summary;
- a sentence that cannot be cut at a clause boundary within 60 words (a run-on of
  captions and text) is taken only when nothing else is usable;
- the best one is the summary; when it is short (under ``SHORT`` words) and the next
  sentence of the same article fits within ``MAX_WORDS``, that sentence is added.

Measured by benchmarks/summary_eval.py (share of news_cluster stories whose summary
states the event, hand-labelled dev/test; ROUGE on BBC politics). Pure.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from .keypoints import (
    Candidate,
    candidates,
    furniture,
    is_question,
    lone_quote,
    opens_on_referent,
    rank,
)
from .models import Article, Summary
from .vectors import tokens

MAX_WORDS = 60
SHORT = 22
MIN_WORDS = 8
LEAD_PARAGRAPHS = 3
LEAD_PRIOR = 1.0
"""Score x (1 + LEAD_PRIOR / (1 + index of the sentence in its article))."""
TITLE = 2.0
"""Score x (1 + TITLE x share of the article title's content words the sentence has): the
headline names the event, the sentence that restates it tells it."""
CUE = 0.15
"""Score x (1 + CUE) per event cue present: a time, a proper name, a number."""

_TIME = re.compile(
    r"\b(?:on |last |this |next )?(?:monday|tuesday|wednesday|thursday|friday|saturday|"
    r"sunday|today|yesterday|tonight|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)"
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
    least ``MIN_WORDS``; a hard cut at ``limit`` words (with "…") when there is none."""
    words = sentence.split()
    if len(words) <= limit:
        return sentence
    head = " ".join(words[:limit])
    bounds = [m.start() for m in re.finditer(r",\s|;\s|:\s|\s[—–]\s|\s--\s", head)]
    # A cut must end a clause: never right after a word or two that open the next one
    # ("… on September 13: Recently," is cut at the colon, not after "Recently").
    cuts = [
        c
        for k, c in enumerate(bounds)
        if len(head[:c].split()) >= MIN_WORDS
        and len(head[(bounds[k - 1] + 1 if k else 0) : c].split()) >= 3
    ]
    if cuts:
        return head[: cuts[-1]].rstrip(" ,;—–-") + "."
    return head + "…"


_SPEAKER = re.compile(r"^(?:[A-Z][A-Z.'’-]*\s){0,4}[A-Z][A-Z.'’-]+:\s")
"""A transcript's speaker label ("THE VICE PRESIDENT: ..."): the line is a turn of talk,
not a report of the event."""
_ACTOR = re.compile(
    r"(?<![.!?]\s)\b(?:[A-Z][a-z]+(?:[-'’][A-Za-z]+)?|[A-Z]{2,}s?|[A-Z]\.(?:[A-Z]\.)+)\b"
)
_NOT_ACTOR = re.compile(
    r"^(?:The|A|An|In|On|At|By|For|From|With|As|After|Before|When|While|If|Today|This|That|"
    r"These|Those|It|There|Here|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
    r"January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Mr|Mrs|Ms|Dr|I|We|You|He|She|They|But|And|Or|So|Yet|Also|Now|Then|Last|"
    r"Next|Earlier|Later|Meanwhile|However|According|Photo|Image|Video|Read|Watch)$"
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
    return False


def usable(text: str) -> bool:
    n = len(text.split())
    return (
        n >= MIN_WORDS
        and not is_question(text)
        and not lone_quote(text)
        and not furniture(text)
        and not opens_on_referent(text)
        and not _SPEAKER.match(text)
    )


EVENT = 1.0
"""Score x (1 + EVENT) for a sentence that ``states_event``."""
CENTRALITY = 0.5
"""Score x centrality ** CENTRALITY: centrality favours long sentences that share many
words; a square root keeps it a tie-breaker between leads, not a reason to skip them."""
LEAD_DECAY = 1.0
"""Lead prior: score x (1 + LEAD_PRIOR / (1 + index) ** LEAD_DECAY)."""


def score_sentence(c: Candidate, centrality: float, title: set[str]) -> float:
    told = len(title & set(tokens(c.text))) / len(title) if title else 0.0
    return (
        max(centrality, 1e-6) ** CENTRALITY
        * (1 + LEAD_PRIOR / (1 + c.rank_in_article) ** LEAD_DECAY)
        * (1 + CUE) ** cues(c.text)
        * (1 + TITLE * told)
        * (1 + EVENT * states_event(c.text))
    )


def summarise_story(
    articles: Sequence[Article], topic_terms: Sequence[re.Pattern[str]] = ()
) -> Summary | None:
    """The story's summary, or None when no article has a usable lead sentence."""
    if not articles:
        return None
    cands = candidates(articles)
    if not cands:
        return None
    scores = rank(cands, topic_terms=topic_terms)
    titles = [set(tokens(a.title)) for a in articles]
    best, best_score = None, 0.0
    # A lead that opens a list or a quotation ("... announced his intent to appoint the
    # following individuals:", "... says in an article, and goes on:") states the event;
    # it ends there, with a full stop for the colon (punctuation, no new word).
    cands = [
        replace(c, text=c.text[:-1].rstrip() + ".") if c.text.endswith(":") else c for c in cands
    ]
    whole = [usable(c.text) and not trim(c.text).endswith("…") for c in cands]
    if not any(whole):  # every usable sentence needs a hard cut: take those then
        whole = [usable(c.text) for c in cands]
    lead_ok = any(ok and c.paragraph < LEAD_PARAGRAPHS for c, ok in zip(cands, whole, strict=True))
    for k, c in enumerate(cands):
        if (lead_ok and c.paragraph >= LEAD_PARAGRAPHS) or not whole[k]:
            continue  # the lead paragraphs first; any paragraph when none of them will do
        s = score_sentence(c, scores[k], titles[c.article])
        if best is None or s > best_score:
            best, best_score = k, s
    if best is None:
        return None
    first = cands[best]
    text = trim(first.text)
    sources = [articles[first.article].source]
    nxt = best + 1
    if (
        len(text.split()) < SHORT
        and nxt < len(cands)
        and cands[nxt].article == first.article
        and usable(cands[nxt].text)
        and len(text.split()) + len(cands[nxt].text.split()) <= MAX_WORDS
    ):
        text = f"{text} {cands[nxt].text}"
        sources.append(articles[first.article].source)
    return Summary(text=text, sources=tuple(sources))


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
