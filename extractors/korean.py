"""Korean text: language, sentences, people/places/organisations with their roles, dates.

Pure (no network, disk or clock). The morphological analyser is kiwipiepy (``Kiwi``, with
the model of the ``kiwipiepy-model`` package), loaded once per process on first use.

- ``language(text)``: "ko" when Hangul syllables are at least ``KO_SHARE`` of the letters,
  else "en" (the script share is enough to keep English text on the English pipeline).
- ``split_sentences(paragraph)``: Kiwi's sentence splitter (``text.split_sentences``
  delegates here for Hangul-dominant paragraphs).
- ``extract_entities(articles, topic)``: the same return type as
  ``entities.extract_entities``. Proper nouns (Kiwi's NNP) and known nouns are read per
  sentence: countries and places from small tables (canonical English names, so a Korean
  and an English report name the same "Brussels"), organisations from the topic's aliases,
  a table and a suffix rule (…부, …청, …위원회, …기구), people from the topic's aliases or
  an NNP with a role (``조태열 외교부 장관``, ``외교부 강지훈 대변인``, ``뤼터 사무총장``).
  The role is kept as written; its country or organisation is the affiliation. A surname
  with a title (``조 장관``) or a foreign surname (``뤼터``) resolves to the full name the
  same article gave. An unknown Korean name gets Revised Romanization aliases (koroman,
  names romanized syllable by syllable: ``Jo Tae-yeol``, and the usual spelling of the
  surname: ``Cho Tae-yeol``). Reporters (``… 기자``) are bylines, not entities.
- ``resolve_dates(article, tz)``: the same return type as ``dates.resolve_dates``; see
  ``find_dates`` for what is read.
"""

from __future__ import annotations

import calendar
import re
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from .models import Article, Entity, EntityKind, Event
from .topic import Topic

KO_SHARE = 0.3
"""Share of Hangul among letters at or above which a text is Korean."""

_HANGUL = re.compile(r"[\uac00-\ud7a3]")
_LETTER = re.compile(r"[^\W\d_]")


def hangul_share(text: str) -> float:
    letters = len(_LETTER.findall(text))
    return len(_HANGUL.findall(text)) / letters if letters else 0.0


def is_korean(text: str) -> bool:
    return hangul_share(text) >= KO_SHARE


def language(text: str) -> str:
    """ISO 639-1 code of the text: "ko" or "en"."""
    return "ko" if is_korean(text) else "en"


# ---------------------------------------------------------------- the analyser

_LOCK = threading.RLock()
_KIWI: Any = None


def kiwi() -> Any:
    """The process's one ``Kiwi`` (loaded on first use; about a second)."""
    global _KIWI
    if _KIWI is None:
        with _LOCK:
            if _KIWI is None:
                from kiwipiepy import Kiwi

                _KIWI = Kiwi()
    return _KIWI


def split_sentences(paragraph: str) -> list[str]:
    """The sentences of one Korean paragraph, as written (white space normalised)."""
    return list(_sentences(re.sub(r"\s+", " ", paragraph).strip()))


@lru_cache(maxsize=4096)
def _sentences(paragraph: str) -> tuple[str, ...]:
    """Kiwi's sentences of a paragraph (memoised: relevance, dates, entities and key points
    each split the same paragraphs)."""
    if not paragraph:
        return ()
    with _LOCK:
        sents = kiwi().split_into_sents(paragraph)
    return tuple(s.text.strip() for s in sents if s.text.strip())


@dataclass(frozen=True)
class _Tok:
    form: str
    tag: str
    start: int
    end: int


def _tokens(sentence: str) -> list[_Tok]:
    return list(_analysed(sentence))


@lru_cache(maxsize=4096)
def _analysed(sentence: str) -> tuple[_Tok, ...]:
    """Kiwi's morphemes of a sentence (memoised, as ``_sentences``)."""
    with _LOCK:
        toks = kiwi().tokenize(sentence)
    return tuple(_Tok(t.form, t.tag, t.start, t.start + t.len) for t in toks)


# ---------------------------------------------------------------- vocabulary

