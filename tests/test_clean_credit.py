"""``clean.rule_credit_lead``: an agency's or a newspaper's credit opening a sentence
("(Reuters) - ", "WASHINGTON (AP) — ", "(CNN)", "(The Washington Post) ") is cut in
cleaning, so key points, entities and summaries never see it. Sentences written for the
project; the golden page in ``tests/data/clean_credit/``."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractors.clean import Meta, clean_html, clean_text, rule_credit_lead
from extractors.models import Article
from extractors.summary import summarise_story

DATA = Path(__file__).parent / "data" / "clean_credit"


def run(*paras: str) -> tuple[list[str], Meta]:
    meta = Meta()
    return rule_credit_lead(list(paras), meta), meta


@pytest.mark.parametrize(
    ("para", "credit"),
    [
        ("(Reuters) - The mayor met the governor on Thursday.", "Reuters"),
        ("(Reuters) The mayor met the governor on Thursday.", "Reuters"),
        ("WASHINGTON (AP) — The mayor met the governor on Thursday.", "AP"),
        ("Busan, South Korea (AFP) -- The mayor met the governor on Thursday.", "AFP"),
        ("(CNN) The mayor met the governor on Thursday.", "CNN"),
        ("(CNN)The mayor met the governor on Thursday.", "CNN"),
        ("(The Harbor Post) The mayor met the governor on Thursday.", "The Harbor Post"),
        ("(The Washington Post) The mayor met the governor on Thursday.", "The Washington Post"),
    ],
)
def test_a_credit_opening_the_paragraph_goes(para: str, credit: str) -> None:
    out, meta = run(para)
    assert out == ["The mayor met the governor on Thursday."]
    assert meta.credits == [credit]
    assert meta.removed[0][0] == "credit_lead"


def test_a_credit_opening_a_later_sentence_goes() -> None:
    out, _ = run("Ships waited outside the port. (Reuters) - The union said talks would resume.")
    assert out == ["Ships waited outside the port. The union said talks would resume."]


@pytest.mark.parametrize(
    "para",
    [
        # a dated dateline is the key points' and the summary's to read
        "SEOUL, Nov. 20 (Yonhap) -- The mayor met the governor on Thursday.",
        "Pyongyang, May 2 (KCNA) -- The mayor met the governor on Thursday.",
        # a stage direction, an aside in brackets, a credit inside a sentence
        "(Applause.) The mayor thanked the crowd on Thursday.",
        "(Laughter) The mayor thanked the crowd on Thursday.",
        "The mayor told Reuters (Reuters) on Thursday that he would stay.",
        "(Updated) The mayor met the governor on Thursday.",
    ],
)
def test_other_openings_stay(para: str) -> None:
    out, meta = run(para)
    assert out == [para]
    assert not meta.credits


def test_plain_text_and_summary_lose_the_credit() -> None:
    cleaned = clean_text(
        "Harbor pilots strike\n(Reuters) - Harbor pilots in Busan walked off the job on "
        "Tuesday over pay, the union said."
    )
    assert cleaned.text.startswith("Harbor pilots in Busan walked off")
    assert "Reuters" in cleaned.credits
    art = Article(source="r", title=cleaned.title, text=cleaned.text)
    got = summarise_story([art])
    assert got is not None and got.text.startswith("Harbor pilots in Busan walked off")


def test_web_page_loses_the_credit() -> None:
    cleaned = clean_html((DATA / "wire-credit.html").read_text("utf-8"))
    assert cleaned.text.startswith("Harbor pilots in Busan walked off the job on Tuesday")
    assert "(Reuters)" not in cleaned.text
    assert "Reuters" in cleaned.credits


def test_a_paragraph_without_a_credit_keeps_its_case() -> None:
    out, meta = run("segunda-feira, 22 de janeiro de 2018", "the spokesman said on Monday.")
    assert out == ["segunda-feira, 22 de janeiro de 2018", "the spokesman said on Monday."]
    assert not meta.removed
