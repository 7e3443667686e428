"""The architecture holds: the pure middle imports no edge and no side-effect library."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# What a pure module must not import: our edges, the engine, and the I/O libraries.
FORBIDDEN = {
    "flows",
    "fetch",
    "delivery",
    "prefect",
    "urllib3",
    "httpx",
    "requests",
    "smtplib",
    "socket",
    "sqlite3",
    "sqlalchemy",
}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text("utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("path", sorted((ROOT / "extractors").glob("*.py")), ids=lambda p: p.name)
def test_extractors_import_no_edge(path: Path) -> None:
    assert not (_imports(path) & FORBIDDEN), f"{path.name} imports {_imports(path) & FORBIDDEN}"


@pytest.mark.parametrize("package", ["fetch", "delivery"])
def test_edges_do_not_import_flows(package: str) -> None:
    for path in sorted((ROOT / package).glob("*.py")):
        assert not (_imports(path) & {"flows", "prefect"}), path
