"""Scale-out end to end: a real `prefect server`, the prefect.yaml deployment, **two process
workers** on one pool, the state in a real PostgreSQL, and `briefing backfill` submitting
three days. Each day's digest reaches the aiosmtpd sink exactly once, whichever worker ran
it and whichever run found it queued.
"""

from __future__ import annotations

import email
import subprocess
from datetime import date
from email import policy

import pytest

from delivery.state import StateStore
from tests.support import SMTPSink, email_toml
from tests.test_deployment_e2e import (
    BIN,
    DEPLOYMENT,
    FEED,
    POOL,
    ROOT,
    TERMINAL,
    _tail,
    _wait,
    stack,  # noqa: F401  (the fixture: the subprocesses this test starts)
    start_server,
)

DAYS = ["2026-11-18", "2026-11-19", "2026-11-20"]
RECIPIENTS = ["analyst@example.org"]


def write_config(tmp_path, server, smtp_port: int, state_url: str):
    base = server.url("")
    server.add("backfill-feed.xml", FEED.format(base=base), content_type="application/rss+xml")
    cfg = tmp_path / "briefing.toml"
    cfg.write_text(
        f"""[briefing]
title = "Korea–NATO daily briefing"
out_dir = "out"
processes = 1

[http]
allow_private = true
timeout = 10
retries = 0

[state]
url = "{state_url}"

{email_toml(smtp_port, RECIPIENTS)}
[[sources]]
name = "Loopback wire"
kind = "rss"
url = "{server.url("backfill-feed.xml")}"
""",
        encoding="utf-8",
    )
    return cfg


def test_backfill_days_and_usage_errors(capsys, monkeypatch):
    from flows.cli import backfill_days, main

    assert backfill_days(date(2026, 2, 27), date(2026, 3, 1)) == [
        date(2026, 2, 27),
        date(2026, 2, 28),
        date(2026, 3, 1),
    ]
    assert main(["backfill", "--from", "2026-11-20", "--to", "2026-11-18"]) == 2
    assert "--to 2026-11-18 is before --from 2026-11-20" in capsys.readouterr().err
    assert main(["backfill", "--to", "2026-11-18"]) == 2
    assert "give both --from" in capsys.readouterr().err
    assert main(["backfill", "--from", "2016-01-01", "--to", "2026-11-18"]) == 2
    assert "at most 3660" in capsys.readouterr().err


@pytest.mark.slow
def test_backfill_on_two_workers_sends_each_digest_once(
    stack,  # noqa: F811  (the fixture imported above)
    tmp_path,
    sample_server,
    postgres_url,
):
    api = start_server(stack)
    for args in (("work-pool", "create", POOL, "--type", "process"), ("deploy", "--all")):
        res = stack.cli(*args, "--no-prompt" if args[0] == "deploy" else "--overwrite")
        assert res.returncode == 0, res.stdout + res.stderr
    deployment = api.get(f"/deployments/name/{DEPLOYMENT}").json()
    for sched in deployment["schedules"]:  # only the backfill's runs, never the cron's
        r = api.patch(
            f"/deployments/{deployment['id']}/schedules/{sched['id']}", json={"active": False}
        )
        assert r.status_code in (200, 204), r.text

    # two workers on the pool, one flow run at a time each, so both take part
    workers = [
        stack.start(
            name,
            ["worker", "start", "--pool", POOL, "--name", name, "--limit", "1"],
            PREFECT_WORKER_QUERY_SECONDS="2",
            PREFECT_WORKER_PREFETCH_SECONDS="2",
        )
        for name in ("worker-a", "worker-b")
    ]

    def online() -> bool:
        r = api.post(f"/work_pools/{POOL}/workers/filter", json={})
        names = {w["name"] for w in r.json()} if r.status_code == 200 else set()
        return {"worker-a", "worker-b"} <= names

    _wait(
        "both workers to report to the pool",
        online,
        120,
        on_timeout=lambda: _tail(stack.log("worker-a")) + _tail(stack.log("worker-b")),
    )

    with SMTPSink() as smtp:
        cfg = write_config(tmp_path, sample_server, smtp.port, postgres_url)
        backfill = [
            str(BIN / "briefing"),
            "backfill",
            "--from",
            DAYS[0],
            "--to",
            DAYS[-1],
            "--deployment",
            DEPLOYMENT,
            "--config",
            str(cfg),
        ]
        res = subprocess.run(
            backfill, cwd=ROOT, env=stack.env, capture_output=True, text=True, timeout=180
        )
        assert res.returncode == 0, res.stdout + res.stderr
        rows = [line.split() for line in res.stdout.splitlines() if line.strip()]
        assert [r[0] for r in rows] == DAYS, res.stdout
        ids = [r[1] for r in rows]
        # the same backfill again submits nothing new
        again = subprocess.run(
            backfill, cwd=ROOT, env=stack.env, capture_output=True, text=True, timeout=180
        )
        assert again.returncode == 0 and [line.split()[1] for line in
                                          again.stdout.splitlines()] == ids  # fmt: skip

        def finished(run_id: str):
            for w in workers:
                if w.poll() is not None:
                    pytest.fail(f"a worker exited rc={w.returncode}")
            run = api.get(f"/flow_runs/{run_id}").json()
            return run if (run.get("state") or {}).get("type") in TERMINAL else None

        for run_id, day in zip(ids, DAYS, strict=True):
            run = _wait(
                f"backfill run {run_id} ({day})",
                lambda run_id=run_id: finished(run_id),
                420,
                interval=1,
                on_timeout=lambda: _tail(stack.log("worker-a")) + _tail(stack.log("worker-b")),
            )
            assert run["state"]["type"] == "COMPLETED", (
                f"{day}: {run['state'].get('message')}\n{_tail(stack.log('worker-a'))}\n"
                f"{_tail(stack.log('worker-b'))}"
            )
            assert run["name"] == f"briefing {day}" and run["parameters"]["day"] == day
            assert (tmp_path / "out" / day / "digest.md").is_file()

        # every digest sent exactly once, to the one recipient
        subjects = [
            email.message_from_bytes(m[2], policy=policy.default)["Subject"] for m in smtp.messages
        ]
        assert len(subjects) == len(DAYS), subjects
        for human in ("Wed 18 Nov 2026", "Thu 19 Nov 2026", "Fri 20 Nov 2026"):
            assert sum(human in s for s in subjects) == 1, subjects

    ledger = StateStore(postgres_url).deliveries()
    assert sorted(d.day for d in ledger) == [date.fromisoformat(d) for d in DAYS]
    assert StateStore(postgres_url).outbox() == []
    # both workers took part
    took = [sum(i in stack.log(n).read_text(errors="replace") for i in ids) for n in
            ("worker-a", "worker-b")]  # fmt: skip
    assert all(took) and sum(took) >= len(DAYS), took
