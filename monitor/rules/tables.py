"""The rule engine's own table: the open pauses the clock rules watch.

Ticks read only the rows whose end is near or passed (an index on `until`),
and a row is deleted once its end has been dealt with, so a tick costs the
same however long the log.
"""

from __future__ import annotations

from sqlalchemy import JSON, Column, Date, Index, MetaData, String, Table

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

TABLES = (deadlines,)
