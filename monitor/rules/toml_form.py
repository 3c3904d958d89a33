"""The declarative form of user rules: `[[rule]]` tables in a TOML file.

    [[rule]]
    name = "japan_autos"                 # required, unique (as for @rule)
    signals = ["new_rate", "rate_change"] # required: built-in signal names
    severity = "critical"                 # info | warning | critical (default warning)
    imposers = ["US"]                     # filters: empty or absent matches all
    targets = ["JP"]
    sectors = ["autos"]
    kinds = ["tariff"]                    # fact kinds: tariff, pause, lift, relief, negotiation, deal
    min_rate = 20                         # the rate is at least this
    min_change = 5                        # the rate moved by at least this many points
    days_before = [30, 3]                 # pause_expiring lead times (default: rules.pause_expiring_days)
    when = "rate > previous_rate * 1.5"   # a sandboxed Jinja2 expression over the signal's fields
    min_sources = 2                       # only once this many independent sources state it
    official_only = true                  # only when an official source states it
    min_confidence = 0.8                  # only facts the extractor read with at least this confidence

Each table compiles into a `@rule` function (its filters, then `when`) and goes
through the same check as Python rules (`api.checked_rule`). Errors name the
file, the line and the key.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from jinja2 import TemplateSyntaxError
from jinja2.sandbox import ImmutableSandboxedEnvironment

from monitor.clock import Clock
from monitor.events.facts import SECTORS
from monitor.measures.names import known_party
from monitor.measures.state import MeasureState
from monitor.rules.api import SIGNAL_KINDS, Alert, Rule, Signal, checked_rule, rule
from monitor.rules.signals import describe

KEYS = (
    "name",
    "signals",
    "severity",
    "description",
    "imposers",
    "targets",
    "sectors",
    "kinds",
    "min_rate",
    "min_change",
    "days_before",
    "when",
    "min_sources",
    "official_only",
    "min_confidence",
)
_LIST_KEYS = ("imposers", "targets", "sectors", "kinds")
_KINDS = sorted(set(SIGNAL_KINDS.values()))
_HEADER = re.compile(r"^\s*\[\[\s*rule\s*\]\]")
_TOML_LINE = re.compile(r"line (\d+)")
_ENV = ImmutableSandboxedEnvironment()


class _Locator:
    """Finds the line of a key of the n-th [[rule]] table (tomllib gives no positions)."""

    def __init__(self, text: str) -> None:
        self.lines = text.splitlines()
        self.headers = [i for i, line in enumerate(self.lines) if _HEADER.match(line)]

    def line(self, index: int, key: str | None = None) -> int:
        if index >= len(self.headers):
            return 1
        start = self.headers[index]
        end = self.headers[index + 1] if index + 1 < len(self.headers) else len(self.lines)
        if key is not None:
            pattern = re.compile(rf"^\s*{re.escape(key)}\s*=")
            for i in range(start, end):
                if pattern.match(self.lines[i]):
                    return i + 1
        return start + 1


def load_toml_rules(path: Path, *, shown: str, default_days: tuple[int, ...]) -> tuple[list[Rule], list[str]]:
    """The rules of one TOML file, and every problem found (as "file:line: key ...: reason")."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        return [], [f"{shown}: cannot read: {exc.strerror}"]
    try:
        table = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        at = _TOML_LINE.search(str(exc))
        return [], [f"{shown}:{at.group(1) if at else 1}: not valid TOML: {exc}"]
    where = _Locator(text)
    errors: list[str] = []
    extra = sorted(set(table) - {"rule"})
    if extra:
        errors.append(f"{shown}:1: key {extra[0]!r} is not known; rules go in [[rule]] tables")
    entries = table.get("rule", [])
    if not isinstance(entries, list) or not entries:
        errors.append(f"{shown}:1: key 'rule': expected one or more [[rule]] tables")
        return [], errors
    rules = []
    for index, entry in enumerate(entries):
        found, problems = _one(entry, index, shown=shown, where=where, default_days=default_days)
        errors.extend(problems)
        if found is not None:
            rules.append(found)
    return rules, errors


