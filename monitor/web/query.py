"""Reading a request's query string into filters, and refusing what cannot be answered.

A parameter the route does not know, a malformed date or number, a status or
severity that does not exist, a country nobody has heard of, or a page past
the end is an `InputError` (400) or `NotFound` (404) with a reason the
user can act on; pages and API show it the same way, and never as a 500.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TypeVar

from monitor.config import SEVERITIES
from monitor.errors import InputError
from monitor.measures.state import MeasureState
from monitor.web.reads import PositionedAlert

#: Every status a measure can have (see MeasureState.status).
STATUSES = ("threatened", "announced", "in_effect", "paused", "lifted")
#: The windows the deadlines page offers.
DEADLINE_WINDOWS = (7, 30, 90)
MAX_PER_PAGE = 500
_CODE = re.compile(r"^[A-Za-z0-9*_-]{1,16}$")
_T = TypeVar("_T")
#: The measure states of a day (None: now).
StatesFor = Callable[[dt.date | None], list[MeasureState]]


class NotFound(InputError):
    """What was asked for does not exist: a measure, or a page past the end."""


@dataclass(frozen=True, kw_only=True)
class MeasureFilter:
    """Which measures to show."""

    as_of: dt.date | None = None
    imposer: str | None = None
    target: str | None = None
    sector: str | None = None
    status: str | None = None

    def matches(self, s: MeasureState) -> bool:
        """Whether a measure passes every filter given."""
        return (
            (self.imposer is None or s.imposer == self.imposer)
            and (self.target is None or s.target == self.target)
            and (self.sector is None or (s.sector or "") == self.sector)
            and (self.status is None or s.status == self.status)
        )

    def query(self) -> dict[str, str]:
        """The filters as query parameters (for links that keep them)."""
        values = {
            "as_of": self.as_of.isoformat() if self.as_of else None,
            "imposer": self.imposer,
            "target": self.target,
            "sector": self.sector,
            "status": self.status,
        }
        return {k: v for k, v in values.items() if v}


@dataclass(frozen=True, kw_only=True)
class AlertFilter:
    """Which alerts to show (the `alerts` command's --since, and what the page adds)."""

    since: dt.date | None = None
    rule: str | None = None
    severity: str | None = None
    imposer: str | None = None
    target: str | None = None
    sector: str | None = None

    def matches(self, p: PositionedAlert) -> bool:
        """Whether an alert passes every filter given."""
        a = p.alert
        return (
            (self.since is None or a.raised_at.date() >= self.since)
            and (self.rule is None or a.rule == self.rule)
            and (self.severity is None or a.severity == self.severity)
            and (self.imposer is None or a.imposer == self.imposer)
            and (self.target is None or a.target == self.target)
            and (self.sector is None or (a.sector or "") == self.sector)
        )

    def query(self) -> dict[str, str]:
        """The filters as query parameters."""
        values = {
            "since": self.since.isoformat() if self.since else None,
            "rule": self.rule,
            "severity": self.severity,
            "imposer": self.imposer,
            "target": self.target,
            "sector": self.sector,
        }
        return {k: v for k, v in values.items() if v}


def only_known(params: Mapping[str, str], allowed: Collection[str]) -> None:
    """Refuse a parameter the route does not read (a typo would otherwise filter nothing, silently)."""
    unknown = sorted(set(params) - set(allowed))
    if unknown:
        raise InputError(
            f"unknown query parameter {unknown[0]!r}", hint=f"this address reads: {', '.join(sorted(allowed))}"
        )
    # A query string may repeat a name; which value would win is not for the user to guess.
    names = [k for k, _ in params.multi_items()] if hasattr(params, "multi_items") else list(params)
    repeated = sorted({n for n in names if names.count(n) > 1})
    if repeated:
        raise InputError(f"query parameter {repeated[0]!r} is given more than once", hint="give each filter once")


def _value(params: Mapping[str, str], name: str) -> str | None:
    value = params.get(name)
    if value is None:
        return None
    value = value.strip()
    return value or None


_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
#: Days from here on are refused: "as of" the end of a day needs the next one to exist.
LAST_DAY = dt.date(9999, 1, 1)


def date_param(params: Mapping[str, str], name: str) -> dt.date | None:
    """A YYYY-MM-DD parameter (that exact form: a bookmark should mean one day), or None when absent or empty."""
    value = _value(params, name)
    if value is None:
        return None
    try:
        day = dt.date.fromisoformat(value) if _DATE.match(value) else None
    except ValueError:
        day = None  # a day the calendar does not have, such as 2025-02-30
    if day is None:
        raise InputError(f"{name}: {value[:40]!r} is not a date", hint="expected YYYY-MM-DD")
    if day >= LAST_DAY:
        raise InputError(f"{name}: {value} is out of range", hint=f"expected a day before {LAST_DAY.isoformat()}")
    return day


def int_param(params: Mapping[str, str], name: str, default: int, *, low: int, high: int | None = None) -> int:
    """A whole-number parameter between `low` and `high`."""
    value = _value(params, name)
    if value is None:
        return default
    if not re.fullmatch(r"[0-9]{1,12}", value):
        raise InputError(f"{name}: {value[:40]!r} is not a whole number")
    number = int(value)
    if number < low or (high is not None and number > high):
        limits = f"from {low} to {high}" if high is not None else f"{low} or more"
        raise InputError(f"{name}: {number} is out of range", hint=f"expected {limits}")
    return number


def choice_param(params: Mapping[str, str], name: str, choices: Sequence[str]) -> str | None:
    """A parameter that must be one of `choices`."""
    value = _value(params, name)
    if value is not None and value not in choices:
        raise InputError(f"{name}: no such value {value[:40]!r}", hint=f"expected one of: {', '.join(choices)}")
    return value


@lru_cache(maxsize=1)
def _iso_codes() -> frozenset[str]:
    import pycountry

    return frozenset(c.alpha_2 for c in pycountry.countries) | {"EU", "*"}


def code_param(params: Mapping[str, str], name: str, present: Iterable[str | None]) -> str | None:
    """A country or bloc code: one the data holds, or any ISO 3166 code (which may simply match nothing)."""
    value = _value(params, name)
    if value is None:
        return None
    if not _CODE.match(value):
        raise InputError(f"{name}: {value[:40]!r} is not a country code", hint="expected an ISO 3166 code such as CN")
    known = {p for p in present if p}
    if value in known or value.upper() in _iso_codes():
        return value if value in known else value.upper()
    raise InputError(
        f"{name}: no country or bloc {value!r}", hint=f"known here: {', '.join(sorted(known)[:30]) or 'none yet'}"
    )


def word_param(params: Mapping[str, str], name: str, present: Iterable[str | None]) -> str | None:
    """A value (a sector, a rule) that must be one the data holds."""
    value = _value(params, name)
    if value is None:
        return None
    known = {p for p in present if p}
    if value not in known:
        raise InputError(
            f"{name}: no such value {value[:40]!r}", hint=f"known here: {', '.join(sorted(known)[:30]) or 'none yet'}"
        )
    return value


MEASURE_PARAMS = ("as_of", "imposer", "target", "sector", "status")


def measure_filter(params: Mapping[str, str], states_for: StatesFor) -> tuple[MeasureFilter, list[MeasureState]]:
    """The measure filters of a request, checked against the states of the day asked for."""
    as_of = date_param(params, "as_of")
    states = states_for(as_of)
    chosen = MeasureFilter(
        as_of=as_of,
        imposer=code_param(params, "imposer", (s.imposer for s in states)),
        target=code_param(params, "target", (s.target for s in states)),
        sector=word_param(params, "sector", (s.sector for s in states)),
        status=choice_param(params, "status", STATUSES),
    )
    return chosen, states


ALERT_PARAMS = ("since", "rule", "severity", "imposer", "target", "sector")


def alert_filter(params: Mapping[str, str], alerts: Sequence[PositionedAlert], rules: Iterable[str]) -> AlertFilter:
    """The alert filters of a request; a rule must be one that exists or has raised alerts."""
    return AlertFilter(
        since=date_param(params, "since"),
        rule=word_param(params, "rule", [*rules, *(p.alert.rule for p in alerts)]),
        severity=choice_param(params, "severity", SEVERITIES),
        imposer=code_param(params, "imposer", (p.alert.imposer for p in alerts)),
        target=code_param(params, "target", (p.alert.target for p in alerts)),
        sector=word_param(params, "sector", (p.alert.sector for p in alerts)),
    )


@dataclass(frozen=True, kw_only=True)
class Page:
    """One page of a list: its items, its number, and how many pages there are."""

    number: int
    pages: int
    total: int
    per_page: int


def paginate(items: Sequence[_T], page: int, per_page: int) -> tuple[list[_T], Page]:
    """The `page`-th slice of `items`; a page past the end is NotFound (page 1 of nothing is empty)."""
    pages = max(1, -(-len(items) // per_page))
    if page > pages:
        raise NotFound(f"page {page} is past the end", hint=f"there {'is' if pages == 1 else 'are'} {pages} page(s)")
    start = (page - 1) * per_page
    return list(items[start : start + per_page]), Page(number=page, pages=pages, total=len(items), per_page=per_page)
