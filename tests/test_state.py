"""State across days: only what is new since the last digest; continuing stories are updates."""

from __future__ import annotations

import json
import sqlite3
from datetime import date

import pytest

from tests.conftest import SAMPLES

pytestmark = pytest.mark.usefixtures("prefect_harness")

FEED_PAGE = SAMPLES / "pages" / "seoul-brussels-arms-talks.html"
OTHER_OUTLET = SAMPLES / "pages" / "korea-nato-shell-plant-meridian.html"
LAUNCH = SAMPLES / "pages" / "pyongyang-launch-consultations.html"


def config(tmp_path, *pages) -> str:
    blocks = "\n".join(
        f'[[sources]]\nname = "p{i}"\nkind = "file"\npath = "{p}"\n' for i, p in enumerate(pages)
    )
    cfg = tmp_path / "briefing.toml"
    cfg.write_text(f'[briefing]\nout_dir = "out"\n\n{blocks}', encoding="utf-8")
    return str(cfg)


def digest(tmp_path, day: str) -> dict:
    return json.loads((tmp_path / "out" / day / "digest.json").read_text())


def test_next_digest_shows_only_new_and_marks_updates(tmp_path):
    from flows.daily import daily_briefing

    daily_briefing(config_path=config(tmp_path, FEED_PAGE), day=date(2026, 11, 18))
    first = digest(tmp_path, "2026-11-18")
    assert len(first["stories"]) == 1 and first["stories"][0]["update_of"] is None

    # Next day: the same page again (seen), the same event from another outlet (an
    # update of yesterday's story), and an unrelated new story.
    daily_briefing(
        config_path=config(tmp_path, FEED_PAGE, OTHER_OUTLET, LAUNCH), day=date(2026, 11, 19)
    )
    second = digest(tmp_path, "2026-11-19")
    sources = [a["source"] for s in second["stories"] for a in s["articles"]]
    assert str(FEED_PAGE) not in sources and second["seen_before"] == 1
    by_source = {s["articles"][0]["source"]: s for s in second["stories"]}
    assert by_source[str(OTHER_OUTLET)]["update_of"] == first["stories"][0]["id"]
    assert by_source[str(LAUNCH)]["update_of"] is None
    md = (tmp_path / "out" / "2026-11-19" / "digest.md").read_text()
    assert "update of an earlier story" in md and "1 already in an earlier digest" in md

    # Rerunning the first day reproduces it: "seen" is relative to earlier digests.
    daily_briefing(config_path=config(tmp_path, FEED_PAGE), day=date(2026, 11, 18))
    assert (
        digest(tmp_path, "2026-11-18")["stories"][0]["articles"] == first["stories"][0]["articles"]
    )

    # The archive lists both days, newest first.
    index = (tmp_path / "out" / "index.md").read_text()
    assert index.index("2026-11-19") < index.index("2026-11-18")


def test_seen_is_by_url_and_content_not_guid(tmp_path):
    """The same text under another file name (a re-published copy) is still seen."""
    from flows.daily import daily_briefing

    daily_briefing(config_path=config(tmp_path, LAUNCH), day=date(2026, 11, 20))
    copy = tmp_path / "copy-of-launch.html"
    copy.write_bytes(LAUNCH.read_bytes())
    daily_briefing(config_path=config(tmp_path, copy), day=date(2026, 11, 21))
    assert digest(tmp_path, "2026-11-21")["stories"] == []
    assert digest(tmp_path, "2026-11-21")["seen_before"] == 1
    db = sqlite3.connect(tmp_path / "out" / "state.sqlite")
    kinds = {k.split(":")[0] for (k,) in db.execute("SELECT key FROM seen")}
    assert kinds == {"fp", "url"}


def test_claims_are_per_recipient_and_a_dead_runs_claim_is_taken_over(state_location):
    import socket
    import subprocess
    import sys
    import time as _time
    from datetime import datetime, timezone

    from delivery.state import StateStore, send_once
    from extractors.errors import DeliveryError

    store = StateStore(state_location)
    day, now = date(2026, 11, 20), datetime(2026, 11, 20, 7, tzinfo=timezone.utc)
    everyone = ["a@example.org", "b@example.org"]

    # A run that died holding a claim (its process is gone): the next run takes it over.
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    with store.transaction() as db:
        db.execute(
            "INSERT INTO claims VALUES (?, ?, ?, ?)",
            (
                day.isoformat(),
                "a@example.org",
                f"{socket.gethostname()}:{dead.stdout.strip()}",
                _time.time(),
            ),
        )
    assert store.claim(day, "a@example.org").status == "claimed"
    # ... held by this (live) process now: another run is told it is busy.
    assert store.claim(day, "a@example.org").status == "busy"
    store.release(day, "a@example.org")

    # A failed send gives the claim back and records nothing.
    def refuse(to: str) -> str:
        raise DeliveryError("connection refused")

    with pytest.raises(DeliveryError):
        send_once(store, day, "a@example.org", refuse, now, everyone=everyone)
    assert store.claims() == [] and store.delivered(day) == set()

    sent = [
        send_once(store, day, r, lambda to: f"<{to}>", now, everyone=everyone) for r in everyone
    ]
    assert [o.status for o in sent] == ["sent", "sent"]
    again = send_once(store, day, "a@example.org", lambda to: "x", now, everyone=everyone)
    assert again.status == "already" and "2026-11-20T07:00" in again.detail
    assert store.claims() == []
