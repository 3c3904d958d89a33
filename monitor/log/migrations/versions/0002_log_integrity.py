"""Inserts that would replace or back-date an event are refused; a hash chain over events; stuck projections.

Revision ID: 0002
Revises: 0001

SQLite's `REPLACE` (and `INSERT OR REPLACE`) deletes the row in its way
without firing a DELETE trigger (unless a connection turns recursive triggers
on), so the update and delete triggers of 0001 did not keep events from being
rewritten. A BEFORE INSERT trigger now refuses any insert whose position,
stream version or idempotency key is taken, or whose position is not after the
last one, before SQLite looks for conflicts at all. PostgreSQL already refused
every rewrite (its upserts and MERGE fire the update and delete triggers); it
gains a check that no insert lands before a recorded event (in a gap the
sequence left, say), where readers that have moved on would never see it.

`chain_hash` holds each event's link in the hash chain the store computes;
events recorded before this revision have none, and `verify` says where the
chain starts. `projection_faults` holds the event each stuck projection could
not apply; `projection_skips` every event a user told a projection to skip.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

_position = sa.BigInteger().with_variant(sa.Integer(), "sqlite")

# In a BEFORE INSERT trigger NEW.position is -1 when the position is left to SQLite (the rowid).
_SQLITE_TRIGGERS = (
    """CREATE TRIGGER events_insert_only BEFORE INSERT ON events
    WHEN (NEW.position <> -1 AND NEW.position <= coalesce((SELECT max(position) FROM events), 0))
      OR EXISTS (SELECT 1 FROM events WHERE stream_id = NEW.stream_id AND version = NEW.version)
      OR (NEW.idempotency_key IS NOT NULL
          AND EXISTS (SELECT 1 FROM events WHERE idempotency_key = NEW.idempotency_key))
    BEGIN SELECT RAISE(ABORT, 'the event log is append-only: an insert may not replace or precede an event'); END""",
)

# Defaults are filled in before a BEFORE ROW trigger runs, so NEW.position is the position the
# row is about to take; max(position) is one step down the primary key's index.
_PG_TRIGGERS = (
    """CREATE FUNCTION trade_monitor_events_in_order() RETURNS trigger AS $$
    BEGIN
      IF NEW.position <= (SELECT max(position) FROM events) THEN
        RAISE EXCEPTION 'the event log is append-only: an insert may not come before a recorded event '
          '(position %)', NEW.position USING ERRCODE = 'integrity_constraint_violation';
      END IF;
      RETURN NEW;
    END;
    $$ LANGUAGE plpgsql""",
    "CREATE TRIGGER events_in_order BEFORE INSERT ON events "
    "FOR EACH ROW EXECUTE FUNCTION trade_monitor_events_in_order()",
)


def upgrade() -> None:
    """Add the insert triggers, the chain column and the tables of stuck and skipped projection events."""
    op.add_column("events", sa.Column("chain_hash", sa.String(64), nullable=True))
    op.create_table(
        "projection_faults",
        sa.Column("name", sa.String(100), primary_key=True),
        sa.Column("position", _position, nullable=False),
        sa.Column("type", sa.String(100), nullable=False),
        sa.Column("stream_id", sa.String(200), nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("since", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "projection_skips",
        sa.Column("id", _position, primary_key=True, autoincrement=True),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("position", _position, nullable=False),
        sa.Column("type", sa.String(100), nullable=False),
        sa.Column("stream_id", sa.String(200), nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("skipped_at", sa.DateTime(timezone=True), nullable=False),
    )
    triggers = _PG_TRIGGERS if op.get_bind().dialect.name == "postgresql" else _SQLITE_TRIGGERS
    for statement in triggers:
        op.execute(sa.text(statement))


def downgrade() -> None:
    """The log is never downgraded: its rows are the record."""
    raise NotImplementedError("trade-monitor's event log cannot be downgraded")
