"""The measures projection: decides new facts into measure events and folds those into state rows.

It reads `fact.extracted` and the measure events. A fact is decided against
the state rows, its measure events are appended in the projection's own
transaction (idempotency key `decide:<fact position>:<n>`) and folded at
once, so the next fact of the same batch sees them; the checkpoint moves in
that same transaction, so every fact is decided exactly once. When the log
later hands the projection those measure events it skips them (their stream
version is already folded). On `rebuild` the facts already decided are not
decided again: the events the log holds are folded instead.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Connection, bindparam, insert, select, update

from monitor.clock import Clock, FixedClock
from monitor.events import decode_recorded
from monitor.events.facts import FactExtracted
from monitor.events.measures import ALL_TYPES, MEASURE_TYPES, MeasureEvent
from monitor.log.projection import ProjectionRunner
from monitor.log.records import NewEvent, RecordedEvent
from monitor.log.store import EventStore
from monitor.measures.decide import decide
from monitor.measures.fold import fold
from monitor.measures.layers import group_key
from monitor.measures.queries import row_to_state
from monitor.measures.state import MeasureState
from monitor.measures.tables import TABLES, measure_sources, measures

NAME = "measures"


def decide_key(position: int, n: int) -> str:
    """The idempotency key of the n-th measure event decided from the fact at `position`."""
    return f"decide:{position}:{n}"


def fact_day(event: RecordedEvent, fact: FactExtracted) -> dt.date:
    """The day a fact refers to: its article's publication date, else when it occurred, else when recorded."""
    if fact.published is not None:
        return fact.published
    return (event.occurred_at or event.recorded_at).date()


def _state_row(state: MeasureState, version: int) -> dict[str, Any]:
    return {
        "measure_id": state.measure_id,
        "group_key": group_key(state.imposer, state.target, state.sector),
        "imposer": state.imposer,
        "target": state.target,
        "sector": state.sector,
        "layer": state.layer,
        "rate": state.rate,
        "previous_rate": state.previous_rate,
        "threatened_rate": state.threatened_rate,
        "status": state.status,
        "pause_until": state.pause_until,
        "effective": state.effective,
        "first_seen": state.first_seen,
        "last_seen": state.last_seen,
        "sources": state.sources,
        "version": version,
        "evidence": [
            {
                "article": e.article,
                "url": e.url,
                "sentence": e.sentence,
                "title": e.title,
                "published": e.published.isoformat() if e.published else None,
            }
            for e in state.evidence
        ],
    }


# Built once: the projection runs them for every event it folds.
_ROW = select(measures).where(measures.c.measure_id == bindparam("mid"))
_SOURCE = select(measure_sources.c.article_id).where(
    measure_sources.c.measure_id == bindparam("mid"), measure_sources.c.article_id == bindparam("article")
)
_ADD_SOURCE = insert(measure_sources)
_ADD_ROW = insert(measures)
_SET_ROW = update(measures).where(measures.c.measure_id == bindparam("mid"))
#: `_fold` reads the row itself unless its caller already has.
_UNREAD: Any = object()


class MeasureProjection:
    """Facts -> measure events -> the `measures` table."""

    name = NAME
    types: frozenset[str] | None = frozenset({FactExtracted.NAME}) | MEASURE_TYPES

    def __init__(self, clock: Clock | None = None) -> None:
        # Without a clock (the `replay`/`rebuild` catalogue), decisions are recorded at the
        # time their fact was, so nothing here reads the wall clock.
        self.clock = clock

    def create(self, conn: Connection) -> None:
        """Create the tables if missing."""
        for table in TABLES:
            table.create(conn, checkfirst=True)

    def drop(self, conn: Connection) -> None:
        """Drop the tables."""
        for table in reversed(TABLES):
            table.drop(conn, checkfirst=True)

    def apply(self, conn: Connection, event: RecordedEvent) -> None:
        """Decide a fact, or fold a measure event not folded yet."""
        if event.type == FactExtracted.NAME:
            self._decide(conn, event)
            return
        decoded = decode_recorded(event)
        assert isinstance(decoded, MeasureEvent)
        row = conn.execute(_ROW, {"mid": decoded.measure_id}).first()
        if row is not None and event.version <= row.version:
            return
        self._fold(conn, decoded, event.version, row)

    def _decide(self, conn: Connection, event: RecordedEvent) -> None:
        store = EventStore(conn.engine, self.clock or FixedClock(event.recorded_at))
        if store.positions_by_key_prefix(f"decide:{event.position}:", limit=1, conn=conn):
            return  # decided before (a rebuild): the log's own measure events are folded as they come
        fact = decode_recorded(event)
        assert isinstance(fact, FactExtracted)
        day = fact_day(event, fact)
        decisions = decide(
            fact,
            position=event.position,
            day=day,
            standing=lambda key: [
                row_to_state(r) for r in conn.execute(select(measures).where(measures.c.group_key == key))
            ],
            counted=lambda mid, article: (
                conn.execute(
                    select(measure_sources.c.article_id).where(
                        measure_sources.c.measure_id == mid, measure_sources.c.article_id == article
                    )
                ).first()
                is not None
            ),
        )
        metadata: dict[str, Any] = {"causation": event.position, "article": fact.article_id}
        if event.metadata.get("catch_up"):
            metadata["catch_up"] = True
        occurred = dt.datetime.combine(day, dt.time(), tzinfo=dt.UTC)
        for n, decision in enumerate(decisions):
            result = store.append_in(
                conn,
                decision.stream_id,
                [
                    NewEvent.of(
                        decision.event,
                        idempotency_key=decide_key(event.position, n),
                        metadata=metadata,
                        occurred_at=occurred,
                    )
                ],
            )
            if decision.event.NAME in MEASURE_TYPES and not result.duplicate:
                self._fold(conn, decision.event, result.version)

    def _fold(self, conn: Connection, decoded: MeasureEvent, version: int, row: Any = _UNREAD) -> None:
        mid = decoded.measure_id
        if row is _UNREAD:
            row = conn.execute(_ROW, {"mid": mid}).first()
        before = row_to_state(row) if row is not None else None
        article = decoded.evidence.article
        new_source = conn.execute(_SOURCE, {"mid": mid, "article": article}).first() is None
        if new_source:
            conn.execute(_ADD_SOURCE, {"measure_id": mid, "article_id": article})
        after = fold(before, decoded, new_source=new_source)
        values = _state_row(after, version)
        if row is None:
            conn.execute(_ADD_ROW, values)
        else:
            conn.execute(_SET_ROW, {**values, "mid": mid})


def update_measures(store: EventStore, clock: Clock | None = None) -> int:
    """Decide new facts into measure events and fold them into the state; return events applied.

    Without a clock, decisions are recorded at the time of their fact (what `state` does: no clock is read).
    """
    return ProjectionRunner(store, MeasureProjection(clock)).run()


__all__ = ["ALL_TYPES", "NAME", "MeasureProjection", "decide_key", "fact_day", "update_measures"]
