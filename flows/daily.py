"""The ``daily-briefing`` flow: collect each source, analyse, render, write (and, later, send).

Tasks are thin wrappers over ``extractors``. One task run per source (a feed's
pages are fetched inside its task), so Prefect's overhead grows with sources,
not articles. Only the collecting task retries, and only on transient errors.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NO_CACHE
from prefect.futures import PrefectFuture
from prefect.states import State

from extractors import analysis, output, sources
from extractors.config import Config, Source, load_config
from extractors.errors import SourceError
from extractors.models import Article, Digest, Failure
from extractors.render import render_markdown
from extractors.topic import Topic, load_topic


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
        logger.warning("%s: %s %s: %s", source.name, f.stage, f.source, f.error)
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
) -> Digest:
    b = config.briefing
    return analysis.build_digest(
        articles,
        failures,
        topic,
        title=b.title,
        day=day,
        now=now,
        sources=[s.name for s in config.sources],
        max_stories=b.max_stories,
        max_key_points=b.max_key_points,
    )


@task(name="write-digest", cache_policy=NO_CACHE)
def write_task(digest: Digest, out_dir: Path) -> dict[str, Path]:
    paths = output.write_digest(digest, out_dir)
    create_markdown_artifact(
        key=f"digest-{digest.date.isoformat()}",
        markdown=render_markdown(digest),
        description=f"{digest.title} — {digest.date.isoformat()}",
    )
    return paths


@dataclass
class RunResult:
    digest: Digest
    paths: dict[str, Path] = field(default_factory=dict)

    @property
    def all_sources_failed(self) -> bool:
        return (
            bool(self.digest.sources)
            and not self.digest.stories
            and not self.digest.excluded
            and bool(self.digest.failures)
        )


def gather(config: Config, futures: list[PrefectFuture]) -> tuple[list[Article], list[Failure]]:
    """Results of every source task; a source that raised becomes a ``Failure``."""
    logger = get_run_logger()
    articles: list[Article] = []
    failures: list[Failure] = []
    for source, fut in zip(config.sources, futures, strict=True):
        try:
            res: sources.SourceResult = fut.result()
        except SourceError as exc:
            logger.error("source %r failed: %s", source.name, exc)
            failures.append(sources.as_failure(exc, source.name))
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
            continue
        articles.extend(res.articles)
        failures.extend(res.failures)
    return articles, failures


@flow(name="daily-briefing", log_prints=True)
def daily_briefing(
    config_path: str | None = None,
    day: date | None = None,
    out: str | None = None,
    topic: str | None = None,
) -> RunResult:
    """Read every configured source, keep what is on topic, write the digest.

    Parameters: ``config_path`` (TOML; default: the bundled sample), ``day`` (digest date;
    default: today in the config's time zone), ``out`` (output folder; default: the
    config's ``out_dir``), ``topic`` (bundled topic name or TOML path; default: the config's).
    """
    config = load_config(config_path)
    topic_profile = load_topic(topic or config.briefing.topic, config.base_dir)
    now = datetime.now(ZoneInfo(config.briefing.timezone))  # the one clock read of a run
    day = day or now.date()
    out_dir = Path(out) if out else config.out_dir

    futures = [collect_source.submit(s, config) for s in config.sources]
    articles, failures = gather(config, futures)
    digest = analyse_task(articles, failures, topic_profile, config, day, now)
    paths = write_task(digest, out_dir)
    return RunResult(digest=digest, paths=paths)
