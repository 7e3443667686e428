"""Quality floors: each benchmark's figures must stay at or above benchmarks/floors.json.

The benchmarks read ../shared/data (or $BRIEFING_SHARED_DATA) at run time; when a
corpus is absent the test skips. Full runs (about a minute on 2 cores in all):
clean on all 181 pages, stories on all 383 articles, key points on politics
001-300, relevance on the whole labelled set, summaries and key-point quality on the
news_cluster stories (hand labels in benchmarks/summary_labels.json and
benchmarks/keypoint_labels.tsv).
"""

from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

BENCH = Path(__file__).resolve().parent.parent / "benchmarks"
FLOORS = json.loads((BENCH / "floors.json").read_text(encoding="utf-8"))


def _bench(name: str) -> ModuleType:
    """Import benchmarks/<name>.py under its own name (benchmarks/ is not a package), the
    way the benchmarks import each other: one module, so their cached analyses (e.g.
    ``summary_eval.news_cluster_stories``, used by the summary and the key-point quality
    benchmarks) are computed once per session, not once per importer."""
    if str(BENCH) not in sys.path:
        sys.path.insert(0, str(BENCH))
    module = importlib.import_module(name)
    assert Path(module.__file__ or "").resolve() == (BENCH / f"{name}.py").resolve(), module
    return module


_RESULTS: dict[tuple, dict] = {}


def _evaluate(name: str, **kwargs) -> dict:
    """A benchmark's figures, computed once per session for the same arguments (the
    relevance benchmark's figures are checked by two tests)."""
    key = (name, tuple(sorted(kwargs.items())))
    if key not in _RESULTS:
        _RESULTS[key] = _bench(name).evaluate(**kwargs)
    result = _RESULTS[key]
    if "skipped" in result:
        pytest.skip(result["skipped"])
    return result


def _check(section: str, figures: dict[str, float], keys: set[str] | None = None) -> None:
    """The figures are those of the section's floors (or of ``keys``), each at or above
    its floor."""
    floors = FLOORS[section]
    if keys is None:
        keys = {k for k in floors if not k.startswith("_")}
    missing = set(figures) ^ keys
    assert not missing, f"floors.json [{section}] and the test disagree on {sorted(missing)}"
    low = {
        k: f"{v:.4f} < floor {floors[k]['floor']} (measured {floors[k]['measured']})"
        for k, v in figures.items()
        if v < floors[k]["floor"]
    }
    assert not low, f"{section}: figures below their floors: {low}"


@pytest.fixture(scope="module")
def clean_result() -> dict:
    return _evaluate("clean_eval", workers=2)


def test_clean_floors(clean_result: dict) -> None:
    p = clean_result["project"]
    figures = {f"project_{k}": p[k] for k in ("f1", "precision", "recall")}
    figures["sentences_in_body"] = clean_result["sentences_in_body"]
    # plain-text input (news-please): furniture removed and body sentences kept
    text = _bench("clean_eval").evaluate_text(workers=2)
    if "skipped" in text:
        pytest.skip(text["skipped"])
    figures.update(_bench("clean_eval").text_figures(text))
    # round 5: the blind plain-text set and run-together words (KCNA)
    figures.update(_bench("clean_eval").round5_figures(workers=2))
    # round 6: the second blind plain-text set
    figures.update(_bench("clean_eval").round6_figures(workers=2))
    # round 7: the blind set with White House Markdown, and false splits on BBC text
    figures.update(_bench("clean_eval").round7_figures(workers=2))
    _check("clean", figures)


def test_clean_never_below_trafilatura_defaults(clean_result: dict) -> None:
    ours, base = clean_result["project"]["f1"], clean_result["trafilatura_defaults"]["f1"]
    assert ours >= base, f"clean_html F1 {ours:.4f} is below trafilatura defaults {base:.4f}"


