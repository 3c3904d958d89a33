"""The commands as a user runs them (in this process, through `main`): poll, feeds, ingest."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sources.feedserver import FeedServer, Item, Route, rss
from tests.cli_runner import CliResult, run_cli


def write_config(tmp_path: Path, feeds: dict[str, str]) -> Path:
    lines = ['[database]\nurl = "sqlite:///log.db"\n[fetch]\nread_timeout_s = 1\nconnect_timeout_s = 1\n']
    for name, url in feeds.items():
        lines.append(f'[[feeds]]\nname = "{name}"\nurl = "{url}"\ninterval_minutes = 20\n')
    path = tmp_path / "config.toml"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def invoke(config: Path, *args: str) -> tuple[int, str]:
    result = tm(config, *args)
    return result.exit_code, result.stdout


def tm(config: Path, *args: str) -> CliResult:
    return run_cli(["--config", str(config), *args])


def one_line_error(result: CliResult) -> str:
    """What a refused command said: one line on stderr, and a non-zero exit code."""
    assert result.exit_code == 2, result
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    return lines[0]


def test_poll_once_records_reports_failures_and_exits_zero(server: FeedServer, tmp_path: Path) -> None:
    good = server.serve(
        "/good.xml",
        Route(body=rss([Item(title="Levy on pears", link="https://g.example/1", text="A levy on pears.")])),
    )
    bad = server.serve("/bad.xml", Route(status=404, body=b"gone"))
    config = write_config(tmp_path, {"good": good, "bad": bad})

    code, out = invoke(config, "poll", "--once", "--now", "2025-04-02T08:00", "--format", "json")
    assert code == 0
    polls = {p["feed"]: p for p in json.loads(out)["polls"]}
    assert polls["good"]["outcome"] == "fetched"
    assert polls["good"]["new_articles"] == 1
    assert polls["good"]["catch_up"] is True
    assert polls["bad"]["outcome"] == "failed"
    assert "HTTP 404" in polls["bad"]["error"]

    code, out = invoke(config, "feeds", "--format", "json")
    assert code == 0
    feeds = {f["name"]: f for f in json.loads(out)["feeds"]}
    assert list(feeds["good"]) == [
        "name",
        "url",
        "status",
        "last_success",
        "last_error",
        "consecutive_failures",
        "next_poll",
        "articles",
        "polled_by",
        "claimed_by",
    ]
    assert feeds["good"]["status"] == "ok"
    assert feeds["good"]["last_success"] == "2025-04-02T08:00:00+00:00"
    assert feeds["good"]["next_poll"] == "2025-04-02T08:20:00+00:00"
    assert feeds["good"]["articles"] == 1
    assert feeds["bad"]["status"] == "failing"
    assert feeds["bad"]["consecutive_failures"] == 1
    assert feeds["bad"]["next_poll"] == "2025-04-02T08:40:00+00:00"
    assert feeds["bad"]["last_error"]["at"] == "2025-04-02T08:00:00+00:00"

    code, out = invoke(config, "feeds")
    assert "failing" in out and "HTTP 404" in out


def test_poll_of_an_unknown_feed_names_the_known_ones(server: FeedServer, tmp_path: Path) -> None:
    config = write_config(tmp_path, {"good": server.url("/good.xml")})
    assert "no feed named 'nope' (known: good)" in one_line_error(tm(config, "poll", "--feed", "nope"))


def test_ingest_reads_the_date_line_records_once_and_marks_catch_up(tmp_path: Path) -> None:
    config = write_config(tmp_path, {})
    article = tmp_path / "levy.txt"
    article.write_text("date 2025-03-03\nThe board set a levy of 15 percent on pears.\n", encoding="utf-8")
    code, out = invoke(config, "ingest", str(article), "--catch-up", "--now", "2025-03-04", "--format", "json")
    assert code == 0
    rows = json.loads(out)["articles"]
    assert rows[0]["outcome"] == "new"
    code, out = invoke(config, "ingest", str(article), "--format", "json")
    assert json.loads(out)["articles"][0]["outcome"] == "known"

    code, out = invoke(config, "events", "--format", "json", "--type", "article.recorded")
    events = json.loads(out)["events"]
    assert len(events) == 1
    assert events[0]["data"]["published"] == "2025-03-03"
    assert events[0]["metadata"]["catch_up"] is True
    assert events[0]["metadata"]["file"] == str(article)
    assert events[0]["occurred_at"].startswith("2025-03-03")
    assert events[0]["recorded_at"].startswith("2025-03-04")


def test_ingest_of_a_bad_file_writes_nothing(tmp_path: Path) -> None:
    config = write_config(tmp_path, {})
    good = tmp_path / "good.txt"
    good.write_text("date 2025-03-03\nA levy on plums.\n", encoding="utf-8")
    undated = tmp_path / "undated.txt"
    undated.write_text("No date line here.\n", encoding="utf-8")
    line = one_line_error(tm(config, "ingest", str(good), str(undated)))
    assert f"{undated}: line 1: expected 'date YYYY-MM-DD'" in line
    code, out = invoke(config, "events", "--format", "json")
    assert code == 0
    assert json.loads(out)["events"] == []


@pytest.mark.parametrize("published", ["2025-02-30", "yesterday"])
def test_ingest_rejects_a_bad_published_date(tmp_path: Path, published: str) -> None:
    config = write_config(tmp_path, {})
    text = tmp_path / "a.txt"
    text.write_text("A levy on plums.\n", encoding="utf-8")
    assert "--published" in one_line_error(tm(config, "ingest", str(text), "--published", published))
