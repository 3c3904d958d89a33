"""The log's own commands: init, events, status, rebuild, config docs."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import click

from monitor.cli.context import CliContext
from monitor.cli.log_commands import integrity_line
from monitor.cli.output import FORMAT_OPTION, emit_json, emit_table
from monitor.clock import SystemClock
from monitor.config import DEFAULT_CONFIG_NAME, iter_documented, load_settings
from monitor.errors import InputError
from monitor.log import EventReader, Projection, ProjectionRunner, RecordedEvent
from monitor.log.integrity import quick_check

pass_ctx = click.make_pass_decorator(CliContext)


def default_config_text() -> str:
    """The config.toml that `init` writes (shipped inside the package)."""
    return resources.files("monitor").joinpath("default_config.toml").read_text(encoding="utf-8")


@click.command()
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path), default=".")
def init(directory: Path) -> None:
    """Write a working config.toml into DIRECTORY (unless one is there) and create its database."""
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / DEFAULT_CONFIG_NAME
    if path.exists():
        click.echo(f"{path} exists; left as it is")
    else:
        path.write_text(default_config_text(), encoding="utf-8")
        click.echo(f"wrote {path}")
    for folder in ("rules",):
        (directory / folder).mkdir(exist_ok=True)
    ctx = CliContext(str(path))
    try:
        ctx._settings = load_settings(path, os.environ)
        # Opening the engine runs the migrations: the database is created or brought up to date.
        engine = ctx.engine()
        click.echo(f"database ready: {engine.url.render_as_string(hide_password=True)}")
    finally:
        ctx.close()


@click.command()
@click.option("--stream", help="Only events of this stream (exact id, or a prefix ending in '*').")
@click.option("--type", "type_", multiple=True, help="Only events of this type (repeatable).")
@click.option("--after", type=int, default=0, show_default=True, help="Only events after this position.")
@click.option("--limit", type=int, default=100, show_default=True, help="At most this many events (0: all).")
@FORMAT_OPTION
@pass_ctx
def events(ctx: CliContext, stream: str | None, type_: tuple[str, ...], after: int, limit: int, fmt: str) -> None:
    """List the event log in position order.

    JSON: {"events": [{"position", "stream_id", "version", "type", "schema_version",
    "recorded_at", "occurred_at", "idempotency_key", "data", "metadata"}, ...]}
    (times are ISO 8601 in UTC; occurred_at and idempotency_key may be null).
    """
    if limit < 0:
        raise InputError(f"--limit must be 0 or more, not {limit}")
    if after < 0:
        raise InputError(f"--after must be 0 or more, not {after}")
    store = ctx.store(SystemClock())
    prefix = None
    if stream and stream.endswith("*"):
        prefix, stream = stream[:-1], None
    found = store.read_all(
        after=after, types=type_ or None, stream_prefix=prefix, stream_id=stream, limit=limit or None
    )
    if fmt == "json":
        _stream_json("events", (_event_row(e) for e in found))
    else:
        rows = [_event_row(e) for e in found]
        emit_table(rows, ["position", "recorded_at", "stream_id", "version", "type"], empty="(no events)")


def _event_row(e: RecordedEvent) -> dict[str, Any]:
    return {
        "position": e.position,
        "stream_id": e.stream_id,
        "version": e.version,
        "type": e.type,
        "schema_version": e.schema_version,
        "recorded_at": e.recorded_at.isoformat(),
        "occurred_at": e.occurred_at.isoformat() if e.occurred_at else None,
        "idempotency_key": e.idempotency_key,
        "data": e.data,
        "metadata": e.metadata,
    }


def _stream_json(key: str, rows: Iterator[dict[str, Any]]) -> None:
    # One object {key: [...]} written row by row, so `--limit 0` on a log of
    # millions of events needs no more memory than one page of it.
    click.echo(f'{{\n  "{key}": [', nl=False)
    first = True
    for row in rows:
        text = json.dumps(row, ensure_ascii=False, indent=2).replace("\n", "\n    ")
        click.echo(("\n    " if first else ",\n    ") + text, nl=False)
        first = False
    click.echo("\n  ]\n}" if not first else "]\n}")


@click.command("config-docs")
@FORMAT_OPTION
def config_docs(fmt: str) -> None:
    """Every setting of config.toml with its type, default and meaning.

    JSON: {"settings": [{"key", "type", "default", "doc"}, ...]}
    """
    rows = [{"key": k, "type": t, "default": d, "doc": doc} for k, t, d, doc in iter_documented()]
    if fmt == "json":
        emit_json({"settings": rows})
    else:
        emit_table(rows, ["key", "type", "default", "doc"])


def all_projections(ctx: CliContext) -> list[Projection]:
    """Every projection the log feeds, in the order they are rebuilt."""
    from monitor.projections import build_projections

    return build_projections(ctx.settings())


@click.command()
@FORMAT_OPTION
@pass_ctx
def status(ctx: CliContext, fmt: str) -> None:
    """Log size, last position and how far behind each projection is.

    JSON: {"database", "schema_revision", "events", "last_position",
    "integrity": {"intact", "checked_events", "missing_triggers", "first_break"},
    "projections": [{"name", "checkpoint", "lag",
    "stuck": {"position", "type", "stream_id", "reason", "since"} or null}],
    "held": [{"first_position", "last_position", "alerts", "raised_at"}],
    "daemon": {"last_poll", "last_tick", "last_digest"},
    "daemons": {"mode", "leader", "leader_expires", "members": [{"daemon", "alive", "leader", "polling", ...}]}}
    (the database URL without its password; the daemon's times are ISO 8601 UTC, or null for never).
    `GET /api/v1/status` answers the same document (`monitor.status`).
    """
    # Imported here: the other commands of this module do without the digest and sources rooms it reads.
    from monitor.status import read_status

    found = read_status(ctx.settings(), ctx.engine(), ctx.store(SystemClock()), catch_up_outbox=True)
    document = found.to_json()
    if fmt == "json":
        emit_json(document)
        return
    daemon = document["daemon"]
    click.echo(f"database       {found.database}")
    click.echo(f"schema         {found.schema_revision}")
    click.echo(f"events         {found.events}")
    click.echo(f"last position  {found.last_position}")
    click.echo(f"integrity      {integrity_line(found.integrity)}")
    click.echo(f"last poll      {daemon['last_poll'] or 'never'}")
    click.echo(f"last tick      {daemon['last_tick'] or 'never'}")
    click.echo(f"last digest    {daemon['last_digest'] or 'never'}")
    rows = [
        {
            "name": p.name,
            "checkpoint": p.checkpoint,
            "lag": p.lag,
            "stuck_at": f"{p.stuck.position}: {p.stuck.reason}" if p.stuck else None,
        }
        for p in found.projections
    ]
    emit_table(rows, ["name", "checkpoint", "lag", "stuck_at"], empty="(no projections)")
    for burst in found.held:
        click.echo(burst.describe(ctx.settings().delivery.hold_above))
    daemons = found.daemons
    click.echo(f"daemons        {daemons['mode']}; leader: {daemons['leader'] or 'none'}")
    members = daemons["members"]
    if isinstance(members, list) and members:
        emit_table(members, ["daemon", "alive", "leader", "polling"])


@click.command()
@click.option("--projection", "names", multiple=True, help="Rebuild only this projection (repeatable).")
@pass_ctx
def rebuild(ctx: CliContext, names: tuple[str, ...]) -> None:
    """Drop projections and replay the whole log into them."""
    store = ctx.store(SystemClock())
    chosen = [p for p in all_projections(ctx) if not names or p.name in names]
    unknown = set(names) - {p.name for p in chosen}
    if unknown:
        raise InputError(f"no projection named {', '.join(sorted(unknown))}")
    integrity = quick_check(EventReader(ctx.engine()))
    if not integrity["intact"]:
        click.echo(f"warning: the log is {integrity_line(integrity)}; rebuilding from it as it is", err=True)
    for projection in chosen:
        runner = ProjectionRunner(store, projection)
        applied = _with_progress(f"rebuilding {projection.name}", store.last_position(), runner.rebuild)
        click.echo(f"{projection.name}: {applied} events applied")


@click.command()
@pass_ctx
def replay(ctx: CliContext) -> None:
    """Catch every projection up with the log, without dropping anything."""
    store = ctx.store(SystemClock())
    for projection in all_projections(ctx):
        runner = ProjectionRunner(store, projection)
        applied = _with_progress(f"catching up {projection.name}", runner.lag(), runner.run)
        click.echo(f"{projection.name}: {applied} events applied")


def _with_progress(label: str, positions: int, work: Callable[..., int]) -> int:
    # A bar for people at a terminal; nothing in pipes and logs.
    if positions <= 0 or not sys.stderr.isatty():
        return work()
    with click.progressbar(length=positions, label=label, file=sys.stderr) as bar:
        result: int = work(progress=bar.update)
    return result


COMMANDS: list[click.Command] = [init, events, status, rebuild, replay, config_docs]
