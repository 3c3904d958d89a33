"""Choosing the fetcher by the URL's scheme: http and https over HTTP, file:// and paths from disk.

`open_fetcher(settings)` is what the poller is given. Pages named by a feed's
entries (`full_text`) are fetched over HTTP only: a feed from the network must
not make the monitor read, and record, files on this machine.
"""

from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import urlsplit

from monitor.config import FetchSettings
from monitor.errors import FeedError
from monitor.sources.base import Fetcher, FetchResult, Validators
from monitor.sources.files import FileFetcher
from monitor.sources.http import HttpFetcher

#: Schemes whose URLs may name an article's page, not only a feed.
PAGE_SCHEMES = frozenset({"http", "https"})


def scheme_of(url: str) -> str:
    """The URL's scheme in lower case; "file" for a path without one."""
    scheme = urlsplit(url).scheme.lower()
    # A one-letter "scheme" is a Windows drive ("C:\\feeds\\a.xml").
    return scheme if len(scheme) > 1 else "file"


class FetcherByScheme:
    """A fetcher that hands each URL to the fetcher registered for its scheme."""

    def __init__(self, fetchers: Mapping[str, Fetcher]) -> None:
        self._fetchers = dict(fetchers)

    @property
    def schemes(self) -> frozenset[str]:
        """The schemes a fetcher is registered for."""
        return frozenset(self._fetchers)

    def fetch(self, subject: str, url: str, *, validators: Validators | None = None, page: bool = False) -> FetchResult:
        """Fetch `url` with the fetcher of its scheme; an unknown scheme is a FeedError naming the known ones."""
        scheme = scheme_of(url)
        fetcher = self._fetchers.get(scheme)
        if page and scheme not in PAGE_SCHEMES:
            fetcher = None
        if fetcher is None:
            known = sorted(PAGE_SCHEMES & self.schemes) if page else sorted(self.schemes)
            what = "page" if page else "feed"
            raise FeedError(subject, f"cannot fetch the {what} {url!r}: its scheme is not one of {', '.join(known)}")
        return fetcher.fetch(subject, url, validators=validators, page=page)

    def close(self) -> None:
        """Close every fetcher (each once, though it may serve several schemes)."""
        closed: set[int] = set()
        for fetcher in self._fetchers.values():
            if id(fetcher) not in closed:
                closed.add(id(fetcher))
                fetcher.close()

    def __enter__(self) -> FetcherByScheme:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def open_fetcher(settings: FetchSettings) -> FetcherByScheme:
    """The fetcher of the poller: HTTP for http(s), the file fetcher for file:// and paths; close it when done."""
    http = HttpFetcher(settings)
    files = FileFetcher(settings)
    return FetcherByScheme({"http": http, "https": http, "file": files})
