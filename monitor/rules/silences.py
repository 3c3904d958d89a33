"""Silences: alerts that match one are still recorded, marked `silenced_by`, never dropped.

They are `SilenceAdded` events on one stream; this module is the only one that writes them.
"""

from __future__ import annotations

import datetime as dt

from monitor.clock import Clock
from monitor.events import decode_recorded
from monitor.events.alerts import SilenceAdded
from monitor.log.records import NewEvent
from monitor.log.store import EventStore
from monitor.rules.api import Signal

STREAM = "silences"


def read_silences(store: EventStore) -> list[SilenceAdded]:
    """Every silence ever added, oldest first (a short stream: read whole)."""
    found = []
    for recorded in store.read_stream(STREAM):
        event = decode_recorded(recorded)
        if isinstance(event, SilenceAdded):
            found.append(event)
    return found


def add_silence(
    store: EventStore,
    clock: Clock,
    *,
    until: dt.date,
    reason: str,
    rule: str | None = None,
    imposer: str | None = None,
    target: str | None = None,
    sector: str | None = None,
) -> SilenceAdded:
    """Record a silence holding until the end of `until` for the alerts it matches (None matches any).

    Its id is `silence-<n>`, n its place in the stream; a writer that added one at the same
    moment makes this one fail with a ConcurrencyError rather than take the same id.
    """
    version = store.stream_version(STREAM)
    event = SilenceAdded(
        silence_id=f"silence-{version + 1}",
        rule=rule,
        imposer=imposer.upper() if imposer else None,
        target=target.upper() if target else None,
        sector=sector,
        until=until,
        reason=reason.strip(),
        added_at=clock.now(),
    )
    store.append(STREAM, [NewEvent.of(event, occurred_at=clock.now())], expected_version=version)
    return event


def silence_for(silences: list[SilenceAdded], rule: str, signal: Signal, today: dt.date) -> str | None:
    """The id of the first silence holding on `today` that matches the rule and the signal's measure."""
    for s in silences:
        if today > s.until:
            continue
        if s.rule not in (None, rule):
            continue
        if s.imposer not in (None, signal.imposer) or s.target not in (None, signal.target):
            continue
        if s.sector not in (None, signal.sector):
            continue
        return s.silence_id
    return None
