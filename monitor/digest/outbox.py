"""The outbox: digests recorded in the log before they are sent, and what became of each.

Order of writes, and why:

1. `digest.queued` (stream `subscription-<name>`) holds the whole rendered
   message and is committed before any attempt, so a crash after it never
   loses the digest: the next flush finds it.
2. Each of its deliveries (mail to the recipients, and each chat or webhook
   channel of the subscription) is handed over on its own.
3. `digest.delivered` (stream `digest-<id>`, naming the channel) is appended
   once the other side accepted it; `digest.failed` with the reason and the
   time of the next try when it did not. Retries back off: 1, 2, 4, ...
   minutes up to `delivery.retry_max_minutes`. Nothing is retried for ever:
   a permanent refusal (`DeliveryError.permanent`) is dead-lettered
   (`digest.dead`) on its `delivery.max_attempts`-th try, anything else once
   it has failed for `delivery.give_up_hours`. `retry` (the `outbox retry`
   command) records `digest.retried` and starts the count again.

A recipient the mail server refuses for good while it takes the message for
the others is dead-lettered for that digest at once (the message went out;
only that address failed); one refused for now is tried again on its own.
Nobody who got the message gets it again.

The one window left is a crash between 2 and 3: the other side has the
message but the log does not know it, so the next flush sends it again. That
resend is the same message with the same Message-ID (it is built from the
queued event alone), which mail stores and clients use to recognise a
duplicate; webhooks carry the digest id (and an `Idempotency-Key` header),
Matrix deduplicates by the transaction id we derive from it. Closing the
window entirely would need the other side to take part in a two-phase
commit, which neither SMTP nor a webhook can do.

Two flushers cannot both send: each attempt is claimed first
(`digest.sending`, appended at the digest stream's version), so the second
one gets a ConcurrencyError before it sends and leaves the digest to the
first. A claim lasts `CLAIM`; a claimer that dies leaves the delivery due
again when it runs out.

What is due, and what `outbox` lists, is read from the outbox projection's
tables (`projection.py`), not from every digest event in the log.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from sqlalchemy import select

from monitor.digest.delivery.base import Delivery, Receipt
from monitor.digest.projection import MAIL, update_outbox
from monitor.digest.schedule import as_utc
from monitor.digest.tables import outbox_deliveries, outbox_digests, stamp, unstamp
from monitor.errors import ConcurrencyError, DeliveryError, InputError, MonitorError
from monitor.events import decode_recorded
from monitor.events.digests import (
    DigestDeadLettered,
    DigestDelivered,
    DigestFailed,
    DigestQueued,
    DigestRetried,
    DigestSending,
)
from monitor.log import EventStore, NewEvent

log = logging.getLogger("monitor.digest")

Status = Literal["queued", "failed", "delivered", "dead"]

#: How long a flusher's claim on a delivery (`digest.sending`) keeps others off it: longer than any
#: attempt takes (the SMTP and channel timeouts), short enough that a crashed claimer's digest goes soon.
CLAIM = dt.timedelta(minutes=10)
STATUSES: tuple[str, ...] = ("queued", "failed", "delivered", "dead")


def stream_id(digest_id: str) -> str:
    """The stream of a digest's delivery attempts."""
    return f"digest-{digest_id}"


@dataclass(frozen=True, kw_only=True)
class Policy:
    """When to try again and when to give up (from `[delivery]`)."""

    retry_max_minutes: int = 240
    max_attempts: int = 5
    give_up_hours: int = 72


@dataclass(frozen=True, kw_only=True)
class Leg:
    """One delivery of a digest: mail to its recipients (`channel` None) or one channel."""

    channel: str | None
    status: Status
    method: str | None
    attempts: int
    tries: int
    started_at: dt.datetime
    next_attempt_at: dt.datetime | None
    delivered_at: dt.datetime | None
    last_error: str | None
    #: recipients still owed the message (mail only)
    pending: tuple[str, ...]
    #: recipients refused for good, with what the server said
    refused: dict[str, str]

    @property
    def leg(self) -> str:
        """The key of this delivery in events and tables: the channel's name, "" for mail."""
        return self.channel or MAIL


