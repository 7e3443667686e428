"""Round-6 story grouping rules (issue 9): one act released in several documents is one
story; one template with different actors is two; a roundup whose bullets were lost is
still a roundup; a many-question briefing is no single topic's story.

Every fixture is written for the project (facts may be real, sentences are our own)."""

from __future__ import annotations

from datetime import UTC, datetime

from extractors import stories, summary
from extractors.files import parse_markdown
from extractors.models import Article
from tests.support import together

DAY = datetime(2026, 6, 6, 15, tzinfo=UTC)
HOUSE = "The House"


def release(source: str, title: str, text: str, outlet: str | None = HOUSE) -> Article:
    return Article(source=source, title=title, text=text, published=DAY, outlet=outlet)


FILLER = [
    release("f1", "Bill Signed: H.R. 4411", "The President signed a bill on rural water."),
    release("f2", "Nominations Sent to the Senate", "Nominations were sent to the Senate."),
    release("f3", "Statement on the Jobs Report", "Employers added jobs last month again."),
    release("f4", "Remarks at a Reception", "Thank you all for coming to the garden tonight."),
    release("f5", "Proclamation on Flag Day", "We honor the flag and those who serve it."),
    release("f6", "Readout of a Call with a Governor", "The President spoke with a governor."),
]


# ---------------------------------------------------------------- one act, several documents

DETERMINATION = (
    "By the authority vested in me as President, I hereby determine, pursuant to section "
    "303 of the Defense Production Act of 1950, as amended, that action to expand the "
    "domestic production capability for {0} is necessary to avert an industrial resource "
    "shortfall that would severely impair national defense capability."
)


def test_acts_are_keyed_by_their_last_words_or_bill_number():
    assert stories.acts("Pursuant to Section 303 of the Defense Production Act of 1950") == {
        "defense production act"
    }
    assert stories.acts("Bill Signed: S. 138") == {"s 138"}
    assert "hr 2365" in stories.acts("Bill Signed: H.R. 2365")
    assert stories.acts("Remarks on the Economy") == frozenset()


def test_determinations_of_one_act_with_different_products_are_one_story():
    products = ["solar panel parts", "building insulation", "heat pumps", "transformers"]
    memos = [
        release(
            f"m{k}",
            "Memorandum on Presidential Determination Pursuant to Section 303 of the "
            f"Defense Production Act of 1950, as amended, on {p.title()}",
            DETERMINATION.format(p),
        )
        for k, p in enumerate(products)
    ]
    sheet = release(
        "fs",
        "FACT SHEET: President Takes Bold Executive Action to Spur Clean Energy Manufacturing",
        "Today the President is authorizing the use of the Defense Production Act to "
        "accelerate domestic production of clean energy technologies, including solar "
        "panel parts, building insulation, heat pumps and transformers.",
    )
    batch = [*memos, sheet, *FILLER]
    sig = stories.Signals.of(batch)
    assert sig.same_act(0, 1) and sig.same_act(0, 4)  # headline and headline, or lead
    assert not sig.titles_differ(0, 1)  # the slot (the product) does not part them
    assert sig.pair(0, 1)["same_act"] is True
    assert together(batch, 0, 1, 2, 3, 4)


def test_a_signing_notice_and_the_statement_on_the_bill_are_one_story():
    a = release("a", "Bill Signed: S. 138", "On Friday the President signed into law S. 138.")
    b = release(
        "b",
        "Statement from the President on S. 138, the Tibet Dispute Resolution Act",
        "Today I have signed into law S. 138. I share the commitment of the Congress.",
    )
    c = release("c", "Bills Signed: H.R. 1240", "On Friday the President signed H.R. 1240.")
    sig = stories.Signals.of([a, b, c, *FILLER])
    assert sig.same_act(0, 1)
    assert not sig.same_act(0, 2)  # two bills are two acts ...
    assert sig.acts_differ(0, 2) and sig.titles_differ(0, 2)
    assert together([a, b, c, *FILLER], 0, 1)
    assert not together([a, b, c, *FILLER], 0, 2)


