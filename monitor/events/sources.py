"""Event types of the sources room: feed health (stream `feed-<name>`) and articles seen again.

Each feed event carries the whole state the next poll needs (validators, body
hash, last success, failure count, article count), so a poll reads only the
newest event of its feed's stream, however long the stream grows, and a
restarted daemon picks up exactly where the last one stopped.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from monitor.events.base import Event, event_type, upcaster


@event_type("feed.polled", version=2)
@dataclass(frozen=True, kw_only=True)
class FeedPolled(Event):
    """A feed answered: its body was new (`fetched`), answered 304 (`not_modified`) or
    had the same bytes as last time (`unchanged`)."""

    feed: str
    url: str
    outcome: str
    http_status: int | None
    etag: str | None
    last_modified: str | None
    body_hash: str | None
    entries: int
    new_articles: int
    seen_articles: int
    #: Articles this feed has brought in total (new ones and ones first seen via another feed).
    articles: int
    #: feedparser's "bozo" complaint about a malformed feed that was still read.
    warning: str | None
    polled_at: dt.datetime
    next_poll: dt.datetime
    #: The most recent failure before this success, carried on so `feeds` can show it.
    last_error: str | None = None
    last_error_at: dt.datetime | None = None
    #: v2: seconds the poll took (fetch, parse, extract, record the articles); None before v2
    duration_s: float | None = None


@event_type("feed.failed", version=2)
@dataclass(frozen=True, kw_only=True)
class FeedFailed(Event):
    """A feed could not be fetched or read; the state of the last success is carried on."""

    feed: str
    url: str
    reason: str
    consecutive_failures: int
    etag: str | None
    last_modified: str | None
    body_hash: str | None
    articles: int
    last_success: dt.datetime | None
    failed_at: dt.datetime
    next_poll: dt.datetime
    #: v2: seconds the poll took until it failed; None before v2
    duration_s: float | None = None


def _feed_v1_to_v2(data: dict[str, Any]) -> dict[str, Any]:
    # Polls were not timed before v2.
    return {"duration_s": None, **data}


for _name in ("feed.polled", "feed.failed"):
    upcaster(_name, from_version=1)(_feed_v1_to_v2)


@event_type("article.seen")
@dataclass(frozen=True, kw_only=True)
class ArticleSeen(Event):
    """An article already recorded turned up in another feed (same link, or same text)."""

    article_id: str
    feed: str
    url: str | None


@event_type("article.fingerprinted")
@dataclass(frozen=True, kw_only=True)
class ArticleFingerprinted(Event):
    """The first article with this text claimed it (stream `text-<fingerprint>`); later copies
    of the same text, under other links or in other feeds, are sightings of that article."""

    article_id: str
    fingerprint: str
    feed: str | None
