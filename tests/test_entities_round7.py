"""Round 7 people and roles, on small fixtures written for the project (facts may be real,
the sentences are our own): classes measured on the dev halves of
``benchmarks/entities_labels_v7.json`` and the earlier sets, and the analyst's read of
round 6 (``final6.md`` classes 8, 9, 10, 14)."""

from __future__ import annotations

from tests.entity_fixtures import people as _people


def test_a_title_after_the_name_keeps_the_bodies_it_names() -> None:
    people = _people(
        "Attending were Ri Chang Ho, deputy chief of the General Staff of the Korean "
        "People's Army, Kim Yong Bok, deputy chief of the KPA General Staff, and Jang "
        "Chang Ha, director general of the Missile Administration of the DPRK."
    )
    assert people["Ri Chang Ho"] == "deputy chief of the General Staff of the Korean People's Army"
    assert people["Kim Yong Bok"] == "deputy chief of the KPA General Staff"
    assert people["Jang Chang Ha"] == "director general of the Missile Administration of the DPRK"


def test_a_body_the_lexicon_does_not_know_is_read_by_its_head_word() -> None:
    people = _people(
        "Pak Mun Gil, vice-chairman of the Kaesong Municipal People's Committee, spoke. "
        "Kim Il Sung, premier of the DPRK Cabinet, visited Moscow in 1949."
    )
    assert people["Pak Mun Gil"] == "vice-chairman of the Kaesong Municipal People's Committee"
    assert people["Kim Il Sung"] == "premier of the DPRK Cabinet"


def test_two_titles_joined_by_and_are_one_holder_s() -> None:
    people = _people(
        "Present were Ri Pyong Chol, vice-chairman of the Central Military Commission of the "
        "WPK and secretary of the C.C., WPK, and Ma Kyong Ok, first vice-chairwoman and "
        "director of the Organizational Department of the Central Committee of the Union."
    )
    assert people["Ri Pyong Chol"] == (
        "vice-chairman of the Central Military Commission of the WPK and secretary of the C.C., WPK"
    )
    assert people["Ma Kyong Ok"] == (
        "first vice-chairwoman and director of the Organizational Department of the "
        "Central Committee of the Union"
    )


def test_a_title_before_the_next_name_is_not_the_previous_one_s() -> None:
    people = _people(
        "Present were Vice-Premier Pak Hun, Chairman of the Korean Judo Committee Ri Song "
        "Gun, and coaches."
    )
    assert people["Pak Hun"] == "Vice-Premier"
    assert people["Ri Song Gun"] == "Chairman of the Korean Judo Committee"


def test_a_ministry_with_an_acronym_before_the_name_is_a_whole_title() -> None:
    people = _people(
        "The delegation was led by Minister of IT Industry Ju Yong Il. Vice-Minister of "
        "IT Industry Jang Yong Gil also went."
    )
    assert people["Ju Yong Il"] == "Minister of IT Industry"
    assert people["Jang Yong Gil"] == "Vice-Minister of IT Industry"


def test_an_office_after_the_name_outranks_a_military_rank_before_it() -> None:
    people = _people(
        "After the order, General Jang Chang Ha, director general of the Missile "
        "Administration, gave the signal."
    )
    assert people["Jang Chang Ha"] == "director general of the Missile Administration"


def test_praise_before_a_post_is_not_part_of_the_role() -> None:
    people = _people(
        "The young stars include flashy infielder Javier Baez and first baseman Leon "
        "Durham. The defensive co-ordinator Steve Wilks left."
    )
    assert people["Javier Baez"] == "infielder"
    assert people["Leon Durham"] == "first baseman"
    assert people["Steve Wilks"] == "defensive co-ordinator"


def test_a_compound_before_the_name_names_the_post() -> None:
    people = _people("Player development expert Jason McLeod also joined the club, he said.")
    assert people["Jason McLeod"] is not None
    assert people["Jason McLeod"].lower() == "player development expert"


def test_praise_and_hopes_after_the_name_are_no_roles() -> None:
    people = _people(
        "Joe Biden is a leader with bold vision, Ann Holt said. Reporters asked whether, if "
        "Kamala Harris becomes president of the United States, she would sign it."
    )
    assert people["Joe Biden"] is None
    assert people["Kamala Harris"] is None


