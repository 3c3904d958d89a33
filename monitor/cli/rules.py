"""Commands of the rules room: state, alerts, tick, rules list|check|test, silence add|list."""

from __future__ import annotations

import datetime as dt

import click

from monitor.cli.context import CliContext
from monitor.cli.output import FORMAT_OPTION, emit_json, emit_table
from monitor.clock import SystemClock, clock_for, parse_date
from monitor.errors import InputError, RuleError
from monitor.measures.projection import update_measures
from monitor.measures.queries import measure_states
from monitor.measures.shapes import measure_json
from monitor.rules.dry_run import dry_run
from monitor.rules.loader import load_rule_set, load_rules
from monitor.rules.service import quiet_lines, read_alerts, tick
from monitor.rules.shapes import alert_json
from monitor.rules.silences import add_silence, read_silences

pass_ctx = click.make_pass_decorator(CliContext)
NOW_OPTION = click.option("--now", metavar="TIME", help="Act as if it were this time (YYYY-MM-DD[THH:MM]).")


def _since(value: str | None, what: str) -> dt.date | None:
    return parse_date(value, what=what) if value else None


@click.command()
@click.option("--as-of", "as_of", metavar="DATE", help="The state at the end of this day, from the log.")
@click.option("--now", metavar="TIME", help="Without --as-of: the state seen on this day (default: today).")
@FORMAT_OPTION
@pass_ctx
def state(ctx: CliContext, as_of: str | None, now: str | None, fmt: str) -> None:
    """The state of every tariff measure, now or as of a past day.

    Now is the latest news seen from today (or --now): a pause whose end has
    passed no longer holds, a tariff past its expiry is lifted.

    JSON: {"as_of": DATE|null, "today": DATE|null, "measures": [{"measure_id", "imposer", "target", "sector", "layer",
    "rate", "previous_rate", "threatened_rate", "status", "pause_until", "expires", "effective",
    "first_seen", "last_seen", "sources", "official", "confidence", "unconfirmed_rate",
    "evidence": [{"article", "url", "sentence", "title", "published"}]}]}
    ("sources": independent sources of the current reading; "unconfirmed_rate": a lone source's
    contradicting rate, held until confirmed; "expires": the tariff's last day in force, when the
    news gave one).
    """
    day = _since(as_of, "--as-of")
    store = ctx.store(SystemClock())
    # Decide facts not yet decided; their events are recorded at their facts' time (no clock read).
    update_measures(store)
    today = None if day is not None else clock_for(now).now().date()
    rows = [measure_json(s) for s in measure_states(ctx.engine(), as_of=day, today=today)]
    if fmt == "json":
        emit_json({"as_of": day, "today": today, "measures": rows})
    else:
        columns = ["measure_id", "rate", "previous_rate", "status", "pause_until", "expires", "last_seen", "sources"]
        emit_table(rows, columns, empty="(no measures)")


@click.command()
@click.option("--since", metavar="DATE", help="Only alerts raised on or after this day.")
@FORMAT_OPTION
@pass_ctx
def alerts(ctx: CliContext, since: str | None, fmt: str) -> None:
    """Every alert raised, in the order raised (silenced ones too, marked).

    JSON: {"alerts": [{"key", "rule", "severity", "measure_id", "imposer", "target", "sector", "kind",
    "rate", "previous_rate", "until", "raised_at", "summary", "silenced_by",
    "evidence": [{"article", "url", "sentence", "title", "published"}], "details",
    "rules", "sources", "official", "confidence", "unconfirmed", "support"}]}
    ("rules": every rule that matched the change; "support": "1 source", "3 sources, official").
    """
    found = [alert_json(a) for a in read_alerts(ctx.store(SystemClock()), since=_since(since, "--since"))]
    if fmt == "json":
        emit_json({"alerts": found})
    else:
        emit_table(found, ["raised_at", "severity", "rule", "silenced_by", "summary", "support"], empty="(no alerts)")


@click.command("tick")
@NOW_OPTION
@pass_ctx
def tick_command(ctx: CliContext, now: str | None) -> None:
    """Evaluate new events, then run the clock rules (pause_expiring, pause_expired) at --now."""
    clock = clock_for(now)
    settings = ctx.settings()
    done = tick(settings, ctx.store(clock), clock, rules=load_rules(settings))
    click.echo(f"{done.events} events evaluated, {done.alerts} alerts raised")
    for line in quiet_lines(done):
        click.echo(line)


@click.group("rules")
def rules_group() -> None:
    """The rules that raise alerts: list, check and test them."""


