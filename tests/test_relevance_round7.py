"""Relevance, round 7: state media's "Asian NATO" as a reaction, near-misses ranked by how
close they came (and none without NATO), sub-topics from the article's opening. Texts
written for the project (facts may be real, sentences are ours)."""

from __future__ import annotations

import pytest

from extractors.errors import ConfigError
from extractors.models import Article
from extractors.relevance import judge
from extractors.topic import Topic, load_topic

TOPIC = load_topic("korea-nato")
NEAR, INCLUDE = TOPIC.thresholds.near_miss, TOPIC.thresholds.include


def art(title: str, *paras: str, **kw) -> Article:
    return Article(source=kw.pop("source", "hand.txt"), title=title, text="\n".join(paras), **kw)


def state(title: str, *paras: str) -> Article:
    return art(title, *paras, source="kcna.txt", outlet="kcna.kp", source_type="state-media")


MEETING = (
    "Pyongyang, September 13 (KCNA) -- A spokesman for a research institute issued a press "
    "statement on Friday."
)
ROK_PARA = (
    "Washington and its vassal forces convened a defence meeting of the ROK and the member "
    "countries of the so-called UN Command on Tuesday."
)
FILLER = "This is a dangerous provocation that raises the danger of war in the region."
BLOC = (
    "The expansion of the so-called UN Command is a prelude to setting up a NATO of Asian "
    "version that will drag the Asia-Pacific into a new cold war."
)
BLOC_OFF_GROUND = BLOC.replace("the so-called UN Command", "the U.S.-led blocs")
"""The bloc with no Korean ground (no UN Command, no peninsula) in its sentence."""


def test_an_asian_nato_with_the_rok_elsewhere_in_the_item_is_a_reaction() -> None:
    r = judge(state("Press Statement of Institute", MEETING, ROK_PARA, FILLER, BLOC), TOPIC)
    assert r.reaction and r.included
    assert "NATO of Asian version" in r.evidence
    # The other spellings of the bloc count the same.
    for name in ("an Asian-version NATO", "an Asian NATO", "a NATO-like bloc in Asia"):
        text = BLOC.replace("a NATO of Asian version", name)
        r = judge(state("Press Statement of Institute", MEETING, ROK_PARA, FILLER, text), TOPIC)
        assert r.reaction, name


def test_an_asian_nato_without_south_korea_in_the_item_is_no_reaction() -> None:
    no_rok = ROK_PARA.replace("the ROK and ", "")
    r = judge(
        state("Press Statement of Institute", MEETING, no_rok, FILLER, BLOC_OFF_GROUND), TOPIC
    )
    assert not r.reaction and not r.included


def test_an_asian_nato_without_a_word_of_ties_or_expansion_is_no_reaction_but_a_near_miss() -> None:
    # AUKUS called a "NATO of Asian version", the ROK named elsewhere: about AUKUS.
    r = judge(
        state(
            "Article of Analyst",
            "Pyongyang, September 14 (KCNA) -- An analyst wrote an article.",
            "Critics have long denounced Washington, terming AUKUS a NATO of Asian version.",
            "The ROK and Japan are said to be eager to join AUKUS as partners.",
        ),
        TOPIC,
    )
    assert not r.reaction and not r.included
    assert NEAR <= r.score < INCLUDE  # both sides named: a near-miss


def test_news_stays_strict_an_asian_nato_in_a_news_story_is_not_kept() -> None:
    r = judge(
        art(
            "Sullivan on Asia",
            "Seoul hosted a meeting of defence officials from the UN Command states.",
            "Sullivan said: we are not building an Asian NATO, and the expansion of our "
            "partnerships is about deterrence.",
        ),
        TOPIC,
    )
    assert not r.included and not r.reaction


def test_near_misses_need_nato_and_rank_by_how_close_they_came() -> None:
    korea_only = art(
        "Press Review",
        "Seoul's ballistic missile defence, the DPRK's nuclear weapons and the ICBM tests.",
        "The ROK and Japan agreed on semiconductors, tariffs and shipbuilding.",
    )
    nato_only = art("NATO ministers meet", "NATO ministers met in Brussels to discuss Ukraine.")
    both_apart = art(
        "Week ahead",
        "NATO ministers met in Brussels to discuss Ukraine.",
        "Separately, South Korea announced a new budget.",
    )
    meet_no_cue = art(
        "Allies",
        "Allies listed: NATO members, South Korea, Japan and Australia.",
    )
    s_korea, s_nato, s_apart, s_meet = (
        judge(a, TOPIC).score for a in (korea_only, nato_only, both_apart, meet_no_cue)
    )
    assert s_korea < NEAR  # no NATO: never a near-miss of a NATO topic
    assert NEAR <= s_nato < s_apart < INCLUDE
    assert s_apart <= s_meet < INCLUDE