@dataclass(frozen=True, kw_only=True)
class OutboxEntry:
    """One digest in the outbox and where it stands."""

    digest_id: str
    subscription: str
    status: Status
    alerts: int
    recipients: tuple[str, ...]
    channels: tuple[str, ...]
    subject: str
    message_id: str
    queued_at: dt.datetime
    position: int
    #: the version of its `digest-<id>` stream, for appending the next outcome
    version: int
    last_error: str | None
    deliveries: tuple[Leg, ...] = ()

    @property
    def attempts(self) -> int:
        """Attempts made, over all its deliveries."""
        return sum(leg.attempts for leg in self.deliveries)

    @property
    def next_attempt_at(self) -> dt.datetime | None:
        """When it is tried next (None when nothing is waiting)."""
        waiting = [leg.next_attempt_at for leg in self.deliveries if leg.next_attempt_at is not None]
        return min(waiting) if waiting else None

    @property
    def delivered_at(self) -> dt.datetime | None:
        """When its last delivery was accepted, once none is waiting."""
        if self.status in ("queued", "failed"):
            return None
        done = [leg.delivered_at for leg in self.deliveries if leg.delivered_at is not None]
        return max(done) if done else None

    @property
    def method(self) -> str | None:
        """The mail method that handled it (else the first channel's kind)."""
        methods = [leg.method for leg in self.deliveries if leg.method]
        return methods[0] if methods else None

    @property
    def refused(self) -> dict[str, str]:
        """Recipients refused for good, with what the server said."""
        found: dict[str, str] = {}
        for leg in self.deliveries:
            found.update(leg.refused)
        return found

    def leg(self, channel: str | None) -> Leg:
        """Its delivery to `channel` (None: mail)."""
        for leg in self.deliveries:
            if leg.channel == channel:
                return leg
        raise KeyError(channel)


@dataclass(frozen=True, kw_only=True)
class Attempt:
    """What one try at delivering a digest (by mail, or to one channel) did."""

    digest_id: str
    subscription: str
    status: Literal["failed", "delivered", "dead"]
    reason: str | None = None
    next_attempt_at: dt.datetime | None = None
    channel: str | None = None
    #: recipients refused for good in this attempt, with what the server said
    refused: dict[str, str] = field(default_factory=dict)


def _leg(row: Any) -> Leg:
    return Leg(
        channel=row.leg or None,
        status=row.status,
        method=row.method,
        attempts=row.attempts,
        tries=row.tries,
        started_at=unstamp(row.started_at),  # type: ignore[arg-type]
        next_attempt_at=unstamp(row.next_attempt_at) if row.status in ("queued", "failed") else None,
        delivered_at=unstamp(row.delivered_at),
        last_error=row.last_error,
        pending=tuple(row.pending),
        refused=dict(row.refused),
    )


def _entry(row: Any, legs: Sequence[Leg]) -> OutboxEntry:
    return OutboxEntry(
        digest_id=row.digest_id,
        subscription=row.subscription,
        status=row.status,
        alerts=row.alerts,
        recipients=tuple(row.recipients),
        channels=tuple(row.channels),
        subject=row.subject,
        message_id=row.message_id,
        queued_at=unstamp(row.queued_at),  # type: ignore[arg-type]
        position=row.position,
        version=row.version,
        last_error=row.last_error,
        deliveries=tuple(legs),
    )


def entries(
    store: EventStore,
    *,
    statuses: Iterable[str] | None = None,
    limit: int | None = None,
    newest_first: bool = False,
    digest_ids: Iterable[str] | None = None,
    catch_up: bool = True,
) -> list[OutboxEntry]:
    """Digests in the outbox with where each stands, oldest first (or newest first, at most `limit`).

    Catches the outbox projection up first (unless the caller just did), then reads only its tables.
    """
    if catch_up:
        update_outbox(store)
    query = select(outbox_digests)
    chosen = list(statuses) if statuses is not None else None
    if chosen:
        query = query.where(outbox_digests.c.status.in_(chosen))
    ids = list(digest_ids) if digest_ids is not None else None
    if ids is not None:
        query = query.where(outbox_digests.c.digest_id.in_(ids))
    order = outbox_digests.c.position.desc() if newest_first else outbox_digests.c.position
    query = query.order_by(order)
    if limit:
        query = query.limit(limit)
    with store.reading() as conn:
        rows = list(conn.execute(query))
        legs: dict[str, list[Leg]] = {}
        names = [r.digest_id for r in rows]
        for start in range(0, len(names), 400):
            chunk = names[start : start + 400]
            found = conn.execute(
                select(outbox_deliveries)
                .where(outbox_deliveries.c.digest_id.in_(chunk))
                .order_by(outbox_deliveries.c.digest_id, outbox_deliveries.c.leg)
            )
            for leg in found:
                legs.setdefault(leg.digest_id, []).append(_leg(leg))
    return [_entry(r, legs.get(r.digest_id, [])) for r in rows]


def entry(store: EventStore, digest_id: str) -> OutboxEntry:
    """The digest `digest_id`, or an InputError when the outbox has no such digest."""
    found = entries(store, digest_ids=[digest_id])
    if not found:
        raise InputError(f"no digest {digest_id!r} in the outbox", hint="`trade-monitor outbox` lists them")
    return found[0]


def queued_digest(store: EventStore, position: int) -> DigestQueued:
    """The digest.queued event recorded at `position` (the whole message)."""
    with store.reading() as conn:
        [recorded] = list(store.read_page(conn, after=position - 1, limit=1))
    event = decode_recorded(recorded)
    assert isinstance(event, DigestQueued)
    return event


