"""The one module that touches the network.

``HttpClient.get`` returns bytes and headers or raises ``FetchError`` with the
URL and a cause a person can act on. It has timeouts, a clear User-Agent,
follows redirects, caps the body size while streaming, and retries only what
may heal by itself (connection errors, timeouts, 429 and 5xx), never a 404.

Why urllib3 and not ``trafilatura.fetch_url``: trafilatura's fetcher (also
urllib3) returns ``None`` on any failure, and the digest must say *why* a
source failed.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from urllib.parse import urljoin

import urllib3
from urllib3.exceptions import (
    HTTPError,
    MaxRetryError,
    NewConnectionError,
    ProtocolError,
    TimeoutError,
)

from extractors.errors import FetchError
from extractors.models import Fetched

DEFAULT_USER_AGENT = "briefing/0.1 (daily news digest; +https://example.org/briefing)"
TRANSIENT_STATUS = frozenset({408, 425, 429, 500, 502, 503, 504})


@dataclass
class HttpClient:
    timeout: float = 15.0
    max_bytes: int = 5_000_000
    retries: int = 2
    backoff: float = 0.5
    user_agent: str = DEFAULT_USER_AGENT
    _pool: urllib3.PoolManager = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._pool = urllib3.PoolManager(
            headers={"User-Agent": self.user_agent, "Accept-Encoding": "gzip, deflate"},
            timeout=urllib3.Timeout(connect=min(self.timeout, 10.0), read=self.timeout),
        )

    def get(self, url: str) -> Fetched:
        if not url.startswith(("http://", "https://")):
            raise FetchError(url, "only http(s) URLs can be fetched")
        retry = urllib3.Retry(
            total=self.retries,
            connect=self.retries,
            read=self.retries,
            status=self.retries,
            redirect=5,
            backoff_factor=self.backoff,
            status_forcelist=TRANSIENT_STATUS,
            allowed_methods=frozenset({"GET"}),
            raise_on_status=False,
            respect_retry_after_header=True,
            retry_after_max=int(max(self.timeout * 2, 5)),  # a hostile Retry-After cannot stall us
        )
        try:
            resp = self._pool.request(
                "GET", url, retries=retry, preload_content=False, redirect=True
            )
        except MaxRetryError as exc:
            cause = _describe(exc.reason)
            # a redirect loop will not heal by itself; network trouble may
            raise FetchError(url, cause, transient=cause != "too many redirects") from exc
        except (TimeoutError, NewConnectionError, ProtocolError) as exc:
            raise FetchError(url, _describe(exc), transient=True) from exc
        except HTTPError as exc:
            raise FetchError(url, _describe(exc)) from exc
        try:
            if resp.status >= 400:
                transient = resp.status in TRANSIENT_STATUS
                raise FetchError(
                    url, f"HTTP {resp.status} {resp.reason or ''}".strip(), transient=transient
                )
            declared = resp.headers.get("content-length")
            if declared and declared.isdigit() and int(declared) > self.max_bytes:
                raise FetchError(
                    url, f"too large: {int(declared):,} bytes declared, limit is {self.max_bytes:,}"
                )
            chunks: list[bytes] = []
            size = 0
            # a body dripped slowly never trips the per-read timeout: bound the whole read
            deadline = time.monotonic() + self.timeout * 4
            try:
                for chunk in resp.stream(64 * 1024):
                    size += len(chunk)
                    if size > self.max_bytes:
                        raise FetchError(url, f"too large: more than {self.max_bytes:,} bytes")
                    if time.monotonic() > deadline:
                        raise FetchError(
                            url, f"body took longer than {self.timeout * 4:.0f} s", transient=True
                        )
                    chunks.append(chunk)
            except (TimeoutError, ProtocolError) as exc:
                raise FetchError(
                    url, f"body not received: {_describe(exc)}", transient=True
                ) from exc
            headers = {k.lower(): v for k, v in resp.headers.items()}
            final = final_url(url, resp)
            return Fetched(
                url=url,
                final_url=str(final),
                status=resp.status,
                headers=headers,
                content=b"".join(chunks),
            )
        finally:
            resp.release_conn()


def final_url(url: str, resp: urllib3.BaseHTTPResponse) -> str:
    """The absolute URL where redirects ended (urllib3 2 reports only a path)."""
    final = url
    history = resp.retries.history if resp.retries else ()
    for step in history:
        if step.redirect_location:
            final = urljoin(final, step.redirect_location)
    return final


def _describe(exc: BaseException | None) -> str:
    """A short cause for a person: 'connection refused', 'timed out after 15 s', ..."""
    if exc is None:
        return "unknown network error"
    text = str(exc)
    low = text.lower()
    if "refused" in low:
        return "connection refused"
    if "timed out" in low or "timeout" in low:
        return "timed out"
    if (
        "name or service not known" in low
        or "nodename nor servname" in low
        or "failed to resolve" in low
        or "temporary failure in name resolution" in low
    ):
        return "host name could not be resolved"
    if "too many redirects" in low:
        return "too many redirects"
    if isinstance(exc, MaxRetryError):
        return _describe(exc.reason)
    return f"{type(exc).__name__}: {text}"[:300]
