"""The JSON API under /api/v1/: the commands' `--format json` objects, paged, with errors that say why.

Lists in log order page by log position: `after` (the last position seen)
and `limit`, answered with `next_after` (null on the last page). Measures,
which are not events but their sum, page by number (`page`, `per_page`)
and say which log position they reflect (`log_position`).
"""

from __future__ import annotations

from typing import Any

import orjson
from starlette.requests import Request
from starlette.responses import Response

from monitor.digest.content import upcoming_deadlines
from monitor.web.context import WebContext
from monitor.web.query import (
    ALERT_PARAMS,
    DEADLINE_WINDOWS,
    MAX_PER_PAGE,
    MEASURE_PARAMS,
    NotFound,
    alert_filter,
    int_param,
    measure_filter,
    only_known,
    paginate,
)
from monitor.web.shapes import alert_json, deadline_json, history_json, iso, measure_json

DEFAULT_LIMIT = 100


class JsonResponse(Response):
    """A JSON body written by orjson (UTF-8, no escaping of non-ASCII text)."""

    media_type = "application/json"

    def render(self, content: Any) -> bytes:
        return orjson.dumps(content)


def error_json(status_code: int, reason: str, hint: str | None = None) -> JsonResponse:
    """`{"error": {"status", "reason", "hint"}}`."""
    return JsonResponse({"error": {"status": status_code, "reason": reason, "hint": hint}}, status_code=status_code)


def _check_after(ctx: WebContext, after: int) -> int:
    last = ctx.reader.store.last_position()
    if after > last:
        raise NotFound(f"after: position {after} is past the end of the log", hint=f"the last position is {last}")
    return last


def measures(ctx: WebContext, request: Request) -> JsonResponse:
    """`GET /api/v1/measures`: `state --format json`, filtered and paged."""
    params = request.query_params
    only_known(params, (*MEASURE_PARAMS, "page", "per_page"))
    position = ctx.reader.store.last_position()
    chosen, states = measure_filter(params, ctx.reader.measures)
    page = int_param(params, "page", 1, low=1)
    per_page = int_param(params, "per_page", DEFAULT_LIMIT, low=1, high=MAX_PER_PAGE)
    shown, paging = paginate([s for s in states if chosen.matches(s)], page, per_page)
    return JsonResponse(
        {
            "as_of": iso(chosen.as_of),
            # "Now" is the latest news seen from this day (a pause past its end no longer holds).
            "today": None if chosen.as_of else iso(ctx.today()),
            "measures": [measure_json(s) for s in shown],
            "page": paging.number,
            "pages": paging.pages,
            "total": paging.total,
            "log_position": position,
        }
    )


def measure(ctx: WebContext, request: Request) -> JsonResponse:
    """`GET /api/v1/measures/{id}`: the measure now and its history, paged by log position."""
    params = request.query_params
    only_known(params, ("after", "limit"))
    measure_id = request.path_params["measure_id"]
    after = int_param(params, "after", 0, low=0)
    limit = int_param(params, "limit", DEFAULT_LIMIT, low=1, high=MAX_PER_PAGE)
    _check_after(ctx, after)
    state = ctx.reader.measure(measure_id)
    history = ctx.reader.history(measure_id)
    if state is None and not history:
        raise NotFound(f"no measure {measure_id!r}", hint="GET /api/v1/measures lists every one")
    later = [h for h in history if h.position > after]
    shown = later[:limit]
    return JsonResponse(
        {
            "measure": measure_json(state) if state else None,
            "events": [history_json(h) for h in shown],
            "next_after": shown[-1].position if len(later) > limit else None,
        }
    )


def alerts(ctx: WebContext, request: Request) -> JsonResponse:
    """`GET /api/v1/alerts`: `alerts --format json` in the order raised, paged by log position."""
    params = request.query_params
    only_known(params, (*ALERT_PARAMS, "after", "limit"))
    after = int_param(params, "after", 0, low=0)
    limit = int_param(params, "limit", DEFAULT_LIMIT, low=1, high=MAX_PER_PAGE)
    last = _check_after(ctx, after)
    every = ctx.reader.alerts()
    chosen = alert_filter(params, every, ctx.rule_names)
    later = [p for p in every if p.position > after and chosen.matches(p)]
    shown = later[:limit]
    return JsonResponse(
        {
            "alerts": [alert_json(p.alert, p.position) for p in shown],
            "next_after": shown[-1].position if len(later) > limit else None,
            "last_position": last,
        }
    )


def deadlines(ctx: WebContext, request: Request) -> JsonResponse:
    """`GET /api/v1/deadlines`: pauses ending, tariffs taking effect and tariffs expiring in the next `days` days."""
    params = request.query_params
    only_known(params, ("days",))
    days = int_param(params, "days", 30, low=1, high=max(DEADLINE_WINDOWS))
    today = ctx.today()
    found = upcoming_deadlines(ctx.reader.measures(), today, days)
    return JsonResponse({"today": iso(today), "days": days, "deadlines": [deadline_json(d) for d in found]})


def feeds(ctx: WebContext, request: Request) -> JsonResponse:
    """`GET /api/v1/feeds`: `feeds --format json`."""
    only_known(request.query_params, ())
    return JsonResponse({"feeds": [row for row, _ in ctx.reader.feeds()]})


def status(ctx: WebContext, request: Request) -> JsonResponse:
    """`GET /api/v1/status`: `status --format json`, read by the same function (`monitor.status.read_status`)."""
    only_known(request.query_params, ())
    return JsonResponse(ctx.reader.status_document().to_json())
