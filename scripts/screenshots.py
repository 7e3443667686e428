"""Write docs/digest.png and docs/email.png: the bundled sample's digest page (1,000 px wide)
and its email (390 px, a phone), rendered by headless Chromium. `make screenshots`.

Offline and without Prefect: the sample sources are read and analysed in this process,
exactly as the flow does, for a fixed date.
"""

from __future__ import annotations

import email
import sys
from datetime import datetime
from email import policy
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from delivery.mail import build_message, email_parts, list_id_for, subject_for  # noqa: E402
from extractors.analysis import build_digest  # noqa: E402
from extractors.config import load_config  # noqa: E402
from extractors.render import render_html  # noqa: E402
from extractors.topic import load_topic  # noqa: E402
from fetch import sources  # noqa: E402
from tests.browser import chromium, screenshot  # noqa: E402

DAY = "2026-11-23"


def sample_digest():
    cfg = load_config(None)
    get = sources.make_getter(sources.client_for(cfg))
    articles, failures = [], []
    for s in cfg.sources:
        res = sources.collect(s, cfg, get)
        articles += res.articles
        failures += res.failures
    tz = cfg.briefing.timezone
    now = datetime.fromisoformat(f"{DAY}T07:00").replace(tzinfo=ZoneInfo(tz))
    digest = build_digest(
        articles,
        failures,
        load_topic(cfg.briefing.topic, cfg.base_dir),
        title=cfg.briefing.title,
        day=now.date(),
        now=now,
        sources=[s.name for s in cfg.sources],
        max_stories=cfg.briefing.max_stories,
        max_key_points=cfg.briefing.max_key_points,
        tz=tz,
    )
    return cfg, digest, now


def main() -> int:
    if chromium() is None:
        print("screenshots: chromium is not installed (apt-get install chromium)", file=sys.stderr)
        return 1
    cfg, digest, now = sample_digest()
    cfg = cfg.model_copy(
        update={
            "briefing": cfg.briefing.model_copy(
                update={"public_url": "https://briefing.example.org/korea-nato"}
            ),
            "email": cfg.email.model_copy(
                update={
                    "sender": "Briefing <briefing@example.org>",
                    "unsubscribe": "mailto:briefing-stop@example.org?subject=unsubscribe",
                }
            ),
        }
    )
    text, html = email_parts(digest, cfg)
    msg = build_message(
        subject=subject_for(digest.title, digest.topic, DAY, len(digest.stories), "[briefing]"),
        text=text,
        html=html,
        sender=cfg.email.sender,
        recipients=["analyst@example.org"],
        now=now,
        to="analyst@example.org",
        list_id=list_id_for(digest.title, cfg.email.sender),
        unsubscribe=cfg.email.unsubscribe,
    )
    parsed = email.message_from_bytes(msg.as_bytes(), policy=policy.default)
    sent_html = parsed.get_body(("html",)).get_content()
    docs = ROOT / "docs"
    for path in (
        screenshot(render_html(digest), 1000, docs / "digest.png", max_height=2200),
        screenshot(sent_html, 390, docs / "email.png", max_height=2200),
    ):
        print(path.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