def test_two_signing_notices_thanking_one_senator_are_two_stories():
    a = release(
        "a",
        "Bill Signed: S. 138",
        "On Friday the President signed into law S. 138, which amends a policy act. Thank "
        "you to Senators Merkley and Young and Representatives McGovern and McCaul.",
    )
    c = release(
        "c",
        "Bills Signed: H.R. 1240, H.R. 4581",
        "On Friday the President signed into law H.R. 1240, which takes land into trust. "
        "Thank you to Representatives Feenstra and Flood and Senators Merkley and Cassidy.",
    )
    batch = [a, c, *FILLER]
    sig = stories.Signals.of(batch)
    assert sig.text(0, 1) > 0.3
    assert not together(batch, 0, 1)


def test_one_act_needs_one_outlet_and_nearby_days():
    a = release("a", "Bill Signed: S. 138", "The President signed S. 138.")
    b = release("b", "Senate Passes S. 138", "The Senate passed S. 138.", outlet="Wire")
    later = Article(
        source="c",
        title="Statement on S. 138",
        text="S. 138 was signed.",
        published=datetime(2026, 6, 20, tzinfo=UTC),
        outlet=HOUSE,
    )
    sig = stories.Signals.of([a, b, later, *FILLER])
    assert not sig.same_act(0, 1)
    assert not sig.same_act(0, 2)


def test_the_act_rule_can_be_turned_off(monkeypatch):
    monkeypatch.setattr(stories, "SAME_ACT", None)
    a = release("a", "Bill Signed: S. 138", "The President signed S. 138.")
    b = release("b", "Statement on S. 138", "I signed S. 138 today.")
    assert not stories.Signals.of([a, b, *FILLER]).same_act(0, 1)


# ---------------------------------------------------------------- one template, two actors

EMERGENCY = (
    "Consistent with the law on national emergencies, the national "
    "emergency declared in an earlier executive order with respect to {0} is to continue "
    "in effect beyond its anniversary. The situation continues to pose an unusual and "
    "extraordinary threat to the national security and foreign policy of the United "
    "States, and the national emergency must continue."
)


def test_notices_on_two_emergencies_are_two_stories_though_one_text_names_a_slot_word():
    a = release(
        "a",
        "Notice on the Continuation of the National Emergency With Respect to Mali",
        EMERGENCY.format("the situation in Mali, including the detention of officials"),
    )
    b = release(
        "b",
        "Notice on the Continuation of the National Emergency With Respect to Hostage-"
        "Taking and the Wrongful Detention of Nationals Abroad",
        EMERGENCY.format("hostage-taking and the wrongful detention of nationals abroad"),
    )
    batch = [a, b, *FILLER]
    sig = stories.Signals.of(batch)
    assert sig.text(0, 1) > 0.4  # one template: the texts are alike ...
    assert sig.template(0, 1)
    assert sig.titles_differ(0, 1)  # ... "detention" in the Mali text is no shared slot
    assert not together(batch, 0, 1)


READOUT = (
    "Today senior White House officials met with {0} to discuss the priorities of the "
    "Administration on health care, civil rights and the economy. Officials from the Office "
    "of Public Engagement and the Domestic Policy Council heard their views and committed "
    "to continued engagement."
)


def test_two_readouts_of_meetings_with_different_groups_are_two_stories():
    a = release(
        "a",
        "Readout of White House Meeting with Labor Leaders on Health Care and Workers' Rights",
        READOUT.format("labor leaders"),
    )
    b = release(
        "b",
        "Readout of White House Meeting with Young Leaders on Reproductive Justice and "
        "Civil Rights",
        READOUT.format("young leaders"),
    )
    batch = [a, b, *FILLER]
    sig = stories.Signals.of(batch)
    assert sig.text(0, 1) > 0.4
    assert sig.actors_differ(0, 1)
    assert not together(batch, 0, 1)


