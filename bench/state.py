"""How long "what was in force on day D?" takes (`state --as-of`, the query in process) as the log grows.

    python bench/state.py          # a few minutes; the last line is one JSON object

Two logs of the same 1,000 measures, one of 10,000 measure events (10 news
days each) and one of 1,000,000 (1,000 news days each), are built in
temporary SQLite files. Deciding a million facts through the pipeline takes
far longer than the query it prepares, so the measures projection's tables
are written directly, by raw inserts: one `measure_history` row per measure
event (each on its own news day, the state as it stood at the end of it,
three pieces of evidence), and the `measure_states` rows the last day leaves.
`tests/measures/test_measures_history.py` checks, through the pipeline, that
the projection writes these rows and that the query answers what replaying
the log answers.

`monitor.measures.queries.states_as_of(engine, day)` is then timed for 25 days
spread over each log's range (a new day each time, so nothing is cached),
after one warm-up call; the median counts, and the p95 is printed too. The
figures are seconds per call.

The same two logs are then built on PostgreSQL (`TRADE_MONITOR_TEST_PG`, by
default postgres@127.0.0.1:5432/postgres; a new schema each, filled with
`COPY`, analysed, dropped afterwards) and timed the same way: `pg_small_s`,
`pg_large_s` (null when no server answers).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url

from monitor.log import open_engine
from monitor.log.migrate import upgrade
from monitor.measures.projection import MeasureProjection
from monitor.measures.queries import states_as_of
from monitor.measures.tables import measure_history, measures

MEASURES = 1_000
SMALL_DAYS = 10
LARGE_DAYS = 1_000
DAY0 = dt.date(2022, 1, 1)
CALLS = 25
CHUNK = 50_000
SECTORS = ("steel", "autos", None)
PG_URL = os.environ.get("TRADE_MONITOR_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")


def target(m: int) -> str:
    """A made-up target code per measure."""
    return f"X{m:05d}"


def row(m: int, n: int) -> dict[str, Any]:
    """Measure `m` at the end of its `n`-th news day: a rate that moves, a pause now and then."""
    day = DAY0 + dt.timedelta(days=n)
    rate = float(10 + (m + n) % 40)
    paused = n % 7 == 3
    sector = SECTORS[m % 3]
    mid = f"US:{target(m)}:{sector or '*'}"
    return {
        "measure_id": mid,
        "day": day.isoformat(),
        "group_key": mid,
        "imposer": "US",
        "target": target(m),
        "sector": sector,
        "layer": None,
        "rate": rate,
        "previous_rate": float(10 + (m + n - 1) % 40) if n else None,
        "threatened_rate": None,
        "status": "paused" if paused else "in_effect",
        "pause_until": (day + dt.timedelta(days=3)).isoformat() if paused else None,
        # One history row in eleven gives its tariff an end date, so the column holds values as in use.
        "expires": (day + dt.timedelta(days=90)).isoformat() if n % 11 == 5 else None,
        "effective": None,
        "first_seen": DAY0.isoformat(),
        "last_seen": day.isoformat(),
        "sources": 1 + n % 3,
        "official": n % 5 == 0,
        "confidence": 0.9,
        "unconfirmed_rate": None,
        "unconfirmed_outlet": None,
        "voices": json.dumps([[f"feed:outlet{k}", f"goods from {target(m).lower()} pay {rate:g}%"] for k in range(2)]),
        "evidence": json.dumps(
            [
                {
                    "article": f"art-{m}-{k}",
                    "url": f"https://news.example/{m}/{k}",
                    "sentence": f"Goods from {target(m)} pay {rate:g} percent, officials said.",
                    "title": f"Report {k} on {target(m)}",
                    "published": (day - dt.timedelta(days=k)).isoformat(),
                }
                for k in range(3)
            ]
        ),
    }


def _insert_sql(table: str, columns: list[str]) -> str:
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})"


def build(path: Path, days: int) -> None:
    """The measures projection's tables for MEASURES measures over `days` news days, by raw inserts."""
    engine = open_engine(f"sqlite:///{path}")
    upgrade(engine)
    with engine.begin() as conn:
        MeasureProjection().create(conn)
    history = [c.name for c in measure_history.columns]
    states = [c.name for c in measures.columns]
    raw = engine.raw_connection()
    try:
        cursor = raw.cursor()
        cursor.execute("BEGIN")
        batch: list[tuple[Any, ...]] = []
        for r in rows_in_order(days):
            batch.append(tuple(r[c] for c in history))
            if len(batch) >= CHUNK:
                cursor.executemany(_insert_sql(measure_history.name, history), batch)
                batch = []
        if batch:
            cursor.executemany(_insert_sql(measure_history.name, history), batch)
        last = [row(m, days - 1) for m in range(MEASURES)]
        cursor.executemany(_insert_sql(measures.name, states), [tuple(r[c] for c in states) for r in last])
        cursor.execute("COMMIT")
        cursor.execute("ANALYZE")
    finally:
        raw.close()
    engine.dispose()


