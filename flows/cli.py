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
import tempfile
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
    p.add_argument(
        "--debug", action="store_true", help="show tracebacks (otherwise one line per failure)"
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
        "schedule as prefect.yaml, as its own deployment daily-briefing/daily-briefing-serve "
        "(the prefect.yaml deployment is never touched). Needs a Prefect API "
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
    clean.add_argument("inputs", nargs="*", metavar="PATH_OR_URL")
    clean.add_argument("--timeout", type=float, default=15.0, help="seconds per request")
    _allow_private_flag(clean)
    _processes_flag(clean)

    an = sub.add_parser(
        "analyze",
        help="analyse inputs and print the digest JSON",
        description="Clean, judge, group and summarise the inputs; print the "
        "same JSON as digest.json. No Prefect, no state.",
    )
    an.add_argument("inputs", nargs="*", metavar="PATH_OR_URL")
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
    _allow_private_flag(an)
    _processes_flag(an)
    _add_check(sub)
    add_state_parser(sub)
    add_backfill_parser(sub)

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


def _processes(value: str) -> int:
    n = int(value)
    if not 1 <= n <= 64:
        raise argparse.ArgumentTypeError("must be 1 to 64")
    return n


def _processes_flag(p: argparse.ArgumentParser) -> None:
    cores = os.cpu_count() or 1
    p.add_argument(
        "--processes",
        type=_processes,
        default=cores,
        metavar="N",
        help="processes that clean pages and analyse stories (8 or more of them; "
        f"1: in this process; default: the cores, {cores}, as [briefing] processes)",
    )


def _allow_private_flag(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--allow-private",
        action="store_true",
        help="let URLs (and their redirects) reach loopback/private addresses "
        "(an intranet feed; refused by default)",
    )
    p.add_argument(
        "--feed",
        action="append",
        default=[],
        metavar="URL_OR_PATH",
        help="read this RSS/Atom feed exactly as an rss source would (repeatable); "
        "try a feed before adding it",
    )


def _add_check(sub) -> None:  # type: ignore[no-untyped-def]
    check = sub.add_parser(
        "check",
        help="check a config: validation, each source reachable, SMTP login",
        description="Validate the config (the checks `run` makes at load), fetch each "
        "source once with the same HTTP client, connect and log in to the SMTP server "
        "without sending. One line per finding; exit 0 all ok, 1 a finding to fix, 2 the "
        "config itself is invalid.",
    )
    check.add_argument("--config", metavar="FILE", help="config TOML (default: bundled sample)")
    check.add_argument(
        "--no-network", action="store_true", help="only the checks made at load (no fetch, no SMTP)"
    )


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
    commands = []
    for cmd in sub.choices.values():
        nested = [a for a in cmd._actions if isinstance(a, argparse._SubParsersAction)]
        # `state digests -q`: the flags go on the innermost commands (a parent's default
        # would be overwritten by its subcommand's).
        commands += [c for a in nested for c in a.choices.values()] if nested else [cmd]
    for cmd in commands:
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
    if getattr(args, "debug", False):
        os.environ["BRIEFING_DEBUG"] = "1"
    if args.command in ("clean", "analyze") and not (args.inputs or args.feed):
        print(f"briefing {args.command}: error: give PATH_OR_URL or --feed URL", file=sys.stderr)
        return EXIT_USAGE
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
        if args.command == "check":
            return cmd_check(args)
        if args.command == "state":
            return cmd_state(args)
        if args.command == "backfill":
            return cmd_backfill(args)
    except ConfigError as exc:
        _debug_traceback()
        print(f"briefing: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except BriefingError as exc:
        _debug_traceback()
        print(f"briefing: error: {exc}", file=sys.stderr)
        return EXIT_FAILED
    return EXIT_USAGE


def _debug_traceback() -> None:
    if os.environ.get("BRIEFING_DEBUG", "") not in ("", "0"):
        import traceback

        traceback.print_exc()


def cmd_run(args: argparse.Namespace) -> int:
    from extractors.config import load_config
    from extractors.topic import load_topic

    # Validate before Prefect starts: a bad config is exit 2 with the key named.
    config = load_config(args.config)
    load_topic(args.topic or config.briefing.topic, config.base_dir)
    from flows.daily import daily_briefing

    out_dir = Path(args.out) if args.out else config.out_dir
    writable_dir(out_dir, "--out" if args.out else "briefing.out_dir")
    try:
        with _progress(args):
            result = daily_briefing(
                config_path=str(Path(args.config).resolve()) if args.config else None,
                day=args.date,
                out=args.out,
                topic=args.topic,
                send=args.send,
                force=args.force,
            )
    except BriefingError:
        raise
    except Exception as exc:
        hint = prefect_unavailable(exc)
        if hint is None:
            raise
        print(f"briefing: error: {hint}", file=sys.stderr)
        return EXIT_FAILED
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
    for note in result.notes:
        print(f"not sent: {note}", file=sys.stderr)
    for f in result.undelivered:
        print(f"briefing: error: {f.source}: {f.error}", file=sys.stderr)
    if result.all_sources_failed:
        print("briefing: every source failed; see the digest's source health", file=sys.stderr)
        return EXIT_FAILED
    return EXIT_FAILED if result.undelivered else EXIT_OK


def prefect_unavailable(exc: BaseException) -> str | None:
    """One line saying what to do when the Prefect API could not be started or reached."""
    text = str(exc)
    url = os.environ.get("PREFECT_API_URL")
    if "ephemeral Prefect API" in text:
        wait = os.environ.get("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "180")
        return (
            f"Prefect's temporary local API did not start within {wait} s (a busy machine?); "
            "start a server with `prefect server start` and set "
            "PREFECT_API_URL=http://127.0.0.1:4200/api, or raise "
            "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS"
        )
    names = {type(e).__name__ for e in _chain(exc)}
    if url and names & {"ConnectError", "ConnectTimeout", "PrefectHTTPStatusError"}:
        return (
            f"the Prefect API at PREFECT_API_URL={url} cannot be reached ({type(exc).__name__}); "
            "start it with `prefect server start`, or unset PREFECT_API_URL to use a "
            "temporary local one"
        )
    return None


def _chain(exc: BaseException | None):
    seen = 0
    while exc is not None and seen < 10:
        yield exc
        exc = exc.__cause__ or exc.__context__
        seen += 1


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
        # A probe of this process's own: concurrent runs must not unlink each other's.
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".briefing-write-test-"):
            pass
    except OSError as exc:
        raise ConfigError(
            f"{key}: cannot write to {folder} ({exc.strerror or exc}); choose a folder you "
            "can write to"
        ) from None


SERVE_DEPLOYMENT = "daily-briefing-serve"
"""The deployment ``briefing serve`` creates: never the ``prefect.yaml`` one (daily-briefing)."""


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
        name=SERVE_DEPLOYMENT,
        schedules=[schedule],
        parameters=params,
    )
    return EXIT_OK


def add_state_parser(sub) -> None:
    """``briefing state digests|outbox|sent|forget|mark-sent|prune``."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--config", metavar="FILE", help="config TOML (default: bundled sample)")
    common.add_argument("--out", metavar="DIR", help="output folder (default: config out_dir)")
    common.add_argument(
        "--topic", metavar="NAME_OR_FILE", help="another topic's state (default: the config's)"
    )
    st = sub.add_parser(
        "state",
        help="show and mend the state: digests, outbox, send ledger",
        description="See what the state store holds (the digests written, the outbox of "
        "digests waiting to be sent, the send ledger) and mend it. No Prefect.",
    )
    ss = st.add_subparsers(dest="state_command", metavar="WHAT", required=True)
    ss.add_parser("digests", parents=[common], help="every digest written, with its send status")
    ss.add_parser("outbox", parents=[common], help="digests queued and not yet sent to everyone")
    ss.add_parser("sent", parents=[common], help="the send ledger: (date, recipient, when)")
    fg = ss.add_parser(
        "forget",
        parents=[common],
        help="unsee and unsend one digest so the next run of that date rebuilds it",
        description="Remove one digest from the state: its record, its stories, the "
        "articles it first carried (they count as new again), its outbox row and its "
        "ledger rows. The files stay; `briefing run --date DATE` rebuilds and (email on) "
        "sends it again.",
    )
    fg.add_argument("date", type=_date, metavar="DATE")
    ms = ss.add_parser(
        "mark-sent",
        parents=[common],
        help="record a digest as sent (it leaves the outbox) without sending it",
    )
    ms.add_argument("date", type=_date, metavar="DATE")
    ms.add_argument(
        "--to",
        metavar="ADDR",
        action="append",
        help="only this recipient (repeatable; default: every configured recipient)",
    )
    pr = ss.add_parser(
        "prune",
        parents=[common],
        help="delete the state of every digest before a date",
        description="Delete digests, stories, seen articles, outbox and ledger rows of "
        "every digest dated before DATE (articles first carried then count as new again if "
        "a feed still lists them). The files stay.",
    )
    pr.add_argument("--before", type=_date, metavar="DATE", required=True)


def _table(header: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    cells = [list(map(str, header)), *[[str(c) for c in r] for r in rows]]
    widths = [max(len(r[i]) for r in cells) for i in range(len(header))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in cells]
    return "\n".join([lines[0], "  ".join("-" * w for w in widths), *lines[1:]])


def cmd_state(args: argparse.Namespace) -> int:
    from datetime import timedelta
    from zoneinfo import ZoneInfo

    from delivery.output import place
    from delivery.state import RESEND_WINDOW_DAYS, claim_is_live, store_for
    from extractors.config import load_config

    config = load_config(args.config)
    where = place(config, args.out, args.topic)
    what = args.state_command
    if not config.state.url and not where.state_path.is_file():
        if what in ("digests", "outbox", "sent"):
            print(f"no state yet at {where.state_path}")
            return EXIT_OK
        print(f"briefing: error: no state at {where.state_path}", file=sys.stderr)
        return EXIT_FAILED
    try:
        store = store_for(config, where)
    except Exception as exc:  # the database is unreachable, or refuses the login
        print(f"briefing: error: state store: {type(exc).__name__}: {exc}"[:400], file=sys.stderr)
        return EXIT_FAILED
    recipients = list(config.email.recipients)
    print(f"state: {store.where}", file=sys.stderr)

    if what == "digests":
        queued = {q.day for q in store.outbox()}
        ledger: dict[date, set[str]] = {}
        for d in store.deliveries():
            ledger.setdefault(d.day, set()).add(d.recipient)
        rows = []
        for rec in store.digests():
            got = ledger.get(rec.day, set())
            if recipients:
                status = f"{len(got & set(recipients))}/{len(recipients)} sent"
            else:
                status = f"{len(got)} sent"
            rows.append(
                (
                    rec.day,
                    rec.stories,
                    status + (", queued" if rec.day in queued else ""),
                    rec.written_at[:16],
                    rec.folder,
                )
            )
        if not rows:
            print("no digests recorded")
            return EXIT_OK
        print(_table(["date", "stories", "email", "written", "folder"], rows))
        return EXIT_OK

    if what == "outbox":
        today = datetime.now(ZoneInfo(config.briefing.timezone)).date()
        claims: dict[date, list[str]] = {}
        for day, rcpt, owner, at in store.claims():
            live = "sending" if claim_is_live(owner, at) else "abandoned"
            claims.setdefault(day, []).append(f"{rcpt} ({live}, {owner})")
        rows = []
        for q in store.outbox():
            waiting = [r for r in recipients if r not in store.delivered(q.day)] or ["?"]
            old = q.day < today - timedelta(days=RESEND_WINDOW_DAYS)
            rows.append(
                (
                    q.day,
                    q.queued_at[:16],
                    ", ".join(waiting),
                    "; ".join(claims.get(q.day, [])) or "-",
                    "older than the resend window of a run today" if old else "",
                )
            )
        if not rows:
            print("outbox empty: every queued digest was sent")
            return EXIT_OK
        print(_table(["date", "queued", "waiting for", "claims", "note"], rows))
        return EXIT_OK

    if what == "sent":
        rows = [(d.day, d.recipient, d.sent_at[:19], d.message_id) for d in store.deliveries()]
        if not rows:
            print("nothing sent yet")
            return EXIT_OK
        print(_table(["date", "recipient", "sent", "message id"], rows))
        return EXIT_OK

    if what == "forget":
        counts = store.forget(args.date)
        if not any(counts.values()):
            print(f"briefing: error: no state for the digest of {args.date}", file=sys.stderr)
            return EXIT_FAILED
        print(
            f"forgot the digest of {args.date}: {counts['seen']} article keys, "
            f"{counts['stories']} stories, {counts['deliveries']} ledger rows, "
            f"{counts['outbox']} outbox row; `briefing run --date {args.date}` rebuilds it"
        )
        return EXIT_OK

    if what == "mark-sent":
        to = args.to or recipients
        if not to:
            raise ConfigError("mark-sent: no recipients; give --to ADDR or set [email].recipients")
        now = datetime.now(ZoneInfo(config.briefing.timezone))
        added = store.mark_sent(args.date, to, now, everyone=recipients or to)
        if added:
            print(f"marked the digest of {args.date} as sent to {', '.join(added)}")
        else:
            print(f"the digest of {args.date} was already sent to {', '.join(to)}")
        return EXIT_OK

    if what == "prune":
        counts = store.prune(args.before)
        print(
            f"pruned before {args.before}: "
            + ", ".join(f"{n} {table}" for table, n in counts.items())
        )
        return EXIT_OK
    return EXIT_USAGE


def _load_inputs(
    inputs: Sequence[str],
    timeout: float,
    allow_private: bool = False,
    feeds: Sequence[str] = (),
    processes: int = 1,
):
    """Each input as an Article, or the error, in the order given. Each ``--feed`` yields
    what an rss source with that URL (or path) yields, entry by entry (its pages cleaned in
    the pool); with 8 inputs or more and ``processes`` > 1, the inputs are fetched and
    cleaned in the shared process pool, else one by one in this process."""
    from fetch import sources
    from fetch.http import HttpClient

    get = sources.make_getter(HttpClient(timeout=timeout, allow_private=allow_private))
    for feed in feeds:
        yield from _feed_items(feed, timeout, allow_private, get, processes)
    run = sources.pooled_map(processes)
    for given, art, err in run(_load_one, [(g, timeout, allow_private) for g in inputs]):
        yield given, art, (_error_of(*err) if err else None)


def _error_of(kind: str, source: str, cause: str) -> SourceError:
    from extractors.errors import ExtractError, FetchError, ParseError

    known = {"FetchError": FetchError, "ParseError": ParseError, "ExtractError": ExtractError}
    return known.get(kind, SourceError)(source, cause)


def _load_one(job: tuple[str, float, bool]):  # type: ignore[no-untyped-def]
    """One CLI input -> (input, Article or None, (kind, source, cause) of its error or None);
    errors go back as values (a pool process cannot pickle our exceptions)."""
    from fetch import sources
    from fetch.http import HttpClient

    given, timeout, allow_private = job
    get = sources.make_getter(HttpClient(timeout=timeout, allow_private=allow_private))
    try:
        if given.startswith(("http://", "https://")):
            return given, sources.page_article(given, given, get, source=given), None
        return given, sources.file_article(given, given, get, source=given), None
    except SourceError as exc:
        return given, None, (type(exc).__name__, exc.source, exc.cause)
    except Exception as exc:  # a library error on one input: still one input
        return given, None, ("SourceError", given, f"{type(exc).__name__}: {exc}"[:300])


def cmd_clean(args: argparse.Namespace) -> int:
    failed = 0
    for given, art, err in _load_inputs(
        args.inputs, args.timeout, args.allow_private, args.feed, args.processes
    ):
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
    from fetch import sources
    from fetch.sources import as_failure, with_source_meta

    try:
        zone = ZoneInfo(args.timezone)
    except (ZoneInfoNotFoundError, ValueError):
        raise ConfigError(
            f"--timezone: unknown time zone {args.timezone!r} (use an IANA name like 'Asia/Seoul')"
        ) from None
    topic = load_topic(args.topic, Path.cwd())
    articles, failures = [], []
    for given, art, err in _load_inputs(
        args.inputs, args.timeout, args.allow_private, args.feed, args.processes
    ):
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
        sources=list(args.feed) + list(args.inputs),
        no_filter=args.no_filter,
        max_stories=10_000,
        tz=args.timezone,
        mapper=sources.pooled_map(args.processes),
        processes=args.processes,
    )
    sys.stdout.write(render_json(digest))
    return EXIT_FAILED if failures and not articles else EXIT_OK


def _feed_items(feed: str, timeout: float, allow_private: bool, get, processes: int = 1):  # type: ignore[no-untyped-def]
    """``--feed``: the same code path as an ``rss`` source (``fetch.sources.collect``)."""
    from pydantic import ValidationError

    from extractors.config import (
        BriefingSettings,
        Config,
        HttpSettings,
        Source,
        format_validation_error,
    )
    from fetch import sources

    local = not feed.startswith(("http://", "https://")) and "://" not in feed
    try:
        src = Source(name=feed, kind="rss", **({"path": feed} if local else {"url": feed}))
        config = Config(
            sources=(src,),
            http=HttpSettings(timeout=timeout, allow_private=allow_private),
            briefing=BriefingSettings(processes=processes),
            base_dir=Path.cwd(),
        )
    except ValidationError as exc:
        raise ConfigError(format_validation_error(exc, "--feed")) from None
    try:
        result = sources.collect(src, config, get)
    except SourceError as exc:
        yield feed, None, exc
        return
    except Exception as exc:  # a library error on the feed: still one input
        yield feed, None, SourceError(feed, f"{type(exc).__name__}: {exc}"[:300])
        return
    for art in result.articles:
        yield art.source, art, None
    for f in result.failures:
        if f.stage != "degraded":
            yield f.source or feed, None, SourceError(f.source or feed, f.error)


def cmd_check(args: argparse.Namespace) -> int:
    """``briefing check``: one line per finding ("ok: …", "error: …")."""
    from extractors.config import load_config
    from extractors.topic import load_topic

    name = args.config or "the bundled sample"
    try:
        config = load_config(args.config)
    except ConfigError as exc:
        for line in str(exc).splitlines():
            print(f"error: {line}")
        return EXIT_USAGE
    print(f"ok: config {name}: valid, {len(config.sources)} sources")
    errors = 0
    try:
        load_topic(config.briefing.topic, config.base_dir)
        print(f"ok: topic {config.briefing.topic!r}")
    except ConfigError as exc:
        print(f"error: {exc}")
        errors += 1
    if args.no_network:
        return EXIT_FAILED if errors else EXIT_OK
    for source in config.sources:
        line = _check_source(source, config)
        errors += line.startswith("error")
        print(line)
    if config.email.enabled or config.email.username:
        line = _check_smtp(config)
        errors += line.startswith("error")
        print(line)
    return EXIT_FAILED if errors else EXIT_OK


def _check_source(source, config) -> str:  # type: ignore[no-untyped-def]
    """Reachability with the run's own client (address policy, deadline, redirects)."""
    from extractors.feeds import parse_feed
    from fetch import sources
    from fetch.local import list_dir

    label = f"source {source.name!r}"
    location = config.resolve(source.location)
    get = sources.make_getter(sources.client_for(config))
    try:
        if source.kind == "dir":
            return f"ok: {label}: folder with {len(list_dir(location, source.exclude))} files"
        fetched = get(location)
        what = f"{len(fetched.content):,} bytes"
        if "://" in location:
            what = f"HTTP {fetched.status}, {what}"
            if fetched.final_url != location:
                what += f", redirected to {fetched.final_url}"
        if source.kind == "rss":
            feed = parse_feed(fetched.content, fetched.final_url, fetched.headers)
            what += f", a feed with {len(feed.entries)} entries"
            if feed.warning:
                what += f" (ill-formed but readable: {feed.warning})"
        return f"ok: {label}: {what}"
    except SourceError as exc:
        return f"error: {label}: {exc.cause}"
    except Exception as exc:  # a library error: still one line
        return f"error: {label}: {type(exc).__name__}: {exc}"[:300]


def _check_smtp(config) -> str:  # type: ignore[no-untyped-def]
    """Connect, STARTTLS/SSL as configured, log in; never send."""
    import smtplib
    import ssl

    from extractors.errors import DeliveryError

    s = config.email
    where = f"SMTP {s.host}:{s.port} ({s.security})"
    try:
        from flows.daily import smtp_password

        password = smtp_password(s)
    except Exception as exc:
        if isinstance(exc, ValueError) and "unable to find" in str(exc).lower():
            return (
                f"error: {where}: Secret block {s.password_block!r} not found: create it with "
                f'python -c "from prefect.blocks.system import Secret; '
                f"Secret(value='…').save('{s.password_block}')\""
            )
        return f"error: {where}: the password could not be read ({type(exc).__name__})"
    try:
        context = ssl.create_default_context(cafile=s.ca_file)
        smtp: smtplib.SMTP
        if s.security == "ssl":
            smtp = smtplib.SMTP_SSL(s.host, s.port, timeout=s.timeout, context=context)
        else:
            smtp = smtplib.SMTP(s.host, s.port, timeout=s.timeout)
        with smtp:
            smtp.ehlo()
            if s.security == "starttls":
                smtp.starttls(context=context)
                smtp.ehlo()
            if not s.username:
                return f"ok: {where}: connected (no login configured)"
            if password is None:
                return (
                    f"error: {where}: a username is set but no password was found (set "
                    f"{s.password_env or 'password_env'} or a Secret block in password_block)"
                )
            smtp.login(s.username, password)
        return f"ok: {where}: connected, login accepted for {s.username!r} (nothing sent)"
    except smtplib.SMTPAuthenticationError as exc:
        text = exc.smtp_error.decode("utf-8", "replace")[:80]
        return (
            f"error: {where}: login refused ({exc.smtp_code} {text}): check the username/password"
        )
    except (DeliveryError, smtplib.SMTPException, OSError) as exc:
        if isinstance(exc, ConnectionRefusedError):
            return f"error: {where}: connection refused"
        if isinstance(exc, TimeoutError):
            return f"error: {where}: timed out"
        return f"error: {where}: {type(exc).__name__}"
    except UnicodeEncodeError:
        return f"error: {where}: the username or password is not ASCII, which SMTP cannot send"


# ---------------------------------------------------------------- backfill

DEFAULT_DEPLOYMENT = "daily-briefing/daily-briefing"
BACKFILL_MAX_DAYS = 3660


def add_backfill_parser(sub) -> None:  # type: ignore[no-untyped-def]
    """``briefing backfill --from D1 --to D2 [--deployment NAME]``."""
    bf = sub.add_parser(
        "backfill",
        help="submit one flow run per day of a deployment (the workers take them)",
        description="Submit one run of the deployment per day from --from to --to "
        "(inclusive) to the Prefect API in PREFECT_API_URL and print each run's id; the "
        "work pool's workers run them (several workers: several days at once). Each "
        "(deployment, day, parameters) is submitted once: running the same backfill again "
        "submits nothing new (--again submits new runs).",
    )
    # required, checked by cmd_backfill (so `backfill -q` alone still parses, as every command)
    bf.add_argument("--from", dest="start", type=_date, metavar="YYYY-MM-DD", help="first day")
    bf.add_argument("--to", dest="end", type=_date, metavar="YYYY-MM-DD", help="last day")
    bf.add_argument(
        "--deployment",
        default=DEFAULT_DEPLOYMENT,
        metavar="FLOW/NAME",
        help=f"the deployment to run (default: {DEFAULT_DEPLOYMENT})",
    )
    bf.add_argument("--config", metavar="FILE", help="config_path parameter (default: the "
                    "deployment's)")  # fmt: skip
    bf.add_argument("--topic", metavar="NAME_OR_FILE", help="topic parameter")
    send = bf.add_mutually_exclusive_group()
    send.add_argument("--send", dest="send", action="store_true", default=None)
    send.add_argument("--no-send", dest="send", action="store_false")
    bf.add_argument("--again", action="store_true", help="submit new runs even for days "
                    "this backfill already submitted")  # fmt: skip


def backfill_days(start: date, end: date) -> list[date]:
    from datetime import timedelta

    return [start + timedelta(days=i) for i in range((end - start).days + 1)]


def cmd_backfill(args: argparse.Namespace) -> int:
    """One ``run_deployment(..., timeout=0)`` per day: submitted, not waited for."""
    import hashlib
    import json
    import time

    if args.start is None or args.end is None:
        print("briefing backfill: error: give both --from YYYY-MM-DD and --to YYYY-MM-DD",
              file=sys.stderr)  # fmt: skip
        return EXIT_USAGE
    if args.end < args.start:
        print(f"briefing backfill: error: --to {args.end} is before --from {args.start}",
              file=sys.stderr)  # fmt: skip
        return EXIT_USAGE
    days = backfill_days(args.start, args.end)
    if len(days) > BACKFILL_MAX_DAYS:
        print(f"briefing backfill: error: {len(days)} days; at most {BACKFILL_MAX_DAYS} at "
              "once (split the range)", file=sys.stderr)  # fmt: skip
        return EXIT_USAGE
    if not os.environ.get("PREFECT_API_URL"):
        from prefect.settings import PREFECT_API_URL

        if not PREFECT_API_URL.value():
            print("briefing backfill: error: PREFECT_API_URL is not set; point it at the "
                  "Prefect server the workers use (e.g. http://127.0.0.1:4200/api)",
                  file=sys.stderr)  # fmt: skip
            return EXIT_USAGE
    from prefect.deployments import run_deployment
    from prefect.exceptions import ObjectNotFound

    base: dict[str, object] = {}
    if args.config:
        base["config_path"] = str(Path(args.config).resolve())
    if args.topic:
        base["topic"] = args.topic
    if args.send is not None:
        base["send"] = args.send
    salt = str(time.time_ns()) if args.again else ""
    for day in days:
        params = {**base, "day": day.isoformat()}
        key = hashlib.sha256(
            json.dumps([args.deployment, params, salt], sort_keys=True).encode()
        ).hexdigest()[:32]
        try:
            run = run_deployment(
                args.deployment,
                parameters=params,
                timeout=0,
                as_subflow=False,
                idempotency_key=f"backfill-{key}",
                tags=["backfill"],
            )
        except ObjectNotFound:
            print(f"briefing backfill: error: no deployment {args.deployment!r} on the "
                  "Prefect API (prefect deploy --all creates it)", file=sys.stderr)  # fmt: skip
            return EXIT_FAILED
        print(f"{day.isoformat()}  {run.id}  {run.name}")
    print(f"submitted {len(days)} runs of {args.deployment} ({days[0]} to {days[-1]})",
          file=sys.stderr)  # fmt: skip
    return EXIT_OK


if __name__ == "__main__":
    raise SystemExit(main())
