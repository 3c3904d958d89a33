"""The measures projection's own tables (dropped and rebuilt from the log by `rebuild`).

Named apart from the first version's `measures` and `measure_sources` tables,
under a projection of another name, so a log written before is decided again
from its facts, in news order, the first time this version runs.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import JSON, Boolean, Column, Date, Float, Index, Integer, MetaData, String, Table

metadata = MetaData()


def _state_columns() -> list[Column[Any]]:
    # A measure's state as both `measure_states` (now) and `measure_history` (each day) hold it.
    return [
        Column("group_key", String(200), nullable=False),
        Column("imposer", String(8), nullable=False),
        Column("target", String(8), nullable=False),
        Column("sector", String(40), nullable=True),
        Column("layer", String(40), nullable=True),
        Column("rate", Float, nullable=True),
        Column("previous_rate", Float, nullable=True),
        Column("threatened_rate", Float, nullable=True),
        Column("status", String(20), nullable=False),
        Column("pause_until", Date, nullable=True),
        #: the tariff's own expiry (added by migration 0003)
        Column("expires", Date, nullable=True),
        Column("effective", Date, nullable=True),
        Column("first_seen", Date, nullable=True),
        Column("last_seen", Date, nullable=True),
        Column("sources", Integer, nullable=False),
        Column("official", Boolean, nullable=False),
        Column("confidence", Float, nullable=False),
        Column("unconfirmed_rate", Float, nullable=True),
        Column("unconfirmed_outlet", String(200), nullable=True),
        #: [[outlet, text], ...]: who states the current reading
        Column("voices", JSON, nullable=False),
        Column("evidence", JSON, nullable=False),
    ]


measures = Table(
    "measure_states",
    metadata,
    Column("measure_id", String(200), primary_key=True),
    *_state_columns(),
    Index("ix_measure_states_group_key", "group_key"),
    #: the clock's tariff reminders read the expiries ahead (added by migration 0003)
    Index("ix_measure_states_expires", "expires"),
)

#: Every fact decided, by group (an imposer:target:sector, or "parties:<kind>" for talks and deals),
#: with what deciding it again needs: a group is decided again, in news order, when a fact
#: about an earlier day arrives after later news.
measure_facts = Table(
    "measure_facts",
    metadata,
    Column("position", Integer, primary_key=True),
    #: which of the fact's targets (0, 1, ...)
    Column("slot", Integer, primary_key=True),
    Column("group_key", String(200), nullable=False),
    Column("day", Date, nullable=False),
    Column("article_id", String(200), nullable=False),
    Column("target", String(8), nullable=False),
    #: the Statement: the fact's payload, its outlet and officialness
    Column("statement", JSON, nullable=False),
    Index("ix_measure_facts_group", "group_key", "day", "article_id", "position"),
)

#: Each measure's state at the end of every news day it changed on, so "as of D" is, per measure,
#: its row with the latest day on or before D: one primary-key seek per measure, however long the
#: log. A late fact about day X decides its group again and rewrites the group's rows from X on.
measure_history = Table(
    "measure_history",
    metadata,
    Column("measure_id", String(200), primary_key=True),
    Column("day", Date, primary_key=True),
    *_state_columns(),
    Index("ix_measure_history_group_day", "group_key", "day"),
)

TABLES = (measures, measure_facts, measure_history)
