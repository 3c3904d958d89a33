"""The daemon: an APScheduler 3.x scheduler with one job per feed, plus the periodic jobs others add.

Configured explicitly (no library defaults relied on): the time zone of
`daemon.timezone`; runs of one job never overlap (`max_instances=1`); runs missed
while the process was busy or asleep are coalesced into one; feeds run in a
pool of `fetch.concurrency` threads and the other periodic jobs in a pool of
their own, so a slow feed cycle never delays the rule engine's tick. A feed
that fails is retried after its back-off (doubling, up to
`fetch.backoff_max_minutes`) and returns to its interval once it answers.
Failures of a job are watched by a listener (EVENT_JOB_ERROR), not a `try` in
every job. SIGTERM and SIGINT stop the scheduler after the work in flight.

Other rooms add periodic work with `PeriodicJob`s:

    build_scheduler(settings, poller=poller, clock=clock,
                    extra_jobs=[PeriodicJob(name="rules-tick", run=engine.tick,
                                            interval=dt.timedelta(minutes=settings.daemon.tick_minutes))])

Every job is handed the daemon's clock (a `SystemClock` made at the edge).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import random
import signal
import sys
import threading
import time
from collections.abc import Callable, Sequence
from contextlib import suppress
from dataclasses import dataclass
from typing import Any, TextIO

from apscheduler.events import EVENT_JOB_ERROR, EVENT_JOB_EXECUTED, EVENT_JOB_MISSED, JobExecutionEvent
from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.jobstores.base import JobLookupError
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.interval import IntervalTrigger

from monitor.clock import Clock
from monitor.cluster import Membership, round_start
from monitor.config import DaemonSettings, FeedSettings, Settings
from monitor.errors import StoreError
from monitor.sources.health import FeedState, feed_state
from monitor.sources.poll import FeedPoller, PollResult

log = logging.getLogger("monitor.daemon")

FEED_EXECUTOR = "feeds"
JOB_EXECUTOR = "default"


@dataclass(frozen=True, kw_only=True)
class PeriodicJob:
    """Work the daemon runs every `interval` (the rule engine's tick, sending digests, ...).

    `run` receives the daemon's clock; what it raises is logged by the daemon's
    error listener with the job's name, and the job runs again at its next time.
    """

    name: str
    run: Callable[[Clock], object]
    interval: dt.timedelta
    #: Run once as soon as the daemon starts, rather than one interval after.
    run_at_start: bool = True
    jitter_s: int = 0
    #: Also run as soon as a feed poll has recorded new facts, so alerts are not an interval late.
    after_new_facts: bool = False
    #: Leader's work: with several daemons on one log, only the leader runs it.
    leader_only: bool = False


class _Scheduler(BackgroundScheduler):
    """A BackgroundScheduler whose jobs may reschedule themselves while it shuts down.

    APScheduler 3's `shutdown(wait=True)` holds the job-store lock while it
    waits for the jobs running; a feed job that ends by rescheduling itself
    (back-off, or waking the rules after new facts) then waits for that lock
    for ever: `run` stopped by SIGTERM mid-poll never exited. Once shutdown
    has begun, such changes are dropped (nothing will run again anyway).
    """

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self._changes = threading.Lock()
        self._closing = False

    def modify_job(self, job_id: str, jobstore: str | None = None, **changes: Any) -> Any:
        with self._changes:
            if self._closing:
                return None
            return super().modify_job(job_id, jobstore, **changes)

    def shutdown(self, wait: bool = True) -> None:
        with self._changes:
            self._closing = True
        super().shutdown(wait)


def feed_job_id(name: str) -> str:
    """The scheduler's id of a feed's job."""
    return f"feed:{name}"


def build_scheduler(
    settings: Settings,
    *,
    poller: FeedPoller,
    clock: Clock,
    feeds: Sequence[FeedSettings] | None = None,
    extra_jobs: Sequence[PeriodicJob] = (),
    rng: random.Random | None = None,
    membership: Membership | None = None,
) -> BackgroundScheduler:
    """A scheduler (not started) with one job per enabled feed and one per extra job.

    With a `membership`, each feed's poll is claimed first (another daemon may
    be polling it) and leader-only jobs run only while this daemon leads.
    """
    rng = rng or random.Random()
    scheduler = _Scheduler(
        executors={
            FEED_EXECUTOR: ThreadPoolExecutor(max_workers=settings.fetch.concurrency),
            JOB_EXECUTOR: ThreadPoolExecutor(max_workers=max(2, len(extra_jobs))),
        },
        job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": 300},
        timezone=settings.daemon.timezone,
    )
    scheduler.add_listener(_on_job_event, EVENT_JOB_ERROR | EVENT_JOB_MISSED | EVENT_JOB_EXECUTED)
    now = clock.now()
    chosen = settings.feeds if feeds is None else feeds
    followers = tuple(f"job:{job.name}" for job in extra_jobs if job.after_new_facts)
    enabled = [feed for feed in chosen if feed.enabled]
    order = _round_order(enabled, membership)
    outage = Outage()
    for feed in enabled:
        # Resume where the log left off: a feed backing off stays backed off across a restart.
        due = feed_state(poller.store, feed.name).next_poll
        start = max(now, due) if due else now
        start += dt.timedelta(seconds=rng.uniform(0, min(settings.fetch.jitter_s, 5)), microseconds=order[feed.name])
        scheduler.add_job(
            _poll_feed,
            IntervalTrigger(minutes=feed.interval_minutes, jitter=settings.fetch.jitter_s or None),
            args=(scheduler, poller, feed, settings.fetch.jitter_s, rng, followers, membership, outage),
            id=feed_job_id(feed.name),
            name=f"feed {feed.name}",
            executor=FEED_EXECUTOR,
            next_run_time=start,
            # A run late by less than the feed's interval still runs, once.
            misfire_grace_time=feed.interval_minutes * 60,
        )
    running: set[str] = set()  # leader-only jobs running now, so the leader's heartbeat does not queue more
    for job in extra_jobs:
        # Leaving next_run_time out lets the trigger choose; passing None would pause the job.
        start_now: dict[str, Any] = {"next_run_time": now} if job.run_at_start else {}
        run = _leader_only(job, membership, running) if job.leader_only and membership is not None else job.run
        scheduler.add_job(
            run,
            IntervalTrigger(seconds=job.interval.total_seconds(), jitter=job.jitter_s or None),
            args=(clock,),
            id=f"job:{job.name}",
            name=job.name,
            executor=JOB_EXECUTOR,
            misfire_grace_time=max(1, int(job.interval.total_seconds())),
            **start_now,
        )
    if membership is not None:
        membership.on_leading(_leader_listener(scheduler, poller, clock, extra_jobs, running))
    return scheduler


class Outage:
    """Whether the log's database is away, and how long the feeds wait before they try it again.

    Shared by every feed job of a daemon: the wait doubles with each failure
    (from `first` to `longest` seconds), so a database down for an hour is
    asked about once a minute per feed, not once a poll; the first success
    ends the outage.
    """

    def __init__(self, first: float = 1.0, longest: float = 60.0) -> None:
        self.first = first
        self.longest = longest
        self._lock = threading.Lock()
        self._wait = 0.0
        self._since: float | None = None  # monotonic

    def failed(self) -> tuple[float, bool]:
        """One more failure: the seconds to wait before trying again, and whether the outage begins now."""
        with self._lock:
            began = self._since is None
            if began:
                self._since = time.monotonic()
            self._wait = min(self.longest, self._wait * 2 if self._wait else self.first)
            return self._wait, began

    def ended(self) -> float | None:
        """A success: how long the outage lasted in seconds, if there was one."""
        with self._lock:
            since, self._since, self._wait = self._since, None, 0.0
        return None if since is None else time.monotonic() - since


def _poll_feed(
    scheduler: BackgroundScheduler,
    poller: FeedPoller,
    feed: FeedSettings,
    jitter_s: int,
    rng: random.Random,
    followers: tuple[str, ...] = (),
    membership: Membership | None = None,
    outage: Outage | None = None,
) -> None:
    outage = outage or Outage()
    try:
        result = _poll_turn(scheduler, poller, feed, jitter_s, rng, membership)
    except StoreError as exc:
        # The database went away (or refused us): not the feed's fault, so no back-off recorded for
        # it; what was fetched is kept by the poller. Try again soon, sooner than the feed's interval.
        wait, began = outage.failed()
        when = poller.clock.now() + dt.timedelta(seconds=wait + rng.uniform(0, wait / 4))
        fields = {"feed": feed.name, "error": str(exc), "retry_in_s": round(wait, 1)}
        log.log(logging.WARNING if began else logging.DEBUG, "database.unavailable", extra={"fields": fields})
        scheduler.modify_job(feed_job_id(feed.name), next_run_time=when)
        return
    lasted = outage.ended()
    if lasted is not None:
        log.info("database.available", extra={"fields": {"feed": feed.name, "unavailable_s": round(lasted, 1)}})
    if result is None:
        return
    if result.facts:
        for job_id in followers:
            scheduler.modify_job(job_id, next_run_time=poller.clock.now())
    if result.outcome == "failed":
        # Back off: the next run is the recorded next poll, not the trigger's interval.
        when = result.next_poll + dt.timedelta(seconds=rng.uniform(0, jitter_s))
        scheduler.modify_job(feed_job_id(feed.name), next_run_time=when)


def _poll_turn(
    scheduler: BackgroundScheduler,
    poller: FeedPoller,
    feed: FeedSettings,
    jitter_s: int,
    rng: random.Random,
    membership: Membership | None,
) -> PollResult | None:
    """Poll `feed` if it is this daemon's turn; None when it is not."""
    state: FeedState | None = None
    if membership is not None:
        state = _take_turn(scheduler, poller, feed, jitter_s, rng, membership)
        if state is None:
            return None
    try:
        return poller.poll(feed, state)
    finally:
        if membership is not None:
            # A database that is away cannot take the release: the claim then lapses after its time.
            with suppress(StoreError):
                membership.release_feed(feed.name)


