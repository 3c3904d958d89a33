"""Leases and the daemons' register: how several daemons share one PostgreSQL log.

A lease is a row (`leases`: name, holder, acquired_at, expires_at) that one
daemon holds until it expires. `feed:<name>` is held while a daemon polls that
feed; `leader` by the one daemon that runs the rules, the clock tick and the
digests. A holder renews its leases with each heartbeat; a daemon that dies
stops renewing, and its leases lapse after their time. Taking a lease is one
conditional upsert (the row is locked for the statement, so of two daemons
taking the same lease at once exactly one gets it); no lock is held while the
work runs, so a poll ties up no database connection.

Expiry is reckoned by the database's clock (`now()`), never by the daemons':
two hosts whose clocks disagree still agree on who holds what.

`daemons` records every daemon that joined: its id, host, pid, when it started,
when it was last heard from, and the fingerprint of its settings (rules,
subscriptions, delivery, feeds), which a newcomer compares with its own.

These tables hold coordination, not the record: they are made with
`create(checkfirst=True)` when a daemon starts (as projections make theirs),
under a lock so two daemons starting at once do not race, and may be dropped
whenever no daemon runs. PostgreSQL only: on SQLite one daemon runs at a time
(`monitor/log/lockfile.py`).
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    JSON,
    Column,
    DateTime,
    Engine,
    Float,
    Integer,
    MetaData,
    String,
    Table,
    and_,
    create_engine,
    event,
    func,
    literal,
    select,
    text,
)
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.exc import DBAPIError

from monitor.errors import StoreError

metadata = MetaData()

leases = Table(
    "leases",
    metadata,
    Column("name", String(300), primary_key=True),
    Column("holder", String(200), nullable=False),
    Column("acquired_at", DateTime(timezone=True), nullable=False),
    Column("expires_at", DateTime(timezone=True), nullable=False),
)

daemons = Table(
    "daemons",
    metadata,
    Column("daemon_id", String(200), primary_key=True),
    Column("host", String(200), nullable=False),
    Column("pid", Integer, nullable=False),
    Column("started_at", DateTime(timezone=True), nullable=False),
    Column("seen_at", DateTime(timezone=True), nullable=False),
    Column("stopped_at", DateTime(timezone=True), nullable=True),
    Column("fingerprint", JSON, nullable=False),
)

LEADER = "leader"
FEED_PREFIX = "feed:"

#: Advisory lock numbers (with a hash of the schema), beside the log's 7317001 (appends) and 7317002 (projections).
SETUP_LOCK = 7317003
WORK_LOCK = 7317004


def feed_lease(name: str) -> str:
    """The lease name of a feed."""
    return f"{FEED_PREFIX}{name}"


@dataclass(frozen=True, kw_only=True)
class Lease:
    """A lease as it stands: who holds (or last held) it, and whether it is still live."""

    name: str
    holder: str
    acquired_at: dt.datetime
    expires_at: dt.datetime
    live: bool
    #: How long until it lapses (negative once it has), by the database's clock.
    remaining: dt.timedelta

    def held_by(self, holder: str) -> bool:
        """Whether `holder` holds it now."""
        return self.live and self.holder == holder


@dataclass(frozen=True, kw_only=True)
class DaemonRecord:
    """A daemon in the register."""

    daemon_id: str
    host: str
    pid: int
    started_at: dt.datetime
    seen_at: dt.datetime
    stopped_at: dt.datetime | None
    fingerprint: dict[str, str]
    #: Heard from within the liveness window and not signed off.
    alive: bool


def supported(engine: Engine) -> bool:
    """Whether several daemons can share this database (PostgreSQL)."""
    return engine.dialect.name == "postgresql"


def lease_engine(engine: Engine, *, connections: int) -> Engine:
    """An engine of its own for the leases, on the log's database, for `connections` threads (at most 10 open).

    Its commits do not wait for the disk (`synchronous_commit = off`, set once per
    connection): leases are coordination, not the record. A server crash may forget
    the last moments of claims (a feed is then polled again, which its idempotency
    keys absorb) or of releases (they lapse after their time). The log's own
    appends, on the log's engine, keep waiting for the disk.
    """
    # Kept open (a connection opened per claim would cost more than the claim), but few: claims are
    # short, and several daemons' pools must stay within the server's max_connections.
    made = create_engine(engine.url, pool_size=max(1, min(connections, 8)), max_overflow=2)
    event.listen(made, "connect", _no_flush)
    return made


def _no_flush(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("SET synchronous_commit TO off")
    finally:
        cursor.close()
    dbapi_connection.commit()


@contextmanager
def _session(engine: Engine, *, write: bool = True, single: bool = False) -> Iterator[Any]:
    """A transaction (`write`), or with `single` a connection whose each statement commits on its own.

    A claim, a release or a heartbeat is one statement: run on its own it costs one
    round trip to the server instead of three (BEGIN, the statement, COMMIT), and the
    daemon makes two of them for every feed it polls.
    """
    try:
        if single:
            with engine.connect() as plain:
                yield plain.execution_options(isolation_level="AUTOCOMMIT")
            return
        with engine.begin() if write else engine.connect() as conn:
            yield conn
    except DBAPIError as exc:
        where = engine.url.render_as_string(hide_password=True)
        raise StoreError(f"{where}: cannot read or write the daemons' leases: {exc.orig}") from exc


_SCHEMA_LOCK = text("SELECT pg_advisory_xact_lock(:key, hashtext(current_schema()))")


def create_tables(engine: Engine) -> None:
    """Create `leases` and `daemons` if missing (two daemons starting at once take turns)."""
    with _session(engine) as conn:
        conn.execute(_SCHEMA_LOCK, {"key": SETUP_LOCK})
        metadata.create_all(conn, checkfirst=True)


def _seconds(seconds: float) -> Any:
    return func.make_interval(0, 0, 0, 0, 0, 0, literal(float(seconds), Float()))


def claim(engine: Engine, name: str, holder: str, seconds: float) -> Lease:
    """Take lease `name` for `seconds` if it is free, lapsed, or `holder`'s already; the lease as it stands after."""
    now = func.now()
    stmt = pg_insert(leases).values(name=name, holder=holder, acquired_at=now, expires_at=now + _seconds(seconds))
    taken = leases.c.holder == stmt.excluded.holder
    stmt = stmt.on_conflict_do_update(
        index_elements=[leases.c.name],
        set_={
            "holder": stmt.excluded.holder,
            # A renewal keeps the time it was first taken; a takeover starts a new one.
            "acquired_at": text(
                "CASE WHEN leases.holder = excluded.holder AND leases.expires_at > now() "
                "THEN leases.acquired_at ELSE now() END"
            ),
            "expires_at": stmt.excluded.expires_at,
        },
        where=taken | (leases.c.expires_at <= now),
    )
    with _session(engine, single=True) as conn:
        row = conn.execute(stmt.returning(*_LEASE_COLUMNS)).first()
        if row is None:
            # Held by another: it is left as it was; say by whom and until when.
            row = conn.execute(_LEASE_QUERY.where(leases.c.name == name)).one()
    return _lease(row)


