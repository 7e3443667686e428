"""``briefing`` command line: a thin shell over the flow and the extractors.

Exit codes: 0 done; 1 done but something needs you (a source or input failed
entirely, delivery failed); 2 bad arguments or configuration (the message
names what is wrong and how to fix it).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path

from extractors.errors import BriefingError, ConfigError, SourceError

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def _date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date; use YYYY-MM-DD") from None


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="briefing",
        description="Daily news briefing: feeds, pages and files in; a cited digest out.",
    )
    sub = p.add_subparsers(dest="command", metavar="COMMAND", required=True)

    run = sub.add_parser(
        "run",
        help="run the daily-briefing Prefect flow and write the digest",
        description="Run the daily-briefing flow (in-process Prefect) and print "
        "the paths it wrote. Without --config, uses the bundled "
        "offline sample.",
    )
    run.add_argument("--config", metavar="FILE", help="config TOML (default: bundled sample)")
    run.add_argument(
        "--date",
        type=_date,
        metavar="YYYY-MM-DD",
        help="digest date (default: today in the config's time zone)",
    )
    run.add_argument("--out", metavar="DIR", help="output folder (default: config out_dir)")
    run.add_argument("--topic", metavar="NAME_OR_FILE", help="topic profile (default: config)")
    send = run.add_mutually_exclusive_group()
    send.add_argument(
        "--send",
        dest="send",
        action="store_true",
        default=None,
        help="deliver by email even if [email].enabled is false",
    )
    send.add_argument(
        "--no-send", dest="send", action="store_false", help="render and write, but do not send"
    )
    run.add_argument(
        "--force", action="store_true", help="send again even if this date was already sent"
    )

    serve = sub.add_parser(
        "serve",
        help="serve the flow on a schedule in this process",
        description="One-process scheduling: flow.serve() with the same cron "
        "schedule as prefect.yaml. Needs a Prefect API "
        "(`prefect server start`, or PREFECT_API_URL). Ctrl-C "
        "stops it.",
    )
    serve.add_argument("--config", metavar="FILE", help="config TOML (default: bundled sample)")
    serve.add_argument("--cron", default="0 7 * * *", help="cron schedule (default: 0 7 * * *)")
    serve.add_argument(
        "--timezone", default="Asia/Seoul", help="time zone of the schedule (default: Asia/Seoul)"
    )
    serve.add_argument(
        "--send",
        dest="send",
        action="store_true",
        default=None,
        help="deliver by email on each run",
    )

    clean = sub.add_parser(
        "clean",
        help="clean pages or files and print one JSON line each",
        description="Fetch (URLs) or read (paths) each input, extract and "
        "clean the article, print one JSON object per input: "
        "source, title, author, date, outlet, dateline, text, "
        "error. No Prefect.",
    )
    clean.add_argument("inputs", nargs="+", metavar="PATH_OR_URL")
    clean.add_argument("--timeout", type=float, default=15.0, help="seconds per request")

    an = sub.add_parser(
        "analyze",
        help="analyse inputs and print the digest JSON",
        description="Clean, judge, group and summarise the inputs; print the "
        "same JSON as digest.json. No Prefect, no state.",
    )
    an.add_argument("inputs", nargs="+", metavar="PATH_OR_URL")
    an.add_argument(
        "--topic",
        metavar="FILE",
        default="korea-nato",
        help="topic profile: bundled name or TOML path (default: korea-nato)",
    )
    an.add_argument(
        "--published",
        type=_date,
        metavar="YYYY-MM-DD",
        help="publication date for inputs that carry none (also the digest date)",
    )
    an.add_argument(
        "--no-filter",
        action="store_true",
        help="keep every input in some story (no relevance filtering)",
    )
    an.add_argument("--timeout", type=float, default=15.0, help="seconds per request")

    init = sub.add_parser(
        "init",
        help="write a commented starter config and topic",
        description="Write briefing.toml (a commented starter config), topic.toml (a copy "
        "of the bundled topic to edit) and an empty notes/ folder into PATH. Existing "
        "files are never overwritten.",
    )
    init.add_argument("path", nargs="?", default=".", metavar="PATH", help="folder (default: .)")
    _add_common(p, sub)
    return p


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("briefing")
    except PackageNotFoundError:  # run from a source tree without installing
        return "unknown"


def _add_common(p: argparse.ArgumentParser, sub: argparse._SubParsersAction) -> None:
    """--version on the program; -v/--verbose and -q/--quiet on every command (added last, so
    commands added later get them too)."""
    p.add_argument("--version", action="version", version=f"briefing {_version()}")
    for cmd in sub.choices.values():
        loud = cmd.add_mutually_exclusive_group()
        loud.add_argument(
            "-v", "--verbose", action="count", default=0, help="more detail (-vv: debug)"
        )
        loud.add_argument(
            "-q", "--quiet", action="store_true", help="only warnings and errors; no progress"
        )


def _setup_logging(args: argparse.Namespace) -> None:
    """Log lines for a person: "briefing: <source>: <what> (<why>)" on stderr; Prefect's own
    log level follows -v/-q (set before Prefect is imported)."""
    import logging

    verbose, quiet = getattr(args, "verbose", 0), getattr(args, "quiet", False)
    level = logging.WARNING if quiet else logging.DEBUG if verbose > 1 else logging.INFO
    if quiet:
        os.environ["PREFECT_LOGGING_LEVEL"] = "WARNING"
    elif verbose > 1:
        os.environ["PREFECT_LOGGING_LEVEL"] = "DEBUG"
    elif verbose:
        os.environ.setdefault("PREFECT_LOGGING_LEVEL", "INFO")
    log = logging.getLogger("briefing")
    log.setLevel(level)
    if not log.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("briefing: %(message)s"))
        log.addHandler(handler)
        log.propagate = False


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    # No telemetry from a briefing run (the network is often closed; it only adds noise).
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    _setup_logging(args)
    try:
        if args.command == "init":
            return cmd_init(args)
        if args.command == "run":
            return cmd_run(args)
        if args.command == "clean":
            return cmd_clean(args)
        if args.command == "analyze":
            return cmd_analyze(args)
        if args.command == "serve":
            return cmd_serve(args)
    except ConfigError as exc:
        print(f"briefing: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except BriefingError as exc:
        print(f"briefing: error: {exc}", file=sys.stderr)
        return EXIT_FAILED
    return EXIT_USAGE


def cmd_run(args: argparse.Namespace) -> int:
    from extractors.config import load_config
    from extractors.topic import load_topic

    # Validate before Prefect starts: a bad config is exit 2 with the key named.
    config = load_config(args.config)
    load_topic(args.topic or config.briefing.topic, config.base_dir)
    from flows.daily import daily_briefing

    out_dir = Path(args.out) if args.out else config.out_dir
    writable_dir(out_dir, "--out" if args.out else "briefing.out_dir")
    with _progress(args):
        result = daily_briefing(
            config_path=str(Path(args.config).resolve()) if args.config else None,
            day=args.date,
            out=args.out,
            topic=args.topic,
            send=args.send,
            force=args.force,
        )
    from extractors.render import failure_label

    d = result.digest
    for kind, path in result.paths.items():
        print(f"{kind}: {path}")
    if not args.quiet:
        print(
            f"{len(d.stories)} stories, {len(d.excluded)} excluded, "
            f"{len(d.failures)} source problems",
            file=sys.stderr,
        )
    for f in d.failures:
        if f.stage != "degraded" or not args.quiet:
            print(f"  {failure_label(f)}: {f.stage}: {f.error}", file=sys.stderr)
    for day, recipients in result.sent.items():
        print(f"sent: digest of {day} to {', '.join(recipients)}", file=sys.stderr)
    if result.all_sources_failed:
        print("briefing: every source failed; see the digest's source health", file=sys.stderr)
        return EXIT_FAILED
    return EXIT_OK


class _progress:
    """Per-page progress of each feed on stderr (rich), only on a terminal and without -q."""

    def __init__(self, args: argparse.Namespace) -> None:
        import threading

        self.on = sys.stderr.isatty() and not args.quiet
        self.bar = None
        self.tasks: dict[str, object] = {}
        self.lock = threading.Lock()

    def __enter__(self) -> _progress:
        if not self.on:
            return self
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

        from fetch import sources

        self.bar = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            console=Console(stderr=True),
            transient=True,
        )
        self.bar.start()
        sources.PROGRESS = self.update
        return self

    def update(self, source: str, done: int, total: int) -> None:
        """Called from the page-fetching threads."""
        assert self.bar is not None
        with self.lock:
            if source not in self.tasks:
                self.tasks[source] = self.bar.add_task(f"{source}: pages", total=total)
            task = self.tasks[source]
            shown = self.bar.tasks[[t.id for t in self.bar.tasks].index(task)].completed
            self.bar.update(task, completed=max(done, shown), total=total)  # type: ignore[arg-type]

    def __exit__(self, *exc) -> None:
        if self.bar is not None:
            from fetch import sources

            sources.PROGRESS = None
            self.bar.stop()


STARTER_CONFIG = """\
# briefing: a starter config (written by `briefing init`). Relative paths are relative to
# this file. Unknown keys are errors. Run it with: briefing run --config briefing.toml

