"""What the sources room is built from: fetchers, and the extractor it is handed.

Two extension points, in the manner of APScheduler's `base.py` modules:

- A `Fetcher` gets the bytes at a URL. One module per kind: `http.py` (http
  and https) and `files.py` (file:// URLs and paths); `schemes.py` puts them
  together and picks one by the URL's scheme. A new kind of source is one
  module with a class that has `fetch` and `close`, and its schemes added
  there.
- An `Extractor` reads facts from an article's text. The room never imports
  one: the wiring (`monitor/pipeline.py`) hands it in. It is named by where it
  lives ("package.module:function"), not passed as a function object, so a
  worker process loads it itself, and it carries the version recorded with
  every fact it read.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import importlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from monitor.errors import ExtractionError

# --- fetchers ---------------------------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class Validators:
    """What a server gave to make the next request conditional."""

    etag: str | None = None
    last_modified: str | None = None


@dataclass(frozen=True, kw_only=True)
class FetchResult:
    """The answer to one fetch: a body, or `not_modified` after a 304."""

    url: str
    status: int
    body: bytes
    content_type: str
    validators: Validators
    not_modified: bool = False

    @property
    def body_hash(self) -> str:
        """SHA-256 of the body, to skip parsing a body seen before."""
        return hashlib.sha256(self.body).hexdigest()


@runtime_checkable
class Fetcher(Protocol):
    """Gets feeds and pages; shared by every polling thread, so `fetch` must be thread-safe.

    Every failure is a `FeedError` naming `subject` (the feed) with a reason a
    person can act on. With `validators` a fetcher may answer `not_modified`;
    one that cannot tell simply fetches. `page` says the URL is an article's
    page rather than a feed (for the Accept header, and so that pages named by
    a feed's entries are never read from the local disk).
    """

    def fetch(self, subject: str, url: str, *, validators: Validators | None = None, page: bool = False) -> FetchResult:
        """Get `url` for the feed named `subject`, or raise FeedError saying why not."""
        ...

    def close(self) -> None:
        """Release what the fetcher holds (connections); it is not used afterwards."""
        ...


# --- the extractor ----------------------------------------------------------------------------------


class ExtractedFact(Protocol):
    """One fact as an extractor returns it: the fields of the extraction contract that are recorded."""

    @property
    def kind(self) -> str: ...
    @property
    def imposer(self) -> str: ...
    @property
    def targets(self) -> Sequence[str]: ...
    @property
    def sector(self) -> str | None: ...
    @property
    def rate(self) -> float | None: ...
    @property
    def until(self) -> dt.date | None: ...
    @property
    def effective(self) -> dt.date | None: ...
    @property
    def status(self) -> str | None: ...
    @property
    def evidence(self) -> str: ...
    @property
    def authority(self) -> str | None: ...
    @property
    def confidence(self) -> float:
        """How sure the reading was, 0 to 1 (an extractor that cannot tell reports 1.0)."""
        ...

    @property
    def previous_rate(self) -> float | None: ...


#: The function an extractor names: article text and publication date in, facts out.
ExtractFunction = Callable[[str, dt.date | None], Sequence[ExtractedFact]]


@dataclass(frozen=True)
class Extractor:
    """An extractor named by where it lives, with the version recorded on every fact it reads.

    `target` is "package.module:function"; the function is imported the first
    time it is needed, in whichever process calls it (a worker loads it there,
    so only this small value crosses between processes). `options` are keyword
    arguments the function is called with besides the text and the date (an
    external command's settings, say): plain values, so they travel with it.
    """

    target: str
    version: str
    options: tuple[tuple[str, str | float], ...] = ()

    def __post_init__(self) -> None:
        module, _, name = self.target.partition(":")
        if not module or not name or "<" in self.target:
            raise ExtractionError(
                f"extractor {self.target!r} is not 'package.module:function'",
                hint="an extractor must be a module-level function, so worker processes can import it",
            )

    @classmethod
    def of(cls, function: ExtractFunction, *, version: str) -> Extractor:
        """The extractor naming `function`, which must be defined at the top level of a module."""
        return cls(f"{function.__module__}:{function.__qualname__}", version)

    @property
    def module(self) -> str:
        """The module the function is in (worker processes import it once, at start)."""
        return self.target.partition(":")[0]

    def function(self) -> ExtractFunction:
        """The function itself (imported once per process), with its `options` bound."""
        function = _load(self.target)
        if not self.options:
            return function
        return functools.partial(function, **dict(self.options))


@functools.cache
def _load(target: str) -> ExtractFunction:
    module_name, _, qualname = target.partition(":")
    try:
        found: object = importlib.import_module(module_name)
        for part in qualname.split("."):
            found = getattr(found, part)
    except (ImportError, AttributeError) as exc:
        raise ExtractionError(f"cannot load the extractor {target!r}: {exc}") from exc
    if not callable(found):
        raise ExtractionError(f"the extractor {target!r} is not a function")
    function: ExtractFunction = found
    return function
