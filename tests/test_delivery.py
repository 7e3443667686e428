"""Email delivery against a real SMTP server (aiosmtpd) on 127.0.0.1, exactly once."""

from __future__ import annotations

import email
import threading
from datetime import date, datetime, timezone
from email import policy
from pathlib import Path

import pytest

from delivery.mail import build_message, send
from delivery.state import StateStore, send_once
from extractors.config import EmailSettings
from extractors.errors import DeliveryError
from tests.support import SMTPSink, email_toml, free_port, self_signed_cert

pytestmark = pytest.mark.usefixtures("prefect_harness")

RECIPIENTS = ["analyst@example.org", "desk@example.org"]
PASSWORD = "pw-Zq81-never-shown"

EVIL_FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Hostile wire</title><link>{base}</link>
<item><title>Seoul and NATO agree drills &lt;script&gt;alert('t')&lt;/script&gt;</title>
<link>javascript:alert('link')</link><guid>e1</guid>
<pubDate>Thu, 19 Nov 2026 10:00:00 +0900</pubDate>
<description><![CDATA[<p>South Korea and NATO agreed on Thursday to hold a joint cyber defence
drill next month, officials in Seoul said. <img src="https://tracker.example.com/p.gif"
onerror="alert('img')"><script>alert('body')</script>
<a href="javascript:alert('a')">more</a></p>
<p>The South Korean defence ministry said NATO staff would visit Seoul to plan the exercise,
which will test how quickly the two sides can share warnings about attacks.</p>]]></description>
</item></channel></rss>
"""


def make_config(
    tmp_path: Path, server, smtp_port: int, extra_email: str = "", sources: str | None = None
) -> Path:
    base = server.url("")
    server.add("hostile.xml", EVIL_FEED.format(base=base), content_type="application/rss+xml")
    cfg = tmp_path / "briefing.toml"
    src = (
        sources
        or f"""
[[sources]]
name = "Hostile wire"
kind = "rss"
url = "{server.url("hostile.xml")}"

[[sources]]
name = "Arms talks"
kind = "page"
url = "{server.url("pages/seoul-brussels-arms-talks.html")}"
"""
    )
    cfg.write_text(
        f"""
[briefing]
title = "Korea–NATO daily briefing"
out_dir = "out"

[http]
allow_private = true   # the test servers are on 127.0.0.1
retries = 0