[briefing]
title = "My daily briefing"      # the digest's and the email's title
topic = "topic.toml"             # a topic file (written next to this one) or a bundled name
timezone = "Asia/Seoul"          # "today" and publication times are read in this zone
out_dir = "out"                  # OUT/<date>/digest.{md,html,json}, OUT/index.html
max_stories = 25
max_key_points = 8
# public_url = "https://briefing.example.org/my-briefing"  # where out_dir is published

[http]
timeout = 15                     # seconds per connect/read
retries = 2                      # timeouts, refused connections, 429 and 5xx only

# One [[sources]] block per feed, page, file or folder.
[[sources]]
name = "Notes"                   # shown in the digest's source health
kind = "dir"                     # rss | page | file | dir
path = "notes"                   # every .html .htm .txt .md .json inside

# [[sources]]
# name = "A news feed"
# kind = "rss"
# url = "https://example.org/feed.rss"
# max_items = 40
# outlet = "Example News"        # the outlet's name when its pages do not say it

# [[sources]]
# name = "One page"
# kind = "page"
# url = "https://example.org/article.html"

[email]
enabled = false                  # or use `briefing run --send`
host = "smtp.example.org"
port = 587
security = "starttls"            # plain | starttls | ssl
# username = "briefing"
password_env = "BRIEFING_SMTP_PASSWORD"   # the password comes from this variable
sender = "Briefing <briefing@example.org>"
recipients = []                  # ["analyst@example.org"]
subject_prefix = "[briefing]"
# unsubscribe = "mailto:briefing-stop@example.org?subject=unsubscribe"

