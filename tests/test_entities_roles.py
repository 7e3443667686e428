"""extractors.entities, round 4: roles attached to the right person, one-word names only
with a sign, things that are not people. Sentences written for the project (facts may be
real, wording ours)."""

from __future__ import annotations

import pytest

from extractors.entities import extract_entities
from extractors.models import Article, Entity
from extractors.topic import load_topic

TOPIC = load_topic("korea-nato")


def people(*paragraphs: str, title: str = "t") -> dict[str, Entity]:
    article = Article(source="hand.txt", title=title, text="\n".join(paragraphs))
    return {e.name: e for e in extract_entities([article], TOPIC) if e.kind == "person"}


# ------------------------------------------------------------------ roles


def test_a_possessive_names_the_owner_of_the_role_not_its_holder() -> None:
    found = people(
        "Susan Rice, President Obama's national security adviser, flew to Seoul.",
        "Later, President Obama's national security adviser Susan Rice met reporters.",
    )
    # the adviser's owner stays in her role; it is never "President"
    assert found["Susan Rice"].role == "President Obama's national security adviser"


def test_a_plural_title_is_each_coordinated_name_s() -> None:
    found = people(
        "The envoy later met Presidents Felix Tshisekedi of the DRC and Paul Kagame of Rwanda."
    )
    assert found["Felix Tshisekedi"].role == "President"
    assert found["Paul Kagame"].role == "President"


def test_a_bracketed_acronym_between_title_and_name_is_skipped() -> None:
    found = people("It builds on Director of National Intelligence (DNI) Avril Haines' trip.")
    assert found["Avril Haines"].role == "Director of National Intelligence"


def test_a_clerical_title_is_a_role() -> None:
    found = people("The family belonged to the temple, said Rabbi Jonathan Blake in a post.")
    assert found["Jonathan Blake"].role == "Rabbi"


def test_a_former_role_gives_way_to_the_current_one() -> None:
    found = people(
        "She advised then-Vice President Joe Biden for two years.",
        "On Tuesday President Joe Biden named her to the post.",
    )
    assert found["Joe Biden"].role == "President"


def test_praise_before_leader_is_an_epithet_not_a_role() -> None:
    found = people(
        "The farm was built thanks to the great leader Comrade Kim Il Sung.",
        "In 1957 President Kim Il Sung visited the spa.",
    )
    assert found["Kim Il Sung"].role == "President"


def test_a_title_in_the_headline_loses_a_trailing_verb() -> None:
    found = people(
        "The United States welcomes the truce agreed by the parties.",
        title="Statement from NSC Spokesperson Adrienne Watson Welcoming the Truce in the East",
    )
    assert "Adrienne Watson Welcoming" not in found
    assert found["Adrienne Watson"].role == "NSC Spokesperson"


def test_the_same_surname_with_another_title_is_another_person() -> None:
    found = people(
        "I am here because my husband, President Biden, is lowering costs for families.",
        title="Remarks by First Lady Jill Biden at a Summer Event",
    )
    assert found["Jill Biden"].role == "First Lady"
    assert found["Biden"].role == "President"


def test_first_lady_is_a_title_but_lady_gaga_is_a_name() -> None:
    found = people(
        "First Lady Jill Biden opened the event.",
        "Lady Gaga, who sang later, thanked the crowd, and Gaga said she was moved.",
    )
    assert found["Jill Biden"].role == "First Lady"
    assert "Lady Gaga" in found and found["Lady Gaga"].role is None


# ------------------------------------------------------------------ one-word names


def test_one_word_after_a_kin_word_is_a_person_without_a_role() -> None:
    found = people(
        "Her father Bassem has said she was upset after her cousin was hurt.",
        "Bassem called the hearing a political trial.",
    )
    assert "Bassem" in found and found["Bassem"].role is None


def test_a_surname_with_a_plain_honorific_is_a_person() -> None:
    found = people(
        "Mr. Netanyahu rejected the criticism as politically motivated.",
        "Officials close to Mr. Netanyahu declined to comment.",
    )
    assert "Netanyahu" in found


def test_a_name_coordinated_with_a_person_is_a_person() -> None:
    found = people(
        "Lady Gaga, who backed the candidate, was at the party.",
        "A source said Gaga and Cher were crying behind the scenes.",
        "Coach Glynn Cyprien and Darnell Lazare, one of his assistants, complained online.",
    )
    assert {"Lady Gaga", "Cher", "Darnell Lazare"} <= set(found)


def test_a_comma_without_a_list_coordinates_nothing() -> None:
    found = people("In a post for his blog Spundart, Matt Maldre slammed the design of the store.")
    assert "Spundart" not in found
    assert "Matt Maldre" in found


def test_given_names_joined_before_one_surname_are_two_people() -> None:
    found = people("Bruce and Irene Steinberg were members of the temple, the rabbi said.")
    assert {"Bruce Steinberg", "Irene Steinberg"} <= set(found)


