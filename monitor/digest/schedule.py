"""When a subscription's next digest is due, given the oldest alert it has not yet taken.

`immediate` waits `delivery.batch_window_s` after that alert so alerts raised
together go out together; a cron schedule is due at its first firing at or
after that alert (APScheduler's `CronTrigger.from_crontab` in the
subscription's time zone). Working from the oldest waiting alert, rather than
from the time of the last digest, means a daemon that was down at 07:00 sends
the 07:00 digest as soon as it is back, and never needs to remember firings.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from apscheduler.triggers.cron import CronTrigger

IMMEDIATE = "immediate"


@lru_cache(maxsize=64)
def _trigger(schedule: str, timezone: str) -> CronTrigger:
    return CronTrigger.from_crontab(schedule, timezone=timezone)


def due_at(schedule: str, timezone: str, oldest: dt.datetime, *, batch_window_s: int) -> dt.datetime:
    """The instant (UTC) a digest holding an alert raised at `oldest` is due."""
    oldest = as_utc(oldest)
    if schedule == IMMEDIATE:
        return oldest + dt.timedelta(seconds=batch_window_s)
    fire = _trigger(schedule, timezone).get_next_fire_time(None, oldest)
    if fire is None:  # pragma: no cover - a five-field crontab always fires again
        raise ValueError(f"schedule {schedule!r} never fires after {oldest.isoformat()}")
    return as_utc(fire)


def as_utc(value: dt.datetime) -> dt.datetime:
    """An aware UTC datetime; a naive one is taken to be UTC already."""
    if value.tzinfo is None:
        return value.replace(tzinfo=dt.UTC)
    return value.astimezone(dt.UTC)
