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
