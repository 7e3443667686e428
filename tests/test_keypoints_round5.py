"""Round 5 (issue 9): page furniture and dangling openers that survived round 4, each rule
on sentences written for the project (facts made up, shapes like what real pages glue)."""

from __future__ import annotations

import pytest

from extractors import keypoints
from extractors.keypoints import glued_title, key_points
from extractors.models import Article


@pytest.mark.parametrize(
    "sentence",
    [
        "HARBOUR OF HOPE The port reopened after the storm on Friday morning.",
        "The mayor thanked the crews who worked all night Each crew was given a day off.",
        "The tall ship is moored at the old quay Situated in the centre, the quay is busy.",
        "Ana Lee, 35, pictured with her husband, a pilot Mrs Lee moved to Pusan in 2016.",
    ],
)
def test_headings_and_run_on_captions_are_furniture(sentence: str) -> None:
    assert keypoints.furniture(sentence)


def test_capitals_with_a_short_word_between_are_a_heading_but_acronyms_alone_are_not() -> None:
    assert not keypoints.furniture("Seoul and NATO agreed on a cyber pact in Brussels on Monday.")
    assert not keypoints.furniture("The ROK and the US held a drill near the DMZ on Monday.")


def test_the_title_glued_to_a_sentence_is_furniture_a_lede_on_it_is_not() -> None:
    title = "Port reopens after the storm"
    assert glued_title("Port reopens after the storm Updated: 2026-11-30 09:15 (Agencies)", title)
    assert glued_title("Port reopens after the storm The harbour opened at dawn.", title)
    assert not glued_title("Port reopens after the storm, the harbour master said.", title)
    assert not glued_title("Port reopens after the storm on Friday, days early.", title)
    assert not glued_title("The port reopened after the storm on Friday.", title)
    assert not glued_title("Storm over: it reopens today with crews.", "Storm over")


def test_a_glued_title_is_never_a_key_point() -> None:
    art = Article(
        source="a",
        title="Harbour cranes return to work in Pusan",
        text=(
            "Harbour cranes return to work in Pusan Updated: 2026-11-30 09:15 By Agencies\n"
            "Harbour cranes in Pusan returned to work on Monday after a week of repairs.\n"
            "The port authority said the cranes would handle all container traffic again."
        ),
    )
    texts = [k.text for k in key_points([art])]
    assert texts and not any("Updated" in t for t in texts)


@pytest.mark.parametrize(
    "sentence",
    [
        "On the other hand, the former governor opposed the harbour plan.",
        "In other words, the minister is asking voters to forget the vote.",
        "Nevertheless, the council approved the budget for the harbour.",
        "“The cranes are safe and working again,” the spokesman said.",
        "The cranes will be back at work by Monday, the official said.",
        "The port hosted them at the quay last spring for a week of talks.",
        "Twenty-five more ports quickly joined them and signed the pact.",
        "The 46-year-old harbour master is also the head of the port's rescue team.",
        "The singer and former harbour pilot thanked the crews on Monday.",
        "Perhaps their worst storm came ten years ago, when the quay flooded.",
    ],
)
def test_openers_that_answer_another_sentence_lean_back(sentence: str) -> None:
    assert keypoints.leans_back(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "In response to the storm, the port closed its quays for two days.",
        "The port authority's spokesman said the cranes would work by Monday.",
        "“The cranes are safe,” port spokesman Min-jun Park said on Monday.",
        "When the crews arrived, police stopped them at the gate for an hour.",
        "Police told them the quay was closed until the end of the storm.",
        "The mayor of Pusan thanked the harbour crews on Monday.",
        "The singer Min-ji Han thanked the harbour crews on Monday.",
        "Later that year, the port of Pusan opened a second quay.",
    ],
)
def test_sentences_that_carry_their_referent_stand_alone(sentence: str) -> None:
    assert not keypoints.leans_back(sentence)


def test_summarise_keeps_its_narrower_test_for_bbc() -> None:
    assert not keypoints.opens_on_referent("On the other hand, the governor opposed the plan.")
    assert not keypoints.opens_on_referent("“The cranes are safe,” the spokesman said.")


def test_a_dangling_point_is_joined_with_the_sentence_before_it() -> None:
    art = Article(
        source="a",
        title="Port of Pusan welcomes the harbour ministers",
        text=(
            "The mayor of Pusan hosted the harbour ministers at the old quay. "
            "Twenty more ministers quickly joined them at the quay for the harbour talks."
        ),
    )
    cands, joined = keypoints.with_referents(keypoints.candidates([art]), keypoints.leans_back)
    assert joined == {1}
    assert cands[1].text.startswith("The mayor of Pusan hosted") and cands[1].eligible


def test_a_briefer_declining_to_say_is_room_talk() -> None:
    assert not keypoints.spoken_point("Not going to get into what the minister said.", "MR. KIM")
    assert keypoints.spoken_point("The ministers agreed on a cyber pact on Monday.", "MR. KIM")