COUNTRIES: dict[str, str] = {
    "한국": "South Korea",
    "대한민국": "South Korea",
    "남한": "South Korea",
    "북한": "North Korea",
    "조선민주주의인민공화국": "North Korea",
    "미국": "United States",
    "일본": "Japan",
    "중국": "China",
    "러시아": "Russia",
    "우크라이나": "Ukraine",
    "호주": "Australia",
    "오스트레일리아": "Australia",
    "뉴질랜드": "New Zealand",
    "영국": "United Kingdom",
    "폴란드": "Poland",
    "벨기에": "Belgium",
    "네덜란드": "Netherlands",
    "독일": "Germany",
    "프랑스": "France",
    "이탈리아": "Italy",
    "스페인": "Spain",
    "캐나다": "Canada",
    "튀르키예": "Turkey",
    "터키": "Turkey",
    "루마니아": "Romania",
    "스웨덴": "Sweden",
    "핀란드": "Finland",
    "노르웨이": "Norway",
    "덴마크": "Denmark",
    "에스토니아": "Estonia",
    "라트비아": "Latvia",
    "리투아니아": "Lithuania",
    "헝가리": "Hungary",
    "체코": "Czech Republic",
    "슬로바키아": "Slovakia",
    "그리스": "Greece",
    "포르투갈": "Portugal",
    "이란": "Iran",
    "인도": "India",
}
PLACES: dict[str, str] = {
    "서울": "Seoul",
    "브뤼셀": "Brussels",
    "평양": "Pyongyang",
    "워싱턴": "Washington",
    "도쿄": "Tokyo",
    "베이징": "Beijing",
    "모스크바": "Moscow",
    "키이우": "Kyiv",
    "키예프": "Kyiv",
    "헤이그": "The Hague",
    "부산": "Busan",
    "판문점": "Panmunjom",
    "빌뉴스": "Vilnius",
    "마드리드": "Madrid",
    "쿠르스크": "Kursk",
    "바르샤바": "Warsaw",
    "런던": "London",
    "파리": "Paris",
    "베를린": "Berlin",
    "캔버라": "Canberra",
    "웰링턴": "Wellington",
    "뉴욕": "New York",
    "제네바": "Geneva",
    "인천": "Incheon",
    "제주": "Jeju",
    "용산": "Yongsan",
    "창원": "Changwon",
    "인도태평양": "Indo-Pacific",
    "한반도": "Korean Peninsula",
}
ORGANISATIONS: dict[str, str] = {
    "나토": "NATO",
    "북대서양조약기구": "NATO",
    "유럽연합": "European Union",
    "유엔": "United Nations",
    "국제연합": "United Nations",
    "국제원자력기구": "IAEA",
    "국방부": "Ministry of National Defense",
    "통일부": "Ministry of Unification",
    "방위사업청": "Defense Acquisition Program Administration",
    "방사청": "Defense Acquisition Program Administration",
    "국가정보원": "National Intelligence Service",
    "국정원": "National Intelligence Service",
    "합동참모본부": "Joint Chiefs of Staff",
    "합참": "Joint Chiefs of Staff",
    "대통령실": "Presidential Office",
    "국회": "National Assembly",
    "백악관": "White House",
    "국무부": "State Department",
    "한화에어로스페이스": "Hanwha Aerospace",
    "현대로템": "Hyundai Rotem",
    "한국항공우주산업": "Korea Aerospace Industries",
    "조선중앙통신": "Korean Central News Agency",
    "헌법재판소": "Constitutional Court",
}
# The words of a title; a role is any run of nouns ending in one of them.
ROLE_WORDS = [
    "국무장관",
    "외무상",
    "외상",
    "외무장관",
    "외교장관",
    "국방장관",
    "장관",
    "차관",
    "차관보",
    "사무총장",
    "사무차장",
    "대변인",
    "부대변인",
    "대통령",
    "부통령",
    "총리",
    "국무총리",
    "부총리",
    "의원",
    "대사",
    "위원장",
    "국무위원장",
    "총장",
    "본부장",
    "실장",
    "차장",
    "국장",
    "대표",
    "회장",
    "사장",
    "부사장",
    "사령관",
    "의장",
    "합참의장",
    "안보실장",
    "특사",
    "주석",
    "총통",
    "교수",
    "연구위원",
    "수석",
    "비서관",
    "비서실장",
    "단장",
    "청장",
    "원장",
    "당선인",
    "후보",
    "총재",
    "장군",
]
_ROLE_SET = frozenset(ROLE_WORDS)
_BYLINE_ROLES = frozenset(("기자", "특파원", "통신원"))
_ORG_SUFFIX = re.compile(
    r"[\uac00-\ud7a3A-Za-z0-9]{2,}(?:부|청|처|위원회|기구|사령부|본부|연구원|연구소|일보|신문|통신|"
    r"방송|그룹|전자|중공업|대학교|대학|은행|재단|협회|공사|당|의힘)$"
)
# Words naming two or three countries at once (한미 외교장관, 북러 군사 협력).
COUNTRY_PAIRS: dict[str, tuple[str, ...]] = {
    "한미": ("South Korea", "United States"),
    "한미일": ("South Korea", "United States", "Japan"),
    "한일": ("South Korea", "Japan"),
    "한중": ("South Korea", "China"),
    "한중일": ("South Korea", "China", "Japan"),
    "한러": ("South Korea", "Russia"),
    "북러": ("North Korea", "Russia"),
    "북중": ("North Korea", "China"),
    "북미": ("North Korea", "United States"),
    "미중": ("United States", "China"),
    "한폴": ("South Korea", "Poland"),
}
_PERSON_MARKERS = frozenset(("씨", "氏"))
_NOT_ORG = frozenset(
    [
        "일부",
        "전부",
        "내부",
        "외부",
        "대부분",
        "본부",
        "간부",
        "정부",
        "이사부",
        "남부",
        "북부",
        "동부",
        "서부",
    ]
)

