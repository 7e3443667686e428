"""Round 16 key points: what a statute's section provides, restated in every message that
acts under it, is law's housekeeping. Sentences written for the project."""

from __future__ import annotations

import pytest

from extractors.keypoints import ceremonial, parses, unfit_point


@pytest.mark.parametrize(
    "sentence",
    [
        "Section 202(d) of the National Emergencies Act (50 U.S.C. 1622(d)) provides for the "
        "automatic termination of a national emergency unless a notice is published.",
        "Section 7 of the Harbour Safety Act requires the Secretary to report each year.",
    ],
)
def test_a_statute_s_standing_text_is_no_point(sentence: str) -> None:
    assert unfit_point(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The bill amends section 7 of the Harbour Safety Act to cover ferries.",
        "Under section 232 of the Trade Expansion Act, the President raised tariffs on steel.",
    ],
)
def test_acting_under_a_statute_stays(sentence: str) -> None:
    assert not unfit_point(sentence)


@pytest.mark.parametrize(
    "sentence, rite",
    [
        ("May God bless our friend, the Congresswoman.", True),
        ("Doug and I send our prayers to her husband and her children.", True),
        ("Jill and I grieve with the families of the town tonight.", True),
        ("We send our prayers to the families of the 7 victims.", False),  # a number
        ("The President sent a letter to the Speaker on the bill.", False),
    ],
)
def test_blessings_prayers_and_grief_are_rites(sentence: str, rite: bool) -> None:
    assert ceremonial(parses([sentence])[sentence]) is rite


@pytest.mark.parametrize(
    "sentence, fragment",
    [
        ("To protect the ability of big drug companies to raise prices.", True),
        ("To protect consumers, the agency capped the price of insulin.", False),
        ("To win the seat would require a swing of ten points.", False),
        ("To the north of the line lies the demilitarized zone.", False),
    ],
)
def test_an_infinitive_with_no_clause_is_no_point(sentence: str, fragment: bool) -> None:
    assert unfit_point(sentence) is fragment
