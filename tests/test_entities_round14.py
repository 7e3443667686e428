"""Round 14 people rules, on small fixtures written for the project (facts may be real, the
sentences are our own): classes measured on the dev half of
``benchmarks/entities_labels_v12.json`` (labelled blind this round, drawn by
``benchmarks/draw_people_set.py``)."""

from __future__ import annotations

from tests.entity_fixtures import people as _people

_BROADCAST = (
    "JONAS WEBER, HOST:\n"
    "The harbour city woke to flooded streets this morning. Our reporter is there.\n"
    "KARIN OSTBERG, BYLINE: Good morning, Jonas. The water rose overnight.\n"
    "WEBER: How many homes were hit?\n"
    "OSTBERG: About two hundred, the fire service says."
)


def test_a_broadcast_label_with_the_speakers_part_names_a_person() -> None:
    people = _people(_BROADCAST, title="Floods In The Harbour City")
    assert people["Jonas Weber"] == "host"
    # "BYLINE" marks the outlet's own reporter: a person, with no role from it
    assert "Karin Ostberg" in people and people["Karin Ostberg"] is None


def test_a_section_heading_in_capitals_is_no_speaker() -> None:
    people = _people(
        "The heavy rocket lifted off on Tuesday with a car on board.\n"
        "ENGINE FACTS: The first stage has 27 engines.\n"
        "LATER LAUNCHES: The company has customers lined up for the rocket. The engines "
        "will fly again in June, and later launches will carry satellites."
    )
    assert "Engine Facts" not in people
    assert "Later Launches" not in people


def test_a_heading_whose_words_the_text_never_repeats_is_no_speaker() -> None:
    people = _people(
        "The heavy rocket lifted off on Tuesday with a car on board.\n"
        "COMING FLIGHTS: The company has customers lined up for the rocket."
    )
    assert "Coming Flights" not in people


def test_a_firm_noun_before_a_name_makes_no_person_of_it() -> None:
    people = _people(
        "It is the idea of Elon Musk, the maverick who heads SpaceX and electric carmaker "
        "Zentrix.\nSpaceX’s Elon Musk also runs the electric car maker Zentrix. Musk said the car "
        "would orbit."
    )
    assert "Zentrix" not in people
    assert "Elon Musk" in people


def test_a_possessive_before_a_name_is_its_owner_not_part_of_it() -> None:
    people = _people("SpaceX’s Elon Musk wished the crew luck. Musk said so on Monday.")
    assert "Elon Musk" in people
    assert not any("SpaceX" in name for name in people)


def test_a_principal_is_a_post() -> None:
    people = _people(
        "The meeting was attended by:\n- Research Forum – Senior Principal Dana Whitlock\n"
        "Whitlock spoke about training."
    )
    assert people["Dana Whitlock"] == "Senior Principal"
