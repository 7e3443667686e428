"""The state store: one SQLite file (the embedded default) or one PostgreSQL database
(``[state] url``, shared by workers on several hosts). Seen articles, earlier stories,
written digests, the outbox, the send ledger, feed validators and source health.

Safe for a scheduled run and a manual run at the same moment: every write is a short
transaction (SQLite: WAL mode, a busy timeout, ``BEGIN IMMEDIATE``; PostgreSQL: a
transaction-scoped advisory lock taken first, so writers take turns the same way), and no
lock is held while talking to the SMTP server. Delivery is one message per (digest date, recipient):

1. *claim* it in a short transaction (skipped when the ledger already lists it, or when
   another live run holds the claim);
2. talk to the SMTP server, outside any lock;
3. right after the server's 250, commit the ledger row (and drop the claim).

A run killed before step 3 leaves a claim whose owner is dead: the next run takes it over.
The one window left is between the server's 250 and the commit of step 3 (a few
milliseconds): a kill exactly there sends that message again (at least once, never lost).
"""

from __future__ import annotations

import json
import os
import socket
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from extractors.analysis import article_keys, normalise_url
from extractors.models import Article, Digest, SourceHealth, Story

RESEND_WINDOW_DAYS = 7
"""A queued digest is sent by any run whose date is at most this many days after it (and
by any run of an earlier date); an older one is reported as an error by every run until
you send it (``briefing run --date D --send``) or drop it (``briefing state mark-sent D``)."""

DEFAULT_LEASE = 900.0
"""Seconds after which a claim of another host counts as abandoned (one SMTP conversation
never takes this long); on this host a claim is abandoned as soon as its process is gone."""


def owner() -> str:
    """Who holds a claim: this host and process."""
    return f"{socket.gethostname()}:{os.getpid()}"


SCHEMA = """
CREATE TABLE IF NOT EXISTS seen (
    key TEXT PRIMARY KEY,              -- 'url:<normalised url>' or 'fp:<content fingerprint>'
    first_digest TEXT NOT NULL,        -- ISO date of the first digest that carried it
    source TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS stories (
    id TEXT NOT NULL,
    digest TEXT NOT NULL,
    title TEXT NOT NULL,
    text TEXT NOT NULL,                -- title and key points: what later stories are compared to
    PRIMARY KEY (id, digest)
);
CREATE TABLE IF NOT EXISTS digests (
    digest TEXT PRIMARY KEY,           -- ISO date
    folder TEXT NOT NULL,
    title TEXT NOT NULL,
    topic TEXT NOT NULL,
    stories INTEGER NOT NULL,
    written_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS outbox (
    digest TEXT PRIMARY KEY,           -- a digest a run meant to send, until every recipient has it
    queued_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS deliveries (
    digest TEXT NOT NULL,
    recipient TEXT NOT NULL,
    message_id TEXT NOT NULL,
    sent_at TEXT NOT NULL,
    PRIMARY KEY (digest, recipient)
);
CREATE TABLE IF NOT EXISTS claims (
    digest TEXT NOT NULL,              -- a message being sent right now (or by a run that died)
    recipient TEXT NOT NULL,
    owner TEXT NOT NULL,               -- '<host>:<pid>' of the run that claimed it
    claimed_at DOUBLE PRECISION NOT NULL,  -- Unix time
    PRIMARY KEY (digest, recipient)
);
CREATE TABLE IF NOT EXISTS validators (
    url TEXT PRIMARY KEY,              -- a feed as configured
    etag TEXT,
    last_modified TEXT,
    digest TEXT NOT NULL               -- ISO date of the run whose digest holds what it served
);
CREATE TABLE IF NOT EXISTS source_health (
    source TEXT PRIMARY KEY,           -- the configured source's name
    status TEXT NOT NULL,              -- of the last run: ok, not-modified, failed
    last_success TEXT,
    failures_in_a_row INTEGER NOT NULL,
    last_not_modified TEXT,
    updated_at TEXT NOT NULL
);
"""


@dataclass(frozen=True)
class DigestRecord:
    day: date
    folder: Path
    title: str
    topic: str
    stories: int
    written_at: str = ""


@dataclass(frozen=True)
class Queued:
    """An outbox row: a digest a run meant to send, until every recipient has it."""

    day: date
    queued_at: str
    digest: DigestRecord | None
    """None when the digest's row is gone (``state forget``); such a row is not sent."""


