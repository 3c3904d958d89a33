"""The guard on alerts the real pipeline raises: one `ingest` of many articles is one burst, held until released."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli_runner import CliResult, run_cli

CONFIG = """
[database]
url = "sqlite:///log.db"
[delivery]
directory = "out"
batch_window_s = 0
hold_above = 3
[[subscriptions]]
name = "steel-desk"
recipients = ["desk@example.org"]
sectors = ["steel"]
"""

#: Sentences of our own: one new steel tariff on each of five partners.
PARTNERS = ["Brazil", "Japan", "Mexico", "India", "Vietnam"]


def run(folder: Path, *args: str) -> CliResult:
    return run_cli(["--config", str(folder / "config.toml"), *args])


def article(folder: Path, partner: str) -> Path:
    path = folder / f"{partner.lower()}.txt"
    path.write_text(
        f"The United States will impose a 30 percent tariff on steel imported from {partner}, "
        "the Commerce Department said on Tuesday.\n",
        encoding="utf-8",
    )
    return path


def test_one_ingest_raising_more_than_hold_above_alerts_is_held_then_released(tmp_path: Path) -> None:
    (tmp_path / "config.toml").write_text(CONFIG, encoding="utf-8")
    files = [str(article(tmp_path, p)) for p in PARTNERS[:4]]
    ingested = run(tmp_path, "ingest", *files, "--published", "2025-04-08", "--now", "2025-04-08T10:00")
    assert ingested.exit_code == 0, ingested.stderr
    raised = json.loads(run(tmp_path, "alerts", "--format", "json").stdout)["alerts"]
    assert len(raised) == 4

    held = json.loads(run(tmp_path, "digest", "send", "--now", "2025-04-08T10:05", "--format", "json").stdout)
    assert held["queued"] == []
    status = json.loads(run(tmp_path, "status", "--format", "json").stdout)
    assert [h["alerts"] for h in status["held"]] == [4]

    # A later ingest is a burst of its own (under the threshold), and waits behind the held one.
    later = str(article(tmp_path, PARTNERS[4]))
    assert run(tmp_path, "ingest", later, "--published", "2025-04-09", "--now", "2025-04-09T10:00").exit_code == 0
    waiting = json.loads(run(tmp_path, "digest", "send", "--now", "2025-04-09T10:05", "--format", "json").stdout)
    assert waiting["queued"] == []

    assert run(tmp_path, "alerts", "release", "--now", "2025-04-09T10:06").exit_code == 0
    sent = json.loads(run(tmp_path, "digest", "send", "--now", "2025-04-09T10:07", "--format", "json").stdout)
    assert [q["alerts"] for q in sent["queued"]] == [5]
    assert [a["status"] for a in sent["attempts"]] == ["delivered"]
