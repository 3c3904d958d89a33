"""A tariff's own expiry ("until December 31") is carried into its state, its history and `state`.

Our own articles go through the real pipeline (`trade-monitor ingest`, the
built-in extractor) into a SQLite file and the real PostgreSQL; `state` and
`state --as-of` read them back. A database made before the expiry was kept is
upgraded by migration 0003 and shows the expiries its log already holds.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import inspect, text

from monitor.log import open_engine
from monitor.log.migrate import current_revision, head_revision
from monitor.log.schema import VERSION_TABLE
from tests.cli_runner import run_cli

WINE = "BR:CL:agriculture"
ALUMINIUM = "CA:US:aluminum"
FISH = "NO:IS:agriculture"

ARTICLES = {
    "wine.txt": (
        "date 2025-05-12\nBrasilia taxes Chilean wine\n"
        "Brazil imposed a 12 percent tariff on wine from Chile until June 24, the trade ministry said.\n"
    ),
    "aluminium.txt": (
        "date 2025-05-20\nOttawa sets an end date\n"
        "Canada's 15 percent tariff on aluminium from the United States will expire on August 15, "
        "the finance minister said.\n"
    ),
    "fish.txt": (
        "date 2025-05-14\nOslo taxes Icelandic fish\n"
        "Norway imposed a 10 percent tariff on fish from Iceland until December 31, the fisheries minister said.\n"
    ),
}
LATER = {
    "wine-longer.txt": (
        "date 2025-06-02\nThe wine duty stays longer\n"
        "Brazil will keep its 12 percent tariff on wine from Chile until July 10, the trade ministry said.\n"
    ),
    "fish-lifted.txt": (
        "date 2025-05-25\nOslo drops the fish duty\n"
        "Norway lifted its 10 percent tariff on fish from Iceland, the fisheries minister said.\n"
    ),
}


def ingest(folder: Path, config: Path, articles: dict[str, str], now: str) -> None:
    paths = []
    for name, body in articles.items():
        (folder / name).write_text(body, encoding="utf-8")
        paths.append(folder / name)
    done = run_cli(["--config", config, "ingest", *paths, "--now", now])
    assert done.exit_code == 0, done.stderr


def events(config: Path) -> list[dict[str, Any]]:
    done = run_cli(["--config", config, "events", "--limit", "10000", "--format", "json"])
    assert done.exit_code == 0, done.stderr
    found: list[dict[str, Any]] = json.loads(done.stdout)["events"]
    return found


def state(config: Path, *args: str) -> dict[str, dict[str, Any]]:
    done = run_cli(["--config", config, "state", "--format", "json", *args])
    assert done.exit_code == 0, done.stderr
    return {m["measure_id"]: m for m in json.loads(done.stdout)["measures"]}


@pytest.fixture
def config(db_url: str, tmp_path: Path) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(f'[database]\nurl = "{db_url}"\n', encoding="utf-8")
    return path


def test_a_tariffs_expiry_is_in_its_state_and_moves_with_the_news(config: Path, tmp_path: Path) -> None:
    ingest(tmp_path, config, ARTICLES, "2025-05-21T09:00")
    now = state(config, "--now", "2025-05-21")
    assert {mid: (m["rate"], m["status"], m["expires"]) for mid, m in now.items()} == {
        WINE: (12.0, "in_effect", "2025-06-24"),
        ALUMINIUM: (15.0, "announced", "2025-08-15"),
        FISH: (10.0, "in_effect", "2025-12-31"),
    }
    assert "until June 24" in now[WINE]["evidence"][0]["sentence"]

    ingest(tmp_path, config, LATER, "2025-06-03T09:00")
    now = state(config, "--now", "2025-06-03")
    # A second source restating the rate with a later end moves the expiry; a lift ends it.
    assert (now[WINE]["expires"], now[WINE]["sources"]) == ("2025-07-10", 2)
    assert (now[FISH]["status"], now[FISH]["expires"]) == ("lifted", None)
    assert now[ALUMINIUM]["expires"] == "2025-08-15"

    # As of a day, the history says what was known then, and a passed expiry is seen as lifted.
    may = state(config, "--as-of", "2025-05-31")
    assert (may[WINE]["expires"], may[FISH]["expires"], may[FISH]["status"]) == ("2025-06-24", None, "lifted")
    june = state(config, "--as-of", "2025-06-01")
    assert (june[WINE]["status"], june[WINE]["expires"]) == ("in_effect", "2025-06-24")
    assert state(config, "--as-of", "2025-08-15")[ALUMINIUM]["status"] == "announced"  # its last day in force
    august = state(config, "--as-of", "2025-08-16")
    assert (august[WINE]["status"], august[WINE]["rate"], august[WINE]["previous_rate"]) == ("lifted", None, 12.0)
    assert august[WINE]["expires"] == "2025-07-10"
    assert (august[ALUMINIUM]["status"], august[ALUMINIUM]["expires"]) == ("lifted", "2025-08-15")

    table = run_cli(["--config", config, "state", "--now", "2025-06-03"])
    assert table.exit_code == 0 and "EXPIRES" in table.stdout.splitlines()[0]
    assert "2025-07-10" in next(line for line in table.stdout.splitlines() if line.startswith(WINE))


def _as_before_expiry(db_url: str) -> None:
    # The schema as trade-monitor left it before this change: revision 0002, and the measures
    # projection's tables without the `expires` column (so no expiry in the state, though the log
    # and the projection's facts hold every `until`).
    engine = open_engine(db_url)
    with engine.begin() as conn:
        conn.execute(text("DROP INDEX ix_measure_states_expires"))
        for table in ("measure_states", "measure_history"):
            conn.execute(text(f"ALTER TABLE {table} DROP COLUMN expires"))
        conn.execute(text(f"UPDATE {VERSION_TABLE} SET version_num = '0002'"))
    engine.dispose()


def test_an_older_database_shows_the_expiries_its_log_holds_after_upgrade(
    config: Path, tmp_path: Path, db_url: str
) -> None:
    ingest(tmp_path, config, {**ARTICLES, **LATER}, "2025-06-03T09:00")
    expected = state(config)
    expected_may = state(config, "--as-of", "2025-05-31")
    logged = events(config)
    _as_before_expiry(db_url)
    assert current_revision(open_engine(db_url)) == "0002"

    upgraded = state(config)

    assert current_revision(open_engine(db_url)) == head_revision()
    indexes = {i["name"] for i in inspect(open_engine(db_url)).get_indexes("measure_states")}
    assert "ix_measure_states_expires" in indexes  # the clock's reminders seek by it
    assert upgraded[WINE]["expires"] == "2025-07-10"
    assert upgraded == expected
    assert state(config, "--as-of", "2025-05-31") == expected_may
    # Folding again read the projection's own facts: nothing was appended to the log.
    assert events(config) == logged
