"""One poll of one feed, and one cycle over many feeds at once.

A poll fetches conditionally (a 304 costs one request), skips parsing a body
whose hash it has seen, records every new article with its facts, and ends
with one health event on the feed's stream. A feed that fails is recorded as
failing with its reason and the time of its next try; nothing else stops.

Many feeds are polled at once by a bounded pool of threads (`fetch.concurrency`)
sharing one HTTP connection pool: the work around each request (feedparser,
the extractor, the SQL store) blocks, so threads, unlike asyncio, overlap the
network waits without rewriting any of it. Parsing and extraction, the CPU
part, go to worker processes when the edge gives the poller a pool
(`monitor/sources/workers.py`); recording stays in this process.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace

from monitor.clock import Clock
from monitor.config import FeedSettings, FetchSettings
from monitor.errors import ExtractionError, FeedError, StoreError
from monitor.events.sources import FeedFailed, FeedPolled
from monitor.log import EventStore, NewEvent
from monitor.sources.article import Article, article_from_entry
from monitor.sources.base import Fetcher, FetchResult
from monitor.sources.health import FeedState, feed_state, feed_stream, retry_delay
from monitor.sources.parse import FeedEntry
from monitor.sources.recording import ArticleRecorder, Reading, RecordingBatch, Unread
from monitor.sources.text import page_main_text
from monitor.sources.workers import Workers, read_entries, read_feed

log = logging.getLogger("monitor.sources")


@dataclass(frozen=True, kw_only=True)
class PollResult:
    """What one poll of one feed did."""

    feed: str
    #: `fetched`, `not_modified`, `unchanged` or `failed`.
    outcome: str
    entries: int = 0
    new_articles: int = 0
    seen_articles: int = 0
    facts: int = 0
    warning: str | None = None
    error: str | None = None
    consecutive_failures: int = 0
    next_poll: dt.datetime
    catch_up: bool = False
    seconds: float = 0.0


class FeedPoller:
    """Polls feeds into the log; one instance is shared by every polling thread."""

    def __init__(
        self,
        *,
        store: EventStore,
        fetcher: Fetcher,
        recorder: ArticleRecorder,
        settings: FetchSettings,
        clock: Clock,
        workers: Workers | None = None,
        daemon: str | None = None,
    ) -> None:
        self.store = store
        #: The id of the daemon polling, kept in each health event's metadata (`feeds` shows it).
        self.daemon = daemon
        # Parsing and extraction: in a process pool when the edge made one, else in this thread.
        self.workers = workers or Workers()
        self.fetcher = fetcher
        self.recorder = recorder
        self.settings = settings
        self.clock = clock
        # Per feed, the ids of the entries its last read went through. They are in the log
        # for good (it is append-only), so the next read skips them without asking the
        # database: a steady feed with one new item costs one lookup, not thirty.
        self._handled: dict[str, frozenset[str]] = {}
        # When this thread's poll began: polls of several feeds run in threads at once.
        self._started = threading.local()
        # Per feed, a body fetched whose recording the database refused (it went away mid-poll): the
        # next poll of the feed records it instead of fetching again, so an item the feed has dropped
        # meanwhile is not lost. One body per feed, kept in this process's memory only.
        self._unrecorded: dict[str, FetchResult] = {}
        self._unrecorded_lock = threading.Lock()

    def poll(self, feed: FeedSettings, state: FeedState | None = None) -> PollResult:
        """Poll `feed` once and record what came of it; a broken feed is recorded, not raised.

        `state` is the feed's state if the caller has just read it (the daemon does, to see
        whether another daemon polled it meanwhile); otherwise it is read here. When the
        database fails (`StoreError`, raised), a body fetched is kept, and the feed's next
        poll records it rather than fetching again.
        """
        started = time.monotonic()
        self._started.at = started
        if state is None:
            state = feed_state(self.store, feed.name)
        now = self.clock.now()
        catch_up = state.last_success is None
        with self._unrecorded_lock:
            fetched: FetchResult | None = self._unrecorded.pop(feed.name, None)
        try:
            if fetched is None:
                fetched = self.fetcher.fetch(feed.name, feed.url, validators=state.validators)
            if fetched.not_modified or fetched.body_hash == state.body_hash:
                outcome = "not_modified" if fetched.not_modified else "unchanged"
                result = self._succeeded(feed, state, now, fetched, outcome, catch_up=False)
                _log_polled(result)
            else:
                result = self._read(feed, state, now, fetched, catch_up=catch_up)
        except (FeedError, ExtractionError) as exc:
            result = self._failed(feed, state, now, exc)
        except StoreError:
            if fetched is not None and not fetched.not_modified:
                with self._unrecorded_lock:
                    self._unrecorded.setdefault(feed.name, fetched)
            raise
        return _with_seconds(result, time.monotonic() - started)

    # --- reading a new body -----------------------------------------------------------------------

    def _read(
        self, feed: FeedSettings, state: FeedState, now: dt.datetime, fetched: FetchResult, *, catch_up: bool
    ) -> PollResult:
        read = self.workers.run(read_feed, feed.name, fetched.body, fetched.content_type)
        parsed, ids = read.parsed, read.ids
        if parsed.warning:
            log.warning("feed.malformed", extra={"fields": {"feed": feed.name, "warning": parsed.warning}})
        handled = self._handled.get(feed.name, frozenset())
        fresh: dict[str, FeedEntry] = {}
        for entry, article_id in zip(parsed.entries, ids, strict=True):
            if article_id not in handled:
                fresh.setdefault(article_id, entry)
        # One query for the whole read: which of its articles the log already has.
        known = self.recorder.known_feeds(fresh)
        sightings: list[tuple[Article, frozenset[str]]] = []
        new: list[tuple[FeedEntry, str | None, dict[str, str]]] = []
        for article_id, entry in fresh.items():
            if article_id in known:
                # Known already: no page fetch, no extraction, at most an `article.seen`.
                sightings.append((article_from_entry(entry, feed=feed.name, text=""), known[article_id]))
            else:
                new.append((entry, *self._page_text(feed, entry)))
        found = self.workers.run(read_entries, self.recorder.extractor, feed.name, new) if new else []
        readings = [r for r in found if isinstance(r, Reading)]
        unread = [r for r in found if isinstance(r, Unread)]
        for u in unread:
            log.warning("article.unread", extra={"fields": {"feed": feed.name, "url": u.article.url, "error": u.error}})
        # Everything this read learned, with the feed's health, in one transaction: a crash
        # or an error before it ends leaves the body undone, and the next poll records it all.
        with self.recorder.batch(catch_up=catch_up) as batch:
            done = [batch.sight(article, article.article_id, feeds) for article, feeds in sightings]
            done += batch.record(readings)
            counts = {
                "entries": len(parsed.entries),
                "new": sum(d.outcome == "new" for d in done),
                "seen": sum(d.outcome == "seen" for d in done),
                "facts": sum(d.facts for d in done),
            }
            if unread:
                result = self._partly_read(feed, state, now, unread, catch_up=catch_up, batch=batch, **counts)
            else:
                result = self._succeeded(
                    feed,
                    state,
                    now,
                    fetched,
                    "fetched",
                    catch_up=catch_up,
                    warning=parsed.warning,
                    batch=batch,
                    **counts,
                )
        # Articles left unread are not handled: the next read of this feed tries them again.
        self._handled[feed.name] = frozenset(ids) - {u.article.article_id for u in unread}
        if not unread:
            _log_polled(result)
        return result

    def _partly_read(
        self,
        feed: FeedSettings,
        state: FeedState,
        now: dt.datetime,
        unread: list[Unread],
        *,
        catch_up: bool,
        batch: RecordingBatch,
        entries: int,
        new: int,
        seen: int,
        facts: int,
    ) -> PollResult:
        """The extractor failed on some new articles: the others are recorded, the feed is failing.

        Recorded as a failure, the feed keeps the body hash and validators of
        its last success, so the next poll reads the body again (not a 304 or
        "unchanged"), skips the articles now recorded and tries the unread ones;
        it counts as a catch-up for as long as the first poll is not complete.
        """
        first = unread[0].error
        more = f" (and {len(unread) - 1} more)" if len(unread) > 1 else ""
        error = ExtractionError(f"{len(unread)} new article(s) not read, tried again next poll: {first}{more}")
        result = self._failed(feed, state, now, error, batch=batch, added=new + seen)
        return replace(result, entries=entries, new_articles=new, seen_articles=seen, facts=facts, catch_up=catch_up)

    def _page_text(self, feed: FeedSettings, entry: FeedEntry) -> tuple[str | None, dict[str, str]]:
        """With `full_text`, the main text of the entry's page (None: use the entry's own) and where it came from."""
        if not (feed.full_text and entry.link):
            return None, {}
        try:
            page = self.fetcher.fetch(feed.name, entry.link, page=True)
            text = page_main_text(page.body, url=page.url)
        except FeedError as exc:
            # One unreachable page must not stop the feed: its summary is recorded instead, with the reason.
            log.warning(
                "article.page_failed", extra={"fields": {"feed": feed.name, "url": entry.link, "error": str(exc)}}
            )
            return None, {"full_text_error": exc.reason}
        if not text:
            return None, {"full_text_error": "no main text found on the page"}
        return text, {"full_text": "page"}

    # --- health -----------------------------------------------------------------------------------

    def _succeeded(
        self,
        feed: FeedSettings,
        state: FeedState,
        now: dt.datetime,
        fetched: FetchResult,
        outcome: str,
        *,
        catch_up: bool,
        entries: int = 0,
        new: int = 0,
        seen: int = 0,
        facts: int = 0,
        warning: str | None = None,
        batch: RecordingBatch | None = None,
    ) -> PollResult:
        next_poll = now + retry_delay(feed, 0, self.settings.backoff_max_minutes)
        body_hash = state.body_hash if fetched.not_modified else fetched.body_hash
        event = FeedPolled(
            feed=feed.name,
            url=feed.url,
            outcome=outcome,
            http_status=fetched.status,
            etag=fetched.validators.etag,
            last_modified=fetched.validators.last_modified,
            body_hash=body_hash,
            entries=entries,
            new_articles=new,
            seen_articles=seen,
            articles=state.articles + new + seen,
            warning=warning,
            polled_at=now,
            next_poll=next_poll,
            last_error=state.last_error,
            last_error_at=state.last_error_at,
            duration_s=self._elapsed(),
        )
        metadata: dict[str, object] = {"feed": feed.name, "url": feed.url, "final_url": fetched.url}
        if self.daemon:
            metadata["daemon"] = self.daemon
        if catch_up:
            metadata["catch_up"] = True
        self._append_health(feed, event, metadata, now, batch=batch)
        return PollResult(
            feed=feed.name,
            outcome=outcome,
            entries=entries,
            new_articles=new,
            seen_articles=seen,
            facts=facts,
            warning=warning,
            next_poll=next_poll,
            catch_up=catch_up,
        )

    def _failed(
        self,
        feed: FeedSettings,
        state: FeedState,
        now: dt.datetime,
        exc: FeedError | ExtractionError,
        *,
        batch: RecordingBatch | None = None,
        added: int = 0,
    ) -> PollResult:
        failures = state.consecutive_failures + 1
        next_poll = now + retry_delay(feed, failures, self.settings.backoff_max_minutes)
        reason = exc.reason if isinstance(exc, FeedError) else str(exc)
        if exc.hint:
            reason = f"{reason} ({exc.hint})"
        event = FeedFailed(
            feed=feed.name,
            url=feed.url,
            reason=reason,
            consecutive_failures=failures,
            etag=state.validators.etag,
            last_modified=state.validators.last_modified,
            body_hash=state.body_hash,
            articles=state.articles + added,
            last_success=state.last_success,
            failed_at=now,
            next_poll=next_poll,
            duration_s=self._elapsed(),
        )
        metadata: dict[str, object] = {"feed": feed.name, "url": feed.url}
        if self.daemon:
            metadata["daemon"] = self.daemon
        self._append_health(feed, event, metadata, now, batch=batch)
        log.warning(
            "feed.failed",
            extra={
                "fields": {
                    "feed": feed.name,
                    "error": reason,
                    "consecutive_failures": failures,
                    "next_poll": next_poll.isoformat(),
                }
            },
        )
        return PollResult(
            feed=feed.name,
            outcome="failed",
            error=reason,
            consecutive_failures=failures,
            next_poll=next_poll,
        )

    def _elapsed(self) -> float:
        # Taken as the health event is made: the articles are recorded by then, the event itself not yet.
        return round(time.monotonic() - self._started.at, 6)

    def _append_health(
        self,
        feed: FeedSettings,
        event: FeedPolled | FeedFailed,
        metadata: dict[str, object],
        now: dt.datetime,
        *,
        batch: RecordingBatch | None = None,
    ) -> None:
        new = [
            NewEvent.of(
                event,
                metadata=dict(metadata),
                occurred_at=now,
                idempotency_key=f"feed:{feed.name}:{now.isoformat()}",
            )
        ]
        if batch is None:
            self.recorder.append(feed_stream(feed.name), new)
        else:
            batch.append(feed_stream(feed.name), new)


def _log_polled(result: PollResult) -> None:
    log.info(
        "feed.polled",
        extra={
            "fields": {
                "feed": result.feed,
                "outcome": result.outcome,
                "entries": result.entries,
                "new": result.new_articles,
                "seen": result.seen_articles,
                "facts": result.facts,
                "catch_up": result.catch_up,
            }
        },
    )


def _with_seconds(result: PollResult, seconds: float) -> PollResult:
    return replace(result, seconds=seconds)


def poll_feeds(
    poller: FeedPoller, feeds: Sequence[FeedSettings], *, concurrency: int, stop: threading.Event | None = None
) -> list[PollResult]:
    """Poll every feed once, `concurrency` at a time; results in the order of `feeds`.

    Once `stop` is set no further poll starts: the polls in flight finish and
    are recorded (each in one transaction), and the feeds not started are left
    out of the results; they are due at the next poll.
    """

    def one(feed: FeedSettings) -> PollResult | None:
        if stop is not None and stop.is_set():
            return None
        return poller.poll(feed)

    if concurrency <= 1 or len(feeds) <= 1:
        done = [one(feed) for feed in feeds]
    else:
        with ThreadPoolExecutor(max_workers=min(concurrency, len(feeds)), thread_name_prefix="poll") as pool:
            done = list(pool.map(one, feeds))
    return [result for result in done if result is not None]
