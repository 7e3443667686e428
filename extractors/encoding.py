"""Bytes to text you can trust: BOM, then declared encodings checked against the bytes,
then detection. Pure (no network, no disk).

``decode(data, http_charset=..., kind=...)`` returns a ``Decoded``: the text, the codec
used, where it came from and whether it was guessed. The order:

1. **BOM** (UTF-8, UTF-16/32 LE/BE): it wins, as in HTML and XML.
2. **Declared**, in this order: the HTTP ``charset``, the XML declaration's ``encoding``,
   the page's ``<meta charset>`` / ``http-equiv`` (the first 2 KB are read for these).
   Each one is *checked against the bytes*: it must decode them strictly (no replacement
   characters), give no C1 control characters and no more mess (charset-normalizer's
   mess ratio) than ``MESS_LIMIT``. A declaration that fails loses when another decoding
   is clean: UTF-8 first (bytes that are valid UTF-8 and not plain ASCII are UTF-8 in
   practice), then detection. Labels follow the WHATWG habit of reading a label as its
   superset (``iso-8859-1``/``us-ascii`` -> windows-1252, ``euc-kr`` -> cp949,
   ``gb2312`` -> gb18030), so a stray byte the narrow label lacks is not a failure.
3. **Undeclared**: ASCII or valid UTF-8 is UTF-8 (the XML default, and the web's);
   BOM-less UTF-16/32 XML is recognised by its first bytes (``<?`` in that encoding).
4. **Detected** by charset-normalizer: ``guessed=True``. The caller marks the source
   ``degraded`` and names the encoding, so a guess is never silent.
5. Nothing clean: windows-1252 with replacement characters, ``guessed=True``.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, replace
from typing import Literal

Kind = Literal["xml", "html", "text"]
How = Literal["bom", "http", "xml", "meta", "sniff", "default", "detected", "fallback"]

MESS_LIMIT = 0.2
"""Highest charset-normalizer mess ratio a declared decoding may have and still count as
clean (mojibake of Korean read as Latin-1 scores above 1; real text scores near 0)."""

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# XML 1.0 Appendix F: "<?" (or "<") in a BOM-less wide encoding.
_SNIFF: tuple[tuple[bytes, str], ...] = (
    (b"\x00\x00\x00\x3c", "utf-32-be"),
    (b"\x3c\x00\x00\x00", "utf-32-le"),
    (b"\x00\x3c\x00\x3f", "utf-16-be"),
    (b"\x3c\x00\x3f\x00", "utf-16-le"),
)
# A label read as the superset browsers use for it.
_SUPERSET = {
    "ascii": "cp1252",
    "iso8859-1": "cp1252",
    "euc_kr": "cp949",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "shift_jis": "cp932",
    "big5": "big5hkscs",
    "tis-620": "cp874",
    "iso8859-9": "cp1254",
}
_XML_DECL = re.compile(rb"""^\s*<\?xml[^>]*?\bencoding\s*=\s*["']\s*([A-Za-z0-9._:-]+)""")
_META = re.compile(
    rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""",
    re.IGNORECASE,
)
_C1 = re.compile("[\x80-\x9f]")


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    """The Python codec name actually used ("utf-8", "cp949", ...)."""
    how: How
    guessed: bool = False
    """True when no declaration (or BOM, or UTF-8 validity) chose the encoding: detection
    or the last-resort fallback did."""
    note: str | None = None
    """Why a declaration was not followed, or what was guessed (one line, for a reader)."""


def charset_from_content_type(content_type: str | None) -> str | None:
    """The ``charset`` parameter of a Content-Type header ("text/xml;charset = 'x'")."""
    if not content_type:
        return None
    m = re.search(r"""(?i)(?:^|;)\s*charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", content_type)
    return m.group(1) if m else None


def codec_name(label: str | None) -> str | None:
    """The Python codec for an encoding label, or None when Python has no such codec."""
    if not label:
        return None
    try:
        return codecs.lookup(label.strip().strip("\"'")).name
    except LookupError:
        return None


def declared_encodings(
    data: bytes, http_charset: str | None = None, kind: Kind = "html"
) -> list[tuple[How, str]]:
    """The encodings the transport and the document declare, in the order they are tried."""
    out: list[tuple[How, str]] = []
    if http_charset:
        out.append(("http", http_charset))
    head = data[:2048]
    if kind in ("xml", "html"):
        m = _XML_DECL.match(head)
        if m:
            out.append(("xml", m.group(1).decode("ascii")))
    if kind == "html" or (kind == "xml" and not out):
        m = _META.search(head)
        if m:
            out.append(("meta", m.group(1).decode("ascii")))
    return out


def decode(data: bytes, http_charset: str | None = None, kind: Kind = "html") -> Decoded:
    """Decode ``data`` (see the module doc for the order and the checks).

    Rule (the text is Unicode now): in a page, the ``<meta>`` charset is rewritten to
    utf-8 in the text returned, so a later parser that re-encodes the text as UTF-8 (lxml,
    trafilatura) is not sent back to the old encoding by the page's own declaration."""
    decoded = _decode(data, http_charset, kind)
    if kind != "html":
        return decoded
    head, tail = decoded.text[:4096], decoded.text[4096:]
    head = _META_TEXT.sub(lambda m: m.group(1) + "utf-8", head)
    return replace(decoded, text=head + tail)


_META_TEXT = re.compile(r"""(<meta[^>]+?charset\s*=\s*["']?\s*)[A-Za-z0-9._:-]+""", re.I)


def _decode(data: bytes, http_charset: str | None, kind: Kind) -> Decoded:
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return Decoded(data[len(bom) :].decode(enc, errors="replace"), enc, "bom")
    if kind == "xml":
        for start, enc in _SNIFF:
            if data.startswith(start):
                text = _strict(data, enc)
                if text is not None:
                    return Decoded(text, enc, "sniff")
    rejected: list[str] = []
    for how, label in declared_encodings(data, http_charset, kind):
        codec = codec_name(label)
        if codec is None:
            rejected.append(f"{label} ({_WHERE[how]}) is not a known encoding")
            continue
        codec = _widen(data, codec)
        text = _strict(data, codec)
        if text is not None and len(text) == len(data) and not data.isascii() and _utf8(data):
            rejected.append(f"declared {label} ({_WHERE[how]}) gives garbled text")
            continue  # a single-byte label on bytes that are valid UTF-8: they are UTF-8
        if text is not None and _clean(text):
            if rejected:
                return Decoded(text, codec, how, note="; ".join(rejected))
            return Decoded(text, codec, how)
        why = "does not decode the bytes" if text is None else "gives garbled text"
        rejected.append(f"declared {label} ({_WHERE[how]}) {why}")
    utf8 = _strict(data, "utf-8")
    if utf8 is not None:  # valid UTF-8 (C1 controls in it are cp1252 habits, not a misread)
        note = f"{'; '.join(rejected)}; read as UTF-8" if rejected else None
        return Decoded(utf8, "utf-8", "default", note=note)
    bad = _mostly_utf8(data)
    if bad is not None:
        said = f"{'; '.join(rejected)}; " if rejected else ""
        note = f"{said}read as UTF-8 with {bad} invalid byte sequence(s) replaced"
        return Decoded(data.decode("utf-8", errors="replace"), "utf-8", "default", note=note)
    found = _detect(data)
    if found is not None:
        codec, text = found
        said = f"{'; '.join(rejected)}; " if rejected else "no usable declared encoding; "
        return Decoded(text, codec, "detected", True, f"{said}encoding guessed as {codec}")
    text = data.decode("cp1252", errors="replace")
    return Decoded(
        text,
        "cp1252",
        "fallback",
        True,
        f"{'; '.join(rejected) + '; ' if rejected else ''}encoding unknown; read as "
        "windows-1252, some characters may be wrong",
    )


_WHERE: dict[How, str] = {
    "http": "HTTP header",
    "xml": "XML declaration",
    "meta": "<meta> tag",
    "bom": "byte-order mark",
    "sniff": "first bytes",
    "default": "default",
    "detected": "detected",
    "fallback": "fallback",
}


def _widen(data: bytes, codec: str) -> str:
    """The superset codec for a narrow label, when the narrow one cannot read the bytes."""
    wide = _SUPERSET.get(codec)
    if wide is None:
        return codec
    if codec in ("ascii", "iso8859-1"):  # windows-1252 when it reads the bytes
        return wide if _strict(data, wide) is not None else "iso8859-1"
    return codec if _strict(data, codec) is not None else wide


def _utf8(data: bytes) -> bool:
    return _strict(data, "utf-8") is not None


def _strict(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def _clean(text: str) -> bool:
    """No replacement characters, no C1 controls, little mess."""
    if "\ufffd" in text or _C1.search(text):
        return False
    if text.isascii():
        return True
    from charset_normalizer.md import mess_ratio

    return mess_ratio(_non_markup(text), MESS_LIMIT) < MESS_LIMIT


def _non_markup(text: str) -> str:
    """The text with tags and ASCII-only runs squeezed, so markup does not dilute the mess."""
    return re.sub(r"<[^>]{0,400}>", " ", text)


def _mostly_utf8(data: bytes) -> int | None:
    """The number of invalid sequences when the bytes are UTF-8 but for a few (a truncated
    character, one stray byte): at most 1 in 50 non-ASCII characters; else None."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    wide = sum(1 for c in text if ord(c) > 0x7F and c != "\ufffd")
    return bad if wide and bad <= wide / 50 else None


# Encodings detection tries first: the ones the web and the world's newsrooms use. Only
# when none of them reads the bytes cleanly is every codec charset-normalizer knows tried
# (short texts otherwise match rare code pages: cp1125, cp1006).
_COMMON = [
    *("utf_8", "cp1252", "cp949", "euc_kr", "gb18030", "gb2312", "big5", "cp932"),
    *("shift_jis", "euc_jp", "iso2022_jp", "koi8_r", "cp1251", "cp1250", "cp1253"),
    *("cp1254", "cp1255", "cp1256", "cp1257", "cp1258", "tis_620", "cp874", "iso8859_2"),
    *("iso8859_5", "iso8859_7", "iso8859_8", "iso8859_9", "iso8859_15"),
]


def _detect(data: bytes) -> tuple[str, str] | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=_COMMON).best()
    if best is None or best.chaos > MESS_LIMIT:
        best = from_bytes(data).best() or best
    if best is None or best.encoding is None:
        return None
    codec = codec_name(best.encoding) or best.encoding
    text = _strict(data, codec)
    if text is None:
        return None
    return codec, text


__all__ = ["Decoded", "charset_from_content_type", "codec_name", "declared_encodings", "decode"]