def backoff(attempt: int, max_minutes: int) -> dt.timedelta:
    """How long to wait after the `attempt`-th failure: 1, 2, 4, ... minutes, at most `max_minutes`."""
    return dt.timedelta(minutes=min(2 ** min(max(attempt - 1, 0), 30), max_minutes))


#: Finds the Delivery for a leg: None for mail, else the channel's name.
Deliveries = Callable[[str | None], Delivery]


def _due(store: EventStore, now: dt.datetime, only: set[str] | None, ids: set[str] | None) -> list[OutboxEntry]:
    update_outbox(store)
    query = (
        select(outbox_deliveries.c.digest_id)
        .where(
            outbox_deliveries.c.status.in_(["queued", "failed"]),
            outbox_deliveries.c.next_attempt_at <= stamp(now),
        )
        .distinct()
    )
    with store.reading() as conn:
        names = [r[0] for r in conn.execute(query)]
    if ids is not None:
        names = [n for n in names if n in ids]
    found = entries(store, digest_ids=names, catch_up=False) if names else []
    return [e for e in found if only is None or e.subscription in only]


def flush(
    store: EventStore,
    delivery: Delivery | Deliveries,
    now: dt.datetime,
    *,
    retry_max_minutes: int = 240,
    policy: Policy | None = None,
    only: Iterable[str] | None = None,
    digest_ids: Iterable[str] | None = None,
) -> list[Attempt]:
    """Try every delivery whose turn has come; record each outcome. A failing target is reported, not raised.

    `delivery` is the mail method, or a function giving the Delivery of each
    leg (None: mail; else a channel's name).
    """
    now = as_utc(now)
    rules = policy or Policy(retry_max_minutes=retry_max_minutes)
    find: Deliveries = delivery if not isinstance(delivery, Delivery) else (lambda channel, d=delivery: d)  # type: ignore[misc]
    wanted = set(only) if only is not None else None
    ids = set(digest_ids) if digest_ids is not None else None
    done: list[Attempt] = []
    for item in _due(store, now, wanted, ids):
        digest = queued_digest(store, item.position)
        version = item.version
        for leg in item.deliveries:
            if leg.status not in ("queued", "failed") or leg.next_attempt_at is None or leg.next_attempt_at > now:
                continue
            try:
                method = find(leg.channel)
            except MonitorError as exc:
                # A channel that cannot be set up (its secret is missing) fails like a refusal: until
                # someone fixes the settings, trying again gets the same answer.
                method = _Broken(leg.channel or "mail", DeliveryError(str(exc), permanent=True))
            try:
                result, version = attempt(store, method, digest, leg, version, now, rules)
            except ConcurrencyError as exc:
                log.warning("digest %s: another runner is delivering it (%s); left to it", item.digest_id, exc)
                break
            done.append(result)
    return done


@dataclass
class _Broken:
    name: str
    error: DeliveryError

    def deliver(self, digest: DigestQueued) -> Receipt:
        raise self.error


