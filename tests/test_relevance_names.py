"""Relevance, round 4: NATO named as "the summit" / "the Vilnius summit", the IP4 named
as its four countries, meeting idioms, and NATO members' deployments in state media.
Every text is written for the project."""

from __future__ import annotations

import pytest

from extractors.errors import ConfigError
from extractors.models import Article
from extractors.relevance import judge
from extractors.topic import Topic, load_topic

TOPIC = load_topic("korea-nato")


def art(title: str, *paras: str, **kw) -> Article:
    return Article(source=kw.pop("source", "hand.txt"), title=title, text="\n".join(paras), **kw)


def nato_terms(rel) -> set[str]:
    return {r.term for r in rel.reasons if r.group == "anchor:NATO"}


# ---------------------------------------------------------------- "the summit"


def test_the_summit_is_natos_after_the_nato_summit_is_named() -> None:
    a = art(
        "Leaders' week",
        "The President arrives in Madrid on Tuesday for the NATO summit.",
        "Ministers prepared the agenda over the weekend.",
        "At the summit, South Korea's president will join a session with partners, hold "
        "talks with the Secretary General and sign a cooperation roadmap.",
    )
    rel = judge(a, TOPIC)
    assert rel.included, rel.summary
    assert "the summit" in nato_terms(rel)


def test_the_summit_after_another_summit_is_that_one() -> None:
    # NATO's summit is named first, then a trilateral at Camp David: "this summit" is
    # Camp David's, and South Korea meeting there is not NATO cooperation.
    a = art(
        "Trilateral leaders",
        "The leaders last met on the margins of the NATO summit in Madrid.",
        "On Friday they hold a trilateral summit at Camp David.",
        "This summit will deepen cooperation between South Korea, Japan and the United "
        "States; the leaders will sign a joint statement and hold talks.",
    )
    rel = judge(a, TOPIC)
    assert not rel.included, rel.summary
    assert "this summit" not in nato_terms(rel)


def test_a_named_summit_of_someone_else_is_not_a_reference() -> None:
    a = art(
        "Week ahead",
        "NATO defence ministers met on Monday.",
        "Then the Summit of the Americas opens, where South Korea will attend talks as an "
        "observer and sign a cooperation agreement.",
    )
    assert "the summit" not in nato_terms(judge(a, TOPIC))


def test_the_summit_without_nato_named_is_no_ones() -> None:
    a = art(
        "Leaders meet",
        "At the summit, South Korea's president held talks, joined a session with partners "
        "and signed a cooperation roadmap.",
    )
    assert not judge(a, TOPIC).included


def test_the_vilnius_summit_counts_for_nato_once_nato_is_named() -> None:
    a = art(
        "Allies gather",
        "NATO leaders arrive in Lithuania this week.",
        "At the Vilnius summit, Seoul will sign a partnership programme, join a session on "
        "cyber defence and hold talks on cooperation.",
    )
    rel = judge(a, TOPIC)
    assert rel.included, rel.summary
    assert "Vilnius summit" in nato_terms(rel)


# ---------------------------------------------------------------- the IP4 by its members


def test_the_four_partners_named_together_count_for_nato_and_korea() -> None:
    a = art(
        "Summit call",
        "The NATO summit opens in Madrid today with a new Strategic Concept.",
        "Officials also spoke about the weather and the venue.",
        "For the first time, the leaders of Australia, Japan, New Zealand and the Republic "
        "of Korea will participate, and the President will be sitting down with two of them "
        "this afternoon.",
    )
    rel = judge(a, TOPIC)
    assert rel.included, rel.summary
    assert "IP4" in nato_terms(rel)


def test_the_four_countries_without_nato_named_are_not_nato() -> None:
    a = art(
        "Pacific forum",
        "Australia, Japan, New Zealand and South Korea will participate in a forum on "
        "fisheries and sign a joint statement.",
    )
    rel = judge(a, TOPIC)
    assert not rel.included
    assert "IP4" not in nato_terms(rel)