@dataclass(frozen=True)
class Delivery:
    day: date
    recipient: str
    message_id: str
    sent_at: str


@dataclass(frozen=True)
class EarlierStory:
    id: str
    day: date
    title: str
    text: str


class PgConnection:
    """A SQLAlchemy connection to PostgreSQL that reads the store's SQL as sqlite3 does
    (``?`` placeholders, ``execute`` / ``executemany`` returning a cursor-like result)."""

    def __init__(self, conn: Any) -> None:
        self._conn = conn

    def execute(self, sql: str, args: Sequence[object] = ()) -> Any:
        if not args:
            return self._conn.exec_driver_sql(sql)
        return self._conn.exec_driver_sql(_pg_sql(sql), tuple(args))

    def executemany(self, sql: str, rows: Iterable[Sequence[object]]) -> None:
        batch = [tuple(r) for r in rows]
        if batch:
            self._conn.exec_driver_sql(_pg_sql(sql), batch)


def _pg_sql(sql: str) -> str:
    """sqlite3's ``?`` placeholders as psycopg's ``%s`` (the store's SQL has no ``?`` or
    ``%`` of its own)."""
    return sql.replace("%", "%%").replace("?", "%s")


PG_LOCK = 0x62726566
"""The advisory lock a write transaction takes on PostgreSQL: one writer at a time, as
SQLite's ``BEGIN IMMEDIATE`` gives (every write transaction is a few statements long)."""


def is_database_url(location: str | Path) -> bool:
    return isinstance(location, str) and location.startswith(("postgresql:", "postgresql+"))


def database_url(url: str) -> str:
    """``postgresql://`` means the psycopg (v3) driver."""
    if url.startswith("postgresql://"):
        return "postgresql+psycopg://" + url.removeprefix("postgresql://")
    return url


def shown_url(url: str) -> str:
    """The URL without its password (for messages)."""
    from sqlalchemy.engine import make_url

    return make_url(database_url(url)).render_as_string(hide_password=True)


def store_for(config: Any, where: Any) -> StateStore:
    """The state store of one topic's run (``where``: ``output.place(...)``): the SQLite
    file of the place, or with ``[state] url`` the PostgreSQL database (the config's own
    topic in the default schema, another topic in a schema ``topic_<name>``)."""
    if not config.state.url:
        return StateStore(where.state_path)
    import re

    from extractors.topic import load_topic

    default = load_topic(config.briefing.topic, config.base_dir).name
    name = where.topic.name
    schema = None if name == default else "topic_" + re.sub(r"[^a-z0-9_]+", "_", name.lower())
    return StateStore(config.state.url, schema=schema)


