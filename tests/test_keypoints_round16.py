"""Round 16 key points: what a statute's section provides, restated in every message that
acts under it, is law's housekeeping. Sentences written for the project."""

from __future__ import annotations

import pytest

from extractors.keypoints import unfit_point


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
