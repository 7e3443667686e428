"""fetch.http.HttpClient against a real HTTP server on 127.0.0.1 (never the internet).

Every test uses ``backoff=0`` (or ``retries=0``) so retries cost no sleeping; nothing
here asserts on elapsed time, only on outcomes and on what the server saw.
"""

from __future__ import annotations

import gzip
import socket
import sys
import threading

import pytest

from extractors.errors import FetchError, SourceError
from fetch.http import DEFAULT_USER_AGENT, Fetched, HttpClient
from tests.support import LocalHTTPServer, Route, free_port

PAGE = "<html><body><p>Seoul and NATO officials met on Tuesday.</p></body></html>"


@pytest.fixture(scope="module")
def _module_server():
    with LocalHTTPServer() as server:
        # The client drops connections on purpose (size cap, timeout); the server thread
        # would print a ConnectionResetError traceback for each. Only those are silenced.
        httpd = server._httpd
        assert httpd is not None
        loud = httpd.handle_error

        def quiet(request, client_address) -> None:
            if not isinstance(sys.exc_info()[1], (ConnectionResetError, BrokenPipeError)):
                loud(request, client_address)

        httpd.handle_error = quiet  # type: ignore[method-assign]
        yield server


@pytest.fixture()
def http_server(_module_server):
    """One real server for the module, emptied before each test.

    (conftest's function-scoped ``http_server`` costs 0.5 s per test on shutdown: that is
    ``serve_forever``'s poll interval.)
    """
    _module_server.routes.clear()
    _module_server.hits.clear()
    _module_server.user_agents.clear()
    return _module_server


def client(**kw) -> HttpClient:
    kw.setdefault("backoff", 0)
    kw.setdefault("timeout", 5)
    return HttpClient(**kw)


def fetch_error(c: HttpClient, url: str) -> FetchError:
    with pytest.raises(FetchError) as info:
        c.get(url)
    err = info.value
    assert isinstance(err, SourceError)
    assert err.source == url, "the error must name the URL that failed"
    assert str(err).startswith(url)
    return err


# ---------------------------------------------------------------- success


def test_200_returns_bytes_headers_and_status(http_server):
    url = http_server.add("story.html", PAGE, headers={"X-Edition": "morning"})
    got = client().get(url)
    assert isinstance(got, Fetched)
    assert got.status == 200
    assert got.url == url
    assert got.content == PAGE.encode()
    # Header names are lower-cased so lookups do not depend on the server's spelling.
    assert got.headers["x-edition"] == "morning"
    assert got.content_type == "text/html; charset=utf-8"
    assert got.headers["content-length"] == str(len(PAGE))
    assert http_server.hits["/story.html"] == 1


def test_200_final_url_is_the_absolute_url(http_server):
    url = http_server.add("story.html", PAGE)
    assert client().get(url).final_url == url


def test_our_user_agent_is_sent(http_server):
    url = http_server.add("ua", "ok", content_type="text/plain")
    client().get(url)
    assert http_server.user_agents == [DEFAULT_USER_AGENT]
    assert DEFAULT_USER_AGENT.startswith("briefing/")


def test_a_configured_user_agent_replaces_ours(http_server):
    url = http_server.add("ua", "ok", content_type="text/plain")
    client(user_agent="test-agent/9").get(url)
    assert http_server.user_agents == ["test-agent/9"]


def test_gzip_body_is_decoded(http_server):
    url = http_server.add("gz", gzip.compress(PAGE.encode()), headers={"Content-Encoding": "gzip"})
    assert client().get(url).content == PAGE.encode()


# ---------------------------------------------------------------- redirects


def test_redirect_is_followed_and_final_url_reflects_it(http_server):
    target = http_server.add("new/story.html", PAGE)
    start = http_server.add("old/story.html", status=302, headers={"Location": target})
    got = client().get(start)
    assert got.status == 200
    assert got.content == PAGE.encode()
    assert got.url == start
    assert got.final_url == target
    assert http_server.hits == {"/old/story.html": 1, "/new/story.html": 1}


def test_relative_redirect_gives_an_absolute_final_url(http_server):
    target = http_server.add("new/story.html", PAGE)
    start = http_server.add("old/story.html", status=301, headers={"Location": "/new/story.html"})
    assert client().get(start).final_url == target


def test_redirect_loop_is_a_fetch_error(http_server):
    url = http_server.add("loop", status=302, headers={"Location": "/loop"})
    err = fetch_error(client(), url)
    assert "too many redirects" in err.cause


def test_redirect_loop_is_not_transient(http_server):
    url = http_server.add("loop", status=302, headers={"Location": "/loop"})
    assert fetch_error(client(), url).transient is False


# ---------------------------------------------------------------- HTTP errors and retries


