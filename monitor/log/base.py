"""The recorder interface: what the event store asks of a database, one implementation per dialect.

`EventStore` (store.py) decides: what an append means (versions, idempotency,
conflicts), when time is stamped, how reads are paged. A `Recorder` only
stores and fetches rows of the `events` and `checkpoints` tables, takes the
locks that keep positions in commit order, and turns the rows its driver
returns into `RecordedEvent`s. `sqlite.py` and `postgres.py` implement it;
`recorders.py` picks one for an engine. The queries both dialects run the same
way are written once here, in SQLAlchemy Core; a recorder overrides what its
database can do faster (SQLite reads through its driver, for instance).
"""

from __future__ import annotations

import datetime as dt
from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, ClassVar

from sqlalchemy import Connection, Engine, bindparam, func, insert, select, update
from sqlalchemy.exc import DBAPIError

from monitor.errors import StoreError
from monitor.log.database import write_transaction
from monitor.log.records import ROW_COLUMNS, RecordedEvent
from monitor.log.schema import checkpoints, events

#: Values per IN list of a batched lookup: well under every SQLite build's limit on bound parameters.
IN_CHUNK = 400

_COLUMNS = tuple(events.c[name] for name in ROW_COLUMNS)


#: One event as the store hands it to `Recorder.insert`, a plain tuple in the order of `INSERT_COLUMNS`,
#: its version decided, its JSON and times already made what the driver takes (`Recorder.json_value`,
#: `Recorder.time_value`): the append path builds one of these per event and nothing more.
StoredRow = tuple[Any, ...]

#: The columns of a `StoredRow`, in order.
INSERT_COLUMNS = (
    "stream_id",
    "version",
    "type",
    "schema_version",
    "data",
    "metadata",
    "recorded_at",
    "occurred_at",
    "idempotency_key",
    "chain_hash",
)


@dataclass(frozen=True)
class Selection:
    """Which events a page read wants: after a position, up to one, of some types or streams."""

    after: int
    limit: int
    until: int | None = None
    types: Sequence[str] | None = None
    stream_prefix: str | None = None
    stream_id: str | None = None


