"""Opening the database: the engine is created once at the edge and passed in."""

from __future__ import annotations

from typing import Any

import orjson
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import ArgumentError, NoSuchModuleError

from monitor.errors import StoreError


def _json_dumps(value: Any) -> str:
    return orjson.dumps(value).decode()


def open_engine(url: str, **kwargs: Any) -> Engine:
    """An engine for the log at `url`, tuned for it (WAL and a busy timeout on SQLite)."""
    try:
        engine = create_engine(url, json_serializer=_json_dumps, json_deserializer=orjson.loads, **kwargs)
    except (ArgumentError, NoSuchModuleError, ValueError) as exc:
        raise StoreError(f"database URL {url!r} cannot be used: {exc}") from exc
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
        # pysqlite's own BEGIN handling defers the write lock and cannot be told to
        # take it up front; we issue BEGIN ourselves (see the SQLAlchemy docs on
        # "Serializable isolation / Savepoints / Transactional DDL" for pysqlite).
        event.listen(engine, "begin", _sqlite_begin)
    return engine


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA busy_timeout = 30000")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.execute("PRAGMA foreign_keys = ON")
    finally:
        cursor.close()


def _sqlite_begin(conn: Any) -> None:
    conn.exec_driver_sql("BEGIN")
