"""Key points, round 7: news, not slogans or room talk; dangling referents read from the
parse; an order's standing clauses, link instructions and unvoiced first-person messages
are no points. Sentences and articles written for the project."""

from __future__ import annotations

import pytest

from extractors.keypoints import (
    key_points,
    parsed_dangling,
    parses,
    states_nothing,
    unfit_point,
)
from extractors.models import Article

needs_model = pytest.mark.skipif(not parses(["A test."]), reason="spaCy model not installed")


@pytest.mark.parametrize(
    "sentence",
    [
        "The Port Board shall perform its functions subject to the availability of funds.",
        "The records and files of the Port Board are records of the Office of the President.",
        "This order is not intended to, and does not, create any right or benefit.",
        "Nothing in this order shall be construed to impair the authority of any agency.",
        "To view the port's crane records, view our disclosure page.",
        "Click here to watch the harbour master's remarks online.",
    ],
)
def test_boilerplate_and_link_instructions_are_unfit(sentence: str) -> None:
    assert unfit_point(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The Port Board will report to the President within 30 days of its creation.",
        "The ministry said funds for the second quay of Pusan were approved on Monday.",
        "Visitors to the port of Pusan rose by 12 percent in May.",
    ],
)
def test_orders_and_facts_stay_fit(sentence: str) -> None:
    assert not unfit_point(sentence)


@needs_model
@pytest.mark.parametrize(
    "sentence",
    [
        "The harbour is an idea — an idea stronger than any storm, bigger than any sea.",
        "The minister remains focused on fighting for the crane crews.",
        "The threats to the port are real.",
        "The country is going to have to choose between hope and fear.",
    ],
)
def test_slogans_state_nothing(sentence: str) -> None:
    assert states_nothing(parses([sentence])[sentence])


@needs_model
@pytest.mark.parametrize(
    "sentence",
    [
        "I've decided the best way forward is to pass the quay to a new crew.",
        "The minister signed the port agreement with Japan in Pusan.",
        "The port is 300 years old this year.",
        "The harbour master will visit Incheon on March 3.",
    ],
)
def test_acts_numbers_and_dates_state_news(sentence: str) -> None:
    assert not states_nothing(parses([sentence])[sentence])


@needs_model
@pytest.mark.parametrize(
    "sentence",
    [
        "In 2014, Governor Min Jun Park appointed her to the Port Boards 12 and 13.",
        "A member of the Board of the Pusan Port Academy, she is a past chair of its fund.",
        "Now the man who sent that crew to the quay is asking for the harbour again.",
    ],
)
def test_parsed_dangling(sentence: str) -> None:
    assert parsed_dangling(parses([sentence])[sentence])


@needs_model
@pytest.mark.parametrize(
    "sentence",
    [
        "Governor Min Jun Park said she would open the second quay of Pusan in May.",
        "When Min Jun Park arrived in Pusan, she opened the second quay.",
        "The harbour master met the crane crews of Pusan this week.",
    ],
)
def test_parsed_not_dangling(sentence: str) -> None:
    assert not parsed_dangling(parses([sentence])[sentence])


def _article(paragraphs: list[str], title: str) -> Article:
    return Article(
        source="fixture/port.md", title=title, text="\n\n".join(paragraphs), url="", outlet="Port"
    )


@needs_model
def test_a_statement_gives_its_news_not_its_slogans() -> None:
    art = _article(
        [
            "Statement from the Harbour Master on the Second Quay of Pusan.",
            "We are proud of our port. The harbour is an idea stronger than any storm. "
            "Our crews remain focused on the future. The threats to the port are real.",
            "Today I signed the order that opens the second quay of Pusan on March 3, "
            "with 40 new cranes bought from Japan.",
            "We believe in the crews of Pusan, and we always will.",
        ],
        "Statement on the Second Quay of Pusan",
    )
    texts = [k.text for k in key_points([art])]
    assert any("second quay of Pusan on March 3" in t for t in texts)
    assert not any("idea stronger than any storm" in t for t in texts)
    assert not any("threats to the port are real" in t for t in texts)


def test_unvoiced_first_person_in_a_third_person_item() -> None:
    art = _article(
        [
            "The chairman of the Pusan Port Union sent a message of greetings to the "
            "harbour master on the port's anniversary on Monday.",
            "The message expressed thanks to the crews of the port for their work in May.",
            "The union held a meeting of 300 crane drivers in Pusan on Sunday.",
            "The meeting elected a new committee of 12 members for the harbour.",
            "I am sure that our two ports can cope with the storms only when they work together.",
            "The harbour master received the message at the port office on Monday.",
        ],
        "Message of Greetings to the Harbour Master",
    )
    texts = [k.text for k in key_points([art])]
    assert texts and not any(t.startswith("I am sure") for t in texts)