def test_stories_floors() -> None:
    res = _evaluate("stories_eval", extras=False)
    figures = {f"default_{k}": res[k] for k in ("f1", "precision", "recall")}
    figures["best_sweep_f1"] = res["best_f1"]
    figures["dev_f1"] = res["split"]["dev"]["f1"]
    figures["test_f1"] = res["split"]["test"]["f1"]
    # same theme, different events (KCNA weeks, White House weeks, news_cluster): the share
    # of different-event pairs kept in different stories (1 - the wrong-merge rate)
    for part in ("dev", "test"):
        figures[f"theme_{part}_apart"] = 1 - res["theme"][f"all_{part}"]["rate"]
    # hand-labelled same-day events (stories_sameday_labels.json): different-event pairs of
    # one day kept apart (1 - wrong merges) and one-event pairs kept together (1 - splits)
    if "skipped" not in res["sameday"]:
        for part in ("dev", "test"):
            figures[f"sameday_{part}_apart"] = 1 - res["sameday"][part]["wrong_merge"]
            figures[f"sameday_{part}_together"] = 1 - res["sameday"][part]["wrong_split"]
    # round 5: ten more days labelled blind (stories_sameday_labels_r5.json, all held out),
    # and dev with news_cluster's lumped launches told apart (stories_cluster_events.json)
    if "skipped" not in res["sameday_blind"]:
        figures["sameday_blind_apart"] = 1 - res["sameday_blind"]["test"]["wrong_merge"]
        figures["sameday_blind_together"] = 1 - res["sameday_blind"]["test"]["wrong_split"]
    # second pass: six more days labelled blind, the dev set of the event-kinds rule
    if "skipped" not in res["sameday_dev2"]:
        figures["sameday_dev2_apart"] = 1 - res["sameday_dev2"]["dev"]["wrong_merge"]
        figures["sameday_dev2_together"] = 1 - res["sameday_dev2"]["dev"]["wrong_split"]
    # round 6: ten more days labelled blind (stories_sameday_labels_r6.json), dev/test by day
    if "skipped" not in res["sameday_r6"]:
        for part in ("dev", "test"):
            figures[f"sameday_r6_{part}_apart"] = 1 - res["sameday_r6"][part]["wrong_merge"]
            figures[f"sameday_r6_{part}_together"] = 1 - res["sameday_r6"][part]["wrong_split"]
    # round 7: six White House days labelled blind (stories_sameday_labels_r7.json), by day
    if "skipped" not in res["sameday_r7"]:
        for part in ("dev", "test"):
            figures[f"sameday_r7_{part}_apart"] = 1 - res["sameday_r7"][part]["wrong_merge"]
            figures[f"sameday_r7_{part}_together"] = 1 - res["sameday_r7"][part]["wrong_split"]
    figures["dev_f1_corrected"] = res["split_corrected"]["dev"]["f1"]
    _check("stories", figures)


def test_keypoints_floors() -> None:
    res = _evaluate("keypoints_eval")
    _check(
        "keypoints",
        {
            f"project_{m}_at_{mode}": res[f"project@{mode}"][m]
            for mode in ("3", "ref")
            for m in ("rouge1", "rouge2")
        },
    )


def test_relevance_floors() -> None:
    res = _evaluate("relevance_eval")
    figures = {k: res[k] for k in ("precision", "recall", "f1")}
    figures["test_recall"] = res["by_split"]["test"]["recall"]
    for part in ("dev", "test"):  # the round-4 set has no positive: 1 - false-positive rate
        figures[f"round4_{part}_specificity"] = 1 - res["round4"][part]["fp_rate"]
        figures[f"round6_{part}_specificity"] = res["round6"][part]["specificity"]
    react6 = res["round6"]["all"]["reactions"]  # no reaction positive either
    figures["round6_reaction_specificity"] = 1 - react6["fp"] / max(react6["fp"] + react6["tn"], 1)
    for part in ("dev", "test"):  # the digest section of 80 blind-labelled documents
        figures[f"section_{part}_accuracy"] = res["sections"][part]["accuracy"]
    r7 = res["round7"]  # every row of the round-7 blind set, copies included
    for part in ("dev", "test"):
        figures[f"round7_{part}_specificity"] = r7[part]["copies"]["specificity"]
        for k in ("precision", "recall"):
            figures[f"round7_{part}_near_{k}"] = r7[part]["copies"]["near_misses"][k]
    for k in ("precision", "recall"):
        figures[f"round7_reaction_{k}"] = r7["all"]["copies"]["reactions"][k]
    for part in ("dev", "test"):  # round 7's 30 blind section labels
        figures[f"section7_{part}_accuracy"] = res["sections7"][part]["accuracy"]
    _check("relevance", figures)


def test_encoding_floors() -> None:
    res = _evaluate("encoding_eval")
    _check("encoding", {k: res[k] for k in ("accuracy", "named_rate", "chardet_accuracy")})


def test_korean_floors() -> None:
    res = _evaluate("korean_eval")
    figures = {
        f"test_{k}": res["test"][k]
        for k in ("sentence_f1", "person_recall", "date_accuracy", "pair_f1")
    }
    figures["dev_pair_f1"] = res["dev"]["pair_f1"]
    _check("korean", figures)


