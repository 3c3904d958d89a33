"""The daemon: scheduler wiring, back-off, extra jobs, and a real `trade-monitor run` stopped by SIGTERM."""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from apscheduler.schedulers.background import BackgroundScheduler
from sources.feedserver import FeedServer, Item, Route, rss
from sqlalchemy.exc import OperationalError

from monitor.clock import Clock, SystemClock
from monitor.config import parse_settings
from monitor.daemon import PeriodicJob, build_scheduler, feed_job_id
from monitor.errors import StoreError
from monitor.events.facts import ArticleRecorded
from monitor.log import EventStore, open_engine
from monitor.log.migrate import upgrade
from monitor.pipeline import article_recorder
from monitor.sources.health import feed_state
from monitor.sources.poll import FeedPoller
from monitor.sources.schemes import open_fetcher
from tests.cli_runner import run_cli

# Under `-n` (pyproject addopts) the tests that run a real daemon share one worker and run one after
# another, from the start of the run, so no daemon test starves another of the CPU (README, "Tests").
pytestmark = pytest.mark.xdist_group("daemons")

STORIES = [
    Item(title="Levy on pears doubled", link="https://d.example/pears", text="The levy on pears is now 20 percent."),
    Item(title="Plum talks resume", link="https://d.example/plums", text="Negotiators met again about plums."),
]


@pytest.fixture
def server() -> Iterator[FeedServer]:
    srv = FeedServer()
    yield srv
    srv.close()


def config_text(db: Path, feeds: dict[str, str], *, log_format: str = "text") -> str:
    text = (
        f'[database]\nurl = "sqlite:///{db}"\n'
        f'[daemon]\ntimezone = "Europe/Paris"\nlog_format = "{log_format}"\n'
        # Generous timeouts: on a busy machine a 1 s answer can come late, and a failed first poll backs off
        # past every wait of these tests.
        "[fetch]\njitter_s = 0\nread_timeout_s = 10\nconnect_timeout_s = 10\nbackoff_max_minutes = 60\n"
    )
    for name, url in feeds.items():
        text += f'[[feeds]]\nname = "{name}"\nurl = "{url}"\ninterval_minutes = 10\n'
    return text


def wait_for(predicate: Callable[[], bool], timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.1)
    raise AssertionError("condition not met in time")


def test_scheduler_is_configured_explicitly_with_one_job_per_enabled_feed(tmp_path: Path) -> None:
    settings = parse_settings(
        config_text(tmp_path / "log.db", {"a": "http://127.0.0.1:9/a", "b": "http://127.0.0.1:9/b"})
        + '[[feeds]]\nname = "off"\nurl = "http://127.0.0.1:9/off"\nenabled = false\n',
        source=tmp_path / "config.toml",
    )
    engine = open_engine(settings.database_url())
    upgrade(engine)
    clock = SystemClock()
    store = EventStore(engine, clock)
    with open_fetcher(settings.fetch) as fetcher:
        poller = FeedPoller(
            store=store, fetcher=fetcher, recorder=article_recorder(store, clock), settings=settings.fetch, clock=clock
        )
        tick = PeriodicJob(name="rules-tick", run=lambda c: None, interval=dt.timedelta(minutes=15))
        scheduler = build_scheduler(settings, poller=poller, clock=clock, extra_jobs=[tick])
        scheduler.start(paused=True)
        try:
            jobs = {j.id: j for j in scheduler.get_jobs()}
            assert set(jobs) == {"feed:a", "feed:b", "job:rules-tick"}
            feed_job = jobs["feed:a"]
            assert (feed_job.coalesce, feed_job.max_instances, feed_job.misfire_grace_time) == (True, 1, 600)
            assert feed_job.trigger.interval == dt.timedelta(minutes=10)
            assert feed_job.executor == "feeds"
            assert jobs["job:rules-tick"].executor == "default"
            assert jobs["job:rules-tick"].trigger.interval == dt.timedelta(minutes=15)
            assert str(scheduler.timezone) == "Europe/Paris"
        finally:
            scheduler.shutdown(wait=False)
    engine.dispose()


