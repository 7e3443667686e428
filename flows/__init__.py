"""Prefect flows, thin tasks and the CLI over ``extractors``."""

import os

# Prefect's temporary local API (used when no PREFECT_API_URL is set) must answer within
# this many seconds; Prefect's default of 20 s is missed on a loaded 2-core machine, and the
# run then dies before doing anything. Set before prefect is imported; a user's own value wins.
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "180")
