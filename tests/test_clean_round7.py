"""Round 7 cleaning rules: HTML left in Markdown, legal numbering, link instructions, glued
headings and captions. Golden texts written for the project (facts invented or public)."""

from __future__ import annotations

from extractors.clean import (
    Meta,
    clean_html,
    clean_text,
    rule_legal_numbering,
    rule_link_instructions,
    rule_numbered_paragraphs,
)
from extractors.files import parse_markdown, strip_html

FRONT = '---\ntitle: "A Clean Energy Update"\ndate: 2024-07-01\n---\n\n'

# ---------------------------------------------------------------- HTML left in Markdown

HTML_MD = (
    FRONT + "*Jane Roe, Chief Economist, Council of Advisers*\n\n"
    "According to the latest outlook\n"
    'forecast<a href="#_ftn1" id="_ftnref1">[1]</a> the country will have\n'
    "about 340 gigawatts of solar capacity by 2030 (Figure 3).<a\n"
    'href="#_ftn2" id="_ftnref2">[2]</a> Installed capacity has doubled.\n\n'
    "<figure>\n<img\n"
    'src="https://example.org/uploads/chart.png"\n'
    'class="wp-image-1" width="1050" height="675" />\n'
    "</figure>\n\n"
    "<!-- -->\n\n"
    '<span id="_msocom_1"></span>Storage capacity grew&nbsp;fast, and the agency\n'
    "[reported](https://example.org/report_(final)) a record year at\n"
    "<https://example.org/data>.\n\n"
    "[](https://example.org/empty)\n"
    "Wind capacity rose by a third over the same period.\n\n"
    "------------------------------------------------------------------------\n\n"
    '<a href="#_ftnref1" id="_ftn1">[1]</a> The forecast uses assumptions\n'
    "frozen in November.\n\n"
    '<a href="#_ftnref2" id="_ftn2">[2]</a> This excludes rooftop solar.\n'
)


def test_html_in_markdown_never_reaches_the_text():
    c = parse_markdown(HTML_MD, "update.md")
    for leak in ("<", ">", "href", "[1]", "[2]", "figure", "&nbsp;", "_ftn", "----", "(final)"):
        assert leak not in c.text, leak
    assert (
        "According to the latest outlook forecast the country will have about 340 gigawatts"
        in c.text
    )
    assert "(Figure 3). Installed capacity has doubled." in c.text
    assert "Storage capacity grew fast, and the agency reported a record year at" in c.text
    assert "https://example.org/data." in c.text  # an autolink keeps its address


def test_footnote_bodies_are_not_body_text():
    c = parse_markdown(HTML_MD, "update.md")
    assert "assumptions frozen" not in c.text and "rooftop" not in c.text
    kinds = [k for k, _ in c.removed]
    assert kinds.count("footnote") == 4  # two anchors, two bodies
    assert "html_markup" in kinds


def test_a_removed_tag_does_not_split_its_paragraph():
    c = parse_markdown(HTML_MD, "update.md")
    lines = c.text.split("\n")
    assert "Wind capacity rose by a third over the same period." in lines


def test_emphasised_byline_is_the_author():
    c = parse_markdown(HTML_MD, "update.md")
    assert "Jane Roe" not in c.text
    assert c.author == "Jane Roe"
    assert ("byline", "Jane Roe, Chief Economist, Council of Advisers") in c.removed


def test_strip_html_leaves_plain_markdown_alone():
    md = "A sentence with **bold** and a [link](https://example.org) — 3 < 4 & 5 > 2.\n"
    assert strip_html(md) == md


def test_dash_glued_to_a_list_item_is_an_item():
    md = (
        FRONT + "Following are major news items:\n"
        "- Officials vowed to carry out the tasks set forth on the national day.\n"
        "-Kim Jong Un received messages of greeting from the president of Belarus.\n"
        "- Rice harvesting began across the country.\n"
    )
    c = parse_markdown(md, "review.md")
    lines = c.text.split("\n")
    assert "- Kim Jong Un received messages of greeting from the president of Belarus." in lines
    assert not any("national day. -Kim" in ln or "-Kim" in ln for ln in lines)


# ---------------------------------------------------------------- legal numbering

ORDER = [
    "By the authority vested in me as President, I hereby order as follows:",
    "Section 1. (a) I hereby delegate to the Attorney General the functions vested in the "
    "President by section 2 of the Act.",
    "(b) In exercising the authorities delegated in subsection (a) of this section, the "
    "Attorney General may consult the heads of other agencies.",
    "Sec. 2. Establishment of Emergency Board (Board). There is established a Board "
    "composed of a chair and two other members.",
    "Sec. 3. Report.",
    "Sec. 4. General Provisions. (a) Nothing in this memorandum shall be construed to "
    "impair the authority of an agency.",
    "(i) to the Secretary of State, section 1333 of the Act;",
    "Sec. 5. The Attorney General is authorized and directed to publish this memorandum.",
    "9. Accordingly, the duty rate shall be increased to 50 percent.",
    "- (c) The Secretary shall report within 90 days.",
    "Section 202(d) of the National Emergencies Act provides for the automatic termination.",
    "(CNN) The talks ended on Tuesday.",
]


