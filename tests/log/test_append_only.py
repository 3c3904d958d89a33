"""No SQL statement rewrites, removes or back-dates a recorded event: the database itself refuses.

Every form a client could try is run against a real SQLite file and the real
PostgreSQL, by hand, as a user with a SQL shell would, bypassing the store. On
SQLite `REPLACE` (and `INSERT OR REPLACE`) deletes the row in its way without
firing a DELETE trigger, so the update and delete triggers alone did not stop it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
from alembic import command
from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError

from monitor.clock import SteppingClock
from monitor.log import EventStore, NewEvent, open_engine
from monitor.log.migrate import alembic_config, upgrade

_COLUMNS = "stream_id, version, type, schema_version, data, metadata, recorded_at, occurred_at, idempotency_key"
_WHEN = "'2025-04-03 09:00:00.000000'"


def _values(stream: str, version: int, key: str | None = None, position: int | None = None) -> str:
    key_sql = f"'{key}'" if key else "NULL"
    first = f"{position}, " if position is not None else ""
    return f"({first}'{stream}', {version}, 'test.rewritten', 1, '{{}}', '{{}}', {_WHEN}, NULL, {key_sql})"


def _insert_at(position: int, stream: str, version: int) -> str:
    return f"INSERT INTO events (position, {_COLUMNS}) VALUES {_values(stream, version, position=position)}"


#: Statements that would change recorded events (or slip one in before them) on SQLite.
SQLITE_STATEMENTS = {
    "replace by position": f"REPLACE INTO events (position, {_COLUMNS}) VALUES {_values('chairs', 1, position=1)}",
    "insert or replace by stream version": f"INSERT OR REPLACE INTO events ({_COLUMNS}) VALUES {_values('chairs', 2)}",
    "replace by idempotency key of another stream": (
        f"REPLACE INTO events ({_COLUMNS}) VALUES {_values('tables', 1, key='chair-levy-1')}"
    ),
    "insert or replace of the whole log from a select": (
        f"INSERT OR REPLACE INTO events (position, {_COLUMNS}) SELECT position, stream_id, version, "
        "'test.rewritten', schema_version, '{}', metadata, recorded_at, occurred_at, idempotency_key FROM events"
    ),
    "upsert on stream version": (
        f"INSERT INTO events ({_COLUMNS}) VALUES {_values('chairs', 1)} "
        "ON CONFLICT (stream_id, version) DO UPDATE SET type = excluded.type"
    ),
    "upsert on position": (
        f"INSERT INTO events (position, {_COLUMNS}) VALUES {_values('chairs', 9, position=2)} "
        "ON CONFLICT DO UPDATE SET data = excluded.data"
    ),
    "upsert on idempotency key": (
        f"INSERT INTO events ({_COLUMNS}) VALUES {_values('tables', 1, key='chair-levy-1')} "
        "ON CONFLICT (idempotency_key) WHERE idempotency_key IS NOT NULL DO UPDATE SET data = excluded.data"
    ),
    "update or replace": "UPDATE OR REPLACE events SET version = 1 WHERE position = 2",
    "update": "UPDATE events SET type = 'test.rewritten'",
    "delete": "DELETE FROM events WHERE position = 1",
    "insert before the first event": _insert_at(0, "tables", 1),
    "insert between recorded events": _insert_at(-5, "tables", 1),
}

#: The same on PostgreSQL, which has no REPLACE but has MERGE and TRUNCATE.
PG_STATEMENTS = {
    "upsert on position": (
        f"INSERT INTO events (position, {_COLUMNS}) VALUES {_values('chairs', 9, position=1)} "
        "ON CONFLICT (position) DO UPDATE SET data = excluded.data"
    ),
    "upsert on stream version": (
        f"INSERT INTO events ({_COLUMNS}) VALUES {_values('chairs', 1)} "
        "ON CONFLICT (stream_id, version) DO UPDATE SET type = excluded.type"
    ),
    "upsert on idempotency key": (
        f"INSERT INTO events ({_COLUMNS}) VALUES {_values('tables', 1, key='chair-levy-1')} "
        "ON CONFLICT (idempotency_key) WHERE idempotency_key IS NOT NULL DO UPDATE SET data = excluded.data"
    ),
    "merge that updates": (
        "MERGE INTO events e USING (SELECT 1 AS position) s ON e.position = s.position "
        "WHEN MATCHED THEN UPDATE SET type = 'test.rewritten'"
    ),
    "merge that deletes": (
        "MERGE INTO events e USING (SELECT 2 AS position) s ON e.position = s.position WHEN MATCHED THEN DELETE"
    ),
    "update": "UPDATE events SET type = 'test.rewritten'",
    "delete": "DELETE FROM events WHERE position = 1",
    "truncate": "TRUNCATE events",
    "insert before the first event": _insert_at(0, "tables", 1),
}


def _log(engine: Engine) -> list[tuple[Any, ...]]:
    with engine.connect() as conn:
        rows = conn.execute(
            text("SELECT position, stream_id, version, type, idempotency_key FROM events ORDER BY position")
        )
        return [tuple(r) for r in rows]


def _recorded(url: str) -> Iterator[Engine]:
    engine = open_engine(url)
    upgrade(engine)
    store = EventStore(engine, SteppingClock(dt.datetime(2025, 4, 2, 12, 0, tzinfo=dt.UTC)))
    store.append(
        "chairs",
        [
            NewEvent(type="test.levied", data={"rate": 10}, idempotency_key="chair-levy-1"),
            NewEvent(type="test.levied", data={"rate": 25}, idempotency_key="chair-levy-2"),
        ],
    )
    store.append("lamps", [NewEvent(type="test.levied", data={"rate": 5})])
    yield engine
    engine.dispose()


@pytest.fixture
def sqlite_log(sqlite_url: str) -> Iterator[Engine]:
    """A SQLite file holding three recorded events, two with idempotency keys."""
    yield from _recorded(sqlite_url)


@pytest.fixture
def pg_log(pg_url: str) -> Iterator[Engine]:
    """A PostgreSQL schema holding the same three events."""
    yield from _recorded(pg_url)


def _refused(engine: Engine, statement: str) -> None:
    before = _log(engine)
    assert len(before) == 3
    with pytest.raises(DBAPIError, match="append-only"), engine.begin() as conn:
        conn.execute(text(statement))
    assert _log(engine) == before


@pytest.mark.parametrize("statement", list(SQLITE_STATEMENTS.values()), ids=list(SQLITE_STATEMENTS))
def test_sqlite_refuses_every_statement_that_would_change_a_recorded_event(sqlite_log: Engine, statement: str) -> None:
    _refused(sqlite_log, statement)


@pytest.mark.parametrize("statement", list(PG_STATEMENTS.values()), ids=list(PG_STATEMENTS))
def test_postgresql_refuses_every_statement_that_would_change_a_recorded_event(pg_log: Engine, statement: str) -> None:
    _refused(pg_log, statement)


def test_sqlite_refuses_replace_even_with_recursive_triggers_off_and_on(sqlite_log: Engine) -> None:
    # The DELETE trigger fires for REPLACE only with recursive_triggers on; the refusal must not depend on it.
    for setting in ("OFF", "ON"):
        before = _log(sqlite_log)
        with pytest.raises(DBAPIError, match="append-only"), sqlite_log.begin() as conn:
            conn.exec_driver_sql(f"PRAGMA recursive_triggers = {setting}")
            conn.execute(text(SQLITE_STATEMENTS["replace by position"]))
        assert _log(sqlite_log) == before


@pytest.mark.parametrize("dialect", ["sqlite", "postgresql"])
def test_ordinary_inserts_after_the_last_event_still_go_through(dialect: str, request: pytest.FixtureRequest) -> None:
    engine: Engine = request.getfixturevalue("sqlite_log" if dialect == "sqlite" else "pg_log")
    last = _log(engine)[-1][0]
    with engine.begin() as conn:
        conn.execute(text(f"INSERT INTO events ({_COLUMNS}) VALUES {_values('tables', 1, key='table-levy-1')}"))
        conn.execute(text(_insert_at(last + 10, "tables", 2)))
    assert [(r[1], r[2]) for r in _log(engine)[-2:]] == [("tables", 1), ("tables", 2)]


@pytest.mark.parametrize("dialect", ["sqlite", "postgresql"])
def test_a_database_made_at_the_first_revision_is_protected_once_upgraded(
    dialect: str, request: pytest.FixtureRequest
) -> None:
    url = str(request.getfixturevalue("sqlite_url" if dialect == "sqlite" else "pg_url"))
    engine = open_engine(url)
    with engine.begin() as conn:
        config = alembic_config()
        config.attributes["connection"] = conn
        command.upgrade(config, "0001")
        conn.execute(text(f"INSERT INTO events ({_COLUMNS}) VALUES {_values('chairs', 1)}"))
    # What 0001 let through.
    first_position = _log(engine)[0][0]
    with engine.begin() as conn:
        conn.execute(text(_insert_at(0, "chairs", 7)))
    assert [r[0] for r in _log(engine)] == [0, first_position]

    upgrade(engine)

    with pytest.raises(DBAPIError, match="append-only"), engine.begin() as conn:
        conn.execute(text(_insert_at(-3, "chairs", 8)))
    assert [r[0] for r in _log(engine)] == [0, first_position]
    engine.dispose()