def test_state_media_one_stand_in_sentence_short_of_a_reaction_is_a_first_tier_near_miss() -> None:
    no_rok = ROK_PARA.replace("the ROK and ", "")
    r = judge(
        state("Press Statement of Institute", MEETING, no_rok, FILLER, BLOC_OFF_GROUND), TOPIC
    )
    only_nato = judge(
        state("Press Statement of Institute", MEETING, no_rok, FILLER, "NATO is a war machine."),
        TOPIC,
    )
    assert not r.included and NEAR <= only_nato.score < r.score < INCLUDE


def test_near_miss_needs_must_name_an_anchor() -> None:
    data = TOPIC.model_dump()
    data["thresholds"] = {**data["thresholds"], "near_miss_needs": ["Nato"]}
    with pytest.raises(ValueError, match="near_miss_needs: names no anchor: Nato"):
        Topic.model_validate(data)


def test_a_topic_file_with_an_unknown_bloc_anchor_fails_with_its_key(tmp_path) -> None:
    p = tmp_path / "t.toml"
    p.write_text(
        'name = "t"\n[[anchors]]\nname = "A"\nterms = ["a"]\n[[subtopics]]\nid = "s"\n'
        'terms = ["x"]\n[reaction_blocs]\nB = ["b bloc"]\n',
        encoding="utf-8",
    )
    with pytest.raises(ConfigError, match="reaction_blocs"):
        load_topic(str(p))


LONG_PARAGRAPH = (
    "President Obama and President-elect Trump met in the Oval Office on Thursday for 90 "
    "minutes. They spoke of a smooth transition of power and praised each other. "
    "Aides said the talks were cordial. Trump's campaign had attacked every trade deal and "
    "the Pacific trade agreement, and foreign leaders called to congratulate him. Their wives "
    "met separately in the residence."
)


def test_a_sub_topic_named_in_passing_deep_in_a_long_lead_is_not_the_section() -> None:
    r = judge(art("Obama and Trump meet at the White House", LONG_PARAGRAPH), TOPIC)
    assert "trade" not in r.subtopics


def test_a_sub_topic_in_the_title_or_opening_is_the_section() -> None:
    r = judge(art("New tariffs on steel", LONG_PARAGRAPH), TOPIC)
    assert r.subtopics[:1] == ("trade",)
    opening = "Seoul and Washington signed a trade deal on Thursday. " + LONG_PARAGRAPH
    r = judge(art("Obama and Trump meet at the White House", opening), TOPIC)
    assert r.subtopics[:1] == ("trade",)


def test_a_memorandums_header_lines_are_not_its_opening() -> None:
    memo = art(
        "Memorandum on Delegation of Authority Under Section 506(a)(1)",
        "MEMORANDUM FOR THE SECRETARY OF STATE",
        "SUBJECT: Delegation of Authority Under Section 506(a)(1)",
        "By the authority vested in me as President, I hereby delegate to the Secretary of "
        "State the functions under section 506(a)(1) to direct a drawdown of defense articles "
        "to provide assistance to Ukraine.",
        "You are authorized and directed to publish this memorandum in the Federal Register.",
    )
    assert judge(memo, TOPIC).subtopics[:1] == ("ukraine-war",)


def test_cost_sharing_alone_is_not_the_alliances_burden_sharing() -> None:
    disaster = art(
        "President Approves Maine Disaster Declaration",
        "Today, the President declared that a major disaster exists in the State of Maine.",
        "Federal funding is available to state and local governments on a cost-sharing basis "
        "for emergency work.",
        "Federal funding is also available on a cost-sharing basis for hazard mitigation.",
    )
    assert "burden-sharing" not in judge(disaster, TOPIC).subtopics
    sma = art(
        "Seoul and Washington sign a new Special Measures Agreement",
        "The cost-sharing deal for USFK raises Seoul's contribution.",
    )
    assert judge(sma, TOPIC).subtopics[:1] == ("burden-sharing",)