class StateStore:
    """One API over two backends: a SQLite file (the embedded default: ``path``) or a
    PostgreSQL database (``[state] url = "postgresql://…"``, through SQLAlchemy and
    psycopg), shared by every worker. ``schema``: a PostgreSQL schema of its own (another
    topic's state); ignored for SQLite (another topic has its own file)."""

    def __init__(self, path: Path | str, timeout: float = 120.0, schema: str | None = None) -> None:
        self._timeout = timeout
        self.url: str | None = None
        self.schema = schema
        if is_database_url(path):
            from sqlalchemy import create_engine
            from sqlalchemy.pool import NullPool

            self.url = str(path)
            self.path = Path(shown_url(self.url))
            # NullPool: a connection per transaction (as with SQLite), nothing held between
            # them, nothing inherited across a fork
            self._engine = create_engine(
                database_url(self.url),
                poolclass=NullPool,
                connect_args={"connect_timeout": max(1, int(min(timeout, 30)))},
            )
            try:
                self._create(schema)
            except Exception as exc:  # unreachable, login refused, no such database
                from extractors.errors import ConfigError

                cause = " ".join(str(getattr(exc, "orig", None) or exc).split())[:300]
                raise ConfigError(
                    f"state.url: the PostgreSQL state store {shown_url(self.url)} cannot be "
                    f"used ({type(exc).__name__}: {cause}); check the URL, the password "
                    "(PGPASSWORD or ~/.pgpass) and that the server is running"
                ) from None
            return
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with closing(self._connect()) as db:
            db.executescript(SCHEMA)

    def _create(self, schema: str | None) -> None:
        with self.transaction() as db:
            if schema:  # search_path is set already; the schema may not exist yet
                db.execute(f'CREATE SCHEMA IF NOT EXISTS "{schema}"')
            for statement in SCHEMA.split(";\n"):
                if statement.strip():
                    db.execute(statement)

    @property
    def where(self) -> str:
        """The SQLite file or the database URL (without its password)."""
        return str(self.path) if self.url is None else shown_url(self.url)

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=self._timeout, isolation_level=None)
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=FULL")
        return db

    @contextmanager
    def _pg(self, write: bool) -> Iterator[PgConnection]:
        with self._engine.begin() as conn:
            db = PgConnection(conn)
            if self.schema:
                db.execute(f'SET LOCAL search_path TO "{self.schema}"')
            if write:
                db.execute("SELECT pg_advisory_xact_lock(?)", (PG_LOCK,))
            yield db

    @contextmanager
    def transaction(self, immediate: bool = True) -> Iterator[Any]:
        """One short transaction: SQLite ``BEGIN IMMEDIATE`` (or ``BEGIN``); on PostgreSQL
        the write lock (``immediate``) taken first. Commits at the end, rolls back on any
        error. Yields a connection with sqlite3's ``execute`` / ``executemany``."""
        if self.url is not None:
            with self._pg(immediate) as pg:
                yield pg
            return
        db = self._connect()
        try:
            db.execute("BEGIN IMMEDIATE" if immediate else "BEGIN")
            yield db
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        finally:
            db.close()

    # ---- seen articles and earlier stories

    def first_seen(self, articles: Sequence[Article]) -> dict[str, date]:
        """For each article that an earlier digest carried: its key -> that digest's date."""
        keys = sorted({k for a in articles for k in article_keys(a)})
        out: dict[str, date] = {}
        for i in range(0, len(keys), 500):
            chunk = keys[i : i + 500]
            marks = ",".join("?" * len(chunk))
            rows = self._rows(f"SELECT key, first_digest FROM seen WHERE key IN ({marks})", chunk)
            out.update({k: date.fromisoformat(d) for k, d in rows})
        return out

    def earlier_stories(self, before: date, days: int = 14) -> list[EarlierStory]:
        rows = self._rows(
            "SELECT id, digest, title, text FROM stories WHERE digest < ? "
            "AND digest >= ? ORDER BY digest DESC",
            (before.isoformat(), (before - timedelta(days=days)).isoformat()),
        )
        return [EarlierStory(i, date.fromisoformat(d), t, x) for i, d, t, x in rows]

    def record_digest(
        self,
        digest: Digest,
        folder: Path,
        written_at: datetime,
        *,
        queue_for: Sequence[str] = (),
        resend: bool = False,
    ) -> None:
        """Right after the files are on disk, in one transaction: the digest, its stories,
        its articles as carried and, when email is on (``queue_for``: the recipients), its
        outbox row unless every one of them already has it, so a run
        killed at any later point leaves the digest queued for the next run. ``resend``
        (``--force``) also makes the ledger forget the date, so it is sent again."""
        day = digest.date.isoformat()
        with self.transaction() as db:
            db.execute(
                "INSERT INTO digests VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (digest) DO UPDATE "
                "SET folder = excluded.folder, title = excluded.title, topic = excluded.topic, "
                "stories = excluded.stories, written_at = excluded.written_at",
                (
                    day,
                    str(folder),
                    digest.title,
                    digest.topic,
                    len(digest.stories),
                    written_at.isoformat(),
                ),
            )
            db.execute("DELETE FROM stories WHERE digest = ?", (day,))
            for s in digest.stories:
                db.execute(
                    "INSERT INTO stories VALUES (?, ?, ?, ?) ON CONFLICT (id, digest) DO UPDATE "
                    "SET title = excluded.title, text = excluded.text",
                    (s.id, day, s.title, story_text(s)),
                )
                for a in s.articles:
                    for k in carried_keys(a):
                        # keep the earliest digest that carried it
                        db.execute(
                            "INSERT INTO seen VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET "
                            "first_digest = CASE WHEN excluded.first_digest < seen.first_digest "
                            "THEN excluded.first_digest ELSE seen.first_digest END",
                            (k, day, a.source),
                        )
            if resend:
                db.execute("DELETE FROM deliveries WHERE digest = ?", (day,))
            done = {
                r
                for (r,) in db.execute("SELECT recipient FROM deliveries WHERE digest = ?", (day,))
            }
            if set(queue_for) - done:
                db.execute(
                    "INSERT INTO outbox VALUES (?, ?) ON CONFLICT DO NOTHING",
                    (day, written_at.isoformat()),
                )

    # ---- conditional GET, entry pages already carried, sources over time

    def validators(self, url: str, before: date) -> dict[str, str]:
        """The ``etag`` / ``last-modified`` a feed gave a run of a date before ``before``
        (none for a rerun of that date or later: a rerun reads the feed in full)."""
        rows = self._rows(
            "SELECT etag, last_modified FROM validators WHERE url = ? AND digest < ?",
            (url, before.isoformat()),
        )
        if not rows:
            return {}
        etag, modified = rows[0]
        return {k: v for k, v in (("etag", etag), ("last-modified", modified)) if v}

    def save_validators(self, found: dict[str, dict[str, str]], day: date) -> None:
        """After the digest of ``day`` is recorded: what each feed served is in it, so the
        next day's run may ask "anything newer?" (a feed without validators is forgotten)."""
        if not found:
            return
        with self.transaction() as db:
            for url, v in found.items():
                if not v:
                    db.execute("DELETE FROM validators WHERE url = ?", (url,))
                    continue
                db.execute(
                    "INSERT INTO validators VALUES (?, ?, ?, ?) ON CONFLICT (url) DO UPDATE "
                    "SET etag = excluded.etag, last_modified = excluded.last_modified, "
                    "digest = excluded.digest",
                    (url, v.get("etag"), v.get("last-modified"), day.isoformat()),
                )

    def carried(self, urls: Sequence[str], before: date) -> set[str]:
        """Which of these normalised URLs a digest dated before ``before`` carried."""
        keys = sorted({f"url:{u}" for u in urls})
        out: set[str] = set()
        for i in range(0, len(keys), 500):
            chunk = keys[i : i + 500]
            marks = ",".join("?" * len(chunk))
            rows = self._rows(
                f"SELECT key FROM seen WHERE key IN ({marks}) AND first_digest < ?",
                (*chunk, before.isoformat()),
            )
            out |= {k.removeprefix("url:") for (k,) in rows}
        return out

    def record_health(
        self, outcomes: dict[str, tuple[str, int]], now: datetime
    ) -> list[SourceHealth]:
        """One run's outcome per source (``ok``, ``not-modified`` or ``failed``, and the
        pages skipped) folded into each source's history; returns the updated rows."""
        stamp = now.isoformat()
        out: list[SourceHealth] = []
        with self.transaction() as db:
            for name, (status, skipped) in outcomes.items():
                row = db.execute(
                    "SELECT last_success, failures_in_a_row, last_not_modified "
                    "FROM source_health WHERE source = ?",
                    (name,),
                ).fetchone()
                success, failures, modified = row if row else (None, 0, None)
                if status == "failed":
                    failures += 1
                else:
                    success, failures = stamp, 0
                if status == "not-modified":
                    modified = stamp
                db.execute(
                    "INSERT INTO source_health VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (source) "
                    "DO UPDATE SET status = excluded.status, last_success = excluded.last_success, "
                    "failures_in_a_row = excluded.failures_in_a_row, "
                    "last_not_modified = excluded.last_not_modified, "
                    "updated_at = excluded.updated_at",
                    (name, status, success, failures, modified, stamp),
                )
                out.append(
                    SourceHealth(name, status, success, failures, modified, skipped)  # type: ignore[arg-type]
                )
        return out

    # ---- reading

    def _rows(self, sql: str, args: Sequence[object] = ()) -> list[tuple]:
        if self.url is not None:
            with self._pg(write=False) as pg:
                return [tuple(r) for r in pg.execute(sql, args).fetchall()]
        db = self._connect()
        try:
            return db.execute(sql, args).fetchall()
        finally:
            db.close()

    def digests(self, since: date | None = None) -> list[DigestRecord]:
        rows = self._rows(
            "SELECT digest, folder, title, topic, stories, written_at FROM digests "
            "WHERE digest >= ? ORDER BY digest",
            ((since or date.min).isoformat(),),
        )
        return [
            DigestRecord(date.fromisoformat(d), Path(f), t, tp, n, w) for d, f, t, tp, n, w in rows
        ]

    def delivered(self, day: date) -> set[str]:
        rows = self._rows("SELECT recipient FROM deliveries WHERE digest = ?", (day.isoformat(),))
        return {r for (r,) in rows}

    def deliveries(self, day: date | None = None) -> list[Delivery]:
        where, args = ("WHERE digest = ?", (day.isoformat(),)) if day else ("", ())
        rows = self._rows(
            f"SELECT digest, recipient, message_id, sent_at FROM deliveries {where} "
            "ORDER BY digest, recipient",
            args,
        )
        return [Delivery(date.fromisoformat(d), r, m, s) for d, r, m, s in rows]

    def outbox(self) -> list[Queued]:
        """Every queued digest (meant to be sent, not yet sent to every recipient), oldest
        first, whatever its date."""
        rows = self._rows(
            "SELECT o.digest, o.queued_at, d.folder, d.title, d.topic, d.stories, "
            "d.written_at FROM outbox o LEFT JOIN digests d ON d.digest = o.digest "
            "ORDER BY o.digest"
        )
        out = []
        for d, q, f, t, tp, n, w in rows:
            day = date.fromisoformat(d)
            rec = DigestRecord(day, Path(f), t, tp, n, w) if f is not None else None
            out.append(Queued(day, q, rec))
        return out

    def claims(self) -> list[tuple[date, str, str, float]]:
        rows = self._rows(
            "SELECT digest, recipient, owner, claimed_at FROM claims ORDER BY digest, recipient"
        )
        return [(date.fromisoformat(d), r, o, c) for d, r, o, c in rows]

    # ---- the send ledger: claim, send outside any lock, record

    def claim(self, day: date, recipient: str, lease: float = DEFAULT_LEASE) -> Claim:
        """In one short transaction: ``sent`` when the ledger lists (day, recipient);
        ``busy`` when a live run holds its claim; else ``claimed`` (by this process)."""
        d = day.isoformat()
        with self.transaction() as db:
            row = db.execute(
                "SELECT sent_at, message_id FROM deliveries WHERE digest = ? AND recipient = ?",
                (d, recipient),
            ).fetchone()
            if row:
                return Claim("sent", f"on {row[0]} ({row[1]})")
            row = db.execute(
                "SELECT owner, claimed_at FROM claims WHERE digest = ? AND recipient = ?",
                (d, recipient),
            ).fetchone()
            if row and claim_is_live(row[0], row[1], lease):
                return Claim("busy", f"claimed by {row[0]}")
            db.execute(
                "INSERT INTO claims VALUES (?, ?, ?, ?) ON CONFLICT (digest, recipient) DO UPDATE "
                "SET owner = excluded.owner, claimed_at = excluded.claimed_at",
                (d, recipient, owner(), time.time()),
            )
        return Claim("claimed", "taken over from a dead run" if row else "")

    def record_sent(
        self, day: date, recipient: str, message_id: str, now: datetime, everyone: Sequence[str]
    ) -> None:
        """Right after the server's 250: the ledger row; the claim goes; the outbox row goes
        once every one of ``everyone`` has it."""
        d = day.isoformat()
        with self.transaction() as db:
            db.execute(
                "INSERT INTO deliveries VALUES (?, ?, ?, ?) ON CONFLICT (digest, recipient) "
                "DO UPDATE SET message_id = excluded.message_id, sent_at = excluded.sent_at",
                (d, recipient, message_id, now.isoformat()),
            )
            db.execute("DELETE FROM claims WHERE digest = ? AND recipient = ?", (d, recipient))
            _dequeue_if_done(db, d, everyone)

    def release(self, day: date, recipient: str) -> None:
        """Sending failed: give the claim back (the digest stays queued)."""
        with self.transaction() as db:
            db.execute(
                "DELETE FROM claims WHERE digest = ? AND recipient = ? AND owner = ?",
                (day.isoformat(), recipient, owner()),
            )

    def dequeue_if_done(self, day: date, everyone: Sequence[str]) -> bool:
        with self.transaction() as db:
            return _dequeue_if_done(db, day.isoformat(), everyone)

    # ---- mending (``briefing state ...``)

    def forget(self, day: date) -> dict[str, int]:
        """Unsee and unsend one digest: its row, stories, the articles it first carried, its
        outbox row, ledger rows and claims go; the next run of that date rebuilds it."""
        d = day.isoformat()
        counts: dict[str, int] = {}
        with self.transaction() as db:
            for table, col in _DIGEST_COLUMNS:
                counts[table] = db.execute(f"DELETE FROM {table} WHERE {col} = ?", (d,)).rowcount
        return counts

    def mark_sent(
        self,
        day: date,
        recipients: Sequence[str],
        now: datetime,
        everyone: Sequence[str] = (),
    ) -> list[str]:
        """Record (day, r) as sent by hand for each recipient not yet listed; returns those
        added. The outbox row goes when every one of ``everyone`` (default: ``recipients``)
        is listed."""
        d = day.isoformat()
        with self.transaction() as db:
            done = {
                r for (r,) in db.execute("SELECT recipient FROM deliveries WHERE digest = ?", (d,))
            }
            added = [r for r in recipients if r not in done]
            db.executemany(
                "INSERT INTO deliveries VALUES (?, ?, ?, ?)",
                [(d, r, "marked-sent-by-hand", now.isoformat()) for r in added],
            )
            db.executemany(
                "DELETE FROM claims WHERE digest = ? AND recipient = ?", [(d, r) for r in added]
            )
            _dequeue_if_done(db, d, everyone or recipients)
        return added

    def prune(self, before: date) -> dict[str, int]:
        """Delete every row of a digest dated before ``before`` (articles first carried then
        included: a feed that still lists one would show it again)."""
        d = before.isoformat()
        counts: dict[str, int] = {}
        with self.transaction() as db:
            for table, col in _DIGEST_COLUMNS:
                counts[table] = db.execute(f"DELETE FROM {table} WHERE {col} < ?", (d,)).rowcount
        return counts


