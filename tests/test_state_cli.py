"""No lost day, and state a user can see and mend: the outbox, the window, `briefing state`,
and per-topic folders. A real SMTP server (aiosmtpd) on 127.0.0.1, Prefect's local API."""

from __future__ import annotations

import email
import json
from datetime import date
from email import policy
from pathlib import Path

import pytest

from delivery.state import StateStore
from extractors.errors import DeliveryError
from flows.cli import main
from tests.conftest import ROOT, SAMPLES
from tests.support import SMTPSink, email_toml, free_port, subject_day

pytestmark = pytest.mark.usefixtures("prefect_harness")

RECIPIENTS = ["analyst@example.org", "desk@example.org"]
ARCTIC = ROOT / "tests" / "data" / "topics" / "arctic-shipping.toml"


def make_config(tmp_path: Path, port: int, enabled: bool = True) -> Path:
    cfg = tmp_path / "briefing.toml"
    mail = email_toml(port, RECIPIENTS)
    if not enabled:
        mail = mail.replace("enabled = true", "enabled = false")
    cfg.write_text(
        f'[briefing]\ntitle = "Korea–NATO daily briefing"\nout_dir = "out"\n\n{mail}\n'
        f'[[sources]]\nname = "files"\nkind = "dir"\npath = "{SAMPLES / "files"}"\n',
        encoding="utf-8",
    )
    return cfg


def subjects(smtp: SMTPSink) -> list[str]:
    return [
        email.message_from_bytes(raw, policy=policy.default)["Subject"]
        for _, _, raw in smtp.messages
    ]


def days_sent(smtp: SMTPSink) -> list[str]:
    """The ISO digest date of each message, in the order sent."""
    return [subject_day(s) for s in subjects(smtp)]