[state]
new_only = true                  # a digest shows only what no earlier digest carried
"""


def cmd_init(args: argparse.Namespace) -> int:
    from extractors.config import PROJECT_ROOT

    folder = Path(args.path)
    config, topic, notes = folder / "briefing.toml", folder / "topic.toml", folder / "notes"
    existing = [str(p) for p in (config, topic) if p.exists()]
    if existing:
        raise ConfigError(
            f"{', '.join(existing)} already exist(s); `briefing init` never overwrites: "
            "choose another PATH or move the files away"
        )
    try:
        notes.mkdir(parents=True, exist_ok=True)
        config.write_text(STARTER_CONFIG, encoding="utf-8")
        bundled = (PROJECT_ROOT / "topics" / "korea-nato.toml").read_text(encoding="utf-8")
        topic.write_text(
            "# A starter topic (written by `briefing init`): a copy of the bundled korea-nato\n"
            "# topic. Change name, title, [[anchors]] and [[subtopics]] to follow your own.\n"
            + bundled,
            encoding="utf-8",
        )
    except OSError as exc:
        raise ConfigError(f"{folder}: cannot write the starter files ({exc.strerror})") from None
    for path in (config, topic, notes):
        print(path)
    if not args.quiet:
        print(
            f"next: put articles in {notes} or add [[sources]], then "
            f"`briefing run --config {config}`",
            file=sys.stderr,
        )
    return EXIT_OK


def writable_dir(folder: Path, key: str) -> None:
    """Fail before any work when the output folder cannot be created or written."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        probe = folder / ".briefing-write-test"
        probe.write_text("", encoding="utf-8")
        probe.unlink()
    except OSError as exc:
        raise ConfigError(
            f"{key}: cannot write to {folder} ({exc.strerror or exc}); choose a folder you "
            "can write to"
        ) from None


