"""Round 9 roles, on small fixtures written for the project (facts may be real, the
sentences are our own): classes measured on the dev half of
``benchmarks/entities_labels_v8.json`` (labelled blind this round) and the earlier sets."""

from __future__ import annotations

from tests.entity_fixtures import people as _people


def test_an_appositive_keeps_its_body_and_the_words_of_time_before_it() -> None:
    people = _people(
        "The group now counts Mira Halvorsen, a former Nordbank operations manager; Teo "
        "Lindqvist, a former Apple and Google communications executive; and Ada Brenner, "
        "the Eurocorp director. Separately, Jon Falk, a former NASA astronaut, said the "
        "rocket was too big for satellites."
    )
    assert people["Mira Halvorsen"] == "former Nordbank operations manager"
    assert people["Teo Lindqvist"] == "former Apple and Google communications executive"
    assert people["Ada Brenner"] == "Eurocorp director"
    assert people["Jon Falk"] == "former NASA astronaut"


def test_a_noun_of_an_agent_after_an_article_is_the_role() -> None:
    people = _people(
        "Rolf Sandberg, an early investor in the company, backed the plan. Ilse Marten, "
        "the creator of the app, did not."
    )
    assert people["Rolf Sandberg"] == "early investor"
    assert people["Ilse Marten"] == "creator"


def test_a_stance_or_a_kinship_after_the_name_is_no_role() -> None:
    people = _people(
        "Dana Corvin, a firm supporter of the bill, said it would pass. Kim Yo Jong, the sister "
        "of North Korean leader Kim Jong Un, warned Seoul."
    )
    assert people["Dana Corvin"] is None
    assert people["Kim Yo Jong"] is None
    assert people["Kim Jong Un"] == "leader"


def test_the_office_an_appointment_names_after_as_is_the_role() -> None:
    people = _people(
        "The agency's head named Tomas R. Vell as the Federal Coordinating Officer for "
        "recovery operations in the affected areas. The board elected Mary Oduya as Chair "
        "of the Board."
    )
    assert people["Tomas R. Vell"] == "Federal Coordinating Officer"
    assert people["Mary Oduya"] == "Chair of the Board"


def test_a_state_s_name_after_its_adjective_is_read_whole() -> None:
    people = _people(
        "Kim Jong Un sent a reply message to Bashar Al-Assad, president of the Syrian Arab "
        "Republic, on Nov. 1. He later met Vladimir Putin, president of the Russian "
        "Federation, in Moscow."
    )
    assert people["Bashar Al-Assad"] == "president of the Syrian Arab Republic"
    assert people["Vladimir Putin"] == "president of the Russian Federation"
