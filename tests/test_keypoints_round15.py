"""Round 15 (issue 9): a speaker's rites (thanks, congratulations, a call on the nation to
observe a day, "let us ...", a pledge to go on) and state media's eulogies are no key
points; an act, a position on someone named and a third party's rite stay. Texts written
for the project (the names and places are invented)."""

from __future__ import annotations

import pytest

from extractors.keypoints import ceremonial, eulogy, key_points, parses
from extractors.models import Article

needs_model = pytest.mark.skipif(not parses(["A test."]), reason="spaCy model not installed")


def _doc(title: str, paragraphs: list[str], kind: str = "official") -> Article:
    return Article(
        source="fixture/doc.md",
        title=title,
        text="\n\n".join(paragraphs),
        url="https://example.org/doc",
        outlet="Example Office",
        source_type=kind,  # type: ignore[arg-type]
    )


@needs_model
def test_ceremonial_reads_rites_and_leaves_acts() -> None:
    rites = [
        "I extend warm congratulations to you on your election as president.",
        "We reaffirm our support for brave people who stand up for freedom.",
        "I am so grateful for the warm welcome to Harbour City.",
        "Let us join together to remember the service of our veterans.",
        "I call upon all citizens to observe this day with appropriate ceremonies.",
        "The Administration will continue to defend access to health care.",
        "I thank you all so very much.",
        # a typographic "I’m", a subject of two, a rite on a clause that names someone
        "I’m so grateful for the warm welcome to Harbour City by you and Governor Dale.",
        "Mara and I extend our deepest gratitude to Louisa for her years of service.",
        "I am now recollecting with deep emotion the days when we developed Norland-Ostia "
        "relations into an alliance.",
        # an exhortation, whatever it names
        "And let us continue to build a world free of nuclear weapons.",
    ]
    acts = [
        # a third party's rite is an act
        "The Norland president extended sincere congratulations to the premier.",
        # a rite on someone named is a position
        "We will correctly remember the Union and the League, which led the sanctions.",
        # a figure is news
        "I am proud to say we have created 1.2 million new jobs.",
        # a pledge on something named is a position
        "The United States will continue to support President Arlen Vask.",
        # another party's future, not the speaker's pledge
        "Those who cross the border unlawfully will continue to face removal.",
        "The President signed the Harbour Safety Act today.",
    ]
    docs = parses(rites + acts)
    assert [ceremonial(docs[t]) for t in rites] == [True] * len(rites)
    assert [ceremonial(docs[t]) for t in acts] == [False] * len(acts)


@needs_model
def test_eulogy_reads_praise_and_leaves_news() -> None:
    praise = [
        "The youth organizations in Ryon County are further sublimating the loyalty and "
        "patriotism of the masses through education in patriotism.",
        "The long journey is shining as the immortal course of the glorious Party.",
        "All the participants paid the highest glory and respect to the leader.",
    ]
    news = [
        "A ceremony for moving into new houses took place at the Sokam Farm.",
        "The puppet military staged a firing drill near the border on Tuesday.",
        "More than 4 000 families moved into new houses in 60 counties this year.",
        "Pak Chol Su, chairman of the provincial committee, made a speech at the meeting.",
    ]
    docs = parses(praise + news)
    assert [eulogy(docs[t]) for t in praise] == [True] * len(praise)
    assert [eulogy(docs[t]) for t in news] == [False] * len(news)


PROCLAMATION = [
    "Seventy years ago, thousands of service members took part in the tests at Coral "
    "Flats, and many later fell ill.",
    "I have signed laws that extend care to 400 000 veterans exposed to radiation.",
    "NOW, THEREFORE, I, ANNA REY, President, do hereby proclaim July 16 as Test Veterans Day.",
    "I call upon all citizens to observe this day with appropriate ceremonies and activities.",
    "This month, let us join together to remember the service of our Test Veterans.",
    "We extend our deepest gratitude to the families who cared for them.",
]


@needs_model
def test_a_proclamation_s_points_are_its_acts_not_its_rites() -> None:
    got = [k.text for k in key_points([_doc("A Proclamation on Test Veterans Day", PROCLAMATION)])]
    assert any(t.startswith("Seventy years ago") for t in got)
    assert not any("observe this day" in t for t in got)
    assert not any(t.startswith("This month, let us") for t in got)
    assert not any("deepest gratitude" in t for t in got)


@needs_model
def test_a_state_media_eulogy_gives_way_to_the_item_s_news() -> None:
    item = [
        "Pyongyang, June 2 (EA) -- New houses were built at the Sokam Farm in Ryon County.",
        "Present at the ceremony were Kim Song Il, chairman of the county committee, and farmers.",
        "The long journey is shining as the immortal course of the glorious Party.",
        "The farmers' boundless trust in the Party reflects their ardent loyalty and love.",
    ]
    got = [k.text for k in key_points([_doc("New Houses at Sokam Farm", item, "state-media")])]
    assert any("New houses were built" in t for t in got)
    assert not any("immortal course" in t or "boundless trust" in t for t in got)


OPEN_FLOOR = "\n\n".join(
    [
        "Harbour Room",
        "3:42 P.M. EDT",
        "MS. HOLLOWAY:  Hey, good afternoon, everyone.",
        "Q    Hello.",
        "MS. HOLLOWAY:  Hello, hello.  You will be very excited: I do not have anything at the "
        "top for all of you.  So we are going to go straight to questions.",
        "Q    Thanks.  On the floods in Moravia, what is the administration sending, and when?",
        "MS. HOLLOWAY:  Thank you for the question.  The Department of Defense is flying 40 "
        "water purification units to Moravia on Thursday, and two engineering teams will "
        "follow next week.",
        "Q    And on the trade talks with Ostia?",
        "MS. HOLLOWAY:  So, on trade.  The Trade Representative will meet the Ostian minister "
        "in Geneva on Friday to close the tariff agreement signed in principle in May.",
        "Q    Will the President travel to the region?",
        "MS. HOLLOWAY:  I do not have any travel to announce at this time.",
    ]
)


def test_a_briefing_with_nothing_at_the_top_has_its_answers_as_points() -> None:
    """No topper, so no subject is the story's focus: each answer's news is a point, and
    the summary is no housekeeping line (the round-15 read of WH 2022-06-13)."""
    from extractors.summary import summarise_story

    art = Article(
        source="brief", title="Press Briefing by Press Secretary Ann Holloway", text=OPEN_FLOOR
    )
    summary = summarise_story([art])
    assert summary is not None and "anything at the top" not in summary.text
    got = [k.text for k in key_points([art], summary=summary)]
    assert any("purification units" in t or "Geneva" in t for t in got)


def test_an_example_a_bare_reason_and_a_list_item_lean_back() -> None:
    from extractors.keypoints import leans_back

    assert leans_back("For example, people can only get 35 000 dollars from the fund.")
    assert leans_back("Because I decided that I was not going to run again.")
    assert leans_back("One, 70 percent of the people making under 100 000 dollars pay more.")
    assert not leans_back("Because of the storm, flights were cancelled on Monday.")
    assert not leans_back("One of the officials said the talks had failed.")