def test_greetings_to_two_officials_of_one_country_are_two_items():
    text = (
        "Pyongyang, September 6 (Agency) -- A message of greeting was sent to {0} of "
        "Vietnam on September 2 to mark the 79th founding anniversary of the country. The "
        "message wished the Vietnamese people greater success."
    )
    a = release("a", "Greetings to PM of Vietnam", text.format("the prime minister"), "Agency")
    b = release("b", "Greetings to Vietnamese FM", text.format("the foreign minister"), "Agency")
    sig = stories.Signals.of([a, b, *FILLER])
    assert sig.actors_differ(0, 1)  # the same words lead to two counterparts


def test_one_counterpart_or_one_topic_is_no_actor_difference():
    a = release("a", "Readout of the President's Meeting with President Niinisto of Finland", "")
    b = release("b", "Remarks Before Meeting with President Niinisto of Finland", "")
    c = release("c", "Statement from the President on New Student Debt Relief Actions", "")
    d = release("d", "Statement from the Vice President on Additional Student Loan Relief", "")
    sig = stories.Signals.of([a, b, c, d, *FILLER])
    assert not sig.actors_differ(0, 1)  # one counterpart
    assert not sig.actors_differ(2, 3)  # two speakers on one topic


def test_a_readout_from_its_sender_is_read_by_the_meetings_other_party():
    """ "Readout from the Vice President's Meeting with X on T": "with X" is the counterpart,
    so one shared topic does not make two groups' meetings one event."""
    a = release("a", "Readout of White House Meeting with County Clerks on Voting Access", "")
    b = release(
        "b",
        "Readout from the Vice President's Meeting with Civil Rights Lawyers on Voting Access",
        "",
    )
    c = release("c", "Remarks by the Vice President Before Meeting with Civil Rights Lawyers", "")
    sig = stories.Signals.of([a, b, c, *FILLER])
    assert sig.actors_differ(0, 1)  # two groups met, one topic
    assert not sig.actors_differ(1, 2)  # one meeting, its readout and its remarks


FACTS = (
    "Today the Administration is announcing changes to its policy on cluster munitions. "
    "The United States will no longer produce or acquire such munitions outside the Korean "
    "Peninsula, and it will destroy stockpiles not required for the defense of the Republic "
    "of Korea. {0}"
)


def test_a_fact_sheet_and_a_statement_on_its_topic_are_one_announcement():
    """Rule (topic named): "FACT SHEET: T" and "Statement by X on T" are one act in two
    documents, though one is a bulleted list and each headline names what the other's
    does not (the form, the speaker)."""
    sheet = release(
        "sheet",
        "FACT SHEET: Changes to U.S. Cluster Munitions Policy",
        FACTS.format("\n".join(f"- Step {k}: stockpiles are reviewed." for k in range(1, 7))),
    )
    statement = release(
        "statement",
        "Statement by NSC Spokesperson Dana Cole on Changes to U.S. Cluster Munitions Policy",
        FACTS.format("The President directed this change after a review."),
    )
    batch = [sheet, statement, *FILLER]
    sig = stories.Signals.of(batch)
    assert sig.topic_named(0, 1)
    assert not sig.titles_differ(0, 1)
    assert together(batch, 0, 1)
    # a source after a colon is no part of the topic ("... on T: Daily Paper")
    review = release("review", "Review of Daily Paper", "Articles of the paper.", "Agency")
    essay = release("essay", "State Rests on Its People: Daily Paper", "An essay.", "Agency")
    assert not stories.Signals.of([review, essay, *FILLER]).topic_named(0, 1)


# ---------------------------------------------------------------- roundups and briefings

PRESS_REVIEW_MD = """---
title: Press Review
date: 2026-09-07
---
Pyongyang, September 7 (Agency) -- Following are major news items and articles in leading
newspapers of the country on Saturday:

- The leader received messages of greeting from the presidents of two countries.
- He received floral baskets from a president and a foundation.
- A performance of an art squad of the youth league was given.
- Successes are made in several sectors of the economy.
"""


