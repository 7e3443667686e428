"""Small text helpers shared by cleaning, relevance and key points: pure functions."""

from __future__ import annotations

import re
import unicodedata
from datetime import datetime

# Abbreviations after which a full stop does not end a sentence.
ABBREVIATIONS = {
    "mr",
    "univ",
    "mrs",
    "ms",
    "dr",
    "prof",
    "gen",
    "lt",
    "col",
    "maj",
    "capt",
    "cmdr",
    "adm",
    "sgt",
    "sen",
    "rep",
    "gov",
    "pres",
    "amb",
    "st",
    "jr",
    "sr",
    "no",
    "vs",
    "etc",
    "inc",
    "ltd",
    "co",
    "corp",
    "dept",
    "est",
    "fig",
    "approx",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "mon",
    "tue",
    "wed",
    "thu",
    "fri",
    "sat",
    "sun",
}
_HANGUL = re.compile(r"[\uac00-\ud7a3]")
_BOUNDARY = re.compile(r"""([.!?]["'”’)\]]*)\s+(?=["'“‘(\[]?[A-Z0-9])""")
_NEXT_WORD = re.compile(r"[\"'“‘(\[]?([A-Z][a-z]*)\b")
_CITED_NUMBER = re.compile(r"\d+(?:,\s+\d+)+\b")
"""Numbers in a series after a full stop ("Stat. 1541, 1700"): a citation, which no
sentence opens."""
_CLAUSE_OPENERS = frozenset(
    "The This That These Those It Its He She They We I There Their Our His Her".split()  # noqa: SIM905
) | {"Such", "But", "However", "Meanwhile"}
"""Words that open a clause and are no name: after dotted initials ("U.S.") they start a
new sentence."""


_INVISIBLE = re.compile("[\u00ad\u200b\ufeff]")
"""Soft hyphens, zero-width spaces and stray byte-order marks: line-breaking hints with no
text ("Park Geun\u00adhye"), dropped."""


def normalise_space(text: str) -> str:
    return re.sub(r"\s+", " ", _INVISIBLE.sub("", text)).strip()


_LIST_MARK = re.compile(r"^[-•]\s+(?=\S)")
"""A list item's marker ("- ", as Markdown and JSON list items are kept): no word of its
first sentence."""


def split_sentences(paragraph: str) -> list[str]:
    """Split one paragraph into sentences, keeping abbreviations (U.S., Dr., Nov.) whole.

    Rule (Korean): a paragraph written mostly in Hangul is split by ``korean``'s
    morphological analyser (Korean sentences end in 다. / 요. and do not start with a
    capital, which the rule below needs)."""
    paragraph = _LIST_MARK.sub("", normalise_space(paragraph))
    if not paragraph:
        return []
    if _HANGUL.search(paragraph):
        from . import korean

        if korean.is_korean(paragraph):
            return korean.split_sentences(paragraph)
    pieces: list[str] = []
    start = 0
    for m in _BOUNDARY.finditer(paragraph):
        candidate = paragraph[start : m.end(1)].rstrip()
        if m.group(1)[0] == ".":
            last = re.search(r"(\b[\w.]+)[.!?]?[\"'”’)\]]*$", candidate)
            token = last.group(1).rstrip(".").lower() if last else ""
            following = paragraph[m.end() : m.end() + 1]
            # "U.S." / "J." / "Nov." : an abbreviation or an initial, not an end;
            # "No." only before a number ("No. 5"), else it is the word "no".
            if _CITED_NUMBER.match(paragraph, m.end()):
                continue  # "135 Stat. 1541, 1700": a citation's page numbers, no sentence
            if token == "no":
                if following.isdigit():
                    continue
            elif token in ABBREVIATIONS or re.fullmatch(r"(?:[a-z]\.)*[a-z]", token or "-"):
                # "… led by the U.S. The UN Command is …": dotted initials end a sentence
                # before a word that only opens a clause
                nxt = _NEXT_WORD.match(paragraph, m.end())
                if not ("." in token and nxt and nxt.group(1) in _CLAUSE_OPENERS):
                    continue
        pieces.append(candidate)
        start = m.end()
    tail = paragraph[start:].strip()
    if tail:
        pieces.append(tail)
    return [p for p in pieces if p]


