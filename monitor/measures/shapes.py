"""Measures as JSON: the objects `state --format json` and the web API's measures answer with.

One definition, so the command line and the API cannot drift apart. Dates are
ISO 8601 strings.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from monitor.events.alerts import Evidence
from monitor.measures.state import MeasureState


def iso(value: dt.date | dt.datetime | None) -> str | None:
    """A date or time as ISO 8601, or None."""
    return value.isoformat() if value is not None else None


def evidence_json(items: tuple[Evidence, ...]) -> list[dict[str, Any]]:
    """Evidence as `alerts` and `state` write it: the article, its link, the sentence, title and day."""
    return [
        {"article": e.article, "url": e.url, "sentence": e.sentence, "title": e.title, "published": iso(e.published)}
        for e in items
    ]


def measure_json(s: MeasureState) -> dict[str, Any]:
    """One measure as `state --format json` writes it (keys documented in the README)."""
    return {
        "measure_id": s.measure_id,
        "imposer": s.imposer,
        "target": s.target,
        "sector": s.sector,
        "layer": s.layer,
        "rate": s.rate,
        "previous_rate": s.previous_rate,
        "threatened_rate": s.threatened_rate,
        "status": s.status,
        "pause_until": iso(s.pause_until),
        "expires": iso(s.expires),
        "effective": iso(s.effective),
        "first_seen": iso(s.first_seen),
        "last_seen": iso(s.last_seen),
        "sources": s.sources,
        "official": s.official,
        "confidence": s.confidence,
        "unconfirmed_rate": s.unconfirmed_rate,
        "evidence": evidence_json(s.evidence),
    }
