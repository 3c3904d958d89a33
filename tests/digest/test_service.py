"""Collecting alerts into digests on schedule, exactly once, through the outbox into a folder."""

from __future__ import annotations

import datetime as dt
import email
from collections.abc import Callable
from email import policy
from pathlib import Path

import pytest

from monitor.clock import FixedClock, SteppingClock
from monitor.config import Settings
from monitor.digest import intake, outbox
from monitor.digest.service import digest_job, draft, preview, queue_due, run_due
from monitor.errors import ConcurrencyError
from monitor.log import EventStore, NewEvent
from tests.digest.conftest import START, make_alert, make_state, raise_alert, states_of

NO_STATES = states_of()

IMMEDIATE = """
[delivery]
batch_window_s = 60
[[subscriptions]]
name = "steel-desk"
recipients = ["desk@example.org"]
schedule = "immediate"
sectors = ["steel"]
"""


def _eml(folder: Path, digest_id: str) -> email.message.EmailMessage:
    return email.message_from_bytes((folder / f"{digest_id}.eml").read_bytes(), policy=policy.default)  # type: ignore[return-value]


def test_immediate_subscription_batches_alerts_raised_within_the_window(
    store: EventStore, clock: SteppingClock, settings_for: Callable[..., Settings], tmp_path: Path
) -> None:
    settings = settings_for(IMMEDIATE)
    raise_alert(store, make_alert("a1", raised_at=START))
    raise_alert(store, make_alert("a2", raised_at=START + dt.timedelta(seconds=30)))

    clock.instant = START + dt.timedelta(seconds=45)
    early = run_due(settings, store, clock, states=NO_STATES)
    assert early.queued == []  # still inside the batch window of the first alert

    clock.instant = START + dt.timedelta(seconds=61)
    report = run_due(settings, store, clock, states=NO_STATES)
    assert [d.alert_keys for d in report.queued] == [("a1", "a2")]
    assert [a.status for a in report.attempts] == ["delivered"]
    written = _eml(tmp_path / "digests", "steel-desk-1")
    assert written["To"] == "desk@example.org"
    body = written.get_body(preferencelist=("plain",))
    assert body is not None
    assert "(a1)" in body.get_content() and "(a2)" in body.get_content()
    assert (tmp_path / "digests" / "steel-desk-1.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_each_alert_goes_into_one_digest_even_across_a_restart(
    store: EventStore, clock: SteppingClock, settings_for: Callable[..., Settings]
) -> None:
    settings = settings_for(IMMEDIATE)
    raise_alert(store, make_alert("a1"))
    clock.instant = START + dt.timedelta(minutes=5)
    first = run_due(settings, store, clock, states=NO_STATES)
    assert [d.alert_keys for d in first.queued] == [("a1",)]

    # A new process (a restart): same log, nothing in memory.
    restarted = EventStore(store.engine, clock)
    raise_alert(restarted, make_alert("a2", raised_at=clock.now()))
    clock.advance(dt.timedelta(minutes=5))
    second = run_due(settings, restarted, clock, states=NO_STATES)
    third = run_due(settings, restarted, clock, states=NO_STATES)
    assert [d.alert_keys for d in second.queued] == [("a2",)]
    assert third.queued == [] and third.attempts == []
    entries = outbox.entries(restarted)
    assert [(e.digest_id, e.status) for e in entries] == [
        ("steel-desk-1", "delivered"),
        ("steel-desk-2", "delivered"),
    ]


def test_silenced_and_out_of_filter_alerts_are_not_sent(
    store: EventStore, clock: SteppingClock, settings_for: Callable[..., Settings]
) -> None:
    settings = settings_for(
        IMMEDIATE.replace('sectors = ["steel"]', 'sectors = ["steel"]\nmin_severity = "warning"\nimposers = ["us"]')
    )
    raise_alert(store, make_alert("kept"))
    raise_alert(store, make_alert("silenced", silenced_by="quiet-week"))
    raise_alert(store, make_alert("too-mild", severity="info"))
    raise_alert(store, make_alert("other-sector", sector="autos"))
    raise_alert(store, make_alert("other-imposer", imposer="EU"))
    clock.instant = START + dt.timedelta(minutes=5)
    report = run_due(settings, store, clock, states=NO_STATES)
    assert [d.alert_keys for d in report.queued] == [("kept",)]


def test_daily_cron_digest_is_due_at_seven_in_the_subscription_time_zone(
    store: EventStore, clock: SteppingClock, settings_for: Callable[..., Settings]
) -> None:
    settings = settings_for(
        '[[subscriptions]]\nname = "morning"\nrecipients = ["a@example.org"]\n'
        'schedule = "0 7 * * *"\ntimezone = "Europe/Berlin"\n'
    )
    raise_alert(store, make_alert("evening", raised_at=dt.datetime(2025, 4, 2, 18, 0, tzinfo=dt.UTC)))
    # 06:59 in Berlin (CEST, UTC+2) the next morning: not yet.
    clock.instant = dt.datetime(2025, 4, 3, 4, 59, tzinfo=dt.UTC)
    assert queue_due(settings, store, clock, states=NO_STATES).queued == []
    # A daemon that was down at 07:00 sends as soon as it is back.
    clock.instant = dt.datetime(2025, 4, 3, 9, 30, tzinfo=dt.UTC)
    assert [d.alert_keys for d in queue_due(settings, store, clock, states=NO_STATES).queued] == [("evening",)]


