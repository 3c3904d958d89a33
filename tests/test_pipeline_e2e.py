"""The whole pipeline as a user runs it: a feed on a local server, `trade-monitor run`, a digest on disk."""

from __future__ import annotations

import datetime as dt
import email
import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from email.message import Message
from pathlib import Path

import pytest
from sources.feedserver import FeedServer, Item, Route, rss

from tests.cli_runner import run_cli

# Under `-n` (pyproject addopts) the tests that run a real daemon share one worker and run one after
# another, from the start of the run, so no daemon test starves another of the CPU (README, "Tests").
pytestmark = pytest.mark.xdist_group("daemons")

QUIET = Item(
    title="Port traffic steady",
    link="https://desk.example/port",
    text="Container traffic at the harbour was steady this week, officials said.",
)
STEEL = Item(
    title="New steel duty",
    link="https://desk.example/steel",
    text="The United States will impose a 30 percent tariff on steel imported from Brazil, "
    "the Commerce Department said on Tuesday.",
    published="Tue, 18 Nov 2025 09:00:00 GMT",
)


@pytest.fixture
def server() -> Iterator[FeedServer]:
    srv = FeedServer()
    yield srv
    srv.close()


def write_config(folder: Path, feed_url: str) -> Path:
    config = folder / "config.toml"
    config.write_text(
        '[database]\nurl = "sqlite:///log.db"\n'
        '[daemon]\nlog_level = "debug"\n'
        "[fetch]\njitter_s = 0\nread_timeout_s = 2\nconnect_timeout_s = 2\n"
        f'[[feeds]]\nname = "desk"\nurl = "{feed_url}"\ninterval_minutes = 30\n'
        '[delivery]\nmethod = "directory"\ndirectory = "digests"\nbatch_window_s = 0\n'
        # The daemon runs on the wall clock and the story is dated 2025: not "old news" here.
        "[rules]\nnews_max_age_days = 36500\n"
        '[[subscriptions]]\nname = "steel-desk"\nrecipients = ["buyer@example.org"]\nschedule = "immediate"\n'
        'sectors = ["steel"]\n'
        '[[subscriptions]]\nname = "autos-only"\nrecipients = ["cars@example.org"]\nschedule = "immediate"\n'
        'sectors = ["autos"]\n',
        encoding="utf-8",
    )
    return config


def tm(config: Path, *args: str) -> str:
    # The commands around the daemon run in this process; the daemon itself is a real one.
    done = run_cli(["--config", str(config), *args])
    assert done.exit_code == 0, done.stderr
    return done.stdout


def run_until(config: Path, ready: Callable[[str], bool], timeout: float = 60.0) -> str:
    """Run the daemon until `ready(its stderr so far)`, stop it with SIGTERM, and return its stderr."""
    daemon = subprocess.Popen(
        [sys.executable, "-m", "monitor", "--config", str(config), "run"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.extend(iter(daemon.stderr.readline, "")))  # type: ignore[union-attr]
    reader.start()
    try:
        deadline = time.monotonic() + timeout
        while not ready("".join(lines)) and time.monotonic() < deadline:
            time.sleep(0.1)
        daemon.send_signal(signal.SIGTERM)
        daemon.wait(timeout=30)
    finally:
        if daemon.poll() is None:
            daemon.kill()
            daemon.wait()
        reader.join(10)
    err = "".join(lines)
    assert daemon.returncode == 0, err
    assert ready(err), f"the daemon did not get there in {timeout} s:\n{err}"
    return err


def mails(folder: Path) -> list[Message]:
    return [email.message_from_bytes(p.read_bytes()) for p in sorted((folder / "digests").rglob("*.eml"))]


def test_the_daemon_reads_a_new_article_and_the_subscriber_gets_one_digest(server: FeedServer, tmp_path: Path) -> None:
    url = server.serve("/desk.xml", Route(body=rss([QUIET]), etag='"v1"'))
    config = write_config(tmp_path, url)

    # The first poll of a new feed is a backfill: recorded, but nobody is alerted. It ran an
    # hour ago, so the daemon finds the feed due at once.
    an_hour_ago = (dt.datetime.now(dt.UTC) - dt.timedelta(hours=1)).isoformat(timespec="seconds")
    tm(config, "poll", "--once", "--now", an_hour_ago)
    assert json.loads(tm(config, "alerts", "--format", "json"))["alerts"] == []

    server.serve("/desk.xml", Route(body=rss([QUIET, STEEL]), etag='"v2"'))
    run_until(config, lambda _: bool(mails(tmp_path)))

    found = mails(tmp_path)
    assert len(found) == 1, "one digest, for the steel subscription only"
    mail = found[0]
    assert mail["To"] == "buyer@example.org"
    assert mail["Message-ID"]
    parts = {part.get_content_type(): part for part in mail.walk()}
    text = parts["text/plain"].get_payload(decode=True).decode("utf-8")
    html = parts["text/html"].get_payload(decode=True).decode("utf-8")
    assert "30" in text and ("BR" in text or "Brazil" in text)
    assert "impose a 30 percent tariff on steel imported from Brazil" in html
    assert "https://desk.example/steel" in html

    alerts = json.loads(tm(config, "alerts", "--format", "json"))["alerts"]
    assert [(a["rule"], a["imposer"], a["target"], a["sector"], a["rate"]) for a in alerts] == [
        ("new_rate", "US", "BR", "steel", 30)
    ]

    # A restart, whose jobs all run once at start, records nothing twice and sends nothing twice
    # (the feed was polled minutes ago, so it waits for its interval).
    jobs = ("job:rules.evaluate", "job:rules.tick", "job:digests")
    run_until(config, lambda err: all(f"job.ran job={job}" in err for job in jobs), timeout=30)
    assert len(mails(tmp_path)) == 1
    outbox = json.loads(tm(config, "outbox", "--format", "json"))
    assert [d["status"] for d in outbox["digests"]] == ["delivered"]
