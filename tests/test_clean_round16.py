"""Round 16 cleaning: a blog's archive menu of months is page furniture, not dates of the
article. Golden texts written for the project."""

from __future__ import annotations

from extractors.clean import Meta, clean_text, rule_page_labels
from extractors.dates import resolve_dates
from extractors.models import Article

MENU = "Archives Select Month " + " ".join(
    f"{m} {y}" for y in (2018, 2017) for m in ("December", "November", "October", "September")
)
BODY = (
    "Crew members on the orbiting laboratory sequenced bacteria swabbed from a cabin wall "
    "on Tuesday, the first time samples were identified without sending them to Earth."
)


def test_an_archive_menu_goes_and_gives_no_dates() -> None:
    c = clean_text(f"Microbes named in orbit\n\n{BODY}\n\n{MENU}\n", scraped=True)
    assert c.text == BODY
    art = Article(source="t", title=c.title, text=c.text)
    assert [e.mention for e in resolve_dates(art, "UTC")] == ["on Tuesday"]


def test_an_article_listing_months_of_its_story_stays() -> None:
    timeline = (
        "Talks opened in March 2017, stalled in June 2017, resumed in January 2018 and "
        "ended in a framework agreement signed in Seoul in May 2018 by both ministers."
    )
    meta = Meta()
    assert rule_page_labels([timeline, MENU], meta) == [timeline]
    assert [k for k, _ in meta.removed] == ["archive_menu"]


def test_a_file_with_no_article_text_names_its_title_in_the_error() -> None:
    import pytest

    from extractors.errors import ParseError
    from extractors.files import parse_file

    page = (
        b'---\ntitle: "Letter from the Physician to the President"\n---\n\n'
        b"To view the letter from the Physician to the President,\n"
        b"visit:[ https://example.org/letter.pdf](https://example.org/letter.pdf)\n\n\\###\n"
    )
    with pytest.raises(ParseError, match="titled 'Letter from the Physician to the President'"):
        parse_file("letter.md", page)
