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
    an.add_argument(
        "--timezone",
        metavar="TZ",
        default="Asia/Seoul",
        help="zone in which 'today' and UTC or zone-less publication times are read "
        "(default: Asia/Seoul, the config's default)",
    )
    an.add_argument("--timeout", type=float, default=15.0, help="seconds per request")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    # No telemetry from a briefing run (the network is often closed; it only adds noise).
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    try:
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
    result = daily_briefing(
        config_path=str(Path(args.config).resolve()) if args.config else None,
        day=args.date,
        out=args.out,
        topic=args.topic,
        send=args.send,
        force=args.force,
    )
    d = result.digest
    for kind, path in result.paths.items():
        print(f"{kind}: {path}")
    print(
        f"{len(d.stories)} stories, {len(d.excluded)} excluded, {len(d.failures)} source problems",
        file=sys.stderr,
    )
    for f in d.failures:
        print(f"  {f.stage}: {f.source}: {f.error}", file=sys.stderr)
    for day, recipients in result.sent.items():
        print(f"sent: digest of {day} to {', '.join(recipients)}", file=sys.stderr)
    if result.all_sources_failed:
        print("briefing: every source failed; see the digest's source health", file=sys.stderr)
        return EXIT_FAILED
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
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    from extractors.analysis import build_digest
    from extractors.models import Failure
    from extractors.render import render_json
    from extractors.topic import load_topic
    from fetch.sources import as_failure, with_source_meta

    try:
        zone = ZoneInfo(args.timezone)
    except (ZoneInfoNotFoundError, ValueError):
        raise ConfigError(
            f"--timezone: unknown time zone {args.timezone!r} (use an IANA name like 'Asia/Seoul')"
        ) from None
    topic = load_topic(args.topic, Path.cwd())
    articles, failures = [], []
    for given, art, err in _load_inputs(args.inputs, args.timeout):
        if art is None:
            failures.append(as_failure(err, given) if err else Failure(given, "unknown error"))
            continue
        if art.published is None and args.published:
            art = replace(
                art, published=datetime.combine(args.published, datetime.min.time(), zone)
            )
        articles.append(with_source_meta(art))
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
        tz=args.timezone,
    )
    sys.stdout.write(render_json(digest))
    return EXIT_FAILED if failures and not articles else EXIT_OK


if __name__ == "__main__":
    raise SystemExit(main())
