"""Round 7 (issue 9): speeches, orders and proclamations told by their news, each class on
a small text written for the project: a first-person decision in an address (told with
the headline's speaker and occasion), a signing speech's main act over its side item, a
preview call's main meeting over the "also ... separately" one, a proclamation's
proclaiming clause over its historical scene, an order's operative clause over its
preamble, a campaign speech whose only act is of the record (told by its headline), and a
state-media statement named in one line and said in the next."""

from __future__ import annotations

from extractors.models import Article
from extractors.summary import (
    headline_case,
    now_act,
    operative,
    own_act,
    record,
    side_item,
    speaker_of,
    summarise_story,
    tidy,
)


def _one(text: str, title: str = "", source: str = "a") -> str:
    s = summarise_story([Article(source=source, title=title, text=text, outlet="x")])
    assert s is not None
    return s.text


ADDRESS = "\n\n".join(
    [
        "8:02 P.M. EDT",
        "THE GOVERNOR: My fellow citizens, I am speaking to you tonight from the old library "
        "of the capitol.",
        "In this room, I am surrounded by portraits of the governors of this state who came "
        "before me.",
        "It has been the honour of my life to serve the people of this state as governor.",
        "I have thought long and hard about the coming years and about what the state needs.",
        "So, I've decided the best way forward is to hand the office to a new team of leaders.",
        "It is the best way to keep the state united in the years ahead.",
        "The people of this state have always chosen the road forward over the road back.",
    ]
)


def test_an_address_is_told_by_the_speakers_decision_with_the_headline_speaker() -> None:
    assert own_act("So, I've decided the best way forward is to hand the office on.")
    assert not record("I've decided the best way forward is to hand the office on.")
    text = _one(ADDRESS, "Remarks by Governor Alder in an Address to the People of the State")
    assert text.startswith("Governor Alder in an Address to the People of the State: ")
    assert "I’ve decided" in text or "I've decided" in text
    assert len(text.split()) <= 60


SIGNING = "\n\n".join(
    [
        "State Dining Room",
        "2:10 P.M. EDT",
        "THE PRESIDENT: Thank you, thank you. Please have a seat.",
        "I want to thank the senators who wrote these bills for their years of work on them.",
        "In just a moment, I'll be signing seven bipartisan bills that improve care for the "
        "country's nurses and their families.",
        "Today, I'm also signing a bill to name a clinic in Vermont after a nurse who served "
        "for fifty years.",
        "These laws will make a difference for nurses in every county of the country.",
    ]
)


def test_a_signing_speech_is_told_by_its_main_act_not_the_side_item() -> None:
    assert side_item("Today, I'm also signing a bill to name a clinic.")
    assert not side_item("Today the country took action, several of which have also been noted.")
    text = _one(SIGNING, "Remarks by President Birch at Signing of Seven Bills for Nurses")
    assert "seven bipartisan bills" in text
    assert "clinic in Vermont" not in text
    assert text.startswith("President Birch at Signing of Seven Bills for Nurses, State Dining")


PREVIEW = "\n\n".join(
    [
        "Via Teleconference",
        "5:01 P.M. EDT",
        "MODERATOR: Thanks, everyone, for joining this call on background.",
        "SENIOR ADMINISTRATION OFFICIAL: The Vice President will also meet separately with "
        "Prime Minister Cedar on July 9.",
        "President Dunn will welcome Prime Minister Cedar on July 9 to the White House, where "
        "the two leaders will discuss the harbour agreement.",
        "The leaders are expected to talk about trade and the fishing treaty as well.",
    ]
)


def test_a_preview_call_is_told_by_the_main_meeting_not_the_separate_one() -> None:
    text = _one(PREVIEW, "Background Press Call Previewing the Visit of Prime Minister Cedar")
    assert text.startswith("President Dunn will welcome Prime Minister Cedar on July 9")


PROCLAMATION = "\n\n".join(
    [
        "On May 4, 1970, when the governor signed the Clean Rivers Act, a crowd of "
        "fishermen stood behind him on the steps of the capitol.",
        "The law they had fought for changed how the country treats its rivers and lakes.",
        "Fifty years on, our rivers are cleaner than they have been in a century, and we "
        "are building on that work.",
        "NOW, THEREFORE, I, ANNA ELM, President of the United States of America, by virtue "
        "of the authority vested in me by the Constitution and the laws of the United "
        "States, do hereby proclaim May 4, 2020, as the 50th Anniversary of the Clean "
        "Rivers Act.",
        "IN WITNESS WHEREOF, I have hereunto set my hand this fourth day of May.",
    ]
)


