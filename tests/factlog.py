"""Writing facts we made up straight into a real log, the way ingest records them (measures and rules tests)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from monitor.clock import SteppingClock
from monitor.config import Settings, parse_settings
from monitor.events.facts import FactExtracted
from monitor.log import EventStore, NewEvent


@dataclass
class FactLog:
    """Appends FactExtracted events to `article-<id>` streams, moving the clock to each article's day."""

    store: EventStore
    clock: SteppingClock
    written: int = field(default=0)

    def fact(
        self,
        published: str,
        evidence: str,
        *,
        kind: str = "tariff",
        imposer: str = "US",
        targets: Sequence[str] = ("JP",),
        sector: str | None = None,
        rate: float | None = None,
        until: str | None = None,
        effective: str | None = None,
        status: str | None = None,
        authority: str | None = None,
        previous_rate: float | None = None,
        article: str | None = None,
        catch_up: bool = False,
        feed: str | None = None,
        official: bool = False,
        confidence: float = 1.0,
        keep_clock: bool = False,
    ) -> None:
        """One fact; each article is its own outlet unless `feed` names the one it came from.

        The clock moves to the article's day (news read as it comes) unless this is a
        backfill (`catch_up`) or `keep_clock` says it is read at the clock's time."""
        day = dt.date.fromisoformat(published)
        if not catch_up and not keep_clock:
            self.clock.instant = dt.datetime.combine(day, dt.time(12), tzinfo=dt.UTC)
        self.written += 1
        article_id = article or f"a{self.written}"
        event = FactExtracted(
            article_id=article_id,
            kind=kind,
            imposer=imposer,
            targets=tuple(targets),
            sector=sector,
            rate=rate,
            until=dt.date.fromisoformat(until) if until else None,
            effective=dt.date.fromisoformat(effective) if effective else None,
            status=status,
            evidence=evidence,
            authority=authority,
            previous_rate=previous_rate,
            published=day,
            url=f"https://news.example.org/{article_id}",
            title=f"Story {article_id}",
            feed=feed or f"outlet-{article_id}",
            official=official,
            confidence=confidence,
        )
        self.store.append(
            f"article-{article_id}",
            [
                NewEvent.of(
                    event,
                    idempotency_key=f"fact:{article_id}:{self.written}",
                    occurred_at=dt.datetime.combine(day, dt.time(), tzinfo=dt.UTC),
                    metadata={"catch_up": True} if catch_up else {},
                )
            ],
        )


@pytest.fixture
def facts(store: EventStore, clock: SteppingClock) -> FactLog:
    """A writer of made-up facts into the test's log."""
    return FactLog(store, clock)


def settings_with(tmp_path: Path, text: str = "") -> Settings:
    """Settings read from `text`, with relative paths (the rules folder) under `tmp_path`."""
    return parse_settings(text, source=tmp_path / "config.toml")


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """Default settings, pause reminders at 14, 7 and 1 days, an empty rules folder."""
    (tmp_path / "rules").mkdir(exist_ok=True)
    return settings_with(tmp_path, "[rules]\npause_expiring_days = [14, 7, 1]\n")