def fold(text: str) -> str:
    """Case- and accent-folded text for matching terms ("Défense" ~ "defense")."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return stripped.replace("’", "'").replace("‘", "'").casefold()


def trim_title(sentence: str, max_words: int = 18) -> str:
    """A headline-length title cut from a source sentence (at a clause boundary if possible)."""
    sentence = normalise_space(sentence).rstrip(".")
    ws = sentence.split(" ")
    if len(ws) <= max_words:
        return sentence
    head = " ".join(ws[:max_words])
    cut = max(head.rfind(","), head.rfind(";"), head.rfind(" — "), head.rfind(" - "))
    if cut >= len(" ".join(ws[:6])):
        return head[:cut].rstrip(" ,;—-")
    return head + "…"


_OPEN = "“"
_CLOSE = "”"


def join_quotes(sentences: list[str]) -> list[tuple[int, str]]:
    """Sentences of one paragraph, with a multi-sentence quotation kept as one unit.

    Returns (index of the first sentence, text) pairs, so positions stay traceable.
    Only typographic quotes are balanced (straight quotes cannot tell open from close).
    """
    out: list[tuple[int, str]] = []
    i = 0
    while i < len(sentences):
        start, text = i, sentences[i]
        depth = text.count(_OPEN) - text.count(_CLOSE)
        while depth > 0 and i + 1 < len(sentences):
            i += 1
            text = f"{text} {sentences[i]}"
            depth += sentences[i].count(_OPEN) - sentences[i].count(_CLOSE)
        out.append((start, text))
        i += 1
    return out


TITLE_SMALL_WORDS = frozenset(
    "a an and as at by for from in into of on or the to with".split()  # noqa: SIM905
)
"""The small words Title Case leaves in lower case (shared by cleaning's listed headlines
and key points' fact-sheet headings, each adding its own)."""


def markdown_to_text(md: str) -> str:
    """Markdown body to plain paragraphs: list markers, emphasis and link syntax go."""
    lines = []
    for line in md.split("\n"):
        line = re.sub(r"^\s{0,3}(?:[-*+]|\d+[.)])\s+", "", line)
        line = re.sub(r"^\s{0,3}>\s?", "", line)
        line = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", line)  # images: no text
        line = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", line)  # links: their text
        line = re.sub(r"(\*\*|__)(.+?)\1", r"\2", line)
        line = re.sub(r"(?<![\w*])[*_](?=\S)(.+?)(?<=\S)[*_](?![\w*])", r"\1", line)
        line = re.sub(r"`([^`]*)`", r"\1", line)
        # struck-out words go (a transcript's "<s>Oon</s> [Yoon]" keeps its correction);
        # inline tags keep their text ("October 28<sup>th</sup>"); escapes lose their "\\"
        line = re.sub(r"<(s|del|strike)>.*?</\1>\s*|~~.+?~~\s*", "", line, flags=re.I)
        line = re.sub(r"</?(?:sup|sub|u|b|i|em|strong|span|small|mark)\b[^>]*>|<br\s*/?>", "", line)
        line = re.sub(r"\\([\[\]()*_#`>~|-])", r"\1", line)
        if line.startswith("*") and "*" not in line[1:]:
            line = line[1:]  # a lone footnote star opening a line ("*Mobilizing ...")
        lines.append(line)
    return "\n".join(lines)


def parse_iso(value: str | None) -> datetime | None:
    """An ISO date or date-time as sources write it ("Z", a space for "T", trailing junk);
    None when there is none."""
    if not value:
        return None
    value = value.strip().replace("Z", "+00:00")
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        pass
    m = re.match(r"(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2})?)", value)
    try:
        if m:
            return datetime.fromisoformat(f"{m.group(1)}T{m.group(2)}")
        m = re.match(r"\d{4}-\d{2}-\d{2}", value)
        return datetime.fromisoformat(m.group(0)) if m else None
    except ValueError:
        return None
