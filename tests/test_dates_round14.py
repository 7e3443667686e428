"""Round 14 date rule, from the analyst read of the unseen KCNA day 2024-10-08, on a
fixture written for the project."""

from __future__ import annotations

from datetime import UTC, datetime

from extractors.dates import resolve_dates
from extractors.models import Article


def test_the_day_an_occasion_falls_on_is_its_nearest_whatever_the_tense() -> None:
    art = Article(
        source="fixture",
        title="Emblem",
        text=(
            "Seeing the emblem of the Party inscribed in its red flag on the occasion of the "
            "Party founding anniversary (October 10), the people of the country recollect the "
            "lasting feats of the leader who developed the Party."
        ),
        url="https://example.org/a",
        outlet="example.org",
        published=datetime(2024, 10, 7, tzinfo=UTC),
    )
    assert [e.date for e in resolve_dates(art) if e.mention == "October 10"] == ["2024-10-10"]
