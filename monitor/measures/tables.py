"""The measures projection's own tables (dropped and rebuilt from the log by `rebuild`)."""

from __future__ import annotations

from sqlalchemy import JSON, Column, Date, Float, Index, Integer, MetaData, String, Table

metadata = MetaData()

measures = Table(
    "measures",
    metadata,
    Column("measure_id", String(200), primary_key=True),
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
    Column("effective", Date, nullable=True),
    Column("first_seen", Date, nullable=True),
    Column("last_seen", Date, nullable=True),
    Column("sources", Integer, nullable=False),
    #: the stream version last folded in: events at or below it are already applied
    Column("version", Integer, nullable=False),
    Column("evidence", JSON, nullable=False),
    Index("ix_measures_group_key", "group_key"),
)

measure_sources = Table(
    "measure_sources",
    metadata,
    Column("measure_id", String(200), primary_key=True),
    Column("article_id", String(200), primary_key=True),
)

TABLES = (measures, measure_sources)
