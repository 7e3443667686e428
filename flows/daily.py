"""The ``daily-briefing`` flow: collect each source, keep what is new and on topic, write the
digest and the archive index, and deliver the email exactly once.

Tasks are thin wrappers over ``extractors``. One task run per source (a feed's pages are
fetched inside its task), so Prefect's overhead grows with sources, not articles. Only
the collecting task retries, and only on transient errors.
"""

# No ``from __future__ import annotations`` here: Prefect builds the parameter model from
# these annotations in a served/deployed run, where string annotations cannot be resolved
# ("Daily_BriefingModel is not fully defined; you should define date").

import logging
import os
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NO_CACHE
from prefect.futures import PrefectFuture

from delivery import mail, output
from delivery.state import RESEND_WINDOW_DAYS, DigestRecord, StateStore, send_once, store_for
from extractors import analysis
from extractors.config import Config, EmailSettings, Source, load_config
from extractors.errors import BriefingError, ConfigError, DeliveryError, SourceError
from extractors.models import Article, Digest, Failure
from extractors.render import failure_label, render_markdown
from extractors.topic import Topic
from fetch import sources

PAUSE_ENV = "BRIEFING_TEST_PAUSE_AT"
PAUSE_DIR_ENV = "BRIEFING_TEST_PAUSE_DIR"


def pause_at(point: str) -> None:
    """Test hook (never set in production): when ``BRIEFING_TEST_PAUSE_AT`` names this
    point (``before-collect``, ``after-write-digest``, ``after-claim``, ``after-send``),
    create ``<BRIEFING_TEST_PAUSE_DIR>/<point>.reached`` and wait (at most 10 minutes)
    until ``<point>.resume`` appears there, so a test can ``kill -9`` the run at exactly
    that point."""
    if os.environ.get(PAUSE_ENV) != point:
        return
    folder = Path(os.environ.get(PAUSE_DIR_ENV) or ".")
    (folder / f"{point}.reached").write_text(str(os.getpid()), encoding="utf-8")
    deadline = time.monotonic() + 600
    while not (folder / f"{point}.resume").exists() and time.monotonic() < deadline:
        time.sleep(0.05)


SOURCE_RETRY_DELAY = 5.0
"""Seconds before a source that failed as a whole with a transient error is tried once more."""


class OneLineFailures(logging.Filter):
    """Rule (one line per failure): a ``BriefingError`` (a source, delivery or config problem,
    already named with its cause) is logged as its message alone; Prefect's traceback of it
    is kept only with ``--debug`` (``BRIEFING_DEBUG=1``) or a DEBUG log level."""

    def filter(self, record: logging.LogRecord) -> bool:
        exc = record.exc_info[1] if record.exc_info else None
        if isinstance(exc, BriefingError) and not debugging():
            record.exc_info = None
            record.exc_text = None
        return True


def debugging() -> bool:
    return os.environ.get("BRIEFING_DEBUG", "") not in ("", "0") or logging.getLogger(
        "prefect"
    ).isEnabledFor(logging.DEBUG)


for _name in ("prefect.task_runs", "prefect.flow_runs", "prefect.flow_engine", "prefect.engine"):
    logging.getLogger(_name).addFilter(OneLineFailures())


def host_slot(url: str):  # type: ignore[no-untyped-def]
    """A slot of the Prefect global concurrency limit ``fetch-<host>`` for one fetch
    (``[http] host_limits``; a host without a limit is not limited)."""
    from prefect.concurrency.sync import concurrency

    return concurrency(sources.host_limit_name(url), occupy=1, strict=False)


