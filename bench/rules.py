"""How the cost of evaluating new events and a tick grows with the size of the log.

    python bench/rules.py           # a few minutes; the last line is one JSON object

Two logs in temporary SQLite files, one of 10,000 and one of 1,000,000
measure events (100 per measure, so 100 and 10,000 measures), built fast with
raw `executemany` into the events table plus the measures projection's rows
(a state per measure and the 100 facts it was decided from, in
`measure_facts`), an open-pause index with the same 50 pauses near their end,
and the checkpoints of the measures projection and the rules subscription at
the end of the log. On each, 1,000 new facts are appended (corroborations, rate
changes, new measures, and one in a hundred a late article about an early day,
which makes its measure be decided again from its 100 facts) and the time of `evaluate_new` (decide them, run
every rule on the resulting events, append the alerts) plus one `tick` is
measured, best of three rounds with fresh facts each (the machine is shared).
The aim is a ratio large/small of at most 1.5: neither grows with the size of
the log.
"""

from __future__ import annotations

import datetime as dt
import tempfile
import time
from pathlib import Path
from typing import Any

import orjson
from sqlalchemy import Engine, insert

from monitor.clock import FixedClock
from monitor.config import parse_settings
from monitor.events.facts import FactExtracted
from monitor.log import EventStore, NewEvent, open_engine
from monitor.log.migrate import upgrade
from monitor.log.schema import checkpoints
from monitor.measures.projection import NAME as MEASURES
from monitor.measures.tables import TABLES as MEASURE_TABLES
from monitor.measures.tables import measure_facts, measures
from monitor.rules.loader import load_rules
from monitor.rules.service import evaluate_new, read_alerts, tick
from monitor.rules.tables import TABLES as RULE_TABLES
from monitor.rules.tables import deadlines

PER_MEASURE = 100
NEW_FACTS = 1_000
PAUSES = 50
#: Each size is timed this many times (fresh facts each time) and the best kept: the machine is shared.
REPEATS = 3
NOW = dt.datetime(2025, 6, 1, 12, 0, tzinfo=dt.UTC)
DAY0 = dt.date(2024, 1, 1)
CHUNK = 50_000
_INSERT = (
    "INSERT INTO events (stream_id, version, type, schema_version, data, metadata, recorded_at, occurred_at,"
    " idempotency_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


def _time(value: dt.datetime) -> str:
    return value.replace(tzinfo=None).isoformat(" ", "microseconds")


def target(m: int) -> str:
    """A made-up target code per measure."""
    return f"X{m:05d}"


def _event(m: int, n: int) -> tuple[Any, ...]:
    day = DAY0 + dt.timedelta(days=n % 500)
    rate = float(10 + m % 40)
    data = {
        "measure_id": f"US:{target(m)}:*",
        "imposer": "US",
        "target": target(m),
        "sector": None,
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
            "url": None,
            "sentence": f"Goods from {target(m)} pay {rate:g} percent, officials said again.",
            "title": None,
            "published": day.isoformat(),
        },
        "fact_position": 0,
    }
    kind = "measure.rate_recorded" if n == 0 else "measure.corroborated"
    occurred = _time(dt.datetime.combine(day, dt.time()))
    return (
        f"measure-US:{target(m)}:*",
        n + 1,
        kind,
        1,
        orjson.dumps(data).decode(),
        b'{"causation":0}'.decode(),
        occurred,
        occurred,
        f"decide:b{m}:{n}",
    )


def _fact_row(m: int, n: int) -> dict[str, Any]:
    # The fact a prebuilt measure event was decided from, as the projection keeps it.
    day = DAY0 + dt.timedelta(days=n % 500)
    rate = float(10 + m % 40)
    fact = FactExtracted(
        article_id=f"art-{m}-{n}",
        kind="tariff",
        imposer="US",
        targets=(target(m),),
        sector=None,
        rate=rate,
        until=None,
        effective=None,
        status="in_effect",
        evidence=f"Goods from {target(m)} pay {rate:g} percent, officials said again.",
        published=day,
    )
    statement = {"fact": fact.to_data(), "outlet": f"feed:f{n % 7}", "official": False, "parties": []}
    return {
        "position": -(m * PER_MEASURE + n + 1),  # not a log position of a fact: these facts are not in the log
        "slot": 0,
        "group_key": f"US:{target(m)}:*",
        "day": day,
        "article_id": f"art-{m}-{n}",
        "target": target(m),
        "statement": statement,
    }


