"""The log's own commands, run as a user runs them (in this process, through `main`), on real SQLite files."""

from __future__ import annotations

import json
import os
import pty
import sqlite3
import sys
import threading
from pathlib import Path

import pytest

from monitor.cli import main
from monitor.clock import SteppingClock
from monitor.log import EventStore, NewEvent, open_engine
from tests.cli_runner import run_cli


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty folder the commands run in, with no config named by the environment."""
    monkeypatch.delenv("TRADE_MONITOR_CONFIG", raising=False)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(*args: str) -> tuple[int, str, str]:
    """Run the command line in this process; (exit code, stdout, stderr)."""
    done = run_cli(args)
    return done.exit_code, done.stdout, done.stderr


def as_json(*args: str) -> dict[str, object]:
    code, out, err = run(*args, "--format", "json")
    assert code == 0, err
    result: dict[str, object] = json.loads(out)
    return result


def fill(folder: Path, clock: SteppingClock) -> EventStore:
    engine = open_engine(f"sqlite:///{folder / 'trade-monitor.db'}")
    store = EventStore(engine, clock)
    store.append("article-1", [NewEvent(type="test.noted", data={"n": 1}, idempotency_key="a1")])
    store.append("article-2", [NewEvent(type="test.noted", data={"n": 2}), NewEvent(type="test.checked", data={})])
    store.append("article_3", [NewEvent(type="test.noted", data={"n": 3}, metadata={"source": "tests"})])
    return store


def test_init_writes_a_config_and_a_database_and_status_works_with_no_flags(folder: Path) -> None:
    code, out, _ = run("init")

    assert code == 0
    assert (folder / "config.toml").is_file()
    assert (folder / "trade-monitor.db").is_file()
    assert "wrote" in out and "database ready" in out
    status = as_json("status")
    assert status["events"] == 0 and status["last_position"] == 0
    assert str(folder / "trade-monitor.db") in str(status["database"])
    assert status["schema_revision"]


def test_init_into_a_named_folder(folder: Path) -> None:
    code, _, _ = run("init", "watch")
    assert code == 0
    assert (folder / "watch" / "config.toml").is_file()
    assert (folder / "watch" / "trade-monitor.db").is_file()
    status = as_json("--config", str(folder / "watch" / "config.toml"), "status")
    assert status["events"] == 0


def test_init_leaves_an_existing_config_alone_and_creates_the_database_it_names(folder: Path) -> None:
    mine = '[database]\nurl = "sqlite:///my-own-log.db"\n'
    (folder / "config.toml").write_text(mine, encoding="utf-8")

    code, out, _ = run("init")

    assert code == 0
    assert "left as it is" in out
    assert (folder / "config.toml").read_text(encoding="utf-8") == mine
    assert (folder / "my-own-log.db").is_file()
    assert not (folder / "trade-monitor.db").exists()


def test_events_lists_the_log_with_filters(folder: Path, clock: SteppingClock) -> None:
    run("init")
    fill(folder, clock)

    every = as_json("events")["events"]
    assert isinstance(every, list)
    assert [e["stream_id"] for e in every] == ["article-1", "article-2", "article-2", "article_3"]
    assert set(every[0]) == {
        "position",
        "stream_id",
        "version",
        "type",
        "schema_version",
        "recorded_at",
        "occurred_at",
        "idempotency_key",
        "data",
        "metadata",
    }
    assert every[0]["recorded_at"] == "2025-04-02T12:00:00+00:00"
    assert every[0]["idempotency_key"] == "a1"
    assert every[3]["metadata"] == {"source": "tests"}

    def streams(*args: str) -> list[tuple[object, object]]:
        found = as_json("events", *args)["events"]
        assert isinstance(found, list)
        return [(e["stream_id"], e["type"]) for e in found]

    assert streams("--stream", "article-2") == [("article-2", "test.noted"), ("article-2", "test.checked")]
    assert streams("--stream", "article-*") == [
        ("article-1", "test.noted"),
        ("article-2", "test.noted"),
        ("article-2", "test.checked"),
    ]
    assert streams("--type", "test.checked") == [("article-2", "test.checked")]
    assert streams("--type", "test.checked", "--type", "test.noted", "--limit", "2") == [
        ("article-1", "test.noted"),
        ("article-2", "test.noted"),
    ]
    assert streams("--after", str(every[2]["position"])) == [("article_3", "test.noted")]
    assert streams("--stream", "nothing-like-this") == []
    assert len(streams("--limit", "0")) == 4
    assert streams("--limit", "1") == [("article-1", "test.noted")]


def test_events_as_a_table(folder: Path, clock: SteppingClock) -> None:
    run("init")
    code, out, _ = run("events")
    assert code == 0 and out.strip() == "(no events)"
    fill(folder, clock)
    code, out, _ = run("events", "--stream", "article-2")
    lines = out.splitlines()
    assert lines[0].split() == ["POSITION", "RECORDED_AT", "STREAM_ID", "VERSION", "TYPE"]
    assert [line.split()[-1] for line in lines[1:]] == ["test.noted", "test.checked"]


def test_status_reports_size_and_projection_lag_and_replay_catches_up(folder: Path, clock: SteppingClock) -> None:
    run("init")
    store = fill(folder, clock)

    status = as_json("status")
    assert status["events"] == 4
    assert status["last_position"] == store.last_position()
    projections = status["projections"]
    assert isinstance(projections, list) and projections
    for row in projections:
        assert set(row) == {"name", "checkpoint", "lag", "stuck"} and row["stuck"] is None
        assert row["lag"] == store.last_position() - row["checkpoint"]

    code, out, _ = run("replay")
    assert code == 0
    assert all(line.endswith("events applied") for line in out.splitlines())
    after = as_json("status")["projections"]
    assert isinstance(after, list)
    assert [row["lag"] for row in after] == [0] * len(after)


def test_rebuild_shows_a_progress_bar_on_a_terminal_only(
    folder: Path, clock: SteppingClock, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    run("init")
    fill(folder, clock)

    # stderr on a real terminal (a pseudo-terminal), stdout captured.
    master, slave = pty.openpty()
    chunks: list[bytes] = []

    def drain() -> None:
        while True:
            try:
                data = os.read(master, 4096)
            except OSError:
                return
            if not data:
                return
            chunks.append(data)

    reader = threading.Thread(target=drain)
    reader.start()
    with os.fdopen(slave, "w", encoding="utf-8") as terminal:
        monkeypatch.setattr(sys, "stderr", terminal)
        main(["rebuild"])  # returns on success, as the console script's caller sees it: exit 0
        monkeypatch.undo()
    reader.join(10)
    os.close(master)
    shown = b"".join(chunks).decode(errors="replace")

    assert "rebuilding" in shown and "100%" in shown
    assert "events applied" in capsys.readouterr().out

    code, out, err = run("rebuild")
    assert code == 0
    assert "rebuilding" not in err
    assert "events applied" in out


def test_rebuild_of_an_unknown_projection_is_refused(folder: Path) -> None:
    run("init")
    code, _, err = run("rebuild", "--projection", "no-such-view")
    assert code == 2
    assert err.strip() == "error: no projection named no-such-view"


@pytest.mark.parametrize(
    ("args", "code", "fragment"),
    [
        (["events", "--limit", "-1"], 2, "--limit must be 0 or more"),
        (["events", "--after", "-5"], 2, "--after must be 0 or more"),
    ],
)
def test_bad_options_exit_non_zero_with_one_line(folder: Path, args: list[str], code: int, fragment: str) -> None:
    run("init")
    got, out, err = run(*args)
    assert got == code
    assert out == ""
    assert len(err.strip().splitlines()) == 1 and fragment in err


def test_a_corrupt_database_is_one_clear_line_and_stays_as_it_was(folder: Path) -> None:
    run("init")
    db = folder / "trade-monitor.db"
    for extra in ("-wal", "-shm"):
        (folder / f"trade-monitor.db{extra}").unlink(missing_ok=True)
    db.write_bytes(b"a page of notes about steel quotas, not a database" * 200)
    before = db.read_bytes()

    for command in (["status"], ["events"], ["init"]):
        code, _, err = run(*command)
        assert code == 3, command
        lines = err.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("error: ")
        assert str(db) in lines[0] and "not a database" in lines[0]
    assert db.read_bytes() == before


def test_a_database_from_a_newer_version_is_refused(folder: Path) -> None:
    run("init")
    con = sqlite3.connect(folder / "trade-monitor.db")
    con.execute("UPDATE trade_monitor_schema SET version_num = '7777'")
    con.commit()
    con.close()

    code, _, err = run("status")

    assert code == 3
    assert "newer trade-monitor" in err and "'7777'" in err and len(err.strip().splitlines()) == 1


def test_a_foreign_database_is_refused(folder: Path) -> None:
    con = sqlite3.connect(folder / "trade-monitor.db")
    con.execute("CREATE TABLE birthdays (name TEXT, day TEXT)")
    con.commit()
    con.close()

    code, _, err = run("init")

    assert code == 3
    assert "not trade-monitor's (birthdays)" in err
    assert (folder / "config.toml").is_file()  # the config was written before the database was opened
