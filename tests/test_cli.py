"""The CLI: exit codes, exact keys, error messages that say what to fix."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from flows.cli import main
from tests.conftest import SAMPLES

CLEAN_KEYS = {"source", "title", "author", "date", "outlet", "dateline", "text", "error"}


def run_cli(capsys, *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exc:  # argparse
        code = exc.code if isinstance(exc.code, int) else 2
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("argv", [[], ["run"], ["clean"], ["analyze"], ["serve"]])
def test_every_command_has_help(capsys, argv):
    code, out, _ = run_cli(capsys, *argv, "--help")
    assert code == 0 and "usage: briefing" in out and len(out) > 200


def test_console_script_installed():
    proc = subprocess.run(
        [sys.executable, "-m", "flows.cli", "--help"], capture_output=True, text=True, check=False
    )
    assert proc.returncode == 0 and "analyze" in proc.stdout


def test_bad_config_key_is_named(capsys, tmp_path):
    cfg = tmp_path / "b.toml"
    cfg.write_text('[briefing]\ntitel = "x"\n[[sources]]\nname = "a"\nkind = "feed"\nurl = "x"\n')
    code, _, err = run_cli(capsys, "run", "--config", str(cfg))
    assert code == 2
    assert "briefing.titel: unknown key" in err
    assert "sources[0].kind" in err and "'feed'" in err


def test_missing_config_and_bad_date(capsys, tmp_path):
    code, _, err = run_cli(capsys, "run", "--config", str(tmp_path / "nope.toml"))
    assert code == 2 and "config file not found" in err
    code, _, err = run_cli(capsys, "run", "--date", "2026-13-01")
    assert code == 2 and "YYYY-MM-DD" in err


def test_unknown_topic(capsys):
    code, _, err = run_cli(
        capsys,
        "analyze",
        "--topic",
        "no-such-topic",
        str(SAMPLES / "files" / "baltic-air-policing-note.txt"),
    )
    assert code == 2 and "topic 'no-such-topic' not found" in err and "korea-nato" in err


def test_clean_seeds_one_line_each(capsys, seeds):
    code, out, _ = run_cli(capsys, "clean", str(seeds["summary"]), str(seeds["article"]))
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and len(rows) == 2
    assert all(set(r) == CLEAN_KEYS for r in rows)
    assert rows[0]["source"] == str(seeds["summary"]) and rows[0]["outlet"] == "vietnamnews.vn"
    art = rows[1]
    assert (art["author"], art["outlet"], art["dateline"]) == (
        "Ji Da-gyum",
        "The Korea Herald",
        "SEOUL",
    )
    assert art["text"].startswith("South Korean foreign minister Cho Tae-yul")
    assert "Photo courtesy" not in art["text"] and art["error"] is None


def test_clean_urls_and_failures(capsys, sample_server):
    good = sample_server.url("pages/ip4-ministers-ukraine.html")
    dead = sample_server.url("missing.html")
    code, out, _ = run_cli(capsys, "clean", "--allow-private", good, dead)
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 1
    assert rows[0]["source"] == good and rows[0]["error"] is None
    assert rows[0]["date"].startswith("2026-11-20") and rows[0]["title"]
    assert rows[1]["source"] == dead and rows[1]["text"] is None
    assert "HTTP 404" in rows[1]["error"]


def test_analyze_seeds_is_one_story(capsys, seeds):
    a, s = str(seeds["article"]), str(seeds["summary"])
    code, out, _ = run_cli(capsys, "analyze", "--published", "2025-04-01", s, a)
    data = json.loads(out)
    assert code == 0 and len(data["stories"]) == 1
    story = data["stories"][0]
    assert sorted(x["source"] for x in story["articles"]) == sorted([a, s])
    assert set(story["outlets"]) == {"The Korea Herald", "vietnamnews.vn"}
    texts = {a: seeds["article"].read_text(), s: seeds["summary"].read_text()}
    for kp in story["key_points"]:
        # Every key point is a sentence its cited source contains.
        assert " ".join(kp["text"].split()) in " ".join(texts[kp["source"]].split())
    assert len(story["key_points"]) <= 8


def test_analyze_excludes_off_topic_and_no_filter_keeps_all(capsys):
    on = str(SAMPLES / "files" / "nato-burden-sharing-seoul.txt")
    off = str(SAMPLES / "files" / "baltic-air-policing-note.txt")
    code, out, _ = run_cli(capsys, "analyze", on, off)
    data = json.loads(out)
    assert code == 0 and [x["source"] for x in data["excluded"]] == [off]
    assert data["excluded"][0]["reasons"] is not None
    _, out, _ = run_cli(capsys, "analyze", "--no-filter", on, off)
    data = json.loads(out)
    placed = {a["source"] for st in data["stories"] for a in st["articles"]}
    assert placed == {on, off} and data["excluded"] == []


def test_analyze_lists_failures(capsys, tmp_path):
    missing = str(tmp_path / "nope.txt")
    code, out, _ = run_cli(
        capsys, "analyze", missing, str(SAMPLES / "files" / "nato-burden-sharing-seoul.txt")
    )
    data = json.loads(out)
    assert code == 0
    assert data["failures"] == [
        {"source": missing, "error": "no such file", "origin": missing, "stage": "fetch"}
    ]


def test_serve_validates_before_serving(capsys, tmp_path):
    code, _, err = run_cli(capsys, "serve", "--timezone", "Mars/Olympus")
    assert code == 2 and "unknown time zone 'Mars/Olympus'" in err
    code, _, err = run_cli(capsys, "serve", "--config", str(tmp_path / "none.toml"))
    assert code == 2 and "config file not found" in err


def test_send_and_no_send_are_exclusive(capsys):
    code, _, err = run_cli(capsys, "run", "--send", "--no-send")
    assert code == 2 and "not allowed with argument" in err


def test_analyze_seeds_golden_people_and_dates(capsys, seeds):
    """The smallest real case end to end: roles as the sources state them, Thursday resolved."""
    _, out, _ = run_cli(
        capsys, "analyze", "--published", "2025-04-01", str(seeds["summary"]), str(seeds["article"])
    )
    story = json.loads(out)["stories"][0]
    people = {e["name"]: e for e in story["entities"] if e["kind"] == "person"}
    for name, role in [
        ("Cho Tae-yul", "foreign minister"),
        ("Mark Rutte", "secretary general"),
        ("Takeshi Iwaya", "foreign minister"),
        ("Donald Trump", "president"),
    ]:
        assert role in (people[name]["role"] or "").lower(), people.get(name)
    assert "secretary" in (people["Marco Rubio"]["role"] or "").lower()
    assert "Ji Da-gyum" not in people and "Cho" not in people  # byline; merged surname
    thursday = [e for e in story["events"] if e["mention"] == "on Thursday"]
    assert thursday and thursday[0]["date"] == "2025-04-03"
    assert "IP4" in thursday[0]["text"]
    assert {"ip4", "defence-industry", "north-korea-nuclear"} <= set(story["subtopics"])


def test_unwritable_out_and_clear_text_login_are_config_errors(capsys, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    code, _, err = run_cli(capsys, "run", "--out", str(blocker / "sub"))
    assert code == 2 and "--out: cannot write to" in err
    cfg = tmp_path / "b.toml"
    cfg.write_text('[email]\nhost = "smtp.example.org"\nusername = "u"\n')
    code, _, err = run_cli(capsys, "run", "--config", str(cfg))
    assert code == 2 and "email:" in err and "clear text" in err
    code, _, err = run_cli(capsys, "serve", "--cron", "bogus cron")
    assert code == 2 and "--cron" in err


def test_analyze_timezone_reads_utc_times_in_the_digest_zone(capsys, tmp_path):
    """23:30 UTC on 1 April is 2 April in Seoul: "today" is 2 April there, 1 April in UTC."""
    f = tmp_path / "late.json"
    f.write_text(
        json.dumps(
            {
                "title": "Seoul and NATO hold talks",
                "maintext": "South Korea and NATO officials hold cooperation talks today "
                "in Brussels on defence industry ties.",
                "date_publish": "2025-04-01T23:30:00",
                "url": "https://example.org/late",
            }
        )
    )
    dates = {}
    for zone in ("Asia/Seoul", "UTC"):
        _, out, _ = run_cli(capsys, "analyze", "--no-filter", "--timezone", zone, str(f))
        events = [e for st in json.loads(out)["stories"] for e in st["events"]]
        dates[zone] = [e["date"] for e in events if e["mention"] == "today"]
    assert dates == {"Asia/Seoul": ["2025-04-02"], "UTC": ["2025-04-01"]}
    code, _, err = run_cli(capsys, "analyze", "--timezone", "Mars/Olympus", str(f))
    assert code == 2 and "--timezone" in err
