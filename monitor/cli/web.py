"""The web room's command: serve the read-only pages, JSON API, calendar and metrics."""

from __future__ import annotations

import click

from monitor.cli.context import CliContext
from monitor.clock import SystemClock
from monitor.daemon import configure_logging

pass_ctx = click.make_pass_decorator(CliContext)


@click.command()
@click.option("--bind", metavar="ADDR", help="Address to listen on (default: web.bind, 127.0.0.1).")
@click.option("--port", type=click.IntRange(0, 65535), metavar="N", help="Port to listen on (default: web.port, 8080).")
@pass_ctx
def serve(ctx: CliContext, bind: str | None, port: int | None) -> None:
    """Serve the web pages and JSON API until SIGTERM or Ctrl-C; nothing served writes anything.

    Any address but loopback needs an access token (web.token_env). Pages: / (measures),
    /measures/ID, /deadlines, /alerts, /feeds; API under /api/v1/ (see /openapi.json);
    /calendar.ics, /healthz, /readyz, /metrics.
    """
    from monitor.web.app import build_app
    from monitor.web.server import serve_forever

    settings = ctx.settings()
    configure_logging(settings.daemon)
    address = bind or settings.web.bind
    app = build_app(settings, ctx.engine(), clock=SystemClock(), bind=address)
    serve_forever(app, address, settings.web.port if port is None else port)


COMMANDS: list[click.Command] = [serve]
