"""The deployment, end to end: a real `prefect server`, `prefect deploy --all` from the repo's
prefect.yaml, the cron schedule producing runs, and a process worker running the flow.

Everything runs on 127.0.0.1: the Prefect server and worker are subprocesses with their own
PREFECT_HOME; the feed/pages and the SMTP server are the test's own (tests/support.py).
The executables are taken from the venv the test runs under (``Path(sys.executable).parent``).
"""

from __future__ import annotations

import contextlib
import email
import os
import re
import signal
import subprocess
import sys
import time
from datetime import datetime
from email import policy
from pathlib import Path
from zoneinfo import ZoneInfo

import httpx
import pytest

from tests.support import SMTPSink, email_toml, free_port

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent  # not resolved: the venv's bin/, not the base interpreter's
PREFECT = str(BIN / "prefect")
DEPLOYMENT = "daily-briefing/daily-briefing"
POOL = "briefing-pool"
DAY = "2026-11-20"
RECIPIENTS = ["analyst@example.org"]
TERMINAL = {"COMPLETED", "FAILED", "CRASHED", "CANCELLED"}

FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Loopback wire</title><link>{base}</link>
<item><title>Arms talks</title><link>{base}pages/seoul-brussels-arms-talks.html</link>
<guid>e2e-1</guid><pubDate>Wed, 18 Nov 2026 10:00:00 +0900</pubDate>
<description>Talks on shells.</description></item>
<item><title>IP4 ministers</title><link>{base}pages/ip4-ministers-ukraine.html</link>
<guid>e2e-2</guid><pubDate>Fri, 20 Nov 2026 01:30:00 +0900</pubDate>
<description>Partners at NATO.</description></item>
</channel></rss>
"""


def _tail(path: Path, lines: int = 60) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError as exc:
        return f"<no log: {exc}>"


class Stack:
    """The subprocesses this test started (each in its own session = process group)."""

    def __init__(self, home: Path, logs: Path) -> None:
        self.home = home
        self.logs = logs
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/api"
        self.procs: list[tuple[str, subprocess.Popen, Path]] = []
        env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
        env.update(
            PREFECT_HOME=str(home),
            PREFECT_API_URL=self.url,
            PREFECT_SERVER_ANALYTICS_ENABLED="false",
            PREFECT_SERVER_UI_ENABLED="false",
            PREFECT_SERVER_SERVICES_SCHEDULER_LOOP_SECONDS="2",
            PREFECT_LOGGING_LEVEL="INFO",
            PWD=str(ROOT),  # prefect.yaml's pull step: directory "{{ $PWD }}"
        )
        self.env = env

    def start(
        self, name: str, args: list[str], program: str = PREFECT, **env: str
    ) -> subprocess.Popen:
        log = self.logs / f"{name}.log"
        with open(log, "wb") as fh:
            proc = subprocess.Popen(
                [program, *args],
                cwd=ROOT,
                env={**self.env, **env},
                stdin=subprocess.DEVNULL,
                stdout=fh,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        self.procs.append((name, proc, log))
        print(f"[e2e] started {name} pid={proc.pid} (log: {log})")
        return proc

    def log(self, name: str) -> Path:
        return self.logs / f"{name}.log"

    def cli(self, *args: str, timeout: float = 120) -> subprocess.CompletedProcess:
        return subprocess.run(
            [PREFECT, *args],
            cwd=ROOT,
            env=self.env,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=timeout,
        )

    @staticmethod
    def _signal_group(proc: subprocess.Popen, sig: int) -> None:
        # start_new_session: the group id is the leader's pid
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(proc.pid, sig)

    def stop(self, name: str, proc: subprocess.Popen, grace: float) -> None:
        if proc.poll() is None:
            self._signal_group(proc, signal.SIGTERM)
            try:
                proc.wait(grace)
            except subprocess.TimeoutExpired:
                # the worker ignores its first SIGTERM for 30-40 s: do not wait for it
                self._signal_group(proc, signal.SIGKILL)
                proc.wait(10)
        # children left behind in the group (flow-run processes, server services)
        self._signal_group(proc, signal.SIGKILL)
        print(f"[e2e] stopped {name} pid={proc.pid} rc={proc.returncode}")

    def stop_all(self) -> None:
        # last started first: the worker before the server
        for name, proc, _ in reversed(self.procs):
            self.stop(name, proc, grace=3 if name == "worker" else 10)
        self.procs.clear()


@pytest.fixture()
def stack(tmp_path):
    home = tmp_path / "prefect-home"
    logs = tmp_path / "logs"
    home.mkdir()
    logs.mkdir()
    s = Stack(home, logs)
    try:
        yield s
    finally:
        t = time.monotonic()
        s.stop_all()
        print(f"[e2e] teardown: {time.monotonic() - t:.1f} s")


def _wait(what: str, check, timeout: float, interval: float = 0.5, on_timeout=lambda: ""):
    deadline = time.monotonic() + timeout
    while True:
        value = check()
        if value:
            return value
        if time.monotonic() > deadline:
            pytest.fail(f"timed out after {timeout:.0f} s waiting for {what}\n{on_timeout()}")
        time.sleep(interval)


def _write_config(tmp_path: Path, server, smtp_port: int) -> Path:
    base = server.url("")
    server.add("e2e-feed.xml", FEED.format(base=base), content_type="application/rss+xml")
    cfg = tmp_path / "briefing.toml"
    cfg.write_text(
        f"""
