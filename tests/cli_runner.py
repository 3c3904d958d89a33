"""Run `trade-monitor` in this process, the way the installed command runs it.

`main()` is what the console script calls, so exit codes and the one-line errors
are the real ones; only the process start-up is skipped. Tests that must see a
real process (signals, the installed entry point, the daemon) start one instead.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
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


@contextmanager
def _logging_restored(names: Sequence[str] = ("monitor", "apscheduler")) -> Iterator[None]:
    # `poll` and `run` point these loggers at the command's stderr; a real process would end with
    # them, so they are put back as they were, and later tests log (and capture logs) as before.
    saved = [(logging.getLogger(n), logging.getLogger(n).handlers[:]) for n in names]
    states = [(logger, logger.level, logger.propagate) for logger, _ in saved]
    try:
        yield
    finally:
        for logger, handlers in saved:
            logger.handlers[:] = handlers
        for logger, level, propagate in states:
            logger.setLevel(level)
            logger.propagate = propagate


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
    with _logging_restored(), runner.isolation(input=input, env=dict(env or {})) as (out, err, _mixed):
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