def attempt(
    store: EventStore,
    delivery: Delivery,
    digest: DigestQueued,
    leg: Leg,
    version: int,
    now: dt.datetime,
    policy: Policy,
) -> tuple[Attempt, int]:
    """Deliver one leg of a digest and record what happened; the attempt and the stream's new version."""
    number = leg.attempts + 1
    channel = leg.channel
    sent = digest
    if channel is None and leg.pending != digest.recipients:
        sent = replace(digest, recipients=leg.pending)  # only those still owed it
    # Claim it first: of two flushers that found it due, the second gets a ConcurrencyError here,
    # before sending anything.
    claim = DigestSending(
        digest_id=digest.digest_id, attempt=number, started_at=now, until=now + CLAIM, channel=channel
    )
    # No idempotency key: two claimers would share it, and the second would read "duplicate" as success.
    claimed = store.append(stream_id(digest.digest_id), [NewEvent.of(claim, occurred_at=now)], expected_version=version)
    version = claimed.version
    outcome: DigestDelivered | DigestFailed | DigestDeadLettered
    try:
        receipt = delivery.deliver(sent)
    except DeliveryError as exc:
        outcome = _failure(
            digest, delivery, leg, number, now, policy, str(exc), permanent=exc.permanent, wait_s=exc.retry_after_s
        )
    else:
        refusals = dict(receipt.refusals) or {r: "refused" for r in receipt.refused if r not in receipt.deferred}
        if receipt.deferred:
            reason = "; ".join(f"{r}: {why}" for r, why in receipt.deferred.items())
            accepted = tuple(r for r in sent.recipients if r not in refusals and r not in receipt.deferred)
            outcome = _failure(digest, delivery, leg, number, now, policy, reason, accepted=accepted, refusals=refusals)
        else:
            outcome = DigestDelivered(
                digest_id=digest.digest_id,
                method=delivery.name,
                attempt=number,
                delivered_at=now,
                detail=receipt.detail,
                refused=tuple(sorted(refusals)),
                channel=channel,
                refusals=refusals,
            )
    result = store.append(
        stream_id(digest.digest_id),
        [
            NewEvent.of(
                outcome,
                idempotency_key=f"digest-{outcome.NAME[7:]}:{digest.digest_id}:{leg.leg}:{number}",
                occurred_at=now,
            )
        ],
        expected_version=version,
    )
    where = f"{digest.digest_id}" + (f" to channel {channel}" if channel else "")
    if isinstance(outcome, DigestDelivered):
        if outcome.refusals:
            log.warning(
                "digest %s delivered, but refused for %s",
                where,
                "; ".join(f"{r}: {why}" for r, why in outcome.refusals.items()),
            )
        else:
            log.info("digest %s delivered (%s)", where, receipt.detail)
        made = Attempt(
            digest_id=digest.digest_id,
            subscription=digest.subscription,
            status="delivered",
            channel=channel,
            refused=dict(outcome.refusals),
        )
    elif isinstance(outcome, DigestDeadLettered):
        log.error("digest %s dead-lettered after %d attempts: %s", where, number, outcome.reason)
        made = Attempt(
            digest_id=digest.digest_id,
            subscription=digest.subscription,
            status="dead",
            reason=outcome.reason,
            channel=channel,
            refused=dict(outcome.refusals),
        )
    else:
        log.warning(
            "digest %s not delivered (attempt %d): %s; next try %s",
            where, number, outcome.reason, outcome.next_attempt_at,
        )  # fmt: skip
        made = Attempt(
            digest_id=digest.digest_id,
            subscription=digest.subscription,
            status="failed",
            reason=outcome.reason,
            next_attempt_at=outcome.next_attempt_at,
            channel=channel,
            refused=dict(outcome.refusals),
        )
    return made, result.version


def _failure(
    digest: DigestQueued,
    delivery: Delivery,
    leg: Leg,
    number: int,
    now: dt.datetime,
    policy: Policy,
    reason: str,
    *,
    permanent: bool = False,
    accepted: tuple[str, ...] = (),
    refusals: dict[str, str] | None = None,
    wait_s: float | None = None,
) -> DigestFailed | DigestDeadLettered:
    tries = leg.tries + 1
    wait = backoff(tries, policy.retry_max_minutes)
    if wait_s is not None:
        # The other side said when to come back (Retry-After); not sooner, nor past the longest wait.
        wait = max(wait, min(dt.timedelta(seconds=wait_s), dt.timedelta(minutes=policy.retry_max_minutes)))
    waited = now - leg.started_at
    if permanent and tries >= policy.max_attempts:
        why = f"{reason} (refused {tries} times; given up)"
    elif not permanent and waited >= dt.timedelta(hours=policy.give_up_hours):
        why = f"{reason} (failing for {waited.total_seconds() / 3600:.0f} hours; given up)"
    else:
        return DigestFailed(
            digest_id=digest.digest_id,
            method=delivery.name,
            attempt=number,
            failed_at=now,
            reason=reason,
            next_attempt_at=now + wait,
            channel=leg.channel,
            permanent=permanent,
            accepted=accepted,
            refusals=refusals or {},
        )
    return DigestDeadLettered(
        digest_id=digest.digest_id,
        method=delivery.name,
        attempt=number,
        dead_at=now,
        reason=why,
        channel=leg.channel,
        accepted=accepted,
        refusals=refusals or {},
    )


def retry(store: EventStore, digest_id: str, now: dt.datetime) -> OutboxEntry:
    """Record that the digest's dead-lettered (or waiting) deliveries are to be tried again now.

    Recipients refused for good are owed the message again; recipients that
    got it are not. The count towards `delivery.max_attempts` and
    `delivery.give_up_hours` starts again from now. Raises InputError when
    nothing in the digest is left to deliver.
    """
    now = as_utc(now)
    found = entry(store, digest_id)
    legs = tuple(leg.leg for leg in found.deliveries if leg.status in ("dead", "failed", "queued") or leg.refused)
    if not legs:
        raise InputError(f"digest {digest_id!r} was delivered to every recipient and channel; nothing to send again")
    event = DigestRetried(digest_id=digest_id, requested_at=now, legs=legs)
    store.append(
        stream_id(digest_id),
        [NewEvent.of(event, idempotency_key=f"digest-retried:{digest_id}:{found.version}", occurred_at=now)],
        expected_version=found.version,
    )
    log.info("digest %s to be sent again (%s)", digest_id, ", ".join(leg or "mail" for leg in legs))
    return entry(store, digest_id)
