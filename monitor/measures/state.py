"""The state of one tariff measure, as the projection holds it (interface; see issue 5)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Engine

from monitor.events.alerts import Evidence


@dataclass(frozen=True, kw_only=True)
class MeasureState:
    """What is known of one measure (imposer, target, sector[, layer]) at a point in time."""

    measure_id: str
    imposer: str
    target: str
    sector: str | None
    layer: str | None
    rate: float | None
    previous_rate: float | None
    #: threatened, announced, in_effect, paused, lifted
    status: str
    pause_until: dt.date | None
    effective: dt.date | None
    first_seen: dt.date | None
    last_seen: dt.date | None
    sources: int
    evidence: tuple[Evidence, ...] = ()
    #: a rate threatened on top of the standing one (None when none is)
    threatened_rate: float | None = None


def measure_states(engine: Engine, *, as_of: dt.date | None = None) -> list[MeasureState]:
    """The state of every measure now, or as it stood at the end of `as_of`, ordered by measure id.

    Now: the rows of the measures projection, as the latest news has them (run
    `monitor.rules.service.evaluate_new` or `replay` to catch it up). As of a
    day: the measure events whose day (the article's publication date, the
    events' `occurred_at`) is on or before it, folded in that order, and seen
    from that day (a pause that ended before it no longer holds; an announced
    rate whose effective date has come is in force). The recording time does
    not matter, so a backfill recorded today about April answers for April.
    """
    from monitor.measures.replay import current_states, states_as_of

    if as_of is None:
        return current_states(engine)
    return states_as_of(engine, as_of)
