"""What every handler of the web server shares: settings, the reader, the clock, the templates."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import quote, urlencode, urlsplit

import jinja2

from monitor.clock import Clock
from monitor.config import Settings
from monitor.digest.render import country, day, percent
from monitor.web.reads import HistoryEntry, Reader

#: The only link schemes made clickable; anything else from a feed is shown as text.
SAFE_SCHEMES = frozenset({"http", "https", "mailto"})


def safe_url(value: str | None) -> str | None:
    """The URL when its scheme is http, https or mailto, else None (never a `javascript:` link)."""
    if not value:
        return None
    text = value.strip()
    try:
        scheme = urlsplit(text).scheme.lower()
    except ValueError:
        return None
    return text if scheme in SAFE_SCHEMES else None


#: Codes that are no ISO 3166 country: the EU acts as one party; `*` is every country at once.
_PARTIES = {"EU": "European Union", "*": "every country"}


def place(code: str | None) -> str:
    """A party in words: 'CN' -> 'China', 'EU' -> 'European Union'; unknown codes as they are."""
    if code in _PARTIES:
        return _PARTIES[code]
    return country(code)


def measure_path(measure_id: str) -> str:
    """The address of a measure's page (ids hold ':' and '*', which are quoted)."""
    return "/measures/" + quote(measure_id, safe="")


def words(status: str | None) -> str:
    """`in_effect` -> `in effect`."""
    return (status or "–").replace("_", " ")


def moment(value: dt.datetime | None) -> str:
    """A time in UTC as '2 Apr 2025, 14:05 UTC'."""
    if value is None:
        return "–"
    value = value.astimezone(dt.UTC)
    return f"{value.day} {value:%b %Y, %H:%M} UTC"


def event_facts(entry: HistoryEntry) -> list[str]:
    """What one history event says, in short phrases: ['34% (was 10%)', 'announced', 'until 9 Jul 2025']."""
    e = entry.event
    found = []
    if e.rate is not None:
        found.append(percent(e.rate) + (f" (was {percent(e.previous_rate)})" if e.previous_rate is not None else ""))
    if e.status:
        found.append(words(e.status))
    if e.until:
        # A tariff's `until` is when it expires; a pause's, when the pause ends.
        found.append(f"{'expires' if e.kind == 'tariff' else 'until'} {day(e.until)}")
    if e.effective:
        found.append(f"from {day(e.effective)}")
    found.append(f"outlet: {entry.outlet or 'file'}")
    found.append(reading(entry))
    return found


def reading(entry: HistoryEntry) -> str:
    """How well an event is supported: '2 sources, official, read with 85% confidence'."""
    e = entry.event
    parts = [f"{e.sources} source{'' if e.sources == 1 else 's'}"]
    if e.official:
        parts.append("official")
    parts.append(f"read with {round(e.confidence * 100)}% confidence")
    return ", ".join(parts)


def make_templates() -> jinja2.Environment:
    """Our page templates, autoescaped: every value from a feed is text, never markup."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("monitor.web", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        percent=percent,
        day=day,
        country=place,
        safe_url=safe_url,
        measure_path=measure_path,
        words=words,
        event_facts=event_facts,
        moment=moment,
        query=lambda params: urlencode(params),
    )
    # The filter-form macros take a function to show each option with.
    env.globals.update(country=place, words=words)
    return env


@dataclass(frozen=True, kw_only=True)
class WebContext:
    """Built once per server; handlers only read it."""

    settings: Settings
    reader: Reader
    clock: Clock
    templates: jinja2.Environment
    #: Names of the rules loaded from the config (the alerts filter accepts these).
    rule_names: tuple[str, ...]
    #: Tells whether the daemon's scheduler is running; None when served alone (`serve`).
    scheduler_running: Callable[[], bool] | None = None

    def today(self) -> dt.date:
        """The current day by the clock passed in."""
        return self.clock.now().astimezone(dt.UTC).date()
