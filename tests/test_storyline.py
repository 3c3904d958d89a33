"""End to end, as a user runs it: dated articles through `ingest`, the clock through `tick`.

The articles in tests/data/storyline/ are our own: a 24% US tariff on South
Korean goods, a 90-day pause, talks, then a deal at 15%. Each step runs the
real command line (in this process, through the installed command's `main`)
on a real SQLite file with `--now` at the article's date.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.cli_runner import run_cli

STORY = Path(__file__).parent / "data" / "storyline"


def tm(folder: Path, *args: str) -> str:
    done = run_cli(args, cwd=folder, env={"TRADE_MONITOR_CONFIG": None})
    assert done.exit_code == 0, f"{args}: {done.stderr}"
    return done.stdout


def alerts(folder: Path) -> list[dict[str, Any]]:
    return list(json.loads(tm(folder, "alerts", "--format", "json"))["alerts"])


def rules_of(found: list[dict[str, Any]]) -> list[str]:
    return [a["rule"] for a in found]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    tm(tmp_path, "init")
    return tmp_path


def test_a_season_of_news_gives_the_alerts_a_user_expects(folder: Path) -> None:
    tm(folder, "ingest", str(STORY / "01-announced.txt"), "--now", "2025-03-10T12:00")
    first = alerts(folder)
    assert rules_of(first) == ["new_rate"]
    assert first[0]["imposer"] == "US" and first[0]["target"] == "KR" and first[0]["rate"] == 24
    assert "24 percent tariff" in first[0]["evidence"][0]["sentence"]

    tm(folder, "ingest", str(STORY / "02-paused.txt"), "--now", "2025-04-09T12:00")
    paused = [a for a in alerts(folder) if a["rule"] == "pause_started"]
    assert len(paused) == 1
    assert paused[0]["until"] is not None and "2025-07-01" <= paused[0]["until"] <= "2025-07-15"

    tm(folder, "ingest", str(STORY / "03-talks.txt"), "--now", "2025-05-14T12:00")
    assert "talks" in rules_of(alerts(folder))

    # Ticking well before the end reminds of nothing; a week before, once; again, nothing new.
    tm(folder, "tick", "--now", "2025-05-20T08:00")
    assert "pause_expiring" not in rules_of(alerts(folder))
    tm(folder, "tick", "--now", "2025-07-02T08:00")
    tm(folder, "tick", "--now", "2025-07-02T09:00")
    expiring = [a for a in alerts(folder) if a["rule"] == "pause_expiring"]
    assert len(expiring) == 1
    assert expiring[0]["target"] == "KR"

    tm(folder, "ingest", str(STORY / "04-deal.txt"), "--now", "2025-07-07T12:00")
    after_deal = alerts(folder)
    assert "deal_reached" in rules_of(after_deal)
    change = [a for a in after_deal if a["rule"] == "rate_change"]
    assert len(change) == 1
    assert change[0]["rate"] == 15 and change[0]["previous_rate"] == 24

    # Re-ingesting the same articles records nothing twice and raises nothing new.
    count = len(after_deal)
    for article in sorted(STORY.glob("*.txt")):
        tm(folder, "ingest", str(article), "--now", "2025-07-08T12:00")
    assert len(alerts(folder)) == count

    def state_of_korea(as_of: str) -> dict[str, Any]:
        rows = json.loads(tm(folder, "state", "--as-of", as_of, "--format", "json"))["measures"]
        found = [m for m in rows if m["imposer"] == "US" and m["target"] == "KR" and m["sector"] is None]
        assert found, f"no US->KR measure as of {as_of}"
        return dict(found[0])

    june = state_of_korea("2025-06-01")
    assert june["rate"] == 24 and june["status"] == "paused"
    august = state_of_korea("2025-08-01")
    assert august["rate"] == 15
