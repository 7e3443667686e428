"""Key points of transcripts (speaker turns), leaning-back openers and also[] (issue 9,
round 4). The texts are written for these tests."""

from __future__ import annotations

from extractors import keypoints
from extractors.keypoints import key_points, same_fact, speakers, spoken_point
from extractors.models import Article
from extractors.vectors import tokens

BRIEFING = "\n".join(
    [
        "Eisenhower Building Briefing Room",
        "2:05 P.M. EDT",
        "MS. HOLLOWAY:  Good afternoon, everybody.  I have a couple of things at the top.",
        "Today, the President signed an order that sends 40 water purification units to "
        "the flooded districts of Moravia, and the Department of Defense will fly them "
        "out on Thursday.",
        "The President also spoke with Prime Minister Dvorak of Moravia about the floods "
        "and the rebuilding of the three bridges that the water destroyed.",
        "With that, Admiral, I'm going to leave you to it.",
        "ADMIRAL VANCE:  Thank you.  I think you all saw the statement this morning.",
        "We are sending 40 water purification units and two engineering teams to Moravia "
        "this week.",
        "I think we're going to see more requests from the region, and I'm not going to get "
        "ahead of the Secretary on what comes next.",
        "Q    Thanks, Admiral.  The Moravian government said it asked for helicopters as "
        "well and the Pentagon has turned that down, so the aid falls short of the request.",
        "ADMIRAL VANCE:  We've been very clear that the helicopters are needed at home.",
        "The engineering teams will stay in Moravia until the bridges reopen.",
        "(Laughter.)",
        "SENIOR ADMINISTRATION OFFICIAL:  We have also shared flood data with the "
        "Moravian weather service since May.",
    ]
)


def briefing() -> Article:
    return Article(source="brief", title="Press Briefing on the Moravia floods", text=BRIEFING)


def test_speakers_follow_turns_and_mark_the_header():
    who = speakers(briefing())
    assert who[0] == who[1] == keypoints.HEADER
    assert who[2] == who[3] == who[5] == "MS. HOLLOWAY"
    assert who[9] == "Q" and who[10] == who[11] == "ADMIRAL VANCE"
    assert who[13] == "SENIOR ADMINISTRATION OFFICIAL"
    # a news article with a dateline label is no transcript
    news = Article(source="n", title="t", text="SEOUL: The ministry said on Monday it would.")
    assert set(speakers(news)) == {None}


def test_spoken_points_are_facts_of_named_speakers_never_the_room():
    named = "ADMIRAL VANCE"
    assert spoken_point("We are sending 40 purification units to Moravia this week.", named)
    assert spoken_point("The engineering teams will stay in Moravia until May.", named)
    assert not spoken_point("I think we're going to see more requests from the region.", named)
    assert not spoken_point("We've been very clear that the helicopters are needed.", named)
    assert not spoken_point("I'm sure he'll call you guys sir as well today.", named)
    assert not spoken_point("The Pentagon has turned the helicopters down, so it falls short.", "Q")
    # a fact in the first person with no named speaker: unattributable
    assert not spoken_point(
        "We have also shared flood data with the weather service.", "SENIOR ADMINISTRATION OFFICIAL"
    )
    assert not spoken_point("(Box is removed from the stage floor.)", named)
    assert not spoken_point("The headline, folks, should be the bridges reopening soon.", named)


def test_briefing_key_points_skip_questions_chatter_and_header():
    kps = key_points([briefing()], 8)
    texts = [k.text for k in kps]
    assert texts, "the briefing's facts are key points"
    assert any(t.startswith("Today, the President signed an order") for t in texts)
    assert any(t.startswith("We are sending 40 water purification units") for t in texts)
    for t in texts:
        assert "I think" not in t and "very clear" not in t and "leave you to it" not in t
        assert "falls short" not in t  # the reporter's turn, a question without "?"
        assert "Briefing Room" not in t and "shared flood data" not in t


def test_leans_back_for_key_points_only():
    assert keypoints.leans_back("Today, it's about 75 cents higher than last year.")
    assert keypoints.leans_back("When they try to open new credit, the bank refuses.")
    assert keypoints.leans_back("“We will rebuild every bridge by spring,” she said.")
    assert keypoints.leans_back("Seoul appears to welcome this step.")
    assert keypoints.leans_back("Appointed by President Bill Clinton, he was the first envoy.")
    assert not keypoints.leans_back("On Tuesday, the court ruled against the ministry.")
    assert not keypoints.leans_back("This week's talks in Seoul ended without a deal.") or (
        keypoints.opens_on_referent("This week's talks in Seoul ended without a deal.")
    )
    assert not keypoints.leans_back("Tom Brady said this season will be his last in Boston.")
    # summarise keeps the narrower test
    assert not keypoints.opens_on_referent("“We will rebuild every bridge by spring,” she said.")


def test_also_needs_the_same_fact_not_a_few_shared_topic_words():
    point = set(
        tokens(
            "In response to the launch, South Korea carried out a live-fire drill with a "
            "missile that its Joint Chiefs of Staff said could strike the Sunan launch site."
        )
    )
    other = set(tokens("Seoul said it was the 19th launch of a ballistic missile by the North."))
    assert not same_fact(point, other)
    a = set(tokens("Another ship took the 103 passengers and 26 crew members to Duisburg."))
    b = set(
        tokens("Another ship took the 103 passengers, most of them Dutch, and 26 crew to Duisburg.")
    )
    assert same_fact(a, b)
