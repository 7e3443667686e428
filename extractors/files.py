"""Parsers for each local file kind: ``parse_*`` take bytes or text and return ``Cleaned``
values, so they are tested on strings. Reading the disk is ``fetch.local``'s job.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import yaml

from .clean import Cleaned, clean_html, clean_text, decode_html
from .errors import ParseError
from .text import markdown_to_text, parse_iso

SUFFIXES = {".html", ".htm", ".txt", ".md", ".markdown", ".json"}


def decode_text(data: bytes, source: str) -> str:
    """BOM, else UTF-8, else the encoding detection is confident of (``encoding.decode``).

    Rule (no garbage): bytes that no encoding reads cleanly are an error, not mojibake."""
    from .encoding import decode

    decoded = decode(data, kind="text")
    if decoded.how == "fallback":
        raise ParseError(source, "text is neither UTF-8 nor a recognisable encoding")
    return decoded.text


_MAGIC = {
    b"%PDF": "a PDF document",
    b"\x89PNG": "a PNG image",
    b"GIF8": "a GIF image",
    b"\xff\xd8\xff": "a JPEG image",
    b"PK\x03\x04": "a ZIP archive (or an Office document)",
    b"\x1f\x8b": "gzip-compressed data",
    b"\x7fELF": "a program (ELF)",
    b"\xd0\xcf\x11\xe0": "an old Office document",
}
_TEXT_CONTROLS = frozenset(b"\t\n\r\f\b\x1b")


def looks_binary(data: bytes) -> str | None:
    """Rule (not text): why these bytes are not a text file, or None when they may be.

    Called before any decoding. A known file signature, NUL bytes, more than 5% control
    characters (in the first 8 KB), or bytes that are not UTF-8 and in which no encoding
    can be recognised (charset-normalizer) are refused; a UTF-16/32 BOM is text.
    """
    head = data[:8192]
    if head.startswith((b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf")):
        return None
    for magic, what in _MAGIC.items():
        if head.startswith(magic):
            return f"not a text file: it is {what}"
    if b"\x00" in head:
        return "not a text file: binary data (NUL bytes)"
    controls = sum(1 for b in head if (b < 0x20 and b not in _TEXT_CONTROLS) or b == 0x7F)
    if head and controls / len(head) > 0.05:
        return f"not a text file: binary data ({controls / len(head):.0%} control characters)"
    try:
        data.decode("utf-8")
        return None
    except UnicodeDecodeError as exc:
        from charset_normalizer import from_bytes

        if from_bytes(data[:65536]).best() is None:
            return (
                f"not a text file: invalid UTF-8 at byte {exc.start} and no other encoding "
                "recognised (save it as UTF-8)"
            )
    return None


def parse_file(path: str, data: bytes) -> Cleaned:
    """Dispatch on the suffix: .html/.htm, .txt, .md, .json (news-please)."""
    cleaned = _parse_file(path, data)
    if not cleaned.text.strip():
        # the title, when the file has one, tells the reader what was lost ("Letter from
        # Dr. Kevin O'Connor": a page that only links to a PDF)
        titled = f" (titled {cleaned.title!r})" if cleaned.title else ""
        raise ParseError(path, f"no article text in the file{titled}")
    return cleaned


def _parse_file(path: str, data: bytes) -> Cleaned:
    suffix = Path(path).suffix.lower()
    binary = looks_binary(data) if suffix in SUFFIXES else None
    if binary:
        raise ParseError(path, binary)
    if suffix in (".html", ".htm"):
        return clean_html(decode_html(data), source=path)
    text = decode_text(data, path)
    if suffix in (".md", ".markdown"):
        return parse_markdown(text, path)
    if suffix == ".json":
        return parse_news_please(text, path)
    if suffix == ".txt":
        return clean_text(text)
    raise ParseError(path, f"unsupported file type {suffix!r} (use .html, .txt, .md or .json)")


def split_front_matter(text: str, source: str = "") -> tuple[dict, str]:
    if not text.startswith("---"):
        return {}, text
    parts = text.split("\n---", 1)
    if len(parts) < 2:
        return {}, text
    head = parts[0].removeprefix("---")
    body = parts[1].split("\n", 1)[1] if "\n" in parts[1] else ""
    try:
        meta = yaml.safe_load(head) or {}
    except yaml.YAMLError as exc:
        raise ParseError(source, f"front matter is not valid YAML: {exc}") from exc
    except ValueError as exc:  # e.g. "date: 2025-02-30" (YAML's date constructor)
        raise ParseError(source, f"front matter has an impossible value: {exc}") from exc
    if not isinstance(meta, dict):
        raise ParseError(source, "front matter must be a YAML mapping")
    return meta, body


def parse_markdown(text: str, source: str) -> Cleaned:
    meta, body = split_front_matter(text, source)
    removed: list[tuple[str, str]] = []
    body = strip_html(body, removed)
    body, byline = _emphasis_byline(body)
    if byline:
        removed.append(("byline", byline))
    cleaned = clean_text(markdown_to_text_keep_headings(body), title=_str(meta.get("title")))
    published = _as_datetime(meta.get("published_time") or meta.get("date"))
    return Cleaned(
        title=cleaned.title,
        text=cleaned.text,
        author=_str(meta.get("author")) or cleaned.author or _byline_name(byline),
        dateline=cleaned.dateline,
        outlet=_str(meta.get("outlet") or meta.get("source")) or cleaned.outlet,
        published=published,
        url=_str(meta.get("source_url") or meta.get("url")),
        credits=cleaned.credits,
        removed=tuple(removed) + cleaned.removed,
    )


_EMPHASIS_BYLINE = re.compile(
    r"^[ \t]*([*_])(?P<line>(?P<name>[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,3}), "
    r"[^*_\n]{3,120})\1[ \t]*$"
)


def _emphasis_byline(body: str) -> tuple[str, str | None]:
    """Rule (emphasised byline): a line in italics among the first two paragraphs that
    names a person and their post ("*Heather Boushey, Chief Economist, Investing in America
    Cabinet*") is the author's credit, not body text: it goes (the name becomes the author
    when the front matter gives none)."""
    blocks = re.split(r"(\n[ \t]*\n)", body)
    seen = 0
    for i, block in enumerate(blocks):
        if not block.strip():
            continue
        if m := _EMPHASIS_BYLINE.match(block.strip()):
            blocks[i] = ""
            return "".join(blocks), m["line"]
        seen += 1
        if seen >= 2:
            break
    return body, None


def _byline_name(line: str | None) -> str | None:
    return line.split(",", 1)[0].strip() if line else None


_HTML_BLOCK = re.compile(
    r"<(figure|script|style|iframe|noscript|svg|video|audio|object|table)\b[^>]*>.*?</\1\s*>"
    r"|<!--.*?-->",
    re.S | re.I,
)
_FOOTNOTE_REF = re.compile(
    r"<a\b[^>]*\bhref=[\"']#_?(?:ftn|edn|fn)\w*[\"'][^>]*>\s*(?:<sup>)?\s*\[?\w{1,3}\]?\s*"
    r"(?:</sup>)?\s*</a>",
    re.I,
)
_FOOTNOTE_BODY = re.compile(
    r"^\s*<a\b[^>]*\bhref=[\"']#_?(?:ftnref|ednref|fnref)\w*[\"'][^>]*>", re.I
)
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^\s<>]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)>", re.I)
_ANCHOR = re.compile(r"<a\b[^>]*>(.*?)</a\s*>", re.S | re.I)
_TAG = re.compile(
    r"</?(?!(?:s|del|strike|sup|sub|u|b|i|em|strong|span|small|mark|br)\b)"
    r"[a-zA-Z][a-zA-Z0-9]*\b(?:[^<>\"']|\"[^\"]*\"|'[^']*')*/?>"
    r"|</?span\b[^>]*>",
    re.I,
)
_ENTITY = re.compile(r"&(?:[a-zA-Z]{2,8}|#\d{2,6}|#x[0-9a-fA-F]{2,5});")
_LINK_DEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s+\S+.*$", re.M)
_PAREN_URL = r"\((?:[^()\s]*\([^()\s]*\))+[^()\s]*\)"
_NESTED_LINK = re.compile(r"(?<!!)\[([^\[\]]*)\]" + _PAREN_URL)
_NESTED_IMAGE = re.compile(r"!\[[^\[\]]*\]" + _PAREN_URL)
_GONE = "\x00"
_GONE_LINE = re.compile(r"^[ \t]*\x00[\x00 \t]*(?:\n|$)", re.M)
_THEMATIC_BREAK = re.compile(
    r"(?:^|(?<=\n))[ \t]*\n[ \t]{0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*(?=\n|$)"
)


def strip_html(body: str, removed: list[tuple[str, str]] | None = None) -> str:
    """Rule (HTML left in Markdown): HTML a converter left in a Markdown body never reaches
    the text. Figures, scripts, tables of markup, iframes and comments go whole; a footnote
    anchor ("forecast<a href="#_ftn1" id="_ftnref1">[1]</a>") goes, and so does a
    footnote's body (a paragraph opening on its back-link, "<a href="#_ftnref1" …>[1]</a>
    The 2023 forecast uses …": a note, not the article); a link keeps its text; an autolink
    (``<https://…>``, ``<name@example.org>``) keeps its address; any other tag goes with
    its attributes (its text stays); entities (``&nbsp;``, ``&amp;``) are read. Images
    and links whose address holds brackets (``[text](…(IRA)…)``) are read whole, link
    reference lines (``[1]: https://…``) and thematic breaks (``-----``) go. Inline
    formatting tags and struck-out words are left to ``text.markdown_to_text``.
    What goes is listed in ``removed`` (``html_markup``, ``footnote``)."""
    removed = removed if removed is not None else []
    if "<" not in body and "&" not in body and "](" not in body and "---" not in body:
        return body

    def drop(kind: str) -> Callable[[re.Match[str]], str]:
        def sub(m: re.Match[str]) -> str:
            removed.append((kind, " ".join(m.group().split())[:200]))
            return _GONE

        return sub

    body = _HTML_BLOCK.sub(drop("html_markup"), body)
    blocks = re.split(r"(\n[ \t]*\n)", body)
    for i, block in enumerate(blocks):
        if _FOOTNOTE_BODY.match(block):
            removed.append(("footnote", " ".join(_TAG.sub("", block).split())[:200]))
            blocks[i] = ""
    body = _FOOTNOTE_REF.sub(drop("footnote"), "".join(blocks))
    body = _AUTOLINK.sub(lambda m: m.group(1).removeprefix("mailto:"), body)
    body = _ANCHOR.sub(lambda m: m.group(1), body)
    body = _TAG.sub(drop("html_markup"), body)
    body = _ENTITY.sub(lambda m: html.unescape(m.group()), body)
    body = _LINK_DEF.sub(_GONE, body)
    body = _NESTED_IMAGE.sub(_GONE, body)
    body = _NESTED_LINK.sub(lambda m: m.group(1) or _GONE, body)
    # a line left with nothing goes whole, so a paragraph is not split where a tag stood
    body = _GONE_LINE.sub("", body).replace(_GONE, "")
    return _THEMATIC_BREAK.sub("\n", body)


def markdown_to_text_keep_headings(body: str) -> str:
    """Markdown blocks to one paragraph per line.

    Rule (hard-wrapped Markdown): a paragraph wrapped at 72 columns is one paragraph, so
    the lines of a blank-line-separated block are joined; list items and headings stay on
    lines of their own. Headings stay marked (``#``) so the title rule can find the first.

    Rule (list items): every item is a line of its own marked "- " (any marker, a number
    too, is normalised to "- "), however deep
    it is indented ("    -   IBEW 683 will expand ...", a nested item, is not run into
    the line before), "•" bullets too; a press review's headlines are never one run-on
    sentence. A wrapped line opening on a year ("1783.") is no numbered item: items are
    numbered with one or two digits.
    """
    out: list[tuple[str, bool]] = []
    for block in re.split(r"\n\s*\n", body.replace("\r\n", "\n")):
        current: list[str] = []
        item = False
        for ln in block.split("\n"):
            starts_item = bool(_ITEM_START.match(ln))
            if starts_item and current:
                out.append((" ".join(current), item))
                current = []
            if ln.lstrip().startswith("#"):
                out.append((ln.strip(), False))
                continue
            if not current:
                item = bool(_LIST_ITEM.match(ln))
            if ln.strip():
                current.append(ln.strip())
        if current:
            out.append((" ".join(current), item))
    # markup is read per paragraph: strong emphasis may run over a wrapped line
    # ("**The industry now includes\n contracts **for work")
    return "\n".join(
        p if p.startswith("#") else ("- " if item else "") + " ".join(t.split())
        for p, item in out
        if (t := markdown_to_text(_BULLET_MARK.sub("", p).lstrip()).strip())
    )


_ITEM_START = re.compile(r"\s*(?:[-*+•]|\d{1,2}[.)])\s+\S|\s*-(?=[A-Z][a-z])|\s{0,3}#|\s{0,3}>")
"""A line that opens a list item, a heading or a quotation (``markdown_to_text_keep_headings``)."""
_LIST_ITEM = re.compile(r"\s*(?:[-*+•]|\d{1,2}[.)])\s+\S|\s*-(?=[A-Z][a-z])")
"""A line that opens a list item: it is kept as a line marked "- " (``summary.roundup``
reads a press review by its list)."""
_BULLET_MARK = re.compile(r"^\s*•\s+|^\s*-(?=[A-Z][a-z])")
"""A "•" bullet, or a dash glued to the item's first word ("-Kim Jong Un received …", a
press review's item; ``markdown_to_text`` knows "-", "*", "+" and numbers)."""


def parse_news_please(text: str, source: str) -> Cleaned:
    try:
        item = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ParseError(source, f"not valid JSON: {exc}") from exc
    if not isinstance(item, dict):
        raise ParseError(source, "expected one JSON object (news-please format)")
    body = item.get("text") or item.get("maintext")
    if not isinstance(body, str) or not body.strip():
        raise ParseError(source, "JSON object has no `text` or `maintext`")
    cleaned = clean_text(body, title=_str(item.get("title")), scraped=True)
    authors = item.get("authors")
    author = (
        ", ".join(a for a in authors if isinstance(a, str))
        if isinstance(authors, list)
        else _str(authors)
    )
    return Cleaned(
        title=cleaned.title,
        text=cleaned.text,
        author=author or cleaned.author,
        dateline=cleaned.dateline,
        outlet=_str(item.get("source_domain")) or cleaned.outlet,
        published=_as_datetime(item.get("date_publish")),
        url=_str(item.get("url")),
        credits=cleaned.credits,
        removed=cleaned.removed,
    )


def _str(v: object) -> str | None:
    return str(v).strip() or None if v is not None else None


def _as_datetime(v: object) -> datetime | None:
    if isinstance(v, datetime):
        return v
    if v is not None and hasattr(v, "isoformat"):  # a date from YAML
        return datetime.fromisoformat(v.isoformat())
    return parse_iso(str(v)) if v else None
