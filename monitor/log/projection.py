"""Projections: views derived from the log, each with its checkpoint kept beside its rows.

A projection's rows and its checkpoint are written in one transaction, so an
event is applied exactly once even across a crash: a batch that fails is rolled
back whole, rows and checkpoint together, and the next run starts from the
last batch that committed. `rebuild` drops the rows and replays the log from
the start.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Protocol

from sqlalchemy import Connection, bindparam, func, insert, select, text, update
from sqlalchemy.exc import DBAPIError

from monitor.errors import MonitorError, StoreError
from monitor.log.database import write_transaction
from monitor.log.records import RecordedEvent
from monitor.log.schema import checkpoints, events
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

    @contextmanager
    def _transaction(self) -> Iterator[Connection]:
        # One runner per projection at a time: on SQLite the write lock taken at BEGIN
        # sees to it; on PostgreSQL an advisory lock per projection. A second runner
        # waits, then goes on from the checkpoint the first one left.
        try:
            with write_transaction(self.store.engine) as conn:
                if self.store.engine.dialect.name == "postgresql":
                    conn.execute(
                        text("SELECT pg_advisory_xact_lock(7317002, hashtext(current_schema() || '/' || :name))"),
                        {"name": self.projection.name},
                    )
                yield conn
        except DBAPIError as exc:
            raise StoreError(
                f"projection {self.projection.name!r}: the database refused its batch: {exc.orig}",
                hint="the batch was rolled back; run again",
            ) from exc

    def checkpoint(self) -> int:
        """The last position the projection has applied."""
        with self.store.reading() as conn:
            return read_checkpoint(conn, self.projection.name)

    def lag(self) -> int:
        """How many positions the projection is behind the log."""
        return max(0, self.store.last_position() - self.checkpoint())

    def run(self, *, batch_size: int = 5000, progress: Callable[[int], None] | None = None) -> int:
        """Apply every event after the checkpoint; return how many were applied.

        Each batch of up to `batch_size` events is one transaction holding the
        projection's rows and its new checkpoint. `progress` is called after
        each batch with the number of log positions it covered. An exception in
        the projection rolls its batch back and is raised (as a `StoreError`
        naming the projection and the event, unless it is already one of ours).
        """
        name = self.projection.name
        wanted = sorted(self.projection.types) if self.projection.types is not None else None
        applied = 0
        with self._transaction() as conn:
            self.projection.create(conn)
        while True:
            with self._transaction() as conn:
                # Appends commit in position order, so every position up to `head` is visible.
                start, head = conn.execute(_WHERE_AND_HEAD, {"name": name}).one()
                start, head = int(start or 0), int(head or 0)
                if head <= start:
                    return applied
                rows = self.store.page_rows(conn, after=start, limit=batch_size, until=head, types=wanted, stream=True)
                apply = self.projection.apply
                event = None
                count = 0
                try:
                    for event in self.store.recorded(rows):
                        apply(conn, event)
                        count += 1
                except MonitorError:
                    raise
                except Exception as exc:
                    assert event is not None
                    raise StoreError(
                        f"projection {name!r} failed on the event at position {event.position} "
                        f"({event.type} in {event.stream_id!r}): {type(exc).__name__}: {exc}",
                        hint="its batch was rolled back; fix the cause and run again",
                    ) from exc
                applied += count
                # A short page means nothing more up to `head` is for this projection.
                end = event.position if event is not None and count == batch_size else head
                _save_checkpoint(conn, name, start, end, self.store)
            if progress is not None:
                progress(end - start)

    def rebuild(self, *, batch_size: int = 5000, progress: Callable[[int], None] | None = None) -> int:
        """Drop the projection and replay the whole log into it; return how many events were applied."""
        with self._transaction() as conn:
            self.projection.drop(conn)
            conn.execute(checkpoints.delete().where(checkpoints.c.name == self.projection.name))
        return self.run(batch_size=batch_size, progress=progress)


# Built once: these run every batch.
_WHERE_AND_HEAD = select(
    select(checkpoints.c.position).where(checkpoints.c.name == bindparam("name")).scalar_subquery(),
    select(func.max(events.c.position)).scalar_subquery(),
)
_ADVANCE = (
    update(checkpoints)
    .where(checkpoints.c.name == bindparam("cp_name"), checkpoints.c.position == bindparam("old"))
    .values(position=bindparam("new"), updated_at=bindparam("now"))
)


def _save_checkpoint(conn: Connection, name: str, old: int, new: int, store: EventStore) -> None:
    now = store.clock.now()
    done = conn.execute(_ADVANCE, {"cp_name": name, "old": old, "new": new, "now": now})
    if done.rowcount == 1:
        return
    if old == 0 and conn.execute(select(checkpoints.c.name).where(checkpoints.c.name == name)).first() is None:
        conn.execute(insert(checkpoints).values(name=name, position=new, updated_at=now))
        return
    raise StoreError(
        f"projection {name!r} was advanced by another process while this one worked; its batch was rolled back",
        hint="run it again: it goes on from where the other one stopped",
    )
