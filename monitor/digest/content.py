"""What one digest shows: the alerts, the deadlines ahead, the measures in scope.

The renderer takes this as plain data; nothing here reads the log, so tests
and previews can build it from states they made themselves.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from monitor.config import SEVERITIES, SubscriptionSettings
from monitor.digest.matching import measure_in_scope, severity_rank
from monitor.digest.schedule import as_utc
from monitor.events.alerts import AlertRaised
from monitor.measures.state import MeasureState

#: What a deadline can be: a pause ends, a tariff takes effect, a tariff expires (its last day in force).
DEADLINE_KINDS = ("pause ends", "takes effect", "expires")
#: Measure statuses no longer worth listing among the measures in scope.
_GONE = frozenset({"lifted"})


@dataclass(frozen=True, kw_only=True)
class Deadline:
    """A date ahead on which a measure changes: a pause ends, a tariff takes effect or expires."""

    date: dt.date
    days_left: int
    what: str
    measure: MeasureState


@dataclass(frozen=True, kw_only=True)
class MeasureRow:
    """One measure as a reader thinks of it (who taxes whom, on which goods), its stacked layers inside."""

    imposer: str
    target: str
    sector: str | None
    #: the layers standing on these goods (unlabelled first, a total last)
    layers: tuple[MeasureState, ...]

    @property
    def total(self) -> MeasureState | None:
        """The layer reports give as the total of the others, if any."""
        return next((s for s in self.layers if s.layer == "total"), None)

    @property
    def parts(self) -> tuple[MeasureState, ...]:
        """The layers other than the total."""
        return tuple(s for s in self.layers if s.layer != "total")


def measure_rows(states: Sequence[MeasureState]) -> list[MeasureRow]:
    """States grouped into one row per (imposer, target, sector), in the order of their first state."""
    rows: dict[tuple[str, str, str | None], list[MeasureState]] = {}
    for state in states:
        rows.setdefault((state.imposer, state.target, state.sector), []).append(state)
    return [
        MeasureRow(
            imposer=imposer,
            target=target,
            sector=sector,
            layers=tuple(sorted(layers, key=lambda s: (s.layer == "total", s.layer is not None, s.layer or ""))),
        )
        for (imposer, target, sector), layers in rows.items()
    ]


@dataclass(frozen=True, kw_only=True)
class DigestContent:
    """Everything the templates are given for one digest."""

    subscription: str
    title: str
    timezone: str
    #: when the digest was made, in the subscription's time zone
    generated_at: dt.datetime
    alerts: tuple[AlertRaised, ...]
    deadlines: tuple[Deadline, ...]
    deadline_days: int
    measures: tuple[MeasureState, ...]
    #: measures in scope left out of the list (see `delivery.measures_shown`)
    measures_hidden: int
    #: the measures shown, one row per (imposer, target, sector) with its layers inside
    rows: tuple[MeasureRow, ...] = ()

    @property
    def severity_counts(self) -> list[tuple[str, int]]:
        """(severity, number of alerts), most severe first, only those present."""
        counts = Counter(a.severity for a in self.alerts)
        return [(s, counts[s]) for s in reversed(SEVERITIES) if counts[s]] + [
            (s, n) for s, n in counts.items() if s not in SEVERITIES
        ]


def upcoming_deadlines(states: Sequence[MeasureState], today: dt.date, days: int) -> list[Deadline]:
    """Pauses ending, tariffs taking effect and tariffs expiring (their last day in force) from
    `today` to `days` days ahead, soonest first."""
    last = today + dt.timedelta(days=days)
    found: list[Deadline] = []
    for state in states:
        if state.status in _GONE:
            continue
        if state.pause_until is not None and today <= state.pause_until <= last and state.status == "paused":
            found.append(_deadline(state.pause_until, today, "pause ends", state))
        if state.effective is not None and today <= state.effective <= last and state.status != "paused":
            found.append(_deadline(state.effective, today, "takes effect", state))
        if state.expires is not None and today <= state.expires <= last and state.status != "threatened":
            found.append(_deadline(state.expires, today, "expires", state))
    found.sort(key=lambda d: (d.date, d.measure.imposer, d.measure.target, d.measure.sector or ""))
    return found


def _deadline(day: dt.date, today: dt.date, what: str, state: MeasureState) -> Deadline:
    return Deadline(date=day, days_left=(day - today).days, what=what, measure=state)


def build_content(
    sub: SubscriptionSettings,
    alerts: Sequence[AlertRaised],
    states: Sequence[MeasureState],
    now: dt.datetime,
    *,
    deadline_days: int = 30,
    measures_shown: int = 50,
) -> DigestContent:
    """The content of a digest for `sub` at `now`, from its alerts and every measure's state."""
    local_now = as_utc(now).astimezone(ZoneInfo(sub.timezone))
    scoped = [s for s in states if measure_in_scope(sub, s)]
    ordered = sorted(alerts, key=lambda a: (-severity_rank(a.severity), as_utc(a.raised_at), a.key))
    listed = sorted(
        (s for s in scoped if s.status not in _GONE),
        key=lambda s: (s.imposer, s.target, s.sector or "", s.layer or ""),
    )
    rows = measure_rows(listed)
    shown = rows[:measures_shown]
    return DigestContent(
        subscription=sub.name,
        title=sub.title,
        timezone=sub.timezone,
        generated_at=local_now,
        alerts=tuple(ordered),
        deadlines=tuple(upcoming_deadlines(scoped, local_now.date(), deadline_days)),
        deadline_days=deadline_days,
        measures=tuple(s for r in shown for s in r.layers),
        measures_hidden=max(0, len(rows) - measures_shown),
        rows=tuple(shown),
    )
