"""Round 9 (issue 9): summaries of briefings and orders, found by reading the digests of
two White House days no label file names (2022-06-14, 2022-06-21); each class on a small
text written for the project."""

from __future__ import annotations

from extractors.models import Article
from extractors.summary import housekeeping, speaker_of, summarise_story, trim
from extractors.text import split_sentences


def test_a_turn_label_names_the_speaker_not_the_title_words_before_the_name() -> None:
    art = Article(
        source="b",
        title="Press Briefing by Press Secretary Ann Oak and NSC Coordinator for Strategic "
        "Communications Tom Reed",
        text="MS. OAK: Good afternoon.\n\nMR. REED: Thank you. I want to start with Ukraine.",
    )
    assert speaker_of(art, 1) == "Tom Reed"
    assert speaker_of(art, 0) == "Press Secretary Ann Oak"  # the titled speaker after "by"


def test_who_joins_the_briefing_is_housekeeping() -> None:
    assert housekeeping("Today I’m joined by Tom Reed, who coordinates our messaging.")
    assert housekeeping("We are joined by leaders of seven unions.")
    assert not housekeeping("Seven unions joined the strike on Monday.")


def test_a_condition_is_never_cut_from_its_main_clause() -> None:
    long = (
        "If the chief judges named under article 26(g) of the Uniform Code of Military "
        "Justice, 10 U.S.C. 826(g), do not include a judge of the Navy, then the Judge "
        "Advocate General of the Navy shall name as a voting member of the Sentencing Board "
        "(Board), either the Chief Judge of the Department of the Navy or a Navy trial "
        "judge assigned to the Navy and Marine Corps Trial Judiciary, for a term of two years."
    )
    cut = trim(long)
    assert "shall name as a voting member" in cut  # the main clause is kept
    assert not cut.endswith("judge of the Navy.")


def test_a_citation_s_page_numbers_open_no_sentence() -> None:
    text = (
        "By the authority vested in me, including Public Law 117-81, 135 Stat. 1541, 1700 "
        "(2021), I hereby order as follows. The order takes effect at once."
    )
    assert split_sentences(text) == [
        "By the authority vested in me, including Public Law 117-81, 135 Stat. 1541, 1700 "
        "(2021), I hereby order as follows.",
        "The order takes effect at once.",
    ]


def test_a_briefing_is_not_summarised_by_its_introductions() -> None:
    text = "\n\n".join(
        [
            "MS. OAK: Good afternoon, everyone.",
            "Today I’m joined by Tom Reed, who is the National Security Council Coordinator "
            "for Strategic Communications.",
            "MR. REED: Thank you, Ann.",
            "This morning the administration announced that the United States will limit "
            "its use of anti-personnel landmines outside the Korean Peninsula.",
        ]
    )
    s = summarise_story(
        [Article(source="a", title="Press Briefing by Press Secretary Ann Oak", text=text)]
    )
    assert s is not None
    assert "joined by" not in s.text


def test_a_call_announcing_another_call_is_housekeeping() -> None:
    assert housekeeping(
        "We’ll have a press call later on today that will offer more details on that effort."
    )
    assert not housekeeping("The leaders will hold a call on Friday to agree the sanctions.")


def test_a_speech_that_launches_something_is_told_by_that_line() -> None:
    text = "\n\n".join(
        [
            "Harbour Hall, Busan",
            "THE PRESIDENT: Thank you all for being here on such a warm afternoon.",
            "Technology has made our world smaller and more connected than ever.",
            "Today, we officially launch the Coastal Partnership for Clean Ports.",
            "The partnership will help ports across the region cut their emissions.",
        ]
    )
    title = "Remarks by President Fir at Launch of the Coastal Partnership for Clean Ports"
    s = summarise_story([Article(source="a", title=title, text=text)])
    assert s is not None
    assert "Today, we officially launch the Coastal Partnership for Clean Ports." in s.text
