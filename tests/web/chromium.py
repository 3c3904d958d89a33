"""Debian's headless Chromium driven over the DevTools protocol on a pipe (no driver, no extra package).

`--remote-debugging-pipe` makes Chromium read commands from file descriptor 3
and write answers and events to 4, one JSON object each, ended by a NUL byte.
The tests use it like a person with a browser: open an address, choose in a
form and press its button, follow a link, read what the page shows.
"""

from __future__ import annotations

import contextlib
import json
import os
import select
import shutil
import subprocess
import time
from pathlib import Path
from typing import Any

import pytest

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--remote-debugging-pipe",
]


def chromium_binary() -> str:
    """The chromium command, or skip saying how to get it."""
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        pytest.skip("Debian's chromium is not installed (apt-get install chromium; .ci/run installs it)")
    return found


class Browser:
    """One headless Chromium with one tab."""

    def __init__(self, profile: Path, *, timeout: float = 20.0) -> None:
        binary = chromium_binary()
        to_child, self._to_child = os.pipe()
        self._from_child, from_child_w = os.pipe()

        def wire() -> None:  # runs in the child: its fd 3 reads our commands, its fd 4 writes to us
            os.dup2(to_child, 3)
            os.dup2(from_child_w, 4)

        self.proc = subprocess.Popen(
            [binary, *FLAGS, f"--user-data-dir={profile}", "about:blank"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            preexec_fn=wire,
            pass_fds=(3, 4),
        )
        os.close(to_child)
        os.close(from_child_w)
        self.timeout = timeout
        self._buffer = b""
        self._next_id = 0
        self.events: list[dict[str, Any]] = []
        target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        self.session = self.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        self.page("Page.enable")
        self.page("Log.enable")

    def _read_message(self, deadline: float) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self._from_child], [], [], left)[0]:
                raise AssertionError("chromium did not answer in time")
            chunk = os.read(self._from_child, 1 << 16)
            if not chunk:
                raise AssertionError("chromium exited")
            self._buffer += chunk
        raw, _, self._buffer = self._buffer.partition(b"\0")
        message: dict[str, Any] = json.loads(raw)
        return message

    def call(self, method: str, params: dict[str, Any] | None = None, session: str | None = None) -> dict[str, Any]:
        """Send one command and return its result (events that arrive meanwhile are kept)."""
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self._to_child, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + self.timeout
        while True:
            answer = self._read_message(deadline)
            if answer.get("id") == self._next_id:
                if "error" in answer:
                    raise AssertionError(f"{method}: {answer['error']}")
                result: dict[str, Any] = answer.get("result", {})
                return result
            self.events.append(answer)

    def page(self, method: str, params: dict[str, Any] | None = None) -> dict[str, Any]:
        """A command to the tab."""
        return self.call(method, params, self.session)

    def _wait_load(self) -> None:
        deadline = time.monotonic() + self.timeout
        while True:
            for i, event in enumerate(self.events):
                if event.get("method") == "Page.loadEventFired":
                    del self.events[: i + 1]
                    return
            self.events.append(self._read_message(deadline))

    def _forget_loads(self) -> None:
        self.events = [e for e in self.events if e.get("method") != "Page.loadEventFired"]

    def open(self, url: str) -> None:
        """Go to `url` and wait until it has loaded."""
        self._forget_loads()
        self.page("Page.navigate", {"url": url})
        self._wait_load()

    def js(self, expression: str) -> Any:
        """The value of an expression evaluated in the page (the test's eyes and hands; the pages have no script)."""
        result = self.page("Runtime.evaluate", {"expression": expression, "returnByValue": True})
        if "exceptionDetails" in result:
            raise AssertionError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def act(self, expression: str) -> None:
        """Do something that loads another page (press a button, follow a link) and wait for it."""
        self._forget_loads()
        self.js(expression)
        self._wait_load()

    def phone(self, width: int = 375) -> None:
        """Lay pages out as on a phone `width` CSS pixels wide."""
        self.page(
            "Emulation.setDeviceMetricsOverride",
            {"width": width, "height": 800, "deviceScaleFactor": 2, "mobile": True},
        )

    def errors(self) -> list[str]:
        """Console and network errors logged so far (a missing favicon aside)."""
        return [
            e["params"]["entry"]["text"]
            for e in self.events
            if e.get("method") == "Log.entryAdded"
            and e["params"]["entry"]["level"] == "error"
            and "favicon" not in e["params"]["entry"].get("url", "")
        ]

    def close(self) -> None:
        """Quit Chromium."""
        with contextlib.suppress(AssertionError):  # it may be gone already
            self.call("Browser.close")
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        os.close(self._to_child)
        os.close(self._from_child)
