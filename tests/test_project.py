"""The project's promises to a new user: the README's commands, lint and type checks."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def _readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"## Quick start.*?```sh\n(.*?)```", text, re.S)
    assert block, "the README opens with a quick start block"
    return [line for line in block.group(1).splitlines() if line and not line.startswith("#")]


def test_the_readme_gives_two_commands_and_ci_runs_the_second() -> None:
    run_cmd, test_cmd = _readme_commands()
    assert "trade-monitor init" in run_cmd and "trade-monitor run" in run_cmd
    assert "pytest" in test_cmd
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert test_cmd in ci.splitlines(), ".ci/run must run exactly the README's test command"


def _tm(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "TRADE_MONITOR_CONFIG"}
    return subprocess.run(
        [str(BIN / "trade-monitor"), *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=120
    )


def test_init_then_status_works_from_a_new_folder_with_no_flags(tmp_path: Path) -> None:
    done = _tm("init", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "config.toml").is_file()
    assert (tmp_path / "trade-monitor.db").is_file()
    status = _tm("status", cwd=tmp_path)
    assert status.returncode == 0, status.stderr
    assert "last position" in status.stdout


def test_python_dash_m_monitor_is_the_same_command(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "monitor", "--version"], cwd=tmp_path, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0
    assert "trade-monitor" in done.stdout


def test_a_command_without_a_config_says_how_to_get_one(tmp_path: Path) -> None:
    done = _tm("status", cwd=tmp_path)
    assert done.returncode != 0
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "config.toml" in lines[0] and "trade-monitor init" in lines[0]


@pytest.mark.skipif(
    shutil.which("ruff", path=str(BIN)) is None, reason="ruff is not installed (pip install -e '.[test]')"
)
def test_the_code_is_clean_under_ruff() -> None:
    done = subprocess.run(
        [str(BIN / "ruff"), "check", "monitor", "tests", "bench", "tools"], cwd=ROOT, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.skipif(
    shutil.which("mypy", path=str(BIN)) is None, reason="mypy is not installed (pip install -e '.[test]')"
)
def test_the_package_its_tools_and_benches_type_check() -> None:
    done = subprocess.run([str(BIN / "mypy")], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