def test_404_is_not_retried(http_server):
    url = http_server.add("gone.html", "not here", status=404)
    err = fetch_error(client(retries=3), url)
    assert "HTTP 404" in err.cause
    assert err.transient is False
    assert http_server.hits["/gone.html"] == 1


def test_503_then_200_succeeds_after_a_retry(http_server):
    http_server.add("flaky.xml", "busy", status=503, content_type="text/plain")
    http_server.routes["/flaky.xml"].then = Route(
        200, b"<rss/>", {"Content-Type": "application/rss+xml"}
    )
    got = client(retries=2).get(http_server.url("flaky.xml"))
    assert got.status == 200
    assert got.content == b"<rss/>"
    assert http_server.hits["/flaky.xml"] == 2


@pytest.mark.parametrize("retries", [0, 2])
def test_503_forever_is_transient_after_all_retries(http_server, retries):
    url = http_server.add("down", "busy", status=503, content_type="text/plain")
    err = fetch_error(client(retries=retries), url)
    assert "HTTP 503" in err.cause
    assert err.transient is True
    assert http_server.hits["/down"] == retries + 1


def test_429_is_transient_and_retried(http_server):
    url = http_server.add("slow-down", "later", status=429, content_type="text/plain")
    err = fetch_error(client(retries=1), url)
    assert "HTTP 429" in err.cause and err.transient is True
    assert http_server.hits["/slow-down"] == 2


# ---------------------------------------------------------------- size cap


def test_declared_content_length_over_the_cap(http_server):
    url = http_server.add("big.html", b"x" * 20_000)
    err = fetch_error(client(max_bytes=10_000), url)
    assert "too large" in err.cause
    assert "20,000" in err.cause and "10,000" in err.cause
    assert err.transient is False


def test_body_at_the_cap_is_accepted(http_server):
    url = http_server.add("exact.html", b"x" * 10_000)
    assert len(client(max_bytes=10_000).get(url).content) == 10_000


def test_gzip_body_that_inflates_over_the_cap(http_server):
    """The declared length (the compressed size) is small; the cap applies while streaming."""
    bomb = gzip.compress(b"\0" * 500_000)
    assert len(bomb) < 10_000
    url = http_server.add("bomb", bomb, headers={"Content-Encoding": "gzip"})
    err = fetch_error(client(max_bytes=10_000), url)
    assert "too large" in err.cause
    assert "declared" not in err.cause


class ChunkedServer:
    """One canned HTTP/1.1 reply with ``Transfer-Encoding: chunked`` and no Content-Length.

    ``LocalHTTPServer`` always sends a Content-Length, so the undeclared-size case needs
    its own tiny socket server.
    """

    def __init__(self, chunks: list[bytes]) -> None:
        self.chunks = chunks
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(4)
        self.sock.settimeout(5)
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}/chunked"
        self.thread = threading.Thread(target=self._serve, daemon=True)

    def _serve(self) -> None:
        try:
            conn, _ = self.sock.accept()
        except OSError:
            return
        with conn:
            buf = b""
            while b"\r\n\r\n" not in buf:
                data = conn.recv(4096)
                if not data:
                    return
                buf += data
            try:
                conn.sendall(
                    b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
                    b"Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                )
                for chunk in self.chunks:
                    conn.sendall(b"%x\r\n%s\r\n" % (len(chunk), chunk))
                conn.sendall(b"0\r\n\r\n")
            except OSError:  # the client hung up once it had enough
                pass

    def __enter__(self) -> ChunkedServer:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.sock.close()
        self.thread.join(timeout=5)


def test_chunked_body_over_the_cap():
    with ChunkedServer([b"y" * 4096] * 10) as srv:
        err = fetch_error(client(max_bytes=10_000, retries=0), srv.url)
    assert "too large" in err.cause
    assert "declared" not in err.cause


def test_chunked_body_under_the_cap_is_read_whole():
    with ChunkedServer([b"<p>one</p>", b"<p>two</p>"]) as srv:
        got = client(max_bytes=10_000, retries=0).get(srv.url)
    assert got.content == b"<p>one</p><p>two</p>"
    assert "content-length" not in got.headers


# ---------------------------------------------------------------- network failures


def test_read_timeout(http_server):
    url = http_server.add("slow.html", PAGE, delay=2)
    err = fetch_error(client(timeout=0.5, retries=0), url)
    assert "timed out" in err.cause
    assert err.transient is True


@pytest.mark.parametrize("retries", [0, 1])
def test_connection_refused(retries):
    url = f"http://127.0.0.1:{free_port()}/feed.xml"
    err = fetch_error(client(retries=retries), url)
    assert err.cause == "connection refused"
    assert err.transient is True


@pytest.mark.parametrize("url", ["ftp://x", "file:///etc/hostname", "example.org/feed.xml", ""])
def test_non_http_urls_are_refused_without_io(url):
    err = fetch_error(client(), url)
    assert "http" in err.cause
    assert err.transient is False
