"""The mass-change guard: a burst of more alerts than `delivery.hold_above` is recorded but not delivered.

A feed that changed its format, a bad rule file or a backfill can make one
poll or one tick raise hundreds of alerts at once; sending them would spend
the trust a real alert needs. The outbox projection groups alerts recorded
back to back (one evaluation of the rules) into bursts; a burst holding more
alerts than `delivery.hold_above` (silenced ones not counted) is held: every
subscription's next digest stops before it, so it and everything raised
after it wait, in log order, until a user decides. `alerts release` lets the
held alerts go out in the next digests; `alerts release --drop` leaves them
out of every digest (they stay in the log and in `alerts`). Either way an
`alerts.released` event records the decision.

The hold is recorded once per burst (`delivery.held`), when the digest job
first meets it, and logged as a warning then; `outbox`, `status` and
`digest preview` say what is held and why while it lasts.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from typing import Any, Literal

from sqlalchemy import and_, inspect, or_, select

from monitor.digest.projection import NAME as OUTBOX
from monitor.digest.projection import update_outbox
from monitor.digest.schedule import as_utc
from monitor.digest.tables import alert_bursts, unstamp
from monitor.errors import InputError
from monitor.events.digests import AlertsReleased, DeliveryHeld
from monitor.log import EventStore, NewEvent

log = logging.getLogger("monitor.digest")

STREAM = "delivery-holds"


@dataclass(frozen=True, kw_only=True)
class Burst:
    """Alerts recorded back to back by one evaluation of the rules."""

    first_position: int
    last_position: int
    alerts: int
    first_raised_at: dt.datetime
    last_raised_at: dt.datetime
    released: str | None = None

    def holds(self, position: int) -> bool:
        """Whether the alert at `position` is one of this burst's."""
        return self.first_position <= position <= self.last_position

    def describe(self, threshold: int) -> str:
        """Why it is held, in one line a user can act on."""
        return (
            f"delivery held: {self.alerts} alerts were raised at once at "
            f"{self.first_raised_at.strftime('%Y-%m-%d %H:%M')} UTC (log positions {self.first_position}-"
            f"{self.last_position}), more than delivery.hold_above = {threshold}; they and later alerts wait until "
            "`trade-monitor alerts release` (send them) or `alerts release --drop` (leave them out)"
        )


@dataclass(frozen=True, kw_only=True)
class Guard:
    """What the guard decided for the alerts up to `through`, the last position it has looked at."""

    through: int
    threshold: int
    held: tuple[Burst, ...] = ()
    dropped: tuple[Burst, ...] = ()


def _burst(row: Any) -> Burst:
    return Burst(
        first_position=row.first_position,
        last_position=row.last_position,
        alerts=row.alerts,
        first_raised_at=unstamp(row.first_raised_at),  # type: ignore[arg-type]
        last_raised_at=unstamp(row.last_raised_at),  # type: ignore[arg-type]
        released=row.released,
    )


def guard(store: EventStore, threshold: int, *, after: int = 0, catch_up: bool = True) -> Guard:
    """The held and dropped bursts after position `after` (a subscription's checkpoint).

    The outbox projection is caught up first (unless `catch_up` is False, for a
    reader that must write nothing); alerts after its checkpoint are not judged
    yet, so a reader must not go past `through`.
    """
    if catch_up:
        update_outbox(store)
    elif not inspect(store.engine).has_table(alert_bursts.name):
        # The outbox projection has never run, so it has judged nothing yet.
        return Guard(through=0, threshold=threshold)
    # With the guard off (0) nothing is held; dropped bursts are still passed over.
    held = and_(alert_bursts.c.released.is_(None), alert_bursts.c.alerts > (threshold if threshold > 0 else -1))
    if threshold <= 0:
        held = alert_bursts.c.alerts < 0
    query = (
        select(alert_bursts)
        .where(alert_bursts.c.last_position > after, or_(held, alert_bursts.c.released == "drop"))
        .order_by(alert_bursts.c.first_position)
    )
    with store.reading() as conn:
        rows = [_burst(r) for r in conn.execute(query)]
        through = store.recorder.checkpoint(conn, OUTBOX)
    return Guard(
        through=through,
        threshold=threshold,
        held=tuple(b for b in rows if b.released is None),
        dropped=tuple(b for b in rows if b.released == "drop"),
    )


def record_holds(store: EventStore, held: tuple[Burst, ...], threshold: int, now: dt.datetime) -> None:
    """Record each held burst once (`delivery.held`) and log why, the first time it is met."""
    for burst in held:
        event = DeliveryHeld(
            first_position=burst.first_position,
            last_position=burst.last_position,
            alerts=burst.alerts,
            threshold=threshold,
            held_at=as_utc(now),
        )
        result = store.append(
            STREAM, [NewEvent.of(event, idempotency_key=f"hold:{burst.first_position}", occurred_at=now)]
        )
        if not result.duplicate:
            log.warning(burst.describe(threshold))


def release(
    store: EventStore,
    now: dt.datetime,
    held: tuple[Burst, ...],
    *,
    action: Literal["send", "drop"] = "send",
    position: int | None = None,
) -> list[Burst]:
    """Release the `held` bursts (or the one starting at `position`); return those released."""
    chosen = [b for b in held if position is None or b.first_position == position]
    if position is not None and not chosen:
        raise InputError(f"no held alerts start at log position {position}", hint="see `trade-monitor outbox`")
    for burst in chosen:
        event = AlertsReleased(
            first_position=burst.first_position,
            last_position=burst.last_position,
            action=action,
            released_at=as_utc(now),
        )
        store.append(STREAM, [NewEvent.of(event, idempotency_key=f"release:{burst.first_position}", occurred_at=now)])
    update_outbox(store)
    return chosen
