"""The hash chain over events: each event's link is SHA-256 of the link before it and the event's content.

The store computes the links in its one append path, under the append lock,
so they follow positions; `integrity.verify` recomputes them from the rows.
The content is everything recorded about an event but its position (which
PostgreSQL only hands out as the row is inserted): stream, version, type,
schema version, the JSON payload and metadata exactly as stored, the two
times as UTC text with microseconds, and the idempotency key. The link before
the first chained event is empty (`GENESIS`), whether the log was new then or
held events recorded before the chain existed (revision 0002).

The chain tells that a recorded event was edited, removed or slipped in after
the fact by someone who did not recompute every link after it; it is not a
signature. Whoever can rewrite the table can rewrite the chain too, which is
why `verify` prints the head (the last position and its link): kept somewhere
else, it pins the whole log up to that point.
"""

from __future__ import annotations

import datetime as dt
from hashlib import sha256

import orjson

#: The link before the first chained event.
GENESIS = b""

_Fragment = orjson.Fragment
_dumps = orjson.dumps


def time_text(value: dt.datetime) -> str:
    """A time as the chain hashes it (and SQLite stores it): UTC, naive, microseconds."""
    if value.tzinfo is not None:
        value = value.astimezone(dt.UTC).replace(tzinfo=None)
    return value.isoformat(" ", "microseconds")


def content(
    stream_id: str,
    version: int,
    type_: str,
    schema_version: int,
    data: bytes | str,
    metadata: bytes | str,
    recorded_at: str,
    occurred_at: str | None,
    idempotency_key: str | None,
) -> bytes:
    """The bytes of an event the chain hashes: a JSON array with the payloads embedded as stored."""
    return _dumps(
        [
            stream_id,
            version,
            type_,
            schema_version,
            _Fragment(data),
            _Fragment(metadata),
            recorded_at,
            occurred_at,
            idempotency_key,
        ]
    )


def link(previous: bytes, event_content: bytes) -> bytes:
    """The link of an event: SHA-256 of the previous link (raw bytes) and its content."""
    return sha256(previous + event_content).digest()
