"""Built-in and user rules through the production engine: filters, keys, silences, failures, the clock."""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path
from typing import Any

import pytest
from factlog import FactLog, settings_with

from monitor.clock import SteppingClock
from monitor.config import Settings
from monitor.events.alerts import AlertRaised
from monitor.log import EventStore
from monitor.rules.service import evaluate_new, read_alerts, tick
from monitor.rules.silences import add_silence


def at(clock: SteppingClock, when: str) -> SteppingClock:
    clock.instant = dt.datetime.fromisoformat(when).replace(tzinfo=dt.UTC)
    return clock


def matching(found: list[AlertRaised], **expected: Any) -> list[AlertRaised]:
    return [a for a in found if all(getattr(a, k) == v for k, v in expected.items())]


def write_rules(tmp_path: Path, name: str, text: str, config: str = "") -> Settings:
    (tmp_path / "rules").mkdir(exist_ok=True)
    (tmp_path / "rules" / name).write_text(text, encoding="utf-8")
    return settings_with(tmp_path, config)


def test_toml_rule_filters_and_expression(
    tmp_path: Path, facts: FactLog, store: EventStore, clock: SteppingClock
) -> None:
    settings = write_rules(
        tmp_path,
        "mine.toml",
        '[[rule]]\nname = "asia_hikes"\nsignals = ["rate_change"]\ntargets = ["JP", "KR"]\n'
        'severity = "critical"\nmin_change = 5\nwhen = "rate > previous_rate"\n',
    )
    facts.fact("2025-04-01", "Korea pays 10 percent.", rate=10, targets=("KR",))
    facts.fact("2025-04-01", "India pays 10 percent.", rate=10, targets=("IN",))
    facts.fact("2025-04-02", "Korea's duty goes to 12 percent.", rate=12, targets=("KR",))
    facts.fact("2025-04-03", "Korea's duty goes to 30 percent.", rate=30, targets=("KR",))
    facts.fact("2025-04-03", "India's duty goes to 30 percent.", rate=30, targets=("IN",))
    facts.fact("2025-04-04", "Korea's duty comes down to 15 percent.", rate=15, previous_rate=30, targets=("KR",))
    evaluate_new(settings, store, clock)
    mine = matching(read_alerts(store), rule="asia_hikes")
    assert [(a.target, a.previous_rate, a.rate, a.severity) for a in mine] == [("KR", 12.0, 30.0, "critical")]
    # One alert per change: the 12 -> 30 hike names both rules that matched it, the most severe first.
    changes = [a for a in read_alerts(store) if a.details["signal"] == "rate_change"]
    assert len(changes) == 4
    assert [a.rules for a in changes if a.rate == 30 and a.target == "KR"] == [("asia_hikes", "rate_change")]


def test_python_rule_gets_signal_state_and_clock(
    tmp_path: Path, facts: FactLog, store: EventStore, clock: SteppingClock
) -> None:
    settings = write_rules(
        tmp_path,
        "mine.py",
        "from monitor.rules.api import Alert, rule\n\n"
        "@rule(name='well_sourced', signals=['new_rate'], severity='critical')\n"
        "def well_sourced(signal, state, clock):\n"
        "    return Alert(summary=f'{signal.target} {state.sources} on {clock.now().date()}', value='x')\n",
    )
    facts.fact("2025-04-03", "Swiss goods pay 31 percent.", rate=31, targets=("CH",))
    evaluate_new(settings, store, clock)
    [mine] = matching(read_alerts(store), rule="well_sourced")
    assert mine.summary == "CH 1 on 2025-04-03" and mine.severity == "critical"


