"""Creating and upgrading the log's schema with alembic, and refusing databases that are not ours.

`upgrade(engine)` runs at `trade-monitor init` and at the start of every
command. When the database is already current it costs two small queries and
changes nothing. It refuses, with a `SchemaError` naming the database and
before writing anything:

- a file that is not a SQLite database at all (corrupt, or something else);
- a database that holds tables but none of ours (another application's);
- a database whose schema revision this code does not know (made by a newer
  trade-monitor).

The migrations live in `monitor/log/migrations` and ship inside the package;
the alembic configuration is built here, so no alembic.ini is needed.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, inspect, select, text
from sqlalchemy.exc import DBAPIError, OperationalError

from monitor.errors import SchemaError, StoreError
from monitor.log.database import enable_wal, write_transaction
from monitor.log.schema import VERSION_TABLE, meta

APP_MARK = "trade-monitor"

#: The revision of the first schema, which databases made before alembic are stamped with.
BASELINE_REVISION = "0001"

# Held while migrating on PostgreSQL, so two daemons starting at once do not both migrate.
_PG_MIGRATION_LOCK = 7317000


def alembic_config(migrations: Path | None = None) -> Config:
    """The alembic configuration of the log, built in code (there is no alembic.ini).

    `migrations` names another folder of revisions (for tests and tools); by
    default it is `monitor/log/migrations`, shipped inside the package.
    """
    config = Config()
    location = migrations if migrations is not None else resources.files("monitor.log").joinpath("migrations")
    config.set_main_option("script_location", str(location))
    return config


@functools.cache
def _script(migrations: Path | None) -> ScriptDirectory:
    return ScriptDirectory.from_config(alembic_config(migrations))


def head_revision(migrations: Path | None = None) -> str:
    """The newest schema revision this code knows."""
    head = _script(migrations).get_current_head()
    assert head is not None, "monitor/log/migrations/versions holds no revision"
    return head


def _known(revision: str, migrations: Path | None) -> bool:
    return any(r.revision == revision for r in _script(migrations).walk_revisions())


@dataclass(frozen=True, kw_only=True)
class _Found:
    tables: frozenset[str]
    revision: str | None
    legacy: bool


def _name(engine: Engine) -> str:
    return engine.url.render_as_string(hide_password=True)


def _look(conn: Connection) -> _Found:
    tables = frozenset(inspect(conn).get_table_names())
    revision = None
    if VERSION_TABLE in tables:
        revision = conn.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalar()
    legacy = False
    if revision is None and meta.name in tables:
        legacy = conn.execute(select(meta.c.value).where(meta.c.key == "app")).scalar() == APP_MARK
    return _Found(tables=tables, revision=revision, legacy=legacy)


def _refuse_foreign(found: _Found, where: str, migrations: Path | None) -> None:
    if found.revision is not None and not _known(found.revision, migrations):
        raise SchemaError(
            f"{where}: the database has schema revision {found.revision!r}, made by a newer trade-monitor "
            f"(this one knows up to {head_revision(migrations)!r}); nothing was changed",
            hint="upgrade trade-monitor, or point database.url at another database",
        )
    if found.tables and found.revision is None and not found.legacy:
        shown = ", ".join(sorted(found.tables)[:5])
        raise SchemaError(
            f"{where}: holds tables that are not trade-monitor's ({shown}); nothing was changed",
            hint="point database.url at a new file, or at an empty database or schema",
        )


def current_revision(engine: Engine) -> str | None:
    """The schema revision the database is at; None for an empty (or pre-alembic) database."""
    with engine.connect() as conn:
        return _look(conn).revision


def upgrade(engine: Engine, *, migrations: Path | None = None) -> None:
    """Bring the database to the current schema; refuse one that is corrupt, foreign or newer.

    `migrations` is for tests and tools: another folder of revisions than the package's.
    """
    where = _name(engine)
    head = head_revision(migrations)
    try:
        with engine.connect() as conn:
            found = _look(conn)
        if found.revision == head:
            return
        _refuse_foreign(found, where, migrations)
        if engine.dialect.name == "sqlite":
            enable_wal(engine)
        with write_transaction(engine) as conn:
            if engine.dialect.name == "postgresql":
                conn.execute(
                    text("SELECT pg_advisory_xact_lock(:key, hashtext(current_schema()))"), {"key": _PG_MIGRATION_LOCK}
                )
            # Another process may have migrated while we waited for the lock.
            found = _look(conn)
            if found.revision == head:
                return
            _refuse_foreign(found, where, migrations)
            config = alembic_config(migrations)
            config.attributes["connection"] = conn
            if found.legacy and found.revision is None:
                command.stamp(config, BASELINE_REVISION)
            command.upgrade(config, "head")
    except OperationalError as exc:
        if "not a database" in str(exc.orig):
            raise SchemaError(f"{where}: not a database trade-monitor can open: {exc.orig}") from exc
        raise StoreError(f"{where}: cannot open the database: {exc.orig}") from exc
    except DBAPIError as exc:
        raise SchemaError(f"{where}: not a database trade-monitor can open: {exc.orig}") from exc
