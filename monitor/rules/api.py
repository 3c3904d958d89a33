"""The rule interface, the same for built-in rules and the rules users write.

A rule is a function that receives a `Signal` (something that happened to a
measure, or a deadline the clock reached), the measure's state and the clock,
and returns alerts (an `Alert`, a list of them, or None). The `@rule`
decorator names it and says which signals it wants:

    from monitor.rules.api import Alert, rule

    @rule(name="steel_over_25", signals=["new_rate", "rate_change"], severity="critical")
    def steel(signal, state, clock):
        if signal.sector == "steel" and (signal.rate or 0) > 25:
            return Alert(summary=f"{signal.imposer} steel tariff on {signal.target} at {signal.rate:g}%")
        return None

Every rule, whatever its form (built-in, Python, TOML), becomes a `Rule` in one
place, `checked_rule`, which checks its declaration and its signature.
"""

from __future__ import annotations

import datetime as dt
import inspect
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from monitor.clock import Clock
from monitor.config import SEVERITIES
from monitor.events.alerts import Evidence
from monitor.measures.state import MeasureState

#: Signals decided from measure events, in the order a measure usually lives them.
EVENT_SIGNALS = (
    "threatened",
    "new_rate",
    "rate_change",
    "pause_started",
    "pause_extended",
    "lifted",
    "relief",
    "talks",
    "deal_reached",
)
#: Signals the clock raises on a tick.
CLOCK_SIGNALS = ("pause_expiring", "pause_expired", "tariff_expiring")
SIGNALS = EVENT_SIGNALS + CLOCK_SIGNALS
#: Which fact kind each signal comes from (the `kinds` filter of TOML rules).
SIGNAL_KINDS = {
    "threatened": "tariff",
    "new_rate": "tariff",
    "rate_change": "tariff",
    "pause_started": "pause",
    "pause_extended": "pause",
    "pause_expiring": "pause",
    "pause_expired": "pause",
    "tariff_expiring": "tariff",
    "lifted": "lift",
    "relief": "relief",
    "talks": "negotiation",
    "deal_reached": "deal",
}


@dataclass(frozen=True, kw_only=True)
class Signal:
    """Something a rule may alert on: what happened, to which measure, with what evidence."""

    name: str
    measure_id: str
    imposer: str
    target: str
    sector: str | None
    layer: str | None
    kind: str
    rate: float | None
    previous_rate: float | None
    status: str | None
    until: dt.date | None
    previous_until: dt.date | None
    effective: dt.date | None
    #: the day it refers to (publication date of the news; the tick's day for clock signals)
    day: dt.date
    evidence: tuple[Evidence, ...]
    #: the log position of the measure event; None for clock signals
    position: int | None = None
    #: for pause_expiring (tariff_expiring): the lead time reached, and the days left until the pause
    #: ends (the tariff expires)
    lead_days: int | None = None
    days_left: int | None = None
    #: the value that makes this signal's alert distinct (part of the alert key)
    value: str = ""
    #: for talks and deals: every party named, sorted
    parties: tuple[str, ...] = ()
    #: independent sources stating it, whether one is official, the extractor's confidence
    sources: int = 1
    official: bool = False
    confidence: float = 1.0
    #: a lone source contradicting a corroborated reading (its alert is held; see docs/rules.md)
    unconfirmed: bool = False

    @property
    def change(self) -> float | None:
        """How many points the rate moved (None unless both rates are known)."""
        if self.rate is None or self.previous_rate is None:
            return None
        return self.rate - self.previous_rate

    def variables(self) -> dict[str, Any]:
        """The names a TOML rule's `when` expression can use."""
        return {
            "signal": self.name,
            "measure": self.measure_id,
            "imposer": self.imposer,
            "target": self.target,
            "sector": self.sector,
            "layer": self.layer,
            "kind": self.kind,
            "rate": self.rate,
            "previous_rate": self.previous_rate,
            "change": self.change,
            "status": self.status,
            "until": self.until,
            "effective": self.effective,
            "day": self.day,
            "lead_days": self.lead_days,
            "days_left": self.days_left,
            "parties": self.parties,
            "sources": self.sources,
            "official": self.official,
            "confidence": self.confidence,
        }


@dataclass(frozen=True, kw_only=True)
class Alert:
    """What a rule returns; the engine adds the measure, the evidence, the key and the time."""

    summary: str
    severity: str | None = None
    #: makes this alert distinct from others of the same rule on the same signal (part of the key)
    value: str | None = None
    details: dict[str, str] = field(default_factory=dict)


RuleOutput = Alert | Iterable[Alert] | None
RuleFunction = Callable[[Signal, MeasureState | None, Clock], RuleOutput]


@dataclass(frozen=True, kw_only=True)
class Rule:
    """A rule as the engine runs it, whatever its form."""

    name: str
    signals: frozenset[str]
    severity: str
    function: RuleFunction
    #: builtin, toml or python
    form: str
    #: where it came from: "builtin", or the file and line
    origin: str
    description: str = ""
    #: for pause_expiring and tariff_expiring: the lead times in days at which it reminds
    days_before: tuple[int, ...] = ()
    #: what the news must have before this rule alerts (0 / False / 0.0: nothing)
    min_sources: int = 0
    official_only: bool = False
    min_confidence: float = 0.0

    @property
    def requires(self) -> bool:
        """Whether it asks more of the news than one source."""
        return self.min_sources > 1 or self.official_only or self.min_confidence > 0

    def supported(self, signal: Signal) -> bool:
        """Whether the signal is as well supported as this rule asks."""
        return (
            signal.sources >= self.min_sources
            and (signal.official or not self.official_only)
            and signal.confidence >= self.min_confidence
        )


