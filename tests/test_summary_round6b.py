"""Round 6, second pass (issue 9): summaries that were thanks, room talk or background
rather than the event, each class on a small text written for the project: a bills-signed
release whose lines after the dated list opening are thanks, a commencement speech whose
best line is a reminiscence, a background call's enumerated point ("Secondly, ..."), a
speaker's self-reference ("I will tell you, as Governor, ..."), a dated timeline entry
from a background box, a nomination statement whose act is an invitation to serve, and a
long sentence whose cut would keep only its dated lead-in."""

from __future__ import annotations

from extractors.models import Article
from extractors.summary import record, summarise_story, tidy, timeline_entry, trim, usable


def _one(text: str, title: str = "", source: str = "a") -> str:
    s = summarise_story([Article(source=source, title=title, text=text, outlet="x")])
    assert s is not None
    return s.text


BILLS = "\n\n".join(
    [
        "On Tuesday, March 7, 2023, the Governor signed into law:",
        "S.B. 101, the “Clearwater Lakes Protection Act,” which sets limits on runoff into "
        "the county's three lakes; and",
        "Thank you to Senator Alder and Representatives Birch and Cedar for their leadership.",
        "S.B. 202, which names the post office in Millbrook as the Ada Lane Post Office.",
        "Thank you to Senators Dunn and Elm for their leadership.",
    ]
)


def test_a_bills_signed_release_is_told_by_its_dated_opening_not_a_thanks() -> None:
    assert usable("On Tuesday, March 7, 2023, the Governor signed into law.")
    text = _one(BILLS, "Bills Signed: S.B. 101 and S.B. 202")
    assert "signed into law" in text
    assert not text.startswith("Thank you")


COMMENCEMENT = "\n\n".join(
    [
        "Thank you so much. Please, sit down.",
        "Hello, graduates of Lakeside Community College!",
        "In 2018, the governor and I visited Lakeside. The energy was incredible that day.",
        "I remember a student who showed me the welding shop she had helped to build.",
        "Today, you are college graduates, and your families are so proud of you.",
        "Some of you worked two jobs, and some of you raised children while you studied.",
    ]
)


def test_a_reminiscence_in_a_speech_gives_way_to_its_headline() -> None:
    assert record("In 2018, the governor and I visited Lakeside.")
    text = _one(
        COMMENCEMENT,
        "Remarks by the First Lady at the Lakeside Community College Commencement",
    )
    assert "In 2018" not in text
    assert "Commencement" in text


CALL = "\n\n".join(
    [
        "MODERATOR: Thanks, everyone, for joining this background call.",
        "SENIOR OFFICIAL: Thanks so much. Tomorrow, the Secretary will host a summit on "
        "pandemic preparedness with ministers from twelve countries in Geneva.",
        "First, the countries will agree on a shared fund for vaccine production in the region.",
        "Secondly, the government will work with our partners to train ten thousand health "
        "workers over the next three years across the region.",
        "Q Thanks. Can you say how large the fund will be?",
    ]
)


def test_an_enumerated_point_is_not_the_event_of_a_call() -> None:
    text = _one(CALL, "Background Press Call Previewing the Pandemic Preparedness Summit")
    assert not text.startswith("Secondly")
    assert "summit" in text.lower()


SELF = "\n\n".join(
    [
        "THE GOVERNOR: Thank you. Thank you all. Please have a seat.",
        "I will tell you, as Governor of this state, I have now met with over 200 mayors, "
        "and every one of them talks about housing.",
        "That is why we are here in Fairview today to open the new housing office.",
        "We will keep working with every county to build more homes.",
    ]
)


def test_a_speakers_self_reference_is_not_the_event() -> None:
    assert record("As Governor, I have now met with over 200 mayors.")
    text = _one(SELF, "Remarks by Governor Hale at the Opening of the Fairview Housing Office")
    assert not text.startswith("I will tell you")


TIMELINE = "\n\n".join(
    [
        "Former senator Ruth Alvarez blamed the state police chief for her loss in an "
        "interview on Sunday, saying his letter days before the vote cost her the race.",
        "March 4, 2019: The Valley Herald reports that Alvarez used a private server for "
        "her campaign mail, a story that runs until July 20.",
        "Alvarez said she would not run again.",
    ]
)


def test_a_timeline_entry_is_never_the_summary() -> None:
    assert timeline_entry("March 4, 2019: The Valley Herald reports that Alvarez used a server.")
    assert timeline_entry("2019 — The Valley Herald reports that Alvarez used a private server.")
    assert not timeline_entry("March 4 was the day the Valley Herald reported the story.")
    assert not usable("March 4, 2019: The Valley Herald reports that Alvarez used a server.")
    text = _one(TIMELINE, "Alvarez blames police chief for election loss")
    assert text.startswith("Former senator Ruth Alvarez blamed")


NOMINATION = "\n\n".join(
    [
        "Dana Reyes is a leader of rare skill and an experienced public servant who has "
        "earned the trust of people across this state.",
        "Today, I have invited Dana Reyes, the director of the State Water Agency, to serve "
        "as a member of my Cabinet.",
        "She will bring decades of experience to the job.",
    ]
)


def test_a_nomination_statement_is_told_by_its_invitation() -> None:
    assert not record("I have invited Dana Reyes to serve as a member of my Cabinet.")
    text = _one(NOMINATION, "Statement from Governor Hale on Dana Reyes")
    assert "invited Dana Reyes" in text


def test_a_cut_never_keeps_only_a_dated_lead_in() -> None:
    long = (
        "On March 3, 2011, by Executive Order 13999, the Governor declared a state of "
        "emergency to deal with the unusual and extraordinary threat to the water supply "
        "of the county posed by the actions of persons who undermine the work of the "
        "water board, threaten the safety of the reservoirs and wells, and damage the "
        "pipes that carry water to the towns of the eastern valley and the farms around them."
    )
    cut = trim(long)
    assert cut != "On March 3, 2011, by Executive Order 13999."
    assert "declared" in cut or cut.endswith("…")


def test_a_notices_operative_clause_stands_alone_past_its_connective() -> None:
    clause = tidy(
        "Therefore, in accordance with section 12 of the State Emergencies Act, I am "
        "continuing for 1 year the state of emergency with respect to the county water supply."
    )
    assert clause.startswith("I am continuing for 1 year the state of emergency")
    assert usable(clause)
    kept = "Therefore, the board will meet again on Monday to review the water supply."
    assert tidy(kept) == kept  # no lead-in and no first-person act: unchanged