def test_a_failing_rule_is_logged_by_name_and_the_others_go_on(
    tmp_path: Path, facts: FactLog, store: EventStore, clock: SteppingClock, caplog: pytest.LogCaptureFixture
) -> None:
    settings = write_rules(
        tmp_path,
        "broken.py",
        "from monitor.rules.api import rule\n\n"
        "@rule(name='explodes', signals=['new_rate'])\n"
        "def explodes(signal, state, clock):\n"
        "    raise ZeroDivisionError('our bug')\n",
    )
    facts.fact("2025-04-03", "Swiss goods pay 31 percent.", rate=31, targets=("CH",))
    with caplog.at_level(logging.ERROR, logger="monitor.rules"):
        evaluate_new(settings, store, clock)
    assert [a.rule for a in read_alerts(store)] == ["new_rate"]
    failure = next(r for r in caplog.records if "explodes" in r.getMessage())
    assert failure.exc_info is not None and "ZeroDivisionError" in caplog.text


def test_same_alert_is_never_raised_twice_and_backfill_raises_none(
    settings: Settings, facts: FactLog, store: EventStore, clock: SteppingClock
) -> None:
    facts.fact("2025-03-01", "Canada pays 25 percent.", rate=25, targets=("CA",), catch_up=True)
    evaluate_new(settings, store, clock)
    assert read_alerts(store) == []
    facts.fact("2025-04-03", "Mexico pays 25 percent.", rate=25, targets=("MX",))
    evaluate_new(settings, store, clock)
    evaluate_new(settings, store, clock)
    assert [(a.rule, a.target) for a in read_alerts(store)] == [("new_rate", "MX")]


def test_silenced_alerts_are_recorded_with_the_silence(
    settings: Settings, facts: FactLog, store: EventStore, clock: SteppingClock
) -> None:
    added = add_silence(store, clock, rule="new_rate", target="jp", until=dt.date(2025, 4, 30), reason=" known ")
    assert (added.silence_id, added.target, added.reason) == ("silence-1", "JP", "known")
    facts.fact("2025-04-03", "Japan pays 24 percent.", rate=24)
    facts.fact("2025-04-03", "Korea pays 25 percent.", rate=25, targets=("KR",))
    evaluate_new(settings, store, clock)
    facts.fact("2025-05-02", "Japanese cars pay 27.5 percent.", rate=27.5, sector="autos")
    evaluate_new(settings, store, clock)
    assert [(a.target, a.sector, a.silenced_by) for a in read_alerts(store)] == [
        ("JP", None, "silence-1"),
        ("KR", None, None),
        ("JP", "autos", None),
    ]


def test_severity_is_overridden_in_config(
    tmp_path: Path, facts: FactLog, store: EventStore, clock: SteppingClock
) -> None:
    settings = settings_with(tmp_path, '[rules.severity]\nnew_rate = "critical"\n')
    facts.fact("2025-04-03", "Japan pays 24 percent.", rate=24)
    evaluate_new(settings, store, clock)
    assert read_alerts(store)[0].severity == "critical"


def test_reminders_follow_extensions_and_an_unextended_pause_expires(
    settings: Settings, facts: FactLog, store: EventStore, clock: SteppingClock
) -> None:
    facts.fact(
        "2025-04-09",
        "Vietnam's 46 percent tariff is paused until July 9.",
        kind="pause",
        rate=46,
        until="2025-07-09",
        targets=("VN",),
    )
    evaluate_new(settings, store, clock)
    tick(settings, store, at(clock, "2025-06-25T06:00"))
    tick(settings, store, at(clock, "2025-06-26T06:00"))
    facts.fact(
        "2025-07-01", "The Vietnam pause now runs to August 1.", kind="pause", until="2025-08-01", targets=("VN",)
    )
    tick(settings, store, at(clock, "2025-07-02T06:00"))
    tick(settings, store, at(clock, "2025-07-10T06:00"))
    tick(settings, store, at(clock, "2025-07-31T06:00"))
    tick(settings, store, at(clock, "2025-08-02T06:00"))
    tick(settings, store, at(clock, "2025-08-03T06:00"))
    got = [(a.rule, a.until, a.raised_at.date(), a.details.get("lead_days")) for a in read_alerts(store)]
    assert got == [
        ("pause_started", dt.date(2025, 7, 9), dt.date(2025, 4, 9), None),
        ("pause_expiring", dt.date(2025, 7, 9), dt.date(2025, 6, 25), "14"),
        ("pause_extended", dt.date(2025, 8, 1), dt.date(2025, 7, 2), None),
        ("pause_expiring", dt.date(2025, 8, 1), dt.date(2025, 7, 31), "1"),
        ("pause_expired", dt.date(2025, 8, 1), dt.date(2025, 8, 2), None),
    ]
    assert matching(read_alerts(store), rule="pause_expired")[0].severity == "critical"


