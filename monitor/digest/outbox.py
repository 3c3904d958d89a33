"""The outbox: digests recorded in the log before they are sent, and what became of each.

Order of writes, and why:

1. `digest.queued` (stream `subscription-<name>`) holds the whole rendered
   message and is committed before any attempt, so a crash after it never
   loses the digest: the next flush finds it.
2. The delivery method hands the message over.
3. `digest.delivered` (stream `digest-<id>`) is appended once the server
   accepted it; `digest.failed` with the reason and the time of the next try
   when it did not. Retries back off: 1, 2, 4, ... minutes up to
   `delivery.retry_max_minutes`.

The one window left is a crash between 2 and 3: the server has the message
but the log does not know it, so the next flush sends it again. That resend
is the same message with the same Message-ID (it is built from the queued
event alone), which mail stores and clients use to recognise a duplicate;
the `directory` method rewrites the same files. Closing the window entirely
would need the mail server to take part in a two-phase commit, which SMTP
cannot do.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Literal

from monitor.digest.delivery.base import Delivery
from monitor.digest.schedule import as_utc
from monitor.errors import DeliveryError
from monitor.events import decode_recorded
from monitor.events.digests import DigestDelivered, DigestFailed, DigestQueued
from monitor.log import EventStore, NewEvent

log = logging.getLogger("monitor.digest")

Status = Literal["queued", "failed", "delivered"]
_TYPES = (DigestQueued.NAME, DigestDelivered.NAME, DigestFailed.NAME)


def stream_id(digest_id: str) -> str:
    """The stream of a digest's delivery attempts."""
    return f"digest-{digest_id}"


@dataclass(frozen=True, kw_only=True)
class OutboxEntry:
    """One digest in the outbox and where it stands."""

    digest: DigestQueued
    status: Status
    attempts: int = 0
    last_error: str | None = None
    #: when it may be tried next (None once delivered)
    next_attempt_at: dt.datetime | None = None
    delivered_at: dt.datetime | None = None
    method: str | None = None
    #: the version of its `digest-<id>` stream, for appending the next outcome
    version: int = 0

    def due(self, now: dt.datetime) -> bool:
        """Whether it is waiting and its next try has come."""
        return self.status != "delivered" and self.next_attempt_at is not None and self.next_attempt_at <= now


@dataclass(frozen=True, kw_only=True)
class Attempt:
    """What one try at delivering a digest did."""

    digest_id: str
    subscription: str
    status: Literal["failed", "delivered"]
    reason: str | None = None
    next_attempt_at: dt.datetime | None = None


def entries(store: EventStore) -> list[OutboxEntry]:
    """Every digest ever queued with its current state, oldest first."""
    found: dict[str, OutboxEntry] = {}
    for recorded in store.read_all(types=_TYPES):
        event = decode_recorded(recorded)
        if isinstance(event, DigestQueued):
            found[event.digest_id] = OutboxEntry(digest=event, status="queued", next_attempt_at=as_utc(event.queued_at))
            continue
        entry = found.get(getattr(event, "digest_id", ""))
        if entry is None:
            continue  # an outcome for a digest whose queueing we cannot see: nothing to update
        if isinstance(event, DigestDelivered):
            found[entry.digest.digest_id] = replace(
                entry,
                status="delivered",
                attempts=event.attempt,
                delivered_at=as_utc(event.delivered_at),
                next_attempt_at=None,
                method=event.method,
                version=recorded.version,
            )
        elif isinstance(event, DigestFailed) and entry.status != "delivered":
            found[entry.digest.digest_id] = replace(
                entry,
                status="failed",
                attempts=event.attempt,
                last_error=event.reason,
                next_attempt_at=as_utc(event.next_attempt_at),
                method=event.method,
                version=recorded.version,
            )
    return list(found.values())


def backoff(attempt: int, max_minutes: int) -> dt.timedelta:
    """How long to wait after the `attempt`-th failure: 1, 2, 4, ... minutes, at most `max_minutes`."""
    return dt.timedelta(minutes=min(2 ** min(max(attempt - 1, 0), 30), max_minutes))


def flush(
    store: EventStore,
    delivery: Delivery,
    now: dt.datetime,
    *,
    retry_max_minutes: int,
    only: Iterable[str] | None = None,
) -> list[Attempt]:
    """Try every digest whose turn has come; record each outcome. A failing server is reported, not raised."""
    now = as_utc(now)
    wanted = set(only) if only is not None else None
    done: list[Attempt] = []
    for entry in entries(store):
        if not entry.due(now):
            continue
        if wanted is not None and entry.digest.subscription not in wanted:
            continue
        done.append(attempt(store, delivery, entry, now, retry_max_minutes=retry_max_minutes))
    return done


def attempt(
    store: EventStore, delivery: Delivery, entry: OutboxEntry, now: dt.datetime, *, retry_max_minutes: int
) -> Attempt:
    """Deliver one digest and record what happened."""
    digest = entry.digest
    number = entry.attempts + 1
    try:
        receipt = delivery.deliver(digest)
    except DeliveryError as exc:
        reason = str(exc)
        next_at = now + backoff(number, retry_max_minutes)
        failed = DigestFailed(
            digest_id=digest.digest_id,
            method=delivery.name,
            attempt=number,
            failed_at=now,
            reason=reason,
            next_attempt_at=next_at,
        )
        store.append(
            stream_id(digest.digest_id),
            [NewEvent.of(failed, idempotency_key=f"digest-failed:{digest.digest_id}:{number}", occurred_at=now)],
            expected_version=entry.version,
        )
        log.warning("digest %s not delivered (attempt %d): %s; next try %s", digest.digest_id, number, reason, next_at)
        return Attempt(
            digest_id=digest.digest_id,
            subscription=digest.subscription,
            status="failed",
            reason=reason,
            next_attempt_at=next_at,
        )
    delivered = DigestDelivered(
        digest_id=digest.digest_id,
        method=delivery.name,
        attempt=number,
        delivered_at=now,
        detail=receipt.detail,
        refused=receipt.refused,
    )
    store.append(
        stream_id(digest.digest_id),
        [NewEvent.of(delivered, idempotency_key=f"digest-delivered:{digest.digest_id}", occurred_at=now)],
        expected_version=entry.version,
    )
    log.info("digest %s delivered (%s)", digest.digest_id, receipt.detail)
    return Attempt(digest_id=digest.digest_id, subscription=digest.subscription, status="delivered")
