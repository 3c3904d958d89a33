"""Opening the database, and the two kinds of transaction the log uses.

The engine is created once at the edge and passed in; nothing here owns its
lifetime. On SQLite every transaction is begun by us rather than by pysqlite,
so that a transaction that will write can take the write lock at BEGIN
(`BEGIN IMMEDIATE`) while readers keep a plain deferred `BEGIN` and never wait.
A deferred transaction that reads and then tries to write can fail at once with
"database is locked" when another writer got in between; one that took the
lock up front simply waits its turn (up to the busy timeout).
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import orjson
from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.exc import ArgumentError, NoSuchModuleError

from monitor.errors import StoreError

#: Execution option that marks a connection's next transaction as one that writes.
WRITE_OPTION = "trade_monitor_write"

#: How long a SQLite writer waits for another writer's lock before giving up (ms).
SQLITE_BUSY_TIMEOUT_MS = 30_000


def json_dumps(value: Any) -> str:
    """The engine's JSON encoder (orjson; pre-encoded `orjson.Fragment`s pass through as they are)."""
    return orjson.dumps(value).decode()


def open_engine(url: str, **kwargs: Any) -> Engine:
    """An engine for the log at `url`, tuned for it (WAL and a busy timeout on SQLite)."""
    try:
        engine = create_engine(url, json_serializer=json_dumps, json_deserializer=orjson.loads, **kwargs)
    except (ArgumentError, NoSuchModuleError, ValueError) as exc:
        raise StoreError(f"database URL {url!r} cannot be used: {exc}") from exc
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
    return engine


@contextmanager
def write_transaction(engine: Engine) -> Iterator[Connection]:
    """A transaction that is going to write, committed when the block ends.

    On SQLite it holds the database's write lock from its first statement, so
    its reads and its writes see one state and two writers queue instead of
    failing; on PostgreSQL it is an ordinary transaction. Use it around
    `EventStore.append_in` and projection updates; plain reads need only
    `engine.connect()`.
    """
    with engine.connect() as conn:
        conn.execution_options(**{WRITE_OPTION: True})
        with conn.begin():
            yield conn


def enable_wal(engine: Engine) -> None:
    """Put a SQLite database in WAL mode (kept in the file), so readers never wait for writers.

    Another process may hold the file's lock at that moment (two daemons starting on a new database, one
    already migrating it); SQLite answers the switch with "database is locked" at once instead of waiting
    out the busy timeout, so the switch is tried again for as long as that timeout.
    """
    for attempt in range(_WAL_ATTEMPTS):
        raw = engine.raw_connection()
        try:
            raw.driver_connection.execute("PRAGMA journal_mode = WAL").close()  # type: ignore[union-attr]
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc):
                raise StoreError(f"cannot put the database in WAL mode: {exc}") from exc
            if attempt == _WAL_ATTEMPTS - 1:
                raise StoreError(
                    f"cannot put the database in WAL mode: still locked after {SQLITE_BUSY_TIMEOUT_MS} ms"
                ) from exc
        finally:
            raw.close()
        time.sleep(_WAL_RETRY_S)


_WAL_RETRY_S = 0.05
_WAL_ATTEMPTS = int(SQLITE_BUSY_TIMEOUT_MS / 1000 / _WAL_RETRY_S)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # Leave transactions to us: pysqlite would defer BEGIN until the first write.
    # Only per-connection settings here: WAL mode is stored in the file, so it is
    # switched on by `upgrade` once the file is known to be ours.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.execute("PRAGMA foreign_keys = ON")
    finally:
        cursor.close()


def _sqlite_begin(conn: Connection) -> None:
    immediate = conn.get_execution_options().get(WRITE_OPTION, False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")
