"""Everything the web room reads from the other rooms, in one place.

The pages, the API, the calendar and the metrics read measure states,
alerts, feed health and the log's status only through these functions, so
when another room moves a function (the measures queries, the log's
recorder interface) one module here follows it. Nothing here writes: the
web server never catches a projection up; it shows how far behind it is.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, text

from monitor.clock import Clock
from monitor.config import Settings
from monitor.events import decode_recorded
from monitor.events.alerts import AlertRaised
from monitor.events.facts import ArticleRecorded
from monitor.events.measures import MeasureEvent
from monitor.events.sources import FeedFailed, FeedPolled
from monitor.log import EventStore
from monitor.log.leases import feed_claims
from monitor.log.migrate import current_revision
from monitor.measures.layers import measure_stream
from monitor.measures.projection import NAME as MEASURES_PROJECTION
from monitor.measures.queries import measure_states
from monitor.measures.state import MeasureState
from monitor.rules.engine import ALERTS_STREAM
from monitor.rules.subscription import NAME as RULES_PROJECTION
from monitor.sources.health import FeedState, feed_state, feed_stream, health_row
from monitor.sources.recording import article_stream
from monitor.status import Status, read_status


@dataclass(frozen=True, kw_only=True)
class ProjectionLag:
    """How far one projection is behind the log."""

    name: str
    checkpoint: int
    lag: int


@dataclass(frozen=True, kw_only=True)
class LogStatus:
    """The log's size and position, and each projection's lag (what `status` prints)."""

    database: str
    schema_revision: str | None
    events: int
    last_position: int
    projections: tuple[ProjectionLag, ...]


@dataclass(frozen=True, kw_only=True)
class PositionedAlert:
    """An alert and the log position it was recorded at (the API pages by it)."""

    position: int
    alert: AlertRaised


@dataclass(frozen=True, kw_only=True)
class HistoryEntry:
    """One event of a measure's history, with the outlet its article came from."""

    position: int
    type: str
    event: MeasureEvent
    outlet: str | None


class Reader:
    """Reads for the web server, on one engine; safe to share between request threads."""

    def __init__(self, settings: Settings, engine: Engine, store: EventStore, clock: Clock) -> None:
        self.settings = settings
        self.engine = engine
        self.store = store
        # "Now" is the latest news seen from the server's today: a pause past its end no longer holds.
        self.clock = clock
        # An "as of" answer depends only on the day and the log up to its last position;
        # the newest few are kept, so paging through one day's measures replays the log once.
        self._as_of_cache: dict[tuple[dt.date, int], list[MeasureState]] = {}
        self._lock = threading.Lock()

    # --- measures -----------------------------------------------------------------------------

    def measures(self, as_of: dt.date | None = None) -> list[MeasureState]:
        """Every measure now (the projection's rows), or as it stood at the end of `as_of`."""
        if as_of is None:
            return measure_states(self.engine, today=self.clock.now().date())
        key = (as_of, self.store.last_position())
        with self._lock:
            cached = self._as_of_cache.get(key)
        if cached is not None:
            return cached
        found = measure_states(self.engine, as_of=as_of)
        with self._lock:
            if len(self._as_of_cache) >= 8:
                self._as_of_cache.pop(next(iter(self._as_of_cache)))
            self._as_of_cache[key] = found
        return found

    def measure(self, measure_id: str) -> MeasureState | None:
        """One measure now, or None when the projection holds no such measure."""
        for state in measure_states(self.engine, today=self.clock.now().date()):
            if state.measure_id == measure_id:
                return state
        return None

    def history(self, measure_id: str) -> list[HistoryEntry]:
        """Every event of one measure's stream, in the order recorded."""
        found = []
        outlets: dict[str, str | None] = {}
        for recorded in self.store.read_stream(measure_stream(measure_id)):
            event = decode_recorded(recorded)
            if not isinstance(event, MeasureEvent):
                continue
            article = event.evidence.article
            if article not in outlets:
                outlets[article] = self._outlet(article)
            found.append(
                HistoryEntry(position=recorded.position, type=recorded.type, event=event, outlet=outlets[article])
            )
        return found

    def _outlet(self, article_id: str) -> str | None:
        # The feed that brought the article in; an ingested file has none.
        for recorded in self.store.read_stream(article_stream(article_id)):
            decoded = decode_recorded(recorded)
            if isinstance(decoded, ArticleRecorded):
                return decoded.feed
        return None

    # --- alerts ---------------------------------------------------------------------------------

    def alerts(self) -> list[PositionedAlert]:
        """Every alert in the order raised, with its log position."""
        found = []
        for recorded in self.store.read_stream(ALERTS_STREAM):
            alert = decode_recorded(recorded)
            if isinstance(alert, AlertRaised):
                found.append(PositionedAlert(position=recorded.position, alert=alert))
        return found

    # --- feeds and the log --------------------------------------------------------------------------

    def feeds(self) -> list[tuple[dict[str, Any], FeedState]]:
        """Every configured feed's health row (the `feeds` command's JSON) and state."""
        claims = feed_claims(self.engine)
        rows = []
        for feed in self.settings.feeds:
            state = feed_state(self.store, feed.name)
            rows.append(({**health_row(feed, state), "claimed_by": claims.get(feed.name)}, state))
        return rows

    def last_poll_durations(self, names: Sequence[str]) -> dict[str, float]:
        """Per feed, how many seconds its newest poll took (feeds never polled, or polled before polls were
        timed, are left out)."""
        found = {}
        for name in names:
            stream = feed_stream(name)
            version = self.store.stream_version(stream)
            newest = self.store.read_stream(stream, after_version=version - 1) if version else []
            event = decode_recorded(newest[-1]) if newest else None
            if isinstance(event, (FeedPolled, FeedFailed)) and event.duration_s is not None:
                found[name] = event.duration_s
        return found

    def projection_names(self) -> list[str]:
        """The projections whose lag is shown: the measures' (what `status` lists) and the rules'."""
        return [MEASURES_PROJECTION, RULES_PROJECTION]

    def status(self) -> LogStatus:
        """The log's size and each projection's lag, for the feeds page, `/metrics` and `/readyz` (cheap)."""
        last = self.store.last_position()
        checkpoints = self.store.checkpoints(self.projection_names())
        return LogStatus(
            database=self.engine.url.render_as_string(hide_password=True),
            schema_revision=current_revision(self.engine),
            events=self.store.count(),
            last_position=last,
            projections=tuple(
                ProjectionLag(name=name, checkpoint=cp, lag=max(0, last - cp)) for name, cp in checkpoints.items()
            ),
        )

    def status_document(self) -> Status:
        """Everything `trade-monitor status` reports, as it reports it (integrity, faults, holds, daemons).

        Unlike the command, it never catches the outbox projection up: the web server writes nothing.
        """
        return read_status(self.settings, self.engine, self.store, catch_up_outbox=False)

    def ping(self) -> None:
        """Raise when the database does not answer."""
        with self.engine.connect() as conn:
            conn.execute(text("SELECT 1"))

    def type_counts(self) -> Counter[str]:
        """How many events of each type the log holds."""
        return Counter(self.store.count_by_type())

    def feed_event_counts(self, types: Sequence[str]) -> dict[tuple[str, str], int]:
        """(stream id, type) -> number of events, for the feeds' health streams."""
        return self.store.count_by_stream(types)
