"""The hash chain and `verify`: an intact log passes, and a log edited behind the triggers' back is named by position.

Each tampering is done the way someone with a SQL shell would: the triggers are
taken away (dropped on SQLite, disabled on PostgreSQL), a row is changed, and,
for the sneakier cases, the triggers are put back, so that only the chain can tell.
"""

from __future__ import annotations

import datetime as dt
import json
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import Connection, Engine, event, text

from monitor.clock import SteppingClock
from monitor.log import EventReader, EventStore, NewEvent, ProjectionRunner, RecordedEvent, open_engine
from monitor.log.chain import GENESIS, content, link
from monitor.log.integrity import verify
from monitor.log.migrate import alembic_config, upgrade
from monitor.log.recorders import recorder_for
from tests.cli_runner import run_cli


def fill(store: EventStore) -> list[RecordedEvent]:
    """Six events over three streams, through each of the store's three append doors."""
    store.append("levy-chairs", [NewEvent(type="test.levied", data={"rate": 10}, idempotency_key="chairs-1")])
    store.append(
        "levy-lamps",
        [
            NewEvent(type="test.levied", data={"rate": 5, "on": ["brass", "glass"]}),
            NewEvent(type="test.raised", data={"rate": 7.5}, occurred_at=dt.datetime(2025, 3, 1, 8, 30, tzinfo=dt.UTC)),
        ],
    )
    with store.recorder.writing() as conn:
        store.append_in(conn, "levy-chairs", [NewEvent(type="test.raised", data={"rate": 12})], expected_version=1)
        store.append_streams(
            conn,
            {
                "levy-rugs": [NewEvent(type="test.levied", data={"rate": 3}, metadata={"source": "a note of ours"})],
                "levy-lamps": [NewEvent(type="test.paused", data={"until": "2025-07-09"})],
            },
        )
    return list(store.read_all())


