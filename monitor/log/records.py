"""The log's own records: an event to append, and an event as it was recorded."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import orjson

from monitor.errors import EventTypeError
from monitor.events import Event, decode, encode


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
        event: Event,
        *,
        metadata: dict[str, Any] | None = None,
        occurred_at: dt.datetime | None = None,
        idempotency_key: str | None = None,
    ) -> NewEvent:
        """Wrap a domain event for appending."""
        name, version, data = encode(event)
        return cls(
            type=name,
            data=data,
            schema_version=version,
            metadata=metadata or {},
            occurred_at=occurred_at,
            idempotency_key=idempotency_key,
        )


@dataclass(frozen=True, kw_only=True)
class RecordedEvent:
    """An event as the log holds it; `position` is the global order every reader follows."""

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

    def decode(self) -> Event:
        """The domain event, upcast to the current schema version.

        Raises `EventTypeError` naming this event's position and type when this
        code cannot read it (an unknown type, a newer schema version, a missing
        upcaster, or a payload that does not fit).
        """
        try:
            return decode(self.type, self.schema_version, self.data)
        except EventTypeError as exc:
            raise EventTypeError(
                f"event at position {self.position} (stream {self.stream_id!r}, type {self.type!r} "
                f"v{self.schema_version}) cannot be read: {exc.message}",
                hint=exc.hint,
            ) from exc

    if not TYPE_CHECKING:  # kept from type checkers, so a misspelt attribute is still an error

        def __getattr__(self, name: str) -> Any:
            # Only called for attributes not set: `metadata` of an event read by
            # `iter_recorded` is decoded on first use, as most readers never look at it.
            if name == "metadata":
                text = self.__dict__.get("_metadata_text")
                if text is not None:
                    value = self.__dict__["metadata"] = _loads(text)
                    return value
            raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")


@dataclass(frozen=True, kw_only=True)
class AppendResult:
    """What an append did: the positions written, the stream's version after it, and
    whether it was a repeat of an append already recorded (then nothing was written)."""

    stream_id: str
    positions: tuple[int, ...]
    version: int
    duplicate: bool = False


_new = object.__new__
_set = object.__setattr__
_loads = orjson.loads


def _time(value: Any, cache: dict[str, dt.datetime]) -> dt.datetime | None:
    if value is None or isinstance(value, dt.datetime):
        return value if value is None or value.tzinfo is not None else value.replace(tzinfo=dt.UTC)
    # SQLite keeps times as text in UTC; events of one append share one, hence the cache.
    parsed = cache.get(value)
    if parsed is None:
        if len(cache) > 64:
            cache.clear()
        parsed = dt.datetime.fromisoformat(value)
        parsed = cache[value] = parsed.replace(tzinfo=dt.UTC) if parsed.tzinfo is None else parsed.astimezone(dt.UTC)
    return parsed


def iter_recorded(rows: Iterable[Sequence[Any]]) -> Iterator[RecordedEvent]:
    """RecordedEvents, one at a time, from rows of (position, stream_id, version, type,
    schema_version, data, metadata, recorded_at, occurred_at, idempotency_key), with
    JSON and times either as the text SQLite keeps or already decoded.

    This is the read path of every replay, so it fills the frozen dataclass's
    fields directly rather than through its generated __init__ (same object,
    a fraction of the cost), and it yields each event as it is made so that a
    page of rows never turns into a page of decoded payloads at once.
    """
    times: dict[str, dt.datetime] = {}
    new, fill, loads = _new, _set, _loads
    last_text: Any = None
    last_time: dt.datetime | None = None
    for position, stream_id, version, type_, schema_version, data, metadata, rec, occ, key in rows:
        if rec != last_text:
            last_text, last_time = rec, _time(rec, times)
        event = new(RecordedEvent)
        fill(
            event,
            "__dict__",
            {
                "position": position,
                "stream_id": stream_id,
                "version": version,
                "type": type_,
                "schema_version": schema_version,
                "data": loads(data) if type(data) is str else data,
                "_metadata_text" if type(metadata) is str else "metadata": metadata,
                "recorded_at": last_time,
                "occurred_at": None if occ is None else _time(occ, times),
                "idempotency_key": key,
            },
        )
        yield event
