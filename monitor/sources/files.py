"""The file fetcher: feeds kept on this machine, named by a file:// URL or a path.

For feeds a program writes to disk (an export, a mirror, a test fixture). The
same cap as over HTTP applies (`fetch.max_bytes`). A file has no validators;
an unchanged one is recognised by its body's hash, like a server that gives
none, and not parsed again.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

from monitor.config import FetchSettings
from monitor.errors import FeedError
from monitor.sources.base import FetchResult, Validators
from monitor.sources.http import too_big


def file_path(url: str) -> Path:
    """The path a file:// URL or a plain path names."""
    if url.startswith("file:"):
        return Path(unquote(urlsplit(url).path))
    return Path(url)


class FileFetcher:
    """Reads feeds from local files within the limits of `FetchSettings`."""

    def __init__(self, settings: FetchSettings) -> None:
        self.settings = settings

    def fetch(self, subject: str, url: str, *, validators: Validators | None = None, page: bool = False) -> FetchResult:
        """Read the file `url` names for the feed `subject`; every failure is a FeedError naming it."""
        path = file_path(url)
        limit = self.settings.max_bytes
        try:
            size = path.stat().st_size
            if size > limit:
                raise FeedError(subject, too_big(size, limit), hint="raise fetch.max_bytes")
            with path.open("rb") as handle:
                # Read one byte past the cap: the file may have grown since it was measured.
                body = handle.read(limit + 1)
        except OSError as exc:
            raise FeedError(subject, f"cannot read {path}: {exc.strerror or exc}") from exc
        if len(body) > limit:
            raise FeedError(subject, too_big(len(body), limit), hint="raise fetch.max_bytes")
        return FetchResult(url=url, status=200, body=body, content_type="", validators=Validators())

    def close(self) -> None:
        """Nothing to release: files are opened and closed per fetch."""
