"""Relevance: NATO's other names, Indo-Pacific partners at NATO, trip lists, and state
media reacting to the cooperation (kept, as a reaction). Texts written for the project."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from extractors.analysis import build_digest
from extractors.config import parse_config
from extractors.models import Article
from extractors.relevance import judge
from extractors.topic import load_topic
from fetch.sources import with_source_meta

TOPIC = load_topic("korea-nato")


def art(title: str, *paras: str, **kw) -> Article:
    return Article(source=kw.pop("source", "hand.txt"), title=title, text="\n".join(paras), **kw)


def test_the_alliance_counts_for_nato_once_nato_is_named() -> None:
    a = art(
        "Summit preview",
        "Leaders gather in Vilnius for the NATO summit next week.",
        "The Alliance will expand its global partnerships, and leaders will hold talks and "
        "sign a cooperation roadmap with its Indo-Pacific partners at the meeting.",
    )
    assert judge(a, TOPIC).included
    # Without NATO named first, "the Alliance" is no one's.
    b = art(
        "Summit preview",
        "The Alliance will expand its global partnerships, and leaders will hold talks and "
        "sign a cooperation roadmap with its Indo-Pacific partners at the meeting.",
    )
    assert not judge(b, TOPIC).included


def test_the_us_korea_alliance_is_not_nato() -> None:
    a = art(
        "Talks",
        "NATO ministers met in Brussels.",
        "Separately, the Korea-U.S. alliance held joint talks and signed a cooperation "
        "agreement in Seoul.",
    )
    assert not judge(a, TOPIC).included


def test_indo_pacific_leaders_at_nato_count_for_korea() -> None:
    a = art(
        "Third day in Europe",
        "For the first time, Indo-Pacific leaders attended the NATO summit, joined the "
        "session on partnership and held talks with allies on the margins.",
    )
    assert judge(a, TOPIC).included


def test_asian_partners_at_the_nato_summit_count_for_korea() -> None:
    a = art(
        "Previewing the G7 and NATO Summit",
        "You will see the participation of these Asian partners in the NATO Summit, where "
        "leaders will hold talks and deepen their partnership.",
    )
    assert judge(a, TOPIC).included


def test_a_list_of_trips_is_not_cooperation() -> None:
    a = art(
        "The week ahead",
        "The President will travel to the Republic of Korea and Japan in May, then to "
        "Europe for the G7 summit and the NATO summit meeting in June.",
    )
    rel = judge(a, TOPIC)
    assert not rel.included


KCNA_TEXT = (
    "The puppet ROK is tightening its military cooperation with NATO, the warmonger "
    "alliance, and joined its summit as a partner in confrontation.",
    "Such sinister moves of the hostile forces will only bring war to the region.",
)


def test_state_media_reacting_to_the_cooperation_is_kept_as_a_reaction() -> None:
    a = art("NATO's moves condemned", *KCNA_TEXT, url="http://www.kcna.kp/en/article/1")
    news = judge(a, TOPIC)  # no source type: the register marks it
    assert news.included and news.reaction and "reaction" in news.summary
    typed = with_source_meta(a)
    assert typed.source_type == "state-media"
    assert judge(typed, TOPIC).reaction


def test_digest_puts_reactions_in_their_own_section() -> None:
    news = art(
        "Seoul and NATO deepen defence-industry ties",
        "South Korea and NATO agreed on Thursday to deepen defence-industry cooperation, "
        "officials said after talks in Brussels.",
        source="news.txt",
        outlet="Harbour Tribune",
    )
    kcna = with_source_meta(
        art("NATO's moves condemned", *KCNA_TEXT, source="kcna.txt", url="http://kcna.kp/a/1")
    )
    d = build_digest(
        [news, kcna],
        [],
        TOPIC,
        title="t",
        day=date(2025, 4, 3),
        now=datetime(2025, 4, 3, tzinfo=UTC),
    )
    assert [s.articles[0].source for s in d.stories] == ["news.txt"]
    assert [s.articles[0].source for s in d.reactions] == ["kcna.txt"]
    for st in d.stories:
        for kp in st.key_points:
            assert all(c.source != "kcna.txt" for c in kp.also)


def test_source_type_and_timezone_from_config(tmp_path: Path) -> None:
    (tmp_path / "x.txt").write_text("A note.\n", encoding="utf-8")  # file sources must exist
    cfg = parse_config(
        {
            "sources": [
                {
                    "name": "wire",
                    "kind": "file",
                    "path": "x.txt",
                    "type": "analysis",
                    "timezone": "America/New_York",
                }
            ]
        },
        base_dir=tmp_path,
    )
    src = cfg.sources[0]
    a = with_source_meta(art("t", "x", published=datetime(2017, 8, 28, 17, 39)), src)
    assert a.source_type == "analysis"
    assert a.published is not None and a.published.utcoffset() is not None
    assert with_source_meta(art("t", "x", url="https://www.nato.int/x")).source_type == ("official")
    archived = "https://bidenwhitehouse.archives.gov/briefing-room/statements-releases/x/"
    assert with_source_meta(art("t", "x", url=archived)).source_type == "official"


# ---- state media reacting to NATO's ties with Seoul, Tokyo or the Asia-Pacific ------------


def state(title: str, *paras: str) -> Article:
    return art(title, *paras, source="kcna-hand.txt", source_type="state-media")


def test_state_media_on_nato_stretching_to_the_asia_pacific_is_a_reaction() -> None:
    # Korea proper is not named: NATO's reach into the region and the peninsula is the
    # reaction an analyst of the cooperation wants to see.
    a = state(
        "Foreign Ministry spokesperson issues statement",
        "The spokesperson said NATO is stretching its tentacles to the Korean peninsula.",
        "NATO's expansion into the Asia-Pacific region will bring the danger of war.",
    )
    rel = judge(a, TOPIC)
    assert rel.included and rel.reaction, rel.summary
    assert "2 sentences tie NATO" in rel.summary


def test_one_sentence_naming_the_rok_and_nato_with_a_tie_is_enough() -> None:
    a = state(
        "White paper",
        "The puppet ROK is tightening its military nexus with NATO, the paper said.",
    )
    rel = judge(a, TOPIC)
    assert rel.included and rel.reaction


def test_drills_with_nato_members_in_passing_are_no_reaction() -> None:
    a = state(
        "Commentary on Japan",
        "Japan staged drills with the U.S. and the ROK and joint exercises with NATO member "
        "states such as Germany and France, the commentary said.",
    )
    assert not judge(a, TOPIC).reaction


def test_one_stand_in_sentence_is_not_enough() -> None:
    a = state(
        "Commentary",
        "Japan is tightening its military alliance with NATO.",
        "The region is no arena for anyone's crusade.",
    )
    assert not judge(a, TOPIC).reaction


def test_the_same_words_in_a_news_report_are_not_a_reaction() -> None:
    a = art(
        "Analysis",
        "Analysts said NATO is expanding its partnerships to the Asia-Pacific.",
        "Its ties with Japan are deepening, the think tank said.",
        source_type="news",
    )
    assert not judge(a, TOPIC).reaction
