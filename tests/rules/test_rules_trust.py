"""Alerts a reader can trust: old news and past pauses raise nothing, lone contradictions are held,
rules and subscriptions can ask for sources, and bad filters are named by file, line and key."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from factlog import FactLog, settings_with

from monitor.clock import FixedClock, SteppingClock
from monitor.config import Settings, parse_settings
from monitor.digest.matching import matches
from monitor.log import EventStore
from monitor.measures.queries import measure_states
from monitor.rules.loader import load_rule_set
from monitor.rules.service import evaluate_new, read_alerts, tick


def at(day: str, hour: int = 12) -> FixedClock:
    return FixedClock(dt.datetime.fromisoformat(day).replace(hour=hour, tzinfo=dt.UTC))


def test_old_news_updates_the_state_but_raises_no_alert(
    settings: Settings, facts: FactLog, store: EventStore, clock: SteppingClock
) -> None:
    clock.instant = dt.datetime(2025, 9, 20, 12, tzinfo=dt.UTC)
    facts.fact("2025-06-01", "Peru's goods pay 18 percent.", rate=18, targets=("PE",), keep_clock=True)
    done = evaluate_new(settings, store, clock)
    assert done.alerts == 0 and done.quiet == 1
    assert [s.rate for s in measure_states(store.engine) if s.target == "PE"] == [18]
    # Fresh news (within rules.news_max_age_days of when it is read) still alerts.
    facts.fact("2025-09-18", "Peru's duty goes to 25 percent.", rate=25, targets=("PE",), keep_clock=True)
    assert evaluate_new(settings, store, clock).alerts == 1


def test_a_pause_already_over_when_learned_never_expires_on_the_clock(
    settings: Settings, facts: FactLog, store: EventStore, clock: SteppingClock
) -> None:
    clock.instant = dt.datetime(2025, 9, 15, 12, tzinfo=dt.UTC)
    facts.fact(
        "2025-09-15",
        "The tariff on Japan was paused until August 1.",
        kind="pause",
        rate=24,
        until="2025-08-01",
        keep_clock=True,
    )
    facts.fact(
        "2025-09-15",
        "Chile's 20 percent duty is paused until October 1.",
        kind="pause",
        rate=20,
        targets=("CL",),
        until="2025-10-01",
        keep_clock=True,
    )
    evaluate_new(settings, store, clock)
    tick(settings, store, at("2025-09-25"))
    tick(settings, store, at("2025-10-03"))
    got = [(a.details["signal"], a.target) for a in read_alerts(store)]
    assert got == [("pause_started", "CL"), ("pause_expiring", "CL"), ("pause_expired", "CL")]


def hold_settings(tmp_path: Path) -> Settings:
    (tmp_path / "rules").mkdir(exist_ok=True)
    return settings_with(tmp_path, "[rules]\nunconfirmed_hold_hours = 24\n")


def test_a_lone_contradiction_is_held_then_raised_unconfirmed(
    tmp_path: Path, facts: FactLog, store: EventStore, clock: SteppingClock
) -> None:
    settings = hold_settings(tmp_path)
    facts.fact("2025-04-03", "Korea pays 10 percent.", rate=10, targets=("KR",), feed="one")
    facts.fact("2025-04-03", "Korean goods pay a 10 percent duty.", rate=10, targets=("KR",), feed="two")
    evaluate_new(settings, store, clock)
    facts.fact("2025-04-05", "Korea will pay 100 percent, a blog says.", rate=100, targets=("KR",), feed="blog")
    done = evaluate_new(settings, store, clock)
    assert (done.alerts, done.held) == (0, 1)
    tick(settings, store, at("2025-04-05", 20))
    assert [a.key for a in read_alerts(store)] == ["new_rate:US:KR:*:10"]
    tick(settings, store, at("2025-04-06", 13))
    (held,) = [a for a in read_alerts(store) if a.details["signal"] == "rate_change"]
    assert held.unconfirmed and held.confidence_text == "1 source, unconfirmed"
    assert held.raised_at == dt.datetime(2025, 4, 6, 13, tzinfo=dt.UTC)


def test_a_held_contradiction_confirmed_by_a_second_outlet_is_raised_at_once(
    tmp_path: Path, facts: FactLog, store: EventStore, clock: SteppingClock
) -> None:
    settings = hold_settings(tmp_path)
    facts.fact("2025-04-03", "Korea pays 10 percent.", rate=10, targets=("KR",), feed="one")
    facts.fact("2025-04-03", "Korean goods pay a 10 percent duty.", rate=10, targets=("KR",), feed="two")
    facts.fact("2025-04-05", "Korea will pay 100 percent, a blog says.", rate=100, targets=("KR",), feed="blog")
    evaluate_new(settings, store, clock)
    facts.fact("2025-04-05", "The 100 percent duty on Korea is confirmed.", rate=100, targets=("KR",), feed="wire")
    evaluate_new(settings, store, clock)
    tick(settings, store, at("2025-04-09"))
    changes = [a for a in read_alerts(store) if a.details["signal"] == "rate_change"]
    assert [(a.key, a.unconfirmed, a.sources) for a in changes] == [("rate_change:US:KR:*:10->100", False, 2)]


def test_rules_and_subscriptions_can_ask_for_sources(
    tmp_path: Path, facts: FactLog, store: EventStore, clock: SteppingClock
) -> None:
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "sure.toml").write_text(
        '[[rule]]\nname = "confirmed_rates"\nsignals = ["new_rate"]\nmin_sources = 2\n', encoding="utf-8"
    )
    settings = settings_with(tmp_path, "[rules]\nbuiltins = false\n")
    facts.fact("2025-04-03", "Chile pays 12 percent.", rate=12, targets=("CL",), feed="one")
    assert evaluate_new(settings, store, clock).alerts == 0
    facts.fact("2025-04-04", "Chilean goods face 12 percent.", rate=12, targets=("CL",), feed="two")
    assert evaluate_new(settings, store, clock).alerts == 1
    (alert,) = read_alerts(store)
    assert (alert.rules, alert.sources, alert.confidence_text) == (("confirmed_rates",), 2, "2 sources")

    sub = parse_settings(
        '[[subscriptions]]\nname = "sure"\nmin_sources = 3\n[[subscriptions]]\nname = "gov"\nofficial_only = true\n'
        '[[subscriptions]]\nname = "sharp"\nmin_confidence = 0.9\n',
        source=tmp_path / "c.toml",
    ).subscriptions
    assert [matches(s, alert) for s in sub] == [False, False, True]
    official = dataclasses.replace(alert, sources=3, official=True, confidence=0.5)
    assert [matches(s, official) for s in sub] == [True, True, False]
    assert official.confidence_text == "3 sources, official, read with 50% confidence"


def test_rules_check_names_an_unknown_country_or_sector_with_file_line_and_key(tmp_path: Path) -> None:
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "typos.toml").write_text(
        '[[rule]]\nname = "a"\nsignals = ["new_rate"]\ntargets = ["JP", "XX"]\n\n'
        '[[rule]]\nname = "b"\nsignals = ["new_rate"]\nsectors = ["steal"]\nimposers = ["usa"]\n'
        "min_sources = -1\n",
        encoding="utf-8",
    )
    errors = load_rule_set(settings_with(tmp_path)).errors
    assert any(e.startswith("rules/typos.toml:4: key 'rule[0].targets'") and "'XX'" in e for e in errors)
    assert any(e.startswith("rules/typos.toml:9: key 'rule[1].sectors'") and "'steal'" in e for e in errors)
    assert any(e.startswith("rules/typos.toml:10: key 'rule[1].imposers'") and "'usa'" in e for e in errors)
    assert any(e.startswith("rules/typos.toml:11: key 'rule[1].min_sources'") for e in errors)