# --- several daemons on one log ---------------------------------------------------------------------


def _round_order(feeds: Sequence[FeedSettings], membership: Membership | None) -> dict[str, int]:
    """Microseconds added to each feed's first run, so feeds due at one instant run in this daemon's order.

    The scheduler runs jobs due at one instant in the order of their ids; every daemon would
    then reach for the same feeds first. A shared daemon starts its round at its own place.
    """
    if membership is None or not membership.shared or not feeds:
        return {feed.name: 0 for feed in feeds}
    first = int(round_start(membership.slot) * len(feeds))
    names = sorted(feed.name for feed in feeds)
    return {name: (i - first) % len(names) for i, name in enumerate(names)}


def _take_turn(
    scheduler: BackgroundScheduler,
    poller: FeedPoller,
    feed: FeedSettings,
    jitter_s: int,
    rng: random.Random,
    membership: Membership,
) -> FeedState | None:
    """Claim `feed` for this poll and return its state as the log has it.

    None, with the job moved to when to look again, when it is not this daemon's turn.
    """
    now = poller.clock.now()
    turn = membership.take_feed(feed.name)
    job_id = feed_job_id(feed.name)
    if not turn.claimed:
        # Another daemon polls it right now: look again when its claim would lapse, in case it dies.
        interval = dt.timedelta(minutes=feed.interval_minutes)
        when = now + min(turn.wait, interval) + dt.timedelta(seconds=rng.uniform(0, min(jitter_s, 1) or 0.2))
        scheduler.modify_job(job_id, next_run_time=when)
        log.debug("feed.claimed_elsewhere", extra={"fields": {"feed": feed.name, "daemon": turn.holder}})
        return None
    # Claimed: but another daemon may have just polled it (or `poll --once` did). Its recorded next
    # poll says so; less than half an interval away counts as due, so small timing drift never skips a poll.
    state = feed_state(poller.store, feed.name)
    due = state.next_poll
    if due is not None and due - now > dt.timedelta(minutes=feed.interval_minutes) / 2:
        membership.release_feed(feed.name)
        scheduler.modify_job(job_id, next_run_time=due + dt.timedelta(seconds=rng.uniform(0, jitter_s)))
        return None
    return state