def cmd_serve(args: argparse.Namespace) -> int:
    from zoneinfo import ZoneInfo

    from prefect.schedules import Cron

    from extractors.config import load_config

    try:
        ZoneInfo(args.timezone)
    except Exception:
        raise ConfigError(
            f"unknown time zone {args.timezone!r} (use an IANA name like 'Asia/Seoul')"
        ) from None
    load_config(args.config)
    try:
        schedule = Cron(args.cron, timezone=args.timezone)
    except ValueError as exc:
        raise ConfigError(f"--cron: {exc} (use five fields, e.g. '0 7 * * *')") from None
    from flows.daily import daily_briefing

    params = {"config_path": str(Path(args.config).resolve()) if args.config else None}
    if args.send is not None:
        params["send"] = args.send
    daily_briefing.serve(
        name="daily-briefing",
        schedules=[schedule],
        parameters=params,
    )
    return EXIT_OK


def _load_inputs(inputs: Sequence[str], timeout: float):
    """Each input as an Article, or the error; one process, one HTTP client."""
    from fetch import sources
    from fetch.http import HttpClient

    get = sources.make_getter(HttpClient(timeout=timeout))
    for given in inputs:
        try:
            if given.startswith(("http://", "https://")):
                yield given, sources.page_article(given, given, get, source=given), None
            else:
                yield given, sources.file_article(given, given, get, source=given), None
        except SourceError as exc:
            yield given, None, exc
        except Exception as exc:  # a library error on one input: still one input
            yield given, None, SourceError(given, f"{type(exc).__name__}: {exc}"[:300])


def cmd_clean(args: argparse.Namespace) -> int:
    failed = 0
    for given, art, err in _load_inputs(args.inputs, args.timeout):
        row = {
            "source": given,
            "title": None,
            "author": None,
            "date": None,
            "outlet": None,
            "dateline": None,
            "text": None,
            "error": None,
        }
        if art is not None:
            row.update(
                title=art.title,
                author=art.author,
                date=art.published.isoformat() if art.published else None,
                outlet=art.outlet,
                dateline=art.dateline,
                text=art.text,
            )
        else:
            failed += 1
            row["error"] = err.cause if err else "unknown error"
        print(json.dumps(row, ensure_ascii=False), flush=True)
    return EXIT_FAILED if failed else EXIT_OK


def cmd_analyze(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from extractors.analysis import build_digest
    from extractors.models import Failure
    from extractors.render import render_json
    from extractors.topic import load_topic
    from fetch.sources import as_failure

    topic = load_topic(args.topic, Path.cwd())
    articles, failures = [], []
    for given, art, err in _load_inputs(args.inputs, args.timeout):
        if art is None:
            failures.append(as_failure(err, given) if err else Failure(given, "unknown error"))
            continue
        if art.published is None and args.published:
            art = replace(art, published=datetime.combine(args.published, datetime.min.time()))
        articles.append(art)
    now = datetime.now().astimezone()
    day = args.published or now.date()
    digest = build_digest(
        articles,
        failures,
        topic,
        title=f"{topic.title or topic.name}",
        day=day,
        now=now,
        sources=list(args.inputs),
        no_filter=args.no_filter,
        max_stories=10_000,
    )
    sys.stdout.write(render_json(digest))
    return EXIT_FAILED if failures and not articles else EXIT_OK


if __name__ == "__main__":
    raise SystemExit(main())
