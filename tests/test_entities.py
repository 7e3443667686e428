"""extractors.entities: people (with roles as the sources state them), organisations,
countries and places.

Golden cases on the two seeds (skipped without ../shared) and on the bundled sample pages;
hand-written sentences for each role pattern; negatives (bylines, captions, capitalised
words that are no names).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from extractors.clean import clean_html, clean_text
from extractors.entities import extract_entities
from extractors.models import Article, Entity
from extractors.topic import load_topic
from fetch.sources import to_article
from tests.conftest import SAMPLES, need_shared

TOPIC = load_topic("korea-nato")

WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
MONTHS = {
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
}
# Words that open sentences in the samples and seeds and must never start a name.
SENTENCE_OPENERS = {
    "the",
    "a",
    "an",
    "in",
    "on",
    "at",
    "according",
    "despite",
    "however",
    "likely",
    "opening",
    "officials",
    "diplomats",
    "shortly",
    "twelve",
    "entry",
    "not",
    "no",
    "both",
    "allies",
    "under",
    "fans",
    "shares",
    "analysts",
    "it",
    "for",
    "south",
    "seoul",
}


def art(
    text: str, source: str = "hand.txt", author: str | None = None, dateline: str | None = None
) -> Article:
    return Article(source=source, title="t", text=text, author=author, dateline=dateline)


def by_name(entities: tuple[Entity, ...]) -> dict[str, Entity]:
    return {e.name: e for e in entities}


def people(entities: tuple[Entity, ...]) -> dict[str, Entity]:
    return {e.name: e for e in entities if e.kind == "person"}


def _assert_clean_names(entities: tuple[Entity, ...]) -> None:
    for e in entities:
        words = e.name.lower().split()
        assert not WEEKDAYS & set(words), e
        assert not MONTHS & set(words), e
        if e.kind == "person":
            assert words[0] not in SENTENCE_OPENERS, e
            assert 2 <= len(words) <= 4, e


# ---------------------------------------------------------------- golden: the two seeds


@pytest.fixture(scope="module")
def seed_entities() -> tuple[Entity, ...]:
    d = need_shared("seeds")
    arts = []
    for p in sorted(d.glob("*.txt")):
        arts.append(to_article(clean_text(p.read_text(encoding="utf-8")), str(p), "seed", "file"))
    assert len(arts) == 2
    return extract_entities(arts, TOPIC)


@pytest.mark.parametrize(
    ("name", "roles", "affiliation"),
    [
        ("Cho Tae-yul", {"south korean foreign minister"}, "South Korea"),
        ("Mark Rutte", {"secretary general"}, "NATO"),
        ("Marco Rubio", {"secretary of state", "state secretary"}, "United States"),
        ("Takeshi Iwaya", {"japanese foreign minister"}, "Japan"),
        ("Donald Trump", {"u.s. president"}, "United States"),
        ("Yoon Suk Yeol", {"president"}, None),
    ],
)
def test_seed_people_with_roles(
    seed_entities: tuple[Entity, ...], name: str, roles: set[str], affiliation: str | None
) -> None:
    e = people(seed_entities)[name]
    assert e.role is not None and e.role.lower() in roles
    assert e.affiliation == affiliation
    assert e.role in e.evidence  # the sentence the role was read from
    assert name in e.evidence or any(a in e.evidence for a in e.aliases)


def test_seed_byline_author_is_not_an_entity(seed_entities: tuple[Entity, ...]) -> None:
    names = {e.name for e in seed_entities}
    assert not any("Da-gyum" in n or n == "Ji" for n in names)


def test_seed_surname_is_merged(seed_entities: tuple[Entity, ...]) -> None:
    names = {e.name for e in seed_entities}
    assert "Cho" not in names
    cho = people(seed_entities)["Cho Tae-yul"]
    assert "Cho" in cho.aliases
    assert cho.mentions >= 8  # full names and "Cho" in both seeds
    assert len(cho.sources) == 2
    # Cho is the most mentioned person, so the first entity.
    assert seed_entities[0].name == "Cho Tae-yul"


def test_seed_organisations_countries_places(seed_entities: tuple[Entity, ...]) -> None:
    ents = by_name(seed_entities)
    assert ents["NATO"].kind == "organisation"
    assert ents["European Union"].kind == "organisation"
    assert "EU" in ents["European Union"].aliases
    assert ents["Constitutional Court"].kind == "organisation"
    assert ents["South Korean foreign ministry"].kind == "organisation"
    for c in ("South Korea", "Japan", "Australia", "New Zealand", "United States", "Ukraine"):
        assert ents[c].kind == "country", c
    assert ents["Brussels"].kind == "place"
    assert ents["Seoul"].kind == "place"  # also the dateline of seed 001
    _assert_clean_names(seed_entities)


def test_seed_kinds_are_ordered(seed_entities: tuple[Entity, ...]) -> None:
    order = {"person": 0, "organisation": 1, "country": 2, "place": 3}
    kinds = [order[e.kind] for e in seed_entities]
    assert kinds == sorted(kinds)
    persons = [e.mentions for e in seed_entities if e.kind == "person"]
    assert persons == sorted(persons, reverse=True)


# ---------------------------------------------------------------- golden: the sample pages


@pytest.fixture(scope="module")
def sample_articles() -> list[Article]:
    arts = []
    for p in sorted((SAMPLES / "pages").glob("*.html")):
        arts.append(to_article(clean_html(p.read_bytes(), source=str(p)), str(p), "sample", "page"))
    return arts


@pytest.fixture(scope="module")
def sample_entities(sample_articles: list[Article]) -> tuple[Entity, ...]:
    return extract_entities(sample_articles, TOPIC)


@pytest.mark.parametrize(
    ("name", "role", "affiliation"),
    [
        ("Mark Rutte", "NATO Secretary General", "NATO"),
        ("Cho Hyun", "Foreign Minister", None),
        ("Ahn Gyu-back", "South Korean Defence Minister", "South Korea"),
        ("Kang Ji-hoon", "Foreign Ministry spokesperson", "South Korean foreign ministry"),
        ("Allison Hart", "NATO spokesperson", "NATO"),
        ("Shin Hye-jin", "South Korea’s ambassador to NATO", "South Korea"),
        ("Wi Sung-lac", "National Security Adviser", None),
        ("Lee Jae-myung", "President", None),
        ("Kim Tae-yang", "missile researcher", "Yellow Sea Defence Forum"),
        ("Choi Eun-ah", "defence-industry analyst", "Institute for Strategic Industry"),
        ("Pieter van Loon", "deputy assistant secretary general", None),
    ],
)
def test_sample_people_with_roles(
    sample_entities: tuple[Entity, ...], name: str, role: str, affiliation: str | None
) -> None:
    e = people(sample_entities)[name]
    assert e.role == role
    assert e.affiliation == affiliation
    assert role in e.evidence


def test_sample_appositive_roles_and_defined_acronym(sample_entities: tuple[Entity, ...]) -> None:
    ps = people(sample_entities)
    lee = ps["Lee Jae-won"]
    # the role as the source gives it, its body's name included
    assert lee.role == "DAPA’s deputy minister for defence industry policy"
    # "DAPA's deputy minister": the acronym is spelled out where the text defines it.
    assert lee.affiliation == "Defense Acquisition Program Administration"
    assert "Lee" in lee.aliases
    assert len(lee.sources) == 2  # both outlets of story A
    kowalczyk = ps["Marta Kowalczyk"]
    assert kowalczyk.affiliation == "NATO"
    assert kowalczyk.role in ("NATO official", "NATO staff member")
    orgs = by_name(sample_entities)
    assert "DAPA" in orgs["Defense Acquisition Program Administration"].aliases


def test_sample_surnames_resolve_within_their_article(
    sample_entities: tuple[Entity, ...],
) -> None:
    ps = people(sample_entities)
    # "Cho" in the IP4 article is Cho Hyun (no Cho Tae-yul there); "Lee" in the arms
    # talks articles is Lee Jae-won, not President Lee Jae-myung of another article.
    assert "Cho" in ps["Cho Hyun"].aliases
    assert ps["Cho Hyun"].mentions >= 5
    assert "Cho Tae-yul" not in ps
    assert ps["Lee Jae-myung"].mentions == 1
    assert "Shin" in ps["Shin Hye-jin"].aliases


def test_sample_people_without_role_are_still_people(
    sample_entities: tuple[Entity, ...],
) -> None:
    ps = people(sample_entities)
    for name in ("Oh Ji-young", "Élodie Marchand"):  # "X, who studies ..."
        assert name in ps
        assert ps[name].role is None
        assert ps[name].evidence


def test_sample_authors_and_non_names_are_not_people(
    sample_entities: tuple[Entity, ...], sample_articles: list[Article]
) -> None:
    names = {e.name for e in sample_entities}
    for a in sample_articles:
        assert a.author and a.author not in names  # the bylines of the six pages
    for not_a_person in ("Black Panther", "São Paulo", "Harbour Tribune", "Hyundai Rotem"):
        assert people(sample_entities).get(not_a_person) is None
    _assert_clean_names(sample_entities)


def test_sample_organisations_and_places(sample_entities: tuple[Entity, ...]) -> None:
    ents = by_name(sample_entities)
    for org in (
        "NATO",
        "Joint Chiefs of Staff",
        "Ministry of National Defense",
        "National Assembly",
        "United Nations Security Council",
        "Institute for Peninsula Affairs",
    ):
        assert ents[org].kind == "organisation", org
    assert "the alliance" in ents["NATO"].aliases  # the topic's alias
    assert ents["Busan"].kind == "place"  # the festival page's dateline
    assert ents["Korean Peninsula"].kind == "place"
    assert ents["Poland"].kind == "country"
    assert "Republic of Korea" in ents["South Korea"].aliases


# ---------------------------------------------------------------- role patterns, one by one


@pytest.mark.parametrize(
    ("sentence", "name", "role", "affiliation"),
    [
        (
            "Early on Monday the South Korean Foreign Minister Cho Tae-yul landed in Brussels.",
            "Cho Tae-yul",
            "South Korean Foreign Minister",
            "South Korea",
        ),
        (
            "Reporters waited for South Korean foreign minister Cho Tae-yul outside.",
            "Cho Tae-yul",
            "foreign minister",
            "South Korea",
        ),
        (
            "The session was chaired by NATO Secretary General Mark Rutte.",
            "Mark Rutte",
            "Secretary General",
            "NATO",
        ),
        (
            "A call with US state secretary Marco Rubio came next.",
            "Marco Rubio",
            "state secretary",
            "United States",
        ),
        (
            "Delegates heard from U.S. Secretary of State Marco Rubio by video.",
            "Marco Rubio",
            "Secretary of State",
            "United States",
        ),
        (
            "Delegates heard from Japanese foreign minister Takeshi Iwaya by video.",
            "Takeshi Iwaya",
            "foreign minister",
            "Japan",
        ),
        (
            "The court weighed the case of President Yoon Suk Yeol for weeks.",
            "Yoon Suk Yeol",
            "President",
            None,
        ),
        (
            "Markets watched US President Donald Trump closely.",
            "Donald Trump",
            "US President",
            "United States",
        ),
        (
            "The offer came from Lee Jae-won, DAPA's deputy minister for defence industry policy.",
            "Lee Jae-won",
            "DAPA's deputy minister for defence industry policy",
            "DAPA",
        ),
        (
            "Lawmakers questioned Defence Minister Ahn Gyu-back about stockpiles.",
            "Ahn Gyu-back",
            "Defence Minister",
            None,
        ),
        (
            "Questions went to ministry spokesperson Kang Ji-hoon after the briefing.",
            "Kang Ji-hoon",
            "ministry spokesperson",
            None,
        ),
        (
            "Marta Kowalczyk, a NATO official who co-chairs the panel, spoke first.",
            "Marta Kowalczyk",
            "NATO official",
            "NATO",
        ),
        (
            "The plan was drafted by Anna Berg, the Swedish ambassador to Seoul.",
            "Anna Berg",
            "Swedish ambassador to Seoul",
            "Sweden",
        ),
        (
            "Funding was confirmed by Park Min-jae, chief executive of Hanwha Aerospace.",
            "Park Min-jae",
            "chief executive",
            None,
        ),
        (
            "Jonas Weber, a researcher at the Institute for Security Policy, disagreed.",
            "Jonas Weber",
            "researcher",
            "Institute for Security Policy",
        ),
        (
            "Seo Ji-won, South Korea's ambassador to NATO, presented the paper.",
            "Seo Ji-won",
            "South Korea's ambassador to NATO",
            "South Korea",
        ),
    ],
)
def test_role_patterns(sentence: str, name: str, role: str, affiliation: str | None) -> None:
    e = people(extract_entities([art(sentence)], TOPIC))[name]
    assert (e.role, e.affiliation) == (role, affiliation)
    assert e.evidence == sentence


def test_a_role_with_an_affiliation_wins_over_a_bare_one() -> None:
    text = (
        "Defence Minister Ahn Gyu-back spoke first.\n"
        "Later, South Korean Defence Minister Ahn Gyu-back took questions."
    )
    e = people(extract_entities([art(text)], TOPIC))["Ahn Gyu-back"]
    assert (e.role, e.affiliation) == ("South Korean Defence Minister", "South Korea")
    assert e.evidence.startswith("Later,")
    assert e.mentions == 2


def test_roles_are_never_taken_from_the_topic() -> None:
    e = people(extract_entities([art("Talks with Mark Rutte ran late in Brussels.")], TOPIC))
    assert e["Mark Rutte"].role is None
    assert e["Mark Rutte"].affiliation is None


# ---------------------------------------------------------------- aliases and merging


def test_surname_after_full_name_is_the_same_person() -> None:
    text = "Foreign Minister Cho Tae-yul arrived on Monday.\nCho said the talks went well."
    ents = extract_entities([art(text)], TOPIC)
    assert "Cho" not in by_name(ents)
    e = people(ents)["Cho Tae-yul"]
    assert e.mentions == 2
    assert e.aliases == ("Cho",)


def test_western_surname_is_the_last_word() -> None:
    text = "Anna Berg, a Swedish diplomat, opened the session.\nBerg said little else."
    e = people(extract_entities([art(text)], TOPIC))["Anna Berg"]
    assert e.mentions == 2
    assert e.aliases == ("Berg",)


def test_topic_aliases_and_spelling_variants_merge() -> None:
    text = (
        "Cho Tae Yul met Rutte in Brussels.\n"
        "Cho Tae-yul later said NATO partners were united.\n"
        "Former president Yoon Suk-yeol was not mentioned by Rutte."
    )
    ps = people(extract_entities([art(text)], TOPIC))
    assert ps["Cho Tae-yul"].mentions == 2
    assert "Cho Tae Yul" in ps["Cho Tae-yul"].aliases
    assert ps["Mark Rutte"].mentions == 2  # the topic's alias, alone
    assert ps["Yoon Suk Yeol"].mentions == 1
    assert ps["Yoon Suk Yeol"].role == "Former president"


def test_ambiguous_surname_is_left_alone() -> None:
    text = (
        "President Lee Jae-myung met Lee Jae-won, a deputy minister, on Monday.\n"
        "Lee said the talks were useful."
    )
    ps = people(extract_entities([art(text)], TOPIC))
    assert ps["Lee Jae-myung"].mentions == 1
    assert ps["Lee Jae-won"].mentions == 1
    assert "Lee" not in ps


def test_surname_resolves_across_articles_when_unique() -> None:
    a1 = art("NATO Secretary General Mark Rutte called Seoul.", source="a1")
    a2 = art("Foreign Minister Cho Hyun told reporters that Cho Hyun would travel.", source="a2")
    a3 = art("Cho said the call with Rutte was long.", source="a3")
    ps = people(extract_entities([a1, a2, a3], TOPIC))
    assert ps["Cho Hyun"].sources == ("a2", "a3")
    assert ps["Mark Rutte"].sources == ("a1", "a3")


# ---------------------------------------------------------------- bylines and captions


def test_byline_and_caption_names_are_authors_not_entities() -> None:
    text = (
        "By Jane Roe\n"
        "Ji Da-gyum\n"
        "NATO headquarters in Brussels. — Photo courtesy of Peter Vance\n"
        "South Korean Foreign Minister Cho Tae-yul will attend the meeting this week.\n"
        "Reporting by Tom Hale; Editing by Mia Lund"
    )
    ents = extract_entities([art(text, author="Ji Da-gyum")], TOPIC)
    names = {e.name for e in ents}
    for author in ("Jane Roe", "Ji Da-gyum", "Peter Vance", "Tom Hale", "Mia Lund"):
        assert author not in names
    assert "Cho Tae-yul" in names


def test_an_author_quoted_in_the_body_is_an_entity() -> None:
    text = "Analyst Jane Roe said the talks mattered.\nRoe added that Seoul was keen."
    ents = extract_entities([art(text, author="Jane Roe")], TOPIC)
    assert people(ents)["Jane Roe"].mentions == 2


# ---------------------------------------------------------------- not people


@pytest.mark.parametrize(
    "sentence",
    [
        "Despite Friday's talks, Seoul held back.",
        "In March Seoul and Warsaw signed a deal.",
        "The Constitutional Court said it would rule on Friday.",
        "The Joint Chiefs of Staff said the missile flew 950 kilometres.",
        "Hyundai Rotem won a new order from Poland.",
        "Poland ordered K2 Black Panther tanks from Seoul.",
        "Fans in São Paulo watched the stream.",
        "The Harbour Tribune reported the call.",
        "Officials said the Indo-Pacific partners would meet.",
        "Twelve companies from South Korea attended.",
        "North Korea and South Korea traded warnings.",
        "The New Zealand delegation arrived in The Hague.",
        "Bastille Day parades went ahead.",
    ],
)
def test_not_people(sentence: str) -> None:
    ents = extract_entities([art(sentence)], TOPIC)
    assert not [e for e in ents if e.kind == "person"]
    _assert_clean_names(ents)


def test_unknown_capitalised_pair_needs_a_sign_of_a_person() -> None:
    # No role, no verb, never again by surname: not enough to call it a person.
    assert not people(extract_entities([art("Ties with Falcon Heavy grew.")], TOPIC))
    # A verb after it is enough.
    assert "Ola Nordmann" in people(extract_entities([art("Ties grew, Ola Nordmann said.")], TOPIC))


# ---------------------------------------------------------------- organisations, countries, places


def test_organisations() -> None:
    text = (
        "The Foreign Ministry in Seoul said the EU and the United Nations backed the plan.\n"
        "The alliance welcomed it, and the Defense Acquisition Program Administration "
        "(DAPA) said DAPA would send staff.\n"
        "The Ministry of National Defense and the Joint Chiefs of Staff agreed."
    )
    ents = by_name(extract_entities([art(text)], TOPIC))
    assert ents["South Korean foreign ministry"].aliases == (
        "Foreign Ministry",
    )  # scoped by "Seoul"
    assert ents["European Union"].aliases == ("EU",)
    assert ents["NATO"].aliases == ("The alliance",)  # the topic's alias, as written
    dapa = ents["Defense Acquisition Program Administration"]
    assert dapa.mentions == 3 and "DAPA" in dapa.aliases
    assert ents["Ministry of National Defense"].kind == "organisation"
    assert ents["Joint Chiefs of Staff"].kind == "organisation"
    assert "United Nations" in ents


def test_countries_and_demonyms() -> None:
    text = (
        "South Korean and U.S. officials met; the ROK and the US agreed.\n"
        "Japanese, Australian and Polish envoys joined.\n"
        "Korean firms and the Korean Peninsula came up."
    )
    ents = by_name(extract_entities([art(text)], TOPIC))
    assert ents["South Korea"].mentions == 2
    assert set(ents["South Korea"].aliases) == {"South Korean", "ROK"}
    assert ents["United States"].mentions == 2
    for c in ("Japan", "Australia", "Poland"):
        assert ents[c].kind == "country"
    assert ents["Korean Peninsula"].kind == "place"
    assert "North Korea" not in ents  # bare "Korean" counts for neither Korea


def test_places_and_dateline() -> None:
    a = art("Officials in Pyongyang and Tokyo traded words.", dateline="BRUSSELS")
    ents = by_name(extract_entities([a], TOPIC))
    assert ents["Brussels"].kind == "place"
    assert ents["Brussels"].evidence == "BRUSSELS"
    assert ents["Pyongyang"].kind == ents["Tokyo"].kind == "place"


def test_sources_and_mentions_across_articles() -> None:
    a1 = art("NATO Secretary General Mark Rutte met Cho.", source="one")
    a2 = art("Mark Rutte said NATO was ready. Rutte left.", source="two")
    ents = extract_entities([a1, a2], TOPIC)
    rutte = people(ents)["Mark Rutte"]
    assert rutte.sources == ("one", "two")
    assert rutte.mentions == 3
    assert by_name(ents)["NATO"].sources == ("one", "two")


def test_empty_input() -> None:
    assert extract_entities([], TOPIC) == ()
    assert extract_entities([art("")], TOPIC) == ()


def test_topic_without_known_actors(tmp_path: Path) -> None:
    topic = load_topic(str(Path(__file__).parent / "data" / "topics" / "arctic-shipping.toml"))
    ents = extract_entities([art("Norwegian Foreign Minister Espen Barth Eide said no.")], topic)
    e = people(ents)["Espen Barth Eide"]
    assert (e.role, e.affiliation) == ("Norwegian Foreign Minister", "Norway")


def test_many_articles_count_every_mention() -> None:
    text = "\n".join(
        [
            "South Korean Foreign Minister Cho Tae-yul met NATO Secretary General Mark Rutte "
            "in Brussels on Thursday, and Cho said the Joint Chiefs of Staff agreed. "
            "Lee Jae-won, DAPA's deputy minister for defence industry policy, joined them."
        ]
        * 30
    )
    arts = [art(text, source=f"a{i}") for i in range(20)]  # speed: benchmarks/speed.py
    ents = extract_entities(arts, TOPIC)
    assert people(ents)["Cho Tae-yul"].mentions == 20 * 30 * 2