@task(name="collect-source", task_run_name="collect {source.name}", cache_policy=NO_CACHE)
def collect_source(
    source: Source, config: Config, store: StateStore | None = None, day: date | None = None
) -> sources.SourceResult:
    """One source; never raises. A whole-source failure is tried once more when transient
    (the HTTP client has already retried each request), then returned as one ``Failure``
    (``failed=True``): one log line, no traceback (``--debug`` shows it).

    With the state (``store`` and ``day``, and ``[state] new_only``): a feed read on an
    earlier day is fetched conditionally (a 304 is "nothing new") and entry pages an
    earlier digest carried are not fetched."""
    logger = get_run_logger()
    get = sources.make_getter(
        sources.client_for(config), host_slot if config.http.host_limits else None
    )
    known = None
    if store is not None and day is not None and config.state.new_only:
        where = config.resolve(source.location)
        known = sources.Known(
            store.validators(where, day) if source.kind in ("rss", "page") else {},
            lambda urls: store.carried(urls, day),
        )
    for attempt in (1, 2):
        try:
            result = sources.collect(source, config, get, known)
            break
        except SourceError as exc:
            if exc.transient and attempt == 1:
                logger.warning(
                    "%s: %s (transient; trying again in %g s)", source.name, exc, SOURCE_RETRY_DELAY
                )
                time.sleep(SOURCE_RETRY_DELAY)
                continue
            logger.error("source %r failed: %s", source.name, exc)
            return sources.SourceResult(
                source.name, failures=[sources.as_failure(exc, source.name)], failed=True
            )
        except Exception as exc:  # a bug or an unexpected library error: still one source
            logger.error("source %r crashed: %s: %s", source.name, type(exc).__name__, exc)
            logger.debug("traceback of the crash of %r", source.name, exc_info=True)
            where = config.resolve(source.location)
            return sources.SourceResult(
                source.name,
                failures=[
                    Failure(where, f"{type(exc).__name__}: {exc}"[:300], source.name, "extract")
                ],
                failed=True,
            )
    for f in result.failures:
        logger.warning("%s: %s: %s", failure_label(f), f.stage, f.error)
    if result.not_modified:
        logger.info("%s: not modified since the last run (HTTP 304): nothing new", source.name)
        return result
    logger.info(
        "%s: %d articles, %d problems%s",
        source.name,
        len(result.articles),
        len(result.failures),
        f", {result.skipped} pages already carried (not fetched)" if result.skipped else "",
    )
    return result


@task(name="analyse-stories", task_run_name="analyse stories {index}", cache_policy=NO_CACHE)
def story_chunk_task(fn: Callable[[Any], Any], chunk: Any, index: int = 0) -> Any:
    """One chunk of the per-story work on the Dask task runner (``[briefing] task_runner =
    "dask"``): ``fn(chunk)`` in a Dask worker."""
    return fn(chunk)


@contextmanager
def story_mapper(config: Config) -> Iterator[analysis.Mapper]:
    """How the analysis runs its per-story chunks: in the shared process pool of
    ``[briefing] processes`` (``task_runner = "process"``, the default), or as
    ``analyse-stories`` task runs on a ``prefect_dask.DaskTaskRunner`` (``"dask"``): a
    local cluster of ``processes`` single-threaded worker processes started for the run,
    or the scheduler at ``dask_address``."""
    b = config.briefing
    if b.task_runner != "dask":
        yield sources.pooled_map(b.processes)
        return
    try:
        from prefect_dask import DaskTaskRunner
    except ImportError:
        raise ConfigError(
            'briefing.task_runner = "dask" needs the dask extra: pip install -e ".[dask]" '
            '(or set task_runner = "process")'
        ) from None
    runner = (
        DaskTaskRunner(address=b.dask_address)
        if b.dask_address
        else DaskTaskRunner(
            cluster_kwargs={
                "n_workers": b.processes,
                "threads_per_worker": 1,
                "processes": True,
                "dashboard_address": None,
            }
        )
    )
    with runner:

        def run(fn: Callable[[Any], Any], items: Sequence[Any]) -> list[Any]:
            futures = [
                runner.submit(story_chunk_task, {"fn": fn, "chunk": c, "index": i})
                for i, c in enumerate(items)
            ]
            return [f.result() for f in futures]

        yield run


