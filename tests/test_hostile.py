"""Hostile and broken input through the whole pipeline (issue 12), on real loopback servers.

No timed assertions: each test asserts the failure, its message and that the run finished;
``finishes`` fails a test only if it hangs.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from extractors.config import parse_config
from extractors.errors import FetchError
from extractors.feeds import FeedEntry
from fetch.sources import _entry_article, collect, entry_getter, make_getter
from flows.cli import main
from tests.conftest import SAMPLES
from tests.support import HTTP_TOML, SMTPSink, finishes, free_port

SECRET = "INTERNAL-ONLY staff roster and door codes"
STORY = (
    "<html><head><title>Seoul and NATO agree shell plan</title></head><body><article>"
    "<h1>Seoul and NATO agree shell plan</h1>"
    "<p>South Korea and NATO agreed on Thursday to build artillery shells together in "
    "Europe, the defence ministry in Seoul said after talks in Brussels with alliance "
    "officials.</p><p>The plan covers a joint plant and a review of the output next "
    "year, officials from both sides said.</p></article></body></html>"
)


def _feed(items: list[tuple[str, str, str]]) -> str:
    body = "".join(
        f"<item><title>{t}</title><link>{link}</link><guid>g{i}</guid>"
        f"<pubDate>Thu, 19 Nov 2026 10:00:00 +0900</pubDate><description>{d}</description></item>"
        for i, (t, link, d) in enumerate(items)
    )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>w</title>{body}</channel></rss>'
    )


# ---------------------------------------------------------------- SSRF through feeds


@pytest.fixture()
def ssrf_server(http_server):
    """A feed reached by the name ``localhost`` (allowed by [http] private_hosts) whose entries
    point at 127.0.0.1 directly, at a redirect to it, and at cloud metadata."""
    port = http_server.url("").split(":")[2].split("/")[0]
    inside = f"http://127.0.0.1:{port}"
    outside = f"http://localhost:{port}"
    http_server.add("internal.html", f"<html><body><p>{SECRET}</p></body></html>")
    http_server.add("story.html", STORY)
    http_server.add("hop", status=302, headers={"Location": f"{inside}/internal.html"})
    http_server.add(
        "feed.xml",
        _feed(
            [
                ("Shell plan", f"{outside}/story.html", "Seoul and NATO."),
                ("Internal", f"{inside}/internal.html", "x"),
                ("Via redirect", f"{outside}/hop", "x"),
                ("Metadata", "http://169.254.169.254/latest/meta-data/", "x"),
            ]
        ),
        content_type="application/rss+xml",
    )
    return http_server, outside


def test_entry_links_to_private_addresses_are_refused(tmp_path, ssrf_server):
    server, outside = ssrf_server
    cfg = parse_config(
        {
            "http": {"private_hosts": ["localhost"], "retries": 0, "timeout": 5},
            "sources": [{"name": "wire", "kind": "rss", "url": f"{outside}/feed.xml"}],
        },
        base_dir=tmp_path,
    )
    from fetch.sources import client_for

    res = finishes(lambda: collect(cfg.sources[0], cfg, make_getter(client_for(cfg))))
    assert [a.title for a in res.articles] == ["Seoul and NATO agree shell plan"]
    assert all(SECRET not in a.text for a in res.articles)
    causes = {
        f.source.rsplit("/", 2)[-2] + "/" + f.source.rsplit("/", 1)[-1]: f.error
        for f in res.failures
    }
    assert server.hits.get("/internal.html") is None, "the internal page was never requested"
    assert server.hits["/hop"] == 1
    refused = [f for f in res.failures if "refused:" in f.error]
    assert len(refused) == 3, causes
    assert any("169.254.169.254 is a link-local address" in f.error for f in refused)
    assert any("redirected to http://127.0.0.1" in f.error for f in refused)


@pytest.mark.usefixtures("prefect_harness")
def test_a_private_page_never_reaches_the_digest(tmp_path, ssrf_server):
    from flows.daily import daily_briefing

    _, outside = ssrf_server
    cfg = tmp_path / "b.toml"
    cfg.write_text(
        '[briefing]\nout_dir = "out"\n[http]\nprivate_hosts = ["localhost"]\nretries = 0\n'
        f'[[sources]]\nname = "wire"\nkind = "rss"\nurl = "{outside}/feed.xml"\n'
    )
    result = finishes(lambda: daily_briefing(config_path=str(cfg), day=date(2026, 11, 20)), 300)
    for path in result.paths.values():
        if path.suffix in (".md", ".html", ".json"):
            assert SECRET not in path.read_text(encoding="utf-8")
    data = json.loads(result.paths["json"].read_text())
    assert sum("refused:" in f["error"] for f in data["failures"]) == 3


def test_entry_links_are_http_only_and_a_local_feed_stays_in_its_folder(tmp_path):
    (tmp_path / "secret.txt").write_text(SECRET)
    seen: list[str] = []

    def get(location):
        seen.append(location)
        raise FetchError(location, "would have read it")

    remote = entry_getter(get, "https://news.example.org/feed.xml")
    for link in ("/etc/passwd", str(tmp_path / "secret.txt"), "file:///etc/passwd"):
        with pytest.raises(FetchError) as info:
            remote(link)
        assert "entry link refused: not an http(s) URL" in info.value.cause
    local = entry_getter(get, str(tmp_path / "feeds" / "feed.xml"))
    with pytest.raises(FetchError) as info:
        local(str(tmp_path / "secret.txt"))
    assert "entry link refused" in info.value.cause
    assert seen == []


# ---------------------------------------------------------------- misnamed entries


@pytest.mark.parametrize(
    "link, text, fetch, says",
    [
        ("https://news.example.org/a", "Talks begin today.", False, "too short to use (3 words"),
        ("https://news.example.org/a", "", False, "it has no text and its page is not fetched"),
        (None, "Talks begin.", True, "entry has no link, and its text is too short"),
        (None, "", True, "entry has no link and no text"),
    ],
)
def test_an_unusable_entry_is_told_why_as_it_is(link, text, fetch, says):
    """'entry has no link and no text' was said of entries with a link and a few words."""
    cfg = parse_config(
        {
            "sources": [
                {"name": "w", "kind": "rss", "url": "https://x.example/f", "fetch_pages": fetch}
            ]
        },
        base_dir=Path("."),
    )
    entry = FeedEntry(title="Talks", link=link, guid="g", published=None, content=text)
    art, fail = _entry_article(
        entry, cfg.sources[0], lambda u: (_ for _ in ()).throw(AssertionError)
    )
    assert art is None and fail is not None and says in fail.error


# ---------------------------------------------------------------- transient failures: one line


@pytest.mark.usefixtures("prefect_harness")
def test_a_transient_source_failure_is_one_line_without_traceback(tmp_path, capsys, caplog):
    from flows import daily
    from flows.daily import daily_briefing

    daily.SOURCE_RETRY_DELAY, old = 0.0, daily.SOURCE_RETRY_DELAY
    dead = f"http://127.0.0.1:{free_port()}/feed.xml"
    cfg = tmp_path / "b.toml"
    cfg.write_text(
        f'[briefing]\nout_dir = "out"\n{HTTP_TOML}retries = 0\n'
        f'[[sources]]\nname = "dead wire"\nkind = "rss"\nurl = "{dead}"\n'
        f'[[sources]]\nname = "files"\nkind = "dir"\npath = "{SAMPLES / "files"}"\n'
    )
    try:
        result = daily_briefing(config_path=str(cfg), day=date(2026, 11, 20))
    finally:
        daily.SOURCE_RETRY_DELAY = old
    out = capsys.readouterr()
    logs = out.out + out.err + caplog.text
    assert "Traceback" not in logs
    assert not [r for r in caplog.records if r.exc_info], "no record carries a traceback"
    assert "source 'dead wire' failed" in logs and "connection refused" in logs
    assert result.failed_sources == 1 and not result.all_sources_failed
    (fail,) = [f for f in result.digest.failures if f.origin == "dead wire"]
    assert fail.error == "connection refused" and fail.stage == "fetch"


# ---------------------------------------------------------------- --feed and check


def _served_feed(server) -> str:
    feed = (
        (SAMPLES / "feed.xml").read_text().replace("<link>pages/", "<link>" + server.url("pages/"))
    )
    return server.add("f.xml", feed, content_type="application/rss+xml")


def test_clean_and_analyze_read_a_feed_like_an_rss_source(capsys, sample_server):
    url = _served_feed(sample_server)
    assert main(["clean", "--allow-private", "--feed", url]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(rows) == 4 and all(r["error"] is None and r["text"] for r in rows)
    assert rows[0]["source"].endswith("seoul-brussels-arms-talks.html")
    assert main(["analyze", "--allow-private", "--feed", url]) == 0
    digest = json.loads(capsys.readouterr().out)
    assert digest["stories"] and digest["sources"] == [url]
    assert any("port-festival" in x["source"] for x in digest["excluded"])


def test_feed_without_allow_private_is_refused_and_bad_urls_are_usage_errors(capsys, sample_server):
    url = _served_feed(sample_server)
    assert main(["clean", "--feed", url]) == 1
    (row,) = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert "loopback address" in row["error"]
    assert main(["analyze", "--feed", "www.yna.co.kr/rss/nk.xml"]) in (1, 2)
    assert main(["clean"]) == 2


def _check_config(tmp_path, server, smtp_port, extra_email=""):
    cfg = tmp_path / "c.toml"
    cfg.write_text(
        f"{HTTP_TOML}timeout = 3\nretries = 0\n"
        f'[[sources]]\nname = "wire"\nkind = "rss"\nurl = "{_served_feed(server)}"\n'
        f'[[sources]]\nname = "dead"\nkind = "page"\nurl = "http://127.0.0.1:{free_port()}/x"\n'
        f'[[sources]]\nname = "files"\nkind = "dir"\npath = "{SAMPLES / "files"}"\n'
        f'[email]\nenabled = true\nhost = "127.0.0.1"\nport = {smtp_port}\nusername = "briefing"\n'
        f'password_env = "E12_TEST_PW"\nrecipients = ["a@example.org"]\ntimeout = 5\n{extra_email}'
    )
    return cfg


def test_check_reports_each_source_and_the_smtp_login(tmp_path, capsys, sample_server, monkeypatch):
    with SMTPSink(login=("briefing", "right")) as sink:
        cfg = _check_config(tmp_path, sample_server, sink.port)
        monkeypatch.setenv("E12_TEST_PW", "right")
        assert finishes(lambda: main(["check", "--config", str(cfg)])) == 1
        lines = capsys.readouterr().out.splitlines()
        monkeypatch.setenv("E12_TEST_PW", "wrong")
        assert main(["check", "--config", str(cfg)]) == 1
        wrong = capsys.readouterr().out.splitlines()
        assert sink.messages == [], "check never sends"
    assert lines[0].startswith("ok: config ")
    assert "ok: source 'wire': HTTP 200" in "\n".join(lines) and "a feed with 4 entries" in lines[2]
    assert "error: source 'dead': connection refused" in lines
    assert any(x.startswith("ok: source 'files': folder with") for x in lines)
    assert "login accepted for 'briefing' (nothing sent)" in lines[-1]
    assert wrong[-1].startswith("error: SMTP 127.0.0.1:")
    assert "login refused (535" in wrong[-1] and "check the username/password" in wrong[-1]
    assert "wrong" not in "\n".join(wrong)


def test_check_on_a_broken_config_lists_every_problem(tmp_path, capsys):
    cfg = tmp_path / "c.toml"
    cfg.write_text(
        '[briefing]\ntitle = "x\\ny"\n[email]\nrecipients = ["analyst.example.org"]\n'
        '[[sources]]\nname = "a"\nkind = "rss"\nurl = "www.yna.co.kr/rss/nk.xml"\n'
    )
    assert main(["check", "--config", str(cfg)]) == 2
    out = capsys.readouterr().out
    assert "briefing.title" in out and "email.recipients" in out and "add https://" in out
    assert all(line.startswith("error: ") for line in out.splitlines())


@pytest.mark.usefixtures("prefect_harness")
def test_a_missing_secret_block_says_how_to_create_it(tmp_path, capsys, sample_server):
    with SMTPSink(login=("briefing", "right")) as sink:
        cfg = _check_config(
            tmp_path, sample_server, sink.port, 'password_block = "no-such-block-e12"\n'
        )
        assert main(["check", "--config", str(cfg)]) == 1
    last = capsys.readouterr().out.splitlines()[-1]
    assert "Secret block 'no-such-block-e12' not found: create it with" in last
    assert "Secret(value='…').save('no-such-block-e12')" in last
