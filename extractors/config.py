"""The one configuration file (TOML), validated; errors name the bad key and say how to fix it.

    [briefing]  title, topic, timezone, out_dir, max_stories, max_key_points
    [http]      timeout, max_bytes, retries, user_agent, deadline, max_redirects,
                allow_private, private_hosts
    [[sources]] name, kind = "rss" | "page" | "file" | "dir", url or path, ...
    [email]     delivery settings (see README)
    [state]     path of the SQLite state store, or url of a PostgreSQL one

Relative paths (and relative feed/page locations) are resolved against the
directory of the config file.
"""

from __future__ import annotations

import os
import re
import tomllib
from email.utils import parseaddr
from pathlib import Path
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from .errors import ConfigError

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SAMPLE_CONFIG = PROJECT_ROOT / "samples" / "briefing.toml"


def _zone(v: str, example: str) -> str:
    """An IANA time zone name, or a ValueError that shows one."""
    try:
        ZoneInfo(v)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ValueError(f"unknown time zone {v!r} (use an IANA name like '{example}')") from exc
    return v


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def _no_control(v: str) -> str:
    """Rule (no control characters): a CR/LF in a title or subject prefix would break the
    email's headers; refused at load, with where it is."""
    m = _CONTROL.search(v)
    if m:
        raise ValueError(
            f"contains a control character ({m.group()!r} at position {m.start()}); "
            "remove it (one line of plain text)"
        )
    return v


def _address(v: str) -> str:
    """Rule (addresses parse): an address must be ``local@domain`` (a display name is fine:
    ``Briefing <briefing@example.org>``); checked with email-validator, no DNS."""
    from email_validator import EmailNotValidError, validate_email

    _no_control(v)
    _, addr = parseaddr(v)
    try:
        validate_email(addr or v, check_deliverability=False, allow_smtputf8=True)
    except EmailNotValidError as exc:
        raise ValueError(
            f"{v!r} is not an email address ({exc}); write it as name@example.org"
        ) from None
    return v


def _http_url(v: str) -> str:
    """Rule (URLs are http(s)): a URL without a scheme is not guessed at (it used to become
    a local path); a local feed is ``path``, local pages are ``file``/``dir`` sources."""
    low = v.strip().lower()
    if low.startswith(("http://", "https://")):
        if not re.match(r"https?://[^/\s?#]+", low):
            raise ValueError(f"{v!r} has no host name")
        return v.strip()
    if "://" in low:
        scheme = low.split("://", 1)[0]
        raise ValueError(
            f"{v!r}: only http(s) URLs are read ({scheme}:// is not); local files are read "
            'through `path` (kind = "file" or "dir"; a local feed file: kind = "rss" with `path`)'
        )
    raise ValueError(
        f'{v!r} has no scheme: add https:// (url = "https://{v.strip()}"), or for a '
        f'local feed file write path = "{v.strip()}"'
    )


class Source(_Strict):
    """One place articles come from."""

    name: str = Field(min_length=1)
    kind: Literal["rss", "page", "file", "dir"]
    url: str | None = None
    """rss/page: an http(s) URL."""
    path: str | None = None
    """file/dir: a local path (relative to the config); rss: a local feed file instead of
    ``url`` (its entries may link to files next to it)."""
    exclude: tuple[str, ...] = ()
    """dir: file names to skip."""
    max_items: int = Field(default=40, ge=1, le=1000)
    """rss: read at most this many entries (newest first, as the feed lists them)."""
    fetch_pages: bool = True
    """rss: fetch each entry's page; when False, use the entry's own content."""
    outlet: str | None = None
    """The outlet's name, used when neither the page (og:site_name, title suffix) nor the
    feed (channel title) names it."""

    timezone: str | None = None
    """The outlet's zone (IANA name): timestamps it gives without a zone are read in it."""
    type: Literal["news", "official", "state-media", "analysis"] | None = None
    """What kind of publisher; default by domain (kcna.kp -> state-media, nato.int ->
    official, ...), else "news". State media never corroborates a news story."""

    @field_validator("timezone")
    @classmethod
    def _source_tz(cls, v: str | None) -> str | None:
        return None if v is None else _zone(v, "America/New_York")

    @field_validator("url")
    @classmethod
    def _url(cls, v: str | None) -> str | None:
        return None if v is None else _http_url(v)

    @model_validator(mode="after")
    def _location(self) -> Source:
        if self.url and self.path:
            raise ValueError("give either `url` or `path`, not both")
        if self.kind == "rss" and not (self.url or self.path):
            raise ValueError("a 'rss' source needs `url` (https://…) or `path` (a local feed file)")
        if self.kind == "page" and not self.url:
            raise ValueError(
                "a 'page' source needs `url` (https://…); a local HTML file is "
                'kind = "file" with `path`'
            )
        if self.kind in ("file", "dir") and not self.path:
            raise ValueError(f"a {self.kind!r} source needs `path`")
        if self.kind in ("file", "dir") and self.url:
            raise ValueError(f"a {self.kind!r} source reads `path`, not `url`")
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
    processes: int = Field(default_factory=lambda: os.cpu_count() or 1, ge=1, le=64)
    """Processes that clean fetched pages (CPU-bound) for a feed source; 1: in-process."""
    task_runner: Literal["process", "dask"] = "process"
    """Where the per-story analysis runs: ``process``, the process pool of ``processes``;
    ``dask``, Prefect tasks on a Dask cluster (``prefect-dask``: ``pip install -e .[dask]``),
    a local one of ``processes`` workers or the scheduler at ``dask_address``."""
    dask_address: str | None = None
    """A running Dask scheduler (``tcp://host:8786``) for ``task_runner = "dask"``."""
    public_url: str | None = None
    """Where ``out_dir`` is published (https://…/briefing); the email links "view in
    browser" to ``<public_url>/<date>/digest.html``."""

    @field_validator("public_url")
    @classmethod
    def _public_url(cls, v: str | None) -> str | None:
        if v is not None and not v.startswith(("https://", "http://")):
            raise ValueError(f"must be an http(s) URL (got {v!r})")
        return v

    @field_validator("title")
    @classmethod
    def _title(cls, v: str) -> str:
        return _no_control(v)

    @field_validator("timezone")
    @classmethod
    def _tz(cls, v: str) -> str:
        return _zone(v, "Asia/Seoul")


