"""The daemon's place beside others on one log: its id, its heartbeat, its feeds, and who leads.

On PostgreSQL several daemons share one log (`SharedMembership`): each due
feed is polled by the one daemon that takes its lease, and one daemon at a
time, the leader, runs the rules, the clock tick and the digests. A
heartbeat thread renews this daemon's leases every third of the shortest
lease time and tries to take the leadership when nobody holds it; the daemon
logs `leader.gained` and `leader.lost`. A leader steps down by its own
monotonic clock before its lease can lapse on the database, so two leaders
never both believe they lead; the digests are in addition fenced by a lock
that ends with the process that holds it (`monitor.log.leases.exclusive`).

On SQLite one daemon runs at a time (`SoloMembership`): it holds the lock file
beside the database, leads, and polls every feed; a second one refuses to start.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import socket
import threading
import time
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine

from monitor.clock import Clock
from monitor.config import DaemonSettings
from monitor.errors import DaemonConflictError, StoreError
from monitor.log import leases
from monitor.log.lockfile import DaemonLock

log = logging.getLogger("monitor.daemon")

#: A leader counts its lease as this share of its length from when it asked for it, so it steps
#: down before the database would let another daemon take over, whatever the delay of the answer.
LEADER_SAFETY = 0.8


@dataclass(frozen=True, kw_only=True)
class DaemonIdentity:
    """Who a daemon is: `host:pid:start`."""

    daemon_id: str
    host: str
    pid: int
    started_at: dt.datetime


def daemon_identity(clock: Clock) -> DaemonIdentity:
    """This process's identity, its start time taken from `clock`."""
    host = socket.gethostname()
    pid = os.getpid()
    started = clock.now().astimezone(dt.UTC)
    return DaemonIdentity(daemon_id=f"{host}:{pid}:{started:%Y%m%dT%H%M%SZ}", host=host, pid=pid, started_at=started)


@dataclass(frozen=True, kw_only=True)
class FeedTurn:
    """Whether this daemon may poll a feed now; if not, who polls it and how long until its claim lapses."""

    claimed: bool
    holder: str | None = None
    wait: dt.timedelta = dt.timedelta(0)


def fingerprint_difference(mine: dict[str, str], theirs: dict[str, str]) -> list[str]:
    """The parts two settings fingerprints disagree on, each said in a few words."""
    found = []
    for key in sorted(set(mine) | set(theirs)):
        if key not in theirs:
            found.append(f"{key} (only here)")
        elif key not in mine:
            found.append(f"{key} (only there)")
        elif mine[key] != theirs[key]:
            found.append(f"{key} differs")
    return found


#: Called on each heartbeat while this daemon leads; True the first time after it became leader.
LeaderListener = Callable[[bool], None]


class Membership(ABC):
    """What the daemon asks of its peers: may I poll this feed, do I lead, may I do this work alone."""

    #: True when other daemons may share the log.
    shared: bool = False
    #: How many daemons were running when this one joined: where it starts in the round of feeds.
    slot: int = 0

    def __init__(self, identity: DaemonIdentity) -> None:
        self.identity = identity
        self._listeners: list[LeaderListener] = []

    @property
    def daemon_id(self) -> str:
        """This daemon's id."""
        return self.identity.daemon_id

    def on_leading(self, listener: LeaderListener) -> None:
        """Call `listener` on each heartbeat while this daemon leads."""
        self._listeners.append(listener)

    def _tell(self, gained: bool) -> None:
        for listener in list(self._listeners):
            try:
                listener(gained)
            except Exception as exc:  # a listener's failure must not stop the heartbeat
                log.error("daemon.listener_failed", extra={"fields": {"error": f"{type(exc).__name__}: {exc}"}})

    @abstractmethod
    def start(self) -> None:
        """Join: refuse (DaemonConflictError) when this daemon may not run beside the others."""

    @abstractmethod
    def stop(self) -> None:
        """Leave: give up the leadership and every claim at once."""

    @abstractmethod
    def is_leader(self) -> bool:
        """Whether this daemon runs the rules, the tick and the digests now."""

    @abstractmethod
    def take_feed(self, name: str) -> FeedTurn:
        """Claim feed `name` for one poll."""

    @abstractmethod
    def release_feed(self, name: str) -> None:
        """The poll of feed `name` is recorded: let the claim go."""

    @abstractmethod
    def exclusive(self, work: str, *, wait: float = 0.0) -> AbstractContextManager[bool]:
        """A context manager giving True when this process alone may do `work` now (waiting up to `wait` s)."""


