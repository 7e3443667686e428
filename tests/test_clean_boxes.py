"""Round 5 text rules on scraped plain text, on sentences written for the project: fact-box
headings run into their first sentence (and the box's caption after them), a page of
captions whose captions open with a stopped sentence, an agency's long file-photo
caption, the headline run into the first line, and what stays."""

from __future__ import annotations

from extractors.clean import Meta, clean_text, rule_box_headings, rule_unstopped_captions

BODY = "The defence ministers of South Korea and Japan met in Brussels on Thursday."
BODY2 = "They agreed to share more information about missile launches."
BODY3 = "Officials said the next meeting would be held in Seoul in the spring."


def run(rule, *paras: str) -> tuple[list[str], Meta]:
    meta = Meta()
    return rule(list(paras), meta), meta


def test_box_heading_goes_and_its_sentence_stays() -> None:
    out, meta = run(
        rule_box_headings,
        BODY,
        "WHAT THE PACT MEANS The agreement covers radar data and satellite images.",
        "WHY NOW? Both governments cite the launches of the past year.",
    )
    assert out == [
        BODY,
        "The agreement covers radar data and satellite images.",
        "Both governments cite the launches of the past year.",
    ]
    assert ("box_heading", "WHAT THE PACT MEANS") in meta.removed


def test_box_heading_with_a_colon_inside() -> None:
    out, _ = run(
        rule_box_headings, BODY, "A LONG ROAD: THE TALKS SINCE 2016 The first round failed."
    )
    assert out == [BODY, "The first round failed."]


def test_box_caption_after_the_heading_goes() -> None:
    out, meta = run(
        rule_box_headings,
        BODY,
        "THE OLD TREATY Two envoys (left) sign the first accord in a hall in Geneva "
        "The treaty lapsed after six years.",
    )
    assert out == [BODY, "The treaty lapsed after six years."]
    assert any(k == "box_caption" and v.startswith("Two envoys (left)") for k, v in meta.removed)


def test_box_text_with_no_caption_cue_stays_whole() -> None:
    out, _ = run(
        rule_box_headings,
        BODY,
        "FOR SEOUL TO JOIN... It must sign the pact and hopes Tokyo signs it in the spring.",
    )
    assert out == [BODY, "It must sign the pact and hopes Tokyo signs it in the spring."]


def test_capitals_that_are_no_box_heading_stay() -> None:
    paras = [
        "NOT CONTENT WITH TALKS Seoul has sent a delegation to Brussels.",  # a lede
        BODY,
        "SAN JOSE, Costa Rica — Investigators said on Monday the plane crashed.",
        "VIVIENNE ROE: Thank you for having me.",
        "DRIVER OF THE DAY: Max Power stole the show.",
        "PARTYGOERS in Seoul will see new rules.",
        "NATO leaders met in Vilnius.",
    ]
    out, meta = run(rule_box_headings, *paras)
    assert out == paras and not meta.removed


CAPTIONS = [
    "Ministers shake hands outside the alliance headquarters in Brussels on Thursday",
    "The Japanese delegation arrives at the summit venue in a convoy of cars",
    "Protesters hold up banners near the entrance to the conference hall",
]


def test_caption_page_takes_a_caption_that_opens_with_a_stopped_sentence() -> None:
    cap = "The two ministers met for an hour. They are seen walking to the press room after it"
    out, meta = run(rule_unstopped_captions, BODY, cap, BODY2, *CAPTIONS, BODY3)
    assert out == [BODY, BODY2, BODY3]
    assert ("unstopped_caption", cap) in meta.removed


def test_outside_a_caption_page_only_the_trailing_caption_goes() -> None:
    out, _ = run(
        rule_unstopped_captions,
        BODY,
        "The two ministers met for an hour. They are seen walking to the press room after it",
        BODY2,
    )
    assert out == [BODY, "The two ministers met for an hour.", BODY2]


def test_a_lone_unstopped_report_is_body_outside_a_caption_page() -> None:
    report = "The government said in May it was committed to the talks with its neighbours"
    out, _ = run(rule_unstopped_captions, BODY, report, BODY2, CAPTIONS[0])
    assert report in out


def test_file_photo_caption_of_an_agency_goes_whole() -> None:
    caption = (
        "FILE - In this Sept. 30, 2016, file photo, the defence minister speaks to "
        "reporters in Seoul. " + " ".join([BODY, BODY2] * 4) + " (AP Photo/Jane Roe, File)"
    )
    assert 80 < len(caption.split()) <= 160
    text = "\n".join([BODY3, caption, BODY2])
    out = clean_text(text, title="Ministers meet", scraped=True)
    assert out.text.split("\n") == [BODY3, BODY2]


def test_headline_run_into_the_first_line_goes() -> None:
    title = "Ministers agree to share missile data"
    raw = f"{title} Updated: 2016-07-15 13:14\n{BODY}\n{BODY2}"
    out = clean_text(raw, title=title, scraped=True)
    assert out.text.split("\n") == [BODY, BODY2]
    raw = f"{title} Image Two ministers shake hands in Brussels on Thursday\n{BODY}\n{BODY2}"
    assert not clean_text(raw, title=title, scraped=True).text.startswith(title)


def test_iframe_notice_and_print_page_footer_go() -> None:
    raw = "\n".join(
        [BODY, "Your browser does not support iframes.", BODY2, "(Seoul Daily 07/15/2016 page1)"]
    )
    assert clean_text(raw, title="Ministers meet", scraped=True).text.split("\n") == [BODY, BODY2]