class HttpSettings(_Strict):
    timeout: float = Field(default=15.0, gt=0, le=300)
    max_bytes: int = Field(default=5_000_000, ge=10_000)
    retries: int = Field(default=2, ge=0, le=10)
    user_agent: str | None = None
    deadline: float | None = Field(default=None, gt=0, le=3600)
    """Seconds for one request as a whole (connect + headers + body); default 4 x timeout."""
    max_redirects: int = Field(default=5, ge=0, le=30)
    allow_private: bool = False
    """Let feeds, entry links, pages and redirects reach loopback/private/link-local addresses
    (intranet feeds, tests); by default only public addresses are fetched."""
    private_hosts: tuple[str, ...] = ()
    """Host names or networks ("10.20.0.0/16") allowed even though they are not public."""
    ca_file: str | None = None
    """PEM bundle to trust for https feeds and pages instead of the system's (a private CA)."""
    host_limits: bool = False
    """Each fetch holds a slot of the Prefect global concurrency limit ``fetch-<host>``
    (create one per host to limit: ``prefect gcl create fetch-example.org --limit 2``):
    per-host politeness across every worker. Needs the Prefect API."""


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
    unsubscribe: str | None = None
    """How a reader stops the email: ``mailto:…`` (or an https page); the footer and the
    ``List-Unsubscribe`` header."""

    @field_validator("unsubscribe")
    @classmethod
    def _unsubscribe(cls, v: str | None) -> str | None:
        if v is not None and not (
            (v.startswith("mailto:") and "@" in v) or v.startswith("https://")
        ):
            raise ValueError(
                f"must be a mailto: address or an https URL (got {v!r}), "
                'e.g. "mailto:briefing-stop@example.org?subject=unsubscribe"'
            )
        return v

    @field_validator("subject_prefix")
    @classmethod
    def _prefix(cls, v: str) -> str:
        return _no_control(v)

    @field_validator("sender")
    @classmethod
    def _sender(cls, v: str) -> str:
        return _address(v)

    @field_validator("recipients")
    @classmethod
    def _recipients_parse(cls, v: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(_address(r) for r in v)

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
    url: str | None = None
    """``postgresql://user@host:5432/db``: the whole state store in PostgreSQL instead (for
    several workers or hosts); the password from ``PGPASSWORD`` or ``~/.pgpass``, or in the
    URL. Another topic gets a schema of its own."""
    new_only: bool = True
    """Leave out articles that an earlier digest already carried ("new since last time")."""

    @field_validator("url")
    @classmethod
    def _state_url(cls, v: str | None) -> str | None:
        if v is not None and not v.startswith(("postgresql://", "postgresql+psycopg://")):
            raise ValueError(
                f"must be a PostgreSQL URL, postgresql://user@host:5432/database (got "
                f"{v.split('://')[0] + '://…' if '://' in v else repr(v)}); for SQLite use `path`"
            )
        return v

    @model_validator(mode="after")
    def _one_store(self) -> StateSettings:
        if self.url and self.path:
            raise ValueError("give either `path` (SQLite) or `url` (PostgreSQL), not both")
        return self


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
        text = file.read_text(encoding="utf-8")
        if not text.strip():
            raise ConfigError(
                f"{file}: the config file is empty; add at least one [[sources]] block "
                "(see README 'Configuration')"
            )
        data = tomllib.loads(text)
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
    problems = config_problems(config)
    if problems:
        raise ConfigError("\n".join(f"{name}: {p}" for p in problems))
    return config


def config_problems(config: Config) -> list[str]:
    """What the schema cannot see: the disk. One 'key: what is wrong; the fix' line each."""
    out: list[str] = []
    if not config.sources:
        out.append(
            "sources: no [[sources]] configured; add at least one (see README 'Add a source')"
        )
    for i, src in enumerate(config.sources):
        if not src.path:
            continue
        where = Path(config.resolve(src.path))
        key = f"sources[{i}].path ({src.name})"
        want_dir = src.kind == "dir"
        if not where.exists():
            out.append(f"{key}: {where} does not exist; fix the path (relative to the config)")
        elif want_dir and not where.is_dir():
            out.append(f'{key}: {where} is not a folder; use kind = "file" for one file')
        elif not want_dir and where.is_dir():
            out.append(f'{key}: {where} is a folder; use kind = "dir" for a folder')
    if config.state.path:
        problem = _not_creatable(Path(config.resolve(config.state.path)))
        if problem:
            out.append(f"state.path: {problem}")
    return out


def _not_creatable(file: Path) -> str | None:
    """Why the SQLite file cannot be created at ``file``, or None."""
    if file.is_dir():
        return f"{file} is a folder; give a file name, e.g. {file / 'state.sqlite'}"
    folder = file.parent
    probe = folder
    while not probe.exists():
        probe = probe.parent
    if not probe.is_dir():
        return (
            f"{probe} is a regular file, so the folder {folder} cannot be created; "
            "choose a path under a folder"
        )
    if not os.access(probe, os.W_OK | os.X_OK):
        return f"cannot create {file}: {probe} is not writable; choose a folder you can write to"
    return None


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
