"""Who speaks: the speaker a headline names ("Statement from President Joe Biden on ..."),
a transcript turn's label matched to it, and the author a statement's headline or first
line names ("Statement from the Harbour Master on ..."). Pure functions of an article;
``summary.attributed`` opens a first-person summary on them and ``keypoints.voice_of``
names the speaker of a first-person key point with them."""

from __future__ import annotations

import re

from .models import Article

SPEAKER_LABEL = re.compile(
    r"^(?:[A-Z][A-Z.'’-]*\s){0,4}[A-Z][A-Z.'’-]+(?:,\s(?:[A-Z][A-Z'’-]*\s){0,2}[A-Z][A-Z'’-]+)?:(?:\s|$)"
)
"""A transcript's speaker label ("THE VICE PRESIDENT: ...", "Q: ..."), with a broadcast
speaker's part ("RENEE MONTAGNE, HOST:"): a turn of talk."""
TITLED_LABEL = re.compile(
    r"^(?:THE|MR|MS|MRS|DR|PRESIDENT|VICE|SECRETARY|PRIME|SENATOR|GOVERNOR|AMBASSADOR|"
    r"GENERAL|ADMIRAL|CHANCELLOR|SENIOR|MODERATOR|FIRST)\b"
)
"""A label of a speaker's title ("THE PRESIDENT", "MS. JEAN-PIERRE"), not a dateline
("SEOUL:"): one such label near the top makes remarks of one speaker a transcript, and
what comes before it is the transcript's header (``stories.venue``)."""

_ROLE = (
    r"(?:President|Vice President|First Lady|Second Gentleman|Second Lady|Doctor|Dr\.|"
    r"(?:Principal )?(?:Deputy )?Press Secretary|Secretary|National Security Advis[eo]r|"
    r"National Economic Advis[eo]r|NSC|Senior Administration Officials?|"
    r"(?:a |A )?[Ss]enior [Aa]dministration [Oo]fficials?|Ambassador|Governor|Senator|"
    r"Administrator|Director|Special (?:Presidential )?Envoy|Coordinator)"
)
HEADLINE_SPEAKER = re.compile(
    rf"\b(?:by|from|of)\s+((?:the\s+)?{_ROLE}(?:\s+(?:[A-Z][\w.’'-]*|de|van|von))*"
    r"(?:,?\s+(?:Jr|Sr)\.?)?)"
)
"""The speaker a headline names ("Remarks by President Biden in ...", "Statement from
President Joe Biden on ...", "Statement by President Joseph R. Biden, Jr. on ...")."""
_NAME_WORDS = re.compile(r"(?:[A-Z][\w.’'-]*\s+){0,3}[A-Z][\w.’'-]+")


def headline_speakers(title: str) -> tuple[list[str], list[str]]:
    """The people a headline names as speakers: the ones after "by"/"from"/"of" with their
    titles, and every capitalised run of the headline (so a transcript turn can be matched
    to one)."""
    t = " ".join(title.split())
    said_by = [m.group(1).rstrip(" ,") for m in HEADLINE_SPEAKER.finditer(t)]
    return said_by, [m.group(0) for m in _NAME_WORDS.finditer(t)]


def _turn_label(article: Article, paragraph: int) -> str | None:
    """The speaker label of the transcript turn a paragraph belongs to ("THE PRESIDENT")."""
    for p in reversed(article.paragraphs[: paragraph + 1]):
        m = SPEAKER_LABEL.match(p)
        if m:
            return m.group(0).rstrip(": ").split(",")[0].strip()
    return None


def speaker_of(article: Article, paragraph: int) -> str | None:
    """Who speaks a paragraph of a speech, a transcript or a statement, as its headline
    names them: the turn's label matched to a name of the headline ("MR. MCCONAUGHEY" ->
    "Matthew McConaughey", "THE PRESIDENT" -> "President Biden"), or with no label the
    headline's speaker. None when the headline names no one the label matches."""
    said_by, runs = headline_speakers(article.title)
    names = said_by + runs
    if not names:
        return None
    label = _turn_label(article, paragraph)
    if label is None:
        return said_by[0] if said_by else None
    titled = label.upper().startswith("THE ")  # "THE PRESIDENT", "THE GOVERNOR"
    role = re.sub(r"^(?:THE|MR\.?|MS\.?|MRS\.?|DR\.?)\s+", "", label.upper()).strip()
    if not role or role in ("Q", "MODERATOR", "AUDIENCE", "AUDIENCE MEMBER", "PARTICIPANT"):
        return None
    for n in names:
        low = n.upper()
        if titled:
            if low.startswith(("THE " + role, role)) and not (
                role == "PRESIDENT" and "VICE PRESIDENT" in low
            ):
                return n
        elif low.split()[-1].rstrip("S") == role.split()[-1].rstrip("S"):
            return n if n in said_by else _given_and_surname(n)
    return None


_INITIAL = re.compile(r"[A-Z]\.")


def _given_and_surname(run: str) -> str:
    """A headline's capitalised run (not its titled speaker after "by") cut to the name a
    turn's label names: the surname and the given name before it, with a middle initial
    ("Strategic Communications John Kirby" -> "John Kirby", "Rex W. Tillerson")."""
    words = run.split()
    k = len(words) - 2
    while k > 0 and _INITIAL.fullmatch(words[k]):
        k -= 1
    return " ".join(words[max(k, 0) :])


_HEADLINE_STOPS = frozenset(
    re.findall(
        r"\w+",
        "on at in before after during for to with welcoming regarding following celebrating "
        "announcing upon ahead marking honoring commemorating calling urging praising "
        "condemning concerning about amid from by of and",
    )
)


def speaker_name(said_by: str) -> str:
    """The headline speaker's title and name, without the occasion a capitalised
    headline runs on ("Vice President Harris Regarding a Presidential Debate" -> "Vice
    President Harris", "President Biden Before Air Force One Departure")."""
    words = said_by.split()
    for k, w in enumerate(words[1:], 1):
        if w.lower() in _HEADLINE_STOPS:
            return " ".join(words[:k])
    return said_by


DOCUMENT_SPEAKER = re.compile(
    r"\b(?:[Ss]tatement|[Rr]emarks|[Mm]essage|[Ll]etter|[Aa]ddress|[Ss]peech|[Pp]roclamation)\s+"
    r"(?:by|from|of)\s+((?:the\s+)?(?:[A-Z][\w.’'-]*,?\s+){0,5}?[A-Z][\w.’'-]*)"
    r"(?=\s+(?i:on|at|in|to|for|regarding|before|after|during|about|welcoming)\b|[.:;,]|$)"
)
"""A document's author after its kind ("Statement from the Harbour Master on ...",
"Message of the Chairman of the Committee."): its speaker, any title."""


def document_speaker(article: Article) -> str | None:
    """The author a statement's headline or first paragraph names (``DOCUMENT_SPEAKER``)."""
    for line in (article.title, *article.paragraphs[:1]):
        m = DOCUMENT_SPEAKER.search(" ".join(line.split()))
        if m:
            return speaker_name(m.group(1).rstrip(" ,"))
    return None
