"""Requests per second and p95 latency of the measures page and the API's `as_of`, against a static file.

    python bench/web.py           # about a minute; the last line is one JSON object

A log of 100,000 measure events (100 per measure, so 1,000 measures over
500 days) is built in a temporary SQLite file with raw inserts, with the
measures projection caught up. `trade-monitor serve` runs on it in its own
process, on a free loopback port, and one client with a kept-alive
connection asks, one request at a time:

- `/` (the measures page, 50 rows of layers) and `/api/v1/measures` (100 measures),
- `/api/v1/measures?as_of=DAY` with a different day each time (the log replayed up
  to that day: the cold case), then the same day again and again (the warm case:
  the answer for a day and a log position is kept),
- `/static/style.css`, the baseline: what the server and the client cost alone.

Each figure is the best of three rounds (the machine is shared).
"""

from __future__ import annotations

import datetime as dt
import json
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import orjson
from sqlalchemy import insert

from monitor.log import open_engine
from monitor.log.schema import checkpoints
from monitor.measures.projection import NAME

sys.path.insert(0, str(Path(__file__).resolve().parent))
# bench/state.py writes the projection's tables as a caught-up projection holds them.
import state as state_bench

EVENTS = 100_000
PER_MEASURE = 100
DAYS = 500
DAY0 = state_bench.DAY0
ROUNDS = 3
CHUNK = 50_000
_INSERT = (
    "INSERT INTO events (stream_id, version, type, schema_version, data, metadata, recorded_at, occurred_at,"
    " idempotency_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


def target(m: int) -> str:
    """A made-up target code per measure."""
    return f"X{m:05d}"


def _event(m: int, n: int) -> tuple[Any, ...]:
    day = DAY0 + dt.timedelta(days=n)
    rate = float(10 + (m + n) % 40)
    data = {
        "measure_id": state_bench.row(m, n)["measure_id"],
        "imposer": "US",
        "target": target(m),
        "sector": ("steel", "autos", None)[m % 3],
        "layer": None,
        "kind": "tariff",
        "rate": rate,
        "previous_rate": None,
        "status": "in_effect",
        "until": None,
        "previous_until": None,
        "effective": None,
        "day": day.isoformat(),
        "evidence": {
            "article": f"art-{m}-{n}",
            "url": f"https://news.example/{m}/{n}",
            "sentence": f"Goods from {target(m)} pay {rate:g} percent, officials said.",
            "title": f"Report {n} on {target(m)}",
            "published": day.isoformat(),
        },
        "fact_position": 0,
    }
    kind = "measure.rate_recorded" if n == 0 else "measure.corroborated"
    occurred = dt.datetime.combine(day, dt.time()).isoformat(" ", "microseconds")
    stream = f"measure-{data['measure_id']}"
    return (stream, n + 1, kind, 1, orjson.dumps(data).decode(), "{}", occurred, occurred, None)


def build(path: Path) -> None:
    """A log of EVENTS measure events, and the measures projection (state and history) that follows from it.

    The projection's tables are written the way `bench/state.py` writes them (1,000 measures, a history row
    per news day), so the pages read what a caught-up projection holds; the events themselves are there for
    the measure pages' histories.
    """
    state_bench.build(path, PER_MEASURE)
    engine = open_engine(f"sqlite:///{path}")
    count = EVENTS // PER_MEASURE
    raw = engine.raw_connection()
    try:
        cursor = raw.cursor()
        cursor.execute("BEGIN")
        rows = [_event(m, n) for n in range(PER_MEASURE) for m in range(count)]
        for i in range(0, len(rows), CHUNK):
            cursor.executemany(_INSERT, rows[i : i + CHUNK])
        cursor.execute("COMMIT")
    finally:
        raw.close()
    with engine.begin() as conn:
        conn.execute(insert(checkpoints), [{"name": NAME, "position": EVENTS}])
    engine.dispose()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def measure(client: httpx.Client, paths: Callable[[int], str], n: int) -> tuple[float, float]:
    """(requests per second, p95 latency in ms) over `n` requests made one after another."""
    latencies = []
    start = time.perf_counter()
    for i in range(n):
        path = paths(i)
        t0 = time.perf_counter()
        response = client.get(path)
        latencies.append(time.perf_counter() - t0)
        if response.status_code != 200:
            raise SystemExit(f"{path}: {response.status_code} {response.text[:200]}")
    elapsed = time.perf_counter() - start
    return n / elapsed, statistics.quantiles(latencies, n=20)[18] * 1000


def best(client: httpx.Client, paths: Callable[[int], str], n: int) -> tuple[float, float]:
    """The best round of ROUNDS: highest rate, lowest p95."""
    rounds = [measure(client, paths, n) for _ in range(ROUNDS)]
    return max(r[0] for r in rounds), min(r[1] for r in rounds)


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "log.db"
        t0 = time.perf_counter()
        build(db)
        print(f"built a log of {EVENTS:,} measure events in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
        config = Path(folder) / "config.toml"
        config.write_text(f'[database]\nurl = "sqlite:///{db}"\n[daemon]\nlog_level = "warning"\n', encoding="utf-8")
        port = free_port()
        server = subprocess.Popen(
            [sys.executable, "-m", "monitor", "--config", str(config), "serve", "--port", str(port)],
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=120) as client:
                deadline = time.monotonic() + 30
                while True:
                    try:
                        client.get("/healthz")
                        break
                    except httpx.TransportError:
                        if time.monotonic() > deadline or server.poll() is not None:
                            raise SystemExit("the server did not start") from None
                        time.sleep(0.1)
                figures = run(client)
        finally:
            server.terminate()
            server.wait(timeout=30)
    for key, value in figures.items():
        print(f"{key:>24}: {value:,.1f}", file=sys.stderr)
    print(json.dumps({"bench": "web", **{k: round(v, 1) for k, v in figures.items()}}))


def run(client: httpx.Client) -> dict[str, float]:
    """Every figure of the bench."""
    static_rps, static_p95 = best(client, lambda i: "/static/style.css", 300)
    measures_rps, measures_p95 = best(client, lambda i: "/", 100)
    api_rps, api_p95 = best(client, lambda i: "/api/v1/measures", 100)
    t0 = time.perf_counter()
    client.get(f"/api/v1/measures?as_of={DAY0 + dt.timedelta(days=60)}")
    first_ms = (time.perf_counter() - t0) * 1000
    # A different day each request (the history table answers it; nothing is cached for it).
    days = iter([DAY0 + dt.timedelta(days=(7 + 3 * i) % PER_MEASURE) for i in range(ROUNDS * 40)])
    cold_rps, cold_p95 = best(client, lambda i: f"/api/v1/measures?as_of={next(days)}", 40)
    warm_rps, warm_p95 = best(client, lambda i: f"/api/v1/measures?as_of={DAY0 + dt.timedelta(days=60)}", 100)
    return {
        "measures_rps": measures_rps,
        "measures_p95_ms": measures_p95,
        "api_measures_rps": api_rps,
        "api_measures_p95_ms": api_p95,
        "as_of_rps": cold_rps,
        "as_of_p95_ms": cold_p95,
        "as_of_first_ms": first_ms,
        "as_of_same_day_rps": warm_rps,
        "as_of_same_day_p95_ms": warm_p95,
        "static_rps": static_rps,
        "static_p95_ms": static_p95,
    }


if __name__ == "__main__":
    main()
