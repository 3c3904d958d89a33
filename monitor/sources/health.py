"""A feed's health, read from the newest event of its stream `feed-<name>`, and its back-off.

Every `feed.polled` and `feed.failed` event carries the whole state forward,
so reading one event is enough, however long the feed has been polled.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from monitor.config import FeedSettings
from monitor.events import decode_recorded
from monitor.events.sources import FeedFailed, FeedPolled
from monitor.log import EventStore, RecordedEvent
from monitor.sources.base import Validators

STATUS_OK = "ok"
STATUS_FAILING = "failing"
STATUS_NEVER = "never_polled"
STATUS_DISABLED = "disabled"


def feed_stream(name: str) -> str:
    """The stream id of a feed's health events."""
    return f"feed-{name}"


@dataclass(frozen=True, kw_only=True)
class FeedState:
    """What the log knows of one feed after its last poll."""

    name: str
    version: int = 0
    validators: Validators = Validators()
    body_hash: str | None = None
    last_success: dt.datetime | None = None
    last_error: str | None = None
    last_error_at: dt.datetime | None = None
    consecutive_failures: int = 0
    articles: int = 0
    next_poll: dt.datetime | None = None
    #: The daemon whose poll recorded this state (None: a command, or before daemons were named).
    polled_by: str | None = None

    @property
    def status(self) -> str:
        """`ok`, `failing` or `never_polled`."""
        if self.consecutive_failures:
            return STATUS_FAILING
        return STATUS_OK if self.last_success else STATUS_NEVER


def feed_state(store: EventStore, name: str) -> FeedState:
    """The state of feed `name` from the newest event of its stream."""
    # One query: the daemon reads this before every poll it claims.
    last = store.last_in_stream(feed_stream(name))
    return state_from_event(name, last) if last is not None else FeedState(name=name)


def state_from_event(name: str, event: RecordedEvent) -> FeedState:
    """The feed state an event of the feed's stream leaves behind."""
    data: dict[str, Any] = event.data
    decoded = decode_recorded(event)
    validators = Validators(etag=data.get("etag"), last_modified=data.get("last_modified"))
    daemon = event.metadata.get("daemon")
    polled_by = daemon if isinstance(daemon, str) else None
    if isinstance(decoded, FeedPolled):
        return FeedState(
            name=name,
            version=event.version,
            validators=validators,
            body_hash=decoded.body_hash,
            last_success=decoded.polled_at,
            last_error=decoded.last_error,
            last_error_at=decoded.last_error_at,
            consecutive_failures=0,
            articles=decoded.articles,
            next_poll=decoded.next_poll,
            polled_by=polled_by,
        )
    if isinstance(decoded, FeedFailed):
        return FeedState(
            name=name,
            version=event.version,
            validators=validators,
            body_hash=decoded.body_hash,
            last_success=decoded.last_success,
            last_error=decoded.reason,
            last_error_at=decoded.failed_at,
            consecutive_failures=decoded.consecutive_failures,
            articles=decoded.articles,
            next_poll=decoded.next_poll,
            polled_by=polled_by,
        )
    return FeedState(name=name, version=event.version)


def retry_delay(feed: FeedSettings, failures: int, backoff_max_minutes: int) -> dt.timedelta:
    """How long until the next poll: the interval, doubled for each failure in a row, up to the cap.

    The cap never shortens a feed's own interval.
    """
    interval = feed.interval_minutes
    if failures <= 0:
        return dt.timedelta(minutes=interval)
    # Bound the exponent: 2**failures grows without limit on a feed dead for months.
    doubled = interval * 2 ** min(failures, 32)
    return dt.timedelta(minutes=max(interval, min(doubled, backoff_max_minutes)))


def health_row(feed: FeedSettings, state: FeedState) -> dict[str, Any]:
    """One feed as `trade-monitor feeds --format json` shows it."""
    last_error = None
    if state.last_error is not None:
        at = state.last_error_at.isoformat() if state.last_error_at else None
        last_error = {"at": at, "reason": state.last_error}
    return {
        "name": feed.name,
        "url": feed.url,
        "status": STATUS_DISABLED if not feed.enabled else state.status,
        "last_success": state.last_success.isoformat() if state.last_success else None,
        "last_error": last_error,
        "consecutive_failures": state.consecutive_failures,
        "next_poll": state.next_poll.isoformat() if state.next_poll and feed.enabled else None,
        "articles": state.articles,
        "polled_by": state.polled_by,
    }
