"""The one module that reads article files from disk (``file`` and ``dir`` sources)."""

from __future__ import annotations

from pathlib import Path

from extractors.errors import FetchError
from extractors.files import SUFFIXES
from extractors.models import Fetched


def read_file(path: str, max_bytes: int = 5_000_000) -> Fetched:
    """Bytes of a local file, or ``FetchError`` saying why not."""
    p = Path(path)
    try:
        size = p.stat().st_size
        if p.is_dir():
            raise FetchError(path, "is a directory (use a 'dir' source)")
        if size > max_bytes:
            raise FetchError(path, f"too large: {size:,} bytes, limit is {max_bytes:,}")
        return Fetched(url=path, final_url=path, status=200, content=p.read_bytes())
    except FileNotFoundError as exc:
        raise FetchError(path, "no such file") from exc
    except PermissionError as exc:
        raise FetchError(path, "permission denied") from exc
    except OSError as exc:
        raise FetchError(path, f"cannot read: {exc.strerror or exc}") from exc


def list_dir(path: str, exclude: tuple[str, ...] = ()) -> list[str]:
    p = Path(path)
    if not p.is_dir():
        raise FetchError(path, "no such directory" if not p.exists() else "not a directory")
    return [
        str(f)
        for f in sorted(p.rglob("*"))
        if f.is_file()
        and f.suffix.lower() in SUFFIXES
        and f.name not in exclude
        and not f.name.startswith(".")
    ]
