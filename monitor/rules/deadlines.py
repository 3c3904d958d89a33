"""Clock rules on a tick: pause_expiring at each lead time, pause_expired once the end has passed,
tariff_expiring at each lead time before a tariff's own expiry.

A tick reads the open-pause index for ends within the longest lead time or
already passed, and the measures' expiry index for expiries within the longest
lead time, so its cost follows the number of measures near their end, not
the length of the log. Each rule reminds once per lead time, at the tightest
lead time reached (a pause first seen three days before its end gets the
3-day reminder, not the 14- and 7-day ones as well). A tariff reminder is
asked again on every tick of its lead time; its alert key (measure, expiry,
lead time) keeps it to one alert.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import Connection, delete, func, select, update

from monitor.events.alerts import AlertRaised
from monitor.measures.queries import expiring, next_expiry, state_of
from monitor.rules.api import Rule
from monitor.rules.engine import Judge
from monitor.rules.signals import clock_signal
from monitor.rules.tables import deadlines


def due_lead(rule: Rule, until: dt.date, today: dt.date) -> int | None:
    """The tightest of the rule's lead times reached on `today` for a pause ending (a tariff expiring) `until`."""
    reached = [d for d in rule.days_before if until - dt.timedelta(days=d) <= today <= until]
    return min(reached) if reached else None


def reach(rules: Sequence[Rule], signal: str = "pause_expiring") -> int:
    """How many days ahead of a pause's end (a tariff's expiry, for `tariff_expiring`) a tick with
    these rules starts to look at it."""
    return max((max(r.days_before) for r in rules if signal in r.signals and r.days_before), default=0)


def earliest_end(conn: Connection, after: dt.date | None = None) -> dt.date | None:
    """The nearest pause end the index watches, or (given `after`) tariff expiry on or after it
    (None when there is none)."""
    value: dt.date | None = conn.execute(select(func.min(deadlines.c.until))).scalar()
    expiry = next_expiry(conn, after) if after is not None else None
    return min((d for d in (value, expiry) if d is not None), default=None)


def run_tick(
    conn: Connection, rules: Sequence[Rule], judge: Judge, *, stale_after_days: int | None = None
) -> list[AlertRaised]:
    """The alerts the clock raises now; the index is updated so none is considered twice.

    Rows whose end is more than `reach(rules)` days ahead are not read: a tick
    before then changes nothing. A pause that ended more than `stale_after_days`
    before this tick (the monitor was not ticking then) is dropped without an
    alert: its end is old news, not a warning.
    """
    today = judge.clock.now().date()
    expiring = [r for r in rules if "pause_expiring" in r.signals and r.days_before]
    expired = [r for r in rules if "pause_expired" in r.signals]
    horizon = today + dt.timedelta(days=reach(rules))
    rows = conn.execute(
        select(deadlines).where(deadlines.c.until <= horizon).order_by(deadlines.c.until, deadlines.c.measure_id)
    ).all()
    raised: list[AlertRaised] = []
    for row in rows:
        due: dict[int, list[Rule]] = {}
        mid, until, quiet = row.measure_id, row.until, row.quiet_before
        fired = set(row.fired)
        state = state_of(conn, mid)
        if state is None or state.status != "paused" or state.pause_until != until:
            conn.execute(delete(deadlines).where(deadlines.c.measure_id == mid))
            continue
        if until >= today:
            for rule in expiring:
                lead = due_lead(rule, until, today)
                mark = f"{rule.name}:{lead}"
                if lead is None or mark in fired:
                    continue
                fired.add(mark)
                if quiet is not None and until - dt.timedelta(days=lead) < quiet:
                    continue  # learned in a backfill after this reminder was due: not raised late
                due.setdefault(lead, []).append(rule)
            for lead, due_rules in sorted(due.items()):
                signal = clock_signal("pause_expiring", state, until=until, today=today, lead_days=lead)
                raised.extend(judge.evaluate(due_rules, signal, state))
            conn.execute(update(deadlines).where(deadlines.c.measure_id == mid).values(fired=sorted(fired)))
            continue
        stale = stale_after_days is not None and (today - until).days > stale_after_days
        if (quiet is None or until >= quiet) and not stale:
            signal = clock_signal("pause_expired", state, until=until, today=today)
            raised.extend(judge.evaluate(expired, signal, state))
        conn.execute(delete(deadlines).where(deadlines.c.measure_id == mid))
    return raised + _tariff_reminders(conn, rules, judge, today)


def _tariff_reminders(conn: Connection, rules: Sequence[Rule], judge: Judge, today: dt.date) -> list[AlertRaised]:
    # No index of its own: the measures' state holds each tariff's expiry as the latest news has it,
    # so an extension or a lift read since the last tick is already there.
    wanted = [r for r in rules if "tariff_expiring" in r.signals and r.days_before]
    if not wanted:
        return []
    raised: list[AlertRaised] = []
    for state in expiring(conn, today, today + dt.timedelta(days=reach(wanted, "tariff_expiring"))):
        assert state.expires is not None
        due: dict[int, list[Rule]] = {}
        for rule in wanted:
            lead = due_lead(rule, state.expires, today)
            if lead is not None:
                due.setdefault(lead, []).append(rule)
        for lead, due_rules in sorted(due.items()):
            signal = clock_signal("tariff_expiring", state, until=state.expires, today=today, lead_days=lead)
            raised.extend(judge.evaluate(due_rules, signal, state))
    return raised
