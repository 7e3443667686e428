"""A fault run: hostile servers, broken files and broken configs against the real code.

    .venv/bin/python benchmarks/fault_run.py

Everything runs on 127.0.0.1 (a dripping socket server, redirect chains, private
addresses, a gzip bomb, 5xx and Retry-After) plus temporary files and configs; no
internet. Each case prints what it expects, what happened and how long it took. The
feedparser-tests corpus (``../shared/data/feedparser-tests``, skipped when absent) is
parsed whole, counting crashes and misnamed entries. Timings are printed, never asserted
(the tests in tests/test_hostile.py, test_http.py, test_config.py assert the outcomes).
"""

from __future__ import annotations

import gzip
import random
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import dataset

from extractors.config import load_config
from extractors.errors import BriefingError, FetchError
from fetch.http import HttpClient
from fetch.sources import file_article, make_getter
from tests.support import DripServer, LocalHTTPServer, free_port

ROWS: list[tuple[str, str, str, bool, float]] = []


def case(name: str, expect: str, fn: Callable[[], object]) -> None:
    """Run one case; the outcome is the result's summary or the error's message."""
    t0 = time.monotonic()
    try:
        got = fn()
        outcome = f"ok: {got}"
    except BriefingError as exc:
        outcome = f"{type(exc).__name__}: {getattr(exc, 'cause', None) or exc}"
    except Exception as exc:  # an unexpected crash is a finding, printed as such
        outcome = f"CRASH {type(exc).__name__}: {exc}"
    secs = time.monotonic() - t0
    ok = expect.lower() in outcome.lower() and not outcome.startswith("CRASH")
    ROWS.append((name, expect, outcome.replace("\n", " | ")[:150], ok, secs))


def fetched(c: HttpClient, url: str) -> Callable[[], str]:
    def run() -> str:
        f = c.get(url)
        return f"{len(f.content)} bytes from {f.final_url.rsplit('/', 1)[-1]}"

    return run


