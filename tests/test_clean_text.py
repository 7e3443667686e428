"""Furniture run into scraped plain text (news-please ``text``): each named rule of
``extractors.clean.TEXT_RULES`` on sentences written for the project, the golden
news-please file in ``tests/data/clean_text/``, and body sentences that look like
furniture but stay."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractors.clean import (
    Meta,
    clean_text,
    rule_counted_captions,
    rule_inline_captions,
    rule_inline_credits,
    rule_inline_gallery,
    rule_inline_prompts,
    rule_inline_related,
    rule_page_notes,
    rule_repeated_lines,
    rule_run_on_captions,
    rule_unstopped_captions,
)
from extractors.files import parse_news_please

DATA = Path(__file__).parent / "data" / "clean_text"
BODY = "The defence ministers of South Korea and Japan met in Brussels on Thursday."
BODY2 = "They agreed to share more information about missile launches."


def run(rule, *paras: str) -> tuple[list[str], Meta]:
    meta = Meta()
    return rule(list(paras), meta), meta


# ---------------------------------------------------------------- the golden file


def test_golden_news_please_file():
    path = DATA / "scraped-furniture.json"
    c = parse_news_please(path.read_text("utf-8"), path.name)
    assert c.text + "\n" == (DATA / "scraped-furniture.expected.txt").read_text("utf-8")
    rules = {name for name, _ in c.removed}
    assert rules >= {
        "title_repeat",
        "inline_gallery",
        "inline_prompt",
        "inline_caption",
        "inline_credit",
        "inline_related",
        "page_note",
        "counted_caption",
        "unstopped_caption",
        "repeated_line",
    }
    for junk in ("caption", "Getty", "Reuters", "Hide Caption", "Related", "Scroll", "EPA"):
        assert junk not in c.text, junk
    assert "Yonhap" in c.credits


# ---------------------------------------------------------------- one rule each


def test_inline_captions_bbc_markers():
    p = f"Image copyright AFP Image caption Ministers meet at the headquarters {BODY} {BODY2}"
    out, meta = run(rule_inline_captions, p)
    assert out == [f"{BODY} {BODY2}"]
    assert "AFP" in meta.credits


def test_inline_caption_ends_before_a_title():
    out, _ = run(rule_inline_captions, "Media caption Protests continue in Seoul Mr Lee spoke.")
    assert out == ["Mr Lee spoke."]


def test_inline_caption_npr_toggle():
    out, _ = run(rule_inline_captions, "Enlarge this image toggle caption Jane Roe/AP Jane Roe/AP")
    assert out == []


def test_inline_credits_bracketed_and_glued():
    out, meta = run(
        rule_inline_credits,
        f"Ministers pose in Brussels. (Jane Roe/Reuters) {BODY}",
        f"Andrew Kim / Reuters {BODY2}",
        f"{BODY} (Photo: Getty) {BODY2}",
        "The minister arrives for the talks” Jane Roe/Reuters",
    )
    assert out == [BODY, BODY2, f"{BODY} {BODY2}"]
    assert "Jane Roe/Reuters" in meta.credits


def test_inline_credits_keep_a_sentence_and_brackets_that_are_no_credit():
    kept = [
        f"The talks lasted four hours. (Jane Roe/Reuters) {BODY}",
        "The speed limit is 12mph (20km/h) on that stretch (and/or the next).",
        "Senator Jane Roe (R-Iowa) said the plan was sound.",
    ]
    out, _ = run(rule_inline_credits, "Top line of the page here.", *kept)
    assert out[1:] == [f"The talks lasted four hours. {BODY}", *kept[1:]]


def test_inline_gallery_numbered_and_cnn_slides():
    numbered = (
        f"{BODY} Summit in pictures 2 show all Summit in pictures 1/2 Leaders arrive "
        f"Reuters 2/2 A guard stands at the door Getty {BODY2}"
    )
    cnn = (
        "Photos: Summit Leaders pose. Hide Caption 1 of 2 "
        "Photos: Summit Ministers shake hands. Hide Caption 2 of 2"
    )
    out, meta = run(rule_inline_gallery, numbered, f"{BODY} {cnn}")
    assert out == [BODY, BODY2, BODY]
    assert meta.gallery == 4


def test_inline_gallery_teaser_line():
    out, _ = run(rule_inline_gallery, "Summit gallery: the best pictures of the week 1 / 12")
    assert out == []


def test_inline_prompts():
    out, _ = run(
        rule_inline_prompts,
        f"Click to share on Twitter (Opens in new window) {BODY}",
        f"{BODY} Scroll down for video",
        f"{BODY2} Additional reporting by PA",
    )
    assert out == [BODY, BODY, BODY2]


def test_inline_related_list_ends_where_the_body_opens():
    p = (
        f"{BODY} Related Stories SHIPS AHOY Navy shows its newest submarine COLD WAR "
        f"Why the border still matters The minister said the plan was final."
    )
    out, _ = run(rule_inline_related, p)
    assert out == [BODY, "The minister said the plan was final."]


def test_inline_related_marker_before_a_sentence_goes_alone():
    p = f"{BODY} Read more: {BODY2}"
    out, _ = run(rule_inline_related, p)
    assert out == [BODY, BODY2]


def test_page_notes():
    out, _ = run(
        rule_page_notes,
        "Story highlights Ministers met in Brussels",
        "They agreed to share data",
        BODY,
        "Jane Roe, an Associated Press writer in Seoul, contributed to this report.",
        "Copyright 2025 Example News. All rights reserved.",
        "Email the author.",
    )
    assert out == [BODY]


def test_counted_captions():
    p = (
        f"{BODY} EPA 5 The minister waves to reporters Splash News 5 The delegation "
        f"boards its plane Officials said the talks went well."
    )
    out, _ = run(rule_counted_captions, p)
    assert out == [BODY, "Officials said the talks went well."]


def test_counted_captions_leave_dates_and_counts():
    p = "He arrived on 5 March and left on 5 April. Some 5 Koreans and 5 Japanese attended."
    out, _ = run(rule_counted_captions, p)
    assert out == [p]


def test_capitalised_agency_credit_opens_a_caption():
    p = f"GETTY Kim Min-jae overtook Park Ji-sung in the final lap {BODY}"
    out, _ = run(rule_counted_captions, p)
    assert out == [BODY]


def test_a_caption_ends_before_a_titled_name_that_opens_the_body():
    # the caption has no stop; "Mr Cho ..." opens the body, which must stay whole
    body = (
        'Mr Cho yesterday said the talks had gone "better than expected" with the '
        "visiting Defence Minister and his staff."
    )
    p = f"AFP Minister Cho arrives for the talks with his staff {body}"
    out, _ = run(rule_counted_captions, p)
    assert out == [body]


def test_run_on_captions():
    p = (
        "The minister waved to reporters at the airport in Seoul The delegation boarded "
        f"its plane to Brussels With the talks over, {BODY[0].lower()}{BODY[1:]}"
    )
    out, meta = run(rule_run_on_captions, p)
    assert out == [f"With the talks over, {BODY[0].lower()}{BODY[1:]}"]
    assert len([r for r in meta.removed if r[0] == "run_on_caption"]) == 2


@pytest.mark.parametrize(
    "sentence",
    [
        "The minister told The Korea Herald that the plan was final.",
        "She was chosen as a 'Red car for a red planet' by the voters.",
        "The plan, known as The Brussels Agenda, was agreed on Thursday.",
        "Kim Min-jae overtook Park Ji-sung in the poll, the survey showed.",
    ],
)
def test_run_on_keeps_whole_sentences(sentence):
    out, _ = run(rule_run_on_captions, sentence)
    assert out == [sentence]


def test_unstopped_captions():
    out, _ = run(
        rule_unstopped_captions,
        BODY,
        "The minister waves to reporters at the airport in Seoul",
        f"{BODY2} The delegation arrives in Brussels after a long flight from Seoul",
        "Hours Before The Talks, Ministers Change Course",
        "- The list item stays as it is without a stop",
    )
    assert out == [BODY, BODY2, "Hours Before The Talks, Ministers Change Course", out[-1]]


def test_repeated_lines():
    out, _ = run(rule_repeated_lines, BODY, BODY2, BODY)
    assert out == [BODY, BODY2]


# ---------------------------------------------------------------- where the rules run


def test_first_line_repeating_the_title_goes():
    c = clean_text(f"Ministers meet in Brussels\n{BODY}", title="Ministers Meet in Brussels!")
    assert c.text == BODY


def test_punctuation_rules_run_only_on_scraped_text():
    raw = f"{BODY}\nThe minister waves to reporters at the airport in Seoul\n{BODY2}"
    assert "waves" in clean_text(raw, title="T").text
    assert "waves" not in clean_text(raw, title="T", scraped=True).text


def test_markdown_heading_is_never_a_caption():
    from extractors.files import parse_markdown

    md = f"# Title\n\n{BODY}\n\n## The ministers agree on a plan for the summer\n\n{BODY2}\n"
    c = parse_markdown(md, "x.md")
    assert "The ministers agree on a plan for the summer" in c.text


# ---------------------------------------------------------------- after the held-out read


def test_a_sentence_missing_its_stop_before_a_quotation_stays():
    # the source lost a full stop before the quotation: reported speech is no caption
    p = (
        'The minister said officials had "worked around the clock," the talks having '
        'begun a week earlier "We reviewed every proposal," she said.'
    )
    out, _ = run(rule_run_on_captions, p)
    assert out == [p]


def test_a_quoted_title_is_no_new_text():
    p = "The band will play their hit “Seoul Nights” as the summit closes on Friday."
    out, _ = run(rule_run_on_captions, p)
    assert out == [p]


@pytest.mark.parametrize(
    "para",
    [
        '"We all knew we had to leave. Well, that is what happened," he told reporters',
        "“If they do not help us, then I will do what I said I would do.“",
        '"The bodies have been removed, but the debris is still there. "',
    ],
)
def test_reported_speech_and_odd_closing_quotes_stay(para):
    out, _ = run(rule_unstopped_captions, BODY, para, BODY2)
    assert out == [BODY, para, BODY2]


def test_a_run_on_piece_that_ends_its_sentence_stays():
    p = "“These are bits of rock in orbit.” The minister waved to reporters at the airport"
    out, _ = run(rule_run_on_captions, "Their law in 1927 was modelled after Delaware’s. " + p)
    assert "Delaware’s." in out[0] and "bits of rock" in out[0]


def test_credit_brackets_need_an_agency_or_a_person():
    p = "Jamie Roe led Radio Free Asia (RFA/RL) from 2019 and trained OB/GYN (OB/GYNs) staff"
    out, _ = run(rule_inline_credits, "Top line.", p)
    assert out == ["Top line.", p]


def test_bare_highlights_heading_is_no_page_note():
    out, _ = run(rule_page_notes, "Highlights of progress to date include:", BODY)
    assert out == ["Highlights of progress to date include:", BODY]


def test_embedded_posts_are_quoted_content():
    post = "Seoul and Tokyo finally agree. Good news — Jane Roe (@janeroe) November 3, 2016"
    out, _ = run(rule_unstopped_captions, BODY, post, BODY2)
    assert out == [BODY, post, BODY2]


def test_a_fact_box_is_no_run_on_caption():
    p = (
        "WHO IS KIM MIN-JAE? - Kim was born in Seoul in 1980 - He joined the ministry in "
        "2005 - He has led the talks since March The talks resume on Monday."
    )
    out, _ = run(rule_run_on_captions, p)
    assert "born in Seoul" in out[0]


def test_kicker_captions_run_together():
    p = (
        "Waving goodbye: The minister left Seoul in a motorcade on the way to the airport "
        "Long trip: The flight took eleven hours The talks begin on Monday."
    )
    out, _ = run(rule_run_on_captions, p)
    assert out == ["The talks begin on Monday."]


def test_one_colon_is_speech_not_a_kicker_run():
    p = "The minister said: The plan is final, and it will be signed on Monday."
    out, _ = run(rule_run_on_captions, p)
    assert out == [p]
