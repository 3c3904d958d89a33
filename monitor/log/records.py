"""The log's own records: an event to append, and an event as it was recorded."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

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
        """The domain event, upcast to the current schema version."""
        return decode(self.type, self.schema_version, self.data)


@dataclass(frozen=True, kw_only=True)
class AppendResult:
    """What an append did: the positions written, the stream's version after it, and
    whether it was a repeat of an append already recorded (then nothing was written)."""

    stream_id: str
    positions: tuple[int, ...]
    version: int
    duplicate: bool = False
