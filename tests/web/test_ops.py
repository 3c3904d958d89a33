"""Operations and access: health, readiness, Prometheus metrics, the calendar, and the token."""

from __future__ import annotations

import base64
import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from icalendar import Calendar
from prometheus_client.parser import text_string_to_metric_families

from monitor.clock import SteppingClock
from monitor.config import load_settings
from monitor.errors import ConfigError
from monitor.events import decode
from monitor.events.facts import FactExtracted
from monitor.events.sources import FeedFailed
from monitor.log import EventStore, NewEvent, open_engine
from monitor.web.app import build_app
from monitor.web.server import WebServerThread
from tests.cli_runner import run_cli
from tests.sources.feedserver import FeedServer, Route
from tests.web.conftest import NOW, Site, config_text, start_site


def metrics(site: Site) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    with site.client() as client:
        response = client.get("/metrics")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain")
    return {
        (s.name, tuple(sorted(s.labels.items()))): s.value
        for family in text_string_to_metric_families(response.text)
        for s in family.samples
    }


def test_healthz_and_readyz_on_a_caught_up_log(site: Site) -> None:
    with site.client() as client:
        assert client.get("/healthz").json() == {"status": "ok"}
        ready = client.get("/readyz")
    assert ready.status_code == 200
    # Served alone (`serve`), there is no scheduler to ask about.
    assert ready.json() == {"ready": True, "checks": {"database": "ok", "projections": "ok"}}


def test_metrics_count_what_the_log_holds(site: Site) -> None:
    found = metrics(site)
    assert found[("trade_monitor_articles_total", ())] == 5
    assert found[("trade_monitor_facts_total", ())] >= 5
    assert found[("trade_monitor_feed_polls_total", (("feed", "wire"),))] == 1
    assert found[("trade_monitor_feed_failures_total", (("feed", "broken"),))] == 1
    assert found[("trade_monitor_feed_failures_total", (("feed", "wire"),))] == 0
    assert found[("trade_monitor_projection_lag_events", (("projection", "measure_states"),))] == 0
    assert found[("trade_monitor_digests_sent_total", ())] == 0
    with site.client() as client:
        alerts = client.get("/api/v1/alerts").json()["alerts"]
    by_rule: dict[tuple[tuple[str, str], ...], float] = {}
    for a in alerts:
        key = (("rule", a["rule"]), ("severity", a["severity"]))
        by_rule[key] = by_rule.get(key, 0) + 1
    assert {labels: v for (name, labels), v in found.items() if name == "trade_monitor_alerts_total"} == by_rule


def test_metrics_say_how_long_each_feeds_last_poll_took(tmp_path: Path) -> None:
    slow_feed = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Slow</title><link>https://slow.example/</link>'
        "<description>d</description><item><title>Quotas on timber</title><link>https://slow.example/a</link>"
        "<guid>slow-1</guid><pubDate>Tue, 03 Jun 2025 08:00:00 GMT</pubDate><description>Norway will impose a "
        "12 percent tariff on timber from Sweden, the trade office said.</description></item></channel></rss>"
    )
    server = FeedServer()
    try:
        feeds = {
            "slow": server.serve("/slow.xml", Route(body=slow_feed.encode(), delay_s=0.4)),
            "down": server.serve("/down.xml", Route(status=503, body=b"later", delay_s=0.2)),
        }
        db = tmp_path / "log.db"
        config = tmp_path / "config.toml"
        config.write_text(config_text(db, feeds), encoding="utf-8")
        polled = run_cli(["--config", config, "poll", "--once", "--now", "2025-06-04T12:00"])
        assert polled.exit_code == 0, polled.stderr
    finally:
        server.close()
    (tmp_path / "served").mkdir()
    site, running = start_site(tmp_path, feeds, tmp_path / "served")
    try:
        found = metrics(site)
    finally:
        running.stop()
    slow = found[("trade_monitor_feed_last_poll_seconds", (("feed", "slow"),))]
    down = found[("trade_monitor_feed_last_poll_seconds", (("feed", "down"),))]
    # The server's delay is part of the poll, in seconds (milliseconds would be hundreds); the upper bound
    # leaves room for a machine under heavy load.
    assert 0.4 <= slow < 60
    assert 0.2 <= down < 60
    assert found[("trade_monitor_last_polls_seconds", ())] == pytest.approx(slow + down)


def test_polls_recorded_before_they_were_timed_have_no_duration() -> None:
    old = {
        "feed": "wire",
        "url": "https://news.example/feed.xml",
        "reason": "HTTP 503",
        "consecutive_failures": 2,
        "etag": None,
        "last_modified": None,
        "body_hash": None,
        "articles": 4,
        "last_success": None,
        "failed_at": "2025-06-01T10:00:00+00:00",
        "next_poll": "2025-06-01T11:00:00+00:00",
    }
    failed = decode(FeedFailed.NAME, 1, old)
    assert isinstance(failed, FeedFailed)
    assert failed.duration_s is None and failed.consecutive_failures == 2


