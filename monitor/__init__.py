"""trade-monitor: reads the news for trade-policy facts and keeps them in an event log."""

from __future__ import annotations

__version__ = "0.1.0"
