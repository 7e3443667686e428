"""Round-6 text rules of ``extractors.clean`` on sentences written for the project:
captions glued with no full stop (``rule_glued_captions``), a related headline in
brackets glued between sentences (``rule_glued_related``), an embedded post run into the
text (``rule_inline_posts``), a caption copying a body sentence (``rule_caption_copies``),
"Scroll for video" and a transcript notice; and body text that looks like them but stays."""

from __future__ import annotations

import pytest

from extractors.clean import (
    Meta,
    clean_text,
    rule_caption_copies,
    rule_glued_captions,
    rule_glued_related,
    rule_inline_posts,
    rule_page_notes,
    rule_related_links,
)

BODY = "The harbor minister resigned on Tuesday after a row over his expenses, officials said."


def run(rule, *paras: str) -> tuple[list[str], Meta]:
    meta = Meta()
    return rule(list(paras), meta), meta


# ---------------------------------------------------------------- rule_glued_captions


@pytest.mark.parametrize(
    ("para", "kept"),
    [
        (
            "Mr Hale, pictured with his wife Anna at a charity gala in Leeds in 2015 The "
            "minister said he had done nothing wrong.",
            "The minister said he had done nothing wrong.",
        ),
        (
            "Ms Park at the opening of the new ferry terminal in 2019 He told reporters the "
            "terminal would stay open.",
            "He told reporters the terminal would stay open.",
        ),
        (
            "The bronze statue in the main square was unveiled by the mayor last spring "
            "Later, the council voted to move it to the park.",
            "Later, the council voted to move it to the park.",
        ),
        (
            "Crowds gather outside the town hall on the morning of the vote Meanwhile, "
            "officials counted the ballots.",
            "Meanwhile, officials counted the ballots.",
        ),
    ],
)
def test_a_caption_glued_with_no_full_stop_goes(para: str, kept: str) -> None:
    out, meta = run(rule_glued_captions, para)
    assert out == [kept]
    assert meta.removed[0][0] == "glued_caption"


@pytest.mark.parametrize(
    "para",
    [
        # a year before a name ("The Times"), a sentence with its stop, speech
        "The paper was founded in 1851 The Times reported on Tuesday, citing its archive.",
        "The ferry terminal opened in 2019. The minister said it would stay open.",
        "He said last spring Later, he would reconsider.",
        "The council voted in 2015, The minister said, to keep the statue where it stood.",
        BODY,
    ],
)
def test_body_sentences_are_not_glued_captions(para: str) -> None:
    out, meta = run(rule_glued_captions, para)
    assert out == [para]
    assert not meta.removed


# ---------------------------------------------------------------- rule_glued_related


def test_a_bracketed_headline_between_sentences_goes() -> None:
    para = (
        'He said the talks went well. "We will help you succeed." '
        "[Harbor strike exposes the ministry's divide] Later, Hale and his wife left by "
        "a side door."
    )
    out, meta = run(rule_glued_related, para)
    assert out == [
        'He said the talks went well. "We will help you succeed." Later, Hale and his '
        "wife left by a side door."
    ]
    assert meta.removed == [("glued_related", "[Harbor strike exposes the ministry's divide]")]


@pytest.mark.parametrize(
    "para",
    [
        '"[The agreement] will hold," he said.',
        "He said the deal [The Harbor Accord of 2019] still held.",
        "She left. [Applause] The crowd stood.",
        "She left. [The crowd stands and applauds.] The mayor waved.",
    ],
)
def test_brackets_in_the_body_stay(para: str) -> None:
    out, _ = run(rule_glued_related, para)
    assert out == [para]


# ---------------------------------------------------------------- rule_inline_posts


def test_an_inline_post_with_a_capital_header_goes() -> None:
    para = (
        "Fire crews were called at 6.04am.    HARBORSIDE    Emergency services are at the "
        "ferry pier. Please avoid the area pic.twitter.com/Ab12Cd -- Harbor Police "
        "(@HarborPol) November 9, 2016 The ferry was carrying forty passengers."
    )
    out, meta = run(rule_inline_posts, para)
    assert out == ["Fire crews were called at 6.04am. The ferry was carrying forty passengers."]
    assert meta.removed[0][0] == "inline_post"


def test_an_inline_post_without_a_header_loses_its_link_and_signature() -> None:
    para = (
        "Our thoughts are with everyone at the pier pic.twitter.com/Xy34 -- Jane Roe "
        "(@janeroe) November 9, 2016 The ferry was carrying forty passengers."
    )
    out, _ = run(rule_inline_posts, para)
    assert out == [
        "Our thoughts are with everyone at the pier The ferry was carrying forty passengers."
    ]


