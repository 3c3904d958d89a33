"""Events of the digests room: the outbox, as the log records it.

A digest is recorded (`digest.queued`, stream `subscription-<name>`) with its
rendered message before anything is sent; the stream's version is the
subscription's checkpoint, so two runners can never both take the same
alerts. Each attempt to deliver it is recorded on stream `digest-<digest_id>`:
`digest.failed` with the reason and when to try again, then `digest.delivered`
once the server (or the folder) accepted it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from monitor.events.base import Event, event_type


@event_type("digest.queued")
@dataclass(frozen=True, kw_only=True)
class DigestQueued(Event):
    """A digest was rendered for a subscription and put in the outbox.

    `through_position` is the log position of the last alert the subscription
    has looked at (taken or not); the next digest starts after it.
    """

    digest_id: str
    subscription: str
    alert_keys: tuple[str, ...]
    through_position: int
    recipients: tuple[str, ...]
    sender: str
    subject: str
    text: str
    html: str
    message_id: str
    queued_at: dt.datetime
    unsubscribe: str | None = None


@event_type("digest.delivered")
@dataclass(frozen=True, kw_only=True)
class DigestDelivered(Event):
    """The mail server accepted the digest, or it was written to the folder."""

    digest_id: str
    method: str
    attempt: int
    delivered_at: dt.datetime
    detail: str = ""
    #: recipients the server refused while accepting the others
    refused: tuple[str, ...] = ()


@event_type("digest.failed")
@dataclass(frozen=True, kw_only=True)
class DigestFailed(Event):
    """An attempt to deliver the digest failed; it stays queued until `next_attempt_at`."""

    digest_id: str
    method: str
    attempt: int
    failed_at: dt.datetime
    reason: str
    next_attempt_at: dt.datetime
