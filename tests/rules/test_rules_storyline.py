"""A season of made-up news at the fact level, through the production rule engine, on both back ends."""

from __future__ import annotations

import datetime as dt
from typing import Any

from factlog import FactLog

from monitor.clock import SteppingClock
from monitor.config import Settings
from monitor.events.alerts import AlertRaised
from monitor.log import EventStore
from monitor.measures.queries import measure_states
from monitor.rules.service import evaluate_new, read_alerts, tick


def at(clock: SteppingClock, when: str) -> SteppingClock:
    clock.instant = dt.datetime.fromisoformat(when).replace(tzinfo=dt.UTC)
    return clock


def like(alert: AlertRaised, **expected: Any) -> bool:
    return all(getattr(alert, k) == v for k, v in expected.items())


def test_storyline_rate_pause_reminder_change_deal_and_state_as_of(
    facts: FactLog, store: EventStore, clock: SteppingClock, settings: Settings
) -> None:
    facts.fact("2025-04-03", "Washington set a 24 percent tariff on goods from Japan.", rate=24, status="announced")
    evaluate_new(settings, store, clock)
    first = read_alerts(store)
    assert [a.rule for a in first] == ["new_rate"]
    assert like(first[0], imposer="US", target="JP", sector=None, rate=24.0, previous_rate=None)
    assert first[0].evidence[0].sentence.startswith("Washington set a 24 percent")

    facts.fact(
        "2025-04-09",
        "The 24 percent duty on Japanese goods is suspended until July 9.",
        kind="pause",
        rate=24,
        until="2025-07-09",
    )
    facts.fact("2025-04-10", "Officials confirmed Japan faces a 24 percent levy.", rate=24, status="in_effect")
    evaluate_new(settings, store, clock)
    rules = [a.rule for a in read_alerts(store)]
    assert rules == ["new_rate", "pause_started"]
    assert read_alerts(store)[1].until == dt.date(2025, 7, 9)

    tick(settings, store, at(clock, "2025-05-20T08:00"))
    assert [a.rule for a in read_alerts(store)].count("pause_expiring") == 0
    tick(settings, store, at(clock, "2025-07-02T08:00"))
    tick(settings, store, at(clock, "2025-07-03T08:00"))
    reminders = [a for a in read_alerts(store) if a.rule == "pause_expiring"]
    # Lead times 14, 7 and 1: the first tick inside the window reminds at the tightest one reached.
    assert len(reminders) == 1
    assert like(reminders[0], target="JP", until=dt.date(2025, 7, 9))
    assert reminders[0].raised_at.date() == dt.date(2025, 7, 2)

    facts.fact(
        "2025-07-07",
        "Tokyo and Washington concluded a trade agreement.",
        kind="deal",
        imposer="JP",
        targets=("US",),
    )
    facts.fact(
        "2025-07-07",
        "Under the agreement, the tariff on Japanese goods falls to 15 percent.",
        rate=15,
        previous_rate=24,
        status="announced",
    )
    evaluate_new(settings, store, clock)
    after = read_alerts(store)
    assert [a.rule for a in after][-2:] == ["deal_reached", "rate_change"]
    assert like(after[-1], rate=15.0, previous_rate=24.0, target="JP")

    # The rate changed, so the pause's end is no longer a deadline: nothing expires.
    tick(settings, store, at(clock, "2025-07-10T08:00"))
    assert "pause_expired" not in [a.rule for a in read_alerts(store)]

    def jp(day: dt.date) -> Any:
        return next(s for s in measure_states(store.engine, as_of=day) if s.measure_id == "US:JP:*")

    assert jp(dt.date(2025, 4, 5)).rate == 24 and jp(dt.date(2025, 4, 5)).status == "announced"
    assert jp(dt.date(2025, 5, 1)).status == "paused"
    assert jp(dt.date(2025, 5, 1)).pause_until == dt.date(2025, 7, 9)
    assert jp(dt.date(2025, 7, 6)).rate == 24 and jp(dt.date(2025, 7, 6)).status == "paused"
    assert jp(dt.date(2025, 7, 7)).rate == 15
    assert not [s for s in measure_states(store.engine, as_of=dt.date(2025, 4, 2)) if s.measure_id == "US:JP:*"]
    now = next(s for s in measure_states(store.engine) if s.measure_id == "US:JP:*")
    assert now.rate == 15 and now.previous_rate == 24 and now.sources == 1  # one source states 15%