# Review7 class 1: a NATO member joins the ROK-hosted UN Command; the statement never names the
# ROK, only the command and the peninsula, and calls it a NATO "of Asian version".
JOINS = (
    "Pyongyang, March 3 (KCNA) -- A spokesman for the Foreign Ministry released a press statement.",
    "Portugal announced on March 1 that it had joined the UN Command led by the U.S.",
    "The command is a tool of aggression that dragged the forces of its vassal states into war.",
    "Washington seeks to turn the UN Command into a NATO of Asian version by rallying its "
    "followers.",
    "Such moves only aggravate the situation on the Korean peninsula.",
)


def test_an_asian_nato_set_on_the_un_command_is_a_reaction_without_the_rok_named() -> None:
    r = judge(state("Press Statement of Spokesman", *JOINS), TOPIC)
    assert r.reaction and r.included
    assert "UN Command" in r.evidence and "NATO of Asian version" in r.evidence
    assert "not mentioned" not in r.summary and "its ground (UN Command)" in r.summary
    # On the peninsula, in the same sentence, it ties the same way.
    peninsula = "Washington seeks to build a NATO of Asian version on the Korean peninsula."
    r = judge(state("Press Statement of Spokesman", JOINS[0], JOINS[1], peninsula), TOPIC)
    assert r.reaction


def test_the_bloc_and_the_ground_in_different_sentences_are_a_near_miss_not_a_reaction() -> None:
    apart = (*JOINS[:3], "Washington seeks to build a NATO of Asian version.", JOINS[4])
    r = judge(state("Press Statement of Spokesman", *apart), TOPIC)
    assert not r.reaction and not r.included
    assert NEAR <= r.score < INCLUDE


def test_the_blocs_own_name_is_not_polemic() -> None:
    # "Asian version" inside "NATO of Asian version" is the topic's signal: with one other
    # register word ("vassal") the item is not penalised ...
    r = judge(state("Press Statement of Spokesman", *JOINS), TOPIC)
    assert "polemic register" not in r.summary
    # ... while "Asian version" outside a bloc's name still counts.
    other = (*JOINS[:3], "It is an Asian version of the Cold War.")
    assert "polemic register (Asian version, vassal)" in judge(state("T", *other), TOPIC).summary


def test_the_un_command_in_news_is_no_reaction() -> None:
    news = art(
        "Germany joins UN Command",
        "Germany joined the UN Command in Seoul on Friday.",
        "Critics in Beijing say the United States wants to turn the UN Command into a NATO of "
        "Asian version.",
    )
    r = judge(news, TOPIC)
    assert not r.reaction and not r.included


def test_a_topic_file_with_an_unknown_place_anchor_fails_with_its_key() -> None:
    data = TOPIC.model_dump()
    data["reaction_places"] = {"Koreas": ["UN Command"]}
    with pytest.raises(ValueError, match="reaction_places: names no anchor: Koreas"):
        Topic.model_validate(data)


# Review7: a 1944 history ("refused orders to load ammunition") is no defence-industry story.
def test_a_paragraph_telling_old_history_does_not_make_the_sub_topic() -> None:
    from datetime import UTC, datetime

    when = datetime(2024, 7, 17, tzinfo=UTC)
    history = art(
        "Statement on the Navy's exonerations",
        "On July 17, 1944, a cargo ship exploded at a naval magazine while sailors loaded it "
        "with ammunition. Weeks later, fifty sailors refused orders to load ammunition.",
        "The Navy has reviewed the courts-martial and found them unfair.",
        published=when,
    )
    assert "defence-industry" not in judge(history, TOPIC).subtopics
    # A recent date, or an anniversary marked today, is news: the term counts.
    recent = art(
        "Statement on a new contract",
        "On July 15, 2024, the ministry signed a contract for ammunition and artillery shells.",
        "The first deliveries are due next year.",
        published=when,
    )
    assert judge(recent, TOPIC).subtopics[:1] == ("defence-industry",)
    today = art(
        "Statement on an anniversary",
        "Today we mark the day in July 1944 when a ship loaded with ammunition exploded; the "
        "ministry also signed a contract for artillery shells.",
        published=when,
    )
    assert judge(today, TOPIC).subtopics[:1] == ("defence-industry",)
    # A law's year is a name, not a date.
    act = art(
        "Memorandum on arms sales",
        "Under the Arms Export Control Act of 1976, I approve arms sales of artillery shells.",
        published=when,
    )
    assert judge(act, TOPIC).subtopics[:1] == ("defence-industry",)
