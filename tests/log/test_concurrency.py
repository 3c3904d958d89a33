"""Writers racing on one log: nothing lost, nothing doubled, and readers never skip an event."""

from __future__ import annotations

import datetime as dt
import multiprocessing
import threading
import time
from collections.abc import Callable
from typing import Any

from sqlalchemy import Engine

from monitor.clock import FixedClock, SteppingClock
from monitor.errors import ConcurrencyError
from monitor.log import ANY_VERSION, EventStore, NewEvent, open_engine, write_transaction

NOW = dt.datetime(2025, 4, 2, 12, 0, tzinfo=dt.UTC)


def racing(n: int, target: Callable[[int], Any]) -> tuple[list[Any], list[BaseException]]:
    """Run target(0..n-1) in n threads released together; their results and errors."""
    barrier = threading.Barrier(n)
    results: list[Any] = []
    errors: list[BaseException] = []

    def run(i: int) -> None:
        barrier.wait()
        try:
            results.append(target(i))
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results, errors


def _daemon(url: str, name: str, expected: int, ready: Any, start: Any, out: Any) -> None:
    """One 'daemon' process: connect, say so, wait for the start signal, append two events, report what happened."""
    engine = open_engine(url)
    store = EventStore(engine, FixedClock(NOW))
    with engine.connect():
        pass  # the pool keeps this connection, so the append below starts on an open one
    ready.put(name)
    start.wait()
    events = [NewEvent(type="test.polled", data={"by": name, "n": i}) for i in (1, 2)]
    try:
        result = store.append("feed-shared", events, expected_version=expected)
        out.put((name, "ok", result.version))
    except ConcurrencyError as exc:
        out.put((name, "conflict", exc.actual))
    engine.dispose()


def race_processes(url: str, expected: int) -> list[tuple[str, str, int]]:
    ctx = multiprocessing.get_context("spawn")
    ready, start, out = ctx.Queue(), ctx.Event(), ctx.Queue()
    procs = [ctx.Process(target=_daemon, args=(url, name, expected, ready, start, out)) for name in ("north", "south")]
    for p in procs:
        p.start()
    # Released together only once both have imported everything and connected (a fixed wait was both
    # slower and, on a loaded machine, sometimes too short for a real race).
    assert sorted(ready.get(timeout=60) for _ in procs) == ["north", "south"]
    start.set()
    for p in procs:
        p.join(60)
        assert p.exitcode == 0
    return sorted(out.get(timeout=5) for _ in procs)


def test_two_processes_racing_on_one_stream_one_wins_one_is_told(db_url: str, engine: Engine) -> None:
    outcomes = race_processes(db_url, expected=0)

    assert sorted(kind for _, kind, _ in outcomes) == ["conflict", "ok"]
    winner = next(name for name, kind, _ in outcomes if kind == "ok")
    loser_saw = next(actual for _, kind, actual in outcomes if kind == "conflict")
    assert loser_saw == 2
    stored = EventStore(engine, FixedClock(NOW)).read_stream("feed-shared")
    assert [(e.version, e.data["by"]) for e in stored] == [(1, winner), (2, winner)]


def test_two_processes_appending_at_any_version_both_land(db_url: str, engine: Engine) -> None:
    outcomes = race_processes(db_url, expected=ANY_VERSION)

    assert [kind for _, kind, _ in outcomes] == ["ok", "ok"]
    stored = EventStore(engine, FixedClock(NOW)).read_stream("feed-shared")
    assert [e.version for e in stored] == [1, 2, 3, 4]
    # Each writer's two events are contiguous: appends are atomic.
    assert stored[0].data["by"] == stored[1].data["by"] != stored[2].data["by"] == stored[3].data["by"]


def test_many_writers_at_once_lose_nothing(store: EventStore) -> None:
    def write(i: int) -> None:
        for n in range(20):
            store.append("busy", [NewEvent(type="test.noted", data={"writer": i, "n": n})])

    _, errors = racing(4, write)

    assert errors == []
    stored = store.read_stream("busy")
    assert [e.version for e in stored] == list(range(1, 81))
    assert sorted((e.data["writer"], e.data["n"]) for e in stored) == [(i, n) for i in range(4) for n in range(20)]


def test_two_writers_with_the_same_idempotency_key_record_it_once(store: EventStore) -> None:
    def write(i: int) -> bool:
        event = NewEvent(type="test.noted", data={"writer": i}, idempotency_key="article:abc")
        return store.append("article-abc", [event], expected_version=ANY_VERSION).duplicate

    duplicates, errors = racing(2, write)

    assert errors == []
    assert sorted(duplicates) == [False, True]
    assert store.count() == 1


def test_a_reader_following_positions_never_skips_an_event_that_committed_late(pg_url: str) -> None:
    """Two writers hold their transactions open after taking a position; a reader polls meanwhile.

    Were positions handed out without serialising appends, the writer that took a
    lower position but committed later would be skipped by the reader for ever.
    """
    engine = open_engine(pg_url, pool_size=5)
    from monitor.log.migrate import upgrade

    upgrade(engine)
    store = EventStore(engine, SteppingClock(NOW))
    done = threading.Event()
    seen: list[int] = []

    def write(i: int) -> None:
        for n in range(15):
            with write_transaction(engine) as conn:
                store.append_in(conn, f"writer-{i}", [NewEvent(type="test.noted", data={"n": n})])
                # Commit late: the other writer is trying to append meanwhile.
                time.sleep(0.01 if (n + i) % 2 else 0.03)

    def read() -> None:
        last = 0
        while True:
            finished = done.is_set()
            for event in store.read_all(after=last):
                seen.append(event.position)
                last = event.position
            if finished:
                return
            time.sleep(0.002)

    reader = threading.Thread(target=read)
    reader.start()
    _, errors = racing(2, write)
    done.set()
    reader.join()

    assert errors == []
    everything = [e.position for e in store.read_all()]
    assert len(everything) == 30
    assert seen == everything
    engine.dispose()


def test_threads_racing_on_a_new_stream_one_wins(store: EventStore) -> None:
    def write(i: int) -> int:
        event = NewEvent(type="test.noted", data={"writer": i})
        return store.append("fresh", [event], expected_version=0).version

    versions, errors = racing(3, write)

    assert versions == [1]
    assert len(errors) == 2 and all(isinstance(e, ConcurrencyError) for e in errors)
    assert store.count() == 1
