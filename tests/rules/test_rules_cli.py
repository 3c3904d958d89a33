"""The commands as a user runs them (in process, through the real main()), on a real SQLite file."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from cli_runner import CliResult, run_cli
from factlog import FactLog

from monitor.clock import SteppingClock
from monitor.log import EventStore, open_engine
from monitor.log.migrate import upgrade


def tm(folder: Path, *args: str, ok: bool = True) -> CliResult:
    # In process, through the real main(): the exit codes and error lines are the command's own.
    done = run_cli(args, cwd=folder, env={"TRADE_MONITOR_CONFIG": None})
    if ok:
        assert done.returncode == 0, f"{args}: {done.stderr}"
    return done


def js(folder: Path, *args: str) -> Any:
    return json.loads(tm(folder, *args, "--format", "json").stdout)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "rules").mkdir()
    (tmp_path / "config.toml").write_text(
        '[database]\nurl = "sqlite:///log.db"\n[rules]\npause_expiring_days = [7]\n', encoding="utf-8"
    )
    return tmp_path


@pytest.fixture
def log(folder: Path, clock: SteppingClock) -> FactLog:
    engine = open_engine(f"sqlite:///{folder}/log.db")
    upgrade(engine)
    return FactLog(EventStore(engine, clock), clock)


def test_tick_alerts_and_state_as_of(folder: Path, log: FactLog) -> None:
    log.fact("2025-04-03", "Japan was handed a 24 percent tariff.", rate=24, status="announced")
    log.fact(
        "2025-04-09", "Japan's 24 percent tariff is paused until July 9.", kind="pause", rate=24, until="2025-07-09"
    )
    tm(folder, "tick", "--now", "2025-04-09T13:00")
    tm(folder, "tick", "--now", "2025-07-02T08:00")
    found = js(folder, "alerts")["alerts"]
    assert [a["rule"] for a in found] == ["new_rate", "pause_started", "pause_expiring"]
    first = found[0]
    for key in (
        "rule",
        "severity",
        "imposer",
        "target",
        "sector",
        "rate",
        "previous_rate",
        "until",
        "raised_at",
        "summary",
        "evidence",
    ):
        assert key in first
    assert first["evidence"][0] == {
        "article": "a1",
        "url": "https://news.example.org/a1",
        "sentence": "Japan was handed a 24 percent tariff.",
        "title": "Story a1",
        "published": "2025-04-03",
    }
    assert "24%" in first["summary"] and first["raised_at"].startswith("2025-04-09")
    assert [a["rule"] for a in js(folder, "alerts", "--since", "2025-06-01")["alerts"]] == ["pause_expiring"]

    may = js(folder, "state", "--as-of", "2025-05-01")
    assert may["as_of"] == "2025-05-01"
    [jp] = may["measures"]
    assert (jp["measure_id"], jp["rate"], jp["status"], jp["pause_until"]) == ("US:JP:*", 24, "paused", "2025-07-09")
    assert js(folder, "state", "--as-of", "2025-04-01")["measures"] == []
    assert "US:JP:*" in tm(folder, "state").stdout


def test_state_now_is_the_latest_news_seen_from_today(folder: Path, log: FactLog) -> None:
    """A pause whose end has passed no longer holds, and a tariff past its expiry is lifted, though no article
    has said so since: `state` sees the news from today (or --now), as `state --as-of` does from its day."""
    log.fact("2025-04-03", "Japan was handed a 24 percent tariff.", rate=24, status="announced")
    log.fact(
        "2025-04-09", "Japan's 24 percent tariff is paused until July 9.", kind="pause", rate=24, until="2025-07-09"
    )
    log.fact(
        "2025-05-02",
        "Ottawa set a 12 percent duty on steel from Korea until August 31.",
        imposer="CA",
        targets=("KR",),
        sector="steel",
        rate=12,
        until="2025-08-31",
        status="in_effect",
    )

    def seen(now: str) -> dict[str, tuple[object, object]]:
        found = js(folder, "state", "--now", now)
        assert found["as_of"] is None and found["today"] == now
        return {m["measure_id"]: (m["status"], m["rate"]) for m in found["measures"]}

    assert seen("2025-07-01") == {"US:JP:*": ("paused", 24), "CA:KR:steel": ("in_effect", 12)}
    assert seen("2025-07-10") == {"US:JP:*": ("in_effect", 24), "CA:KR:steel": ("in_effect", 12)}
    assert seen("2025-09-01") == {"US:JP:*": ("in_effect", 24), "CA:KR:steel": ("lifted", None)}
    # The table says the same; a --now that is no time is refused with the option named.
    assert "lifted" in tm(folder, "state", "--now", "2025-09-01").stdout
    refused = tm(folder, "state", "--now", "soon", ok=False)
    assert refused.returncode == 2 and "--now" in refused.stderr


def test_rules_test_replays_one_rule_and_writes_nothing(folder: Path, log: FactLog) -> None:
    log.fact("2025-04-03", "Japan was handed a 24 percent tariff.", rate=24)
    log.fact("2025-04-09", "Japan's tariff is paused until May 20.", kind="pause", rate=24, until="2025-05-20")
    log.fact("2025-05-02", "Korea was handed a 25 percent tariff.", rate=25, targets=("KR",))
    tm(folder, "state")  # decides the facts into measure events, raises nothing
    before = js(folder, "events", "--limit", "0")["events"]
    out = js(folder, "rules", "test", "pause_expiring", "--from", "2025-04-01", "--to", "2025-06-30")
    assert [(a["rule"], a["target"], a["until"], a["raised_at"][:10]) for a in out["alerts"]] == [
        ("pause_expiring", "JP", "2025-05-20", "2025-05-13")
    ]
    rates = js(folder, "rules", "test", "new_rate", "--from", "2025-04-05", "--to", "2025-06-30")["alerts"]
    assert [a["target"] for a in rates] == ["KR"]
    assert js(folder, "events", "--limit", "0")["events"] == before
    assert js(folder, "alerts")["alerts"] == []
    bad = tm(folder, "rules", "test", "no_such_rule", "--from", "2025-04-01", "--to", "2025-04-02", ok=False)
    assert bad.returncode != 0 and "no rule named 'no_such_rule'" in bad.stderr


def test_silence_add_and_list(folder: Path, log: FactLog) -> None:
    tm(
        folder,
        "silence",
        "add",
        "--rule",
        "new_rate",
        "--target",
        "jp",
        "--until",
        "2025-04-30",
        "--reason",
        "we know",
        "--now",
        "2025-04-02",
    )
    log.fact("2025-04-03", "Japan was handed a 24 percent tariff.", rate=24)
    tm(folder, "tick", "--now", "2025-04-03T13:00")
    [alert] = js(folder, "alerts")["alerts"]
    assert alert["silenced_by"] == "silence-1"
    [silence] = js(folder, "silence", "list", "--now", "2025-05-01")["silences"]
    assert silence["target"] == "JP" and silence["active"] is False and silence["reason"] == "we know"
    late = tm(folder, "silence", "add", "--until", "2025-01-01", "--reason", "x", "--now", "2025-04-02", ok=False)
    assert late.returncode == 2 and "--until 2025-01-01 is already past" in late.stderr


def test_rules_check_names_every_bad_file_line_and_key(folder: Path) -> None:
    rules = folder / "rules"
    (rules / "good.toml").write_text('[[rule]]\nname = "ok"\nsignals = ["talks"]\n', encoding="utf-8")
    (rules / "bad.toml").write_text(
        '[[rule]]\nname = "b1"\nsignals = ["new_rate"]\n\n[[rule]]\nname = "b2"\nsignals = ["new_rate"]\n'
        'min_rate = "high"\nwhen = "rate >"\n',
        encoding="utf-8",
    )
    (rules / "broken.py").write_text("from monitor.rules.api import rule\n\ndef oops(:\n", encoding="utf-8")
    (rules / "wrong.py").write_text(
        "from monitor.rules.api import rule\n\n\n@rule(name='two_args', signals=['new_rate'], severity='loud')\n"
        "def two(signal, state):\n    return None\n",
        encoding="utf-8",
    )
    done = tm(folder, "rules", "check", ok=False)
    assert done.returncode != 0 and "5 problem(s) in 4 rule file(s)" in done.stderr
    out = done.stdout
    assert "rules/bad.toml:8: key 'rule[1].min_rate' must be a number" in out
    assert "rules/bad.toml:9: key 'rule[1].when' is not a valid expression" in out
    assert "rules/broken.py:3: not valid Python" in out
    assert "rules/wrong.py:4: rule 'two' key 'severity' must be one of info, warning, critical" in out
    assert "rules/wrong.py:4: rule 'two' key 'function' must take (signal, state, clock)" in out
    as_json = tm(folder, "rules", "check", "--format", "json", ok=False)
    assert as_json.returncode == 2
    report = json.loads(as_json.stdout)
    assert report["ok"] is False and len(report["problems"]) == 5
    assert any(p.startswith("rules/bad.toml:8: key 'rule[1].min_rate'") for p in report["problems"])
    # The daemon's path refuses to start on them; `tick` goes through it.
    refused = tm(folder, "tick", "--now", "2025-04-02", ok=False)
    assert refused.returncode != 0 and "rules/bad.toml:8" in refused.stderr

    listed = js(folder, "rules", "list")["rules"]
    origins = {r["name"]: (r["form"], r["origin"]) for r in listed}
    assert origins["ok"] == ("toml", "rules/good.toml:1")
    assert origins["new_rate"] == ("builtin", "builtin")
    assert "b1" in origins and "two_args" not in origins


def test_the_shipped_example_rules_load(folder: Path) -> None:
    shipped = Path(__file__).resolve().parents[2] / "rules"
    for path in shipped.iterdir():
        if path.suffix in (".toml", ".py"):
            (folder / "rules" / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    assert "ok: " in tm(folder, "rules", "check").stdout
    names = {r["name"] for r in js(folder, "rules", "list")["rules"]}
    assert {"steep_new_tariffs", "retaliation_on_us_goods"} <= names


def test_example_retaliation_rule_fires_on_tariffs_against_us(folder: Path, log: FactLog) -> None:
    shipped = Path(__file__).resolve().parents[2] / "rules" / "retaliation.py"
    (folder / "rules" / "retaliation.py").write_text(shipped.read_text(encoding="utf-8"), encoding="utf-8")
    log.fact(
        "2025-04-04", "Beijing answered with 34 percent on American goods.", imposer="CN", targets=("US",), rate=34
    )
    tm(folder, "tick", "--now", dt.datetime(2025, 4, 4, 13).isoformat())
    mine = [a for a in js(folder, "alerts")["alerts"] if a["rule"] == "retaliation_on_us_goods"]
    assert [a["summary"] for a in mine] == ["CN tariff on US all goods: 34% (new rate)"]
