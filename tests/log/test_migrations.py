"""The schema is made and upgraded by alembic; databases that are not ours are refused untouched."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import threading
from importlib import resources
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Engine, event, inspect, text

from monitor.clock import SteppingClock
from monitor.errors import SchemaError, StoreError
from monitor.log import EventStore, NewEvent, open_engine
from monitor.log.migrate import current_revision, head_revision, upgrade
from monitor.log.schema import VERSION_TABLE, meta, metadata


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_upgrade_brings_a_new_database_to_the_newest_revision(engine: Engine) -> None:
    assert current_revision(engine) == head_revision()
    names = set(inspect(engine).get_table_names())
    assert {"events", "checkpoints", VERSION_TABLE} <= names


def test_the_migrated_schema_is_the_one_the_code_uses(engine: Engine) -> None:
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"version_table": VERSION_TABLE})
        differences = compare_metadata(context, metadata)
    assert differences == []


def test_upgrade_of_a_current_database_changes_nothing(engine: Engine, clock: SteppingClock) -> None:
    store = EventStore(engine, clock)
    store.append("s", [NewEvent(type="test.noted", data={"n": 1})])
    upgrade(engine)
    upgrade(engine)
    assert current_revision(engine) == head_revision()
    assert [e.data for e in store.read_all()] == [{"n": 1}]


def test_a_database_from_a_newer_trade_monitor_is_refused_untouched(engine: Engine, clock: SteppingClock) -> None:
    store = EventStore(engine, clock)
    store.append("s", [NewEvent(type="test.noted", data={"n": 1})])
    with engine.begin() as conn:
        conn.execute(text(f"UPDATE {VERSION_TABLE} SET version_num = '9001'"))

    with pytest.raises(SchemaError) as caught:
        upgrade(engine)

    message = str(caught.value)
    assert "'9001'" in message and "newer trade-monitor" in message
    assert engine.url.render_as_string(hide_password=True) in message
    assert current_revision(engine) == "9001"
    assert [e.data for e in store.read_all()] == [{"n": 1}]


def test_a_corrupt_file_is_refused_and_left_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "log.db"
    path.write_bytes(b"these bytes were never a database, only a shopping list: " * 100)
    before = digest(path)
    engine = open_engine(f"sqlite:///{path}")

    with pytest.raises(SchemaError, match="not a database trade-monitor can open") as caught:
        upgrade(engine)

    assert str(path) in str(caught.value)
    assert digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["log.db"]


def test_a_foreign_sqlite_file_is_refused_and_left_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE recipes (name TEXT, minutes INTEGER)")
    con.execute("INSERT INTO recipes VALUES ('lentil soup', 40)")
    con.commit()
    con.close()
    before = digest(path)
    engine = open_engine(f"sqlite:///{path}")

    with pytest.raises(SchemaError, match=r"not trade-monitor's \(recipes\)"):
        upgrade(engine)
    engine.dispose()

    assert digest(path) == before
    con = sqlite3.connect(path)
    assert con.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    con.close()


def test_a_foreign_alembic_database_is_not_mistaken_for_a_newer_one_of_ours(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)")
    con.execute("INSERT INTO alembic_version VALUES ('abc123')")
    con.execute("CREATE TABLE invoices (id INTEGER)")
    con.commit()
    con.close()
    with pytest.raises(SchemaError, match="not trade-monitor's"):
        upgrade(open_engine(f"sqlite:///{path}"))


def test_a_foreign_postgresql_schema_is_refused_untouched(pg_url: str) -> None:
    engine = open_engine(pg_url)
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE shipments (id integer, port text)"))

    with pytest.raises(SchemaError, match=r"not trade-monitor's \(shipments\)"):
        upgrade(engine)

    assert inspect(engine).get_table_names() == ["shipments"]
    engine.dispose()


def test_a_missing_folder_is_a_store_error_naming_the_path(tmp_path: Path) -> None:
    path = tmp_path / "no" / "such" / "folder" / "log.db"
    with pytest.raises(StoreError, match="cannot open the database") as caught:
        upgrade(open_engine(f"sqlite:///{path}"))
    assert str(path) in str(caught.value)


FIRST_CUT = (
    "CREATE TABLE events (position INTEGER PRIMARY KEY, stream_id VARCHAR(200) NOT NULL, version INTEGER NOT NULL, "
    "type VARCHAR(100) NOT NULL, schema_version INTEGER NOT NULL, data JSON NOT NULL, metadata JSON NOT NULL, "
    "recorded_at DATETIME NOT NULL, occurred_at DATETIME, idempotency_key VARCHAR(300), "
    "CONSTRAINT uq_events_stream_version UNIQUE (stream_id, version))",
    "CREATE UNIQUE INDEX uq_events_idempotency_key ON events (idempotency_key) WHERE idempotency_key IS NOT NULL",
    "CREATE INDEX ix_events_type_position ON events (type, position)",
    "CREATE TABLE checkpoints (name VARCHAR(100) PRIMARY KEY, position INTEGER NOT NULL, updated_at DATETIME)",
    "CREATE TABLE trade_monitor_meta (key VARCHAR(100) PRIMARY KEY, value TEXT NOT NULL)",
)


def test_a_database_made_before_migrations_is_adopted(tmp_path: Path, clock: SteppingClock) -> None:
    engine = open_engine(f"sqlite:///{tmp_path}/old.db")
    with engine.begin() as conn:
        # The first cut's tables, as it made them (without alembic's table, nor what later revisions add).
        for statement in FIRST_CUT:
            conn.exec_driver_sql(statement)
        conn.execute(meta.insert().values(key="app", value="trade-monitor"))
        conn.exec_driver_sql(
            "INSERT INTO events (stream_id, version, type, schema_version, data, metadata, recorded_at) "
            """VALUES ('s', 1, 'test.noted', 1, '{"n": 1}', '{}', '2025-04-02 12:00:00.000000')"""
        )

    upgrade(engine)

    assert current_revision(engine) == head_revision()
    assert [e.data for e in EventStore(engine, clock).read_all()] == [{"n": 1}]


def test_two_processes_starting_at_once_on_a_new_database_both_get_the_schema(db_url: str) -> None:
    engines = [open_engine(db_url), open_engine(db_url)]
    barrier = threading.Barrier(2)
    errors: list[BaseException] = []

    def start(engine: Engine) -> None:
        barrier.wait()
        try:
            upgrade(engine)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=start, args=(e,)) for e in engines]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert current_revision(engines[0]) == head_revision()
    for e in engines:
        e.dispose()


def test_a_new_database_another_process_is_writing_is_set_up_once_it_lets_go(tmp_path: Path) -> None:
    # Switching a file to WAL is refused at once while another connection holds its write lock (a second
    # daemon already migrating it); starting up waits for that lock instead of failing.
    path = tmp_path / "log.db"
    other = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")
    releases = threading.Timer(0.3, lambda: other.execute("COMMIT"))
    releases.start()
    engine = open_engine(f"sqlite:///{path}")
    try:
        upgrade(engine)
    finally:
        releases.join()
        other.close()
    assert current_revision(engine) == head_revision()
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    engine.dispose()


def test_an_older_database_is_upgraded_and_then_refused_by_the_older_code(
    engine: Engine, clock: SteppingClock, tmp_path: Path
) -> None:
    """A release with a second revision upgrades our database; the previous release then refuses it."""
    store = EventStore(engine, clock)
    store.append("s", [NewEvent(type="test.noted", data={"n": 1})])
    newer = tmp_path / "migrations"
    shutil.copytree(Path(str(resources.files("monitor.log").joinpath("migrations"))), newer)
    (newer / "versions" / "0099_index_occurred_at.py").write_text(
        '"""Index the time facts refer to."""\n'
        "from alembic import op\n\n"
        f'revision = "0099"\ndown_revision = "{head_revision()}"\nbranch_labels = None\ndepends_on = None\n\n\n'
        "def upgrade() -> None:\n"
        '    op.create_index("ix_events_occurred_at", "events", ["occurred_at"])\n',
        encoding="utf-8",
    )

    upgrade(engine, migrations=newer)

    assert current_revision(engine) == "0099"
    assert "ix_events_occurred_at" in {i["name"] for i in inspect(engine).get_indexes("events")}
    assert [e.data for e in store.read_all()] == [{"n": 1}]
    with pytest.raises(SchemaError, match="'0099', made by a newer trade-monitor"):
        upgrade(engine)


def test_upgrade_of_a_current_database_only_reads_a_little(engine: Engine) -> None:
    statements: list[str] = []

    def record(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        statements.append(statement)

    event.listen(engine, "before_cursor_execute", record)
    try:
        upgrade(engine)
    finally:
        event.remove(engine, "before_cursor_execute", record)

    queries = [s for s in statements if s != "BEGIN"]  # our own deferred BEGIN on SQLite
    assert len(queries) <= 3, statements
    assert all(s.lstrip().upper().startswith("SELECT") for s in queries), statements


def test_an_unreachable_postgresql_server_is_a_store_error_naming_it() -> None:
    engine = open_engine("postgresql+psycopg://postgres@127.0.0.1:9/trade", connect_args={"connect_timeout": 3})
    with pytest.raises(StoreError, match="cannot open the database") as caught:
        upgrade(engine)
    assert "127.0.0.1:9/trade" in str(caught.value)


def test_reading_from_an_unreachable_server_is_a_store_error(clock: SteppingClock) -> None:
    engine = open_engine("postgresql+psycopg://postgres@127.0.0.1:9/trade", connect_args={"connect_timeout": 3})
    store = EventStore(engine, clock)
    for read in (store.count, store.last_position, lambda: list(store.read_all()), lambda: store.read_stream("s")):
        with pytest.raises(StoreError, match=r"127\.0\.0\.1:9/trade: cannot read the event log"):
            read()
    with pytest.raises(StoreError, match="cannot append"):
        store.append("s", [NewEvent(type="test.noted", data={})])
