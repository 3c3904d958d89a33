"""Turning measure events into the signals rules see, and the sentence each signal reads as."""

from __future__ import annotations

import datetime as dt
from typing import Any

from monitor.events.measures import (
    DealReached,
    MeasureEvent,
    MeasureLifted,
    MeasurePaused,
    PauseExtended,
    RateChanged,
    RateRecorded,
    ReliefGranted,
    TalksHeld,
    TariffThreatened,
)
from monitor.measures.state import MeasureState
from monitor.rules.api import Signal

_SIGNAL_OF: dict[type[MeasureEvent], str] = {
    RateRecorded: "new_rate",
    RateChanged: "rate_change",
    TariffThreatened: "threatened",
    MeasurePaused: "pause_started",
    PauseExtended: "pause_extended",
    MeasureLifted: "lifted",
    ReliefGranted: "relief",
    TalksHeld: "talks",
    DealReached: "deal_reached",
}


def _num(value: float | None) -> str:
    return "?" if value is None else f"{value:g}"


def _value(name: str, event: MeasureEvent) -> str:
    # What makes the alert distinct: the same value again is the same alert.
    if name in ("new_rate", "threatened"):
        return _num(event.rate)
    if name == "rate_change":
        return f"{_num(event.previous_rate)}->{_num(event.rate)}"
    if name in ("pause_started", "pause_extended"):
        return event.until.isoformat() if event.until else event.day.isoformat()
    if name == "relief":
        return f"{_num(event.rate)}@{event.day.isoformat()}"
    return event.day.isoformat()


def _support(event: MeasureEvent, state: MeasureState | None) -> dict[str, object]:
    # The measure's state after the whole batch says how many sources state this reading by now.
    if state is not None and not event.unconfirmed and state.rate == event.rate and state.voices:
        return {"sources": state.sources, "official": state.official, "confidence": state.confidence}
    return {"sources": event.sources, "official": event.official, "confidence": event.confidence}


def signal_of(event: MeasureEvent, position: int, state: MeasureState | None = None) -> Signal | None:
    """The signal a measure event raises; None for those that raise none (corroboration, history).

    `state` is the measure now: its sources, officialness and confidence are the signal's
    when it still holds the event's reading."""
    name = _SIGNAL_OF.get(type(event))
    if name is None:
        return None
    if name == "new_rate" and event.status == "threatened":
        name = "threatened"
    elif name == "new_rate" and event.rate is None:
        # A tariff named with no rate ("tariffs on cars") records the measure; its first rate, when
        # one is read, is the news.
        return None
    parties = tuple(event.measure_id.split("+")) if name in ("talks", "deal_reached") else ()
    return Signal(
        name=name,
        measure_id=event.measure_id,
        imposer=event.imposer,
        target=event.target,
        sector=event.sector,
        layer=event.layer,
        kind=event.kind,
        rate=event.rate,
        previous_rate=event.previous_rate,
        status=event.status,
        until=event.until,
        previous_until=event.previous_until,
        effective=event.effective,
        day=event.day,
        evidence=(event.evidence,),
        position=position,
        value=_value(name, event),
        parties=parties,
        unconfirmed=event.unconfirmed,
        **_support(event, state),  # type: ignore[arg-type]
    )


def reading_signal(state: MeasureState, day: dt.date) -> Signal | None:
    """The signal of the change that gave a measure its current rate (new_rate or rate_change),
    rebuilt from its state: what a corroboration asks the demanding rules about again."""
    if state.rate is None or state.status not in ("announced", "in_effect"):
        return None
    name = "new_rate" if state.previous_rate is None else "rate_change"
    value = f"{state.rate:g}" if name == "new_rate" else f"{state.previous_rate:g}->{state.rate:g}"
    return _from_state(
        state,
        name=name,
        kind="tariff",
        until=None,
        day=day,
        value=value,
    )


def clock_signal(
    name: str, state: MeasureState, *, until: dt.date, today: dt.date, lead_days: int | None = None
) -> Signal:
    """A pause_expiring, pause_expired or tariff_expiring signal for a measure on `today`."""
    value = until.isoformat() if lead_days is None else f"{until.isoformat()}:{lead_days}d"
    return _from_state(
        state,
        name=name,
        kind="tariff" if name == "tariff_expiring" else "pause",
        until=until,
        day=today,
        lead_days=lead_days,
        days_left=(until - today).days,
        value=value,
    )


def _from_state(state: MeasureState, **fields: Any) -> Signal:
    """A signal about a measure as its state stands: the measure's own fields, and what the caller adds."""
    return Signal(
        measure_id=state.measure_id,
        imposer=state.imposer,
        target=state.target,
        sector=state.sector,
        layer=state.layer,
        rate=state.rate,
        previous_rate=state.previous_rate,
        status=state.status,
        previous_until=None,
        effective=state.effective,
        evidence=state.evidence[-3:],
        sources=state.sources,
        official=state.official,
        confidence=state.confidence,
        **fields,
    )


def describe(signal: Signal) -> str:
    """One line a person reads, e.g. "US tariff on JP (autos): 24% -> 15%"."""
    goods = f" ({signal.sector})" if signal.sector else ""
    layer = f" [{signal.layer}]" if signal.layer else ""
    what = f"{signal.imposer} tariff on {'all countries' if signal.target == '*' else signal.target}{goods}{layer}"
    rate = f"{_num(signal.rate)}%"
    until = signal.until.isoformat() if signal.until else "an open date"
    match signal.name:
        case "new_rate":
            state = "in force" if signal.status == "in_effect" else "announced"
            return f"New {what}: {rate} ({state})"
        case "rate_change":
            return f"{what}: {_num(signal.previous_rate)}% -> {rate}"
        case "threatened":
            return f"Threatened: {what} at {rate}"
        case "pause_started":
            return f"Paused: {what} ({rate}) until {until}"
        case "pause_extended":
            before = signal.previous_until.isoformat() if signal.previous_until else "?"
            return f"Pause extended: {what} ({rate}) now until {until} (was {before})"
        case "pause_expiring":
            return f"Pause ends in {signal.days_left} days: {what} ({rate}) on {until}"
        case "pause_expired":
            return f"Pause ended on {until} with no extension seen: {what} ({rate}) may apply again"
        case "tariff_expiring":
            left = "today" if signal.days_left == 0 else f"in {signal.days_left} days"
            return f"The {rate} {what} expires {left} (last day in force {until})"
        case "lifted":
            return f"Lifted: {what} (was {_num(signal.previous_rate)}%)"
        case "relief":
            return f"Relief granted on {what}"
        case "talks":
            return f"Trade talks: {_named(signal)}"
        case "deal_reached":
            return f"Deal reached: {_named(signal)}"
    return f"{signal.name}: {what}"


def _named(signal: Signal) -> str:
    parties = list(signal.parties) or [signal.imposer, signal.target]
    return ", ".join(parties[:-1]) + " and " + parties[-1] if len(parties) > 1 else parties[0]
