"""How long `trade-monitor status --format json` takes, as monitoring runs it: a new process each time.

    python bench/status.py          # under a minute; the last line is one JSON object

A log is made in a temporary folder (`init`, then three short articles of our
own ingested). `status --format json` is then run ROUNDS times, each a new
process of the `trade-monitor` installed beside this Python, alternating with
the baseline, `events --limit 1 --format json`: the cheapest command on the
same database (the same start-up, configuration, engine and migration check),
so the ratio says what `status` adds and does not move with the machine's
load. Medians count. `modules` is how many modules the `status` process
loads: the imports are most of its time.

Run it with another checkout's Python (`/other/.venv/bin/python bench/status.py`)
to measure that checkout's `trade-monitor` against the same baseline.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROUNDS = 15
ARTICLES = {
    "one.txt": "Ruritania will impose a 12 percent tariff on cheese imported from Freedonia, its trade office said.\n",
    "two.txt": "Freedonia raised its tariff on wine from Ruritania to 20 percent from 5 percent, officials said.\n",
    "three.txt": "Ruritania paused the cheese tariffs on Freedonia until September 1, the trade office said.\n",
}
COUNT_MODULES = (
    "import contextlib, io, runpy, sys\n"
    "sys.argv = ['trade-monitor', '--config', sys.argv[1], 'status', '--format', 'json']\n"
    "with contextlib.redirect_stdout(io.StringIO()), contextlib.suppress(SystemExit):\n"
    "    runpy.run_module('monitor', run_name='__main__')\n"
    "print(len(sys.modules))\n"
)


def timed(args: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


def main() -> None:
    command = str(Path(sys.executable).parent / "trade-monitor")
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run([command, "init", folder], check=True, stdout=subprocess.DEVNULL)
        config = str(Path(folder) / "config.toml")
        for name, text in ARTICLES.items():
            (Path(folder) / name).write_text(text, encoding="utf-8")
        files = [str(Path(folder) / name) for name in ARTICLES]
        subprocess.run(
            [command, "--config", config, "ingest", *files, "--published", "2025-04-02", "--now", "2025-04-03"],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        status = [command, "--config", config, "status", "--format", "json"]
        baseline = [command, "--config", config, "events", "--limit", "1", "--format", "json"]
        timed(status)  # the first run compiles bytecode; it does not count
        timed(baseline)
        status_s, baseline_s = [], []
        for _ in range(ROUNDS):
            status_s.append(timed(status))
            baseline_s.append(timed(baseline))
        counted = subprocess.run(
            # Run from the log's folder, so `monitor` is the installed one, not a checkout in the working directory.
            [sys.executable, "-c", COUNT_MODULES, config],
            check=True,
            capture_output=True,
            text=True,
            cwd=folder,
        )
    result = {
        "bench": "status",
        "status_s": round(statistics.median(status_s), 3),
        "baseline_s": round(statistics.median(baseline_s), 3),
        "ratio": round(statistics.median(status_s) / statistics.median(baseline_s), 2),
        "modules": int(counted.stdout.strip()),
        "rounds": ROUNDS,
    }
    print(f"status --format json: median {result['status_s']} s; events --limit 1: {result['baseline_s']} s")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
