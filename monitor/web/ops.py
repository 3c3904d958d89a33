"""Operations: `/healthz` (the process answers), `/readyz` (it can serve), `/metrics` (Prometheus).

The metrics are read from the log when scraped: counts of events by type
(feeds polled and failed, articles, facts, digests sent and failed),
alerts by rule and severity, and each projection's lag. Nothing is kept in
the process, so every daemon and `serve` sharing one log report the same
figures, and a restart loses none.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from prometheus_client import CollectorRegistry, generate_latest
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, Metric
from prometheus_client.registry import Collector
from sqlalchemy.exc import SQLAlchemyError

from monitor.clock import Clock
from monitor.errors import MonitorError
from monitor.events.digests import DigestDelivered, DigestFailed, DigestQueued
from monitor.events.facts import ArticleRecorded, FactExtracted
from monitor.events.sources import FeedFailed, FeedPolled
from monitor.web.reads import LogStatus, Reader


@dataclass(frozen=True, kw_only=True)
class Readiness:
    """Whether the server can serve, and each check's verdict."""

    ready: bool
    checks: dict[str, str]


class LagWatch:
    """Remembers since when each projection has been behind without moving.

    A projection a little behind is normal (the daemon catches it up within a
    minute); one behind whose checkpoint has not moved for `stuck_after` is stuck.
    """

    def __init__(self, clock: Clock, stuck_after: dt.timedelta) -> None:
        self.clock = clock
        self.stuck_after = stuck_after
        self._since: dict[str, tuple[int, dt.datetime]] = {}
        self._lock = threading.Lock()

    def stuck(self, status: LogStatus) -> list[str]:
        """The projections behind the log whose checkpoint has not moved for too long."""
        now = self.clock.now()
        found = []
        with self._lock:
            for p in status.projections:
                if p.lag == 0:
                    self._since.pop(p.name, None)
                    continue
                checkpoint, since = self._since.get(p.name, (p.checkpoint, now))
                if checkpoint != p.checkpoint:
                    since = now
                self._since[p.name] = (p.checkpoint, since)
                if now - since >= self.stuck_after:
                    found.append(f"{p.name} is {p.lag} events behind, unmoved since {since.isoformat()}")
        return found


def readiness(reader: Reader, watch: LagWatch, scheduler_running: bool | None) -> Readiness:
    """The database answers, no projection is stuck behind, and the daemon's scheduler runs (when there is one)."""
    checks: dict[str, str] = {}
    try:
        reader.ping()
        status = reader.status()
    except (MonitorError, SQLAlchemyError) as exc:
        checks["database"] = f"unreachable: {type(exc).__name__}: {str(exc).splitlines()[0][:200]}"
        return Readiness(ready=False, checks=checks)
    checks["database"] = "ok"
    stuck = watch.stuck(status)
    checks["projections"] = "; ".join(stuck) if stuck else "ok"
    if scheduler_running is not None:
        checks["scheduler"] = "ok" if scheduler_running else "not running"
    return Readiness(ready=all(v == "ok" for v in checks.values()), checks=checks)


class LogCollector(Collector):
    """Prometheus metrics read from the log at scrape time."""

    def __init__(self, reader: Reader) -> None:
        self.reader = reader

    def collect(self) -> Iterator[Metric]:
        """Every metric, freshly counted."""
        types = self.reader.type_counts()
        yield from self._feeds()
        yield _counter("trade_monitor_articles", "Articles recorded.", types[ArticleRecorded.NAME])
        yield _counter("trade_monitor_facts", "Facts extracted from articles.", types[FactExtracted.NAME])
        yield self._alerts()
        yield _counter("trade_monitor_digests_queued", "Digests recorded in the outbox.", types[DigestQueued.NAME])
        yield _counter("trade_monitor_digests_sent", "Digest deliveries that succeeded.", types[DigestDelivered.NAME])
        yield _counter(
            "trade_monitor_digests_failed", "Digest delivery attempts that failed.", types[DigestFailed.NAME]
        )
        status = self.reader.status()
        events = GaugeMetricFamily("trade_monitor_log_events", "Events in the log.")
        events.add_metric([], status.events)
        yield events
        last = GaugeMetricFamily("trade_monitor_log_last_position", "The log's last position.")
        last.add_metric([], status.last_position)
        yield last
        lag = GaugeMetricFamily(
            "trade_monitor_projection_lag_events",
            "How many log positions a projection is behind.",
            labels=["projection"],
        )
        for p in status.projections:
            lag.add_metric([p.name], p.lag)
        yield lag

    def _feeds(self) -> Iterator[Metric]:
        counts = self.reader.feed_event_counts([FeedPolled.NAME, FeedFailed.NAME])
        polled = CounterMetricFamily("trade_monitor_feed_polls", "Polls that got an answer, per feed.", labels=["feed"])
        failed = CounterMetricFamily("trade_monitor_feed_failures", "Polls that failed, per feed.", labels=["feed"])
        names = [f.name for f in self.reader.settings.feeds]
        names += sorted({s.removeprefix("feed-") for s, _ in counts} - set(names))
        for name in names:
            polled.add_metric([name], counts.get((f"feed-{name}", FeedPolled.NAME), 0))
            failed.add_metric([name], counts.get((f"feed-{name}", FeedFailed.NAME), 0))
        yield polled
        yield failed
        durations = self.reader.last_poll_durations(names)
        last = GaugeMetricFamily(
            "trade_monitor_feed_last_poll_seconds",
            "How long a feed's newest poll took: fetch, parse, extract, record.",
            labels=["feed"],
        )
        for name, seconds in durations.items():
            last.add_metric([name], seconds)
        yield last
        total = GaugeMetricFamily(
            "trade_monitor_last_polls_seconds",
            "The newest polls of every feed, their durations added: a round of polls done one at a time.",
        )
        total.add_metric([], sum(durations.values()))
        yield total

    def _alerts(self) -> Metric:
        found = Counter((p.alert.rule, p.alert.severity) for p in self.reader.alerts())
        alerts = CounterMetricFamily(
            "trade_monitor_alerts", "Alerts raised, by rule and severity.", labels=["rule", "severity"]
        )
        for (rule, severity), n in sorted(found.items()):
            alerts.add_metric([rule, severity], n)
        return alerts


def _counter(name: str, doc: str, value: int) -> CounterMetricFamily:
    family = CounterMetricFamily(name, doc)
    family.add_metric([], value)
    return family


def metrics_registry(reader: Reader) -> CollectorRegistry:
    """A registry of its own per server (not the process-wide default), holding the log's metrics."""
    registry = CollectorRegistry(auto_describe=False)
    registry.register(LogCollector(reader))
    return registry


def metrics_text(registry: CollectorRegistry) -> bytes:
    """The Prometheus text exposition of every metric."""
    return generate_latest(registry)