def http_cases() -> None:
    lenient = dict(timeout=1.0, deadline=3.0, backoff=0, allow_private=True)
    body = b"<html><body><p>" + b"x" * 200 + b"</p></body></html>"
    with DripServer(body, interval=0.2) as srv:
        case(
            "drip 1 byte/0.2 s, Content-Length (44 s whole)",
            "no complete answer within 3 s",
            fetched(HttpClient(**lenient), srv.url),
        )
    with DripServer(body, interval=0.2, content_length=False) as srv:
        case(
            "drip 1 byte/0.2 s, no Content-Length",
            "no complete answer within 3 s",
            fetched(HttpClient(**lenient), srv.url),
        )
    with DripServer(body, interval=0.2, drip_headers=True) as srv:
        case("drip the headers", "no complete answer", fetched(HttpClient(**lenient), srv.url))
    with DripServer(b"<p>fine</p>", interval=0.05) as srv:
        case(
            "slow but inside the deadline", "ok: 11 bytes", fetched(HttpClient(**lenient), srv.url)
        )
    with DripServer(body, interval=0.2) as srv:
        c = HttpClient(**{**lenient, "retries": 3})
        case("drip with retries = 3: not retried", "no complete answer", fetched(c, srv.url))
        ROWS[-1] = (*ROWS[-1][:2], f"{ROWS[-1][2]} (requests: {srv.requests})", *ROWS[-1][3:])

    with LocalHTTPServer() as server:
        assert server._httpd is not None  # the client hangs up on purpose: no server noise
        server._httpd.handle_error = lambda *a: None  # type: ignore[method-assign]
        server.add("end.html", "<p>end</p>")
        prev = "end.html"
        for i in range(8, 0, -1):
            server.add(f"hop{i}", status=302, headers={"Location": f"/{prev}"})
            prev = f"hop{i}"
        port = server.url("").split(":")[2].split("/")[0]
        server.add("loop", status=302, headers={"Location": "/loop"})
        server.add("to-private", status=302, headers={"Location": f"http://127.0.0.2:{port}/x"})
        server.add("to-file", status=302, headers={"Location": "file:///etc/passwd"})
        server.add("bomb", gzip.compress(b"\0" * 20_000_000), headers={"Content-Encoding": "gzip"})
        server.add("busy", "busy", status=503, content_type="text/plain")
        server.add(
            "later", "later", status=429, content_type="text/plain", headers={"Retry-After": "3600"}
        )
        c0 = HttpClient(**{**lenient, "retries": 0})
        case("3-hop redirect chain, retries = 0", "ok: 10 bytes", fetched(c0, server.url("hop6")))
        case(
            "8-hop chain, max_redirects = 5", "too many redirects", fetched(c0, server.url("hop1"))
        )
        case("redirect loop", "too many redirects", fetched(c0, server.url("loop")))
        strict = HttpClient(timeout=1, deadline=3, retries=2, backoff=0)
        case(
            "127.0.0.1 by default", "is a loopback address", fetched(strict, server.url("end.html"))
        )
        case(
            "localhost by default",
            "is a loopback address",
            fetched(strict, server.url("end.html").replace("127.0.0.1", "localhost")),
        )
        case(
            "169.254.169.254 (cloud metadata)",
            "is a link-local address",
            fetched(strict, "http://169.254.169.254/latest/meta-data/"),
        )
        case("10.0.0.8 (intranet)", "is a private address", fetched(strict, "http://10.0.0.8/"))
        listed = HttpClient(timeout=1, deadline=3, retries=0, private_hosts=("127.0.0.1/32",))
        case(
            "allowed host redirecting to 127.0.0.2",
            "redirected to http://127.0.0.2",
            fetched(listed, server.url("to-private")),
        )
        case("redirect to file://", "only http(s)", fetched(c0, server.url("to-file")))
        case(
            "gzip bomb (20 MB of zeros)",
            "too large",
            fetched(HttpClient(**lenient, max_bytes=100_000), server.url("bomb")),
        )
        c2 = HttpClient(**{**lenient, "retries": 2})
        case("503 forever, retries = 2", "HTTP 503", fetched(c2, server.url("busy")))
        c1 = HttpClient(**{**lenient, "retries": 1})
        case("429 with Retry-After: 3600", "HTTP 429", fetched(c1, server.url("later")))
        case(
            "connection refused",
            "connection refused",
            fetched(c0, f"http://127.0.0.1:{free_port()}/x"),
        )


def file_cases(folder: Path) -> None:
    rng = random.Random(12)
    files = {
        "noise.txt": (rng.randbytes(4096), "not a text file"),
        "high-bytes.txt": (bytes(range(128, 256)) * 16, "invalid UTF-8"),
        "report.txt": (b"%PDF-1.7\n" + rng.randbytes(300), "PDF document"),
        "nul.md": (b"# Title\n\x00\x00 text", "NUL bytes"),
        "latin1.txt": (
            "Gespräche in Brüssel über Munition dauern an, sagte das Ministerium.".encode(
                "latin-1"
            ),
            "ok",
        ),
        "crlf.txt": (b"Seoul and NATO\r\n\r\nSeoul and NATO met on Tuesday in Brussels.\r\n", "ok"),
    }
    get = make_getter(HttpClient())
    for name, (data, expect) in files.items():
        p = folder / name
        p.write_bytes(data)

        def run(p: Path = p) -> str:
            art = file_article(str(p), "files", get)
            return f"{len(art.text.split())} words"

        case(f"file {name}", expect, run)


