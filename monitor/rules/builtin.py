"""The built-in rules, written with the same `@rule` decorator as users' Python rules.

Each alerts on its one signal with the standard summary; `pause_expiring`
takes its lead times from `rules.pause_expiring_days`, `tariff_expiring` from
`rules.tariff_expiring_days` (the loader sets them).
"""

from __future__ import annotations

from collections.abc import Callable

from monitor.clock import Clock
from monitor.measures.state import MeasureState
from monitor.rules.api import Alert, RuleOutput, Signal, rule
from monitor.rules.signals import describe


def _standard(name: str, severity: str, description: str) -> Callable[..., RuleOutput]:
    # A new function per rule: the decorator's mark lives on the function object.
    def alert(signal: Signal, state: MeasureState | None, clock: Clock) -> Alert:
        return Alert(summary=describe(signal))

    alert.__name__ = alert.__qualname__ = name
    days = (7,) if name in ("pause_expiring", "tariff_expiring") else ()
    return rule(name=name, signals=[name], severity=severity, days_before=days, description=description)(alert)


new_rate = _standard("new_rate", "warning", "A first announced or in-force rate on a measure.")
rate_change = _standard("rate_change", "warning", "A measure's rate moved (announced or in force).")
threatened = _standard("threatened", "info", "A rate was threatened.")
pause_started = _standard("pause_started", "warning", "A measure was paused.")
pause_extended = _standard("pause_extended", "info", "A pause's end moved later.")
pause_expiring = _standard(
    "pause_expiring", "warning", "A pause ends within a lead time and nothing has extended or lifted it."
)
pause_expired = _standard("pause_expired", "critical", "A pause's end passed with no extension seen.")
tariff_expiring = _standard(
    "tariff_expiring", "warning", "A tariff's own expiry (its last day in force) is within a lead time."
)
lifted = _standard("lifted", "info", "A measure was removed.")
relief = _standard("relief", "info", "An exemption, exclusion or rebate narrowed a measure.")
deal_reached = _standard("deal_reached", "warning", "A trade agreement was reached.")
talks = _standard("talks", "info", "Trade talks were agreed or held.")