def test_a_vague_title_is_read_with_its_body_and_a_former_one_stays_former() -> None:
    people = _people(
        "She has never met the Border Patrol chief, Jason Owens, she said. Planning is led "
        "by former House Speaker Newt Gingrich, aides said."
    )
    assert people["Jason Owens"] == "Border Patrol chief"
    assert people["Newt Gingrich"] is not None
    assert people["Newt Gingrich"].lower() == "former house speaker"


def test_the_body_s_title_wins_over_the_headline_s() -> None:
    people = _people(
        "Ri Yong Ho, first vice department director of the Central Committee of the WPK, "
        "issued a statement.",
        title="Statement of Ri Yong Ho, First Vice Department Director of C.C., WPK",
    )
    assert people["Ri Yong Ho"] == (
        "first vice department director of the Central Committee of the WPK"
    )


def test_a_lower_case_post_after_a_capitalised_body_is_the_role() -> None:
    people = _people(
        '"It looks sharper," said Ofer Shacham, the Pixel Visual Core engineering manager, '
        "in a post on Monday."
    )
    assert people["Ofer Shacham"] == "Pixel Visual Core engineering manager"


def test_a_town_a_photo_credit_and_a_heading_are_no_people() -> None:
    people = _people(
        "Debris fell over the town of Capitán Bermúdez, Jonathan McDowell said. Ahed Tamimi "
        "is brought to a courtroom. (Mahmoud Illean, File/Associated Press)",
        title="Statement by President Joe Biden on Supreme Court Ruling on West Virginia v. EPA",
    )
    assert "Capitán Bermúdez" not in people
    assert "Mahmoud Illean" not in people
    assert people["Joe Biden"] == "President"


def test_a_name_the_model_reads_in_two_pieces_is_one_person() -> None:
    people = _people(
        "It was agreed during the visit of Vladimir Vladimirovich Putin, president of the "
        "Russian Federation, in June."
    )
    assert list(people) == ["Vladimir Vladimirovich Putin"]
    assert people["Vladimir Vladimirovich Putin"] == "president of the Russian Federation"


def test_headings_and_second_titles_are_no_organisations() -> None:
    from tests.entity_fixtures import entities

    text = (
        "Sec. 2. Establishment of Emergency Board. Section 1. Delegation of Authority. This "
        "memorandum to Congress on White House Staff follows. The Disarmament and Peace "
        "Institute of the DPRK and the Council on Foreign Relations spoke. Kim Jong Un, "
        "general secretary of the Workers' Party of Korea and President of the State "
        "Affairs, spoke."
    )
    orgs = {e.name for e in entities(text) if e.kind == "organisation"}
    assert "Disarmament and Peace Institute" in orgs
    assert "Council on Foreign Relations" in orgs
    assert "Workers' Party of Korea" in orgs
    assert not orgs & {
        "Establishment of Emergency Board",
        "Delegation of Authority",
        "Congress on White House Staff",
        "Peace Institute",
        "Workers' Party of Korea and President",
    }


def test_name_forms_keep_initials_and_suffixes_and_join_their_variants() -> None:
    people = _people(
        "Among them were Dr. Martin Luther King, Jr., A. Philip Randolph and Dr. Dorothy "
        "Height. Principal Deputy National Security Advisor Jon Finer met them. Mr. Finer "
        "spoke. When Ben Franklin was asked, Franklin answered. Benjamin Franklin signed it."
    )
    assert "Martin Luther King Jr." in people
    assert "A. Philip Randolph" in people
    assert "Finer" not in people and "Jon Finer" in people
    assert "Ben Franklin" not in people and "Benjamin Franklin" in people


def test_no_fragments_of_a_list_of_given_names() -> None:
    people = _people("Trump's adult children, Ivanka, Eric and Don Jr., said they would stay.")
    assert "Eric Jr" not in people and "Don" not in people


