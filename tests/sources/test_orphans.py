"""A killed or stopped `trade-monitor` leaves no process behind: real commands, real signals, /proc read."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from monitor.clock import SystemClock
from monitor.events.facts import ArticleRecorded
from monitor.log import EventStore, open_engine
from monitor.sources.health import feed_stream
from sources.feedserver import FeedServer, Item, Route, rss

# Under `-n` (pyproject addopts) these run on the worker of the daemon tests, one after another, since they
# too start the real command with its worker processes (README, "Tests").
pytestmark = [
    pytest.mark.xdist_group("daemons"),
    pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads processes from /proc (Linux)"),
    pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="one core: the commands start no worker processes"),
]

COMMAND = Path(sys.executable).parent / "trade-monitor"

STORIES = [
    Item(title="Levy on saddles raised", link="https://o.example/saddles", text="Saddles now carry a 9 percent levy."),
    Item(title="Rope talks", link="https://o.example/ropes", text="Officials met about rope imports again."),
]


def write_config(tmp_path: Path, feeds: dict[str, str], *, concurrency: int = 4) -> Path:
    config = tmp_path / "config.toml"
    text = (
        f'[database]\nurl = "sqlite:///{tmp_path / "log.db"}"\n'
        f"[fetch]\njitter_s = 0\nread_timeout_s = 20\nconnect_timeout_s = 2\nconcurrency = {concurrency}\n"
    )
    for name, url in feeds.items():
        text += f'[[feeds]]\nname = "{name}"\nurl = "{url}"\n'
    config.write_text(text)
    return config


def parents() -> dict[int, int]:
    """Every process's parent, from /proc."""
    found = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue  # ended while we looked
            # The command name (in parentheses) may hold spaces: the fields after it are fixed.
            found[int(entry)] = int(stat.rsplit(")", 1)[1].split()[1])
    return found


def descendants(root: int) -> set[int]:
    """The processes started, directly or not, by `root`."""
    tree = parents()
    found: set[int] = set()
    frontier = {root}
    while frontier:
        frontier = {pid for pid, parent in tree.items() if parent in frontier} - found
        found |= frontier
    return found


def running(pid: int) -> bool:
    """Whether `pid` still runs (a zombie waiting to be reaped has ended)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    return "\nState:\tZ" not in status


def command_line(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return "(gone)"


def wait_for(predicate: Callable[[], bool], timeout: float = 60.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.05)
    return predicate()


def start(config: Path, output: Path, *args: str) -> subprocess.Popen[str]:
    """Run the installed command; its output goes to files (a survivor holding a pipe would hang the test)."""
    return subprocess.Popen(
        [str(COMMAND), "--config", str(config), *args],
        stdout=(output / "stdout").open("w"),
        stderr=(output / "stderr").open("w"),
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )


def children_once_polling(process: subprocess.Popen[str], server: FeedServer, path: str) -> set[int]:
    """Wait until `process` is fetching `path` (its workers are up by then) and return its descendants."""
    assert wait_for(lambda: server.hits[path] >= 1 or process.poll() is not None), "the command never polled"
    assert process.poll() is None, f"the command ended early with {process.returncode}"
    spawned = descendants(process.pid)
    # The fork server, the resource tracker and one worker per core, at least.
    assert len(spawned) >= 3, [command_line(pid) for pid in spawned]
    return spawned


def survivors(pids: set[int]) -> list[str]:
    """The processes of `pids` still running a few seconds on; each is killed after being named."""
    wait_for(lambda: not any(running(pid) for pid in pids), timeout=15)
    left = [f"{pid}: {command_line(pid)}" for pid in pids if running(pid)]
    for pid in pids:
        if running(pid):
            os.kill(pid, signal.SIGKILL)  # a failing test must not leave them behind either
    return left


@pytest.mark.parametrize("args", [("poll", "--once"), ("run",)], ids=["poll", "run"])
def test_a_command_killed_with_sigkill_leaves_no_process_behind(
    server: FeedServer, tmp_path: Path, args: tuple[str, ...]
) -> None:
    slow = server.serve("/slow.xml", Route(body=rss(STORIES), delay_s=8))
    process = start(write_config(tmp_path, {"slow": slow}), tmp_path, *args)
    spawned: set[int] = set()
    try:
        spawned = children_once_polling(process, server, "/slow.xml")
        process.kill()
        process.wait(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert survivors(spawned) == []


def test_run_stopped_by_sigterm_finishes_its_poll_exits_0_and_leaves_no_process_behind(
    server: FeedServer, tmp_path: Path
) -> None:
    slow = server.serve("/slow.xml", Route(body=rss(STORIES), delay_s=1.5))
    process = start(write_config(tmp_path, {"slow": slow}), tmp_path, "run")
    spawned: set[int] = set()
    try:
        spawned = children_once_polling(process, server, "/slow.xml")
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    left = survivors(spawned)
    err = (tmp_path / "stderr").read_text()
    assert process.returncode == 0, err
    assert "feed.polled feed=slow" in err and "daemon.stopped" in err
    assert left == []


def test_poll_stopped_by_sigterm_records_the_poll_in_flight_starts_no_other_and_exits_143(
    server: FeedServer, tmp_path: Path
) -> None:
    slow = server.serve("/slow.xml", Route(body=rss(STORIES), delay_s=1.5))
    later = server.serve("/later.xml", Route(body=rss(STORIES)))
    # One feed at a time, so the second has not started when the signal comes.
    config = write_config(tmp_path, {"slow": slow, "later": later}, concurrency=1)
    process = start(config, tmp_path, "poll", "--once")
    spawned: set[int] = set()
    try:
        spawned = children_once_polling(process, server, "/slow.xml")
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    left = survivors(spawned)
    out, err = (tmp_path / "stdout").read_text(), (tmp_path / "stderr").read_text()
    assert process.returncode == 128 + signal.SIGTERM, err
    assert "stopped by SIGTERM: 1 of 2 feed(s) polled and recorded" in err
    assert "Traceback" not in err
    assert "slow" in out and "later" not in out
    assert server.hits["/later.xml"] == 0
    assert left == []
    engine = open_engine(f"sqlite:///{tmp_path / 'log.db'}")
    try:
        store = EventStore(engine, SystemClock())
        # The poll in flight was finished and recorded whole; the other feed was left for next time.
        assert len(list(store.read_all(types=[ArticleRecorded.NAME]))) == 2
        assert len(store.read_stream(feed_stream("slow"))) == 1
        assert store.read_stream(feed_stream("later")) == []
    finally:
        engine.dispose()
