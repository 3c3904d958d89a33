"""Fixtures of the digest tests: alerts appended into a real log, settings from TOML we wrote, measure states."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest

from monitor.config import Settings, parse_settings
from monitor.events.alerts import AlertRaised, Evidence
from monitor.log import EventStore, NewEvent
from monitor.measures.state import MeasureState

START = dt.datetime(2025, 4, 2, 12, 0, tzinfo=dt.UTC)


def make_alert(key: str, **overrides: Any) -> AlertRaised:
    """An alert about US steel tariffs on China, with one quoted sentence; fields overridable."""
    evidence = Evidence(
        article=f"art-{key}",
        url=f"https://news.example.org/{key}",
        sentence=f"The commerce office said duties on cold-rolled coil would rise to 25 percent ({key}).",
        title=f"Coil duties climb ({key})",
        published=dt.date(2025, 4, 1),
    )
    fields: dict[str, Any] = {
        "key": key,
        "rule": "rate_change",
        "severity": "warning",
        "measure_id": "US:CN:steel",
        "imposer": "US",
        "target": "CN",
        "sector": "steel",
        "rate": 25.0,
        "previous_rate": 10.0,
        "until": None,
        "summary": f"US raises its steel tariff on China from 10% to 25% ({key})",
        "raised_at": START,
        "evidence": (evidence,),
    }
    fields.update(overrides)
    return AlertRaised(**fields)


def raise_alert(store: EventStore, alert: AlertRaised) -> int:
    """Append the alert the way the rule engine does; return its log position."""
    result = store.append(f"alert-{alert.key}", [NewEvent.of(alert, idempotency_key=f"alert:{alert.key}")])
    return result.positions[0]


def make_state(measure_id: str, **overrides: Any) -> MeasureState:
    """A measure state; fields overridable."""
    fields: dict[str, Any] = {
        "measure_id": measure_id,
        "imposer": "US",
        "target": "CN",
        "sector": "steel",
        "layer": None,
        "rate": 25.0,
        "previous_rate": 10.0,
        "status": "in_effect",
        "pause_until": None,
        "effective": dt.date(2025, 3, 12),
        "first_seen": dt.date(2025, 3, 1),
        "last_seen": dt.date(2025, 4, 1),
        "sources": 2,
    }
    fields.update(overrides)
    return MeasureState(**fields)


StatesFn = Callable[[dt.date], Sequence[MeasureState]]


def states_of(*states: MeasureState) -> StatesFn:
    """A states source handing out the given states whatever the date."""
    return lambda as_of: list(states)


@pytest.fixture
def settings_for(tmp_path: Path) -> Callable[..., Settings]:
    """Build settings from TOML text as if read from `tmp_path/config.toml`."""

    def build(text: str, environ: dict[str, str] | None = None) -> Settings:
        return parse_settings(text, source=tmp_path / "config.toml", environ=environ or {})

    return build
