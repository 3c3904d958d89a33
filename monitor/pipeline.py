"""Wiring the rooms: the extractor into the sources, rules after new facts, the clock's tick, digests.

One place wires the rooms together so `ingest`, `poll`, `tick` and `run` do
the same thing in the same order: articles are read by the extractor handed
to the sources here, facts are decided into measures, the rules see each new
event once, then due digests are queued and sent.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import logging
import socket
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from monitor.clock import Clock
from monitor.cluster import Membership, daemon_identity, membership_for
from monitor.config import Settings
from monitor.daemon import PeriodicJob
from monitor.digest.delivery import check_deliveries
from monitor.digest.service import digest_job
from monitor.errors import ConfigError
from monitor.events.daemon import TICKS_STREAM, DaemonTicked
from monitor.log import EventStore, NewEvent
from monitor.rules.loader import RuleSet, load_rules
from monitor.rules.service import Evaluated, evaluate_new, tick
from monitor.sources.base import Extractor
from monitor.sources.poll import FeedPoller
from monitor.sources.recording import ArticleRecorder
from monitor.sources.schemes import open_fetcher
from monitor.sources.workers import worker_pool

#: The extractor the sources are handed: named, so each worker process imports it itself.
EXTRACTOR_TARGET = "monitor.extract:extract_facts"
#: The external command as the extractor (`extract.mode`), alone or beside the built-in reader.
COMMAND_TARGETS = {
    "command": "monitor.extract.command:extract_with_command",
    "both": "monitor.extract.command:extract_with_both",
}

log = logging.getLogger("monitor.daemon")

#: How long the start-up check waits for the mail server to accept a connection.
SMTP_PROBE_S = 5.0


def default_extractor() -> Extractor:
    """The shipped extractor (`monitor.extract`), loaded now so a broken one stops the command at once."""
    from monitor.extract import EXTRACTOR_VERSION

    extractor = Extractor(EXTRACTOR_TARGET, EXTRACTOR_VERSION)
    extractor.function()
    return extractor


def configured_extractor(settings: Settings) -> Extractor:
    """The extractor `extract.mode` chooses: the built-in reader, the user's command, or both.

    The command's settings travel inside the value to the worker processes
    that run it. A command whose program cannot be found stops the command
    line or the daemon here, before any article is read.
    """
    extract = settings.extract
    if extract.mode == "builtin":
        return default_extractor()
    from monitor.extract import EXTRACTOR_VERSION
    from monitor.extract.command import check_command, command_version

    cwd = str(settings.base_dir.resolve())
    try:
        check_command(extract.command, cwd)
    except ConfigError as exc:
        raise ConfigError(f"{settings.source}: {exc.message}", hint=exc.hint) from exc
    version = command_version(extract.command)
    if extract.mode == "both":
        version = f"builtin:{EXTRACTOR_VERSION}+{version}"
    options = (("command", extract.command), ("timeout_seconds", extract.timeout_seconds), ("cwd", cwd))
    extractor = Extractor(COMMAND_TARGETS[extract.mode], version, options=options)
    extractor.function()
    return extractor


def article_recorder(
    store: EventStore, clock: Clock, extractor: Extractor | None = None, *, settings: Settings | None = None
) -> ArticleRecorder:
    """The recorder of articles and their facts: with `extractor`, else the one `settings` choose,
    else the shipped one."""
    if extractor is None:
        extractor = configured_extractor(settings) if settings is not None else default_extractor()
    official = frozenset(feed.name for feed in settings.feeds if feed.official) if settings is not None else frozenset()
    return ArticleRecorder(store, clock, extractor=extractor, official_feeds=official)


@contextmanager
def open_poller(
    settings: Settings,
    store: EventStore,
    clock: Clock,
    extractor: Extractor | None = None,
    *,
    daemon: str | None = None,
) -> Iterator[FeedPoller]:
    """A poller on `store` with the fetchers, worker processes and extractor wired in; all closed afterwards.

    `daemon` (the daemon's id) is kept in the metadata of every feed's health event.
    """
    recorder = article_recorder(store, clock, extractor, settings=settings)
    # Parsing and extraction run in worker processes; they are shut down when the polls are done.
    with open_fetcher(settings.fetch) as fetcher, worker_pool(preload=[recorder.extractor.module]) as workers:
        yield FeedPoller(
            store=store,
            fetcher=fetcher,
            recorder=recorder,
            settings=settings.fetch,
            clock=clock,
            workers=workers,
            daemon=daemon,
        )


#: How often the daemon lets the rules look at facts the feeds recorded.
EVALUATE_EVERY = dt.timedelta(minutes=1)


class RuleRunner:
    """Runs the rule engine for one process, one evaluation at a time.

    Feed jobs, the tick and the commands may all ask at once; the lock keeps
    them from racing each other for the same projection checkpoint.
    """

    def __init__(self, settings: Settings, store: EventStore, rules: RuleSet | None = None) -> None:
        self.settings = settings
        self.store = store
        # Loaded once, up front: a bad rule file stops the command or the daemon before it starts.
        self.rules = rules or load_rules(settings)
        self._lock = threading.Lock()

    def evaluate(self, clock: Clock) -> Evaluated:
        """Decide new facts and run every rule once on each new measure event."""
        with self._lock:
            return evaluate_new(self.settings, self.store, clock, rules=self.rules)

    def tick(self, clock: Clock) -> Evaluated:
        """Evaluate, then raise what the clock makes due (reminders, expiries)."""
        with self._lock:
            return tick(self.settings, self.store, clock, rules=self.rules)


def daemon_jobs(
    settings: Settings, store: EventStore, *, rules: RuleSet | None = None, membership: Membership | None = None
) -> list[PeriodicJob]:
    """The periodic jobs the daemon runs beside the feeds: the leader's work.

    Evaluation also runs as soon as a feed has recorded new facts, and sends
    what it made due at once, so an `immediate` subscription hears of a new
    alert seconds after the article is read, not a digest interval later; so
    does the tick, which evaluates too and raises reminders. With a
    `membership`, the digests are sent only under its work lock `digests`, so
    no two processes ever flush the outbox at once.
    """
    runner = RuleRunner(settings, store, rules)
    digests: Callable[[Clock], object] = digest_job(settings, store)
    if membership is not None:
        digests = _fenced(membership, "digests", digests)

    def evaluate_then_send(clock: Clock) -> Evaluated:
        done = runner.evaluate(clock)
        if done.alerts:
            digests(clock)
        return done

    def tick_and_record(clock: Clock) -> Evaluated:
        # The tick evaluates new facts too (after a takeover it runs beside the evaluation and may be the
        # one that meets them), and raises reminders: either way its alerts are sent now, like the
        # evaluation's, not a whole `daemon.digest_minutes` later.
        done = runner.tick(clock)
        record_tick(store, clock, done.alerts)
        if done.alerts:
            digests(clock)
        return done

    return [
        PeriodicJob(
            name="rules.evaluate",
            run=evaluate_then_send,
            interval=EVALUATE_EVERY,
            after_new_facts=True,
            leader_only=True,
        ),
        PeriodicJob(
            name="rules.tick",
            run=tick_and_record,
            interval=dt.timedelta(minutes=settings.daemon.tick_minutes),
            leader_only=True,
        ),
        PeriodicJob(
            name="digests",
            run=digests,
            interval=dt.timedelta(minutes=settings.daemon.digest_minutes),
            leader_only=True,
        ),
    ]


#: How long a run of fenced work waits for another process (a stalled old leader, `digest send`) to finish it.
FENCE_WAIT_S = 30.0


def _fenced(membership: Membership, work: str, run: Callable[[Clock], object]) -> Callable[[Clock], object]:
    # The evaluation that has just raised alerts and the periodic digest job both come here. Had the
    # second of them been turned away by the database lock the first one holds (one connection each),
    # its alerts would wait a whole `daemon.digest_minutes`: after a takeover, where the new leader
    # runs both at once, they often did. So the callers of one process queue here, and each one runs
    # in turn, seeing what was raised while it waited.
    turn = threading.Lock()

    def fenced(clock: Clock) -> object:
        with turn, membership.exclusive(work, wait=FENCE_WAIT_S) as alone:
            if not alone:
                # Another process still does this work: doing it too could send a digest twice.
                log.warning(
                    "work.deferred",
                    extra={"fields": {"work": work, "waited_s": FENCE_WAIT_S, "reason": "another process holds it"}},
                )
                return None
            return run(clock)

    return fenced


# --- several daemons on one log ---------------------------------------------------------------------


def settings_fingerprint(settings: Settings, rules: RuleSet, extractor: Extractor) -> dict[str, str]:
    """What every daemon on one log must agree on, part by part, each as a short hash.

    The rules (each rule file by its name, and the rule settings), the
    subscriptions, the delivery, the feeds and the extractor: two daemons
    that disagreed would raise different alerts from one log, or send
    digests differently depending on which one leads.
    """
    parts = {
        "rules settings": _hash(dataclasses.asdict(settings.rules)),
        "subscriptions": _hash([dataclasses.asdict(s) for s in settings.subscriptions]),
        "delivery": _hash(dataclasses.asdict(settings.delivery)),
        "feeds": _hash([dataclasses.asdict(f) for f in settings.feeds]),
        "extractor": _hash([extractor.target, extractor.version]),
    }
    for shown in rules.files:
        parts[f"rule file {shown}"] = hashlib.sha256(settings.path(shown).read_bytes()).hexdigest()[:16]
    return parts


def _hash(value: object) -> str:
    text = json.dumps(value, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


@contextmanager
def daemon_membership(
    settings: Settings, store: EventStore, clock: Clock, rules: RuleSet, extractor: Extractor
) -> Iterator[Membership]:
    """This daemon joined to the others on its log (refusing to start when it may not), and leaving at the end."""
    membership = membership_for(
        store.engine,
        settings.daemon,
        daemon_identity(clock),
        settings_fingerprint(settings, rules, extractor),
        concurrency=settings.fetch.concurrency,
    )
    membership.start()
    try:
        yield membership
    finally:
        membership.stop()


# --- the daemon's own health ------------------------------------------------------------------------


def record_tick(store: EventStore, clock: Clock, alerts: int) -> None:
    """Record that the daemon's tick ran to the end, for `status`."""
    now = clock.now()
    event = DaemonTicked(ticked_at=now, alerts=alerts)
    store.append(TICKS_STREAM, [NewEvent.of(event, occurred_at=now, idempotency_key=f"tick:{now.isoformat()}")])


# --- start-up checks --------------------------------------------------------------------------------


def check_delivery(settings: Settings) -> None:
    """Before the daemon starts: refuse a config that cannot deliver, warn about a mail server that is down.

    The delivery method is made as the digest job will make it, so an unknown
    method or a secret missing from the environment is a ConfigError now (one
    line, exit 2, as `digest send` says it) instead of a failed job every
    minute. An SMTP server that does not answer is only a warning: mail
    servers come back, and digests wait in the outbox until they do.
    """
    check_deliveries(settings)  # the mail method and every chat or webhook channel
    if settings.delivery.method != "smtp":
        return
    smtp = settings.delivery.smtp
    try:
        socket.create_connection((smtp.host, smtp.port), timeout=min(smtp.timeout_s, SMTP_PROBE_S)).close()
    except OSError as exc:
        log.warning(
            "delivery.unreachable",
            extra={
                "fields": {
                    "server": f"{smtp.host}:{smtp.port}",
                    "error": f"{type(exc).__name__}: {exc}",
                    "hint": "digests wait in the outbox and are retried",
                }
            },
        )
