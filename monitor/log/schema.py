"""The tables of the event log and of the projection checkpoints.

This is the shape the code reads and writes; the migrations in
`monitor/log/migrations/versions` create it, and a test checks the two agree.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
    Column,
    DateTime,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    text,
)

metadata = MetaData()

#: Alembic's version table. Our own name, so that a database another alembic
#: application made is recognised as foreign rather than as "a newer schema".
VERSION_TABLE = "trade_monitor_schema"

# BigInteger on PostgreSQL, INTEGER PRIMARY KEY (the rowid) on SQLite.
_Position = BigInteger().with_variant(Integer(), "sqlite")

events = Table(
    "events",
    metadata,
    Column("position", _Position, primary_key=True, autoincrement=True),
    Column("stream_id", String(200), nullable=False),
    Column("version", Integer, nullable=False),
    Column("type", String(100), nullable=False),
    Column("schema_version", Integer, nullable=False),
    Column("data", JSON, nullable=False),
    Column("metadata", JSON, nullable=False),
    Column("recorded_at", DateTime(timezone=True), nullable=False),
    Column("occurred_at", DateTime(timezone=True), nullable=True),
    Column("idempotency_key", String(300), nullable=True),
    # The event's link in the hash chain (hex SHA-256); None for events recorded before revision 0002.
    Column("chain_hash", String(64), nullable=True),
    UniqueConstraint("stream_id", "version", name="uq_events_stream_version"),
    Index(
        "uq_events_idempotency_key",
        "idempotency_key",
        unique=True,
        sqlite_where=text("idempotency_key IS NOT NULL"),
        postgresql_where=text("idempotency_key IS NOT NULL"),
    ),
    Index("ix_events_type_position", "type", "position"),
)

checkpoints = Table(
    "checkpoints",
    metadata,
    Column("name", String(100), primary_key=True),
    Column("position", _Position, nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=True),
)

meta = Table(
    "trade_monitor_meta",
    metadata,
    Column("key", String(100), primary_key=True),
    Column("value", Text, nullable=False),
)

#: The event each stuck projection could not apply, until it applies or a user skips it.
projection_faults = Table(
    "projection_faults",
    metadata,
    Column("name", String(100), primary_key=True),
    Column("position", _Position, nullable=False),
    Column("type", String(100), nullable=False),
    Column("stream_id", String(200), nullable=False),
    Column("reason", Text, nullable=False),
    Column("since", DateTime(timezone=True), nullable=False),
)

#: Every event a user told a projection to skip, and why it could not be applied.
projection_skips = Table(
    "projection_skips",
    metadata,
    Column("id", _Position, primary_key=True, autoincrement=True),
    Column("name", String(100), nullable=False),
    Column("position", _Position, nullable=False),
    Column("type", String(100), nullable=False),
    Column("stream_id", String(200), nullable=False),
    Column("reason", Text, nullable=False),
    Column("skipped_at", DateTime(timezone=True), nullable=False),
)
