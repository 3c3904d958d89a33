"""The mass-change guard: a burst of more alerts than `delivery.hold_above` is held until a user releases it."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable

import pytest

from monitor.clock import SteppingClock
from monitor.config import Settings
from monitor.digest import guard, outbox
from monitor.digest.holds import held
from monitor.digest.service import run_due
from monitor.events.alerts import SilenceAdded
from monitor.events.digests import DeliveryHeld
from monitor.log import EventStore, NewEvent
from tests.digest.conftest import make_alert, raise_alert, states_of

NO_STATES = states_of()

CONFIG = """
[delivery]
batch_window_s = 0
hold_above = {hold_above}
directory = "out"
[[subscriptions]]
name = "steel-desk"
recipients = ["desk@example.org"]
"""


def something_else(store: EventStore, n: int) -> None:
    """An event that is not an alert (a user's silence): what separates one evaluation's alerts from the next."""
    silence = SilenceAdded(
        silence_id=f"s{n}",
        rule="nothing_real",
        imposer=None,
        target=None,
        sector=None,
        until=dt.date(2025, 1, 1),
        reason="a separator",
        added_at=dt.datetime(2025, 4, 1, tzinfo=dt.UTC),
    )
    store.append("silences", [NewEvent.of(silence)])


def burst(store: EventStore, keys: list[str], **overrides: object) -> None:
    """Alerts recorded back to back, as one evaluation of the rules records them."""
    for key in keys:
        raise_alert(store, make_alert(key, **overrides))  # type: ignore[arg-type]


def delivered_keys(settings: Settings, store: EventStore, clock: SteppingClock) -> list[tuple[str, ...]]:
    clock.advance(dt.timedelta(minutes=1))
    report = run_due(settings, store, clock, states=NO_STATES)
    return [d.alert_keys for d in report.queued]


def test_a_burst_above_hold_above_is_held_with_what_came_after_until_released(
    store: EventStore,
    clock: SteppingClock,
    settings_for: Callable[..., Settings],
    caplog: pytest.LogCaptureFixture,
) -> None:
    settings = settings_for(CONFIG.format(hold_above=3))
    burst(store, ["before"])
    something_else(store, 1)
    burst(store, ["b1", "b2", "b3", "b4"])
    something_else(store, 2)
    burst(store, ["after"])

    with caplog.at_level(logging.WARNING, logger="monitor.digest"):
        assert delivered_keys(settings, store, clock) == [("before",)]
        assert delivered_keys(settings, store, clock) == []
    warnings = [r.getMessage() for r in caplog.records if "delivery held" in r.getMessage()]
    assert len(warnings) == 1  # logged once, not every run
    assert "4 alerts were raised at once" in warnings[0] and "delivery.hold_above = 3" in warnings[0]
    assert len([e for e in store.read_stream(guard.STREAM) if e.type == DeliveryHeld.NAME]) == 1
    [waiting] = held(settings, store)
    assert waiting.alerts == 4

    released = guard.release(store, clock.now(), held(settings, store))
    assert [b.alerts for b in released] == [4]
    assert held(settings, store) == ()
    assert sorted(delivered_keys(settings, store, clock)[0]) == ["after", "b1", "b2", "b3", "b4"]


def test_dropped_alerts_stay_in_the_log_but_go_in_no_digest(
    store: EventStore, clock: SteppingClock, settings_for: Callable[..., Settings]
) -> None:
    settings = settings_for(CONFIG.format(hold_above=2))
    burst(store, ["b1", "b2", "b3"])
    something_else(store, 1)
    burst(store, ["after"])
    assert delivered_keys(settings, store, clock) == []
    guard.release(store, clock.now(), held(settings, store), action="drop")
    assert delivered_keys(settings, store, clock) == [("after",)]
    assert [e.alerts for e in outbox.entries(store)] == [1]


def test_bursts_are_counted_apart_and_silenced_alerts_do_not_count(
    store: EventStore, clock: SteppingClock, settings_for: Callable[..., Settings]
) -> None:
    settings = settings_for(CONFIG.format(hold_above=3))
    burst(store, ["a1", "a2", "a3"])
    something_else(store, 1)
    burst(store, ["b1", "b2", "b3"])
    burst(store, ["quiet1", "quiet2"], silenced_by="s-maintenance")
    assert [len(keys) for keys in delivered_keys(settings, store, clock)] == [6]


def test_hold_above_zero_turns_the_guard_off(
    store: EventStore, clock: SteppingClock, settings_for: Callable[..., Settings]
) -> None:
    settings = settings_for(CONFIG.format(hold_above=0))
    burst(store, [f"k{i}" for i in range(60)])
    assert [len(keys) for keys in delivered_keys(settings, store, clock)] == [60]


def test_a_burst_every_subscription_has_read_past_holds_nothing(
    store: EventStore, clock: SteppingClock, settings_for: Callable[..., Settings]
) -> None:
    generous = settings_for(CONFIG.format(hold_above=100))
    burst(store, [f"k{i}" for i in range(5)])
    assert [len(keys) for keys in delivered_keys(generous, store, clock)] == [5]
    strict = settings_for(CONFIG.format(hold_above=2))  # lowered after the burst went out
    assert held(strict, store) == ()
    something_else(store, 1)
    burst(store, ["next"])
    assert delivered_keys(strict, store, clock) == [("next",)]


def test_a_subscription_the_burst_does_not_reach_reads_on_past_it(
    store: EventStore, clock: SteppingClock, settings_for: Callable[..., Settings]
) -> None:
    two = CONFIG + '\n[[subscriptions]]\nname = "autos-desk"\nrecipients = ["cars@example.org"]\nsectors = ["autos"]\n'
    settings = settings_for(two.format(hold_above=2))
    burst(store, ["s1", "s2", "s3"])  # steel: the steel desk's, not the autos desk's
    something_else(store, 1)
    burst(store, ["car1"], sector="autos")
    clock.advance(dt.timedelta(minutes=1))
    queued = run_due(settings, store, clock, states=NO_STATES).queued
    assert [(d.subscription, d.alert_keys) for d in queued] == [("autos-desk", ("car1",))]
