"""The optional Dask task runner (``[briefing] task_runner = "dask"``, the ``dask`` extra):
the flow's per-story analysis runs as ``analyse-stories`` task runs on a local Dask
cluster, and the digest is the one the process pool gives. Skipped without prefect-dask."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from tests.conftest import SAMPLES

pytest.importorskip(
    "prefect_dask", reason="the dask extra is not installed (pip install -e .[dask])"
)
pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("prefect_harness")]


def config(tmp_path: Path, runner: str) -> Path:
    cfg = tmp_path / f"{runner}.toml"
    cfg.write_text(
        f"""
[briefing]
title = "Dask check"
out_dir = "out-{runner}"
task_runner = "{runner}"
processes = {2 if runner == "dask" else 1}

[state]
path = "state-{runner}.sqlite"
new_only = false

[[sources]]
name = "Harbour Tribune feed"
kind = "rss"
path = "{SAMPLES / "feed.xml"}"

[[sources]]
name = "Saved pages"
kind = "dir"
path = "{SAMPLES / "pages"}"

[[sources]]
name = "Analyst files"
kind = "dir"
path = "{SAMPLES / "files"}"
""",
        encoding="utf-8",
    )
    return cfg


def digest(result) -> dict:  # type: ignore[no-untyped-def]
    data = json.loads(result.paths["json"].read_text("utf-8"))
    return {k: v for k, v in data.items() if k not in ("generated_at", "source_health")}


def test_the_flow_on_dask_gives_the_process_pool_digest(tmp_path):
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import TaskRunFilter, TaskRunFilterName

    from flows.daily import daily_briefing

    day = date(2026, 11, 20)
    on_process = daily_briefing(config_path=str(config(tmp_path, "process")), day=day)
    on_dask = daily_briefing(config_path=str(config(tmp_path, "dask")), day=day)
    assert digest(on_dask)["stories"]
    assert digest(on_dask) == digest(on_process)
    with get_client(sync_client=True) as client:
        runs = client.read_task_runs(
            task_run_filter=TaskRunFilter(name=TaskRunFilterName(like_="analyse stories"))
        )
    assert runs and all(r.state and r.state.is_completed() for r in runs)