def test_three_of_the_four_are_not_the_group() -> None:
    a = art(
        "Summit call",
        "The NATO summit opens in Madrid today.",
        "Later, leaders of Australia, Japan and New Zealand will participate in a session.",
    )
    assert "IP4" not in nato_terms(judge(a, TOPIC))


def test_north_korea_is_not_a_member_of_the_group() -> None:
    a = art(
        "Summit call",
        "The NATO summit opens in Madrid today.",
        "Australia, Japan and New Zealand condemned North Korea's launch at the session.",
    )
    assert "IP4" not in nato_terms(judge(a, TOPIC))


def test_a_group_must_count_for_known_anchors() -> None:
    data = TOPIC.model_dump()
    data["groups"] = [{"name": "X", "members": [["a"], ["b"]], "counts_for": ["Nowhere"]}]
    with pytest.raises(ValueError, match="counts_for names no anchor: Nowhere"):
        Topic.model_validate(data)


def test_refer_needs_its_antecedents(tmp_path) -> None:
    text = (
        'name = "t"\n[[anchors]]\nname = "A"\nterms = ["a"]\nrefer = ["the meeting"]\n'
        '[[subtopics]]\nid = "s"\nterms = ["s"]\n'
    )
    (tmp_path / "t.toml").write_text(text, "utf-8")
    with pytest.raises(ConfigError, match="refer needs refer_to and refer_head"):
        load_topic(str(tmp_path / "t.toml"))


# ---------------------------------------------------------------- keep: trips, lists


def test_a_trip_list_with_the_summit_is_still_not_cooperation() -> None:
    a = art(
        "The week ahead",
        "The President will attend the NATO summit in Vilnius.",
        "After the summit he will travel to the Republic of Korea and Japan, then to "
        "Australia and New Zealand, with stops in Hawaii.",
    )
    assert not judge(a, TOPIC).included


# ---------------------------------------------------------------- reactions


def test_nato_members_deploying_to_the_region_with_japan_is_a_reaction() -> None:
    a = art(
        "Commentary on dangerous moves",
        "Japan is tightening its military alliance with NATO, the commentary said.",
        "The deployment of fighters of NATO member states to Japan shows the puppets' war "
        "moves in the Asia-Pacific, it said.",
        source_type="state-media",
    )
    rel = judge(a, TOPIC)
    assert rel.included and rel.reaction, rel.summary


# ---------------------------------------------------------------- the evidence sentence


def test_evidence_is_the_most_engaged_sentence_where_the_anchors_meet() -> None:
    a = art(
        "Week in review",
        "Markets were calm on Monday.",
        "NATO held its summit in Vilnius. South Korea's president joined a session with the "
        "Secretary General, held talks and signed a cooperation roadmap. The weather was fine.",
    )
    rel = judge(a, TOPIC)
    assert rel.included
    assert rel.evidence.startswith("South Korea's president joined a session")


def test_evidence_of_a_reaction_is_its_reaction_sentence() -> None:
    a = art(
        "White paper",
        "The puppet ROK is tightening its military nexus with NATO, the paper said.",
        source_type="state-media",
    )
    rel = judge(a, TOPIC)
    assert rel.reaction
    assert (
        rel.evidence == "The puppet ROK is tightening its military nexus with NATO, the paper said."
    )


def test_no_evidence_where_the_anchors_never_meet() -> None:
    a = art("Markets", "NATO ministers met.", "Separately, Seoul's stocks rose.")
    assert judge(a, TOPIC).evidence == ""


def test_evidence_prefers_a_sentence_naming_both_anchors_itself() -> None:
    # The cyber sentence has more cues, but only the partners sentence names both sides.
    a = art(
        "Vilnius briefing",
        "Leaders meet at the NATO summit in Vilnius this week.",
        "The Alliance will expand its partnerships with Indo-Pacific partners. At the "
        "summit, Allies will also agree on cyber cooperation, sign a pledge and hold a "
        "joint session.",
    )
    rel = judge(a, TOPIC)
    assert rel.evidence == "The Alliance will expand its partnerships with Indo-Pacific partners."
