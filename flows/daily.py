"""The ``daily-briefing`` flow: collect each source, keep what is new and on topic, write the
digest and the archive index, and deliver the email exactly once.

Tasks are thin wrappers over ``extractors``. One task run per source (a feed's pages are
fetched inside its task), so Prefect's overhead grows with sources, not articles. Only
the collecting task retries, and only on transient errors.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NO_CACHE
from prefect.futures import PrefectFuture
from prefect.states import State

from delivery import mail, output
from delivery.state import StateStore, send_once
from extractors import analysis
from extractors.config import Config, EmailSettings, Source, load_config
from extractors.errors import ConfigError, DeliveryError, SourceError
from extractors.models import Article, Digest, Failure
from extractors.render import failure_label, render_markdown
from extractors.topic import Topic, load_topic
from fetch import sources

RESEND_WINDOW_DAYS = 7
"""An undelivered digest is sent by a later run for this many days, then given up."""


def _transient_only(task, task_run, state: State) -> bool:
    """retry_condition_fn: retry a source only when the error may heal (timeouts, 5xx)."""
    try:
        state.result()
    except SourceError as exc:
        return exc.transient
    except Exception:
        return False
    return False


@task(
    name="collect-source",
    task_run_name="collect {source.name}",
    retries=1,
    retry_delay_seconds=5,
    retry_condition_fn=_transient_only,
    cache_policy=NO_CACHE,
)
def collect_source(source: Source, config: Config) -> sources.SourceResult:
    logger = get_run_logger()
    result = sources.collect(source, config, sources.make_getter(sources.client_for(config)))
    for f in result.failures:
        logger.warning("%s: %s: %s", failure_label(f), f.stage, f.error)
    logger.info(
        "%s: %d articles, %d problems", source.name, len(result.articles), len(result.failures)
    )
    return result


@task(name="analyse", cache_policy=NO_CACHE)
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
    )


@task(name="write-digest", cache_policy=NO_CACHE)
def write_task(
    digest: Digest,
    out_dir: Path,
    store: StateStore,
    now: datetime,
    email: tuple[str, str] | None = None,
) -> dict[str, Path]:
    paths = output.write_digest(digest, out_dir, email=email)
    store.record_digest(digest, paths["json"].parent, now)
    paths |= output.write_index(out_dir)
    create_markdown_artifact(
        key=f"digest-{digest.date.isoformat()}",
        markdown=render_markdown(digest),
        description=f"{digest.title} — {digest.date.isoformat()}",
    )
    return paths


def smtp_password(settings: EmailSettings) -> str | None:
    """From the environment variable named in the config, else a Prefect Secret block."""
    if settings.password_env and os.environ.get(settings.password_env):
        return os.environ[settings.password_env]
    if settings.password_block:
        from prefect.blocks.system import Secret

        return str(Secret.load(settings.password_block).get())
    return None


@task(name="deliver", cache_policy=NO_CACHE)
def deliver_task(
    config: Config, store: StateStore, day: date, now: datetime, force: bool
) -> dict[str, list[str]]:
    """Send today's digest, and any recent one that a run meant to send but could not
    (the outbox); each exactly once per recipient."""
    logger = get_run_logger()
    settings = config.email
    if force:
        store.forget_deliveries(day)
    store.queue(day, now)
    try:
        password = smtp_password(settings)
    except Exception as exc:  # a missing Secret block, the API unreachable
        raise DeliveryError(
            f"SMTP password: Prefect Secret block {settings.password_block!r} could not be "
            f"read ({type(exc).__name__}); the digest stays on disk and the next run sends it"
        ) from None
    sent: dict[str, list[str]] = {}
    errors: list[str] = []
    for rec in store.outbox(since=day - timedelta(days=RESEND_WINDOW_DAYS), until=day):
        folder = rec.folder
        if not (folder / "digest.md").is_file() or not (folder / "digest.html").is_file():
            errors.append(f"digest of {rec.day} is queued but missing on disk at {folder}")
            continue

        def send(to: list[str], rec=rec, folder=folder) -> tuple[str, dict[str, str]]:
            text, html = output.read_rendered(folder)
            msg = mail.build_message(
                subject=mail.subject_for(
                    rec.title,
                    rec.topic,
                    rec.day.isoformat(),
                    rec.stories,
                    settings.subject_prefix,
                ),
                text=text,
                html=html,
                sender=settings.sender,
                recipients=to,
                now=now,
                list_id=mail.list_id_for(rec.title, settings.sender),
                unsubscribe=settings.unsubscribe,
            )
            return mail.send(msg, settings, password, to)

        try:
            accepted = send_once(store, rec.day, settings.recipients, send, now)
        except DeliveryError as exc:
            errors.append(
                f"digest of {rec.day} not sent ({exc}); it stays on disk at "
                f"{folder} and the next run sends it"
            )
            logger.error("delivery failed: digest of %s: %s", rec.day, exc)
            continue
        if accepted:
            logger.info("sent digest of %s to %s", rec.day, ", ".join(accepted))
            sent[rec.day.isoformat()] = accepted
        missing = set(settings.recipients) - store.delivered(rec.day)
        if missing:
            errors.append(f"digest of {rec.day}: refused for {', '.join(sorted(missing))}")
        else:
            store.dequeue(rec.day)
    if errors:
        raise DeliveryError("; ".join(errors))
    return sent


@dataclass
class RunResult:
    digest: Digest
    paths: dict[str, Path] = field(default_factory=dict)
    sent: dict[str, list[str]] = field(default_factory=dict)

    failed_sources: int = 0
    """Configured sources that yielded nothing because they failed as a whole."""

    @property
    def all_sources_failed(self) -> bool:
        return bool(self.digest.sources) and self.failed_sources == len(self.digest.sources)


def gather(
    config: Config, futures: list[PrefectFuture]
) -> tuple[list[Article], list[Failure], int]:
    """Results of every source task; a source that raised becomes a ``Failure``.
    Also returns how many sources failed as a whole."""
    logger = get_run_logger()
    articles: list[Article] = []
    failures: list[Failure] = []
    failed = 0
    for source, fut in zip(config.sources, futures, strict=True):
        try:
            res: sources.SourceResult = fut.result()
        except SourceError as exc:
            logger.error("source %r failed: %s", source.name, exc)
            failures.append(sources.as_failure(exc, source.name))
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
            failed += 1
            continue
        articles.extend(res.articles)
        failures.extend(res.failures)
    return articles, failures, failed


@flow(name="daily-briefing", log_prints=True, validate_parameters=True)
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
    config's), ``send`` (deliver by email; default: the config's ``[email].enabled``),
    ``force`` (send again even if the ledger says this date was sent).
    """
    config = load_config(config_path)  # ConfigError here: the run fails before any work
    topic_profile = load_topic(topic or config.briefing.topic, config.base_dir)
    deliver = config.email.enabled if send is None else send
    if deliver and not config.email.recipients:
        raise ConfigError(
            f"{config_path or 'config'}: email.recipients is empty; add at "
            "least one address to send the digest"
        )
    now = datetime.now(ZoneInfo(config.briefing.timezone))  # the one clock read of a run
    day = day or now.date()
    out_dir = Path(out) if out else config.out_dir
    store = StateStore(config.state_path(out_dir))

    futures = [collect_source.submit(s, config) for s in config.sources]
    articles, failures, failed = gather(config, futures)
    digest = analyse_task(articles, failures, topic_profile, config, day, now, store)
    paths = write_task(digest, out_dir, store, now, mail.email_parts(digest, config))
    result = RunResult(digest=digest, paths=paths, failed_sources=failed)
    if deliver:
        result.sent = deliver_task(config, store, day, now, force)
    return result
