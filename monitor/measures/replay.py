"""Reading measure states: the projection's rows now, or the log replayed up to a past day."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Engine, inspect, select

from monitor.events import decode_recorded
from monitor.events.measures import ALL_TYPES, MEASURE_TYPES, MeasureEvent
from monitor.log.records import RecordedEvent
from monitor.log.store import EventReader
from monitor.measures.fold import as_of_view, fold
from monitor.measures.projection import row_to_state
from monitor.measures.state import MeasureState
from monitor.measures.tables import measures


def current_states(engine: Engine) -> list[MeasureState]:
    """Every measure as the projection holds it (empty before the projection first ran)."""
    if not inspect(engine).has_table(measures.name):
        return []
    with engine.connect() as conn:
        return [row_to_state(r) for r in conn.execute(select(measures).order_by(measures.c.measure_id))]


def measure_events_until(engine: Engine, end: dt.datetime, *, parties: bool = False) -> list[RecordedEvent]:
    """Measure events (and talks and deals with `parties`) that occurred before `end`,
    in the order they occurred (ties: log order)."""
    types = ALL_TYPES if parties else MEASURE_TYPES
    store = EventReader(engine)
    found = [e for e in store.read_all(types=sorted(types)) if (e.occurred_at or e.recorded_at) < end]
    found.sort(key=lambda e: (e.occurred_at or e.recorded_at, e.position))
    return found


def fold_events(recorded: list[RecordedEvent]) -> dict[str, MeasureState]:
    """Fold measure events, in the order given, into states by measure id."""
    states: dict[str, MeasureState] = {}
    seen: set[tuple[str, str]] = set()
    for r in recorded:
        event = decode_recorded(r)
        assert isinstance(event, MeasureEvent)
        source = (event.measure_id, event.evidence.article)
        states[event.measure_id] = fold(states.get(event.measure_id), event, new_source=source not in seen)
        seen.add(source)
    return states


def states_as_of(engine: Engine, day: dt.date) -> list[MeasureState]:
    """Every measure as it stood at the end of `day`."""
    end = dt.datetime.combine(day + dt.timedelta(days=1), dt.time(), tzinfo=dt.UTC)
    states = fold_events(measure_events_until(engine, end))
    return [as_of_view(states[k], day) for k in sorted(states)]
