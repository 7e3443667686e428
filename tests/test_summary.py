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