def renew(engine: Engine, holder: str, seconds: float, *, prefix: str = "") -> set[str]:
    """Extend every live lease of `holder` (whose name starts with `prefix`); the names still held."""
    query = text(
        "UPDATE leases SET expires_at = now() + make_interval(secs => :secs) "
        "WHERE holder = :holder AND expires_at > now() AND name LIKE :pattern RETURNING name"
    )
    pattern = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    with _session(engine, single=True) as conn:
        rows = conn.execute(query, {"secs": float(seconds), "holder": holder, "pattern": pattern}).all()
    return {row[0] for row in rows}


def release(engine: Engine, holder: str, names: Sequence[str] | None = None) -> None:
    """Let `holder`'s leases (those named, or all) lapse now; the row stays as who held it last."""
    cond = and_(leases.c.holder == holder, leases.c.expires_at > func.now())
    if names is not None:
        if not names:
            return
        cond = and_(cond, leases.c.name.in_(list(names)))
    with _session(engine, single=True) as conn:
        conn.execute(leases.update().where(cond).values(expires_at=func.now()))


_LEASE_COLUMNS = (
    leases.c.name,
    leases.c.holder,
    leases.c.acquired_at,
    leases.c.expires_at,
    (leases.c.expires_at > func.now()).label("live"),
    (leases.c.expires_at - func.now()).label("remaining"),
)
_LEASE_QUERY = select(*_LEASE_COLUMNS)


def _lease(row: Any) -> Lease:
    return Lease(
        name=row.name,
        holder=row.holder,
        acquired_at=row.acquired_at,
        expires_at=row.expires_at,
        live=bool(row.live),
        remaining=row.remaining,
    )


def read_leases(engine: Engine, *, prefix: str = "") -> list[Lease]:
    """Every lease (whose name starts with `prefix`), live or lapsed; none when the table is missing."""
    if not _has_tables(engine):
        return []
    query = _LEASE_QUERY.where(leases.c.name.startswith(prefix, autoescape=True)).order_by(leases.c.name)
    with _session(engine, write=False) as conn:
        return [_lease(row) for row in conn.execute(query)]


# --- the register of daemons ------------------------------------------------------------------------


