"""Round 16 story grouping (issue 9): two transcripts of one outlet under one title whose
headers name two venues are two events. Fixtures written for the project."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from extractors import stories
from extractors.models import Article
from tests.support import together

DAY = datetime(2026, 6, 6, 3, tzinfo=UTC)
TITLE = "Remarks by the President at a Reception for the Party Committee"
SPEECH = (
    "THE PRESIDENT: Thank you all for having me tonight. We passed the largest investment "
    "in roads and bridges in a generation, and we capped the price of insulin for seniors. "
    "The midterm elections will decide whether we keep building or go backwards, and I "
    "need your help to hold the House and the Senate this November."
)


def remarks(source: str, header: list[str], title: str = TITLE) -> Article:
    text = "\n\n".join([*header, SPEECH])
    return Article(source=source, title=title, text=text, published=DAY, outlet="The House")


FILLER = [
    Article(source=f"f{i}", title=t, text=x, published=DAY, outlet="The House")
    for i, (t, x) in enumerate(
        [
            ("Bill Signed: H.R. 4411", "The President signed a bill on rural water."),
            ("Statement on the Jobs Report", "Employers added jobs last month again."),
            ("Proclamation on Flag Day", "We honor the flag and those who serve it."),
        ]
    )
]


def test_one_title_two_venues_is_two_events() -> None:
    early = remarks("r1", ["Private Residence Los Angeles, California", "5:05 P.M. PDT"])
    late = remarks("r2", ["Private Residence Beverly Hills, California", "7:34 P.M. PDT"])
    assert stories.venue(early) == "private residence los angeles, california 5:05 p.m. pdt"
    assert not together([early, late, *FILLER], 0, 1)


def test_one_title_one_venue_and_two_speakers_of_one_venue_stay_one_event() -> None:
    header = ["East Room", "4:32 P.M. EDT"]
    same = [remarks("r1", header), remarks("r2", header)]
    assert together([*same, *FILLER], 0, 1)
    other = remarks(
        "r3", ["East Room", "4:21 P.M. EDT"], title=TITLE.replace("President", "Vice President")
    )
    assert together([same[0], other, *FILLER], 0, 1)


AGENCY = "State Agency"
TRIBUTE = Article(
    source="a", title="Founder of the Republic Remembered", outlet=AGENCY, published=DAY,
    text="The founder of the republic led the people of the country on the road of "
    "independence and built a people's country. His feats in the revolution shine forever "
    "in the hearts of the people, who visit the revolution museum to honour him.",
)  # fmt: skip
TOUR = Article(
    source="b", title="Flood Victims Tour Museums in the Capital", outlet=AGENCY, published=DAY,
    text="People from flood-hit areas visited the revolution museum and the war museum while "
    "staying in the capital. The visitors said the feats of the revolution shine in the museum.",
)  # fmt: skip
DAY_ITEMS = [
    Article(source=f"k{i}", title=t, outlet=AGENCY, published=DAY, text=x)
    for i, (t, x) in enumerate(
        [
            ("Potato Factory Construction Hastened", "Builders push on with a starch factory."),
            ("Greetings to Prime Minister", "A message of greeting was sent on the national day."),
            ("Farmers Move into New Houses", "Farmers of a farm moved into new houses by a river."),
            ("Celebration Meetings Held", "Working people's organisations held meetings."),
        ]
    )
]


def test_headlines_apart_sharing_no_name_are_two_events_below_apart_bare() -> None:
    batch = [TRIBUTE, TOUR, *DAY_ITEMS]
    signals = stories.Signals.of(batch)
    assert stories.APART_TEXT <= signals.text(0, 1) < stories.APART_BARE
    assert not signals.shared(0, 1, False)
    assert not together(batch, 0, 1)


def test_two_numbers_of_a_series_are_two_events() -> None:
    body = (
        "Today the President is announcing that the Administration is sourcing a flight to "
        "carry infant formula from abroad to a hospital network. Under the operation, the "
        "Department of Defense and the Department of Health are partnering with carriers."
    )
    eleventh, twelfth = (
        Article(source=n, title=f"President Announces {n} Operation Formula Mission",
                text=f"{body} This {n.lower()} mission lands on Friday.", published=DAY,
                outlet="The House")
        for n in ("Eleventh", "Twelfth")
    )  # fmt: skip
    assert not together([eleventh, twelfth, *FILLER], 0, 1)
    again = replace(eleventh, source="again")
    assert together([eleventh, again, *FILLER], 0, 1)
