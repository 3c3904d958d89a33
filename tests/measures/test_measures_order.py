"""Order does not matter: the same articles in any arrival order give the same state and alerts.

The articles are our own (tests/data/storyline_year/), recorded through the real
`ingest` command (in process) with its built-in extractor, on real SQLite files.
"""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import pytest

from tests.cli_runner import run_cli

YEAR = Path(__file__).resolve().parents[1] / "data" / "storyline_year"
ARTICLES = sorted(YEAR.glob("*.txt"))
#: After the last article; old news is allowed to alert here, so there is something to compare.
NOW = "2025-09-30T12:00"


def _folder(tmp_path: Path, name: str) -> Path:
    folder = tmp_path / name
    (folder / "rules").mkdir(parents=True)
    (folder / "config.toml").write_text(
        '[database]\nurl = "sqlite:///log.db"\n[rules]\nnews_max_age_days = 3650\n', encoding="utf-8"
    )
    return folder


def _cli(folder: Path, *args: str) -> str:
    done = run_cli(["--config", str(folder / "config.toml"), *args], cwd=folder)
    assert done.exit_code == 0, f"{args}: {done.stderr}"
    return done.stdout


def _state(folder: Path) -> list[dict[str, Any]]:
    rows = json.loads(_cli(folder, "state", "--format", "json"))["measures"]
    return sorted(rows, key=lambda m: m["measure_id"])


def _alerts(folder: Path) -> list[dict[str, Any]]:
    return sorted(json.loads(_cli(folder, "alerts", "--format", "json"))["alerts"], key=lambda a: a["key"])


def _orders() -> list[list[Path]]:
    shuffled = list(ARTICLES)
    random.Random(10).shuffle(shuffled)
    return [list(ARTICLES), list(reversed(ARTICLES)), shuffled]


def test_one_poll_of_the_same_articles_in_any_order_gives_the_same_state_and_alerts(tmp_path: Path) -> None:
    results = []
    for n, order in enumerate(_orders()):
        folder = _folder(tmp_path, f"order{n}")
        _cli(folder, "ingest", *[str(p) for p in order], "--now", NOW)
        results.append((_state(folder), _alerts(folder)))
    first_state, first_alerts = results[0]
    assert first_alerts, "the articles raise alerts"
    assert any(m["measure_id"] == "US:CN:*:fentanyl" for m in first_state)
    for state, alerts in results[1:]:
        assert state == first_state
        assert alerts == first_alerts


@pytest.mark.parametrize("reverse", [False, True])
def test_articles_arriving_one_by_one_in_any_order_end_in_the_same_state(tmp_path: Path, reverse: bool) -> None:
    baseline = _folder(tmp_path, "baseline")
    _cli(baseline, "ingest", *[str(p) for p in ARTICLES], "--now", NOW)
    folder = _folder(tmp_path, "one-by-one")
    for path in reversed(ARTICLES) if reverse else ARTICLES:
        _cli(folder, "ingest", str(path), "--now", NOW)
    assert _state(folder) == _state(baseline)
    keys = [a["key"] for a in _alerts(folder)]
    assert len(keys) == len(set(keys)), "no change alerted twice"
    # Each state as of a past day is the news up to that day, in news order, whatever the arrival.
    for day in ("2025-03-05", "2025-04-09", "2025-07-02"):
        as_of = ["state", "--as-of", day, "--format", "json"]
        assert json.loads(_cli(folder, *as_of)) == json.loads(_cli(baseline, *as_of))
