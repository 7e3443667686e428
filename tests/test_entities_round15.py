"""Round 15 (issue 10, from the round-14 analyst read of KCNA 2024-10-08): a Korean name
whose one-letter surname is an English word ("O Hyong Se"), the office a passive verb of
election gives, and a body's name beside a person's that stays a body. Texts written for
the project (the names are invented)."""

from __future__ import annotations

import pytest

from extractors.entities import extract_entities
from extractors.keypoints import parses
from extractors.models import Article
from extractors.topic import load_topic

needs_model = pytest.mark.skipif(not parses(["A test."]), reason="spaCy model not installed")


def _people(text: str, title: str = "Meeting Held", kind: str = "state-media") -> dict:
    art = Article(
        source="fixture/item.md",
        title=title,
        text=text,
        url="https://example.org/item",
        outlet="Example Agency",
        source_type=kind,  # type: ignore[arg-type]
    )
    return {
        e.name: e.role
        for e in extract_entities([art], load_topic("korea-nato"))
        if e.kind == "person"
    }


MEETING = (
    "Pyongyang, May 4 (EA) -- The 12th general meeting of the Korean Youth Traders "
    "Association in Japan was held in Osaka on May 2.\n\n"
    "At the meeting, Ri Chol Gwan was reelected as the chairman of Sangonghoe and "
    "O Myong Su was elected as the chairman of its Central Board."
)


@needs_model
def test_a_one_letter_korean_surname_opens_the_name() -> None:
    people = _people(MEETING)
    assert "O Myong Su" in people
    assert "Myong Su" not in people


@needs_model
def test_a_body_beside_a_person_s_name_is_no_person() -> None:
    """ "the chairman of Sangonghoe and O Myong Su was elected": Sangonghoe is the body."""
    assert "Sangonghoe" not in _people(MEETING)


@needs_model
def test_a_passive_verb_of_election_gives_the_office() -> None:
    people = _people(MEETING)
    assert people["O Myong Su"] is not None and people["O Myong Su"].startswith("chairman")
    news = _people(
        "Harbour City, May 4 -- Jane Roe was appointed ambassador to Norland on Monday.",
        title="Envoy Named",
        kind="news",
    )
    assert news["Jane Roe"] == "ambassador to Norland"
