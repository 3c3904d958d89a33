"""The SQLite recorder: the embedded default, and the path every replay takes.

Writers are serialised by the write lock a write transaction takes at BEGIN
(`write_transaction`), so there is no lock of our own to take. Inserts and page
reads go straight to the driver with values as SQLite keeps them (JSON as text,
UTC times in SQLAlchemy's format): SQLAlchemy's per-column processing and Row
objects would cost as much again as the rows themselves on a replay.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from sqlalchemy import Connection

from monitor.log.base import INSERT_COLUMNS, Recorder, Selection, StoredRow
from monitor.log.records import ROW_COLUMNS, RecordedEvent, iter_recorded_text

_INSERT = f"INSERT INTO events ({', '.join(INSERT_COLUMNS)}) VALUES ({', '.join('?' * len(INSERT_COLUMNS))})"
_SELECT = f"SELECT {', '.join(ROW_COLUMNS)} FROM events"


class SQLiteRecorder(Recorder):
    """Stores the log in a SQLite file."""

    dialect = "sqlite"
    triggers = frozenset({"events_no_update", "events_no_delete", "events_insert_only"})

    def lock_appends(self, conn: Connection) -> None:
        """Nothing to take: the write transaction holds SQLite's single writer lock from BEGIN."""

    def lock_projection(self, conn: Connection, name: str) -> None:
        """Nothing to take: the write transaction holds SQLite's single writer lock from BEGIN."""

    def json_value(self, encoded: bytes) -> Any:
        """JSON as text, as SQLite keeps it."""
        return encoded.decode()

    def time_value(self, value: dt.datetime | None) -> Any:
        """The text SQLAlchemy's SQLite DateTime writes and reads: naive, UTC, microseconds."""
        return None if value is None else value.replace(tzinfo=None).isoformat(" ", "microseconds")

    def insert(self, conn: Connection, rows: Sequence[StoredRow]) -> tuple[int, ...]:
        """Insert with the driver's executemany; positions are the new rowids."""
        # The rows go to the driver as they are. No RETURNING: SQLite cannot promise
        # its order in a multi-row insert. The position is the rowid, handed out as
        # max + 1, and we hold the write lock, so the new rows are the last
        # positions, in the order they were given. Through SQLAlchemy, so that a
        # refusal (unique index, trigger) is its IntegrityError.
        conn.exec_driver_sql(_INSERT, rows)
        last = self.max_position(conn)
        return tuple(range(last - len(rows) + 1, last + 1))

    def select_page(self, conn: Connection, selection: Selection, *, stream: bool = False) -> Iterable[Sequence[Any]]:
        """A page read through the driver; with `stream=True` its open cursor."""
        sql, params = _page_query(selection)
        cursor = _driver(conn).execute(sql, params)
        return cursor if stream else cursor.fetchall()

    def select_stream(self, conn: Connection, stream_id: str, after_version: int) -> Sequence[Any]:
        """One stream's rows through the driver."""
        sql = f"{_SELECT} WHERE stream_id = ? AND version > ? ORDER BY version"
        return _driver(conn).execute(sql, (stream_id, after_version)).fetchall()

    def select_last(self, conn: Connection, stream_id: str) -> Sequence[Any]:
        """The row of the stream's newest event; through SQLAlchemy, so a missing table is a `StoreError`."""
        sql = f"{_SELECT} WHERE stream_id = ? ORDER BY version DESC LIMIT 1"
        return conn.exec_driver_sql(sql, (stream_id,)).all()

    def to_events(self, rows: Iterable[Sequence[Any]]) -> Iterator[RecordedEvent]:
        """Events of driver rows, whose JSON and times are text: a loop without type checks."""
        return iter_recorded_text(rows)

    def chain_rows(self, conn: Connection, after: int, limit: int) -> Iterable[Sequence[Any]]:
        """The rows as stored: SQLite keeps JSON and times as the very text the chain hashes."""
        return _driver(conn).execute(_CHAIN_ROWS, (after, limit)).fetchall()

    def enabled_triggers(self, conn: Connection) -> frozenset[str]:
        """The triggers on `events` in the schema (SQLite cannot disable one without dropping it)."""
        rows = _driver(conn).execute("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'events'")
        return frozenset(name for (name,) in rows)


_CHAIN_ROWS = (
    "SELECT position, stream_id, version, type, schema_version, data, metadata, recorded_at, occurred_at, "
    "idempotency_key, chain_hash FROM events WHERE position > ? ORDER BY position LIMIT ?"
)


def _driver(conn: Connection) -> Any:
    # Straight to the driver, inside whatever transaction `conn` is in.
    return conn.connection.driver_connection


def _page_query(s: Selection) -> tuple[str, list[Any]]:
    where = ["position > ?"]
    params: list[Any] = [s.after]
    if s.until is not None:
        where.append("position <= ?")
        params.append(s.until)
    if s.types is not None:
        where.append(f"type IN ({', '.join('?' * len(s.types))})")
        params.extend(s.types)
    if s.stream_prefix is not None:
        escaped = s.stream_prefix.replace("/", "//").replace("%", "/%").replace("_", "/_")
        where.append("stream_id LIKE ? ESCAPE '/'")
        params.append(escaped + "%")
    if s.stream_id is not None:
        where.append("stream_id = ?")
        params.append(s.stream_id)
    params.append(s.limit)
    return f"{_SELECT} WHERE {' AND '.join(where)} ORDER BY position LIMIT ?", params
