"""Bench: `outbox` (the newest 50 digests) on a log of 1,000 digests and on one of 20,000 (aim: flat).

The outbox is read from its projection's tables, so listing it should cost
the same however many digests the log holds. The baseline, measured in the
same run on the large log, is what `outbox` did before the projection: fold
every `digest.*` event of the log. The last line is one JSON object:
{"bench": "outbox", "small_s": ..., "large_s": ..., "scan_large_s": ...}.
"""

from __future__ import annotations

import datetime as dt
import json
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from monitor.clock import FixedClock
from monitor.digest import outbox
from monitor.events import decode_recorded
from monitor.events.digests import DigestDelivered, DigestFailed, DigestQueued
from monitor.log import EventStore, NewEvent, open_engine
from monitor.log.migrate import upgrade

SMALL = 1_000
LARGE = 20_000
ROUNDS = 5
NOW = dt.datetime(2025, 4, 2, 7, 0, tzinfo=dt.UTC)


def fill(store: EventStore, digests: int) -> None:
    """`digests` digests, each queued and delivered (one failure first for every tenth)."""
    for start in range(0, digests, 2000):
        batch: dict[str, list[NewEvent]] = {"subscription-desk": []}
        for i in range(start, min(start + 2000, digests)):
            queued = DigestQueued(
                digest_id=f"desk-{i}",
                subscription="desk",
                alert_keys=(f"k{i}",),
                through_position=i,
                recipients=("desk@example.org",),
                sender="monitor@example.org",
                subject=f"Desk: 1 new alert ({i})",
                text=f"A bench digest, number {i}.",
                html=f"<p>A bench digest, number {i}.</p>",
                message_id=f"<desk-{i}@example.org>",
                queued_at=NOW,
            )
            batch["subscription-desk"].append(NewEvent.of(queued))
            outcomes: list[NewEvent] = []
            if i % 10 == 0:
                failed = DigestFailed(
                    digest_id=f"desk-{i}",
                    method="smtp",
                    attempt=1,
                    failed_at=NOW,
                    reason="cannot reach mail server",
                    next_attempt_at=NOW,
                )
                outcomes.append(NewEvent.of(failed))
            attempt = len(outcomes) + 1
            outcomes.append(
                NewEvent.of(DigestDelivered(digest_id=f"desk-{i}", method="smtp", attempt=attempt, delivered_at=NOW))
            )
            batch[f"digest-desk-{i}"] = outcomes
        with store.recorder.writing() as conn:
            store.append_streams(conn, batch)


def scan(store: EventStore) -> int:
    """What `outbox` did before its projection: every digest event of the log, folded in memory."""
    status: dict[str, str] = {}
    types = [DigestQueued.NAME, DigestDelivered.NAME, DigestFailed.NAME]
    for recorded in store.read_all(types=types):
        event = decode_recorded(recorded)
        if isinstance(event, DigestQueued):
            status[event.digest_id] = "queued"
        elif isinstance(event, DigestDelivered):
            status[event.digest_id] = "delivered"
        elif isinstance(event, DigestFailed):
            status.setdefault(event.digest_id, "failed")
    return len(status)


def best(fn: Callable[[], object]) -> float:
    times = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times) if len(times) < 3 else statistics.median(times)


def log_of(folder: Path, digests: int) -> EventStore:
    engine = open_engine(f"sqlite:///{folder / f'log-{digests}.db'}")
    upgrade(engine)
    store = EventStore(engine, FixedClock(NOW))
    fill(store, digests)
    outbox.entries(store, limit=1)  # the projection catches up once, as the daemon's flushes keep it
    return store


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        small = log_of(Path(tmp), SMALL)
        large = log_of(Path(tmp), LARGE)
        newest = outbox.entries  # the query `outbox` runs: newest first, 50 at most
        small_s = best(lambda: newest(small, limit=50, newest_first=True))
        large_s = best(lambda: newest(large, limit=50, newest_first=True))
        scan_s = best(lambda: scan(large))
        print(f"outbox, {SMALL:>6} digests: {small_s * 1000:8.2f} ms")
        print(f"outbox, {LARGE:>6} digests: {large_s * 1000:8.2f} ms  ({large_s / small_s:.2f}x the small log)")
        print(f"baseline, every digest event of the large log folded: {scan_s * 1000:8.2f} ms")
        print(json.dumps({"bench": "outbox", "small_s": small_s, "large_s": large_s, "scan_large_s": scan_s}))


if __name__ == "__main__":
    main()
