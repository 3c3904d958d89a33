"""The JSON the API answers with: the same objects, with the same keys, as the commands' `--format json`.

`measure_json`, `alert_json` and `evidence_json` write what `state` and
`alerts` write (README, "JSON output"); the API adds only what paging needs
(`position`, `next_after`, `page`). Dates and times are ISO 8601 strings.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from monitor.digest.content import Deadline
from monitor.events.alerts import AlertRaised, Evidence
from monitor.measures.state import MeasureState
from monitor.web.reads import HistoryEntry, LogStatus


def iso(value: dt.date | dt.datetime | None) -> str | None:
    """A date or time as ISO 8601, or None."""
    return value.isoformat() if value is not None else None


def evidence_json(items: tuple[Evidence, ...]) -> list[dict[str, Any]]:
    """Evidence as `alerts` and `state` write it."""
    return [
        {"article": e.article, "url": e.url, "sentence": e.sentence, "title": e.title, "published": iso(e.published)}
        for e in items
    ]


def measure_json(s: MeasureState) -> dict[str, Any]:
    """One measure as `state --format json` writes it."""
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
        "effective": iso(s.effective),
        "first_seen": iso(s.first_seen),
        "last_seen": iso(s.last_seen),
        "sources": s.sources,
        "evidence": evidence_json(s.evidence),
    }


def alert_json(a: AlertRaised, position: int) -> dict[str, Any]:
    """One alert as `alerts --format json` writes it, with the log position it was recorded at."""
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
        "position": position,
    }


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
        "evidence": evidence_json((e.evidence,))[0],
    }


def deadline_json(d: Deadline) -> dict[str, Any]:
    """One deadline ahead: the day, what falls due, and the measure with its evidence."""
    return {"date": iso(d.date), "days_left": d.days_left, "what": d.what, "measure": measure_json(d.measure)}


def status_json(s: LogStatus) -> dict[str, Any]:
    """The log's status as `status --format json` writes it."""
    return {
        "database": s.database,
        "schema_revision": s.schema_revision,
        "events": s.events,
        "last_position": s.last_position,
        "projections": [{"name": p.name, "checkpoint": p.checkpoint, "lag": p.lag} for p in s.projections],
    }
