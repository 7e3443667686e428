"""Shared fixtures: real servers on 127.0.0.1, Prefect's local test harness, the seeds."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

# Prefect settings must be in the environment before prefect is imported anywhere.
_PREFECT_HOME = tempfile.mkdtemp(prefix="briefing-prefect-")
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
