"""Sub-topics (the digest's sections), round 6: a sub-topic needs real evidence (the
paragraph where the anchors meet, a strong term in the title or lead, or several terms
through a share of the body); a country's name is not its nuclear programme; with none,
the article sits under "Other on-topic news" (one the judge did not keep, under "Not on topic
(kept unfiltered)"). Every text is written for the project."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from extractors.analysis import analyse, build_digest, sections
from extractors.errors import ConfigError
from extractors.models import Article
from extractors.relevance import judge
from extractors.topic import load_topic

TOPIC = load_topic("korea-nato")
FILLER = [
    f"Question {i}: a reporter asked about the schedule for the week and the press "
    "secretary said she had nothing to add beyond the guidance already given."
    for i in range(12)
]


def art(title: str, *paras: str, source: str = "hand.txt", **kw) -> Article:
    return Article(source=source, title=title, text="\n".join(paras), **kw)


def test_a_country_named_twice_in_a_long_briefing_is_no_section() -> None:
    a = art(
        "Press Briefing by the Press Secretary on Gun Violence Prevention",
        "Today the President will announce new steps to reduce gun violence in our "
        "communities, including funding for violence interrupters.",
        *FILLER[:6],
        "Asked about aid, she said the package for Ukraine was still before Congress.",
        *FILLER[6:],
        "She added that the President would speak with the leader of Ukraine next week.",
    )
    rel = judge(a, TOPIC)
    assert "ukraine-war" not in rel.subtopics
    assert rel.subtopics == ()


def test_generic_procurement_words_are_not_defence_industry() -> None:
    a = art(
        "Readout of the Vice President's Meeting on Investment in Central America",
        "The Vice President met business leaders to review new commitments to invest in "
        "Guatemala, Honduras and El Salvador.",
        "They discussed transparent public procurement and a resilient supply chain for "
        "textiles and agriculture.",
        "The companies pledged to expand digital access and train workers in the region.",
    )
    assert "defence-industry" not in judge(a, TOPIC).subtopics


def test_state_media_naming_the_dprk_is_not_the_nuclear_programme() -> None:
    items = [
        art(
            "Triplets Born in Pyongyang Maternity Hospital",
            "Pyongyang, August 2 (KCNA) -- Triplets were born at the Pyongyang Maternity "
            "Hospital of the DPRK on Monday.",
            "The doctors of the DPRK took good care of the mother and the babies.",
            source="kcna#1",
        ),
        art(
            "Mt Paektu in Autumn",
            "Pyongyang, October 3 (KCNA) -- Mt Paektu, the highest mountain of the DPRK, "
            "draws visitors in autumn.",
            source="kcna#2",
        ),
        art(
            "DPRK Team Wins Football Match",
            "Pyongyang, June 5 (KCNA) -- The DPRK women's football team beat its rival 3-0 "
            "in a qualifier in Pyongyang.",
            source="kcna#3",
        ),
    ]
    for a in items:
        assert "north-korea-nuclear" not in judge(a, TOPIC).subtopics, a.title


def test_a_missile_launch_is_the_nuclear_section() -> None:
    a = art(
        "DPRK Test-fires New-type ICBM",
        "Pyongyang, November 1 (KCNA) -- The DPRK test-fired a new-type ICBM on Thursday.",
        "The ballistic missile flew for 86 minutes before landing in open waters.",
        source="kcna#4",
    )
    assert judge(a, TOPIC).subtopics[:1] == ("north-korea-nuclear",)


def test_a_short_statement_whose_body_is_one_subject_gets_that_section() -> None:
    a = art(
        "Statement by the President",
        "This morning I spoke with President Zelenskyy about the war.",
        "We will provide more air defence to Ukraine and keep Russia accountable.",
        "Ukrainian forces continue to defend their country with courage.",
    )
    assert judge(a, TOPIC).subtopics[:1] == ("ukraine-war",)


def test_where_the_anchors_meet_as_the_ip4_that_is_the_main_section() -> None:
    a = art(
        "Background call previewing the summit",
        "The President leaves on Monday.",
        "At the NATO summit, the Allies will meet the Asia-Pacific Four to deepen "
        "cooperation on cyber defence and support for Ukraine.",
        "Ukraine will also be discussed at dinner, where Allies will review aid to Ukraine.",
    )
    rel = judge(a, TOPIC)
    assert rel.subtopics[:1] == ("ip4",), rel.subtopics


def test_north_korea_named_where_the_anchors_meet_still_counts() -> None:
    a = art(
        "Ministers meet",
        "NATO allies condemned North Korea's arms deliveries to Russia and agreed with "
        "South Korea's foreign minister to coordinate sanctions in Brussels.",
    )
    assert {"north-korea-nuclear", "ukraine-war"} <= set(judge(a, TOPIC).subtopics)


def test_a_story_kept_unfiltered_is_never_shown_as_on_topic() -> None:
    """``--no-filter`` keeps an off-topic item; it sits last, under its own heading, never
    under "Other on-topic news" (an analyst read it as on-topic)."""
    a = art(
        "Triplets Born in Pyongyang Maternity Hospital",
        "Pyongyang, August 2 (KCNA) -- Triplets were born at the Pyongyang Maternity "
        "Hospital of the DPRK on Monday.",
        source="kcna#1",
    )
    stories, _ = analyse([a], TOPIC, no_filter=True)
    secs = sections(stories, TOPIC)
    assert [s.subtopic for s in secs if s.stories] == ["off-topic"]
    d = build_digest(
        [a],
        [],
        TOPIC,
        title="t",
        day=date(2024, 8, 2),
        now=datetime(2024, 8, 2, 9, tzinfo=UTC),
        no_filter=True,
    )
    assert d.sections[-1].title == "Not on topic (kept unfiltered)" and d.sections[-1].stories
    assert not any(s.stories for s in d.sections if s.subtopic == "other")


def test_weak_terms_must_be_terms_of_their_sub_topic(tmp_path) -> None:
    p = tmp_path / "t.toml"
    p.write_text(
        'name = "t"\n[[anchors]]\nname = "a"\nterms = ["a"]\n'
        '[[subtopics]]\nid = "s"\nterms = ["x"]\nweak = ["y"]\n',
        encoding="utf-8",
    )
    with pytest.raises(ConfigError, match="weak terms not in its terms"):
        load_topic(str(p))


# ------------------------------------------- two anchors joined in one relation (round 6)


def test_joining_words_and_lists() -> None:
    from extractors.relevance import _joined

    for gap in (" at ", "-", " – ", " on the margins of the ", " and its ", " joining the "):
        assert _joined(gap), gap
    for gap in (
        " and ",  # a bare "and": a list or a pair, not a relation
        ", Japan, Australia and ",  # an enumeration
        " to ever attend a ",  # "to" + a verb
        " at home. Later ",  # two sentences
        " and its friends met on Tuesday while many other leaders stayed at ",  # too far
    ):
        assert not _joined(gap), gap


def _two_cues(sentence: str) -> Article:
    return art(
        "Background call on the President's week",
        "The call is on background.",
        "The President is in Europe all week.",
        *FILLER[:3],
        sentence,
        *FILLER[3:6],
    )


def test_indo_pacific_leaders_at_nato_with_two_cues_is_in() -> None:
    joined = _two_cues(
        "He looks forward to seeing Indo-Pacific leaders at NATO for the first time, and he "
        "will attend a trilateral meeting on Wednesday."
    )
    rel = judge(joined, TOPIC)
    assert rel.included, rel.summary
    apart = _two_cues(
        "He looks forward to seeing Indo-Pacific leaders in Madrid for the first time, and "
        "NATO leaders will attend a trilateral meeting on Wednesday."
    )
    assert not judge(apart, TOPIC).included


def test_the_rok_president_seen_on_the_margins_of_nato_is_in() -> None:
    a = _two_cues(
        "On Wednesday the President will see President Yoon of the Republic of Korea on the "
        "margins of the NATO summit."
    )
    assert judge(a, TOPIC).included


def test_trip_and_signatory_lists_stay_out() -> None:
    trip = _two_cues(
        "Next month the President will travel to the Republic of Korea and Japan for a summit "
        "meeting, then to Europe for the G7 and a summit at NATO."
    )
    assert not judge(trip, TOPIC).included
    signed = _two_cues(
        "The statement was signed by Australia, Canada, the Republic of Korea, Norway, and "
        "NATO at their meeting on Tuesday."
    )
    assert not judge(signed, TOPIC).included