def test_a_failing_feed_is_rescheduled_at_its_back_off_and_extra_jobs_get_the_clock(
    server: FeedServer, tmp_path: Path
) -> None:
    bad = server.serve("/bad.xml", Route(status=500, body=b"down"))
    settings = parse_settings(config_text(tmp_path / "log.db", {"bad": bad}), source=tmp_path / "config.toml")
    engine = open_engine(settings.database_url())
    upgrade(engine)
    clock = SystemClock()
    store = EventStore(engine, clock)
    ticks: list[Clock] = []
    ticked = threading.Event()

    def tick(c: Clock) -> None:
        ticks.append(c)
        ticked.set()

    with open_fetcher(settings.fetch) as fetcher:
        poller = FeedPoller(
            store=store, fetcher=fetcher, recorder=article_recorder(store, clock), settings=settings.fetch, clock=clock
        )
        scheduler: BackgroundScheduler = build_scheduler(
            settings,
            poller=poller,
            clock=clock,
            extra_jobs=[PeriodicJob(name="tick", run=tick, interval=dt.timedelta(hours=1))],
        )
        scheduler.start()
        try:
            wait_for(lambda: feed_state(store, "bad").consecutive_failures == 1)
            assert ticked.wait(5)
            state = feed_state(store, "bad")
            assert state.next_poll is not None
            # Doubled from 10 to 20 minutes, and the job now waits for exactly that.
            assert state.next_poll - state.last_error_at == dt.timedelta(minutes=20)  # type: ignore[operator]
            job = scheduler.get_job(feed_job_id("bad"))
            wait_for(lambda: abs((job.next_run_time - state.next_poll).total_seconds()) < 1)  # type: ignore[union-attr]
            assert ticks == [clock]
        finally:
            scheduler.shutdown(wait=True)
    # A restart resumes the back-off instead of polling the failing feed at once.
    with open_fetcher(settings.fetch) as fetcher:
        poller = FeedPoller(
            store=store, fetcher=fetcher, recorder=article_recorder(store, clock), settings=settings.fetch, clock=clock
        )
        again = build_scheduler(settings, poller=poller, clock=clock)
        again.start(paused=True)
        try:
            job = again.get_job(feed_job_id("bad"))
            assert job is not None
            assert job.next_run_time >= state.next_poll  # type: ignore[operator]
        finally:
            again.shutdown(wait=False)
    engine.dispose()


def start_daemon(config: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "monitor", "--config", str(config), "run"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )


def articles(db: Path) -> list[str]:
    engine = open_engine(f"sqlite:///{db}")
    try:
        store = EventStore(engine, SystemClock())
        return [e.stream_id for e in store.read_all(types=[ArticleRecorded.NAME])]
    finally:
        engine.dispose()


def health(db: Path, name: str) -> int:
    engine = open_engine(f"sqlite:///{db}")
    try:
        return feed_state(EventStore(engine, SystemClock()), name).version
    except (OperationalError, StoreError):
        return 0  # the daemon has not created its tables yet
    finally:
        engine.dispose()


@pytest.mark.parametrize("log_format", ["text", "json"])
def test_run_records_survives_broken_feeds_stops_on_sigterm_and_restarts_without_duplicates(
    server: FeedServer, tmp_path: Path, log_format: str
) -> None:
    db = tmp_path / "log.db"
    good = server.serve("/good.xml", Route(body=rss(STORIES), etag='"g1"'))
    broken = server.serve("/broken.xml", Route(status=500, body=b"down"))
    html = server.serve("/page.html", Route(body=b"<html><body>hello</body></html>", content_type="text/html"))
    config = tmp_path / "config.toml"
    config.write_text(config_text(db, {"good": good, "broken": broken, "page": html}, log_format=log_format))

    daemon = start_daemon(config)
    err = stop_after(daemon, lambda: db.exists() and all(health(db, n) >= 1 for n in ("good", "broken", "page")))
    assert len(articles(db)) == 2
    lines = [line for line in err.splitlines() if line.strip()]
    if log_format == "json":
        records = [json.loads(line) for line in lines]
        events = [r["event"] for r in records]
        failed = [r for r in records if r["event"] == "feed.failed"]
        assert {r["feed"] for r in failed} == {"broken", "page"}
    else:
        events = [line.split()[2] for line in lines]
        assert any("feed=page" in line and "HTML page" in line for line in lines)
    assert events[0] == "daemon.started"
    assert "feed.polled" in events
    assert events[-2:] == ["daemon.stopping", "daemon.stopped"]

    # A cron-style poll in between, then a restart with a mirror of the same stories added.
    assert run_cli(["--config", str(config), "poll", "--once"]).exit_code == 0
    mirror = server.serve("/mirror.xml", Route(body=rss(STORIES)))
    config.write_text(
        config_text(db, {"good": good, "broken": broken, "page": html, "mirror": mirror}, log_format=log_format)
    )
    polled_before = server.hits["/good.xml"]
    daemon = start_daemon(config)
    stop_after(daemon, lambda: health(db, "mirror") >= 1)
    assert articles(db) == sorted(set(articles(db)), key=articles(db).index)
    assert len(articles(db)) == 2
    # The restarted daemon kept the good feed's schedule: not polled again before its interval.
    assert server.hits["/good.xml"] == polled_before


