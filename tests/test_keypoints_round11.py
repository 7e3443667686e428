"""Round 11 (issue 9): a key point that speaks in the first person says who speaks it, as
the source names them, or is no key point. Texts written for the project."""

from __future__ import annotations

from dataclasses import replace

import pytest

from extractors.keypoints import key_points, parses
from extractors.models import Article, Entity
from extractors.render import render_email, render_html, render_json, render_markdown
from tests.digests import rich_digest

needs_model = pytest.mark.skipif(not parses(["A test."]), reason="spaCy model not installed")


def _article(title: str, paragraphs: list[str], source: str = "fixture/a.md") -> Article:
    return Article(
        source=source,
        title=title,
        text="\n\n".join(paragraphs),
        url=f"https://example.org/{source}",
        outlet="Example",
    )


def _points(art: Article, people: tuple[Entity, ...] = ()) -> dict[str, str | None]:
    return {k.text: k.speaker for k in key_points([art], entities=people)}


@needs_model
def test_a_statements_first_person_is_its_headline_speaker() -> None:
    art = _article(
        "Statement from President Mara Lind on the Harbour Accord",
        [
            "Today I signed the Harbour Accord, which opens the second quay of Pusan to "
            "allied navies on March 3 with 40 new cranes.",
            "The accord also sets up a joint fund of 300 million dollars for port repairs.",
        ],
    )
    got = _points(art)
    assert got[next(t for t in got if "I signed the Harbour Accord" in t)] == "President Mara Lind"
    assert got[next(t for t in got if "joint fund" in t)] is None  # third person


@needs_model
def test_a_message_handed_over_by_a_line_is_said_by_its_sender() -> None:
    art = _article(
        "Leader Sends Reply Message to Visiting President",
        [
            "Pyongyang, August 16 (KCNA) -- Ri Chol Man, chairman of the State Council, sent "
            "a reply message to Jonas Berg, president of Norland, on August 15.",
            "The message said:",
            "I express deep thanks to you for your warm congratulations on the 79th "
            "anniversary of the founding of the Council and for the 12 trade delegations "
            "you sent to Pyongyang this year.",
        ],
    )
    people = (
        Entity("Ri Chol Man", "person", role="chairman of the State Council"),
        Entity("Jonas Berg", "person", role="president of Norland"),
    )
    got = _points(art, people)
    assert got[next(t for t in got if t.startswith("I express deep thanks"))] == "Ri Chol Man"


@needs_model
def test_a_signed_memorandum_is_said_by_its_signer_and_an_unknown_i_is_dropped() -> None:
    signed = _article(
        "Memorandum on Port Security",
        [
            "I hereby direct the Secretary of Transportation to inspect the 14 northern "
            "ports by June 30 and to report the findings to the Congress.",
            "MARA LIND",
        ],
    )
    people = (Entity("Mara Lind", "person"),)
    got = _points(signed, people)
    assert got[next(t for t in got if t.startswith("I hereby direct"))] == "Mara Lind"
    unsigned = _article(
        "Port Security",
        [
            "I hereby direct the Secretary of Transportation to inspect the 14 northern "
            "ports by June 30 and to report the findings to the Congress.",
            "The inspections will cover 14 northern ports and cost 2 million dollars.",
        ],
    )
    texts = list(_points(unsigned))
    assert not any(t.startswith("I hereby direct") for t in texts)
    assert any("inspections will cover" in t for t in texts)


def test_every_rendering_shows_the_speaker_before_the_point() -> None:
    digest = rich_digest()
    story = digest.stories[0]
    first = replace(
        story.key_points[0],
        text="We will send 30 engineers to the shell plant in April.",
        speaker="Defence Minister <Ahn Gyu-back>",
    )
    story = replace(story, key_points=(first, *story.key_points[1:]))
    digest = replace(
        digest,
        stories=(story, *digest.stories[1:]),
        sections=tuple(
            replace(sec, stories=tuple(story if x.id == story.id else x for x in sec.stories))
            for sec in digest.sections
        ),
    )
    assert "**Defence Minister \\<Ahn Gyu-back\\>:** We will send" in render_markdown(digest)
    html = render_html(digest)
    assert '<strong class="speaker">Defence Minister &lt;Ahn Gyu-back&gt;:</strong> We will' in html
    text, mail = render_email(digest)[:2]
    assert "Defence Minister <Ahn Gyu-back>: We will send" in text
    assert "<strong>Defence Minister &lt;Ahn Gyu-back&gt;:</strong> We will" in mail
    assert '"speaker": "Defence Minister <Ahn Gyu-back>"' in render_json(digest)


def test_a_day_told_by_the_sentence_before_leans_back() -> None:
    from extractors.keypoints import leans_back

    for s in (
        "On the same day, members of the delegation laid wreaths at the tower.",
        "That day there took place various drills of the units at the base.",
        "The next day, the ministers met again in Seoul.",
        "Earlier, the delegation visited the shipyard.",
    ):
        assert leans_back(s), s
    for s in (
        "Earlier this week, the delegation visited the shipyard.",
        "The day of the vote was set for 3 April.",
    ):
        assert not leans_back(s), s


def test_a_short_sentence_ending_on_a_pronoun_or_a_later_list_item_leans_back() -> None:
    from extractors.keypoints import leans_back

    assert leans_back("The Department of Defense has spoken to this.")
    assert leans_back("The agency has already spoken to it.")
    assert leans_back("Second, the pier delivered a lot.")
    assert not leans_back("Officials said the plan would add 40 cranes to the port and pay for it.")
    assert not leans_back("The ministers agreed on a joint fund of 300 million dollars.")


def test_a_bullet_run_into_its_item_is_no_part_of_the_point() -> None:
    from extractors.keypoints import without_dateline

    assert without_dateline("-Ri Chol Man sent a birthday spread to a centenarian.") == (
        "Ri Chol Man sent a birthday spread to a centenarian."
    )
    assert without_dateline("-3 degrees were recorded in Pyongyang.").startswith("-3")
