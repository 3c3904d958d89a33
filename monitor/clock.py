"""Time, passed in: nothing in trade-monitor reads the wall clock directly.

Commands build a clock at the edge (`--now` gives a fixed one) and hand it
down, so a deadline rule can be tested on any day and a year of news can be
replayed in seconds.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Protocol

from monitor.errors import InputError


class Clock(Protocol):
    """Anything that tells the current time as an aware UTC datetime."""

    def now(self) -> dt.datetime: ...


class SystemClock:
    """The real clock; created only at the edges (CLI, daemon)."""

    def now(self) -> dt.datetime:
        return dt.datetime.now(dt.UTC)


@dataclass(frozen=True)
class FixedClock:
    """A clock stopped at one instant, for `--now` and for tests."""

    instant: dt.datetime

    def now(self) -> dt.datetime:
        return self.instant


@dataclass
class SteppingClock:
    """A clock that a test or a replay moves forward by hand."""

    instant: dt.datetime

    def now(self) -> dt.datetime:
        return self.instant

    def advance(self, delta: dt.timedelta) -> None:
        """Move the clock forward by `delta`."""
        self.instant = self.instant + delta


def parse_instant(text: str, *, what: str = "--now") -> dt.datetime:
    """Read `2025-06-01`, `2025-06-01T08:30` or a full ISO time as an aware UTC instant.

    A date alone means midnight UTC at its start; a time without an offset is UTC.
    """
    try:
        value = dt.datetime.fromisoformat(text.strip())
    except ValueError as exc:
        raise InputError(
            f"{what}: {text!r} is not a date or time",
            hint="expected YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS][+HH:MM]",
        ) from exc
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    return value.astimezone(dt.UTC)


def parse_date(text: str, *, what: str = "date") -> dt.date:
    """Read a `YYYY-MM-DD` date, naming the option in the error."""
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError as exc:
        raise InputError(f"{what}: {text!r} is not a date", hint="expected YYYY-MM-DD") from exc


def clock_for(now: str | None) -> Clock:
    """The clock a command runs on: fixed at `--now` when given, else the system clock."""
    return FixedClock(parse_instant(now)) if now else SystemClock()
