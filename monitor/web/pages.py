"""The HTML pages: measures (now or as of a day), one measure's history, deadlines, alerts, feeds.

Each handler reads through `monitor.web.reads`, filters with
`monitor.web.query` and renders one template. Pages use plain links and GET
forms, so they work without JavaScript; filters live in the address, so a
filtered page can be bookmarked and printed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from starlette.requests import Request
from starlette.responses import HTMLResponse

from monitor.config import SEVERITIES
from monitor.digest.content import upcoming_deadlines
from monitor.measures.state import MeasureState
from monitor.web.context import WebContext, place
from monitor.web.query import (
    ALERT_PARAMS,
    DEADLINE_WINDOWS,
    MEASURE_PARAMS,
    STATUSES,
    NotFound,
    alert_filter,
    int_param,
    measure_filter,
    only_known,
    paginate,
)

GROUPS_PER_PAGE = 50
ALERTS_PER_PAGE = 50


@dataclass(frozen=True, kw_only=True)
class MeasureGroup:
    """One row of the measures page: an imposer, a target and a sector, with every layer standing on them."""

    imposer: str
    target: str
    sector: str | None
    layers: tuple[MeasureState, ...]

    @property
    def last_seen(self) -> dt.date | None:
        """The latest day any layer was reported."""
        days = [s.last_seen for s in self.layers if s.last_seen]
        return max(days) if days else None

    @property
    def sources(self) -> int:
        """Articles behind the layers (an article reporting two layers counts twice)."""
        return sum(s.sources for s in self.layers)


def group_layers(states: Sequence[MeasureState]) -> list[MeasureGroup]:
    """Measures grouped by (imposer, target, sector), in measure id order."""
    groups: dict[tuple[str, str, str | None], list[MeasureState]] = {}
    for s in states:
        groups.setdefault((s.imposer, s.target, s.sector), []).append(s)
    return [MeasureGroup(imposer=i, target=t, sector=c, layers=tuple(ls)) for (i, t, c), ls in groups.items()]


def render(ctx: WebContext, template: str, status_code: int = 200, **values: Any) -> HTMLResponse:
    """A page from its template."""
    html = ctx.templates.get_template(template).render(**values)
    return HTMLResponse(html, status_code=status_code)


def measures_page(ctx: WebContext, request: Request) -> HTMLResponse:
    """`/`: every measure now or as of a day, filtered, one row per imposer/target/sector."""
    params = request.query_params
    only_known(params, (*MEASURE_PARAMS, "page"))
    chosen, states = measure_filter(params, ctx.reader.measures)
    groups = group_layers([s for s in states if chosen.matches(s)])
    page = int_param(params, "page", 1, low=1)
    shown, paging = paginate(groups, page, GROUPS_PER_PAGE)
    return render(
        ctx,
        "measures.html.j2",
        title="Measures" + (f" as of {chosen.as_of.isoformat()}" if chosen.as_of else ""),
        nav="measures",
        filters=chosen,
        groups=shown,
        paging=paging,
        measures=sum(len(g.layers) for g in groups),
        imposers=sorted({s.imposer for s in states}),
        targets=sorted({s.target for s in states}),
        sectors=sorted({s.sector for s in states if s.sector}),
        statuses=STATUSES,
        today=ctx.today(),
    )


def measure_page(ctx: WebContext, request: Request) -> HTMLResponse:
    """`/measures/{id}`: a measure's state now and every event of its history, with the evidence."""
    only_known(request.query_params, ())
    measure_id = request.path_params["measure_id"]
    state = ctx.reader.measure(measure_id)
    history = ctx.reader.history(measure_id)
    if state is None and not history:
        raise NotFound(f"no measure {measure_id!r}", hint="the measures page lists every one")
    first = state or history[0].event
    name = f"{place(first.imposer)} on {place(first.target)}" + (f", {first.sector}" if first.sector else "")
    title = name + (f" ({first.layer})" if first.layer else "")
    return render(
        ctx, "measure.html.j2", title=title, nav="measures", measure_id=measure_id, state=state, history=history
    )


def deadlines_page(ctx: WebContext, request: Request) -> HTMLResponse:
    """`/deadlines`: pauses ending, tariffs taking effect and tariffs expiring in the next 7, 30 or 90 days."""
    params = request.query_params
    only_known(params, ("days",))
    days = int_param(params, "days", 30, low=1, high=max(DEADLINE_WINDOWS))
    today = ctx.today()
    found = upcoming_deadlines(ctx.reader.measures(), today, days)
    return render(
        ctx,
        "deadlines.html.j2",
        title="Deadlines",
        nav="deadlines",
        deadlines=found,
        days=days,
        windows=DEADLINE_WINDOWS,
        today=today,
        until=today + dt.timedelta(days=days),
        subscriptions=[sub.name for sub in ctx.settings.subscriptions],
    )


def alerts_page(ctx: WebContext, request: Request) -> HTMLResponse:
    """`/alerts`: newest first, filtered like the `alerts` command, with evidence and links."""
    params = request.query_params
    only_known(params, (*ALERT_PARAMS, "page"))
    every = ctx.reader.alerts()
    chosen = alert_filter(params, every, ctx.rule_names)
    matching = [p for p in reversed(every) if chosen.matches(p)]
    page = int_param(params, "page", 1, low=1)
    shown, paging = paginate(matching, page, ALERTS_PER_PAGE)
    return render(
        ctx,
        "alerts.html.j2",
        title="Alerts",
        nav="alerts",
        filters=chosen,
        alerts=shown,
        paging=paging,
        rules=sorted({*ctx.rule_names, *(p.alert.rule for p in every)}),
        severities=SEVERITIES,
        imposers=sorted({p.alert.imposer for p in every if p.alert.imposer}),
        targets=sorted({p.alert.target for p in every if p.alert.target}),
        sectors=sorted({p.alert.sector for p in every if p.alert.sector}),
    )


def feeds_page(ctx: WebContext, request: Request) -> HTMLResponse:
    """`/feeds`: every feed's health, the log's position and each projection's lag."""
    only_known(request.query_params, ())
    return render(
        ctx, "feeds.html.j2", title="Feeds", nav="feeds", feeds=ctx.reader.feeds(), status=ctx.reader.status()
    )


def error_page(ctx: WebContext, status_code: int, reason: str) -> HTMLResponse:
    """A page saying what was wrong with the request."""
    return render(
        ctx,
        "error.html.j2",
        status_code=status_code,
        title=f"Error {status_code}",
        nav="",
        reason=reason,
        code=status_code,
    )