def test_a_place_and_a_rank_before_the_name_are_its_role_whole() -> None:
    people = _people(
        "Planning was led by former Michigan Rep Mike Rogers, who worked for the FBI. "
        "Tennessee Sen Bob Corker was also expected."
    )
    assert people["Mike Rogers"] == "former Michigan Rep"
    assert people["Bob Corker"] == "Tennessee Sen"


def test_programme_names_headings_and_slogans_are_no_people() -> None:
    people = _people(
        "EPA will announce the Environmental and Climate Justice Community Change Grants "
        "Program selections. Agencies use the Climate and Economic Justice Screening Tool to "
        "find the communities; the tool is online. The council asked for Environmental "
        "Justice Strategic Plans, and the plans are due. It is evaluating the Chumash "
        "Heritage National Marine Sanctuary. Demonstrators carried signs that said 'Impeach "
        "Trump'. Donald Trump won. Supreme Court Justice Ketanji Brown Jackson spoke.",
        title="Executive Order on Establishing an Emergency Board",
    )
    assert set(people) == {"Donald Trump", "Ketanji Brown Jackson"}
    assert people["Ketanji Brown Jackson"] in ("Justice", "Supreme Court Justice")


def test_a_list_of_names_the_model_reads_as_people_is_a_list_of_people() -> None:
    people = _people(
        "Celebrities including Madonna, Lena Dunham, Miley Cyrus, Katy Perry, Joss Whedon "
        "and Jay-Z campaigned for the candidate."
    )
    assert {"Madonna", "Lena Dunham", "Miley Cyrus", "Katy Perry", "Joss Whedon"} <= set(people)


def test_a_former_title_stays_former_with_its_country() -> None:
    people = _people(
        "The former South Korean president Moon Ji-ho said so. The North Korean leader Kim "
        "Jong Un spoke."
    )
    assert people["Moon Ji-ho"] == "former South Korean president"
    assert people["Kim Jong Un"] == "North Korean leader"


def test_a_reporter_a_briefer_calls_on_has_the_outlet_as_role() -> None:
    people = _people(
        "We will go to Ann Holt from E&E News. Our next question is going to come from Ben "
        "Stroud at the New York Times."
    )
    assert people["Ann Holt"] == "E&E News"
    assert people["Ben Stroud"] == "New York Times"


def test_a_title_after_a_body_s_complement_is_no_part_of_the_body() -> None:
    people = _people(
        "I mourn the passing of Communist Party of Vietnam General Secretary Nguyen Van Binh."
    )
    assert people["Nguyen Van Binh"] == "General Secretary"


def test_a_title_right_after_a_body_ends_the_body() -> None:
    from tests.entity_fixtures import entities

    ents = entities("They met with White House Chief of Staff Denis Moore, aides said.")
    people = {e.name: e for e in ents if e.kind == "person"}
    orgs = {e.name for e in ents if e.kind == "organisation"}
    assert people["Denis Moore"].role == "Chief of Staff"
    assert people["Denis Moore"].affiliation == "White House"
    assert "White House Chief of Staff" not in orgs


def test_a_surname_alone_names_the_principal_not_the_spouse() -> None:
    people = _people(
        "President Barack Obama met Donald Trump. First lady Michelle Obama gave a tour to "
        "Melania Trump. Obama said it went well. Trump said it was great. Trump left. "
        "Donald Trump waved."
    )
    assert set(people) == {"Barack Obama", "Donald Trump", "Michelle Obama", "Melania Trump"}


def test_a_surname_alone_in_another_article_of_the_story_joins_the_full_name() -> None:
    from extractors.entities import extract_entities
    from extractors.models import Article
    from tests.entity_fixtures import TOPIC

    a = Article(
        source="a",
        title="Meeting",
        text="President Barack Obama met his successor. First lady Michelle Obama gave a tour.",
        url="https://example.org/a",
        outlet="example.org",
    )
    b = Article(
        source="b",
        title="Talks",
        text="President Obama said the talks went well, aides said.",
        url="https://example.org/b",
        outlet="example.net",
    )
    names = {e.name for e in extract_entities([a, b], TOPIC) if e.kind == "person"}
    assert "Obama" not in names and "Barack Obama" in names
