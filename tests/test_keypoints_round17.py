"""Round 17 key points: the sentence that shows why a story is in the digest (its
relevance evidence, where the topic's anchors meet) is a key point, first, even in a
briefing that opens on another subject; never a question. A briefing written for the
project."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from extractors.keypoints import key_points, leans_back
from extractors.models import Article, Summary

ANCHOR = (
    "On Thursday morning, NATO will hold a meeting with its Indo-Pacific partners — "
    "Australia, Japan, the Republic of Korea and New Zealand — to deepen our cooperation."
)
QUESTION = "Q    Will the Republic of Korea send troops to the NATO exercise next month?"

BRIEFING = Article(
    source="https://example.org/briefing",
    title="Press Briefing by the Press Secretary and the Security Adviser",
    published=datetime(2024, 7, 8, 18, tzinfo=UTC),
    text="\n".join(
        [
            "MS. RIVERS:  Good afternoon, everyone. Yesterday a record 3 million travellers "
            "were screened at the nation's airports, a sign that the economy is strong.",
            "Factories in the state added 12,000 jobs in June, the largest gain in two years. "
            "Wages rose faster than prices for the fifth month in a row. The new plant in Ohio "
            "will employ 2,000 workers when it opens next spring.",
            "With that, I will turn it over to the adviser.",
            "MR. CARVER:  Thanks. The president will host leaders from 38 countries this week "
            "for the summit. On Wednesday, he will meet the 32 allies at the convention "
            f"centre. {ANCHOR} He will hold a press conference on Thursday evening.",
            QUESTION,
            "MR. CARVER:  I won't get ahead of the leaders on that.",
            "Q    And the economy?",
            "MS. RIVERS:  Factories added 12,000 jobs in June, and wages rose again in June.",
        ]
    ),
)


def test_the_story_s_reason_is_its_first_point_with_its_speaker() -> None:
    assert all(p.text != ANCHOR for p in key_points([BRIEFING], 3))  # the economy wins
    points = key_points([BRIEFING], 3, anchors=(ANCHOR,))
    assert points[0].text == ANCHOR
    assert points[0].speaker and "Carver" in points[0].speaker.title()
    assert len(points) == 3


def test_without_a_reason_the_ranking_stands() -> None:
    plain = key_points([BRIEFING], 3)
    assert [p.text for p in key_points([BRIEFING], 3, anchors=("",))] == [p.text for p in plain]


def test_a_reason_the_summary_states_is_not_repeated() -> None:
    summary = Summary(ANCHOR, (BRIEFING.source,))
    points = key_points([BRIEFING], 3, summary=summary, anchors=(ANCHOR,))
    assert all(p.text != ANCHOR for p in points)


def test_a_question_is_never_the_reason_s_point() -> None:
    points = key_points([BRIEFING], 3, anchors=(QUESTION.removeprefix("Q    "),))
    assert all("send troops" not in p.text for p in points)


@pytest.mark.parametrize(
    ("sentence", "leans"),
    [
        ("Attached to it is an affidavit signed by a bank officer, Dana Reyes.", True),
        ("Added to this are new duties on steel from three countries.", True),
        ("Based in London, the firm employs 200 people.", False),
        ("Attached to the report is a list of the 12 ships named.", False),
    ],
)
def test_an_inverted_participle_with_a_pronoun_leans_back(sentence: str, leans: bool) -> None:
    assert leans_back(sentence) is leans


@pytest.mark.parametrize(
    ("sentence", "leans"),
    [
        ("iFAB Tech Hub, led by a university, seeks to scale precision fermentation.", False),
        ("eBay said its profits rose in the third quarter.", False),
        ("the spokesman said the talks would go on.", True),
    ],
)
def test_a_name_in_lower_case_is_no_fragment(sentence: str, leans: bool) -> None:
    assert leans_back(sentence) is leans