@task(name="analyse", task_run_name="analyse {day}", cache_policy=NO_CACHE)
def analyse_task(
    articles: list[Article],
    failures: list[Failure],
    topic: Topic,
    config: Config,
    day: date,
    now: datetime,
    store: StateStore,
) -> Digest:
    if config.state.new_only:
        new, old = analysis.split_seen(articles, store.first_seen(articles), day)
    else:
        new, old = list(articles), []
    earlier = [(s.id, s.text) for s in store.earlier_stories(day)]
    b = config.briefing
    with story_mapper(config) as mapper:
        return analysis.build_digest(
            new,
            failures,
            topic,
            title=b.title,
            day=day,
            now=now,
            sources=[s.name for s in config.sources],
            max_stories=b.max_stories,
            max_key_points=b.max_key_points,
            earlier=earlier,
            seen_before=len(old),
            tz=b.timezone,
            mapper=mapper,
            processes=b.processes,
        )


@task(name="write-digest", task_run_name="write digest {digest.date}", cache_policy=NO_CACHE)
def write_task(
    digest: Digest,
    out_dir: Path,
    store: StateStore,
    now: datetime,
    email: tuple[str, str] | None = None,
    queue_for: tuple[str, ...] = (),
    resend: bool = False,
) -> dict[str, Path]:
    """Files first, then at once (one transaction) the digest, its articles as carried and
    its outbox row; the index and the artifact only after that, so a failure or a kill
    there can no longer lose the day's email."""
    paths = output.write_digest(digest, out_dir, email=email)
    store.record_digest(digest, paths["json"].parent, now, queue_for=queue_for, resend=resend)
    pause_at("after-write-digest")
    logger = get_run_logger()
    try:
        paths |= output.write_index(out_dir)
    except OSError as exc:
        logger.error("archive index not written (%s); the digest itself is in place", exc)
    try:
        create_markdown_artifact(
            key=f"digest-{digest.date.isoformat()}",
            markdown=render_markdown(digest),
            description=f"{digest.title} — {digest.date.isoformat()}",
        )
    except Exception as exc:  # the API went away: the digest is written and queued anyway
        logger.error("markdown artifact not published (%s)", type(exc).__name__)
    return paths


def smtp_password(settings: EmailSettings) -> str | None:
    """From the environment variable named in the config, else a Prefect Secret block."""
    if settings.password_env and os.environ.get(settings.password_env):
        return os.environ[settings.password_env]
    if settings.password_block:
        from prefect.blocks.system import Secret

        return str(Secret.load(settings.password_block).get())
    return None


def stale_digests(store: StateStore, day: date) -> list[Failure]:
    """Queued digests older than the resend window of a run of ``day``: never dropped,
    reported (log, the digest's source health, exit 1) until sent or marked sent."""
    since = day - timedelta(days=RESEND_WINDOW_DAYS)
    out = []
    for q in store.outbox():
        if q.day >= since:
            continue
        d = q.day.isoformat()
        out.append(
            Failure(
                f"outbox: digest of {d}",
                f"queued on {q.queued_at[:16]} but never sent to every recipient, and older "
                f"than the {RESEND_WINDOW_DAYS}-day resend window of this run; send it with "
                f"`briefing run --date {d} --send` or drop it with "
                f"`briefing state mark-sent {d}`",
                "email",
                "deliver",
            )
        )
    return out


