"""A real HTTP server on 127.0.0.1 standing in for chat and webhook targets: it keeps what it is sent."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass(frozen=True)
class Request:
    """One request the target received."""

    method: str
    path: str
    headers: dict[str, str]
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)


@dataclass
class Target:
    """What the server answers (`status`, by path prefix in `statuses`) and what it was sent."""

    status: int = 200
    statuses: dict[str, int] = field(default_factory=dict)
    #: seconds each answer takes (a slow target)
    delay_s: float = 0.0
    #: the Retry-After header of answers that are not 2xx
    retry_after: str | None = None
    received: list[Request] = field(default_factory=list)

    def answer(self, path: str) -> int:
        for prefix, status in self.statuses.items():
            if path.startswith(prefix):
                return status
        return self.status

    def to(self, prefix: str) -> list[Request]:
        return [r for r in self.received if r.path.startswith(prefix)]


@contextmanager
def http_target(target: Target, port: int = 0) -> Iterator[int]:
    """Serve `target` on 127.0.0.1 for the `with` block; yields the port."""

    class Handler(BaseHTTPRequestHandler):
        def _handle(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length)
            target.received.append(
                Request(self.command, self.path, {k.lower(): v for k, v in self.headers.items()}, body)
            )
            time.sleep(target.delay_s)
            status = target.answer(self.path)
            reply = b"ok" if status < 300 else b"no such hook"
            self.send_response(status)
            self.send_header("Content-Length", str(len(reply)))
            if status >= 300 and target.retry_after:
                self.send_header("Retry-After", target.retry_after)
            self.end_headers()
            self.wfile.write(reply)

        do_POST = do_PUT = _handle

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
    thread.start()
    try:
        yield int(server.server_address[1])
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
