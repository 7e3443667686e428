"""Round 10 (issue 9): a lead whose object is the list after it, found by reading a White
House day's digest (2022-06-21, "Bill Signed: ..."); on a text written for the project."""

from __future__ import annotations

from extractors.models import Article
from extractors.summary import summarise_story

BILLS = (
    "On Monday, March 2, 2026, the President signed into law:\n\n"
    "S. 410, the “Rural Water Grants Act,” which extends grants for small water systems in "
    "rural counties;\n\n"
    "Thank you to Senators Lake and Hill for their leadership.\n\n"
    "H.R. 77, the “Harbor Safety Act,” which funds new lighthouses on the Gulf coast."
)


def test_a_signing_lead_is_read_with_the_first_law_it_introduces() -> None:
    art = Article(source="bills", title="Bills Signed: S. 410 and H.R. 77", text=BILLS)
    got = summarise_story([art])
    assert got is not None
    assert got.text == (
        "On Monday, March 2, 2026, the President signed into law: S. 410, the “Rural Water "
        "Grants Act,” which extends grants for small water systems in rural counties."
    )
    assert got.sources == ("bills", "bills")  # two source sentences


def test_a_lead_that_states_its_act_stands_alone() -> None:
    text = (
        "On Monday, the President signed the Rural Water Grants Act, which extends grants "
        "for small water systems in rural counties.\n\nIt passed both chambers in February."
    )
    got = summarise_story([Article(source="one", title="Bill Signed: S. 410", text=text)])
    assert got is not None and got.text.startswith("On Monday, the President signed the Rural")
    assert got.sources == ("one",)
