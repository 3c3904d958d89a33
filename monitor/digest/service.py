"""What the daemon and the command line call: collect, render, queue due digests, flush the outbox.

The daemon calls `run_due(settings, store, clock)` every `daemon.digest_minutes`;
`digest send` calls the same pieces, `digest preview` renders without writing.
The state of the measures comes in through a `StatesSource`, a function of
the as-of date, so tests hand in states they built and the daemon reads the
measures projection (`states_from_log`).
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from sqlalchemy import Engine

from monitor.clock import Clock
from monitor.config import Settings, SubscriptionSettings
from monitor.digest import guard, intake, outbox
from monitor.digest.chat import HEADLINES, link_for
from monitor.digest.content import DigestContent, build_content
from monitor.digest.delivery import Delivery, channel_for, delivery_for
from monitor.digest.holds import held
from monitor.digest.message import message_id
from monitor.digest.render import RenderedDigest, render
from monitor.digest.schedule import as_utc, due_at
from monitor.errors import MonitorError
from monitor.events.digests import DigestQueued
from monitor.log import EventStore, NewEvent
from monitor.measures.queries import measure_states
from monitor.measures.state import MeasureState

log = logging.getLogger("monitor.digest")

#: The state of every measure as it stood at the end of the given date.
StatesSource = Callable[[dt.date], Sequence[MeasureState]]


def states_from_log(engine: Engine) -> StatesSource:
    """The states source of production: the measures projection on `engine`."""

    def read(as_of: dt.date) -> Sequence[MeasureState]:
        return measure_states(engine, as_of=as_of)

    return read


def _cached(source: StatesSource) -> StatesSource:
    seen: dict[dt.date, Sequence[MeasureState]] = {}

    def read(as_of: dt.date) -> Sequence[MeasureState]:
        if as_of not in seen:
            seen[as_of] = source(as_of)
        return seen[as_of]

    return read


@dataclass(frozen=True, kw_only=True)
class Draft:
    """A digest rendered for a subscription, not (yet) recorded anywhere."""

    subscription: SubscriptionSettings
    pending: intake.Intake
    content: DigestContent
    rendered: RenderedDigest
    digest: DigestQueued
    #: when the digest is due by the subscription's schedule (None with nothing waiting)
    due_at: dt.datetime | None


@dataclass(frozen=True, kw_only=True)
class RunReport:
    """What one run did: digests queued, deliveries tried, and subscriptions that failed (with why)."""

    queued: list[DigestQueued] = field(default_factory=list)
    attempts: list[outbox.Attempt] = field(default_factory=list)
    errors: list[tuple[str, str]] = field(default_factory=list)


def draft(
    settings: Settings,
    store: EventStore,
    sub: SubscriptionSettings,
    now: dt.datetime,
    states: StatesSource,
) -> Draft:
    """Render the next digest of `sub` from the alerts it has not taken yet (nothing is written)."""
    now = as_utc(now)
    pending = intake.pending(store, sub, now, guard=_guard(settings, store, sub))
    delivery = settings.delivery
    content = build_content(
        sub,
        pending.alerts,
        states(now.date()),
        now,
        deadline_days=delivery.deadline_days,
        measures_shown=delivery.measures_shown,
    )
    templates = settings.path(delivery.templates) if delivery.templates else None
    rendered = render(content, templates=templates, unsubscribe=delivery.unsubscribe or None)
    digest_id = f"{sub.name}-{pending.checkpoint.version + 1}"
    keys = tuple(a.key for a in content.alerts)
    sender = delivery.smtp.sender
    digest = DigestQueued(
        digest_id=digest_id,
        subscription=sub.name,
        alert_keys=keys,
        through_position=pending.through_position,
        recipients=sub.recipients,
        sender=sender,
        subject=rendered.subject,
        text=rendered.text,
        html=rendered.html,
        message_id=message_id(digest_id, keys, sender),
        queued_at=now,
        unsubscribe=delivery.unsubscribe or None,
        channels=sub.channels,
        headlines=tuple(a.summary for a in content.alerts[:HEADLINES]),
        link=link_for(delivery.web_url or settings.web.base_url, pending.oldest.date() if pending.oldest else None),
    )
    oldest = pending.oldest
    when = (
        None if oldest is None else due_at(sub.schedule, sub.timezone, oldest, batch_window_s=delivery.batch_window_s)
    )
    return Draft(subscription=sub, pending=pending, content=content, rendered=rendered, digest=digest, due_at=when)


def preview(
    settings: Settings, store: EventStore, name: str, clock: Clock, *, states: StatesSource | None = None
) -> Draft:
    """The digest `name` would get next, rendered at the clock's time; nothing is recorded or sent."""
    source = states or states_from_log(store.engine)
    return draft(settings, store, settings.subscription(name), clock.now(), source)


