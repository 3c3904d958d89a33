"""`trade-monitor serve` and the daemon with `[web] enabled`, as real processes: they serve, and stop on SIGTERM."""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from tests.cli_runner import run_cli
from tests.web.conftest import config_text

# Under `-n` (pyproject addopts) the tests that run a real daemon share one worker and run one after
# another, from the start of the run, so no daemon test starves another of the CPU (README, "Tests").
pytestmark = pytest.mark.xdist_group("daemons")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_until_up(url: str, proc: subprocess.Popen[str], timeout: float = 60.0) -> httpx.Response:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert proc.poll() is None, proc.communicate()[1]
        try:
            return httpx.get(url, timeout=10)
        except httpx.TransportError:
            time.sleep(0.1)
    raise AssertionError(f"{url} never answered")


def stop(proc: subprocess.Popen[str]) -> str:
    proc.send_signal(signal.SIGTERM)
    try:
        _, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert proc.returncode == 0, err
    return err


def start(config: Path, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "monitor", "--config", str(config), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_serve_answers_until_sigterm(filled_log: tuple[Path, dict[str, str]], tmp_path: Path) -> None:
    folder, feeds = filled_log
    db = tmp_path / "log.db"
    db.write_bytes((folder / "log.db").read_bytes())
    config = tmp_path / "config.toml"
    config.write_text(config_text(db, feeds), encoding="utf-8")
    port = free_port()
    proc = start(config, "serve", "--port", str(port))
    try:
        assert wait_until_up(f"http://127.0.0.1:{port}/healthz", proc).json() == {"status": "ok"}
        measures = httpx.get(f"http://127.0.0.1:{port}/api/v1/measures", timeout=20).json()["measures"]
        assert "US:CN:*" in {m["measure_id"] for m in measures}
    finally:
        err = stop(proc)
    assert f"web.started bind=127.0.0.1 port={port}" in err
    assert "web.stopped" in err


def test_serve_refuses_an_open_address_without_a_token(filled_log: tuple[Path, dict[str, str]], tmp_path: Path) -> None:
    folder, feeds = filled_log
    config = tmp_path / "config.toml"
    config.write_text(config_text(folder / "log.db", feeds), encoding="utf-8")
    done = run_cli(["--config", config, "serve", "--bind", "0.0.0.0", "--port", "0"])
    assert done.exit_code == 2
    assert "serving on 0.0.0.0 (not loopback) needs an access token" in done.stderr


def test_serve_says_when_the_port_is_taken(filled_log: tuple[Path, dict[str, str]], tmp_path: Path) -> None:
    folder, feeds = filled_log
    config = tmp_path / "config.toml"
    config.write_text(config_text(folder / "log.db", feeds), encoding="utf-8")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        done = run_cli(["--config", config, "serve", "--port", str(port)])
    assert done.exit_code == 1
    assert f"error: cannot listen on 127.0.0.1:{port}" in done.stderr


def test_the_daemon_serves_the_pages_when_enabled_and_stops_them_with_itself(
    filled_log: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    folder, _ = filled_log
    db = tmp_path / "log.db"
    db.write_bytes((folder / "log.db").read_bytes())
    port = free_port()
    config = tmp_path / "config.toml"
    config.write_text(config_text(db, {}, f"[web]\nenabled = true\nport = {port}\n"), encoding="utf-8")
    proc = start(config, "run")
    try:
        wait_until_up(f"http://127.0.0.1:{port}/healthz", proc)
        deadline = time.monotonic() + 15
        ready = httpx.get(f"http://127.0.0.1:{port}/readyz", timeout=20).json()
        while ready["checks"].get("scheduler") != "ok" and time.monotonic() < deadline:
            time.sleep(0.1)
            ready = httpx.get(f"http://127.0.0.1:{port}/readyz", timeout=20).json()
        assert ready == {"ready": True, "checks": {"database": "ok", "projections": "ok", "scheduler": "ok"}}
        page = httpx.get(f"http://127.0.0.1:{port}/deadlines?days=90", timeout=20)
        assert page.status_code == 200 and "trade-monitor" in page.text
    finally:
        err = stop(proc)
    assert "daemon.stopped" in err and "web.stopped" in err
    with socket.socket() as probe:
        assert probe.connect_ex(("127.0.0.1", port)) != 0  # nobody listens any more
