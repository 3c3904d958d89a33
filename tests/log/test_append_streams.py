"""`EventStore.append_streams`: many streams in one go, each with `append_in`'s contract; SQLite and PostgreSQL."""

from __future__ import annotations

import pytest

from monitor.errors import ConcurrencyError, StoreError
from monitor.log import EventStore, NewEvent, write_transaction


def duty(n: int, *, key: str | None = None) -> NewEvent:
    """A small event of our own making."""
    return NewEvent(type="test.noted", data={"n": n, "text": f"a duty of {n} percent on kettles"}, idempotency_key=key)


def test_many_streams_are_appended_with_versions_and_positions_in_order(store: EventStore) -> None:
    store.append("kettles", [duty(1)])
    with write_transaction(store.engine) as conn:
        done = store.append_streams(
            conn,
            {"lanterns": [duty(2, key="l-2"), duty(3)], "kettles": [duty(4, key="k-4")], "tiles": [duty(5)]},
            {"lanterns": 0, "kettles": 1},
        )

    assert list(done) == ["lanterns", "kettles", "tiles"]
    assert [done[s].version for s in done] == [2, 2, 1]
    positions = [p for s in done for p in done[s].positions]
    assert positions == sorted(positions) and len(positions) == 4
    assert [(e.version, e.data["n"]) for e in store.read_stream("kettles")] == [(1, 1), (2, 4)]
    assert [e.position for e in store.read_stream("lanterns")] == list(done["lanterns"].positions)
    assert [e.data["n"] for e in store.read_all()] == [1, 2, 3, 4, 5]


def test_a_stream_whose_keys_are_all_recorded_is_a_duplicate_and_the_others_are_written(store: EventStore) -> None:
    first = store.append("pears", [duty(1, key="p-1"), duty(2, key="p-2")])
    with write_transaction(store.engine) as conn:
        done = store.append_streams(conn, {"pears": [duty(1, key="p-1"), duty(2, key="p-2")], "hoses": [duty(3)]})

    assert done["pears"].duplicate and done["pears"].positions == first.positions and done["pears"].version == 2
    assert not done["hoses"].duplicate and done["hoses"].version == 1
    assert store.count() == 3


@pytest.mark.parametrize(
    ("appends", "message"),
    [
        ({"pears": [duty(1, key="p-1"), duty(9, key="p-9")]}, "1 of 2 idempotency keys are already recorded"),
        ({"hoses": [duty(1, key="p-1")]}, "already used in stream 'pears'"),
        ({"hoses": [duty(7, key="x")], "tiles": [duty(8, key="x")]}, "also given to stream 'hoses'"),
        ({"hoses": [duty(7, key="x"), duty(8, key="x")]}, "given to more than one event"),
        ({"hoses": [duty(7)], "tiles": [NewEvent(type="test.noted", data={"rate": float("nan")})]}, "NaN"),
        ({"hoses": [duty(7)], "tiles": [NewEvent(type="test.noted", data={"when": object()})]}, "cannot be stored"),
    ],
)
def test_a_refused_stream_refuses_the_whole_batch(
    store: EventStore, appends: dict[str, list[NewEvent]], message: str
) -> None:
    store.append("pears", [duty(1, key="p-1")])
    with pytest.raises(StoreError, match=message), write_transaction(store.engine) as conn:
        store.append_streams(conn, appends)
    assert store.count() == 1


def test_a_stream_moved_by_another_writer_is_a_conflict_and_nothing_is_written(store: EventStore) -> None:
    store.append("tiles", [duty(1), duty(2)])
    with pytest.raises(ConcurrencyError) as caught, write_transaction(store.engine) as conn:
        store.append_streams(conn, {"hoses": [duty(3)], "tiles": [duty(4)]}, {"hoses": 0, "tiles": 1})
    assert (caught.value.stream_id, caught.value.expected, caught.value.actual) == ("tiles", 1, 2)
    assert store.count() == 2


def test_a_repeat_after_the_stream_moved_on_is_a_duplicate_not_a_conflict(store: EventStore) -> None:
    store.append("tiles", [duty(1, key="t-1")], expected_version=0)
    store.append("tiles", [duty(2)])
    with write_transaction(store.engine) as conn:
        done = store.append_streams(conn, {"tiles": [duty(1, key="t-1")]}, {"tiles": 0})
    assert done["tiles"].duplicate and done["tiles"].version == 2


def test_the_batch_rolls_back_with_the_callers_transaction(store: EventStore) -> None:
    class Stop(Exception):
        pass

    with pytest.raises(Stop), write_transaction(store.engine) as conn:
        store.append_streams(conn, {"a": [duty(1, key="a-1")], "b": [duty(2)]})
        raise Stop
    assert store.count() == 0
    with write_transaction(store.engine) as conn:
        done = store.append_streams(conn, {"a": [duty(1, key="a-1")]})
    assert not done["a"].duplicate and store.count() == 1


def test_many_streams_beyond_one_lookup_chunk(store: EventStore) -> None:
    # More streams than one IN list holds: every one still checked and written once.
    appends = {f"s-{n}": [duty(n, key=f"k-{n}")] for n in range(950)}
    with write_transaction(store.engine) as conn:
        store.append_streams(conn, appends)
    with write_transaction(store.engine) as conn:
        again = store.append_streams(conn, appends)
    assert all(r.duplicate for r in again.values())
    assert store.count() == 950
    assert store.stream_version("s-949") == 1


def test_an_empty_batch_and_an_empty_stream(store: EventStore) -> None:
    store.append("kettles", [duty(1)])
    with write_transaction(store.engine) as conn:
        assert store.append_streams(conn, {}) == {}
        done = store.append_streams(conn, {"kettles": []})
    assert done["kettles"].positions == () and done["kettles"].version == 1
