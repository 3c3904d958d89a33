"""The rules' subscription to the log: each new measure event is seen by the rules once.

It is run like a projection (its checkpoint moves in the same transaction as
the alerts it appends and the deadlines it keeps), so a crash or a re-run
never evaluates an event twice, and the alerts' idempotency keys
(`alert:<key>`) keep the same alert from being raised twice in any case.
Events marked `catch_up` (a backfill) or `late` (a late article about an earlier
day), and events about news older than `rules.news_max_age_days` when read,
update the deadlines but raise nothing. A lone source contradicting a
corroborated reading has its alert held (`rule_held_alerts`) until a second
source confirms it or `rules.unconfirmed_hold_hours` pass.
It is not in the `rebuild` catalogue: replaying history into rules would raise
old news as new alerts.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence

from sqlalchemy import Connection, delete, insert, select, update

from monitor.events import decode_recorded
from monitor.events.alerts import AlertRaised
from monitor.events.measures import (
    ALL_TYPES,
    MEASURE_TYPES,
    PARTIES_TYPES,
    MeasureCorroborated,
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
from monitor.measures.state import MeasureState
from monitor.rules.api import Rule
from monitor.rules.engine import ALERTS_STREAM, Judge
from monitor.rules.signals import reading_signal, signal_of
from monitor.rules.tables import TABLES, deadlines, held_alerts

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


def track_deadline(conn: Connection, event: MeasureEvent, *, learned: dt.date, quiet: bool) -> None:
    """Keep the open-pause index in step with a measure event read on `learned`.

    A pause already over when first learned is never watched (its end passed while the
    monitor was not looking); one learned in a backfill or as old news gets only the
    reminders still ahead of it.
    """
    if event.unconfirmed:
        return
    if isinstance(event, MeasurePaused | PauseExtended) and event.until is not None:
        if event.until < learned:
            conn.execute(delete(deadlines).where(deadlines.c.measure_id == event.measure_id))
            return
        _watch(conn, event.measure_id, event.until, quiet_before=learned if quiet else None)
    elif isinstance(event, MeasurePaused | MeasureLifted | RateRecorded | RateChanged):
        # A pause with no known end, a lift or a new rate: no pause end to watch any more.
        conn.execute(delete(deadlines).where(deadlines.c.measure_id == event.measure_id))


def _watch(conn: Connection, mid: str, until: dt.date, *, quiet_before: dt.date | None) -> None:
    row = conn.execute(select(deadlines.c.until).where(deadlines.c.measure_id == mid)).first()
    values = {"until": until, "fired": [], "quiet_before": quiet_before}
    if row is None:
        conn.execute(insert(deadlines).values(measure_id=mid, **values))
    elif row[0] != until:
        conn.execute(update(deadlines).where(deadlines.c.measure_id == mid).values(**values))


def hold_alerts(conn: Connection, alerts: Sequence[AlertRaised], release_at: dt.datetime) -> int:
    """Put alerts on hold until `release_at` (a tick raises them then, unless confirmed first)."""
    held = 0
    for alert in alerts:
        if conn.execute(select(held_alerts.c.key).where(held_alerts.c.key == alert.key)).first() is None:
            conn.execute(
                insert(held_alerts).values(
                    key=alert.key, measure_id=alert.measure_id or "", release_at=release_at, alert=alert.to_data()
                )
            )
            held += 1
    return held


def release_held(conn: Connection, now: dt.datetime) -> list[AlertRaised]:
    """The held alerts whose hold has run out by `now`, raised now (and no longer held)."""
    rows = conn.execute(
        select(held_alerts).where(held_alerts.c.release_at <= now).order_by(held_alerts.c.release_at, held_alerts.c.key)
    ).all()
    released = []
    for row in rows:
        alert = AlertRaised.from_data(row.alert)
        assert isinstance(alert, AlertRaised)
        conn.execute(delete(held_alerts).where(held_alerts.c.key == row.key))
        rebased = _against_now(alert, state_of(conn, alert.measure_id) if alert.measure_id else None)
        if rebased is None:
            continue
        details = {**rebased.details, "held_until": now.isoformat()}
        released.append(dataclasses.replace(rebased, raised_at=now, details=details))
    return released


def _against_now(alert: AlertRaised, state: MeasureState | None) -> AlertRaised | None:
    """A held change as it reads when released: from the rate the measure has now, which may have
    moved while the alert was held (a late article decided the measure again), or None when the lone
    rate is no longer what the measure waits for or holds (overtaken by later news)."""
    if state is None or alert.rate is None:
        return None
    if state.unconfirmed_rate == alert.rate:
        base = state.rate
    elif state.rate == alert.rate and state.unconfirmed_rate is None:
        base = state.previous_rate  # decided again with the lone rate as a plain change
    else:
        return None
    if base is None or base == alert.previous_rate:
        return alert
    old = "?" if alert.previous_rate is None else f"{alert.previous_rate:g}"
    return dataclasses.replace(
        alert,
        previous_rate=base,
        key=alert.key.replace(f":{old}->", f":{base:g}->"),
        summary=alert.summary.replace(f"{old}% ->", f"{base:g}% ->"),
    )


class RuleSubscription:
    """Measure events -> signals -> rules -> AlertRaised events."""

    name = NAME
    types: frozenset[str] | None = ALL_TYPES

    def __init__(
        self,
        store: EventStore,
        rules: Sequence[Rule],
        judge: Judge,
        *,
        news_max_age_days: int | None = None,
        hold: dt.timedelta = dt.timedelta(hours=24),
    ) -> None:
        self.store = store
        self.judge = judge
        self.news_max_age_days = news_max_age_days
        self.hold = hold
        self.by_signal: dict[str, list[Rule]] = {}
        for rule in rules:
            for signal in rule.signals:
                self.by_signal.setdefault(signal, []).append(rule)
        self.raised = 0
        #: measure events that raised nothing because they were a backfill, late or old news
        self.quiet = 0
        #: alerts put on hold (a lone source against a corroborated reading)
        self.held = 0

    def create(self, conn: Connection) -> None:
        """Create the rule tables if missing."""
        for table in TABLES:
            table.create(conn, checkfirst=True)

    def drop(self, conn: Connection) -> None:
        """Drop the rule tables."""
        for table in TABLES:
            table.drop(conn, checkfirst=True)

    def _old(self, event: MeasureEvent, learned: dt.date) -> bool:
        limit = self.news_max_age_days
        return limit is not None and (learned - event.day).days > limit

    def apply(self, conn: Connection, event: RecordedEvent) -> None:
        """Track deadlines, then run the rules that want this event's signal (unless it is not news)."""
        decoded = decode_recorded(event)
        assert isinstance(decoded, MeasureEvent)
        read_on = event.metadata.get("read_on")
        learned = dt.date.fromisoformat(read_on) if read_on else event.recorded_at.date()
        late = bool(event.metadata.get("late"))
        # A pause already over when first learned is history, whatever the article's date.
        over = (
            isinstance(decoded, MeasurePaused | PauseExtended) and decoded.until is not None and decoded.until < learned
        )
        quiet = bool(event.metadata.get("catch_up")) or late or over or self._old(decoded, learned)
        if late:
            self._resync_deadline(conn, decoded.measure_id, learned)
        else:
            track_deadline(conn, decoded, learned=learned, quiet=quiet)
        if quiet:
            self.quiet += 1
            return
        if isinstance(decoded, MeasureCorroborated):
            if any(r.requires for r in self.by_signal.get("new_rate", []) + self.by_signal.get("rate_change", [])):
                self._ask_again(conn, decoded, state_of(conn, decoded.measure_id), event.position)
            return
        name = signal_of(decoded, event.position)
        if name is None or name.name not in self.by_signal:
            return
        state = state_of(conn, decoded.measure_id) if decoded.NAME not in PARTIES_TYPES else None
        signal = signal_of(decoded, event.position, state)
        assert signal is not None
        alerts = self.judge.evaluate(self.by_signal[signal.name], signal, state)
        if signal.unconfirmed:
            self.held += hold_alerts(conn, alerts, event.recorded_at + self.hold)
            return
        if decoded.NAME in MEASURE_TYPES:
            conn.execute(delete(held_alerts).where(held_alerts.c.measure_id == decoded.measure_id))
        self.raised += append_alerts(self.store, conn, alerts, signal_position=event.position)

    def _ask_again(self, conn: Connection, event: MeasureEvent, state: MeasureState | None, position: int) -> None:
        # A corroboration: rules that asked for more support than the change first had may match now.
        if state is None or not state.voices:
            return
        signal = reading_signal(state, event.day)
        if signal is None:
            return
        demanding = [r for r in self.by_signal.get(signal.name, []) if r.requires]
        if not demanding:
            return
        alerts = self.judge.evaluate(demanding, signal, state, demanding_only=True)
        self.raised += append_alerts(self.store, conn, alerts, signal_position=position)

    def _resync_deadline(self, conn: Connection, mid: str, learned: dt.date) -> None:
        # A late fact reopened the measure's history: watch the pause end its state now has, if any.
        state = state_of(conn, mid)
        if state is None or state.status != "paused" or state.pause_until is None or state.pause_until < learned:
            return
        _watch(conn, mid, state.pause_until, quiet_before=learned)
