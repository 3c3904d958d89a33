"""The catalogue of projections fed by the log, for `status`, `rebuild` and the daemon."""

from __future__ import annotations

from monitor.config import Settings
from monitor.digest.projection import OutboxProjection
from monitor.log import Projection
from monitor.measures.projection import MeasureProjection


def build_projections(settings: Settings) -> list[Projection]:
    """Every projection, in the order they are caught up (earlier ones may feed later ones)."""
    found: list[Projection] = []
    # Decides facts into measure events and keeps the state of every measure; no clock is
    # given, so decisions are recorded at the time of their fact (nothing reads the wall clock).
    found.append(MeasureProjection())
    # The outbox and the bursts of alerts the mass-change guard watches (monitor/digest/projection.py).
    found.append(OutboxProjection())
    return found
