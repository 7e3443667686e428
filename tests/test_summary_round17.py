"""Round 17 summaries: a speech's headline is not followed by a place line whose town the
headline already names. A transcript written for the project."""

from __future__ import annotations

import re

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


BRIEFING = "\n".join(
    [
        "MS. RIVERS:  Good afternoon, everyone. Yesterday a record 3 million travellers were "
        "screened at the nation's airports, a sign that the economy is strong.",
        "Factories in the state added 12,000 jobs in June, the largest gain in two years.",
        "MR. CARVER:  Thanks. The president has also pressed for closer partnerships between "
        "the Alliance and the Indo-Pacific partners, as you will see this week.",
        "Q    What about the economy?",
        "MS. RIVERS:  Wages rose again in June.",
    ]
)


def _terms() -> list[re.Pattern[str]]:

    return [re.compile(r"\bIndo-Pacific\b")]


def test_an_on_topic_briefing_is_summarised_by_a_sentence_naming_its_topic() -> None:
    art = Article(source="b", title="Press Briefing by the Press Secretary", text=BRIEFING)
    plain = summarise_story([art], _terms())
    assert plain is not None and "travellers" in plain.text
    topical = summarise_story([art], _terms(), on_topic=True)
    assert topical is not None and "Indo-Pacific partners" in topical.text
