"""Draw a blind set of articles for hand-labelling people and roles (round 14 on).

Prints, and writes to ``--out``, one text file per drawn article (its title and the
cleaned text the pipeline reads, nothing the system found) plus ``manifest.json``
mapping each file to its ``dataset`` and ``ref``. The draw is by sha256(salt + ref)
among texts whose name no file under ``benchmarks/`` or ``tests/`` holds, so a new set
never overlaps one already read or tuned on:

- giveme5w1h news_cluster: 1,200-4,500 characters of cleaned text;
- White House documents: 1,100-2,500 characters, at most one per day;
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
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks._common import dataset
from benchmarks.entities_eval import kcna_article, read_article

ROOT = Path(__file__).resolve().parent.parent


def named_blob() -> str:
    """Every benchmark and test file's text, to test whether a ref is already used."""
    parts = []
    for d in ("benchmarks", "tests"):
        for p in sorted((ROOT / d).rglob("*")):
            if p.is_file() and p.suffix in {".json", ".tsv", ".csv", ".py", ".txt", ".md"}:
                parts.append(p.read_text("utf-8", errors="replace"))
    return "\n".join(parts)


def key(salt: str, ref: str) -> str:
    return hashlib.sha256((salt + ref).encode()).hexdigest()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--salt", required=True)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--news", type=int, default=10)
    ap.add_argument("--wh", type=int, default=8)
    ap.add_argument("--kcna", type=int, default=7)
    a = ap.parse_args()
    blob = named_blob()
    drawn: list[tuple[str, str, object]] = []

    gm = dataset("giveme5w1h-news", "news_cluster/data")
    assert gm is not None, "giveme5w1h-news not found"
    refs = [str(f.relative_to(gm)) for f in sorted((gm / "news_cluster" / "data").glob("*.json"))]
    refs = [r for r in refs if Path(r).stem not in blob]
    for r in sorted(refs, key=lambda r: key(a.salt, r)):
        art = read_article(gm, r)
        if art is not None and 1200 <= len(art.text) <= 4500:
            drawn.append(("giveme5w1h-news", r, art))
        if sum(d == "giveme5w1h-news" for d, _, _ in drawn) == a.news:
            break

    wh = dataset("wh-briefings-nato-korea", "docs")
    assert wh is not None, "wh-briefings-nato-korea not found"
    refs = [str(f.relative_to(wh)) for f in sorted((wh / "docs").rglob("*.md"))]
    refs = [r for r in refs if Path(r).stem not in blob]
    days: set[str] = set()
    for r in sorted(refs, key=lambda r: key(a.salt, r)):
        day = Path(r).stem[:10]
        if day in days:
            continue
        art = read_article(wh, r)
        if art is not None and 1100 <= len(art.text) <= 2500:
            drawn.append(("wh-briefings-nato-korea", r, art))
            days.add(day)
        if len(days) == a.wh:
            break

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
    for link in sorted(by_link, key=lambda r: key(a.salt, r)):
        it = by_link[link]
        text = it.get("story_text") or ""
        day = seen.get(link, it.get("date_str", ""))
        if link in blob or day in used_days or day in kdays or text in texts:
            continue
        if 100 <= len(text.split()) <= 450:
            drawn.append(("kcna-archive-2024", link, kcna_article(by_link, link)))
            texts.add(text)
            kdays.add(day)
        if len(kdays) == a.kcna:
            break

    a.out.mkdir(parents=True, exist_ok=True)
    manifest = []
    for n, (ds, ref, art) in enumerate(drawn, 1):
        name = f"{n:02d}.txt"
        (a.out / name).write_text(f"{art.title}\n\n{art.text}\n", "utf-8")  # type: ignore[attr-defined]
        manifest.append({"file": name, "dataset": ds, "ref": ref})
        print(name, ds, ref)
    (a.out / "manifest.json").write_text(json.dumps(manifest, indent=1), "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
