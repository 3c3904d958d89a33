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

from sqlalchemy import Connection
from sqlalchemy.exc import DBAPIError

from monitor.errors import MonitorError, StoreError
from monitor.log.base import Selection
from monitor.log.records import RecordedEvent
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


class ProjectionRunner:
    """Catches one projection up with the log."""

    def __init__(self, store: EventStore, projection: Projection) -> None:
        self.store = store
        self.projection = projection

    @contextmanager
    def _transaction(self) -> Iterator[Connection]:
        # One runner per projection at a time: a second one waits, then goes on
        # from the checkpoint the first one left.
        try:
            with self.store.recorder.writing() as conn:
                self.store.recorder.lock_projection(conn, self.projection.name)
                yield conn
        except DBAPIError as exc:
            raise StoreError(
                f"projection {self.projection.name!r}: the database refused its batch: {exc.orig}",
                hint="the batch was rolled back; run again",
            ) from exc

    def checkpoint(self) -> int:
        """The last position the projection has applied."""
        with self.store.reading() as conn:
            return self.store.recorder.checkpoint(conn, self.projection.name)

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
        recorder = self.store.recorder
        wanted = sorted(self.projection.types) if self.projection.types is not None else None
        applied = 0
        with self._transaction() as conn:
            self.projection.create(conn)
        while True:
            with self._transaction() as conn:
                # Appends commit in position order, so every position up to `head` is visible.
                start, head = recorder.checkpoint_and_head(conn, name)
                if head <= start:
                    return applied
                rows = recorder.select_page(conn, Selection(start, batch_size, head, wanted), stream=True)
                apply = self.projection.apply
                event = None
                count = 0
                try:
                    for event in recorder.to_events(rows):
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
                if not recorder.advance_checkpoint(conn, name, start, end, self.store.clock.now()):
                    raise StoreError(
                        f"projection {name!r} was advanced by another process while this one worked; "
                        "its batch was rolled back",
                        hint="run it again: it goes on from where the other one stopped",
                    )
            if progress is not None:
                progress(end - start)

    def rebuild(self, *, batch_size: int = 5000, progress: Callable[[int], None] | None = None) -> int:
        """Drop the projection and replay the whole log into it; return how many events were applied."""
        with self._transaction() as conn:
            self.projection.drop(conn)
            self.store.recorder.delete_checkpoint(conn, self.projection.name)
        return self.run(batch_size=batch_size, progress=progress)
