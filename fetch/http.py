"""The one module that touches the network.

``HttpClient.get`` returns bytes and headers or raises ``FetchError`` with the
URL and a cause a person can act on. It sends a clear User-Agent, caps the body
size while streaming, and retries only what may heal by itself (connection
errors, read timeouts, 429 and 5xx), never a 404.

Three bounds hold for hostile servers:

- **A deadline per request** (``deadline``, default 4 x ``timeout``): connect, TLS,
  headers and the whole body. Every socket read checks it and waits at most
  ``min(timeout, time left)``, so a server dripping one byte at a time (with or
  without a Content-Length) is cut off at the deadline. A missed deadline is not
  transient: a server that drips will drip again.
- **A redirect budget of its own** (``max_redirects``), independent of ``retries``;
  every hop must be http(s) and passes the address policy.
- **An address policy**: the host name is resolved and the connection is made to a
  checked address only. Loopback, private, link-local, multicast, reserved and
  unspecified addresses are refused unless ``allow_private`` (or the host is in
  ``private_hosts``, names or networks). Checked at connect time, so feed entry
  links, page sources and every redirect hop are covered, and a DNS answer cannot
  change between the check and the connection.

Why urllib3 and not ``trafilatura.fetch_url``: trafilatura's fetcher (also
urllib3) returns ``None`` on any failure, and the digest must say *why* a
source failed.
"""

from __future__ import annotations

import ipaddress
import socket
import ssl
import threading
import time
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit

import urllib3
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.exceptions import (
    ConnectTimeoutError,
    HTTPError,
    NameResolutionError,
    NewConnectionError,
    ProtocolError,
    SSLError,
)
from urllib3.exceptions import TimeoutError as U3Timeout
from urllib3.util import connection as _u3conn

from extractors.errors import FetchError
from extractors.models import Fetched

DEFAULT_USER_AGENT = "briefing/0.1 (daily news digest; +https://example.org/briefing)"
TRANSIENT_STATUS = frozenset({408, 425, 429, 500, 502, 503, 504})
REDIRECT_STATUS = frozenset({301, 302, 303, 307, 308})
READ_SIZE = 16 * 1024


# ---------------------------------------------------------------- address policy


