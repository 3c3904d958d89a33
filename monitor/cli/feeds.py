"""Commands of the sources room: run (the daemon), poll, ingest, feeds."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

import click
from sqlalchemy import Engine

from monitor.cli.context import CliContext
from monitor.cli.output import FORMAT_OPTION, emit_json, emit_table
from monitor.clock import SystemClock, clock_for, parse_date
from monitor.config import FeedSettings, Settings
from monitor.daemon import configure_logging, run_daemon
from monitor.log.leases import FEED_PREFIX, read_leases
from monitor.pipeline import (
    RuleRunner,
    article_recorder,
    daemon_jobs,
    daemon_membership,
    default_extractor,
    open_poller,
)
from monitor.rules.loader import load_rules
from monitor.sources.article import article_from_file
from monitor.sources.health import feed_state, health_row
from monitor.sources.poll import poll_feeds

pass_ctx = click.make_pass_decorator(CliContext)

NOW_OPTION = click.option(
    "--now", metavar="TIME", help="Record and decide as if it were TIME (YYYY-MM-DD[THH:MM]); default: the real time."
)


def chosen_feeds(settings: Settings, names: Sequence[str]) -> list[FeedSettings]:
    """The feeds named (each must exist), or every enabled feed."""
    if names:
        return [settings.feed(name) for name in names]
    return [f for f in settings.feeds if f.enabled]


@click.command()
@click.option("--feed", "names", multiple=True, metavar="NAME", help="Only this feed (repeatable).")
@pass_ctx
def run(ctx: CliContext, names: tuple[str, ...]) -> None:
    """Run the daemon: poll every feed on its interval until SIGTERM or Ctrl-C.

    Log lines go to stderr, as text or JSON (daemon.log_format). A broken feed is
    logged and recorded (see `feeds`) and retried later with back-off; the daemon goes on.
    """
    settings = ctx.settings()
    configure_logging(settings.daemon)
    feeds = chosen_feeds(settings, names)
    clock = SystemClock()
    store = ctx.store(clock)
    rules = load_rules(settings)
    extractor = default_extractor()
    # Joined before the workers start, so a daemon that may not run here says so at once.
    with (
        daemon_membership(settings, store, clock, rules, extractor) as membership,
        open_poller(settings, store, clock, extractor, daemon=membership.daemon_id) as poller,
    ):
        code = run_daemon(
            settings,
            poller=poller,
            clock=clock,
            feeds=feeds,
            extra_jobs=daemon_jobs(settings, store, rules=rules, membership=membership),
            membership=membership,
        )
    ctx.close()
    raise click.exceptions.Exit(code)


@click.command()
@click.option("--once", is_flag=True, help="One cycle, then exit: what `poll` always does (`run` is the daemon).")
@click.option("--feed", "names", multiple=True, metavar="NAME", help="Only this feed (repeatable).")
@NOW_OPTION
@FORMAT_OPTION
@pass_ctx
def poll(ctx: CliContext, once: bool, names: tuple[str, ...], now: str | None, fmt: str) -> None:
    """Poll every enabled feed (or those named) once, record what is new, and exit.

    Exits 0 even when a feed failed: the failure is printed and recorded in the
    feed's health (see `feeds`), as the daemon would.

    JSON: {"polls": [{"feed", "outcome", "entries", "new_articles", "seen_articles", "facts",
    "catch_up", "error", "consecutive_failures", "next_poll"}, ...], "alerts_raised": N}; outcome is
    one of fetched, not_modified, unchanged, failed.
    """
    settings = ctx.settings()
    configure_logging(settings.daemon)
    feeds = chosen_feeds(settings, names)
    clock = clock_for(now)
    with open_poller(settings, ctx.store(clock), clock) as poller:
        runner = RuleRunner(settings, poller.store)
        results = poll_feeds(poller, feeds, concurrency=settings.fetch.concurrency)
        evaluated = runner.evaluate(clock)
    rows = [
        {
            "feed": r.feed,
            "outcome": r.outcome,
            "entries": r.entries,
            "new_articles": r.new_articles,
            "seen_articles": r.seen_articles,
            "facts": r.facts,
            "catch_up": r.catch_up,
            "error": r.error,
            "consecutive_failures": r.consecutive_failures,
            "next_poll": r.next_poll,
        }
        for r in results
    ]
    if fmt == "json":
        emit_json({"polls": rows, "alerts_raised": evaluated.alerts})
        return
    emit_table(
        rows, ["feed", "outcome", "entries", "new_articles", "seen_articles", "facts", "error"], empty="(no feeds)"
    )
    click.echo(f"{evaluated.alerts} alert(s) raised")


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--published", metavar="DATE", help="Publication date of every file (YYYY-MM-DD).")
@click.option("--catch-up", is_flag=True, help="A backfill: update measures but raise no alerts.")
@NOW_OPTION
@FORMAT_OPTION
@pass_ctx
def ingest(
    ctx: CliContext, files: tuple[Path, ...], published: str | None, catch_up: bool, now: str | None, fmt: str
) -> None:
    """Record articles from plain-text files, with the facts read from them.

    Without --published, each file's first line must be `date YYYY-MM-DD`. Every
    file is read and checked before anything is recorded. A file already ingested
    (same content) is recorded once.

    The rules then look at the new facts (a --catch-up records state but raises no alerts).

    JSON: {"articles": [{"file", "article_id", "outcome", "facts"}, ...], "alerts_raised": N};
    outcome is new or known.
    """
    date = parse_date(published, what="--published") if published else None
    articles = [article_from_file(path, published=date) for path in files]
    clock = clock_for(now)
    store = ctx.store(clock)
    runner = RuleRunner(ctx.settings(), store)
    recorder = article_recorder(store, clock)
    rows = []
    for path, article in zip(files, articles, strict=True):
        done = recorder.record(article, catch_up=catch_up, origin={"file": str(path)})
        rows.append({"file": str(path), "article_id": done.article_id, "outcome": done.outcome, "facts": done.facts})
    evaluated = runner.evaluate(clock)
    if fmt == "json":
        emit_json({"articles": rows, "alerts_raised": evaluated.alerts})
        return
    emit_table(rows, ["file", "article_id", "outcome", "facts"])
    click.echo(f"{evaluated.alerts} alert(s) raised")


@click.command("feeds")
@FORMAT_OPTION
@pass_ctx
def feeds_command(ctx: CliContext, fmt: str) -> None:
    """Every configured feed and its health, as recorded in the log.

    JSON: {"feeds": [{"name", "url", "status", "last_success", "last_error",
    "consecutive_failures", "next_poll", "articles", "polled_by", "claimed_by"}, ...]}; status is ok,
    failing, never_polled or disabled; last_error is null or {"at", "reason"}; times are ISO 8601 UTC;
    polled_by is the daemon whose poll was recorded last (null for `poll --once`); claimed_by is
    null, or {"daemon", "expires"} while a daemon is polling the feed.
    """
    settings = ctx.settings()
    store = ctx.store(SystemClock())  # only reads
    claims = feed_claims(store.engine)
    rows = [
        {**health_row(feed, feed_state(store, feed.name)), "claimed_by": claims.get(feed.name)}
        for feed in settings.feeds
    ]
    if fmt == "json":
        emit_json({"feeds": rows})
        return
    table = [
        {
            **row,
            "last_success": _short(row["last_success"]),
            "next_poll": _short(row["next_poll"]),
            "last_error": row["last_error"]["reason"] if row["last_error"] else None,
            "failures": row["consecutive_failures"],
            "daemon": row["claimed_by"]["daemon"] + " (polling)" if row["claimed_by"] else row["polled_by"],
        }
        for row in rows
    ]
    emit_table(
        table,
        ["name", "status", "last_success", "failures", "next_poll", "articles", "daemon", "last_error"],
        empty="(no feeds configured)",
    )


def feed_claims(engine: Engine) -> dict[str, dict[str, str]]:
    """Feeds being polled now, by name: {"daemon", "expires"} (only on a shared PostgreSQL log)."""
    return {
        lease.name.removeprefix(FEED_PREFIX): {"daemon": lease.holder, "expires": lease.expires_at.isoformat()}
        for lease in read_leases(engine, prefix=FEED_PREFIX)
        if lease.live
    }


def _short(value: str | None) -> str | None:
    return dt.datetime.fromisoformat(value).strftime("%Y-%m-%d %H:%M") if value else None


COMMANDS: list[click.Command] = [run, poll, ingest, feeds_command]