def test_a_proclamation_is_told_by_what_it_proclaims_not_the_historical_scene() -> None:
    text = _one(PROCLAMATION, "A Proclamation on the 50th Anniversary of the Clean Rivers Act")
    assert text == (
        "I, ANNA ELM, President of the United States of America, do hereby proclaim May 4, "
        "2020, as the 50th Anniversary of the Clean Rivers Act."
    )


ORDER = "\n\n".join(
    [
        "A dispute exists between the Harbour Ferry Company and its pilots.",
        "A party to the dispute has requested that the President establish a board to look "
        "into it under the Ferries Act.",
        "NOW, THEREFORE, by the authority vested in me as President by the Constitution and "
        "the laws of the United States, it is hereby ordered as follows:",
        "Section 1. Establishment of a Board. There is established, effective July 25, "
        "2024, a Board of three members, all of whom shall be appointed by the President "
        "to investigate and report on the dispute.",
        "Sec. 2. Report. The Board shall report to the President within 30 days.",
    ]
)


def test_an_order_is_told_by_its_operative_clause_not_the_preamble() -> None:
    assert operative("There is established, effective July 25, 2024, a Board of three members.")
    assert not operative("By the authority vested in me, I hereby order as follows:")
    assert tidy("Section 1. (a) I hereby delegate to the Attorney General the functions.") == (
        "I hereby delegate to the Attorney General the functions."
    )
    text = _one(ORDER, "Executive Order on Establishing a Board on the Harbour Ferry Dispute")
    assert text.startswith("There is established, effective July 25, 2024, a Board")


RALLY = "\n\n".join(
    [
        "Union Hall",
        "Springfield, Ohio",
        "3:35 P.M. EDT",
        "THE PRESIDENT: Hello, hello! Thank you all for coming out today.",
        "I was in the capitol on January 6th when a mob came and attacked the building, "
        "beating the police officers who stood in their way.",
        "Folks, the middle class built this country, and unions built the middle class.",
        "We have a lot to do in the next four months, and I know we can do it together.",
    ]
)


def test_a_campaign_speech_with_only_an_act_of_the_record_is_told_by_its_headline() -> None:
    assert not now_act("I was in the capitol on January 6th when a mob came and attacked it.")
    assert now_act("The President will host the leaders on Friday.")
    text = _one(RALLY, "Remarks by President Fir at a Campaign Event | Springfield, OH")
    assert text.startswith("Remarks by President Fir at a Campaign Event")
    assert "January 6th" not in text


STATEMENT = "\n\n".join(
    [
        "Pyongyang, October 14 (KCNA) -- Ri Song, a vice department director of the Central "
        "Committee, released the following press statement on Monday:",
        "We clearly know that the military of the enemy is to blame for the balloon that "
        "crossed into the capital last week.",
        "Those who did this will pay a heavy price for it.",
    ]
)


def test_a_statement_named_in_one_line_is_told_with_what_it_says() -> None:
    s = summarise_story([Article(source="k", title="Press Statement of Ri Song", text=STATEMENT)])
    assert s is not None
    assert s.text.startswith("Ri Song, a vice department director")
    assert "press statement on Monday: We clearly know that the military" in s.text
    assert len(s.sources) == 2


def test_a_turn_is_attributed_to_the_headline_name_it_matches() -> None:
    art = Article(
        source="b",
        title="Press Briefing by Press Secretary Ann Oak and Matthew Pine",
        text="MS. OAK: Good afternoon.\n\nMR. PINE: Thank you. I am here to call on leaders.",
    )
    assert speaker_of(art, 1) == "Matthew Pine"
    assert speaker_of(art, 0) == "Press Secretary Ann Oak"
    assert headline_case("REMARKS BY VICE PRESIDENT ASH AT A ROUNDTABLE WITH CEOs") == (
        "Remarks by Vice President Ash at a Roundtable with CEOs"
    )


def test_a_venue_line_that_repeats_its_town_is_named_once() -> None:
    body = "\n\n".join(
        [
            "Seaside Park\nSeaside Park, Delaware",
            "11:26 A.M. EDT",
            "THE PRESIDENT: Hey, guys. I fell off the bike, in case you didn't notice.",
            "I'm feeling great, and I hope to have a decision on the fuel tax soon.",
        ]
    )
    art = Article(source="g", title="Remarks by President Fir During Press Gaggle", text=body)
    s = summarise_story([art])
    assert s is not None
    assert "Seaside Park Seaside Park" not in s.text
