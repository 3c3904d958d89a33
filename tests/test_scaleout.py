"""Several daemons on one log: feeds claimed once, one leader, a takeover that repeats nothing, refusals.

The leases and the leadership are tested in process on the real PostgreSQL
server; the takeover with two real `trade-monitor run` processes, feeds on a
loopback HTTP server and a real SMTP server on loopback.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import email
import json
import logging
import os
import signal
import subprocess
import sys
import threading
import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from sources.feedserver import Item, rss
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url

from monitor.clock import SteppingClock
from monitor.cluster import DaemonIdentity, SharedMembership, SoloMembership, fingerprint_difference
from monitor.config import DaemonSettings, parse_settings
from monitor.errors import DaemonConflictError
from monitor.log import EventReader, EventStore, open_engine
from monitor.log import leases as lease_table
from monitor.log.migrate import upgrade
from monitor.pipeline import daemon_jobs
from monitor.rules.service import read_alerts
from tests.cli_runner import run_cli
from tests.conftest import PG_URL, pg_skip_reason
from tests.digest.smtp_servers import Mailbox, smtp_server
from tests.factlog import FactLog

# Under `-n` (pyproject addopts) these tests share one worker and run one after another, from the start of
# the run, so two scale-out tests never starve each other's leases; the other daemon tests are one more
# such group ("daemons"), so at most two real daemon tests run at once (README, "Tests").
pytestmark = pytest.mark.xdist_group("scale-out")

TRADE_MONITOR = Path(sys.executable).parent / "trade-monitor"


def identity(name: str) -> DaemonIdentity:
    return DaemonIdentity(
        daemon_id=f"test-host:{name}", host="test-host", pid=os.getpid(), started_at=dt.datetime.now(dt.UTC)
    )


def wait_for(predicate: Callable[[], bool], timeout: float = 60.0, what: str = "condition") -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.05)
    raise AssertionError(f"{what}: not met within {timeout} s")


@pytest.fixture
def pg_engine(pg_url: str) -> Iterator[Engine]:
    engine = open_engine(pg_url)
    upgrade(engine)
    yield engine
    engine.dispose()


# --- in process: leases and leadership ------------------------------------------------------------------


def test_a_feed_is_claimed_by_one_daemon_and_freed_when_its_claim_lapses(pg_engine: Engine) -> None:
    # Two seconds: long enough that a busy machine's pause between two statements does not lapse a claim.
    settings = DaemonSettings(leader_lease_seconds=30, feed_lease_seconds=2)
    one = SharedMembership(identity("one"), pg_engine, settings, {"rules": "a"})
    two = SharedMembership(identity("two"), pg_engine, settings, {"rules": "a"})
    lease_table.create_tables(pg_engine)

    assert one.take_feed("wto").claimed
    refused = two.take_feed("wto")
    assert not refused.claimed
    assert refused.holder == one.daemon_id
    assert dt.timedelta(0) < refused.wait <= dt.timedelta(seconds=2)
    # A poll recorded lets the feed go at once.
    one.release_feed("wto")
    assert two.take_feed("wto").claimed
    # A daemon that dies mid-poll never releases: its claim lapses after the lease time.
    assert not one.take_feed("wto").claimed
    time.sleep(2.2)
    assert one.take_feed("wto").claimed
    one.engine.dispose()
    two.engine.dispose()


def test_one_leader_at_a_time_and_another_takes_over_when_it_stops_renewing(
    pg_engine: Engine, caplog: pytest.LogCaptureFixture
) -> None:
    # Long enough that a loaded machine's thread delays stay well inside the lease; heartbeat 1 s.
    settings = DaemonSettings(leader_lease_seconds=3, feed_lease_seconds=30)
    first = SharedMembership(identity("first"), pg_engine, settings, {"rules": "a"})
    second = SharedMembership(identity("second"), pg_engine, settings, {"rules": "a"})
    caplog.set_level(logging.INFO, logger="monitor.daemon")
    # When `second` first leads, on its own heartbeat's clock: the test's thread may be late to look.
    gained_at: list[float] = []
    second.on_leading(lambda gained: gained_at.append(time.monotonic()) if gained else None)
    first.start()
    second.start()
    try:
        assert first.is_leader()
        assert not second.is_leader()
        # `first` freezes (its heartbeat stops, as in a daemon killed or cut off from the database).
        first._stop.set()
        assert first._thread is not None
        first._thread.join()
        frozen = time.monotonic()
        stepped_down_at = first._leader_until  # no heartbeat moves it any more
        # It steps down by its own clock before the database would let `second` in ...
        wait_for(lambda: not first.is_leader(), timeout=10, what="the frozen leader steps down")
        wait_for(second.is_leader, timeout=10, what="the second daemon takes over")
        assert gained_at, "the second daemon was told it leads"
        assert stepped_down_at <= gained_at[0], "never two leaders: the old one had stepped down first"
        # ... and `second` took over within the lease time, plus a heartbeat and slack for a loaded machine.
        assert gained_at[0] - frozen <= 3 + 1 + 3
        first._beat()
        assert not first.is_leader(), "the old leader must not take the lease back from a live one"
    finally:
        second.stop()
        first.stop()
    events = [(r.getMessage(), getattr(r, "fields", {}).get("daemon")) for r in caplog.records]
    assert ("leader.gained", first.daemon_id) in events
    assert ("leader.lost", first.daemon_id) in events
    assert ("leader.gained", second.daemon_id) in events


def test_work_under_the_digest_lock_is_done_by_one_process_at_a_time(pg_engine: Engine) -> None:
    with lease_table.exclusive(pg_engine, "digests") as first:
        with lease_table.exclusive(pg_engine, "digests") as second:
            assert (first, second) == (True, False)
        with lease_table.exclusive(pg_engine, "other-work") as other:
            assert other
    with lease_table.exclusive(pg_engine, "digests") as again:
        assert again


def test_a_daemon_with_other_settings_is_refused_naming_what_differs(pg_engine: Engine) -> None:
    settings = DaemonSettings(leader_lease_seconds=5, feed_lease_seconds=5)
    running = SharedMembership(
        identity("running"), pg_engine, settings, {"rules settings": "a", "rule file rules/steel.toml": "1"}
    )
    running.start()
    try:
        newcomer = SharedMembership(
            identity("new"), pg_engine, settings, {"rules settings": "a", "rule file rules/steel.toml": "2"}
        )
        with pytest.raises(DaemonConflictError) as refused:
            newcomer.start()
        assert "test-host:running" in str(refused.value)
        assert "rule file rules/steel.toml differs" in str(refused.value)
    finally:
        running.stop()
    # Once the other one has stopped, the newcomer may start.
    newcomer.start()
    newcomer.stop()
    assert fingerprint_difference({"a": "1", "b": "2"}, {"a": "1", "c": "3"}) == ["b (only here)", "c (only there)"]


class HeldMailbox(Mailbox):
    """A mail server that holds each message until `gate` opens, saying when the first one is in its hands."""

    def __init__(self) -> None:
        super().__init__()
        self.gate = threading.Event()
        self.arrived = threading.Event()

    async def handle_DATA(self, server: object, session: object, envelope: object) -> str:
        self.arrived.set()
        await asyncio.get_running_loop().run_in_executor(None, self.gate.wait, 60)
        return await super().handle_DATA(server, session, envelope)


def test_alerts_raised_while_a_digest_is_being_sent_go_out_as_soon_as_it_is_sent(
    pg_engine: Engine, pg_url: str, tmp_path: Path
) -> None:
    """The new leader runs the digests and the rules at once; what the rules raise meanwhile must not wait
    a whole digest interval (here an hour) for the next run of the digest job."""
    mailbox = HeldMailbox()
    with smtp_server(mailbox) as port:
        settings = parse_settings(
            f'[database]\nurl = "{pg_url}"\n[daemon]\ndigest_minutes = 60\n[rules]\nnews_max_age_days = 36500\n'
            '[delivery]\nmethod = "smtp"\nbatch_window_s = 0\nhold_above = 0\n'
            f'[delivery.smtp]\nhost = "127.0.0.1"\nport = {port}\nsecurity = "none"\nsender = "desk@example.org"\n'
            '[[subscriptions]]\nname = "desk"\nrecipients = ["analyst@example.org"]\nschedule = "immediate"\n',
            source=tmp_path / "config.toml",
        )
        clock = SteppingClock(dt.datetime(2025, 11, 18, 12, tzinfo=dt.UTC))
        store = EventStore(pg_engine, clock)
        membership = SharedMembership(identity("leader"), pg_engine, settings.daemon, {})
        jobs = {job.name: job for job in daemon_jobs(settings, store, membership=membership)}
        facts = FactLog(store, clock)
        try:
            facts.fact("2025-11-18", "Washington set a 20 percent tariff on steel from Peru.", targets=["PE"], rate=20)
            sending = threading.Thread(target=jobs["rules.evaluate"].run, args=(clock,))
            sending.start()
            assert mailbox.arrived.wait(30), "the first digest reaches the mail server"
            # While that digest is in the mail server's hands, another article raises an alert.
            facts.fact("2025-11-18", "Washington set a 30 percent tariff on steel from Chile.", targets=["CL"], rate=30)
            raising = threading.Thread(target=jobs["rules.evaluate"].run, args=(clock,))
            raising.start()
            # It has raised its alert and reached the digests: done (turned away), or waiting its turn.
            wait_for(
                lambda: (
                    len(read_alerts(store)) == 2
                    and (not raising.is_alive() or (_inside(raising, "fenced") and not _inside(raising, "exclusive")))
                ),
                what="the second evaluation at the digests",
            )
            mailbox.gate.set()
            sending.join(60)
            raising.join(60)
            assert not sending.is_alive() and not raising.is_alive()
        finally:
            mailbox.gate.set()
            membership.engine.dispose()
    subjects = [email.message_from_bytes(m.content)["Subject"] for m in mailbox.received]
    assert len(subjects) == 2, subjects
    reader = EventReader(pg_engine)
    delivered = {e.data["digest_id"] for e in reader.read_all(types=["digest.delivered"])}
    queued = [e.data for e in reader.read_all(types=["digest.queued"]) if e.data["digest_id"] in delivered]
    assert sorted(len(d["alert_keys"]) for d in queued) == [1, 1], "each alert went out in a digest of its own"


def _inside(thread: threading.Thread, function: str) -> bool:
    """Whether `thread` is running `function` now (anywhere on its stack)."""
    frame = sys._current_frames().get(thread.ident or 0)
    while frame is not None:
        if frame.f_code.co_name == function:
            return True
        frame = frame.f_back
    return False


def test_on_sqlite_a_second_daemon_holding_the_file_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "log.db"
    first = SoloMembership(identity("first"), db)
    first.start()
    try:
        with pytest.raises(DaemonConflictError) as refused:
            SoloMembership(identity("second"), db).start()
        assert "test-host:first" in str(refused.value)
        assert "log.db.daemon.lock" in str(refused.value)
    finally:
        first.stop()
    again = SoloMembership(identity("third"), db)
    again.start()
    again.stop()


# --- real daemons -------------------------------------------------------------------------------------


def start_daemon(config: Path, log: list[str]) -> subprocess.Popen[str]:
    daemon = subprocess.Popen(
        [str(TRADE_MONITOR), "--config", str(config), "run"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
        # Its own process group, so a kill can take its worker processes with it, as a machine dying would.
        start_new_session=True,
    )
    threading.Thread(target=lambda: log.extend(iter(daemon.stderr.readline, "")), daemon=True).start()  # type: ignore[union-attr]
    return daemon


def stop(daemon: subprocess.Popen[str]) -> None:
    if daemon.poll() is None:
        daemon.send_signal(signal.SIGTERM)
        try:
            daemon.wait(timeout=20)
        except subprocess.TimeoutExpired:
            daemon.kill()
            daemon.wait()


def test_a_second_daemon_on_one_sqlite_file_refuses_to_start_with_one_line(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text('[database]\nurl = "sqlite:///log.db"\n[fetch]\njitter_s = 0\n', encoding="utf-8")
    log: list[str] = []
    first = start_daemon(config, log)
    try:
        wait_for(lambda: any("daemon.started" in line for line in log), what="the first daemon starts")
        second = run_cli(["--config", str(config), "run"])
        assert second.exit_code == 2
        lines = second.stderr.strip().splitlines()
        assert len(lines) == 1
        assert f":{first.pid}:" in lines[0]
        assert "log.db.daemon.lock" in lines[0] and "PostgreSQL" in lines[0]
        status = json.loads(run_cli(["--config", str(config), "status", "--format", "json"]).stdout)
        assert status["daemons"]["mode"] == "single"
        assert f":{first.pid}:" in status["daemons"]["leader"]
    finally:
        stop(first)
    assert first.returncode == 0, "".join(log)


def pg_config(folder: Path, pg_url: str, feeds: dict[str, str], *, smtp_port: int = 25, extra: str = "") -> Path:
    text = (
        f'[database]\nurl = "{pg_url}"\n'
        # Leases short enough for a quick takeover, long enough for a heartbeat (a third of them) to keep
        # them on a loaded machine. Digests every hour: within the test's waits only the digest sent right
        # after the evaluation that raised its alerts can deliver them, so a delay there fails the test
        # instead of hiding behind the periodic digest job.
        "[daemon]\nleader_lease_seconds = 3\nfeed_lease_seconds = 3\ndigest_minutes = 60\n"
        # Timeouts no busy machine reaches: a gated feed is answered only once the test has seen the
        # others through (it waits up to 120 s for that), and a failed poll is retried an hour later.
        "[fetch]\njitter_s = 0\nread_timeout_s = 150\nconnect_timeout_s = 10\nconcurrency = 16\n"
        # The daemons run on the real clock and the test's news is dated: it must not count as old news.
        "[rules]\nnews_max_age_days = 36500\n"
        # One evaluation may meet the whole backlog of 40 feeds at once: the mass-change guard is not what
        # this test is about, so it must not hold those alerts back.
        '[delivery]\nmethod = "smtp"\nbatch_window_s = 0\nhold_above = 0\n'
        f'[delivery.smtp]\nhost = "127.0.0.1"\nport = {smtp_port}\nsecurity = "none"\nsender = "desk@example.org"\n'
        '[[subscriptions]]\nname = "desk"\nrecipients = ["analyst@example.org"]\nschedule = "immediate"\n'
    )
    for name, url in feeds.items():
        text += f'[[feeds]]\nname = "{name}"\nurl = "{url}"\ninterval_minutes = 60\n'
    config = folder / "config.toml"
    config.write_text(text + extra, encoding="utf-8")
    return config


def test_a_daemon_started_with_other_rules_on_one_database_is_refused(pg_url: str, tmp_path: Path) -> None:
    one, two = tmp_path / "one", tmp_path / "two"
    for folder in (one, two):
        (folder / "rules").mkdir(parents=True)
    rule = '[[rule]]\nname = "big_steel"\nsignals = ["new_rate"]\nseverity = "warning"\nmin_rate = {limit}\n'
    (one / "rules" / "steel.toml").write_text(rule.format(limit=25), encoding="utf-8")
    (two / "rules" / "steel.toml").write_text(rule.format(limit=50), encoding="utf-8")
    check = run_cli(["--config", str(pg_config(one, pg_url, {})), "rules", "check"])
    if check.exit_code != 0:
        pytest.skip(f"the rule file form changed: {check.stderr.strip()}")
    log: list[str] = []
    first = start_daemon(pg_config(one, pg_url, {}), log)
    try:
        wait_for(lambda: any("daemon.started" in line for line in log), what="the first daemon starts")
        second = run_cli(["--config", str(pg_config(two, pg_url, {})), "run"])
        assert second.exit_code == 2, second.stderr
        # Log lines may come first (a mail server that does not answer); the refusal is one error line.
        errors = [x for x in second.stderr.splitlines() if x.startswith("error:")]
        assert len(errors) == 1, second.stderr
        line = errors[0]
        assert f":{first.pid}:" in line
        assert "rule file rules/steel.toml differs" in line
    finally:
        stop(first)
    assert first.returncode == 0, "".join(log)


class _RoomyServer(ThreadingHTTPServer):
    """A server whose listen queue holds every connection two daemons open at once.

    The default queue is 5. Two daemons start about 32 polls at once (16 threads each); when this
    process is slow to accept them (a busy machine), the kernel drops the connections that do not
    fit, and the daemon's connect times out: a feed.failed, and the feed's news is not read again
    for an hour, well after the test ends.
    """

    request_queue_size = 128


class GatedFeeds:
    """Feeds on 127.0.0.1; a gated path answers only once the gate opens, so a poll stays in flight."""

    def __init__(self) -> None:
        self.bodies: dict[str, bytes] = {}
        self.gated: set[str] = set()
        self.gate = threading.Event()
        self.waiting: Counter[str] = Counter()
        self.hits: Counter[str] = Counter()
        self._lock = threading.Lock()
        feeds = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *_args: object) -> None:
                pass

            def do_GET(self) -> None:
                with feeds._lock:
                    feeds.hits[self.path] += 1
                    gated = self.path in feeds.gated
                    if gated:
                        feeds.waiting[self.path] += 1
                if gated:
                    feeds.gate.wait(300)
                body = feeds.bodies[self.path]
                try:
                    self.send_response(200)
                    self.send_header("Content-Type", "application/rss+xml; charset=utf-8")
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except OSError:
                    pass  # the daemon that asked was killed

        self._httpd = _RoomyServer(("127.0.0.1", 0), Handler)
        self._httpd.daemon_threads = True
        threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True).start()

    def url(self, path: str) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host!s}:{port}{path}"

    def close(self) -> None:
        self.gate.set()
        self._httpd.shutdown()
        self._httpd.server_close()


COUNTRIES = ["Brazil", "Japan", "Canada", "Peru", "Turkey", "Egypt", "Kenya", "Norway", "Chile", "India"]
SECTORS = ["steel", "lumber"]
FEEDS = 40


def story(n: int, country: str, sector: str, rate: int) -> Item:
    return Item(
        title=f"Desk note {n}",
        link=f"https://desk.example/policy/{n}",
        text=f"The United States will impose a {rate} percent tariff on {sector} imported from {country}, "
        "the Commerce Department said on Tuesday.",
        published="Tue, 18 Nov 2025 09:00:00 GMT",
    )


def quiet(feed: int, n: int) -> Item:
    return Item(
        title=f"Harbour log {feed}.{n}",
        link=f"https://desk.example/harbour/{feed}/{n}",
        text=f"Crane {feed} moved {n + 3} boxes along the quay before noon; nothing else happened.",
    )


def test_two_daemons_share_the_feeds_and_a_takeover_after_sigkill_repeats_nothing(pg_url: str, tmp_path: Path) -> None:
    server = GatedFeeds()
    mailbox = Mailbox()
    policies = [story(i, c, s, 10 + 5 * i) for i, (c, s) in enumerate((c, s) for s in SECTORS for c in COUNTRIES)]
    # Even feeds carry one policy story each; the odd feed after it carries the same story (syndicated).
    new_items = {f: [quiet(f, 1), policies[f // 2]] for f in range(FEEDS)}
    paths = {f"desk-{f:02d}": f"/desk-{f:02d}.xml" for f in range(FEEDS)}
    slow = set(list(paths.values())[FEEDS // 2 :])
    try:
        with smtp_server(mailbox) as port:
            for f, path in enumerate(paths.values()):
                server.bodies[path] = rss([quiet(f, 0)])
            config = pg_config(tmp_path, pg_url, {n: server.url(p) for n, p in paths.items()}, smtp_port=port)
            # The first poll of a feed is a backfill and raises nothing: done two hours ago by cron.
            primed = (dt.datetime.now(dt.UTC) - dt.timedelta(hours=2)).isoformat(timespec="seconds")
            assert run_cli(["--config", str(config), "poll", "--once", "--now", primed]).exit_code == 0
            engine = open_engine(pg_url)
            reader = EventReader(engine)
            before = reader.last_position()
            for f, path in enumerate(paths.values()):
                server.bodies[path] = rss([quiet(f, 0), *new_items[f]])
            # The second half of the feeds hang until the leader has been killed in the middle of them.
            server.gated = slow
            logs: dict[int, list[str]] = {}
            daemons = []
            for _ in range(2):
                log: list[str] = []
                daemon = start_daemon(config, log)
                logs[daemon.pid] = log
                daemons.append(daemon)
            try:
                fast_alerts = {p.link for p in policies[: FEEDS // 4]}
                wait_for(
                    lambda: _delivered_links(reader) >= fast_alerts and set(server.waiting) == slow,
                    timeout=120,
                    what="the fast feeds' alerts delivered and every slow feed in flight",
                )
                status = json.loads(run_cli(["--config", str(config), "status", "--format", "json"]).stdout)
                leader_id = status["daemons"]["leader"]
                leader = next(d for d in daemons if f":{d.pid}:" in leader_id)
                survivor = next(d for d in daemons if d is not leader)
                members = {m["daemon"]: m for m in status["daemons"]["members"]}
                assert len(members) == 2 and all(m["alive"] for m in members.values())
                assert members[leader_id]["polling"] > 0, "the leader is killed in the middle of its polls"
                feeds = json.loads(run_cli(["--config", str(config), "feeds", "--format", "json"]).stdout)["feeds"]
                polling = {f["name"]: f["claimed_by"]["daemon"] for f in feeds if f["claimed_by"]}
                hanging = {name for name, path in paths.items() if path in slow}
                assert hanging <= set(polling), "every hanging feed is claimed by the daemon waiting for it"
                assert {polling[n] for n in hanging} == set(members), "both daemons poll their share"

                os.killpg(leader.pid, signal.SIGKILL)
                leader.wait()
                server.gate.set()
                survivor_log = logs[survivor.pid]
                wait_for(
                    lambda: any("leader.gained" in line for line in survivor_log),
                    timeout=60,
                    what="the survivor takes the leadership",
                )
                all_links = {p.link for p in policies}
                try:
                    wait_for(lambda: _delivered_links(reader) >= all_links, timeout=120, what="every alert delivered")
                except AssertionError as missed:
                    missing = sorted(all_links - _delivered_links(reader))
                    said = "".join(survivor_log)
                    raise AssertionError(f"{missed}; missing {missing}; survivor log:\n{said}") from None
            finally:
                # Stopped by SIGTERM, the survivor finishes what it was doing: anything it sent twice is in now.
                for daemon in daemons:
                    stop(daemon)
            assert survivor.returncode == 0, "".join(logs[survivor.pid])

            # Every feed polled once in this cycle (the killed daemon's were taken over, not repeated).
            polled = Counter(e.stream_id for e in reader.read_all(after=before, types=["feed.polled", "feed.failed"]))
            assert polled == Counter({f"feed-{name}": 1 for name in paths})
            # None of them failed: a failed poll's news would be read only an hour later, so it would be lost here.
            failed = {e.data["feed"]: e.data["reason"] for e in reader.read_all(after=before, types=["feed.failed"])}
            assert not failed, failed
            # Every story recorded once, with its facts once, whichever daemon or feed read it.
            recorded = [e.data["url"] for e in reader.read_all(after=before, types=["article.recorded"])]
            expected_links = {i.link for items in new_items.values() for i in items}
            assert sorted(recorded) == sorted(expected_links)
            facts = [e.idempotency_key for e in reader.read_all(types=["fact.extracted"])]
            assert len(facts) == len(set(facts)) == len(policies)
            # Every expected alert raised once.
            alerts = [e.data for e in reader.read_all(types=["alert.raised"])]
            assert len(alerts) == len({a["key"] for a in alerts})
            raised = Counter((a["rule"], a["target"], a["sector"], a["rate"]) for a in alerts)
            assert raised == Counter(("new_rate", _iso(p), _sector(p), _rate(p)) for p in policies)
            # Every digest delivered once: each queued digest has one delivery, each alert is in one
            # digest, and the mail server got each Message-ID once.
            queued = [e.data for e in reader.read_all(types=["digest.queued"])]
            delivered = Counter(e.data["digest_id"] for e in reader.read_all(types=["digest.delivered"]))
            assert delivered == Counter({d["digest_id"]: 1 for d in queued})
            in_digests = Counter(k for d in queued for k in d["alert_keys"])
            assert in_digests == Counter({a["key"]: 1 for a in alerts})
            received = Counter(email.message_from_bytes(m.content)["Message-ID"] for m in mailbox.received)
            assert received == Counter({d["message_id"]: 1 for d in queued})
            assert "leader.gained" in "".join(logs[leader.pid])
            engine.dispose()
    finally:
        server.close()


def _delivered_links(reader: EventReader) -> set[str]:
    """The article links of alerts in delivered digests."""
    done = {e.data["digest_id"] for e in reader.read_all(types=["digest.delivered"])}
    keys = {
        k for e in reader.read_all(types=["digest.queued"]) if e.data["digest_id"] in done for k in e.data["alert_keys"]
    }
    links = set()
    for e in reader.read_all(types=["alert.raised"]):
        if e.data["key"] in keys:
            links.update(str(v) for v in _links(e.data))
    return links


def _links(alert: dict[str, object]) -> list[object]:
    evidence = alert.get("evidence") or []
    return [item.get("url") for item in evidence if isinstance(item, dict)] if isinstance(evidence, list) else []


_ISO = {"Brazil": "BR", "Japan": "JP", "Canada": "CA", "Peru": "PE", "Turkey": "TR", "Egypt": "EG",
        "Kenya": "KE", "Norway": "NO", "Chile": "CL", "India": "IN"}  # fmt: skip


def _iso(item: Item) -> str:
    return next(code for name, code in _ISO.items() if f"from {name}," in item.text)


def _sector(item: Item) -> str:
    return next(s for s in SECTORS if f"on {s} " in item.text)


def _rate(item: Item) -> int:
    return int(item.text.split(" percent")[0].rsplit(" ", 1)[1])


# --- a database that goes away ------------------------------------------------------------------------


@pytest.fixture
def own_database() -> Iterator[tuple[str, Engine]]:
    """A PostgreSQL database of the test's own (so it can be taken away), and an admin engine to do it."""
    reason = pg_skip_reason()
    if reason:
        pytest.skip(reason)
    name = f"tm_outage_{uuid.uuid4().hex[:10]}"
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(PG_URL).set(database=name).render_as_string(hide_password=False), admin
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS true'))
            conn.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
        admin.dispose()


