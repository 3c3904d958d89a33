"""The log replayed up to a past day: measure events in the order they occurred, folded into states.

`queries.states_as_of` is what other rooms call; this module is how it is answered.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Engine

from monitor.events import decode_recorded
from monitor.events.measures import ALL_TYPES, MEASURE_TYPES, MeasureEvent
from monitor.log.records import RecordedEvent
from monitor.log.store import EventReader
from monitor.measures.fold import fold
from monitor.measures.state import MeasureState


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
