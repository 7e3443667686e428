"""Round 9 (issue 9): key points found by reading the digests of White House days no label
file names; each class on a small text written for the project."""

from __future__ import annotations

from extractors.keypoints import name_list, opens_on_referent, unfit_point


def test_a_list_of_organisations_names_is_no_key_point() -> None:
    roll = (
        "National Forum of Pacific Women (NFPW) Advocates for Island Health – AIH "
        "Empowering Coastal Communities (ECC) Institute for Gender Based Violence (IGBV)"
    )
    assert name_list(roll)
    assert unfit_point(roll)
    assert not name_list("President Lee met Prime Minister Ishiba in Tokyo on Monday.")


def test_a_time_of_the_day_or_week_is_no_referent() -> None:
    assert not opens_on_referent("This morning the administration announced new limits.")
    assert not opens_on_referent("This week, NATO ministers meet in Brussels.")
    assert not opens_on_referent("This Wednesday the talks resume in Seoul.")
    assert opens_on_referent("This would include new air defences.")
    assert opens_on_referent("That was the first such test.")
