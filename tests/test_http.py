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
from tests.support import DripServer, LocalHTTPServer, Route, finishes, free_port

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
    kw.setdefault("allow_private", True)  # the test server is on 127.0.0.1
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


# ---------------------------------------------------------------- hostile servers (issue 12)
# No timed assertions: each asserts the failure and its message, and ``finishes`` fails the
# test only if the fetch hangs.


@pytest.mark.parametrize("content_length", [True, False])
def test_a_dripped_body_is_cut_off_at_the_deadline(content_length):
    """A byte every 0.2 s never trips the read timeout; the request deadline stops it, with or
    without a Content-Length (the old client blocked until 64 KiB or the end arrived)."""
    with DripServer(content_length=content_length) as srv:
        c = client(timeout=1, deadline=1.5, retries=2)
        with pytest.raises(FetchError) as info:
            finishes(lambda: c.get(srv.url))
        assert srv.requests == 1, "a missed deadline is not retried"
    err = info.value
    assert "no complete answer within 1.5 s" in err.cause
    assert err.transient is False


def test_dripped_headers_are_cut_off_at_the_deadline():
    with DripServer(drip_headers=True) as srv:
        c = client(timeout=1, deadline=1.5, retries=0)
        with pytest.raises(FetchError) as info:
            finishes(lambda: c.get(srv.url))
    assert "no complete answer" in info.value.cause and info.value.transient is False


def test_the_default_deadline_is_four_times_the_timeout():
    assert HttpClient(timeout=2).request_deadline == 8
    assert HttpClient(timeout=2, deadline=3).request_deadline == 3


def test_a_slow_but_steady_body_inside_the_deadline_is_read():
    with DripServer(body=b"<p>ok</p>", interval=0.05) as srv:
        got = finishes(lambda: client(timeout=2, deadline=30).get(srv.url))
    assert got.content == b"<p>ok</p>"


def _chain(server, hops: int) -> str:
    target = server.add("end.html", PAGE)
    prev = "end.html"
    for i in range(hops, 0, -1):
        server.add(f"hop{i}", status=302, headers={"Location": f"/{prev}"})
        prev = f"hop{i}"
    return server.url(prev) if hops else target


@pytest.mark.parametrize("retries", [0, 2])
def test_redirect_budget_is_not_retries(http_server, retries):
    """A 3-hop chain is followed with retries = 0 (the old client failed every redirect) and 2
    (the old client said "too many redirects")."""
    start = _chain(http_server, 3)
    got = client(retries=retries).get(start)
    assert got.final_url.endswith("/end.html") and got.content == PAGE.encode()


def test_a_chain_longer_than_the_budget_fails_and_says_so(http_server):
    start = _chain(http_server, 3)
    err = fetch_error(client(max_redirects=2, retries=2), start)
    assert "too many redirects (more than 2)" in err.cause and err.transient is False


@pytest.mark.parametrize(
    "url, why",
    [
        ("http://127.0.0.1:{port}/x", "loopback"),
        ("http://localhost:{port}/x", "loopback"),
        ("http://169.254.169.254/latest/meta-data/", "link-local"),
        ("http://10.0.0.8/intranet", "private"),
        ("http://[::1]:{port}/x", "loopback"),
        ("http://224.0.0.1/x", "multicast"),
        ("http://0.0.0.0:{port}/x", "unspecified"),
    ],
)
def test_non_public_addresses_are_refused_by_default(url, why):
    url = url.format(port=free_port())
    err = fetch_error(HttpClient(timeout=2, retries=2, backoff=0), url)
    assert f"is a {why} address" in err.cause
    assert "allow_private" in err.cause
    assert err.transient is False


def test_a_redirect_to_a_private_address_is_refused(http_server):
    """The first hop is allowed (its network is listed), the hop it redirects to is not."""
    port = http_server.url("").split(":")[2].split("/")[0]
    start = http_server.add(
        "public", status=302, headers={"Location": f"http://127.0.0.2:{port}/secret"}
    )
    c = HttpClient(timeout=2, retries=0, private_hosts=("127.0.0.1/32",))
    err = fetch_error(c, start)
    assert "127.0.0.2 is a loopback address" in err.cause
    assert "redirected to http://127.0.0.2" in err.cause
    assert http_server.hits == {"/public": 1}


def test_a_redirect_to_a_file_url_is_refused(http_server):
    start = http_server.add("to-file", status=302, headers={"Location": "file:///etc/passwd"})
    err = fetch_error(client(), start)
    assert "only http(s)" in err.cause and "file:///etc/passwd" in err.cause


def test_private_hosts_by_name(http_server):
    url = http_server.add("ok.html", PAGE).replace("127.0.0.1", "localhost")
    c = HttpClient(timeout=2, retries=0, private_hosts=("LOCALHOST",))
    assert c.get(url).content == PAGE.encode()


class TLSDripServer(DripServer):
    """DripServer over TLS (a certificate made on the spot for 127.0.0.1)."""

    def __init__(self, cert: tuple[str, str], **kw) -> None:
        super().__init__(**kw)
        import ssl

        ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        ctx.load_cert_chain(*cert)
        self._ctx = ctx
        self.url = self.url.replace("http://", "https://")

    def _serve(self, conn) -> None:
        try:
            conn = self._ctx.wrap_socket(conn, server_side=True)
        except OSError:
            conn.close()
            return
        super()._serve(conn)


def test_https_is_read_and_bounded_by_the_deadline(tmp_path):
    from tests.support import self_signed_cert

    cert = self_signed_cert(tmp_path)
    with TLSDripServer(cert, body=b"<p>tls</p>", interval=0.01) as srv:
        assert client(ca_file=cert[0]).get(srv.url).content == b"<p>tls</p>"
        err = fetch_error(client(retries=0), srv.url)  # the system's CAs do not know it
        assert "certificate" in err.cause.lower() and err.transient is False
    with TLSDripServer(cert, interval=0.2) as srv:
        c = client(ca_file=cert[0], timeout=1, deadline=1.5, retries=1)
        with pytest.raises(FetchError) as info:
            finishes(lambda: c.get(srv.url))
    assert "no complete answer within 1.5 s" in info.value.cause