def test_a_post_on_its_own_line_and_reported_speech_stay() -> None:
    alone = "Our thoughts are with everyone at the pier -- Jane Roe (@janeroe) November 9, 2016"
    out, _ = run(rule_inline_posts, alone)
    assert out == [alone]
    speech = (
        'PORT NEWS The gunman is on the run A statement added: "Detectives are on scene." '
        "Pier shooting not linked to the rally. -- Harbor Police (@HarborPol) November 10, 2016"
    )
    out, meta = run(rule_inline_posts, speech)
    assert out == [speech]
    assert not meta.removed


# ---------------------------------------------------------------- rule_caption_copies


def test_a_caption_copying_a_body_sentence_goes() -> None:
    body = (
        "The harbor authority said Monday that another 2,500 passengers may have been "
        "affected by the ferry delays, bringing the total to 14,000."
    )
    caption = (
        "The harbor authority said Monday that another 2,500 passengers may have been "
        "affected by the ferry delays"
    )
    out, meta = run(rule_caption_copies, body, caption, BODY)
    assert out == [body, BODY]
    assert meta.removed == [("caption_copy", caption)]


def test_a_stopped_repeat_or_a_short_line_is_no_caption_copy() -> None:
    body = "The harbor authority said Monday that ferries would run again on Friday."
    out, _ = run(rule_caption_copies, body, "Ferries run again", BODY)
    assert out == [body, "Ferries run again", BODY]
    # a heading-free line that shares only a few words
    line = "The harbor authority closed the pier to visitors for the whole weekend"
    out, _ = run(rule_caption_copies, body, line)
    assert out == [body, line]


# ---------------------------------------------------------------- prompts and notes


def test_scroll_for_video_goes() -> None:
    out, _ = run(rule_related_links, BODY, "Scroll for video", BODY.replace("Tuesday", "Monday"))
    assert "Scroll for video" not in out


def test_a_transcript_notice_goes() -> None:
    note = (
        "Radio transcripts are created on a rush deadline by a contractor. This text may "
        "not be in its final form and may be updated or revised in the future."
    )
    out, meta = run(rule_page_notes, BODY, note)
    assert out == [BODY]
    assert meta.removed[0][0] == "page_note"


def test_the_rules_run_on_scraped_text_only_where_they_read_punctuation() -> None:
    raw = (
        "Minister quits\n"
        "Mr Hale, pictured with his wife at a gala in Leeds in 2015 The minister said he "
        "had done nothing wrong.\n"
        f"{BODY}"
    )
    scraped = clean_text(raw, scraped=True)
    assert scraped.text.startswith("The minister said he had done nothing wrong.")
    typed = clean_text(raw)
    assert typed.text.startswith("Mr Hale, pictured")


def test_a_page_that_is_only_a_messenger_prompt_has_no_text() -> None:
    from extractors.clean import rule_prompts

    out, meta = run(
        rule_prompts, "Chat with us in Facebook Messenger. Find out what's happening today."
    )
    assert out == []
    assert meta.removed[0][0] == "prompt"


@pytest.mark.parametrize(
    "note",
    [
        "Copyright 1995 - . All rights reserved. The content (including text, photos and "
        "video) published on this site belongs to the Harbor Daily Group. Without written "
        "permission it may not be republished or used in any form.",
        "Registration Number: 130349 Registration Number: 130349",
        "License for publishing multimedia online 0108263",
    ],
)
def test_a_sites_rights_and_licence_lines_go(note: str) -> None:
    out, _ = run(rule_page_notes, BODY, note)
    assert out == [BODY]


def test_a_sentence_with_a_number_and_a_licence_stays() -> None:
    para = "The harbor board granted 12 fishing licences to 200,000 residents last year."
    out, _ = run(rule_page_notes, para)
    assert out == [para]


def test_a_post_written_in_capitals_has_no_header() -> None:
    para = (
        "Fans mocked the slump online. TOTALLY NOT A BUBBLE IGNORE THE SMOKE "
        "pic.twitter.com/Zz99 — Harbor Coin (@HarborCoin) February 6, 2018 Prices rose later."
    )
    out, _ = run(rule_inline_posts, para)
    assert out == [
        "Fans mocked the slump online. TOTALLY NOT A BUBBLE IGNORE THE SMOKE Prices rose later."
    ]
