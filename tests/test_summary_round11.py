"""Round 11 (issue 9): a press review is summarised by its first item, whose agency note
"(photos accompanied)" no longer makes it a caption; found by reading a KCNA day's digest
(2024-10-22). Texts written for the project."""

from __future__ import annotations

from extractors.clean import clean_text
from extractors.models import Article
from extractors.summary import summarise_story

REVIEW = (
    "Pyongyang, March 3 (KCNA) -- Following are major news items and articles in leading "
    "newspapers of the DPRK on Tuesday:\n"
    "- The chairman of the State Council inspected the rebuilt dykes along the Chongchon "
    "River in North Phyongan Province. (photos accompanied)\n"
    "- Successes have been made across the country.\n"
    "- A sports delegation returned home after visiting Laos."
)


def test_an_agencys_photo_note_is_cut_and_its_sentence_kept() -> None:
    cleaned = clean_text(REVIEW, title="Press Review")
    assert "inspected the rebuilt dykes along the Chongchon River" in cleaned.text
    assert "photos accompanied" not in cleaned.text
    assert cleaned.credits == ()


def test_a_press_review_is_read_with_its_first_item() -> None:
    cleaned = clean_text(REVIEW, title="Press Review")
    art = Article(source="review", title="Press Review", text=cleaned.text, outlet="KCNA")
    got = summarise_story([art])
    assert got is not None
    assert got.text.startswith("Following are major news items")
    assert "inspected the rebuilt dykes along the Chongchon River" in got.text
    assert got.sources == ("review", "review")


def test_a_briefers_turn_to_the_next_topic_is_no_part_of_the_summary() -> None:
    from extractors.summary import tidy

    assert tidy(
        "Shifting topics, if I could: Today, we also welcomed the announcement that the "
        "ministers will meet in Seoul next month."
    ) == (
        "Today, we also welcomed the announcement that the ministers will meet in Seoul next month."
    )
    kept = "Quickly: the talks end on Friday in Seoul with a joint statement on shells."
    assert tidy(kept) == kept  # no capital after the colon: not a turn to a new topic
