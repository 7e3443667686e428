"""extractors.entities: a PERSON must look like a person; whole names; roles attached to
the right person. Sentences written for the project (facts may be real, wording ours)."""

from __future__ import annotations

import pytest

from extractors import entities
from extractors.entities import extract_entities
from extractors.models import Article, Entity
from extractors.topic import load_topic

TOPIC = load_topic("korea-nato")


def art(text: str, title: str = "t", source: str = "hand.txt") -> Article:
    return Article(source=source, title=title, text=text)


def people(*texts: str, title: str = "t") -> dict[str, Entity]:
    ents = extract_entities([art("\n".join(texts), title=title)], TOPIC)
    return {e.name: e for e in ents if e.kind == "person"}


@pytest.mark.parametrize(
    "text",
    [
        "Crowds in Kyiv chanted Slava Ukraini as the convoy passed. Aid would go on.",
        "The club owner topped the Rich List Man Utd fans compiled last year, the paper said.",
        "The destroyer fired a Standard Missile at the target. Standard Missile rounds are costly.",
        "Leaders from Brunei Darussalam and Cambodia met in Vientiane on Monday.",
        "The phone adds Zero Shutter Lag (ZSL) and a faster chip, the company said.",
        "Memphis Hustle guard Jordan Reyes missed the flight. Hustle coach Dana Ortiz said so.",
        "The team flew on to Sioux Falls after the game, and the flight to Sioux Falls was late.",
    ],
)
def test_slogans_products_places_and_teams_are_not_people(text: str) -> None:
    found = people(text)
    bad = {"Slava Ukraini", "Rich List Man Utd", "Standard Missile", "Brunei Darussalam"}
    bad |= {"Zero Shutter Lag", "Memphis Hustle", "Hustle", "Sioux Falls"}
    assert not bad & set(found), found


def test_titles_owned_by_a_team_stay_with_the_player() -> None:
    found = people(
        "Memphis Hustle guard Jordan Reyes and forward Trahson Burrell boarded the plane."
    )
    assert found["Jordan Reyes"].role == "Memphis Hustle guard"  # the team's, as written
    assert found["Trahson Burrell"].role == "forward"


def test_whole_asian_names_are_kept() -> None:
    found = people(
        "Singapore's Prime Minister Lee Hsien Loong met the delegation. Lee said ties were good."
    )
    assert "Lee Hsien Loong" in found and "Lee Hsien" not in found
    assert found["Lee Hsien Loong"].role == "Prime Minister"


def test_another_persons_title_is_not_taken() -> None:
    found = people("Kim Yo Jong, the sister of North Korean leader Kim Jong Un, warned Seoul.")
    assert found["Kim Yo Jong"].role is None
    assert found["Kim Jong Un"].role == "leader"


def test_a_name_needs_a_sign_of_a_person() -> None:
    # no given name, no role, no verb of saying, no repeated surname: not a person
    assert "Falcon Heavy" not in people("The Falcon Heavy rose over the coast in the morning.")
    # the same shape with a sign is one
    assert "Avivah Litan" in people("Avivah Litan said the breach was the worst she had seen.")
    # a surname that comes back alone shows the full name is a person's
    found = people("Ofer Tzur wrote the post. Later, Tzur answered questions about the chip.")
    assert "Ofer Tzur" in found


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        (
            "Hillary Clinton blamed James Comey, the FBI director, for the loss.",
            "James Comey",
            "FBI director",
        ),
        (
            "Graham Henry (former Wales coach) said the team should be bold.",
            "Graham Henry",
            "former Wales coach",
        ),
        (
            "Deputy Prime Minister Mr Prescott told reporters the leaders agreed.",
            "Prescott",
            "Deputy Prime Minister",
        ),
        (
            "Deputy Chief Constable Adrian Hanstock said officers would work on.",
            "Adrian Hanstock",
            "Deputy Chief Constable",
        ),
        (
            "Model Chrissy Teigen said in a post that she was on the flight.",
            "Chrissy Teigen",
            "Model",
        ),
    ],
)
def test_roles_from_brackets_honorifics_and_owners(text: str, name: str, role: str) -> None:
    found = people(text)
    assert name in found, found
    assert found[name].role == role


def test_a_role_with_its_place_before_the_comma() -> None:
    found = people("Computer specialist at the IAEA, Peter Smith, wants better tools.")
    assert found["Peter Smith"].role == "Computer specialist at the IAEA"
    assert found["Peter Smith"].affiliation == "International Atomic Energy Agency" or (
        found["Peter Smith"].affiliation == "IAEA"
    )


def test_glued_titles_and_names_are_split() -> None:
    found = people(
        "Participants praised the respected ComradeKim Jong Unwho leads the country.",
        "PresidentKim Il Sungled the struggle, said the paper. President Kim Il Sung died.",
    )
    assert {"Kim Jong Un", "Kim Il Sung"} <= set(found), found
    assert not any(n.endswith(("who", "led")) or n.startswith("Comrade") for n in found)


def test_the_title_gives_way_to_the_bodys_fuller_name() -> None:
    found = people(
        "President Joseph R. Biden, Jr. met the Prime Minister today.",
        title="Statement from President Joe Biden on the visit",
    )
    assert found.keys() & {"Joseph R. Biden", "Joseph R. Biden, Jr.", "Joseph R. Biden Jr."}
    assert "Joe Biden" not in found


def test_titled_name_in_a_title_that_reads_like_an_organisation() -> None:
    found = people(
        "THE PRESIDENT: You all ready to go?",
        title="Remarks by President Biden Before Air Force One Departure",
    )
    assert found["Biden"].role == "President"


def test_windows_cover_each_candidate_and_skip_plain_text() -> None:
    text = "the talks went on for hours and ended late, officials said."
    assert entities._windows(text) == []
    text = "In the morning Ferrari driver Raikkonen spun off the track in the rain at Interlagos."
    spans = entities._windows(text)
    assert spans and any(text[a:b].count("Raikkonen") for a, b in spans)


def test_model_spans_match_whole_sentences_on_window_edges() -> None:
    """Windows of WINDOW words either side give the PERSON spans the whole sentence gives."""
    nlp = entities._nlp(entities._topic_patterns(TOPIC))
    if nlp is None:
        pytest.skip("spaCy model not installed")
    sentence = (
        "After a long day of talks in the capital with many officials from several countries "
        "present, Foreign Minister Cho Tae-yul met Mark Rutte and later spoke with reporters "
        "about the plans that both sides had agreed upon for the coming year."
    )
    whole = {(e.start_char, e.end_char) for e in nlp(sentence).ents if e.label_ == "PERSON"}
    entities._SPAN_CACHE.clear()
    windowed = set(entities._model_people(nlp, [sentence])[0])
    assert whole == windowed


def test_a_shorter_name_is_the_one_longer_name_that_holds_it() -> None:
    local = {
        "Zuma": {"Clive Khulubuse Zuma", "Khulubuse Zuma"},
        "Kufuor": {"John Agyekum Kufuor", "John Addo Kufuor", "John Kufuor"},
    }
    fuller = entities._fuller_names(local)
    assert fuller == {"Khulubuse Zuma": "Clive Khulubuse Zuma"}  # "John Kufuor": two fit


def test_a_noun_phrase_with_a_sign_is_still_not_a_person() -> None:
    found = people(
        "Thousands of veterans were exposed. We honor our Atomic Veterans, whose service "
        "was long. Atomic Veterans died before telling their stories."
    )
    assert "Atomic Veterans" not in found