def cli(capsys, *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 2
    out, err = capsys.readouterr()
    return code, out, err


def test_a_run_of_an_earlier_date_sends_a_queued_later_digest_oldest_first(tmp_path):
    from flows.daily import daily_briefing

    port = free_port()
    cfg = str(make_config(tmp_path, port))
    with pytest.raises(DeliveryError):
        daily_briefing(config_path=cfg, day=date(2026, 11, 21))  # SMTP down: queued
    with SMTPSink(port=port) as smtp:
        result = daily_briefing(config_path=cfg, day=date(2026, 11, 19))
    assert result.sent == {"2026-11-19": RECIPIENTS, "2026-11-21": RECIPIENTS}
    days = days_sent(smtp)
    assert days == ["2026-11-19"] * 2 + ["2026-11-21"] * 2
    assert StateStore(tmp_path / "out" / "state.sqlite").outbox() == []


def test_a_digest_out_of_the_window_is_reported_never_dropped(tmp_path, capsys):
    from flows.daily import daily_briefing

    port = free_port()
    cfg = str(make_config(tmp_path, port))
    with pytest.raises(DeliveryError):
        daily_briefing(config_path=cfg, day=date(2026, 11, 1))
    with SMTPSink(port=port) as smtp:
        code, _, err = cli(capsys, "run", "--config", cfg, "--date", "2026-11-20")
        assert code == 1
        assert "outbox: digest of 2026-11-01" in err and "state mark-sent 2026-11-01" in err
        assert all(d == "2026-11-20" for d in days_sent(smtp)) and len(smtp.messages) == 2
        data = json.loads((tmp_path / "out" / "2026-11-20" / "digest.json").read_text())
        stale = [f for f in data["failures"] if f["source"] == "outbox: digest of 2026-11-01"]
        assert stale and stale[0]["stage"] == "deliver" and "resend window" in stale[0]["error"]
        assert "outbox: digest of 2026-11-01" in (
            tmp_path / "out" / "2026-11-20" / "digest.md"
        ).read_text(encoding="utf-8")

        code, out, _ = cli(capsys, "state", "outbox", "--config", cfg)
        assert code == 0 and "2026-11-01" in out and "analyst@example.org" in out

        # Sending it by hand (a run of its own date) clears the error: nothing is lost.
        code, _, err = cli(capsys, "run", "--config", cfg, "--date", "2026-11-01")
        assert code == 0, err
        assert days_sent(smtp).count("2026-11-01") == 2
        code, _, err = cli(capsys, "run", "--config", cfg, "--date", "2026-11-20")
        assert code == 0 and "already sent to analyst@example.org" in err
    assert len(smtp.messages) == 4


def test_mark_sent_drops_a_stale_digest_from_the_outbox(tmp_path, capsys):
    from flows.daily import daily_briefing

    port = free_port()
    cfg = str(make_config(tmp_path, port))
    with pytest.raises(DeliveryError):
        daily_briefing(config_path=cfg, day=date(2026, 11, 1))
    code, out, _ = cli(
        capsys, "state", "mark-sent", "2026-11-01", "--to", "desk@example.org", "--config", cfg
    )
    assert code == 0 and "desk@example.org" in out
    code, out, _ = cli(capsys, "state", "outbox", "--config", cfg)
    assert "2026-11-01" in out and "analyst@example.org" in out and "desk@" not in out
    code, out, _ = cli(capsys, "state", "mark-sent", "2026-11-01", "--config", cfg)
    assert code == 0 and "analyst@example.org" in out
    code, out, _ = cli(capsys, "state", "outbox", "--config", cfg)
    assert code == 0 and "outbox empty" in out
    with SMTPSink(port=port) as smtp:
        code, _, err = cli(capsys, "run", "--config", cfg, "--date", "2026-11-20")
    assert code == 0, err
    assert all(d == "2026-11-20" for d in days_sent(smtp)) and len(smtp.messages) == 2


def test_no_send_run_is_queued_and_the_next_sending_run_delivers_it(tmp_path, capsys):
    port = free_port()
    cfg = str(make_config(tmp_path, port))
    with SMTPSink(port=port) as smtp:
        code, _, _ = cli(capsys, "run", "--config", cfg, "--date", "2026-11-20", "--no-send")
        assert code == 0 and smtp.messages == []
        code, out, _ = cli(capsys, "state", "outbox", "--config", cfg)
        assert "2026-11-20" in out
        code, _, err = cli(capsys, "run", "--config", cfg, "--date", "2026-11-21")
        assert code == 0, err
    days = sorted(days_sent(smtp))
    assert days == ["2026-11-20"] * 2 + ["2026-11-21"] * 2


def test_state_tables_forget_and_prune(tmp_path, capsys):
    port = free_port()
    cfg = str(make_config(tmp_path, port))
    code, out, _ = cli(capsys, "state", "digests", "--config", cfg)
    assert code == 0 and "no state yet" in out
    with SMTPSink(port=port) as smtp:
        assert cli(capsys, "run", "--config", cfg, "--date", "2026-11-20")[0] == 0
        code, out, _ = cli(capsys, "state", "digests", "--config", cfg)
        assert code == 0 and "2026-11-20" in out and "2/2 sent" in out
        code, out, _ = cli(capsys, "state", "sent", "--config", cfg)
        assert code == 0 and out.count("2026-11-20") == 2 and "desk@example.org" in out
        code, out, _ = cli(capsys, "state", "outbox", "--config", cfg)
        assert code == 0 and "outbox empty" in out

        code, out, _ = cli(capsys, "state", "forget", "2026-11-20", "--config", cfg)
        assert code == 0 and "forgot the digest of 2026-11-20" in out
        assert "2 ledger rows" in out
        code, out, _ = cli(capsys, "state", "sent", "--config", cfg)
        assert "nothing sent yet" in out
        code, _, err = cli(capsys, "state", "forget", "2026-11-20", "--config", cfg)
        assert code == 1 and "no state for the digest of 2026-11-20" in err

        # Forgotten: the next run of that date rebuilds it with the same articles, sends again.
        assert cli(capsys, "run", "--config", cfg, "--date", "2026-11-20")[0] == 0
        assert len(smtp.messages) == 4
        data = json.loads((tmp_path / "out" / "2026-11-20" / "digest.json").read_text())
        assert data["stories"] and data["seen_before"] == 0

    code, out, _ = cli(capsys, "state", "prune", "--before", "2026-11-21", "--config", cfg)
    assert code == 0 and "1 digests" in out and "2 deliveries" in out
    code, out, _ = cli(capsys, "state", "digests", "--config", cfg)
    assert code == 0 and "no digests recorded" in out
    code, _, err = cli(capsys, "state", "prune", "--config", cfg)
    assert code == 2 and "--before" in err
    code, _, err = cli(capsys, "state", "forget", "2026-02-30", "--config", cfg)
    assert code == 2 and "YYYY-MM-DD" in err


def test_another_topic_keeps_its_own_folder_and_state(tmp_path, capsys):
    cfg = str(make_config(tmp_path, free_port(), enabled=False))
    assert cli(capsys, "run", "--config", cfg, "--date", "2026-11-20")[0] == 0
    code, out, err = cli(
        capsys, "run", "--config", cfg, "--date", "2026-11-20", "--topic", str(ARCTIC)
    )
    assert code == 0, err
    out_dir = tmp_path / "out"
    mine = json.loads((out_dir / "2026-11-20" / "digest.json").read_text())
    other = json.loads((out_dir / "arctic-shipping" / "2026-11-20" / "digest.json").read_text())
    assert mine["topic"] != other["topic"]
    assert (out_dir / "state.sqlite").is_file()
    assert (out_dir / "arctic-shipping" / "state.sqlite").is_file()
    assert str(out_dir / "arctic-shipping" / "2026-11-20" / "digest.md") in out
    code, out, _ = cli(capsys, "state", "digests", "--config", cfg, "--topic", str(ARCTIC))
    assert code == 0 and str(out_dir / "arctic-shipping" / "2026-11-20") in out
    code, out, _ = cli(capsys, "state", "digests", "--config", cfg)
    assert code == 0 and "arctic-shipping" not in out


@pytest.mark.parametrize(
    "argv",
    [
        ["state"],
        ["state", "digests"],
        ["state", "forget"],
        ["state", "mark-sent"],
        ["state", "prune"],
    ],
)
def test_state_commands_have_help(capsys, argv):
    code, out, _ = cli(capsys, *argv, "--help")
    assert code == 0 and "usage: briefing state" in out


def test_state_needs_a_subcommand_and_valid_dates(capsys):
    code, _, err = cli(capsys, "state")
    assert code == 2 and "WHAT" in err
    code, _, err = cli(capsys, "state", "mark-sent", "tomorrow")
    assert code == 2 and "YYYY-MM-DD" in err
