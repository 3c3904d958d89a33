"""`bench/storylines.py` on a storyline of our own, with labelled facts we wrote beside each article.

Run as a user runs it (a process of its own), it reads every article through the real command line
twice: with the built-in reader, and with itself as the `extract.command` printing the labels.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "data" / "storyline_bench"


def test_a_labelled_storyline_gives_every_expected_alert_once_and_nothing_unsupported() -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "storylines.py"), str(CORPUS)],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr
    summary = json.loads(done.stdout.strip().splitlines()[-1])
    assert (summary["articles"], summary["storylines"]) == (5, 1)
    # A 25% tariff, talks, its pause, a deal and a cut to 15%: five things a reader expects to hear.
    # The restated 25%, the deal's signing and the past 25% told as background are not news.
    labels = summary["labels"]
    assert (labels["expected"], labels["found"]) == (5, 5)
    assert labels["supported"] == labels["raised"] and labels["raised"] >= 5
    assert (labels["duplicates"], labels["unexpected"]) == (0, 0)
    assert summary["builtin"]["expected"] == 5 and summary["builtin"]["duplicates"] == 0
