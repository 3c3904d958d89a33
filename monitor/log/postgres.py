"""The PostgreSQL recorder: for deployments where several daemons share one log.

Positions come from a sequence, and sequence values can commit out of order: a
reader that had moved past a gap would skip the late event for ever. So every
append first takes a transaction-scoped advisory lock, and positions become
visible in the order they were handed out. The lock's second half is a hash of
the schema, so logs in different schemas do not wait on each other.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import orjson
from sqlalchemy import Connection, Engine, Text, cast, insert, select, text

from monitor.log.base import INSERT_COLUMNS, Recorder, Selection, StoredRow
from monitor.log.database import json_dumps
from monitor.log.records import ROW_COLUMNS, RecordedEvent, iter_recorded
from monitor.log.schema import events

#: The advisory lock every append holds until its transaction ends (with a hash of the schema).
APPEND_LOCK = 7317001
#: The advisory locks of projection runners: this number and a hash of schema and projection name.
PROJECTION_LOCK = 7317002

_APPEND_LOCK = text("SELECT pg_advisory_xact_lock(:key, hashtext(current_schema()))")
_PROJECTION_LOCK = text("SELECT pg_advisory_xact_lock(:key, hashtext(current_schema() || '/' || :name))")
_INSERT = insert(events).returning(events.c.position, sort_by_parameter_order=True)
_COLUMNS = tuple(events.c[name] for name in ROW_COLUMNS)
# Pages read the payloads as the text stored (`json` keeps it verbatim): `iter_recorded` decodes
# `data` with orjson and leaves `metadata` as text until it is first read, where the driver's
# JSON loader would decode both, on every row, through two layers of Python.
_PAGE_COLUMNS = tuple(cast(c, Text).label(c.name) if c.name in ("data", "metadata") else c for c in _COLUMNS)


class PostgresRecorder(Recorder):
    """Stores the log in a PostgreSQL database."""

    dialect = "postgresql"
    triggers = frozenset({"events_append_only", "events_no_truncate", "events_in_order"})

    def __init__(self, engine: Engine) -> None:
        super().__init__(engine)
        # The engine `open_engine` makes passes orjson Fragments through its JSON
        # serializer, so payloads the store encoded are not encoded twice; another
        # engine gets them decoded.
        preencoded = getattr(engine.dialect, "_json_serializer", None) is json_dumps
        self._json = orjson.Fragment if preencoded else orjson.loads

    def lock_appends(self, conn: Connection) -> None:
        """Take the append lock; taking it again in the same transaction is harmless."""
        conn.execute(_APPEND_LOCK, {"key": APPEND_LOCK})

    def lock_projection(self, conn: Connection, name: str) -> None:
        """Take the projection's lock: a second runner waits, then goes on from the first one's checkpoint."""
        conn.execute(_PROJECTION_LOCK, {"key": PROJECTION_LOCK, "name": name})

    def json_value(self, encoded: bytes) -> Any:
        """The encoded payload as an orjson Fragment, which the engine's serializer passes through."""
        return self._json(encoded)

    def time_value(self, value: dt.datetime | None) -> Any:
        """The time itself: the driver writes timestamptz."""
        return value

    def insert(self, conn: Connection, rows: Sequence[StoredRow]) -> tuple[int, ...]:
        """One INSERT ... RETURNING for every row, positions in the order of `rows`."""
        params = [dict(zip(INSERT_COLUMNS, row, strict=True)) for row in rows]
        return tuple(row[0] for row in conn.execute(_INSERT, params))

    def select_page(self, conn: Connection, selection: Selection, *, stream: bool = False) -> Iterable[Sequence[Any]]:
        """A page read with SQLAlchemy Core (the driver decodes JSON and times)."""
        s = selection
        query = select(*_PAGE_COLUMNS).where(events.c.position > s.after)
        if s.until is not None:
            query = query.where(events.c.position <= s.until)
        if s.types is not None:
            query = query.where(events.c.type.in_(s.types))
        if s.stream_prefix is not None:
            query = query.where(events.c.stream_id.startswith(s.stream_prefix, autoescape=True))
        if s.stream_id is not None:
            query = query.where(events.c.stream_id == s.stream_id)
        return conn.execute(query.order_by(events.c.position).limit(s.limit)).all()

    def to_events(self, rows: Iterable[Sequence[Any]]) -> Iterator[RecordedEvent]:
        """Events of rows whose JSON and times the driver has decoded already."""
        return iter_recorded(rows)

    def chain_rows(self, conn: Connection, after: int, limit: int) -> Iterable[Sequence[Any]]:
        """The rows with JSON as the text stored (`json` keeps it verbatim) and times formatted in UTC."""
        return conn.execute(_CHAIN_ROWS, {"after": after, "limit": limit}).all()

    def enabled_triggers(self, conn: Connection) -> frozenset[str]:
        """The triggers on this schema's `events` that are not disabled (`ALTER TABLE ... DISABLE TRIGGER`)."""
        return frozenset(conn.execute(_TRIGGERS).scalars())


_TIME = "to_char({} AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US')"
_CHAIN_ROWS = text(
    "SELECT position, stream_id, version, type, schema_version, data::text, metadata::text, "
    f"{_TIME.format('recorded_at')}, {_TIME.format('occurred_at')}, idempotency_key, chain_hash "
    "FROM events WHERE position > :after ORDER BY position LIMIT :limit"
)
_TRIGGERS = text(
    "SELECT tgname FROM pg_trigger WHERE tgrelid = 'events'::regclass AND NOT tgisinternal AND tgenabled <> 'D'"
)
