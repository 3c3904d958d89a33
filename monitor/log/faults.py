"""Stuck projections: the event each one could not apply, and the events users told one to skip.

A projection that cannot apply an event stops there: it has applied every
event before it, its fault (`projection_faults`) names the event and the
reason, and it goes no further until the event applies (after a fix) or a
user skips it (`ProjectionRunner.skip`, the `projections skip` command), which
is kept in `projection_skips` for good. Nothing is ever skipped on its own.
Written in the caller's transaction, with SQLAlchemy Core: both databases run
these the same way.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, insert, select

from monitor.log.schema import projection_faults, projection_skips


@dataclass(frozen=True, kw_only=True)
class Fault:
    """An event a projection could not apply: where, what, why, and since when."""

    name: str
    position: int
    type: str
    stream_id: str
    reason: str
    since: dt.datetime

    def to_json(self) -> dict[str, Any]:
        """The fault as `status --format json` shows it."""
        return {
            "position": self.position,
            "type": self.type,
            "stream_id": self.stream_id,
            "reason": self.reason,
            "since": _utc(self.since).isoformat(),
        }


def _utc(value: dt.datetime) -> dt.datetime:
    return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)


def read_fault(conn: Connection, name: str) -> Fault | None:
    """The named projection's fault; None when it is not stuck."""
    row = conn.execute(select(projection_faults).where(projection_faults.c.name == name)).first()
    if row is None:
        return None
    return Fault(
        name=row.name,
        position=int(row.position),
        type=row.type,
        stream_id=row.stream_id,
        reason=row.reason,
        since=_utc(row.since),
    )


def record_fault(conn: Connection, fault: Fault) -> None:
    """Keep `fault` as the projection's one fault (replacing any it had)."""
    clear_fault(conn, fault.name)
    conn.execute(
        insert(projection_faults).values(
            name=fault.name,
            position=fault.position,
            type=fault.type,
            stream_id=fault.stream_id,
            reason=fault.reason,
            since=fault.since,
        )
    )


def clear_fault(conn: Connection, name: str) -> None:
    """Forget the projection's fault (it applied the event, or a user skipped it)."""
    conn.execute(projection_faults.delete().where(projection_faults.c.name == name))


def record_skip(conn: Connection, fault: Fault, when: dt.datetime) -> None:
    """Keep, for good, that a user skipped the event of `fault` at `when`."""
    conn.execute(
        insert(projection_skips).values(
            name=fault.name,
            position=fault.position,
            type=fault.type,
            stream_id=fault.stream_id,
            reason=fault.reason,
            skipped_at=when,
        )
    )


def read_skips(conn: Connection, name: str) -> list[Fault]:
    """Every event skipped for the named projection, oldest first (`since` is when it was skipped)."""
    rows = conn.execute(select(projection_skips).where(projection_skips.c.name == name).order_by(projection_skips.c.id))
    return [
        Fault(
            name=r.name,
            position=int(r.position),
            type=r.type,
            stream_id=r.stream_id,
            reason=r.reason,
            since=_utc(r.skipped_at),
        )
        for r in rows
    ]
