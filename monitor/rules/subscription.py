"""The rules' subscription to the log: each new measure event is seen by the rules once.

It is run like a projection (its checkpoint moves in the same transaction as
the alerts it appends and the deadlines it keeps), so a crash or a re-run
never evaluates an event twice, and the alerts' idempotency keys
(`alert:<key>`) keep the same alert from being raised twice in any case.
Events marked `catch_up` (a backfill) update the deadlines but raise nothing.
It is not in the `rebuild` catalogue: replaying history into rules would raise
old news as new alerts.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import Connection, delete, insert, select, update

from monitor.events import decode_recorded
from monitor.events.alerts import AlertRaised
from monitor.events.measures import (
    ALL_TYPES,
    MeasureEvent,
    MeasureLifted,
    MeasurePaused,
    PauseExtended,
    RateChanged,
    RateRecorded,
)
from monitor.log.records import NewEvent, RecordedEvent
from monitor.log.store import EventStore
from monitor.measures.queries import state_of
from monitor.rules.api import Rule
from monitor.rules.engine import ALERTS_STREAM, Judge
from monitor.rules.signals import signal_of
from monitor.rules.tables import TABLES, deadlines

NAME = "rules"


def append_alerts(store: EventStore, conn: Connection, alerts: Sequence[AlertRaised], **metadata: object) -> int:
    """Append alerts not raised before; return how many were new."""
    new = 0
    for alert in alerts:
        result = store.append_in(
            conn,
            ALERTS_STREAM,
            [NewEvent.of(alert, idempotency_key=f"alert:{alert.key}", occurred_at=alert.raised_at, metadata=metadata)],
        )
        new += 0 if result.duplicate else 1
    return new


def track_deadline(conn: Connection, event: MeasureEvent, *, quiet_before: dt.date | None) -> None:
    """Keep the open-pause index in step with a measure event."""
    if isinstance(event, MeasurePaused | PauseExtended) and event.until is not None:
        row = conn.execute(select(deadlines.c.until).where(deadlines.c.measure_id == event.measure_id)).first()
        values = {"until": event.until, "fired": [], "quiet_before": quiet_before}
        if row is None:
            conn.execute(insert(deadlines).values(measure_id=event.measure_id, **values))
        elif row[0] != event.until:
            conn.execute(update(deadlines).where(deadlines.c.measure_id == event.measure_id).values(**values))
    elif isinstance(event, MeasurePaused | MeasureLifted | RateRecorded | RateChanged):
        # A pause with no known end, a lift or a new rate: no pause end to watch any more.
        conn.execute(delete(deadlines).where(deadlines.c.measure_id == event.measure_id))


class RuleSubscription:
    """Measure events -> signals -> rules -> AlertRaised events."""

    name = NAME
    types: frozenset[str] | None = ALL_TYPES

    def __init__(self, store: EventStore, rules: Sequence[Rule], judge: Judge) -> None:
        self.store = store
        self.judge = judge
        self.by_signal: dict[str, list[Rule]] = {}
        for rule in rules:
            for signal in rule.signals:
                self.by_signal.setdefault(signal, []).append(rule)
        self.raised = 0

    def create(self, conn: Connection) -> None:
        """Create the deadlines table if missing."""
        for table in TABLES:
            table.create(conn, checkfirst=True)

    def drop(self, conn: Connection) -> None:
        """Drop the deadlines table."""
        for table in TABLES:
            table.drop(conn, checkfirst=True)

    def apply(self, conn: Connection, event: RecordedEvent) -> None:
        """Track deadlines, then run the rules that want this event's signal (unless a backfill)."""
        decoded = decode_recorded(event)
        assert isinstance(decoded, MeasureEvent)
        catch_up = bool(event.metadata.get("catch_up"))
        track_deadline(conn, decoded, quiet_before=event.recorded_at.date() if catch_up else None)
        if catch_up:
            return
        signal = signal_of(decoded, event.position)
        if signal is None or signal.name not in self.by_signal:
            return
        state = state_of(conn, signal.measure_id)
        for rule in self.by_signal[signal.name]:
            alerts = self.judge.run(rule, signal, state)
            self.raised += append_alerts(self.store, conn, alerts, signal_position=event.position)
