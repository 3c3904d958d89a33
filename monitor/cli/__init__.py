"""The `trade-monitor` command line.

Errors of ours become one line on stderr and a non-zero exit code here, and
nowhere else. Command modules are imported only when their command runs
(`monitor/cli/lazy.py`), so starting costs click and little else.
"""

from __future__ import annotations

import sys

import click

from monitor import __version__
from monitor.cli.context import CliContext
from monitor.cli.lazy import LazyGroup, lazy_table
from monitor.errors import MonitorError

#: Every command: its name, where it lives, and the summary `--help` lists (its help's first sentence).
COMMANDS = lazy_table(
    [
        (
            "init",
            "monitor.cli.core:init",
            "Write a working config.toml into DIRECTORY (unless one is there) and create its database.",
        ),
        ("events", "monitor.cli.core:events", "List the event log in position order."),
        ("status", "monitor.cli.core:status", "Log size, last position and how far behind each projection is."),
        ("rebuild", "monitor.cli.core:rebuild", "Drop projections and replay the whole log into them."),
        ("replay", "monitor.cli.core:replay", "Catch every projection up with the log, without dropping anything."),
        (
            "config-docs",
            "monitor.cli.core:config_docs",
            "Every setting of config.toml with its type, default and meaning.",
        ),
        (
            "extract",
            "monitor.cli.extract:extract",
            "Read the trade-policy facts stated in the article FILE ('-' for standard input).",
        ),
        (
            "llm-extract",
            "monitor.cli.llm:llm_extract",
            "Read the facts of an article (stdin, or FILE) with a language model behind an OpenAI-compatible API.",
        ),
        ("run", "monitor.cli.feeds:run", "Run the daemon: poll every feed on its interval until SIGTERM or Ctrl-C."),
        (
            "poll",
            "monitor.cli.feeds:poll",
            "Poll every enabled feed (or those named) once, record what is new, and exit.",
        ),
        ("ingest", "monitor.cli.feeds:ingest", "Record articles from plain-text files, with the facts read from them."),
        ("feeds", "monitor.cli.feeds:feeds_command", "Every configured feed and its health, as recorded in the log."),
        ("state", "monitor.cli.rules:state", "The state of every tariff measure, now or as of a past day."),
        ("alerts", "monitor.cli.digest:alerts", "Every alert raised, in the order raised (silenced ones too, marked)."),
        (
            "tick",
            "monitor.cli.rules:tick_command",
            "Evaluate new events, then run the clock rules (pause_expiring, pause_expired) at --now.",
        ),
        ("rules", "monitor.cli.rules:rules_group", "The rules that raise alerts: list, check and test them."),
        (
            "silence",
            "monitor.cli.rules:silence_group",
            "Silences: matching alerts are recorded marked silenced, not sent.",
        ),
        ("digest", "monitor.cli.digest:digest", "Preview and send the digests of the subscriptions in config.toml."),
        (
            "outbox",
            "monitor.cli.digest:outbox",
            "List the digests in the outbox: queued, failed (with why and when it is tried next), delivered, dead.",
        ),
        (
            "verify",
            "monitor.cli.log_commands:verify_command",
            "Check the log's integrity and say where it breaks; exit 1 when it does.",
        ),
        (
            "projections",
            "monitor.cli.log_commands:projections",
            "The views fed by the log: skip an event a projection is stuck at.",
        ),
        (
            "serve",
            "monitor.cli.web:serve",
            "Serve the web pages and JSON API until SIGTERM or Ctrl-C; nothing served writes anything.",
        ),
    ]
)


@click.group(
    cls=LazyGroup,
    lazy=COMMANDS,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)
@click.option(
    "--config",
    "config",
    metavar="PATH",
    help="The config file (default: $TRADE_MONITOR_CONFIG, else ./config.toml).",
)
@click.version_option(__version__, prog_name="trade-monitor")
@click.pass_context
def cli(ctx: click.Context, config: str | None) -> None:
    """Watch the news for trade-policy changes and say what changed, with the evidence."""
    context = CliContext(config)
    ctx.obj = context
    ctx.call_on_close(context.close)


def main(argv: list[str] | None = None) -> None:
    """Run the command line; our errors end it with their message and exit code."""
    try:
        # Outside standalone mode click returns, rather than raises, the code of an Exit.
        code = cli.main(args=argv, prog_name="trade-monitor", standalone_mode=False)
    except MonitorError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(exc.exit_code)
    except click.exceptions.Abort:
        click.echo("aborted", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    if isinstance(code, int) and code:
        sys.exit(code)
