"""The log's own commands, run as a user runs them, on real SQLite files in a fresh folder."""

from __future__ import annotations

import json
import os
import pty
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from monitor.cli import main
from monitor.clock import SteppingClock
from monitor.log import EventStore, NewEvent, open_engine


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty folder the commands run in, with no config named by the environment."""
    monkeypatch.delenv("TRADE_MONITOR_CONFIG", raising=False)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """Run the command line in-process; (exit code, stdout, stderr)."""
    code = 0
    try:
        main(list(args))
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def as_json(capsys: pytest.CaptureFixture[str], *args: str) -> dict[str, object]:
    code, out, err = run(capsys, *args, "--format", "json")
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


def test_init_writes_a_config_and_a_database_and_status_works_with_no_flags(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "init")

    assert code == 0
    assert (folder / "config.toml").is_file()
    assert (folder / "trade-monitor.db").is_file()
    assert "wrote" in out and "database ready" in out
    status = as_json(capsys, "status")
    assert status["events"] == 0 and status["last_position"] == 0
    assert str(folder / "trade-monitor.db") in str(status["database"])
    assert status["schema_revision"]


def test_init_into_a_named_folder(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, _ = run(capsys, "init", "watch")
    assert code == 0
    assert (folder / "watch" / "config.toml").is_file()
    assert (folder / "watch" / "trade-monitor.db").is_file()
    status = as_json(capsys, "--config", str(folder / "watch" / "config.toml"), "status")
    assert status["events"] == 0


def test_init_leaves_an_existing_config_alone_and_creates_the_database_it_names(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    mine = '[database]\nurl = "sqlite:///my-own-log.db"\n'
    (folder / "config.toml").write_text(mine, encoding="utf-8")

    code, out, _ = run(capsys, "init")

    assert code == 0
    assert "left as it is" in out
    assert (folder / "config.toml").read_text(encoding="utf-8") == mine
    assert (folder / "my-own-log.db").is_file()
    assert not (folder / "trade-monitor.db").exists()


def test_events_lists_the_log_with_filters(
    folder: Path, capsys: pytest.CaptureFixture[str], clock: SteppingClock
) -> None:
    run(capsys, "init")
    fill(folder, clock)

    every = as_json(capsys, "events")["events"]
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
        found = as_json(capsys, "events", *args)["events"]
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


def test_events_as_a_table(folder: Path, capsys: pytest.CaptureFixture[str], clock: SteppingClock) -> None:
    run(capsys, "init")
    code, out, _ = run(capsys, "events")
    assert code == 0 and out.strip() == "(no events)"
    fill(folder, clock)
    code, out, _ = run(capsys, "events", "--stream", "article-2")
    lines = out.splitlines()
    assert lines[0].split() == ["POSITION", "RECORDED_AT", "STREAM_ID", "VERSION", "TYPE"]
    assert [line.split()[-1] for line in lines[1:]] == ["test.noted", "test.checked"]


def test_status_reports_size_and_projection_lag_and_replay_catches_up(
    folder: Path, capsys: pytest.CaptureFixture[str], clock: SteppingClock
) -> None:
    run(capsys, "init")
    store = fill(folder, clock)

    status = as_json(capsys, "status")
    assert status["events"] == 4
    assert status["last_position"] == store.last_position()
    projections = status["projections"]
    assert isinstance(projections, list) and projections
    for row in projections:
        assert set(row) == {"name", "checkpoint", "lag", "stuck"} and row["stuck"] is None
        assert row["lag"] == store.last_position() - row["checkpoint"]

    code, out, _ = run(capsys, "replay")
    assert code == 0
    assert all(line.endswith("events applied") for line in out.splitlines())
    after = as_json(capsys, "status")["projections"]
    assert isinstance(after, list)
    assert [row["lag"] for row in after] == [0] * len(after)


def test_rebuild_shows_a_progress_bar_on_a_terminal_only(
    folder: Path, capsys: pytest.CaptureFixture[str], clock: SteppingClock
) -> None:
    run(capsys, "init")
    fill(folder, clock)
    env = {k: v for k, v in os.environ.items() if k != "TRADE_MONITOR_CONFIG"}
    command = [sys.executable, "-m", "monitor", "rebuild"]

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
    on_terminal = subprocess.run(
        command, cwd=folder, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=slave, timeout=120
    )
    os.close(slave)
    reader.join(10)
    os.close(master)
    terminal = b"".join(chunks).decode(errors="replace")

    assert on_terminal.returncode == 0
    assert "rebuilding" in terminal and "100%" in terminal
    assert "events applied" in on_terminal.stdout.decode()

    in_a_pipe = subprocess.run(command, cwd=folder, env=env, capture_output=True, text=True, timeout=120)
    assert in_a_pipe.returncode == 0
    assert "rebuilding" not in in_a_pipe.stderr
    assert "events applied" in in_a_pipe.stdout


def test_rebuild_of_an_unknown_projection_is_refused(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "init")
    code, _, err = run(capsys, "rebuild", "--projection", "no-such-view")
    assert code == 2
    assert err.strip() == "error: no projection named no-such-view"


@pytest.mark.parametrize(
    ("args", "code", "fragment"),
    [
        (["events", "--limit", "-1"], 2, "--limit must be 0 or more"),
        (["events", "--after", "-5"], 2, "--after must be 0 or more"),
    ],
)
def test_bad_options_exit_non_zero_with_one_line(
    folder: Path, capsys: pytest.CaptureFixture[str], args: list[str], code: int, fragment: str
) -> None:
    run(capsys, "init")
    got, out, err = run(capsys, *args)
    assert got == code
    assert out == ""
    assert len(err.strip().splitlines()) == 1 and fragment in err


def test_a_corrupt_database_is_one_clear_line_and_stays_as_it_was(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "init")
    db = folder / "trade-monitor.db"
    for extra in ("-wal", "-shm"):
        (folder / f"trade-monitor.db{extra}").unlink(missing_ok=True)
    db.write_bytes(b"a page of notes about steel quotas, not a database" * 200)
    before = db.read_bytes()

    for command in (["status"], ["events"], ["init"]):
        code, _, err = run(capsys, *command)
        assert code == 3, command
        lines = err.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("error: ")
        assert str(db) in lines[0] and "not a database" in lines[0]
    assert db.read_bytes() == before


def test_a_database_from_a_newer_version_is_refused(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "init")
    con = sqlite3.connect(folder / "trade-monitor.db")
    con.execute("UPDATE trade_monitor_schema SET version_num = '7777'")
    con.commit()
    con.close()

    code, _, err = run(capsys, "status")

    assert code == 3
    assert "newer trade-monitor" in err and "'7777'" in err and len(err.strip().splitlines()) == 1


def test_a_foreign_database_is_refused(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    con = sqlite3.connect(folder / "trade-monitor.db")
    con.execute("CREATE TABLE birthdays (name TEXT, day TEXT)")
    con.commit()
    con.close()

    code, _, err = run(capsys, "init")

    assert code == 3
    assert "not trade-monitor's (birthdays)" in err
    assert (folder / "config.toml").is_file()  # the config was written before the database was opened
