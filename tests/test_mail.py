"""The digest email as a reader's mail client gets it: subject, headers, parts, layout.

Built from the hand-made digest (tests/digests.py) and sent through a real SMTP server
(aiosmtpd) on 127.0.0.1; the bytes the server received are parsed back.
"""

from __future__ import annotations

import email
import re
from datetime import UTC, datetime
from email import policy
from pathlib import Path

import pytest

from delivery.mail import build_message, email_parts, list_id_for, send, subject_for
from extractors.config import EmailSettings, parse_config
from extractors.errors import ConfigError
from tests.digests import rich_digest
from tests.support import SMTPSink

NOW = datetime(2025, 4, 3, 7, tzinfo=UTC)
SENDER = "Briefing <briefing@example.org>"


ROOT = Path(__file__).resolve().parents[1]
SOURCES = [{"name": "Sample feed", "kind": "rss", "path": "samples/feed.xml"}]


def config(**email_extra):
    return parse_config(
        {
            "briefing": {
                "title": "Korea–NATO daily briefing",
                "public_url": "https://briefing.example.org/korea-nato",
            },
            "email": {
                "sender": SENDER,
                "recipients": ["a@example.org", "b@example.org"],
                "subject_prefix": "[briefing]",
                "unsubscribe": "mailto:briefing-stop@example.org?subject=unsubscribe",
                **email_extra,
            },
            "sources": SOURCES,
        },
        base_dir=ROOT,
    )


def message(to="a@example.org"):
    d = rich_digest()
    cfg = config()
    text, html = email_parts(d, cfg)
    return build_message(
        subject=subject_for(
            d.title, d.topic, d.date.isoformat(), len(d.stories), cfg.email.subject_prefix
        ),
        text=text,
        html=html,
        sender=cfg.email.sender,
        recipients=list(cfg.email.recipients),
        now=NOW,
        to=to,
        list_id=list_id_for(d.title, cfg.email.sender),
        unsubscribe=cfg.email.unsubscribe,
    )


def test_subject_names_title_human_date_and_count_without_repeating_the_topic():
    s = subject_for(
        "Korea–NATO daily briefing", "South Korea–NATO cooperation", "2025-04-03", 5, "[briefing]"
    )
    assert s == "[briefing] Korea–NATO daily briefing — Thu 3 Apr 2025 — 5 stories"
    assert subject_for("T", "t", "2025-04-03", 1) == "T — Thu 3 Apr 2025 — 1 story"


def test_headers_one_mime_version_list_headers_and_one_visible_recipient():
    raw = message().as_bytes()
    assert raw.count(b"MIME-Version:") == 1
    msg = email.message_from_bytes(raw, policy=policy.default)
    assert msg["To"] == "a@example.org"  # one recipient, nobody else's address
    assert msg["List-Unsubscribe"] == "<mailto:briefing-stop@example.org?subject=unsubscribe>"
    assert msg["List-Id"].endswith("<korea-nato-daily-briefing.example.org>")
    assert [p.get_content_type() for p in msg.iter_parts()] == ["text/plain", "text/html"]
    assert msg["Subject"].endswith("— Thu 3 Apr 2025 — 6 stories")


def test_html_part_is_a_fluid_table_layout_with_preheader_dark_mode_and_footer():
    msg = email.message_from_bytes(message().as_bytes(), policy=policy.default)
    html = msg.get_body(("html",)).get_content()
    assert 'name="color-scheme" content="light dark"' in html
    assert "prefers-color-scheme: dark" in html  # the media query survives inlining
    assert "max-width:600px" in html.replace(" ", "") and 'width="600"' in html  # Outlook
    assert "white-space:nowrap" not in html.replace(" ", "")
    assert "<table" in html and "<script" not in html.lower() and "<img" not in html.lower()
    body = html.split("<body", 1)[1]
    preheader = re.search(r'<div style="display:none[^>]*>(.*?)</div>', body, re.S)
    assert preheader and preheader.group(1).startswith("South Korea and NATO opened talks")
    assert 'href="https://briefing.example.org/korea-nato/2025-04-03/digest.html"' in html
    assert "View in browser" in html
    foot = html.rsplit("Source health", 1)[1]
    assert "South Korea–NATO cooperation" in foot and "recipient list" in foot
    assert 'href="mailto:briefing-stop@example.org?subject=unsubscribe"' in foot


def test_text_part_is_written_for_text():
    msg = email.message_from_bytes(message().as_bytes(), policy=policy.default)
    text = msg.get_body(("plain",)).get_content()
    assert "**" not in text and "](" not in text and "/srv/" not in text
    assert re.search(r"^\[1\] https://", text, re.M)
    assert text.startswith("KOREA–NATO DAILY BRIEFING\nThursday 3 April 2025")


def test_no_view_in_browser_without_public_url_and_bad_unsubscribe_is_a_config_error():
    d = rich_digest()
    cfg = parse_config({"email": {"sender": SENDER}, "sources": SOURCES}, base_dir=ROOT)
    text, html = email_parts(d, cfg)
    assert "View in" not in text and "View in browser" not in html
    assert "reply and ask to be removed" in text
    with pytest.raises(ConfigError, match=r"email\.unsubscribe: must be a mailto"):
        config(unsubscribe="stop@example.org")
    with pytest.raises(ConfigError, match=r"briefing\.public_url"):
        parse_config({"briefing": {"public_url": "/var/www"}, "sources": SOURCES}, base_dir=ROOT)


def test_one_message_per_recipient_through_a_real_smtp_server():
    with SMTPSink() as smtp:
        settings = EmailSettings(host="127.0.0.1", port=smtp.port, sender=SENDER, timeout=10)
        for to in ("a@example.org", "b@example.org"):
            send(message(to), settings, None, [to])
    assert [rcpts for _, rcpts, _ in smtp.messages] == [["a@example.org"], ["b@example.org"]]
    for _, rcpts, raw in smtp.messages:
        msg = email.message_from_bytes(raw, policy=policy.default)
        assert msg["To"] == rcpts[0] and raw.count(b"MIME-Version:") == 1
