"""Round 15 (issue 10, from the analyst read of KCNA 2024-09-05): KCNA's calendar with a
comma after the month is still a past month of the year in brackets. Text written for the
project."""

from __future__ import annotations

from datetime import date

from extractors.dates import find_dates


def test_a_juche_year_after_a_comma_places_the_month() -> None:
    got = find_dates(
        "One day in January, Juche 105 (2016) the leader visited the Sokam Textile Mill.",
        date(2024, 9, 5),
    )
    assert got == [("in January, Juche 105 (2016)", "2016-01-01/2016-01-31")]