def test_a_backfilled_pause_reminds_only_of_what_is_still_ahead(
    settings: Settings, facts: FactLog, store: EventStore, clock: SteppingClock
) -> None:
    at(clock, "2025-07-05T06:00")
    facts.fact(
        "2025-04-09",
        "Taiwan's 32 percent tariff is paused until July 9.",
        kind="pause",
        rate=32,
        until="2025-07-09",
        targets=("TW",),
        catch_up=True,
    )
    facts.fact(
        "2025-04-09",
        "India's 26 percent tariff is paused until June 1.",
        kind="pause",
        rate=26,
        until="2025-06-01",
        targets=("IN",),
        catch_up=True,
    )
    tick(settings, store, clock)
    assert read_alerts(store) == []
    tick(settings, store, at(clock, "2025-07-08T06:00"))
    assert [(a.rule, a.target, a.details["lead_days"]) for a in read_alerts(store)] == [("pause_expiring", "TW", "1")]


def test_a_threat_then_the_real_rate_then_relief(
    settings: Settings, facts: FactLog, store: EventStore, clock: SteppingClock
) -> None:
    eu = {"targets": ("EU",), "sector": "pharmaceuticals"}
    facts.fact(
        "2025-07-01",
        "The White House warned of a 200 percent tariff on EU medicines.",
        rate=200,
        status="threatened",
        **eu,
    )
    facts.fact(
        "2025-07-02",
        "A 200 percent tariff on European drugs is being weighed.",
        rate=200,
        status="threatened",
        article="other",
        **eu,
    )
    facts.fact(
        "2025-08-01",
        "EU medicines will pay 15 percent from September.",
        rate=15,
        status="announced",
        effective="2025-09-01",
        **eu,
    )
    facts.fact("2025-08-05", "Generic medicines from the EU are exempted.", kind="relief", **eu)
    evaluate_new(settings, store, clock)
    got = [(a.rule, a.rate) for a in read_alerts(store)]
    assert got == [("threatened", 200.0), ("new_rate", 15.0), ("relief", None)]


def test_an_alert_quotes_no_news_later_than_what_it_is_about(
    settings: Settings, facts: FactLog, store: EventStore, clock: SteppingClock
) -> None:
    # The rules catch up on a season of news at once, as after a restart.
    facts.fact("2025-03-10", "Washington sets a 24 percent duty on Korean goods.", rate=24, targets=("KR",))
    facts.fact("2025-04-09", "Washington confirms the 24 percent duty on Korea.", rate=24, targets=("KR",))
    facts.fact("2025-07-07", "Washington cuts the duty on Korea to 15 percent.", rate=15, targets=("KR",))
    evaluate_new(settings, store, clock)
    (first,) = matching(read_alerts(store), rule="new_rate")
    assert [e.sentence for e in first.evidence] == ["Washington sets a 24 percent duty on Korean goods."]
    (change,) = matching(read_alerts(store), rule="rate_change")
    assert change.evidence[0].sentence == "Washington cuts the duty on Korea to 15 percent."
    assert {e.published for e in change.evidence} <= {dt.date(2025, 3, 10), dt.date(2025, 4, 9), dt.date(2025, 7, 7)}
    assert len(change.evidence) > 1, "earlier news on the same measure backs the change"
