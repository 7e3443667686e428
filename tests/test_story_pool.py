"""Per-story work only for the stories a digest shows, and in a process pool: the digest is
the same as the serial, all-stories analysis cut to ``max_stories``."""

from __future__ import annotations

import json
import sys
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from extractors import analysis
from extractors.render import render_json
from extractors.topic import load_topic
from fetch import sources
from flows import cli
from tests.conftest import SAMPLES

ROOT = Path(__file__).resolve().parents[1]
DAY = date(2026, 1, 31)
NOW = datetime(2026, 1, 31, tzinfo=UTC)


def real_articles(n: int):
    """``n`` articles of ../shared/data as benchmarks/scale.py builds them (skip without)."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import scale

    if scale.dataset(scale.BBC) is None and scale.dataset(scale.CLUSTER) is None:
        pytest.skip("../shared/data not found")
    arts = scale.build_articles(n)
    # a few state-media articles among them, so reactions are chosen too
    return [a if i % 9 else replace(a, source_type="state-media") for i, a in enumerate(arts)]


def digest_json(arts, *, max_stories: int, no_filter: bool = True, **kw) -> dict:
    d = analysis.build_digest(
        arts,
        [],
        load_topic("korea-nato"),
        title="t",
        day=DAY,
        now=NOW,
        no_filter=no_filter,
        max_stories=max_stories,
        **kw,
    )
    return json.loads(render_json(d))


def test_limited_analysis_is_the_full_one_cut(tmp_path):
    arts = real_articles(60)
    topic = load_topic("korea-nato")
    full, _ = analysis.analyse(arts, topic, no_filter=True)
    news, reactions = analysis.split_reactions(full)
    assert len(news) > 12 and len(reactions) > 3
    for k in (1, 4, 12):
        got, _ = analysis.analyse(arts, topic, no_filter=True, limit=k)
        assert len(got) < len(full)
        n, r = analysis.split_reactions(got)
        assert [s.id for s in n[:k]] == [s.id for s in news[:k]]
        assert [s.id for s in r[:k]] == [s.id for s in reactions[:k]]
        assert [s.key_points for s in n[:k]] == [s.key_points for s in news[:k]]


def test_pool_gives_the_serial_digest_on_real_data():
    arts = real_articles(80)
    serial = digest_json(arts, max_stories=10_000)
    pooled = digest_json(
        arts, max_stories=10_000, mapper=sources.pooled_map(2, min_items=1), processes=2
    )
    assert sources._POOLS.get(2) is not None  # the work went to the pool
    assert len(serial["stories"]) > 50
    assert pooled == serial


@pytest.fixture(scope="module")
def sample_articles():
    """Every bundled sample article (files and pages), read as the CLI reads them."""
    from fetch.http import HttpClient

    get = sources.make_getter(HttpClient(timeout=5))
    paths = sorted((SAMPLES / "files").iterdir()) + sorted((SAMPLES / "pages").iterdir())
    return [sources.file_article(str(p), str(p), get) for p in paths]


def test_pool_gives_the_serial_digest_on_the_sample(sample_articles):
    serial = digest_json(sample_articles, max_stories=25, no_filter=False)
    pooled = digest_json(
        sample_articles,
        max_stories=25,
        no_filter=False,
        mapper=sources.pooled_map(2, min_items=1),
        processes=2,
    )
    assert serial["stories"] and pooled == serial


def test_chunks_keep_order_and_cover_everything():
    items = list(range(23))
    for parts in (1, 2, 8, 50):
        chunks = analysis.chunked(items, parts)
        assert len(chunks) <= parts and [x for c in chunks for x in c] == items
    assert analysis.chunked([], 4) == []


def inputs() -> list[str]:
    files = sorted(str(p) for p in (SAMPLES / "files").iterdir())
    pages = sorted(str(p) for p in (SAMPLES / "pages").glob("*.html"))
    return [*pages, *files, str(SAMPLES / "files" / "missing.txt")]


def run_cli(argv: list[str], capsys) -> tuple[int, str]:
    code = cli.main(argv)
    return code, capsys.readouterr().out


def test_cli_clean_and_analyze_in_the_pool_match_one_process(capsys):
    many = inputs()
    assert len(many) >= sources.MIN_POOLED
    one = run_cli(["clean", "-q", "--processes", "1", *many], capsys)
    two = run_cli(["clean", "-q", "--processes", "2", *many], capsys)
    assert one == two and one[0] == 1  # the missing file: one failed input
    rows = [json.loads(line) for line in two[1].splitlines()]
    assert [r["source"] for r in rows] == many  # in the order given
    assert "missing.txt" in rows[-1]["source"] and rows[-1]["error"]
    base = ["analyze", "-q", "--published", "2026-11-20", "--no-filter"]
    a1 = run_cli([*base, "--processes", "1", *many], capsys)
    a2 = run_cli([*base, "--processes", "2", *many], capsys)
    strip = lambda out: {k: v for k, v in json.loads(out).items() if k != "generated_at"}  # noqa: E731
    assert a1[0] == a2[0] == 0
    assert strip(a1[1]) == strip(a2[1])
    assert strip(a2[1])["failures"]  # the missing file is named in the digest
