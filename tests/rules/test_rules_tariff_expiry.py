"""`tariff_expiring`: the clock reminds before a tariff's own expiry, once per lead time, as the news has it.

Our own articles through the real pipeline (`ingest`, the built-in extractor),
then `tick --now` on the days a daemon would tick; the reminders are read back
with `alerts`. The built-in rule reminds 30 and 7 days ahead (the default
`rules.tariff_expiring_days`).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.cli_runner import run_cli

WINE = (
    "date 2025-05-12\nBrasilia taxes Chilean wine\n"
    "Brazil imposed a 12 percent tariff on wine from Chile until June 24, the trade ministry said.\n"
)
FISH = (
    "date 2025-05-14\nOslo taxes Icelandic fish\n"
    "Norway imposed a 10 percent tariff on fish from Iceland until June 20, the fisheries minister said.\n"
)
FISH_LIFTED = (
    "date 2025-05-25\nOslo drops the fish duty\n"
    "Norway lifted its 10 percent tariff on fish from Iceland, the fisheries minister said.\n"
)
WINE_LONGER = (
    "date 2025-06-02\nThe wine duty stays longer\n"
    "Brazil will keep its 12 percent tariff on wine from Chile until July 10, the trade ministry said.\n"
)


@pytest.fixture
def config(tmp_path: Path) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(f'[database]\nurl = "sqlite:///{tmp_path / "log.db"}"\n', encoding="utf-8")
    return path


def cli(config: Path, *args: str | Path) -> str:
    done = run_cli(["--config", config, *args])
    assert done.exit_code == 0, done.stderr
    return done.stdout


def ingest(config: Path, name: str, body: str, now: str) -> None:
    path = config.parent / name
    path.write_text(body, encoding="utf-8")
    cli(config, "ingest", path, "--now", now)


def reminders(config: Path) -> list[dict[str, Any]]:
    found = json.loads(cli(config, "alerts", "--format", "json"))["alerts"]
    return [a for a in found if a["rule"] == "tariff_expiring"]


def tick(config: Path, day: str) -> list[tuple[str, str, str]]:
    """Tick at noon on `day`; the reminders it raised as (target, expiry, summary)."""
    before = len(reminders(config))
    cli(config, "tick", "--now", f"{day}T12:00")
    return [(a["target"], a["until"], a["summary"]) for a in reminders(config)[before:]]


def test_a_tariff_is_reminded_of_before_it_expires_once_per_lead_time(config: Path) -> None:
    ingest(config, "wine.txt", WINE, "2025-05-12T18:00")
    ingest(config, "fish.txt", FISH, "2025-05-14T18:00")

    assert tick(config, "2025-05-20") == []  # 31 days ahead: not yet within 30
    assert tick(config, "2025-05-21") == [
        ("IS", "2025-06-20", "The 10% NO tariff on IS (agriculture) expires in 30 days (last day in force 2025-06-20)")
    ]
    assert tick(config, "2025-05-22") == []  # the 30-day reminder is not raised again

    # A lift ends the tariff: nothing more is said of its expiry.
    ingest(config, "fish-lifted.txt", FISH_LIFTED, "2025-05-25T18:00")
    assert tick(config, "2025-05-26") == [
        ("CL", "2025-06-24", "The 12% BR tariff on CL (agriculture) expires in 29 days (last day in force 2025-06-24)")
    ]

    # Newer news moves the expiry: the reminders follow the new day, and the old one is never due.
    ingest(config, "wine-longer.txt", WINE_LONGER, "2025-06-03T18:00")
    assert tick(config, "2025-06-04") == []  # 36 days ahead of the new expiry
    assert [(t, u) for t, u, _ in tick(config, "2025-06-10")] == [("CL", "2025-07-10")]
    assert tick(config, "2025-06-13") == []  # 7 days before the lifted fish tariff's expiry
    assert tick(config, "2025-06-17") == []  # 7 days before the wine tariff's old expiry
    assert tick(config, "2025-07-03") == [
        ("CL", "2025-07-10", "The 12% BR tariff on CL (agriculture) expires in 7 days (last day in force 2025-07-10)")
    ]
    assert tick(config, "2025-07-05") == []
    assert {a["severity"] for a in reminders(config)} == {"warning"}
    assert all(a["evidence"] for a in reminders(config))


def test_rules_test_replays_the_reminders_and_lead_times_come_from_the_config(config: Path) -> None:
    config.write_text(config.read_text() + "[rules]\ntariff_expiring_days = [10, 1]\n", encoding="utf-8")
    ingest(config, "wine.txt", WINE, "2025-05-12T18:00")

    replayed = json.loads(
        cli(
            config, "rules", "test", "tariff_expiring", "--from", "2025-05-01", "--to", "2025-06-30", "--format", "json"
        )
    )["alerts"]

    assert [(a["until"], a["raised_at"][:10]) for a in replayed] == [
        ("2025-06-24", "2025-06-14"),
        ("2025-06-24", "2025-06-23"),
    ]
    assert reminders(config) == []  # a replay writes nothing


def test_a_lead_time_that_is_not_a_positive_number_is_refused(config: Path) -> None:
    config.write_text(config.read_text() + "[rules]\ntariff_expiring_days = [7, 0]\n", encoding="utf-8")
    done = run_cli(["--config", config, "tick", "--now", "2025-06-01T12:00"])
    assert done.exit_code == 2
    assert "rules.tariff_expiring_days" in done.stderr and str(config) in done.stderr
