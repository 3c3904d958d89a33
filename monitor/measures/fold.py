"""Folding measure events into a measure's state: one pure function, used by the projection and by "as of".

An event changes the rate and status only when it is not older than what the
state already knows (its `day` is on or after `last_seen`); an older one (a
backfill read after newer news) adds its evidence and may move `first_seen`
back, but does not turn the clock back on the present.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from monitor.events.alerts import Evidence
from monitor.events.measures import (
    HistoryRecorded,
    MeasureCorroborated,
    MeasureEvent,
    MeasureLifted,
    MeasurePaused,
    PauseExtended,
    RateChanged,
    RateRecorded,
    ReliefGranted,
    TariffThreatened,
)
from monitor.measures.state import MeasureState

#: How many pieces of evidence a state keeps (the newest).
EVIDENCE_KEPT = 10
_REAL = ("announced", "in_effect")


def tariff_status(status: str | None, effective: dt.date | None, day: dt.date) -> str:
    """The status of a stated rate: as the fact says, else in force unless it takes effect later."""
    if status in ("threatened", "announced", "in_effect"):
        return status
    return "announced" if effective is not None and effective > day else "in_effect"


def new_state(event: MeasureEvent) -> MeasureState:
    """The empty state an event's measure starts from."""
    return MeasureState(
        measure_id=event.measure_id,
        imposer=event.imposer,
        target=event.target,
        sector=event.sector,
        layer=event.layer,
        rate=None,
        previous_rate=None,
        status="announced",
        pause_until=None,
        effective=None,
        first_seen=None,
        last_seen=None,
        sources=0,
    )


def fold(state: MeasureState | None, event: MeasureEvent, *, new_source: bool) -> MeasureState:
    """The state after `event`; `new_source` says whether its article was not yet counted."""
    before = state or new_state(event)
    newer = before.last_seen is None or event.day >= before.last_seen
    s = _bookkeeping(before, event, new_source=new_source)
    if not newer:
        return s
    if isinstance(event, RateRecorded | RateChanged | HistoryRecorded):
        status = tariff_status(event.status, event.effective, event.day)
        if status == "threatened":
            return dataclasses.replace(s, threatened_rate=event.rate)
        prev = event.previous_rate if isinstance(event, RateChanged) else before.rate
        return dataclasses.replace(
            s,
            rate=event.rate,
            previous_rate=prev if prev != event.rate else before.previous_rate,
            status=status,
            pause_until=None,
            effective=event.effective or s.effective,
            threatened_rate=None if event.rate == before.threatened_rate else before.threatened_rate,
        )
    if isinstance(event, MeasureCorroborated):
        if event.status in _REAL and s.status in _REAL:
            return dataclasses.replace(s, status=event.status, effective=event.effective or s.effective)
        return s
    if isinstance(event, TariffThreatened):
        if state is None or before.status in ("threatened", "lifted"):
            return dataclasses.replace(s, rate=event.rate, status="threatened", threatened_rate=event.rate)
        return dataclasses.replace(s, threatened_rate=event.rate)
    if isinstance(event, MeasurePaused):
        return dataclasses.replace(
            s, status="paused", pause_until=event.until, rate=event.rate if event.rate is not None else s.rate
        )
    if isinstance(event, PauseExtended):
        return dataclasses.replace(s, status="paused", pause_until=event.until)
    if isinstance(event, MeasureLifted):
        return dataclasses.replace(
            s, status="lifted", rate=None, previous_rate=before.rate, pause_until=None, effective=event.effective
        )
    if isinstance(event, ReliefGranted):
        return s
    return s


def _bookkeeping(s: MeasureState, event: MeasureEvent, *, new_source: bool) -> MeasureState:
    first = event.day if s.first_seen is None else min(s.first_seen, event.day)
    last = event.day if s.last_seen is None else max(s.last_seen, event.day)
    evidence: tuple[Evidence, ...] = s.evidence
    if not any(e.article == event.evidence.article and e.sentence == event.evidence.sentence for e in evidence):
        evidence = (*evidence, event.evidence)[-EVIDENCE_KEPT:]
    return dataclasses.replace(
        s, first_seen=first, last_seen=last, sources=s.sources + (1 if new_source else 0), evidence=evidence
    )


def as_of_view(state: MeasureState, day: dt.date) -> MeasureState:
    """The state as a reader on `day` sees it: a pause whose end has passed no longer holds, and
    an announced rate whose effective date has come is in force."""
    if state.status == "paused" and state.pause_until is not None and state.pause_until < day:
        return dataclasses.replace(state, status="in_effect" if state.rate is not None else "announced")
    if state.status == "announced" and state.effective is not None and state.effective <= day:
        return dataclasses.replace(state, status="in_effect")
    return state
