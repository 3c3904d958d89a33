"""Events of the digests room: the outbox, as the log records it.

A digest is recorded (`digest.queued`, stream `subscription-<name>`) with its
rendered message before anything is sent; the stream's version is the
subscription's checkpoint, so two runners can never both take the same
alerts. Each attempt to deliver it is recorded on stream `digest-<digest_id>`:
`digest.failed` with the reason and when to try again, then `digest.delivered`
once the server (or the folder) accepted it, or `digest.dead` when it is given
up (a permanent refusal tried `delivery.max_attempts` times, or a failure that
lasted longer than `delivery.give_up_hours`); `digest.retried` when a user asks
for a dead letter to be sent again. A digest goes to its recipients by mail
(the configured method; `channel` None on these events) and to each chat or
webhook channel of its subscription (`channel` names it): each is tried,
retried and marked on its own, so one that is down never resends another.

Stream `delivery-holds`: `delivery.held` when more alerts were raised at once
than `delivery.hold_above`, `alerts.released` when a user lets them go (or
drops them).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

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
    #: the chat and webhook channels it goes to besides (or instead of) mail
    channels: tuple[str, ...] = ()
    #: the summaries of its first alerts, most severe first: what a chat message shows
    headlines: tuple[str, ...] = ()
    #: the web page a chat message links to (None without `delivery.web_url`)
    link: str | None = None


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
    #: the channel it went to; None for mail
    channel: str | None = None
    #: recipients refused for good, with what the server said (each dead-lettered for this digest)
    refusals: dict[str, str] = field(default_factory=dict)


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
    channel: str | None = None
    #: the refusal was permanent (a 5xx, a 4xx webhook answer): it counts towards `delivery.max_attempts`
    permanent: bool = False
    #: recipients the server took in this attempt although it refused others
    accepted: tuple[str, ...] = ()
    #: recipients refused for good in this attempt, with what the server said
    refusals: dict[str, str] = field(default_factory=dict)


@event_type("digest.sending")
@dataclass(frozen=True, kw_only=True)
class DigestSending(Event):
    """A flusher claimed one delivery of the digest and is handing it over until `until`.

    Appended at the digest stream's version before the attempt, so of two
    flushers that found the same delivery due only one gets to send it; if the
    claimer dies, the delivery is due again at `until`.
    """

    digest_id: str
    attempt: int
    started_at: dt.datetime
    until: dt.datetime
    channel: str | None = None


@event_type("digest.dead")
@dataclass(frozen=True, kw_only=True)
class DigestDeadLettered(Event):
    """A digest (or one channel of it) was given up: `outbox retry` sends it again."""

    digest_id: str
    method: str
    attempt: int
    dead_at: dt.datetime
    reason: str
    channel: str | None = None
    accepted: tuple[str, ...] = ()
    refusals: dict[str, str] = field(default_factory=dict)


@event_type("digest.retried")
@dataclass(frozen=True, kw_only=True)
class DigestRetried(Event):
    """A user asked for a digest's dead letters (channels, refused recipients) to be sent again."""

    digest_id: str
    requested_at: dt.datetime
    #: the channels tried again ("" for mail)
    legs: tuple[str, ...]


@event_type("delivery.held")
@dataclass(frozen=True, kw_only=True)
class DeliveryHeld(Event):
    """More alerts were raised at once than `delivery.hold_above`: their delivery waits for a user."""

    first_position: int
    last_position: int
    alerts: int
    threshold: int
    held_at: dt.datetime


@event_type("alerts.released")
@dataclass(frozen=True, kw_only=True)
class AlertsReleased(Event):
    """A user let held alerts go out (`send`) or dropped them from the digests (`drop`)."""

    first_position: int
    last_position: int
    action: str
    released_at: dt.datetime