class Tamperer:
    """Takes the append-only triggers away and puts them back, on either database."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.saved: list[str] = []

    def remove(self) -> None:
        with self.engine.begin() as conn:
            if self.engine.dialect.name == "postgresql":
                conn.execute(text("ALTER TABLE events DISABLE TRIGGER USER"))
                return
            rows = conn.execute(text("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")).all()
            self.saved = [sql for _, sql in rows]
            for name, _ in rows:
                conn.execute(text(f"DROP TRIGGER {name}"))

    def restore(self) -> None:
        with self.engine.begin() as conn:
            if self.engine.dialect.name == "postgresql":
                conn.execute(text("ALTER TABLE events ENABLE TRIGGER USER"))
                return
            for sql in self.saved:
                conn.execute(text(sql))

    def run(self, *statements: str, restore: bool = True) -> None:
        self.remove()
        with self.engine.begin() as conn:
            for statement in statements:
                conn.execute(text(statement))
        if restore:
            self.restore()


def test_an_intact_log_verifies_and_the_chain_is_what_anyone_can_recompute(store: EventStore) -> None:
    events = fill(store)

    found = verify(store)

    assert found.intact and found.break_count == 0 and found.missing_triggers == ()
    assert found.events == 6 and found.first_position == events[0].position
    assert found.last_position == events[-1].position
    assert found.chain_starts_at == events[0].position and found.unchained == 0
    # The head is SHA-256 over the links, recomputed here from what was read back.
    previous = GENESIS
    for e in events:
        occurred = e.occurred_at.replace(tzinfo=None).isoformat(" ", "microseconds") if e.occurred_at else None
        recorded = e.recorded_at.replace(tzinfo=None).isoformat(" ", "microseconds")
        body = content(
            e.stream_id,
            e.version,
            e.type,
            e.schema_version,
            json.dumps(e.data, separators=(",", ":"), ensure_ascii=False),
            json.dumps(e.metadata, separators=(",", ":"), ensure_ascii=False),
            recorded,
            occurred,
            e.idempotency_key,
        )
        previous = link(previous, body)
    assert found.head == previous.hex()


def test_an_edited_payload_is_named_by_its_position_even_with_the_triggers_put_back(store: EventStore) -> None:
    events = fill(store)
    target = events[2]

    Tamperer(store.engine).run(f"""UPDATE events SET data = '{{"rate": 0.5}}' WHERE position = {target.position}""")

    found = verify(store)
    assert not found.intact and found.missing_triggers == ()
    assert found.break_count == 1
    first = found.first_break
    assert first is not None
    assert (first.position, first.check, first.stream_id) == (target.position, "chain", "levy-lamps")
    assert "changed" in first.reason


def test_a_removed_event_breaks_the_chain_and_its_stream_at_the_next_one(store: EventStore) -> None:
    events = fill(store)
    gone, after = events[1], events[2]  # lamps version 1, then lamps version 2

    Tamperer(store.engine).run(f"DELETE FROM events WHERE position = {gone.position}")

    found = verify(store)
    assert not found.intact
    assert [(b.position, b.check) for b in found.breaks] == [(after.position, "version"), (after.position, "chain")]
    version_break = found.breaks[0]
    assert "'levy-lamps' jumps from version 0 to 2" in version_break.reason


def test_an_event_removed_from_the_end_is_found_by_the_checkpoint_that_applied_it(store: EventStore) -> None:
    events = fill(store)

    class Counts:
        name = "counts"
        types = None

        def create(self, conn: Connection) -> None:
            """Nothing to create."""

        def drop(self, conn: Connection) -> None:
            """Nothing to drop."""

        def apply(self, conn: Connection, event: RecordedEvent) -> None:
            """Nothing to fold: only the checkpoint matters here."""

    ProjectionRunner(store, Counts()).run()
    Tamperer(store.engine).run(f"DELETE FROM events WHERE position = {events[-1].position}")

    found = verify(store)
    first = found.first_break
    assert first is not None and first.check == "checkpoint" and first.position == events[-1].position
    assert f"log ends at {events[-2].position}" in first.reason and "'counts'" in first.reason


def test_a_row_written_around_the_store_has_no_link_and_is_named(store: EventStore) -> None:
    events = fill(store)
    # An ordinary insert at the end gets through the triggers: only the chain can tell.
    with store.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO events (stream_id, version, type, schema_version, data, metadata, recorded_at) "
                "VALUES ('levy-rugs', 2, 'test.lifted', 1, '{}', '{}', '2025-04-02 12:00:00+00:00')"
            )
        )
    found = verify(store)
    first = found.first_break
    assert first is not None and first.check == "chain" and first.position > events[-1].position
    assert f"chain starts at position {events[0].position}" in first.reason


def test_missing_or_disabled_triggers_make_the_log_not_intact(store: EventStore) -> None:
    fill(store)
    tamperer = Tamperer(store.engine)
    tamperer.remove()

    found = verify(store)
    assert not found.intact and found.break_count == 0
    assert set(found.missing_triggers) == recorder_for(store.engine).triggers

    tamperer.restore()
    assert verify(store).intact


def test_the_chain_starts_where_an_upgraded_log_began_to_keep_it(db_url: str, clock: SteppingClock) -> None:
    engine = open_engine(db_url)
    with engine.begin() as conn:
        config = alembic_config()
        config.attributes["connection"] = conn
        command.upgrade(config, "0001")
        for n in (1, 2):
            conn.execute(
                text(
                    "INSERT INTO events (stream_id, version, type, schema_version, data, metadata, recorded_at) "
                    f"VALUES ('old-notes', {n}, 'test.noted', 1, '{{}}', '{{}}', '2025-01-0{n} 09:00:00+00:00')"
                )
            )
    upgrade(engine)
    store = EventStore(engine, clock)
    store.append("old-notes", [NewEvent(type="test.noted", data={"n": 3})], expected_version=2)
    store.append("new-notes", [NewEvent(type="test.noted", data={"n": 1})])

    found = verify(EventReader(engine))
    positions = [e.position for e in store.read_all()]
    assert found.intact
    assert found.unchained == 2 and found.chain_starts_at == positions[2] and found.events == 4
    engine.dispose()


def test_each_append_transaction_reads_the_last_link_once(store: EventStore) -> None:
    reads: list[str] = []

    def record(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        if "chain_hash" in statement and statement.lstrip().upper().startswith("SELECT"):
            reads.append(statement)

    store.append("levy-chairs", [NewEvent(type="test.levied", data={"rate": 1})])
    event.listen(store.engine, "before_cursor_execute", record)
    try:
        with store.recorder.writing() as conn:
            store.append_streams(
                conn,
                {f"levy-{n}": [NewEvent(type="test.levied", data={"rate": n})] * 3 for n in range(20)},
            )
    finally:
        event.remove(store.engine, "before_cursor_execute", record)
    assert len(reads) == 1
    assert verify(store).intact


def test_writers_racing_keep_one_unbroken_chain(store: EventStore) -> None:
    errors: list[BaseException] = []
    barrier = threading.Barrier(4)

    def write(n: int) -> None:
        barrier.wait()
        try:
            for i in range(15):
                store.append(f"writer-{n}", [NewEvent(type="test.noted", data={"i": i})] * 2)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    found = verify(store)
    assert found.intact and found.events == 120


def test_a_tail_check_sees_an_edit_among_the_newest_events_only(store: EventStore) -> None:
    events = fill(store)
    Tamperer(store.engine).run(
        f"UPDATE events SET type = 'test.lifted' WHERE position IN ({events[0].position}, {events[-1].position})"
    )

    tail = verify(store, tail=3)
    assert not tail.whole and tail.events == 3
    assert [b.position for b in tail.breaks] == [events[-1].position]
    assert [b.position for b in verify(store).breaks] == [events[0].position, events[-1].position]


# --- the command ---------------------------------------------------------------------------------


@pytest.fixture
def config(db_url: str, tmp_path: Path) -> Iterator[Path]:
    """A config.toml naming the test's database."""
    path = tmp_path / "config.toml"
    path.write_text(f'[database]\nurl = "{db_url}"\n', encoding="utf-8")
    yield path


