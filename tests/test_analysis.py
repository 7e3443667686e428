"""Relevance, stories and key points: pure functions on real and hand-written texts."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from extractors.analysis import (
    analyse,
    build_digest,
    dedupe,
    merge_duplicates,
    normalise_url,
    story_events,
)
from extractors.clean import clean_text
from extractors.errors import ConfigError
from extractors.models import Article
from extractors.relevance import judge
from extractors.topic import load_topic
from tests.conftest import ROOT, SAMPLES

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


FILLER = (
    "Markets in Asia were mixed on Wednesday as investors waited for inflation data.\n"
    "Oil prices edged lower after a report showed inventories rising for a second week.\n"
)


def _art(text: str, title: str = "Wednesday briefing") -> Article:
    return Article(source="t.txt", title=title, text=text)


def test_one_body_paragraph_about_seoul_working_with_nato_is_enough():
    # The spec: "a paragraph about Seoul working with NATO is" relevant, wherever it is.
    r = judge(
        _art(
            FILLER + "South Korea and NATO agreed on Tuesday to open talks on joint production "
            "of artillery shells, officials in Seoul said after the meeting.\n"
            "The won was little changed."
        ),
        KOREA_NATO,
    )
    assert r.included, r
    assert "1 paragraph" in r.summary and "engagement cues" in r.summary
    assert any(x.group == "cue" and x.term == "talks" for x in r.reasons)


def test_a_list_naming_korea_and_nato_is_a_near_miss_not_news():
    r = judge(
        _art(
            FILLER + "This year the president went to Korea, to the NATO summit in Madrid, to "
            "Japan, Indonesia and Cambodia, more travel than in any year since 2009.\n"
        ),
        KOREA_NATO,
    )
    assert not r.included
    assert KOREA_NATO.thresholds.near_miss <= r.score < KOREA_NATO.thresholds.include
    assert "1 engagement cue (summit)" in r.summary


def test_north_koreas_full_name_is_not_the_republic_of_korea():
    # "Democratic People's Republic of Korea" contains "Republic of Korea"; it is the North.
    text = (
        "The Democratic People\u2019s Republic of Korea said NATO's cooperation and joint "
        "exercises with its partners were a threat, at a meeting in Pyongyang.\n"
    )
    r = judge(_art(text), KOREA_NATO)
    assert not r.included and "Korea not mentioned" in r.summary
    assert not any(x.group == "anchor:Korea" for x in r.reasons)
    assert any(x.group == "north-korea-nuclear" for x in r.reasons)
    # The same holds when folding changes the text's length before the name (a ligature).
    r2 = judge(_art("\ufb01rst: " + text), KOREA_NATO)
    assert not any(x.group == "anchor:Korea" for x in r2.reasons)


def test_nato_and_north_korea_alone_is_out_but_with_seoul_it_is_in():
    # Documented in topics/korea-nato.toml: the Korea anchor is South Korea.
    north = (
        "NATO allies condemned North Korea's arms deliveries to Russia and agreed to "
        "coordinate sanctions at their meeting in Brussels on Tuesday.\n"
    )
    r = judge(_art(FILLER + north), KOREA_NATO)
    assert not r.included and "Korea not mentioned" in r.summary
    both = north.replace("agreed to", "agreed with South Korea's foreign minister to")
    r = judge(_art(FILLER + both), KOREA_NATO)
    assert r.included, r
    assert {"north-korea-nuclear", "ukraine-war"} <= set(r.subtopics)


def test_nato_meeting_its_indo_pacific_partners_counts_for_korea():
    r = judge(
        _art(
            FILLER + "NATO foreign ministers met their Indo-Pacific partners in Brussels to "
            "deepen cooperation on cyber defence.\n"
        ),
        KOREA_NATO,
    )
    assert r.included, r
    assert any(x.group == "anchor:Korea" and x.term == "Indo Pacific partners" for x in r.reasons)


def test_state_media_polemic_on_the_cooperation_is_a_reaction_and_says_so():
    text = (
        "The puppet ROK joined the NATO summit and signed a partnership with the "
        "warmongers, deepening its cooperation and joint drills with the war alliance.\n"
    )
    plain = judge(
        _art(
            text.replace("puppet ", "")
            .replace("warmongers", "allies")
            .replace("the war alliance", "NATO")
        ),
        KOREA_NATO,
    )
    r = judge(_art(text), KOREA_NATO)
    # Issue 10: state media reacting to the cooperation is kept, as a reaction (its own
    # digest section), scored without the register penalty.
    assert plain.included and not plain.reaction
    assert r.included and r.reaction and r.score == plain.score
    assert "polemic register (puppet, war alliance, warmonger)" in r.summary
    assert any(x.group == "penalty:polemic" and x.term == "puppet" for x in r.reasons)


def test_an_unanswered_question_counts_less_than_a_statement():
    q = (
        "Q Will South Korea and NATO agree on joint production at the summit and sign a "
        "partnership deal?\n"
    )
    answered = q + "MR. KIRBY: Seoul and the Alliance are close; talks continue.\n"
    unanswered = q + "MR. KIRBY: I have nothing for you on that today.\n"
    s_answered = judge(_art(FILLER + answered), KOREA_NATO).score
    s_unanswered = judge(_art(FILLER + unanswered), KOREA_NATO).score
    assert s_unanswered < s_answered
    assert s_unanswered < KOREA_NATO.thresholds.include <= s_answered


def test_judge_is_pure_and_the_same_twice():
    r1, r2 = judge(TOGETHER, KOREA_NATO), judge(TOGETHER, KOREA_NATO)
    assert r1 == r2
    assert TOGETHER.text.startswith("South Korea and NATO agreed")


def test_korean_language_text_is_judged():
    text = "한국과 나토는 화요일 브뤼셀에서 회의를 열고 방산 협력을 강화하기로 합의했다."
    r = judge(_art(text, title="한국·나토 방산 협력"), KOREA_NATO)
    assert r.included and "defence-industry" in r.subtopics


def test_topic_cues_and_excludes_are_optional_and_validated(tmp_path):
    arctic = load_topic(str(ROOT / "tests/data/topics/arctic-shipping.toml"))
    assert arctic.cues == () and all(a.exclude == () for a in arctic.anchors)
    f = tmp_path / "t.toml"
    f.write_text(
        'name = "x"\ncues = ["talks", " "]\n[[anchors]]\nname = "a"\nterms = ["x"]\n'
        'exclude = [""]\n[[subtopics]]\nid = "s"\nterms = ["y"]\n'
    )
    with pytest.raises(ConfigError) as exc:
        load_topic(str(f))
    assert "cues" in str(exc.value) and "anchors[0].exclude" in str(exc.value)


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


# ---------------------------------------------------------------- issue 9: one event per story

KST = timezone(timedelta(hours=9))
PAGES = ROOT / "tests" / "data" / "pages"


def _sample(name: str, published: datetime | None = None) -> Article:
    from extractors.files import parse_file
    from fetch.local import read_file
    from fetch.sources import to_article

    path = str(name if "/" in name else PAGES / name)
    art = to_article(parse_file(path, read_file(path).content), path, "test", "file")
    return replace(art, published=published) if published else art


@pytest.fixture(scope="module")
def theme_articles() -> list[Article]:
    """The bundled sample's shell talks (18-19 Nov) and IP4 ministers (20 Nov), with a K9
    spare-parts deal (30 Nov) and a cyber exercise (29 Nov) written for this test: the same
    theme (Korea, NATO, artillery, cooperation), four events."""
    return [
        _sample(str(ROOT / "samples/pages/seoul-brussels-arms-talks.html")),
        _sample(str(ROOT / "samples/pages/korea-nato-shell-plant-meridian.html")),
        _sample(str(ROOT / "samples/pages/ip4-ministers-ukraine.html")),
        _sample(str(ROOT / "samples/files/ip4-session-pacificwire.json")),
        _sample("k9-spare-parts-deal.txt", datetime(2026, 11, 30, 10, tzinfo=KST)),
        _sample("cyber-exercise.txt", datetime(2026, 11, 29, 18, tzinfo=KST)),
    ]


def test_one_event_per_story(theme_articles):
    stories, _ = analyse(theme_articles, KOREA_NATO, no_filter=True)
    where = {a.source.rsplit("/", 1)[-1]: s.id for s in stories for a in s.articles}
    assert where["k9-spare-parts-deal.txt"] != where["seoul-brussels-arms-talks.html"]
    assert where["cyber-exercise.txt"] != where["ip4-ministers-ukraine.html"]
    assert where["seoul-brussels-arms-talks.html"] == where["korea-nato-shell-plant-meridian.html"]
    assert where["ip4-ministers-ukraine.html"] == where["ip4-session-pacificwire.json"]


def test_grouping_says_why(theme_articles):
    stories, _ = analyse(theme_articles, KOREA_NATO, no_filter=True)
    multi = [s for s in stories if len(s.articles) > 1]
    assert multi
    for s in multi:
        g = s.grouping
        assert g and g["method"] == "average-linkage" and len(g["links"]) == len(s.articles) - 1
        for link in g["links"]:
            assert {"text", "names", "dates", "days_apart", "score"} <= set(link)
            assert link["score"] >= g["threshold"] or link["event_link"]
    json.dumps([s.grouping for s in stories])  # JSON-ready
    for s in stories:
        also = {c.outlet for kp in s.key_points for c in kp.also}
        assert set(s.grouping["corroborating_outlets"]) >= also
        assert s.grouping["corroborating_outlet_count"] <= len(s.outlets)


def test_days_apart_need_the_events_own_signals():
    from extractors.stories import Signals

    base = datetime(2026, 11, 18, tzinfo=UTC)
    text = "Seoul and NATO open talks on artillery shell production at NATO headquarters."
    a = Article("a", "Shell talks open", text, published=base)
    # (not the same words: text alike enough on its own, STRONG_TEXT, is event evidence)
    again = "Seoul officials discuss artillery shell exports with NATO staff once more."
    b = Article("b", "Shell talks open", again, published=base + timedelta(days=12))
    c = Article("c", "Shell talks open", text, published=base + timedelta(days=1))
    sig = Signals.of([a, b, c])
    assert sig.pair(0, 2)["score"] > sig.pair(0, 1)["score"]  # 12 days apart counts less
    assert sig.pair(0, 1)["far"] and not sig.pair(0, 2)["far"]


def test_exact_duplicates_become_one_article_with_all_links():
    text = "North Korea said on Monday it had tested a new engine at its Sohae launch site."
    a = Article("kcna-1.html", "Engine test", text, url="http://kcna.example/1")
    b = Article("kcna-2.html", "Engine test", text, url="http://kcna.example/2")
    c = Article("kcna-3.html", "Engine test", text, url="http://kcna.example/3")
    merged, n = merge_duplicates([a, b, c])
    assert n == 2 and len(merged) == 1
    assert merged[0].links == ("http://kcna.example/2", "http://kcna.example/3")
    d = build_digest(
        [a, b, c],
        [],
        KOREA_NATO,
        title="t",
        day=date(2026, 11, 20),
        now=datetime.now(UTC),
        no_filter=True,
    )
    assert d.duplicates == 2
    assert d.stories[0].articles[0].links == merged[0].links


def test_every_story_has_a_short_traceable_summary(theme_articles):
    stories, _ = analyse(theme_articles, KOREA_NATO, no_filter=True)
    for s in stories:
        assert s.summary is not None
        assert len(s.summary.text.split()) <= 60
        texts = {a.source: " ".join(a.text.split()) for a in s.articles}
        assert s.summary.sources and all(src in texts for src in s.summary.sources)
        body = texts[s.summary.sources[0]]
        # whole source sentences, or one trimmed of trailing clauses (words kept in order)
        assert s.summary.text.rstrip(".…") in body or s.summary.text.split(". ")[0] in body
        for kp in s.key_points:
            assert kp.text != s.summary.text


def test_upcoming_events_from_several_outlets_are_one_with_their_sources():
    day = datetime(2026, 11, 19, 9, tzinfo=KST)
    a = Article(
        "a",
        "Talks",
        "The two sides will meet again in Seoul on Friday to sign the plan.",
        published=day,
    )
    b = Article(
        "b",
        "Talks",
        "Both sides will meet again in Seoul on Friday to sign the plan, officials said.",
        published=day,
    )
    c = Article(
        "c", "Talks", "NATO first invited the four partners to its summit in 2022.", published=day
    )
    events = story_events([a, b, c], "Asia/Seoul")
    friday = [e for e in events if e.date == "2026-11-20"]
    assert len(friday) == 1 and friday[0].sources == ("a", "b")
    assert not any(e.mention.endswith("2022") for e in events)  # a past year is background


def test_a_contraction_is_no_shared_name_between_transcripts():
    """Rule (contractions): a spoken "I'm" is no name two stories can share (a reader found
    a Singapore press conference and Camp David, 507 days apart, joined on "i’m")."""
    from extractors import stories

    a = Article(source="a", title="Remarks", text="Thank you. Well, I’m glad to see Kim Jong Un.")
    assert stories.names(a) == {"kim", "jong"}


def test_a_trimmed_summary_ends_a_clause_not_one_word_into_the_next():
    from extractors.summary import MAX_WORDS, trim

    head = "The ministry released a press statement on the alliance " + "and its plans " * 12
    sentence = head + "on September 13: Recently, " + "the minister spoke of a threat " * 6 + "."
    assert len(sentence.split()) > MAX_WORDS
    got = trim(sentence)
    assert got.endswith("on September 13.") and "Recently" not in got


def test_the_headline_and_the_summary_tell_one_report():
    """A reader saw a story titled by one article and summarised by another; the title now
    comes from the article the summary quotes."""
    from extractors.analysis import analyse
    from extractors.topic import load_topic
    from fetch.local import read_file
    from fetch.sources import file_article

    arts = [file_article(str(f), "x", read_file) for f in sorted((SAMPLES / "files").iterdir())]
    found, _ = analyse(arts, load_topic("korea-nato"), no_filter=True)
    with_summary = [s for s in found if s.summary]
    assert with_summary
    for s in with_summary:
        source = next(a for a in s.articles if a.source == s.summary.sources[0])
        assert s.title == source.title
