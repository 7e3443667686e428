"""Key points, round 6: classes found on the round-6 set (sentences written for the project)."""

from __future__ import annotations

import pytest

from extractors import keypoints
from extractors.keypoints import key_points, leans_back, unfit_point, without_related
from extractors.models import Article


@pytest.mark.parametrize(
    "sentence",
    [
        # greetings and slogans
        "Hello, everyone, and welcome to the harbour office in Pusan!",
        "Let us all turn out as one for the harbour and its brave crews!",
        # a quotation with no speaker: its start, or its end
        "\u201cI think the cranes were in quite a safe position on the quay before the storm.",
        '"We did not expect the storm to close the quay for two whole days.',
        "I knew the crews were good, but they proved again what they can do.\u201d",
        'The crane crews have shown everyone what they can do with little time."',
        # a speaker named only by a description
        'I nearly hit the quay wall, I could not see anything," added the veteran crane driver.',
        # a gallery caption's date, a handle or heading in capitals
        "Nov. 2, 2026 The crane crews celebrate after reopening the quay in Pusan.",
        "HARBOURWATCH Emergency crews have reached the quay after the storm.",
        "TIMELINE Day 2 The port authority closes the second quay for repairs.",
        # a release's housekeeping
        "Additional details on the minister's visits to the port will be forthcoming.",
        # a fact sheet's bullet with no subject
        "Investing $1.5 billion in new cranes for the ports of Pusan and Incheon.",
        # a teaser run into the sentence
        "The crews were two days behind but reopened the quay One of the best port stories.",
    ],
)
def test_unfit_as_a_key_point(sentence: str) -> None:
    assert unfit_point(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The port authority reopened the quay in Pusan on Monday after two days of repairs.",
        "\u201cThe cranes are safe again,\u201d port spokesman Min-jun Park said on Monday.",
        '"We will reopen the quay on Monday," the port authority said in a statement.',
        "Looks rushed, could have waited a day and kept the old quay,\u201d one driver wrote.",
        "Speaking on Monday, the harbour master said the cranes would work by Friday.",
        "Investing in new cranes is the port authority's first priority this year.",
        "NATO Secretary General Mark Rutte visited the port of Pusan on Monday.",
        "\u201cThe quay is open,\u201d said the harbour master of Pusan, Kim Min-jun.",
        "\u201cThe quay is open again,\u201d said the President.",
        "DPRK media said the harbour in Nampho was repaired in a short span of time.",
        "The vote — a close one — kept the harbour plan alive for another year.",
        "The only way is for the council — is for the council to pass a harbour law.",
    ],
)
def test_readable_sentences_stay_fit(sentence: str) -> None:
    assert not unfit_point(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "To do so, the port is committed to new cranes at every quay.",
        "Even then, in many ports, old rules kept crews off the quays.",
        "Equally pleased was the harbour master, the port's longest-serving officer.",
        "There is no better way to do that than hiring crews from the city.",
        "Strangely, though, that person who wrote the rules seems to have forgotten them.",
        "Speakers there called for the quay to stay open through the winter.",
    ],
)
def test_more_openers_lean_back(sentence: str) -> None:
    assert leans_back(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "There is a plan to reopen the quay on Monday, the port authority said.",
        "Crews did not do the repairs until the storm had passed over Pusan.",
        "The port authority said there were no injuries at the quay.",
        "Equal pay for crane crews was agreed by the port authority on Monday.",
    ],
)
def test_sentences_with_their_referent_do_not_lean(sentence: str) -> None:
    assert not leans_back(sentence)


def test_a_bracketed_related_headline_is_trimmed_and_the_sentence_kept() -> None:
    text = (
        "[Read it: Pusan port reopens its quay after the storm] With the quay open, crews returned."
    )
    assert without_related(text) == "With the quay open, crews returned."
    assert without_related("[The minister] said the quay would open.") == (
        "[The minister] said the quay would open."
    )
    art = Article(
        source="a",
        title="Pusan port reopens",
        text=(
            "The port of Pusan reopened its main quay on Monday after two days of storm repairs.\n"
            "[Read it: Pusan port reopens its quay after the storm] With the quay open again, "
            "crane crews in Pusan returned to work on the container ships on Monday.\n"
            "Welcome back to the port, everyone!"
        ),
    )
    texts = [k.text for k in key_points([art], limit=5)]
    assert any(t.startswith("With the quay open again") for t in texts)
    assert not any("[" in t or t.endswith("!") for t in texts)


def test_an_unfit_sentence_leaves_room_for_the_next_good_one() -> None:
    art = Article(
        source="a",
        title="Pusan port reopens its quay",
        text=(
            "The port of Pusan reopened its main quay on Monday after two days of storm repairs.\n"
            "Hello, everyone, and welcome to the reopened quay of the port of Pusan!\n"
            "Additional details on the reopened quay of the port of Pusan will be forthcoming.\n"
            "The port authority said the quay would handle all container traffic from Tuesday.\n"
            "Crane crews in Pusan worked through the night to repair the storm damage to the quay."
        ),
    )
    texts = [k.text for k in key_points([art], limit=3)]
    assert len(texts) == 3
    assert not any(keypoints.unfit_point(t) for t in texts)


def test_a_dangling_sentence_is_not_joined_to_an_unfit_one() -> None:
    art = Article(
        source="a",
        title="Pusan port crews",
        text=(
            "Let us all turn out as one for the harbour and its brave crane crews! "
            "This is the call resounding on every quay of the port of Pusan."
        ),
    )
    base = keypoints.candidates([art])
    cands, joined = keypoints.with_referents(base, keypoints.leans_back, unfit_point)
    assert joined == set() and not cands[1].eligible
    _, joined_plain = keypoints.with_referents(base, keypoints.leans_back)
    assert joined_plain == {1}
