"""Round 13 roles from the dependency parse, on small fixtures written for the project
(facts may be real, the sentences are our own): classes measured on the dev half of
``benchmarks/entities_labels_v11.json`` (labelled blind this round). The parse gives a
role only where the rules give none, and only to an appositive set off by a comma."""

from __future__ import annotations

from tests.entity_fixtures import people as _people


def test_an_appositive_the_rules_miss_comes_from_the_parse() -> None:
    people = _people(
        "At a news conference, Marta Lindqvist, director of Norway Civil Aviation, said the "
        "charter flight landed safely. Lindqvist said the runway would reopen on Monday."
    )
    assert people["Marta Lindqvist"] == "director of Norway Civil Aviation"


def test_a_name_in_apposition_to_a_noun_before_it_takes_that_noun() -> None:
    people = _people(
        "“She was shaking when she came down,” said the friend, Ilsa Brennan. "
        "Brennan said they left the hotel together."
    )
    assert people["Ilsa Brennan"] == "friend"


def test_a_kinship_set_off_before_the_name_is_no_role_as_after_it() -> None:
    # round 9's convention (tests/test_entities_round9.py): a relation is not a post
    people = _people(
        "“We are heartbroken,” Aron Falk's sister, Dagny Falk Moreau, wrote on Facebook. "
        "Moreau said the family would travel to the island."
    )
    assert people["Dagny Falk Moreau"] is None


def test_a_clause_about_the_person_ends_the_role() -> None:
    people = _people(
        "Despite lacking Tobias Renner, the N.F.L.’s leading receiver, who sat out with a "
        "calf injury, the home side won easily. Renner said he hoped to play next week."
    )
    assert people["Tobias Renner"] == "N.F.L.’s leading receiver"


def test_a_phrase_that_counts_people_or_names_no_person_is_no_role() -> None:
    people = _people(
        "The shortlist had only one woman, Edda Sorensen, among its nine names. "
        "Sorensen said she was honoured."
    )
    assert people.get("Edda Sorensen") != "only one woman"


def test_the_country_or_body_before_a_title_is_read_with_it() -> None:
    people = _people(
        "South Korean President Han Do-yun met the envoy on Monday. NASA astronaut Petra "
        "Lindgren returned to Earth on Sunday. Former US President Walter Brandt said so."
    )
    assert people["Han Do-yun"] == "South Korean President"
    assert people["Petra Lindgren"] == "NASA astronaut"
    assert people["Walter Brandt"] == "Former US President"


def test_a_place_after_a_preposition_is_not_the_titles_body() -> None:
    people = _people("The talks in Seoul President Han Do-yun opened were short.")
    assert people.get("Han Do-yun") in ("President", None)


def test_an_acronym_before_a_capitalised_title_is_its_body() -> None:
    # from the analyst read of the unseen White House day 2024-07-01
    people = _people(
        "The governor was briefed by FEMA Administrator Lena Ortiz on the storm. "
        "The call with NASA Administrator Tom Keel ended early."
    )
    assert people["Lena Ortiz"] == "FEMA Administrator"
    assert people["Tom Keel"] == "NASA Administrator"  # an acronym is no place: "with" too


def test_a_lower_case_body_after_of_the_ends_the_title() -> None:
    # from the analyst read of the unseen KCNA day 2024-10-29
    people = _people("Pak Song Il, vice-chairman of the county people's committee, made a speech.")
    assert people["Pak Song Il"] == "vice-chairman of the county people's committee"