class SoloMembership(Membership):
    """The one daemon on a SQLite file: it holds the lock file, leads, and polls every feed."""

    def __init__(self, identity: DaemonIdentity, database: Path | None) -> None:
        super().__init__(identity)
        self.database = database
        self._lock = DaemonLock(database) if database is not None else None

    def start(self) -> None:
        """Take the lock file beside the database, or refuse naming the daemon that has it."""
        if self._lock is None:
            return
        holder = self._lock.acquire(self.daemon_id)
        if holder is not None:
            raise DaemonConflictError(
                f"another daemon ({holder}) is running on {self.database} (lock file {self._lock.path})",
                hint="SQLite takes one daemon at a time; stop that one, or move the log to PostgreSQL to run several",
            )
        # No election to speak of: the lock is the leadership, and `status` shows who holds it.
        self._tell(True)

    def stop(self) -> None:
        """Release the lock file."""
        if self._lock is not None:
            self._lock.release()

    def is_leader(self) -> bool:
        """Always: nobody else runs on this file."""
        return True

    def take_feed(self, name: str) -> FeedTurn:
        """Always this daemon's turn."""
        return FeedTurn(claimed=True)

    def release_feed(self, name: str) -> None:
        """Nothing to release."""

    @contextmanager
    def exclusive(self, work: str, *, wait: float = 0.0) -> Iterator[bool]:
        """Always True: one daemon, and its jobs keep their own order."""
        yield True


