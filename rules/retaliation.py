"""Example rules in the Python form: copy this file into your rules folder and edit it.

A rule is a function decorated with `@rule`; it receives the signal (what
happened, see `monitor.rules.api.Signal`), the measure's state (or None) and
the clock, and returns an Alert, a list of Alerts, or None.
"""

from __future__ import annotations

from monitor.clock import Clock
from monitor.measures.state import MeasureState
from monitor.rules.api import Alert, Signal, rule


@rule(name="retaliation_on_us_goods", signals=["new_rate", "rate_change", "threatened"], severity="warning")
def retaliation(signal: Signal, state: MeasureState | None, clock: Clock) -> Alert | None:
    """Another country's tariff on goods from the United States."""
    if signal.target != "US" or signal.imposer == "US":
        return None
    goods = signal.sector or "all goods"
    rate = "an unstated rate" if signal.rate is None else f"{signal.rate:g}%"
    return Alert(summary=f"{signal.imposer} tariff on US {goods}: {rate} ({signal.name.replace('_', ' ')})")


@rule(name="long_running_pause_ends", signals=["pause_expiring"], severity="critical", days_before=[3])
def long_pause(signal: Signal, state: MeasureState | None, clock: Clock) -> Alert | None:
    """Three days' notice before a pause that has held for more than 60 days ends."""
    if state is None or state.first_seen is None or signal.until is None:
        return None
    if (signal.until - state.first_seen).days <= 60:
        return None
    return Alert(summary=f"A long pause ends on {signal.until}: {signal.measure_id} at {signal.rate}%")
