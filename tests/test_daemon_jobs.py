"""The daemon's own jobs: whichever of them raises an alert, an `immediate` subscription hears of it at once."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from monitor.clock import SteppingClock
from monitor.log import EventStore
from monitor.pipeline import daemon_jobs
from tests.factlog import FactLog, settings_with


def _digests(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.eml")) if folder.exists() else []


def test_an_alert_the_tick_raises_is_sent_at_once_not_a_digest_interval_later(
    store: EventStore, clock: SteppingClock, tmp_path: Path
) -> None:
    """After a takeover the new leader runs the tick beside the evaluation; when the tick is the one that meets a
    new fact, its alert must go out then, not when the digest job next runs (here an hour later)."""
    settings = settings_with(
        tmp_path,
        "[daemon]\ndigest_minutes = 60\n[rules]\nnews_max_age_days = 36500\n"
        f'[delivery]\nmethod = "directory"\ndirectory = "{tmp_path / "out"}"\nbatch_window_s = 0\nhold_above = 0\n'
        '[[subscriptions]]\nname = "desk"\nrecipients = ["analyst@example.org"]\nschedule = "immediate"\n',
    )
    jobs = {job.name: job for job in daemon_jobs(settings, store)}
    facts = FactLog(store, clock)
    facts.fact("2025-11-18", "Lima said Washington set a 20 percent tariff on Peruvian steel.", targets=["PE"], rate=20)
    clock.advance(dt.timedelta(hours=1))
    jobs["rules.tick"].run(clock)
    sent = _digests(tmp_path / "out")
    assert len(sent) == 1, "the tick's alert went out in a digest of its own"
    assert "20%" in sent[0].read_text(encoding="utf-8")
    # The evaluation that runs next finds nothing new and sends nothing more.
    jobs["rules.evaluate"].run(clock)
    assert len(_digests(tmp_path / "out")) == 1