def _leader_only(job: PeriodicJob, membership: Membership, running: set[str]) -> Callable[[Clock], object]:
    def run(clock: Clock) -> object:
        if not membership.is_leader():
            return None
        running.add(job.name)
        try:
            return job.run(clock)
        finally:
            running.discard(job.name)

    return run


def _leader_listener(
    scheduler: BackgroundScheduler,
    poller: FeedPoller,
    clock: Clock,
    jobs: Sequence[PeriodicJob],
    running: set[str],
) -> Callable[[bool], None]:
    """On each heartbeat as leader: run the leader's jobs at once when just elected, and evaluate when the log grew.

    Other daemons' polls record facts the leader's own feed jobs never see, so the
    leader looks at the head of the log on each heartbeat instead of waiting a whole
    evaluation interval.
    """
    seen: dict[str, int] = {}  # per job: the head of the log when it was last asked to run

    def listen(gained: bool) -> None:
        if not scheduler.running:
            return
        head = poller.store.last_position()
        for job in jobs:
            if not job.leader_only or job.name in running:
                # A running job is left alone: asking now would only be refused, and the head it has
                # not seen is still unseen at the next heartbeat.
                continue
            if gained or (job.after_new_facts and seen.get(job.name) != head):
                seen[job.name] = head
                with suppress(JobLookupError):
                    scheduler.modify_job(f"job:{job.name}", next_run_time=clock.now())

    return listen


