"""Round 17 people: a list's line of a name and its post; a census given name before a
surname the census lacks; a surname that is a title or a place read by the model; a
headline's verb after a titled surname; a role after a clause's opening comma. Sentences
and lists written for the project (the people are made up, or real and public)."""

from __future__ import annotations

import pytest

from extractors.entities import extract_entities
from extractors.models import Article
from extractors.topic import load_topic


def roles(text: str, title: str = "Readout of a meeting") -> dict[str, str | None]:
    art = Article(source="t", title=title, text=text)
    return {
        e.name: e.role
        for e in extract_entities([art], load_topic("korea-nato"))
        if e.kind == "person"
    }


ROSTER = "\n".join(
    [
        "The officials met union leaders on Friday to discuss training.",
        "Participants",
        "- Dana Whitfield, Secretary-Treasurer, Harbour Workers Guild",
        "- Omar Lindqvist, Jr., In-House Counsel, Port Drivers Union",
        "- Priya Castellano, Assistant Director of Research and Bargaining, Clerks Union",
        "- Tomasz Ebberly, Principal Deputy U.S. Chief Data Officer",
    ]
)


def test_a_list_line_gives_its_post_whole() -> None:
    got = roles(ROSTER)
    assert got["Dana Whitfield"] == "Secretary-Treasurer, Harbour Workers Guild"
    assert got["Priya Castellano"] == (
        "Assistant Director of Research and Bargaining, Clerks Union"
    )
    assert got["Tomasz Ebberly"] == "Principal Deputy U.S. Chief Data Officer"
    assert any(n.startswith("Omar Lindqvist") for n in got)
    assert got[next(n for n in got if n.startswith("Omar Lindqvist"))] == (
        "In-House Counsel, Port Drivers Union"
    )


NOMINEES = "\n".join(
    [
        "1\\. Judge Marisol T. Brandt: Nominee for the U.S. Court of Appeals for the Ninth Circuit",
        "Judge Marisol T. Brandt has served on the county bench since 2015. Judge Brandt was an "
        "attorney at a firm in Reno from 2004 to 2015.",
        "2\\. Hollis Q. Ferreira: United States Attorney Nominee for the District of Oregon",
        "Hollis Q. Ferreira has served as an Assistant United States Attorney since 2012. "
        "Ms. Ferreira was an attorney at the Federal Bureau of Prisons from 2003 to 2008.",
    ]
)


def test_a_nominee_line_gives_the_post_and_the_titled_surname_is_the_same_judge() -> None:
    got = roles(NOMINEES, title="President Biden Names Two Nominees")
    assert got["Marisol T. Brandt"] == "Nominee for the U.S. Court of Appeals for the Ninth Circuit"
    assert "Brandt" not in got  # "Judge Brandt" is the nominee, not another judge
    # the list's line wins over a past post told later ("was an attorney at ...")
    assert got["Hollis Q. Ferreira"] == (
        "United States Attorney Nominee for the District of Oregon"
    )


def test_a_headline_verb_after_a_titled_surname_is_no_name() -> None:
    got = roles("The nominees are listed below.", title="President Biden Names Two Nominees")
    assert "Biden Names" not in got
    assert got.get("Biden") == "President"


def test_a_census_given_name_before_an_unlisted_surname_is_a_person() -> None:
    got = roles(
        "It is good to be back in Michigan. I want to thank Debbie Stabenow for the work. "
        "Our hearts go out to the family of Corey Comperatore."
    )
    assert {"Debbie Stabenow", "Corey Comperatore"} <= set(got)


@pytest.mark.parametrize(
    "text",
    [
        "Le Monde reported the talks on Tuesday, citing two officials.",
        "Images from Chandra X-ray data show the remnant clearly.",
        "Crowds gathered at Clinton Crossing for the parade.",
    ],
)
def test_a_given_name_before_a_paper_a_compound_or_a_gerund_is_no_person(text: str) -> None:
    assert roles(text) == {}


def test_a_surname_that_is_a_title_is_still_a_name() -> None:
    got = roles("The form was signed by a bank officer, Brett King, attesting to the trust.")
    assert got.get("Brett King") == "officer"


def test_a_role_after_an_opening_clause_is_the_names() -> None:
    got = roles("On Sunday evening, our President, Joe Biden, issued a call for unity.")
    assert got["Joe Biden"] == "President"


def test_a_list_of_officials_keeps_each_role_its_own() -> None:
    got = roles(
        "Present were Ri Yong Gil, chief of the General Staff, Pak Jong Chon, a secretary, "
        "and others."
    )
    assert got.get("Pak Jong Chon") != "chief of the General Staff"


def test_a_judiciary_is_no_person() -> None:
    got = roles("He has been a Military Judge for the Navy Reserve Trial Judiciary since 2019.")
    assert "Trial Judiciary" not in got


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        (
            "The firm never worked for a former FIFA official, Eugenio Figueredo.",
            "Eugenio Figueredo",
            "former FIFA official",
        ),
        (
            "After former President Barack Obama spoke, President Joe Biden took the stage.",
            "Joe Biden",
            "President",
        ),
        (
            "After former President Barack Obama spoke, President Joe Biden took the stage.",
            "Barack Obama",
            "former President",
        ),
    ],
)
def test_a_former_post_is_told_as_former(text: str, name: str, role: str) -> None:
    assert roles(text)[name] == role


@pytest.mark.parametrize(
    "text",
    [
        "In later statements, Musk and SpaceX took turns saying it was a joke.",
        "Facebook and YouTube have faced backlash over Messenger Kids and YouTube Kids.",
    ],
)
def test_a_brand_cased_word_is_no_name(text: str) -> None:
    assert not {"SpaceX", "YouTube", "YouTube Kids", "Messenger Kids"} & set(roles(text))


def test_surname_prefixes_stay_names() -> None:
    got = roles("Senator John McCain and Governor Ron DeSantis met in Miami.")
    assert {"John McCain", "Ron DeSantis"} <= set(got)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The release was announced by Alhaji Lai Mohammed, the information minister.", "Lai"),
        ("In Abuja, the girls were met by Prof Yemi Osinbajo on Sunday.", "Yemi"),
    ],
)
def test_an_honorific_is_no_part_of_the_name(text: str, name: str) -> None:
    assert any(n.startswith(name) for n in roles(text))


@pytest.mark.parametrize(
    "text",
    [
        "The documents came from Panama-based law firm Mossack Fonseca.",
        "The legal firm Hale Dorrance said it had no ties to the minister.",
    ],
)
def test_a_firm_named_after_people_is_no_person(text: str) -> None:
    assert roles(text) == {}


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        (
            "She served as the Cabinet Secretary of Indian Affairs and as a program officer.",
            "Indian Affairs",
        ),
        ("Brodsky is Chairman of Cedar Street Asset Management.", "Asset Management"),
        ("David K. Sing is Professor Emeritus at the University of Hawaii.", "Emeritus"),
    ],
)
def test_a_bodys_name_after_a_title_is_no_person(text: str, gone: str) -> None:
    assert gone not in roles(text)
