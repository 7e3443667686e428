"""Shared helpers for the evaluation scripts: where the data is, and small utilities.

The corpora live outside the project (``../shared/data`` next to the checkout, or
``$BRIEFING_SHARED_DATA``). They are read by path at run time and never copied into
the project. When a corpus is absent, ``evaluate()`` returns ``{"skipped": reason}``
and the command line prints ``skipped: data not found`` and exits 0.
"""

from __future__ import annotations

import hashlib
import os
import sys
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
PROJECT_ROOT = BENCH_DIR.parent

if str(PROJECT_ROOT) not in sys.path:
    sys.path.insert(0, str(PROJECT_ROOT))


def shared_data() -> Path:
    """``$BRIEFING_SHARED_DATA``, else ``<checkout>/../shared/data``."""
    env = os.environ.get("BRIEFING_SHARED_DATA")
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[2] / "shared" / "data"


def dataset(name: str, *required: str) -> Path | None:
    """The dataset folder, or None when it (or one of ``required`` inside it) is absent."""
    d = shared_data() / name
    if not d.is_dir():
        return None
    if any(not (d / r).exists() for r in required):
        return None
    return d


def skipped(name: str) -> dict:
    return {"skipped": f"data not found: {shared_data() / name}"}


def report_skip(result: dict) -> bool:
    """Print the skip line when ``result`` is a skip; True when it was."""
    if "skipped" in result:
        print(f"skipped: {result['skipped']}")
        return True
    return False


def read_gz(path: Path) -> str:
    """A gzipped UTF-8 text file."""
    import gzip

    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return fh.read()


def label_key(*texts: str) -> str:
    """The hash a hand label is stored under (never the text): the texts, white space
    collapsed, joined by " | "."""
    return hashlib.sha1(" | ".join(" ".join(t.split()) for t in texts).encode()).hexdigest()[:12]


def by_hash(items: list[str]) -> list[str]:
    """The items in the order of their SHA-1: a fixed draw that no reader chose."""
    return sorted(items, key=lambda x: hashlib.sha1(x.encode()).hexdigest())


def f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def prf(right_pred: int, n_pred: int, right_gold: int, n_gold: int, empty: float = 0.0) -> dict:
    """precision, recall, F1 and the two counts; ``empty`` where a count is 0."""
    p = right_pred / n_pred if n_pred else empty
    r = right_gold / n_gold if n_gold else empty
    return {"precision": p, "recall": r, "f1": f1(p, r), "predicted": n_pred, "labelled": n_gold}


def table(rows: list[tuple], header: tuple) -> str:
    """A plain fixed-width table."""
    cells = [tuple(str(c) for c in header)] + [tuple(_fmt(c) for c in r) for r in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(header))]
    lines = []
    for k, r in enumerate(cells):
        lines.append(
            "  ".join(
                c.ljust(w) if i == 0 else c.rjust(w)
                for i, (c, w) in enumerate(zip(r, widths, strict=True))
            ).rstrip()
        )
        if k == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def _fmt(c: object) -> str:
    if isinstance(c, float):
        return f"{c:.3f}"
    return str(c)