def test_the_calendar_lists_deadlines_ahead_linking_to_each_measure(site: Site) -> None:
    with site.client() as client:
        first = client.get("/calendar.ics")
        again = client.get("/calendar.ics")
        assert first.headers["content-type"].startswith("text/calendar")
        calendar = Calendar.from_ical(first.content)
        events = calendar.events
        assert [(e.start, str(e["SUMMARY"])) for e in events] == [
            (dt.date(2025, 6, 30), "Canada on United States, aluminum: takes effect (15%)"),
            (dt.date(2025, 7, 1), "European Union on India, steel: takes effect (25%)"),
            (dt.date(2025, 7, 9), "United States on China: pause ends (34%)"),
        ]
        # The same deadlines keep the same UIDs, so a subscribed calendar updates rather than duplicates.
        assert [e["UID"] for e in events] == [e["UID"] for e in Calendar.from_ical(again.content).events]
        for event in events:
            page = client.get(str(event["URL"]))
            assert page.status_code == 200
            assert str(event["URL"]).split("/measures/")[1] in str(event["DESCRIPTION"]).replace(":", "%3A")
        # The deadlines page offers a calendar per subscription.
        assert 'href="/calendar.ics?subscription=steel-desk"' in client.get("/deadlines").text
        steel = Calendar.from_ical(client.get("/calendar.ics?subscription=steel-desk").content).events
        assert [str(e["SUMMARY"]) for e in steel] == ["European Union on India, steel: takes effect (25%)"]
        missing = client.get("/calendar.ics?subscription=nobody")
        assert missing.status_code == 404
        assert missing.json()["error"]["reason"] == "no subscription 'nobody'"


def test_readyz_says_when_a_projection_is_stuck_behind(filled_log: tuple[Path, dict[str, str]], tmp_path: Path) -> None:
    folder, feeds = filled_log
    db = tmp_path / "log.db"
    db.write_bytes((folder / "log.db").read_bytes())
    config = tmp_path / "config.toml"
    config.write_text(config_text(db, feeds, "[web]\nstuck_after_s = 60\n"), encoding="utf-8")
    settings = load_settings(config, environ={})
    engine = open_engine(settings.database_url())
    clock = SteppingClock(NOW)
    # A fact nobody has decided yet: the measures projection is one event behind.
    fact = FactExtracted(
        article_id="a-late",
        kind="tariff",
        imposer="US",
        targets=("MX",),
        sector=None,
        rate=10.0,
        until=None,
        effective=None,
        status="announced",
        evidence="The United States will tax Mexican goods at 10 percent.",
    )
    EventStore(engine, clock).append("article-a-late", [NewEvent.of(fact)])
    server = WebServerThread(build_app(settings, engine, clock=clock), "127.0.0.1", 0)
    server.start()
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{server.port}") as client:
            assert client.get("/readyz").status_code == 200  # behind, but not for long yet
            clock.advance(dt.timedelta(seconds=61))
            stuck = client.get("/readyz")
            assert stuck.status_code == 503
            assert stuck.json()["checks"]["projections"].startswith("measure_states is 1 events behind")
            assert client.get("/healthz").status_code == 200  # the process is up all the same
    finally:
        server.stop()
        engine.dispose()


TOKEN = "correct horse battery staple"


@pytest.fixture(scope="module")
def guarded(filled_log: tuple[Path, dict[str, str]], tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    folder, feeds = filled_log
    running, server = start_site(
        folder,
        feeds,
        tmp_path_factory.mktemp("web-guarded"),
        extra='[web]\ntoken_env = "TM_WEB_TOKEN"\n',
        environ={"TM_WEB_TOKEN": TOKEN},
    )
    yield running
    server.stop()


@pytest.mark.parametrize(
    "path",
    ["/", "/measures/US%3ACN%3A%2A", "/alerts", "/api/v1/measures", "/api/v1/status", "/metrics", "/calendar.ics"],
)
def test_with_a_token_set_nothing_is_shown_without_it(guarded: Site, path: str) -> None:
    basic = base64.b64encode(f"analyst:{TOKEN}".encode()).decode()
    with guarded.client() as client:
        for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": "Basic bm9ib2R5Ond yb25n"}):
            refused = client.get(path, headers=headers)
            assert refused.status_code == 401
            assert refused.json()["error"]["reason"] == "a valid access token is required"
            assert "China" not in refused.text and "CN" not in refused.text
            assert refused.headers["www-authenticate"].startswith("Basic")
        assert client.get(path, headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 200
        # A browser asks for it as a password (any user name) and needs no script.
        assert client.get(path, headers={"Authorization": f"Basic {basic}"}).status_code == 200
        # Only the process-up probe is open.
        assert client.get("/healthz").status_code == 200


def test_anything_but_loopback_needs_a_token(filled_log: tuple[Path, dict[str, str]], tmp_path: Path) -> None:
    folder, feeds = filled_log
    config = tmp_path / "config.toml"
    config.write_text(config_text(folder / "log.db", feeds), encoding="utf-8")
    settings = load_settings(config, environ={})
    engine = open_engine(settings.database_url())
    try:
        for loopback in ("127.0.0.1", "::1", "localhost", "127.0.0.2"):
            build_app(settings, engine, clock=SteppingClock(NOW), bind=loopback)
        for exposed in ("0.0.0.0", "192.0.2.10", "::"):
            with pytest.raises(ConfigError, match="needs an access token"):
                build_app(settings, engine, clock=SteppingClock(NOW), bind=exposed)
        config.write_text(config_text(folder / "log.db", feeds, '[web]\ntoken_env = "TM_UNSET"\n'), encoding="utf-8")
        with pytest.raises(ConfigError, match="TM_UNSET"):
            build_app(load_settings(config, environ={}), engine, clock=SteppingClock(NOW), bind="0.0.0.0")
        token = load_settings(config, environ={"TM_UNSET": "t0ken"})
        build_app(token, engine, clock=SteppingClock(NOW), bind="0.0.0.0")
    finally:
        engine.dispose()
