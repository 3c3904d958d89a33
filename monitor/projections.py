"""The catalogue of projections fed by the log, for `status`, `rebuild` and the daemon."""

from __future__ import annotations

from monitor.config import Settings
from monitor.log import Projection


def build_projections(settings: Settings) -> list[Projection]:
    """Every projection, in the order they are caught up (earlier ones may feed later ones)."""
    found: list[Projection] = []
    return found
