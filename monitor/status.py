"""The status document: what `trade-monitor status` and `GET /api/v1/status` both report.

One function reads it (`read_status`) and one method writes its JSON
(`Status.to_json`), so the command and the API cannot drift apart. It reads
from the log (size, position, a quick integrity check, each projection's
checkpoint and fault, the daemons' register), the digest room (alerts the
mass-change guard holds) and the sources room (the last successful poll),
which is why it is a module of its own: the web room may import it, and it
imports none of the daemon's wiring (`pipeline`, `cluster`), so `status`
starts without loading the scheduler or the digest templates' renderer.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine

from monitor.config import Settings
from monitor.digest.guard import Burst
from monitor.digest.holds import held
from monitor.events import decode_recorded
from monitor.events.daemon import TICKS_STREAM, DaemonTicked
from monitor.events.digests import DigestDelivered
from monitor.log import EventReader, EventStore, ProjectionRunner
from monitor.log.faults import Fault
from monitor.log.integrity import quick_check
from monitor.log.members import daemons_status
from monitor.log.migrate import current_revision
from monitor.projections import build_projections
from monitor.sources.health import feed_state


@dataclass(frozen=True, kw_only=True)
class ProjectionStatus:
    """One projection: the last position it applied, how far behind the log it is, and where it is stuck."""

    name: str
    checkpoint: int
    lag: int
    stuck: Fault | None


@dataclass(frozen=True, kw_only=True)
class DaemonHealth:
    """When the daemon last did each of its jobs to the end (None: never), read from the log."""

    last_poll: dt.datetime | None
    last_tick: dt.datetime | None
    last_digest: dt.datetime | None


@dataclass(frozen=True, kw_only=True)
class Status:
    """Everything `status` reports, read at one moment."""

    database: str
    schema_revision: str | None
    events: int
    last_position: int
    #: `monitor.log.integrity.quick_check`'s answer.
    integrity: dict[str, Any]
    projections: tuple[ProjectionStatus, ...]
    held: tuple[Burst, ...]
    daemon: DaemonHealth
    #: `monitor.log.members.daemons_status`'s answer.
    daemons: dict[str, Any]

    def to_json(self) -> dict[str, Any]:
        """The document as `status --format json` writes it and `/api/v1/status` answers it (docs/log.md)."""
        return {
            "database": self.database,
            "schema_revision": self.schema_revision,
            "events": self.events,
            "last_position": self.last_position,
            "integrity": self.integrity,
            "projections": [
                {
                    "name": p.name,
                    "checkpoint": p.checkpoint,
                    "lag": p.lag,
                    "stuck": p.stuck.to_json() if p.stuck else None,
                }
                for p in self.projections
            ],
            "held": [
                {
                    "first_position": b.first_position,
                    "last_position": b.last_position,
                    "alerts": b.alerts,
                    "raised_at": b.first_raised_at.isoformat(),
                }
                for b in self.held
            ],
            "daemon": {
                "last_poll": _iso(self.daemon.last_poll),
                "last_tick": _iso(self.daemon.last_tick),
                "last_digest": _iso(self.daemon.last_digest),
            },
            "daemons": self.daemons,
        }


def read_status(settings: Settings, engine: Engine, store: EventStore, *, catch_up_outbox: bool) -> Status:
    """Read the status of the log on `engine` and of the daemons working on it.

    With `catch_up_outbox` (the `status` command, as it always has) the outbox
    projection is caught up after its lag is read and before the held alerts
    are judged, so a burst an `ingest` just raised shows as held at once. The
    web server passes False and writes nothing: alerts the outbox has not
    applied yet are not judged, and its lag says how many positions that is.
    """
    last = store.last_position()
    projections = []
    for projection in build_projections(settings):
        runner = ProjectionRunner(store, projection)
        checkpoint = runner.checkpoint()
        projections.append(
            ProjectionStatus(
                name=projection.name, checkpoint=checkpoint, lag=max(0, last - checkpoint), stuck=runner.fault()
            )
        )
    return Status(
        database=engine.url.render_as_string(hide_password=True),
        schema_revision=current_revision(engine),
        events=store.count(),
        last_position=last,
        integrity=quick_check(EventReader(engine)),
        projections=tuple(projections),
        held=held(settings, store, catch_up=catch_up_outbox),
        daemon=daemon_health(settings, store),
        daemons=daemons_status(engine, settings.daemon),
    )


def daemon_health(settings: Settings, store: EventStore) -> DaemonHealth:
    """The last successful poll of any configured feed, the last tick and the last digest delivered."""
    polls = [feed_state(store, feed.name).last_success for feed in settings.feeds]
    last_tick = None
    version = store.stream_version(TICKS_STREAM)
    if version:
        newest = decode_recorded(store.read_stream(TICKS_STREAM, after_version=version - 1)[-1])
        if isinstance(newest, DaemonTicked):
            last_tick = newest.ticked_at
    last_digest = None
    # Digests are few (a handful a day), so reading their deliveries stays cheap.
    for recorded in store.read_all(types=[DigestDelivered.NAME]):
        delivered = decode_recorded(recorded)
        if isinstance(delivered, DigestDelivered) and (last_digest is None or delivered.delivered_at > last_digest):
            last_digest = delivered.delivered_at
    return DaemonHealth(
        last_poll=max((p for p in polls if p is not None), default=None), last_tick=last_tick, last_digest=last_digest
    )


def _iso(moment: dt.datetime | None) -> str | None:
    return moment.astimezone(dt.UTC).isoformat() if moment else None
