"""One daemon per SQLite file: an exclusive lock on a file beside the database.

SQLite serialises writers but knows nothing of roles: two daemons on one file
would both poll every feed and both send every digest. So a daemon holds an
exclusive `flock` on `<database>.daemon.lock` while it runs, with its id
written inside for `status` and for the message a second daemon gets. The
kernel drops the lock when the process ends, however it ends, so a daemon
killed with SIGKILL leaves nothing to clean up. (`poll --once` and the other
commands take no such lock: they write through SQLite's own locking.)
"""

from __future__ import annotations

import fcntl
import os
from pathlib import Path

from monitor.errors import StoreError


def lock_path(database: Path) -> Path:
    """The lock file of the daemon on SQLite database `database`."""
    return database.with_name(database.name + ".daemon.lock")


class DaemonLock:
    """The exclusive lock of the one daemon on a SQLite file, held from `acquire` until `release`."""

    def __init__(self, database: Path) -> None:
        self.database = database
        self.path = lock_path(database)
        self._fd: int | None = None

    def acquire(self, daemon_id: str) -> str | None:
        """Take the lock and write `daemon_id` in it; None when taken, else the id of the daemon holding it."""
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise StoreError(f"{self.path}: cannot open the daemon's lock file: {exc.strerror}") from exc
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _read(fd)
            os.close(fd)
            return holder or "another process"
        os.ftruncate(fd, 0)
        os.pwrite(fd, daemon_id.encode("utf-8"), 0)
        self._fd = fd
        return None

    def release(self) -> None:
        """Let the lock go (the file stays; an unlocked file means no daemon)."""
        if self._fd is not None:
            fd, self._fd = self._fd, None
            os.ftruncate(fd, 0)
            os.close(fd)


def lock_holder(database: Path) -> str | None:
    """The id of the daemon running on `database` now, or None when none is."""
    path = lock_path(database)
    try:
        fd = os.open(path, os.O_RDONLY)
    except FileNotFoundError:
        return None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            return _read(fd) or "another process"
        fcntl.flock(fd, fcntl.LOCK_UN)
        return None
    finally:
        os.close(fd)


def _read(fd: int) -> str:
    return os.pread(fd, 400, 0).decode("utf-8", errors="replace").strip()