# Romanized surnames as newspapers spell them (often not RR: 조 Cho, 이 Lee, 박 Park).
SURNAMES: dict[str, str] = {
    "김": "Kim", "이": "Lee", "박": "Park", "최": "Choi", "정": "Jung", "강": "Kang",
    "조": "Cho", "윤": "Yoon", "장": "Jang", "임": "Lim", "한": "Han", "오": "Oh",
    "서": "Seo", "신": "Shin", "권": "Kwon", "황": "Hwang", "안": "Ahn", "송": "Song",
    "전": "Jeon", "홍": "Hong", "유": "Yoo", "고": "Ko", "문": "Moon", "양": "Yang",
    "손": "Son", "배": "Bae", "백": "Baek", "허": "Heo", "노": "Roh", "남": "Nam",
    "심": "Shim", "하": "Ha", "곽": "Kwak", "성": "Sung", "차": "Cha", "주": "Joo",
    "우": "Woo", "구": "Koo", "민": "Min", "류": "Ryu", "나": "Na", "진": "Jin",
    "지": "Ji", "엄": "Um", "채": "Chae", "원": "Won", "천": "Chun", "방": "Bang",
    "공": "Kong", "현": "Hyun", "함": "Ham", "변": "Byun", "염": "Yeom", "여": "Yeo",
    "추": "Choo", "도": "Do", "소": "So", "석": "Seok", "선": "Sun", "설": "Seol",
    "마": "Ma", "길": "Gil", "연": "Yeon", "위": "Wi", "표": "Pyo", "명": "Myung",
    "기": "Ki", "반": "Ban", "왕": "Wang", "금": "Keum", "옥": "Ok", "육": "Yook",
    "인": "In", "맹": "Maeng", "제": "Je", "모": "Mo", "탁": "Tak", "국": "Kook",
    "남궁": "Namgung", "제갈": "Jegal", "황보": "Hwangbo", "선우": "Sunwoo", "독고": "Dokgo",
}  # fmt: skip
_TWO_SYLLABLE_SURNAMES = frozenset(s for s in SURNAMES if len(s) == 2)


def _all_hangul(s: str) -> bool:
    return bool(s) and all("\uac00" <= c <= "\ud7a3" for c in s)


def split_korean_name(name: str) -> tuple[str, str] | None:
    """(surname, given name) of a Korean name written in Hangul (2-4 syllables), else None."""
    if not _all_hangul(name) or not 2 <= len(name) <= 4:
        return None
    if len(name) >= 3 and name[:2] in _TWO_SYLLABLE_SURNAMES:
        return name[:2], name[2:]
    if name[0] in SURNAMES:
        return name[0], name[1:]
    return None


def romanize_name(name: str) -> tuple[str, ...]:
    """Revised Romanization aliases of a Hangul name: ``조태열`` -> ("Jo Tae-yeol",
    "Cho Tae-yeol"). A name that is not a Korean name is romanized as one word."""
    from koroman import romanize

    def rr(s: str) -> str:
        return str(romanize(s, use_pronunciation_rules=False))

    parts = split_korean_name(name)
    if parts is None:
        if not _HANGUL.search(name):
            return ()
        return (" ".join(rr(w).capitalize() for w in name.split()),)
    surname, given = parts
    given_rr = "-".join(rr(s) for s in given).capitalize()
    out = [f"{rr(surname).capitalize()} {given_rr}"]
    usual = SURNAMES.get(surname)
    if usual and usual.lower() != rr(surname):
        out.append(f"{usual} {given_rr}")
    return tuple(out)


# ---------------------------------------------------------------- the topic's names


@dataclass
class _Lex:
    person_of: dict[str, str] = field(default_factory=dict)
    org_of: dict[str, str] = field(default_factory=dict)
    place_of: dict[str, str] = field(default_factory=dict)


def _lexicon(topic: Topic | None) -> _Lex:
    lex = _Lex(org_of=dict(ORGANISATIONS), place_of={**PLACES})
    if topic is None:
        return lex
    for p in topic.people:
        target = lex.place_of if p.kind == "place" else lex.person_of
        for alias in (p.name, *p.aliases):
            if _HANGUL.search(alias):
                target[alias] = p.name
    for o in topic.organisations:
        for alias in (o.name, *o.aliases):
            if _HANGUL.search(alias):
                (lex.place_of if o.kind == "place" else lex.org_of)[alias] = o.name
    return lex


# ---------------------------------------------------------------- entities


@dataclass
class _Acc:
    name: str
    kind: EntityKind
    order: int
    aliases: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    mentions: int = 0
    evidence: str = ""
    role: tuple[int, str, str | None, str] | None = None  # (rank, role, affiliation, sentence)

    def add(self, surface: str, source: str, sentence: str) -> None:
        self.mentions += 1
        if surface != self.name and surface not in self.aliases:
            self.aliases.append(surface)
        if source not in self.sources:
            self.sources.append(source)
        self.evidence = self.evidence or sentence

    def add_role(self, role: str, affiliation: str | None, sentence: str) -> None:
        rank = 0 if affiliation else 1
        if self.role is None or rank < self.role[0]:
            self.role = (rank, role, affiliation, sentence)

    def entity(self) -> Entity:
        r = self.role
        return Entity(
            name=self.name,
            kind=self.kind,
            role=r[1] if r else None,
            affiliation=r[2] if r else None,
            aliases=tuple(self.aliases),
            mentions=self.mentions,
            sources=tuple(self.sources),
            evidence=r[3] if r else self.evidence,
        )


@dataclass
class _Mention:
    surface: str
    sentence: str
    order: int
    role: str | None = None
    affiliation: str | None = None
    byline: bool = False
    marked: bool = False
    """Followed by 씨 (Mr/Ms): a person without a title."""


def _noun(t: _Tok) -> bool:
    return t.tag in ("NNG", "NNP", "SL", "SH") or (t.tag == "XSN" and t.form in ("부", "청"))


