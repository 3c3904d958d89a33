"""Projections: views derived from the log, each with its checkpoint kept beside its rows.

A projection's rows and its checkpoint are written in one transaction, so an
event is applied exactly once even across a crash: a batch that fails is rolled
back whole, rows and checkpoint together, and the next run starts from the
last batch that committed. `rebuild` drops the rows and replays the log from
the start. An event a projection cannot apply stops it there, recorded with
its position and reason (`monitor/log/faults.py`), until the event applies or
a user skips it: never silently.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import NoReturn, Protocol

from sqlalchemy import Connection
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError

from monitor.errors import EventTypeError, InputError, ProjectionStuckError, StoreError
from monitor.log.base import Selection
from monitor.log.faults import Fault, clear_fault, read_fault, record_fault, record_skip
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


class _Failed(Exception):
    """An event the projection's `apply` raised on (carried out of the batch, which is rolled back)."""

    def __init__(self, event: RecordedEvent, exc: Exception) -> None:
        super().__init__(event.position)
        self.event = event
        self.exc = exc


def _not_the_events_doing(exc: Exception) -> bool:
    # The database or the store failing says nothing about the event: raise it as it is, and
    # the next run tries again. An event this code cannot read is the event's own trouble.
    if isinstance(exc, EventTypeError):
        return False
    return isinstance(exc, StoreError | OperationalError | InterfaceError)


class ProjectionRunner:
    """Catches one projection up with the log."""

    def __init__(self, store: EventStore, projection: Projection) -> None:
        self.store = store
        self.projection = projection
        self._fault: Fault | None = None

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

    def fault(self) -> Fault | None:
        """The event the projection is stuck at, and why; None when it is not stuck."""
        with self.store.reading() as conn:
            return read_fault(conn, self.projection.name)

    def run(self, *, batch_size: int = 5000, progress: Callable[[int], None] | None = None) -> int:
        """Apply every event after the checkpoint; return how many were applied.

        Each batch of up to `batch_size` events is one transaction holding the
        projection's rows and its new checkpoint. `progress` is called after
        each batch with the number of log positions it covered.

        An event the projection cannot apply (its `apply` raises anything but a
        database or store error, which are raised as they are) stops it there:
        the failed batch is rolled back, the events before that one are applied
        again in batches of their own, the fault is recorded (`fault()`), and
        `ProjectionStuckError` names the position, the event and the reason. The
        next run tries that event again; nothing skips it but `skip`.
        """
        with self._transaction() as conn:
            self.projection.create(conn)
            self._fault = read_fault(conn, self.projection.name)
        applied = 0
        while True:
            try:
                done = self._batch(batch_size)
            except _Failed as failed:
                self._stop_at(failed, batch_size, progress)
            if done is None:
                return applied
            count, covered = done
            applied += count
            if progress is not None:
                progress(covered)

    def _batch(self, batch_size: int, until: int | None = None) -> tuple[int, int] | None:
        """Apply one batch in one transaction; (events applied, positions covered), or None when caught up."""
        name = self.projection.name
        recorder = self.store.recorder
        wanted = sorted(self.projection.types) if self.projection.types is not None else None
        with self._transaction() as conn:
            # Appends commit in position order, so every position up to `head` is visible.
            start, head = recorder.checkpoint_and_head(conn, name)
            if until is not None:
                head = min(head, until)
            if head <= start:
                return None
            rows = recorder.select_page(conn, Selection(start, batch_size, head, wanted), stream=True)
            apply = self.projection.apply
            event = None
            count = 0
            for event in recorder.to_events(rows):
                try:
                    apply(conn, event)
                except Exception as exc:
                    if _not_the_events_doing(exc):
                        raise
                    raise _Failed(event, exc) from exc
                count += 1
            # A short page means nothing more up to `head` is for this projection.
            end = event.position if event is not None and count == batch_size else head
            if not recorder.advance_checkpoint(conn, name, start, end, self.store.clock.now()):
                raise StoreError(
                    f"projection {name!r} was advanced by another process while this one worked; "
                    "its batch was rolled back",
                    hint="run it again: it goes on from where the other one stopped",
                )
            if self._fault is not None and end >= self._fault.position:
                clear_fault(conn, name)
                self._fault = None
        return count, end - start

    def _stop_at(self, failed: _Failed, batch_size: int, progress: Callable[[int], None] | None) -> NoReturn:
        """Apply what comes before the event that failed, record the fault, and raise it."""
        while True:
            try:
                while (done := self._batch(batch_size, until=failed.event.position - 1)) is not None:
                    if progress is not None:
                        progress(done[1])
                break
            except _Failed as earlier:  # an event before it failed this time: that is where it stops
                failed = earlier
        event, exc = failed.event, failed.exc
        name = self.projection.name
        reason = f"{type(exc).__name__}: {exc}"
        with self._transaction() as conn:
            old = read_fault(conn, name)
            new = old is None or (old.position, old.reason) != (event.position, reason)
            since = self.store.clock.now() if new or old is None else old.since
            record_fault(
                conn,
                Fault(
                    name=name,
                    position=event.position,
                    type=event.type,
                    stream_id=event.stream_id,
                    reason=reason,
                    since=since,
                ),
            )
        raise ProjectionStuckError(name, event.position, event.type, event.stream_id, reason, new=new) from exc

    def skip(self, position: int) -> Fault:
        """Skip the event the projection is stuck at, which must be at `position`; return its fault.

        The checkpoint moves past it, the skip is kept for good (`faults.read_skips`),
        and the fault is cleared; the next run goes on after it. Refused (`InputError`)
        when the projection is not stuck at `position`, or has not yet applied what
        comes before it.
        """
        name = self.projection.name
        recorder = self.store.recorder
        now = self.store.clock.now()
        with self._transaction() as conn:
            fault = read_fault(conn, name)
            if fault is None:
                raise InputError(f"projection {name!r} is not stuck: there is no event to skip")
            if fault.position != position:
                raise InputError(
                    f"projection {name!r} is stuck at position {fault.position}, not {position}",
                    hint="skip the event it is stuck at, as `status` shows it",
                )
            checkpoint = recorder.checkpoint(conn, name)
            if checkpoint != position - 1:
                raise InputError(
                    f"projection {name!r} has applied up to position {checkpoint}, not yet up to the event "
                    f"before {position}; nothing was skipped",
                    hint="catch it up first ('trade-monitor replay'), then skip what it is stuck at",
                )
            if not recorder.advance_checkpoint(conn, name, checkpoint, position, now):
                raise StoreError(f"projection {name!r} was advanced by another process; nothing was skipped")
            record_skip(conn, fault, now)
            clear_fault(conn, name)
        return fault

    def rebuild(self, *, batch_size: int = 5000, progress: Callable[[int], None] | None = None) -> int:
        """Drop the projection and replay the whole log into it; return how many events were applied."""
        with self._transaction() as conn:
            self.projection.drop(conn)
            self.store.recorder.delete_checkpoint(conn, self.projection.name)
        return self.run(batch_size=batch_size, progress=progress)
