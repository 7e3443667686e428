"""Round 6 (issue 9): classes of summaries that told no event, each on a small text written
for the project: a speaker's record in a campaign speech, a signing ceremony whose lines
never say the signing, a nominal "signs" and a "Whether ..." fragment, a feature's scene
lead, a wire report opening on invective, a sentence clipped at its start, a long sentence
whose act comes in its last clause, and room talk ("I mean")."""

from __future__ import annotations

from extractors.models import Article
from extractors.summary import (
    clipped_start,
    record,
    signs_now,
    summarise_story,
    tidy,
    trim,
    usable,
    verdict,
)


def _one(text: str, title: str = "", source: str = "a") -> str:
    s = summarise_story([Article(source=source, title=title, text=text, outlet="x")])
    assert s is not None
    return s.text


CAMPAIGN = "\n\n".join(
    [
        "Riverside Arena",
        "Dunmore, Ohio",
        "4:10 P.M. EDT",
        "THE SENATOR: Thank you. Thank you, everyone. Please have a seat.",
        "It is so good to be back in Dunmore with so many friends tonight.",
        "As mayor of Dunmore, I took on the big landlords and held them accountable for "
        "unsafe housing across the county.",
        "And the Governor and I have also addressed long-standing gaps in rural broadband, "
        "including right here in Dunmore.",
        "We have work to do, and I am asking for your vote in November.",
    ]
)


def test_a_speakers_record_is_not_the_event_of_a_speech() -> None:
    assert record("As mayor of Dunmore, I took on the big landlords and held them to account.")
    assert record("The Governor and I have also addressed long-standing gaps in broadband.")
    assert not record("Today, I signed an order creating the reserve.")
    assert not record("I just signed the bill into law.")
    assert not record("I am announcing new steps for the county.")
    text = _one(CAMPAIGN, "Remarks by Senator Lane at a Campaign Rally")
    assert text.startswith("Remarks by Senator Lane at a Campaign Rally")
    assert "Dunmore" in text  # the place line joins the headline


SIGNING = "\n\n".join(
    [
        "East Room",
        "2:05 P.M. EDT",
        "THE GOVERNOR: Thank you. Please, please sit down.",
        "When we come back from the coast, Dana and I will be hosting a dinner at the "
        "residence on May 9th to thank the families who fought for this day.",
        "Two years ago, many said this could never pass the legislature.",
        "The families in this room never stopped knocking on doors, and they are the "
        "reason we are here.",
    ]
)


def test_a_signing_ceremony_is_told_by_its_headline_when_no_line_says_the_signing() -> None:
    title = "Remarks by Governor Hale at Signing of S.B. 12, the Safe Rivers Act"
    assert _one(SIGNING, title) == title
    assert signs_now("Today, we join together as I sign a proclamation for the river.")
    assert signs_now("I just signed the Safe Rivers Act.")
    assert not signs_now("Like I did when he signed the river law into law.")


def test_a_timed_act_at_the_end_of_a_long_sentence_is_kept_by_the_trim() -> None:
    long = (
        "Just as we stood together when I signed the first river law in her name to make "
        "dumping a crime across the whole state — and think how long it took for that to "
        "happen over all those years of waiting and hoping and marching — and we showed "
        "the film at the residence — today, we stand together as I sign a proclamation "
        "designating the Calder River National Monument in both counties."
    )
    assert trim(long) == (
        "Today, we stand together as I sign a proclamation designating the Calder River "
        "National Monument in both counties."
    )


def test_a_nominal_signs_and_a_whether_fragment_name_no_act() -> None:
    speech = "\n\n".join(
        [
            "Millbrook, Vermont",
            "Thank you, Ana. I am grateful for your leadership of this society.",
            "It is great to be with you all tonight, among so many friends.",
            "My grandparents came to this valley with nothing but a trunk and a name.",
            "Whether it was the workers who were driven from the quarries, the people turned "
            "away by signs that said they need not apply, or people like my father, who was "
            "never fully welcomed.",
            "I am proud to stand here with you as one of you.",
        ]
    )
    title = "Remarks by the First Lady at a Heritage Society Dinner"
    assert _one(speech, title).startswith(title)


