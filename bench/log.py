"""How fast the event log appends and replays, against raw sqlite3 on an equivalent table.

    python bench/log.py            # about a minute; the last line is one JSON object

1. Appends 100,000 events in batches of 1,000 into a SQLite file through
   `EventStore.append` (one stream per batch, an idempotency key per event),
   and the same rows with raw `sqlite3` `executemany` into a second file with
   the very same tables, indexes and triggers (one transaction per batch, the
   stream's version read first, payloads encoded with the json module).
2. Replays them: through a `ProjectionRunner` into a projection that folds each
   event into a dict, and with a raw sqlite3 loop that reads every row in
   position order, decodes its JSON payload with the stdlib json module and
   folds it into a dict. (A raw loop with orjson is printed too, for reference.)
3. Replays 1,000,000 events in a child process and reports its peak RSS
   (ru_maxrss), with the peak after the first 100,000 to show it stays flat.
"""

from __future__ import annotations

import datetime as dt
import json
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import orjson
from sqlalchemy import Connection

from monitor.clock import FixedClock
from monitor.log import EventStore, NewEvent, ProjectionRunner, RecordedEvent, open_engine
from monitor.log.migrate import upgrade

N_EVENTS = 100_000
BATCH = 1_000
N_BIG = 1_000_000
NOW = dt.datetime(2025, 4, 2, 12, 0, tzinfo=dt.UTC)
KINDS = ("tariff.imposed", "tariff.raised", "tariff.paused", "talks.started")


def payload(i: int) -> dict[str, Any]:
    """A payload of the size and shape of an extracted fact."""
    return {
        "article_id": f"art-{i // 7:07d}",
        "kind": KINDS[i % 4],
        "imposer": "US",
        "targets": ["CN", "MX"] if i % 3 else ["EU"],
        "sector": "steel" if i % 2 else None,
        "rate": 10.0 + i % 40,
        "until": "2025-07-09",
        "evidence": f"Officials said duty number {i} would apply to listed goods from the ninth of July.",
    }


class FoldProjection:
    """Folds every event into a dict in memory: the latest payload per stream and a count per type."""

    name = "bench-fold"
    types: frozenset[str] | None = None

    def __init__(self) -> None:
        self.latest: dict[str, dict[str, Any]] = {}
        self.counts: dict[str, int] = {}

    def create(self, conn: Connection) -> None:
        """Nothing to create: the fold lives in memory."""

    def drop(self, conn: Connection) -> None:
        """Forget the fold."""
        self.latest.clear()
        self.counts.clear()

    def apply(self, conn: Connection, event: RecordedEvent) -> None:
        """Fold one event."""
        self.latest[event.stream_id] = event.data
        self.counts[event.type] = self.counts.get(event.type, 0) + 1


def fill_store(path: Path, n: int, *, start: int = 0) -> float:
    """Append n events through EventStore; return the seconds taken."""
    engine = open_engine(f"sqlite:///{path}")
    upgrade(engine)
    store = EventStore(engine, FixedClock(NOW))
    batches = [
        [
            NewEvent(type=KINDS[i % 4], data=payload(i), metadata={"source": "bench"}, idempotency_key=f"k-{i}")
            for i in range(b, b + BATCH)
        ]
        for b in range(start, start + n, BATCH)
    ]
    began = time.perf_counter()
    for number, batch in enumerate(batches):
        store.append(f"stream-{number}", batch, expected_version=0)
    took = time.perf_counter() - began
    engine.dispose()
    return took


def raw_schema(store_db: Path) -> list[str]:
    """The DDL of the store's own tables, indexes and triggers, to give the raw run the same table."""
    con = sqlite3.connect(store_db)
    rows = con.execute(
        "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND tbl_name = 'events' ORDER BY rowid"
    ).fetchall()
    con.close()
    return [r[0] for r in rows]


def fill_raw(path: Path, ddl: list[str], n: int) -> float:
    """Append n events with raw sqlite3 executemany; return the seconds taken."""
    con = sqlite3.connect(path, isolation_level=None)
    con.execute("PRAGMA journal_mode = WAL")
    con.execute("PRAGMA synchronous = NORMAL")
    for statement in ddl:
        con.execute(statement)
    recorded_at = NOW.strftime("%Y-%m-%d %H:%M:%S.%f")
    batches = [[(KINDS[i % 4], payload(i), f"k-{i}") for i in range(b, b + BATCH)] for b in range(0, n, BATCH)]
    insert = (
        "INSERT INTO events (stream_id, version, type, schema_version, data, metadata, recorded_at, "
        "occurred_at, idempotency_key) VALUES (?, ?, ?, 1, ?, ?, ?, NULL, ?)"
    )
    began = time.perf_counter()
    for number, batch in enumerate(batches):
        stream = f"stream-{number}"
        con.execute("BEGIN IMMEDIATE")
        current = con.execute("SELECT max(version) FROM events WHERE stream_id = ?", (stream,)).fetchone()[0] or 0
        con.executemany(
            insert,
            [
                (stream, current + j + 1, kind, json.dumps(data), json.dumps({"source": "bench"}), recorded_at, key)
                for j, (kind, data, key) in enumerate(batch)
            ],
        )
        con.execute("COMMIT")
    took = time.perf_counter() - began
    con.close()
    return took


