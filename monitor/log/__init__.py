"""The event store: a recorder per database, append, ordered reads, projections with checkpoints, migrations."""

from __future__ import annotations

from monitor.log.database import open_engine, write_transaction
from monitor.log.projection import Projection, ProjectionRunner
from monitor.log.records import AppendResult, NewEvent, RecordedEvent
from monitor.log.store import ANY_VERSION, EventReader, EventStore

__all__ = [
    "ANY_VERSION",
    "AppendResult",
    "EventReader",
    "EventStore",
    "NewEvent",
    "Projection",
    "ProjectionRunner",
    "RecordedEvent",
    "open_engine",
    "write_transaction",
]
