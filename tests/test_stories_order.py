"""The order of stories in the digest and within a section (issue 9, round 5): more
corroborating outlets first, then relevance, then the newer story (``analysis.rank``).

The fixtures are written for the project; the last test reads the bundled sample."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from extractors.analysis import build_digest, corroborating, rank
from extractors.config import load_config
from extractors.models import Article, Relevance
from extractors.topic import load_topic
from fetch.sources import client_for, collect, make_getter
from tests.conftest import SAMPLES

DAY = datetime(2026, 11, 20, 9, tzinfo=UTC)


def art(source: str, outlet: str | None, published: datetime | None = DAY, **kw) -> Article:
    return Article(
        source=source, title=source, text="Text.", outlet=outlet, published=published, **kw
    )


def rel(score: float) -> Relevance:
    return Relevance(score=score, included=True)


def test_more_corroborating_outlets_come_before_higher_relevance():
    analysis_piece = (rel(0.918), [art("a", "Policy Review")])
    three_outlets = (rel(0.903), [art("b", "Yonhap"), art("c", "KBS"), art("d", "Reuters")])
    order = sorted([analysis_piece, three_outlets], key=lambda s: rank(*s))
    assert order[0] is three_outlets


def test_relevance_then_the_newer_story_break_ties():
    older = (rel(0.8), [art("a", "Yonhap", DAY - timedelta(days=1)), art("b", "KBS")])
    newer = (rel(0.8), [art("c", "Yonhap", DAY + timedelta(hours=3)), art("d", "KBS")])
    more_relevant = (rel(0.9), [art("e", "Yonhap", DAY - timedelta(days=2)), art("f", "KBS")])
    undated = (rel(0.8), [art("g", "Yonhap", None), art("h", "KBS", None)])
    order = sorted([undated, older, newer, more_relevant], key=lambda s: rank(*s))
    assert order == [more_relevant, newer, older, undated]


def test_a_time_without_a_zone_is_read_as_utc():
    naive = (rel(0.8), [art("a", "Yonhap", datetime(2026, 11, 20, 10))])
    aware = (rel(0.8), [art("b", "Yonhap", datetime(2026, 11, 20, 9, 30, tzinfo=UTC))])
    assert sorted([aware, naive], key=lambda s: rank(*s)) == [naive, aware]


def test_state_media_and_editions_do_not_add_corroborating_outlets():
    arts = [
        art("a", "Yonhap"),
        art("b", "KCNA", source_type="state-media"),
        art("c", None, url="https://europe.example.com/x", origin="europe.example.com"),
        art("d", None, url="https://www.example.com/y", origin="www.example.com"),
    ]
    assert corroborating(arts) == 2  # Yonhap and example.com; KCNA never corroborates
    assert corroborating([arts[1]]) == 1  # a state-media story counts its own outlet


@pytest.fixture(scope="module")
def sample_digest():
    cfg = load_config(SAMPLES / "briefing.toml")
    get = make_getter(client_for(cfg))
    arts = [a for s in cfg.sources for a in collect(s, cfg, get).articles]
    topic = load_topic("korea-nato")
    now = datetime(2026, 11, 30, 8, tzinfo=UTC)
    return build_digest(arts, [], topic, title="t", day=date(2026, 11, 30), now=now)


def test_sample_sections_list_the_corroborated_story_first(sample_digest):
    for sec in sample_digest.sections:
        keys = [rank(s.relevance, s.articles) for s in sec.stories]
        assert keys == sorted(keys), sec.title
    ip4 = next(s for s in sample_digest.sections if s.subtopic == "ip4")
    counts = [len(s.outlets) for s in ip4.stories]
    assert counts[0] >= 3 and 1 in counts  # the 3-outlet story above the single analysis
