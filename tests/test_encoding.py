"""extractors.encoding: decoding checked against the bytes, over a real local HTTP server
(feeds and pages through fetch.sources, as a run reads them) and on bytes."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractors.config import Config, Source
from extractors.encoding import charset_from_content_type, decode
from extractors.feeds import parse_feed
from extractors.files import decode_text
from fetch.http import HttpClient
from fetch.sources import collect, make_getter, page_article
from tests.support import LocalHTTPServer

KOREAN_FEED = """<rss version="2.0"><channel><title>한국 외교 소식</title>
<item><title>한국 NATO 협력 강화</title><guid>k1</guid>
<description>조태열 외교부 장관은 브뤼셀에서 마르크 뤼터 나토 사무총장과 만나 방산 협력을 논의했다.
두 사람은 다음 달 후속 회의를 열기로 했다.</description></item>
</channel></rss>
"""

MISLABELLED_PAGE = """<!doctype html><html><head><title>한국 NATO 협력</title></head><body>
<article><h1>한국 NATO 협력</h1>
<p>서울에서 열린 회의에서 한국과 나토는 방위산업 협력을 넓히기로 합의했다. 회의 뒤 참석자들은
Séoul의 한 café에서 기자들과 만났다. 양측은 다음 주 브뤼셀에서 다시 만난다.</p>
<p>외교부 대변인은 이번 합의가 인도태평양 파트너국과 나토의 협력을 보여 준다고 말했다.
대변인은 구체적인 일정은 정해지지 않았다고 덧붙였다.</p>
</article></body></html>
"""


@pytest.fixture(scope="module")
def server():
    with LocalHTTPServer() as s:
        yield s


def _config() -> Config:
    return Config(base_dir=Path("."))


def test_euc_kr_feed_with_no_charset_anywhere_reads_as_written(server):
    url = server.add("kr/feed.xml", KOREAN_FEED.encode("euc-kr"), content_type="text/xml")
    source = Source(name="Korean wire", kind="rss", url=url, fetch_pages=False)
    result = collect(source, _config(), make_getter(HttpClient(timeout=5, allow_private=True)))
    assert len(result.articles) == 1
    art = result.articles[0]
    assert art.title == "한국 NATO 협력 강화"
    assert "조태열 외교부 장관은 브뤼셀에서" in art.text
    assert "Ç" not in art.text
    # decoded by guessing: the source is degraded and the encoding is named
    degraded = [f for f in result.failures if f.stage == "degraded"]
    assert len(degraded) == 1
    assert "cp949" in degraded[0].error or "euc" in degraded[0].error.lower()
    assert "guessed" in degraded[0].error


def test_euc_kr_feed_declared_in_xml_is_not_degraded(server):
    body = ('<?xml version="1.0" encoding="euc-kr"?>\n' + KOREAN_FEED).encode("euc-kr")
    url = server.add("kr/declared.xml", body, content_type="application/rss+xml")
    source = Source(name="Declared wire", kind="rss", url=url, fetch_pages=False)
    result = collect(source, _config(), make_getter(HttpClient(timeout=5, allow_private=True)))
    assert result.articles[0].title == "한국 NATO 협력 강화"
    assert result.failures == []


def test_utf8_page_served_as_iso_8859_1_reads_as_written(server):
    body = MISLABELLED_PAGE.encode("utf-8")
    url = server.add("kr/page.html", body, content_type="text/html; charset=iso-8859-1")
    art = page_article(url, "Korean page", make_getter(HttpClient(timeout=5, allow_private=True)))
    assert "한국과 나토는 방위산업 협력을 넓히기로 합의했다" in art.text
    assert "Séoul의 한 café에서" in art.text
    assert "Ã" not in art.text and "í" not in art.text
    # UTF-8 validity, not a guess, overruled the header: the article is not marked
    assert art.note is None


def test_euc_kr_page_with_no_charset_is_marked_with_the_encoding(server):
    url = server.add("kr/euckr.html", MISLABELLED_PAGE.encode("euc-kr", "replace"))
    server.routes["/kr/euckr.html"].headers["Content-Type"] = "text/html"
    art = page_article(url, "Korean page", make_getter(HttpClient(timeout=5, allow_private=True)))
    assert "한국과 나토는 방위산업 협력을" in art.text
    assert art.note and "guessed" in art.note


def test_bom_wins_over_a_wrong_declaration():
    data = b"\xef\xbb\xbf" + '<p charset="x">한국</p>'.encode()
    d = decode(data, "iso-8859-1")
    assert d.text == '<p charset="x">한국</p>'
    assert (d.encoding, d.how, d.guessed) == ("utf-8", "bom", False)


def test_meta_charset_is_checked_against_the_bytes():
    page = '<html><head><meta charset="euc-kr"></head><body><p>뤼터 사무총장</p></body></html>'
    good = decode(page.encode("euc-kr"))
    assert "뤼터 사무총장" in good.text and good.how == "meta" and not good.guessed
    # the same declaration on UTF-8 bytes loses: they do not decode as EUC-KR cleanly
    wrong = decode(page.encode("utf-8"))
    assert "뤼터 사무총장" in wrong.text and wrong.encoding == "utf-8"
    assert wrong.note and "euc-kr" in wrong.note


def test_latin_1_declared_and_right_stays_latin_1():
    d = decode("<p>Séoul café</p>".encode("latin-1"), "iso-8859-1")
    assert d.text == "<p>Séoul café</p>" and d.how == "http" and not d.guessed


def test_unknown_declared_charset_is_said_and_skipped():
    d = decode(b"<p>plain</p>", "x-bogus-42")
    assert d.text == "<p>plain</p>" and d.note and "x-bogus-42" in d.note


def test_utf8_with_one_broken_byte_stays_utf8():
    text = "조태열 외교부 장관은 다음 주 브뤼셀을 방문한다. " * 10
    data = text.encode() + b"\xed\x95"  # a truncated last character
    d = decode(data, kind="text")
    assert d.encoding == "utf-8" and d.text.startswith("조태열") and not d.guessed
    assert d.note and "replaced" in d.note


@pytest.mark.parametrize(
    ("header", "charset"),
    [
        ("text/xml; charset=utf-8", "utf-8"),
        ("text/xml;charset = us-ascii", "us-ascii"),
        ("application/rss+xml; charset='gb2312'", "gb2312"),
        ('text/html; charset="EUC-KR"', "EUC-KR"),
        ("text/xml; charset:iso-8859-1", None),
        ("text/xml", None),
        ("", None),
    ],
)
def test_charset_from_content_type(header, charset):
    assert charset_from_content_type(header) == charset


def test_parse_feed_reports_the_encoding_it_used():
    feed = parse_feed(KOREAN_FEED.encode("euc-kr"), "wire.xml")
    assert feed.entries[0].title == "한국 NATO 협력 강화"
    assert feed.encoding == "cp949" and feed.encoding_note
    utf8 = parse_feed(KOREAN_FEED.encode("utf-8"), "wire.xml")
    assert utf8.encoding == "utf-8" and utf8.encoding_note is None


def test_text_file_in_euc_kr_is_read():
    text = "조태열 외교부 장관은 어제 브뤼셀에서 나토 사무총장을 만났다. 회담은 한 시간 이어졌다."
    assert decode_text(text.encode("euc-kr"), "note.txt") == text


def test_euc_kr_page_keeps_its_publication_time_after_decoding():
    page = (
        '<html><head><meta charset="euc-kr">'
        '<meta property="article:published_time" content="2026-11-20T02:10:00+09:00">'
        "</head><body><p>조현 외교부 장관은 브뤼셀에서 나토 회의에 참석했다.</p></body></html>"
    )
    from extractors.clean import published_from_html

    d = decode(page.encode("euc-kr"))
    assert '<meta charset="utf-8">' in d.text and "조현 외교부 장관" in d.text
    assert published_from_html(d.text).isoformat() == "2026-11-20T02:10:00+09:00"


CHARDET = {
    "big5.xml": "big5",
    "eucjp.xml": "euc-jp",
    "euckr.xml": "euc-kr",
    "gb2312.xml": "gb2312",
    "koi8r.xml": "koi8-r",
    "shiftjis.xml": "shift_jis",
    "tis620.xml": "tis-620",
    "windows1255.xml": "cp1255",
}


@pytest.mark.parametrize(("name", "truth"), sorted(CHARDET.items()))
def test_undeclared_feeds_of_feedparser_tests_read_as_written(name, truth):
    from tests.conftest import need_shared

    path = need_shared("data", "feedparser-tests", "illformed", "chardet", name)
    data = path.read_bytes()
    feed = parse_feed(data, str(path))
    first = feed.entries[0] if feed.entries else None
    text = feed.title or (first.title or first.content if first else "")
    assert text and text[:20] in data.decode(truth)
    assert feed.encoding_note and "guessed" in feed.encoding_note  # marked, never silent
