"""How fast the event log appends and replays, against raw sqlite3 and raw psycopg on equivalent tables.

    python bench/log.py            # a few minutes; the last line is one JSON object

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
4. Verifies the SQLite log (`monitor.log.integrity.verify`: every chain link recomputed).
5. On PostgreSQL (`TRADE_MONITOR_TEST_PG`, by default postgres@127.0.0.1:5432/postgres;
   skipped, with the keys null, when no server answers), steps 1 and 2 again: through
   the store, and with raw psycopg on a schema the same migrations made (one
   transaction per batch, the stream's version read first, `executemany`, payloads
   encoded with the json module; the raw replay reads the rows in position order
   and decodes the payload text with the json module). Each side gets a new
   schema per round, dropped afterwards; the replays run after `ANALYZE`, as
   autovacuum would have run it on a log that grew.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

import orjson
from sqlalchemy import Connection, Engine, create_engine, text
from sqlalchemy.engine import make_url

from monitor.clock import FixedClock
from monitor.log import EventReader, EventStore, NewEvent, ProjectionRunner, RecordedEvent, open_engine
from monitor.log.integrity import verify
from monitor.log.migrate import upgrade

if TYPE_CHECKING:
    import psycopg

N_EVENTS = 100_000
BATCH = 1_000
N_BIG = 1_000_000
ROUNDS = 5
PG_URL = os.environ.get("TRADE_MONITOR_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
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


def fill_store(path: Path | str, n: int, *, start: int = 0) -> Took:
    """Append n events through EventStore (into a SQLite file, or a database URL); return the time taken."""
    engine = open_engine(path if isinstance(path, str) else f"sqlite:///{path}")
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


def replay_store(path: Path | str) -> tuple[Took, int]:
    """Replay through a ProjectionRunner (a SQLite file, or a database URL); return (time taken, events applied)."""
    engine = open_engine(path if isinstance(path, str) else f"sqlite:///{path}")
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


def verify_store(path: Path) -> tuple[Took, int]:
    """Verify the log's integrity (every chain link recomputed); return (time taken, events checked)."""
    engine = open_engine(f"sqlite:///{path}")
    with Stopwatch() as watch:
        found = verify(EventReader(engine))
    assert found.intact and found.events == N_EVENTS, found.to_json()
    engine.dispose()
    return watch.took, found.events


def pg_reason() -> str | None:
    """Why the PostgreSQL half cannot run here, or None when the server answers."""
    try:
        engine = create_engine(PG_URL, connect_args={"connect_timeout": 3})
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        engine.dispose()
    except Exception as exc:  # any failure to connect: the PostgreSQL figures are left out, and why is printed
        return f"{type(exc).__name__}: {exc}".splitlines()[0]
    return None


class PgSchemas:
    """New schemas on the PostgreSQL server, each with the log's tables made by the migrations; dropped at the end."""

    def __init__(self) -> None:
        self.admin: Engine = create_engine(PG_URL)
        self.names: list[str] = []

    def new(self) -> str:
        """The URL of a new schema holding the log's (empty) tables."""
        name = f"tm_bench_{uuid.uuid4().hex[:10]}"
        with self.admin.begin() as conn:
            conn.execute(text(f'CREATE SCHEMA "{name}"'))
        self.names.append(name)
        url = make_url(PG_URL).update_query_dict({"options": f"-csearch_path={name}"})
        engine = open_engine(url.render_as_string(hide_password=False))
        upgrade(engine)
        engine.dispose()
        return url.render_as_string(hide_password=False)

    def analyze(self, *urls: str) -> None:
        """Gather the planner's statistics on the events table of each schema."""
        for url in urls:
            engine = create_engine(url)
            with engine.begin() as conn:
                conn.execute(text("ANALYZE events"))
            engine.dispose()

    def drop(self) -> None:
        """Drop every schema made."""
        with self.admin.begin() as conn:
            for name in self.names:
                conn.execute(text(f'DROP SCHEMA "{name}" CASCADE'))
        self.admin.dispose()


@contextmanager
def raw_pg(url: str) -> Iterator[psycopg.Connection[Any]]:
    """A plain psycopg connection to the schema of `url` (SQLAlchemy's URL, libpq's terms)."""
    # Imported here, so the child that measures replay's memory does not carry the driver.
    import psycopg

    u = make_url(url)
    options = u.query.get("options")
    con = psycopg.connect(
        host=u.host,
        port=u.port,
        user=u.username,
        password=u.password,
        dbname=u.database,
        options=options if isinstance(options, str) else None,
        autocommit=True,
    )
    try:
        yield con
    finally:
        con.close()


def fill_raw_pg(url: str, n: int) -> Took:
    """Append n events with raw psycopg executemany, a transaction per batch; return the time taken."""
    batches = [[(KINDS[i % 4], payload(i), f"k-{i}") for i in range(b, b + BATCH)] for b in range(0, n, BATCH)]
    insert = (
        "INSERT INTO events (stream_id, version, type, schema_version, data, metadata, recorded_at, "
        "occurred_at, idempotency_key) VALUES (%s, %s, %s, 1, %s, %s, %s, NULL, %s)"
    )
    with raw_pg(url) as con, Stopwatch() as watch:
        for number, batch in enumerate(batches):
            stream = f"stream-{number}"
            with con.transaction(), con.cursor() as cur:
                cur.execute("SELECT max(version) FROM events WHERE stream_id = %s", (stream,))
                row = cur.fetchone()
                current = (row[0] if row else None) or 0
                cur.executemany(
                    insert,
                    [
                        (stream, current + j + 1, kind, json.dumps(data), json.dumps({"source": "bench"}), NOW, key)
                        for j, (kind, data, key) in enumerate(batch)
                    ],
                )
    return watch.took


