"""The one module that writes results to disk: atomically, so a killed run leaves no half file."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .models import Digest
from .render import render_html, render_json, render_markdown


def atomic_write(path: Path, text: str) -> Path:
    """Write to a temporary file in the same directory, fsync, then rename over ``path``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def digest_dir(out_dir: Path, digest: Digest) -> Path:
    return out_dir / digest.date.isoformat()


def write_digest(digest: Digest, out_dir: Path) -> dict[str, Path]:
    """``OUT/<YYYY-MM-DD>/digest.{json,md,html}``; JSON first, HTML last."""
    folder = digest_dir(out_dir, digest)
    rendered = {
        "json": render_json(digest),
        "md": render_markdown(digest),
        "html": render_html(digest),
    }  # render everything before writing anything
    return {kind: atomic_write(folder / f"digest.{kind}", text) for kind, text in rendered.items()}