@rules_group.command("list")
@FORMAT_OPTION
@pass_ctx
def rules_list(ctx: CliContext, fmt: str) -> None:
    """Every rule and where it came from (files with errors are left out: see `rules check`).

    JSON: {"rules": [{"name", "form", "signals", "severity", "days_before", "origin", "description",
    "min_sources", "official_only", "min_confidence"}]}
    """
    settings = ctx.settings()
    found = load_rule_set(settings)
    rows = [
        {
            "name": r.name,
            "form": r.form,
            "signals": sorted(r.signals),
            "severity": settings.rules.severity.get(r.name, r.severity),
            "days_before": list(r.days_before),
            "origin": r.origin,
            "description": r.description,
            "min_sources": r.min_sources,
            "official_only": r.official_only,
            "min_confidence": r.min_confidence,
        }
        for r in found.rules
    ]
    if fmt == "json":
        emit_json({"rules": rows})
    else:
        emit_table(rows, ["name", "form", "severity", "signals", "origin"], empty="(no rules)")
    for error in found.errors:
        click.echo(f"error: {error}", err=True)


@rules_group.command("check")
@FORMAT_OPTION
@pass_ctx
def rules_check(ctx: CliContext, fmt: str) -> None:
    """Load every rule file and report every problem (file:line: key ...); exit 2 if any.

    JSON: {"ok", "rules", "files": [PATH, ...], "problems": ["FILE:LINE: key ...: reason", ...]}
    """
    found = load_rule_set(ctx.settings())
    if fmt == "json":
        emit_json({"ok": not found.errors, "rules": len(found.rules), "files": found.files, "problems": found.errors})
        if found.errors:
            raise click.exceptions.Exit(RuleError.exit_code)
        return
    for error in found.errors:
        click.echo(error)
    if found.errors:
        raise RuleError(f"{len(found.errors)} problem(s) in {len(found.files)} rule file(s)")
    click.echo(f"ok: {len(found.rules)} rules ({len(found.files)} files)")


@rules_group.command("test")
@click.argument("rule_name", metavar="RULE")
@click.option("--from", "start", required=True, metavar="DATE", help="First day replayed.")
@click.option("--to", "end", required=True, metavar="DATE", help="Last day replayed.")
@FORMAT_OPTION
@pass_ctx
def rules_test(ctx: CliContext, rule_name: str, start: str, end: str, fmt: str) -> None:
    """Replay the log from --from to --to through one rule and print the alerts it would raise.

    The real engine and tick run day by day on a scratch copy of the log; nothing is written to yours.
    JSON: {"rule", "from", "to", "alerts": [ALERT, ...]} (ALERT as in `alerts`).
    """
    first, last = parse_date(start, what="--from"), parse_date(end, what="--to")
    if last < first:
        raise InputError("--to is before --from")
    settings = ctx.settings()
    rule = load_rules(settings).named(rule_name)
    found = [alert_json(a) for a in dry_run(ctx.store(SystemClock()), rule, first, last, settings=settings)]
    if fmt == "json":
        emit_json({"rule": rule_name, "from": first, "to": last, "alerts": found})
    else:
        emit_table(found, ["raised_at", "severity", "summary"], empty="(no alerts)")


@click.group("silence")
def silence_group() -> None:
    """Silences: matching alerts are recorded marked silenced, not sent."""


@silence_group.command("add")
@click.option("--rule", help="Only this rule's alerts (default: every rule).")
@click.option("--imposer", help="Only measures by this imposer (ISO code, EU).")
@click.option("--target", help="Only measures on this target (ISO code, EU, *).")
@click.option("--sector", help="Only measures on this sector.")
@click.option("--until", "until", required=True, metavar="DATE", help="Last day the silence holds.")
@click.option("--reason", required=True, help="Why (shown in `silence list`).")
@NOW_OPTION
@pass_ctx
def silence_add(
    ctx: CliContext,
    rule: str | None,
    imposer: str | None,
    target: str | None,
    sector: str | None,
    until: str,
    reason: str,
    now: str | None,
) -> None:
    """Silence matching alerts until a day (they are still recorded, with `silenced_by`)."""
    clock = clock_for(now)
    last = parse_date(until, what="--until")
    if last < clock.now().date():
        raise InputError(f"--until {last} is already past")
    if not reason.strip():
        raise InputError("--reason must say why")
    added = add_silence(
        ctx.store(clock), clock, until=last, reason=reason, rule=rule, imposer=imposer, target=target, sector=sector
    )
    click.echo(f"{added.silence_id}: silenced until {last}")


@silence_group.command("list")
@NOW_OPTION
@FORMAT_OPTION
@pass_ctx
def silence_list(ctx: CliContext, now: str | None, fmt: str) -> None:
    """Every silence, with whether it holds at --now.

    JSON: {"silences": [{"id", "rule", "imposer", "target", "sector", "until", "reason", "added_at", "active"}]}
    """
    today = clock_for(now).now().date()
    rows = [
        {
            "id": s.silence_id,
            "rule": s.rule,
            "imposer": s.imposer,
            "target": s.target,
            "sector": s.sector,
            "until": s.until,
            "reason": s.reason,
            "added_at": s.added_at,
            "active": today <= s.until,
        }
        for s in read_silences(ctx.store(SystemClock()))
    ]
    if fmt == "json":
        emit_json({"silences": rows})
    else:
        emit_table(rows, ["id", "active", "until", "rule", "imposer", "target", "sector", "reason"], empty="(none)")


COMMANDS: list[click.Command] = [state, alerts, tick_command, rules_group, silence_group]