def test_a_database_that_goes_away_mid_poll_is_reported_retried_and_what_was_fetched_is_recorded(
    own_database: tuple[str, Engine], tmp_path: Path
) -> None:
    url, admin = own_database
    name = make_url(url).database
    server = GatedFeeds()
    path = "/desk.xml"
    kept = Item(title="Harbour note", link="https://desk.example/harbour/1", text="Crane 4 moved twelve boxes.")
    fleeting = story(1, "Peru", "steel", 25)
    try:
        server.bodies[path] = rss([kept])
        config = pg_config(tmp_path, url, {"desk": server.url(path)})
        primed = (dt.datetime.now(dt.UTC) - dt.timedelta(hours=2)).isoformat(timespec="seconds")
        assert run_cli(["--config", str(config), "poll", "--once", "--now", primed]).exit_code == 0
        # The story is in the feed only while the database is away: the daemon fetches it then, or never.
        server.bodies[path] = rss([kept, fleeting])
        server.gated = {path}
        log: list[str] = []
        daemon = start_daemon(config, log)
        try:
            wait_for(lambda: server.waiting[path] == 1, timeout=120, what="the daemon's poll in flight")
            with admin.connect() as conn:
                conn.execute(text(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS false'))
                conn.execute(
                    text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :name"),
                    {"name": name},
                )
            server.gate.set()
            # Reported once the daemon has the feed's answer and cannot record it.
            wait_for(
                lambda: any("database.unavailable" in line and "feed=desk" in line for line in log),
                timeout=120,
                what="the daemon reports the database gone",
            )
            server.bodies[path] = rss([kept])
            assert daemon.poll() is None, "".join(log)
            with admin.connect() as conn:
                conn.execute(text(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS true'))
            reader = EventReader(open_engine(url))
            try:
                try:
                    wait_for(
                        lambda: fleeting.link in {e.data["url"] for e in reader.read_all(types=["article.recorded"])},
                        timeout=60,
                        what="the story fetched while the database was away recorded",
                    )
                except AssertionError as missed:
                    raise AssertionError(f"{missed}; the daemon's log:\n{''.join(log)}") from None
                wait_for(lambda: any("database.available" in line for line in log), what="the daemon says so")
                recorded = [e.data["url"] for e in reader.read_all(types=["article.recorded"])]
                polled = [e.type for e in reader.read_all(types=["feed.polled", "feed.failed"])]
            finally:
                reader.engine.dispose()
        finally:
            stop(daemon)
        assert daemon.returncode == 0, "".join(log)
        assert sorted(recorded) == sorted([kept.link, fleeting.link])
        # The feed's health: the primer's poll and the daemon's, each once; the outage is not the feed's fault.
        assert polled == ["feed.polled", "feed.polled"]
        assert server.hits[path] == 2, "what was fetched is recorded, not fetched again"
    finally:
        server.close()
