"""Draw a blind set of articles for hand-labelling people and roles (round 14 on).

Prints, and writes to ``--out``, one text file per drawn article (its title and the
cleaned text the pipeline reads, nothing the system found) plus ``manifest.json``
mapping each file to its ``dataset`` and ``ref``. The draw is by sha256(salt + ref)
among texts whose name no file under ``benchmarks/`` or ``tests/`` holds, so a new set
never overlaps one already read or tuned on:

- giveme5w1h news_cluster: 1,200-4,500 characters of cleaned text (``--news-chars``);
- White House documents: 1,100-2,500 characters (``--wh-chars``), at most one per day;
- KCNA items: 100-450 words, distinct texts, at most one per day, days no KCNA item
  named in those files was first seen on.

    BRIEFING_SHARED_DATA=../shared/data python benchmarks/draw_people_set.py \
        --salt new12: --out /tmp/v12

The labels then go in ``entities_labels_vN.json`` (see ``entities_eval.py``)."""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks._common import dataset
from benchmarks.entities_eval import kcna_article, read_article
from extractors.models import Article

ROOT = Path(__file__).resolve().parent.parent


def named_blob() -> str:
    """Every benchmark and test file's text, to test whether a ref is already used."""
    parts = []
    for d in ("benchmarks", "tests"):
        for p in sorted((ROOT / d).rglob("*")):
            if p.is_file() and p.suffix in {".json", ".tsv", ".csv", ".py", ".txt", ".md"}:
                parts.append(p.read_text("utf-8", errors="replace"))
    return "\n".join(parts)


def span(text: str) -> tuple[int, int]:
    low, _, high = text.partition("-")
    return int(low), int(high)


def key(salt: str, ref: str) -> str:
    return hashlib.sha256((salt + ref).encode()).hexdigest()


def draw(refs: list[str], salt: str, n: int, pick: Callable[[str], Article | None]) -> list:
    """The first ``n`` refs, in sha256(salt + ref) order, that ``pick`` takes (it returns
    the article, or None to pass over the ref), as (ref, article) pairs."""
    out = []
    for ref in sorted(refs, key=lambda r: key(salt, r)):
        if len(out) == n:
            break
        art = pick(ref)
        if art is not None:
            out.append((ref, art))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--salt", required=True)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--news", type=int, default=10)
    ap.add_argument("--wh", type=int, default=8)
    ap.add_argument("--kcna", type=int, default=7)
    ap.add_argument("--news-chars", type=span, default=(1200, 4500), help="MIN-MAX characters")
    ap.add_argument("--wh-chars", type=span, default=(1100, 2500), help="MIN-MAX characters")
    a = ap.parse_args()
    blob = named_blob()
    drawn: list[tuple[str, str, Article]] = []

    gm = dataset("giveme5w1h-news", "news_cluster/data")
    assert gm is not None, "giveme5w1h-news not found"

    def news(ref: str) -> Article | None:
        art = read_article(gm, ref)
        return (
            art if art is not None and a.news_chars[0] <= len(art.text) <= a.news_chars[1] else None
        )

    refs = [str(f.relative_to(gm)) for f in sorted((gm / "news_cluster" / "data").glob("*.json"))]
    refs = [r for r in refs if Path(r).stem not in blob]
    drawn += [("giveme5w1h-news", r, art) for r, art in draw(refs, a.salt, a.news, news)]

    wh = dataset("wh-briefings-nato-korea", "docs")
    assert wh is not None, "wh-briefings-nato-korea not found"
    days: set[str] = set()

    def release(ref: str) -> Article | None:
        day = Path(ref).stem[:10]
        art = None if day in days else read_article(wh, ref)
        if art is None or not a.wh_chars[0] <= len(art.text) <= a.wh_chars[1]:
            return None
        days.add(day)
        return art

    refs = [str(f.relative_to(wh)) for f in sorted((wh / "docs").rglob("*.md"))]
    refs = [r for r in refs if Path(r).stem not in blob]
    drawn += [("wh-briefings-nato-korea", r, art) for r, art in draw(refs, a.salt, a.wh, release)]

    kc = dataset("kcna-archive-2024")
    assert kc is not None, "kcna-archive-2024 not found"
    items = json.loads((kc / "headlines_2024-11-11.json").read_text("utf-8"))
    by_link = {it["link"]: it for it in items if it.get("link")}
    seen = {
        row["link"]: row["first_seen_in_daily_file"]
        for row in csv.DictReader((kc / "first_seen.csv").open(encoding="utf-8"))
    }
    used_days = {d for link, d in seen.items() if link in blob}
    texts: set[str] = set()
    kdays: set[str] = set()

    def item(link: str) -> Article | None:
        text = by_link[link].get("story_text") or ""
        day = seen.get(link, by_link[link].get("date_str", ""))
        if link in blob or day in used_days or day in kdays or text in texts:
            return None
        if not 100 <= len(text.split()) <= 450:
            return None
        texts.add(text)
        kdays.add(day)
        return kcna_article(by_link, link)

    drawn += [("kcna-archive-2024", r, art) for r, art in draw(list(by_link), a.salt, a.kcna, item)]

    a.out.mkdir(parents=True, exist_ok=True)
    manifest = []
    for n, (ds, ref, art) in enumerate(drawn, 1):
        name = f"{n:02d}.txt"
        (a.out / name).write_text(f"{art.title}\n\n{art.text}\n", "utf-8")
        manifest.append({"file": name, "dataset": ds, "ref": ref})
        print(name, ds, ref)
    (a.out / "manifest.json").write_text(json.dumps(manifest, indent=1), "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
