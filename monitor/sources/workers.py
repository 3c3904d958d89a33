"""The CPU-bound steps of a poll, and the process pool that runs them beside the polling threads.

Parsing a feed and running the extractor are pure functions of the fetched
bytes (and the article's date); under one GIL the polling threads take turns at
them, so one core does all the work however many threads wait on the network.
A pool of worker processes (one per core) runs these steps instead, while the
threads keep fetching and this process keeps recording: the log's write lock,
its idempotency and its transactions stay where they were.

Each step returns what it found or a `Refusal` (our errors carry keyword
arguments that do not survive pickling), raised again in the polling thread as
the same `FeedError` or `ExtractionError`. Without a pool (tests, `ingest`, a
one-core machine) the steps run in the calling thread, the same code.

Workers are started by a fork server (never forked from a process running
threads and holding database connections) and ignore SIGINT and SIGTERM: a
Ctrl-C or a stop reaches the whole process group, and the daemon, not its
workers, decides when the work in flight is done; it shuts the pool down after
its last poll. Each worker watches the process that made the pool and exits
when it ends, however it ends: a killed `poll` or `run` leaves no worker, fork
server or resource tracker behind.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import select
import signal
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Executor, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, TypeVar

from monitor.errors import ExtractionError, FeedError
from monitor.sources.article import article_from_entry, article_id_of_entry
from monitor.sources.base import Extractor
from monitor.sources.parse import FeedEntry, ParsedFeed, parse_feed
from monitor.sources.recording import Reading, Unread, read_article

log = logging.getLogger("monitor.sources")

T = TypeVar("T")

#: Where pidfd is missing, how often a worker checks that the process it works for still runs.
_WATCH_EVERY_S = 1.0


@dataclass(frozen=True, kw_only=True)
class Refusal:
    """A `FeedError` or `ExtractionError` met in a step, as a value that crosses between processes."""

    feed: str | None
    message: str
    hint: str | None

    def error(self) -> FeedError | ExtractionError:
        """The exception the step raised."""
        if self.feed is not None:
            return FeedError(self.feed, self.message, hint=self.hint)
        return ExtractionError(self.message, hint=self.hint)


@dataclass(frozen=True, kw_only=True)
class FeedRead:
    """A parsed feed with the article id of each of its entries, in order."""

    parsed: ParsedFeed
    ids: tuple[str, ...]


def read_feed(name: str, body: bytes, content_type: str) -> FeedRead | Refusal:
    """Parse a fetched body and name its entries' articles."""
    try:
        parsed = parse_feed(name, body, content_type=content_type)
    except FeedError as exc:
        return Refusal(feed=exc.feed, message=exc.reason, hint=exc.hint)
    return FeedRead(parsed=parsed, ids=tuple(article_id_of_entry(entry, name) for entry in parsed.entries))


def read_entries(
    extractor: Extractor, feed: str, items: list[tuple[FeedEntry, str | None, dict[str, str]]]
) -> list[Reading | Unread]:
    """The articles of new entries (with a full-text page's text where one was fetched) and their facts.

    An article the extractor fails on is `Unread`, and the others are still read.
    """
    readings: list[Reading | Unread] = []
    for entry, text, origin in items:
        article = article_from_entry(entry, feed=feed, text=text)
        # Hashed here, in the worker; the value travels with the article.
        _ = article.fingerprint
        try:
            readings.append(read_article(extractor, article, origin=origin))
        except ExtractionError as exc:
            readings.append(Unread(article=article, error=str(exc)))
    return readings


class Workers:
    """Runs the steps in a process pool, or in the calling thread when there is none."""

    def __init__(self, pool: Executor | None = None) -> None:
        self._pool = pool

    def run(self, step: Callable[..., T | Refusal], *args: Any) -> T:
        """Run `step(*args)`; a `Refusal` is raised as its error."""
        pool = self._pool
        if pool is None:
            done = step(*args)
        else:
            try:
                done = pool.submit(step, *args).result()
            except BrokenProcessPool:
                # A worker died (killed, out of memory): finish in this process from now on
                # rather than fail every feed until a restart.
                log.error("workers.broken", extra={"fields": {"fallback": "in-process"}})
                self._pool = None
                done = step(*args)
        if isinstance(done, Refusal):
            raise done.error()
        return done


def _started() -> int:
    # Long enough that every submitted call finds no idle worker and starts its own.
    time.sleep(0.05)
    return os.getpid()


def _start_worker(owner: int) -> None:
    """Set up a worker: deaf to SIGINT and SIGTERM, and ended when `owner` (the pool's process) ends."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    # The worker's parent is the fork server, not the owner, so PR_SET_PDEATHSIG would watch the wrong
    # process. Each worker holds the fork server's "alive" pipe and the resource tracker's pipe open, so
    # once the workers are gone the fork server and the tracker see the end of their pipes and exit too.
    threading.Thread(target=_exit_with, args=(owner,), name="watch-owner", daemon=True).start()


def _exit_with(owner: int) -> None:
    try:
        # Readable once the process has ended, however it ended (SIGKILL included); Linux 5.3 and later.
        handle = os.pidfd_open(owner)
    except ProcessLookupError:
        os._exit(0)
    except (AttributeError, OSError):
        handle = None
    if handle is not None:
        watch = select.poll()
        watch.register(handle, select.POLLIN)
        watch.poll()
    else:
        while _alive(owner):
            time.sleep(_WATCH_EVERY_S)
    # Nobody is left to take this worker's answer; leave at once (no clean-up is owed to a dead owner).
    os._exit(0)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


@contextmanager
def worker_pool(processes: int | None = None, *, preload: Sequence[str] = ()) -> Iterator[Workers]:
    """Workers for the polls of a command or the daemon: one process per core, shut down at the end.

    `preload` names modules every worker needs (the extractor's): the fork
    server imports them once and each worker starts with them loaded. On a
    one-core machine (or `processes=1`) the steps run in the polling threads.
    """
    count = processes if processes is not None else (os.cpu_count() or 1)
    if count < 2:
        yield Workers()
        return
    context = multiprocessing.get_context("forkserver")
    # The fork server imports the steps' modules (feedparser, the extractor) once; workers inherit them.
    context.set_forkserver_preload([__name__, *preload])
    pool = ProcessPoolExecutor(
        max_workers=count, mp_context=context, initializer=_start_worker, initargs=(os.getpid(),)
    )
    try:
        # Every worker is started now, not on demand: a stop sent to the whole process group
        # (systemd does) ends the fork server while the daemon still finishes its polls.
        for started in [pool.submit(_started) for _ in range(count)]:
            started.result()
        yield Workers(pool)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
