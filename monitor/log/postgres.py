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
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection, Text, cast, select, text

from monitor.log.base import INSERT_COLUMNS, Recorder, Selection, StoredRow
from monitor.log.records import ROW_COLUMNS, RecordedEvent, iter_recorded
from monitor.log.schema import events

#: The advisory lock every append holds until its transaction ends (with a hash of the schema).
APPEND_LOCK = 7317001
#: The advisory locks of projection runners: this number and a hash of schema and projection name.
PROJECTION_LOCK = 7317002

_APPEND_LOCK = text("SELECT pg_advisory_xact_lock(:key, hashtext(current_schema()))")
_PROJECTION_LOCK = text("SELECT pg_advisory_xact_lock(:key, hashtext(current_schema() || '/' || :name))")
# One statement per append however many rows: a fixed SQL text the driver parses once and the
# server prepares, its parameters one array per column, zipped by ROWS FROM. (A multi-row VALUES
# list is new text of ten thousand placeholders for each batch, and parsing it took half of an
# append.) The payloads go as one JSON array each, split by json_array_elements, which hands each
# element on as the very text given: the driver would escape every quote of every payload to
# write them as elements of a text[].
_ARRAYS = {
    "stream_id": "unnest(CAST(:stream_id AS text[]))",
    "version": "unnest(CAST(:version AS int[]))",
    "type": "unnest(CAST(:type AS text[]))",
    "schema_version": "unnest(CAST(:schema_version AS int[]))",
    "data": "json_array_elements(CAST(:data AS json))",
    "metadata": "json_array_elements(CAST(:metadata AS json))",
    "recorded_at": "unnest(CAST(:recorded_at AS timestamptz[]))",
    "occurred_at": "unnest(CAST(:occurred_at AS timestamptz[]))",
    "idempotency_key": "unnest(CAST(:idempotency_key AS text[]))",
    "chain_hash": "unnest(CAST(:chain_hash AS text[]))",
}
_INSERT = text(
    f"INSERT INTO events ({', '.join(INSERT_COLUMNS)}) SELECT {', '.join(INSERT_COLUMNS)} "
    f"FROM ROWS FROM ({', '.join(_ARRAYS[c] for c in INSERT_COLUMNS)}) "
    f"WITH ORDINALITY AS given({', '.join(INSERT_COLUMNS)}, n) ORDER BY n "
    "RETURNING position, stream_id, version"
)
_JSON_COLUMNS = frozenset({"data", "metadata"})
_COLUMNS = tuple(events.c[name] for name in ROW_COLUMNS)
# Pages read the payloads as the text stored (`json` keeps it verbatim): `iter_recorded` decodes
# `data` with orjson and leaves `metadata` as text until it is first read, where the driver's
# JSON loader would decode both, on every row, through two layers of Python.
_PAGE_COLUMNS = tuple(cast(c, Text).label(c.name) if c.name in ("data", "metadata") else c for c in _COLUMNS)


class PostgresRecorder(Recorder):
    """Stores the log in a PostgreSQL database."""

    dialect = "postgresql"
    triggers = frozenset({"events_append_only", "events_no_truncate", "events_in_order"})

    @contextmanager
    def reading(self) -> Iterator[Connection]:
        """A short-lived connection for reads, each statement on its own (no BEGIN, no ROLLBACK).

        At PostgreSQL's READ COMMITTED every statement sees the data as of its own
        start, in a transaction or not: the answers are the same, for one round
        trip a read instead of three.
        """
        with super().reading() as conn:
            yield conn.execution_options(isolation_level="AUTOCOMMIT")

    def lock_appends(self, conn: Connection) -> None:
        """Take the append lock; taking it again in the same transaction is harmless."""
        conn.execute(_APPEND_LOCK, {"key": APPEND_LOCK})

    def lock_projection(self, conn: Connection, name: str) -> None:
        """Take the projection's lock: a second runner waits, then goes on from the first one's checkpoint."""
        conn.execute(_PROJECTION_LOCK, {"key": PROJECTION_LOCK, "name": name})

    def json_value(self, encoded: bytes) -> Any:
        """The encoded payload as text, which the insert hands to a json column (kept verbatim)."""
        return encoded.decode()

    def time_value(self, value: dt.datetime | None) -> Any:
        """The time itself: the driver writes timestamptz."""
        return value

    def insert(self, conn: Connection, rows: Sequence[StoredRow]) -> tuple[int, ...]:
        """One INSERT ... SELECT FROM ROWS FROM (...) RETURNING for all the rows, positions in the order of `rows`."""
        params: dict[str, Any] = {}
        for name, column in zip(INSERT_COLUMNS, zip(*rows, strict=True), strict=True):
            params[name] = f"[{','.join(column)}]" if name in _JSON_COLUMNS else list(column)
        # RETURNING promises no order: each position is matched to its row by stream and version.
        given = {(stream_id, version): position for position, stream_id, version in conn.execute(_INSERT, params)}
        return tuple(given[(row[0], row[1])] for row in rows)

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