def _classify(surface: str, lex: _Lex) -> tuple[EntityKind, str] | None:
    """Country, place or organisation for a noun as written, else None."""
    if surface in COUNTRIES:
        return "country", COUNTRIES[surface]
    if surface in lex.place_of:
        return "place", lex.place_of[surface]
    if surface in lex.org_of:
        return "organisation", lex.org_of[surface]
    if surface in ("NATO", "EU", "UN", "IAEA"):
        return "organisation", {"EU": "European Union", "UN": "United Nations"}.get(
            surface, surface
        )
    if surface not in _NOT_ORG and _ORG_SUFFIX.match(surface):
        return "organisation", surface
    return None


def _compounds(sentence: str, toks: list[_Tok]) -> list[tuple[int, int, str]]:
    """Runs of adjacent noun tokens (no space between them) as (first, last, surface):
    ``방위 사업청`` written ``방위사업청`` is one word again."""
    out: list[tuple[int, int, str]] = []
    i = 0
    while i < len(toks):
        opens_name = (  # 이/MM 재원/NNG: Kiwi reads the surname 이 as "this"
            toks[i].tag == "MM"
            and i + 1 < len(toks)
            and toks[i + 1].start == toks[i].end
            and _noun(toks[i + 1])
        )
        if not _noun(toks[i]) and not opens_name:
            i += 1
            continue
        j = i
        while (
            j + 1 < len(toks)
            and toks[j + 1].start == toks[j].end
            and (_noun(toks[j + 1]) or (toks[j + 1].tag == "MM" and toks[i].tag == "NNP"))
        ):
            j += 1
        out.append((i, j, sentence[toks[i].start : toks[j].end]))
        i = j + 1
    return out


def _name_shape(word: str) -> bool:
    """A word Kiwi cut in pieces that reads as a Korean name: a surname and a one- or
    two-syllable given name (``조현``, ``이재원``, ``남궁민``), never a longer compound
    (``방산정책`` opens on 방, but is "defence-industry policy")."""
    parts = split_korean_name(word)
    return parts is not None and 1 <= len(parts[1]) <= 2


def _role_after(
    sentence: str, toks: list[_Tok], k: int, lex: _Lex
) -> tuple[str, str | None, bool] | None:
    """A title right after token ``k``: (role as written, affiliation, is a byline)."""
    j = k + 1
    affiliation: str | None = None
    start = None
    while j < len(toks) and j <= k + 6 and (_noun(toks[j]) or toks[j].tag == "MM"):
        word_end = j
        while word_end + 1 < len(toks) and toks[word_end + 1].start == toks[word_end].end:
            if not _noun(toks[word_end + 1]):
                break
            word_end += 1
        word = sentence[toks[j].start : toks[word_end].end]
        start = toks[j].start if start is None else start
        if word in ("전", "현", "前", "現"):  # former / current: part of the title
            j = word_end + 1
            continue
        if toks[j].tag == "MM" and word_end == j:
            return None
        if word in _BYLINE_ROLES:
            return word, None, True
        if any(word.endswith(r) for r in _ROLE_SET):
            role = sentence[start : toks[word_end].end]
            if affiliation is None:
                head = word[: -len(next(r for r in ROLE_WORDS if word.endswith(r)))]
                c = _classify(head, lex) if head else None
                affiliation = c[1] if c else None
            return role, affiliation, False
        c = _classify(word, lex)
        if c is not None and c[0] in ("organisation", "country"):
            affiliation = c[1]
        elif c is not None or j > k + 3:
            return None  # a place, or too far from the name for a title
        j = word_end + 1
    return None


def _role_end(toks: list[_Tok], k: int) -> int | None:
    """Index of the last token of the role that follows token ``k`` (as ``_role_after``
    reads it), or None."""
    j = k + 1
    while j < len(toks) and j <= k + 5 and _noun(toks[j]):
        end = j
        while end + 1 < len(toks) and toks[end + 1].start == toks[end].end and _noun(toks[end + 1]):
            end += 1
        word = "".join(t.form for t in toks[j : end + 1])
        if any(word.endswith(r) for r in _ROLE_SET) or word in _BYLINE_ROLES:
            return end
        j = end + 1
    return None


def _name_follows(sentence: str, toks: list[_Tok], k: int, lex: _Lex) -> bool:
    """True when a name comes right after the role that follows token ``k``."""
    end = _role_end(toks, k)
    if end is None or end + 1 >= len(toks):
        return False
    nxt = toks[end + 1]
    if nxt.start == toks[end].end or nxt.tag != "NNP":
        return False
    return nxt.form in lex.person_of or bool(split_korean_name(nxt.form)) or " " in nxt.form


def _role_before_name(
    sentence: str, toks: list[_Tok], a: int, lex: _Lex
) -> tuple[str, str | None, bool] | None:
    """A title written before the name ("나토 사무총장 마르크 뤼터는", "외교부 대변인 강지훈은")."""
    if a == 0 or not _noun(toks[a - 1]) or toks[a - 1].end == toks[a].start:
        return None
    end = a - 1
    start = end
    while start > 0 and toks[start - 1].end == toks[start].start and _noun(toks[start - 1]):
        start -= 1
    word = sentence[toks[start].start : toks[end].end]
    if word in _BYLINE_ROLES:
        return None
    role_word = next((r for r in ROLE_WORDS if word.endswith(r)), None)
    if role_word is None:
        return None
    first = start
    affiliation = None
    head = word[: -len(role_word)]
    c = _classify(head, lex) if head else None
    if c and c[0] in ("organisation", "country"):
        affiliation = c[1]
    if start > 0 and _noun(toks[start - 1]):
        w0 = start - 1
        while w0 > 0 and toks[w0 - 1].end == toks[w0].start and _noun(toks[w0 - 1]):
            w0 -= 1
        c = _classify(sentence[toks[w0].start : toks[start - 1].end], lex)
        if c and c[0] in ("organisation", "country"):
            first, affiliation = w0, c[1]
    return sentence[toks[first].start : toks[end].end], affiliation, False