def rows_in_order(days: int) -> Iterator[dict[str, Any]]:
    """The history rows, day after day, as the projection writes them while the news comes in."""
    for n in range(days):
        for m in range(MEASURES):
            yield row(m, n)


def build_pg(url: str, days: int) -> None:
    """The same tables on PostgreSQL, filled with COPY."""
    engine = open_engine(url)
    upgrade(engine)
    with engine.begin() as conn:
        MeasureProjection().create(conn)
    raw = engine.raw_connection()
    try:
        cursor: Any = raw.cursor()
        for table, rows in (
            (measure_history, rows_in_order(days)),
            (measures, (row(m, days - 1) for m in range(MEASURES))),
        ):
            columns = [c.name for c in table.columns]
            with cursor.copy(f"COPY {table.name} ({', '.join(columns)}) FROM STDIN") as copy:
                for r in rows:
                    copy.write_row(tuple(r[c] for c in columns))
        raw.commit()
        # As autovacuum would have left a log that grew (VACUUM runs outside a transaction).
        driver: Any = raw.driver_connection
        driver.autocommit = True
        driver.execute("VACUUM ANALYZE measure_history")
        driver.execute("VACUUM ANALYZE measure_states")
    finally:
        raw.close()
    engine.dispose()


def pg_reason() -> str | None:
    """Why the PostgreSQL figures are skipped, or None when the server answers."""
    try:
        engine = create_engine(PG_URL, connect_args={"connect_timeout": 3})
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        engine.dispose()
    except Exception as exc:  # any failure to connect means: skip, and say why
        return f"{type(exc).__name__}"
    return None


def pg_figures(days: int) -> tuple[float, float]:
    """Build on PostgreSQL in a schema of its own, time it, drop the schema."""
    admin: Engine = create_engine(PG_URL)
    schema = f"bench_state_{uuid.uuid4().hex[:10]}"
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        url = make_url(PG_URL).update_query_dict({"options": f"-csearch_path={schema}"})
        rendered = url.render_as_string(hide_password=False)
        t0 = time.perf_counter()
        build_pg(rendered, days)
        print(f"pg {MEASURES * days:,}: built in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
        return timed(rendered, days)
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def timed(url: str, days: int) -> tuple[float, float]:
    """(median, p95) seconds of `states_as_of` for CALLS days spread over the log's range."""
    engine = open_engine(url)
    try:
        span = [DAY0 + dt.timedelta(days=n) for n in range(days + 5)]
        picks = random.Random(11).sample(span, min(CALLS, len(span)))
        while len(picks) < CALLS:
            picks.append(span[len(picks) % len(span)])
        found = states_as_of(engine, span[-1])
        assert len(found) == MEASURES, f"{len(found)} measures, expected {MEASURES}"
        latencies = []
        for day in picks:
            t0 = time.perf_counter()
            states_as_of(engine, day)
            latencies.append(time.perf_counter() - t0)
        return statistics.median(latencies), statistics.quantiles(latencies, n=20)[18]
    finally:
        engine.dispose()


def main() -> None:
    figures: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as folder:
        for name, days in (("small", SMALL_DAYS), ("large", LARGE_DAYS)):
            path = Path(folder) / f"{name}.db"
            t0 = time.perf_counter()
            build(path, days)
            # The build's writes reach the disk before the clock starts, not while it runs.
            os.sync()
            events = MEASURES * days
            print(f"{name}: built {events:,} measure events in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
            median, p95 = timed(f"sqlite:///{path}", days)
            print(f"{name}: states_as_of median {median * 1000:.1f} ms, p95 {p95 * 1000:.1f} ms", file=sys.stderr)
            figures[f"{name}_s"] = median
            figures[f"{name}_p95_s"] = p95
    ratio = figures["large_s"] / figures["small_s"]
    print(f"large / small: {ratio:.2f}", file=sys.stderr)
    pg: dict[str, float | None] = {"pg_small_s": None, "pg_large_s": None}
    reason = pg_reason()
    if reason is None:
        for name, days in (("small", SMALL_DAYS), ("large", LARGE_DAYS)):
            median, p95 = pg_figures(days)
            print(f"pg {name}: states_as_of median {median * 1000:.1f} ms, p95 {p95 * 1000:.1f} ms", file=sys.stderr)
            pg[f"pg_{name}_s"] = round(median, 4)
    else:
        print(f"pg skipped: no PostgreSQL answers at {make_url(PG_URL).render_as_string()} ({reason})", file=sys.stderr)
    print(
        json.dumps(
            {
                "bench": "state",
                "small_s": round(figures["small_s"], 4),
                "large_s": round(figures["large_s"], 4),
                "small_p95_s": round(figures["small_p95_s"], 4),
                "large_p95_s": round(figures["large_p95_s"], 4),
                "ratio": round(ratio, 2),
                **pg,
            }
        )
    )


if __name__ == "__main__":
    main()
