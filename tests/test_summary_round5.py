"""Round-5 summary rules (issue 9): trims keep the main clause, a press call's
housekeeping and an author's bio are never the summary, a statement's own act in the
first person, a roundup's opening line, a long quotation's act, wire copy's lead. Texts
written for the project."""

from __future__ import annotations

from extractors.models import Article
from extractors.summary import (
    author_bio,
    housekeeping,
    roundup,
    states_event,
    summarise_story,
    trim,
    usable,
    without_lead_in,
)

LONG_NOTICE = (
    "In accordance with section 401(b) of title 12, Federal Harbor Code, I am giving "
    "notice that I have directed the Secretary of Transport and the Secretary of Fisheries "
    "with respect to the harbor pilots when they are not serving as officers of the Coast "
    "Guard, to call to active service members and crews of the Harbor Reserve and suitably "
    "trained Pilot Reserve members, without the consent of each member, pursuant to "
    "401(a) of title 12, Federal Harbor Code."
)


def test_a_long_sentence_loses_its_lead_in_before_its_main_clause() -> None:
    got = trim(LONG_NOTICE)
    assert got.startswith("I am giving notice that I have directed the Secretary of Transport")
    assert "to call to active service members and crews of the Harbor Reserve" in got
    assert len(got.split()) <= 60
    # words kept are the source's, in order
    src = LONG_NOTICE.split()
    it = iter(src)
    assert all(any(w.rstrip(".,") == s.rstrip(".,") for s in it) for w in got.split())


def test_a_time_lead_in_stays_and_short_sentences_are_untouched() -> None:
    s = "On Monday, the minister said the harbor would open to ferries from Busan in May."
    assert trim(s) == s
    assert without_lead_in(s) == s


def test_a_cut_never_lands_inside_a_quoted_title() -> None:
    s = (
        'The council published the report "Harbors, Ferries, Fishing Fleets, Pilots and '
        "Piers, a Plan for the Coast to 2040, with Costs, Timelines, Maps and Tables for "
        'Every Port of the Province" on Tuesday, after three years of hearings in six '
        "towns, and it will be debated by the assembly in the spring session."
    )
    got = trim(s, 40)
    assert got == s.split(", after")[0] + "."  # the title whole, the main clause whole


def test_a_cut_never_keeps_only_a_lead_in() -> None:
    s = (
        "While the harbor talks went on in Busan, the minister of transport announced on "
        "Friday that the old harbor would close for repairs for the whole of the winter, "
        "and the ferries would sail from the new pier instead."
    )
    got = trim(s, 12)
    assert got != "While the harbor talks went on in Busan."
    got = trim(s, 30)
    assert "the minister of transport announced on Friday" in got  # the main clause kept


def test_press_call_housekeeping_is_never_the_summary() -> None:
    for line in (
        "On today's call we have the Deputy Harbor Adviser and a senior official of the port.",
        "Joining me today is our Harbor Adviser, who will give a few words at the top.",
        "For your awareness, not for your reporting, the speaker on this call is an official.",
        "Before we dive into the embargoed preview, our speaker will give a short update.",
    ):
        assert housekeeping(line)
        assert not usable(line)
    call = Article(
        source="call",
        title="Background Press Call Previewing the Harbor Summit",
        text=(
            "MODERATOR: On today's call we have two senior officials who will preview the summit.\n"
            "Joining me today is the Harbor Adviser, who will take your questions after this.\n"
            "SENIOR OFFICIAL: Tomorrow, the President will sign a harbor pact with Busan "
            "and Kobe in Seattle."
        ),
    )
    got = summarise_story([call])
    assert got is not None and "sign a harbor pact" in got.text


def test_an_author_bio_is_not_the_summary() -> None:
    assert author_bio("Mina Park is a freelance writer and journalist living in Busan.")
    assert author_bio("JJ Roe is a shipping enthusiast and blogger based in Kobe.")
    assert not author_bio("Mina Park, a freelance writer, was arrested in Busan on Monday.")
    art = Article(
        source="bio",
        title="Ferry fares rise",
        text=(
            "Mina Park is a freelance writer and journalist living in Busan.\n"
            "Ferry operators in Busan raised fares by 12 percent on Monday, the port said."
        ),
    )
    got = summarise_story([art])
    assert got is not None and got.text.startswith("Ferry operators in Busan raised fares")


