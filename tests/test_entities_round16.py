"""Round 16 people: a title of address before one capitalised word is a person's name or
stage name. Sentences written for the project."""

from __future__ import annotations

import pytest

from extractors.entities import extract_entities
from extractors.models import Article
from extractors.topic import load_topic


def people(text: str) -> list[str]:
    art = Article(source="t", title="A singer remembered", text=text)
    return [e.name for e in extract_entities([art], load_topic("korea-nato")) if e.kind == "person"]


@pytest.mark.parametrize(
    "text",
    [
        "Lady Gaga sang at the memorial on Sunday.",
        "He recorded duets with everyone from Count Basie to Lady Gaga.",
    ],
)
def test_lady_before_one_name_is_a_person(text: str) -> None:
    assert "Lady Gaga" in people(text)


def test_a_lord_mayor_is_no_person() -> None:
    assert people("The Lord Mayor opened the harbour fair.") == []


@pytest.mark.parametrize(
    "text",
    [
        "The President spoke with European Commission President Ursula von der Leyen today.",
        "Ursula von der Leyen said the bloc would act.",
    ],
)
def test_a_name_with_two_particles_is_whole(text: str) -> None:
    assert people(text)[-1] == "Ursula von der Leyen"


def test_a_name_heading_a_health_system_is_no_person() -> None:
    found = people(
        "The pledge was signed by Hackensack Meridian Health, Henry Ford Health and Tufts "
        "Medicine. Dr. Jane Roe of Henry Ford Health said the hospitals would cut emissions."
    )
    assert found == ["Jane Roe"]
    assert people("Henry Ford built his first car in Detroit.") == ["Henry Ford"]


def test_a_headline_s_gerund_after_a_surname_is_no_part_of_the_name() -> None:
    art = Article(
        source="t",
        title="Statement from the Press Secretary on Sen. McConnell Holding American Jobs Hostage",
        text="The Senator is holding the bill hostage. We will keep fighting for lower costs.",
    )
    found = [
        e.name for e in extract_entities([art], load_topic("korea-nato")) if e.kind == "person"
    ]
    assert found == ["McConnell"]
    assert people("Xi Jinping met the delegation in Beijing on Monday.") == ["Xi Jinping"]


def test_korean_names_the_model_splits_are_whole() -> None:
    found = people(
        "Pak In Chol, chairman of the federation's central committee, and Han Jong Hyok, "
        "chairman of the union's central committee, made speeches at the farm."
    )
    assert found == ["Pak In Chol", "Han Jong Hyok"]


def test_a_chancellor_named_by_surname_is_a_person() -> None:
    assert people("She sat down to meet with Chancellor Scholz in Berlin.") == ["Scholz"]


def test_the_person_a_nominee_replaces_is_a_person() -> None:
    found = people(
        "Jane Roe, of Ohio, to be a Member of the Board of Directors of the Harbour "
        "Authority for a term expiring May 18, 2027, vice A. D. Doe, term expired."
    )
    assert found == ["Jane Roe", "A. D. Doe"]
