"""The alerts a subscription has not taken yet, read from the log after its checkpoint.

Each subscription has a stream, `subscription-<name>`, holding one
`digest.queued` per digest; the last one's `through_position` is the
checkpoint. A new digest is appended with the stream version read here as
`expected_version`, so if two runners collect at once only one of them
records a digest and the other gets a ConcurrencyError: an alert is never
taken twice. Alerts are read in log order and reading stops at the first one
raised after `now`, so a checkpoint never jumps over an alert still to come.

With the mass-change guard (`guard.py`) reading also stops before the first
alert of a held burst that the subscription would take, goes no further than
the alerts the guard has judged, and passes over the alerts of a burst a user
dropped.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from monitor.config import SubscriptionSettings
from monitor.digest.guard import Burst, Guard
from monitor.digest.matching import matches
from monitor.digest.schedule import as_utc
from monitor.errors import EventTypeError
from monitor.events import decode_recorded
from monitor.events.alerts import AlertRaised
from monitor.events.digests import DigestQueued
from monitor.log import EventStore

ALERT_TYPE = AlertRaised.NAME


def stream_id(subscription: str) -> str:
    """The stream holding a subscription's digests (and so its checkpoint)."""
    return f"subscription-{subscription}"


@dataclass(frozen=True, kw_only=True)
class Checkpoint:
    """Where a subscription stands: its stream version and the last alert position it has looked at."""

    version: int
    through_position: int


@dataclass(frozen=True, kw_only=True)
class Intake:
    """The alerts waiting for a subscription's next digest."""

    subscription: SubscriptionSettings
    alerts: tuple[AlertRaised, ...]
    checkpoint: Checkpoint
    #: the position of the last alert looked at (matching or not); the next checkpoint
    through_position: int
    #: the held burst reading stopped at, if any
    held: Burst | None = None

    @property
    def oldest(self) -> dt.datetime | None:
        """When the longest-waiting alert was raised (UTC), or None with nothing waiting."""
        if not self.alerts:
            return None
        return min(as_utc(a.raised_at) for a in self.alerts)


def checkpoint(store: EventStore, subscription: str) -> Checkpoint:
    """The subscription's checkpoint, from the last digest it queued."""
    sid = stream_id(subscription)
    version = store.stream_version(sid)
    if version == 0:
        return Checkpoint(version=0, through_position=0)
    last = decode_recorded(store.read_stream(sid, after_version=version - 1)[-1])
    if not isinstance(last, DigestQueued):
        raise EventTypeError(f"stream {sid!r} holds {last.NAME}, expected only digest.queued")
    return Checkpoint(version=version, through_position=last.through_position)


def pending(store: EventStore, sub: SubscriptionSettings, now: dt.datetime, *, guard: Guard | None = None) -> Intake:
    """The alerts raised up to `now` that the subscription matches and has not taken (nor the guard holds)."""
    mark = checkpoint(store, sub.name)
    through = mark.through_position
    taken: list[AlertRaised] = []
    now = as_utc(now)
    until = guard.through if guard is not None else None
    held = guard.held if guard is not None else ()
    dropped = guard.dropped if guard is not None else ()
    stopped: Burst | None = None
    for recorded in store.read_all(after=mark.through_position, until=until, types=[ALERT_TYPE]):
        alert = decode_recorded(recorded)
        assert isinstance(alert, AlertRaised)
        if as_utc(alert.raised_at) > now:
            break
        wanted = matches(sub, alert)
        # A held burst stops the subscriptions it would reach, at their first alert in it; the
        # others read on past it.
        stopped = next((b for b in held if b.holds(recorded.position)), None) if wanted else None
        if stopped is not None:
            break
        through = recorded.position
        if wanted and not any(b.holds(recorded.position) for b in dropped):
            taken.append(alert)
    return Intake(subscription=sub, alerts=tuple(taken), checkpoint=mark, through_position=through, held=stopped)
