"""Round 15 (issue 9, from the analyst read of WH 2022-06-13 and KCNA 2024-09-05):
a long sentence keeps its main clause whole with its asides out (never a cut inside a
date), a subject is never left with only its relative clause, a statement "which said:"
is told with what it says, and a briefing's "nothing at the top" is housekeeping. Texts
written for the project (names and numbers invented)."""

from __future__ import annotations

from extractors.models import Article
from extractors.summary import housekeeping, summarise_story, tidy, trim

NOTICE = (
    "In accordance with this provision, I have sent to the Federal Register for "
    "publication the enclosed notice stating that the national emergency with respect to "
    "Norland that was declared in Executive Order 14001 of June 26, 2008, expanded in "
    "scope in Executive Order 14102 of August 30, 2010, addressed further in Executive "
    "Order 14203 of April 18, 2011, further expanded in scope in Executive Order 14304 of "
    "January 2, 2015, and under which additional steps were taken in Executive Order "
    "14405 of March 15, 2016, and Executive Order 14506 of September 20, 2017, is to "
    "continue in effect beyond June 26, 2022."
)


def test_a_long_notice_keeps_its_decision() -> None:
    got = trim(NOTICE)
    assert got.endswith("is to continue in effect beyond June 26, 2022.")
    assert "June 26, 2008" in got  # never cut inside a date
    assert len(got.split()) <= 60


def test_a_subject_is_never_left_with_only_its_relative_clause() -> None:
    lead = (
        "Sokam University of Engineering, which has made distinguished contributions to "
        "building up the technical capability of the country in the long course of the "
        "revolution, while glorifying its proud history and tradition as the country's "
        "comprehensive base for education in science and technology for the great cause "
        "of building a powerful country with a rich economy, is greeting its 60th "
        "founding anniversary with great pride."
    )
    assert trim(lead) == (
        "Sokam University of Engineering is greeting its 60th founding anniversary with "
        "great pride."
    )


def test_a_statement_which_said_is_told_with_what_it_says() -> None:
    art = Article(
        source="fixture/item.md",
        title="Press Statement of Defence Ministry",
        text=(
            "Harbour City, May 4 (EA) -- The chief of the Public Information Office of the "
            "Ministry of National Defence of the Republic of Ostia on Thursday issued a press "
            'statement titled "Provocateurs will never escape the heavy responsibility for '
            'the tension", which said:\n\n'
            "Norland and its allies are staging provocative joint naval drills one after "
            "another, raising the military tension in the region.\n\n"
            "The drills will end on May 29."
        ),
        url="https://example.org/item",
        outlet="Example Agency",
        source_type="state-media",
    )
    summary = summarise_story([art])
    assert summary is not None
    assert summary.text.endswith("raising the military tension in the region.")
    assert "which said: Norland and its allies" in summary.text
    assert len(summary.text.split()) <= 60


def test_nothing_at_the_top_and_let_me_say_this_are_no_news() -> None:
    assert housekeeping("You will be very excited: I do not have anything at the top for you.")
    assert housekeeping("So we are going to go straight to questions.")
    assert (
        tidy(
            "Let me just say this, since you asked about Ostia: The Secretary met the Ostian "
            "foreign minister today in Geneva."
        )
        == "The Secretary met the Ostian foreign minister today in Geneva."
    )
