"""A real HTTP server on 127.0.0.1, port 0, serving feed files the tests write.

Each path answers as its `Route` says: a body with ETag/Last-Modified (and 304
to a matching conditional request), an error status, a redirect, gzip, a delay
before answering, or a body trickled out slowly.
"""

from __future__ import annotations

import gzip
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from monitor.config import FeedSettings


@dataclass(kw_only=True)
class Route:
    """How one path answers."""

    body: bytes = b""
    status: int = 200
    content_type: str = "application/rss+xml; charset=utf-8"
    etag: str | None = None
    last_modified: str | None = None
    redirect_to: str | None = None
    gzip: bool = False
    delay_s: float = 0.0
    #: Send the body in pieces of this many bytes, `trickle_pause_s` apart.
    trickle_bytes: int = 0
    trickle_pause_s: float = 0.0
    headers: dict[str, str] = field(default_factory=dict)


class _RoomyServer(ThreadingHTTPServer):
    # The default listen queue is 5: connections beyond it that arrive while a busy machine keeps this
    # process from accepting them are dropped by the kernel, and a poller's connect times out.
    request_queue_size = 128


class FeedServer:
    """Serves `routes` until closed; counts requests and keeps their headers."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.hits: Counter[str] = Counter()
        self.requests: list[tuple[str, dict[str, str]]] = []
        self._lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *_args: object) -> None:
                pass

            def do_GET(self) -> None:
                path = self.path
                with server._lock:
                    server.hits[path] += 1
                    server.requests.append((path, {k.lower(): v for k, v in self.headers.items()}))
                route = server.routes.get(path)
                if route is None:
                    self._send(404, b"not here", "text/plain")
                    return
                if route.delay_s:
                    time.sleep(route.delay_s)
                if route.redirect_to is not None:
                    self.send_response(route.status if route.status in (301, 302, 303, 307, 308) else 302)
                    self.send_header("Location", route.redirect_to)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                if route.status == 200 and self._not_modified(route):
                    self.send_response(304)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                body = route.body
                headers = dict(route.headers)
                if route.etag:
                    headers["ETag"] = route.etag
                if route.last_modified:
                    headers["Last-Modified"] = route.last_modified
                if route.gzip and "gzip" in self.headers.get("Accept-Encoding", ""):
                    body = gzip.compress(body)
                    headers["Content-Encoding"] = "gzip"
                self._send(route.status, body, route.content_type, headers, route)

            def _not_modified(self, route: Route) -> bool:
                tag = self.headers.get("If-None-Match")
                if route.etag and tag:
                    return tag == route.etag
                since = self.headers.get("If-Modified-Since")
                return bool(route.last_modified and since == route.last_modified)

            def _send(
                self,
                status: int,
                body: bytes,
                content_type: str,
                headers: dict[str, str] | None = None,
                route: Route | None = None,
            ) -> None:
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                for key, value in (headers or {}).items():
                    self.send_header(key, value)
                self.end_headers()
                try:
                    if route is not None and route.trickle_bytes:
                        for start in range(0, len(body), route.trickle_bytes):
                            self.wfile.write(body[start : start + route.trickle_bytes])
                            self.wfile.flush()
                            time.sleep(route.trickle_pause_s)
                    else:
                        self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up, as it should on a slow or huge answer

        self._httpd = _RoomyServer(("127.0.0.1", 0), Handler)
        self._httpd.daemon_threads = True
        # A short poll interval: `close` waits for the loop to notice, and every test closes a server.
        self._thread = threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
        self._thread.start()

    @property
    def base(self) -> str:
        """http://127.0.0.1:<port>"""
        host, port = self._httpd.server_address[:2]
        return f"http://{host!s}:{port}"

    def url(self, path: str) -> str:
        """The full URL of `path` on this server."""
        return self.base + path

    def serve(self, path: str, route: Route) -> str:
        """Answer `path` as `route` says; returns its URL."""
        self.routes[path] = route
        return self.url(path)

    def close(self) -> None:
        """Stop serving."""
        self._httpd.shutdown()
        self._httpd.server_close()


@dataclass(frozen=True, kw_only=True)
class Item:
    """One feed item, in our own words."""

    title: str
    link: str | None
    text: str
    guid: str | None = None
    published: str = "Tue, 01 Apr 2025 09:00:00 GMT"


def rss(items: list[Item], *, title: str = "Test trade desk") -> bytes:
    """An RSS 2.0 document of `items` (descriptions as escaped HTML paragraphs)."""
    from xml.sax.saxutils import escape

    parts = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<rss version="2.0"><channel>',
        f"<title>{escape(title)}</title><link>http://example.org/</link><description>test</description>",
    ]
    for item in items:
        parts.append("<item>")
        parts.append(f"<title>{escape(item.title)}</title>")
        if item.link:
            parts.append(f"<link>{escape(item.link)}</link>")
        if item.guid:
            parts.append(f'<guid isPermaLink="false">{escape(item.guid)}</guid>')
        parts.append(f"<pubDate>{item.published}</pubDate>")
        parts.append(f"<description>{escape('<p>' + item.text + '</p>')}</description>")
        parts.append("</item>")
    parts.append("</channel></rss>")
    return "\n".join(parts).encode("utf-8")


def atom(items: list[Item], *, title: str = "Test trade desk (Atom)") -> bytes:
    """An Atom 1.0 document of `items`, with the text as an HTML content block."""
    from xml.sax.saxutils import escape

    parts = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<feed xmlns="http://www.w3.org/2005/Atom">',
        f"<title>{escape(title)}</title><id>urn:test:atom</id><updated>2025-04-01T09:00:00Z</updated>",
    ]
    for n, item in enumerate(items):
        parts.append("<entry>")
        parts.append(f"<title>{escape(item.title)}</title>")
        parts.append(f"<id>{escape(item.guid or f'urn:test:entry:{n}')}</id>")
        if item.link:
            parts.append(f'<link rel="alternate" href="{escape(item.link)}"/>')
        parts.append("<updated>2025-04-01T09:00:00Z</updated>")
        parts.append(f'<content type="html">{escape("<p>" + item.text + "</p>")}</content>')
        parts.append("</entry>")
    parts.append("</feed>")
    return "\n".join(parts).encode("utf-8")


def feed(name: str, url: str, **kwargs: object) -> FeedSettings:
    """A feed's settings for a test."""
    return FeedSettings(name=name, url=url, **kwargs)  # type: ignore[arg-type]
