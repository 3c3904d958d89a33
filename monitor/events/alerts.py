"""Events of the rule engine: alerts raised, silenced (stream `alert-<key>`, `silences`)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from monitor.events.base import Event, event_type


@dataclass(frozen=True, kw_only=True)
class Evidence:
    """Why the monitor believes something: the article and the sentence it read."""

    article: str
    url: str | None
    sentence: str
    title: str | None = None
    published: dt.date | None = None


@event_type("alert.raised")
@dataclass(frozen=True, kw_only=True)
class AlertRaised(Event):
    """A rule decided that something deserves a user's attention.

    `key` is rule + measure + the value that triggered it; the log refuses a
    second alert with the same key, so the same alert is never raised twice.
    """

    key: str
    rule: str
    severity: str
    measure_id: str | None
    imposer: str | None
    target: str | None
    sector: str | None
    rate: float | None
    previous_rate: float | None
    until: dt.date | None
    summary: str
    raised_at: dt.datetime
    evidence: tuple[Evidence, ...] = ()
    kind: str | None = None
    silenced_by: str | None = None
    details: dict[str, str] = field(default_factory=dict)


@event_type("silence.added")
@dataclass(frozen=True, kw_only=True)
class SilenceAdded(Event):
    """A user asked that matching alerts be recorded silenced until a date (stream `silences`).

    Empty filters match everything; `until` is the last day the silence holds.
    """

    silence_id: str
    rule: str | None
    imposer: str | None
    target: str | None
    sector: str | None
    until: dt.date
    reason: str
    added_at: dt.datetime
