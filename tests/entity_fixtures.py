"""Shared helpers for the entity tests: one article written for the project, read with the
bundled topic."""

from __future__ import annotations

from extractors.entities import extract_entities
from extractors.models import Article, Entity
from extractors.topic import load_topic

TOPIC = load_topic("korea-nato")


def entities(text: str, title: str = "Report", outlet: str = "example.org") -> tuple[Entity, ...]:
    art = Article(
        source="fixture", title=title, text=text, url="https://example.org/a", outlet=outlet
    )
    return extract_entities([art], TOPIC)


def people(text: str, **kw: str) -> dict[str, str | None]:
    """Each person the text names, with their role."""
    return {e.name: e.role for e in entities(text, **kw) if e.kind == "person"}
