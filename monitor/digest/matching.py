"""Which alerts and measures fall inside a subscription's filter."""

from __future__ import annotations

from monitor.config import SEVERITIES, SubscriptionSettings
from monitor.events.alerts import AlertRaised
from monitor.measures.state import MeasureState


def severity_rank(severity: str | None) -> int:
    """Order of a severity, least severe first; an unknown one counts as the least."""
    try:
        return SEVERITIES.index((severity or "").lower())
    except ValueError:
        return 0


def _within(value: str | None, allowed: tuple[str, ...]) -> bool:
    if not allowed:
        return True
    if value is None:
        return False
    return value.casefold() in {a.casefold() for a in allowed}


def in_scope(sub: SubscriptionSettings, *, imposer: str | None, target: str | None, sector: str | None) -> bool:
    """Whether a measure (imposer, target, sector) is one the subscription watches."""
    return _within(imposer, sub.imposers) and _within(target, sub.targets) and _within(sector, sub.sectors)


def matches(sub: SubscriptionSettings, alert: AlertRaised) -> bool:
    """Whether the subscription takes this alert: not silenced, and inside every filter it sets."""
    if alert.silenced_by:
        return False
    if sub.rules and not set(alert.rules or (alert.rule,)) & set(sub.rules):
        return False
    if alert.sources < sub.min_sources or (sub.official_only and not alert.official):
        return False
    if alert.confidence < sub.min_confidence:
        return False
    if severity_rank(alert.severity) < severity_rank(sub.min_severity):
        return False
    return in_scope(sub, imposer=alert.imposer, target=alert.target, sector=alert.sector)


def measure_in_scope(sub: SubscriptionSettings, state: MeasureState) -> bool:
    """Whether a measure's state belongs in the subscription's digest."""
    return in_scope(sub, imposer=state.imposer, target=state.target, sector=state.sector)
