"""The one module that writes results to disk: atomically, so a killed run leaves no half file."""

from __future__ import annotations

import json
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

from extractors.config import Config
from extractors.models import Digest
from extractors.render import environment, render_html, render_json, render_markdown
from extractors.topic import Topic, load_topic


def atomic_write(path: Path, text: str) -> Path:
    """Write to a temporary file in the same directory, fsync, then rename over ``path``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(fd, 0o644)  # mkstemp makes 0600; digests are for readers and web servers
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
        _fsync_dir(path.parent)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def _fsync_dir(folder: Path) -> None:
    """Make the rename itself durable (POSIX); a no-op where directories cannot be opened."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


@dataclass(frozen=True)
class Place:
    """Where one topic's run writes: its digests folder and its state file."""

    topic: Topic
    out_dir: Path
    state_path: Path


def place(config: Config, out: str | Path | None = None, topic: str | None = None) -> Place:
    """The config's own topic writes to ``OUT/<date>/`` with ``OUT/state.sqlite``; another
    topic (``--topic``) to ``OUT/<topic>/<date>/`` with its own state file (next to the
    configured ``[state] path`` as ``<stem>-<topic>.sqlite``), so two topics never share a
    digest folder or a ledger."""
    out_dir = Path(out) if out else config.out_dir
    default = load_topic(config.briefing.topic, config.base_dir)
    chosen = load_topic(topic, config.base_dir) if topic else default
    if chosen.name == default.name:
        return Place(chosen, out_dir, config.state_path(out_dir))
    name = re.sub(r"[^\w.-]+", "-", chosen.name).strip(".-") or "topic"
    state = config.state_path(out_dir / name)
    if config.state.path:
        state = state.with_name(f"{state.stem}-{name}{state.suffix}")
    return Place(chosen, out_dir / name, state)


def digest_dir(out_dir: Path, digest: Digest) -> Path:
    return out_dir / digest.date.isoformat()


def write_digest(
    digest: Digest, out_dir: Path, *, email: tuple[str, str] | None = None
) -> dict[str, Path]:
    """``OUT/<YYYY-MM-DD>/digest.{json,md,html}``; JSON first, HTML last; and, when given,
    the email's (text, HTML) as ``email.txt``/``email.html`` (what a later send reads)."""
    folder = digest_dir(out_dir, digest)
    rendered = {
        "json": render_json(digest),
        "md": render_markdown(digest),
        "html": render_html(digest),
    }  # render everything before writing anything
    paths = {kind: atomic_write(folder / f"digest.{kind}", text) for kind, text in rendered.items()}
    if email is not None:
        atomic_write(folder / "email.txt", email[0])
        atomic_write(folder / "email.html", email[1])
    return paths


def read_rendered(folder: Path) -> tuple[str, str]:
    """The email's text and HTML of a written digest (``email.txt``/``email.html``; a folder
    written before those existed gives its ``digest.md``/``digest.html``)."""
    text, html = folder / "email.txt", folder / "email.html"
    if not (text.is_file() and html.is_file()):
        text, html = folder / "digest.md", folder / "digest.html"
    return text.read_text(encoding="utf-8"), html.read_text(encoding="utf-8")


def archive_entries(out_dir: Path) -> list[dict]:
    """Every digest under ``out_dir``, newest first, read from its ``digest.json``."""
    entries = []
    for folder in out_dir.iterdir() if out_dir.is_dir() else []:
        f = folder / "digest.json"
        if not (re.fullmatch(r"\d{4}-\d{2}-\d{2}", folder.name) and f.is_file()):
            continue
        try:
            data = json.loads(f.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue  # a damaged file: leave it out
        if not isinstance(data, dict) or not isinstance(data.get("stories", []), list):
            continue  # not a digest of this schema
        stories = [s for s in data.get("stories") or [] if isinstance(s, dict)]
        entries.append(
            {
                "date": folder.name,
                "title": str(data.get("title", "")),
                "stories": len(stories),
                "top": " · ".join(str(s.get("title", "")) for s in stories[:3]),
            }
        )
    return sorted(entries, key=lambda e: e["date"], reverse=True)


def write_index(out_dir: Path) -> dict[str, Path]:
    """``OUT/index.md`` and ``OUT/index.html``: every digest, newest first."""
    entries = archive_entries(out_dir)
    env = environment()
    return {
        "index_md": atomic_write(
            out_dir / "index.md", env.get_template("index.md.j2").render(entries=entries)
        ),
        "index_html": atomic_write(
            out_dir / "index.html", env.get_template("index.html.j2").render(entries=entries)
        ),
    }
