"""Relevance, stories and key points: pure functions on real and hand-written texts."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from extractors.analysis import analyse, build_digest, dedupe, normalise_url
from extractors.clean import clean_text
from extractors.errors import ConfigError
from extractors.models import Article
from extractors.relevance import judge
from extractors.topic import load_topic
from tests.conftest import ROOT

KOREA_NATO = load_topic("korea-nato")

PASSING = Article(
    source="passing.txt",
    title="Ministers meet as markets wobble",
    text=(
        "NATO defence ministers spent the morning on air defence for Ukraine and the pace of "
        "deliveries from European factories, officials said after the meeting ended.\n"
        "In Asia, South Korea reported a rise in semiconductor exports for the third month, "
        "helped by demand for memory chips from data centres in the United States.\n"
        "Oil prices fell slightly on the day as traders waited for new inventory figures."
    ),
)

TOGETHER = Article(
    source="together.txt",
    title="Seoul and the alliance deepen ties",
    text=(
        "South Korea and NATO agreed on Tuesday to expand joint work on ammunition "
        "production, the first concrete step under their new partnership programme.\n"
        "Officials in Seoul said the talks with NATO staff would continue next month."
    ),
)


def article_from(path) -> Article:
    c = clean_text(path.read_text())
    return Article(source=str(path), title=c.title, text=c.text, outlet=c.outlet)


def test_passing_mentions_are_not_relevant():
    r = judge(PASSING, KOREA_NATO)
    assert not r.included and "passing" in r.summary
    assert r.score < KOREA_NATO.thresholds.include


def test_a_paragraph_about_seoul_with_nato_is_relevant():
    r = judge(TOGETHER, KOREA_NATO)
    assert r.included, r
    assert "defence-industry" in r.subtopics
    assert any(x.group == "anchor:NATO" and x.where == "lead" for x in r.reasons)


def test_seeds_are_relevant_with_reasons(seeds):
    for p in seeds.values():
        r = judge(article_from(p), KOREA_NATO)
        assert r.included and r.score >= 0.9
        assert {"ip4", "defence-industry", "north-korea-nuclear"} <= set(r.subtopics)


def test_seeds_are_one_story_with_traceable_key_points(seeds):
    arts = [article_from(p) for p in seeds.values()]
    stories, excluded = analyse(arts, KOREA_NATO)
    assert len(stories) == 1 and not excluded
    story = stories[0]
    assert len(story.outlets) == 2 and not story.single_source
    texts = {a.source: " ".join(a.text.split()) for a in arts}
    assert 1 <= len(story.key_points) <= 8
    for kp in story.key_points:
        assert kp.text in texts[kp.source]


def test_second_topic_is_just_a_file():
    topic = load_topic(str(ROOT / "tests/data/topics/arctic-shipping.toml"))
    art = Article(
        source="a",
        title="Record season on the Northern Sea Route",
        text="More cargo vessels crossed the Arctic this year than ever, as sea ice "
        "retreated early and the transit season ran into November.",
    )
    assert judge(art, topic).included
    assert not judge(TOGETHER, topic).included


def test_bad_topic_file_names_the_key(tmp_path):
    f = tmp_path / "t.toml"
    f.write_text(
        'name = "x"\n[[anchors]]\nname = "a"\nterms = []\n[[subtopics]]\nid = "s"\n'
        'terms = ["x"]\n[thresholds]\ninclude = 0.1\nnear_miss = 0.5\n'
    )
    with pytest.raises(ConfigError) as exc:
        load_topic(str(f))
    msg = str(exc.value)
    assert "anchors[0].terms" in msg and "near_miss must not be above include" in msg


def test_duplicates_are_dropped_by_url_or_content():
    a = Article(
        source="x", title="T", text="Same words here.", url="https://www.ex.org/a/?utm_source=f"
    )
    b = Article(source="y", title="T", text="Same   words HERE!", url="https://ex.org/b")
    c = Article(source="z", title="U", text="Other.", url="http://ex.org/a")
    assert [x.source for x in dedupe([a, b, c])] == ["x"]
    assert normalise_url("https://www.ex.org/a/?utm_source=f&b=2#frag") == "ex.org/a?b=2"


def test_digest_has_a_section_per_subtopic_and_keeps_failures():
    d = build_digest(
        [TOGETHER, PASSING],
        [],
        KOREA_NATO,
        title="T",
        day=date(2026, 11, 20),
        now=datetime(2026, 11, 20, tzinfo=UTC),
    )
    assert [s.subtopic for s in d.sections][:6] == [s.id for s in KOREA_NATO.subtopics]
    assert len(d.stories) == 1 and d.excluded[0].article.source == "passing.txt"
