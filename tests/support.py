"""A real HTTP server on 127.0.0.1 for tests: static files plus scripted routes."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


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
    def __init__(self, root: Path | None = None) -> None:
        self.root = root
        self.routes: dict[str, Route | Callable[[], Route]] = {}
        self.hits: dict[str, int] = {}
        self.user_agents: list[str] = []
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
                        route = Route(200, f.read_bytes(), {"Content-Type": ctype})
                if route is None:
                    route = Route(404, b"not found", {"Content-Type": "text/plain"})
                if callable(route):
                    route = route()
                if route.then is not None:
                    server.routes[path] = route.then
                if route.delay:
                    time.sleep(route.delay)
                try:
                    self.send_response(route.status)
                    for k, v in route.headers.items():
                        self.send_header(k, v)
                    if "Location" not in route.headers or route.body:
                        self.send_header("Content-Length", str(len(route.body)))
                    else:
                        self.send_header("Content-Length", "0")
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
