"""Round-5 held-out read (review5 items 4, 5, 10): general people defects, on sentences
written for the project (facts may be real, the sentences are our own). The cases were
seen on the read, so these rules are not blind: each is checked not to lower any set of
``benchmarks/entities_eval.py``."""

from __future__ import annotations

from tests.entity_fixtures import entities as _entities
from tests.entity_fixtures import people as _people


def test_a_transcript_question_marker_is_no_part_of_a_name() -> None:
    people = _people(
        "MS. JEAN-PIERRE: Good afternoon, everyone.\n\n"
        "Q Thank you, Karine. Will the President travel to Ohio next week?\n\n"
        "MS. JEAN-PIERRE: We will have more to share soon.\n\n"
        "Q Thanks, Karine. And on the budget talks?\n\n"
        "Q Kick the can down the road, then?"
    )
    assert not any(name.startswith("Q ") for name in people)


def test_the_honorable_is_no_part_of_a_name() -> None:
    people = _people(
        "The Act is named for the Honorable Marta Quellen, who served the district for ten "
        "years. Quellen said the plan would help families. The committee also thanked "
        "Honorable Dario Pettersen, who spoke at the hearing."
    )
    assert "Marta Quellen" in people
    assert not any("Honorable" in name for name in people)


def test_a_descriptor_compound_is_no_part_of_a_name() -> None:
    people = _people(
        "Police named the victims on Friday.\n\nFather-of-three Daniel Moreton, 61, who was "
        'known as "Bear" to friends, was also among the dead. Moreton had worked at the '
        "depot for years, his family said."
    )
    assert "Daniel Moreton" in people
    assert not any("-of-" in name for name in people)


def test_headline_verbs_and_prepositions_after_a_name_are_no_part_of_it() -> None:
    for title in (
        "President Biden Announces New Steps to Cut Energy Costs",
        "Remarks by President Biden Before Briefing on Wildfire Season",
    ):
        people = _people(
            "President Biden said the steps would lower bills. Biden spoke at the White House.",
            title=title,
        )
        assert set(people) <= {"Biden"}, (title, people)


def test_a_verb_after_to_in_a_bill_title_is_no_given_name() -> None:
    people = _people(
        "The President signed the Marta Quellen National Plan to End Tremors Act, which "
        "directs the agency to end delays in research. Quellen said it would help patients."
    )
    assert not any(name.startswith("End ") for name in people)


def test_a_verb_after_to_in_a_title_case_law_name_is_no_name() -> None:
    people = _people(
        "The President signed the \u201cMarta Quellen National Plan to End Tremors\u2019s "
        "Act,\u201d named for the congresswoman. Quellen said it would help patients."
    )
    assert not any(name.startswith("End ") for name in people)


def test_a_name_glued_by_a_dash_or_bracket_is_split_and_cleaned() -> None:
    people = _people(
        "Congresswoman Okafor—Amara—you always stand up for this district. "
        "The President appointed Justice [Ketanji] Brown Jackson to the Supreme Court."
    )
    assert not any("—" in name or "[" in name or "]" in name for name in people)
    assert "Ketanji Brown Jackson" in people


def test_kcna_newspapers_are_outlets_not_people() -> None:
    ents = _entities(
        "Minju Joson in an editorial calls upon all working people to increase production. "
        "Rodong Sinmun says the harvest will be rich."
    )
    people = {e.name for e in ents if e.kind == "person"}
    assert "Minju Joson" not in people and "Rodong Sinmun" not in people


def test_a_titled_surname_does_not_join_a_differently_named_family_member() -> None:
    people = _people(
        "President Obama met President-elect Donald Trump in the Oval Office on Thursday. "
        "Meanwhile first lady Michelle Obama and Melania Trump met for tea. "
        "President Obama said the meeting was excellent. Obama added that he was encouraged."
    )
    assert people.get("Michelle Obama") != "President"


def test_a_son_does_not_take_his_fathers_title() -> None:
    people = _people(
        "Q Did the President ever meet business partners of his son, Hunter Biden?\n\n"
        "MS. JEAN-PIERRE: Hunter Biden is a private citizen. President Biden will sign a "
        "proclamation on Tuesday. President Biden also met governors."
    )
    assert people.get("Hunter Biden") != "President"
