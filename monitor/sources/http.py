"""The HTTP fetcher (http and https): timeouts, a size cap, bounded redirects, conditional GET.

One `HttpFetcher` (one `httpx.Client`, one connection pool) is shared by every
thread that polls: httpx's sync client is thread-safe, and the pool's limit is
the fetch concurrency. Threads rather than asyncio because everything around
a fetch blocks anyway (feedparser, trafilatura, the SQLAlchemy store) and the
daemon's APScheduler jobs already run in a thread pool; see `monitor/sources/poll.py`.
It reads nothing but http(s): local files are `files.py`'s, chosen by `schemes.py`.
"""

from __future__ import annotations

import time
import zlib
from collections.abc import Iterable, Iterator
from typing import Protocol

import httpx

from monitor.config import FetchSettings
from monitor.errors import FeedError
from monitor.sources.base import FetchResult, Validators

ACCEPT_FEED = (
    "application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, application/xml;q=0.9, "
    "text/xml;q=0.8, */*;q=0.1"
)
ACCEPT_PAGE = "text/html, application/xhtml+xml;q=0.9, */*;q=0.1"
INFLATE_CHUNK = 65_536


class HttpFetcher:
    """GETs feeds and pages within the limits of `FetchSettings`; close it when done."""

    def __init__(self, settings: FetchSettings, *, transport: httpx.BaseTransport | None = None) -> None:
        self.settings = settings
        self._client = httpx.Client(
            timeout=httpx.Timeout(
                connect=settings.connect_timeout_s,
                read=settings.read_timeout_s,
                write=settings.read_timeout_s,
                pool=total_timeout(settings),
            ),
            follow_redirects=True,
            max_redirects=settings.max_redirects,
            headers={"User-Agent": settings.user_agent, "Accept-Encoding": "gzip, deflate"},
            limits=httpx.Limits(max_connections=settings.concurrency, max_keepalive_connections=settings.concurrency),
            transport=transport,
        )

    def close(self) -> None:
        """Close the connection pool."""
        self._client.close()

    def __enter__(self) -> HttpFetcher:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def fetch(self, subject: str, url: str, *, validators: Validators | None = None, page: bool = False) -> FetchResult:
        """GET `url` for the feed (or page) named `subject`; every failure is a FeedError naming it.

        With `validators`, the request is conditional and a 304 comes back as
        `not_modified` with an empty body.
        """
        headers = {"Accept": ACCEPT_PAGE if page else ACCEPT_FEED}
        if validators is not None:
            if validators.etag:
                headers["If-None-Match"] = validators.etag
            if validators.last_modified:
                headers["If-Modified-Since"] = validators.last_modified
        limit = self.settings.max_bytes
        # The read timeout bounds the wait for each chunk; this bounds a server that
        # trickles a byte at a time and so never trips it.
        deadline = time.monotonic() + total_timeout(self.settings)
        try:
            with self._client.stream("GET", url, headers=headers) as response:
                if response.status_code == 304:
                    return FetchResult(
                        url=str(response.url),
                        status=304,
                        body=b"",
                        content_type="",
                        validators=validators or Validators(),
                        not_modified=True,
                    )
                if response.status_code >= 400:
                    raise FeedError(subject, f"HTTP {response.status_code} {response.reason_phrase} from {url}")
                declared = response.headers.get("Content-Length")
                if (
                    declared
                    and declared.isdigit()
                    and int(declared) > limit
                    and not response.headers.get("Content-Encoding")
                ):
                    raise FeedError(subject, too_big(int(declared), limit), hint="raise fetch.max_bytes")
                body = bytearray()
                # The body is unpacked here, never more than one chunk past the cap at a time:
                # a gzip bomb stops at `limit + INFLATE_CHUNK` bytes, however much it would unpack to.
                chunks = inflate(response.iter_raw(), content_decoder(subject, url, response.headers))
                for chunk in chunks:
                    body += chunk
                    if len(body) > limit:
                        raise FeedError(subject, cut_off(limit), hint="raise fetch.max_bytes")
                    if time.monotonic() > deadline:
                        raise FeedError(
                            subject,
                            f"body not received within {total_timeout(self.settings):g} s",
                            hint="the server trickles its answer; raise fetch.read_timeout_s",
                        )
                return FetchResult(
                    url=str(response.url),
                    status=response.status_code,
                    body=bytes(body),
                    content_type=response.headers.get("Content-Type", ""),
                    validators=Validators(
                        etag=response.headers.get("ETag"), last_modified=response.headers.get("Last-Modified")
                    ),
                )
        except httpx.TooManyRedirects as exc:
            raise FeedError(
                subject, f"more than {self.settings.max_redirects} redirects from {url}", hint="a redirect loop?"
            ) from exc
        except httpx.ConnectTimeout as exc:
            raise FeedError(subject, f"no connection within {self.settings.connect_timeout_s:g} s to {url}") from exc
        except httpx.TimeoutException as exc:
            raise FeedError(
                subject, f"no answer within {self.settings.read_timeout_s:g} s from {url} ({type(exc).__name__})"
            ) from exc
        except httpx.DecodingError as exc:
            raise FeedError(subject, f"the body from {url} cannot be decoded: {exc}") from exc
        except zlib.error as exc:
            raise FeedError(subject, f"the body from {url} cannot be decoded: {exc}") from exc
        except httpx.HTTPError as exc:
            raise FeedError(subject, f"cannot fetch {url}: {type(exc).__name__}: {exc}") from exc
        except httpx.InvalidURL as exc:
            raise FeedError(subject, f"invalid URL {url!r}: {exc}") from exc


