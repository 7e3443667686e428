"""extractors.entities with the spaCy model: the cases an analyst found wrong on real news,
rewritten as short sentences of our own (facts may be real, the wording is ours)."""

from __future__ import annotations

from extractors.entities import extract_entities
from extractors.models import Article, Entity
from extractors.topic import load_topic

TOPIC = load_topic("korea-nato")


def art(text: str, source: str = "hand.txt", outlet: str | None = None) -> Article:
    return Article(source=source, title="t", text=text, outlet=outlet)


def people(ents: tuple[Entity, ...]) -> dict[str, Entity]:
    return {e.name: e for e in ents if e.kind == "person"}


def test_names_with_a_middle_initial() -> None:
    ents = extract_entities(
        [
            art(
                "Ambassador Mark W. Lippert spoke in Seoul. Rex W. Tillerson flew to Tokyo, "
                "and Henry A. Kissinger wrote about it."
            )
        ],
        TOPIC,
    )
    assert {"Mark W. Lippert", "Rex W. Tillerson", "Henry A. Kissinger"} <= set(people(ents))
    assert people(ents)["Mark W. Lippert"].role == "Ambassador"


def test_transcript_speaker_labels_are_people() -> None:
    text = (
        "PRESIDENT BIDEN: Thank you all for coming to the White House today.\n"
        "PRIME MINISTER SUNAK: It is a pleasure to be here with our friends.\n"
        "Q: A question for both leaders about Ukraine."
    )
    found = people(extract_entities([art(text)], TOPIC))
    assert found["Biden"].role == "President"
    assert found["Sunak"].role == "Prime Minister"
    assert "Q" not in found


def test_outlets_and_photo_credits_are_never_entities() -> None:
    text = (
        "The Chosun Ilbo and Rodong Sinmun both carried the story on their front pages.\n"
        "A Hong Kong-flagged tanker was seen near the port, officials said.\n"
        "The Harbour Tribune reported that Seoul would answer.\n"
        "The newspaper said the ship was seized, Chosun Ilbo said.\n"
        "Soldiers march in Seoul. (Photo: Jane Porter/Getty Images)"
    )
    ents = extract_entities([art(text, outlet="Harbour Tribune")], TOPIC)
    names = {e.name for e in ents}
    for bad in ("Chosun Ilbo", "Rodong Sinmun", "Hong Kong-flagged", "Harbour Tribune"):
        assert bad not in names and f"The {bad}" not in names
    assert "Jane Porter" not in names
    assert not people(ents)


def test_a_title_in_a_list_belongs_to_the_next_name() -> None:
    text = "Leaders like Vladimir Putin, the British Prime Minister Theresa May and others came."
    found = people(extract_entities([art(text)], TOPIC))
    assert found["Vladimir Putin"].role is None
    assert found["Theresa May"].role == "British Prime Minister"
    assert found["Theresa May"].affiliation == "United Kingdom"


def test_a_possessive_name_in_an_appositive_is_not_the_role() -> None:
    text = "Susan Rice, President Obama's national security adviser, met Chinese officials."
    found = people(extract_entities([art(text)], TOPIC))
    assert found["Susan Rice"].role == "national security adviser"


def test_foreign_ministry_alias_is_scoped() -> None:
    china = art(
        "Chinese Foreign Ministry spokeswoman Hua Chunying said Beijing opposed the drills.\n"
        "Foreign Ministry spokesman Hong Lei told reporters in Beijing that China was calm."
    )
    ents = extract_entities([china], TOPIC)
    names = {e.name for e in ents}
    assert "South Korean foreign ministry" not in names
    assert people(ents)["Hua Chunying"].affiliation != "South Korean foreign ministry"
    assert people(ents)["Hong Lei"].affiliation != "South Korean foreign ministry"
    seoul = art("The Foreign Ministry in Seoul said talks would go on.")
    assert "South Korean foreign ministry" in {e.name for e in extract_entities([seoul], TOPIC)}


def test_security_council_spellings_merge() -> None:
    text = (
        "The UNSC met on Monday. The UN Security Council then voted, and the Security "
        "Council adopted the resolution."
    )
    orgs = [e for e in extract_entities([art(text)], TOPIC) if e.kind == "organisation"]
    council = [e for e in orgs if "Council" in e.name or e.name == "UNSC"]
    assert len(council) == 1 and council[0].name == "United Nations Security Council"
    assert council[0].mentions == 3


def test_non_english_articles_skip_the_english_model() -> None:
    ko = Article(source="ko.txt", title="t", text="조태열 외교부 장관이 말했다.", language="ko")
    assert extract_entities([ko], TOPIC) == ()


def test_a_title_after_a_complement_with_a_demonym_is_the_names_own() -> None:
    # "spokesman for Russian President X": X is the President, the spokesman someone else
    text = (
        "Anton Belov, spokesman for Russian President Vladimir Putin, said on Thursday that "
        "the launch failures needed a full review."
    )
    found = people(extract_entities([art(text)], TOPIC))
    assert found["Vladimir Putin"].role == "President"
    assert found["Anton Belov"].role == "spokesman for Russian President Vladimir Putin"
