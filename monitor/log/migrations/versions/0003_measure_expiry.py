"""A tariff's own expiry in the measures projection's tables; the projection folds its rows again.

Revision ID: 0003
Revises: 0002

The measures projection creates its tables itself (`monitor/measures/tables.py`);
a database it already ran on has `measure_states` and `measure_history` without
the `expires` column. It is added here, empty (with the index the clock's tariff
reminders read by), and a mark is left
(`refold:measure_states` in `trade_monitor_meta`, see `monitor/log/refold.py`)
so that the projection, on its next run, decides its facts again from
`measure_facts` and fills in the expiries the log already holds. Nothing is
appended to the log.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

_TABLES = ("measure_states", "measure_history")


def upgrade() -> None:
    """Add `expires` to the measures tables that exist, and mark the projection to fold again."""
    present = set(sa.inspect(op.get_bind()).get_table_names())
    for table in _TABLES:
        if table in present:
            op.add_column(table, sa.Column("expires", sa.Date, nullable=True))
    if "measure_states" in present:
        op.create_index("ix_measure_states_expires", "measure_states", ["expires"])
    if "measure_facts" in present:
        op.execute(
            sa.text(
                "INSERT INTO trade_monitor_meta (key, value) "
                "VALUES ('refold:measure_states', '0003: a tariff''s expiry added to the measure state')"
            )
        )


def downgrade() -> None:
    """The log is never downgraded: its rows are the record."""
    raise NotImplementedError("trade-monitor's event log cannot be downgraded")