def _guard(settings: Settings, store: EventStore, sub: SubscriptionSettings) -> guard.Guard:
    after = intake.checkpoint(store, sub.name).through_position
    return guard.guard(store, settings.delivery.hold_above, after=after)


def _is_due(settings: Settings, store: EventStore, sub: SubscriptionSettings, now: dt.datetime) -> bool:
    oldest = intake.pending(store, sub, now, guard=_guard(settings, store, sub)).oldest
    if oldest is None:
        return False
    return due_at(sub.schedule, sub.timezone, oldest, batch_window_s=settings.delivery.batch_window_s) <= now


def queue_due(
    settings: Settings,
    store: EventStore,
    clock: Clock,
    *,
    states: StatesSource | None = None,
    only: Iterable[str] | None = None,
    force: bool = False,
) -> RunReport:
    """Record a digest for every subscription that is due (or every one with alerts waiting, when `force`).

    A subscription that fails (a broken template, another runner queued first)
    is reported in `errors` and the others go on.
    """
    now = as_utc(clock.now())
    source = _cached(states or states_from_log(store.engine))
    names = set(only) if only is not None else None
    if names is not None:
        for name in names:
            settings.subscription(name)  # an unknown name is the user's mistake: say so
    report = RunReport()
    for sub in settings.subscriptions:
        if names is not None and sub.name not in names:
            continue
        try:
            if not force and not _is_due(settings, store, sub, now):
                continue
            made = draft(settings, store, sub, now, source)
            if not made.content.alerts:
                continue
            store.append(
                intake.stream_id(sub.name),
                [
                    NewEvent.of(
                        made.digest,
                        idempotency_key=f"digest-queued:{made.digest.digest_id}:{made.digest.through_position}",
                        occurred_at=now,
                        metadata={"alerts": len(made.digest.alert_keys)},
                    )
                ],
                expected_version=made.pending.checkpoint.version,
            )
        except MonitorError as exc:
            log.error("subscription %s: digest not queued: %s", sub.name, exc)
            report.errors.append((sub.name, str(exc)))
            continue
        log.info(
            "subscription %s: digest %s queued with %d alerts",
            sub.name,
            made.digest.digest_id,
            len(made.digest.alert_keys),
        )
        report.queued.append(made.digest)
    return report


def flush_outbox(
    settings: Settings,
    store: EventStore,
    clock: Clock,
    *,
    delivery: Delivery | None = None,
    only: Iterable[str] | None = None,
    digest_ids: Iterable[str] | None = None,
) -> list[outbox.Attempt]:
    """Try every delivery whose turn has come: mail with the configured method, channels with theirs."""
    return outbox.flush(
        store, deliveries(settings, delivery), clock.now(), policy=policy(settings), only=only, digest_ids=digest_ids
    )


def policy(settings: Settings) -> outbox.Policy:
    """When to retry and when to give up, from `[delivery]`."""
    d = settings.delivery
    return outbox.Policy(
        retry_max_minutes=d.retry_max_minutes, max_attempts=d.max_attempts, give_up_hours=d.give_up_hours
    )


def deliveries(settings: Settings, mail: Delivery | None = None) -> outbox.Deliveries:
    """The Delivery of each leg: the mail method (made on first use), or a channel by name (likewise)."""
    made: dict[str | None, Delivery] = {} if mail is None else {None: mail}

    def find(channel: str | None) -> Delivery:
        if channel not in made:
            made[channel] = delivery_for(settings) if channel is None else channel_for(settings, channel)
        return made[channel]

    return find


def run_due(
    settings: Settings,
    store: EventStore,
    clock: Clock,
    *,
    states: StatesSource | None = None,
    delivery: Delivery | None = None,
) -> RunReport:
    """The daemon's digest job: queue every due digest, then flush the outbox.

    A burst of alerts the guard holds is recorded (`delivery.held`) and logged
    once, the first time this meets it.
    """
    guard.record_holds(store, held(settings, store), settings.delivery.hold_above, clock.now())
    report = queue_due(settings, store, clock, states=states)
    report.attempts.extend(flush_outbox(settings, store, clock, delivery=delivery))
    return report


def digest_job(settings: Settings, store: EventStore) -> Callable[[Clock], RunReport]:
    """The daemon's periodic digest work, as a function of its clock (for `PeriodicJob.run`)."""

    # The daemon calls this from its digest job and after each evaluation that raised alerts, on
    # threads of its pool: one run at a time, so this process never races itself for a digest.
    lock = threading.Lock()

    def run(clock: Clock) -> RunReport:
        with lock:
            return run_due(settings, store, clock)

    return run