def test_verify_command_says_intact_and_exits_0(config: Path, store: EventStore) -> None:
    events = fill(store)

    result = run_cli(["--config", config, "verify", "--format", "json"])

    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["intact"] is True and report["first_break"] is None and report["breaks"] == []
    assert report["events"] == 6 and report["last_position"] == events[-1].position
    assert report["chain_starts_at"] == events[0].position and report["unchained_events"] == 0
    assert len(report["head"]) == 64 and report["missing_triggers"] == [] and report["whole"] is True
    table = run_cli(["--config", config, "verify"])
    assert table.exit_code == 0 and "intact          yes" in table.stdout


def test_verify_command_names_the_first_break_and_exits_1(config: Path, store: EventStore) -> None:
    events = fill(store)
    target = events[3]
    Tamperer(store.engine).run(
        f"UPDATE events SET idempotency_key = 'forged' WHERE position = {target.position}", restore=False
    )

    result = run_cli(["--config", config, "verify", "--format", "json"])

    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert report["intact"] is False
    assert report["first_break"] == {
        "position": target.position,
        "stream_id": "levy-chairs",
        "check": "chain",
        "reason": report["first_break"]["reason"],
    }
    assert report["missing_triggers"]
    table = run_cli(["--config", config, "verify"])
    assert table.exit_code == 1
    assert f"broken at position {target.position} (stream 'levy-chairs')" in table.stdout
    assert "MISSING" in table.stdout


def test_status_and_rebuild_notice_a_tampered_log(config: Path, store: EventStore) -> None:
    events = fill(store)
    before = run_cli(["--config", config, "status", "--format", "json"])
    assert before.exit_code == 0, before.stderr
    assert json.loads(before.stdout)["integrity"]["intact"] is True

    Tamperer(store.engine).run(f"UPDATE events SET type = 'test.lifted' WHERE position = {events[4].position}")

    status = json.loads(run_cli(["--config", config, "status", "--format", "json"]).stdout)["integrity"]
    assert status["intact"] is False and status["first_break"]["position"] == events[4].position
    assert f"broken at position {events[4].position}" in run_cli(["--config", config, "status"]).stdout
    rebuilt = run_cli(["--config", config, "rebuild"])
    assert rebuilt.exit_code == 0
    assert f"warning: the log is NOT INTACT: broken at position {events[4].position}" in rebuilt.stderr


def test_verify_of_an_empty_log_is_intact_and_a_tail_below_one_is_refused(config: Path, store: EventStore) -> None:
    empty = run_cli(["--config", config, "verify", "--format", "json"])
    assert empty.exit_code == 0
    report = json.loads(empty.stdout)
    assert report["intact"] and report["events"] == 0 and report["head"] is None and report["chain_starts_at"] is None
    result = run_cli(["--config", config, "verify", "--tail", "0"])
    assert result.exit_code == 2 and "--tail must be 1 or more" in result.stderr
