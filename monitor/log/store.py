"""The event store: append with optimistic concurrency and idempotency keys, ordered reads.

The store never owns the engine's lifetime: it is handed one created at the edge
(by `open_engine`). Rows are only ever inserted; the database refuses updates and
deletes (triggers made by the migration in `monitor/log/migrations`).

Writers are serialised: on SQLite by taking the write lock at BEGIN, on
PostgreSQL by a transaction-scoped advisory lock taken before a position is
handed out. So positions become visible in the order they were given, and a
reader that has seen position N never later finds a committed event below N.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any, NamedTuple

import orjson
from sqlalchemy import Connection, Engine, func, insert, select, text
from sqlalchemy.exc import DBAPIError, IntegrityError

from monitor.clock import Clock
from monitor.errors import ConcurrencyError, StoreError
from monitor.log.database import json_dumps, write_transaction
from monitor.log.records import (
    ROW_COLUMNS,
    AppendResult,
    NewEvent,
    RecordedEvent,
    iter_recorded,
    iter_recorded_text,
)
from monitor.log.schema import events

#: `expected_version` value that skips the concurrency check.
ANY_VERSION = -1

#: The advisory lock every PostgreSQL append holds until its transaction ends: this
#: number and a hash of the schema, so logs in different schemas do not wait on each other.
PG_APPEND_LOCK = 7317001

_INSERT_RETURNING = insert(events).returning(events.c.position, sort_by_parameter_order=True)
_SQLITE_INSERT = (
    "INSERT INTO events (stream_id, version, type, schema_version, data, metadata, recorded_at, occurred_at, "
    "idempotency_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
_SQLITE_SELECT = f"SELECT {', '.join(ROW_COLUMNS)} FROM events"
_COLUMNS = tuple(events.c[name] for name in ROW_COLUMNS)
_PG_LOCK = text("SELECT pg_advisory_xact_lock(:key, hashtext(current_schema()))")
#: Values per IN list of a batched lookup: well under every SQLite build's limit on bound parameters.
_IN_CHUNK = 400
_dumps = orjson.dumps


class _Encoded(NamedTuple):
    event: NewEvent
    data: bytes
    metadata: bytes


def _utc(value: dt.datetime | None) -> dt.datetime | None:
    if value is None:
        return None
    if value.tzinfo is None:
        return value.replace(tzinfo=dt.UTC)
    return value.astimezone(dt.UTC)


def _not_finite(value: Any) -> bool:
    if type(value) is float:
        return not math.isfinite(value)
    if isinstance(value, dict):
        return any(_not_finite(v) for v in value.values())
    if isinstance(value, list | tuple):
        return any(_not_finite(v) for v in value)
    return False


def _sqlite_time(value: dt.datetime | None) -> str | None:
    # The text SQLAlchemy's SQLite DateTime writes and reads: naive, UTC, microseconds.
    return None if value is None else value.replace(tzinfo=None).isoformat(" ", "microseconds")


class EventStore:
    """The append-only log of everything trade-monitor learned and decided."""

    def __init__(self, engine: Engine, clock: Clock) -> None:
        self.engine = engine
        self.clock = clock
        self._is_pg = engine.dialect.name == "postgresql"
        self._is_sqlite = engine.dialect.name == "sqlite"
        # Payloads are encoded once, before the transaction, to refuse bad ones early;
        # the encoded bytes go to the driver as-is when the engine encodes with orjson.
        self._preencoded = getattr(engine.dialect, "_json_serializer", None) is json_dumps

    @contextmanager
    def reading(self) -> Iterator[Connection]:
        """A short-lived connection for reads; driver errors become `StoreError`s naming the database."""
        try:
            with self.engine.connect() as conn:
                yield conn
        except DBAPIError as exc:
            where = self.engine.url.render_as_string(hide_password=True)
            raise StoreError(f"{where}: cannot read the event log: {exc.orig}") from exc

    # --- writing ----------------------------------------------------------------------------------

    def append(
        self,
        stream_id: str,
        new_events: Sequence[NewEvent],
        expected_version: int = ANY_VERSION,
    ) -> AppendResult:
        """Append `new_events` to `stream_id` in one transaction.

        `expected_version` is the version the caller read (0 for a new stream);
        when another writer has moved the stream since, `ConcurrencyError` is
        raised and nothing is written. When every idempotency key given is
        already in the log the append is a no-op and the result says
        `duplicate=True`. A payload that cannot be written as JSON raises
        `StoreError` before anything is written.
        """
        if not new_events:
            return AppendResult(stream_id=stream_id, positions=(), version=self.stream_version(stream_id))
        rows = self._encode(stream_id, new_events)
        try:
            with write_transaction(self.engine) as conn:
                return self._append(conn, stream_id, rows, expected_version, keys_by_index=self._is_sqlite)
        except IntegrityError as exc:
            # An idempotency key already recorded (SQLite lets the index find it), or a
            # writer that bypassed the write lock: report it as what it means.
            dup = self._duplicate(stream_id, rows)
            if dup is not None:
                return dup
            actual = self.stream_version(stream_id)
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
        on SQLite it holds the write lock from its start.
        """
        if not new_events:
            return AppendResult(stream_id=stream_id, positions=(), version=self._version(conn, stream_id))
        return self._append(conn, stream_id, self._encode(stream_id, new_events), expected_version)

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
        expected = dict(expected_versions or {})
        strays = sorted(set(expected) - set(appends))
        if strays:
            raise StoreError(f"append: an expected version is given for {strays[0]!r}, which has no events")
        encoded = {stream_id: self._encode(stream_id, events) for stream_id, events in appends.items()}
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
        if not encoded:
            return {}
        self.lock_appends(conn)
        found = self._lookup_keys(conn, list(key_stream))
        versions = self._versions(conn, list(encoded))
        results: dict[str, AppendResult] = {}
        pending: list[tuple[str, int, list[_Encoded]]] = []
        for stream_id, rows in encoded.items():
            current = versions.get(stream_id, 0)
            keys = [r.event.idempotency_key for r in rows if r.event.idempotency_key is not None]
            hits = [found[k] for k in keys if k in found]
            if hits:
                results[stream_id] = _judge_keys(stream_id, keys, hits, _constant(current))
                continue
            wanted = expected.get(stream_id, ANY_VERSION)
            if wanted != ANY_VERSION and current != wanted:
                raise ConcurrencyError(stream_id, wanted, current)
            if not rows:
                results[stream_id] = AppendResult(stream_id=stream_id, positions=(), version=current)
                continue
            pending.append((stream_id, current, rows))
        if pending:
            now = _utc(self.clock.now())
            if self._is_sqlite:
                positions = self._insert_sqlite_many(conn, now, pending)
            else:
                positions = self._insert_many(conn, now, pending)
            start = 0
            for stream_id, current, rows in pending:
                results[stream_id] = AppendResult(
                    stream_id=stream_id, positions=positions[start : start + len(rows)], version=current + len(rows)
                )
                start += len(rows)
        return {stream_id: results[stream_id] for stream_id in encoded}

    def lock_appends(self, conn: Connection) -> None:
        """Hold the log's append lock until `conn`'s transaction ends (PostgreSQL; SQLite's write
        transaction holds its lock from BEGIN already).

        Take it before reading what a batch of appends will decide on: no other
        writer can then append between those reads and the appends. Taking it
        again in the same transaction is harmless.
        """
        if self._is_pg:
            conn.execute(_PG_LOCK, {"key": PG_APPEND_LOCK})

    def _encode(self, stream_id: str, new_events: Sequence[NewEvent]) -> list[_Encoded]:
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

    def _append(
        self,
        conn: Connection,
        stream_id: str,
        rows: list[_Encoded],
        expected_version: int,
        *,
        keys_by_index: bool = False,
    ) -> AppendResult:
        # keys_by_index: skip looking the idempotency keys up first and let the unique
        # index refuse a repeat; `append` then rolls back and reports the duplicate.
        # Only for a transaction of our own, on SQLite, where a failed statement does
        # not spoil the transaction it is in and repeats are the rare case.
        if self._is_pg:
            # Serialise appends so positions commit in order: a reader that has seen
            # position N can never later find a committed N-1.
            conn.execute(_PG_LOCK, {"key": PG_APPEND_LOCK})
        keys = [r.event.idempotency_key for r in rows if r.event.idempotency_key is not None]
        if keys and not keys_by_index:
            duplicate = self._find_keys(conn, stream_id, keys)
            if duplicate is not None:
                return duplicate
        current = self._version(conn, stream_id)
        if expected_version != ANY_VERSION and current != expected_version:
            # A repeat of an append that went through is a duplicate, not a conflict.
            duplicate = self._find_keys(conn, stream_id, keys) if keys and keys_by_index else None
            if duplicate is not None:
                return duplicate
            raise ConcurrencyError(stream_id, expected_version, current)
        now = _utc(self.clock.now())
        if self._is_sqlite:
            positions = self._insert_sqlite_many(conn, now, [(stream_id, current, rows)])
        else:
            positions = self._insert_many(conn, now, [(stream_id, current, rows)])
        return AppendResult(stream_id=stream_id, positions=positions, version=current + len(rows))

    @staticmethod
    def _insert_sqlite_many(
        conn: Connection, now: dt.datetime | None, pending: list[tuple[str, int, list[_Encoded]]]
    ) -> tuple[int, ...]:
        # The driver's executemany with the values as SQLite keeps them (JSON text, UTC
        # times in SQLAlchemy's format): no per-row work beyond building the tuple. No
        # RETURNING either: SQLite cannot promise its order in a multi-row insert. The
        # position is the rowid, handed out as max + 1, and we hold the write lock, so
        # the new rows are the last positions, in the order they were given.
        recorded_at = _sqlite_time(now)
        params = [
            (
                stream_id,
                current + i,
                r.event.type,
                r.event.schema_version,
                r.data.decode(),
                r.metadata.decode(),
                recorded_at,
                _sqlite_time(_utc(r.event.occurred_at)),
                r.event.idempotency_key,
            )
            for stream_id, current, rows in pending
            for i, r in enumerate(rows, start=1)
        ]
        conn.exec_driver_sql(_SQLITE_INSERT, params)
        last = int(conn.execute(select(func.max(events.c.position))).scalar() or 0)
        return tuple(range(last - len(params) + 1, last + 1))

    def _insert_many(
        self, conn: Connection, now: dt.datetime | None, pending: list[tuple[str, int, list[_Encoded]]]
    ) -> tuple[int, ...]:
        # The engine's serializer passes orjson Fragments through, so payloads are not encoded twice.
        fragment = orjson.Fragment if self._preencoded else orjson.loads
        params = [
            {
                "stream_id": stream_id,
                "version": current + i,
                "type": r.event.type,
                "schema_version": r.event.schema_version,
                "data": fragment(r.data),
                "metadata": fragment(r.metadata),
                "recorded_at": now,
                "occurred_at": _utc(r.event.occurred_at),
                "idempotency_key": r.event.idempotency_key,
            }
            for stream_id, current, rows in pending
            for i, r in enumerate(rows, start=1)
        ]
        return tuple(r[0] for r in conn.execute(_INSERT_RETURNING, params))

    @staticmethod
    def _lookup_keys(conn: Connection, keys: list[str]) -> dict[str, tuple[str, int, str]]:
        """Each recorded key among `keys`: (key, position, stream id)."""
        found: dict[str, tuple[str, int, str]] = {}
        for start in range(0, len(keys), _IN_CHUNK):
            rows = conn.execute(
                select(events.c.idempotency_key, events.c.position, events.c.stream_id).where(
                    events.c.idempotency_key.in_(keys[start : start + _IN_CHUNK])
                )
            )
            for key, position, stream_id in rows:
                found[key] = (key, position, stream_id)
        return found

    @staticmethod
    def _versions(conn: Connection, stream_ids: list[str]) -> dict[str, int]:
        """The version of each stream among `stream_ids` that has events."""
        versions: dict[str, int] = {}
        for start in range(0, len(stream_ids), _IN_CHUNK):
            rows = conn.execute(
                select(events.c.stream_id, func.max(events.c.version))
                .where(events.c.stream_id.in_(stream_ids[start : start + _IN_CHUNK]))
                .group_by(events.c.stream_id)
            )
            for stream_id, version in rows:
                versions[stream_id] = int(version or 0)
        return versions

    def _find_keys(self, conn: Connection, stream_id: str, keys: list[str]) -> AppendResult | None:
        found = conn.execute(
            select(events.c.idempotency_key, events.c.position, events.c.stream_id).where(
                events.c.idempotency_key.in_(keys)
            )
        ).all()
        if not found:
            return None
        return _judge_keys(stream_id, keys, [tuple(r) for r in found], lambda: self._version(conn, stream_id))

    def _duplicate(self, stream_id: str, rows: list[_Encoded]) -> AppendResult | None:
        keys = [r.event.idempotency_key for r in rows if r.event.idempotency_key is not None]
        if not keys:
            return None
        with self.reading() as conn:
            return self._find_keys(conn, stream_id, keys)

    # --- reading ----------------------------------------------------------------------------------

    @staticmethod
    def _version(conn: Connection, stream_id: str) -> int:
        value = conn.execute(select(func.max(events.c.version)).where(events.c.stream_id == stream_id)).scalar()
        return int(value or 0)

    def stream_version(self, stream_id: str) -> int:
        """The version of the stream's last event; 0 for a stream with none."""
        with self.reading() as conn:
            return self._version(conn, stream_id)

    def last_position(self) -> int:
        """The position of the newest event in the log; 0 for an empty log."""
        with self.reading() as conn:
            return int(conn.execute(select(func.max(events.c.position))).scalar() or 0)

    def count(self) -> int:
        """How many events the log holds."""
        with self.reading() as conn:
            return int(conn.execute(select(func.count()).select_from(events)).scalar() or 0)

    def read_stream(self, stream_id: str, *, after_version: int = 0) -> list[RecordedEvent]:
        """The events of one stream in version order."""
        with self.reading() as conn:
            if self._is_sqlite:
                sql = f"{_SQLITE_SELECT} WHERE stream_id = ? AND version > ? ORDER BY version"
                rows: Sequence[Any] = _sqlite_cursor(conn, sql, (stream_id, after_version)).fetchall()
            else:
                query = (
                    select(*_COLUMNS)
                    .where(events.c.stream_id == stream_id, events.c.version > after_version)
                    .order_by(events.c.version)
                )
                rows = conn.execute(query).all()
        return list(self.recorded(rows))

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
        return self.recorded(
            self.page_rows(
                conn,
                after=after,
                limit=limit,
                until=until,
                types=types,
                stream_prefix=stream_prefix,
                stream_id=stream_id,
            )
        )

    def recorded(self, rows: Iterable[Sequence[Any]]) -> Iterator[RecordedEvent]:
        """The events, one at a time, of rows `page_rows` returned."""
        # SQLite's driver hands JSON and times back as text: a loop without type checks.
        return iter_recorded_text(rows) if self._is_sqlite else iter_recorded(rows)

    def page_rows(
        self,
        conn: Connection,
        *,
        after: int,
        limit: int,
        until: int | None = None,
        types: Sequence[str] | None = None,
        stream_prefix: str | None = None,
        stream_id: str | None = None,
        stream: bool = False,
    ) -> Iterable[Sequence[Any]]:
        """The rows `read_page` makes its events of (`recorded` turns them into events): a
        list, or with `stream=True` on SQLite the open cursor, to be read to its end while
        `conn` is in use (for the projection runner's batches).
        """
        if self._is_sqlite:
            sql, params = _sqlite_page(after, limit, until, types, stream_prefix, stream_id)
            cursor = _sqlite_cursor(conn, sql, params)
            if stream:
                return cursor
            rows: Sequence[Any] = cursor.fetchall()
        else:
            query = select(*_COLUMNS).where(events.c.position > after)
            if until is not None:
                query = query.where(events.c.position <= until)
            if types is not None:
                query = query.where(events.c.type.in_(types))
            if stream_prefix is not None:
                query = query.where(events.c.stream_id.startswith(stream_prefix, autoescape=True))
            if stream_id is not None:
                query = query.where(events.c.stream_id == stream_id)
            rows = conn.execute(query.order_by(events.c.position).limit(limit)).all()
        return rows

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