def _role_before(toks: list[_Tok], k: int, sentence: str, lex: _Lex) -> str | None:
    """An organisation or country right before a name (``외교부 강지훈 대변인``)."""
    if k == 0 or not _noun(toks[k - 1]):
        return None
    c = _classify(toks[k - 1].form, lex)
    return c[1] if c and c[0] in ("organisation", "country") else None


def _body_sentences(article: Article) -> Iterable[str]:
    for para in article.paragraphs:
        yield from split_sentences(para)


def extract_entities(articles: Sequence[Article], topic: Topic | None) -> tuple[Entity, ...]:
    """People, organisations, countries and places named by Korean articles (module doc)."""
    lex = _lexicon(topic)
    accs: dict[tuple[str, str], _Acc] = {}
    order = 0

    def acc(kind: EntityKind, name: str) -> _Acc:
        key = (kind, name)
        if key not in accs:
            accs[key] = _Acc(name, kind, order)
        return accs[key]

    per_article: list[tuple[Article, list[_Mention]]] = []
    for art in articles:
        mentions: list[_Mention] = []
        for sentence in _body_sentences(art):
            order += 1
            toks = _tokens(sentence)
            for a, b, surface in _compounds(sentence, toks):
                if surface in COUNTRY_PAIRS:
                    for country in COUNTRY_PAIRS[surface]:
                        acc("country", country).add(surface, art.source, sentence)
                    continue
                c = _classify(surface, lex)
                if c is not None:
                    acc(c[0], c[1]).add(surface, art.source, sentence)
                    continue
                # Kiwi sometimes cuts a Korean name (강민/NNP 우/NNG, 조/NNP 현/MM): a
                # word of 2-4 syllables opening on a surname and an NNP is one name.
                if not ((a == b and toks[a].tag == "NNP") or _name_shape(surface)):
                    continue
                m = _Mention(surface, sentence, order)
                role = _role_after(sentence, toks, b, lex)
                if role and _name_follows(sentence, toks, b, lex):
                    continue  # "한빛일보 사장 김철수": the first word is the employer
                if role is None:
                    role = _role_before_name(sentence, toks, a, lex)
                if role:
                    m.role, m.affiliation, m.byline = role
                    m.affiliation = m.affiliation or _role_before(toks, a, sentence, lex)
                m.marked = b + 1 < len(toks) and toks[b + 1].form in _PERSON_MARKERS
                if role or m.marked or surface in lex.person_of:
                    mentions.append(m)
        per_article.append((art, mentions))

    for art, mentions in per_article:
        named = [m for m in mentions if not m.byline and m.surface not in _bylines(mentions)]
        full: dict[str, str] = {}  # the article's full names -> canonical
        for m in named:
            if m.surface in lex.person_of:
                full[m.surface] = lex.person_of[m.surface]
            elif (m.role or m.marked) and (" " in m.surface or split_korean_name(m.surface)):
                full[m.surface] = m.surface
        for m in named:
            canon = full.get(m.surface) or _resolve_short(m.surface, full)
            if canon is None and m.role and len(m.surface) >= 2:
                canon = m.surface  # a one-word foreign name with a title ("젤렌스키 대통령")
            if canon is None:
                continue
            entry = acc("person", canon)
            if entry.mentions == 0:
                entry.order = m.order
                entry.aliases.extend(_person_aliases(m.surface, canon))
            entry.add(m.surface, art.source, m.sentence)
            if m.role:
                entry.add_role(m.role, m.affiliation, m.sentence)

    rank = {"person": 0, "organisation": 1, "country": 2, "place": 3}
    ordered = sorted(accs.values(), key=lambda e: (rank[e.kind], -e.mentions, e.order))
    return tuple(e.entity() for e in ordered if e.mentions)


def _bylines(mentions: list[_Mention]) -> set[str]:
    return {m.surface for m in mentions if m.byline}


def _person_aliases(surface: str, canon: str) -> list[str]:
    out = [] if surface == canon else [surface]
    if canon == surface and split_korean_name(surface):
        out.extend(a for a in romanize_name(surface) if a not in out)
    return out


def _resolve_short(surface: str, full: dict[str, str]) -> str | None:
    """``조`` (with a title) or ``뤼터`` to the one full name of the article it shortens."""
    found = set()
    for name, canon in full.items():
        parts = split_korean_name(name)
        if (parts and parts[0] == surface) or (" " in name and name.split()[-1] == surface):
            found.add(canon)
    return next(iter(found)) if len(found) == 1 else None


# ---------------------------------------------------------------- dates

