"""The outbox projection: the digest events folded into the outbox tables, and alerts into bursts.

`outbox` and every flush read these tables instead of every `digest.*` event
in the log, so their cost stays flat however long the log grows. Like every
projection it moves its checkpoint in the same transaction as its rows, and
`rebuild` replays it from the log.

A burst is a run of `alert.raised` events recorded back to back: nothing but
alerts (and the digest room's own bookkeeping) between them. One evaluation
of the rules (after a poll, or on a tick) appends its alerts in one
transaction holding the log's append lock, so its alerts form one burst; the
mass-change guard (`guard.py`) holds the bursts larger than
`delivery.hold_above`.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, insert, select, update

from monitor.digest.tables import TABLES, alert_bursts, outbox_deliveries, outbox_digests, stamp
from monitor.events import decode_recorded
from monitor.events.alerts import AlertRaised
from monitor.events.digests import (
    AlertsReleased,
    DeliveryHeld,
    DigestDeadLettered,
    DigestDelivered,
    DigestFailed,
    DigestQueued,
    DigestRetried,
    DigestSending,
)
from monitor.log.records import RecordedEvent
from monitor.log.store import EventReader, EventStore

NAME = "outbox"
MAIL = ""

#: Events that may sit between two alerts of one burst without ending it (our own, written meanwhile).
_BOOKKEEPING = frozenset(
    {
        DigestQueued.NAME,
        DigestDelivered.NAME,
        DigestFailed.NAME,
        DigestDeadLettered.NAME,
        DigestRetried.NAME,
        DigestSending.NAME,
        DeliveryHeld.NAME,
        AlertsReleased.NAME,
    }
)
_OUTCOMES = (DigestDelivered, DigestFailed, DigestDeadLettered)


def legs_of(digest: DigestQueued) -> list[str]:
    """Where a digest goes: mail ("") unless it has only channels, then each of its channels."""
    legs = [MAIL] if digest.recipients or not digest.channels else []
    return legs + list(digest.channels)


def overall(rows: list[Any]) -> str:
    """A digest's status from its deliveries': waiting beats dead-lettered beats delivered."""
    statuses = {r.status for r in rows}
    if "failed" in statuses:
        return "failed"
    if "queued" in statuses:
        return "queued"
    if "dead" in statuses or any(r.refused for r in rows):
        return "dead"
    return "delivered"


class OutboxProjection:
    """digest.* events -> outbox_digests and outbox_deliveries; alert.raised -> alert_bursts."""

    name = NAME
    types: frozenset[str] | None = _BOOKKEEPING | {AlertRaised.NAME}

    def create(self, conn: Connection) -> None:
        """Create the tables if missing."""
        for table in TABLES:
            table.create(conn, checkfirst=True)

    def drop(self, conn: Connection) -> None:
        """Drop the tables."""
        for table in reversed(TABLES):
            table.drop(conn, checkfirst=True)

    def apply(self, conn: Connection, event: RecordedEvent) -> None:
        """Fold one event."""
        decoded = decode_recorded(event)
        if isinstance(decoded, AlertRaised):
            self._alert(conn, event, decoded)
        elif isinstance(decoded, DigestQueued):
            self._queued(conn, event, decoded)
        elif isinstance(decoded, _OUTCOMES):
            self._outcome(conn, event, decoded)
        elif isinstance(decoded, DigestRetried):
            self._retried(conn, event, decoded)
        elif isinstance(decoded, DigestSending):
            # Claimed: not due for anyone else until the claim runs out.
            conn.execute(
                update(outbox_deliveries)
                .where(
                    outbox_deliveries.c.digest_id == decoded.digest_id,
                    outbox_deliveries.c.leg == (decoded.channel or MAIL),
                )
                .values(next_attempt_at=stamp(decoded.until))
            )
            conn.execute(
                update(outbox_digests)
                .where(outbox_digests.c.digest_id == decoded.digest_id)
                .values(version=event.version)
            )
        elif isinstance(decoded, AlertsReleased):
            conn.execute(
                update(alert_bursts)
                .where(alert_bursts.c.first_position == decoded.first_position)
                .values(released=decoded.action, released_at=stamp(decoded.released_at))
            )

    # --- digests ----------------------------------------------------------------------------------

    def _queued(self, conn: Connection, event: RecordedEvent, digest: DigestQueued) -> None:
        if conn.execute(
            select(outbox_digests.c.digest_id).where(outbox_digests.c.digest_id == digest.digest_id)
        ).first():
            return
        queued = stamp(digest.queued_at)
        conn.execute(
            insert(outbox_digests).values(
                digest_id=digest.digest_id,
                position=event.position,
                subscription=digest.subscription,
                status="queued",
                alerts=len(digest.alert_keys),
                recipients=list(digest.recipients),
                channels=list(digest.channels),
                subject=digest.subject,
                message_id=digest.message_id,
                queued_at=queued,
                version=0,
                last_error=None,
            )
        )
        for leg in legs_of(digest):
            conn.execute(
                insert(outbox_deliveries).values(
                    digest_id=digest.digest_id,
                    leg=leg,
                    status="queued",
                    method=None,
                    attempts=0,
                    tries=0,
                    started_at=queued,
                    next_attempt_at=queued,
                    delivered_at=None,
                    last_error=None,
                    pending=list(digest.recipients) if leg == MAIL else [],
                    refused={},
                )
            )

    def _leg(self, conn: Connection, digest_id: str, leg: str) -> Any:
        return conn.execute(
            select(outbox_deliveries).where(outbox_deliveries.c.digest_id == digest_id, outbox_deliveries.c.leg == leg)
        ).first()

    def _outcome(
        self, conn: Connection, event: RecordedEvent, outcome: DigestDelivered | DigestFailed | DigestDeadLettered
    ) -> None:
        leg = outcome.channel or MAIL
        row = self._leg(conn, outcome.digest_id, leg)
        if row is None:
            return  # an outcome for a digest whose queueing we cannot see: nothing to update
        refused = dict(row.refused)
        values: dict[str, Any] = {"attempts": outcome.attempt, "tries": row.tries + 1, "method": outcome.method}
        if isinstance(outcome, DigestDelivered):
            refusals = dict(outcome.refusals) or {r: "refused" for r in outcome.refused}
            refused.update(refusals)
            values |= {
                "status": "delivered",
                "pending": [],
                "next_attempt_at": None,
                "delivered_at": stamp(outcome.delivered_at),
                "last_error": "; ".join(f"{r}: {why}" for r, why in refusals.items()) or None,
            }
        else:
            refused.update(outcome.refusals)
            gone = set(outcome.accepted) | set(outcome.refusals)
            dead = isinstance(outcome, DigestDeadLettered)
            values |= {
                "status": "dead" if dead else "failed",
                "pending": [r for r in row.pending if r not in gone],
                "next_attempt_at": None if dead else stamp(outcome.next_attempt_at),  # type: ignore[union-attr]
                "last_error": outcome.reason,
            }
        values["refused"] = refused
        conn.execute(
            update(outbox_deliveries)
            .where(outbox_deliveries.c.digest_id == outcome.digest_id, outbox_deliveries.c.leg == leg)
            .values(**values)
        )
        self._settle(conn, outcome.digest_id, event.version, values.get("last_error"))

    def _retried(self, conn: Connection, event: RecordedEvent, retried: DigestRetried) -> None:
        when = stamp(retried.requested_at)
        for leg in retried.legs:
            row = self._leg(conn, retried.digest_id, leg)
            if row is None:
                continue
            conn.execute(
                update(outbox_deliveries)
                .where(outbox_deliveries.c.digest_id == retried.digest_id, outbox_deliveries.c.leg == leg)
                .values(
                    status="queued",
                    tries=0,
                    started_at=when,
                    next_attempt_at=when,
                    pending=sorted({*row.pending, *row.refused}),
                    refused={},
                )
            )
        self._settle(conn, retried.digest_id, event.version, None)

    def _settle(self, conn: Connection, digest_id: str, version: int, error: str | None) -> None:
        rows = list(conn.execute(select(outbox_deliveries).where(outbox_deliveries.c.digest_id == digest_id)))
        values: dict[str, Any] = {"status": overall(rows), "version": version}
        if error:
            values["last_error"] = error
        conn.execute(update(outbox_digests).where(outbox_digests.c.digest_id == digest_id).values(**values))

    # --- bursts -----------------------------------------------------------------------------------

    def _alert(self, conn: Connection, event: RecordedEvent, alert: AlertRaised) -> None:
        counted = 0 if alert.silenced_by else 1
        raised = stamp(alert.raised_at)
        last = conn.execute(select(alert_bursts).order_by(alert_bursts.c.first_position.desc()).limit(1)).first()
        if (
            last is not None
            and last.last_position < event.position
            and _back_to_back(conn, last.last_position, event.position)
        ):
            conn.execute(
                update(alert_bursts)
                .where(alert_bursts.c.first_position == last.first_position)
                .values(
                    last_position=event.position,
                    alerts=last.alerts + counted,
                    last_raised_at=max(raised, last.last_raised_at),
                )
            )
            return
        conn.execute(
            insert(alert_bursts).values(
                first_position=event.position,
                last_position=event.position,
                alerts=counted,
                first_raised_at=raised,
                last_raised_at=raised,
                released=None,
                released_at=None,
            )
        )


def _back_to_back(conn: Connection, before: int, after: int) -> bool:
    """Whether nothing but our own bookkeeping was recorded between positions `before` and `after`."""
    if after == before + 1:
        return True
    reader = EventReader(conn.engine)
    last = before
    while last < after - 1:
        page = list(reader.read_page(conn, after=last, limit=20, until=after - 1))
        if not page:
            return True
        if any(e.type not in _BOOKKEEPING for e in page):
            return False
        last = page[-1].position
    return True


def update_outbox(store: EventStore) -> int:
    """Catch the outbox projection up with the log; return how many events it applied."""
    from monitor.log.projection import ProjectionRunner

    return ProjectionRunner(store, OutboxProjection()).run()
