"""Which bursts of alerts the mass-change guard holds now, for the digests, `outbox`, `status` and the API.

A module of its own, apart from `service.py`, so that `status` and the web
server can ask without loading the digests' renderer and delivery methods.
"""

from __future__ import annotations

from monitor.config import Settings
from monitor.digest import guard, intake
from monitor.log import EventStore


def held(settings: Settings, store: EventStore, *, catch_up: bool = True) -> tuple[guard.Burst, ...]:
    """The bursts of alerts whose delivery is held now, oldest first.

    Only bursts some subscription has not read past count: a large burst that
    went out before the guard existed (or before `hold_above` was lowered)
    holds nothing. With `catch_up` False the outbox projection is read as it
    stands, writing nothing: alerts it has not applied yet are not judged.
    """
    if not settings.subscriptions:
        return ()
    after = min(intake.checkpoint(store, sub.name).through_position for sub in settings.subscriptions)
    return guard.guard(store, settings.delivery.hold_above, after=after, catch_up=catch_up).held
