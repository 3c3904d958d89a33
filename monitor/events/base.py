"""What every event type has: a stable wire name, a schema version, a codec, upcasters.

An event type is a frozen, keyword-only dataclass registered with
`@event_type("wire.name", version=N)`. The wire name is what the log stores,
never the Python import path, so a class can be renamed or moved without
breaking replay. When a type's payload changes shape its version goes up and
an `@upcaster("wire.name", from_version=N-1)` turns old payloads into new ones
as they are read; stored rows are never rewritten.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import types
import typing
from collections.abc import Callable
from typing import Any, ClassVar, Protocol, TypeVar

from monitor.errors import EventTypeError


class Event:
    """Base of the domain events; concrete types are frozen keyword-only dataclasses."""

    NAME: ClassVar[str]
    VERSION: ClassVar[int] = 1

    def to_data(self) -> dict[str, Any]:
        """The JSON-ready payload of this event."""
        return {f.name: _dump(getattr(self, f.name)) for f in dataclasses.fields(self)}  # type: ignore[arg-type]

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> Event:
        """Build the event from a payload of the current schema version."""
        hints = _hints(cls)
        kwargs = {}
        try:
            for f in dataclasses.fields(cls):  # type: ignore[arg-type]
                if f.name in data:
                    kwargs[f.name] = _load(data[f.name], hints[f.name])
            return cls(**kwargs)
        except (TypeError, ValueError, KeyError, AttributeError) as exc:
            raise EventTypeError(f"{cls.NAME} v{cls.VERSION}: payload does not fit: {exc}") from exc


E = TypeVar("E", bound=type[Event])

REGISTRY: dict[str, type[Event]] = {}
UPCASTERS: dict[tuple[str, int], Callable[[dict[str, Any]], dict[str, Any]]] = {}
_HINTS: dict[type, dict[str, Any]] = {}


def event_type(name: str, *, version: int = 1) -> Callable[[E], E]:
    """Register a dataclass as the event type stored under `name` at schema `version`."""

    def register(cls: E) -> E:
        if name in REGISTRY and REGISTRY[name] is not cls:
            raise ValueError(f"event type {name!r} registered twice ({REGISTRY[name].__name__}, {cls.__name__})")
        if not dataclasses.is_dataclass(cls):
            raise TypeError(f"{cls.__name__} must be a dataclass")
        cls.NAME = name
        cls.VERSION = version
        REGISTRY[name] = cls
        return cls

    return register


def upcaster(
    name: str, *, from_version: int
) -> Callable[[Callable[[dict[str, Any]], dict[str, Any]]], Callable[[dict[str, Any]], dict[str, Any]]]:
    """Register a function that turns a `name` payload of `from_version` into `from_version + 1`."""

    def register(fn: Callable[[dict[str, Any]], dict[str, Any]]) -> Callable[[dict[str, Any]], dict[str, Any]]:
        UPCASTERS[(name, from_version)] = fn
        return fn

    return register


def encode(event: Event) -> tuple[str, int, dict[str, Any]]:
    """(wire name, schema version, payload) of an event, as the log stores it."""
    return event.NAME, event.VERSION, event.to_data()


def decode(name: str, version: int, data: dict[str, Any]) -> Event:
    """The event a stored row holds, upcast to the current schema version."""
    cls = REGISTRY.get(name)
    if cls is None:
        raise EventTypeError(f"unknown event type {name!r}", hint="written by another program or a newer version?")
    if version > cls.VERSION:
        raise EventTypeError(
            f"event {name!r} has schema version {version}, newer than this trade-monitor knows ({cls.VERSION})",
            hint="upgrade trade-monitor",
        )
    while version < cls.VERSION:
        step = UPCASTERS.get((name, version))
        if step is None:
            raise EventTypeError(f"no upcaster for {name!r} from schema version {version}")
        try:
            data = step(dict(data))
        except Exception as exc:  # an upcaster is our code reading old data: name what failed
            raise EventTypeError(
                f"upcaster of {name!r} from schema version {version} failed: {type(exc).__name__}: {exc}"
            ) from exc
        version += 1
    return cls.from_data(data)


class Stored(Protocol):
    """What `decode_recorded` reads of an event as the log recorded it (the log's `RecordedEvent`)."""

    @property
    def position(self) -> int: ...
    @property
    def stream_id(self) -> str: ...
    @property
    def type(self) -> str: ...
    @property
    def schema_version(self) -> int: ...
    @property
    def data(self) -> dict[str, Any]: ...


def decode_recorded(record: Stored) -> Event:
    """The domain event a recorded row holds, upcast to the current schema version.

    Raises `EventTypeError` naming the row's position, stream and type when this
    code cannot read it (an unknown type, a newer schema version, a missing
    upcaster, or a payload that does not fit).
    """
    try:
        return decode(record.type, record.schema_version, record.data)
    except EventTypeError as exc:
        raise EventTypeError(
            f"event at position {record.position} (stream {record.stream_id!r}, type {record.type!r} "
            f"v{record.schema_version}) cannot be read: {exc.message}",
            hint=exc.hint,
        ) from exc


def _hints(cls: type) -> dict[str, Any]:
    hints = _HINTS.get(cls)
    if hints is None:
        hints = _HINTS[cls] = typing.get_type_hints(cls)
    return hints


def _dump(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [_dump(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _dump(v) for k, v in value.items()}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _dump(getattr(value, f.name)) for f in dataclasses.fields(value)}
    return value


def _load(value: Any, tp: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(tp)
    if origin is typing.Union or origin is types.UnionType:
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        return _load(value, args[0]) if len(args) == 1 else value
    if tp is dt.datetime:
        return dt.datetime.fromisoformat(value)
    if tp is dt.date:
        return dt.date.fromisoformat(value[:10])
    if tp is float and isinstance(value, int):
        return float(value)
    if origin is tuple:
        inner = typing.get_args(tp)[0]
        return tuple(_load(v, inner) for v in value)
    if origin is dict:
        return dict(value)
    if dataclasses.is_dataclass(tp) and isinstance(value, dict):
        hints = _hints(tp)  # type: ignore[arg-type]
        return tp(**{k: _load(v, hints[k]) for k, v in value.items() if k in hints})  # type: ignore[operator]
    return value
