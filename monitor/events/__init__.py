"""The event types of trade-monitor, one module per room, all in one registry.

Importing this package registers every type, so `decode` can read any row.
"""

from __future__ import annotations

from monitor.events import alerts, daemon, digests, facts, measures, sources  # noqa: F401  (registers the types)
from monitor.events.base import (
    REGISTRY,
    UPCASTERS,
    Event,
    Stored,
    decode,
    decode_recorded,
    encode,
    event_type,
    upcaster,
)

__all__ = ["REGISTRY", "UPCASTERS", "Event", "Stored", "decode", "decode_recorded", "encode", "event_type", "upcaster"]
