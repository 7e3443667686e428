"""A real HTTP server on 127.0.0.1 for tests: static files plus scripted routes."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from extractors.models import Article


@dataclass
class Route:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    """Seconds to wait before answering (to provoke client timeouts)."""
    then: Route | None = None
    """After answering once, the route becomes this one (e.g. 503 then 200)."""


class LocalHTTPServer:
    def __init__(self, root: Path | None = None, validators: bool = False) -> None:
        self.root = root
        self.validators = validators
        """Static files carry an ETag and a Last-Modified (conditional GETs get a 304)."""
        self.routes: dict[str, Route | Callable[[], Route]] = {}
        self.hits: dict[str, int] = {}
        self.user_agents: list[str] = []
        self.bytes_sent = 0
        """Body bytes sent, over every answer."""
        self.header_bytes = 0
        """Status line and header bytes sent, over every answer."""
        self.conditional = 0
        """Requests that carried If-None-Match or If-Modified-Since."""
        self.not_modified = 0
        self.in_flight = 0
        self.max_in_flight = 0
        """The most requests answered at the same moment."""
        self._lock = threading.Lock()
        self._httpd: ThreadingHTTPServer | None = None

    def url(self, path: str) -> str:
        assert self._httpd is not None
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}/{path.lstrip('/')}"

    def add(
        self,
        path: str,
        body: bytes | str = b"",
        status: int = 200,
        content_type: str = "text/html; charset=utf-8",
        **kw,
    ) -> str:
        if isinstance(body, str):
            body = body.encode("utf-8")
        headers = {"Content-Type": content_type, **kw.pop("headers", {})}
        self.routes["/" + path.lstrip("/")] = Route(status, body, headers, **kw)
        return self.url(path)

    def __enter__(self) -> LocalHTTPServer:
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args) -> None:  # quiet
                pass

            def do_GET(self) -> None:
                path = self.path.split("?")[0]
                server.hits[path] = server.hits.get(path, 0) + 1
                server.user_agents.append(self.headers.get("User-Agent", ""))
                route = server.routes.get(path)
                if route is None and server.root is not None:
                    f = (server.root / path.lstrip("/")).resolve()
                    if f.is_file() and server.root.resolve() in f.parents:
                        ctype = (
                            "application/rss+xml"
                            if f.suffix == ".xml"
                            else "text/html"
                            if f.suffix in (".html", ".htm")
                            else "text/plain"
                        )
                        body = f.read_bytes()
                        headers = {"Content-Type": ctype}
                        if server.validators:
                            import hashlib
                            from email.utils import formatdate

                            headers["ETag"] = f'"{hashlib.sha1(body).hexdigest()[:16]}"'
                            headers["Last-Modified"] = formatdate(f.stat().st_mtime, usegmt=True)
                        route = Route(200, body, headers)
                if route is None:
                    route = Route(404, b"not found", {"Content-Type": "text/plain"})
                if callable(route):
                    route = route()
                if route.then is not None:
                    server.routes[path] = route.then
                with server._lock:
                    server.in_flight += 1
                    server.max_in_flight = max(server.max_in_flight, server.in_flight)
                try:
                    if route.delay:
                        time.sleep(route.delay)
                finally:
                    with server._lock:
                        server.in_flight -= 1
                asked_tag = self.headers.get("If-None-Match")
                asked_date = self.headers.get("If-Modified-Since")
                if asked_tag or asked_date:
                    server.conditional += 1
                tag = route.headers.get("ETag")
                same = (asked_tag is not None and tag is not None and asked_tag == tag) or (
                    asked_tag is None
                    and asked_date is not None
                    and asked_date == route.headers.get("Last-Modified")
                )
                if route.status == 200 and same:
                    server.not_modified += 1
                    route = Route(
                        304, b"", {k: v for k, v in route.headers.items() if k != "Content-Type"}
                    )
                server.bytes_sent += len(route.body)
                try:
                    self.send_response(route.status)
                    for k, v in route.headers.items():
                        self.send_header(k, v)
                    if "Location" not in route.headers or route.body:
                        self.send_header("Content-Length", str(len(route.body)))
                    else:
                        self.send_header("Content-Length", "0")
                    server.header_bytes += sum(map(len, getattr(self, "_headers_buffer", [])))
                    self.end_headers()
                    self.wfile.write(route.body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        assert self._httpd is not None
        self._httpd.shutdown()
        self._httpd.server_close()


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class SMTPSink:
    """A real SMTP server (aiosmtpd) on 127.0.0.1 that keeps every message it accepts."""

    def __init__(
        self,
        port: int | None = None,
        *,
        delay: float = 0.0,
        tls: str | None = None,
        cert: tuple[str, str] | None = None,
        login: tuple[str, str] | None = None,
    ) -> None:
        self.port = port or free_port()
        self.delay = delay
        self.tls = tls  # None | "starttls" | "ssl"
        self.cert = cert
        self.login = login
        self.messages: list[tuple[str, list[str], bytes]] = []
        self._controller = None

    def __enter__(self) -> SMTPSink:
        import asyncio
        import ssl

        from aiosmtpd.controller import Controller
        from aiosmtpd.smtp import AuthResult, LoginPassword

        sink = self

        class Handler:
            async def handle_DATA(self, server, session, envelope):
                if sink.delay:
                    await asyncio.sleep(sink.delay)
                sink.messages.append(
                    (
                        envelope.mail_from,
                        list(envelope.rcpt_tos),
                        envelope.original_content or envelope.content,
                    )
                )
                return "250 OK"

        def authenticator(server, session, envelope, mechanism, auth_data):
            ok = (
                isinstance(auth_data, LoginPassword)
                and sink.login is not None
                and (auth_data.login.decode(), auth_data.password.decode()) == sink.login
            )
            return AuthResult(success=ok, handled=False)

        kwargs: dict = {}
        context = None
        if self.cert:
            context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
            context.load_cert_chain(*self.cert)
        if self.tls == "starttls":
            kwargs.update(tls_context=context, require_starttls=True)
        elif self.tls == "ssl":
            kwargs.update(ssl_context=context)
        if self.login:
            kwargs.update(
                authenticator=authenticator,
                auth_required=True,
                auth_require_tls=self.tls is not None,
            )
        self._controller = Controller(
            Handler(), hostname="127.0.0.1", port=self.port, server_hostname="127.0.0.1", **kwargs
        )
        self._controller.start()
        return self

    def __exit__(self, *exc) -> None:
        if self._controller is not None:
            self._controller.stop()


def self_signed_cert(folder: Path) -> tuple[str, str]:
    """A certificate for 127.0.0.1 made on the spot (cert.pem doubles as the client's CA)."""
    import datetime as dt
    import ipaddress

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = dt.datetime.now(dt.timezone.utc)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = folder / "cert.pem", folder / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return str(cert_path), str(key_path)


def email_toml(port: int, recipients: list[str], extra: str = "") -> str:
    """The [email] section of a test config: delivery to an SMTPSink on 127.0.0.1."""
    quoted = ", ".join(f'"{r}"' for r in recipients)
    return (
        f'[email]\nenabled = true\nhost = "127.0.0.1"\nport = {port}\n'
        f'sender = "briefing@example.org"\nrecipients = [{quoted}]\ntimeout = 10\n{extra}\n'
    )


HTTP_TOML = "[http]\nallow_private = true   # the test servers are on 127.0.0.1\n"
"""The [http] line every test config needs: the address policy refuses loopback by default."""


class DripServer:
    """A hostile HTTP server on 127.0.0.1: answers every request by sending bytes one at a
    time, ``interval`` seconds apart (the headers too when ``drip_headers``), with or
    without a Content-Length. It stops dripping when the client hangs up, or after
    ``max_bytes`` bytes."""

    def __init__(
        self,
        body: bytes = b"<html><body><p>" + b"x" * 200 + b"</p></body></html>",
        *,
        interval: float = 0.2,
        content_length: bool = True,
        drip_headers: bool = False,
        max_bytes: int = 10_000,
    ) -> None:
        self.body = body
        self.interval = interval
        self.content_length = content_length
        self.drip_headers = drip_headers
        self.max_bytes = max_bytes
        self.requests = 0
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}/drip.html"
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._accept, daemon=True)

    def _accept(self) -> None:
        self.sock.settimeout(0.2)
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.requests += 1
            threading.Thread(target=self._serve, args=(conn,), daemon=True).start()

    def _serve(self, conn: socket.socket) -> None:
        with conn:
            conn.settimeout(5)
            buf = b""
            try:
                while b"\r\n\r\n" not in buf:
                    data = conn.recv(4096)
                    if not data:
                        return
                    buf += data
            except OSError:
                return
            head = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
            if self.content_length:
                head += b"Content-Length: %d\r\n" % len(self.body)
            head += b"Connection: close\r\n\r\n"
            try:
                if self.drip_headers:
                    self._drip(conn, head)
                else:
                    conn.sendall(head)
                self._drip(conn, self.body)
            except OSError:  # the client hung up: that is the point
                pass

    def _drip(self, conn: socket.socket, data: bytes) -> None:
        for i in range(min(len(data), self.max_bytes)):
            if self._stop.is_set():
                return
            conn.sendall(data[i : i + 1])
            time.sleep(self.interval)

    def __enter__(self) -> DripServer:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join(timeout=5)
        self.sock.close()


def finishes(fn: Callable[[], object], within: float = 60.0) -> object:
    """Run ``fn`` in a thread and return its result (or raise its exception). A hang fails
    the test after ``within`` seconds: a guard against hangs, never a speed assertion."""
    box: dict[str, object] = {}

    def run() -> None:
        try:
            box["result"] = fn()
        except BaseException as exc:  # handed to the caller
            box["error"] = exc

    t = threading.Thread(target=run, daemon=True)
    t.start()
    t.join(within)
    if t.is_alive():
        raise AssertionError(f"still running after {within:g} s: it hangs")
    if "error" in box:
        raise box["error"]  # type: ignore[misc]
    return box.get("result")


def subject_day(subject: str) -> str:
    """The digest date of an email subject ``[prefix] Title — Fri 20 Nov 2026 — 3 stories``,
    as ISO ``2026-11-20``."""
    from datetime import datetime as _dt

    return _dt.strptime(subject.split(" — ")[1], "%a %d %b %Y").date().isoformat()


def together(batch: Sequence[Article], *idx: int) -> bool:
    """Does ``stories.group`` put the articles at ``idx`` of ``batch`` in one story?"""
    from extractors import stories

    return any(set(idx) <= set(g) for g in stories.group(batch))
