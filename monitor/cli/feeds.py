"""Commands of the sources room: run (the daemon), poll, ingest, feeds."""

from __future__ import annotations

import datetime as dt
import signal
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import click

from monitor.cli.context import CliContext
from monitor.cli.output import FORMAT_OPTION, emit_json, emit_table
from monitor.clock import SystemClock, clock_for, parse_date
from monitor.config import FeedSettings, Settings
from monitor.daemon import configure_logging, run_daemon
from monitor.errors import ExtractionError
from monitor.log.leases import feed_claims
from monitor.pipeline import (
    RuleRunner,
    article_recorder,
    check_delivery,
    configured_extractor,
    daemon_jobs,
    daemon_membership,
    open_poller,
)
from monitor.rules.loader import load_rules
from monitor.rules.service import quiet_lines
from monitor.sources.article import article_from_file
from monitor.sources.health import feed_state, health_row
from monitor.sources.poll import poll_feeds

pass_ctx = click.make_pass_decorator(CliContext)

NOW_OPTION = click.option(
    "--now", metavar="TIME", help="Record and decide as if it were TIME (YYYY-MM-DD[THH:MM]); default: the real time."
)


@dataclass
class StopRequest:
    """Set by the first SIGTERM or SIGINT: `event` for the pollers, `signal` (its number) for the exit code."""

    event: threading.Event = field(default_factory=threading.Event)
    signal: int = 0


@contextmanager
def stop_on_signals() -> Iterator[StopRequest]:
    """While open, the first SIGTERM or SIGINT asks the polls to stop; a second one ends the process at once.

    cron's `timeout` and systemd send SIGTERM: the polls in flight finish and
    are recorded (each is one transaction, so even the second signal leaves
    nothing half-written), no new one starts.
    """
    stop = StopRequest()
    if threading.current_thread() is not threading.main_thread():
        yield stop  # signal handlers can only be set from the main thread (in-process callers)
        return
    watched = (signal.SIGTERM, signal.SIGINT)
    previous = {sig: signal.getsignal(sig) for sig in watched}

    def request_stop(signum: int, _frame: object) -> None:
        stop.signal = signum
        stop.event.set()
        for sig in watched:
            signal.signal(sig, signal.SIG_DFL)

    for sig in watched:
        signal.signal(sig, request_stop)
    try:
        yield stop
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


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
    check_delivery(settings)
    clock = SystemClock()
    store = ctx.store(clock)
    rules = load_rules(settings)
    extractor = configured_extractor(settings)
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
    SIGTERM or Ctrl-C: no further feed starts, the polls in flight are finished
    and recorded, and it exits 143 (130 for Ctrl-C).

    JSON: {"polls": [{"feed", "outcome", "entries", "new_articles", "seen_articles", "facts",
    "catch_up", "error", "consecutive_failures", "next_poll"}, ...], "alerts_raised": N}; outcome is
    one of fetched, not_modified, unchanged, failed.
    """
    settings = ctx.settings()
    configure_logging(settings.daemon)
    feeds = chosen_feeds(settings, names)
    clock = clock_for(now)
    with stop_on_signals() as stop, open_poller(settings, ctx.store(clock), clock) as poller:
        runner = RuleRunner(settings, poller.store)
        results = poll_feeds(poller, feeds, concurrency=settings.fetch.concurrency, stop=stop.event)
        # Stopped: what was polled is recorded; the rules look at it on the next poll or in the daemon.
        evaluated = None if stop.signal else runner.evaluate(clock)
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
        emit_json(
            {
                "polls": rows,
                "alerts_raised": evaluated.alerts if evaluated else 0,
                "quiet": evaluated.quiet if evaluated else 0,
                "held": evaluated.held if evaluated else 0,
            }
        )
    else:
        emit_table(
            rows, ["feed", "outcome", "entries", "new_articles", "seen_articles", "facts", "error"], empty="(no feeds)"
        )
        click.echo(f"{evaluated.alerts if evaluated else 0} alert(s) raised")
        for line in quiet_lines(evaluated) if evaluated else ():
            click.echo(line)
    if stop.signal:
        name = signal.Signals(stop.signal).name
        click.echo(
            f"trade-monitor: stopped by {name}: {len(results)} of {len(feeds)} feed(s) polled and recorded; "
            "the others are polled next time",
            err=True,
        )
        # The shell's convention for a command ended by a signal: 128 + its number (143 for SIGTERM).
        raise click.exceptions.Exit(128 + stop.signal)


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

    An article the extractor fails on (an `extract.command` that fails, hangs or
    prints what the contract does not allow) is not recorded: the error is shown
    on its row and on stderr, the other files are recorded, and the exit status is 1.

    JSON: {"articles": [{"file", "article_id", "outcome", "facts", "error"}, ...], "alerts_raised": N};
    outcome is new, known or failed.
    """
    date = parse_date(published, what="--published") if published else None
    articles = [article_from_file(path, published=date) for path in files]
    clock = clock_for(now)
    store = ctx.store(clock)
    settings = ctx.settings()
    runner = RuleRunner(settings, store)
    recorder = article_recorder(store, clock, settings=settings)
    rows = []
    for path, article in zip(files, articles, strict=True):
        try:
            done = recorder.record(article, catch_up=catch_up, origin={"file": str(path)})
        except ExtractionError as exc:
            click.echo(f"error: {path}: {exc}", err=True)
            rows.append(
                {
                    "file": str(path),
                    "article_id": article.article_id,
                    "outcome": "failed",
                    "facts": 0,
                    "error": str(exc),
                }
            )
            continue
        rows.append(
            {
                "file": str(path),
                "article_id": done.article_id,
                "outcome": done.outcome,
                "facts": done.facts,
                "error": None,
            }
        )
    evaluated = runner.evaluate(clock)
    failed = any(row["outcome"] == "failed" for row in rows)
    if fmt == "json":
        emit_json(
            {"articles": rows, "alerts_raised": evaluated.alerts, "quiet": evaluated.quiet, "held": evaluated.held}
        )
    else:
        emit_table(rows, ["file", "article_id", "outcome", "facts"] + (["error"] if failed else []))
        click.echo(f"{evaluated.alerts} alert(s) raised")
        for line in quiet_lines(evaluated):
            click.echo(line)
    if failed:
        raise click.exceptions.Exit(ExtractionError.exit_code)


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


def _short(value: str | None) -> str | None:
    return dt.datetime.fromisoformat(value).strftime("%Y-%m-%d %H:%M") if value else None


COMMANDS: list[click.Command] = [run, poll, ingest, feeds_command]
