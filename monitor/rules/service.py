"""What the daemon and the commands call: evaluate new events, run the clock, test one rule.

    rules = load_rules(settings)                    # once, at start: fails on any bad rule file
    evaluate_new(settings, store, clock, rules=rules)  # after new facts (each poll), and on each tick
    tick(settings, store, clock, rules=rules)       # every daemon.tick_minutes

Both catch the measures projection up first (deciding new facts into
measure events), then let the rules see every measure event after their
checkpoint once.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

from monitor.clock import Clock
from monitor.config import Settings
from monitor.events import decode_recorded
from monitor.events.alerts import AlertRaised
from monitor.log.database import write_transaction
from monitor.log.projection import ProjectionRunner
from monitor.log.store import EventStore
from monitor.measures.projection import update_measures
from monitor.rules.deadlines import run_tick
from monitor.rules.engine import Judge
from monitor.rules.loader import RuleSet, load_rules
from monitor.rules.silences import read_silences
from monitor.rules.subscription import RuleSubscription, append_alerts, release_held
from monitor.rules.tables import TABLES


@dataclass(frozen=True, kw_only=True)
class Evaluated:
    """What one evaluation did."""

    events: int
    alerts: int
    #: measure events that raised nothing: a backfill (catch-up), a late article about an
    #: earlier day, or news older than `rules.news_max_age_days` when read
    quiet: int = 0
    #: alerts held for confirmation (a lone source against a corroborated reading)
    held: int = 0


def quiet_lines(done: Evaluated) -> list[str]:
    """What `poll`, `ingest` and `tick` say about what raised no alert, and how to see what would have."""
    lines = []
    if done.quiet:
        lines.append(
            f"{done.quiet} measure event(s) raised no alert: a catch-up (a new feed's first poll, --catch-up), "
            "a late article about an earlier day, or news older than rules.news_max_age_days. "
            "`trade-monitor rules test RULE --from DATE --to DATE` shows what would have alerted."
        )
    if done.held:
        lines.append(
            f"{done.held} alert(s) held: one source against a corroborated reading; raised when a second "
            "source confirms it, or after rules.unconfirmed_hold_hours by `tick`."
        )
    return lines


def _judge(settings: Settings, store: EventStore, clock: Clock) -> Judge:
    return Judge(clock=clock, severity=dict(settings.rules.severity), silences=tuple(read_silences(store)))


def evaluate_new(settings: Settings, store: EventStore, clock: Clock, *, rules: RuleSet | None = None) -> Evaluated:
    """Decide new facts, then run every rule once on each measure event not yet seen.

    Backfilled events (`catch_up`), late articles and old news update the state and
    deadlines but raise no alert (`Evaluated.quiet` counts them).
    """
    ruleset = rules or load_rules(settings)
    update_measures(store, clock)
    subscription = RuleSubscription(
        store,
        ruleset.rules,
        _judge(settings, store, clock),
        news_max_age_days=settings.rules.news_max_age_days,
        hold=dt.timedelta(hours=settings.rules.unconfirmed_hold_hours),
    )
    seen = ProjectionRunner(store, subscription).run()
    return Evaluated(events=seen, alerts=subscription.raised, quiet=subscription.quiet, held=subscription.held)


def tick(settings: Settings, store: EventStore, clock: Clock, *, rules: RuleSet | None = None) -> Evaluated:
    """Catch up with new events, then raise the clock's alerts (pause_expiring, pause_expired) due now,
    and the held alerts whose hold has run out."""
    ruleset = rules or load_rules(settings)
    before = evaluate_new(settings, store, clock, rules=ruleset)
    judge = _judge(settings, store, clock)
    with write_transaction(store.engine) as conn:
        for table in TABLES:
            table.create(conn, checkfirst=True)
        expiries = run_tick(conn, ruleset.rules, judge, stale_after_days=settings.rules.news_max_age_days)
        raised = expiries + release_held(conn, clock.now())
        new = append_alerts(store, conn, raised, tick=clock.now().isoformat())
    return dataclasses.replace(before, alerts=before.alerts + new)


def read_alerts(store: EventStore, *, since: dt.date | None = None) -> list[AlertRaised]:
    """Every alert in the order raised, from `since` (its raised_at day) on."""
    from monitor.rules.engine import ALERTS_STREAM

    found = []
    for recorded in store.read_stream(ALERTS_STREAM):
        alert = decode_recorded(recorded)
        if isinstance(alert, AlertRaised) and (since is None or alert.raised_at.date() >= since):
            found.append(alert)
    return found