class Recorder(ABC):
    """Stores and fetches the log's rows on one kind of database; made by `recorder_for`."""

    #: The SQLAlchemy dialect name this recorder serves.
    dialect: ClassVar[str]
    #: The triggers that keep `events` append-only on this database (made by the migrations).
    triggers: ClassVar[frozenset[str]]

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    # --- transactions -----------------------------------------------------------------------------

    @contextmanager
    def reading(self) -> Iterator[Connection]:
        """A short-lived connection for reads; driver errors become `StoreError`s naming the database."""
        try:
            with self.engine.connect() as conn:
                yield conn
        except DBAPIError as exc:
            where = self.engine.url.render_as_string(hide_password=True)
            raise StoreError(f"{where}: cannot read the event log: {exc.orig}") from exc

    @contextmanager
    def writing(self) -> Iterator[Connection]:
        """A transaction that will write (`write_transaction`), committed when the block ends."""
        with write_transaction(self.engine) as conn:
            yield conn

    # --- locks ------------------------------------------------------------------------------------

    @abstractmethod
    def lock_appends(self, conn: Connection) -> None:
        """Hold the log's append lock until `conn`'s transaction ends, so positions commit in order."""

    @abstractmethod
    def lock_projection(self, conn: Connection, name: str) -> None:
        """Hold the named projection's lock until `conn`'s transaction ends: one runner at a time."""

    # --- insert -----------------------------------------------------------------------------------

    @abstractmethod
    def json_value(self, encoded: bytes) -> Any:
        """A JSON payload the store encoded, as this recorder's driver takes it."""

    @abstractmethod
    def time_value(self, value: dt.datetime | None) -> Any:
        """A UTC time, as this recorder's driver takes it."""

    @abstractmethod
    def insert(self, conn: Connection, rows: Sequence[StoredRow]) -> tuple[int, ...]:
        """Insert `rows` in order; their positions, in the same order.

        The caller holds the append lock (`lock_appends`) in `conn`'s transaction.
        A row the database refuses (a stream version or idempotency key it has)
        raises SQLAlchemy's `IntegrityError`.
        """

    # --- select -----------------------------------------------------------------------------------

    @abstractmethod
    def select_page(self, conn: Connection, selection: Selection, *, stream: bool = False) -> Iterable[Sequence[Any]]:
        """The rows (columns in `ROW_COLUMNS` order) of a page, in position order.

        With `stream=True` a recorder may return an open cursor, to be read to its
        end while `conn` is in use.
        """

    @abstractmethod
    def to_events(self, rows: Iterable[Sequence[Any]]) -> Iterator[RecordedEvent]:
        """The events, made one at a time, of rows `select_page` or `select_stream` returned."""

    def select_stream(self, conn: Connection, stream_id: str, after_version: int) -> Sequence[Any]:
        """The rows of one stream after `after_version`, in version order."""
        query = (
            select(*_COLUMNS)
            .where(events.c.stream_id == stream_id, events.c.version > after_version)
            .order_by(events.c.version)
        )
        return conn.execute(query).all()

    def select_last(self, conn: Connection, stream_id: str) -> Sequence[Any]:
        """The row of the stream's newest event (none for a stream without events)."""
        query = select(*_COLUMNS).where(events.c.stream_id == stream_id).order_by(events.c.version.desc()).limit(1)
        return conn.execute(query).all()

    def where(self) -> str:
        """The database, as messages name it (without a password)."""
        return self.engine.url.render_as_string(hide_password=True)

    def last_chain_hash(self, conn: Connection) -> str | None:
        """The chain link of the newest event; None for an empty log or one whose newest event has none."""
        value = conn.execute(_LAST_CHAIN_HASH).scalar()
        return None if value is None else str(value)

    def max_position(self, conn: Connection) -> int:
        """The position of the newest event; 0 for an empty log."""
        return int(conn.execute(_MAX_POSITION).scalar() or 0)

    def count(self, conn: Connection) -> int:
        """How many events the log holds."""
        return int(conn.execute(select(func.count()).select_from(events)).scalar() or 0)

    def count_by_type(self, conn: Connection) -> dict[str, int]:
        """How many events of each type the log holds."""
        rows = conn.execute(select(events.c.type, func.count()).group_by(events.c.type)).all()
        return {str(t): int(n) for t, n in rows}

    def count_by_stream(self, conn: Connection, types: Sequence[str]) -> dict[tuple[str, str], int]:
        """(stream id, type) -> how many events of those types each stream holds."""
        rows = conn.execute(
            select(events.c.stream_id, events.c.type, func.count())
            .where(events.c.type.in_(list(types)))
            .group_by(events.c.stream_id, events.c.type)
        ).all()
        return {(str(s), str(t)): int(n) for s, t, n in rows}

    def stream_versions(self, conn: Connection, stream_ids: Sequence[str]) -> dict[str, int]:
        """The version of each stream among `stream_ids` that has events."""
        versions: dict[str, int] = {}
        for chunk in _chunks(stream_ids):
            rows = conn.execute(
                select(events.c.stream_id, func.max(events.c.version))
                .where(events.c.stream_id.in_(chunk))
                .group_by(events.c.stream_id)
            )
            for stream_id, version in rows:
                versions[stream_id] = int(version or 0)
        return versions

    def find_keys(self, conn: Connection, keys: Sequence[str]) -> dict[str, tuple[str, int, str]]:
        """Each recorded idempotency key among `keys`: (key, position, stream id)."""
        found: dict[str, tuple[str, int, str]] = {}
        for chunk in _chunks(keys):
            rows = conn.execute(
                select(events.c.idempotency_key, events.c.position, events.c.stream_id).where(
                    events.c.idempotency_key.in_(chunk)
                )
            )
            for key, position, stream_id in rows:
                found[key] = (key, position, stream_id)
        return found

    def positions_by_key_prefix(self, conn: Connection, prefix: str, limit: int | None) -> list[int]:
        """Positions of events whose idempotency key starts with `prefix`, in position order."""
        # A range on the key rather than LIKE, so the unique index on the key answers it.
        query = (
            select(events.c.position)
            .where(events.c.idempotency_key >= prefix, events.c.idempotency_key < _after_prefix(prefix))
            .order_by(events.c.position)
        )
        if limit is not None:
            query = query.limit(limit)
        return [int(p) for p in conn.execute(query).scalars()]

    def select_payloads(
        self,
        conn: Connection,
        stream_ids: Sequence[str],
        *,
        types: Sequence[str] | None = None,
        version: int | None = None,
    ) -> list[tuple[str, dict[str, Any]]]:
        """(stream id, data) of the events of `stream_ids`, of `types` or at `version` when given."""
        found: list[tuple[str, dict[str, Any]]] = []
        for chunk in _chunks(stream_ids):
            query = select(events.c.stream_id, events.c.data).where(events.c.stream_id.in_(chunk))
            if types is not None:
                query = query.where(events.c.type.in_(types))
            if version is not None:
                query = query.where(events.c.version == version)
            found.extend((stream_id, data) for stream_id, data in conn.execute(query.order_by(events.c.position)))
        return found

    # --- integrity --------------------------------------------------------------------------------

    @abstractmethod
    def chain_rows(self, conn: Connection, after: int, limit: int) -> Iterable[Sequence[Any]]:
        """Up to `limit` rows after position `after`, in position order, as the hash chain reads them.

        Columns: position, stream id, version, type, schema version, data and
        metadata as the stored JSON text, recorded and occurred times as
        `chain.time_text` writes them, idempotency key, chain hash.
        """

    @abstractmethod
    def enabled_triggers(self, conn: Connection) -> frozenset[str]:
        """The names of the triggers on `events` that are there and enabled."""

    def position_before_last(self, conn: Connection, count: int) -> tuple[int, str | None]:
        """The position and chain hash of the event just before the last `count`; (0, None) when there is none."""
        row = conn.execute(
            select(events.c.position, events.c.chain_hash).order_by(events.c.position.desc()).limit(1).offset(count)
        ).first()
        return (0, None) if row is None else (int(row[0]), row[1])

    def checkpoints(self, conn: Connection) -> dict[str, int]:
        """Every projection's checkpoint, by name."""
        rows = conn.execute(select(checkpoints.c.name, checkpoints.c.position))
        return {name: int(position) for name, position in rows}

    # --- checkpoints ------------------------------------------------------------------------------

    def checkpoint(self, conn: Connection, name: str) -> int:
        """The last position the named projection has applied (0 when it has applied none)."""
        value = conn.execute(select(checkpoints.c.position).where(checkpoints.c.name == name)).scalar()
        return int(value or 0)

    def checkpoint_and_head(self, conn: Connection, name: str) -> tuple[int, int]:
        """The named projection's checkpoint and the log's newest position, in one query."""
        start, head = conn.execute(_CHECKPOINT_AND_HEAD, {"name": name}).one()
        return int(start or 0), int(head or 0)

    def advance_checkpoint(self, conn: Connection, name: str, old: int, new: int, now: dt.datetime) -> bool:
        """Move the checkpoint from `old` to `new` in `conn`'s transaction; False when it is not at `old`."""
        done = conn.execute(_ADVANCE, {"cp_name": name, "old": old, "new": new, "now": now})
        if done.rowcount == 1:
            return True
        if old == 0 and conn.execute(select(checkpoints.c.name).where(checkpoints.c.name == name)).first() is None:
            conn.execute(insert(checkpoints).values(name=name, position=new, updated_at=now))
            return True
        return False

    def delete_checkpoint(self, conn: Connection, name: str) -> None:
        """Forget the named projection's checkpoint (it starts again from the beginning)."""
        conn.execute(checkpoints.delete().where(checkpoints.c.name == name))


def _chunks(items: Sequence[str]) -> Iterator[Sequence[str]]:
    items = list(items)
    for start in range(0, len(items), IN_CHUNK):
        yield items[start : start + IN_CHUNK]


def _after_prefix(prefix: str) -> str:
    # The smallest string above every string that starts with `prefix`.
    return prefix[:-1] + chr(ord(prefix[-1]) + 1) if prefix else "\U0010ffff"


# Built once: these run every batch.
_MAX_POSITION = select(func.max(events.c.position))
_LAST_CHAIN_HASH = select(events.c.chain_hash).order_by(events.c.position.desc()).limit(1)
_CHECKPOINT_AND_HEAD = select(
    select(checkpoints.c.position).where(checkpoints.c.name == bindparam("name")).scalar_subquery(),
    select(func.max(events.c.position)).scalar_subquery(),
)
_ADVANCE = (
    update(checkpoints)
    .where(checkpoints.c.name == bindparam("cp_name"), checkpoints.c.position == bindparam("old"))
    .values(position=bindparam("new"), updated_at=bindparam("now"))
)
