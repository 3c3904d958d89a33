"""The event store: append with optimistic concurrency and idempotency keys, ordered reads.

`EventReader` reads the log and needs nothing but the engine; `EventStore` is
a reader that also appends, and stamps each append with its clock's time.
Both are facades over a `Recorder` (`monitor/log/base.py`), which holds all
that differs between SQLite and PostgreSQL; nothing here looks at the dialect.

The store never owns the engine's lifetime: it is handed one created at the
edge (by `open_engine`). Rows are only ever inserted; the database refuses
updates and deletes (triggers made by the migration in `monitor/log/migrations`).

Every append, of one stream or many, on a transaction of its own or the
caller's, goes one way (`_write`): take the append lock, look the idempotency
keys and the stream versions up, judge each stream (duplicate, conflict, or
new), link each new event into the hash chain (`chain.py`; one read of the
last link per append), then one insert for all. Holding the lock from before those reads means
positions become visible in the order they were given, and a reader that has
seen position N never later finds a committed event below N.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, contextmanager
from hashlib import sha256
from itertools import pairwise
from typing import Any, NamedTuple

import orjson
from sqlalchemy import Connection, Engine
from sqlalchemy.exc import DBAPIError, IntegrityError

from monitor.clock import Clock
from monitor.errors import ConcurrencyError, StoreError
from monitor.log.base import Recorder, Selection, StoredRow
from monitor.log.chain import GENESIS, time_text
from monitor.log.recorders import recorder_for
from monitor.log.records import AppendResult, NewEvent, RecordedEvent

#: `expected_version` value that skips the concurrency check.
ANY_VERSION = -1

_dumps = orjson.dumps


class _Encoded(NamedTuple):
    event: NewEvent
    data: bytes
    metadata: bytes


def _utc(value: dt.datetime | None) -> dt.datetime | None:
    return None if value is None else _as_utc(value)


def _as_utc(value: dt.datetime) -> dt.datetime:
    if value.tzinfo is None:
        return value.replace(tzinfo=dt.UTC)
    return value.astimezone(dt.UTC)


def _not_finite(value: Any) -> bool:
    # A loop rather than recursion through `any()`: this runs on every payload that holds a null.
    stack = [value]
    pop, extend = stack.pop, stack.extend
    while stack:
        v = pop()
        if type(v) is float:
            if v - v != 0.0:  # nan for NaN and for either infinity, 0.0 for every finite float
                return True
        elif isinstance(v, dict):
            extend(v.values())
        elif isinstance(v, list | tuple):
            extend(v)
    return False


class EventReader:
    """Reads the log; needs no clock, since only appending stamps time."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.recorder: Recorder = recorder_for(engine)

    def reading(self) -> AbstractContextManager[Connection]:
        """A short-lived connection for reads; driver errors become `StoreError`s naming the database."""
        return self.recorder.reading()

    @contextmanager
    def _on(self, conn: Connection | None) -> Iterator[Connection]:
        if conn is not None:
            yield conn
            return
        with self.recorder.reading() as own:
            yield own

    def stream_version(self, stream_id: str) -> int:
        """The version of the stream's last event; 0 for a stream with none."""
        with self.reading() as conn:
            return self.recorder.stream_versions(conn, [stream_id]).get(stream_id, 0)

    def last_position(self) -> int:
        """The position of the newest event in the log; 0 for an empty log."""
        with self.reading() as conn:
            return self.recorder.max_position(conn)

    def count(self) -> int:
        """How many events the log holds."""
        with self.reading() as conn:
            return self.recorder.count(conn)

    def count_by_type(self) -> dict[str, int]:
        """How many events of each type the log holds."""
        with self.reading() as conn:
            return self.recorder.count_by_type(conn)

    def count_by_stream(self, types: Sequence[str]) -> dict[tuple[str, str], int]:
        """(stream id, type) -> how many events of those types each stream holds."""
        with self.reading() as conn:
            return self.recorder.count_by_stream(conn, types)

    def checkpoints(self, names: Sequence[str]) -> dict[str, int]:
        """The last position each named projection has applied (0 for one that has applied none)."""
        with self.reading() as conn:
            return {name: self.recorder.checkpoint(conn, name) for name in names}

    def read_stream(self, stream_id: str, *, after_version: int = 0) -> list[RecordedEvent]:
        """The events of one stream in version order."""
        with self.reading() as conn:
            rows = self.recorder.select_stream(conn, stream_id, after_version)
        return list(self.recorder.to_events(rows))

    def last_in_stream(self, stream_id: str) -> RecordedEvent | None:
        """The stream's newest event (one query), or None for a stream without events."""
        with self.reading() as conn:
            rows = self.recorder.select_last(conn, stream_id)
        return next(iter(self.recorder.to_events(rows)), None)

    def read_page(
        self,
        conn: Connection,
        *,
        after: int,
        limit: int,
        until: int | None = None,
        types: Sequence[str] | None = None,
        stream_prefix: str | None = None,
        stream_id: str | None = None,
    ) -> Iterator[RecordedEvent]:
        """Up to `limit` events after position `after`, in position order, read on `conn`.

        The rows are fetched at once and turned into events one at a time as the
        caller takes them, so a page never holds more than one decoded payload.
        """
        selection = Selection(after, limit, until, types, stream_prefix, stream_id)
        return self.recorder.to_events(self.recorder.select_page(conn, selection))

    def read_all(
        self,
        *,
        after: int = 0,
        until: int | None = None,
        types: Iterable[str] | None = None,
        stream_prefix: str | None = None,
        stream_id: str | None = None,
        batch_size: int = 1000,
        limit: int | None = None,
    ) -> Iterator[RecordedEvent]:
        """Every event after position `after` in position order, read a page at a time.

        Filters: up to position `until`, only `types`, only streams whose id starts
        with `stream_prefix`, only the stream `stream_id`; at most `limit` events.

        Memory stays flat however long the log: each page is a fresh keyset query
        on a short-lived connection, so no transaction stays open while the caller
        works through the events.
        """
        type_list = list(types) if types is not None else None
        last = after
        left = limit
        while left is None or left > 0:
            page_size = batch_size if left is None else min(batch_size, left)
            with self.reading() as conn:
                page = self.read_page(
                    conn,
                    after=last,
                    limit=page_size,
                    until=until,
                    types=type_list,
                    stream_prefix=stream_prefix,
                    stream_id=stream_id,
                )
            count = 0
            for event in page:
                count += 1
                last = event.position
                yield event
            if count < page_size:
                return
            if left is not None:
                left -= count

    def stream_payloads(
        self, stream_ids: Iterable[str], *, types: Iterable[str] | None = None, conn: Connection | None = None
    ) -> list[tuple[str, dict[str, Any]]]:
        """(stream id, data) of every event of `stream_ids` (only of `types` when given), in log order.

        Read on `conn` when given (inside the caller's transaction), else on a
        connection of its own; one query per 400 streams.
        """
        ids = sorted(set(stream_ids))
        with self._on(conn) as c:
            return self.recorder.select_payloads(c, ids, types=sorted(types) if types is not None else None)

    def first_payloads(self, stream_ids: Iterable[str], *, conn: Connection | None = None) -> dict[str, dict[str, Any]]:
        """The data of the first event (version 1) of each of `stream_ids` that has one."""
        ids = sorted(set(stream_ids))
        with self._on(conn) as c:
            return dict(self.recorder.select_payloads(c, ids, version=1))

    def positions_by_key_prefix(
        self, prefix: str, *, limit: int | None = None, conn: Connection | None = None
    ) -> list[int]:
        """Positions, in order, of the events whose idempotency key starts with `prefix` (at most `limit`)."""
        with self._on(conn) as c:
            return self.recorder.positions_by_key_prefix(c, prefix, limit)


