"""The rule engine's own tables: the open pauses the clock rules watch, and alerts on hold.

Ticks read only the rows whose end is near or passed (an index on `until`),
and a row is deleted once its end has been dealt with, so a tick costs the
same however long the log. Held alerts wait for a confirming source or for
`rules.unconfirmed_hold_hours` to pass (an index on `release_at`).
"""

from __future__ import annotations

from sqlalchemy import JSON, Column, Date, DateTime, Index, MetaData, String, Table

metadata = MetaData()

deadlines = Table(
    "rule_deadlines",
    metadata,
    Column("measure_id", String(200), primary_key=True),
    Column("until", Date, nullable=False),
    #: which (rule, lead time) reminders have been dealt with for this end date
    Column("fired", JSON, nullable=False),
    #: for pauses learned in a backfill: reminders due before this day are not raised late
    Column("quiet_before", Date, nullable=True),
    Index("ix_rule_deadlines_until", "until"),
)

held_alerts = Table(
    "rule_held_alerts",
    metadata,
    Column("key", String(400), primary_key=True),
    Column("measure_id", String(200), nullable=False),
    Column("release_at", DateTime(timezone=True), nullable=False),
    #: the AlertRaised payload, raised as it is when released
    Column("alert", JSON, nullable=False),
    Index("ix_rule_held_alerts_release_at", "release_at"),
)

TABLES = (deadlines, held_alerts)
