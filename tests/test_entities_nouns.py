"""Round 5 (second pass) people, roles and organisations, on small fixtures written for
the project (facts may be real, the sentences are our own): a common noun of an agent
before a name is its role, a nomination's office is the nominee's role, and a body's name
keeps its "X and Y" words. Measured on ``benchmarks/entities_labels_v5b.json`` (dev)."""

from __future__ import annotations

from extractors.entities import extract_entities
from extractors.models import Article, Entity
from extractors.topic import load_topic

TOPIC = load_topic("korea-nato")


def _entities(text: str) -> tuple[Entity, ...]:
    art = Article(
        source="fixture", title="Report", text=text, url="https://example.org/a", outlet="x.org"
    )
    return extract_entities([art], TOPIC)


def _people(text: str) -> dict[str, str | None]:
    return {e.name: e.role for e in _entities(text) if e.kind == "person"}


def _orgs(text: str) -> set[str]:
    return {e.name for e in _entities(text) if e.kind == "organisation"}


def test_an_agent_noun_before_a_name_is_its_role_with_its_compound() -> None:
    people = _people(
        "The team hired defensive co-ordinator Steve Wilks on Monday, and the club's "
        "neurosurgeon Ben Carson said the player would recover."
    )
    assert people["Steve Wilks"] == "defensive co-ordinator"
    assert people["Ben Carson"] == "neurosurgeon"


def test_an_executive_title_before_a_name_keeps_its_words_not_its_company() -> None:
    people = _people(
        "The letter was signed by Atlantic Records co-chairman Julie Greenwald, chief exec "
        "Jody Gerson of a publishing arm, and Roc Nation COO Desiree Perez, who said "
        "change was overdue."
    )
    assert people["Julie Greenwald"] == "co-chairman"
    assert people["Jody Gerson"] == "chief exec"
    assert people["Desiree Perez"] == "COO"


def test_a_noun_of_a_thing_before_a_name_is_no_role() -> None:
    people = _people(
        "After a heavy crash Lewis Hamilton said he was fine. The championship rival Nico "
        "Rosberg said nothing."
    )
    assert people.get("Lewis Hamilton") is None
    assert people.get("Nico Rosberg") is None


def test_a_title_modifier_alone_is_no_role() -> None:
    people = _people(
        "Radha Iyengar Plumb, of New York, to be a Deputy Under Secretary of Defense, "
        "vice Alan Ray Shaffer."
    )
    assert people["Radha Iyengar Plumb"] == "Deputy Under Secretary of Defense"
    assert people.get("Alan Ray Shaffer") is None


def test_a_nominations_list_gives_each_nominee_the_office() -> None:
    people = _people(
        "Dana M. Douglas, of Louisiana, to be United States Circuit Judge for the Fifth "
        "Circuit, vice James L. Dennis, retiring.\n"
        "Julie D. Fisher, of Tennessee, a Career Member of the Senior Foreign Service, to be "
        "Ambassador to the Republic of Cyprus.\n"
        "Andrew N. Ferguson, of Virginia, to be a Federal Trade Commissioner for the term "
        "of seven years."
    )
    assert people["Dana M. Douglas"] == "United States Circuit Judge for the Fifth Circuit"
    assert people["Julie D. Fisher"] == "Ambassador to the Republic of Cyprus"
    assert people["Andrew N. Ferguson"] == "Federal Trade Commissioner"


def test_an_and_inside_a_body_name_stays_in_it() -> None:
    orgs = _orgs(
        "The Securities and Exchange Commission opened an inquiry. A letter went to the "
        "National Academy of Recording Arts and Sciences. The Department of Health and "
        "Human Services said it would help."
    )
    assert "Securities and Exchange Commission" in orgs
    assert "National Academy of Recording Arts and Sciences" in orgs
    assert "Department of Health and Human Services" in orgs
    assert not orgs & {"Exchange Commission", "Department of Health", "Human Services"}


def test_two_bodies_joined_by_and_stay_two() -> None:
    orgs = _orgs(
        "Officials of the Ministry of Defense and Foreign Ministry met. Samsung and Hyundai "
        "Motor Group signed a deal. The Ministry of National Defense and NATO’s staff met, "
        "as did the Department of Energy and NATO. The Office of Public Engagement and "
        "National Economic Council hosted the meeting."
    )
    assert {"Ministry of Defense", "Foreign Ministry", "Hyundai Motor Group"} <= orgs
    assert {"Ministry of National Defense", "Department of Energy"} <= orgs
    assert "National Economic Council" in orgs
    assert not any(" and " in o for o in orgs)


def test_a_bare_title_after_a_preposition_and_a_comma_is_not_the_next_names() -> None:
    people = _people(
        "Compared to Prince, Justin Timberlake's show was short, Timberlake said on Monday."
    )
    assert people["Justin Timberlake"] is None
