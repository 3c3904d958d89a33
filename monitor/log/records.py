"""The log's own records: an event to append, and an event as it was recorded."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, ClassVar, Protocol

import orjson


class Encodable(Protocol):
    """What `NewEvent.of` needs of a domain event: its wire name, schema version and payload.

    The event types (`monitor.events`) say how they encode; the log only calls
    them, so it never imports them.
    """

    NAME: ClassVar[str]
    VERSION: ClassVar[int]

    def to_data(self) -> dict[str, Any]:
        """The JSON-ready payload."""
        ...


@dataclass(frozen=True, kw_only=True)
class NewEvent:
    """An event about to be appended: its type, payload, and what it is about."""

    type: str
    data: dict[str, Any]
    schema_version: int = 1
    metadata: dict[str, Any] = field(default_factory=dict)
    occurred_at: dt.datetime | None = None
    idempotency_key: str | None = None

    @classmethod
    def of(
        cls,
        event: Encodable,
        *,
        metadata: dict[str, Any] | None = None,
        occurred_at: dt.datetime | None = None,
        idempotency_key: str | None = None,
    ) -> NewEvent:
        """Wrap a domain event for appending."""
        return cls(
            type=event.NAME,
            data=event.to_data(),
            schema_version=event.VERSION,
            metadata=metadata or {},
            occurred_at=occurred_at,
            idempotency_key=idempotency_key,
        )


@dataclass(frozen=True, kw_only=True)
class RecordedEvent:
    """An event as the log holds it; `position` is the global order every reader follows.

    `monitor.events.decode_recorded` turns it into the domain event.
    """

    position: int
    stream_id: str
    version: int
    type: str
    schema_version: int
    data: dict[str, Any]
    metadata: dict[str, Any]
    recorded_at: dt.datetime
    occurred_at: dt.datetime | None
    idempotency_key: str | None


@dataclass(frozen=True, kw_only=True)
class AppendResult:
    """What an append did: the positions written, the stream's version after it, and
    whether it was a repeat of an append already recorded (then nothing was written)."""

    stream_id: str
    positions: tuple[int, ...]
    version: int
    duplicate: bool = False


#: The order of the columns `iter_recorded` reads: the fields most readers use first,
#: then those it keeps undecoded (as one tuple) until they are first looked at.
ROW_COLUMNS = (
    "position",
    "stream_id",
    "type",
    "schema_version",
    "data",
    "version",
    "metadata",
    "recorded_at",
    "occurred_at",
    "idempotency_key",
)
#: How many of `ROW_COLUMNS`, from the first, are set when an event is made.
_EAGER = 5


class _OnFirstUse:
    """A field of `RecordedEvent`s made by `iter_recorded`, worked out from its row the first
    time it is read and then kept in the instance (which from then on shadows this).

    A projection reads a few fields of every event and most never look at the rest
    (metadata, times, keys), so these are left as the driver returned them until
    asked for. A descriptor on the class rather than a `__getattr__`: a class with
    `__getattr__` makes every attribute read of its instances take the slow path.
    """

    def __init__(self, name: str, convert: Callable[[Any], Any]) -> None:
        self.name = name
        self.index = ROW_COLUMNS.index(name) - _EAGER
        self.convert = convert

    def __get__(self, event: RecordedEvent | None, owner: type | None = None) -> Any:
        if event is None:
            raise AttributeError(self.name)
        fields = event.__dict__
        rest = fields.get("_rest")
        if rest is None:
            raise AttributeError(f"{type(event).__name__!r} object has no attribute {self.name!r}")
        value = fields[self.name] = self.convert(rest[self.index])
        return value


@lru_cache(maxsize=256)
def _parse_time(text: str) -> dt.datetime:
    # SQLite keeps times as text in UTC; events of one append share one, hence the cache.
    parsed = dt.datetime.fromisoformat(text)
    return parsed.replace(tzinfo=dt.UTC) if parsed.tzinfo is None else parsed.astimezone(dt.UTC)


def _time(value: Any) -> dt.datetime | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value if value.tzinfo is not None else value.replace(tzinfo=dt.UTC)
    return _parse_time(value)


def _json(value: Any) -> Any:
    return orjson.loads(value) if isinstance(value, str | bytes) else value


def _same(value: Any) -> Any:
    return value


# Set after the dataclass is made, so that these stay ordinary required fields.
for _field in (
    _OnFirstUse("version", _same),
    _OnFirstUse("metadata", _json),
    _OnFirstUse("recorded_at", _time),
    _OnFirstUse("occurred_at", _time),
    _OnFirstUse("idempotency_key", _same),
):
    setattr(RecordedEvent, _field.name, _field)

_new = object.__new__
#: Sets an instance's whole __dict__ at once (a frozen dataclass refuses `event.__dict__ = ...`).
_set_dict = RecordedEvent.__dict__["__dict__"].__set__
_loads = orjson.loads


def iter_recorded(rows: Iterable[Sequence[Any]]) -> Iterator[RecordedEvent]:
    """RecordedEvents, one at a time, from rows of the columns `ROW_COLUMNS` names, with
    JSON and times either as the text SQLite keeps or already decoded.

    This is the read path of every replay, so it fills the frozen dataclass's
    fields directly rather than through its generated __init__ (same object,
    a fraction of the cost), leaves the fields after `data` as they came until
    they are read, and yields each event as it is made so that a page of rows
    never turns into a page of decoded payloads at once.
    """
    new, fill, loads, cls = _new, _set_dict, _loads, RecordedEvent
    for row in rows:
        data = row[4]
        event = new(cls)
        fill(
            event,
            {
                "position": row[0],
                "stream_id": row[1],
                "type": row[2],
                "schema_version": row[3],
                "data": loads(data) if isinstance(data, str | bytes) else data,
                "_rest": tuple(row[5:]),
            },
        )
        yield event


def iter_recorded_text(rows: Iterable[Sequence[Any]]) -> Iterator[RecordedEvent]:
    """As `iter_recorded`, for driver rows (tuples) whose JSON is text, as SQLite's driver
    returns them: the replay path, so no per-row type checks."""
    new, fill, loads, cls = _new, _set_dict, _loads, RecordedEvent
    for row in rows:
        event = new(cls)
        fill(
            event,
            {
                "position": row[0],
                "stream_id": row[1],
                "type": row[2],
                "schema_version": row[3],
                "data": loads(row[4]),
                "_rest": row[5:],
            },
        )
        yield event