def stop_after(daemon: subprocess.Popen[str], ready: Callable[[], bool]) -> str:
    """Wait until `ready`, send SIGTERM, and return the daemon's stderr once it exited 0."""
    try:
        try:
            wait_for(ready)
        except AssertionError:
            # Say what the daemon was doing: a wait that ran out is otherwise a failure with no story.
            daemon.send_signal(signal.SIGTERM)
            _, err = daemon.communicate(timeout=60)
            raise AssertionError(f"condition not met in time; the daemon exited {daemon.returncode}:\n{err}") from None
        daemon.send_signal(signal.SIGTERM)
        _, err = daemon.communicate(timeout=60)
    finally:
        if daemon.poll() is None:
            daemon.kill()
            daemon.communicate()
    assert daemon.returncode == 0, err
    return err


def smtp_config(db: Path, port: int, *, password_env: str = "") -> str:
    """A daemon config that mails digests through 127.0.0.1:`port`, one subscription, no feeds."""
    return (
        f'[database]\nurl = "sqlite:///{db}"\n'
        '[delivery]\nmethod = "smtp"\nbatch_window_s = 0\n'
        f'[delivery.smtp]\nhost = "127.0.0.1"\nport = {port}\nsecurity = "none"\ntimeout_s = 2\n'
        + (f'username = "desk"\npassword_env = "{password_env}"\n' if password_env else "")
        + '[[subscriptions]]\nname = "desk"\nrecipients = ["desk@example.org"]\n'
    )