def test_a_press_review_read_from_markdown_is_a_roundup():
    cleaned = parse_markdown(PRESS_REVIEW_MD, "review.md")
    review = Article(source="review.md", title=cleaned.title, text=cleaned.text)
    # the list items arrive one per line with a normalised "- " marker, and both the
    # grouping and the summary read the announced list (plain text without markers: below)
    assert "\n- The leader received" in review.text
    assert stories.roundup(review)
    assert summary.roundup(review)


def test_the_roundup_does_not_absorb_the_lead_story_it_lists():
    review = release(
        "r",
        "Press Review",
        "Following are major news items in leading newspapers of the country on Saturday:\n"
        "The leader received messages of greeting from the presidents of two countries.\n"
        "A performance of an art squad was given.\n"
        "Successes are made in several sectors of the economy.\n"
        "Farmers moved into new houses.",
        "Agency",
    )
    lead = release(
        "l",
        "Leader Receives Messages of Greeting from Presidents",
        "The leader received messages of greeting from the presidents of two countries on "
        "the occasion of the founding anniversary of the country.",
        "Agency",
    )
    batch = [review, lead, *FILLER]
    assert stories.Signals.of(batch).one_roundup(0, 1)
    assert not together(batch, 0, 1)


def test_a_fact_sheet_listing_its_actions_is_no_roundup():
    sheet = release(
        "s",
        "FACT SHEET: New Actions on Extreme Heat",
        "Today the President announces the following actions:\nA heat standard.\n"
        "Funds for cooling centers.\nForecasts for outdoor workers.\nA heat hazard alert.",
    )
    assert not stories.roundup(sheet)


def _transcript(questions: int) -> str:
    turns = "\n".join(
        f"Q  Question number {k} on another subject of the day?\nMS. SPEAKER:  An answer."
        for k in range(questions)
    )
    return (
        "MS. SPEAKER: So, as you know, we are on our way to the shipyard, where the "
        "President will deliver remarks on offshore wind jobs and the new wind vessel.\n" + turns
    )


def test_a_briefing_of_many_questions_is_not_its_opening_topics_story():
    gaggle = release("g", "Press Gaggle En Route Philadelphia", _transcript(25))
    call = release("c", "Press Call Previewing the Shipyard Visit", _transcript(5))
    remarks = release(
        "r",
        "Remarks by the President on Offshore Wind Jobs | Philadelphia",
        "We are on our way to a new wind vessel at the shipyard: offshore wind jobs for "
        "union workers, the President said in remarks on offshore wind.",
    )
    assert stories.briefing(gaggle) and not stories.briefing(call)
    sig = stories.Signals.of([gaggle, remarks, call, *FILLER])
    assert sig.one_roundup(0, 1)  # the briefing joins like a roundup
    assert not sig.one_roundup(2, 1)  # a press call of a few questions is one topic's


def test_remarks_on_a_topic_and_the_fact_sheet_naming_it_may_join_on_little_text():
    remarks = release(
        "r",
        "Remarks by the President on Extreme Weather",
        "Well, thanks, everybody, for being here, and thank you for hosting us, Mayor.",
    )
    sheet = release(
        "s",
        "FACT SHEET: President Announces New Actions to Protect Workers from Extreme Weather",
        "Across the country, tens of millions of Americans face record heat this summer.",
    )
    other = release("o", "Remarks by the President on the Economy", "Thank you. Please sit.")
    batch = [remarks, sheet, other, *FILLER]
    sig = stories.Signals.of(batch)
    assert sig.title_phrase(0, 1)  # "Extreme Weather", the remarks' topic, heads the sheet
    assert not sig.title_phrase(0, 2)  # "the Economy" is one word, and not named there
    assert sig.pair(0, 1)["event_link"] is True
