"""Draw a blind set of days for hand-labelling key points and summaries (round 15 on).

A key-point set is a few days of input, each analysed as one batch as a day's run reads
it. The draw picks, by sha256(salt + day), White House days and KCNA days none of whose
documents any earlier set reads: no document of the days the benchmarks load (the
summary day sets v1-v7, the wider sample, the round-5 blind set, the frozen round-6,
round-7, round-12 and round-15 draws) and none of the days an analyst read (``READ_DAYS``). (A
document the people or relevance label files name may be drawn: those files judged its
people or its topic, never its key points.) On each day it
takes up to ``--per-day`` documents by sha256(salt + ref), a text repeated on the day
counted once, KCNA items of 60 words or more. It writes the frozen draw
(``{"_comment", "days", "groups"}``, as ``keypoint_round12_draw.json``) to ``--out``.

    BRIEFING_SHARED_DATA=../shared/data python benchmarks/draw_keypoint_set.py \
        --salt round15: --out benchmarks/keypoint_round15_draw.json
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import keypoint_quality_eval as kq
import summary_eval
from _common import dataset

READ_DAYS = {
    "wh": (
        "2024-07-18",
        "2022-06-25",
        "2024-07-01",
        "2024-07-26",
        "2023-07-14",
        "2022-06-11",
        "2022-06-13",
        "2022-06-30",
        "2024-07-20",
        *kq.HELD_OUT_DAYS,
    ),
    "kcna": (
        "2024-10-22",
        "2024-09-19",
        "2024-10-18",
        "2024-08-23",
        "2024-10-29",
        "2024-08-16",
        "2024-09-16",
        "2024-08-21",
        "2024-09-22",
        "2024-09-27",
        "2024-10-08",
        "2024-09-05",
        "2024-09-06",
    ),
}
"""Days the analyst reads of rounds 11 to 16 used (White House by document date, KCNA by
the day first seen and the day before, as the items are dated). Each read's days are added
after it, so a later run with an earlier salt may draw differently: the frozen draw files
are the record of each set."""


def key(salt: str, ref: str) -> str:
    return hashlib.sha256((salt + ref).encode()).hexdigest()


def used_sources() -> set[str]:
    """The ``source`` of every article an earlier key-point or summary set reads."""
    out: set[str] = set()
    for sets in (
        summary_eval.day_sets(),
        summary_eval.day_sets_v5(),
        summary_eval.day_sets_v6(),
        summary_eval.day_sets_v7(),
    ):
        out |= {a.source for *_, arts in sets or [] for a in arts}
    for draw in (kq.R6_DRAW, kq.R7_DRAW, kq.R12_DRAW, kq.R15_DRAW):
        out |= {a.source for _, arts in kq.round6_sets(draw) or [] for a in arts}
    out |= {a.source for *_, s in kq.wider_stories() or [] for a in s.articles}
    out |= {a.source for _, s in kq.blind_stories() or [] for a in s.articles}
    return out


def _kcna_day(item: dict) -> str:
    return datetime.fromtimestamp(item["date"] / 1000, UTC).date().isoformat()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--salt", required=True)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--wh-days", type=int, default=3)
    ap.add_argument("--kcna-days", type=int, default=4)
    ap.add_argument("--per-day", type=int, default=7)
    a = ap.parse_args()
    wh = dataset("wh-briefings-nato-korea", "docs")
    kc = dataset("kcna-archive-2024", "headlines_2024-11-11.json")
    assert wh is not None and kc is not None, "wh-briefings-nato-korea or kcna-archive-2024 absent"
    used = used_sources()
    # an item first seen on a day is dated that day or the day before
    read_kcna = set(READ_DAYS["kcna"])
    read_kcna |= {str(date.fromisoformat(d) - timedelta(days=1)) for d in READ_DAYS["kcna"]}

    days: dict[str, list[str]] = {}
    for f in sorted((wh / "docs").rglob("*.md")):
        rel = str(f.relative_to(wh))
        if f.parent.parent.name in summary_eval.WH_FOLDERS:
            days.setdefault(f.name[:10], []).append(rel)
    free = [
        d
        for d, refs in days.items()
        if len(refs) >= 4 and d not in READ_DAYS["wh"] and not any(r in used for r in refs)
    ]
    groups: list[list] = []
    chosen: list[str] = []
    for day in sorted(free, key=lambda d: key(a.salt, d))[: a.wh_days]:
        refs = sorted(days[day], key=lambda r: key(a.salt + "wh", r))[: a.per_day]
        groups.append(["wh", sorted(refs)])
        chosen.append(day)

    items = json.loads((kc / "headlines_2024-11-11.json").read_text("utf-8"))
    kdays: dict[str, list[int]] = {}
    for i, it in enumerate(items):
        if it.get("story_text") and isinstance(it.get("date"), int | float):
            kdays.setdefault(_kcna_day(it), []).append(i)
    kfree = [
        d
        for d, refs in kdays.items()
        if len(refs) >= a.per_day
        and d not in read_kcna
        and not any(f"kcna#{i}" in used for i in refs)
    ]
    for day in sorted(kfree, key=lambda d: key(a.salt, d))[: a.kcna_days]:
        texts: set[str] = set()
        refs = []
        for i in sorted(kdays[day], key=lambda r: key(a.salt + "kcna", str(r))):
            text = items[i]["story_text"]
            if text in texts or len(text.split()) < 60:
                continue
            texts.add(text)
            refs.append(str(i))
            if len(refs) == a.per_day:
                break
        groups.append(["kcna", sorted(refs, key=int)])
        chosen.append(day)
    comment = (
        f"A key-point set drawn once by benchmarks/draw_keypoint_set.py --salt {a.salt} "
        f"({a.wh_days} White House days, {a.kcna_days} KCNA days, up to {a.per_day} "
        "documents a day; the script's docstring gives the method). One group per day "
        "(analysed as one batch): [corpus, refs], refs = path under "
        "wh-briefings-nato-korea or index in headlines_2024-11-11.json."
    )
    out = {"_comment": comment, "days": chosen, "groups": groups}
    a.out.write_text(json.dumps(out, indent=1) + "\n", "utf-8")
    for day, (corpus, refs) in zip(chosen, groups, strict=True):
        print(corpus, day, len(refs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