def test_a_statement_states_its_own_act_in_the_first_person() -> None:
    assert states_event("Today, we are taking another step by waiving $2 billion in harbor fees.")
    art = Article(
        source="st",
        title="Statement on Harbor Fee Relief",
        text=(
            "The Governor and I are committed to delivering relief to harbor workers so "
            "they can move forward with their lives and their families.\n"
            "Today, we are taking another step by waiving $2 billion in harbor fees for "
            "8,000 fishing crews who have paid them for 20 years or more."
        ),
    )
    got = summarise_story([art])
    assert got is not None and got.text.startswith("Today, we are taking another step")


def test_a_roundup_is_told_by_its_opening_line() -> None:
    text = (
        "Harbor City, May 3 (KCNA) -- Following are major news items in the harbor papers "
        "on Friday:\n- The port opened a new ferry berth for the island service.\n"
        "- The fishing fleet returned with a record catch of herring."
    )
    art = Article(source="pr", title="Press Review", text=text)
    assert roundup(art)
    got = summarise_story([art])
    assert got is not None
    # round 11: read with its first item (an analyst read the opening line alone as furniture)
    assert got.text == (
        "Following are major news items in the harbor papers on Friday: The port opened a new "
        "ferry berth for the island service."
    )


def test_a_statement_that_is_one_long_quotation_states_its_act() -> None:
    text = (
        "“When I think of our harbors, I think about the crews who keep them running and the "
        "towns that live by them. As storms grow, we are using every tool we have to keep "
        "them safe. Today my Administration is granting $90 million to 12 port towns to "
        "rebuild their sea walls. I will keep working for them every day.”"
    )
    art = Article(source="q", title="Statement on Sea Wall Grants", text=text)
    got = summarise_story([art])
    assert got is not None
    assert got.text.startswith("Today my Administration is granting $90 million")
    assert "“" not in got.text and "”" not in got.text


def test_wire_copy_leads_with_its_first_sentence() -> None:
    text = (
        "Harbor City, May 3 (KCNA) -- Leading papers carry editorials on the harbor day.\n"
        "The papers say that the harbor day, when the first ferries sailed to the islands, "
        "was a great event that opened a broad avenue to the prosperity of the coast and "
        "of all its towns and villages and fishing crews for many years to come."
    )
    art = Article(source="w", title="Papers Mark Harbor Day", text=text)
    got = summarise_story([art])
    assert got is not None and got.text.startswith("Leading papers carry editorials")


def test_a_speech_with_no_act_is_told_by_its_headline() -> None:
    speech = Article(
        source="sp",
        title="Remarks by the Governor at a Harbor Festival | Busan",
        text=(
            "THE GOVERNOR: Good evening, everyone. (Applause.) Thank you all so much.\n"
            "THE GOVERNOR: As many of you know, I grew up in a fishing family on this coast "
            "and I still remember the smell of the boats in the morning.\n"
            "THE GOVERNOR: You know, the harbor is the heart of this town and always will be "
            "for the families who live by it."
        ),
    )
    got = summarise_story([speech])
    assert got is not None
    assert got.text == "Remarks by the Governor at a Harbor Festival, Busan"
    assert got.sources == ("sp",)


def test_a_speech_headline_takes_the_transcript_place_line() -> None:
    speech = Article(
        source="sp2",
        title="Remarks by the Governor at a Campaign Event",
        text=(
            "Harbor Hall\nBusan, Korea\n7:02 P.M. KST\n"
            "THE GOVERNOR: Hello, Busan! (Applause.) Thank you all so much for coming.\n"
            "THE GOVERNOR: As many of you know, I grew up in a fishing family on this coast "
            "and I still remember the smell of the boats in the morning."
        ),
    )
    got = summarise_story([speech])
    assert got is not None
    assert got.text == "Remarks by the Governor at a Campaign Event, Busan, Korea"
