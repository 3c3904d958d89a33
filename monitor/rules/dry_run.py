"""`rules test`: the log replayed through one rule, day by day, writing nothing.

Measure events are folded in the order they occurred (as `state --as-of`
does); each day from FROM to TO the rule sees that day's events (backfills
included: the question is what the rule matches) and then a tick at the end
of the day, as the daemon's clock would give it. Alerts are keyed as in
production, so one the rule would raise twice is shown once.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from monitor.clock import FixedClock
from monitor.events import decode_recorded
from monitor.events.alerts import AlertRaised
from monitor.events.measures import (
    MEASURE_TYPES,
    MeasureEvent,
    MeasureLifted,
    MeasurePaused,
    PauseExtended,
    RateChanged,
    RateRecorded,
)
from monitor.log.store import EventStore
from monitor.measures.fold import fold
from monitor.measures.replay import measure_events_until
from monitor.measures.state import MeasureState
from monitor.rules.api import Rule
from monitor.rules.deadlines import due_lead
from monitor.rules.engine import Judge
from monitor.rules.signals import clock_signal, signal_of


def dry_run(
    store: EventStore, rule: Rule, start: dt.date, end: dt.date, *, severity: dict[str, str]
) -> list[AlertRaised]:
    """The alerts `rule` would have raised from `start` to `end` (both included)."""
    stop = dt.datetime.combine(end + dt.timedelta(days=1), dt.time(), tzinfo=dt.UTC)
    by_day: dict[dt.date, list[tuple[int, MeasureEvent]]] = defaultdict(list)
    for recorded in measure_events_until(store.engine, stop, parties=True):
        event = decode_recorded(recorded)
        assert isinstance(event, MeasureEvent)
        by_day[event.day].append((recorded.position, event))
    states: dict[str, MeasureState] = {}
    seen_sources: set[tuple[str, str]] = set()
    pauses: dict[str, tuple[dt.date, set[int]]] = {}
    raised: dict[str, AlertRaised] = {}
    first = min(by_day, default=start)
    day = min(first, start)
    while day <= end:
        judge = Judge(clock=FixedClock(dt.datetime.combine(day, dt.time(12), tzinfo=dt.UTC)), severity=severity)
        for position, event in by_day.get(day, []):
            if event.NAME in MEASURE_TYPES:
                source = (event.measure_id, event.evidence.article)
                states[event.measure_id] = fold(
                    states.get(event.measure_id), event, new_source=source not in seen_sources
                )
                seen_sources.add(source)
            _track(pauses, event)
            signal = signal_of(event, position)
            if day >= start and signal is not None and signal.name in rule.signals:
                for alert in judge.run(rule, signal, states.get(event.measure_id)):
                    raised.setdefault(alert.key, alert)
        if day >= start:
            tick = Judge(clock=FixedClock(dt.datetime.combine(day, dt.time(23, 59), tzinfo=dt.UTC)), severity=severity)
            for alert in _tick(pauses, states, rule, tick, day):
                raised.setdefault(alert.key, alert)
        day += dt.timedelta(days=1)
    return list(raised.values())


def _track(pauses: dict[str, tuple[dt.date, set[int]]], event: MeasureEvent) -> None:
    if isinstance(event, MeasurePaused | PauseExtended) and event.until is not None:
        pauses[event.measure_id] = (event.until, set())
    elif isinstance(event, MeasurePaused | MeasureLifted | RateRecorded | RateChanged):
        pauses.pop(event.measure_id, None)


def _tick(
    pauses: dict[str, tuple[dt.date, set[int]]],
    states: dict[str, MeasureState],
    rule: Rule,
    judge: Judge,
    day: dt.date,
) -> list[AlertRaised]:
    out: list[AlertRaised] = []
    for mid, (until, fired) in list(pauses.items()):
        state = states.get(mid)
        if state is None:
            continue
        if until >= day and "pause_expiring" in rule.signals:
            lead = due_lead(rule, until, day)
            if lead is not None and lead not in fired:
                fired.add(lead)
                signal = clock_signal("pause_expiring", state, until=until, today=day, lead_days=lead)
                out.extend(judge.run(rule, signal, state))
        elif until < day:
            if "pause_expired" in rule.signals:
                out.extend(judge.run(rule, clock_signal("pause_expired", state, until=until, today=day), state))
            del pauses[mid]
    return out
