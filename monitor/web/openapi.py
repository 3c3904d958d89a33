"""The OpenAPI 3.1 document of the JSON API, served at /openapi.json.

Written out here rather than generated: the shapes are the commands' JSON
(README, "JSON output"), which no framework model describes, and the tests
check every answer of the API against this document.
"""

from __future__ import annotations

from typing import Any

from monitor import __version__
from monitor.config import SEVERITIES
from monitor.digest.content import DEADLINE_KINDS
from monitor.web.query import DEADLINE_WINDOWS, MAX_PER_PAGE, STATUSES

_DATE = {"type": ["string", "null"], "format": "date"}
_TIME = {"type": ["string", "null"], "format": "date-time"}
_NUM = {"type": ["number", "null"]}
_STR = {"type": ["string", "null"]}


def _obj(props: dict[str, Any]) -> dict[str, Any]:
    return {"type": "object", "required": list(props), "properties": props}


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


SCHEMAS: dict[str, Any] = {
    "Evidence": _obj(
        {"article": {"type": "string"}, "url": _STR, "sentence": {"type": "string"}, "title": _STR, "published": _DATE}
    ),
    "Measure": _obj(
        {
            "measure_id": {"type": "string"},
            "imposer": {"type": "string"},
            "target": {"type": "string"},
            "sector": _STR,
            "layer": _STR,
            "rate": _NUM,
            "previous_rate": _NUM,
            "threatened_rate": _NUM,
            "status": {"type": "string", "enum": list(STATUSES)},
            "pause_until": _DATE,
            "expires": {**_DATE, "description": "The tariff's last day in force, when the news gave one."},
            "effective": _DATE,
            "first_seen": _DATE,
            "last_seen": _DATE,
            "sources": {"type": "integer"},
            "official": {"type": "boolean"},
            "confidence": {"type": "number", "minimum": 0, "maximum": 1},
            "unconfirmed_rate": _NUM,
            "evidence": {"type": "array", "items": _ref("Evidence")},
        }
    ),
    "Alert": _obj(
        {
            "key": {"type": "string"},
            "rule": {"type": "string"},
            "severity": {"type": "string"},
            "measure_id": _STR,
            "imposer": _STR,
            "target": _STR,
            "sector": _STR,
            "kind": _STR,
            "rate": _NUM,
            "previous_rate": _NUM,
            "until": _DATE,
            "raised_at": {"type": "string", "format": "date-time"},
            "summary": {"type": "string"},
            "silenced_by": _STR,
            "evidence": {"type": "array", "items": _ref("Evidence")},
            "details": {"type": "object", "additionalProperties": {"type": "string"}},
            "position": {"type": "integer"},
        }
    ),
    "HistoryEvent": _obj(
        {
            "position": {"type": "integer"},
            "type": {"type": "string"},
            "kind": {"type": "string"},
            "day": {"type": "string", "format": "date"},
            "rate": _NUM,
            "previous_rate": _NUM,
            "status": _STR,
            "until": _DATE,
            "previous_until": _DATE,
            "effective": _DATE,
            "outlet": _STR,
            "sources": {"type": "integer", "minimum": 1},
            "official": {"type": "boolean"},
            "confidence": {"type": "number", "minimum": 0, "maximum": 1},
            "evidence": _ref("Evidence"),
        }
    ),
    "Deadline": _obj(
        {
            "date": {"type": "string", "format": "date"},
            "days_left": {"type": "integer"},
            "what": {"type": "string", "enum": list(DEADLINE_KINDS)},
            "measure": _ref("Measure"),
        }
    ),
    "Feed": _obj(
        {
            "name": {"type": "string"},
            "url": {"type": "string"},
            "status": {"type": "string", "enum": ["ok", "failing", "never_polled", "disabled"]},
            "last_success": _TIME,
            "last_error": {
                "oneOf": [
                    {"type": "null"},
                    _obj({"at": _TIME, "reason": {"type": "string"}}),
                ]
            },
            "consecutive_failures": {"type": "integer"},
            "next_poll": _TIME,
            "articles": {"type": "integer"},
        }
    ),
    "Status": _obj(
        {
            "database": {"type": "string", "description": "The database URL, without its password."},
            "schema_revision": _STR,
            "events": {"type": "integer"},
            "last_position": {"type": "integer"},
            "integrity": _obj(
                {
                    "intact": {"type": "boolean"},
                    "checked_events": {"type": "integer"},
                    "missing_triggers": {"type": "array", "items": {"type": "string"}},
                    "first_break": {
                        "oneOf": [
                            {"type": "null"},
                            _obj(
                                {
                                    "position": {"type": "integer"},
                                    "stream_id": _STR,
                                    "check": {"type": "string"},
                                    "reason": {"type": "string"},
                                }
                            ),
                        ]
                    },
                }
            ),
            "projections": {
                "type": "array",
                "items": _obj(
                    {
                        "name": {"type": "string"},
                        "checkpoint": {"type": "integer"},
                        "lag": {"type": "integer"},
                        "stuck": {
                            "oneOf": [
                                {"type": "null"},
                                _obj(
                                    {
                                        "position": {"type": "integer"},
                                        "type": {"type": "string"},
                                        "stream_id": {"type": "string"},
                                        "reason": {"type": "string"},
                                        "since": {"type": "string", "format": "date-time"},
                                    }
                                ),
                            ]
                        },
                    }
                ),
            },
            "held": {
                "type": "array",
                "description": "Bursts of alerts the mass-change guard holds until `alerts release`.",
                "items": _obj(
                    {
                        "first_position": {"type": "integer"},
                        "last_position": {"type": "integer"},
                        "alerts": {"type": "integer"},
                        "raised_at": {"type": "string", "format": "date-time"},
                    }
                ),
            },
            "daemon": _obj({"last_poll": _TIME, "last_tick": _TIME, "last_digest": _TIME}),
            "daemons": _obj(
                {
                    "mode": {"type": "string", "enum": ["single", "shared"]},
                    "leader": _STR,
                    "leader_expires": _TIME,
                    "members": {"type": "array", "items": _ref("Daemon")},
                }
            ),
        }
    ),
    "Daemon": {
        "type": "object",
        "description": "On SQLite (`single`) only daemon, alive, leader and polling; on PostgreSQL all of them.",
        "required": ["daemon", "alive", "leader", "polling"],
        "properties": {
            "daemon": {"type": "string"},
            "alive": {"type": "boolean"},
            "leader": {"type": "boolean"},
            "polling": {"type": "integer"},
            "host": {"type": "string"},
            "pid": {"type": "integer"},
            "started_at": {"type": "string", "format": "date-time"},
            "seen_at": {"type": "string", "format": "date-time"},
        },
        "additionalProperties": False,
    },
    "Error": _obj(
        {
            "error": _obj(
                {"status": {"type": "integer"}, "reason": {"type": "string"}, "hint": {"type": ["string", "null"]}}
            )
        }
    ),
}

