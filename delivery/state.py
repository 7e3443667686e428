"""The state store: one SQLite file. Seen articles, earlier stories, written digests, the
send ledger.

Safe for a scheduled run and a manual run at the same moment: every write is a short
transaction (WAL mode, a busy timeout), and delivery takes SQLite's write lock
(``BEGIN IMMEDIATE``) for the whole check-send-record step, so two runs never both send
the same (digest date, recipient). A row is written only *after* the SMTP server accepted
the message: a run killed mid-send leaves no ledger row for an email not sent (at worst,
a message accepted just before the kill is sent again by the next run).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from extractors.analysis import article_keys
from extractors.models import Article, Digest, Story

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
"""


@dataclass(frozen=True)
class DigestRecord:
    day: date
    folder: Path
    title: str
    topic: str
    stories: int


@dataclass(frozen=True)
class EarlierStory:
    id: str
    day: date
    title: str
    text: str


class StateStore:
    def __init__(self, path: Path, timeout: float = 120.0) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        self._timeout = timeout
        with self._connect() as db:
            db.executescript(SCHEMA)

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=self._timeout, isolation_level=None)
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=FULL")
        return db

    @contextmanager
    def transaction(self, immediate: bool = True) -> Iterator[sqlite3.Connection]:
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
        db = self._connect()
        try:
            for i in range(0, len(keys), 500):
                chunk = keys[i : i + 500]
                marks = ",".join("?" * len(chunk))
                rows = db.execute(
                    f"SELECT key, first_digest FROM seen WHERE key IN ({marks})", chunk
                ).fetchall()
                out.update({k: date.fromisoformat(d) for k, d in rows})
        finally:
            db.close()
        return out

    def earlier_stories(self, before: date, days: int = 14) -> list[EarlierStory]:
        db = self._connect()
        try:
            rows = db.execute(
                "SELECT id, digest, title, text FROM stories WHERE digest < ? "
                "AND digest >= date(?, ?) ORDER BY digest DESC",
                (before.isoformat(), before.isoformat(), f"-{days} days"),
            ).fetchall()
        finally:
            db.close()
        return [EarlierStory(i, date.fromisoformat(d), t, x) for i, d, t, x in rows]

    def record_digest(self, digest: Digest, folder: Path, written_at: datetime) -> None:
        """After the files are on disk: the digest, its stories, and its articles as seen."""
        day = digest.date.isoformat()
        with self.transaction() as db:
            db.execute(
                "INSERT OR REPLACE INTO digests VALUES (?, ?, ?, ?, ?, ?)",
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
                    "INSERT OR REPLACE INTO stories VALUES (?, ?, ?, ?)",
                    (s.id, day, s.title, story_text(s)),
                )
                for a in s.articles:
                    for k in article_keys(a):
                        # keep the earliest digest that carried it
                        db.execute(
                            "INSERT INTO seen VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET "
                            "first_digest = min(first_digest, excluded.first_digest)",
                            (k, day, a.source),
                        )

    # ---- digests and the send ledger

    def digests(self, since: date | None = None) -> list[DigestRecord]:
        db = self._connect()
        try:
            rows = db.execute(
                "SELECT digest, folder, title, topic, stories FROM digests WHERE digest >= ? "
                "ORDER BY digest",
                ((since or date.min).isoformat(),),
            ).fetchall()
        finally:
            db.close()
        return [DigestRecord(date.fromisoformat(d), Path(f), t, tp, n) for d, f, t, tp, n in rows]

    def delivered(self, day: date) -> set[str]:
        db = self._connect()
        try:
            rows = db.execute(
                "SELECT recipient FROM deliveries WHERE digest = ?", (day.isoformat(),)
            ).fetchall()
        finally:
            db.close()
        return {r for (r,) in rows}

    def queue(self, day: date, now: datetime) -> None:
        """A run that means to send ``day`` puts it in the outbox first: if sending fails,
        a later run finds it there. Digests written with email off are never queued."""
        with self.transaction() as db:
            db.execute(
                "INSERT OR IGNORE INTO outbox VALUES (?, ?)", (day.isoformat(), now.isoformat())
            )

    def outbox(self, since: date, until: date) -> list[DigestRecord]:
        """Queued digests in [since, until], oldest first, with what is needed to send them."""
        db = self._connect()
        try:
            rows = db.execute(
                "SELECT d.digest, d.folder, d.title, d.topic, d.stories FROM outbox o "
                "JOIN digests d ON d.digest = o.digest WHERE o.digest BETWEEN ? AND ? "
                "ORDER BY o.digest",
                (since.isoformat(), until.isoformat()),
            ).fetchall()
        finally:
            db.close()
        return [DigestRecord(date.fromisoformat(d), Path(f), t, tp, n) for d, f, t, tp, n in rows]

    def dequeue(self, day: date) -> None:
        with self.transaction() as db:
            db.execute("DELETE FROM outbox WHERE digest = ?", (day.isoformat(),))

    def forget_deliveries(self, day: date) -> None:
        """``--force``: the ledger forgets a date, so it is sent again."""
        with self.transaction() as db:
            db.execute("DELETE FROM deliveries WHERE digest = ?", (day.isoformat(),))


def story_text(s: Story) -> str:
    return json.dumps([s.title, *[k.text for k in s.key_points]], ensure_ascii=False)


def send_once(
    store: StateStore,
    day: date,
    recipients: Sequence[str],
    send: Callable[[list[str]], tuple[str, dict[str, str]]],
    now: datetime,
) -> list[str]:
    """Send the digest of ``day`` to every recipient the ledger does not list yet.

    The check, the send and the ledger rows happen under one SQLite write lock, so a second
    run waits here and then finds nothing left to send. ``send(recipients)`` returns the
    Message-ID and the recipients the server refused; it raises ``DeliveryError`` when
    nothing was accepted, and then nothing is recorded.
    """
    with store.transaction() as db:
        done = {
            r
            for (r,) in db.execute(
                "SELECT recipient FROM deliveries WHERE digest = ?", (day.isoformat(),)
            )
        }
        todo = [r for r in recipients if r not in done]
        if not todo:
            return []
        message_id, refused = send(todo)
        accepted = [r for r in todo if r not in refused]
        db.executemany(
            "INSERT INTO deliveries VALUES (?, ?, ?, ?)",
            [(day.isoformat(), r, message_id, now.isoformat()) for r in accepted],
        )
    return accepted
