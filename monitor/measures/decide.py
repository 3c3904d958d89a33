"""Deciding one fact into measure events, against the measures' current state.

A pure function: the projection hands in the states standing for the fact's
(imposer, target, sector) and whether an article was already counted, and
appends what comes back.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from monitor.events.alerts import Evidence
from monitor.events.facts import FactExtracted
from monitor.events.measures import (
    DealReached,
    HistoryRecorded,
    MeasureCorroborated,
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
from monitor.measures.fold import tariff_status
from monitor.measures.layers import (
    group_key,
    measure_id,
    measure_stream,
    parties_id,
    parties_stream,
    resolve_layer,
    stated_layer,
)
from monitor.measures.state import MeasureState


@dataclass(frozen=True, kw_only=True)
class Decision:
    """One measure event to append to one stream."""

    stream_id: str
    event: MeasureEvent


def decide(
    fact: FactExtracted,
    *,
    position: int,
    day: dt.date,
    standing: Callable[[str], Sequence[MeasureState]],
    counted: Callable[[str, str], bool],
) -> list[Decision]:
    """The measure events `fact` (at log `position`, about `day`) decides into, one target at a time.

    `standing(group)` gives the states of every layer of a group key;
    `counted(measure_id, article_id)` says whether that article already spoke of the measure.
    """
    evidence = Evidence(
        article=fact.article_id, url=fact.url, sentence=fact.evidence, title=fact.title, published=fact.published
    )
    out: list[Decision] = []
    for target in dict.fromkeys(fact.targets):
        common: dict[str, Any] = {
            "imposer": fact.imposer,
            "target": target,
            "kind": fact.kind,
            "rate": fact.rate,
            "until": fact.until,
            "effective": fact.effective,
            "status": fact.status,
            "day": day,
            "evidence": evidence,
            "fact_position": position,
        }
        if fact.kind in ("negotiation", "deal"):
            parties_cls: type[MeasureEvent] = TalksHeld if fact.kind == "negotiation" else DealReached
            out.append(
                Decision(
                    stream_id=parties_stream(fact.imposer, target),
                    event=parties_cls(measure_id=parties_id(fact.imposer, target), sector=None, layer=None, **common),
                )
            )
            continue
        if fact.kind not in ("tariff", "pause", "lift", "relief"):
            continue  # withdrawals are about agreements, not tariff measures
        states = standing(group_key(fact.imposer, target, fact.sector))
        layer = resolve_layer(
            stated=stated_layer(fact.authority, fact.evidence),
            rate=fact.rate,
            previous_rate=fact.previous_rate,
            standing=states,
        )
        mid = measure_id(fact.imposer, target, fact.sector, layer)
        state = next((s for s in states if s.measure_id == mid), None)
        event = _decide_one(fact, state, new_source=not counted(mid, fact.article_id), day=day)
        if event is None:
            continue
        cls, extra = event
        out.append(
            Decision(
                stream_id=measure_stream(mid),
                event=cls(measure_id=mid, sector=fact.sector, layer=layer, **{**common, **extra}),
            )
        )
    return out


_Outcome = tuple[type[MeasureEvent], dict[str, object]] | None


def _decide_one(fact: FactExtracted, state: MeasureState | None, *, new_source: bool, day: dt.date) -> _Outcome:
    corroborated: _Outcome = (MeasureCorroborated, {}) if new_source else None
    if state is not None and state.last_seen is not None and day < state.last_seen:
        # Older news than what we know: it tells the past (for "as of"), never a change today.
        return (HistoryRecorded, {"previous_rate": fact.previous_rate})
    if fact.kind == "tariff":
        return _decide_tariff(fact, state, corroborated, day)
    if fact.kind == "pause":
        if state is not None and state.status == "paused":
            if fact.until is not None and (state.pause_until is None or fact.until > state.pause_until):
                return (PauseExtended, {"previous_until": state.pause_until, "rate": fact.rate or state.rate})
            return corroborated
        return (MeasurePaused, {"rate": fact.rate if fact.rate is not None else (state.rate if state else None)})
    if fact.kind == "lift":
        if state is not None and state.status == "lifted":
            return corroborated
        return (MeasureLifted, {"previous_rate": state.rate if state else fact.previous_rate})
    # relief
    return (ReliefGranted, {"previous_rate": state.rate if state else None})


def _decide_tariff(fact: FactExtracted, state: MeasureState | None, corroborated: _Outcome, day: dt.date) -> _Outcome:
    status = tariff_status(fact.status, fact.effective, day)
    if status == "threatened":
        if state is not None and fact.rate in (state.rate, state.threatened_rate):
            return corroborated
        return (TariffThreatened, {"previous_rate": state.rate if state else None})
    if state is None or state.status in ("threatened", "lifted") or state.rate is None:
        if state is not None and state.rate is None and fact.rate is None:
            return corroborated
        return (RateRecorded, {"previous_rate": None, "status": status})
    if fact.rate is None or fact.rate == state.rate:
        return corroborated
    if (
        state.previous_rate is not None
        and fact.rate == state.previous_rate
        and fact.previous_rate != state.rate
        and state.status != "paused"
    ):
        # A rate this measure just left, stated without saying it replaced the current one:
        # most likely a second layer standing beside it, not a change back. Do not flip.
        return corroborated
    return (RateChanged, {"previous_rate": state.rate, "status": status})
