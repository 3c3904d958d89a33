"""Silences: alerts that match one are still recorded, marked `silenced_by`, never dropped."""

from __future__ import annotations

import datetime as dt

from monitor.events import decode_recorded
from monitor.events.alerts import SilenceAdded
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