_DIGEST_COLUMNS = (
    ("digests", "digest"),
    ("stories", "digest"),
    ("seen", "first_digest"),
    ("outbox", "digest"),
    ("deliveries", "digest"),
    ("claims", "digest"),
)
"""Each table with rows that belong to one digest, and the column naming its date."""


def _dequeue_if_done(db: Any, d: str, everyone: Sequence[str]) -> bool:
    done = {r for (r,) in db.execute("SELECT recipient FROM deliveries WHERE digest = ?", (d,))}
    if set(everyone) <= done:
        return db.execute("DELETE FROM outbox WHERE digest = ?", (d,)).rowcount > 0
    return False


def carried_keys(a: Article) -> list[str]:
    """What marks an article as carried: its identity (``article_keys``) and, when its page
    was fetched from a link (a feed entry), that link too (a page's canonical URL is often
    not the link the feed gives; the next run skips the link)."""
    keys = article_keys(a)
    if "://" in a.source:
        link = f"url:{normalise_url(a.source)}"
        if link not in keys:
            keys.append(link)
    return keys


def story_text(s: Story) -> str:
    return json.dumps([s.title, *[k.text for k in s.key_points]], ensure_ascii=False)


def claim_is_live(owner: str, claimed_at: float, lease: float = DEFAULT_LEASE) -> bool:
    if time.time() - claimed_at > lease:
        return False
    host, _, pid = owner.rpartition(":")
    if host != socket.gethostname() or not pid.isdigit():
        return True  # another machine's run: trust the lease
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


