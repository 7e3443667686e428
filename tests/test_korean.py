"""extractors.korean: language, sentences, people and roles, dates; on texts written for
the project (facts may be real, sentences are our own)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from extractors import korean
from extractors.clean import Cleaned
from extractors.models import Article
from extractors.text import split_sentences
from extractors.topic import load_topic
from fetch.sources import to_article

KST = timezone(timedelta(hours=9))
TOPIC = load_topic("korea-nato")

REPORT = (
    "조태열 외교부 장관은 3일(현지시간) 벨기에 브뤼셀에서 마르크 뤼터 나토 사무총장과 "
    '회담했다. 조 장관은 "한국과 나토의 방산 협력을 강화하겠다"고 말했다.\n'
    "외교부 강지훈 대변인은 양측이 다음 주 후속 회의를 열 예정이라고 밝혔다. 뤼터 사무총장은 "
    "지난 목요일 마르코 루비오 미국 국무장관과도 통화했다.\n"
    "두 사람은 다음 달 서울에서 다시 만난다. 북한은 어제 탄도미사일을 발사했다.\n"
    "홍길동 기자"
)
# Thursday 5 November 2026, 10:00 in Seoul
PUB = datetime(2026, 11, 5, 10, 0, tzinfo=KST)


def _article(text: str = REPORT, published: datetime | None = PUB) -> Article:
    cleaned = Cleaned(title="한국·나토 외교장관 회담", text=text, published=published)
    return to_article(cleaned, "ko-report", "Korean wire", "page")


def test_language_is_detected_per_article():
    assert _article().language == "ko"
    english = Cleaned(title="Seoul and NATO", text="Cho Tae-yul met Mark Rutte in Brussels.")
    assert to_article(english, "en", "wire", "page").language == "en"
    assert korean.language("NATO 정상회의가 헤이그에서 열린다") == "ko"
    assert korean.language("The 나토 summit opens in The Hague on Tuesday") == "en"


def test_korean_paragraphs_split_into_single_sentences():
    paras = _article().paragraphs
    assert split_sentences(paras[0]) == [
        "조태열 외교부 장관은 3일(현지시간) 벨기에 브뤼셀에서 마르크 뤼터 나토 사무총장과 "
        "회담했다.",
        '조 장관은 "한국과 나토의 방산 협력을 강화하겠다"고 말했다.',
    ]
    assert len(split_sentences(paras[1])) == 2
    # English keeps the English rule
    assert split_sentences("Mr. Cho met Dr. Rutte. They spoke.") == [
        "Mr. Cho met Dr. Rutte.",
        "They spoke.",
    ]


def test_people_with_roles_aliases_and_surname_with_title():
    ents = korean.extract_entities([_article()], TOPIC)
    people = {e.name: e for e in ents if e.kind == "person"}
    cho = people["Cho Tae-yul"]
    assert cho.role == "외교부 장관"
    assert cho.affiliation == "South Korean foreign ministry"
    assert "조태열" in cho.aliases and cho.mentions == 2  # 조 장관 is the same person
    assert cho.evidence.startswith("조태열 외교부 장관은")
    rutte = people["Mark Rutte"]
    assert rutte.role == "나토 사무총장" and rutte.affiliation == "NATO"
    assert rutte.mentions == 2  # 뤼터 사무총장 later in the article
    assert people["Marco Rubio"].role == "미국 국무장관"
    kang = people["강지훈"]
    assert kang.role == "대변인" and kang.affiliation == "South Korean foreign ministry"
    assert "Kang Ji-hun" in kang.aliases and "Gang Ji-hun" in kang.aliases
    assert "홍길동" not in people  # a byline, not a person of the story


def test_places_countries_and_organisations_get_canonical_names():
    ents = korean.extract_entities([_article()], TOPIC)
    by_kind = {(e.kind, e.name) for e in ents}
    for expected in [
        ("place", "Brussels"),
        ("place", "Seoul"),
        ("country", "North Korea"),
        ("country", "Belgium"),
        ("organisation", "NATO"),
        ("organisation", "South Korean foreign ministry"),
    ]:
        assert expected in by_kind, expected


def test_unknown_korean_name_gets_revised_romanization():
    assert korean.romanize_name("조태열") == ("Jo Tae-yeol", "Cho Tae-yeol")
    assert korean.romanize_name("신원식") == ("Sin Won-sik", "Shin Won-sik")
    assert korean.romanize_name("남궁민") == ("Namgung Min",)


def test_korean_dates_resolve_against_publication_in_its_zone():
    events = korean.resolve_dates(_article(), "Asia/Seoul")
    got = {e.mention: e.date for e in events}
    assert got == {
        "3일": "2026-11-03",
        "다음 주": "2026-11-09/2026-11-15",
        "지난 목요일": "2026-10-29",
        "다음 달": "2026-12-01/2026-12-31",
        "어제": "2026-11-04",
    }
    for e in events:
        assert e.mention in e.text and e.source == "ko-report" and e.resolved


@pytest.mark.parametrize(
    ("sentence", "mention", "iso"),
    [
        ("회의는 2025년 4월 3일 열렸다.", "2025년 4월 3일", "2025-04-03"),
        ("협정은 2025년 4월 서명됐다.", "2025년 4월", "2025-04-01/2025-04-30"),
        ("장관은 4월 3일 워싱턴을 방문한다.", "4월 3일", "2027-04-03"),
        ("장관은 지난 4월 3일 워싱턴을 방문했다.", "지난 4월 3일", "2026-04-03"),
        ("양국은 1일 공동성명을 발표했다.", "1일", "2026-11-01"),
        ("회의는 오는 3일 열린다.", "오는 3일", "2026-12-03"),
        ("훈련은 28일 시작됐다.", "28일", "2026-10-28"),
        ("정상회의는 목요일 열린다.", "목요일", "2026-11-05"),
        ("대표단은 화요일 서울에 도착했다.", "화요일", "2026-11-03"),
        ("대표단은 이번 주 금요일 출국한다.", "이번 주 금요일", "2026-11-06"),
        ("협의는 다음 주 화요일 열린다.", "다음 주 화요일", "2026-11-10"),
        ("장관은 오늘 기자회견을 열었다.", "오늘", "2026-11-05"),
        ("장관은 내일 출국한다.", "내일", "2026-11-06"),
        ("국방비는 지난해 크게 늘었다.", "지난해", "2025-01-01/2025-12-31"),
        ("정상회의는 내년 헤이그에서 열린다.", "내년", "2027-01-01/2027-12-31"),
        ("이번 주 회의가 이어진다.", "이번 주", "2026-11-02/2026-11-08"),
        ("지난달 회의에서 합의했다.", "지난달", "2026-10-01/2026-10-31"),
    ],
)
def test_korean_date_forms(sentence, mention, iso):
    pub = PUB.date()
    assert (mention, iso) in korean.find_dates(sentence, pub)


def test_durations_are_not_dates():
    assert korean.find_dates("훈련은 3일간 이어졌고 10일 동안 계속됐다.", PUB.date()) == []


def test_relative_date_without_publication_is_unresolved():
    events = korean.resolve_dates(_article(published=None))
    assert events and all(not e.resolved and e.date is None for e in events)


def test_title_before_the_name_employer_and_mr():
    text = (
        "나토 사무총장 마르크 뤼터는 한빛일보 사장 김철수와 만났다. 외교부 대변인 강지훈은 "
        "한미 공조를 강조했다. 시민 홍영수 씨는 북러 협력을 걱정했다."
    )
    ents = korean.extract_entities([_article(text)], TOPIC)
    people = {e.name: e for e in ents if e.kind == "person"}
    assert people["Mark Rutte"].role == "나토 사무총장"
    assert people["김철수"].role == "한빛일보 사장" and people["김철수"].affiliation == "한빛일보"
    assert people["강지훈"].affiliation == "South Korean foreign ministry"
    assert people["홍영수"].role is None
    assert "한빛일보" not in people  # the employer, not a person
    countries = {e.name for e in ents if e.kind == "country"}
    assert {"South Korea", "United States", "North Korea", "Russia"} <= countries


@pytest.mark.parametrize(
    ("sentence", "mention", "iso"),
    [
        ("북한은 지난 2월 러시아에 추가 파병했다.", "지난 2월", "2026-02-01/2026-02-28"),
        ("회의는 오는 3월 열린다.", "오는 3월", "2027-03-01/2027-03-31"),
        ("협상은 12월 중 마무리된다.", "12월", "2026-12-01/2026-12-31"),
        ("나토 정상회의는 24∼25일 헤이그에서 열린다.", "24∼25일", "2026-11-24/2026-11-25"),
        ("회의는 다음 달 8∼9일 열린다.", "다음 달 8∼9일", "2026-12-08/2026-12-09"),
        ("대표단은 이번 주말 귀국한다.", "이번 주말", "2026-11-07/2026-11-08"),
        ("훈련은 지난 주말 끝났다.", "지난 주말", "2026-10-31/2026-11-01"),
        ("전시회는 2일 개막할 예정이다.", "2일", "2026-12-02"),
    ],
)
def test_more_korean_date_forms(sentence, mention, iso):
    assert (mention, iso) in korean.find_dates(sentence, PUB.date())


def test_that_day_is_the_last_day_named():
    text = "조현 장관은 3일 브뤼셀에 도착했다. 조 장관은 이날 뤼터 사무총장을 만났다."
    got = [(e.mention, e.date) for e in korean.resolve_dates(_article(text), "Asia/Seoul")]
    assert got == [("3일", "2026-11-03"), ("이날", "2026-11-03")]


def test_former_titles_parties_and_institutes():
    text = (
        "김철수 전 국방부 장관은 말했다. 박영희 더불어민주당 의원은 비판했다. 홍길동 "
        "한빛연구소 연구위원은 분석했다. 정의당 대표 심보람은 반대했다."
    )
    people = {
        e.name: (e.role, e.affiliation)
        for e in korean.extract_entities([_article(text)], TOPIC)
        if e.kind == "person"
    }
    assert people == {
        "김철수": ("전 국방부 장관", "Ministry of National Defense"),
        "박영희": ("더불어민주당 의원", "더불어민주당"),
        "홍길동": ("한빛연구소 연구위원", "한빛연구소"),
        "심보람": ("정의당 대표", "정의당"),
    }
