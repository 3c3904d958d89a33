"""Events of the measures room: facts decided into what happened to one tariff measure.

Stream `measure-<imposer>:<target>:<sector or *>[:<layer>]` for a measure;
`parties-<imposer>:<target>` for talks and deals, which concern the parties
rather than one tariff. Every event carries the evidence it was decided from
and the log position of the fact that caused it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from monitor.events.alerts import Evidence
from monitor.events.base import Event, event_type, upcaster


@dataclass(frozen=True, kw_only=True)
class MeasureEvent(Event):
    """What every measure event has (not itself a stored type)."""

    measure_id: str
    imposer: str
    target: str
    sector: str | None
    layer: str | None
    #: the fact kind it was decided from (tariff, pause, lift, relief, negotiation, deal)
    kind: str
    rate: float | None
    previous_rate: float | None = None
    #: threatened, announced, in_effect (tariffs), else None
    status: str | None = None
    until: dt.date | None = None
    previous_until: dt.date | None = None
    effective: dt.date | None = None
    #: the day the fact refers to: the article's publication date (see docs/rules.md, "Time")
    day: dt.date
    evidence: Evidence
    fact_position: int
    #: v2: the outlet (feed, else the link's host) the fact came from
    outlet: str | None = None
    #: v2: independent sources (distinct outlets, syndicated copies once) stating this reading
    sources: int = 1
    #: v2: whether an official source states it
    official: bool = False
    #: v2: the extractor's confidence in the fact, 0..1
    confidence: float = 1.0
    #: v2: a lone fact contradicting a corroborated reading, held until confirmed (see docs/rules.md)
    unconfirmed: bool = False


@event_type("measure.rate_recorded", version=2)
@dataclass(frozen=True, kw_only=True)
class RateRecorded(MeasureEvent):
    """The first announced or in-force rate of a measure (or its return after a lift)."""


@event_type("measure.rate_changed", version=2)
@dataclass(frozen=True, kw_only=True)
class RateChanged(MeasureEvent):
    """A measure's rate moved from `previous_rate` to `rate`."""


@event_type("measure.corroborated", version=2)
@dataclass(frozen=True, kw_only=True)
class MeasureCorroborated(MeasureEvent):
    """Another source said what was already known: the evidence grows, nothing changed."""


@event_type("measure.history_recorded", version=2)
@dataclass(frozen=True, kw_only=True)
class HistoryRecorded(MeasureEvent):
    """A fact older than what is already known (a backfill): it tells the past, not the present."""


@event_type("measure.threatened", version=2)
@dataclass(frozen=True, kw_only=True)
class TariffThreatened(MeasureEvent):
    """A rate was threatened, proposed or warned of."""


@event_type("measure.paused", version=2)
@dataclass(frozen=True, kw_only=True)
class MeasurePaused(MeasureEvent):
    """The measure was suspended, until `until` when that is known."""


@event_type("measure.pause_extended", version=2)
@dataclass(frozen=True, kw_only=True)
class PauseExtended(MeasureEvent):
    """The pause's end moved from `previous_until` to the later `until`."""


@event_type("measure.lifted", version=2)
@dataclass(frozen=True, kw_only=True)
class MeasureLifted(MeasureEvent):
    """The measure was removed; `previous_rate` is the rate it had."""


@event_type("measure.relief_granted", version=2)
@dataclass(frozen=True, kw_only=True)
class ReliefGranted(MeasureEvent):
    """An exemption, exclusion or rebate narrowed the measure."""


@event_type("measure.talks_held", version=2)
@dataclass(frozen=True, kw_only=True)
class TalksHeld(MeasureEvent):
    """Trade talks between the parties were agreed, began or held a round."""


@event_type("measure.deal_reached", version=2)
@dataclass(frozen=True, kw_only=True)
class DealReached(MeasureEvent):
    """The parties reached, signed or concluded a trade agreement."""


#: Events that change the state of a tariff measure (stream `measure-...`).
MEASURE_TYPES: frozenset[str] = frozenset(
    cls.NAME
    for cls in (
        RateRecorded,
        RateChanged,
        MeasureCorroborated,
        HistoryRecorded,
        TariffThreatened,
        MeasurePaused,
        PauseExtended,
        MeasureLifted,
        ReliefGranted,
    )
)
#: Events about the parties rather than one measure (stream `parties-...`).
PARTIES_TYPES: frozenset[str] = frozenset({TalksHeld.NAME, DealReached.NAME})
ALL_TYPES: frozenset[str] = MEASURE_TYPES | PARTIES_TYPES


def _measure_v1_to_v2(data: dict[str, Any]) -> dict[str, Any]:
    # Decided before sources were weighed: one source, not official, fully confident, confirmed.
    return {"outlet": None, "sources": 1, "official": False, "confidence": 1.0, "unconfirmed": False, **data}


for _name in sorted(ALL_TYPES):
    upcaster(_name, from_version=1)(_measure_v1_to_v2)
