"""`rules test` against what the engine really raises: same facts, same clock, same alerts."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from factlog import FactLog, settings_with

from monitor.clock import FixedClock, SteppingClock
from monitor.config import Settings
from monitor.events.alerts import AlertRaised
from monitor.log import EventStore
from monitor.rules.dry_run import NEWS_AT, TICK_AT, dry_run
from monitor.rules.loader import load_rules
from monitor.rules.service import evaluate_new, read_alerts, tick
from monitor.rules.silences import add_silence

FIRST, LAST = dt.date(2025, 4, 1), dt.date(2025, 8, 10)

NEWS_DAYS = {
    dt.date.fromisoformat(d)
    for d in ("2025-04-03", "2025-04-09", "2025-04-10", "2025-05-02", "2025-06-30", "2025-07-07", "2025-07-20")
}


def _news_of(day: dt.date, f: FactLog, store: EventStore) -> None:
    # Our own season of news, as a daemon would have read it on each day.
    on = day.isoformat()
    if on == "2025-04-03":
        f.fact(on, "Japan is handed a 24 percent duty.", rate=24)
    elif on == "2025-04-09":
        f.fact(on, "The Japan duty is suspended until July 9.", kind="pause", rate=24, until="2025-07-09")
        f.fact(on, "Vietnam's duty waits until May 20.", kind="pause", rate=46, until="2025-05-20", targets=("VN",))
    elif on == "2025-04-10":
        add_silence(store, f.clock, rule="new_rate", target="KR", until=dt.date(2025, 4, 30), reason="expected")
        f.fact(on, "Korea faces 25 percent from today.", rate=25, targets=("KR",))
    elif on == "2025-05-02":
        f.fact(on, "A 60 percent duty on Chinese goods is floated.", rate=60, status="threatened", targets=("CN",))
    elif on == "2025-06-30":
        f.fact(on, "The Japan reprieve now runs to August 1.", kind="pause", until="2025-08-01")
    elif on == "2025-07-07":
        f.fact(on, "Tokyo and Washington strike a deal.", kind="deal", imposer="JP", targets=("US",))
        f.fact(on, "Korea's duty is raised to 35 percent.", rate=35, previous_rate=25, targets=("KR",))
    elif on == "2025-07-20":
        f.fact(on, "The Korea duty is withdrawn.", kind="lift", targets=("KR",))


def _as_a_daemon_would(settings: Settings, facts: FactLog, store: EventStore) -> None:
    # Each day: that day's news, evaluated at noon; the clock's tick at the end of the day.
    day = FIRST
    while day <= LAST:
        noon = FixedClock(dt.datetime.combine(day, NEWS_AT, tzinfo=dt.UTC))
        facts.clock.instant = noon.now()
        if day in NEWS_DAYS:
            _news_of(day, facts, store)
            evaluate_new(settings, store, noon)
        tick(settings, store, FixedClock(dt.datetime.combine(day, TICK_AT, tzinfo=dt.UTC)))
        day += dt.timedelta(days=1)


@pytest.fixture
def rules_settings(tmp_path: Path) -> Settings:
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "mine.toml").write_text(
        '[[rule]]\nname = "big_asia"\nsignals = ["new_rate", "rate_change", "pause_expiring"]\n'
        'targets = ["JP", "KR"]\nmin_rate = 24\ndays_before = [20, 3]\n',
        encoding="utf-8",
    )
    return settings_with(tmp_path, "[rules]\npause_expiring_days = [14, 7, 1]\n")


def _by_rule(found: list[AlertRaised], name: str, start: dt.date, end: dt.date) -> list[AlertRaised]:
    return [a for a in found if name in a.rules and start <= a.raised_at.date() <= end]


def _seen(found: list[AlertRaised]) -> list[tuple[object, ...]]:
    # What one rule's test shows of each change the engine alerted on (the engine's alert also
    # names the other rules that matched the same change, and takes the most severe's summary).
    return [(a.key, a.raised_at, a.measure_id, a.rate, a.previous_rate, a.until, a.evidence) for a in found]


def test_rules_test_shows_exactly_what_the_engine_raised(
    rules_settings: Settings, facts: FactLog, store: EventStore
) -> None:
    _as_a_daemon_would(rules_settings, facts, store)
    raised = read_alerts(store)
    written = store.last_position()
    rules = load_rules(rules_settings).rules
    # The whole season, and a window that opens after reminders and an expiry were already due.
    for start, end in ((FIRST, LAST), (dt.date(2025, 6, 20), dt.date(2025, 7, 31))):
        for rule in rules:
            shown = dry_run(store, rule, start, end, settings=rules_settings)
            assert _seen(shown) == _seen(_by_rule(raised, rule.name, start, end)), (rule.name, start, end)
    assert store.last_position() == written, "rules test wrote to the log"
    # The season exercises every path: news, reminders, an expiry, an extension, silences, a custom rule.
    assert {r for a in raised for r in a.rules} >= {
        "new_rate",
        "rate_change",
        "threatened",
        "pause_started",
        "pause_extended",
        "pause_expiring",
        "pause_expired",
        "lifted",
        "deal_reached",
        "big_asia",
    }
    # The KR rate matched the silenced built-in and big_asia: one alert, not silenced, since big_asia is not.
    assert [(a.rules, a.silenced_by) for a in raised if "new_rate" in a.rules and a.target == "KR"] == [
        (("big_asia", "new_rate"), None)
    ]
    reminders = [a for a in raised if "big_asia" in a.rules and a.details["signal"] == "pause_expiring"]
    assert [(a.until, a.raised_at.date(), a.details["lead_days"]) for a in reminders] == [
        (dt.date(2025, 7, 9), dt.date(2025, 6, 19), "20"),
        (dt.date(2025, 8, 1), dt.date(2025, 7, 12), "20"),
        (dt.date(2025, 8, 1), dt.date(2025, 7, 29), "3"),
    ]


def test_a_backfill_is_shown_on_the_day_it_tells_of(
    settings: Settings, facts: FactLog, store: EventStore, clock: SteppingClock
) -> None:
    # Read in August about April: the engine raised nothing for it, but the question
    # `rules test` answers is what the rule matches.
    clock.instant = dt.datetime(2025, 8, 1, 9, tzinfo=dt.UTC)
    facts.fact("2025-04-03", "Canada was handed 25 percent in April.", rate=25, targets=("CA",), catch_up=True)
    tick(settings, store, clock)
    assert read_alerts(store) == []
    [rule] = [r for r in load_rules(settings).rules if r.name == "new_rate"]
    [shown] = dry_run(store, rule, dt.date(2025, 4, 1), dt.date(2025, 4, 30), settings=settings)
    assert (shown.target, shown.raised_at.date()) == ("CA", dt.date(2025, 4, 3))
    assert dry_run(store, rule, dt.date(2025, 4, 4), dt.date(2025, 4, 30), settings=settings) == []