class SharedMembership(Membership):
    """One of several daemons on a PostgreSQL log, coordinated through the `leases` table."""

    shared = True

    def __init__(
        self,
        identity: DaemonIdentity,
        engine: Engine,
        settings: DaemonSettings,
        fingerprint: dict[str, str],
        *,
        concurrency: int = 8,
    ) -> None:
        super().__init__(identity)
        # Claims, releases and heartbeats go through an engine of their own, whose commits do not
        # wait for the disk; one connection per polling thread, and two for the heartbeat and locks.
        self.engine = leases.lease_engine(engine, connections=concurrency + 2)
        self.leader_lease = settings.leader_lease_seconds
        self.feed_lease = settings.feed_lease_seconds
        self.fingerprint = fingerprint
        #: Seconds between heartbeats: a third of the shortest lease, so two may fail before one lapses.
        self.heartbeat = min(self.leader_lease, self.feed_lease) / 3
        self._state = threading.Lock()
        self._leader_until = 0.0  # monotonic
        self._leading = False
        self._polling: set[str] = set()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    @property
    def alive_within(self) -> float:
        """A daemon not heard from for this long counts as gone (in `status`, and for the settings check)."""
        return 3 * self.heartbeat

    def start(self) -> None:
        """Join the register (refusing on other settings), settle the leadership once, start the heartbeat."""
        try:
            self._join()
        except BaseException:
            self.engine.dispose()
            raise
        log.info(
            "daemon.joined",
            extra={"fields": {"daemon": self.daemon_id, "mode": "shared", "heartbeat_s": round(self.heartbeat, 3)}},
        )
        self._beat()
        self._thread = threading.Thread(target=self._run, name="daemon-heartbeat", daemon=True)
        self._thread.start()

    def _join(self) -> None:
        leases.create_tables(self.engine)
        leases.join(
            self.engine,
            daemon_id=self.daemon_id,
            host=self.identity.host,
            pid=self.identity.pid,
            started_at=self.identity.started_at,
            fingerprint=self.fingerprint,
            alive_within=self.alive_within,
            check=self._check_settings,
        )

    def _check_settings(self, others: list[leases.DaemonRecord]) -> None:
        self.slot = len(others)
        for other in others:
            diff = fingerprint_difference(self.fingerprint, other.fingerprint)
            if diff:
                raise DaemonConflictError(
                    f"daemon {other.daemon_id} runs on this database with other settings: {', '.join(diff)}",
                    hint="start every daemon on one database with the same config.toml and rule files",
                )

    def stop(self) -> None:
        """Stop the heartbeat, give up the leadership and the feeds, and sign off."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=max(5.0, self.heartbeat * 2))
        with self._state:
            was_leading, self._leading, self._leader_until = self._leading, False, 0.0
        try:
            leases.leave(self.engine, self.daemon_id)
        except StoreError as exc:
            log.warning("daemon.leave_failed", extra={"fields": {"daemon": self.daemon_id, "error": str(exc)}})
        if was_leading:
            log.info("leader.lost", extra={"fields": {"daemon": self.daemon_id, "reason": "stopping"}})
        self.engine.dispose()

    def is_leader(self) -> bool:
        """True while the leader's lease, counted on this side, has not run out."""
        with self._state:
            return self._leading and time.monotonic() < self._leader_until

    def take_feed(self, name: str) -> FeedTurn:
        """Take the feed's lease; when another daemon holds it, say who and for how long yet."""
        lease = leases.claim(self.engine, leases.feed_lease(name), self.daemon_id, self.feed_lease)
        if lease.held_by(self.daemon_id):
            with self._state:
                self._polling.add(name)
            return FeedTurn(claimed=True)
        return FeedTurn(claimed=False, holder=lease.holder, wait=max(lease.remaining, dt.timedelta(0)))

    def release_feed(self, name: str) -> None:
        """Let the feed's lease lapse now that its poll is recorded."""
        with self._state:
            self._polling.discard(name)
        leases.release(self.engine, self.daemon_id, [leases.feed_lease(name)])

    @contextmanager
    def exclusive(self, work: str, *, wait: float = 0.0) -> Iterator[bool]:
        """True when this process alone holds the work lock `work` for the block (waiting up to `wait` s)."""
        with leases.exclusive(self.engine, work, wait=wait) as got:
            yield got

    # --- the heartbeat ----------------------------------------------------------------------------

    def _run(self) -> None:
        while not self._stop.wait(self.heartbeat):
            self._beat()

    def _beat(self) -> None:
        try:
            leases.beat(self.engine, self.daemon_id)
            with self._state:
                polling = bool(self._polling)
            if polling:
                leases.renew(self.engine, self.daemon_id, self.feed_lease, prefix=leases.FEED_PREFIX)
            self._lead()
        except StoreError as exc:
            log.warning("daemon.heartbeat_failed", extra={"fields": {"daemon": self.daemon_id, "error": str(exc)}})
        self._step_down_if_lapsed()

    def _lead(self) -> None:
        asked = time.monotonic()
        lease = leases.claim(self.engine, leases.LEADER, self.daemon_id, self.leader_lease)
        held = lease.held_by(self.daemon_id)
        with self._state:
            believed = self._leading
            leading = believed and time.monotonic() < self._leader_until
            self._leading = held
            self._leader_until = asked + self.leader_lease * LEADER_SAFETY if held else 0.0
        if held and not leading:
            log.info("leader.gained", extra={"fields": {"daemon": self.daemon_id, "mode": "shared"}})
        elif believed and not held:
            log.warning(
                "leader.lost", extra={"fields": {"daemon": self.daemon_id, "reason": f"{lease.holder} took over"}}
            )
        if held:
            self._tell(not leading)

    def _step_down_if_lapsed(self) -> None:
        with self._state:
            lapsed = self._leading and time.monotonic() >= self._leader_until
            if lapsed:
                self._leading = False
        if lapsed:
            log.warning(
                "leader.lost",
                extra={"fields": {"daemon": self.daemon_id, "reason": "lease not renewed in time"}},
            )


def round_start(slot: int) -> float:
    """Where in the round of feeds the daemon that joined `slot`-th starts, as a share of the round.

    0, 1/2, 1/4, 3/4, 1/8, ...: each daemon starts halfway into the widest stretch the
    ones before it left, so daemons started together poll apart instead of all contending
    for the same feed first.
    """
    share, base, n = 0.0, 0.5, slot
    while n:
        if n & 1:
            share += base
        n >>= 1
        base /= 2
    return share


def membership_for(
    engine: Engine,
    settings: DaemonSettings,
    identity: DaemonIdentity,
    fingerprint: dict[str, str],
    *,
    concurrency: int = 8,
) -> Membership:
    """Shared on PostgreSQL; on SQLite the one daemon, holding the lock file beside the database."""
    if leases.supported(engine):
        return SharedMembership(identity, engine, settings, fingerprint, concurrency=concurrency)
    database = engine.url.database
    path = Path(database) if database and database != ":memory:" else None
    return SoloMembership(identity, path)
