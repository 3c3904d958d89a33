"""Shared fixtures: real SQLite files, the real PostgreSQL server, a frozen clock."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url

from monitor.clock import SteppingClock
from monitor.log import EventStore, open_engine
from monitor.log.migrate import upgrade

PG_URL = os.environ.get("TRADE_MONITOR_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")


def _pg_reason() -> str | None:
    try:
        engine = create_engine(PG_URL, connect_args={"connect_timeout": 3})
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        engine.dispose()
    except Exception as exc:  # any failure to connect means: skip, and say why
        where = make_url(PG_URL).render_as_string()
        return f"no PostgreSQL answers at {where} ({type(exc).__name__}); set TRADE_MONITOR_TEST_PG"
    return None


_PG_SKIP: list[str | None] = []


def pg_skip_reason() -> str | None:
    """Why PostgreSQL tests are skipped here, or None when the server answers (asked once)."""
    if not _PG_SKIP:
        _PG_SKIP.append(_pg_reason())
    return _PG_SKIP[0]


@pytest.fixture
def clock() -> SteppingClock:
    """A clock stopped at 2025-04-02 12:00 UTC that tests move by hand."""
    return SteppingClock(dt.datetime(2025, 4, 2, 12, 0, tzinfo=dt.UTC))


@pytest.fixture
def sqlite_url(tmp_path: os.PathLike[str]) -> str:
    """The URL of a new SQLite file in the test's own folder."""
    return f"sqlite:///{tmp_path}/log.db"


@pytest.fixture(scope="session")
def pg_admin() -> Iterator[Engine]:
    """One connection pool for making and dropping the tests' schemas (a new connection each time costs more)."""
    reason = pg_skip_reason()
    if reason:
        pytest.skip(reason)
    admin = create_engine(PG_URL, connect_args={"options": "-csynchronous_commit=off"})
    yield admin
    admin.dispose()


def pg_test_url(schema: str) -> str:
    """PG_URL aimed at `schema`, with commits that do not wait for the disk.

    `synchronous_commit=off` only lets the server report a commit before its
    WAL is flushed: the same server, the same SQL, locks and isolation, so
    nothing a test checks changes, but a test's many small commits stop
    waiting on fsync. Options already in TRADE_MONITOR_TEST_PG are kept.
    """
    url = make_url(PG_URL)
    options = " ".join(filter(None, (str(url.query.get("options", "")), f"-csearch_path={schema}")))
    options += " -csynchronous_commit=off"
    return url.update_query_dict({"options": options}).render_as_string(hide_password=False)


@pytest.fixture
def pg_url(pg_admin: Engine) -> Iterator[str]:
    """The URL of a new, empty schema on the real PostgreSQL server; dropped afterwards."""
    schema = f"tm_{uuid.uuid4().hex[:12]}"
    with pg_admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    yield pg_test_url(schema)
    with pg_admin.begin() as conn:
        conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest) -> str:
    """The URL of a fresh database, once on a SQLite file and once on PostgreSQL."""
    if request.param == "sqlite":
        return str(request.getfixturevalue("sqlite_url"))
    return str(request.getfixturevalue("pg_url"))


@pytest.fixture(scope="session")
def migrated_sqlite(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite file the real migrations brought to the current schema, made once per test process."""
    path = tmp_path_factory.mktemp("migrated") / "log.db"
    eng = open_engine(f"sqlite:///{path}")
    upgrade(eng)
    eng.dispose()  # the last connection to close checkpoints the WAL into the file, so one copy is all of it
    assert not path.with_name("log.db-wal").exists()
    return path


@pytest.fixture
def engine(db_url: str, request: pytest.FixtureRequest) -> Iterator[Engine]:
    """An engine on a fresh database with the log's schema in place.

    A SQLite log starts as a copy of a file migrated once per process (copying
    is cheaper than running the migrations per test); `upgrade` still runs on
    it and finds it current, as every command does. PostgreSQL schemas are
    migrated per test.
    """
    url = make_url(db_url)
    if url.get_backend_name() == "sqlite" and url.database and not Path(url.database).exists():
        shutil.copyfile(request.getfixturevalue("migrated_sqlite"), url.database)
    eng = open_engine(db_url)
    upgrade(eng)
    yield eng
    eng.dispose()


@pytest.fixture
def store(engine: Engine, clock: SteppingClock) -> EventStore:
    """An event store on a fresh database, on both back ends."""
    return EventStore(engine, clock)


def pytest_configure(config: pytest.Config) -> None:
    """Keep the run's temporary files in memory when the machine has a RAM disk and TMPDIR is not set.

    Every test's folder (`tmp_path`), its SQLite logs and the scratch logs the
    code makes (`rules test`) then skip the disk; the files and what is tested
    of them are the same. Set here, before xdist starts its workers, so they
    and the commands tests start inherit it.
    """
    shm = Path("/dev/shm")
    if "TMPDIR" not in os.environ and shm.is_dir() and os.access(shm, os.W_OK):
        os.environ["TMPDIR"] = str(shm)
        tempfile.tempdir = None  # gettempdir() caches its answer: ask it again


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-goldens",
        action="store_true",
        default=False,
        help="rewrite the golden files under tests/data/ from what the code produces now, then review the diff",
    )


@pytest.fixture
def update_goldens(request: pytest.FixtureRequest) -> bool:
    """True when the run was asked to rewrite golden files instead of comparing with them."""
    return bool(request.config.getoption("--update-goldens"))


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Put the tests of an `xdist_group` first, keeping every other order as collected.

    Each group runs on one worker, one test after another, and is the longest
    stretch of the run; started first, it ends while the other workers still
    share out the rest, instead of setting the run's length after them.
    """
    items.sort(key=lambda item: item.get_closest_marker("xdist_group") is None)