def test_enumerators_and_headings_do_not_lead_the_sentence():
    meta = Meta()
    out = rule_legal_numbering(list(ORDER), meta)
    assert out == [
        ORDER[0],
        "I hereby delegate to the Attorney General the functions vested in the President by "
        "section 2 of the Act.",
        "In exercising the authorities delegated in subsection (a) of this section, the "
        "Attorney General may consult the heads of other agencies.",
        "There is established a Board composed of a chair and two other members.",
        "Nothing in this memorandum shall be construed to impair the authority of an agency.",
        "to the Secretary of State, section 1333 of the Act;",
        "The Attorney General is authorized and directed to publish this memorandum.",
        ORDER[8],  # a bare number is left to rule_numbered_paragraphs (text only)
        "- The Secretary shall report within 90 days.",
        ORDER[10],
        ORDER[11],
    ]
    removed = [t for k, t in meta.removed if k == "legal_number"]
    assert "Sec. 2. Establishment of Emergency Board (Board)." in removed
    assert "Sec. 3. Report." in removed
    assert "Sec. 4. General Provisions. (a)" in removed


def test_numbered_paragraphs_lose_the_number_in_text_only():
    paras = [
        "9. Accordingly, the duty rate shall be increased to 50 percent.",
        "- 2. The Secretary shall report.",
        "1783. The treaty was signed in Paris.",
        "3.5 million people voted.",
    ]
    out = rule_numbered_paragraphs(list(paras), Meta())
    assert out == [
        "Accordingly, the duty rate shall be increased to 50 percent.",
        "- The Secretary shall report.",
        paras[2],
        paras[3],
    ]
    body = " ".join(["The guide lists the steps one by one for readers who are new."] * 3)
    page = (
        "<html><body><article><h1>Five steps</h1>"
        f"<p>{body}</p><p>1. Keep the receipt until the refund has been paid in full.</p>"
        f"<p>{body}</p></article></body></html>"
    )
    assert "1. Keep the receipt" in clean_html(page).text  # a web page keeps its list


def test_legal_numbering_in_a_markdown_order():
    md = FRONT + "\n\n".join(
        "     " + p.replace("Section 1. (a)", "Section 1.\xa0 (a)\xa0") for p in ORDER[:4]
    )
    c = parse_markdown(md, "order.md")
    assert "There is established a Board composed of a chair and two other members." in c.text
    assert "Sec." not in c.text and "Section 1" not in c.text and "(b)" not in c.text


# ---------------------------------------------------------------- link instructions


def test_link_instructions_go_and_their_paragraph_stays():
    paras = [
        "Today the White House released visitor log records generated in March 2024.",
        "These records were posted under the disclosure policy. To view visitor log "
        "records, view our disclosure page.",
        "Details of our actions can be found at whitehouse.gov/formula.",
        "For more information, visit https://example.gov/jobs.",
        "Read the full strategy here",
        "The order, a summary of which can be found here, raises standards for the police.",
        "The board can be found at the end of the hall, officials said.",
        "Visitors to the museum can see the exhibit until May.",
    ]
    meta = Meta()
    out = rule_link_instructions(list(paras), meta)
    assert out == [
        paras[0],
        "These records were posted under the disclosure policy.",
        paras[5],
        paras[6],
        paras[7],
    ]
    assert [k for k, _ in meta.removed] == ["link_instruction"] * 4


def test_link_instruction_in_clean_text():
    c = clean_text(
        "Visitor records\nThe White House released visitor log records today.\n"
        "To view visitor log records, view our disclosure page.\n"
    )
    assert c.text == "The White House released visitor log records today."


# ---------------------------------------------------------------- glued captions and headings
# (news-please text: scraped=True)


def scraped(text: str) -> str:
    return clean_text(text, title="A headline for the test", scraped=True).text


def test_a_run_of_kicker_captions_goes_and_the_body_around_it_stays():
    text = (
        "The president-elect flew to Washington on Thursday for his first meeting with the "
        "president. Farewell from home: Two fire engines sprayed water as the plane taxied "
        "at the airport Goodbye Manhattan: The motorcade swept out of the tower just after "
        "nine On board: The president-elect climbed the rear stairs with his wife ahead of "
        "him. His running mate is also on the trip First lady in waiting steps out: She "
        "left the car as she prepared to board the plane. The two men spoke for ninety "
        "minutes in the Oval Office, aides said."
    )
    out = scraped(text)
    assert out == (
        "The president-elect flew to Washington on Thursday for his first meeting with the "
        "president. The two men spoke for ninety minutes in the Oval Office, aides said."
    )


def test_two_kickers_or_reported_speech_are_no_caption_run():
    text = (
        "The minister spoke at length. He said: The plan is ready. Asked about costs, she "
        "replied: We will publish them. The timetable: Work starts in May and ends in "
        "June, officials said."
    )
    assert scraped(text) == text


def test_a_heading_glued_to_a_scene_participle_goes():
    text = (
        'The singer urged her fans to vote at a rally in North Carolina. "We want you to '
        'stand up," she said. Singer campaigns for Clinton Addressing Trump she said: "We '
        'are stronger together."'
    )
    out = scraped(text)
    assert "Singer campaigns for Clinton" not in out
    assert 'Addressing Trump she said: "We are stronger together."' in out


def test_names_with_participles_are_not_headings():
    text = (
        "At least eight current or former members of China's Politburo Standing Committee "
        "have been implicated, the consortium said. The finance minister told the BBC's "
        "Talking Business programme that growth would slow."
    )
    assert scraped(text) == text


def test_two_sentences_glued_before_one_of_the_greatest_are_split():
    text = (
        "The Cubs were 3-1 down in the series but came back after a rain delay to clinch "
        "the World Series One of the greatest sports stories can now be written. At long "
        "last, the Cubs are champions."
    )
    out = scraped(text).split("\n")
    assert out == [
        "The Cubs were 3-1 down in the series but came back after a rain delay to clinch "
        "the World Series",
        "One of the greatest sports stories can now be written. At long last, the Cubs are "
        "champions.",
    ]


def test_game_one_of_the_series_is_not_split():
    text = (
        "The pitcher started Game One of the best series in years and struck out eleven "
        "batters before the rain came."
    )
    assert scraped(text) == text
