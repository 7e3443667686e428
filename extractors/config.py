"""The one configuration file (TOML), validated; errors name the bad key and say how to fix it.

    [briefing]  title, topic, timezone, out_dir, max_stories, max_key_points
    [http]      timeout, max_bytes, retries, user_agent
    [[sources]] name, kind = "rss" | "page" | "file" | "dir", url or path, ...
    [email]     delivery settings (see README)
    [state]     path of the SQLite state store

Relative paths (and relative feed/page locations) are resolved against the
directory of the config file.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from .errors import ConfigError

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SAMPLE_CONFIG = PROJECT_ROOT / "samples" / "briefing.toml"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Source(_Strict):
    """One place articles come from."""

    name: str = Field(min_length=1)
    kind: Literal["rss", "page", "file", "dir"]
    url: str | None = None
    """rss/page: an http(s) URL, or a path to a local file (relative to the config)."""
    path: str | None = None
    """file/dir: a local path (relative to the config)."""
    exclude: tuple[str, ...] = ()
    """dir: file names to skip."""
    max_items: int = Field(default=40, ge=1, le=1000)
    """rss: read at most this many entries (newest first, as the feed lists them)."""
    fetch_pages: bool = True
    """rss: fetch each entry's page; when False, use the entry's own content."""

    @model_validator(mode="after")
    def _location(self) -> Source:
        if self.kind in ("rss", "page") and not self.url:
            raise ValueError(f"a {self.kind!r} source needs `url` (an http(s) URL or a file path)")
        if self.kind in ("file", "dir") and not self.path:
            raise ValueError(f"a {self.kind!r} source needs `path`")
        return self

    @property
    def location(self) -> str:
        return (self.url or self.path) or ""


class BriefingSettings(_Strict):
    title: str = "Daily briefing"
    topic: str = "korea-nato"
    """A bundled topic name (topics/<name>.toml) or a path to a topic TOML file."""
    timezone: str = "Asia/Seoul"
    out_dir: str = "out"
    max_stories: int = Field(default=25, ge=1, le=500)
    max_key_points: int = Field(default=5, ge=1, le=8)
    workers: int = Field(default=4, ge=1, le=32)
    """Pages fetched at once inside one feed source."""

    @field_validator("timezone")
    @classmethod
    def _tz(cls, v: str) -> str:
        try:
            ZoneInfo(v)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(
                f"unknown time zone {v!r} (use an IANA name like 'Asia/Seoul')"
            ) from exc
        return v


class HttpSettings(_Strict):
    timeout: float = Field(default=15.0, gt=0, le=300)
    max_bytes: int = Field(default=5_000_000, ge=10_000)
    retries: int = Field(default=2, ge=0, le=10)
    user_agent: str | None = None


class EmailSettings(_Strict):
    enabled: bool = False
    host: str = "localhost"
    port: int = Field(default=25, ge=1, le=65535)
    security: Literal["plain", "starttls", "ssl"] = "plain"
    username: str | None = None
    password_env: str | None = "BRIEFING_SMTP_PASSWORD"
    """Name of the environment variable holding the password (never the password itself)."""
    password_block: str | None = None
    """Name of a Prefect Secret block holding the password, tried when the variable is unset."""
    sender: str = "briefing@localhost"
    recipients: tuple[str, ...] = ()
    subject_prefix: str = ""
    timeout: float = Field(default=30.0, gt=0)
    ca_file: str | None = None
    """PEM bundle to trust for STARTTLS/SSL (a private CA); default: the system's."""

    @model_validator(mode="after")
    def _recipients(self) -> EmailSettings:
        if self.enabled and not self.recipients:
            raise ValueError("email is enabled but `recipients` is empty")
        loopback = self.host in ("localhost", "::1") or self.host.startswith("127.")
        if self.username and self.security == "plain" and not loopback:
            raise ValueError(
                'a login over `security = "plain"` would send the password in clear '
                'text; use "starttls" or "ssl" (plain login is allowed on loopback only)'
            )
        return self


class StateSettings(_Strict):
    path: str | None = None
    """SQLite file of the state store; default: ``state.sqlite`` in the output folder."""
    new_only: bool = True
    """Leave out articles that an earlier digest already carried ("new since last time")."""


class Config(_Strict):
    briefing: BriefingSettings = BriefingSettings()
    http: HttpSettings = HttpSettings()
    sources: tuple[Source, ...] = ()
    email: EmailSettings = EmailSettings()
    state: StateSettings = StateSettings()
    base_dir: Path = Path(".")
    """Directory of the config file; relative paths are resolved against it."""

    def resolve(self, location: str) -> str:
        """An http(s) URL stays as it is; a path becomes absolute against ``base_dir``."""
        if location.startswith(("http://", "https://", "file://")):
            return location.removeprefix("file://")
        p = Path(location).expanduser()
        return str(p if p.is_absolute() else (self.base_dir / p).resolve())

    @property
    def out_dir(self) -> Path:
        return Path(self.resolve(self.briefing.out_dir))

    def state_path(self, out_dir: Path | None = None) -> Path:
        if self.state.path:
            return Path(self.resolve(self.state.path))
        return (out_dir or self.out_dir) / "state.sqlite"


def load_config(path: str | Path | None = None) -> Config:
    """Read and validate the config file; ``None`` means the bundled sample."""
    file = Path(path) if path else SAMPLE_CONFIG
    if not file.is_file():
        raise ConfigError(
            f"config file not found: {file} (pass --config PATH to an existing "
            f"TOML file, or omit it to use the bundled sample)"
        )
    try:
        data = tomllib.loads(file.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{file}: not valid TOML: {exc}") from exc
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{file}: not UTF-8 text ({exc.reason})") from exc
    return parse_config(data, base_dir=file.resolve().parent, name=str(file))


def parse_config(data: dict, *, base_dir: Path, name: str = "config") -> Config:
    try:
        config = Config.model_validate({**data, "base_dir": base_dir})
    except ValidationError as exc:
        raise ConfigError(format_validation_error(exc, name, data)) from exc
    names = [s.name for s in config.sources]
    dupes = sorted({n for n in names if names.count(n) > 1})
    if dupes:
        raise ConfigError(
            f"{name}: sources: duplicate source name(s) {', '.join(dupes)}; "
            "give each [[sources]] a distinct `name`"
        )
    return config


def format_validation_error(exc: ValidationError, name: str, data: dict | None = None) -> str:
    """pydantic's errors as 'file: key.path: what is wrong' lines."""
    lines = []
    for err in exc.errors():
        loc = _loc(err["loc"], data)
        msg = err["msg"].removeprefix("Value error, ")
        if err["type"] == "extra_forbidden":
            msg = "unknown key (check the spelling; see README 'Configuration')"
        elif err["type"] == "literal_error":
            msg = f"{msg} (got {err.get('input')!r})"
        lines.append(f"{name}: {loc}: {msg}")
    return "\n".join(lines)


def _loc(loc: tuple, data: dict | None) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out or "(top level)"