@dataclass(frozen=True, kw_only=True)
class RuleMark:
    """What `@rule` attaches to a function, read by the loader."""

    name: str
    signals: tuple[str, ...]
    severity: str
    days_before: tuple[int, ...]
    description: str
    min_sources: Any = 0
    official_only: Any = False
    min_confidence: Any = 0.0


MARK = "__trade_monitor_rule__"
#: What a rule name may be: it is part of every alert key (`rule:measure:value`).
NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,63}")


def rule(
    *,
    name: str,
    signals: Iterable[str],
    severity: str = "info",
    days_before: Iterable[int] = (),
    description: str = "",
    min_sources: int = 0,
    official_only: bool = False,
    min_confidence: float = 0.0,
) -> Callable[[Callable[..., RuleOutput]], Callable[..., RuleOutput]]:
    """Mark a function `(signal, state, clock) -> alerts` as a rule (checked when its file is loaded).

    `min_sources`, `official_only` and `min_confidence` hold its alerts until the news is
    that well supported (a later corroboration can still raise them).
    """

    def mark(fn: Callable[..., RuleOutput]) -> Callable[..., RuleOutput]:
        doc = description or (inspect.getdoc(fn) or "").split("\n", 1)[0]
        setattr(
            fn,
            MARK,
            RuleMark(
                name=name,
                signals=_declared(signals),
                severity=severity,
                days_before=_declared(days_before),
                description=doc,
                min_sources=min_sources,
                official_only=official_only,
                min_confidence=min_confidence,
            ),
        )
        return fn

    return mark


def _declared(value: Any) -> Any:
    # Lists become tuples; anything else is kept as written, for the check to name it.
    if isinstance(value, str) or not isinstance(value, Iterable):
        return value
    return tuple(value)


def _shown(value: Any) -> Any:
    return list(value) if isinstance(value, tuple) else value


def check_mark(mark: RuleMark) -> list[tuple[str, str]]:
    """Problems with a rule's declaration, as (key, what is wrong) pairs."""
    problems: list[tuple[str, str]] = []
    if not isinstance(mark.name, str) or not NAME.fullmatch(mark.name):
        problems.append(
            ("name", f"must be 1 to 64 letters, digits, '_' or '-', starting with a letter or digit, got {mark.name!r}")
        )
    signals = mark.signals
    if not isinstance(signals, tuple) or not signals or any(s not in SIGNALS for s in signals):
        problems.append(("signals", f"must be a non-empty list of {', '.join(SIGNALS)}; got {_shown(signals)!r}"))
    if not isinstance(mark.severity, str) or mark.severity not in SEVERITIES:
        problems.append(("severity", f"must be one of {', '.join(SEVERITIES)}, got {mark.severity!r}"))
    days = mark.days_before
    if not isinstance(days, tuple) or any(not isinstance(d, int) or isinstance(d, bool) or d <= 0 for d in days):
        problems.append(("days_before", f"must be a list of whole numbers of days above 0, got {_shown(days)!r}"))
    if not isinstance(mark.min_sources, int) or isinstance(mark.min_sources, bool) or mark.min_sources < 0:
        problems.append(("min_sources", f"must be a whole number of sources, 0 or more, got {mark.min_sources!r}"))
    if not isinstance(mark.official_only, bool):
        problems.append(("official_only", f"must be true or false, got {mark.official_only!r}"))
    conf = mark.min_confidence
    if isinstance(conf, bool) or not isinstance(conf, int | float) or not 0 <= conf <= 1:
        problems.append(("min_confidence", f"must be a number from 0 to 1, got {conf!r}"))
    return problems


def checked_rule(fn: Callable[..., Any], *, form: str, origin: str) -> tuple[Rule | None, list[tuple[str, str]]]:
    """The rule a `@rule` function declares, or the problems with it as (key, what is wrong) pairs.

    The one path every rule takes to the engine: built-in, Python and TOML rules alike.
    """
    mark = getattr(fn, MARK, None)
    if not isinstance(mark, RuleMark):
        return None, [("function", "is not marked with @rule")]
    problems = check_mark(mark)
    try:
        params = [
            p
            for p in inspect.signature(fn).parameters.values()
            if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)
        ]
        if len(params) != 3:
            problems.append(("function", f"must take (signal, state, clock), takes {len(params)} arguments"))
    except (TypeError, ValueError) as exc:
        problems.append(("function", f"has no readable signature: {exc}"))
    if problems:
        return None, problems
    found = Rule(
        name=mark.name,
        signals=frozenset(mark.signals),
        severity=mark.severity,
        function=fn,
        form=form,
        origin=origin,
        description=mark.description,
        days_before=mark.days_before,
        min_sources=mark.min_sources,
        official_only=mark.official_only,
        min_confidence=float(mark.min_confidence),
    )
    return found, []
