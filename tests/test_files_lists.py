"""Markdown list items (``files.markdown_to_text_keep_headings``): one item per line,
however the item is marked or indented, so a press review's headlines are never read as
one run-on sentence. The golden file ``tests/data/clean_md/press-review.md`` is written
for the project."""

from __future__ import annotations

from pathlib import Path

from extractors.files import markdown_to_text_keep_headings, parse_markdown
from extractors.keypoints import key_points
from extractors.models import Article
from extractors.summary import roundup
from extractors.text import split_sentences

DATA = Path(__file__).parent / "data" / "clean_md"


def test_every_item_of_a_press_review_is_a_line_of_its_own() -> None:
    cleaned = parse_markdown((DATA / "press-review.md").read_text("utf-8"), "press-review.md")
    lines = cleaned.text.split("\n")
    assert cleaned.title == "Press Review"
    assert lines[0].endswith("leading newspapers of the island on Monday:")
    for item in (
        "An editorial calls for a bigger catch in the spring fishing season",
        "The harbor board met to review the ferry timetable",
        "A ceremony was held for the new lighthouse at Cape Dol",
        "Farmers finished planting rice in the eastern valley",
        "An article praises the crews who repaired the breakwater",
        "A meeting marked the founding day of the seamen's union",
        "The ministry will train 600 more pilots over the next four years.",
        "The port will add two berths by 2026.",
        "Ferries: the night ferry returns in July",
        "Buses run every ten minutes",
    ):
        assert ("- " + item) in lines, item
    assert "Harbor Daily" in lines
    # no line holds two items, so no sentence runs over an item's end
    assert all(len(split_sentences(ln)) == 1 for ln in lines[1:-1])


def test_a_nested_item_is_not_run_into_the_line_before() -> None:
    text = markdown_to_text_keep_headings(
        "The council will expand the pipeline into these trades:\n"
        "    -   Electricians will expand their program\n"
        "        from 600 to 1,000.\n"
        "    -    Ironworkers will grow theirs to 250.\n"
    )
    assert text.split("\n") == [
        "The council will expand the pipeline into these trades:",
        "- Electricians will expand their program from 600 to 1,000.",
        "- Ironworkers will grow theirs to 250.",
    ]


def test_a_wrapped_line_opening_on_a_year_is_no_item() -> None:
    text = markdown_to_text_keep_headings("The union has stood since\n1783.  It is old.")
    assert text == "The union has stood since 1783. It is old."


def test_every_marker_is_normalised_to_a_dash() -> None:
    text = markdown_to_text_keep_headings("• first point\n• **second** point\n3. third point")
    assert text.split("\n") == ["- first point", "- second point", "- third point"]


def test_a_markdown_press_review_is_a_roundup() -> None:
    cleaned = parse_markdown((DATA / "press-review.md").read_text("utf-8"), "press-review.md")
    assert roundup(Article(source="press-review.md", title=cleaned.title, text=cleaned.text))


def test_key_points_do_not_show_the_list_marker() -> None:
    text = markdown_to_text_keep_headings(
        "The harbor ministry set out its plans for the port on Monday in a statement:\n\n"
        "- The ministry will train 600 more pilots over the next four years to meet demand.\n"
        "- The port will add two new berths for container ships by 2026, the ministry said.\n"
    )
    art = Article(source="plans.md", title="Harbor ministry plans", text=text)
    points = [p.text for p in key_points([art], limit=5)]
    assert points and not any(p.startswith(("-", "•")) for p in points)
    assert split_sentences("- The port will add two berths.") == ["The port will add two berths."]
