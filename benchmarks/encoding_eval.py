"""Encoding benchmark: feedparser's own encoding test feeds, read by ``feeds.decode_feed``.

Corpus: ../shared/data/feedparser-tests, folders ``encoding/`` (82 files: BOMs, UTF-16/32,
EUC-KR, GB2312, HTTP charset vs XML declaration) and ``illformed/chardet/`` (8 feeds in
Big5, EUC-JP, EUC-KR, GB2312, KOI8-R, Shift_JIS, TIS-620, windows-1255 with no declared
encoding). Each file's ``Expect:`` line states what a correct parse yields; its ``Header:``
lines are the HTTP headers it is served with (passed to the decoder as such).

Per file:

- a file whose expectation names an encoding (``encoding == 'euc-kr'``) is **right** when
  our text equals the bytes decoded with that encoding (BOM removed), else **wrong**; it is
  **named** when the codec we report is that encoding or the superset browsers read it as
  (gb2312 -> gb18030; ASCII content under any ASCII-compatible codec);
- a file whose expectation checks a value (``feed['title'] == '\\ub144'``) is parsed by
  feedparser from our UTF-8 bytes and is right when the check holds (the ``bozo`` part of
  the expectation is left out: it describes feedparser's own decoding, which we replace);
- other files (``Expect: bozo`` only) are **unscored**: they must only decode without error.

``guessed`` counts files whose encoding came from detection. Run:
``.venv/bin/python benchmarks/encoding_eval.py``.
"""

from __future__ import annotations

import ast
import codecs
import re
import sys
import unicodedata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import dataset, report_skip, skipped

NAME = "feedparser-tests"
FOLDERS = ("encoding", "illformed/chardet")


def _header_text(data: bytes) -> str:
    for enc in ("utf-8", "utf-16", "utf-16-be", "utf-16-le", "utf-32", "utf-32-be", "utf-32-le"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if "Expect:" in text or "Description:" in text:
            return text
    return data.decode("latin-1")


def _expectation(text: str) -> tuple[str | None, dict[str, str]]:
    m = re.search(r"Expect:\s*(.*)", text)
    headers = {}
    for h in re.findall(r"Header:\s*(.*)", text):
        k, _, v = h.partition(":")
        headers[k.strip().lower()] = v.strip()
    return (m.group(1).strip() if m else None), headers


def _without_bozo(expr: str) -> str | None:
    """The expectation minus its ``bozo`` / ``not bozo`` part; None when nothing is left."""
    rest = re.sub(r"^\s*(?:not\s+)?bozo\b\s*(?:and\s+)?", "", expr).strip()
    if not rest or rest == "1" or "bozo_exception" in rest:
        return None
    return rest


def _same_family(ours: str, truth: str, text: str) -> bool:
    from extractors.encoding import _SUPERSET, codec_name

    t = codec_name(truth) or truth
    o = codec_name(ours) or ours
    if o == t or _SUPERSET.get(t) == o or _SUPERSET.get(o) == t:
        return True
    ascii_compatible = o not in ("utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be")
    return t == "ascii" and text.isascii() and ascii_compatible


def _first_text(result: dict) -> str:
    """The first non-ASCII text feedparser read (a title or summary), else ''."""
    feed = result.get("feed", {})
    values = [feed.get("title", ""), feed.get("subtitle", "")]
    for e in result.get("entries", []):
        values += [e.get("title", ""), e.get("summary", "")]
    return next((v for v in values if v and not v.isascii()), "")


def _nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)


def evaluate(verbose: bool = False) -> dict:
    root = dataset(NAME, *FOLDERS)
    if root is None:
        return skipped(NAME)
    import feedparser

    from extractors.feeds import decode_feed

    files = sorted(p for f in FOLDERS for p in (root / f).glob("*.xml"))
    counts = {"files": 0, "scored": 0, "right": 0, "wrong": 0, "named": 0, "named_of": 0}
    counts |= {"guessed": 0, "unscored_read": 0, "errors": 0}
    counts |= {"baseline_right": 0, "baseline_of": 0}
    per_folder: dict[str, dict[str, int]] = {}
    wrong: list[str] = []
    for path in files:
        data = path.read_bytes()
        expect, headers = _expectation(_header_text(data))
        folder = str(path.parent.relative_to(root))
        pf = per_folder.setdefault(folder, {"scored": 0, "right": 0})
        counts["files"] += 1
        try:
            utf8, decoded = decode_feed(data, headers)
        except Exception as exc:  # a decoder crash is a wrong answer, never a stop
            counts["errors"] += 1
            wrong.append(f"{path.name}: error {exc}")
            continue
        counts["guessed"] += decoded.guessed
        m = re.search(r"encoding\s*==\s*'([^']+)'", expect or "")
        ok: bool | None = None
        if m:
            truth = m.group(1)
            raw = data
            for bom in (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF8):
                raw = raw.removeprefix(bom)
            if raw is data:
                for bom in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
                    raw = raw.removeprefix(bom)
            try:
                expected_text = raw.decode(truth)
            except (UnicodeDecodeError, LookupError):
                expected_text = None
            if expected_text is not None:
                ok = _nfc(decoded.text) == _nfc(expected_text)
                # the baseline: feedparser on the raw bytes, with the same headers
                raw_parse = feedparser.parse(data, response_headers=headers)
                sample = _first_text(raw_parse)
                if sample:
                    counts["baseline_of"] += 1
                    counts["baseline_right"] += _nfc(sample[:30]) in _nfc(expected_text)
                counts["named_of"] += 1
                counts["named"] += _same_family(decoded.encoding, truth, expected_text)
        elif expect and _without_bozo(expect):
            check = _without_bozo(expect)
            assert check is not None
            hdrs = {"content-type": "application/xml; charset=utf-8"}
            result = feedparser.parse(utf8, response_headers=hdrs)
            env = {"feedparser": feedparser, **result}
            try:
                ok = bool(eval(compile(ast.parse(check, mode="eval"), path.name, "eval"), env))
            except Exception:
                ok = False
        if ok is None:
            counts["unscored_read"] += 1
            continue
        counts["scored"] += 1
        pf["scored"] += 1
        if ok:
            counts["right"] += 1
            pf["right"] += 1
        else:
            counts["wrong"] += 1
            wrong.append(f"{folder}/{path.name}: read as {decoded.encoding} ({decoded.how})")
    scored = counts["scored"] or 1
    return {
        **counts,
        "accuracy": counts["right"] / scored,
        "named_rate": counts["named"] / (counts["named_of"] or 1),
        "chardet_accuracy": per_folder["illformed/chardet"]["right"]
        / (per_folder["illformed/chardet"]["scored"] or 1),
        "per_folder": per_folder,
        "wrong_files": wrong,
    }


def main() -> int:
    res = evaluate()
    if report_skip(res):
        return 0
    print(
        f"files {res['files']}: scored {res['scored']}, right {res['right']}, "
        f"wrong {res['wrong']}, named {res['named']}/{res['named_of']}, "
        f"guessed {res['guessed']}, unscored (read without error) {res['unscored_read']}, "
        f"errors {res['errors']}"
    )
    print(
        f"accuracy {res['accuracy']:.4f}  named {res['named_rate']:.4f}  "
        f"illformed/chardet {res['chardet_accuracy']:.4f}"
    )
    print(
        f"baseline (feedparser alone, files with non-ASCII text): "
        f"{res['baseline_right']}/{res['baseline_of']} read as written"
    )
    for folder, pf in res["per_folder"].items():
        print(f"  {folder}: {pf['right']}/{pf['scored']} right")
    for w in res["wrong_files"]:
        print(f"  wrong: {w}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
