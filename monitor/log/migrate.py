"""Creating and upgrading the log's schema, and refusing databases that are not ours."""

from __future__ import annotations

from sqlalchemy import Engine, inspect, select, text
from sqlalchemy.exc import DatabaseError

from monitor.errors import SchemaError
from monitor.log.schema import meta, metadata

APP_MARK = "trade-monitor"

_SQLITE_TRIGGERS = (
    "CREATE TRIGGER IF NOT EXISTS events_no_update BEFORE UPDATE ON events "
    "BEGIN SELECT RAISE(ABORT, 'the event log is append-only: events cannot be updated'); END",
    "CREATE TRIGGER IF NOT EXISTS events_no_delete BEFORE DELETE ON events "
    "BEGIN SELECT RAISE(ABORT, 'the event log is append-only: events cannot be deleted'); END",
)

_PG_TRIGGERS = (
    """CREATE OR REPLACE FUNCTION trade_monitor_events_append_only() RETURNS trigger AS $$
    BEGIN RAISE EXCEPTION 'the event log is append-only: events cannot be %', lower(TG_OP) || 'd'; END;
    $$ LANGUAGE plpgsql""",
    "DROP TRIGGER IF EXISTS events_append_only ON events",
    "CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON events "
    "FOR EACH ROW EXECUTE FUNCTION trade_monitor_events_append_only()",
    "DROP TRIGGER IF EXISTS events_no_truncate ON events",
    "CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON events "
    "FOR EACH STATEMENT EXECUTE FUNCTION trade_monitor_events_append_only()",
)


def upgrade(engine: Engine) -> None:
    """Bring the database to the current schema; refuse one that belongs to something else."""
    try:
        names = set(inspect(engine).get_table_names())
    except DatabaseError as exc:
        raise SchemaError(
            f"{engine.url.render_as_string()}: not a database trade-monitor can open: {exc.orig}"
        ) from exc
    if names and meta.name not in names:
        shown = ", ".join(sorted(names)[:5])
        raise SchemaError(
            f"{engine.url.render_as_string()}: holds tables that are not trade-monitor's ({shown})",
            hint="point database.url at a new file or an empty database",
        )
    with engine.begin() as conn:
        metadata.create_all(conn)
        triggers = _PG_TRIGGERS if engine.dialect.name == "postgresql" else _SQLITE_TRIGGERS
        for statement in triggers:
            conn.execute(text(statement))
        if conn.execute(select(meta.c.value).where(meta.c.key == "app")).scalar() is None:
            conn.execute(meta.insert().values(key="app", value=APP_MARK))
