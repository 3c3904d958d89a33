"""The contract of the event store, written once and run on a SQLite file and on PostgreSQL.

`append`, `append_in` and `append_streams` are three doors to one append path:
the concurrency and idempotency rules are checked through each of them. The
recorder underneath has its own contract (test_recorder.py).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import tracemalloc
from collections.abc import Callable

import pytest

from monitor.clock import SteppingClock
from monitor.errors import ConcurrencyError, StoreError
from monitor.log import ANY_VERSION, AppendResult, EventReader, EventStore, NewEvent, RecordedEvent, write_transaction


def noted(n: int, *, key: str | None = None, **extra: object) -> NewEvent:
    """A small event of our own making."""
    return NewEvent(
        type="test.noted",
        data={"n": n, "text": f"note number {n} about duties on bicycles"},
        metadata={"source": "tests", **extra},
        idempotency_key=key,
    )


Append = Callable[[EventStore, str, list[NewEvent], int], AppendResult]


def by_append(store: EventStore, stream_id: str, events: list[NewEvent], expected: int) -> AppendResult:
    return store.append(stream_id, events, expected_version=expected)


def by_append_in(store: EventStore, stream_id: str, events: list[NewEvent], expected: int) -> AppendResult:
    with write_transaction(store.engine) as conn:
        return store.append_in(conn, stream_id, events, expected_version=expected)


def by_append_streams(store: EventStore, stream_id: str, events: list[NewEvent], expected: int) -> AppendResult:
    with write_transaction(store.engine) as conn:
        return store.append_streams(conn, {stream_id: events}, {stream_id: expected})[stream_id]


#: Each door to the one append path.
EVERY_DOOR = pytest.mark.parametrize("append", [by_append, by_append_in, by_append_streams], ids=lambda f: f.__name__)


def duty(n: int, *, key: str | None = None) -> NewEvent:
    """A small event of our own making."""
    return NewEvent(type="test.noted", data={"n": n, "text": f"a duty of {n} percent on kettles"}, idempotency_key=key)


def test_append_then_read_a_stream_back_in_order(store: EventStore, clock: SteppingClock) -> None:
    occurred = dt.datetime(2025, 3, 30, 9, 15, tzinfo=dt.UTC)
    first = store.append("bikes", [noted(1), noted(2)], expected_version=0)
    clock.advance(dt.timedelta(minutes=5))
    evt = NewEvent(type="test.noted", data={"n": 3}, occurred_at=occurred, idempotency_key="bikes-3")
    second = store.append("bikes", [evt], expected_version=2)

    assert first.version == 2 and not first.duplicate
    assert second.version == 3
    assert second.positions[0] > first.positions[-1]
    stored = store.read_stream("bikes")
    assert [e.version for e in stored] == [1, 2, 3]
    assert [e.position for e in stored] == [*first.positions, *second.positions]
    assert stored[0].data == {"n": 1, "text": "note number 1 about duties on bicycles"}
    assert stored[0].metadata == {"source": "tests"}
    assert stored[0].recorded_at == dt.datetime(2025, 4, 2, 12, 0, tzinfo=dt.UTC)
    assert stored[2].recorded_at == dt.datetime(2025, 4, 2, 12, 5, tzinfo=dt.UTC)
    assert stored[2].occurred_at == occurred
    assert stored[2].idempotency_key == "bikes-3"
    assert stored[0].occurred_at is None
    assert store.read_stream("bikes", after_version=2) == stored[2:]
    assert store.stream_version("bikes") == 3
    assert store.stream_version("nothing-here") == 0


def test_naive_and_offset_times_are_kept_as_utc(store: EventStore) -> None:
    plus_two = dt.timezone(dt.timedelta(hours=2))
    store.append(
        "times",
        [
            NewEvent(type="test.noted", data={}, occurred_at=dt.datetime(2025, 1, 1, 14, 0, tzinfo=plus_two)),
            NewEvent(type="test.noted", data={}, occurred_at=dt.datetime(2025, 1, 1, 14, 0)),
        ],
    )
    got = [e.occurred_at for e in store.read_all()]
    assert got == [dt.datetime(2025, 1, 1, 12, 0, tzinfo=dt.UTC), dt.datetime(2025, 1, 1, 14, 0, tzinfo=dt.UTC)]


@EVERY_DOOR
def test_a_writer_that_read_an_old_version_is_refused_and_nothing_is_written(store: EventStore, append: Append) -> None:
    store.append("tariffs", [noted(1)], expected_version=0)
    store.append("tariffs", [noted(2)], expected_version=1)

    with pytest.raises(ConcurrencyError) as caught:
        append(store, "tariffs", [noted(99), noted(100)], 1)

    assert caught.value.expected == 1 and caught.value.actual == 2
    assert "'tariffs'" in str(caught.value)
    assert [e.data["n"] for e in store.read_stream("tariffs")] == [1, 2]
    assert store.count() == 2


@EVERY_DOOR
def test_a_new_stream_expected_at_version_zero_refuses_an_existing_one(store: EventStore, append: Append) -> None:
    store.append("s", [noted(1)], expected_version=0)
    with pytest.raises(ConcurrencyError):
        append(store, "s", [noted(2)], 0)


@EVERY_DOOR
def test_any_version_skips_the_check(store: EventStore, append: Append) -> None:
    store.append("s", [noted(1)])
    result = append(store, "s", [noted(2)], ANY_VERSION)
    assert result.version == 2


@EVERY_DOOR
@pytest.mark.parametrize("expected", [0, ANY_VERSION])
def test_a_repeated_append_with_the_same_keys_is_a_reported_no_op(
    store: EventStore, append: Append, expected: int
) -> None:
    batch = [noted(1, key="feed-a:item-1"), noted(2, key="feed-a:item-2")]
    first = store.append("feed-a", batch, expected_version=0)
    again = append(store, "feed-a", batch, expected)

    assert again.duplicate and not first.duplicate
    assert again.positions == first.positions
    assert again.version == 2
    assert store.count() == 2


@EVERY_DOOR
def test_an_append_mixing_recorded_and_new_keys_is_refused_whole(store: EventStore, append: Append) -> None:
    store.append("feed-a", [noted(1, key="k1")])
    with pytest.raises(StoreError, match="1 of 2 idempotency keys"):
        append(store, "feed-a", [noted(1, key="k1"), noted(2, key="k2")], ANY_VERSION)
    assert store.count() == 1


@EVERY_DOOR
def test_an_idempotency_key_used_on_another_stream_is_refused(store: EventStore, append: Append) -> None:
    store.append("feed-a", [noted(1, key="shared")])
    with pytest.raises(StoreError, match="already used in stream 'feed-a'"):
        append(store, "feed-b", [noted(1, key="shared")], ANY_VERSION)
    assert store.stream_version("feed-b") == 0


def test_a_payload_that_is_not_json_is_refused_before_anything_is_written(store: EventStore) -> None:
    store.append("s", [noted(1)])
    bad = NewEvent(type="test.noted", data={"when": {1, 2}})
    with pytest.raises(StoreError, match=r"event 2 \(test.noted\) cannot be stored as JSON"):
        store.append("s", [noted(2), bad])
    non_str_key = NewEvent(type="test.noted", data={"ok": True}, metadata={3: "three"})
    with pytest.raises(StoreError, match="cannot be stored as JSON"):
        store.append("s", [non_str_key])
    with pytest.raises(StoreError, match="must be dicts"):
        store.append("s", [NewEvent(type="test.noted", data=[1, 2])])  # type: ignore[arg-type]
    assert [e.data["n"] for e in store.read_all()] == [1]
    assert store.stream_version("s") == 1


def test_read_all_follows_positions_across_streams_with_filters(store: EventStore) -> None:
    store.append("article-1", [noted(1)])
    store.append("measure-1", [NewEvent(type="test.measured", data={"m": 1})])
    store.append("article-2", [noted(2), noted(3)])
    store.append("article_x", [noted(4)])
    every = list(store.read_all())

    assert [e.position for e in every] == sorted(e.position for e in every)
    assert len({e.position for e in every}) == 5
    assert [e.stream_id for e in store.read_all(stream_prefix="article-")] == ["article-1", "article-2", "article-2"]
    # `_` is a literal in a prefix, not a wildcard.
    assert [e.stream_id for e in store.read_all(stream_prefix="article_")] == ["article_x"]
    assert [e.stream_id for e in store.read_all(stream_id="article-2")] == ["article-2", "article-2"]
    assert [e.type for e in store.read_all(types=["test.measured"])] == ["test.measured"]
    assert list(store.read_all(after=every[2].position)) == every[3:]
    assert list(store.read_all(after=every[0].position, until=every[2].position)) == every[1:3]
    assert list(store.read_all(limit=2)) == every[:2]
    assert list(store.read_all(batch_size=2)) == every
    assert list(store.read_all(batch_size=1, limit=3, after=every[0].position)) == every[1:4]
    assert store.last_position() == every[-1].position
    assert store.count() == 5


def test_read_all_reads_page_by_page_and_sees_what_was_appended_meanwhile(store: EventStore) -> None:
    store.append("s", [noted(n) for n in range(1, 6)])
    seen = []
    for event in store.read_all(batch_size=2):
        seen.append(event.data["n"])
        if event.data["n"] == 1:
            store.append("s", [noted(6)])
    assert seen == [1, 2, 3, 4, 5, 6]


def test_an_empty_log_and_an_empty_append(store: EventStore) -> None:
    assert store.last_position() == 0
    assert store.count() == 0
    assert list(store.read_all()) == []
    result = store.append("s", [])
    assert result.positions == () and result.version == 0


def test_append_in_writes_with_the_callers_transaction_and_rolls_back_with_it(store: EventStore) -> None:
    class Stop(Exception):
        pass

    with pytest.raises(Stop), write_transaction(store.engine) as conn:
        store.append_in(conn, "s", [noted(1)], expected_version=0)
        raise Stop
    assert store.count() == 0

    with write_transaction(store.engine) as conn:
        result = store.append_in(conn, "s", [noted(1), noted(2)], expected_version=0)
    assert result.version == 2
    assert [e.position for e in store.read_stream("s")] == list(result.positions)


def test_nan_and_infinity_are_refused_rather_than_stored_as_null(store: EventStore) -> None:
    for bad in (float("nan"), float("inf")):
        with pytest.raises(StoreError, match="NaN or an infinity"):
            store.append("s", [NewEvent(type="test.noted", data={"rate": None, "nested": [{"x": bad}]})])
    store.append("s", [NewEvent(type="test.noted", data={"rate": None, "ok": 1.5})])
    assert [e.data for e in store.read_all()] == [{"rate": None, "ok": 1.5}]


def test_one_idempotency_key_on_two_events_of_one_append_is_refused(store: EventStore) -> None:
    with pytest.raises(StoreError, match="'twice' is given to more than one event"):
        store.append("s", [noted(1, key="twice"), noted(2, key="twice")])
    assert store.count() == 0


def test_read_all_memory_stays_flat_as_the_log_grows(store: EventStore) -> None:
    def peak_while_reading() -> tuple[int, int]:
        tracemalloc.start()
        try:
            count = sum(1 for _ in store.read_all(batch_size=500))
            return count, tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()

    def grow(batches: int) -> None:
        for _ in range(batches):
            store.append("bulk", [noted(n) for n in range(1000)])

    grow(2)
    small_count, small_peak = peak_while_reading()
    grow(18)
    big_count, big_peak = peak_while_reading()

    assert (small_count, big_count) == (2000, 20000)
    # Ten times the events, about the same memory (a list of them would take ten times as much).
    assert big_peak < 1.5 * small_peak, (small_peak, big_peak)


@EVERY_DOOR
def test_a_repeat_after_the_stream_moved_on_is_still_a_duplicate_not_a_conflict(
    store: EventStore, append: Append
) -> None:
    """A daemon that crashed after its append committed re-runs it with the version it had read."""
    batch = [noted(1, key="poll:1:a"), noted(2, key="poll:1:b")]
    first = store.append("feed-a", batch, expected_version=0)
    store.append("feed-a", [noted(3, key="poll:2:a")], expected_version=2)

    again = append(store, "feed-a", batch, 0)

    assert again.duplicate and again.positions == first.positions and again.version == 3
    assert store.count() == 3


def test_events_read_back_are_whole_values_whichever_fields_are_read_first(
    store: EventStore, clock: SteppingClock
) -> None:
    # Replays leave metadata, times and keys undecoded until they are read: whatever a
    # reader looks at first, the event must be the same value as one made by hand.
    occurred = dt.datetime(2025, 3, 30, 9, 15, tzinfo=dt.UTC)
    evt = NewEvent(
        type="test.noted",
        data={"n": 4},
        metadata={"source": "tests", "why": "a bicycle duty"},
        occurred_at=occurred,
        idempotency_key="bikes-4",
    )
    (position,) = store.append("bikes", [evt], expected_version=0).positions
    by_hand = RecordedEvent(
        position=position,
        stream_id="bikes",
        version=1,
        type="test.noted",
        schema_version=1,
        data={"n": 4},
        metadata={"source": "tests", "why": "a bicycle duty"},
        recorded_at=dt.datetime(2025, 4, 2, 12, 0, tzinfo=dt.UTC),
        occurred_at=occurred,
        idempotency_key="bikes-4",
    )
    untouched = store.read_stream("bikes")[0]
    assert untouched == by_hand and "bikes-4" in repr(untouched)
    assert dataclasses.asdict(next(iter(store.read_all()))) == dataclasses.asdict(by_hand)
    one_by_one = store.read_stream("bikes")[0]
    assert one_by_one.idempotency_key == "bikes-4"
    assert one_by_one.recorded_at == by_hand.recorded_at
    assert dataclasses.replace(one_by_one, version=2).metadata == by_hand.metadata
    assert one_by_one == by_hand
    with pytest.raises(dataclasses.FrozenInstanceError):
        one_by_one.metadata = {}  # type: ignore[misc]
    with pytest.raises(AttributeError):
        _ = one_by_one.metdata  # type: ignore[attr-defined]


def test_a_reader_needs_no_clock_and_sees_what_a_store_wrote(store: EventStore) -> None:
    store.append("kettles", [noted(1), noted(2)])
    reader = EventReader(store.engine)
    assert not hasattr(reader, "append") and not hasattr(reader, "clock")
    assert [e.data["n"] for e in reader.read_all()] == [1, 2]
    assert (reader.stream_version("kettles"), reader.last_position(), reader.count()) == (2, 2, 2)


def test_payloads_of_streams_first_events_and_keys_by_prefix(store: EventStore) -> None:
    store.append("article-a", [noted(1, key="article:a"), NewEvent(type="test.seen", data={"feed": "north"})])
    store.append("article-b", [NewEvent(type="test.seen", data={"feed": "south"}, idempotency_key="decide:12:0")])
    store.append("text-x", [noted(3, key="decide:1:0"), noted(4, key="decide:1:1")])

    seen = store.stream_payloads(["article-a", "article-b", "article-z"], types=["test.seen"])
    assert seen == [("article-a", {"feed": "north"}), ("article-b", {"feed": "south"})]
    assert [n["n"] for _, n in store.stream_payloads(["text-x"])] == [3, 4]
    assert {k: v["n"] for k, v in store.first_payloads(["text-x", "article-a", "text-y"]).items()} == {
        "text-x": 3,
        "article-a": 1,
    }
    first, second = (e.position for e in store.read_stream("text-x"))
    assert store.positions_by_key_prefix("decide:1:") == [first, second]  # not decide:12:0
    assert store.positions_by_key_prefix("decide:1:", limit=1) == [first]
    assert store.positions_by_key_prefix("decide:2:") == []
    # Inside a writer's transaction they read what it holds, before it commits.
    with write_transaction(store.engine) as conn:
        store.append_in(conn, "text-y", [noted(5, key="decide:2:0")])
        assert store.first_payloads(["text-y"], conn=conn)["text-y"]["n"] == 5
        assert len(store.positions_by_key_prefix("decide:2:", conn=conn)) == 1


# --- many streams in one go: append_streams ------------------------------------------------------


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