_WEEKDAYS = "월화수목금토일"
_NUM = r"(?<![\d.])"
_DATE_PATTERNS = re.compile(
    r"(?P<rmd>(?P<rm>이번\s*달|이달|다음\s*달|내달|지난\s*달)\s*(?P<d0>3[01]|[12]\d|0?[1-9])\s*"
    r"(?:(?:일\s*)?[~∼〜\-–]\s*(?P<d0b>3[01]|[12]\d|0?[1-9])\s*)?일)"
    r"|(?P<rym>(?P<ry>지난해|작년|내년|올해|금년)\s*(?P<m0>1[0-2]|0?[1-9])\s*월"
    r"(?:\s*(?P<d00>3[01]|[12]\d|0?[1-9])\s*일)?)"
    r"|(?P<ymd>(?P<y1>(?:19|20)\d{2})\s*년\s*(?P<m1>1[0-2]|0?[1-9])\s*월\s*(?P<d1>3[01]|[12]\d|0?[1-9])\s*"
    r"(?:(?:일\s*)?[~∼〜\-–]\s*(?P<d1b>3[01]|[12]\d|0?[1-9])\s*)?일)"
    r"|(?P<ym>(?P<y2>(?:19|20)\d{2})\s*년\s*(?P<m2>1[0-2]|0?[1-9])\s*월)"
    r"|(?P<mdr>(?:(?P<pre7>지난|오는)\s*)?" + _NUM + r"(?P<m7>1[0-2]|0?[1-9])\s*월\s*"
    r"(?P<d7a>3[01]|[12]\d|0?[1-9])\s*(?:일\s*)?[~∼〜\-–]\s*(?P<d7b>3[01]|[12]\d|0?[1-9])\s*일)"
    r"|(?P<dr>(?:(?P<pre8>지난|오는)\s*)?" + _NUM + r"(?P<d8a>3[01]|[12]\d|0?[1-9])\s*(?:일\s*)?"
    r"[~∼〜\-–]\s*(?P<d8b>3[01]|[12]\d|0?[1-9])\s*일(?!\s*(?:간|동안|째)))"
    r"|(?P<wkend>(?:(?P<pre9>이번|지난|다음|오는)\s*)?주말)"
    r"|(?P<anaph>이날|당일|전날|다음\s*날|이튿날)"
    r"|(?P<md>(?:(?P<pre3>지난|오는)\s*)?" + _NUM + r"(?P<m3>1[0-2]|0?[1-9])\s*월\s*"
    r"(?P<d3>3[01]|[12]\d|0?[1-9])\s*일)"
    r"|(?P<mo>(?:(?P<pre10>지난|오는)\s*)?" + _NUM + r"(?P<m10>1[0-2]|0?[1-9])\s*월"
    r"(?=\s*(?:에|까지|부터|중|초|말|께|쯤|중순|하순|상순|들어))(?!\s*\d))"
    r"|(?P<mo2>(?P<pre11>지난|오는)\s*" + _NUM + r"(?P<m11>1[0-2]|0?[1-9])\s*월(?!\s*\d))"
    r"|(?P<wk>(?:(?P<pre4>지난|오는|이번\s*주|다음\s*주|지난\s*주|내주|금주)\s*)?"
    r"(?P<wd>[월화수목금토일])요일)"
    r"|(?P<d>(?:(?P<pre5>지난|오는)\s*)?" + _NUM + r"(?P<d5>3[01]|[12]\d|0?[1-9])\s*일"
    r"(?!\s*(?:간|동안|째|만에|만|이내|내|전|후|이상|가량|정도|여|분)))"
    r"|(?P<rel>그저께|그제|어제|오늘|내일|모레)"
    r"|(?P<week>이번\s*주|금주|다음\s*주|내주|차주|지난\s*주)(?!말)(?!\s*[월화수목금토일]요일)"
    r"|(?P<month>이번\s*달|이달|다음\s*달|내달|지난\s*달)"
    r"|(?P<year>지난해|작년|내년|이듬해|올해|금년)"
    r"|(?P<yonly>(?P<y6>(?:19|20)\d{2})\s*년(?=\s*(?:까지|부터|에는|에|중|말|초|상반기|하반기)))"
)
_MONTH_SHIFT = {"이번달": 0, "이달": 0, "다음달": 1, "내달": 1, "지난달": -1}
_PAST_EP = frozenset(("었", "았", "였", "ᆻ", "었었"))


def _tense(sentence: str, end: int, toks: list[_Tok]) -> str | None:
    """ "past", "future" or None from the first predicate after position ``end``."""
    for t in toks:
        if t.start < end:
            continue
        if t.tag == "EP" and t.form in _PAST_EP:
            return "past"
        if t.tag == "EP" and t.form == "겠":
            continue  # will or conjecture ("넓히겠다고 말했다"), not a time
        if t.tag == "NNG" and t.form in ("예정", "계획", "방침", "전망"):
            return "future"
        if t.tag == "ETM" and t.form in ("ᆯ", "을"):
            return "future"
        if t.tag in ("EF", "EC") and t.form not in ("고", "어", "아", "게", "지"):
            return "future" if t.tag == "EF" else None
    return None


def _week(d: date) -> tuple[date, date]:
    start = d - timedelta(days=d.weekday())
    return start, start + timedelta(days=6)


def _month(y: int, m: int) -> tuple[date, date]:
    return date(y, m, 1), date(y, m, calendar.monthrange(y, m)[1])


def _shift_month(y: int, m: int, n: int) -> tuple[int, int]:
    k = y * 12 + (m - 1) + n
    return k // 12, k % 12 + 1


def _iso(r: tuple[date, date]) -> str:
    return r[0].isoformat() if r[0] == r[1] else f"{r[0].isoformat()}/{r[1].isoformat()}"


