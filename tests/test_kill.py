"""`kill -9` of `briefing run --send` at several points, then recovery runs (the same date
and the next one): each recipient gets each digest exactly once, no temp file is left.

The run is the installed console script in its own process group, against one real
`prefect server` on loopback (shared by the module), mailing a real SMTP server (aiosmtpd)
on loopback. The test hook BRIEFING_TEST_PAUSE_AT=<point> (flows/daily.py ``pause_at``)
makes the run stop at that point and announce it with a file, so the kill lands exactly
there; nothing is timed.
"""

from __future__ import annotations

import contextlib
import email
import os
import signal
import subprocess
import time
from email import policy
from pathlib import Path

import pytest

from delivery.state import StateStore
from tests.conftest import SAMPLES
from tests.support import SMTPSink, email_toml, subject_day
from tests.test_deployment_e2e import BIN, Stack, _tail, start_server

pytestmark = pytest.mark.slow

RECIPIENTS = ["analyst@example.org", "desk@example.org"]
DAY, NEXT = "2026-11-20", "2026-11-21"
POINTS = ["before-collect", "after-write-digest", "after-claim", "after-send"]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    base = tmp_path_factory.mktemp("kill-prefect")
    (base / "home").mkdir()
    (base / "logs").mkdir()
    stack = Stack(base / "home", base / "logs")
    try:
        start_server(stack)
        yield stack
    finally:
        stack.stop_all()


def briefing(stack: Stack, cfg: Path, day: str, **env: str) -> subprocess.Popen:
    log = cfg.parent / f"run-{day}-{len(list(cfg.parent.glob('run-*.log')))}.log"
    with open(log, "wb") as fh:
        return subprocess.Popen(
            [str(BIN / "briefing"), "run", "--config", str(cfg), "--date", day, "--send"],
            env={**stack.env, **env},
            stdin=subprocess.DEVNULL,
            stdout=fh,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )


def finish(proc: subprocess.Popen) -> int:
    try:
        return proc.wait(300)
    finally:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(proc.pid, signal.SIGKILL)


def received(smtp: SMTPSink) -> dict[tuple[str, str], int]:
    counts: dict[tuple[str, str], int] = {}
    for _, rcpts, raw in smtp.messages:
        day = subject_day(email.message_from_bytes(raw, policy=policy.default)["Subject"])
        for r in rcpts:
            counts[(r, day)] = counts.get((r, day), 0) + 1
    return counts


@pytest.mark.parametrize("point", POINTS)
def test_kill_9_then_recovery_sends_each_digest_exactly_once(server, tmp_path, point):
    with SMTPSink() as smtp:
        cfg = tmp_path / "briefing.toml"
        cfg.write_text(
            f'[briefing]\nout_dir = "out"\n\n{email_toml(smtp.port, RECIPIENTS)}\n'
            f'[[sources]]\nname = "files"\nkind = "dir"\npath = "{SAMPLES / "files"}"\n',
            encoding="utf-8",
        )
        pause = tmp_path / "pause"
        pause.mkdir()
        proc = briefing(
            server, cfg, DAY, BRIEFING_TEST_PAUSE_AT=point, BRIEFING_TEST_PAUSE_DIR=str(pause)
        )
        reached = pause / f"{point}.reached"
        deadline = time.monotonic() + 300
        while not reached.exists():
            if proc.poll() is not None or time.monotonic() > deadline:
                finish(proc)
                logs = "\n".join(_tail(p) for p in tmp_path.glob("run-*.log"))
                pytest.fail(f"the run never reached {point} (rc={proc.returncode})\n{logs}")
            time.sleep(0.1)
        os.killpg(proc.pid, signal.SIGKILL)
        assert proc.wait(30) == -signal.SIGKILL
        killed_with = len(smtp.messages)

        # Recovery: half the points rerun the same date first, half go on to the next date.
        order = [DAY, NEXT] if POINTS.index(point) % 2 == 0 else [NEXT, DAY]
        for day in order:
            rc = finish(briefing(server, cfg, day))
            logs = "\n".join(_tail(p) for p in sorted(tmp_path.glob("run-*.log")))
            assert rc == 0, logs
        counts = received(smtp)
    print(f"[kill] {point}: {killed_with} message(s) before the kill; then {counts}")
    assert counts == {(r, d): 1 for r in RECIPIENTS for d in (DAY, NEXT)}
    out = tmp_path / "out"
    assert not [p for p in out.rglob("*") if p.name.endswith(".tmp")]
    assert (out / DAY / "digest.md").is_file() and (out / NEXT / "digest.md").is_file()
    store = StateStore(out / "state.sqlite")
    assert store.outbox() == [] and store.claims() == []


def test_concurrent_runs_send_each_message_once(server, tmp_path):
    """Three `briefing run --send` of the same date at once: claims let one run send each
    (date, recipient); the others say another run is sending it, or that it was sent."""
    with SMTPSink(delay=0.3) as smtp:
        cfg = tmp_path / "briefing.toml"
        cfg.write_text(
            f'[briefing]\nout_dir = "out"\n\n{email_toml(smtp.port, RECIPIENTS)}\n'
            f'[[sources]]\nname = "files"\nkind = "dir"\npath = "{SAMPLES / "files"}"\n',
            encoding="utf-8",
        )
        procs = [briefing(server, cfg, DAY) for _ in range(3)]
        codes = [finish(p) for p in procs]
        logs = "\n".join(_tail(p) for p in sorted(tmp_path.glob("run-*.log")))
        assert codes == [0, 0, 0], logs
        counts = received(smtp)
    assert counts == {(r, DAY): 1 for r in RECIPIENTS}, logs
    assert not [p for p in (tmp_path / "out").rglob("*") if p.name.endswith(".tmp")]
