"""Which recorder serves an engine: the one place that looks at the database's dialect."""

from __future__ import annotations

from sqlalchemy import Engine

from monitor.errors import StoreError
from monitor.log.base import Recorder
from monitor.log.postgres import PostgresRecorder
from monitor.log.sqlite import SQLiteRecorder

#: The recorders, by SQLAlchemy dialect name.
RECORDERS: dict[str, type[Recorder]] = {r.dialect: r for r in (SQLiteRecorder, PostgresRecorder)}


def recorder_for(engine: Engine) -> Recorder:
    """The recorder for `engine`'s database; `StoreError` for a database the log cannot live in."""
    recorder = RECORDERS.get(engine.dialect.name)
    if recorder is None:
        raise StoreError(
            f"the event log cannot be kept in a {engine.dialect.name} database",
            hint=f"use one of: {', '.join(sorted(RECORDERS))}",
        )
    return recorder(engine)