def build(path: Path, total: int) -> Engine:
    """A log of `total` measure events with its projections caught up, built with raw inserts."""
    engine = open_engine(f"sqlite:///{path}")
    upgrade(engine)
    count = total // PER_MEASURE
    raw = engine.raw_connection()
    try:
        cursor = raw.cursor()
        cursor.execute("BEGIN")
        rows: list[tuple[Any, ...]] = []
        for m in range(count):
            for n in range(PER_MEASURE):
                rows.append(_event(m, n))
            if len(rows) >= CHUNK:
                cursor.executemany(_INSERT, rows)
                rows.clear()
        if rows:
            cursor.executemany(_INSERT, rows)
        cursor.execute("COMMIT")
    finally:
        raw.close()
    last_day = DAY0 + dt.timedelta(days=499)
    with engine.begin() as conn:
        for table in (*MEASURE_TABLES, *RULE_TABLES):
            table.create(conn, checkfirst=True)
        state_rows = []
        fact_rows: list[dict[str, Any]] = []
        for m in range(count):
            paused = m < PAUSES
            state_rows.append(
                {
                    "measure_id": f"US:{target(m)}:*",
                    "group_key": f"US:{target(m)}:*",
                    "imposer": "US",
                    "target": target(m),
                    "sector": None,
                    "layer": None,
                    "rate": float(10 + m % 40),
                    "previous_rate": None,
                    "threatened_rate": None,
                    "status": "paused" if paused else "in_effect",
                    "pause_until": NOW.date() + dt.timedelta(days=1 + m % 20) if paused else None,
                    "effective": None,
                    "first_seen": DAY0,
                    "last_seen": last_day,
                    "sources": 3,
                    "official": False,
                    "confidence": 1.0,
                    "unconfirmed_rate": None,
                    "unconfirmed_outlet": None,
                    "voices": [[f"feed:f{n}", f"goods from {target(m)} pay {n}"] for n in range(3)],
                    "evidence": [{"article": f"art-{m}-0", "url": None, "sentence": "Earlier report."}],
                }
            )
            fact_rows.extend(_fact_row(m, n) for n in range(PER_MEASURE))
            if len(state_rows) >= CHUNK // PER_MEASURE:
                conn.execute(insert(measures), state_rows)
                conn.execute(insert(measure_facts), fact_rows)
                state_rows.clear()
                fact_rows.clear()
        if state_rows:
            conn.execute(insert(measures), state_rows)
            conn.execute(insert(measure_facts), fact_rows)
        conn.execute(
            insert(deadlines),
            [
                {
                    "measure_id": f"US:{target(m)}:*",
                    "until": NOW.date() + dt.timedelta(days=1 + m % 20),
                    "fired": [],
                    "quiet_before": None,
                }
                for m in range(PAUSES)
            ],
        )
        conn.execute(insert(checkpoints), [{"name": MEASURES, "position": total}, {"name": "rules", "position": total}])
    return engine


def new_facts(store: EventStore, measures_count: int, rep: int) -> None:
    """1,000 facts on existing measures (same rate, a new rate) and on new targets."""
    day = NOW.date() + dt.timedelta(days=rep)
    for i in range(rep * NEW_FACTS, (rep + 1) * NEW_FACTS):
        m = (i * 7919) % measures_count
        rate = float(10 + m % 40)
        published = day
        if i % 100 == 50:
            code, value = target(m), rate + 1
            published = DAY0 + dt.timedelta(days=3)  # a late article: its measure is decided again
        elif i % 10 == 9:
            code, value = f"N{i:06d}", 12.0
        elif i % 3 == 0:
            code, value = target(m), rate + 5 + i
        else:
            code, value = target(m), rate
        fact = FactExtracted(
            article_id=f"new-{i}",
            kind="tariff",
            imposer="US",
            targets=(code,),
            sector=None,
            rate=value,
            until=None,
            effective=None,
            status="in_effect",
            evidence=f"Goods from {code} now pay {value:g} percent, the notice said.",
            published=published,
            feed=f"feed-{i % 13}",
        )
        store.append(f"article-new-{i}", [NewEvent.of(fact, idempotency_key=f"fact:new-{i}")])


def measure(total: int, folder: Path) -> tuple[float, int, float]:
    """(seconds to build, alerts raised, best seconds for evaluate_new + tick) on a log of `total` events."""
    started = time.perf_counter()
    engine = build(folder / f"log-{total}.db", total)
    built = time.perf_counter() - started
    clock = FixedClock(NOW)
    store = EventStore(engine, clock)
    settings = parse_settings("[rules]\npause_expiring_days = [14, 7, 1]\n", source=folder / "config.toml")
    rules = load_rules(settings)
    took = float("inf")
    for rep in range(REPEATS):
        new_facts(store, total // PER_MEASURE, rep)
        clock = FixedClock(NOW + dt.timedelta(days=rep))
        started = time.perf_counter()
        evaluate_new(settings, store, clock, rules=rules)
        tick(settings, store, clock, rules=rules)
        took = min(took, time.perf_counter() - started)
    raised = len(read_alerts(store))
    engine.dispose()
    return built, raised, took


def main() -> None:
    """Run both sizes and print them side by side; the last line is the JSON summary."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "rules").mkdir()
        measure(2_000, folder)  # warm-up: imports and compiled statements, so neither size pays for them
        small_built, small_alerts, small = measure(10_000, folder)
        print(
            f"small log:    10,000 measure events, built in {small_built:6.1f} s; "
            f"1,000 new facts + tick: {small:6.2f} s ({small_alerts} alerts)"
        )
        large_built, large_alerts, large = measure(1_000_000, folder)
        print(
            f"large log: 1,000,000 measure events, built in {large_built:6.1f} s; "
            f"1,000 new facts + tick: {large:6.2f} s ({large_alerts} alerts)"
        )
        print(f"ratio large/small: {large / small:.2f} (aim: at most 1.5)")
    figures = {"bench": "rules", "small_log_s": round(small, 3), "large_log_s": round(large, 3)}
    figures["ratio"] = round(large / small, 3)  # the figure the aim is set on (at most 1.5)
    print(orjson.dumps(figures).decode())


if __name__ == "__main__":
    main()