[briefing]
title = "Korea–NATO daily briefing"
out_dir = "out"

[http]
allow_private = true   # the test servers are on 127.0.0.1
timeout = 10
retries = 0

{email_toml(smtp_port, RECIPIENTS)}
[[sources]]
name = "Loopback wire"
kind = "rss"
url = "{server.url("e2e-feed.xml")}"

[[sources]]
name = "Meridian page"
kind = "page"
url = "{server.url("pages/korea-nato-shell-plant-meridian.html")}"
""",
        encoding="utf-8",
    )
    return cfg


def run_args(cfg: Path, day: str) -> list[str]:
    # --param values are parsed as JSON when they can be, else kept as strings
    return [
        "deployment",
        "run",
        DEPLOYMENT,
        "--param",
        f"config_path={cfg}",
        "--param",
        f"day={day}",
    ]


def test_deploy_schedule_and_worker_run(stack, tmp_path, sample_server):

    t0 = time.monotonic()
    timings: dict[str, float] = {}

    def mark(name: str) -> None:
        timings[name] = time.monotonic() - t0
        print(f"[e2e] {name}: {timings[name]:.1f} s")

    # 1. the server
    api = start_server(stack)
    mark("server ready")
    t_ready = time.monotonic()

    def cli_ok(*args: str) -> str:
        res = stack.cli(*args)
        out = res.stdout + res.stderr
        assert res.returncode == 0, f"prefect {' '.join(args)} failed (rc={res.returncode}):\n{out}"
        return out

    # 2. the work pool, 3. the deployments of prefect.yaml, used in place
    cli_ok("work-pool", "create", POOL, "--type", "process")
    cli_ok("deploy", "--all", "--no-prompt")
    r = api.get(f"/deployments/name/{DEPLOYMENT}")
    assert r.status_code == 200, r.text
    deployment = r.json()
    assert deployment["work_pool_name"] == POOL
    assert deployment["path"] is None or Path(deployment["path"]) == ROOT
    mark("deployed")

    # 4. the cron schedule really produces runs (07:00 Asia/Seoul = 22:00 UTC)
    def scheduled_runs():
        r = api.post(
            "/flow_runs/filter",
            json={
                "deployments": {"id": {"any_": [deployment["id"]]}},
                "flow_runs": {"state": {"type": {"any_": ["SCHEDULED"]}}},
                "limit": 10,
            },
        )
        r.raise_for_status()
        return r.json()

    runs = _wait(
        "a SCHEDULED run created by the scheduler",
        scheduled_runs,
        60,
        interval=1,
        on_timeout=lambda: _tail(stack.log("server")),
    )
    for run in runs:
        start = datetime.fromisoformat(run["expected_start_time"].replace("Z", "+00:00"))
        seoul = start.astimezone(ZoneInfo("Asia/Seoul"))
        utc = start.astimezone(ZoneInfo("UTC"))
        assert run["auto_scheduled"], run
        assert (seoul.hour, seoul.minute, seoul.second) == (7, 0, 0), start
        assert (utc.hour, utc.minute) == (22, 0), start
        assert run["parameters"].get("config_path") is None
    mark(f"scheduled runs seen ({len(runs)})")

    # The auto-scheduled runs use the bundled sample config (out_dir inside the repo): switch
    # the schedule off so that the worker can never pick one up (this deletes future runs).
    for sched in deployment["schedules"]:
        r = api.patch(
            f"/deployments/{deployment['id']}/schedules/{sched['id']}", json={"active": False}
        )
        assert r.status_code in (200, 204), r.text
    assert scheduled_runs() == []

    # 5. the worker
    worker = stack.start(
        "worker",
        ["worker", "start", "--pool", POOL],
        PREFECT_WORKER_QUERY_SECONDS="2",
        PREFECT_WORKER_PREFETCH_SECONDS="2",
    )

    def run_state(run_id: str) -> dict:
        r = api.get(f"/flow_runs/{run_id}")
        r.raise_for_status()
        return r.json()["state"] or {}

    def run_logs(run_id: str) -> str:
        r = api.post(
            "/logs/filter",
            json={"logs": {"flow_run_id": {"any_": [run_id]}}, "sort": "TIMESTAMP_ASC"},
        )
        if r.status_code != 200:
            return f"<logs: HTTP {r.status_code}>"
        return "\n".join(f"{x['level']:>3} {x['message']}" for x in r.json()[-40:])

    def wait_terminal(run_id: str, timeout: float) -> dict:
        def done():
            if worker.poll() is not None:
                pytest.fail(f"worker exited rc={worker.returncode}\n{_tail(stack.log('worker'))}")
            state = run_state(run_id)
            return state if state.get("type") in TERMINAL else None

        return _wait(
            f"flow run {run_id} to finish",
            done,
            timeout,
            on_timeout=lambda: (
                f"state: {run_state(run_id)}\n--- flow run logs\n{run_logs(run_id)}"
                f"\n--- worker log\n{_tail(stack.log('worker'))}"
            ),
        )

    def created_id(out: str) -> str:
        m = re.search(r"UUID:\s*([0-9a-f-]{36})", out)
        assert m, f"no flow run id in:\n{out}"
        return m.group(1)

    # 6. a feed and a page over real HTTP, a real SMTP server, a config pointing at both
    with SMTPSink() as smtp:
        cfg = _write_config(tmp_path, sample_server, smtp.port)

        # 7. a manual run through the deployment, executed by the worker
        out = cli_ok(*run_args(cfg, DAY))
        run_id = created_id(out)
        state = wait_terminal(run_id, 120)
        assert state["type"] == "COMPLETED", (
            f"flow run ended {state['type']}: {state.get('message')}\n--- flow run logs\n"
            f"{run_logs(run_id)}\n--- worker log\n{_tail(stack.log('worker'))}"
        )
        mark("manual run completed")

        # 8. the digest on disk, one email
        folder = tmp_path / "out" / DAY
        for ext in ("md", "html", "json"):
            assert (folder / f"digest.{ext}").is_file(), sorted(p.name for p in folder.iterdir())
        assert len(smtp.messages) == 1, [m[1] for m in smtp.messages]
        msg = email.message_from_bytes(smtp.messages[0][2], policy=policy.default)
        assert "Fri 20 Nov 2026" in msg["Subject"], msg["Subject"]  # the DAY, as a reader says it

    # 9. a bad parameter: rejected at creation, or the run fails; either way naming `day`
    res = stack.cli(*run_args(cfg, "not-a-date"))
    text = res.stdout + res.stderr
    if res.returncode != 0:
        print(f"[e2e] bad parameter rejected at creation: {' '.join(text.split())[:300]}")
        assert "day" in text and "not-a-date" in text, text
    else:
        bad_id = created_id(text)
        state = wait_terminal(bad_id, 60)
        assert state["type"] == "FAILED", state
        message = state.get("message") or ""
        print(f"[e2e] bad parameter run FAILED: {' '.join(message.split())}")
        assert re.search(r"\bday\b", message) and "date" in message, (
            f"{message}\n--- flow run logs\n{run_logs(bad_id)}"
        )
        assert not (tmp_path / "out" / "not-a-date").exists()
    mark("bad parameter checked")
    print(
        f"[e2e] after server ready: {time.monotonic() - t_ready:.1f} s; "
        f"total: {time.monotonic() - t0:.1f} s"
    )


class _RetryOn503(httpx.BaseTransport):
    """An httpx transport that sends a request again when the server answers 503 (on a busy
    machine its SQLite database can be locked by its own services for a moment); Prefect's
    own client retries 503s the same way. The last answer is returned whatever it is."""

    def __init__(self) -> None:
        self.inner = httpx.HTTPTransport()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        for pause in (0.5, 1, 2, 4, 8):
            response = self.inner.handle_request(request)
            if response.status_code != 503:
                return response
            response.read()
            response.close()
            time.sleep(pause)
        return self.inner.handle_request(request)

    def close(self) -> None:
        self.inner.close()


def start_server(stack: Stack):
    """`prefect server start` on loopback; returns an httpx client of its API once healthy."""
    server = stack.start(
        "server", ["server", "start", "--host", "127.0.0.1", "--port", str(stack.port)]
    )
    api = httpx.Client(base_url=stack.url, timeout=10, transport=_RetryOn503())

    def healthy():
        if server.poll() is not None:
            log = _tail(stack.log("server"))
            pytest.fail(f"prefect server exited rc={server.returncode}\n{log}")
        try:
            return api.get("/health").status_code == 200
        except httpx.HTTPError:
            return False

    _wait("GET /api/health", healthy, 120, on_timeout=lambda: _tail(stack.log("server")))
    return api


def test_serve_runs_with_day_under_its_own_name(stack, tmp_path):
    """`briefing serve` on a real server: a run with `day` validates, completes, is named by
    its date and writes its digest; the prefect.yaml deployment keeps its pool and cron."""
    api = start_server(stack)
    assert stack.cli("work-pool", "create", POOL, "--type", "process").returncode == 0
    res = stack.cli("deploy", "--all", "--no-prompt")
    assert res.returncode == 0, res.stdout + res.stderr
    before = api.get(f"/deployments/name/{DEPLOYMENT}").json()

    cfg = tmp_path / "briefing.toml"
    cfg.write_text(
        f'[briefing]\nout_dir = "out"\n[[sources]]\nname = "files"\nkind = "dir"\n'
        f'path = "{ROOT / "samples" / "files"}"\n',
        encoding="utf-8",
    )
    serve = stack.start(
        "serve",
        ["serve", "--config", str(cfg), "--cron", "0 7 * * *"],
        program=str(BIN / "briefing"),
    )

    def served():
        if serve.poll() is not None:
            pytest.fail(f"briefing serve exited rc={serve.returncode}\n{_tail(stack.log('serve'))}")
        r = api.get("/deployments/name/daily-briefing/daily-briefing-serve")
        return r.json() if r.status_code == 200 else None

    deployment = _wait(
        "the daily-briefing-serve deployment",
        served,
        120,
        on_timeout=lambda: _tail(stack.log("serve")),
    )
    assert [s["schedule"].get("cron") for s in deployment["schedules"]] == ["0 7 * * *"]

    res = stack.cli(
        "deployment", "run", "daily-briefing/daily-briefing-serve", "--param", f"day={DAY}"
    )
    assert res.returncode == 0, res.stdout + res.stderr
    m = re.search(r"UUID:\s*([0-9a-f-]{36})", res.stdout + res.stderr)
    assert m, res.stdout
    run_id = m.group(1)

    def finished():
        r = api.get(f"/flow_runs/{run_id}").json()
        return r if (r.get("state") or {}).get("type") in TERMINAL else None

    run = _wait(
        f"served flow run {run_id}", finished, 180, on_timeout=lambda: _tail(stack.log("serve"))
    )
    assert run["state"]["type"] == "COMPLETED", (
        f"{run['state'].get('message')}\n{_tail(stack.log('serve'))}"
    )
    assert run["name"] == f"briefing {DAY}"
    assert (tmp_path / "out" / DAY / "digest.md").is_file()
    tasks = api.post("/task_runs/filter", json={"flow_runs": {"id": {"any_": [run_id]}}}).json()
    names = {t["name"] for t in tasks}
    assert {f"analyse {DAY}", f"write digest {DAY}", "collect files"} <= names, names

    # The prefect.yaml deployment was never touched: same pool, same schedule, not paused.
    after = api.get(f"/deployments/name/{DEPLOYMENT}").json()
    assert after["work_pool_name"] == POOL and after["paused"] is False
    assert after["schedules"] == before["schedules"] and after["updated"] == before["updated"]
