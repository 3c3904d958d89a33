"""The event log, projection checkpoints, and the triggers that make events append-only.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

_position = sa.BigInteger().with_variant(sa.Integer(), "sqlite")

_SQLITE_TRIGGERS = (
    "CREATE TRIGGER events_no_update BEFORE UPDATE ON events "
    "BEGIN SELECT RAISE(ABORT, 'the event log is append-only: events cannot be updated'); END",
    "CREATE TRIGGER events_no_delete BEFORE DELETE ON events "
    "BEGIN SELECT RAISE(ABORT, 'the event log is append-only: events cannot be deleted'); END",
)

_PG_TRIGGERS = (
    """CREATE FUNCTION trade_monitor_events_append_only() RETURNS trigger AS $$
    BEGIN RAISE EXCEPTION 'the event log is append-only: events cannot be %', lower(TG_OP) || 'd'; END;
    $$ LANGUAGE plpgsql""",
    "CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON events "
    "FOR EACH ROW EXECUTE FUNCTION trade_monitor_events_append_only()",
    "CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON events "
    "FOR EACH STATEMENT EXECUTE FUNCTION trade_monitor_events_append_only()",
)


def upgrade() -> None:
    """Create the tables and the append-only triggers."""
    op.create_table(
        "events",
        sa.Column("position", _position, primary_key=True, autoincrement=True),
        sa.Column("stream_id", sa.String(200), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("type", sa.String(100), nullable=False),
        sa.Column("schema_version", sa.Integer, nullable=False),
        sa.Column("data", sa.JSON, nullable=False),
        sa.Column("metadata", sa.JSON, nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("occurred_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("idempotency_key", sa.String(300), nullable=True),
        sa.UniqueConstraint("stream_id", "version", name="uq_events_stream_version"),
    )
    op.create_index(
        "uq_events_idempotency_key",
        "events",
        ["idempotency_key"],
        unique=True,
        sqlite_where=sa.text("idempotency_key IS NOT NULL"),
        postgresql_where=sa.text("idempotency_key IS NOT NULL"),
    )
    op.create_index("ix_events_type_position", "events", ["type", "position"])
    op.create_table(
        "checkpoints",
        sa.Column("name", sa.String(100), primary_key=True),
        sa.Column("position", _position, nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=True),
    )
    op.create_table(
        "trade_monitor_meta",
        sa.Column("key", sa.String(100), primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
    )
    op.execute(sa.text("INSERT INTO trade_monitor_meta (key, value) VALUES ('app', 'trade-monitor')"))
    triggers = _PG_TRIGGERS if op.get_bind().dialect.name == "postgresql" else _SQLITE_TRIGGERS
    for statement in triggers:
        op.execute(sa.text(statement))


def downgrade() -> None:
    """The log is never downgraded: its rows are the record."""
    raise NotImplementedError("trade-monitor's event log cannot be downgraded")
