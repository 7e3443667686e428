"""Agency text through ``clean_text(scraped=True)`` (round 6, second pass), on sentences
written for the project in the style of a state agency's items: the end-of-item mark
("-0-") goes and the paragraph it closed stays; quotations inside a sentence (quoted
titles, slogans) and the letter "A" ("from A to Z", "Group A") are no caption starts;
paragraphs that merely open alike ("The chairman of the ...") are no photo gallery."""

from __future__ import annotations

from extractors.clean import clean_text

TITLE = "Harbor Festival Held"


def body(*paras: str) -> list[str]:
    return clean_text("\n".join(paras), title=TITLE, scraped=True).text.split("\n")


def test_the_end_mark_goes_and_its_paragraph_stays() -> None:
    last = (
        "Meanwhile, a rally was held outside the ferry office in the port with the attendance "
        "of dock workers and their families on the occasion of the festival. -0-"
    )
    out = body("Harbor City, May 3 (HNA) -- A festival was held in the port on Friday.", last)
    assert out[-1] == last.removesuffix(" -0-")


def test_a_quoted_title_is_no_caption_start() -> None:
    para = (
        "Harbor City, May 3 (HNA) -- Following is the full text of an article "
        '"Storms at sea can never be ignored" issued by a port commentator on Friday:'
    )
    sung = (
        "At noon sharp, a bell rang and the songs "
        '"Song of the Sea Gate" and "Let Us Love This Harbor" resounded over the quay.'
    )
    letters = 'On the ribbon of the wreath were letters reading "Eternal Glory to the Pilots".'
    assert body(para, sung, letters) == [para, sung, letters]


def test_the_letter_a_is_no_sentence_opener() -> None:
    paras = [
        "The port board said its plan for the quay is wrong from A to Z.",
        "The harbor team in Group A drew 2:2 with the ferry team in the first match.",
    ]
    assert body(*paras) == paras


def test_paragraphs_opening_alike_are_no_gallery() -> None:
    paras = [
        "Meetings were held in three ports to mark the founding day of the pilots' union.",
        "The chairman of the Dol-Harbor Friendship Association praised the pilots' courage.",
        "The chairman of the Cape-Sun Friendship Association said the union was the oldest.",
        "The chairman of the North-Quay Friendship Association called for more ferries.",
    ]
    assert body(*paras) == paras


def test_a_caption_run_into_a_sentence_still_goes() -> None:
    out = body(
        "The ferry crossed the bay in record time on Monday, the port board said.",
        "Crowds gathered on the quay at dawn The ferry left the port at six and reached the "
        "island before noon, officials said.",
    )
    assert out[-1].startswith("The ferry left the port at six")


def test_a_space_goes_back_after_a_full_stop() -> None:
    from extractors.clean import space_after_stop

    assert (
        space_after_stop("Dr. Lee is a biochemist.The company said she starts in May.")
        == "Dr. Lee is a biochemist. The company said she starts in May."
    )
    for keep in (
        "See https://harbor.example.org/news.Story for more.",
        "Write to pilot.Lee@harbor.example.org today.",
        "The U.S.Navy and the port met.",
        "Open the file report.Final.pdf first.",
        "Fares rose 3.5 percent.",
        "Dr.Lee spoke first.",
    ):
        assert space_after_stop(keep) == keep, keep
    out = clean_text("The ferry left at six.It reached the island by noon.", scraped=True)
    assert "six. It reached" in out.text or "six. It reached" in out.title


def test_publisher_tails_go() -> None:
    """Reuters staff credits run on, AP's "___ Online:" links, "Most Read" lists."""
    reuters = clean_text(
        "The harbor bank raised its rates on Tuesday, officials said.\n"
        "It was the third rise this year, the bank said. (Writing by Ann Lee; Editing by Bo Kim)",
        title="Harbor bank raises rates",
        scraped=True,
    )
    assert reuters.text.endswith("the bank said.")
    assert "Writing by Ann Lee; Editing by Bo Kim" in reuters.credits
    ap = clean_text(
        "The storm reached the harbor on Monday, officials said.\n"
        "Thousands of homes lost power, the utility said.\n___\nOnline:\n"
        "Harbor Weather Office: https://weather.harbor.example.org",
        title="Storm reaches harbor",
        scraped=True,
    )
    assert ap.text.split("\n")[-1] == "Thousands of homes lost power, the utility said."
    most = clean_text(
        "The storm reached the harbor on Monday, officials said.\n"
        "Thousands of homes lost power, the utility said.\nMost Read\n"
        "Ten things to do in the harbor this week\nFerry timetable changes for the summer",
        title="Storm reaches harbor",
        scraped=True,
    )
    assert most.text.split("\n")[-1] == "Thousands of homes lost power, the utility said."
