"""The event store: append with optimistic concurrency and idempotency keys, ordered reads.

The store never owns the engine's lifetime: it is handed one created at the edge.
Rows are only ever inserted; the database refuses updates and deletes (triggers,
see `monitor/log/migrations`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from sqlalchemy import Connection, Engine, func, insert, select, text
from sqlalchemy.exc import DBAPIError, IntegrityError

from monitor.clock import Clock
from monitor.errors import ConcurrencyError, StoreError
from monitor.log.records import AppendResult, NewEvent, RecordedEvent
from monitor.log.schema import events

#: `expected_version` value that skips the concurrency check.
ANY_VERSION = -1


def _utc(value: dt.datetime | None) -> dt.datetime | None:
    if value is None:
        return None
    if value.tzinfo is None:
        return value.replace(tzinfo=dt.UTC)
    return value.astimezone(dt.UTC)


def _as_stored(value: dt.datetime | None) -> dt.datetime | None:
    # SQLite keeps naive text; store everything as naive UTC there, aware elsewhere.
    value = _utc(value)
    return value


_COLUMNS = (
    events.c.position,
    events.c.stream_id,
    events.c.version,
    events.c.type,
    events.c.schema_version,
    events.c.data,
    events.c.metadata,
    events.c.recorded_at,
    events.c.occurred_at,
    events.c.idempotency_key,
)


def _row_to_event(row: Any) -> RecordedEvent:
    return RecordedEvent(
        position=row[0],
        stream_id=row[1],
        version=row[2],
        type=row[3],
        schema_version=row[4],
        data=row[5],
        metadata=row[6],
        recorded_at=_utc(row[7]),  # type: ignore[arg-type]
        occurred_at=_utc(row[8]),
        idempotency_key=row[9],
    )


class EventStore:
    """The append-only log of everything trade-monitor learned and decided."""

    def __init__(self, engine: Engine, clock: Clock) -> None:
        self.engine = engine
        self.clock = clock
        self._is_pg = engine.dialect.name == "postgresql"

    # --- writing ----------------------------------------------------------------------------------

    def append(
        self,
        stream_id: str,
        new_events: Sequence[NewEvent],
        expected_version: int = ANY_VERSION,
    ) -> AppendResult:
        """Append `new_events` to `stream_id` in one transaction.

        `expected_version` is the version the caller read (0 for a new stream);
        when another writer has moved the stream since, `ConcurrencyError` is
        raised and nothing is written. When every idempotency key given is
        already in the log the append is a no-op and the result says
        `duplicate=True`.
        """
        if not new_events:
            return AppendResult(stream_id=stream_id, positions=(), version=self.stream_version(stream_id))
        try:
            with self.engine.begin() as conn:
                return self._append(conn, stream_id, new_events, expected_version)
        except IntegrityError as exc:
            # A writer that raced us between our checks and our insert.
            message = str(exc.orig)
            if "idempotency" in message:
                dup = self._duplicate(stream_id, new_events)
                if dup is not None:
                    return dup
            actual = self.stream_version(stream_id)
            raise ConcurrencyError(stream_id, expected_version, actual) from exc
        except DBAPIError as exc:
            raise StoreError(f"cannot append to {stream_id!r}: {exc.orig}") from exc

    def append_in(
        self,
        conn: Connection,
        stream_id: str,
        new_events: Sequence[NewEvent],
        expected_version: int = ANY_VERSION,
    ) -> AppendResult:
        """Append inside a transaction the caller holds (for writing projection rows alongside)."""
        return self._append(conn, stream_id, new_events, expected_version)

    def _append(
        self, conn: Connection, stream_id: str, new_events: Sequence[NewEvent], expected_version: int
    ) -> AppendResult:
        if self._is_pg:
            # Serialise appends so positions commit in order: a reader that has seen
            # position N can never later find a committed N-1.
            conn.execute(text("SELECT pg_advisory_xact_lock(7317001)"))
        keys = [e.idempotency_key for e in new_events if e.idempotency_key]
        if keys:
            found = conn.execute(
                select(events.c.idempotency_key, events.c.position).where(events.c.idempotency_key.in_(keys))
            ).all()
            if found:
                if len(found) == len(set(keys)):
                    return AppendResult(
                        stream_id=stream_id,
                        positions=tuple(sorted(p for _, p in found)),
                        version=self._version(conn, stream_id),
                        duplicate=True,
                    )
                raise StoreError(
                    f"append to {stream_id!r}: {len(found)} of {len(keys)} idempotency keys are already recorded",
                    hint="an append is all or nothing; split repeated and new events",
                )
        current = self._version(conn, stream_id)
        if expected_version != ANY_VERSION and current != expected_version:
            raise ConcurrencyError(stream_id, expected_version, current)
        now = _as_stored(self.clock.now())
        rows = [
            {
                "stream_id": stream_id,
                "version": current + i + 1,
                "type": e.type,
                "schema_version": e.schema_version,
                "data": e.data,
                "metadata": e.metadata,
                "recorded_at": now,
                "occurred_at": _as_stored(e.occurred_at),
                "idempotency_key": e.idempotency_key,
            }
            for i, e in enumerate(new_events)
        ]
        result = conn.execute(insert(events).returning(events.c.position, sort_by_parameter_order=True), rows)
        positions = tuple(r[0] for r in result)
        return AppendResult(stream_id=stream_id, positions=positions, version=current + len(rows))

    def _duplicate(self, stream_id: str, new_events: Sequence[NewEvent]) -> AppendResult | None:
        keys = [e.idempotency_key for e in new_events if e.idempotency_key]
        with self.engine.connect() as conn:
            found = conn.execute(select(events.c.position).where(events.c.idempotency_key.in_(keys))).all()
            if len(found) == len(set(keys)):
                return AppendResult(
                    stream_id=stream_id,
                    positions=tuple(sorted(r[0] for r in found)),
                    version=self._version(conn, stream_id),
                    duplicate=True,
                )
        return None

    # --- reading ----------------------------------------------------------------------------------

    @staticmethod
    def _version(conn: Connection, stream_id: str) -> int:
        value = conn.execute(select(func.max(events.c.version)).where(events.c.stream_id == stream_id)).scalar()
        return int(value or 0)

    def stream_version(self, stream_id: str) -> int:
        """The version of the stream's last event; 0 for a stream with none."""
        with self.engine.connect() as conn:
            return self._version(conn, stream_id)

    def last_position(self) -> int:
        """The position of the newest event in the log; 0 for an empty log."""
        with self.engine.connect() as conn:
            return int(conn.execute(select(func.max(events.c.position))).scalar() or 0)

    def count(self) -> int:
        """How many events the log holds."""
        with self.engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(events)).scalar() or 0)

    def read_stream(self, stream_id: str, *, after_version: int = 0) -> list[RecordedEvent]:
        """The events of one stream in version order."""
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(*_COLUMNS)
                .where(events.c.stream_id == stream_id, events.c.version > after_version)
                .order_by(events.c.version)
            )
            return [_row_to_event(r) for r in rows]

    def read_all(
        self,
        *,
        after: int = 0,
        until: int | None = None,
        types: Iterable[str] | None = None,
        stream_prefix: str | None = None,
        batch_size: int = 1000,
        limit: int | None = None,
    ) -> Iterator[RecordedEvent]:
        """Every event after position `after` in position order, read a page at a time.

        Memory stays flat however long the log: each page is a fresh keyset query.
        """
        type_list = list(types) if types is not None else None
        last = after
        left = limit
        while left is None or left > 0:
            page = batch_size if left is None else min(batch_size, left)
            query = select(*_COLUMNS).where(events.c.position > last)
            if until is not None:
                query = query.where(events.c.position <= until)
            if type_list is not None:
                query = query.where(events.c.type.in_(type_list))
            if stream_prefix is not None:
                query = query.where(events.c.stream_id.startswith(stream_prefix, autoescape=True))
            query = query.order_by(events.c.position).limit(page)
            with self.engine.connect() as conn:
                rows = conn.execute(query).all()
            if not rows:
                return
            for row in rows:
                yield _row_to_event(row)
            last = rows[-1][0]
            if left is not None:
                left -= len(rows)
            if len(rows) < page:
                return
