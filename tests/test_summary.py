"""The story summary: a source sentence that states the event (issue 9). Texts written
for the project."""

from __future__ import annotations

from extractors.models import Article
from extractors.summary import states_event, summarise_story, usable


def test_states_event_needs_actor_and_verb() -> None:
    assert states_event("Seoul and NATO signed a cyber pact in Brussels on Monday.")
    assert states_event("Police in Croydon said the tram overturned on a bend.")
    assert not states_event("The era of development is a heyday of national power.")
    assert not states_event("On Monday, the weather in the region stayed mild and dry.")


def test_speaker_turn_is_not_a_summary() -> None:
    assert not usable("THE VICE PRESIDENT: I really hope and pray that they do, all of them.")
    assert not usable("PRESIDENT BIDEN: Well, we had an important thing to do today here.")


def test_lead_that_states_the_event_beats_a_long_central_sentence() -> None:
    lead = (
        "Today, President Moon announced that South Korea will send two liaison officers "
        "to NATO headquarters in Brussels."
    )
    central = (
        "The liaison officers, the headquarters staff, the Brussels partnership office and "
        "the partnership programme of NATO will all share the partnership work of the "
        "headquarters with the officers of the partnership programme for years to come."
    )
    body = "\n".join([lead, central, "The partnership programme grew from 2006 talks."])
    got = summarise_story(
        [Article(source="a", title="South Korea to send officers to NATO", text=body)]
    )
    assert got is not None
    assert got.text.startswith("Today, President Moon announced")
    assert set(got.sources) == {"a"}


def _words_of(text: str) -> set[str]:
    return {w.strip(".,;:!?—–-\"“”’'()").lower() for w in text.split()} - {""}


def test_transcript_summary_is_the_announcement_not_the_greeting() -> None:
    body = "\n".join(
        [
            "Rose Garden",
            "10:02 A.M. EDT",
            "THE PRESIDENT: Good morning, everyone. Thank you, thank you. Please, sit down.",
            "It is so good to see so many friends here today, and I want to thank the Mayor.",
            "I think we all know why we are here, and what a morning it has been for all of us.",
            "So, today I am announcing that the United States will open a new liaison office "
            "with NATO in Seoul next spring.",
            "The office will have a staff of twelve and will work with the defence ministry.",
            "Q Mr. President, when will the office open its doors?",
            "THE PRESIDENT: Next spring, as I said, and not a day later than that, I promise you.",
        ]
    )
    art = Article(source="t", title="Remarks by the President on a NATO Office in Seoul", text=body)
    got = summarise_story([art])
    assert got is not None
    # the first-person act opens on who says it, on what occasion and where (round 7)
    assert got.text.startswith("The President on a NATO Office in Seoul, Rose Garden: ")
    assert "Today I am announcing that the United States will open" in got.text
    assert "THE PRESIDENT" not in got.text and "Thank" not in got.text
    # trimmed, never new words: the body's and the headline's own
    assert _words_of(got.text) <= _words_of(body) | _words_of(art.title)


def test_fact_sheet_leads_on_its_today_sentence() -> None:
    body = "\n".join(
        [
            "Cyber threats to allied networks have grown every year for a decade and more.",
            "Partners across the Indo-Pacific and Europe share many of the same concerns now.",
            "Since taking office, the President has worked with allies on many of these threats.",
            "## New steps",
            "**Today, the President announced** a [joint cyber exercise](https://example.org/x) "
            "with South Korea and NATO to be held in Tallinn in May.",
        ]
    )
    got = summarise_story([Article(source="f", title="FACT SHEET: A Cyber Exercise", text=body)])
    assert got is not None
    assert got.text == (
        "Today, the President announced a joint cyber exercise with South Korea and NATO to be "
        "held in Tallinn in May."
    )


def test_short_lead_is_joined_with_the_sentence_that_tells_the_act() -> None:
    body = (
        "Ana Kim deserved to be safe. After she called the police in Busan for help on Monday, "
        "she was hurt in her own home by an officer sent to protect her.\n"
        "In this moment we must all come together to achieve reforms that keep communities safe."
    )
    got = summarise_story([Article(source="s", title="Statement on Ana Kim", text=body)])
    assert got is not None
    assert got.text.startswith("Ana Kim deserved to be safe. After she called the police")
    assert got.sources == ("s", "s")


def test_every_story_has_a_summary_when_anything_is_usable() -> None:
    short = Article(source="k", title="Greenhouse", text="The greenhouse keeps production up. -0-")
    got = summarise_story([short])
    assert got is not None and got.text == "The greenhouse keeps production up."
    furniture_only = Article(
        source="c",
        title="China accused of letting oil into North Korea",
        text="Chat with us in Facebook Messenger.\nFind out what's happening in the world.",
    )
    got = summarise_story([furniture_only])
    assert got is not None
    assert got.text == "China accused of letting oil into North Korea"  # the outlet's headline
    assert got.sources == ("c",)
    assert summarise_story([Article(source="e", title="(untitled)", text="")]) is None


def test_list_lead_drops_its_dangling_including() -> None:
    body = (
        "Today, the President hosted a summit in Washington to announce new actions by "
        "allies and partners, including:\n- Seoul will send two officers.\n- Tokyo will host talks."
    )
    got = summarise_story([Article(source="l", title="Summit", text=body)])
    assert got is not None
    assert got.text == (  # the list's opening line stands alone: no item is glued to it
        "Today, the President hosted a summit in Washington to announce new actions by allies "
        "and partners."
    )