{email_toml(smtp_port, RECIPIENTS, extra_email)}
{src}
""",
        encoding="utf-8",
    )
    return cfg


NOW = datetime(2026, 11, 20, 7, tzinfo=timezone.utc)


def small_message(recipients):
    return build_message(
        subject="s",
        text="t",
        html="<p>h</p>",
        sender="b@example.org",
        recipients=recipients,
        now=NOW,
    )


def parse(raw: bytes):
    return email.message_from_bytes(raw, policy=policy.default)


def test_email_structure_headers_and_inert_content(tmp_path, sample_server):
    from flows.daily import daily_briefing

    with SMTPSink() as smtp:
        cfg = make_config(tmp_path, sample_server, smtp.port)
        result = daily_briefing(config_path=str(cfg), day=date(2026, 11, 20))
        assert result.sent == {"2026-11-20": RECIPIENTS}
    # one message per recipient, each addressed to that recipient alone
    assert sorted(rcpts for _, rcpts, _ in smtp.messages) == [[r] for r in sorted(RECIPIENTS)]
    for _, rcpts, raw in smtp.messages:
        assert parse(raw)["To"] == rcpts[0]
    mail_from, rcpts, raw = smtp.messages[0]
    assert mail_from == "briefing@example.org"
    msg = parse(raw)
    assert msg.get_content_type() == "multipart/alternative"
    assert [p.get_content_type() for p in msg.iter_parts()] == ["text/plain", "text/html"]
    assert (
        msg["Date"] and msg["Message-ID"].startswith("<") and "@example.org>" in msg["Message-ID"]
    )
    subject = msg["Subject"]
    assert "Fri 20 Nov 2026" in subject and "Korea–NATO" in subject and "stor" in subject
    html = msg.get_body(("html",)).get_content()
    text = msg.get_body(("plain",)).get_content()
    assert 'style="' in html and "<table" in html  # inline styles, table layout
    lowered = html.lower()
    assert "<script" not in lowered and "javascript:" not in lowered
    assert "onerror=" not in lowered and "tracker.example.com" not in lowered
    assert "<img" not in lowered
    assert "&lt;script&gt;" in html  # the title is shown, as text
    assert "Seoul and NATO agree drills" in text
    assert PASSWORD not in raw.decode("utf-8", "replace")


def test_rerun_sends_nothing_and_force_sends_again(tmp_path, sample_server):
    from flows.daily import daily_briefing

    with SMTPSink() as smtp:
        cfg = make_config(tmp_path, sample_server, smtp.port)
        daily_briefing(config_path=str(cfg), day=date(2026, 11, 20))
        again = daily_briefing(config_path=str(cfg), day=date(2026, 11, 20))
        assert again.sent == {} and len(smtp.messages) == 2
        forced = daily_briefing(config_path=str(cfg), day=date(2026, 11, 20), force=True)
        assert forced.sent == {"2026-11-20": RECIPIENTS} and len(smtp.messages) == 4
        off = daily_briefing(config_path=str(cfg), day=date(2026, 11, 20), send=False, force=True)
        assert off.sent == {} and len(smtp.messages) == 4


def test_outage_keeps_digest_then_next_run_sends_it_once(tmp_path, sample_server):
    from flows.daily import daily_briefing

    port = free_port()
    cfg = make_config(tmp_path, sample_server, port)
    with pytest.raises(DeliveryError) as exc:
        daily_briefing(config_path=str(cfg), day=date(2026, 11, 20))
    message = str(exc.value)
    assert f"127.0.0.1:{port}" in message and "connection refused" in message
    assert "stays on disk" in message
    folder = tmp_path / "out" / "2026-11-20"
    assert (folder / "digest.html").is_file() and (folder / "digest.md").is_file()
    assert StateStore(tmp_path / "out" / "state.sqlite").delivered(date(2026, 11, 20)) == set()

    with SMTPSink(port=port) as smtp:
        result = daily_briefing(config_path=str(cfg), day=date(2026, 11, 21))
        assert result.sent == {"2026-11-20": RECIPIENTS, "2026-11-21": RECIPIENTS}
        daily_briefing(config_path=str(cfg), day=date(2026, 11, 21))
    subjects = [parse(raw)["Subject"] for _, _, raw in smtp.messages]
    assert sum("Fri 20 Nov 2026" in s for s in subjects) == len(RECIPIENTS)
    assert sum("Sat 21 Nov 2026" in s for s in subjects) == len(RECIPIENTS)


def test_two_concurrent_deliveries_send_each_message_once(tmp_path):
    """Two runs reach delivery at once: a claim per (date, recipient) lets one send each,
    and no lock is held while the SMTP server answers (slowly)."""
    store = StateStore(tmp_path / "state.sqlite")
    settings = EmailSettings(enabled=True, host="127.0.0.1", recipients=tuple(RECIPIENTS))
    now = NOW
    results: list[list[str]] = []
    with SMTPSink(delay=0.5) as smtp:
        settings = settings.model_copy(update={"port": smtp.port})

        def do_send(to):
            msg = small_message([to])
            return send(msg, settings, None, [to])[0]

        def deliver():
            out = [
                send_once(store, date(2026, 11, 20), r, do_send, now, everyone=RECIPIENTS)
                for r in RECIPIENTS
            ]
            results.append([o.recipient for o in out if o.status == "sent"])

        threads = [threading.Thread(target=deliver) for _ in range(2)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    assert sorted(r for _, rcpts, _ in smtp.messages for r in rcpts) == sorted(RECIPIENTS)
    assert sorted(r for rs in results for r in rs) == sorted(RECIPIENTS)
    assert store.delivered(date(2026, 11, 20)) == set(RECIPIENTS)
    assert store.claims() == []


def test_login_starttls_and_password_never_leaks(tmp_path, monkeypatch):
    cert, key = self_signed_cert(tmp_path)
    msg = small_message(RECIPIENTS)
    with SMTPSink(tls="starttls", cert=(cert, key), login=("briefing", PASSWORD)) as smtp:
        settings = EmailSettings(
            enabled=True,
            host="127.0.0.1",
            port=smtp.port,
            security="starttls",
            username="briefing",
            ca_file=cert,
            recipients=tuple(RECIPIENTS),
        )
        with pytest.raises(DeliveryError) as bad:
            send(msg, settings, "wrong-" + PASSWORD, RECIPIENTS)
        assert "login refused" in str(bad.value) and PASSWORD not in str(bad.value)
        with pytest.raises(DeliveryError) as missing:
            send(msg, settings, None, RECIPIENTS)
        assert "BRIEFING_SMTP_PASSWORD" in str(missing.value)
        send(msg, settings, PASSWORD, RECIPIENTS)
    assert len(smtp.messages) == 1


def test_implicit_ssl(tmp_path):
    cert, key = self_signed_cert(tmp_path)
    msg = small_message(RECIPIENTS[:1])
    with SMTPSink(tls="ssl", cert=(cert, key)) as smtp:
        settings = EmailSettings(
            enabled=True,
            host="127.0.0.1",
            port=smtp.port,
            security="ssl",
            ca_file=cert,
            recipients=tuple(RECIPIENTS[:1]),
        )
        message_id, refused = send(msg, settings, None, RECIPIENTS[:1])
    assert refused == {} and len(smtp.messages) == 1 and message_id == msg["Message-ID"]


def test_flow_with_password_from_env_never_logs_it(tmp_path, sample_server, monkeypatch, caplog):
    from flows.daily import daily_briefing

    monkeypatch.setenv("BRIEFING_SMTP_PASSWORD", PASSWORD)
    with SMTPSink(login=("briefing", PASSWORD)) as smtp:
        cfg = make_config(tmp_path, sample_server, smtp.port, 'username = "briefing"')
        result = daily_briefing(config_path=str(cfg), day=date(2026, 11, 20))
    assert result.sent and len(smtp.messages) == len(RECIPIENTS)
    written = "".join(
        p.read_text()
        for p in (tmp_path / "out").rglob("*.*")
        if p.suffix in (".md", ".html", ".json")
    )
    assert PASSWORD not in written and PASSWORD not in caplog.text


def test_cli_send_flags_reach_the_flow(tmp_path, sample_server, capsys):
    from flows.cli import main

    with SMTPSink() as smtp:
        cfg = make_config(tmp_path, sample_server, smtp.port)
        assert main(["run", "--config", str(cfg), "--date", "2026-11-20", "--no-send"]) == 0
        assert smtp.messages == []
        assert main(["run", "--config", str(cfg), "--date", "2026-11-20"]) == 0
        assert len(smtp.messages) == 2
        assert main(["run", "--config", str(cfg), "--date", "2026-11-20"]) == 0
        assert len(smtp.messages) == 2  # already sent
        assert main(["run", "--config", str(cfg), "--date", "2026-11-20", "--force"]) == 0
        assert len(smtp.messages) == 4
        off = tmp_path / "off.toml"
        off.write_text(cfg.read_text().replace("enabled = true", "enabled = false"))
        assert main(["run", "--config", str(off), "--date", "2026-11-22"]) == 0
        assert len(smtp.messages) == 4
        assert main(["run", "--config", str(off), "--date", "2026-11-23", "--send"]) == 0
    # --send sent 11-23 only: the 11-22 digest was written with email off, never queued
    subjects = [parse(raw)["Subject"] for _, _, raw in smtp.messages]
    assert len(subjects) == 6 and all("Mon 23 Nov 2026" in s for s in subjects[-2:])
    assert "sent: digest of 2026-11-23" in capsys.readouterr().err


def test_non_ascii_password_never_leaks(tmp_path):
    secret = "pässwörd-" + PASSWORD
    with SMTPSink(login=("briefing", PASSWORD)) as smtp:
        settings = EmailSettings(
            enabled=True,
            host="127.0.0.1",
            port=smtp.port,
            username="briefing",
            recipients=tuple(RECIPIENTS),
        )
        with pytest.raises(DeliveryError) as exc:
            send(small_message(RECIPIENTS), settings, secret, RECIPIENTS)
    assert "not ASCII" in str(exc.value) and PASSWORD not in str(exc.value)
    assert (exc.value.__cause__ is None and exc.value.__context__ is None) or PASSWORD not in repr(
        exc.value.__context__
    )
