"""Config validation at load (issue 12): each broken config is exit 2 with the key and the fix."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractors.config import load_config
from extractors.errors import ConfigError
from flows.cli import main

GOOD_SOURCE = '[[sources]]\nname = "notes"\nkind = "dir"\npath = "notes"\n'


def write(tmp_path: Path, text: str) -> Path:
    (tmp_path / "notes").mkdir(exist_ok=True)
    cfg = tmp_path / "b.toml"
    cfg.write_text(text, encoding="utf-8")
    return cfg


def error_of(tmp_path: Path, text: str) -> str:
    with pytest.raises(ConfigError) as info:
        load_config(write(tmp_path, text))
    return str(info.value)


def test_a_good_config_loads(tmp_path):
    cfg = load_config(write(tmp_path, GOOD_SOURCE))
    assert cfg.sources[0].kind == "dir"


def test_an_empty_config_is_an_error(tmp_path):
    assert "empty" in error_of(tmp_path, "")
    assert "[[sources]]" in error_of(tmp_path, "\n\n")


def test_no_sources_is_an_error(tmp_path):
    err = error_of(tmp_path, '[briefing]\ntitle = "x"\n')
    assert "sources: no [[sources]] configured; add at least one" in err


@pytest.mark.parametrize(
    "url, says",
    [
        ("www.yna.co.kr/rss/nk.xml", 'add https:// (url = "https://www.yna.co.kr/rss/nk.xml")'),
        ("ftp://example.org/feed.xml", "only http(s) URLs are read (ftp:// is not)"),
        ("file:///etc/passwd", "only http(s) URLs are read (file:// is not)"),
        ("https://", "has no host name"),
    ],
)
def test_urls_need_http_or_https(tmp_path, url, says):
    err = error_of(tmp_path, f'[[sources]]\nname = "x"\nkind = "rss"\nurl = "{url}"\n')
    assert "sources[0].url" in err and says in err


def test_a_page_source_is_a_url_never_a_local_path(tmp_path):
    err = error_of(tmp_path, '[[sources]]\nname = "x"\nkind = "page"\npath = "notes"\n')
    assert "needs `url`" in err and 'kind = "file"' in err


def test_a_local_feed_file_is_a_path(tmp_path):
    (tmp_path / "feed.xml").write_text("<rss/>")
    cfg = load_config(write(tmp_path, '[[sources]]\nname = "f"\nkind = "rss"\npath = "feed.xml"\n'))
    assert cfg.sources[0].location == "feed.xml"


@pytest.mark.parametrize(
    "block, says",
    [
        ('kind = "dir"\npath = "missing"', "does not exist; fix the path"),
        ('kind = "file"\npath = "missing.txt"', "does not exist"),
        ('kind = "file"\npath = "notes"', 'is a folder; use kind = "dir"'),
    ],
)
def test_file_and_dir_paths_must_exist(tmp_path, block, says):
    err = error_of(tmp_path, f'[[sources]]\nname = "x"\n{block}\n')
    assert "sources[0].path (x)" in err and says in err


def test_state_path_under_a_regular_file(tmp_path):
    (tmp_path / "plain").write_text("x")
    err = error_of(tmp_path, GOOD_SOURCE + '[state]\npath = "plain/sub/state.sqlite"\n')
    assert "state.path:" in err and "is a regular file" in err


@pytest.mark.parametrize("key", ["briefing.title", "email.subject_prefix"])
@pytest.mark.parametrize("bad", ["Daily\\r\\nBcc: x@evil.example", "tab\\there", "nul\\u0000"])
def test_control_characters_in_title_and_prefix(tmp_path, key, bad):
    section, field = key.split(".")
    err = error_of(tmp_path, f'[{section}]\n{field} = "{bad}"\n' + GOOD_SOURCE)
    assert key in err and "control character" in err


@pytest.mark.parametrize(
    "email",
    [
        'recipients = ["analyst.example.org"]',
        'sender = "briefing"',
        'recipients = ["ok@example.org", "two@@example.org"]',
    ],
)
def test_email_addresses_must_parse(tmp_path, email):
    err = error_of(tmp_path, f"[email]\n{email}\n" + GOOD_SOURCE)
    assert "email." in err and "is not an email address" in err


def test_display_names_are_fine(tmp_path):
    cfg = load_config(
        write(
            tmp_path,
            '[email]\nsender = "Briefing <briefing@example.org>"\n'
            'recipients = ["analyst@example.org"]\n' + GOOD_SOURCE,
        )
    )
    assert cfg.email.sender.startswith("Briefing")


def test_the_bundled_sample_is_valid():
    assert load_config(None).sources


@pytest.mark.parametrize(
    "text",
    [
        "",
        '[[sources]]\nname = "x"\nkind = "rss"\nurl = "www.yna.co.kr/rss/nk.xml"\n',
        '[briefing]\ntitle = "a\\nb"\n' + GOOD_SOURCE,
        '[state]\npath = "plain/state.sqlite"\n' + GOOD_SOURCE,
    ],
)
def test_run_exits_2_before_any_work(tmp_path, capsys, text):
    (tmp_path / "plain").write_text("x")
    cfg = write(tmp_path, text)
    assert main(["run", "--config", str(cfg)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("briefing: error: ") and "Traceback" not in err
    assert not (tmp_path / "out").exists()
