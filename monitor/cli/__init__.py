"""The `trade-monitor` command line.

Errors of ours become one line on stderr and a non-zero exit code here, and
nowhere else.
"""

from __future__ import annotations

import sys

import click

from monitor import __version__
from monitor.cli import core, digest, extract, feeds, log_commands, rules
from monitor.cli.context import CliContext
from monitor.errors import MonitorError


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
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


for _module in (core, extract, feeds, rules, digest, log_commands):
    for _command in _module.COMMANDS:
        cli.add_command(_command)


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
