"""The state store in PostgreSQL (``[state] url``): a real server started by the session
fixture (tests/conftest.py ``postgres_server``). The exactly-once claim holds with several
processes racing for one message, on PostgreSQL as on SQLite; a flow run keeps its state
there; a bad URL is one clear error."""

from __future__ import annotations

import json
import multiprocessing
import os
import subprocess
import sys
from datetime import date, datetime, timezone
from pathlib import Path

import pytest

from delivery.state import StateStore, send_once
from extractors.errors import ConfigError
from tests.conftest import ROOT, SAMPLES

DAY = date(2026, 11, 20)
NOW = datetime(2026, 11, 20, 7, tzinfo=timezone.utc)


def racer(location: str, log: str, go, results) -> None:  # runs in a spawned process
    import time

    store = StateStore(Path(location) if not location.startswith("postgresql") else location)

    def send(to: str) -> str:
        with open(log, "a", encoding="utf-8") as fh:
            fh.write(f"{os.getpid()} {to}\n")
        time.sleep(0.3)  # hold the claim while the others arrive
        return f"<{os.getpid()}@test>"

    go.wait(60)
    outcome = send_once(store, DAY, "a@example.org", send, NOW, everyone=["a@example.org"])
    results.put(outcome.status)


@pytest.mark.parametrize("rounds", [2])
def test_processes_racing_for_one_message_send_it_once(state_location, tmp_path, rounds):
    ctx = multiprocessing.get_context("spawn")
    log = tmp_path / "sent.log"
    StateStore(state_location)  # the tables, before the race
    for _ in range(rounds):
        go, results = ctx.Event(), ctx.Queue()
        procs = [
            ctx.Process(target=racer, args=(str(state_location), str(log), go, results))
            for _ in range(4)
        ]
        for p in procs:
            p.start()
        go.set()
        for p in procs:
            p.join(120)
            assert p.exitcode == 0
        statuses = sorted(results.get(timeout=10) for _ in procs)
        assert statuses.count("sent") <= 1, statuses
    lines = log.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 1, lines  # one SMTP conversation over every round
    store = StateStore(state_location)
    assert store.delivered(DAY) == {"a@example.org"} and store.claims() == []


def test_the_whole_store_round_trips_on_postgresql(postgres_url):
    from extractors.models import Digest

    store = StateStore(postgres_url)
    assert store.where.startswith("postgresql+psycopg://briefing@127.0.0.1")
    digest = Digest(title="T", topic="korea-nato", date=DAY, generated_at=NOW)
    store.record_digest(digest, Path("/tmp/x"), NOW, queue_for=["a@example.org"])
    assert [q.day for q in store.outbox()] == [DAY]
    assert [d.day for d in store.digests()] == [DAY]
    store.save_validators({"https://example.org/feed": {"etag": '"v1"'}}, DAY)
    assert store.validators("https://example.org/feed", date(2026, 11, 21)) == {"etag": '"v1"'}
    assert store.validators("https://example.org/feed", DAY) == {}  # a rerun reads in full
    [h] = store.record_health({"wire": ("failed", 0)}, NOW)
    [h] = store.record_health({"wire": ("failed", 0)}, NOW)
    assert h.failures_in_a_row == 2 and h.last_success is None
    assert store.mark_sent(DAY, ["a@example.org"], NOW) == ["a@example.org"]
    assert store.outbox() == []
    assert store.forget(DAY)["digests"] == 1 and store.digests() == []
    # another topic's state is a schema of its own
    other = StateStore(postgres_url, schema="topic_other")
    other.record_digest(digest, Path("/tmp/y"), NOW)
    assert store.digests() == [] and [d.day for d in other.digests()] == [DAY]


def config(tmp_path: Path, url: str, *pages: Path) -> str:
    blocks = "\n".join(
        f'[[sources]]\nname = "p{i}"\nkind = "file"\npath = "{p}"\n' for i, p in enumerate(pages)
    )
    cfg = tmp_path / "briefing.toml"
    cfg.write_text(
        f'[briefing]\nout_dir = "out"\n[state]\nurl = "{url}"\n\n{blocks}', encoding="utf-8"
    )
    return str(cfg)


@pytest.mark.usefixtures("prefect_harness")
def test_a_flow_keeps_its_state_in_postgresql(tmp_path, postgres_url):
    from flows.daily import daily_briefing

    arms = SAMPLES / "pages" / "seoul-brussels-arms-talks.html"
    launch = SAMPLES / "pages" / "pyongyang-launch-consultations.html"
    daily_briefing(config_path=config(tmp_path, postgres_url, arms), day=date(2026, 11, 18))
    daily_briefing(config_path=config(tmp_path, postgres_url, arms, launch), day=DAY)
    second = json.loads((tmp_path / "out" / DAY.isoformat() / "digest.json").read_text())
    assert second["seen_before"] == 1 and len(second["stories"]) == 1
    assert not (tmp_path / "out" / "state.sqlite").exists()
    res = subprocess.run(
        [str(Path(sys.executable).parent / "briefing"), "state", "digests", "--config",
         config(tmp_path, postgres_url, arms)],
        capture_output=True, text=True, timeout=120, cwd=ROOT,
    )  # fmt: skip
    assert res.returncode == 0, res.stderr
    assert "2026-11-18" in res.stdout and "2026-11-20" in res.stdout
    assert "state: postgresql+psycopg://briefing@" in res.stderr


def test_an_unreachable_database_is_one_clear_error(postgres_server):
    from tests.support import free_port

    url = f"postgresql://briefing@127.0.0.1:{free_port()}/nowhere"
    with pytest.raises(ConfigError) as err:
        StateStore(url, timeout=2)
    text = str(err.value)
    assert text.startswith("state.url: the PostgreSQL state store postgresql+psycopg://")
    assert "\n" not in text and "check the URL" in text
