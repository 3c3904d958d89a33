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


def alert_key(rule: str, measure_id: str, value: str) -> str:
    """Rule + measure + the value that triggered it: the same key is the same alert."""
    return f"{rule}:{measure_id}:{value}"


@dataclass(frozen=True, kw_only=True)
class Judge:
    """What evaluating needs besides the rule and the signal."""

    clock: Clock
    severity: dict[str, str]
    silences: Sequence[SilenceAdded] = ()

    def run(self, rule: Rule, signal: Signal, state: MeasureState | None) -> list[AlertRaised]:
        """The alerts `rule` raises on `signal` (none when it fails: logged, then skipped)."""
        try:
            out = rule.function(signal, state, self.clock)
            found = _alerts(out)
        except Exception:  # a user's rule may fail in any way: report it by name, go on with the others
            log.exception(
                "rule %r (%s) failed on %s for %s; skipped", rule.name, rule.origin, signal.name, signal.measure_id
            )
            return []
        return [self._raised(rule, signal, state, a) for a in found]

    def _raised(self, rule: Rule, signal: Signal, state: MeasureState | None, alert: Alert) -> AlertRaised:
        severity = self.severity.get(rule.name) or alert.severity or rule.severity
        if severity not in SEVERITIES:
            log.warning("rule %r gave severity %r; using %r", rule.name, severity, rule.severity)
            severity = rule.severity
        now = self.clock.now()
        details = {"signal": signal.name, **alert.details}
        if signal.layer:
            details["layer"] = signal.layer
        if signal.lead_days is not None:
            details["lead_days"] = str(signal.lead_days)
        return AlertRaised(
            key=alert_key(rule.name, signal.measure_id, alert.value or signal.value),
            rule=rule.name,
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
            silenced_by=silence_for(list(self.silences), rule.name, signal, now.date()),
            details=details,
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