def _on_job_event(event: JobExecutionEvent) -> None:
    if event.code == EVENT_JOB_EXECUTED:
        # At debug level only: one line per run of every job is noise in production.
        log.debug("job.ran", extra={"fields": {"job": event.job_id}})
        return
    if event.code == EVENT_JOB_MISSED:
        log.warning("job.missed", extra={"fields": {"job": event.job_id}})
        return
    exc = event.exception
    log.error(
        "job.failed",
        extra={"fields": {"job": event.job_id, "error": f"{type(exc).__name__}: {exc}"}},
        exc_info=(type(exc), exc, event.traceback) if exc is not None and log.isEnabledFor(logging.DEBUG) else None,
    )


def run_daemon(
    settings: Settings,
    *,
    poller: FeedPoller,
    clock: Clock,
    extra_jobs: Sequence[PeriodicJob] = (),
    feeds: Sequence[FeedSettings] | None = None,
    membership: Membership | None = None,
) -> int:
    """Run until SIGTERM or SIGINT; finish the polls in flight, then return 0."""
    stop = threading.Event()

    def request_stop(signum: int, _frame: object) -> None:
        log.info("daemon.stopping", extra={"fields": {"signal": signal.Signals(signum).name}})
        stop.set()

    previous = {sig: signal.signal(sig, request_stop) for sig in (signal.SIGTERM, signal.SIGINT)}
    scheduler = build_scheduler(
        settings, poller=poller, clock=clock, feeds=feeds, extra_jobs=extra_jobs, membership=membership
    )
    web = None
    try:
        # The web pages (`[web] enabled`), in a thread beside the scheduler and stopped with it; a port
        # that cannot be had stops the daemon here, before any feed is polled.
        if settings.web.enabled:
            from monitor.web.server import start_web

            web = start_web(settings, poller.store.engine, clock, scheduler_running=lambda: bool(scheduler.running))
        # Said before starting: once started, jobs may log before this line would.
        jobs = scheduler.get_jobs()
        log.info(
            "daemon.started",
            extra={
                "fields": {
                    "feeds": sum(1 for j in jobs if j.id.startswith("feed:")),
                    "jobs": sum(1 for j in jobs if j.id.startswith("job:")),
                    "timezone": settings.daemon.timezone,
                }
            },
        )
        scheduler.start()
        # A timeout keeps the main thread waking, so signal handlers run promptly.
        while not stop.wait(0.5):
            pass
        scheduler.shutdown(wait=True)
        log.info("daemon.stopped", extra={"fields": {}})
    finally:
        if web is not None:
            web.stop()
        if scheduler.running:
            scheduler.shutdown(wait=False)
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    return 0


# --- structured log lines -------------------------------------------------------------------------


class _TextFormatter(logging.Formatter):
    """`2025-04-02T12:00:00Z INFO feed.polled feed=ustr new=3 ...`"""

    def format(self, record: logging.LogRecord) -> str:
        fields: dict[str, Any] = getattr(record, "fields", {})
        when = dt.datetime.fromtimestamp(record.created, dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        parts = [when, record.levelname, record.getMessage()]
        parts += [f"{k}={_text_value(v)}" for k, v in fields.items()]
        line = " ".join(parts)
        if record.exc_info:
            line += "\n" + self.formatException(record.exc_info)
        return line


def _text_value(value: object) -> str:
    text = str(value)
    return json.dumps(text) if (" " in text or not text or '"' in text) else text


class _JsonFormatter(logging.Formatter):
    """One JSON object per line: {"ts", "level", "event", ...fields}."""

    def format(self, record: logging.LogRecord) -> str:
        fields: dict[str, Any] = getattr(record, "fields", {})
        line: dict[str, Any] = {
            "ts": dt.datetime.fromtimestamp(record.created, dt.UTC).isoformat(),
            "level": record.levelname.lower(),
            "event": record.getMessage(),
            "logger": record.name,
        }
        line.update(fields)
        if record.exc_info:
            line["traceback"] = self.formatException(record.exc_info)
        return json.dumps(line, default=str, ensure_ascii=False)


def configure_logging(settings: DaemonSettings, *, stream: TextIO | None = None) -> None:
    """Send trade-monitor's log lines to stderr as text or JSON, at the configured level."""
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.setFormatter(_JsonFormatter() if settings.log_format == "json" else _TextFormatter())
    root = logging.getLogger("monitor")
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(settings.log_level.upper())
    root.propagate = False
    # APScheduler's own lines ("Running job ...") are noise at info; its warnings still show.
    logging.getLogger("apscheduler").setLevel(logging.WARNING)
    logging.getLogger("apscheduler").addHandler(handler)
    # A job that raises is reported by our listener in one line (job.failed); the executors' own
    # report is the same failure again with a 20-line traceback, every time the job runs.
    logging.getLogger("apscheduler.executors").setLevel(logging.CRITICAL)