def join(
    engine: Engine,
    *,
    daemon_id: str,
    host: str,
    pid: int,
    started_at: dt.datetime,
    fingerprint: dict[str, str],
    alive_within: float,
    check: Callable[[list[DaemonRecord]], None],
) -> None:
    """Record this daemon, after `check` has seen the daemons alive now (and raised to refuse).

    Both happen under one lock, so of two daemons joining at once the second
    sees the first.
    """
    with _session(engine) as conn:
        conn.execute(_SCHEMA_LOCK, {"key": SETUP_LOCK})
        conn.execute(daemons.delete().where(daemons.c.seen_at < text("now() - interval '7 days'")))
        check([d for d in _read_daemons(conn, alive_within) if d.alive])
        conn.execute(
            pg_insert(daemons)
            .values(
                daemon_id=daemon_id,
                host=host,
                pid=pid,
                started_at=started_at,
                seen_at=func.now(),
                fingerprint=fingerprint,
            )
            .on_conflict_do_nothing()
        )


def beat(engine: Engine, daemon_id: str) -> None:
    """Say this daemon is alive."""
    with _session(engine, single=True) as conn:
        conn.execute(daemons.update().where(daemons.c.daemon_id == daemon_id).values(seen_at=func.now()))


def leave(engine: Engine, daemon_id: str) -> None:
    """Sign this daemon off and let all its leases lapse."""
    release(engine, daemon_id)
    with _session(engine) as conn:
        conn.execute(daemons.update().where(daemons.c.daemon_id == daemon_id).values(stopped_at=func.now()))


def read_daemons(engine: Engine, *, alive_within: float) -> list[DaemonRecord]:
    """Every daemon in the register, oldest first; none when the table is missing."""
    if not _has_tables(engine):
        return []
    with _session(engine, write=False) as conn:
        return _read_daemons(conn, alive_within)


def _read_daemons(conn: Any, alive_within: float) -> list[DaemonRecord]:
    alive = and_(daemons.c.stopped_at.is_(None), daemons.c.seen_at > _ago(alive_within))
    query = select(daemons, alive.label("alive")).order_by(daemons.c.started_at, daemons.c.daemon_id)
    return [
        DaemonRecord(
            daemon_id=row.daemon_id,
            host=row.host,
            pid=row.pid,
            started_at=row.started_at,
            seen_at=row.seen_at,
            stopped_at=row.stopped_at,
            fingerprint=dict(row.fingerprint),
            alive=bool(row.alive),
        )
        for row in conn.execute(query)
    ]


def _ago(seconds: float) -> Any:
    return func.now() - _seconds(seconds)


def _has_tables(engine: Engine) -> bool:
    if not supported(engine):
        return False
    query = text("SELECT to_regclass(current_schema() || '.leases') IS NOT NULL")
    with _session(engine, write=False) as conn:
        return bool(conn.execute(query).scalar())


# --- work only one process may do at a time -----------------------------------------------------------


_TRY_LOCK = text("SELECT pg_try_advisory_lock(:key, hashtext(current_schema() || '/' || :name))")
_UNLOCK = text("SELECT pg_advisory_unlock(:key, hashtext(current_schema() || '/' || :name))")


#: How often a wait for a work lock held elsewhere asks again.
_LOCK_RETRY_S = 0.05


@contextmanager
def exclusive(engine: Engine, name: str, *, wait: float = 0.0) -> Iterator[bool]:
    """Try to hold the work lock `name` for the block: True if this process got it, False if another has it.

    A PostgreSQL session advisory lock on a connection kept for the block: it
    ends with the block, or with the process, whatever kills it, so even a
    leader that has stalled past its lease cannot send a digest while the new
    leader sends the same one. With `wait` (seconds), a lock held elsewhere is
    asked for again until it is free or the time is up. On SQLite (one
    daemon) it is always True.
    """
    if not supported(engine):
        yield True
        return
    key = {"key": WORK_LOCK, "name": name}
    try:
        conn = engine.connect()
    except DBAPIError as exc:
        raise StoreError(f"cannot take the work lock {name!r}: {exc.orig}") from exc
    deadline = time.monotonic() + wait
    try:
        while True:
            got = bool(conn.execute(_TRY_LOCK, key).scalar())
            conn.commit()
            if got or time.monotonic() >= deadline:
                break
            time.sleep(_LOCK_RETRY_S)
    except DBAPIError as exc:
        conn.close()
        raise StoreError(f"cannot take the work lock {name!r}: {exc.orig}") from exc
    try:
        yield got
    finally:
        if got:
            # A connection that broke meanwhile took its lock with it; nothing left to undo.
            with suppress(DBAPIError):
                conn.execute(_UNLOCK, key)
                conn.commit()
        conn.close()


def feed_claims(engine: Engine) -> dict[str, dict[str, str]]:
    """Feeds being polled now, by name: {"daemon", "expires"} (only on a shared PostgreSQL log)."""
    return {
        lease.name.removeprefix(FEED_PREFIX): {"daemon": lease.holder, "expires": lease.expires_at.isoformat()}
        for lease in read_leases(engine, prefix=FEED_PREFIX)
        if lease.live
    }