def replay_raw_pg(url: str) -> tuple[Took, int]:
    """Read rows in position order, decode each payload's text, fold into a dict; return (time taken, rows)."""
    latest: dict[str, Any] = {}
    counts: dict[str, int] = {}
    with raw_pg(url) as con, Stopwatch() as watch, con.cursor() as cur:
        cur.execute("SELECT position, stream_id, type, data::text FROM events ORDER BY position")
        for _position, stream_id, type_, data in cur:
            latest[stream_id] = json.loads(data)
            counts[type_] = counts.get(type_, 0) + 1
    return watch.took, sum(counts.values())


def pg_figures() -> dict[str, Any]:
    """Append and replay on PostgreSQL, ours against raw psycopg, in alternating rounds; events/s of each."""
    schemas = PgSchemas()
    try:
        store_runs: list[Took] = []
        raw_runs: list[Took] = []
        store_urls: list[str] = []
        raw_urls: list[str] = []
        for _ in range(ROUNDS):
            store_urls.append(schemas.new())
            store_runs.append(fill_store(store_urls[-1], N_EVENTS))
            raw_urls.append(schemas.new())
            raw_runs.append(fill_raw_pg(raw_urls[-1], N_EVENTS))
        # What autovacuum does to a table that grew: without statistics the planner takes a
        # batch's range of positions for a few rows, and reads and sorts all of it every batch.
        schemas.analyze(store_urls[0], raw_urls[0])
        append_eps, raw_append_eps = report("append", best(store_runs), best(raw_runs), "raw psycopg + json", "pg")
        replay_runs: list[Took] = []
        raw_replay_runs: list[Took] = []
        for _ in range(ROUNDS):
            took, applied = replay_store(store_urls[0])
            raw_took, raw_rows = replay_raw_pg(raw_urls[0])
            assert applied == raw_rows == N_EVENTS, (applied, raw_rows)
            replay_runs.append(took)
            raw_replay_runs.append(raw_took)
        replay_eps, raw_replay_eps = report(
            "replay", best(replay_runs), best(raw_replay_runs), "raw psycopg + json", "pg"
        )
    finally:
        schemas.drop()
    return {
        "pg_append_eps": round(append_eps),
        "pg_raw_append_eps": round(raw_append_eps),
        "pg_replay_eps": round(replay_eps),
        "pg_raw_replay_eps": round(raw_replay_eps),
    }


def best(rounds: list[Took]) -> Took:
    """The fastest wall-clock and CPU time of several rounds: the least disturbed by the rest of the machine."""
    return Took(min(t.wall for t in rounds), min(t.cpu for t in rounds))


def report(what: str, ours: Took, raw: Took, raw_label: str, db: str = "sqlite") -> tuple[float, float]:
    """Print events/s of ours and of raw, with the ratios of their times; return both rates (wall clock)."""
    eps, raw_eps = N_EVENTS / ours.wall, N_EVENTS / raw.wall
    print(f"{db:6} {what:7} trade-monitor          {eps:>10,.0f} events/s   (best of {ROUNDS} rounds)")
    print(
        f"{db:6} {what:7} {raw_label:22} {raw_eps:>10,.0f} events/s   ours takes {ours.wall / raw.wall:.2f}x the raw "
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

        verify_took, _ = verify_store(folder / "store-0.db")
        verify_eps = N_EVENTS / verify_took.wall
        print(f"sqlite verify  trade-monitor          {verify_eps:>10,.0f} events/s   (every chain link recomputed)")

        big = big_replay(folder)
        print(
            f"sqlite replay  1,000,000 events in a child process: {big['seconds']:.1f}s; "
            f"peak RSS {big['rss_peak_mb']:.1f} MB "
            f"(before replaying: {big['rss_start_mb']:.1f} MB, after 100,000 events: {big['rss_100k_mb']:.1f} MB)"
        )
    reason = pg_reason()
    if reason is None:
        pg = pg_figures()
    else:
        print(f"pg     skipped: no PostgreSQL answers at {make_url(PG_URL).render_as_string()} ({reason})")
        pg = dict.fromkeys(("pg_append_eps", "pg_raw_append_eps", "pg_replay_eps", "pg_raw_replay_eps"))
    print(
        json.dumps(
            {
                "bench": "log",
                "append_eps": round(append_eps),
                "raw_append_eps": round(raw_append_eps),
                "replay_eps": round(replay_eps),
                "raw_replay_eps": round(raw_replay_eps),
                "replay_1m_peak_rss_mb": round(big["rss_peak_mb"], 1),
                "verify_eps": round(verify_eps),
                **pg,
            }
        )
    )


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--child-replay":
        child_replay(Path(sys.argv[2]))
    else:
        main()