_NEXT = {"type": ["integer", "null"], "description": "Pass as `after` for the next page; null on the last."}
RESPONSES: dict[str, dict[str, Any]] = {
    "/api/v1/measures": _obj(
        {
            "as_of": _DATE,
            "today": _DATE,
            "measures": {"type": "array", "items": _ref("Measure")},
            "page": {"type": "integer"},
            "pages": {"type": "integer"},
            "total": {"type": "integer"},
            "log_position": {"type": "integer"},
        }
    ),
    "/api/v1/measures/{measure_id}": _obj(
        {
            "measure": {"oneOf": [{"type": "null"}, _ref("Measure")]},
            "events": {"type": "array", "items": _ref("HistoryEvent")},
            "next_after": _NEXT,
        }
    ),
    "/api/v1/alerts": _obj(
        {
            "alerts": {"type": "array", "items": _ref("Alert")},
            "next_after": _NEXT,
            "last_position": {"type": "integer"},
        }
    ),
    "/api/v1/deadlines": _obj(
        {
            "today": {"type": "string", "format": "date"},
            "days": {"type": "integer"},
            "deadlines": {"type": "array", "items": _ref("Deadline")},
        }
    ),
    "/api/v1/feeds": _obj({"feeds": {"type": "array", "items": _ref("Feed")}}),
    "/api/v1/status": _ref("Status"),
}


def _param(name: str, schema: dict[str, Any], doc: str, where: str = "query") -> dict[str, Any]:
    return {"name": name, "in": where, "required": where == "path", "schema": schema, "description": doc}


