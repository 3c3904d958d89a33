"""Projections: views derived from the log, each with its checkpoint kept beside its rows.

A projection's rows and its checkpoint are written in one transaction, so an
event is applied exactly once even across a crash; `rebuild` drops the rows
and replays the log from the start.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from sqlalchemy import Connection, insert, select, update

from monitor.log.records import RecordedEvent
from monitor.log.schema import checkpoints
from monitor.log.store import EventStore


class Projection(Protocol):
    """What the runner needs of a projection."""

    name: str
    #: The event types it reads; None for all.
    types: frozenset[str] | None

    def create(self, conn: Connection) -> None:
        """Create the projection's tables if they are missing."""

    def drop(self, conn: Connection) -> None:
        """Drop the projection's tables."""

    def apply(self, conn: Connection, event: RecordedEvent) -> None:
        """Fold one event into the projection's rows."""


def read_checkpoint(conn: Connection, name: str) -> int:
    """The last position the named projection has applied (0 when it has applied none)."""
    value = conn.execute(select(checkpoints.c.position).where(checkpoints.c.name == name)).scalar()
    return int(value or 0)


class ProjectionRunner:
    """Catches one projection up with the log."""

    def __init__(self, store: EventStore, projection: Projection) -> None:
        self.store = store
        self.projection = projection

    def checkpoint(self) -> int:
        """The last position the projection has applied."""
        with self.store.engine.connect() as conn:
            return read_checkpoint(conn, self.projection.name)

    def lag(self) -> int:
        """How many positions the projection is behind the log."""
        return max(0, self.store.last_position() - self.checkpoint())

    def run(self, *, batch_size: int = 1000, progress: Callable[[int], None] | None = None) -> int:
        """Apply every event after the checkpoint; return how many were applied."""
        applied = 0
        with self.store.engine.begin() as conn:
            self.projection.create(conn)
        while True:
            with self.store.engine.begin() as conn:
                start = read_checkpoint(conn, self.projection.name)
                batch = list(self.store.read_all(after=start, batch_size=batch_size, limit=batch_size))
                if not batch:
                    return applied
                wanted = self.projection.types
                for event in batch:
                    if wanted is None or event.type in wanted:
                        self.projection.apply(conn, event)
                        applied += 1
                _save_checkpoint(conn, self.projection.name, start, batch[-1].position)
            if progress is not None:
                progress(len(batch))

    def rebuild(self, *, progress: Callable[[int], None] | None = None) -> int:
        """Drop the projection and replay the whole log into it."""
        with self.store.engine.begin() as conn:
            self.projection.drop(conn)
            conn.execute(checkpoints.delete().where(checkpoints.c.name == self.projection.name))
        return self.run(progress=progress)


def _save_checkpoint(conn: Connection, name: str, old: int, new: int) -> None:
    if old == 0:
        exists = conn.execute(select(checkpoints.c.position).where(checkpoints.c.name == name)).first()
        if exists is None:
            conn.execute(insert(checkpoints).values(name=name, position=new))
            return
    done = conn.execute(
        update(checkpoints).where(checkpoints.c.name == name, checkpoints.c.position == old).values(position=new)
    )
    if done.rowcount != 1:
        from monitor.errors import StoreError

        raise StoreError(f"projection {name!r} was advanced by another process; its batch was rolled back")
