"""The event store: tables, append, ordered reads, projections with checkpoints, migrations."""

from __future__ import annotations

from monitor.log.database import open_engine, write_transaction
from monitor.log.projection import Projection, ProjectionRunner
from monitor.log.records import AppendResult, NewEvent, RecordedEvent
from monitor.log.store import ANY_VERSION, EventStore

__all__ = [
    "ANY_VERSION",
    "AppendResult",
    "EventStore",
    "NewEvent",
    "Projection",
    "ProjectionRunner",
    "RecordedEvent",
    "open_engine",
    "write_transaction",
]