def _safe(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def find_dates(
    sentence: str,
    pub: date | None,
    context_year: int | None = None,
    anchor: date | None = None,
) -> list[tuple[str, str | None]]:
    """(mention as written, ISO date or range or None) for each date in one Korean sentence.

    Read: ``2025년 4월 3일``; ``2025년 4월`` (the month); ``4월 3일`` (year by tense, else
    the publication year); ``3일`` / ``지난 1일`` / ``오는 3일`` (that day of the
    publication month; the month before when the day is later than publication and the
    clause is past or says 지난, the month after when it is earlier and the clause is future
    or says 오는; durations such as ``3일간``, ``10일 동안`` are not dates); weekdays
    (``목요일``: in [pub-6, pub] when the clause is past, [pub, pub+6] when future, else
    the publication week; ``지난 목요일``, ``오는 목요일``, ``다음 주 목요일``, ``이번 주
    목요일``); ``어제``/``오늘``/``내일``/``그제``/``모레``; ``이번 주``/``다음 주``/``지난주``
    (Monday-Sunday); ``이번 달``/``다음 달``/``지난달``; ``지난해``/``내년``/``올해`` (the
    year); ``2030년까지`` (a year with a particle); ranges ``24∼25일``, ``6월 24~25일``,
    ``다음 달 8∼9일``, ``2023년 7월 11∼12일``; compounds ``다음 달 15일``, ``내년 3월``;
    weekends ``이번 주말``/``지난 주말``/``다음 주말`` (Saturday-Sunday); ``이날``/``당일``
    (the last day the article named, else publication), ``전날``, ``다음날``/``이튿날``.
    A month and day without a year take the year written in the same or the previous
    sentence (``2022년 6월 ... 6월 29일``). The tense is read from the first
    predicate after the mention (Korean is verb-final): a past ending (었/았/였) is past;
    예정, 계획 or an -ㄹ modifier is future (겠 is will, not time); a plain present
    ending is future (news Korean writes scheduled events in the present: 열린다).
    """
    out: list[tuple[str, str | None]] = []
    toks: list[_Tok] | None = None
    for m in _DATE_PATTERNS.finditer(sentence):
        mention = m.group(0).strip()
        if pub is None and not (m.group("ymd") or m.group("ym") or m.group("yonly")):
            out.append((mention, None))
            continue
        if toks is None:
            toks = _tokens(sentence)
        if m.group("anaph"):
            base = anchor or pub
            shift = {"전날": -1, "다음날": 1, "이튿날": 1}.get(re.sub(r"\s+", "", mention), 0)
            out.append((mention, (base + timedelta(days=shift)).isoformat() if base else None))
            continue
        if m.group("md") and context_year is not None and not m.group("pre3"):
            d = _safe(context_year, int(m.group("m3")), int(m.group("d3")))
            out.append((mention, d.isoformat() if d else None))
            continue
        value = _resolve(m, pub, _tense(sentence, m.end(), toks))
        out.append((mention, value))
    return out


def _resolve(m: re.Match[str], pub: date | None, tense: str | None) -> str | None:
    g = m.group
    if g("rmd") and pub is not None:
        n = _MONTH_SHIFT[re.sub(r"\s+", "", g("rm"))]
        y, mon = _shift_month(pub.year, pub.month, n)
        d = _safe(y, mon, int(g("d0")))
        end = _safe(y, mon, int(g("d0b"))) if g("d0b") else d
        return _iso((d, end)) if d and end and end >= d else None
    if g("rym") and pub is not None:
        y = pub.year + {"지난해": -1, "작년": -1, "내년": 1, "올해": 0, "금년": 0}[g("ry")]
        if g("d00"):
            d = _safe(y, int(g("m0")), int(g("d00")))
            return d.isoformat() if d else None
        return _iso(_month(y, int(g("m0"))))
    if g("ymd"):
        d = _safe(int(g("y1")), int(g("m1")), int(g("d1")))
        end = _safe(int(g("y1")), int(g("m1")), int(g("d1b"))) if g("d1b") else d
        return _iso((d, end)) if d and end and end >= d else None
    if g("ym"):
        return _iso(_month(int(g("y2")), int(g("m2"))))
    if g("yonly"):
        y = int(g("y6"))
        return _iso((date(y, 1, 1), date(y, 12, 31)))
    assert pub is not None
    if g("md"):
        d = _month_day(pub, int(g("m3")), int(g("d3")), g("pre3"), tense)
        return d.isoformat() if d else None
    if g("mo") or g("mo2"):
        mon = int(g("m10") or g("m11"))
        pre = g("pre10") or g("pre11")
        direction = {"지난": "past", "오는": "future"}.get(pre or "") or tense
        years = [pub.year - 1, pub.year, pub.year + 1]
        if direction == "past":
            y = max(y for y in years if (y, mon) <= (pub.year, pub.month))
        elif direction == "future":
            y = min(y for y in years if (y, mon) >= (pub.year, pub.month))
        else:
            y = min(years, key=lambda y: abs((y - pub.year) * 12 + mon - pub.month))
        return _iso(_month(y, mon))
    if g("mdr"):
        first = _month_day(pub, int(g("m7")), int(g("d7a")), g("pre7"), tense)
        last = _safe(first.year, int(g("m7")), int(g("d7b"))) if first else None
        return _iso((first, last)) if first and last and last >= first else None
    if g("dr"):
        start = _day_of_month(pub, int(g("d8a")), g("pre8"), tense)
        end = _safe(start.year, start.month, int(g("d8b"))) if start else None
        return _iso((start, end)) if start and end and end >= start else None
    if g("wkend"):
        pre = g("pre9") or ""
        sat = _week(pub)[0] + timedelta(days=5)
        if pre == "지난" or (not pre and tense == "past" and pub < sat):
            sat -= timedelta(days=7)
        elif pre == "다음" or (pre == "오는" and pub >= sat):
            sat += timedelta(days=7)
        return _iso((sat, sat + timedelta(days=1)))
    if g("wk"):
        wd = _WEEKDAYS.index(g("wd"))
        pre = re.sub(r"\s+", "", g("pre4") or "")
        if pre in ("다음주", "내주"):
            return (_week(pub + timedelta(days=7))[0] + timedelta(days=wd)).isoformat()
        if pre in ("이번주", "금주"):
            return (_week(pub)[0] + timedelta(days=wd)).isoformat()
        if pre == "지난주":
            return (_week(pub - timedelta(days=7))[0] + timedelta(days=wd)).isoformat()
        direction = {"지난": "past", "오는": "future"}.get(pre) or tense
        if direction == "past":
            back = (pub.weekday() - wd) % 7 or (7 if pre == "지난" else 0)
            return (pub - timedelta(days=back)).isoformat()
        if direction == "future":
            ahead = (wd - pub.weekday()) % 7 or (7 if pre == "오는" else 0)
            return (pub + timedelta(days=ahead)).isoformat()
        return (_week(pub)[0] + timedelta(days=wd)).isoformat()
    if g("d"):
        d = _day_of_month(pub, int(g("d5")), g("pre5"), tense)
        return d.isoformat() if d else None
    if g("rel"):
        shift = {"그저께": -2, "그제": -2, "어제": -1, "오늘": 0, "내일": 1, "모레": 2}[g("rel")]
        return (pub + timedelta(days=shift)).isoformat()
    if g("week"):
        w = re.sub(r"\s+", "", g("week"))
        shift = {"이번주": 0, "금주": 0, "다음주": 7, "내주": 7, "차주": 7, "지난주": -7}[w]
        return _iso(_week(pub + timedelta(days=shift)))
    if g("month"):
        w = re.sub(r"\s+", "", g("month"))
        n = _MONTH_SHIFT[w]
        return _iso(_month(*_shift_month(pub.year, pub.month, n)))
    if g("year"):
        n = {"지난해": -1, "작년": -1, "내년": 1, "이듬해": 1, "올해": 0, "금년": 0}[g("year")]
        y = pub.year + n
        return _iso((date(y, 1, 1), date(y, 12, 31)))
    return None


def _month_day(pub: date, mon: int, day: int, pre: str | None, tense: str | None) -> date | None:
    """``4월 3일`` without a year: the year the tense (or 지난/오는) points to, else the
    nearest one."""
    direction = {"지난": "past", "오는": "future"}.get(pre or "") or tense
    cands = [d for y in (pub.year - 1, pub.year, pub.year + 1) if (d := _safe(y, mon, day))]
    if not cands:
        return None
    if direction == "past":
        return max([d for d in cands if d <= pub] or cands)
    if direction == "future":
        return min([d for d in cands if d >= pub] or cands)
    return min(cands, key=lambda d: abs((d - pub).days))


def _day_of_month(pub: date, day: int, pre: str | None, tense: str | None) -> date | None:
    """``3일``: that day of the publication month; the month before when it is later than
    publication and past (or 지난), the month after when earlier and 오는."""
    direction = {"지난": "past", "오는": "future"}.get(pre or "") or tense
    y, mon = pub.year, pub.month
    if day > pub.day and direction == "past":
        y, mon = _shift_month(y, mon, -1)
    elif day < pub.day and direction == "future":
        y, mon = _shift_month(y, mon, 1)
    return _safe(y, mon, day)


def resolve_dates(article: Article, tz: str | None = None) -> tuple[Event, ...]:
    """Every date named in a Korean article body, resolved against its publication day in
    ``tz`` (the same contract as ``dates.resolve_dates``)."""
    pub = _publication_date(article, tz)
    events: list[Event] = []
    seen: set[tuple[str, str]] = set()
    previous: int | None = None
    for sentence in _body_sentences(article):
        here = _explicit_year(sentence)
        # Rule (year in context): "6월 29일" after "2022년 6월" in this sentence or the one
        # before takes that year, not the publication year.
        # Rule (이날): "that day" is the last day the article named, else publication.
        anchor = next(
            (date.fromisoformat(e.date) for e in reversed(events) if e.date and "/" not in e.date),
            None,
        )
        for mention, value in find_dates(sentence, pub, here or previous, anchor):
            key = (value or f"?{mention}", sentence)
            if key in seen:
                continue
            seen.add(key)
            events.append(Event(value, mention, sentence, article.source, value is not None))
        previous = here
    return tuple(events)


_YEAR_WORD = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*년")


def _explicit_year(sentence: str) -> int | None:
    years = _YEAR_WORD.findall(sentence)
    return int(years[-1]) if years else None


def _publication_date(article: Article, tz: str | None) -> date | None:
    pub = article.published
    if pub is None:
        return None
    if tz and pub.tzinfo is not None:
        from zoneinfo import ZoneInfo

        pub = pub.astimezone(ZoneInfo(tz))
    return pub.date()


__all__ = [
    "extract_entities",
    "find_dates",
    "is_korean",
    "language",
    "resolve_dates",
    "romanize_name",
    "split_sentences",
]
