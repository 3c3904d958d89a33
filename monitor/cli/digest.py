"""Commands of the digest room: `digest preview`, `digest send`, `outbox`."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

import click

from monitor.cli.context import CliContext
from monitor.cli.output import FORMAT_OPTION, emit_json, emit_table
from monitor.clock import SystemClock, clock_for
from monitor.digest import outbox as outbox_module
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
    draft = preview(ctx.settings(), ctx.store(clock), name, clock)
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
    "attempts": [{"digest_id", "subscription", "status", "reason", "next_attempt_at"}],
    "errors": [{"subscription", "error"}]}
    """
    settings = ctx.settings()
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
            emit_table(tried, ["digest_id", "status", "next_attempt_at", "reason"])
        for row in errors:
            click.echo(f"subscription {row['subscription']}: {row['error']}", err=True)
    failed = [a for a in attempts if a.status == "failed"]
    if errors or failed:
        raise DeliveryError(
            f"{len(errors)} subscription(s) failed, {len(failed)} digest(s) not delivered",
            hint="undelivered digests stay in the outbox and are retried; see `trade-monitor outbox`",
        )


@click.command()
@click.option("--status", "statuses", multiple=True, type=click.Choice(["queued", "failed", "delivered"]))
@click.option("--limit", type=int, default=50, show_default=True, help="At most this many, newest first (0: all).")
@FORMAT_OPTION
@pass_ctx
def outbox(ctx: CliContext, statuses: tuple[str, ...], limit: int, fmt: str) -> None:
    """List the digests in the outbox: queued, failed (with why and when it is tried next), delivered.

    JSON: {"digests": [{"digest_id", "subscription", "status", "alerts", "recipients", "subject",
    "message_id", "queued_at", "attempts", "last_error", "next_attempt_at", "delivered_at", "method"}]}
    """
    if limit < 0:
        raise InputError("--limit must be 0 or more")
    entries = [e for e in outbox_module.entries(ctx.store(SystemClock())) if not statuses or e.status in statuses]
    entries.reverse()
    if limit:
        entries = entries[:limit]
    rows: list[dict[str, Any]] = [
        {
            "digest_id": e.digest.digest_id,
            "subscription": e.digest.subscription,
            "status": e.status,
            "alerts": len(e.digest.alert_keys),
            "recipients": list(e.digest.recipients),
            "subject": e.digest.subject,
            "message_id": e.digest.message_id,
            "queued_at": e.digest.queued_at,
            "attempts": e.attempts,
            "last_error": e.last_error,
            "next_attempt_at": e.next_attempt_at,
            "delivered_at": e.delivered_at,
            "method": e.method,
        }
        for e in entries
    ]
    if fmt == "json":
        emit_json({"digests": rows})
        return
    emit_table(
        rows,
        ["digest_id", "status", "alerts", "queued_at", "attempts", "next_attempt_at", "last_error"],
        empty="(the outbox is empty)",
    )


COMMANDS: list[click.Command] = [digest, outbox]