def total_timeout(settings: FetchSettings) -> float:
    """Most seconds one body may take to arrive in full: connect plus four read timeouts."""
    return settings.connect_timeout_s + 4 * settings.read_timeout_s


def too_big(size: int, limit: int) -> str:
    """The reason given for a body over `fetch.max_bytes` whose size is known (by every fetcher)."""
    return f"body larger than fetch.max_bytes ({size:,} > {limit:,} bytes)"


def cut_off(limit: int) -> str:
    """The reason given for a body that passed `fetch.max_bytes` while it was being read (and unpacked)."""
    return f"body larger than fetch.max_bytes (more than {limit:,} bytes once unpacked; reading stopped there)"


def content_decoder(subject: str, url: str, headers: httpx.Headers) -> Decoder | None:
    """A decompressor for the body's Content-Encoding (gzip or deflate), None for none; others are refused."""
    codings = [c.strip().lower() for c in headers.get("Content-Encoding", "").split(",")]
    codings = [c for c in codings if c and c != "identity"]
    if not codings:
        return None
    if codings in (["gzip"], ["x-gzip"]):
        return zlib.decompressobj(16 + zlib.MAX_WBITS)
    if codings == ["deflate"]:
        return _Deflate()
    raise FeedError(
        subject,
        f"the body from {url} is encoded as {', '.join(codings)}, which trade-monitor does not read",
        hint="we ask for gzip or deflate only; the server should honour Accept-Encoding",
    )


class Decoder(Protocol):
    """What `inflate` needs of a zlib decompressor."""

    @property
    def unconsumed_tail(self) -> bytes: ...
    @property
    def eof(self) -> bool: ...
    def decompress(self, data: bytes, max_length: int = 0, /) -> bytes: ...


class _Deflate:
    """HTTP's deflate: zlib-wrapped as the standard says, or raw deflate as some servers send it."""

    def __init__(self) -> None:
        self._inner: Decoder | None = None

    @property
    def unconsumed_tail(self) -> bytes:
        return self._inner.unconsumed_tail if self._inner else b""

    @property
    def eof(self) -> bool:
        return bool(self._inner and self._inner.eof)

    def decompress(self, data: bytes, max_length: int = 0, /) -> bytes:
        if self._inner is None:
            if not data:
                return b""
            # A zlib header: compression method 8 and a check value that makes the first two bytes % 31 == 0.
            wrapped = len(data) >= 2 and data[0] & 0x0F == 8 and (data[0] << 8 | data[1]) % 31 == 0
            self._inner = zlib.decompressobj(zlib.MAX_WBITS if wrapped else -zlib.MAX_WBITS)
        return self._inner.decompress(data, max_length)


def inflate(raw: Iterable[bytes], decoder: Decoder | None) -> Iterator[bytes]:
    """The body's bytes from its raw (encoded) chunks, in pieces of at most INFLATE_CHUNK bytes.

    `max_length` bounds each call to the decompressor; what it has not yet
    unpacked waits, compressed, in `unconsumed_tail`. So however far a body
    would expand, no more than one piece exists at a time beyond what the
    caller keeps.
    """
    for data in raw:
        if decoder is None:
            for start in range(0, len(data), INFLATE_CHUNK):
                yield data[start : start + INFLATE_CHUNK]
            continue
        pending = data
        while True:
            piece = decoder.decompress(pending, INFLATE_CHUNK)
            pending = decoder.unconsumed_tail
            if piece:
                yield piece
            if decoder.eof:
                return  # anything after the end of the compressed stream is ignored, as httpx does
            # A full piece may leave output inside zlib even when all input went in: ask again.
            if not pending and len(piece) < INFLATE_CHUNK:
                break
