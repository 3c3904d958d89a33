"""Run `trade-monitor` in this process, the way the installed command runs it.

`main()` is what the console script calls, so exit codes and the one-line errors
are the real ones; only the process start-up is skipped. Tests that must see a
real process (signals, the installed entry point, the daemon) start one instead.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from click.testing import CliRunner

from monitor.cli import main


@dataclass(frozen=True)
class CliResult:
    """What one command printed and how it ended."""

    exit_code: int
    stdout: str
    stderr: str

    # `subprocess.CompletedProcess` spells it this way; tests written for either read the same.
    @property
    def returncode(self) -> int:
        return self.exit_code


def run_cli(
    args: Sequence[str | os.PathLike[str]],
    *,
    cwd: str | os.PathLike[str] | None = None,
    env: Mapping[str, str | None] | None = None,
    input: str | bytes | None = None,
) -> CliResult:
    """Run the command line with ARGS in this process and return its exit code and output."""
    runner = CliRunner()
    argv = [os.fspath(a) for a in args]
    old_cwd = Path.cwd()
    with runner.isolation(input=input, env=dict(env or {})) as (out, err, _mixed):
        code = 0
        try:
            if cwd is not None:
                os.chdir(cwd)
            main(argv)
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        finally:
            os.chdir(old_cwd)
        return CliResult(code, out.getvalue().decode(errors="replace"), err.getvalue().decode(errors="replace"))
