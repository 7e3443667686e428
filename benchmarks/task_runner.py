"""The per-story analysis on the Dask task runner against the process pool. No assertions;
prints seconds.

    .venv/bin/python -m pip install -c constraints.txt -e ".[dask]"   # once
    .venv/bin/python benchmarks/task_runner.py [--n 400] [--processes 2]

N articles built from ../shared/data as ``benchmarks/scale.py`` builds them (read at run
time) are analysed with ``no_filter`` (every story gets its per-story work), inside one
Prefect flow (its temporary local API), through ``flows.daily.story_mapper`` as the
flow's ``analyse`` task does, for ``[briefing] task_runner`` = ``process`` and ``dask``
(and serial, ``processes = 1``, as the reference). Each is run twice in this process:
"first" includes starting the workers (the process pool's spawned processes importing the
models; a local Dask cluster and its workers), "again" is the second run (the process pool
is kept for the life of the process; the Dask runner starts a new cluster per flow run, as
it does in the daily flow). The digests are compared with the serial one.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
os.environ.setdefault("PREFECT_HOME", tempfile.mkdtemp(prefix="briefing-runner-"))
os.environ["PREFECT_SERVER_ANALYTICS_ENABLED"] = "false"
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "ERROR")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=400)
    ap.add_argument("--processes", type=int, default=os.cpu_count() or 1)
    args = ap.parse_args(argv)
    from _common import dataset, shared_data, table
    from scale import BBC, CLUSTER, build_articles

    if dataset(BBC) is None and dataset(CLUSTER) is None:
        print(f"skipped: data not found: {shared_data()}")
        return 0
    try:
        import prefect_dask  # noqa: F401
    except ImportError:
        print('skipped: the dask extra is not installed (pip install -e ".[dask]")')
        return 0
    from prefect import flow

    from extractors import analysis
    from extractors.config import parse_config
    from extractors.topic import load_topic
    from flows.daily import story_mapper

    arts = build_articles(args.n)
    topic = load_topic("korea-nato")

    def cfg(runner: str, processes: int):  # type: ignore[no-untyped-def]
        return parse_config(
            {
                "briefing": {"task_runner": runner, "processes": processes},
                "sources": [{"name": "x", "kind": "dir", "path": str(ROOT / "samples" / "files")}],
            },
            base_dir=ROOT,
        )

    @flow(name="task-runner-benchmark")
    def measure(runner: str, processes: int) -> dict:
        t0 = time.perf_counter()
        with story_mapper(cfg(runner, processes)) as mapper:
            t1 = time.perf_counter()
            found, _ = analysis.analyse(
                arts, topic, no_filter=True, mapper=mapper, processes=processes
            )
            t2 = time.perf_counter()
        t3 = time.perf_counter()
        return {
            "start_s": t1 - t0,
            "work_s": t2 - t1,
            "stop_s": t3 - t2,
            "total_s": t3 - t0,
            "stories": len(found),
            "digest": json.dumps(
                [(s.id, s.title, s.summary, s.key_points, s.entities, s.events) for s in found],
                default=repr,
            ),
        }

    rows, reference = [], None
    for runner, processes in (
        ("process", 1),
        ("process", args.processes),
        ("dask", args.processes),
    ):
        for attempt in ("first", "again"):
            r = measure(runner, processes)
            reference = reference or r["digest"]
            rows.append(
                (
                    f"{runner}, processes = {processes}",
                    attempt,
                    f"{r['start_s']:.1f}",
                    f"{r['work_s']:.1f}",
                    f"{r['stop_s']:.1f}",
                    f"{r['total_s']:.1f}",
                    r["stories"],
                    "same" if r["digest"] == reference else "DIFFERENT",
                )
            )
    print(f"per-story analysis of {len(arts)} articles (no_filter), wall seconds")
    print(
        table(
            rows,
            ("runner", "run", "start", "work", "stop", "total", "stories", "vs serial"),
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
