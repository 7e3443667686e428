"""Round 14: a role shown with the body the source gives it when the role alone does not
name it (the analyst read of WH 2023-07-14 saw "Karine Jean-Pierre (Secretary)")."""

from __future__ import annotations

from extractors.models import Article, Entity, Relevance, Story
from extractors.render import _people_line


def _story(*people: Entity) -> Story:
    art = Article(source="a", title="T", text="x", url="https://example.org/a")
    return Story(
        id="s", title="T", articles=(art,), relevance=Relevance(0.5, True), entities=people
    )


def test_a_role_split_from_its_body_is_shown_with_it() -> None:
    line = _people_line(
        _story(
            Entity("Dana Whitfield", "person", role="Secretary", affiliation="Harbour Press"),
            Entity("Mark Rutte", "person", role="NATO Secretary General", affiliation="NATO"),
        )
    )
    assert "Dana Whitfield (Secretary, Harbour Press)" in line
    assert "Mark Rutte (NATO Secretary General)" in line  # the role already names it
