"""The recorder contract (`monitor/log/base.py`), written once and run on a SQLite file and on PostgreSQL.

Whatever database a recorder speaks to, the store above it relies on these:
rows come back in the order they were inserted, a stream version or an
idempotency key is taken once, checkpoints commit or roll back with the rows
beside them, the append lock makes a second writer wait, and the database
itself refuses to change a recorded event.
"""

from __future__ import annotations

import datetime as dt
import threading

import orjson
import pytest
from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError, IntegrityError

from monitor.log.base import Recorder, Selection, StoredRow
from monitor.log.recorders import recorder_for

WHEN = dt.datetime(2025, 4, 2, 12, 0, tzinfo=dt.UTC)


@pytest.fixture
def recorder(engine: Engine) -> Recorder:
    """The recorder of a fresh database, on both back ends."""
    return recorder_for(engine)


def row(recorder: Recorder, stream_id: str, version: int, n: int, *, key: str | None = None) -> StoredRow:
    """A row as the store hands it over: JSON encoded, times as the recorder's driver takes them."""
    data = {"n": n, "text": f"a levy of {n} percent on garden chairs"}
    return (
        stream_id,
        version,
        "test.levied",
        1,
        recorder.json_value(orjson.dumps(data)),
        recorder.json_value(b'{"source":"tests"}'),
        recorder.time_value(WHEN),
        recorder.time_value(WHEN - dt.timedelta(days=1)),
        key,
        None,  # no chain link: the store makes those, and the recorder only keeps them
    )


def insert(recorder: Recorder, rows: list[StoredRow]) -> tuple[int, ...]:
    with recorder.writing() as conn:
        recorder.lock_appends(conn)
        return recorder.insert(conn, rows)


def everything(recorder: Recorder, **filters: object) -> list[tuple[str, int, int]]:
    with recorder.reading() as conn:
        rows = recorder.select_page(conn, Selection(after=0, limit=1000, **filters))  # type: ignore[arg-type]
        return [(e.stream_id, e.version, e.data["n"]) for e in recorder.to_events(rows)]


def test_inserted_rows_come_back_in_position_order_as_whole_events(recorder: Recorder) -> None:
    first = insert(recorder, [row(recorder, "chairs", 1, 10), row(recorder, "tables", 1, 20, key="t-1")])
    second = insert(recorder, [row(recorder, "chairs", 2, 11)])

    assert list(first + second) == sorted(first + second) and len(set(first + second)) == 3
    assert everything(recorder) == [("chairs", 1, 10), ("tables", 1, 20), ("chairs", 2, 11)]
    with recorder.reading() as conn:
        (tables,) = recorder.to_events(recorder.select_stream(conn, "tables", 0))
        chairs = list(recorder.to_events(recorder.select_stream(conn, "chairs", 1)))
    assert tables.position == first[1] and tables.idempotency_key == "t-1"
    assert tables.metadata == {"source": "tests"}
    assert tables.recorded_at == WHEN and tables.occurred_at == WHEN - dt.timedelta(days=1)
    assert [(e.version, e.position) for e in chairs] == [(2, second[0])]


def test_a_page_is_cut_by_position_type_and_stream(recorder: Recorder) -> None:
    positions = insert(
        recorder,
        [row(recorder, "chairs-a", 1, 1), row(recorder, "chairs_b", 1, 2), row(recorder, "tables", 1, 3)],
    )
    assert everything(recorder, until=positions[1]) == [("chairs-a", 1, 1), ("chairs_b", 1, 2)]
    assert everything(recorder, stream_prefix="chairs_") == [("chairs_b", 1, 2)]  # "_" is no wildcard
    assert everything(recorder, stream_id="tables") == [("tables", 1, 3)]
    assert everything(recorder, types=["test.other"]) == []
    with recorder.reading() as conn:
        page = list(recorder.to_events(recorder.select_page(conn, Selection(after=positions[0], limit=1))))
    assert [e.position for e in page] == [positions[1]]


def test_a_stream_version_is_taken_once_and_the_refused_insert_writes_nothing(recorder: Recorder) -> None:
    insert(recorder, [row(recorder, "chairs", 1, 1)])
    with pytest.raises(IntegrityError):
        insert(recorder, [row(recorder, "tables", 1, 2), row(recorder, "chairs", 1, 3)])
    assert everything(recorder) == [("chairs", 1, 1)]


