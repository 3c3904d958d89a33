"""Polling with parsing and extraction in real worker processes: the same log as in-process, errors intact."""

from __future__ import annotations

import datetime as dt
import os
import signal
import time
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from monitor.clock import SteppingClock
from monitor.errors import ExtractionError
from monitor.events.facts import ArticleRecorded, FactExtracted
from monitor.log import EventStore
from monitor.sources.poll import FeedPoller, poll_feeds
from monitor.sources.workers import Workers, worker_pool
from sources.feedserver import FeedServer, Item, Route, feed, rss
from sources.percent_extractor import Fact

ITEMS = [
    Item(title="Kettles taxed", link="https://w.example/kettles", text="A duty of 15 percent applies to kettles."),
    Item(title="Lantern talks", link="https://w.example/lanterns", text="Negotiators met about lanterns again."),
    Item(title="Tiles duty", link="https://w.example/tiles", text="Ceramic tiles now carry a 30 percent levy."),
]


def refusing_extractor(text: str, published: dt.date | None) -> list[Fact]:
    """An extractor (importable by a worker) that refuses any text naming tiles."""
    if "tiles" in text.lower():
        raise ExtractionError("this extractor will not read about tiles")
    return []


@pytest.fixture(scope="module")
def workers() -> Iterator[Workers]:
    with worker_pool(2) as pool:
        yield pool


def recorded(store: EventStore) -> list[tuple[str, str, object]]:
    """What the log says, without positions and times: (stream, type, data)."""
    timed = {"polled_at", "next_poll", "duration_s"}
    return sorted(
        (e.stream_id, e.type, sorted((k, str(v)) for k, v in e.data.items() if k not in timed))
        for e in store.read_all()
    )


def test_a_cycle_in_workers_records_what_an_in_process_cycle_records(
    server: FeedServer,
    store: EventStore,
    sqlite_url: str,
    clock: SteppingClock,
    workers: Workers,
    make_poller: Callable[..., FeedPoller],
) -> None:
    from monitor.log import open_engine
    from monitor.log.migrate import upgrade

    feeds = [feed(f"desk-{n}", server.serve(f"/{n}.xml", Route(body=rss([ITEMS[n]])))) for n in range(3)]
    pooled = make_poller(store)
    pooled.workers = workers
    results = poll_feeds(pooled, feeds, concurrency=3)

    other_engine = open_engine(sqlite_url.replace(".db", "-inproc.db"))
    upgrade(other_engine)
    in_process = EventStore(other_engine, clock)
    poll_feeds(make_poller(in_process), feeds, concurrency=3)

    assert [r.outcome for r in results] == ["fetched"] * 3
    counts = Counter(e.type for e in store.read_all())
    assert counts[ArticleRecorded.NAME] == 3 and counts[FactExtracted.NAME] == 2
    assert recorded(store) == recorded(in_process)
    other_engine.dispose()


def test_a_broken_feed_and_a_failing_extractor_in_a_worker_are_recorded_as_failures(
    server: FeedServer, store: EventStore, workers: Workers, make_poller: Callable[..., FeedPoller]
) -> None:
    html = server.serve("/page.xml", Route(body=b"<!doctype html><html><body>Not a feed</body></html>"))
    tiles = server.serve("/tiles.xml", Route(body=rss(ITEMS)))
    poller = make_poller(store, extractor=refusing_extractor)
    poller.workers = workers

    page, refused = poll_feeds(poller, [feed("page", html), feed("tiles", tiles)], concurrency=2)

    assert page.outcome == "failed" and "HTML page, not an RSS or Atom feed" in (page.error or "")
    assert refused.outcome == "failed" and "will not read about tiles" in (refused.error or "")
    assert "https://w.example/tiles" in (refused.error or "")
    # The other articles are kept; the refused one is not, and is read again on the next poll.
    recorded_urls = {e.data["url"] for e in store.read_all() if e.type == ArticleRecorded.NAME}
    assert len(recorded_urls) == len(ITEMS) - 1 and "https://w.example/tiles" not in recorded_urls


def check_in(folder: str, count: int) -> int:
    """A step (importable by a worker) that returns once `count` processes run it at the same time.

    A worker busy here takes no other call, so `count` calls at once land on `count` different
    workers: every worker of the pool answers, whichever the pool would otherwise have picked.
    """
    Path(folder, str(os.getpid())).touch()
    deadline = time.monotonic() + 10
    while len(os.listdir(folder)) < count:
        if time.monotonic() > deadline:
            raise TimeoutError(f"only {len(os.listdir(folder))} of {count} workers checked in")
        time.sleep(0.01)
    return os.getpid()


def every_worker(workers: Workers, folder: Path, count: int) -> set[int]:
    """The process ids of all `count` workers, each answering one of `count` calls made at once."""
    folder.mkdir()
    with ThreadPoolExecutor(max_workers=count) as callers:
        return set(callers.map(lambda _: workers.run(check_in, str(folder), count), range(count)))


def test_workers_ignore_ctrl_c_so_the_parent_decides_when_work_stops(workers: Workers, tmp_path: Path) -> None:
    pids = every_worker(workers, tmp_path / "before", 2)
    assert len(pids) == 2 and os.getpid() not in pids
    for pid in pids:
        # A Ctrl-C reaches the whole process group; the workers must live on until shut down.
        os.kill(pid, signal.SIGINT)
    # Both workers again: a worker that had died would break the pool (and the calls would not meet).
    assert every_worker(workers, tmp_path / "after", 2) == pids
