"""Projections: rows and checkpoint in one transaction, exactly once across a crash, rebuild."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import Column, Connection, Integer, MetaData, String, Table, func, select

from monitor.errors import StoreError
from monitor.log import EventStore, NewEvent, ProjectionRunner, RecordedEvent


class NotesPerStream:
    """A projection of our own: one row per applied event, and it can be told to fail once."""

    def __init__(self, types: frozenset[str] | None = None) -> None:
        self.name = "notes"
        self.types = types
        self.fail_at: int | None = None
        self.table = Table(
            "test_notes",
            MetaData(),
            Column("position", Integer, primary_key=True),  # a second apply of one event would collide
            Column("stream_id", String(50), nullable=False),
            Column("n", Integer, nullable=False),
        )

    def create(self, conn: Connection) -> None:
        self.table.create(conn, checkfirst=True)

    def drop(self, conn: Connection) -> None:
        self.table.drop(conn, checkfirst=True)

    def apply(self, conn: Connection, event: RecordedEvent) -> None:
        if self.fail_at == event.data["n"]:
            self.fail_at = None
            raise RuntimeError("the projection tripped over note 7")
        conn.execute(self.table.insert().values(position=event.position, stream_id=event.stream_id, n=event.data["n"]))

    def rows(self, store: EventStore) -> list[tuple[int, str, int]]:
        with store.engine.connect() as conn:
            return [tuple(r) for r in conn.execute(select(self.table).order_by(self.table.c.position))]  # type: ignore[misc]


def fill(store: EventStore, count: int, *, start: int = 1, type_: str = "test.noted") -> None:
    for n in range(start, start + count):
        store.append(f"stream-{n % 3}", [NewEvent(type=type_, data={"n": n})])


def test_run_applies_every_event_once_and_keeps_its_checkpoint(store: EventStore) -> None:
    projection = NotesPerStream()
    runner = ProjectionRunner(store, projection)
    fill(store, 5)
    assert runner.lag() == 5

    assert runner.run(batch_size=2) == 5
    assert runner.checkpoint() == store.last_position()
    assert runner.lag() == 0
    assert [n for _, _, n in projection.rows(store)] == [1, 2, 3, 4, 5]

    fill(store, 2, start=6)
    assert runner.lag() == 2
    assert runner.run() == 2
    assert runner.run() == 0
    assert [n for _, _, n in projection.rows(store)] == [1, 2, 3, 4, 5, 6, 7]


def test_a_crash_mid_batch_leaves_rows_and_checkpoint_agreeing_and_a_rerun_applies_each_once(
    store: EventStore,
) -> None:
    projection = NotesPerStream()
    runner = ProjectionRunner(store, projection)
    fill(store, 10)
    projection.fail_at = 7

    with pytest.raises(StoreError) as caught:
        runner.run(batch_size=3)

    seventh = list(store.read_all())[6]
    message = str(caught.value)
    assert "'notes'" in message and f"position {seventh.position}" in message and "tripped over note 7" in message
    # Batches 1-3, 4-6 committed; 7-9 was rolled back whole, rows and checkpoint together.
    assert [n for _, _, n in projection.rows(store)] == [1, 2, 3, 4, 5, 6]
    assert runner.checkpoint() == list(store.read_all())[5].position

    assert runner.run(batch_size=3) == 4
    rows = projection.rows(store)
    assert [n for _, _, n in rows] == list(range(1, 11))
    assert [p for p, _, _ in rows] == [e.position for e in store.read_all()]


def test_rebuild_drops_the_rows_and_replays_the_log(store: EventStore) -> None:
    projection = NotesPerStream()
    runner = ProjectionRunner(store, projection)
    fill(store, 4)
    runner.run()
    with store.engine.begin() as conn:
        conn.execute(projection.table.delete().where(projection.table.c.n == 2))  # a damaged view
    assert len(projection.rows(store)) == 3

    progress: list[int] = []
    assert runner.rebuild(progress=progress.append) == 4

    assert [n for _, _, n in projection.rows(store)] == [1, 2, 3, 4]
    assert sum(progress) == store.last_position()
    assert runner.checkpoint() == store.last_position()


def test_a_projection_reading_some_types_skips_the_rest_but_keeps_up(store: EventStore) -> None:
    projection = NotesPerStream(types=frozenset({"test.noted"}))
    runner = ProjectionRunner(store, projection)
    fill(store, 3)
    fill(store, 2, start=100, type_="test.ignored")

    assert runner.run(batch_size=2) == 3
    assert [n for _, _, n in projection.rows(store)] == [1, 2, 3]
    assert runner.lag() == 0


def test_two_runners_at_once_apply_each_event_once(store: EventStore) -> None:
    fill(store, 30)
    projections = [NotesPerStream(), NotesPerStream()]
    errors: list[BaseException] = []
    barrier = threading.Barrier(2)

    def run(i: int) -> None:
        barrier.wait()
        try:
            ProjectionRunner(store, projections[i]).run(batch_size=4)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()

    assert errors == []
    with store.engine.connect() as conn:
        count = conn.execute(select(func.count()).select_from(projections[0].table)).scalar()
    assert count == 30
    assert ProjectionRunner(store, projections[0]).lag() == 0
