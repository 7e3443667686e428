"""Key points, round 6 second pass: classes from the round-6 held-out read (review6
classes 9-11); sentences written for the project."""

from __future__ import annotations

import pytest

from extractors.keypoints import leans_back, unfit_point


@pytest.mark.parametrize(
    "sentence",
    [
        # thanks, the room addressed, the schedule previewed
        "Thank you to Senators Park and Lee and Representative Cho for their leadership.",
        "I want to thank the harbour master and the crane crews of Pusan.",
        "Today, you are a certified crane driver of the port of Pusan.",
        "Think about this for a moment — the size of the new quay.",
        "The minister is going to have a very busy week in the port.",
        # bullets with no subject
        "Coordinate the ministry's response to storms that may close the port of Pusan.",
        "Make changes, if needed, to port rules so that crews can work at night.",
        # a timeline's label, a bullet or a heading's name glued into the text
        "Lap 12 The leading car spins off at the second bend of the harbour circuit.",
        "The fund will support crane crews across the region. - Quay Challenge: The program "
        "will train new drivers.",
        "Nominee for Harbour Master of Pusan: Capt. Min Jun Park Capt. Min Jun Park currently "
        "serves as the deputy master of the port of Incheon.",
        # a caption's marker, two sentences run together at "As"
        "The minister blamed the storm for the delay Park (pictured) said the quay would open.",
        "The crew had no idea where the crane was As they were about four metres from the quay.",
    ],
)
def test_unfit_as_a_key_point(sentence: str) -> None:
    assert unfit_point(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Thanks to the new cranes, the port of Pusan handled 5 million containers in May.",
        "Support for the new quay grew among the crane crews of Pusan in May.",
        "Increase in container traffic reached 5% at the port of Pusan in May.",
        "The minister told the crews, you said the quay would open, and it did.",
        "The port authority will build a second quay in Pusan by 2028.",
        "Lap times at the harbour circuit fell by two seconds on Sunday.",
    ],
)
def test_readable_sentences_stay_fit(sentence: str) -> None:
    assert not unfit_point(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "At one point, the Brit had a lead of 20 seconds over his rival.",
        "The sensational Dutch driver made a string of overtakes on the harbour circuit.",
        "The pro-EU company said it would move its headquarters to Pusan.",
    ],
)
def test_epithets_lean_back(sentence: str) -> None:
    assert leans_back(sentence)


def test_epithets_with_a_name_do_not_lean() -> None:
    assert not leans_back("The Dutch driver Max Verstappen made a string of overtakes.")
    assert not leans_back("The shipping company Hanjin said it would move to Pusan.")
    assert not leans_back("The company says its new cranes will be ready by Jan. 31.")


def test_an_embedded_post_run_into_the_text_is_no_key_point():
    # a reader's post and the brand's reply, quoted with their handles and no attribution
    assert unfit_point(
        "Why is there a gap between the peaks? @BarFans Hi Sam, this is our smaller bar."
    )
    assert unfit_point("Worst thing about the vote is the smaller bar #chocolate#vote for sure.")
    # attributed to its writer, or an e-mail address: a sentence like any other
    assert not unfit_point("An aide tweeted: the talks with @SeoulMission were cordial today.")
    assert not unfit_point("Questions go to press@example.org before noon on Friday.")