def test_reaction_floors() -> None:
    res = _evaluate("relevance_eval")
    figures = {k: res["reactions"][k] for k in ("precision", "recall")}
    figures |= {
        f"round4_{k}": res["round4"]["all"]["reactions"][k] for k in ("precision", "recall")
    }
    _check("reactions", figures)


def test_entities_floors() -> None:
    res = _evaluate("entities_eval")
    a = res["all"]
    _check(
        "entities",
        {
            "people_precision": a["precision"],
            "people_recall": a["recall"],
            "role_accuracy": a["role_accuracy"],
            "who_recall": res["who_recall"]["all"],
            **{
                f"{v}_{sp}_{k}": res[v][sp][m]
                for v, sp in [(v, sp) for v in ("v2", "v3", "v5") for sp in ("dev", "test")]
                + [("v5b", "dev"), ("v6", "dev"), ("v6", "test")]
                for k, m in (
                    ("people_precision", "precision"),
                    ("people_recall", "recall"),
                    ("role_accuracy", "role_accuracy"),
                )
            },
            **{
                f"{v}_{sp}_{k}": res[v][sp][m]
                for v in ("v7", "v8", "v9", "v10", "v11", "v12", "v13", "v14")
                for sp in ("dev", "test")
                for k, m in (
                    ("people_precision", "precision"),
                    ("people_recall", "recall"),
                    ("role_accuracy", "role_accuracy"),
                    ("role_whole", "role_whole"),
                )
            },
        },
    )


def test_dates_floors() -> None:
    res = _evaluate("dates_eval")
    a = res["all"]
    figures = {
        "precision": a["precision"],
        "recall": a["recall"],
        "tz_accuracy": res["tz_accuracy"],
    }
    for key in (
        "gs_dev",
        "gs_test",
        "wh_dev",
        "wh_dev2",
        "wh_test",
        "v5_dev",
        "v5_test",
        "v5b",
        "v6_dev",
        "v6_test",
        "v6_dev_upcoming",
        "v6_test_upcoming",
        "v7_dev",
        "v7_test",
        "v7_dev_upcoming",
        "v7_test_upcoming",
        "v8_dev",
        "v8_test",
        "v8_dev_upcoming",
        "v8_test_upcoming",
        "v9_dev",
        "v9_test",
        "v9_dev_upcoming",
        "v9_test_upcoming",
    ):
        if key in res:
            figures[f"{key}_precision"] = res[key]["precision"]
            figures[f"{key}_recall"] = res[key]["recall"]
    _check("dates", figures)


# The summary and key-point-quality floors are checked in parts, each part's figures by
# their own test, so that the two processes of `make test` share the work: the
# news_cluster parts (one cached analysis) on one worker, the day sets and the other
# samples wherever a worker is free. ``PARTS`` says which floors each part checks; every
# floor belongs to exactly one part (test_every_floor_is_checked_by_one_part).
PARTS: dict[str, dict[str, tuple[str, ...]]] = {
    "summary": {
        "news_cluster": ("states_event_", "with_summary_"),
        "days": ("days_",),
        "rouge": ("rouge",),
    },
    "keypoint_quality": {
        "news_cluster": ("clean_", "readable_", "also_precision_"),
        "wider": ("wider_",),
        "held_out": ("blind_", "round6_", "round12_", "round15_"),
    },
}


def _check_part(section: str, part: str, figures: dict[str, float]) -> None:
    """``_check`` on the floors of one part of a section (``PARTS``)."""
    prefixes = PARTS[section][part]
    _check(section, figures, keys={k for k in FLOORS[section] if k.startswith(prefixes)})


def test_every_floor_is_checked_by_one_part() -> None:
    for section, parts in PARTS.items():
        for key in (k for k in FLOORS[section] if not k.startswith("_")):
            owners = [p for p, prefixes in parts.items() if key.startswith(prefixes)]
            assert len(owners) == 1, f"floors.json [{section}] {key}: checked by {owners}"


def _summary_part(name: str) -> dict:
    """One part of summary_eval's figures (``summary_eval.PARTS``); skips without its data."""
    got = _evaluate("summary_eval", only=(name,))[name]
    if "skipped" in got:
        pytest.skip(got["skipped"])
    return got


