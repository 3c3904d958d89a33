"""The JSON the API answers with: the same objects, with the same keys, as the commands' `--format json`.

`measure_json`, `alert_json` and `evidence_json` write what `state` and
`alerts` write (README, "JSON output"); the API adds only what paging needs
(`position`, `next_after`, `page`). Dates and times are ISO 8601 strings.
"""

from __future__ import annotations

from typing import Any

from monitor.digest.content import Deadline
from monitor.events.alerts import AlertRaised
from monitor.measures.shapes import evidence_json, iso, measure_json
from monitor.rules.shapes import alert_json as rules_alert_json
from monitor.web.reads import HistoryEntry


def alert_json(a: AlertRaised, position: int) -> dict[str, Any]:
    """One alert as `alerts --format json` writes it, with the log position it was recorded at."""
    return {**rules_alert_json(a), "position": position}


def history_json(h: HistoryEntry) -> dict[str, Any]:
    """One event of a measure's history."""
    e = h.event
    return {
        "position": h.position,
        "type": h.type,
        "kind": e.kind,
        "day": iso(e.day),
        "rate": e.rate,
        "previous_rate": e.previous_rate,
        "status": e.status,
        "until": iso(e.until),
        "previous_until": iso(e.previous_until),
        "effective": iso(e.effective),
        "outlet": h.outlet,
        "sources": e.sources,
        "official": e.official,
        "confidence": e.confidence,
        "evidence": evidence_json((e.evidence,))[0],
    }


def deadline_json(d: Deadline) -> dict[str, Any]:
    """One deadline ahead: the day, what falls due, and the measure with its evidence."""
    return {"date": iso(d.date), "days_left": d.days_left, "what": d.what, "measure": measure_json(d.measure)}
