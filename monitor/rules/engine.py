"""Running rules on a signal: their alerts become AlertRaised events with keys, severities and silences.

A rule that raises, or returns something that is not an Alert, is logged with
its name (and the traceback) and skipped; the other rules go on.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from monitor.clock import Clock
from monitor.config import SEVERITIES
from monitor.events.alerts import AlertRaised, Evidence, SilenceAdded
from monitor.measures.state import MeasureState
from monitor.rules.api import Alert, Rule, Signal
from monitor.rules.silences import silence_for

log = logging.getLogger("monitor.rules")

ALERTS_STREAM = "alerts"
#: How many pieces of evidence an alert carries: the triggering one first, then the measure's newest.
ALERT_EVIDENCE = 3


def alert_key(signal: str, measure_id: str, value: str) -> str:
    """Signal + measure + the value that triggered it: one change is one alert, whichever rules matched."""
    return f"{signal}:{measure_id}:{value}"


@dataclass(frozen=True, kw_only=True)
class Judge:
    """What evaluating needs besides the rules and the signal."""

    clock: Clock
    severity: dict[str, str]
    silences: Sequence[SilenceAdded] = ()

    def run(self, rule: Rule, signal: Signal, state: MeasureState | None) -> list[AlertRaised]:
        """The alerts `rule` alone raises on `signal` (see `evaluate`)."""
        return self.evaluate([rule], signal, state)

    def evaluate(
        self, rules: Sequence[Rule], signal: Signal, state: MeasureState | None, *, demanding_only: bool = False
    ) -> list[AlertRaised]:
        """One alert per distinct value the rules give on `signal`, naming every rule that matched it
        (Alertmanager's group_by: measure and change). A rule asking for more sources, an official one
        or more confidence than the signal has does not match (yet); `demanding_only` runs only those
        rules (a corroboration asks them again). A rule that fails is logged and skipped."""
        grouped: dict[str, list[tuple[Rule, Alert]]] = {}
        for rule in rules:
            if demanding_only and not rule.requires:
                continue
            if not rule.supported(signal):
                continue
            for alert in self._matches(rule, signal, state):
                grouped.setdefault(alert.value or signal.value, []).append((rule, alert))
        return [self._raised(signal, state, value, matches) for value, matches in grouped.items()]

    def _matches(self, rule: Rule, signal: Signal, state: MeasureState | None) -> list[Alert]:
        try:
            return _alerts(rule.function(signal, state, self.clock))
        except Exception:  # a user's rule may fail in any way: report it by name, go on with the others
            log.exception(
                "rule %r (%s) failed on %s for %s; skipped", rule.name, rule.origin, signal.name, signal.measure_id
            )
            return []

    def _severity(self, rule: Rule, alert: Alert) -> str:
        severity = self.severity.get(rule.name) or alert.severity or rule.severity
        if severity not in SEVERITIES:
            log.warning("rule %r gave severity %r; using %r", rule.name, severity, rule.severity)
            severity = rule.severity
        return severity

    def _raised(
        self, signal: Signal, state: MeasureState | None, value: str, matches: list[tuple[Rule, Alert]]
    ) -> AlertRaised:
        now = self.clock.now()
        ranked = sorted(
            ((self._severity(rule, alert), rule, alert) for rule, alert in matches),
            key=lambda m: (-SEVERITIES.index(m[0]), m[1].form == "builtin", m[1].name),
        )
        severity, first, alert = ranked[0]
        details = {"signal": signal.name, **alert.details}
        if signal.layer:
            details["layer"] = signal.layer
        if signal.lead_days is not None:
            details["lead_days"] = str(signal.lead_days)
        silenced = [silence_for(list(self.silences), rule.name, signal, now.date()) for _, rule, _ in ranked]
        return AlertRaised(
            key=alert_key(signal.name, signal.measure_id, value),
            rule=first.name,
            rules=tuple(rule.name for _, rule, _ in ranked),
            severity=severity,
            measure_id=signal.measure_id,
            imposer=signal.imposer,
            target=signal.target,
            sector=signal.sector,
            rate=signal.rate,
            previous_rate=signal.previous_rate,
            until=signal.until,
            summary=alert.summary,
            raised_at=now,
            evidence=_evidence(signal, state),
            kind=signal.kind,
            # Silenced only when every rule that matched is: one silence must not hide another rule's news.
            silenced_by=silenced[0] if all(silenced) else None,
            details=details,
            sources=signal.sources,
            official=signal.official,
            confidence=signal.confidence,
            unconfirmed=signal.unconfirmed,
        )


def _alerts(out: object) -> list[Alert]:
    if out is None:
        return []
    if isinstance(out, Alert):
        return [out]
    if isinstance(out, Iterable) and not isinstance(out, str | bytes | dict):
        items = list(out)
        if all(isinstance(a, Alert) for a in items):
            return items
    raise TypeError(f"a rule must return an Alert, a list of Alerts or None, not {out!r}")


def _evidence(signal: Signal, state: MeasureState | None) -> tuple[Evidence, ...]:
    found = list(signal.evidence)
    for e in reversed(state.evidence if state else ()):
        if len(found) >= ALERT_EVIDENCE:
            break
        # When the rules catch up on a batch, the state already holds later news; an alert
        # about March must not quote July as its evidence.
        if e.published is not None and e.published > signal.day:
            continue
        if not any(f.article == e.article and f.sentence == e.sentence for f in found):
            found.append(e)
    return tuple(found[:ALERT_EVIDENCE])
