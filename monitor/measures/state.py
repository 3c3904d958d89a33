"""The state of one tariff measure: the value type every room reads (queries are in `queries.py`)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

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