def test_a_noun_of_nationality_is_no_part_of_the_name() -> None:
    found = people("Earlier, Frenchman Romain Grosjean also crashed on his way to the grid.")
    assert "Romain Grosjean" in found and "Frenchman Romain Grosjean" not in found


def test_a_given_name_recurring_alone_shows_the_full_name() -> None:
    found = people(
        "No one would be a better partner than Louisa Terrell.",
        "I have relied on Louisa for her counsel.",
        "Louisa has been instrumental in the legislation we delivered.",
    )
    assert "Louisa Terrell" in found


def test_a_signature_in_capitals_is_its_author() -> None:
    found = people(
        "I have determined that it is necessary to continue the national emergency.",
        "JOSEPH R. BIDEN JR.",
        "THE WHITE HOUSE,",
    )
    assert "Joseph R. Biden Jr." in found


def test_glued_state_media_names_are_read_whole() -> None:
    found = people(
        "The respected ComradeKim Jong Unshowed warm love for the union members.",
        "They vowed to stay true to the ideology and leadership ofKim Jong Un.",
    )
    assert "Kim Jong Un" in found
    assert not any("Unshowed" in n or "ofKim" in n for n in found)


# ------------------------------------------------------------------ not people


@pytest.mark.parametrize(
    ("text", "bad"),
    [
        ("The domains were bought by a Hong Kong company called Capital Holdings.", "Hong Kong"),
        (
            "In a deleted tweet, the official Equifax Twitter account sent users to the site.",
            "Equifax Twitter",
        ),
        (
            "The girl is brought to a courtroom near Jerusalem. (AP Photo/Mahmoud Illean, File)",
            "Mahmoud Illean",
        ),
        (
            "The navy seized the tanker Rye Song Gang near Yeosu. The Rye Song Gang carried oil, "
            "and the Rye Song Gang crew was held.",
            "Rye Song Gang",
        ),
        ("Costa Rica's ministry posted images on its official Facebook page.", "Facebook"),
    ],
)
def test_things_and_credits_are_not_people(text: str, bad: str) -> None:
    assert bad not in people(text)


def test_a_verb_after_the_name_keeps_it_a_person() -> None:
    found = people(
        "Montgomery came in for the save as Michael Martinez ground out to end it.",
        "She stitched a poem by the artist Jenny Holzer into the back of her dress.",
    )
    assert {"Michael Martinez", "Jenny Holzer"} <= set(found)
    assert found["Jenny Holzer"].role == "artist"


# ------------------------------------------------------------------ after the held-out read


def test_a_title_with_a_complement_ends_at_the_name() -> None:
    found = people(
        "Ambassador to the United Nations Nikki Haley called the launch reckless.",
        "Domestic Policy Advisor to the Vice President Kristine Lucius met the counselors.",
    )
    assert found["Nikki Haley"].role == "Ambassador to the United Nations"
    assert found["Kristine Lucius"].role == "Domestic Policy Advisor to the Vice President"


def test_british_titles_peer_and_mp() -> None:
    found = people(
        "Tory peer Lord Tebbit said he agreed.",
        "Senior Conservative MP Sir Teddy Taylor warned it could be controversial.",
    )
    assert found["Lord Tebbit"].role == "Tory peer"
    assert found["Teddy Taylor"].role == "Senior Conservative MP"  # the whole title


def test_a_headline_verb_is_no_part_of_a_name() -> None:
    found = people(
        "Today the President named four nominees.", title="President Biden Announces Key Nominees"
    )
    assert "Biden" in found and not any("Announces" in n for n in found)


def test_an_airport_named_after_a_person_is_a_place() -> None:
    found = people("The plane went down on its way to Juan Santamaria International Airport.")
    assert "Juan Santamaria" not in found


def test_a_name_the_model_cuts_short_joins_the_full_name() -> None:
    found = people(
        "Congresswoman Sheila Jackson Lee was a tireless advocate.",
        "As a judge in Houston, Sheila Jackson Lee’s work improved many lives.",
    )
    assert "Sheila Jackson" not in found
    assert found["Sheila Jackson Lee"].role == "Congresswoman"


def test_royal_titles_name_a_person_by_the_given_name() -> None:
    found = people(
        "Prince Charles and Camilla Parker Bowles will marry in April.",
        "Princes William and Harry said they were very happy.",
        "Liberal Democrat leader Charles Kennedy sent his congratulations.",
    )
    assert found["Charles"].role == "Prince"
    assert found["Harry"].role == "Prince"
    assert found["Charles Kennedy"].role == "Liberal Democrat leader"  # not the prince's


def test_a_title_of_a_place_before_the_comma() -> None:
    found = people("The service will be led by the Archbishop of Canterbury, Dr Rowan Williams.")
    assert found["Rowan Williams"].role == "Archbishop of Canterbury"