def refused_because(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str | None:
    """Why an address may not be reached by default, or None for a public one."""
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    for test, why in (
        (ip.is_loopback, "loopback"),
        (ip.is_link_local, "link-local"),
        (ip.is_multicast, "multicast"),
        (ip.is_unspecified, "unspecified"),
        (ip.is_reserved, "reserved"),
        (ip.is_private, "private"),
    ):
        if test:
            return why
    return None if ip.is_global else "not public"


@dataclass(frozen=True)
class AddressPolicy:
    allow_private: bool = False
    private_hosts: tuple[str, ...] = ()
    """Host names (exact, case-insensitive) or networks ("10.20.0.0/16") allowed anyway."""

    def permits(self, host: str, ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
        if self.allow_private or refused_because(ip) is None:
            return True
        for entry in self.private_hosts:
            if entry.lower() == host.lower():
                return True
            try:
                if ip in ipaddress.ip_network(entry, strict=False):
                    return True
            except ValueError:
                continue
        return False


class AddressRefused(Exception):
    """Raised at connect time: every address of the host is off limits."""

    def __init__(self, host: str, ip: str, why: str) -> None:
        super().__init__(f"{host} resolves to {ip}")
        self.host, self.ip, self.why = host, ip, why


# ---------------------------------------------------------------- per-request bounds

_request = threading.local()
"""The bounds of the request running in this thread: ``deadline`` (monotonic),
``read_timeout`` and ``policy``. Set by ``HttpClient.get`` around one attempt; read by
the connection and socket classes below (a pooled connection serves one thread at a time)."""


class DeadlineExceeded(TimeoutError):
    pass


def _bound(sock: socket.socket) -> None:
    """Before each read: wait at most ``min(read timeout, time left)``; none left: stop."""
    deadline = getattr(_request, "deadline", None)
    if deadline is None:
        return
    left = deadline - time.monotonic()
    if left <= 0:
        raise DeadlineExceeded("deadline passed")
    sock.settimeout(min(getattr(_request, "read_timeout", left), left))


class _DeadlineSocket(socket.socket):
    def recv_into(self, *args, **kw):  # type: ignore[no-untyped-def]
        _bound(self)
        return super().recv_into(*args, **kw)

    def recv(self, *args, **kw):  # type: ignore[no-untyped-def]
        _bound(self)
        return super().recv(*args, **kw)


class _DeadlineSSLSocket(ssl.SSLSocket):
    def recv_into(self, *args, **kw):  # type: ignore[no-untyped-def]
        _bound(self)
        return super().recv_into(*args, **kw)

    def recv(self, *args, **kw):  # type: ignore[no-untyped-def]
        _bound(self)
        return super().recv(*args, **kw)


def _guarded_conn(self: HTTPConnection) -> socket.socket:
    """``_new_conn``: resolve, keep only permitted addresses, connect to one of them."""
    policy: AddressPolicy = getattr(_request, "policy", AddressPolicy())
    host = self._dns_host
    try:
        infos = socket.getaddrinfo(host, self.port, type=socket.SOCK_STREAM)
    except socket.gaierror as e:
        raise NameResolutionError(self.host, self, e) from e
    allowed: list[str] = []
    first_refused: tuple[str, str] | None = None
    for *_, sockaddr in infos:
        ip_text = str(sockaddr[0]).split("%")[0]
        ip = ipaddress.ip_address(ip_text)
        if policy.permits(host, ip):
            if ip_text not in allowed:
                allowed.append(ip_text)
        elif first_refused is None:
            first_refused = (ip_text, refused_because(ip) or "not public")
    if not allowed:
        ip_text, why = first_refused or ("no address", "unresolvable")
        raise AddressRefused(host, ip_text, why)
    error: OSError | None = None
    for ip_text in allowed:
        try:
            raw = _u3conn.create_connection(
                (ip_text, self.port),
                self.timeout,
                source_address=self.source_address,
                socket_options=self.socket_options,
            )
        except TimeoutError as e:
            raise ConnectTimeoutError(self, f"Connection to {self.host} timed out") from e
        except OSError as e:
            error = e
            continue
        sock = _DeadlineSocket(raw.family, raw.type, raw.proto, fileno=raw.detach())
        sock.settimeout(None if self.timeout is None else float(self.timeout))  # type: ignore[arg-type]
        return sock
    raise NewConnectionError(self, f"Failed to establish a new connection: {error}")


class _HTTPConn(HTTPConnection):
    _new_conn = _guarded_conn  # type: ignore[assignment]


class _HTTPSConn(HTTPSConnection):
    _new_conn = _guarded_conn  # type: ignore[assignment]


class _HTTPPool(HTTPConnectionPool):
    ConnectionCls = _HTTPConn


class _HTTPSPool(HTTPSConnectionPool):
    ConnectionCls = _HTTPSConn


def _tls_context(ca_file: str | None = None) -> ssl.SSLContext:
    ctx = ssl.create_default_context(cafile=ca_file)
    ctx.sslsocket_class = _DeadlineSSLSocket
    return ctx


# ---------------------------------------------------------------- the client


@dataclass
class HttpClient:
    timeout: float = 15.0
    """Seconds to connect, and to wait for each read."""
    max_bytes: int = 5_000_000
    retries: int = 2
    backoff: float = 0.5
    user_agent: str = DEFAULT_USER_AGENT
    deadline: float | None = None
    """Seconds for one request as a whole (connect + headers + body); default 4 x timeout."""
    max_redirects: int = 5
    allow_private: bool = False
    private_hosts: tuple[str, ...] = ()
    ca_file: str | None = None
    """PEM bundle to trust instead of the system's (a private CA)."""
    _pool: urllib3.PoolManager = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._pool = urllib3.PoolManager(
            headers={"User-Agent": self.user_agent, "Accept-Encoding": "gzip, deflate"},
            timeout=urllib3.Timeout(connect=min(self.timeout, 10.0), read=self.timeout),
            ssl_context=_tls_context(self.ca_file),
        )
        self._pool.pool_classes_by_scheme = {"http": _HTTPPool, "https": _HTTPSPool}

    @property
    def policy(self) -> AddressPolicy:
        return AddressPolicy(self.allow_private, tuple(self.private_hosts))

    @property
    def request_deadline(self) -> float:
        return self.deadline if self.deadline is not None else self.timeout * 4

    def get(self, url: str, validators: dict[str, str] | None = None) -> Fetched:
        """``validators``: the ``etag`` / ``last-modified`` of an earlier answer; sent as
        ``If-None-Match`` / ``If-Modified-Since``, so an unchanged resource answers ``304``
        (returned as it is, with an empty body: "nothing new", not an error)."""
        _check_scheme(url, url)
        extra = conditional_headers(validators)
        attempt = 0
        while True:
            try:
                return self._follow(url, extra)
            except FetchError as exc:
                if not exc.transient or attempt >= self.retries:
                    raise
                time.sleep(
                    min(
                        getattr(exc, "retry_after", None) or self.backoff * 2**attempt,
                        self.timeout * 2,
                    )
                )
                attempt += 1

    def _follow(self, url: str, extra: dict[str, str] | None = None) -> Fetched:
        """One attempt: follow redirects (each hop checked) within the redirect budget."""
        current = url
        for _hop in range(self.max_redirects + 1):
            status, reason, headers, body = self._once(url, current, extra)
            location = headers.get("location")
            if status in REDIRECT_STATUS and location:
                current = urljoin(current, location.strip())
                _check_scheme(url, current, redirect=True)
                continue
            if status >= 400:
                raise _status_error(url, status, reason, headers)
            return Fetched(url=url, final_url=current, status=status, headers=headers, content=body)
        raise FetchError(url, f"too many redirects (more than {self.max_redirects})")

    def _once(
        self, url: str, target: str, extra: dict[str, str] | None = None
    ) -> tuple[int, str, dict[str, str], bytes]:
        limit = self.request_deadline
        _request.deadline = time.monotonic() + limit
        _request.read_timeout = self.timeout
        _request.policy = self.policy
        try:
            return self._exchange(url, target, extra)
        except FetchError:
            raise
        except AddressRefused as exc:
            where = "" if target == url else f" (redirected to {target})"
            raise FetchError(
                url,
                f"refused: {exc.host} is a {exc.why} address ({exc.ip}){where}; set "
                "[http] allow_private = true or list the host in [http] private_hosts "
                "to allow it",
            ) from None
        except (HTTPError, OSError) as exc:
            if time.monotonic() >= _request.deadline:
                raise _deadline_error(url, limit) from None
            raise FetchError(url, _describe(exc), transient=_transient(exc)) from None
        finally:
            _request.deadline = None

    def _exchange(
        self, url: str, target: str, extra: dict[str, str] | None = None
    ) -> tuple[int, str, dict[str, str], bytes]:
        # urllib3 replaces (does not merge) the pool's default headers when given some
        headers = {**self._pool.headers, **extra} if extra else None
        resp = self._pool.request(
            "GET", target, headers=headers, retries=False, redirect=False, preload_content=False
        )
        done = False
        try:
            headers = {k.lower(): v for k, v in resp.headers.items()}
            if resp.status in REDIRECT_STATUS or resp.status >= 400:
                return resp.status, resp.reason or "", headers, b""
            declared = headers.get("content-length", "")
            if declared.isdigit() and int(declared) > self.max_bytes:
                raise FetchError(
                    url, f"too large: {int(declared):,} bytes declared, limit is {self.max_bytes:,}"
                )
            chunks: list[bytes] = []
            size = 0
            while True:
                try:
                    chunk = resp.read1(READ_SIZE)
                except (U3Timeout, ProtocolError, OSError) as exc:
                    if time.monotonic() >= _request.deadline:
                        raise _deadline_error(url, self.request_deadline) from None
                    raise FetchError(
                        url, f"body not received: {_describe(exc)}", transient=True
                    ) from None
                if not chunk:
                    break
                size += len(chunk)
                if size > self.max_bytes:
                    raise FetchError(url, f"too large: more than {self.max_bytes:,} bytes")
                chunks.append(chunk)
            if time.monotonic() >= _request.deadline:
                raise _deadline_error(url, self.request_deadline)
            done = True
            return resp.status, resp.reason or "", headers, b"".join(chunks)
        finally:
            if not done:  # a body left unread (error, redirect, cut off): drop the connection
                resp.close()
            resp.release_conn()


NOT_MODIFIED = 304


def conditional_headers(validators: dict[str, str] | None) -> dict[str, str]:
    """``If-None-Match`` / ``If-Modified-Since`` from an earlier answer's ``etag`` /
    ``last-modified`` (lower-case keys, as ``Fetched.headers`` has them)."""
    out: dict[str, str] = {}
    if validators:
        if validators.get("etag"):
            out["If-None-Match"] = validators["etag"]
        if validators.get("last-modified"):
            out["If-Modified-Since"] = validators["last-modified"]
    return out


def validators_of(headers: dict[str, str]) -> dict[str, str]:
    """The validators worth keeping from an answer's headers (possibly none)."""
    return {k: headers[k] for k in ("etag", "last-modified") if headers.get(k)}


def _check_scheme(url: str, target: str, *, redirect: bool = False) -> None:
    scheme = urlsplit(target).scheme.lower()
    if scheme not in ("http", "https") or not urlsplit(target).hostname:
        where = f"a redirect to {target!r}" if redirect else "this"
        raise FetchError(url, f"only http(s) URLs can be fetched ({where} is not one)")


def _deadline_error(url: str, limit: float) -> FetchError:
    return FetchError(
        url,
        f"no complete answer within {limit:g} s (connect + headers + body; [http] deadline)",
        transient=False,
    )


def _status_error(url: str, status: int, reason: str, headers: dict[str, str]) -> FetchError:
    err = FetchError(url, f"HTTP {status} {reason}".strip(), transient=status in TRANSIENT_STATUS)
    err.retry_after = _retry_after(headers.get("retry-after"))
    return err


def _retry_after(value: str | None) -> float | None:
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    from datetime import datetime, timezone

    return max(0.0, (when - datetime.now(timezone.utc)).total_seconds())


def _transient(exc: BaseException) -> bool:
    if isinstance(exc, SSLError | ssl.SSLError):
        return False  # a bad certificate does not heal by retrying
    return isinstance(exc, U3Timeout | NewConnectionError | ProtocolError | OSError)


def _describe(exc: BaseException | None) -> str:
    """A short cause for a person: 'connection refused', 'timed out', ..."""
    if exc is None:
        return "unknown network error"
    text = str(exc)
    low = text.lower()
    if "refused" in low:
        return "connection refused"
    if "timed out" in low or "timeout" in low:
        return "timed out"
    if isinstance(exc, NameResolutionError) or (
        "name or service not known" in low
        or "nodename nor servname" in low
        or "failed to resolve" in low
        or "temporary failure in name resolution" in low
    ):
        return "host name could not be resolved"
    if "certificate" in low:
        return f"TLS certificate not accepted: {text}"[:300]
    return f"{type(exc).__name__}: {text}"[:300]