def replay_store(path: Path) -> tuple[float, int]:
    """Replay through a ProjectionRunner; return (seconds, events applied)."""
    engine = open_engine(f"sqlite:///{path}")
    upgrade(engine)
    projection = FoldProjection()
    runner = ProjectionRunner(EventStore(engine, FixedClock(NOW)), projection)
    began = time.perf_counter()
    applied = runner.rebuild()
    took = time.perf_counter() - began
    assert sum(projection.counts.values()) == applied
    engine.dispose()
    return took, applied


def replay_raw(path: Path, loads: Any) -> tuple[float, int]:
    """Read rows in position order, decode each payload, fold into a dict; return (seconds, rows)."""
    con = sqlite3.connect(path)
    latest: dict[str, Any] = {}
    counts: dict[str, int] = {}
    began = time.perf_counter()
    for _position, stream_id, type_, data in con.execute(
        "SELECT position, stream_id, type, data FROM events ORDER BY position"
    ):
        latest[stream_id] = loads(data)
        counts[type_] = counts.get(type_, 0) + 1
    took = time.perf_counter() - began
    con.close()
    return took, sum(counts.values())


def child_replay(path: Path) -> None:
    """In a fresh process: replay the big log, print peak RSS (MB) after 100k events and at the end."""
    engine = open_engine(f"sqlite:///{path}")
    store = EventStore(engine, FixedClock(NOW))
    projection = FoldProjection()
    runner = ProjectionRunner(store, projection)
    marks: list[float] = []
    done = 0

    def progress(n: int) -> None:
        nonlocal done
        done += n
        if not marks and done >= 100_000:
            marks.append(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)

    applied = runner.rebuild(progress=progress)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"applied": applied, "rss_100k_mb": marks[0], "rss_peak_mb": peak}))


def big_replay(folder: Path, ddl: list[str]) -> dict[str, Any]:
    """Write 1,000,000 events (raw, same schema, stamped as ours) and replay them in a child."""
    path = folder / "big.db"
    # The store fills the schema and its revision stamp; raw inserts add the bulk quickly.
    fill_store(path, BATCH, start=0)
    con = sqlite3.connect(path, isolation_level=None)
    insert = (
        "INSERT INTO events (stream_id, version, type, schema_version, data, metadata, recorded_at, "
        "occurred_at, idempotency_key) VALUES (?, ?, ?, 1, ?, '{}', '2025-04-02 12:00:00.000000', NULL, NULL)"
    )
    for b in range(BATCH, N_BIG, 10 * BATCH):
        con.execute("BEGIN")
        con.executemany(
            insert,
            [
                (f"big-{b}", j + 1, KINDS[i % 4], orjson.dumps(payload(i)).decode())
                for j, i in enumerate(range(b, min(b + 10 * BATCH, N_BIG)))
            ],
        )
        con.execute("COMMIT")
    con.close()
    began = time.perf_counter()
    out = subprocess.run(
        [sys.executable, __file__, "--child-replay", str(path)], check=True, capture_output=True, text=True
    )
    took = time.perf_counter() - began
    result: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    result["seconds"] = took
    return result


def main() -> None:
    """Run the three measurements and print them; the last line is the JSON summary."""
    with tempfile.TemporaryDirectory(prefix="tm-bench-") as tmp:
        folder = Path(tmp)
        store_db, raw_db = folder / "store.db", folder / "raw.db"
        store_s = fill_store(store_db, N_EVENTS)
        raw_s = fill_raw(raw_db, raw_schema(store_db), N_EVENTS)
        append_eps, raw_append_eps = N_EVENTS / store_s, N_EVENTS / raw_s
        print(f"append  EventStore      {append_eps:>10,.0f} events/s")
        print(
            f"append  raw sqlite3     {raw_append_eps:>10,.0f} events/s   "
            f"raw/store = {raw_append_eps / append_eps:.2f}x"
        )

        replay_s, applied = replay_store(store_db)
        raw_replay_s, raw_rows = replay_raw(raw_db, json.loads)
        orjson_replay_s, _ = replay_raw(raw_db, orjson.loads)
        assert applied == raw_rows == N_EVENTS, (applied, raw_rows)
        replay_eps, raw_replay_eps = N_EVENTS / replay_s, N_EVENTS / raw_replay_s
        print(f"replay  ProjectionRunner {replay_eps:>9,.0f} events/s")
        print(
            f"replay  raw sqlite3+json {raw_replay_eps:>9,.0f} events/s   "
            f"raw/store = {raw_replay_eps / replay_eps:.2f}x"
        )
        print(
            f"replay  raw sqlite3+orjson {N_EVENTS / orjson_replay_s:>7,.0f} events/s   "
            f"raw/store = {replay_s and (N_EVENTS / orjson_replay_s) / replay_eps:.2f}x (reference)"
        )

        big = big_replay(folder, raw_schema(store_db))
        print(
            f"replay 1,000,000 events in a child: {big['seconds']:.1f}s, peak RSS {big['rss_peak_mb']:.1f} MB "
            f"(after the first 100,000: {big['rss_100k_mb']:.1f} MB)"
        )
    print(
        json.dumps(
            {
                "bench": "log",
                "append_eps": round(append_eps),
                "raw_append_eps": round(raw_append_eps),
                "replay_eps": round(replay_eps),
                "raw_replay_eps": round(raw_replay_eps),
                "replay_1m_peak_rss_mb": round(big["rss_peak_mb"], 1),
            }
        )
    )


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--child-replay":
        child_replay(Path(sys.argv[2]))
    else:
        main()
