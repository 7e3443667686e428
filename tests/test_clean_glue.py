"""Run-together words around names (state-media scrapes): ``clean.unglue`` and its use in
``clean_text`` / ``clean_html``. Texts written for the project."""

from __future__ import annotations

import pytest

from extractors.clean import clean_html, clean_text, text_words, unglue

GLUED = [
    (
        "The respected ComradeKim Jong Unsent greetings.",
        "The respected Comrade Kim Jong Un sent greetings.",
    ),
    (
        "Flowers were laid by H.E.Kim Jong Unwho arrived.",
        "Flowers were laid by H.E. Kim Jong Un who arrived.",
    ),
    ("In 1950 Kim Il Sungled the delegation.", "In 1950 Kim Il Sung led the delegation."),
    ("A letter sent toKim Jong Unon Monday.", "A letter sent to Kim Jong Un on Monday."),
    (
        "Statues of PresidentKim Il SungandKim Jong Il stand there.",
        "Statues of President Kim Il Sung and Kim Jong Il stand there.",
    ),
    ("Students of Kim Il SungUniversity met.", "Students of Kim Il Sung University met."),
    (
        "Pyongyang, May 2 (KCNA) --Kim Jong Uninspected a farm.",
        "Pyongyang, May 2 (KCNA) -- Kim Jong Un inspected a farm.",
    ),
    (
        "At the ceremony,Kim Jong Unguided the drill.",
        "At the ceremony, Kim Jong Un guided the drill.",
    ),
    (
        "WhenKim Yo Jongsaid so, HEKim Song Nam listened.",
        "When Kim Yo Jong said so, HE Kim Song Nam listened.",
    ),
    (
        "ChairmanKim Jong Ilvisited the plant in 1998.",
        "Chairman Kim Jong Il visited the plant in 1998.",
    ),
]


@pytest.mark.parametrize(("raw", "want"), GLUED)
def test_unglue_repairs_names(raw: str, want: str) -> None:
    assert unglue(raw) == want


WHOLE = [
    "McDonald's sales rose while DeSantis spoke to JoongAng Ilbo on YouTube.",
    "LeBron posted on WhatsApp from his iPhone; eBay and PlayStation shares fell.",
    "A tweet by @realDonaldTrump, and deVere Group's note; 40 kWh of mRNA storage.",
    "Photo: Kim Kyung Hoon / Reuters. The Hong Kong Human Rights Monitor said so.",
    "Lee Jae Myung met Yoon Suk Yeol; Choe Son Hui and Kim Yo Jong spoke; Ri Il Hwan too.",
    "The MacBook and McConnell's TheStreet interview: SoftBank, HuffPost, WikiLeaks.",
    "See linkedin.com/feed/update/urn?updateEntityUrn=urn and example.org/?viewId=Abc&fooBar.",
]


@pytest.mark.parametrize("text", WHOLE)
def test_unglue_leaves_names_and_brands_whole(text: str) -> None:
    assert unglue(text) == text


def test_unglue_is_idempotent_and_only_adds_spaces() -> None:
    for raw, _ in GLUED:
        once = unglue(raw)
        assert unglue(once) == once
        assert once.replace(" ", "") == raw.replace(" ", "")


def test_unglue_reads_the_articles_words() -> None:
    # "ushered" is in no built-in list; the article writes it, so the split is known
    text = "Kim Jong Unushered in the year."
    assert unglue(text, text_words("They ushered guests. " + text)) == (
        "Kim Jong Un ushered in the year."
    )


def test_clean_text_unglues_body_and_title() -> None:
    raw = (
        "Pyongyang, July 3 (KCNA) -- The respected ComradeKim Jong Unvisited a new hospital "
        "in the capital on Tuesday.\nHe was accompanied by officials ofPyongyang City.\n"
    )
    out = clean_text(raw, title="ComradeKim Jong Unvisits Hospital")
    assert out.title == "Comrade Kim Jong Un visits Hospital"
    assert "The respected Comrade Kim Jong Un visited a new hospital" in out.text
    assert "officials of Pyongyang City" in out.text


def test_clean_html_unglues_the_page() -> None:
    body = " ".join(["The delegation toured the plant and met the workers there."] * 3)
    page = (
        "<html><head><title>Delegation visits plant</title></head><body><article>"
        "<h1>Delegation visits plant</h1>"
        "<p>Pyongyang, July 3 (KCNA) -- A delegation sent byKim Jong Unarrived on Monday. "
        f"{body}</p>"
        f"<p>{body}</p></article></body></html>"
    )
    out = clean_html(page, url="http://example.org/a")
    assert "sent by Kim Jong Un arrived on Monday" in out.text
