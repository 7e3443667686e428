"""Round 14 people rules, on small fixtures written for the project (facts may be real, the
sentences are our own): classes measured on the dev half of
``benchmarks/entities_labels_v12.json`` (labelled blind this round, drawn by
``benchmarks/draw_people_set.py``)."""

from __future__ import annotations

from tests.entity_fixtures import people as _people

_BROADCAST = (
    "JONAS WEBER, HOST:\n"
    "The harbour city woke to flooded streets this morning. Our reporter is there.\n"
    "KARIN OSTBERG, BYLINE: Good morning, Jonas. The water rose overnight.\n"
    "WEBER: How many homes were hit?\n"
    "OSTBERG: About two hundred, the fire service says."
)


def test_a_broadcast_label_with_the_speakers_part_names_a_person() -> None:
    people = _people(_BROADCAST, title="Floods In The Harbour City")
    assert people["Jonas Weber"] == "host"
    # "BYLINE" marks the outlet's own reporter: a person, with no role from it
    assert "Karin Ostberg" in people and people["Karin Ostberg"] is None


def test_a_section_heading_in_capitals_is_no_speaker() -> None:
    people = _people(
        "The heavy rocket lifted off on Tuesday with a car on board.\n"
        "ENGINE FACTS: The first stage has 27 engines.\n"
        "LATER LAUNCHES: The company has customers lined up for the rocket. The engines "
        "will fly again in June, and later launches will carry satellites."
    )
    assert "Engine Facts" not in people
    assert "Later Launches" not in people


def test_a_heading_whose_words_the_text_never_repeats_is_no_speaker() -> None:
    people = _people(
        "The heavy rocket lifted off on Tuesday with a car on board.\n"
        "COMING FLIGHTS: The company has customers lined up for the rocket."
    )
    assert "Coming Flights" not in people


def test_a_firm_noun_before_a_name_makes_no_person_of_it() -> None:
    people = _people(
        "It is the idea of Elon Musk, the maverick who heads SpaceX and electric carmaker "
        "Zentrix.\nSpaceX’s Elon Musk also runs the electric car maker Zentrix. Musk said the car "
        "would orbit."
    )
    assert "Zentrix" not in people
    assert "Elon Musk" in people


def test_a_possessive_before_a_name_is_its_owner_not_part_of_it() -> None:
    people = _people("SpaceX’s Elon Musk wished the crew luck. Musk said so on Monday.")
    assert "Elon Musk" in people
    assert not any("SpaceX" in name for name in people)


def test_a_principal_is_a_post() -> None:
    people = _people(
        "The meeting was attended by:\n- Research Forum – Senior Principal Dana Whitlock\n"
        "Whitlock spoke about training."
    )
    assert people["Dana Whitlock"] == "Senior Principal"


def test_a_model_name_of_a_census_given_name_and_surname_is_a_person() -> None:
    # no title, no role, no verb of saying: only the census lists show a person
    people = _people("Cameron Heyward and the defence held firm in the second half.")
    assert "Cameron Heyward" in people


def test_a_census_name_inside_a_longer_name_or_a_list_label_is_no_person() -> None:
    people = _people(
        "He drove to Sandy Hook Elementary School in the morning.\n"
        "Sandy Hook: 26 killed\nSan Ysidro: 21 killed"
    )
    assert "Sandy Hook" not in people


def test_a_standing_in_business_before_a_name_is_its_role() -> None:
    people = _people("It seems billionaire Elon Musk likes a challenge. Musk said so on Monday.")
    assert people["Elon Musk"] == "billionaire"


def test_an_appositive_the_parse_hangs_on_the_owner_names_the_owners_noun() -> None:
    people = _people(
        "A representative for Halvorsen, Greta Lindqvist, declined to comment on Monday. "
        "Lindqvist said the statement stood."
    )
    assert people["Greta Lindqvist"] == "representative for Halvorsen"


def test_a_verb_of_naming_gives_its_object_as_the_role() -> None:
    people = _people(
        "The aviation director identified the pilot as Tomas Arevalo and described him as "
        "very experienced. Arevalo had flown the route for years."
    )
    assert people["Tomas Arevalo"] == "pilot"
    people = _people(
        "The club named its new coach as Mara Velling on Monday. Velling said she was proud."
    )
    assert people["Mara Velling"] == "new coach"


def test_a_post_held_under_a_title_is_not_the_names() -> None:
    # the analyst read of the unseen White House day 2023-07-14
    people = _people(
        "Dana Whitfield, having served as Mayor of Riverton and Senior Advisor to President "
        "Joe Biden, joined the council. Whitfield said she was proud."
    )
    assert people["Joe Biden"] == "President"
    people = _people("Special Assistant to the President Jane Roe briefed reporters.")
    assert people["Jane Roe"] == "Special Assistant to the President"


def test_a_bare_head_the_rules_cut_takes_the_parses_whole_appositive() -> None:
    people = _people(
        "Han Sol Gyong, chairman of Chongwonhoe, made an opening address. Col. General Ri Tae "
        "Bok, president of the university, spoke at the ceremony."
    )
    assert people["Han Sol Gyong"] == "chairman of Chongwonhoe"
    # a referent of the text is no named body: round 13's "of the committee" convention
    assert people["Ri Tae Bok"] == "president"


def test_a_lists_body_after_the_title_is_the_titles() -> None:
    people = _people(
        "The President announced his intent to appoint the following individuals:\n"
        "- Mara Quill, Member, Harbour Arts Board of Trustees\n"
        "- Tobin Reyes, Member, Route 9 Centennial Commission"
    )
    assert people["Mara Quill"] == "Member, Harbour Arts Board of Trustees"
    assert people["Tobin Reyes"] == "Member, Route 9 Centennial Commission"
    # a title with no body after it keeps the title alone
    assert _people("Jane Doe, Member, said the board would meet on Friday.")["Jane Doe"] == (
        "Member"
    )