def _constant(value: int) -> Callable[[], int]:
    return lambda: value


def _judge_keys(
    stream_id: str, keys: list[str], found: Sequence[tuple[str, int, str]], version: Callable[[], int]
) -> AppendResult:
    """What recorded idempotency keys (`found`: key, position, stream) make of an append of `keys`:
    a duplicate when they are all of them, in this stream; otherwise the reason it is refused."""
    if len(found) == len(set(keys)) and all(r[2] == stream_id for r in found):
        return AppendResult(
            stream_id=stream_id,
            positions=tuple(sorted(r[1] for r in found)),
            version=version(),
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


def _sqlite_cursor(conn: Connection, sql: str, params: Sequence[Any]) -> Any:
    # Straight to the driver, inside whatever transaction `conn` is in: SQLAlchemy's
    # Row objects would cost as much again as the rows themselves on a replay.
    return conn.connection.driver_connection.execute(sql, params)  # type: ignore[union-attr]


def _sqlite_page(
    after: int,
    limit: int,
    until: int | None,
    types: Sequence[str] | None,
    stream_prefix: str | None,
    stream_id: str | None,
) -> tuple[str, list[Any]]:
    # Written out for SQLite, the path every replay takes: the driver returns JSON
    # and times as text, which `iter_recorded` decodes faster than per-column processors.
    where = ["position > ?"]
    params: list[Any] = [after]
    if until is not None:
        where.append("position <= ?")
        params.append(until)
    if types is not None:
        where.append(f"type IN ({', '.join('?' * len(types))})")
        params.extend(types)
    if stream_prefix is not None:
        escaped = stream_prefix.replace("/", "//").replace("%", "/%").replace("_", "/_")
        where.append("stream_id LIKE ? ESCAPE '/'")
        params.append(escaped + "%")
    if stream_id is not None:
        where.append("stream_id = ?")
        params.append(stream_id)
    params.append(limit)
    return f"{_SQLITE_SELECT} WHERE {' AND '.join(where)} ORDER BY position LIMIT ?", params