def test_summary_news_cluster_floors() -> None:
    ev = _summary_part("events")
    _check_part(
        "summary",
        "news_cluster",
        {
            "states_event_dev": ev["dev"]["states_event"],
            "states_event_test": ev["test"]["states_event"],
            "with_summary_test": ev["test"]["with_summary"],
        },
    )
    assert ev["dev"]["max_words"] <= 60 and ev["test"]["max_words"] <= 60


def test_summary_day_floors() -> None:
    res = _evaluate("summary_eval", only=("days", "days_v5", "days_v6", "days_v7"))
    dy = res["days"]
    if "skipped" in dy:
        pytest.skip(dy["skipped"])
    _check_part(
        "summary",
        "days",
        {
            "days_states_event_dev": dy["dev"]["states_event"],
            "days_states_event_test": dy["test"]["states_event"],
            "days_with_summary": min(dy[p]["with_summary"] for p in ("dev", "test")),
            **{
                f"{v}_states_event_{p}": res[v][p]["states_event"]
                for v in ("days_v5", "days_v6", "days_v7")
                for p in ("dev", "test")
                if "skipped" not in res[v]
            },
        },
    )


def test_summary_rouge_floors() -> None:
    rg = _summary_part("rouge")
    _check_part(
        "summary",
        "rouge",
        {"rouge1_at_ref": rg["at_ref"]["rouge1"], "rouge2_at_ref": rg["at_ref"]["rouge2"]},
    )


def test_keypoint_quality_news_cluster_floors() -> None:
    res = _evaluate("keypoint_quality_eval")
    figures = {}
    for part in ("dev", "test"):
        r = res[part]
        unlabelled = r["labels"].get("unlabelled", 0) / max(r["key_points"], 1)
        assert unlabelled <= 0.1, f"{part}: {unlabelled:.0%} of key points have no hand label"
        figures[f"clean_{part}"] = 1 - r["furniture"]
        figures[f"readable_{part}"] = 1 - r["not_ok"]
        figures[f"also_precision_{part}"] = r["also_precision"]
    _check_part("keypoint_quality", "news_cluster", figures)


def test_keypoint_quality_wider_floors() -> None:
    wide = _bench("keypoint_quality_eval").evaluate_wider()
    if "skipped" in wide:
        pytest.skip(wide["skipped"])
    figures = {}
    for part in ("dev", "test"):
        r = wide[part]
        assert not r["labels"].get("unlabelled"), f"wider {part}: key points without a label"
        assert not r["summaries"].get("unlabelled"), f"wider {part}: summaries without a label"
        figures[f"wider_clean_{part}"] = 1 - r["furniture"]
        figures[f"wider_readable_{part}"] = r["readable"]
        figures[f"wider_on_event_{part}"] = 1 - r["offtopic"]
        figures[f"wider_summary_event_{part}"] = r["states_event"]
    _check_part("keypoint_quality", "wider", figures)


def test_keypoint_quality_held_out_floors() -> None:
    kq = _bench("keypoint_quality_eval")
    # round 5: the blind set (White House and KCNA days, gold_standard events; test only)
    blind = kq.evaluate_blind()
    if "skipped" in blind:
        pytest.skip(blind["skipped"])
    assert not blind["labels"].get("unlabelled"), "blind set: key points without a label"
    figures = {"blind_clean": 1 - blind["furniture"], "blind_readable": blind["readable"]}
    # round 6: a second held-out set, dev and test by story
    r6 = kq.evaluate_round6()
    for part in ("dev", "test"):
        r = r6[part]
        assert not r["labels"].get("unlabelled"), f"round-6 {part}: key points without a label"
        figures[f"round6_clean_{part}"] = 1 - r["furniture"]
        figures[f"round6_readable_{part}"] = r["readable"]
        figures[f"round6_ok_per_story_{part}"] = r["ok_per_story"]
    # round 12: KCNA items, labelled under the state-media convention of its label file;
    # round 15: White House and KCNA days, labelled blind under the same convention
    for name, res in (("round12", kq.evaluate_round12()), ("round15", kq.evaluate_round15())):
        for part in ("dev", "test"):
            r = res[part]
            assert not r["labels"].get("unlabelled"), f"{name} {part}: key points without a label"
            assert not r["summaries"].get("unlabelled"), f"{name} {part}: summaries without a label"
            figures[f"{name}_readable_{part}"] = r["readable"]
            figures[f"{name}_ok_per_story_{part}"] = r["ok_per_story"]
            figures[f"{name}_summary_event_{part}"] = r["states_event"]
    _check_part("keypoint_quality", "held_out", figures)
