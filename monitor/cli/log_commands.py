"""The log's integrity commands: `verify`, and `projections skip` for a projection stuck on an event.

`integrity_line` is what `status` (and `rebuild`) print for people of `monitor.log.integrity.quick_check`.
"""

from __future__ import annotations

from typing import Any

import click

from monitor.cli.context import CliContext
from monitor.cli.output import FORMAT_OPTION, emit_json
from monitor.clock import clock_for
from monitor.errors import InputError
from monitor.log import EventReader, ProjectionRunner
from monitor.log.integrity import Verification, verify

pass_ctx = click.make_pass_decorator(CliContext)


@click.command("verify")
@click.option(
    "--tail",
    type=int,
    default=None,
    metavar="N",
    help="Check only the newest N events (their chain and positions), the triggers and the checkpoints.",
)
@FORMAT_OPTION
@pass_ctx
def verify_command(ctx: CliContext, tail: int | None, fmt: str) -> None:
    """Check the log's integrity and say where it breaks; exit 1 when it does.

    Checks positions, that each stream's versions run 1, 2, 3..., each event's
    link in the hash chain, that no projection is past the log's end, and that
    the append-only triggers are in place.

    JSON: {"intact", "database", "whole", "events", "first_position", "last_position",
    "chain_starts_at", "unchained_events", "head", "missing_triggers",
    "first_break": {"position", "stream_id", "check", "reason"} or null, "break_count", "breaks": [...]}
    """
    if tail is not None and tail < 1:
        raise InputError(f"--tail must be 1 or more, not {tail}")
    found = verify(EventReader(ctx.engine()), tail=tail)
    if fmt == "json":
        emit_json(found.to_json())
    else:
        _print(found)
    if not found.intact:
        click.get_current_context().exit(1)


def _print(found: Verification) -> None:
    click.echo(f"database        {found.database}")
    span = f" (positions {found.first_position} to {found.last_position})" if found.events else ""
    click.echo(f"events checked  {found.events}{span}{'' if found.whole else ', the newest only'}")
    if found.chain_starts_at is None:
        click.echo("chain           none yet" if found.events else "chain           (empty log)")
    elif found.unchained:
        click.echo(
            f"chain           from position {found.chain_starts_at} "
            f"({found.unchained} events before it were recorded before the chain began)"
        )
    else:
        click.echo(f"chain           from position {found.chain_starts_at}")
    if found.head is not None:
        click.echo(f"head            position {found.last_position}, {found.head}")
    if found.missing_triggers:
        click.echo(f"triggers        MISSING: {', '.join(found.missing_triggers)} (the log is not protected)")
    else:
        click.echo("triggers        all in place")
    first = found.first_break
    if first is None:
        click.echo("intact          yes" if found.intact else "intact          no")
        return
    where = f" (stream {first.stream_id!r})" if first.stream_id is not None else ""
    click.echo(f"intact          NO: broken at position {first.position}{where}: {first.reason}")
    for extra in found.breaks[1:]:
        click.echo(f"                also at position {extra.position}: {extra.reason}")
    if found.break_count > len(found.breaks):
        click.echo(f"                and {found.break_count - len(found.breaks)} more")


def integrity_line(summary: dict[str, Any]) -> str:
    """One line for people of what `monitor.log.integrity.quick_check` found."""
    if summary["intact"]:
        return f"intact (newest {summary['checked_events']} events checked; `verify` checks them all)"
    parts = []
    if summary["first_break"]:
        b = summary["first_break"]
        parts.append(f"broken at position {b['position']}: {b['reason']}")
    if summary["missing_triggers"]:
        parts.append(f"append-only triggers missing: {', '.join(summary['missing_triggers'])}")
    return "NOT INTACT: " + "; ".join(parts) + " (run `trade-monitor verify`)"


@click.group("projections")
def projections() -> None:
    """The views fed by the log: skip an event a projection is stuck at."""


@projections.command("skip")
@click.argument("name")
@click.argument("position", type=int)
@click.option("--now", metavar="TIME", help="When the skip is recorded (ISO 8601; default: now).")
@FORMAT_OPTION
@pass_ctx
def skip(ctx: CliContext, name: str, position: int, now: str | None, fmt: str) -> None:
    """Skip the event at POSITION that projection NAME is stuck at, as `status` shows it.

    The projection goes on after it at the next `replay` (or daemon tick); the
    skip is kept in the database for good. Refused unless NAME is stuck at
    exactly POSITION.

    JSON: {"projection", "position", "type", "stream_id", "reason", "skipped_at"}
    """
    from monitor.projections import build_projections

    chosen = [p for p in build_projections(ctx.settings()) if p.name == name]
    if not chosen:
        known = ", ".join(p.name for p in build_projections(ctx.settings()))
        raise InputError(f"no projection named {name!r}", hint=f"known: {known}")
    clock = clock_for(now)
    fault = ProjectionRunner(ctx.store(clock), chosen[0]).skip(position)
    if fmt == "json":
        emit_json(
            {
                "projection": name,
                "position": fault.position,
                "type": fault.type,
                "stream_id": fault.stream_id,
                "reason": fault.reason,
                "skipped_at": clock.now(),
            }
        )
        return
    click.echo(f"{name}: skipped position {fault.position} ({fault.type} in {fault.stream_id!r}): {fault.reason}")
    click.echo("it goes on after it at the next 'trade-monitor replay'")


COMMANDS: list[click.Command] = [verify_command, projections]