def test_a_scene_lead_gives_way_to_the_act() -> None:
    text = "\n\n".join(
        [
            "The sun had barely risen over Port Ellis on Tuesday when the town's 40 trawlers "
            "turned back toward the quay, their nets empty for a third straight week.",
            "The Fisheries Ministry closed the northern grounds to all trawlers for six months "
            "after the cod stock fell to its lowest level on record.",
            "Skippers said the closure would cost the town its season.",
        ]
    )
    got = _one(text, "Port Ellis trawlers stay in port as fishing grounds close")
    assert got.startswith("The Fisheries Ministry closed")


def test_a_wire_report_opening_on_invective_gives_way_to_the_rally() -> None:
    text = "\n\n".join(
        [
            "Pyongyang, September 2 (KCNA) -- The hideous puppet clique of Governor Varn is "
            "facing the mounting anger of people in Harrow who cannot tolerate its wicked "
            "misrule, the 30 papers of the region say.",
            "The 105th candlelight rally was held in Harrow Square on August 31.",
            "Participants marched toward the governor's office after the rally.",
        ]
    )
    lead = text.split("\n\n")[0]
    assert verdict(lead)
    got = _one(text, "Anger against Governor Varn in Harrow")
    assert got.startswith("The 105th candlelight rally was held in Harrow Square")


def test_a_sentence_clipped_at_its_start_is_never_the_summary() -> None:
    clipped = (
        "the compound's security wall, which guards had reinforced with steel plates after "
        "the April attack on the gate."
    )
    assert clipped_start(clipped)
    assert not usable(clipped)
    assert not clipped_start("iPhone sales fell by a third in the quarter, the maker said.")
    assert not clipped_start("de Blasio named a new police commissioner on Monday morning.")
    text = "\n\n".join(
        [
            clipped,
            "Attackers drove a truck packed with explosives into the consulate in Marsh "
            "Harbor on Thursday night, killing four guards.",
        ]
    )
    assert _one(text, "Consulate attacked in Marsh Harbor").startswith("Attackers drove a truck")


def test_i_mean_is_room_talk_in_a_speech() -> None:
    speech = "\n\n".join(
        [
            "Hall B",
            "11:00 A.M. EDT",
            "THE MAYOR: Thank you. Please sit down.",
            "People like the great organiser, Ms. Ruiz — you know, I mean, this is — you go "
            "back and think of the people — who retired last month and who once said the "
            "valley belongs to everyone.",
            "Today, I am signing an order that opens the valley trails to everyone, year "
            "round, starting on June 1.",
        ]
    )
    # the first-person act opens on its speaker and place (round 7)
    assert _one(speech, "Remarks by Mayor Ortiz at Signing of a Trails Order").startswith(
        "Mayor Ortiz, Hall B: Today, I am signing an order"
    )


def test_a_page_or_clipping_header_is_trimmed_or_refused() -> None:
    assert tidy("Page 1 of 3 The ministry said on Monday that talks would resume in spring.") == (
        "The ministry said on Monday that talks would resume in spring."
    )
    assert tidy(
        "Published : 2024-08-31 10:02 Thousands of people rallied in Harrow Square on Saturday."
    ) == ("Thousands of people rallied in Harrow Square on Saturday.")
    assert not usable("Home > World > Asia The navy fired two shells into the sea on Monday.")
    assert not usable("Clipped from The Harbor Star: the council voted to close the old bridge.")
    assert usable("The committee voted 5 > 3 to approve the new budget for the harbour district.")
    text = "\n\n".join(
        [
            "Home > News > Region Harbor council votes to close the old bridge next year.",
            "The Harbor council voted on Tuesday to close the old Calder bridge to traffic "
            "from next March.",
        ]
    )
    assert _one(text, "Council votes to close bridge").startswith("The Harbor council voted")
