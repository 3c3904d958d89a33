"""Commands of the digest room: `digest preview`, `digest send`, `outbox [retry ID]`, `alerts release`.

`alerts` itself lists alerts (the rules room's command, `monitor.cli.rules:alerts`);
the group here runs it when no subcommand is given and adds `release`, the
mass-change guard's way out, which belongs to delivery.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any, Literal

import click

from monitor.cli.context import CliContext
from monitor.cli.output import FORMAT_OPTION, emit_json, emit_table
from monitor.cli.rules import alerts as list_alerts
from monitor.clock import SystemClock, clock_for
from monitor.digest import guard as guard_module
from monitor.digest import outbox as outbox_module
from monitor.digest.delivery import check_deliveries
from monitor.digest.holds import held
from monitor.digest.message import build_message
from monitor.digest.service import flush_outbox, preview, queue_due
from monitor.errors import DeliveryError, InputError

pass_ctx = click.make_pass_decorator(CliContext)

NOW_OPTION = click.option("--now", metavar="TIME", help="Decide as if it were this time (YYYY-MM-DD[THH:MM], UTC).")
PARTS = ("text", "html", "eml", "subject")


@click.group()
def digest() -> None:
    """Preview and send the digests of the subscriptions in config.toml."""


def _write_atomically(path: Path, data: bytes) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except OSError as exc:
        raise InputError(f"--output {path}: cannot write: {exc}") from exc


@digest.command("preview")
@click.option("--subscription", "name", required=True, help="The subscription whose next digest is shown.")
@click.option(
    "--part",
    type=click.Choice(PARTS),
    help="What to print: the plain text (default on stdout), the HTML, the whole email (.eml) or the subject.",
)
@click.option(
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write to this file instead of stdout; .html, .eml and .txt choose the part unless --part says.",
)
@NOW_OPTION
@pass_ctx
def preview_command(ctx: CliContext, name: str, part: str | None, output: Path | None, now: str | None) -> None:
    """Render the digest SUBSCRIPTION would get next, without recording or sending anything.

    It holds the alerts the subscription has not taken yet (up to --now), whether
    or not its schedule says it is due.
    """
    clock = clock_for(now)
    settings = ctx.settings()
    draft = preview(settings, ctx.store(clock), name, clock)
    if draft.pending.held is not None:
        click.echo(draft.pending.held.describe(settings.delivery.hold_above), err=True)
    if part is None:
        suffix = output.suffix.lower() if output else ""
        part = {".html": "html", ".htm": "html", ".eml": "eml"}.get(suffix, "text")
    if part == "eml":
        data = build_message(draft.digest).as_bytes()
    else:
        chosen = {"text": draft.rendered.text, "html": draft.rendered.html, "subject": draft.rendered.subject + "\n"}
        data = chosen[part].encode("utf-8")
    if output is None:
        click.echo(data.decode("utf-8"), nl=False)
        return
    _write_atomically(output, data)
    due = draft.due_at.isoformat() if draft.due_at else "nothing waiting"
    click.echo(f"wrote {output} ({len(draft.content.alerts)} alerts; due {due})", err=True)


@digest.command("send")
@click.option("--subscription", "names", multiple=True, help="Only this subscription (repeatable); default all.")
@click.option("--force", is_flag=True, help="Queue a digest now for every chosen subscription with alerts waiting.")
@NOW_OPTION
@FORMAT_OPTION
@pass_ctx
def send_command(ctx: CliContext, names: tuple[str, ...], force: bool, now: str | None, fmt: str) -> None:
    """Queue the digests that are due (by each subscription's schedule), then send what the outbox holds.

    Exits non-zero when a subscription failed or a digest could not be delivered;
    undelivered digests stay queued and are retried.

    JSON: {"queued": [{"digest_id", "subscription", "alerts", "recipients"}],
    "attempts": [{"digest_id", "subscription", "status", "reason", "next_attempt_at", "channel", "refused"}],
    "errors": [{"subscription", "error"}]}
    """
    settings = ctx.settings()
    check_deliveries(settings)  # a missing secret stops here, in one line, before anything is recorded
    clock = clock_for(now)
    store = ctx.store(clock)
    only = names or None
    report = queue_due(settings, store, clock, only=only, force=force)
    attempts = flush_outbox(settings, store, clock, only=only)
    queued = [
        {
            "digest_id": d.digest_id,
            "subscription": d.subscription,
            "alerts": len(d.alert_keys),
            "recipients": list(d.recipients),
        }
        for d in report.queued
    ]
    tried = [
        {
            "digest_id": a.digest_id,
            "subscription": a.subscription,
            "status": a.status,
            "reason": a.reason,
            "next_attempt_at": a.next_attempt_at,
            "channel": a.channel,
            "refused": a.refused,
        }
        for a in attempts
    ]
    errors = [{"subscription": s, "error": e} for s, e in report.errors]
    if fmt == "json":
        emit_json({"queued": queued, "attempts": tried, "errors": errors})
    else:
        click.echo(f"queued {len(queued)} digest(s)")
        if queued:
            emit_table(queued, ["digest_id", "subscription", "alerts", "recipients"])
        click.echo(f"tried {len(tried)} delivery(ies)")
        if tried:
            emit_table(tried, ["digest_id", "channel", "status", "next_attempt_at", "reason"])
        for row in errors:
            click.echo(f"subscription {row['subscription']}: {row['error']}", err=True)
    for burst in held(settings, store):
        click.echo(burst.describe(settings.delivery.hold_above), err=True)
    failed = [a for a in attempts if a.status != "delivered" or a.refused]
    if errors or failed:
        raise DeliveryError(
            f"{len(errors)} subscription(s) failed, {len(failed)} digest(s) not delivered",
            hint="undelivered digests stay in the outbox and are retried; see `trade-monitor outbox`",
        )


def _leg_json(leg: outbox_module.Leg) -> dict[str, Any]:
    return {
        "channel": leg.channel,
        "method": leg.method,
        "status": leg.status,
        "attempts": leg.attempts,
        "last_error": leg.last_error,
        "next_attempt_at": leg.next_attempt_at,
        "delivered_at": leg.delivered_at,
        "pending": list(leg.pending),
        "refused": leg.refused,
    }


def _entry_json(e: outbox_module.OutboxEntry) -> dict[str, Any]:
    return {
        "digest_id": e.digest_id,
        "subscription": e.subscription,
        "status": e.status,
        "alerts": e.alerts,
        "recipients": list(e.recipients),
        "channels": list(e.channels),
        "subject": e.subject,
        "message_id": e.message_id,
        "queued_at": e.queued_at,
        "attempts": e.attempts,
        "last_error": e.last_error,
        "next_attempt_at": e.next_attempt_at,
        "delivered_at": e.delivered_at,
        "method": e.method,
        "refused": e.refused,
        "deliveries": [_leg_json(leg) for leg in e.deliveries],
    }


def _burst_json(burst: guard_module.Burst) -> dict[str, Any]:
    return {
        "first_position": burst.first_position,
        "last_position": burst.last_position,
        "alerts": burst.alerts,
        "raised_at": burst.first_raised_at,
    }


@click.group(invoke_without_command=True)
@click.option("--status", "statuses", multiple=True, type=click.Choice(outbox_module.STATUSES))
@click.option("--limit", type=int, default=50, show_default=True, help="At most this many, newest first (0: all).")
@FORMAT_OPTION
@click.pass_context
def outbox(click_ctx: click.Context, statuses: tuple[str, ...], limit: int, fmt: str) -> None:
    """List the digests in the outbox: queued, failed (with why and when it is tried next), delivered, dead.

    A digest is `dead` when something in it was given up (a channel refused it for good, a recipient was
    refused): `outbox retry ID` sends that part again. Alerts held by the mass-change guard are listed first.

    JSON: {"digests": [{"digest_id", "subscription", "status", "alerts", "recipients", "channels", "subject",
    "message_id", "queued_at", "attempts", "last_error", "next_attempt_at", "delivered_at", "method",
    "refused": {ADDRESS: REASON}, "deliveries": [{"channel", "method", "status", "attempts", "last_error",
    "next_attempt_at", "delivered_at", "pending", "refused"}]}],
    "held": [{"first_position", "last_position", "alerts", "raised_at"}]}
    """
    if click_ctx.invoked_subcommand is not None:
        return
    ctx = click_ctx.find_object(CliContext)
    assert ctx is not None
    if limit < 0:
        raise InputError("--limit must be 0 or more")
    settings = ctx.settings()
    store = ctx.store(SystemClock())
    entries = outbox_module.entries(store, statuses=statuses or None, limit=limit or None, newest_first=True)
    rows = [_entry_json(e) for e in entries]
    holds = held(settings, store)
    if fmt == "json":
        emit_json({"digests": rows, "held": [_burst_json(b) for b in holds]})
        return
    for burst in holds:
        click.echo(burst.describe(settings.delivery.hold_above))
    for row in rows:
        row["to"] = [leg["channel"] or leg["method"] or "mail" for leg in row["deliveries"]]
        refused = "; ".join(f"{r}: {why}" for r, why in row["refused"].items())
        row["last_error"] = row["last_error"] if not refused or refused in (row["last_error"] or "") else refused
    emit_table(
        rows,
        ["digest_id", "status", "alerts", "to", "queued_at", "attempts", "next_attempt_at", "last_error"],
        empty="(the outbox is empty)",
    )


@outbox.command("retry")
@click.argument("digest_id", metavar="ID")
@NOW_OPTION
@FORMAT_OPTION
@pass_ctx
def retry_command(ctx: CliContext, digest_id: str, now: str | None, fmt: str) -> None:
    """Send digest ID again: its dead-lettered channels and refused recipients (never those that got it).

    Records a `digest.retried` event and tries at once; what fails again is retried and given up
    as before (`delivery.max_attempts`, `delivery.give_up_hours`). Exits 1 unless it was delivered.

    JSON: {"digest_id", "attempts": [{"channel", "status", "reason", "next_attempt_at", "refused"}], "status"}
    """
    clock = clock_for(now)
    settings = ctx.settings()
    check_deliveries(settings)
    store = ctx.store(clock)
    outbox_module.retry(store, digest_id, clock.now())
    attempts = flush_outbox(settings, store, clock, digest_ids=[digest_id])
    after = outbox_module.entry(store, digest_id)
    tried = [
        {
            "channel": a.channel,
            "status": a.status,
            "reason": a.reason,
            "next_attempt_at": a.next_attempt_at,
            "refused": a.refused,
        }
        for a in attempts
    ]
    if fmt == "json":
        emit_json({"digest_id": digest_id, "attempts": tried, "status": after.status})
    else:
        for row in tried:
            row["channel"] = row["channel"] or "mail"
        emit_table(tried, ["channel", "status", "next_attempt_at", "reason"], empty="(nothing was due)")
        click.echo(f"digest {digest_id}: {after.status}")
    if after.status != "delivered":
        raise DeliveryError(
            f"digest {digest_id} is {after.status}",
            hint="see `trade-monitor outbox` for the reason",
        )


@click.group(
    "alerts",
    invoke_without_command=True,
    params=list(list_alerts.params),
    help=list_alerts.help,
    short_help=list_alerts.short_help,
)
@click.pass_context
def alerts(click_ctx: click.Context, **options: Any) -> None:
    # The listing is the rules room's command; only `release` lives here.
    if click_ctx.invoked_subcommand is None:
        click_ctx.invoke(list_alerts, **options)


@alerts.command("release")
@click.option("--drop", is_flag=True, help="Leave the held alerts out of every digest instead of sending them.")
@click.option("--position", type=int, metavar="N", help="Only the held burst starting at this log position.")
@NOW_OPTION
@FORMAT_OPTION
@pass_ctx
def release_command(ctx: CliContext, drop: bool, position: int | None, now: str | None, fmt: str) -> None:
    """Let alerts held by the mass-change guard go out in the next digests (or, with --drop, leave them out).

    The decision is recorded (`alerts.released`); the alerts stay in the log and in `alerts` either way.

    JSON: {"released": [{"first_position", "last_position", "alerts", "raised_at"}], "action": "send"|"drop"}
    """
    clock = clock_for(now)
    settings = ctx.settings()
    action: Literal["send", "drop"] = "drop" if drop else "send"
    store = ctx.store(clock)
    done = guard_module.release(store, clock.now(), held(settings, store), action=action, position=position)
    if fmt == "json":
        emit_json({"released": [_burst_json(b) for b in done], "action": action})
        return
    if not done:
        click.echo("nothing is held")
        return
    verb = "dropped from the digests" if drop else "released to the next digests"
    for burst in done:
        click.echo(f"{burst.alerts} alerts (log positions {burst.first_position}-{burst.last_position}) {verb}")


COMMANDS: list[click.Command] = [digest, outbox, alerts]