@task(name="deliver", task_run_name="deliver from {day}", cache_policy=NO_CACHE)
def deliver_task(
    config: Config, store: StateStore, day: date, now: datetime
) -> tuple[dict[str, list[str]], list[str]]:
    """Send every queued digest of the window (``day`` minus the window, any later date),
    oldest first, plus ``day`` itself: one message per recipient, each exactly once.
    Returns what was sent (date -> recipients) and why anything else was not."""
    logger = get_run_logger()
    settings = config.email
    recipients = list(settings.recipients)
    since = day - timedelta(days=RESEND_WINDOW_DAYS)
    records: dict[date, DigestRecord | None] = {
        q.day: q.digest for q in store.outbox() if q.day >= since
    }
    if day not in records:
        records[day] = next((r for r in store.digests(since=day) if r.day == day), None)
    password: list[str | None] = []

    def get_password() -> str | None:
        if not password:
            try:
                password.append(smtp_password(settings))
            except Exception as exc:  # a missing Secret block, the API unreachable
                name = settings.password_block
                if isinstance(exc, ValueError) and "unable to find" in str(exc).lower():
                    raise DeliveryError(
                        f"SMTP password: Secret block {name!r} not found: create it with "
                        f'python -c "from prefect.blocks.system import Secret; '
                        f"Secret(value='…').save('{name}')\" (or set the environment variable "
                        f"{settings.password_env or 'named by [email] password_env'}); the "
                        "digest stays on disk and the next run sends it"
                    ) from None
                raise DeliveryError(
                    f"SMTP password: Prefect Secret block {name!r} could not be read "
                    f"({type(exc).__name__}); the digest stays on disk and the next run sends it"
                ) from None
        return password[0]

    sent: dict[str, list[str]] = {}
    notes: list[str] = []
    errors: list[str] = []
    for d in sorted(records):
        rec = records[d]
        if rec is None:
            logger.warning("digest of %s is queued but has no record; not sent", d)
            continue
        folder = rec.folder
        if not (folder / "digest.md").is_file() or not (folder / "digest.html").is_file():
            errors.append(f"digest of {d} is queued but missing on disk at {folder}")
            continue
        text, html = output.read_rendered(folder)
        subject = mail.subject_for(
            rec.title, rec.topic, d.isoformat(), rec.stories, settings.subject_prefix
        )

        list_id = mail.list_id_for(rec.title, settings.sender)

        def send_to(to: str, subject=subject, text=text, html=html, list_id=list_id) -> str:
            msg = mail.build_message(
                subject=subject,
                text=text,
                html=html,
                sender=settings.sender,
                recipients=[to],
                now=now,
                list_id=list_id,
                unsubscribe=settings.unsubscribe,
            )
            message_id, refused = mail.send(msg, settings, get_password(), [to])
            if refused:
                raise DeliveryError(f"{to} refused: {refused.get(to, '')}")
            return message_id

        for to in recipients:
            try:
                outcome = send_once(store, d, to, send_to, now, everyone=recipients, pause=pause_at)
            except DeliveryError as exc:
                errors.append(
                    f"digest of {d} not sent to {to} ({exc}); it stays on disk at {folder} "
                    "and the next run sends it"
                )
                logger.error("delivery failed: digest of %s to %s: %s", d, to, exc)
                continue
            if outcome.status == "sent":
                logger.info("sent digest of %s to %s (%s)", d, to, outcome.detail)
                sent.setdefault(d.isoformat(), []).append(to)
            elif outcome.status == "already":
                notes.append(
                    f"digest of {d}: already sent to {to} {outcome.detail}; not sent again "
                    "(--force sends it again)"
                )
                logger.info("%s", notes[-1])
            else:
                notes.append(
                    f"digest of {d}: not sent to {to} by this run: another run is sending "
                    f"it ({outcome.detail})"
                )
                logger.info("%s", notes[-1])
        store.dequeue_if_done(d, recipients)
    if errors:
        raise DeliveryError("; ".join(errors))
    return sent, notes


@dataclass
class RunResult:
    digest: Digest
    paths: dict[str, Path] = field(default_factory=dict)
    sent: dict[str, list[str]] = field(default_factory=dict)

    failed_sources: int = 0
    """Configured sources that yielded nothing because they failed as a whole."""

    notes: list[str] = field(default_factory=list)
    """Why a digest was not sent to someone ("already sent to X on D")."""

    undelivered: list[Failure] = field(default_factory=list)
    """Queued digests older than the resend window (also in the digest's source health)."""

    @property
    def all_sources_failed(self) -> bool:
        return bool(self.digest.sources) and self.failed_sources == len(self.digest.sources)


