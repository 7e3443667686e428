"""extractors.crosslang: a Korean and an English report of one event share keys (people via
aliases and romanization, places, resolved days), on a fixture pair written for the project."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from extractors import crosslang
from extractors.clean import Cleaned
from extractors.topic import load_topic
from fetch.sources import to_article

TOPIC = load_topic("korea-nato")
KST = timezone(timedelta(hours=9))
CET = timezone(timedelta(hours=1))

KOREAN = to_article(
    Cleaned(
        title="조태열 장관, 브뤼셀서 뤼터 사무총장과 회담",
        text=(
            "조태열 외교부 장관은 4일(현지시간) 브뤼셀 나토 본부에서 마르크 뤼터 나토 "
            "사무총장과 만나 방산 협력을 논의했다. 회담에는 강민우 외교부 대변인이 배석했다.\n"
            "조 장관은 다음 주 서울로 돌아온다."
        ),
        published=datetime(2026, 11, 5, 9, 0, tzinfo=KST),
    ),
    "ko-report",
    "Korean wire",
    "page",
)
ENGLISH = to_article(
    Cleaned(
        title="Cho and Rutte discuss arms cooperation",
        text=(
            "South Korean Foreign Minister Cho Tae-yul met NATO Secretary General Mark Rutte "
            "in Brussels on Wednesday. Spokesperson Kang Min-woo said the two discussed "
            "defence-industrial cooperation."
        ),
        published=datetime(2026, 11, 4, 18, 0, tzinfo=CET),
    ),
    "en-report",
    "English wire",
    "page",
)
OTHER = to_article(
    Cleaned(
        title="North Korea fires missiles",
        text="North Korea fired two ballistic missiles on Monday, Seoul's military said.",
        published=datetime(2026, 11, 10, 9, 0, tzinfo=KST),
    ),
    "en-other",
    "English wire",
    "page",
)


def test_keys_are_language_neutral():
    ko = crosslang.event_keys(KOREAN, TOPIC, "Asia/Seoul")
    en = crosslang.event_keys(ENGLISH, TOPIC, "Asia/Seoul")
    assert ko.language == "ko" and en.language == "en"
    assert {"cho tae-yul", "mark rutte"} <= ko.people & en.people
    assert "brussels" in ko.places & en.places
    assert "2026-11-04" in ko.dates & en.dates


def test_unknown_korean_name_meets_its_english_spelling():
    # 강민우 -> "Kang Min-u" (RR given name) ~ "Kang Min-woo"
    assert crosslang.name_key("Kang Min-u") == crosslang.name_key("Kang Min-woo")
    assert crosslang.name_key("Jo Tae-yeol") != crosslang.name_key("Kang Min-woo")
    ko = crosslang.event_keys(KOREAN, TOPIC)
    assert crosslang.name_key("Kang Min-woo") in ko.people


def test_one_event_in_two_languages_is_linked_and_groups_join():
    arts = [KOREAN, OTHER, ENGLISH]
    links = crosslang.link(arts, TOPIC, "Asia/Seoul")
    assert [(i, j) for i, j, _ in links] == [(0, 2)]
    pairing = links[0][2]
    assert pairing.same and "brussels" in pairing.places
    assert pairing.as_dict()["signal"] == "cross-language"
    assert crosslang.merge_groups([[0], [1], [2]], links) == [[0, 2], [1]]


def test_same_people_on_different_days_are_not_one_event():
    a = crosslang.EventKeys("ko", people=frozenset({"mark rutte"}), dates=frozenset({"2026-11-20"}))
    b = crosslang.EventKeys(
        "en",
        people=frozenset({"mark rutte"}),
        places=frozenset({"kyiv"}),
        dates=frozenset({"2026-11-27"}),
    )
    assert not crosslang.same_event(a, b).same


def test_entities_of_both_readers_merge_across_scripts():
    from extractors import korean
    from extractors.entities import extract_entities

    merged = crosslang.merge_entities(
        extract_entities([ENGLISH], TOPIC), korean.extract_entities([KOREAN], TOPIC), TOPIC
    )
    people = {e.name: e for e in merged if e.kind == "person"}
    cho = people["Cho Tae-yul"]
    assert "조태열" in cho.aliases and set(cho.sources) == {"en-report", "ko-report"}
    kang = people["Kang Min-woo"]  # the English spelling, the Korean name as an alias
    assert "강민우" in kang.aliases and "강민우" not in people
    places = {e.name for e in merged if e.kind == "place"}
    assert "Brussels" in places and "브뤼셀" not in places


def test_language_dispatch_for_entities_and_dates():
    ents = crosslang.extract_entities([ENGLISH, KOREAN], TOPIC)
    assert sum(1 for e in ents if e.name == "Cho Tae-yul") == 1
    ko = crosslang.resolve_dates(KOREAN, "Asia/Seoul")
    en = crosslang.resolve_dates(ENGLISH, "Asia/Seoul")
    assert ("4일", "2026-11-04") in {(e.mention, e.date) for e in ko}
    assert "2026-11-04" in {e.date for e in en}