_CODE = {"type": "string", "pattern": "^[A-Za-z0-9*_-]{1,16}$"}
_AFTER = _param("after", {"type": "integer", "minimum": 0}, "Only what was recorded after this log position.")
_LIMIT = _param("limit", {"type": "integer", "minimum": 1, "maximum": MAX_PER_PAGE}, "At most this many items.")
PARAMETERS: dict[str, list[dict[str, Any]]] = {
    "/api/v1/measures": [
        _param("as_of", {"type": "string", "format": "date"}, "The state at the end of this day (YYYY-MM-DD)."),
        _param("imposer", _CODE, "Only measures by this country or bloc (ISO 3166 code, EU)."),
        _param("target", _CODE, "Only measures on this country or bloc."),
        _param("sector", {"type": "string"}, "Only measures on this sector."),
        _param("status", {"type": "string", "enum": list(STATUSES)}, "Only measures with this status."),
        _param("page", {"type": "integer", "minimum": 1}, "Page number (from 1)."),
        _param("per_page", {"type": "integer", "minimum": 1, "maximum": MAX_PER_PAGE}, "Measures per page."),
    ],
    "/api/v1/measures/{measure_id}": [
        _param("measure_id", {"type": "string"}, "The measure's id, e.g. US:CN:steel.", "path"),
        _AFTER,
        _LIMIT,
    ],
    "/api/v1/alerts": [
        _param("since", {"type": "string", "format": "date"}, "Only alerts raised on or after this day."),
        _param("rule", {"type": "string"}, "Only alerts of this rule."),
        _param("severity", {"type": "string", "enum": list(SEVERITIES)}, "Only alerts of this severity."),
        _param("imposer", _CODE, "Only alerts on measures by this country or bloc."),
        _param("target", _CODE, "Only alerts on measures on this country or bloc."),
        _param("sector", {"type": "string"}, "Only alerts on this sector."),
        _AFTER,
        _LIMIT,
    ],
    "/api/v1/deadlines": [
        _param(
            "days",
            {"type": "integer", "minimum": 1, "maximum": max(DEADLINE_WINDOWS)},
            "How many days ahead (the page offers 7, 30 and 90).",
        )
    ],
    "/api/v1/feeds": [],
    "/api/v1/status": [],
}

SUMMARIES = {
    "/api/v1/measures": "Every measure now, or as of a day (`trade-monitor state --format json`)",
    "/api/v1/measures/{measure_id}": "One measure now and every event of its history, with the evidence",
    "/api/v1/alerts": "Alerts in the order raised (`trade-monitor alerts --format json`)",
    "/api/v1/deadlines": "Pauses ending, tariffs taking effect and tariffs expiring in the days ahead",
    "/api/v1/feeds": "Every feed's health (`trade-monitor feeds --format json`)",
    "/api/v1/status": (
        "The log's size, position and integrity, each projection's lag, held alerts and the daemons "
        "(`trade-monitor status --format json`)"
    ),
}


def openapi_document() -> dict[str, Any]:
    """The API's OpenAPI 3.1 document."""
    error = {"content": {"application/json": {"schema": _ref("Error")}}}
    paths: dict[str, Any] = {}
    for path, schema in RESPONSES.items():
        responses: dict[str, Any] = {
            "200": {"description": "OK", "content": {"application/json": {"schema": schema}}},
            "400": {"description": "A parameter is unknown, malformed or names nothing known", **error},
            "401": {"description": "The access token is missing or wrong", **error},
        }
        if path != "/api/v1/feeds" and path != "/api/v1/status":
            responses["404"] = {"description": "No such measure, or a page past the end", **error}
        paths[path] = {
            "get": {
                "operationId": path.removeprefix("/api/v1/").replace("/{measure_id}", "_one").replace("/", "_"),
                "summary": SUMMARIES[path],
                "parameters": PARAMETERS[path],
                "responses": responses,
            }
        }
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "trade-monitor",
            "version": __version__,
            "description": "Read-only: tariff measures, their history and deadlines, alerts, feed health.",
        },
        "components": {
            "schemas": SCHEMAS,
            "securitySchemes": {
                "token": {"type": "http", "scheme": "bearer"},
                "basic": {"type": "http", "scheme": "basic", "description": "Any user name; the token as password."},
            },
        },
        "security": [{}, {"token": []}, {"basic": []}],
        "paths": paths,
    }