def config_cases(folder: Path) -> None:
    (folder / "notes").mkdir(exist_ok=True)
    (folder / "plain").write_text("x")
    ok_src = '[[sources]]\nname = "n"\nkind = "dir"\npath = "notes"\n'
    configs = {
        "0-byte file": ("", "empty"),
        "no sources": ('[briefing]\ntitle = "x"\n', "no [[sources]]"),
        "url without scheme": (
            '[[sources]]\nname = "y"\nkind = "rss"\nurl = "www.yna.co.kr/rss/nk.xml"\n',
            "add https://",
        ),
        "ftp:// url": ('[[sources]]\nname = "y"\nkind = "rss"\nurl = "ftp://x.org/f"\n', "ftp://"),
        "file:// page": (
            '[[sources]]\nname = "y"\nkind = "page"\nurl = "file:///etc/passwd"\n',
            "only http(s)",
        ),
        "missing dir": ('[[sources]]\nname = "d"\nkind = "dir"\npath = "nope"\n', "does not exist"),
        "state.path under a file": (
            ok_src + '[state]\npath = "plain/s.sqlite"\n',
            "is a regular file",
        ),
        "CR/LF in title": ('[briefing]\ntitle = "a\\r\\nBcc: x@y.z"\n' + ok_src, "control"),
        "LF in subject_prefix": ('[email]\nsubject_prefix = "[b]\\n"\n' + ok_src, "control"),
        "recipient without @": (
            '[email]\nrecipients = ["analyst.example.org"]\n' + ok_src,
            "not an email address",
        ),
        "sender without domain": ('[email]\nsender = "briefing"\n' + ok_src, "not an email"),
        "unknown key": ('[briefing]\ntitel = "x"\n' + ok_src, "unknown key"),
        "a good config": (ok_src, "ok"),
    }
    for name, (text, expect) in configs.items():
        cfg = folder / "c.toml"

        def run(text: str = text, cfg: Path = cfg) -> str:
            cfg.write_text(text, encoding="utf-8")
            return f"{len(load_config(cfg).sources)} sources"

        case(f"config: {name}", expect, run)


def corpus() -> None:
    root = dataset("feedparser-tests")
    if root is None:
        print("feedparser-tests: skipped: data not found")
        return
    from extractors.config import Source
    from extractors.errors import SourceError
    from extractors.feeds import parse_feed
    from fetch.sources import _entry_article, html_to_text

    def offline(link: str):
        raise FetchError(link, "offline")

    feeds = crashes = entries = misnamed = refused_feeds = 0
    src = Source(name="t", kind="rss", url="https://example.org/feed.xml", fetch_pages=False)
    for f in sorted(root.rglob("*.xml")):
        feeds += 1
        try:
            feed = parse_feed(f.read_bytes(), "https://example.org/feed.xml", {})
        except SourceError:
            refused_feeds += 1
            continue
        except Exception:
            crashes += 1
            continue
        for e in feed.entries:
            entries += 1
            try:
                _, fail = _entry_article(e, src, offline)
            except Exception:
                crashes += 1
                continue
            has = e.link or (e.content.strip() and html_to_text(e.content).split())
            if fail and "no link and no text" in fail.error and has:
                misnamed += 1
    print(
        f"feedparser-tests: {feeds} feeds, {entries} entries, {refused_feeds} named as not "
        f"readable, {crashes} crashes, {misnamed} entries with a link or words told "
        "'no link and no text' (fetch_pages = false, offline)"
    )


def main() -> int:
    t0 = time.monotonic()
    http_cases()
    with tempfile.TemporaryDirectory(prefix="fault-run-") as tmp:
        file_cases(Path(tmp))
        config_cases(Path(tmp))
    width = max(len(r[0]) for r in ROWS)
    for name, _expect, outcome, ok, secs in ROWS:
        mark = "as expected" if ok else "UNEXPECTED "
        print(f"{name:<{width}}  {mark}  {secs:6.2f} s  {outcome}")
    good = sum(r[3] for r in ROWS)
    print(f"\n{good}/{len(ROWS)} cases as expected, run took {time.monotonic() - t0:.1f} s")
    corpus()
    return 0 if good == len(ROWS) else 1


if __name__ == "__main__":
    raise SystemExit(main())
