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
   Each is measured in 5 alternating rounds and the best round of each counts;
   the ratios are printed for wall-clock and for CPU time (steadier on a busy machine).
3. Replays 1,000,000 events in a child process and reports its peak RSS
   (VmHWM), with the peak before and after the first 100,000 to show it stays flat.
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
from typing import Any, NamedTuple

import orjson
from sqlalchemy import Connection

from monitor.clock import FixedClock
from monitor.log import EventStore, NewEvent, ProjectionRunner, RecordedEvent, open_engine
from monitor.log.migrate import upgrade

N_EVENTS = 100_000
BATCH = 1_000
N_BIG = 1_000_000
ROUNDS = 5
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


class Took(NamedTuple):
    """Seconds a run took on the wall clock and in CPU time (the latter shrugs off a busy machine)."""

    wall: float
    cpu: float


class Stopwatch:
    """Measures one run in wall-clock and CPU seconds."""

    def __enter__(self) -> Stopwatch:
        self._wall, self._cpu = time.perf_counter(), time.process_time()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.took = Took(time.perf_counter() - self._wall, time.process_time() - self._cpu)


def fill_store(path: Path, n: int, *, start: int = 0) -> Took:
    """Append n events through EventStore; return the time taken."""
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
    with Stopwatch() as watch:
        for number, batch in enumerate(batches):
            store.append(f"stream-{number}", batch, expected_version=0)
    engine.dispose()
    return watch.took


def raw_schema(store_db: Path) -> list[str]:
    """The DDL of the store's own tables, indexes and triggers, to give the raw run the same table."""
    con = sqlite3.connect(store_db)
    rows = con.execute(
        "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND tbl_name = 'events' ORDER BY rowid"
    ).fetchall()
    con.close()
    return [r[0] for r in rows]


def fill_raw(path: Path, ddl: list[str], n: int) -> Took:
    """Append n events with raw sqlite3 executemany; return the time taken."""
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
    with Stopwatch() as watch:
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
    con.close()
    return watch.took


def replay_store(path: Path) -> tuple[Took, int]:
    """Replay through a ProjectionRunner; return (time taken, events applied)."""
    engine = open_engine(f"sqlite:///{path}")
    upgrade(engine)
    projection = FoldProjection()
    runner = ProjectionRunner(EventStore(engine, FixedClock(NOW)), projection)
    with Stopwatch() as watch:
        applied = runner.rebuild()
    assert sum(projection.counts.values()) == applied
    engine.dispose()
    return watch.took, applied


def replay_raw(path: Path, loads: Any) -> tuple[Took, int]:
    """Read rows in position order, decode each payload, fold into a dict; return (time taken, rows)."""
    con = sqlite3.connect(path)
    latest: dict[str, Any] = {}
    counts: dict[str, int] = {}
    with Stopwatch() as watch:
        for _position, stream_id, type_, data in con.execute(
            "SELECT position, stream_id, type, data FROM events ORDER BY position"
        ):
            latest[stream_id] = loads(data)
            counts[type_] = counts.get(type_, 0) + 1
    con.close()
    return watch.took, sum(counts.values())


def peak_rss_mb() -> float:
    """This process's peak resident set size in MB.

    VmHWM from /proc (Linux) belongs to this program alone; ru_maxrss, the
    fallback, also counts the parent's size at fork, which is not what we ask.
    """
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child_replay(path: Path) -> None:
    """In a fresh process: replay the big log, print peak RSS (MB) before, after 100k events and at the end."""
    engine = open_engine(f"sqlite:///{path}")
    store = EventStore(engine, FixedClock(NOW))
    projection = FoldProjection()
    runner = ProjectionRunner(store, projection)
    store.last_position()  # connect and warm up before the first reading
    before = peak_rss_mb()
    marks: list[float] = []
    done = 0

    def progress(n: int) -> None:
        nonlocal done
        done += n
        if not marks and done >= 100_000:
            marks.append(peak_rss_mb())

    applied = runner.rebuild(progress=progress)
    peak = peak_rss_mb()
    print(json.dumps({"applied": applied, "rss_start_mb": before, "rss_100k_mb": marks[0], "rss_peak_mb": peak}))


def big_replay(folder: Path) -> dict[str, Any]:
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


def best(rounds: list[Took]) -> Took:
    """The fastest wall-clock and CPU time of several rounds: the least disturbed by the rest of the machine."""
    return Took(min(t.wall for t in rounds), min(t.cpu for t in rounds))


def report(what: str, ours: Took, raw: Took, raw_label: str) -> tuple[float, float]:
    """Print events/s of ours and of raw, with the ratios of their times; return both rates (wall clock)."""
    eps, raw_eps = N_EVENTS / ours.wall, N_EVENTS / raw.wall
    print(f"{what:7} trade-monitor          {eps:>10,.0f} events/s   (best of {ROUNDS} rounds)")
    print(
        f"{what:7} {raw_label:22} {raw_eps:>10,.0f} events/s   ours takes {ours.wall / raw.wall:.2f}x the raw "
        f"time on the wall clock, {ours.cpu / raw.cpu:.2f}x in CPU time"
    )
    return eps, raw_eps


def main() -> None:
    """Run the three measurements and print them; the last line is the JSON summary."""
    with tempfile.TemporaryDirectory(prefix="tm-bench-") as tmp:
        folder = Path(tmp)
        store_runs: list[Took] = []
        raw_runs: list[Took] = []
        # Rounds alternate between the two, each into new files, so drift hits both alike.
        for round_ in range(ROUNDS):
            store_db = folder / f"store-{round_}.db"
            store_runs.append(fill_store(store_db, N_EVENTS))
            raw_runs.append(fill_raw(folder / f"raw-{round_}.db", raw_schema(store_db), N_EVENTS))
        append_eps, raw_append_eps = report("append", best(store_runs), best(raw_runs), "raw sqlite3 + json")

        replay_runs: list[Took] = []
        raw_replay_runs: list[Took] = []
        orjson_replay_runs: list[Took] = []
        for _ in range(ROUNDS):
            took, applied = replay_store(folder / "store-0.db")
            raw_took, raw_rows = replay_raw(folder / "raw-0.db", json.loads)
            orjson_took, _ = replay_raw(folder / "raw-0.db", orjson.loads)
            assert applied == raw_rows == N_EVENTS, (applied, raw_rows)
            replay_runs.append(took)
            raw_replay_runs.append(raw_took)
            orjson_replay_runs.append(orjson_took)
        replay_eps, raw_replay_eps = report("replay", best(replay_runs), best(raw_replay_runs), "raw sqlite3 + json")
        report("replay", best(replay_runs), best(orjson_replay_runs), "raw sqlite3 + orjson")

        big = big_replay(folder)
        print(
            f"replay  1,000,000 events in a child process: {big['seconds']:.1f}s; peak RSS {big['rss_peak_mb']:.1f} MB "
            f"(before replaying: {big['rss_start_mb']:.1f} MB, after 100,000 events: {big['rss_100k_mb']:.1f} MB)"
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
