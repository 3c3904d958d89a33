"""Event types of the daemon itself: what `status` reads to say the daemon is alive (stream `daemon-ticks`)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from monitor.events.base import Event, event_type

#: The stream of the daemon's ticks; `status` reads only its newest event.
TICKS_STREAM = "daemon-ticks"


@event_type("daemon.ticked")
@dataclass(frozen=True, kw_only=True)
class DaemonTicked(Event):
    """The daemon's clock tick ran to the end: the rules looked at the time and raised what was due."""

    ticked_at: dt.datetime
    alerts: int