def test_an_alert_raised_after_now_waits_and_is_not_skipped(
    store: EventStore, clock: SteppingClock, settings_for: Callable[..., Settings]
) -> None:
    settings = settings_for(IMMEDIATE.replace("batch_window_s = 60", "batch_window_s = 0"))
    raise_alert(store, make_alert("later", raised_at=START + dt.timedelta(hours=2)))
    raise_alert(store, make_alert("sooner", raised_at=START))
    clock.instant = START + dt.timedelta(hours=1)
    assert queue_due(settings, store, clock, states=NO_STATES).queued == []  # "later" blocks the checkpoint
    clock.instant = START + dt.timedelta(hours=3)
    queued = queue_due(settings, store, clock, states=NO_STATES).queued
    assert [sorted(d.alert_keys) for d in queued] == [["later", "sooner"]]


def test_preview_renders_the_next_digest_without_recording_anything(
    store: EventStore, clock: SteppingClock, settings_for: Callable[..., Settings]
) -> None:
    settings = settings_for(IMMEDIATE)
    raise_alert(store, make_alert("a1"))
    before = store.last_position()
    shown = preview(
        settings,
        store,
        "steel-desk",
        clock,
        states=states_of(make_state("m1", status="paused", pause_until=dt.date(2025, 4, 20))),
    )
    assert "(a1)" in shown.rendered.text
    assert "pause ends" in shown.rendered.text
    assert store.last_position() == before
    assert outbox.entries(store) == []


def test_a_digest_with_nothing_new_is_not_sent(
    store: EventStore, clock: SteppingClock, settings_for: Callable[..., Settings]
) -> None:
    settings = settings_for(IMMEDIATE)
    raise_alert(store, make_alert("elsewhere", sector="autos"))
    clock.advance(dt.timedelta(hours=1))
    report = queue_due(settings, store, clock, states=NO_STATES, force=True)
    assert report.queued == [] and report.errors == []


def test_two_runners_collecting_at_once_cannot_both_take_the_alerts(
    store: EventStore, clock: SteppingClock, settings_for: Callable[..., Settings]
) -> None:
    settings = settings_for(IMMEDIATE)
    raise_alert(store, make_alert("a1"))
    clock.advance(dt.timedelta(minutes=5))
    sub = settings.subscription("steel-desk")
    stale = draft(settings, store, sub, clock.now(), NO_STATES)  # runner B has read, not yet written
    assert [d.alert_keys for d in queue_due(settings, store, clock, states=NO_STATES).queued] == [("a1",)]
    with pytest.raises(ConcurrencyError):
        store.append(
            intake.stream_id(sub.name),
            [NewEvent.of(stale.digest, idempotency_key="runner-b")],
            expected_version=stale.pending.checkpoint.version,
        )
    assert [outbox.queued_digest(store, e.position).alert_keys for e in outbox.entries(store)] == [("a1",)]


def test_the_daemon_job_runs_on_the_clock_it_is_handed(
    store: EventStore, clock: SteppingClock, settings_for: Callable[..., Settings]
) -> None:
    settings = settings_for(IMMEDIATE)
    raise_alert(store, make_alert("a1"))
    job = digest_job(settings, store)
    assert job(FixedClock(START)).queued == []  # the batch window has not passed at that time
    later = job(FixedClock(START + dt.timedelta(minutes=5)))  # measures read from the real projection
    assert [d.alert_keys for d in later.queued] == [("a1",)]
    assert [a.status for a in later.attempts] == ["delivered"]


def test_an_alert_matching_two_subscriptions_goes_into_one_digest_of_each(
    store: EventStore, clock: SteppingClock, settings_for: Callable[..., Settings], tmp_path: Path
) -> None:
    settings = settings_for(
        IMMEDIATE + '[[subscriptions]]\nname = "all-news"\nrecipients = ["all@example.org"]\nschedule = "immediate"\n'
    )
    raise_alert(store, make_alert("shared"))
    raise_alert(store, make_alert("autos-only", sector="autos"))
    clock.advance(dt.timedelta(minutes=5))
    report = run_due(settings, store, clock, states=NO_STATES)
    taken = {d.subscription: sorted(d.alert_keys) for d in report.queued}
    assert taken == {"steel-desk": ["shared"], "all-news": ["autos-only", "shared"]}
    assert sorted(p.name for p in (tmp_path / "digests").glob("*.eml")) == ["all-news-1.eml", "steel-desk-1.eml"]
