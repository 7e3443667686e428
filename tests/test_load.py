"""`briefing run` on a busy machine: it starts Prefect's temporary API and writes the digest
while CPU burners occupy every core; when Prefect cannot start, one line says what to do.

Subprocesses of the installed console script, each with its own PREFECT_HOME and no
PREFECT_API_URL (the default mode). No timed assertion: the burners only make the start
slow, the test checks that the run still succeeds.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

BIN = Path(sys.executable).parent
BRIEFING = str(BIN / "briefing")
BURN_SECONDS = 900  # each burner also stops by itself after this long


def cli_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    home = tmp_path / "prefect-home"
    home.mkdir(exist_ok=True)
    env.update(PREFECT_HOME=str(home), PREFECT_SERVER_ANALYTICS_ENABLED="false", **extra)
    return env


def burners(n: int) -> list[subprocess.Popen]:
    code = f"import time\nend = time.time() + {BURN_SECONDS}\nwhile time.time() < end:\n    pass\n"
    return [
        subprocess.Popen([sys.executable, "-c", code], start_new_session=True) for _ in range(n)
    ]


@pytest.mark.slow
def test_run_succeeds_with_every_core_busy(tmp_path):
    """The project's own start-up timeout (flows/__init__.py, 180 s; no env override here)
    lets the temporary API start under load, and the digest is written."""
    out = tmp_path / "out"
    procs = burners(max(2, os.cpu_count() or 2))
    try:
        res = subprocess.run(
            [BRIEFING, "run", "--out", str(out), "--date", "2026-11-20"],
            env=cli_env(tmp_path),
            capture_output=True,
            text=True,
            timeout=600,
        )
    finally:
        for p in procs:
            os.killpg(p.pid, signal.SIGKILL)
            p.wait(10)
    assert res.returncode == 0, res.stderr[-3000:]
    assert (out / "2026-11-20" / "digest.md").is_file()
    assert "md: " in res.stdout and "Traceback" not in res.stderr


def test_prefect_start_failure_is_one_line_and_exit_1(tmp_path):
    """A start-up timeout too short for any machine: no traceback, one line naming the fix."""
    res = subprocess.run(
        [BRIEFING, "run", "--out", str(tmp_path / "out"), "--date", "2026-11-20"],
        env=cli_env(tmp_path, PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS="1"),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert res.returncode == 1, res.stderr
    assert "Traceback" not in res.stderr
    errors = [line for line in res.stderr.splitlines() if line.startswith("briefing: error:")]
    assert len(errors) == 1, res.stderr
    assert "prefect server start" in errors[0] and "PREFECT_API_URL" in errors[0]
    assert not (tmp_path / "out" / "2026-11-20").exists()


def test_unreachable_api_url_is_one_line_and_exit_1(tmp_path):
    from tests.support import free_port

    url = f"http://127.0.0.1:{free_port()}/api"
    res = subprocess.run(
        [BRIEFING, "run", "--out", str(tmp_path / "out"), "--date", "2026-11-20"],
        env=cli_env(tmp_path, PREFECT_API_URL=url),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert res.returncode == 1, res.stderr
    assert "Traceback" not in res.stderr
    assert url in res.stderr and "prefect server start" in res.stderr
