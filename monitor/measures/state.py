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


def measure_states(engine: Engine, *, as_of: dt.date | None = None) -> list[MeasureState]:
    """The state of every measure now, or as it stood at the end of `as_of`."""
    raise NotImplementedError("issue 5 builds the measures projection")
