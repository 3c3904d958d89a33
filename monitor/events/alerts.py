"""Events of the rule engine: alerts raised, silenced (stream `alert-<key>`, `silences`)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from monitor.events.base import Event, event_type, upcaster


@dataclass(frozen=True, kw_only=True)
class Evidence:
    """Why the monitor believes something: the article and the sentence it read."""

    article: str
    url: str | None
    sentence: str
    title: str | None = None
    published: dt.date | None = None


@event_type("alert.raised", version=2)
@dataclass(frozen=True, kw_only=True)
class AlertRaised(Event):
    """A rule decided that something deserves a user's attention.

    `key` is signal + measure + the value that triggered it (v1: rule + measure +
    value); the log refuses a second alert with the same key, so one change
    raises one alert, whichever rules matched it (`rules`, the most severe
    first; `rule` is the first of them).
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
    #: v2: every rule that matched this change, most severe first
    rules: tuple[str, ...] = ()
    #: v2: independent sources stating it, whether one is official, the extractor's confidence
    sources: int = 1
    official: bool = False
    confidence: float = 1.0
    #: v2: raised for a lone fact contradicting a corroborated reading, after its hold ran out
    unconfirmed: bool = False

    @property
    def confidence_text(self) -> str:
        """How well supported it is, as a reader sees it: "1 source", "3 sources, official"."""
        text = f"{self.sources} source{'' if self.sources == 1 else 's'}"
        if self.official:
            text += ", official"
        if self.confidence < 1.0:
            text += f", read with {self.confidence:.0%} confidence"
        if self.unconfirmed:
            text += ", unconfirmed"
        return text


@upcaster("alert.raised", from_version=1)
def _alert_v1_to_v2(data: dict[str, Any]) -> dict[str, Any]:
    # One rule per alert before grouping; sources were not weighed.
    return {
        "rules": [data.get("rule")],
        "sources": 1,
        "official": False,
        "confidence": 1.0,
        "unconfirmed": False,
        **data,
    }


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
