"""tools/train_confidence.py: trains the confidence model on a labelled folder of our own articles."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

TOOL = Path(__file__).resolve().parents[2] / "tools" / "train_confidence.py"

# Each article: a measure stated with its rate (in the answers), then one stated without (not in them).
_ARTICLES = {
    "harbourpost-2031-03-02-steel": (
        "Canada imposed a 25% tariff on Chinese steel on Monday. Separately, the Philippines threatened tariffs "
        "on Thai rice.",
        [("CA", "CN", "steel", 25)],
    ),
    "harbourpost-2031-03-05-wine": (
        "Brazil raised its tariff on Argentine wine to 18 percent on Tuesday. Chile warned it could put duties "
        "on Bolivian lithium.",
        [("BR", "AR", "agriculture", 18)],
    ),
    "ledgerwire-2031-03-06-chips": (
        "Japan slapped a 12% levy on South Korean chips. Kenya announced tariffs on Ugandan sugar.",
        [("JP", "KR", "semiconductors", 12)],
    ),
    "ledgerwire-2031-03-08-barley": (
        "India imposed 30 per cent duties on Australian barley on Friday. Egypt said it would levy duties on "
        "Turkish textiles.",
        [("IN", "AU", "agriculture", 30)],
    ),
    "quaydaily-2031-03-09-copper": (
        "Mexico set a 40% tariff on Peruvian copper. Ghana threatened tariffs on Nigerian cement.",
        [("MX", "PE", "copper", 40)],
    ),
    "quaydaily-2031-03-10-salmon": (
        "Norway imposed a 9% tariff on Icelandic salmon. Vietnam announced duties on Cambodian cashews.",
        [("NO", "IS", "agriculture", 9)],
    ),
}


def _gold(imposer: str, target: str, sector: str, rate: float) -> dict[str, object]:
    return {
        "kind": "tariff",
        "imposer": imposer,
        "targets": [target],
        "sector": sector,
        "rate": rate,
        "until": None,
        "effective": None,
        "status": None,
        "evidence": "",
    }


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "labelled"
    folder.mkdir()
    for name, (text, answers) in _ARTICLES.items():
        (folder / f"{name}.txt").write_text(f"date 2031-03-12\n\n{text}\n", encoding="utf-8")
        (folder / f"{name}.gold.json").write_text(json.dumps({"facts": [_gold(*a) for a in answers]}))
    return folder


def _train(*args: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(TOOL), *map(str, args)], capture_output=True, text=True, timeout=300, check=False
    )


def _figures(out: str, label: str) -> tuple[float, float, float]:
    line = next(line for line in out.splitlines() if line.startswith(label))
    f1, p, r = (float(x) for x in re.findall(r"(?:F1|P|R) (\d\.\d+)", line))
    return f1, p, r


def test_trains_by_outlet_folds_reports_each_fold_and_writes_the_model(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "model.py"
    done = _train(corpus, "--folds", "3", "--out", out)
    assert done.returncode == 0, done.stderr
    assert "6 articles, 3 outlets, 12 readings, 6 right" in done.stdout
    assert [line.split()[1] for line in done.stdout.splitlines() if line.startswith("fold")] == [
        "1",
        "1",
        "2",
        "2",
        "3",
        "3",
    ]
    # Without the filter half the readings are wrong; held-out outlets learn that the unrated ones are.
    assert _figures(done.stdout, "mean without the filter") == (pytest.approx(0.667, abs=0.001), 0.5, 1.0)
    assert _figures(done.stdout, "mean with the filter") == (1.0, 1.0, 1.0)

    model: dict[str, object] = {}
    exec(out.read_text(encoding="utf-8"), model)
    weights, threshold = model["WEIGHTS"], model["THRESHOLD"]
    assert isinstance(weights, dict) and isinstance(threshold, float)
    assert weights["has_rate"] > 0.5 and "bias" in weights
    assert 0 < threshold < 1
    assert "12 readings of 6 labelled articles (3" in out.read_text(encoding="utf-8")
    # The same folder gives the same model.
    again = tmp_path / "again.py"
    assert _train(corpus, "--folds", "3", "--out", again).returncode == 0
    assert again.read_text(encoding="utf-8") == out.read_text(encoding="utf-8")


def test_dry_run_writes_nothing(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "model.py"
    done = _train(corpus, "--folds", "2", "--out", out, "--dry-run")
    assert done.returncode == 0, done.stderr
    assert "threshold chosen" in done.stdout
    assert not out.exists()


def test_a_broken_answer_file_is_named_and_nothing_is_written(corpus: Path, tmp_path: Path) -> None:
    (corpus / "quaydaily-2031-03-09-copper.gold.json").write_text('{"fact": []}')
    out = tmp_path / "model.py"
    out.write_text("# the model before\n")
    done = _train(corpus, "--folds", "3", "--out", out)
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "quaydaily-2031-03-09-copper.gold.json" in lines[0] and '"facts"' in lines[0]
    assert out.read_text() == "# the model before\n"


def test_an_article_without_its_date_line_is_named(corpus: Path) -> None:
    (corpus / "ledgerwire-2031-03-06-chips.txt").write_text("Japan slapped a 12% levy on South Korean chips.\n")
    done = _train(corpus, "--dry-run")
    assert done.returncode == 2
    assert "ledgerwire-2031-03-06-chips.txt line 1" in done.stderr and "date YYYY-MM-DD" in done.stderr
