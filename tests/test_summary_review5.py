"""Round-5 held-out read (review 5, items 3 and 10): a press briefing's summary is the
briefer's announcement, not room talk; a propaganda lead gives way to the sentence that
states the act; a newspaper's credit opening a sentence is trimmed. Texts written for the
project."""

from __future__ import annotations

from extractors.models import Article
from extractors.summary import banter, summarise_story, verdict

BRIEFING = "\n\n".join(
    [
        "Harbor Press Room",
        "10:05 A.M. EDT",
        "Q Good morning.",
        "MS. ALDEN: Morning. Wh- — whoever picked this paint, it smells like fresh varnish "
        "in here. (Laughter.)",
        "Q Nice chairs.",
        "MS. ALDEN: They are nice chairs, you guys got lucky in here this week.",
        "All right. A couple of things at the top.",
        "On Thursday, the Governor will sign an order creating the Northport Wetlands "
        "Reserve along the Calder River estuary.",
        "The reserve will protect eleven thousand acres of marsh that shelter migrating "
        "birds and spawning fish.",
        "Q Will the order face a legal challenge from the port authority?",
        "MS. ALDEN: We really want to be able to get out there and, you know, talk to "
        "people, you know, directly about this.",
    ]
)

INTENTIONS = "\n\n".join(
    [
        "9:40 A.M. EDT",
        "MS. ALDEN: Oh, busy room.",
        "Q Hi.",
        "Q Hello.",
        "MS. ALDEN: Hi, everyone. Good to see you all.",
        "So, I want to begin with the flooding in the valley, which the Governor addressed "
        "this morning.",
        "The state emergency agency has sent forty rescue boats and two field hospitals to "
        "Millbrook County.",
        "Q What is the Governor going to tell the mayors on Friday about the money?",
        "MS. ALDEN: We really want to be able to get out there and, you know, speak directly "
        "to the mayors, you know, about the money.",
    ]
)

PROPAGANDA = "\n\n".join(
    [
        "Eastport, May 4 (NNA) -- Growing louder in the puppet republic is the outcry "
        "against puppet Governor Varn, a war maniac and traitorous stooge of the foreign "
        "forces, who is hell-bent on the drills for aggression.",
        "On May 2, the 12th torchlight rally against the governor was staged in Harrow "
        "Square with the attendance of thousands of students and workers.",
        "Speakers there called for the resignation of the governor within a month.",
    ]
)


def test_a_briefing_summary_is_the_announcement_not_room_talk() -> None:
    s = summarise_story(
        [Article(source="brief.md", title="Press Briefing by Press Secretary", text=BRIEFING)]
    )
    assert s is not None
    assert s.text.startswith("On Thursday, the Governor will sign an order")


def test_a_briefing_that_opens_on_greetings_is_read_past_the_banter() -> None:
    s = summarise_story(
        [Article(source="brief2.md", title="Press Briefing by Press Secretary", text=INTENTIONS)]
    )
    assert s is not None
    assert "you know" not in s.text
    assert "rescue boats" in s.text or "flooding in the valley" in s.text


def test_banter_turns_are_not_questions() -> None:
    assert banter("Q Kick the tires.")
    assert banter("Q    Hello.")
    assert not banter("Q Will the order face a legal challenge?")
    assert not banter("Q Can you tell us more about the schedule for the signing tomorrow")


def test_a_propaganda_lead_gives_way_to_the_act() -> None:
    s = summarise_story(
        [Article(source="nna.md", title="12th Torchlight Rally Staged", text=PROPAGANDA)]
    )
    assert s is not None
    assert s.text.startswith("On May 2, the 12th torchlight rally")


def test_verdict_needs_an_inverted_lead_or_two_epithets() -> None:
    assert verdict("Growing louder in the republic is the outcry against the governor.")
    assert verdict("The puppet governor, a war maniac, ordered drills.")
    assert not verdict("The rally demanded the resignation of the puppet governor.")
    assert not verdict("Growing numbers of farmers planted rice on Monday.")


def test_the_briefers_agenda_line_is_housekeeping() -> None:
    from extractors.summary import housekeeping

    assert housekeeping("Going to have a couple things at the top, so please bear with me.")
    assert housekeeping("I have a few items at the top before questions.")
    assert not housekeeping("The Governor will sign the order at the top of the hour.")
