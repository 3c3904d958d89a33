"""`rules test`: one rule run by the production engine on a scratch copy of the log, writing nothing to it.

The facts about days up to TO are copied into a temporary SQLite log, each on
the day it tells of (backfills and late articles included, as if read on that
day: the question is what the rule matches), where the production projection
decides them in news order, and silences on the day they were added. Day by day, with
a clock fixed on that day, the copy runs what the daemon runs: `evaluate_new`
at noon after the day's events, `tick` at the end of the day. Where either
could do nothing (no news that day; no pause end within the rule's reach)
it is not run: the daemon's would have changed nothing. The answer is the alerts the copy raised from FROM to TO, keyed
and deduplicated by the same code as production's.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine

from monitor.clock import FixedClock
from monitor.config import Settings
from monitor.events import decode_recorded
from monitor.events.alerts import AlertRaised
from monitor.events.facts import FactExtracted
from monitor.log.database import open_engine, write_transaction
from monitor.log.migrate import upgrade
from monitor.log.records import NewEvent, RecordedEvent
from monitor.log.store import EventReader, EventStore
from monitor.measures.replay import fact_day
from monitor.rules.api import Rule
from monitor.rules.deadlines import earliest_end, reach
from monitor.rules.loader import RuleSet
from monitor.rules.service import evaluate_new, read_alerts, tick
from monitor.rules.silences import STREAM as SILENCES
from monitor.rules.silences import read_silences
from monitor.rules.tables import TABLES

#: When, on each day, the copy evaluates that day's news, and when its clock ticks.
NEWS_AT = dt.time(12)
TICK_AT = dt.time(23, 59)


def dry_run(store: EventStore, rule: Rule, start: dt.date, end: dt.date, *, settings: Settings) -> list[AlertRaised]:
    """The alerts `rule` would have raised from `start` to `end` (both included), in the order raised."""
    stop = dt.datetime.combine(end + dt.timedelta(days=1), dt.time(), tzinfo=dt.UTC)
    news: dict[dt.date, list[RecordedEvent]] = defaultdict(list)
    for recorded in EventReader(store.engine).read_all(types=[FactExtracted.NAME]):
        fact = decode_recorded(recorded)
        assert isinstance(fact, FactExtracted)
        day = fact_day(recorded, fact)
        if day < stop.date():
            news[day].append(recorded)
    silences: dict[dt.date, list[NewEvent]] = defaultdict(list)
    for silence in read_silences(store):
        if silence.added_at.date() <= end:
            silences[silence.added_at.date()].append(NewEvent.of(silence, occurred_at=silence.added_at))
    ruleset = RuleSet(rules=(rule,), errors=(), files=())
    lookahead = dt.timedelta(days=max(reach([rule]), reach([rule], "tariff_expiring")))
    busy = sorted(set(news) | set(silences))
    with _scratch_log() as engine:
        day = min(busy[0], start) if busy else start
        while day <= end:
            noon = FixedClock(dt.datetime.combine(day, NEWS_AT, tzinfo=dt.UTC))
            copy = EventStore(engine, noon)
            with write_transaction(engine) as conn:
                for new in silences.get(day, []):
                    copy.append_in(conn, SILENCES, [new])
                # One batch per run of distinct streams: fewer round trips, the same order.
                batch: dict[str, list[NewEvent]] = {}
                for recorded in news.get(day, []):
                    if recorded.stream_id in batch:
                        copy.append_streams(conn, batch)
                        batch = {}
                    batch[recorded.stream_id] = [_as_news(recorded)]
                copy.append_streams(conn, batch)
            if day in news:
                evaluate_new(settings, copy, noon, rules=ruleset)
            nearest = _earliest_end(engine, day)
            if nearest is not None and nearest - lookahead <= day:
                late = FixedClock(dt.datetime.combine(day, TICK_AT, tzinfo=dt.UTC))
                tick(settings, EventStore(engine, late), late, rules=ruleset)
                nearest = _earliest_end(engine, day + dt.timedelta(days=1))
            day = _next_day(day, busy, nearest, lookahead, end)
        raised = read_alerts(EventStore(engine, FixedClock(dt.datetime.combine(end, TICK_AT, tzinfo=dt.UTC))))
    return [a for a in raised if start <= a.raised_at.date() <= end]


def _as_news(recorded: RecordedEvent) -> NewEvent:
    # Copied as recorded, but never as a backfill: the rule is asked what it matches.
    metadata = {k: v for k, v in recorded.metadata.items() if k != "catch_up"}
    return NewEvent(
        type=recorded.type,
        data=recorded.data,
        schema_version=recorded.schema_version,
        metadata=metadata,
        occurred_at=recorded.occurred_at,
    )


def _earliest_end(engine: Engine, after: dt.date) -> dt.date | None:
    with engine.connect() as conn:
        return earliest_end(conn, after)


def _next_day(
    day: dt.date, busy: list[dt.date], nearest: dt.date | None, lookahead: dt.timedelta, end: dt.date
) -> dt.date:
    # The next day on which news arrives or a watched pause end comes within reach;
    # on any day before it the daemon's tick would find nothing to do.
    after = day + dt.timedelta(days=1)
    candidates = [d for d in busy if d >= after][:1]
    if nearest is not None:
        candidates.append(max(after, nearest - lookahead))
    return min(candidates, default=end + dt.timedelta(days=1))


@contextmanager
def _scratch_log() -> Iterator[Engine]:
    with tempfile.TemporaryDirectory(prefix="trade-monitor-rules-test-") as folder:
        engine = open_engine(f"sqlite:///{Path(folder) / 'scratch.db'}")
        try:
            upgrade(engine)
            with write_transaction(engine) as conn:
                for table in TABLES:
                    table.create(conn, checkfirst=True)
            yield engine
        finally:
            engine.dispose()
