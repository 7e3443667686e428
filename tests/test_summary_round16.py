"""Round 16 summaries (issue 9, from the analyst read of WH 2024-07-20): a statement on a
death whose sentences are praise is summarised by its headline, which says who speaks on
whose passing. Texts written for the project (names invented)."""

from __future__ import annotations

from extractors.models import Article
from extractors.summary import summarise_story

TITLE = "Statement from President Jane Roe on the Passing of Representative John Doe"
PRAISE = (
    "John Doe was a great American. Always fearless, he spoke truth to power and served "
    "the people of his district with dignity and grace for nearly thirty years in Congress. "
    "He never stopped fighting for the families of his city."
)


def test_praise_of_the_dead_gives_way_to_the_headline() -> None:
    summary = summarise_story([Article(source="s", title=TITLE, text=PRAISE)])
    assert summary is not None and summary.text == TITLE
    assert summary.sources == ("s",)


def test_a_sentence_telling_the_death_stays_the_summary() -> None:
    text = "Representative John Doe died on Friday in his city at the age of 74. " + PRAISE
    summary = summarise_story([Article(source="s", title=TITLE, text=text)])
    assert summary is not None and "died on Friday" in summary.text