def _one(
    entry: dict[str, Any], index: int, *, shown: str, where: _Locator, default_days: tuple[int, ...]
) -> tuple[Rule | None, list[str]]:
    # The TOML-only keys (filters, limits, `when`) are checked here; the declaration every rule
    # has (name, signals, severity, days_before) and the function go through `checked_rule`.
    problems: list[tuple[int, str]] = []

    def bad(key: str, reason: str) -> None:
        line = where.line(index, key)
        problems.append((line, f"{shown}:{line}: key 'rule[{index}].{key}' {reason}"))

    for key in entry:
        if key not in KEYS:
            bad(key, f"is not known (expected one of: {', '.join(KEYS)})")
    filters: dict[str, frozenset[str]] = {}
    for key in _LIST_KEYS:
        value = entry.get(key, [])
        if not isinstance(value, list) or any(not isinstance(v, str) for v in value):
            bad(key, f"must be a list of strings, got {value!r}")
            continue
        if key == "kinds" and any(v not in _KINDS for v in value):
            bad(key, f"must list kinds among {', '.join(_KINDS)}, got {value!r}")
        if key in ("imposers", "targets"):
            unknown = [v for v in value if not known_party(v)]
            if unknown:
                bad(key, f"names {unknown[0]!r}, not a country code (ISO 3166-1 alpha-2), EU or *")
        if key == "sectors" and any(v not in SECTORS for v in value):
            wrong = next(v for v in value if v not in SECTORS)
            bad(key, f"names {wrong!r}, not a sector (one of: {', '.join(SECTORS)})")
        filters[key] = frozenset(v if key == "sectors" else v.upper() for v in value)
    limits: dict[str, float | None] = {}
    for key in ("min_rate", "min_change"):
        value = entry.get(key)
        if value is not None and (isinstance(value, bool) or not isinstance(value, int | float)):
            bad(key, f"must be a number, got {value!r}")
            value = None
        limits[key] = value
    condition: Callable[..., Any] | None = None
    when = entry.get("when")
    if when is not None:
        if not isinstance(when, str):
            bad("when", f"must be a string holding an expression, got {when!r}")
        else:
            try:
                condition = _ENV.compile_expression(when, undefined_to_none=True)
            except TemplateSyntaxError as exc:
                bad("when", f"is not a valid expression: {exc.message}")
    description = entry.get("description", "")
    if not isinstance(description, str):
        bad("description", "must be a string")
        description = ""
    # As written: the check names what is wrong with them.
    name: Any = entry.get("name")
    signals: Any = entry.get("signals")
    if not description and isinstance(signals, list) and all(isinstance(s, str) for s in signals):
        description = f"{', '.join(signals)} filtered"

    function = rule(
        name=name,
        signals=signals,
        severity=entry.get("severity", "warning"),
        days_before=entry.get("days_before", list(default_days)),
        description=description,
        min_sources=entry.get("min_sources", 0),
        official_only=entry.get("official_only", False),
        min_confidence=entry.get("min_confidence", 0.0),
    )(_matcher(filters, limits["min_rate"], limits["min_change"], condition))
    found, declared = checked_rule(function, form="toml", origin=f"{shown}:{where.line(index)}")
    for key, reason in declared:
        bad(key, reason)
    if problems:
        return None, [text for _, text in sorted(problems, key=lambda p: p[0])]
    return found, []


def _matcher(
    filters: dict[str, frozenset[str]],
    min_rate: float | None,
    min_change: float | None,
    condition: Callable[..., Any] | None,
) -> Callable[[Signal, MeasureState | None, Clock], Alert | None]:
    # The rule function a [[rule]] table compiles into: its filters, then `when`.
    def matches(signal: Signal, state: MeasureState | None, clock: Clock) -> Alert | None:
        if signal.parties:
            # Talks and deals: a party filter matches any party named.
            named = set(signal.parties)
            if filters.get("imposers") and not named & filters["imposers"]:
                return None
            if filters.get("targets") and not named & filters["targets"]:
                return None
        else:
            if filters.get("imposers") and signal.imposer.upper() not in filters["imposers"]:
                return None
            if filters.get("targets") and signal.target.upper() not in filters["targets"] and signal.target != "*":
                return None
        if filters.get("sectors") and signal.sector not in filters["sectors"]:
            return None
        if filters.get("kinds") and SIGNAL_KINDS[signal.name] not in filters["kinds"]:
            return None
        if min_rate is not None and (signal.rate is None or signal.rate < min_rate):
            return None
        if min_change is not None and (signal.change is None or abs(signal.change) < min_change):
            return None
        if condition is not None and not condition(**signal.variables()):
            return None
        return Alert(summary=describe(signal))

    return matches
