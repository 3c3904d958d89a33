"""The web server reading a log on the real PostgreSQL server (skipped with the reason when none answers)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli_runner import run_cli
from tests.web.conftest import ARTICLES, serving

pytestmark = pytest.mark.postgres


def test_pages_api_and_metrics_on_postgresql(pg_url: str, tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text(f"[database]\nurl = {pg_url!r}\n".replace("'", '"'), encoding="utf-8")
    for name, text in ARTICLES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    done = run_cli(["--config", config, "ingest", *(tmp_path / n for n in ARTICLES), "--now", "2025-05-30T12:00"])
    assert done.exit_code == 0, done.stderr
    with serving(config) as client:
        measures = {m["measure_id"]: m for m in client.get("/api/v1/measures").json()["measures"]}
        assert measures["US:CN:*"]["status"] == "paused"
        before = client.get("/api/v1/measures?as_of=2025-04-05").json()["measures"]
        assert [(m["measure_id"], m["status"]) for m in before] == [("US:CN:*", "announced")]
        assert len(client.get("/api/v1/measures/US:CN:*").json()["events"]) == 2
        assert client.get("/api/v1/alerts").json()["alerts"]
        assert client.get("/readyz").json()["ready"] is True
        assert "trade_monitor_articles_total 4.0" in client.get("/metrics").text
        for page in ("/", "/deadlines", "/alerts", "/feeds", "/measures/US%3ACN%3A%2A"):
            assert client.get(page).status_code == 200, page
