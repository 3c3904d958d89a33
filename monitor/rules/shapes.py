"""Alerts as JSON: the objects `alerts --format json` and the web API's alerts answer with.

One definition, so the command line and the API cannot drift apart. Dates are
ISO 8601 strings.
"""

from __future__ import annotations

from typing import Any

from monitor.events.alerts import AlertRaised
from monitor.measures.shapes import evidence_json, iso


def alert_json(a: AlertRaised) -> dict[str, Any]:
    """One alert as `alerts --format json` writes it (keys documented in the README)."""
    return {
        "key": a.key,
        "rule": a.rule,
        "severity": a.severity,
        "measure_id": a.measure_id,
        "imposer": a.imposer,
        "target": a.target,
        "sector": a.sector,
        "kind": a.kind,
        "rate": a.rate,
        "previous_rate": a.previous_rate,
        "until": iso(a.until),
        "raised_at": iso(a.raised_at),
        "summary": a.summary,
        "silenced_by": a.silenced_by,
        "evidence": evidence_json(a.evidence),
        "details": dict(a.details),
        "rules": list(a.rules or (a.rule,)),
        "sources": a.sources,
        "official": a.official,
        "confidence": a.confidence,
        "unconfirmed": a.unconfirmed,
        "support": a.confidence_text,
    }