def test_an_idempotency_key_is_taken_once_and_found_with_its_stream(recorder: Recorder) -> None:
    (position,) = insert(recorder, [row(recorder, "chairs", 1, 1, key="decide:7:0")])
    with pytest.raises(IntegrityError):
        insert(recorder, [row(recorder, "tables", 1, 2, key="decide:7:0")])
    insert(recorder, [row(recorder, "chairs", 2, 3, key="decide:70:0")])

    with recorder.reading() as conn:
        assert recorder.find_keys(conn, ["decide:7:0", "never"]) == {"decide:7:0": ("decide:7:0", position, "chairs")}
        assert recorder.positions_by_key_prefix(conn, "decide:7:", None) == [position]
        assert len(recorder.positions_by_key_prefix(conn, "decide:", 1)) == 1


def test_max_position_count_and_versions_follow_the_inserts(recorder: Recorder) -> None:
    with recorder.reading() as conn:
        assert (recorder.max_position(conn), recorder.count(conn)) == (0, 0)
        assert recorder.stream_versions(conn, ["chairs"]) == {}
    positions = insert(recorder, [row(recorder, "chairs", 1, 1), row(recorder, "chairs", 2, 2)])
    insert(recorder, [row(recorder, f"bench-{i}", 1, i) for i in range(450)])  # beyond one IN list
    with recorder.reading() as conn:
        assert recorder.max_position(conn) >= positions[-1] and recorder.count(conn) == 452
        versions = recorder.stream_versions(conn, ["chairs", "never", *[f"bench-{i}" for i in range(450)]])
        payloads = recorder.select_payloads(conn, ["chairs", "bench-449"], version=1)
    assert versions["chairs"] == 2 and "never" not in versions and len(versions) == 451
    assert sorted((s, d["n"]) for s, d in payloads) == [("bench-449", 449), ("chairs", 1)]


def test_a_checkpoint_commits_and_rolls_back_with_the_rows_of_its_transaction(recorder: Recorder) -> None:
    class Crash(Exception):
        pass

    with pytest.raises(Crash), recorder.writing() as conn:
        recorder.insert(conn, [row(recorder, "chairs", 1, 1)])
        assert recorder.advance_checkpoint(conn, "chairs-view", 0, 1, WHEN)
        raise Crash
    with recorder.reading() as conn:
        assert (recorder.checkpoint(conn, "chairs-view"), recorder.count(conn)) == (0, 0)

    with recorder.writing() as conn:
        (position,) = recorder.insert(conn, [row(recorder, "chairs", 1, 1)])
        assert recorder.advance_checkpoint(conn, "chairs-view", 0, position, WHEN)
    with recorder.writing() as conn:
        assert recorder.checkpoint_and_head(conn, "chairs-view") == (position, position)
        # Another runner moved it first: this one is told, and the checkpoint stays.
        assert not recorder.advance_checkpoint(conn, "chairs-view", 0, position + 5, WHEN)
        recorder.delete_checkpoint(conn, "other-view")
    with recorder.writing() as conn:
        recorder.delete_checkpoint(conn, "chairs-view")
        assert recorder.checkpoint_and_head(conn, "chairs-view") == (0, position)


@pytest.mark.parametrize("lock", ["appends", "projection"])
def test_a_second_writer_waits_for_the_lock_holders_transaction(recorder: Recorder, lock: str) -> None:
    def take(conn: object) -> None:
        if lock == "appends":
            recorder.lock_appends(conn)  # type: ignore[arg-type]
        else:
            recorder.lock_projection(conn, "chairs-view")  # type: ignore[arg-type]

    held = threading.Event()
    release = threading.Event()
    done = threading.Event()
    order: list[str] = []

    def first() -> None:
        with recorder.writing() as conn:
            take(conn)
            take(conn)  # again in one transaction: harmless
            held.set()
            release.wait(10)
            order.append("first commits")

    def second() -> None:
        held.wait(10)
        with recorder.writing() as conn:
            take(conn)
            order.append("second has the lock")
        done.set()

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for t in threads:
        t.start()
    assert held.wait(10)
    assert not done.wait(0.5)  # still waiting while the first holds it
    release.set()
    for t in threads:
        t.join(20)
    assert order == ["first commits", "second has the lock"]


def test_the_database_refuses_to_update_or_delete_events(recorder: Recorder, engine: Engine) -> None:
    insert(recorder, [row(recorder, "chairs", 1, 1), row(recorder, "chairs", 2, 2)])
    statements = ["UPDATE events SET type = 'test.changed'", "DELETE FROM events"]
    if engine.dialect.name == "postgresql":
        statements.append("TRUNCATE events")
    for statement in statements:
        with pytest.raises(DBAPIError, match="append-only"), engine.begin() as conn:
            conn.execute(text(statement))
    assert everything(recorder) == [("chairs", 1, 1), ("chairs", 2, 2)]
