"""Shared fixtures: real servers on 127.0.0.1, Prefect's local test harness, the seeds."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

# Prefect settings must be in the environment before prefect is imported anywhere.
_PREFECT_HOME = tempfile.mkdtemp(prefix="briefing-prefect-")
if os.environ.get("PYTEST_XDIST_WORKER"):
    # `make test` runs the suite in 2 pytest-xdist workers: each has its own Prefect home
    # (profiles, local result storage) and starts its own test API; none is shared.
    os.environ["PREFECT_HOME"] = _PREFECT_HOME
else:
    os.environ.setdefault("PREFECT_HOME", _PREFECT_HOME)
os.environ["PREFECT_SERVER_ANALYTICS_ENABLED"] = "false"
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "180")
os.environ.pop("PREFECT_API_URL", None)

import pytest  # noqa: E402

from tests.support import LocalHTTPServer  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
DATA = SHARED / "data"
SAMPLES = ROOT / "samples"


def need_shared(*parts: str) -> Path:
    """A path under ../shared, or skip the test cleanly when it is absent (a user's clone)."""
    p = SHARED.joinpath(*parts)
    if not p.exists():
        pytest.skip(f"{p} not present (../shared is only in the developers' workspace)")
    return p


# ---------------------------------------------------------------- running in 2 processes

# `make test` runs `pytest -n 2 --dist loadgroup` (pytest-xdist). Tests that share an
# expensive module-scoped fixture or a benchmark's cached analysis are kept on one worker
# (an xdist group), so the work is done once, as in a serial run; every other test goes to
# whichever worker is free. Groups are scheduled before single tests (xdist puts bigger
# scopes first), so the long ones start early. A serial `pytest` ignores the marks.
XDIST_GROUPS: dict[str, str | dict[str, str]] = {
    # one real `prefect server` for the module (fixture `server`)
    "test_kill.py": "kill-prefect-server",
    # the module's `sample_articles` and the pool of 2 processes kept between tests
    "test_story_pool.py": "story-pool",
    # benchmarks whose figures or cached analyses are shared by two tests
    "test_quality.py": {
        "test_clean_floors": "quality-clean",
        "test_clean_never_below_trafilatura_defaults": "quality-clean",
        "test_summary_news_cluster_floors": "quality-news-cluster",
        "test_keypoint_quality_news_cluster_floors": "quality-news-cluster",
        "test_relevance_floors": "quality-relevance",
        "test_reaction_floors": "quality-relevance",
    },
}


@pytest.hookimpl(tryfirst=True)  # before xdist reads the marks into the node ids
def pytest_collection_modifyitems(config, items) -> None:
    for item in items:
        group = XDIST_GROUPS.get(item.path.name)
        if isinstance(group, dict):
            group = group.get(item.originalname)
        if group:
            item.add_marker(pytest.mark.xdist_group(group))


@pytest.fixture(scope="session")
def seeds() -> dict[str, Path]:
    d = need_shared("seeds")
    files = sorted(d.glob("*.txt"))
    return {"summary": files[0], "article": files[1]}


@pytest.fixture(scope="session")
def prefect_harness():
    """One real local Prefect API for the whole session (≈15 s to start)."""
    from prefect.settings import PREFECT_FLOWS_HEARTBEAT_FREQUENCY, temporary_settings
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        try:
            ctx = temporary_settings({PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None})
        except Exception:  # older settings model without the heartbeat setting
            ctx = None
        if ctx is None:
            yield
        else:
            with ctx:
                yield


@pytest.fixture()
def http_server():
    with LocalHTTPServer() as server:
        yield server


@pytest.fixture(scope="session")
def sample_server():
    """The bundled sample pages and feed, served over real HTTP."""
    with LocalHTTPServer(root=SAMPLES) as server:
        yield server


# ---------------------------------------------------------------- PostgreSQL (the state)


def postgres_bin() -> Path | None:
    """The folder with Debian's ``initdb`` and ``pg_ctl`` (/usr/lib/postgresql/<v>/bin),
    or one on PATH."""
    import glob
    import shutil

    for folder in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True):
        if Path(folder, "initdb").is_file() and Path(folder, "pg_ctl").is_file():
            return Path(folder)
    found = shutil.which("initdb")
    return Path(found).parent if found and shutil.which("pg_ctl") else None


@pytest.fixture(scope="session")
def postgres_server():
    """A real PostgreSQL server for the session: a temporary data directory, a free port on
    127.0.0.1, trust login for the ``briefing`` user; stopped and removed at the end. As
    root, the server runs as the ``postgres`` user (initdb refuses root). Skipped when
    PostgreSQL is not installed, except in CI (``CI=true``), where that is a failure."""
    import shutil
    import subprocess

    from tests.support import free_port

    bindir = postgres_bin()
    if bindir is None:
        why = "PostgreSQL is not installed (apt-get install postgresql; .ci/run does it)"
        if os.environ.get("CI") == "true":
            pytest.fail(why)
        pytest.skip(why)
    root = Path(tempfile.mkdtemp(prefix="briefing-pg-"))
    as_user: list[str] = []
    if os.geteuid() == 0:
        import pwd

        user = pwd.getpwnam("postgres")
        os.chown(root, user.pw_uid, user.pw_gid)
        as_user = ["runuser", "-u", "postgres", "--"]
    data, log, port = root / "data", root / "server.log", free_port()

    def run(*cmd: str) -> None:
        res = subprocess.run(
            [*as_user, *cmd], capture_output=True, text=True, timeout=120, cwd=root
        )
        if res.returncode != 0:
            detail = res.stdout + res.stderr
            if log.exists():
                detail += log.read_text(errors="replace")[-2000:]
            pytest.fail(f"{Path(cmd[0]).name} failed (rc={res.returncode}):\n{detail}")

    run(str(bindir / "initdb"), "-D", str(data), "-U", "briefing", "--auth=trust", "-E", "UTF8")
    opts = f"-p {port} -c listen_addresses=127.0.0.1 -k {root} -c fsync=off"
    run(str(bindir / "pg_ctl"), "-D", str(data), "-l", str(log), "-o", opts, "-w", "start")
    try:
        yield f"postgresql://briefing@127.0.0.1:{port}"
    finally:
        subprocess.run(
            [*as_user, str(bindir / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"],
            capture_output=True,
            timeout=120,
        )
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture()
def postgres_url(postgres_server):
    """A fresh, empty database on the session's server (one per test)."""
    import uuid

    import psycopg

    name = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(f"{postgres_server}/postgres", autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return f"{postgres_server}/{name}"


@pytest.fixture(params=["sqlite", "postgresql"])
def state_location(request, tmp_path):
    """Where a StateStore lives, on both backends: a SQLite file, or a PostgreSQL URL."""
    if request.param == "sqlite":
        return tmp_path / "state.sqlite"
    return request.getfixturevalue("postgres_url")
