"""A rendered digest opened in headless Chromium: it lays out within 600 px, fits a phone, logs no console errors."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import struct
import subprocess
from pathlib import Path

import pytest

from monitor.config import SubscriptionSettings
from monitor.digest.content import build_content
from monitor.digest.render import render
from tests.digest.conftest import START, make_alert, make_state

pytestmark = pytest.mark.chromium

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

# Test harness only (the digest itself carries no script): measure the digest inside two frames.
MEASURE = """<!DOCTYPE html><html><body>
<iframe id="wide" src="digest.html" style="width:1000px;height:2000px;border:0"></iframe>
<iframe id="phone" src="digest.html" style="width:375px;height:2000px;border:0"></iframe>
<script>
let loaded = 0;
function measure() {
  if (++loaded < 2) return;
  const wide = document.getElementById("wide").contentDocument;
  const phone = document.getElementById("phone").contentDocument;
  const out = document.createElement("pre");
  out.id = "measured";
  out.textContent = JSON.stringify({
    container: Math.round(wide.querySelector("table.container").getBoundingClientRect().width),
    cards: wide.querySelectorAll("table.card").length,
    phoneScroll: phone.documentElement.scrollWidth,
    scripts: wide.querySelectorAll("script").length,
  });
  document.body.appendChild(out);
}
document.getElementById("wide").addEventListener("load", measure);
document.getElementById("phone").addEventListener("load", measure);
</script></body></html>
"""


def _chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        pytest.skip("Debian's chromium is not installed (apt-get install chromium; .ci/run installs it)")
    return found


def _run(binary: str, profile: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [binary, *FLAGS, f"--user-data-dir={profile}", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def _digest_html(folder: Path) -> Path:
    sub = SubscriptionSettings(name="steel-desk", title="Steel & aluminium desk", timezone="Europe/Berlin")
    alerts = [
        make_alert("grave", severity="critical", until=dt.date(2025, 4, 20)),
        make_alert("middling", severity="warning", target="MX", summary="Duties on Mexican flat steel are paused"),
        make_alert("mild", severity="info", imposer="EU", target="US", rate=None, previous_rate=None),
    ]
    states = [
        make_state("m1", status="paused", pause_until=dt.date(2025, 4, 20)),
        make_state("m2", target="MX", status="announced", effective=dt.date(2025, 4, 15), rate=12.5),
        make_state("m3", imposer="EU", target="US", sector="aluminium", rate=10.0),
    ]
    html = render(build_content(sub, alerts, states, START)).html
    path = folder / "digest.html"
    path.write_text(html, encoding="utf-8")
    return path


def test_digest_lays_out_in_chromium_without_console_errors(tmp_path: Path) -> None:
    binary = _chromium()
    page = _digest_html(tmp_path)
    shot = tmp_path / "digest.png"
    run = _run(
        binary,
        tmp_path / "profile-shot",
        "--enable-logging=stderr",
        "--v=0",
        "--window-size=800,1400",
        f"--screenshot={shot}",
        page.as_uri(),
    )
    assert shot.exists(), f"no screenshot; chromium said: {run.stderr[-2000:]}"
    png = shot.read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", png[16:24])
    assert (width, height) == (800, 1400)
    console = [line for line in run.stderr.splitlines() if "CONSOLE" in line]
    assert console == [], f"console messages: {console}"

    harness = tmp_path / "measure.html"
    harness.write_text(MEASURE, encoding="utf-8")
    dumped = _run(
        binary,
        tmp_path / "profile-dom",
        "--allow-file-access-from-files",
        "--virtual-time-budget=5000",
        "--dump-dom",
        harness.as_uri(),
    )
    found = re.search(r'<pre id="measured">(.*?)</pre>', dumped.stdout)
    assert found, f"the digest could not be measured; chromium said: {dumped.stderr[-2000:]}"
    measured = __import__("json").loads(found.group(1).replace("&quot;", '"'))
    assert measured["container"] == 600  # at most 600 px wide in a wide window
    assert measured["cards"] == 3
    assert measured["phoneScroll"] <= 375  # and shrinks to a phone without sideways scrolling
    assert measured["scripts"] == 0
