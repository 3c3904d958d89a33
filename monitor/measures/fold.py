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
from monitor.measures.state import MeasureState, Voice, independent, text_key

#: How many pieces of evidence a state keeps (the newest).
EVIDENCE_KEPT = 10
#: How many voices a state keeps for its current reading (enough to count sources).
VOICES_KEPT = 20
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


def voice_of(event: MeasureEvent) -> Voice:
    """Who stated the fact an event was decided from."""
    return Voice(outlet=event.outlet or f"article:{event.evidence.article}", text=text_key(event.evidence.sentence))


def fold(state: MeasureState | None, event: MeasureEvent) -> MeasureState:
    """The state after `event`."""
    before = state or new_state(event)
    newer = before.last_seen is None or event.day >= before.last_seen
    s = _bookkeeping(before, event)
    if not newer:
        return s
    if isinstance(event, RateChanged) and event.unconfirmed:
        # Held: the corroborated reading stands; the lone rate waits beside it.
        outlet = voice_of(event).outlet
        return dataclasses.replace(s, unconfirmed_rate=event.rate, unconfirmed_outlet=outlet)
    s = _weigh(s, before, event)
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
            # A new rate keeps the measure's sunset unless the news gives another.
            expires=_expiry(event) or before.expires,
        )
    if isinstance(event, MeasureCorroborated):
        s = _restated_expiry(s, event)
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
            s,
            status="lifted",
            rate=None,
            previous_rate=before.rate,
            pause_until=None,
            effective=event.effective,
            expires=None,
        )
    if isinstance(event, ReliefGranted):
        return s
    return s


def _expiry(event: MeasureEvent) -> dt.date | None:
    # Only a tariff fact's `until` is its expiry; a pause's is when the pause ends.
    return event.until if event.kind == "tariff" else None


def _restated_expiry(s: MeasureState, event: MeasureCorroborated) -> MeasureState:
    # A source restating the standing rate with an end date ("the 25% duty, which runs until
    # March") gives the expiry, or moves it: the newest news says when the tariff ends. A threat,
    # or a tier beside the standing rate, says nothing of the standing rate's end.
    until = _expiry(event)
    if until is None or s.status in ("threatened", "lifted") or s.rate is None:
        return s
    if tariff_status(event.status, event.effective, event.day) == "threatened":
        return s
    if event.rate is not None and event.rate != s.rate:
        return s
    return dataclasses.replace(s, expires=until)


def _weigh(s: MeasureState, before: MeasureState, event: MeasureEvent) -> MeasureState:
    # Who states the current reading: a change starts it afresh, a corroboration adds a voice.
    voice = voice_of(event)
    if isinstance(event, MeasureCorroborated):
        if event.rate is not None and before.rate is not None and event.rate != before.rate:
            return s
        voices = before.voices if voice in before.voices else (*before.voices, voice)[-VOICES_KEPT:]
        return dataclasses.replace(
            s,
            voices=voices,
            sources=independent(voices),
            official=before.official or event.official,
            confidence=max(before.confidence, event.confidence) if before.voices else event.confidence,
        )
    if isinstance(event, HistoryRecorded | ReliefGranted):
        return s
    if (
        isinstance(event, TariffThreatened)
        and before.status not in ("threatened", "lifted")
        and before.rate is not None
    ):
        return s  # a threat on top of a standing rate does not change who states that rate
    voices = (voice,)
    if isinstance(event, RateChanged) and before.unconfirmed_rate == event.rate and before.unconfirmed_outlet:
        # Confirmed: the lone source that said it first counts too.
        voices = (Voice(outlet=before.unconfirmed_outlet, text=""), voice)
    return dataclasses.replace(
        s,
        voices=voices,
        sources=independent(voices),
        official=event.official,
        confidence=event.confidence,
        unconfirmed_rate=None,
        unconfirmed_outlet=None,
    )


def _bookkeeping(s: MeasureState, event: MeasureEvent) -> MeasureState:
    first = event.day if s.first_seen is None else min(s.first_seen, event.day)
    last = event.day if s.last_seen is None else max(s.last_seen, event.day)
    evidence: tuple[Evidence, ...] = s.evidence
    if not any(e.article == event.evidence.article and e.sentence == event.evidence.sentence for e in evidence):
        evidence = (*evidence, event.evidence)[-EVIDENCE_KEPT:]
    return dataclasses.replace(s, first_seen=first, last_seen=last, evidence=evidence)


def as_of_view(state: MeasureState, day: dt.date) -> MeasureState:
    """The state as a reader on `day` sees it: a tariff whose expiry has passed is lifted, a pause
    whose end has passed no longer holds, and an announced rate whose effective date has come is
    in force."""
    if state.expires is not None and state.expires < day and state.status not in ("threatened", "lifted"):
        return dataclasses.replace(state, status="lifted", rate=None, previous_rate=state.rate, pause_until=None)
    if state.status == "paused" and state.pause_until is not None and state.pause_until < day:
        return dataclasses.replace(state, status="in_effect" if state.rate is not None else "announced")
    if state.status == "announced" and state.effective is not None and state.effective <= day:
        return dataclasses.replace(state, status="in_effect")
    return state
