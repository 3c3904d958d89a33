"""The web server's ASGI application: routes, error handling, headers, the token gate.

    app = build_app(settings, engine, clock=SystemClock(), bind="127.0.0.1")

Every route answers GET (and HEAD) only: nothing served writes anything.
Handlers are plain functions, which Starlette runs in its thread pool, so a
slow database read never stalls the event loop. Our errors are caught here,
at the edge: a bad request is a 400 or 404 with a reason (a JSON object
under /api/, a page elsewhere), a database that does not answer a 503.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from importlib import resources

from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from monitor.clock import Clock
from monitor.config import Settings
from monitor.errors import InputError, MonitorError
from monitor.log import EventStore
from monitor.web import api, pages
from monitor.web.access import TokenGate, access_token
from monitor.web.calendar import deadlines_calendar
from monitor.web.context import WebContext, make_templates
from monitor.web.openapi import openapi_document
from monitor.web.ops import LagWatch, metrics_registry, metrics_text, readiness
from monitor.web.query import NotFound, int_param, only_known
from monitor.web.reads import Reader

#: Pages carry no script and load nothing from elsewhere; a script smuggled into a title could not run.
PAGE_POLICY = (
    "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
CALENDAR_DAYS = 90

Handler = Callable[[WebContext, Request], Response]


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def _error(ctx: WebContext, request: Request, status_code: int, reason: str, hint: str | None = None) -> Response:
    if _is_api(request) or request.url.path in {"/openapi.json", "/calendar.ics", "/metrics", "/readyz"}:
        return api.error_json(status_code, reason, hint)
    return _secured(pages.error_page(ctx, status_code, reason + (f" ({hint})" if hint else "")))


def _secured(response: Response) -> Response:
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "no-referrer"
    if response.media_type == "text/html":
        response.headers["Content-Security-Policy"] = PAGE_POLICY
    return response


def _endpoint(ctx: WebContext, handler: Handler) -> Callable[[Request], Response]:
    def endpoint(request: Request) -> Response:
        try:
            return _secured(handler(ctx, request))
        except NotFound as exc:
            return _error(ctx, request, 404, exc.message, exc.hint)
        except InputError as exc:
            return _error(ctx, request, 400, exc.message, exc.hint)
        except (MonitorError, SQLAlchemyError) as exc:
            reason = exc.message if isinstance(exc, MonitorError) else "the database did not answer"
            return _error(ctx, request, 503, reason)

    endpoint.__name__ = handler.__name__
    return endpoint


def _openapi(ctx: WebContext, request: Request) -> Response:
    only_known(request.query_params, ())
    return api.JsonResponse(openapi_document())


def _calendar(ctx: WebContext, request: Request) -> Response:
    from monitor.digest.content import upcoming_deadlines

    params = request.query_params
    only_known(params, ("subscription", "days"))
    days = int_param(params, "days", CALENDAR_DAYS, low=1, high=366)
    subscription = None
    name = params.get("subscription")
    if name:
        chosen = [s for s in ctx.settings.subscriptions if s.name == name]
        if not chosen:
            known = ", ".join(s.name for s in ctx.settings.subscriptions) or "none"
            raise NotFound(f"no subscription {name!r}", hint=f"known: {known}")
        subscription = chosen[0]
    found = upcoming_deadlines(ctx.reader.measures(), ctx.today(), days)
    base = ctx.settings.web.base_url or str(request.base_url)
    body = deadlines_calendar(found, base_url=base, stamp=ctx.clock.now(), subscription=subscription)
    return Response(
        body,
        media_type="text/calendar",
        headers={"Content-Disposition": 'inline; filename="trade-monitor-deadlines.ics"'},
    )


def _healthz(ctx: WebContext, request: Request) -> Response:
    return api.JsonResponse({"status": "ok"})


def build_app(
    settings: Settings,
    engine: Engine,
    *,
    clock: Clock,
    bind: str = "127.0.0.1",
    scheduler_running: Callable[[], bool] | None = None,
) -> Starlette:
    """The application serving the pages, the API, the calendar and the operations endpoints.

    Raises ConfigError when `bind` is not loopback and no access token is configured.
    """
    token = access_token(settings, bind)
    store = EventStore(engine, clock)  # only read: the clock would date appends, and none is made
    reader = Reader(settings, engine, store, clock)
    ctx = WebContext(
        settings=settings,
        reader=reader,
        clock=clock,
        templates=make_templates(),
        rule_names=_rule_names(settings),
        scheduler_running=scheduler_running,
    )
    watch = LagWatch(clock, dt.timedelta(seconds=settings.web.stuck_after_s))
    registry = metrics_registry(reader)

    def readyz(ctx: WebContext, request: Request) -> Response:
        running = ctx.scheduler_running() if ctx.scheduler_running is not None else None
        verdict = readiness(ctx.reader, watch, running)
        return api.JsonResponse(
            {"ready": verdict.ready, "checks": verdict.checks}, status_code=200 if verdict.ready else 503
        )

    def metrics(ctx: WebContext, request: Request) -> Response:
        return Response(metrics_text(registry), media_type="text/plain; version=0.0.4; charset=utf-8")

    routes: list[tuple[str, Handler]] = [
        ("/", pages.measures_page),
        ("/measures/{measure_id:path}", pages.measure_page),
        ("/deadlines", pages.deadlines_page),
        ("/alerts", pages.alerts_page),
        ("/feeds", pages.feeds_page),
        ("/api/v1/measures", api.measures),
        ("/api/v1/measures/{measure_id:path}", api.measure),
        ("/api/v1/alerts", api.alerts),
        ("/api/v1/deadlines", api.deadlines),
        ("/api/v1/feeds", api.feeds),
        ("/api/v1/status", api.status),
        ("/openapi.json", _openapi),
        ("/calendar.ics", _calendar),
        ("/healthz", _healthz),
        ("/readyz", readyz),
        ("/metrics", metrics),
    ]
    static = StaticFiles(directory=str(resources.files("monitor.web").joinpath("static")))

    async def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        reason = {404: "no such page", 405: "this server only reads: use GET"}.get(exc.status_code, exc.detail)
        response = _error(ctx, request, exc.status_code, reason)
        if exc.headers:
            response.headers.update(exc.headers)
        return response

    app = Starlette(
        routes=[Route(path, _endpoint(ctx, handler), methods=["GET"]) for path, handler in routes]
        + [Mount("/static", app=static, name="static")],
        exception_handlers={HTTPException: http_error},
    )
    app.add_middleware(TokenGate, token=token)
    app.state.context = ctx
    return app


def _rule_names(settings: Settings) -> tuple[str, ...]:
    # Rule files with errors are left out here; `rules check` reports them.
    from monitor.rules.loader import load_rule_set

    try:
        return tuple(r.name for r in load_rule_set(settings).rules)
    except MonitorError:
        return ()


__all__ = ["build_app"]