class EventStore(EventReader):
    """The append-only log of everything trade-monitor learned and decided."""

    def __init__(self, engine: Engine, clock: Clock) -> None:
        super().__init__(engine)
        self.clock = clock

    # --- writing ----------------------------------------------------------------------------------

    def append(
        self,
        stream_id: str,
        new_events: Sequence[NewEvent],
        expected_version: int = ANY_VERSION,
    ) -> AppendResult:
        """Append `new_events` to `stream_id` in a transaction of its own.

        `expected_version` is the version the caller read (0 for a new stream);
        when another writer has moved the stream since, `ConcurrencyError` is
        raised and nothing is written. When every idempotency key given is
        already in the log the append is a no-op and the result says
        `duplicate=True`. A payload that cannot be written as JSON raises
        `StoreError` before anything is written.
        """
        if not new_events:
            return AppendResult(stream_id=stream_id, positions=(), version=self.stream_version(stream_id))
        rows = {stream_id: self._encode(stream_id, new_events)}
        expected = {} if expected_version == ANY_VERSION else {stream_id: expected_version}
        try:
            with self.recorder.writing() as conn:
                return self._write(conn, rows, expected, trust_index=True)[stream_id]
        except IntegrityError as exc:
            # An idempotency key already recorded (the index found it; everything was
            # rolled back), or a writer that bypassed the append lock: say which.
            keys = [r.event.idempotency_key for r in rows[stream_id] if r.event.idempotency_key is not None]
            with self.reading() as conn:
                found = self.recorder.find_keys(conn, keys) if keys else {}
                actual = self.recorder.stream_versions(conn, [stream_id]).get(stream_id, 0)
            if found:
                return _judge_keys(stream_id, keys, list(found.values()), actual)
            raise ConcurrencyError(stream_id, expected_version, actual) from exc
        except DBAPIError as exc:
            raise StoreError(f"cannot append to {stream_id!r}: {exc.orig}") from exc

    def append_in(
        self,
        conn: Connection,
        stream_id: str,
        new_events: Sequence[NewEvent],
        expected_version: int = ANY_VERSION,
    ) -> AppendResult:
        """Append inside a transaction the caller holds (to write projection rows alongside).

        Open that transaction with `monitor.log.write_transaction(engine)`, so that
        on SQLite it holds the write lock from its start. Same contract as `append`.
        """
        if not new_events:
            return AppendResult(
                stream_id=stream_id,
                positions=(),
                version=self.recorder.stream_versions(conn, [stream_id]).get(stream_id, 0),
            )
        expected = {} if expected_version == ANY_VERSION else {stream_id: expected_version}
        return self._write(conn, {stream_id: self._encode(stream_id, new_events)}, expected)[stream_id]

    def append_streams(
        self,
        conn: Connection,
        appends: Mapping[str, Sequence[NewEvent]],
        expected_versions: Mapping[str, int] | None = None,
    ) -> dict[str, AppendResult]:
        """Append to many streams inside a transaction the caller holds, as `append_in` would one by one.

        Each stream keeps `append_in`'s contract: its events get consecutive
        versions, a stream whose idempotency keys are all recorded already is a
        duplicate (nothing written, `duplicate=True`), some of them recorded or
        one used by another stream is a `StoreError`, and a stream not at its
        `expected_versions` entry (absent: any version) is a `ConcurrencyError`.
        Payloads are checked before anything is read. Positions follow the
        order of `appends`. The whole batch costs one lookup of the keys and
        one of the versions, not two per stream; if any stream is refused,
        nothing of the batch is written.
        """
        expected = {k: v for k, v in (expected_versions or {}).items() if v != ANY_VERSION}
        strays = sorted(set(expected_versions or {}) - set(appends))
        if strays:
            raise StoreError(f"append: an expected version is given for {strays[0]!r}, which has no events")
        encoded = {stream_id: self._encode(stream_id, events) for stream_id, events in appends.items()}
        if not encoded:
            return {}
        return self._write(conn, encoded, expected)

    def lock_appends(self, conn: Connection) -> None:
        """Hold the log's append lock until `conn`'s transaction ends (a no-op where the write
        transaction holds a lock from its start already, as on SQLite).

        Take it before reading what a batch of appends will decide on: no other
        writer can then append between those reads and the appends. Taking it
        again in the same transaction is harmless.
        """
        self.recorder.lock_appends(conn)

    def _write(
        self,
        conn: Connection,
        encoded: dict[str, list[_Encoded]],
        expected: Mapping[str, int],
        *,
        trust_index: bool = False,
    ) -> dict[str, AppendResult]:
        """The one append path: judge every stream against the log, then insert what is new at once.

        `trust_index` skips looking the idempotency keys up before the insert and
        leaves a repeat to the unique index, which refuses it; only for a
        transaction that is rolled back whole on that refusal (`append`'s own),
        where repeats are the rare case. A stream not at its expected version
        still has its keys looked up, so that a repeat is a duplicate, not a conflict.
        """
        key_stream: dict[str, str] = {}
        for stream_id, rows in encoded.items():
            for r in rows:
                key = r.event.idempotency_key
                if key is None:
                    continue
                if key in key_stream:
                    raise StoreError(
                        f"append to {stream_id!r}: idempotency key {key!r} is also given to stream "
                        f"{key_stream[key]!r} in the same batch",
                        hint="an idempotency key names one append to one stream",
                    )
                key_stream[key] = stream_id
        self.recorder.lock_appends(conn)
        # Trusting the index, a repeat is found when the insert is refused (and `append` rolls back).
        found = None if trust_index else self.recorder.find_keys(conn, list(key_stream))
        versions = self.recorder.stream_versions(conn, list(encoded))
        results: dict[str, AppendResult] = {}
        pending: list[StoredRow] = []
        placed: list[tuple[str, int, int]] = []  # stream id, index of its first row in `pending`, version after
        json, time = self.recorder.json_value, self.recorder.time_value
        dumps, fragment = _dumps, orjson.Fragment
        recorded_at = _as_utc(self.clock.now())
        now, stamp = time(recorded_at), time_text(recorded_at)
        previous: bytes | None = None  # the chain's last link, read once the first new row is made
        for stream_id, rows in encoded.items():
            current = versions.get(stream_id, 0)
            keys = [r.event.idempotency_key for r in rows if r.event.idempotency_key is not None]
            wanted = expected.get(stream_id, ANY_VERSION)
            if keys and (found is not None or (wanted != ANY_VERSION and current != wanted)):
                if found is None:
                    found = self.recorder.find_keys(conn, keys)
                hits = [found[k] for k in keys if k in found]
                if hits:
                    # A repeat of an append that went through is a duplicate, not a conflict.
                    results[stream_id] = _judge_keys(stream_id, keys, hits, current)
                    continue
            if wanted != ANY_VERSION and current != wanted:
                raise ConcurrencyError(stream_id, wanted, current)
            placed.append((stream_id, len(pending), current + len(rows)))
            if previous is None:
                last_link = self.recorder.last_chain_hash(conn)
                previous = bytes.fromhex(last_link) if last_link else GENESIS
            for version, r in enumerate(rows, start=current + 1):
                e = r.event
                occurred = _utc(e.occurred_at)
                key = e.idempotency_key
                # chain.link(previous, chain.content(...)), written out: this runs for every event appended.
                previous = sha256(
                    previous
                    + dumps(
                        [
                            stream_id,
                            version,
                            e.type,
                            e.schema_version,
                            fragment(r.data),
                            fragment(r.metadata),
                            stamp,
                            None if occurred is None else time_text(occurred),
                            key,
                        ]
                    )
                ).digest()
                pending.append(
                    (
                        stream_id,
                        version,
                        e.type,
                        e.schema_version,
                        json(r.data),
                        json(r.metadata),
                        now,
                        time(occurred),
                        key,
                        previous.hex(),
                    )
                )
        positions = self.recorder.insert(conn, pending) if pending else ()
        if any(b <= a for a, b in pairwise(positions)):
            # The chain was linked in the order of `pending`; it must be the order of positions too.
            raise StoreError(f"{self.recorder.where()}: the database gave positions out of order: {positions[:5]}...")
        for stream_id, first, version in placed:
            last = first + len(encoded[stream_id])
            results[stream_id] = AppendResult(stream_id=stream_id, positions=positions[first:last], version=version)
        return {stream_id: results[stream_id] for stream_id in encoded}

    @staticmethod
    def _encode(stream_id: str, new_events: Sequence[NewEvent]) -> list[_Encoded]:
        """The events with their payloads encoded, refusing any that is not JSON before a transaction opens."""
        keys = [e.idempotency_key for e in new_events if e.idempotency_key is not None]
        if len(keys) != len(set(keys)):
            twice = sorted({k for k in keys if keys.count(k) > 1})
            raise StoreError(
                f"append to {stream_id!r}: idempotency key {twice[0]!r} is given to more than one event",
                hint="each event needs its own key",
            )
        encoded = []
        for index, e in enumerate(new_events):
            if not isinstance(e.data, dict) or not isinstance(e.metadata, dict):
                raise StoreError(
                    f"append to {stream_id!r}: event {index + 1} ({e.type}): data and metadata must be dicts",
                    hint="a payload is one JSON object",
                )
            try:
                data, metadata = _dumps(e.data), _dumps(e.metadata)
            except TypeError as exc:
                raise StoreError(
                    f"append to {stream_id!r}: event {index + 1} ({e.type}) cannot be stored as JSON: {exc}",
                    hint="payloads hold only str, int, float, bool, None, lists and dicts with str keys",
                ) from exc
            # orjson writes NaN and infinities as null: refuse them rather than change the fact.
            if (b"null" in data and _not_finite(e.data)) or (b"null" in metadata and _not_finite(e.metadata)):
                raise StoreError(
                    f"append to {stream_id!r}: event {index + 1} ({e.type}) holds NaN or an infinity, "
                    "which JSON cannot store",
                    hint="store None, or the number as text",
                )
            encoded.append(_Encoded(e, data, metadata))
        return encoded


def _judge_keys(stream_id: str, keys: list[str], found: Sequence[tuple[str, int, str]], version: int) -> AppendResult:
    """What recorded idempotency keys (`found`: key, position, stream) make of an append of `keys`:
    a duplicate when they are all of them, in this stream; otherwise the reason it is refused."""
    if len(found) == len(set(keys)) and all(r[2] == stream_id for r in found):
        return AppendResult(
            stream_id=stream_id,
            positions=tuple(sorted(r[1] for r in found)),
            version=version,
            duplicate=True,
        )
    elsewhere = sorted({r[2] for r in found} - {stream_id})
    if elsewhere:
        raise StoreError(
            f"append to {stream_id!r}: idempotency key {found[0][0]!r} is already used in stream {elsewhere[0]!r}",
            hint="an idempotency key names one append to one stream",
        )
    raise StoreError(
        f"append to {stream_id!r}: {len(found)} of {len(set(keys))} idempotency keys are already recorded",
        hint="an append is all or nothing; split repeated and new events",
    )
