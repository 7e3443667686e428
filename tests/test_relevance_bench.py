"""The relevance benchmark reads KCNA items the way the pipeline does, and its round-6 label
file is well formed. Fixtures are written here for the project (no corpus text)."""

from __future__ import annotations

import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent.parent / "benchmarks"
if str(BENCH) not in sys.path:
    sys.path.insert(0, str(BENCH))

import relevance_eval  # noqa: E402

from extractors.relevance import judge  # noqa: E402
from extractors.topic import load_topic  # noqa: E402

ITEM = {
    "headline": "Press Statement of Spokesman for Foreign Ministry",
    "link": "http://example.invalid/item/1",
    "date": 1_723_000_000_000,
    "story_text": (
        "Pyongyang, August 7 (KCNA) -- The respected ComradeKim Jong Unsaid the puppet ROK is "
        "tightening its military nexus with NATO.\n"
        "The ties between the ROK and NATO are a threat to the region, the statement said."
    ),
}


def test_kcna_is_read_through_the_pipelines_cleaning() -> None:
    raw = relevance_eval.kcna_article([ITEM], "0")
    cleaned = relevance_eval.kcna_article([ITEM], "0", cleaned=True)
    assert "ComradeKim Jong Unsaid" in raw.text
    assert "Comrade Kim Jong Un said" in cleaned.text
    assert cleaned.title == raw.title
    assert (cleaned.source, cleaned.url, cleaned.outlet, cleaned.source_type) == (
        raw.source,
        raw.url,
        raw.outlet,
        "state-media",
    )
    assert cleaned.published == raw.published


def test_the_cleaned_item_is_still_a_reaction() -> None:
    rel = judge(relevance_eval.kcna_article([ITEM], "0", cleaned=True), load_topic("korea-nato"))
    assert rel.reaction and rel.included


def test_round6_rows_are_scored_once_with_a_fixed_split() -> None:
    rows = relevance_eval.read_round6()
    assert rows, "relevance_labels_round6.csv has no scored row"
    assert all(r["split"] in ("dev", "test") for r in rows)
    assert not any(r["dup_of"] for r in rows)
    keys = [(r["dataset"], r["ref"]) for r in rows]
    assert len(keys) == len(set(keys))
    # the halves are close in size
    dev = sum(r["split"] == "dev" for r in rows)
    assert abs(2 * dev - len(rows)) <= 6


def test_round6_refs_are_in_no_earlier_label_file() -> None:
    earlier = {(r["dataset"], r["ref"]) for r in relevance_eval.read_labels()}
    earlier |= {(r["dataset"], r["ref"]) for r in relevance_eval.read_round4()}
    assert not {(r["dataset"], r["ref"]) for r in relevance_eval.read_round6()} & earlier