def test_run_refuses_to_start_when_the_smtp_password_variable_is_missing(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text(smtp_config(tmp_path / "log.db", 2525, password_env="TM_TEST_SMTP_SECRET_UNSET"))
    done = run_cli(["--config", str(config), "run"], env={"TM_TEST_SMTP_SECRET_UNSET": None})
    assert done.exit_code == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert "TM_TEST_SMTP_SECRET_UNSET" in lines[0] and "not set" in lines[0]
    assert "daemon.started" not in done.stderr


def test_run_refuses_to_start_with_an_unknown_delivery_method(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text(smtp_config(tmp_path / "log.db", 2525).replace('method = "smtp"', 'method = "pigeon"'))
    done = run_cli(["--config", str(config), "run"])
    assert done.exit_code == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "delivery.method" in lines[0] and "pigeon" in lines[0], done.stderr


def test_run_warns_once_about_an_unreachable_mail_server_and_logs_each_failed_delivery_in_one_line(
    tmp_path: Path,
) -> None:
    from tests.digest.conftest import make_alert, raise_alert
    from tests.digest.smtp_servers import refused_port

    db = tmp_path / "log.db"
    config = tmp_path / "config.toml"
    # An alert waiting, so the daemon's first digest run queues a digest and tries to mail it.
    engine = open_engine(f"sqlite:///{db}")
    upgrade(engine)
    raise_alert(EventStore(engine, SystemClock()), make_alert("d1"))
    engine.dispose()

    with refused_port() as port:  # no server there for as long as the daemon runs
        config.write_text(smtp_config(db, port))
        daemon = start_daemon(config)
        err = stop_after(daemon, lambda: _digest_tried(db))
    lines = [line for line in err.splitlines() if line.strip()]
    assert "Traceback" not in err
    unreachable = [line for line in lines if "delivery.unreachable" in line]
    assert len(unreachable) == 1 and f"127.0.0.1:{port}" in unreachable[0], err
    failed = [line for line in lines if "not delivered" in line]
    assert failed and all(line.startswith("20") for line in lines), err
    assert lines[-1].split()[2] == "daemon.stopped"


def _digest_tried(db: Path) -> bool:
    engine = open_engine(f"sqlite:///{db}")
    try:
        store = EventStore(engine, SystemClock())
        return any(e.type == "digest.failed" for e in store.read_all(stream_prefix="digest-"))
    except (OperationalError, StoreError):
        return False
    finally:
        engine.dispose()


def test_a_failing_job_is_one_log_line_without_a_traceback(tmp_path: Path) -> None:
    import io

    from monitor.daemon import configure_logging
    from monitor.errors import DeliveryError

    settings = parse_settings(config_text(tmp_path / "log.db", {}), source=tmp_path / "config.toml")
    engine = open_engine(settings.database_url())
    upgrade(engine)
    clock = SystemClock()
    store = EventStore(engine, clock)
    failed = threading.Event()

    def send(_clock: Clock) -> None:
        failed.set()
        raise DeliveryError("cannot reach mail server 127.0.0.1:9: connection refused")

    stream = io.StringIO()
    configure_logging(settings.daemon, stream=stream)
    with open_fetcher(settings.fetch) as fetcher:
        poller = FeedPoller(
            store=store, fetcher=fetcher, recorder=article_recorder(store, clock), settings=settings.fetch, clock=clock
        )
        job = PeriodicJob(name="digests", run=send, interval=dt.timedelta(hours=1))
        scheduler = build_scheduler(settings, poller=poller, clock=clock, extra_jobs=[job])
        scheduler.start()
        try:
            assert failed.wait(5)
            wait_for(lambda: "job.failed" in stream.getvalue())
        finally:
            scheduler.shutdown(wait=True)
    engine.dispose()
    lines = [line for line in stream.getvalue().splitlines() if line.strip()]
    assert "Traceback" not in stream.getvalue()
    assert len(lines) == 1 and "job=job:digests" in lines[0] and "cannot reach mail server" in lines[0], lines


def test_status_reports_the_daemons_last_poll_tick_and_digest(server: FeedServer, tmp_path: Path) -> None:
    from tests.digest.conftest import make_alert, raise_alert

    db = tmp_path / "log.db"
    good = server.serve("/good.xml", Route(body=rss(STORIES)))
    config = tmp_path / "config.toml"
    config.write_text(
        config_text(db, {"good": good})
        + '[delivery]\nmethod = "directory"\nbatch_window_s = 0\n'
        + '[[subscriptions]]\nname = "desk"\nrecipients = ["desk@example.org"]\n'
    )
    engine = open_engine(f"sqlite:///{db}")
    upgrade(engine)
    raise_alert(EventStore(engine, SystemClock()), make_alert("h1"))
    engine.dispose()

    def health() -> dict[str, str | None]:
        done = run_cli(["--config", str(config), "status", "--format", "json"])
        assert done.exit_code == 0, done.stderr
        found: dict[str, str | None] = json.loads(done.stdout)["daemon"]
        return found

    assert health() == {"last_poll": None, "last_tick": None, "last_digest": None}
    started = dt.datetime.now(dt.UTC)
    daemon = start_daemon(config)
    stop_after(daemon, lambda: all(health().values()))
    seen = health()
    for key in ("last_poll", "last_tick", "last_digest"):
        moment = dt.datetime.fromisoformat(seen[key] or "")
        assert started - dt.timedelta(seconds=1) <= moment <= dt.datetime.now(dt.UTC), (key, seen)
    text = run_cli(["--config", str(config), "status"]).stdout
    assert "last poll" in text and "last tick" in text and "last digest" in text


def test_shutdown_while_a_feed_job_reschedules_itself_does_not_hang(server: FeedServer, tmp_path: Path) -> None:
    # A failing feed reschedules its job when its poll ends; shutting down during that poll once deadlocked
    # (the scheduler held its job-store lock while waiting for the job, which waited for that lock).
    slow = server.serve("/slow-bad.xml", Route(status=500, body=b"down", delay_s=1.0))
    settings = parse_settings(config_text(tmp_path / "log.db", {"bad": slow}), source=tmp_path / "config.toml")
    engine = open_engine(settings.database_url())
    upgrade(engine)
    clock = SystemClock()
    store = EventStore(engine, clock)
    with open_fetcher(settings.fetch) as fetcher:
        poller = FeedPoller(
            store=store, fetcher=fetcher, recorder=article_recorder(store, clock), settings=settings.fetch, clock=clock
        )
        scheduler = build_scheduler(settings, poller=poller, clock=clock)
        scheduler.start()
        wait_for(lambda: server.hits["/slow-bad.xml"] >= 1)
        stopped = threading.Thread(target=scheduler.shutdown, kwargs={"wait": True}, daemon=True)
        stopped.start()
        stopped.join(timeout=10)
        assert not stopped.is_alive(), "shutdown hung while the feed's job rescheduled itself"
    assert feed_state(store, "bad").consecutive_failures == 1  # the poll in flight was finished and recorded
    engine.dispose()
