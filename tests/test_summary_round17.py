"""Round 17 summaries: a speech's headline is not followed by a place line whose town the
headline already names. A transcript written for the project."""

from __future__ import annotations

from extractors.models import Article
from extractors.summary import summarise_story

TALK = "\n".join(
    [
        "Private Residence",
        "McLean, Virginia",
        "7:12 P.M. EDT",
        "THE PRESIDENT:  Thank you, thank you, thank you. Please, sit down.",
        "Folks, it is great to be back among so many friends tonight.",
        "I know many of you have been with me from the very start, and I am grateful.",
    ]
)


def test_a_place_line_repeating_the_headline_s_town_is_left_out() -> None:
    title = "Remarks by President Biden at a Campaign Reception | McLean, VA"
    summary = summarise_story([Article(source="s", title=title, text=TALK)])
    assert summary is not None
    assert summary.text == "Remarks by President Biden at a Campaign Reception, McLean, VA"


def test_a_place_line_the_headline_lacks_is_added() -> None:
    title = "Remarks by President Biden at a Campaign Reception"
    summary = summarise_story([Article(source="s", title=title, text=TALK)])
    assert summary is not None
    assert summary.text.endswith("Campaign Reception, McLean, Virginia")
