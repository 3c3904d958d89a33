"""Events of the measures room: facts decided into what happened to one tariff measure.

Stream `measure-<imposer>:<target>:<sector or *>[:<layer>]` for a measure;
`parties-<imposer>:<target>` for talks and deals, which concern the parties
rather than one tariff. Every event carries the evidence it was decided from
and the log position of the fact that caused it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from monitor.events.alerts import Evidence
from monitor.events.base import Event, event_type


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


@event_type("measure.rate_recorded")
@dataclass(frozen=True, kw_only=True)
class RateRecorded(MeasureEvent):
    """The first announced or in-force rate of a measure (or its return after a lift)."""


@event_type("measure.rate_changed")
@dataclass(frozen=True, kw_only=True)
class RateChanged(MeasureEvent):
    """A measure's rate moved from `previous_rate` to `rate`."""


@event_type("measure.corroborated")
@dataclass(frozen=True, kw_only=True)
class MeasureCorroborated(MeasureEvent):
    """Another source said what was already known: the evidence grows, nothing changed."""


@event_type("measure.history_recorded")
@dataclass(frozen=True, kw_only=True)
class HistoryRecorded(MeasureEvent):
    """A fact older than what is already known (a backfill): it tells the past, not the present."""


@event_type("measure.threatened")
@dataclass(frozen=True, kw_only=True)
class TariffThreatened(MeasureEvent):
    """A rate was threatened, proposed or warned of."""


@event_type("measure.paused")
@dataclass(frozen=True, kw_only=True)
class MeasurePaused(MeasureEvent):
    """The measure was suspended, until `until` when that is known."""


@event_type("measure.pause_extended")
@dataclass(frozen=True, kw_only=True)
class PauseExtended(MeasureEvent):
    """The pause's end moved from `previous_until` to the later `until`."""


@event_type("measure.lifted")
@dataclass(frozen=True, kw_only=True)
class MeasureLifted(MeasureEvent):
    """The measure was removed; `previous_rate` is the rate it had."""


@event_type("measure.relief_granted")
@dataclass(frozen=True, kw_only=True)
class ReliefGranted(MeasureEvent):
    """An exemption, exclusion or rebate narrowed the measure."""


@event_type("measure.talks_held")
@dataclass(frozen=True, kw_only=True)
class TalksHeld(MeasureEvent):
    """Trade talks between the parties were agreed, began or held a round."""


@event_type("measure.deal_reached")
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