def gather(
    config: Config, futures: list[PrefectFuture], results: list | None = None
) -> tuple[list[Article], list[Failure], int]:
    """Results of every source task; a source that raised becomes a ``Failure``.
    Also returns how many sources failed as a whole. ``results`` (when given) receives
    each source's ``SourceResult`` (a failed one as ``failed=True``)."""
    logger = get_run_logger()
    articles: list[Article] = []
    failures: list[Failure] = []
    failed = 0
    kept = results if results is not None else []
    for source, fut in zip(config.sources, futures, strict=True):
        try:
            res: sources.SourceResult = fut.result()
        except SourceError as exc:
            logger.error("source %r failed: %s", source.name, exc)
            failures.append(sources.as_failure(exc, source.name))
            kept.append(sources.SourceResult(source.name, failed=True))
            failed += 1
            continue
        except Exception as exc:  # a bug or an unexpected library error: still one source
            logger.exception("source %r crashed", source.name)
            failures.append(
                Failure(
                    config.resolve(source.location),
                    f"{type(exc).__name__}: {exc}",
                    source.name,
                    "extract",
                )
            )
            kept.append(sources.SourceResult(source.name, failed=True))
            failed += 1
            continue
        kept.append(res)
        articles.extend(res.articles)
        failures.extend(res.failures)
        failed += res.failed
    return articles, failures, failed


def run_name() -> str:
    """Flow runs are named by their date (and topic): ``briefing 2026-11-20``."""
    from prefect.runtime import flow_run

    params = flow_run.parameters or {}
    day = params.get("day")
    if not day:
        try:
            tz = load_config(params.get("config_path")).briefing.timezone
        except Exception:
            tz = "UTC"
        day = datetime.now(ZoneInfo(tz)).date()
    topic = params.get("topic")
    return f"briefing {day}" + (f" {Path(str(topic)).stem}" if topic else "")


@flow(
    name="daily-briefing",
    flow_run_name=run_name,
    log_prints=True,
    validate_parameters=True,
)
def daily_briefing(
    config_path: str | None = None,
    day: date | None = None,
    out: str | None = None,
    topic: str | None = None,
    send: bool | None = None,
    force: bool = False,
) -> RunResult:
    """Read every configured source, keep what is new and on topic, write the digest, send it.

    Parameters: ``config_path`` (TOML; default: the bundled sample), ``day`` (digest date;
    default: today in the config's time zone), ``out`` (output folder; default: the
    config's ``out_dir``), ``topic`` (bundled topic name or TOML path; default: the
    config's; another topic writes to ``OUT/<topic>/`` with its own state), ``send``
    (deliver by email; default: the config's ``[email].enabled``), ``force`` (send again
    even if the ledger says this date was sent).

    With ``[email].enabled`` the digest is queued even on a ``send=False`` run, so the
    next sending run delivers it: a day's email is never lost, only delayed.
    """
    config = load_config(config_path)  # ConfigError here: the run fails before any work
    where = output.place(config, out, topic)
    deliver = config.email.enabled if send is None else send
    if deliver and not config.email.recipients:
        raise ConfigError(
            f"{config_path or 'config'}: email.recipients is empty; add at "
            "least one address to send the digest"
        )
    queue_for = tuple(config.email.recipients) if (deliver or config.email.enabled) else ()
    now = datetime.now(ZoneInfo(config.briefing.timezone))  # the one clock read of a run
    day = day or now.date()
    store = store_for(config, where)
    logger = get_run_logger()

    pause_at("before-collect")
    futures = [collect_source.submit(s, config, store, day) for s in config.sources]
    results: list[sources.SourceResult] = []
    articles, failures, failed = gather(config, futures, results)
    health = store.record_health(
        {
            r.source: (
                "failed" if r.failed else "not-modified" if r.not_modified else "ok",
                r.skipped,
            )
            for r in results
        },
        now,
    )
    stale = stale_digests(store, day)
    for f in stale:
        logger.error("%s: %s", f.source, f.error)
    digest = analyse_task(articles, failures + stale, where.topic, config, day, now, store)
    skipped = sum(r.skipped for r in results)
    digest = replace(digest, source_health=tuple(health), seen_before=digest.seen_before + skipped)
    paths = write_task(
        digest,
        where.out_dir,
        store,
        now,
        mail.email_parts(digest, config),
        queue_for=queue_for,
        resend=force and deliver,
    )
    # what each feed served is in a recorded digest now: the next day may ask "anything newer?"
    store.save_validators({u: v for r in results for u, v in r.validators.items()}, day)
    result = RunResult(digest=digest, paths=paths, failed_sources=failed, undelivered=stale)
    if deliver:
        result.sent, result.notes = deliver_task(config, store, day, now)
    return result