@dataclass(frozen=True)
class Claim:
    status: str
    """``claimed`` (go ahead and send), ``sent`` (the ledger lists it) or ``busy``."""
    detail: str = ""


@dataclass(frozen=True)
class Outcome:
    recipient: str
    status: str
    """``sent`` now, ``already`` sent (``detail`` says when), ``busy`` (another run has it)."""
    detail: str = ""


def send_once(
    store: StateStore,
    day: date,
    recipient: str,
    send: Callable[[str], str],
    now: datetime,
    everyone: Sequence[str] = (),
    pause: Callable[[str], None] = lambda point: None,
) -> Outcome:
    """Send the digest of ``day`` to ``recipient`` unless the ledger lists it: claim, send
    (no lock held), record. ``send(recipient)`` returns the Message-ID or raises
    ``DeliveryError``; then the claim is given back and nothing is recorded. ``pause`` is
    called at ``after-claim`` and ``after-send`` (a test hook)."""
    claim = store.claim(day, recipient)
    if claim.status == "sent":
        return Outcome(recipient, "already", claim.detail)
    if claim.status == "busy":
        return Outcome(recipient, "busy", claim.detail)
    pause("after-claim")
    try:
        message_id = send(recipient)
    except BaseException:
        store.release(day, recipient)
        raise
    store.record_sent(day, recipient, message_id, now, everyone or [recipient])
    pause("after-send")
    return Outcome(recipient, "sent", message_id)
