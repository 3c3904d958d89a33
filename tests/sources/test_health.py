"""Feed health: back-off that doubles up to the cap, recovery, and what `feeds` shows."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from monitor.clock import SteppingClock
from monitor.log import EventStore
from monitor.sources.health import feed_state, health_row, retry_delay
from monitor.sources.poll import FeedPoller
from sources.feedserver import FeedServer, Item, Route, feed, rss


def test_a_failing_feed_backs_off_doubling_up_to_the_cap_and_recovers(
    server: FeedServer, store: EventStore, make_poller: Callable[..., FeedPoller], clock: SteppingClock
) -> None:
    path = "/flaky.xml"
    server.serve(path, Route(status=502, body=b"bad gateway"))
    flaky = feed("flaky", server.url(path), interval_minutes=30)
    poller = make_poller(store)
    waits = []
    for _ in range(5):
        result = poller.poll(flaky)
        waits.append((result.next_poll - clock.now()) / dt.timedelta(minutes=1))
        clock.instant = result.next_poll
    # fetch.backoff_max_minutes is 240 in these tests.
    assert waits == [60, 120, 240, 240, 240]
    state = feed_state(store, "flaky")
    assert (state.status, state.consecutive_failures) == ("failing", 5)

    server.serve(path, Route(body=rss([Item(title="Back", link="https://f.example/1", text="Back online.")])))
    result = poller.poll(flaky)
    assert result.outcome == "fetched"
    assert result.next_poll - clock.now() == dt.timedelta(minutes=30)
    row = health_row(flaky, feed_state(store, "flaky"))
    assert row["status"] == "ok"
    assert row["consecutive_failures"] == 0
    assert row["articles"] == 1
    assert row["last_success"] == clock.now().isoformat()
    # The last error stays visible after recovery, with when it happened.
    assert "HTTP 502" in row["last_error"]["reason"]


def test_the_cap_never_shortens_a_long_interval() -> None:
    daily = feed("daily", "https://example.org/d.xml", interval_minutes=1440)
    assert retry_delay(daily, 3, 360) == dt.timedelta(minutes=1440)
    assert retry_delay(daily, 0, 360) == dt.timedelta(minutes=1440)


def test_a_feed_never_polled_or_disabled(store: EventStore) -> None:
    fresh = health_row(feed("fresh", "https://example.org/f.xml"), feed_state(store, "fresh"))
    assert fresh == {
        "name": "fresh",
        "url": "https://example.org/f.xml",
        "status": "never_polled",
        "last_success": None,
        "last_error": None,
        "consecutive_failures": 0,
        "next_poll": None,
        "articles": 0,
        "polled_by": None,
    }
    off = health_row(feed("off", "https://example.org/o.xml", enabled=False), feed_state(store, "off"))
    assert off["status"] == "disabled"
