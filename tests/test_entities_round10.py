"""Round 10 roles, on small fixtures written for the project (facts may be real, the
sentences are our own): classes measured on the dev halves of
``benchmarks/entities_labels_v9.json`` (labelled blind this round) and the earlier sets."""

from __future__ import annotations

from tests.entity_fixtures import people as _people


def test_a_lower_case_title_is_read_with_the_body_before_it() -> None:
    people = _people(
        "The letter was signed by Harbor Records president Lena Moss, Sound Music general "
        "counsel Ravi Patel, and Bay Nation COO Ines Ford."
    )
    assert people["Lena Moss"] == "Harbor Records president"
    assert people["Ravi Patel"] == "Sound Music general counsel"


def test_an_acronyms_title_keeps_the_acronym() -> None:
    people = _people("NSC Spokesperson Dana Cole said the review had ended.")
    assert people["Dana Cole"] == "NSC Spokesperson"


def test_a_capitalised_body_opening_the_sentence_belongs_to_the_title() -> None:
    people = _people(
        "Digital Consumer Editor Tara Lind explains what readers should do next. Biden "
        "Meets Chancellor Olaf Scholz in Berlin."
    )
    assert people["Tara Lind"] == "Digital Consumer Editor"
    assert people["Olaf Scholz"] == "Chancellor"  # a verb is no title's body


def test_a_state_named_by_its_form_of_government_is_read_whole() -> None:
    people = _people(
        "A message went to Luong Cuong, president of the Socialist Republic of Vietnam, on "
        "October 22."
    )
    assert people["Luong Cuong"] == "president of the Socialist Republic of Vietnam"


def test_a_government_before_a_name_is_a_body_its_title_before_the_of() -> None:
    people = _people(
        "Upon authorization, special envoy of the DPRK government Ri Ho Jun visited the "
        "venue of the funeral on July 25. The army Kim Song said so."
    )
    assert people["Ri Ho Jun"] == "special envoy of the DPRK government"
    assert people.get("Kim Song") is None  # a body alone is no title


def test_a_delegation_lists_its_honorables_and_excellencies() -> None:
    people = _people(
        "The Honorable Ada J. Morrow, U.S. Secretary of Commerce, will lead the delegation "
        "to the Inauguration of His Excellency Amadou Ould Sidi Baba on August 1."
    )
    assert people["Ada J. Morrow"] == "U.S. Secretary of Commerce"
    assert "Amadou Ould Sidi Baba" in people


def test_a_name_with_an_alias_is_a_person() -> None:
    people = _people(
        "Police arrested Ruben Alcaraz Moya (AKA “El Toro”) at an airfield near the border."
    )
    assert "Ruben Alcaraz Moya" in people


def test_a_charge_d_affaires_is_one_title() -> None:
    people = _people(
        "Present at the ceremony were Charge d'Affaires ad Interim Ivan Sorokin and staff "
        "members of the embassy. Mr. Dale Ritter, Charge d'Affaires ad interim, joined them."
    )
    assert people["Ivan Sorokin"] == "Charge d'Affaires ad Interim"
    assert people["Dale Ritter"] == "Charge d'Affaires ad interim"


def test_a_headline_name_ends_before_regarding() -> None:
    people = _people(
        "THE VICE PRESIDENT: Many of you have asked me about the debate.",
        title="Remarks by Vice President Harris Regarding a Presidential Debate",
    )
    assert "Harris Regarding" not in people
    assert people["Harris"] == "Vice President"


def test_his_majesty_is_no_name() -> None:
    people = _people(
        "The President spoke today with His Majesty King Faisal of Jordan about the region.",
        title="Readout of the President's Call with His Majesty King Faisal of Jordan",
    )
    assert not any("Majesty" in name for name in people)


def test_a_plural_title_titles_each_of_its_names() -> None:
    people = _people(
        "Present at the meeting were vice-chairmen Pak Song Il and Ri Chol Su, Secretary "
        "General Han Kum Sok, and other members. The chairmen of three committees met too."
    )
    assert people["Pak Song Il"] == "vice-chairman"
    assert people["Ri Chol Su"] == "vice-chairman"
    assert people["Han Kum Sok"] == "Secretary General"


def test_a_member_of_a_presidents_council_is_not_the_presidents_title() -> None:
    people = _people(
        "As a member of President Bill Carter's National Security Council, he worked on the "
        "peace talks. Chief of Staff Ron Klain said so."
    )
    assert people["Bill Carter"] == "President"
    assert people["Ron Klain"] == "Chief of Staff"
