"""Which daemons run on a log and who leads, read for `status` and `/api/v1/status`.

Read only: the leases and the register are written by `monitor/cluster.py`
(through `monitor/log/leases.py`) and the SQLite lock file by
`monitor/log/lockfile.py`. This lives in the log room, beside them, so that
the web room can show the same answer as the command without importing the
daemon's wiring.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from monitor.config import DaemonSettings
from monitor.log import leases
from monitor.log.lockfile import lock_holder


def daemons_status(engine: Engine, settings: DaemonSettings) -> dict[str, Any]:
    """Which daemons run on this log and who leads, as `status --format json` shows it under "daemons"."""
    if not leases.supported(engine):
        database = engine.url.database
        holder = lock_holder(Path(database)) if database and database != ":memory:" else None
        members = [{"daemon": holder, "alive": True, "leader": True, "polling": 0}] if holder else []
        return {"mode": "single", "leader": holder, "leader_expires": None, "members": members}
    # A daemon counts as gone after three missed heartbeats, as `SharedMembership.alive_within` says.
    heartbeat = min(settings.leader_lease_seconds, settings.feed_lease_seconds) / 3
    held = [lease for lease in leases.read_leases(engine) if lease.live]
    leader = next((lease for lease in held if lease.name == leases.LEADER), None)
    polling: dict[str, int] = {}
    for lease in held:
        if lease.name.startswith(leases.FEED_PREFIX):
            polling[lease.holder] = polling.get(lease.holder, 0) + 1
    members = [
        {
            "daemon": d.daemon_id,
            "alive": d.alive,
            "leader": leader is not None and leader.holder == d.daemon_id,
            "polling": polling.get(d.daemon_id, 0),
            "host": d.host,
            "pid": d.pid,
            "started_at": d.started_at.isoformat(),
            "seen_at": d.seen_at.isoformat(),
        }
        for d in leases.read_daemons(engine, alive_within=3 * heartbeat)
        if d.stopped_at is None
    ]
    return {
        "mode": "shared",
        "leader": leader.holder if leader else None,
        "leader_expires": leader.expires_at.isoformat() if leader else None,
        "members": members,
    }
