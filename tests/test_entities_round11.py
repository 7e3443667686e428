"""Round 11 people and roles, on small fixtures written for the project (facts may be
real, the sentences are our own): classes measured on the dev half of
``benchmarks/entities_labels_v10.json`` (labelled blind this round)."""

from __future__ import annotations

from tests.entity_fixtures import people as _people


def test_a_lower_case_field_after_of_belongs_to_the_title() -> None:
    people = _people(
        "“We will keep listening,” Mara Quint, the network's global head of safety, said. "
        "Jon Arlo, a professor of economics, disagreed."
    )
    assert people["Mara Quint"] == "network's global head of safety"
    assert people["Jon Arlo"] == "professor of economics"


def test_a_title_with_its_field_before_a_comma_is_the_names() -> None:
    people = _people(
        "Early investor and former vice president of growth, Ravindra Palakurthi, also "
        "accused the network of feeding outrage."
    )
    assert people["Ravindra Palakurthi"] == "former vice president of growth"


def test_an_appositive_of_where_someone_works_then_said_shows_a_person() -> None:
    people = _people(
        "Wen Haoliang, from the National Space Engineering Corporation, said the station "
        "would burn up over the ocean."
    )
    assert "Wen Haoliang" in people


def test_a_dj_is_a_role() -> None:
    people = _people("For Marco Velluti, a DJ, the delay meant a missed gig.")
    assert people["Marco Velluti"] == "DJ"


def test_a_documents_label_is_not_a_speaker() -> None:
    people = _people(
        "FACT SHEET: The Administration Announces New Workforce Grants. PRESIDENT BIDEN: "
        "Thank you all for coming."
    )
    assert "Fact Sheet" not in people
    assert any(name.endswith("Biden") for name in people)


def test_a_past_office_in_a_when_clause_is_not_the_persons_role() -> None:
    people = _people(
        "President Lind and Prime Minister Ode worked together for a decade when Mara Lind "
        "was Vice President. President Lind said the talks would go on."
    )
    assert people["Mara Lind"] == "President"


def test_generalissimo_is_a_title_also_in_the_plural() -> None:
    people = _people(
        "The letter paid tribute to Generalissimos Ri Il Song and Ri Jong Il on the day."
    )
    assert people["Ri Il Song"] == "Generalissimo"
    assert "Generalissimos Ri Il Song" not in people


def test_every_name_in_a_plural_titles_list_has_the_title() -> None:
    people = _people("I thank Senators Orrin, Valdez, Kamara and Tsai for their work on the bill.")
    assert {people[n] for n in ("Orrin", "Valdez", "Kamara", "Tsai")} == {"Senator"}


def test_a_possessive_or_aboard_opening_a_sentence_is_no_part_of_a_bodys_name() -> None:
    from tests.entity_fixtures import entities

    orgs = {
        e.name
        for e in entities(
            "Its Joint Chiefs of Staff called the drill a provocation. Aboard Air Force One, "
            "the aides met."
        )
        if e.kind == "organisation"
    }
    assert "Joint Chiefs of Staff" in orgs
    assert not any(o.startswith(("Its ", "Aboard ")) for o in orgs)
