"""The sentence proposer: a model trained by tools/train_proposer.py on labelled articles flags sentences the
rules read no tariff from, and the fact is built from the reader's own parts. Trained here on a folder of our
own articles, in a phrasing ("... will owe a duty") that no hand rule reads."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from monitor.extract import extract_facts
from monitor.extract.proposer import Model, using
from tests.extract.conftest import PUBLISHED

TOOL = Path(__file__).resolve().parents[2] / "tools" / "train_proposer.py"

# Each outlet: a tariff in words no rule lists (in the answers), a trade statistic with a rate (not in them),
# and a sentence of background. Two outlets fall in each of three folds.
_ARTICLES = {
    "harbourpost-2031-03-02-salmon": (
        "Icelandic salmon landed in Norway will owe a duty from Monday.",
        "Exports of Icelandic salmon to Norway rose 14 percent last quarter.",
        ("NO", "IS", "agriculture"),
    ),
    "ledgerwire-2031-03-03-cement": (
        "Bolivian cement entering Peru will owe a duty from Friday.",
        "Exports of Bolivian cement to Peru fell 6 percent in February.",
        ("PE", "BO", None),
    ),
    "quaydaily-2031-03-04-steel": (
        "Turkish steel entering Egypt will owe a duty from next week.",
        "Exports of Turkish steel to Egypt rose 11 percent last year.",
        ("EG", "TR", "steel"),
    ),
    "tidewatch-2031-03-05-sugar": (
        "Ugandan sugar landed in Kenya will owe a duty from Tuesday.",
        "Exports of Ugandan sugar to Kenya fell 3 percent in January.",
        ("KE", "UG", "agriculture"),
    ),
    "portgazette-2031-03-06-timber": (
        "Latvian timber entering Sweden will owe a duty from April.",
        "Exports of Latvian timber to Sweden rose 8 percent last month.",
        ("SE", "LV", "lumber"),
    ),
    "dockside-2031-03-07-wine": (
        "Chilean wine landed in Argentina will owe a duty from Thursday.",
        "Exports of Chilean wine to Argentina fell 9 percent in the winter.",
        ("AR", "CL", "agriculture"),
    ),
}


def _write_corpus(where: Path) -> Path:
    folder = where / "labelled"
    folder.mkdir()
    for name, (tariff, statistic, (imposer, target, sector)) in _ARTICLES.items():
        text = f"Port officials met traders this week. {statistic} {tariff}"
        (folder / f"{name}.txt").write_text(f"date 2031-03-12\n\n{text}\n", encoding="utf-8")
        gold = {
            "kind": "tariff",
            "imposer": imposer,
            "targets": [target],
            "sector": sector,
            "rate": None,
            "until": None,
            "effective": None,
            "status": "announced",
            "evidence": tariff,
        }
        (folder / f"{name}.gold.json").write_text(json.dumps({"facts": [gold]}), encoding="utf-8")
    return folder


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return _write_corpus(tmp_path)


def _train(*args: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(TOOL), *map(str, args)], capture_output=True, text=True, timeout=300, check=False
    )


def _model(path: Path) -> Model:
    namespace: dict[str, object] = {}
    exec(path.read_text(encoding="utf-8"), namespace)
    weights, threshold = namespace["WEIGHTS"], namespace["THRESHOLD"]
    assert isinstance(weights, dict) and isinstance(threshold, float)
    return Model(weights=weights, threshold=threshold)


_NEW_ARTICLE = (
    "Dockworkers in Osaka were busy on Monday. Exports of Vietnamese rice to Japan rose 12 percent in March. "
    "Vietnamese rice entering Japan will owe a duty from May."
)


@pytest.fixture(scope="module")
def trained(tmp_path_factory: pytest.TempPathFactory) -> tuple[subprocess.CompletedProcess[str], Path]:
    folder = tmp_path_factory.mktemp("proposer")
    out = folder / "model.py"
    return _train(_write_corpus(folder), "--folds", "3", "--out", out), out


def test_the_rules_alone_read_no_tariff_from_that_phrasing() -> None:
    assert [f for f in extract_facts(_NEW_ARTICLE, PUBLISHED) if f.kind == "tariff"] == []


def test_a_tariff_stated_in_words_no_rule_lists_is_read_and_a_statistic_is_not(
    trained: tuple[subprocess.CompletedProcess[str], Path],
) -> None:
    done, out = trained
    assert done.returncode == 0, done.stderr
    with using(_model(out)):
        facts = extract_facts(_NEW_ARTICLE, PUBLISHED)
    assert [(f.kind, f.imposer, f.targets, f.sector, f.rate) for f in facts] == [
        ("tariff", "JP", ("VN",), "agriculture", None)
    ]
    assert facts[0].evidence == "Vietnamese rice entering Japan will owe a duty from May."
    assert 0.0 < facts[0].confidence <= 1.0


def test_the_tool_reports_flags_and_scores_per_fold_held_out(
    trained: tuple[subprocess.CompletedProcess[str], Path],
) -> None:
    done, out = trained
    assert "6 articles, 6 outlets, 18 sentences, 6 stating a tariff" in done.stdout
    # The rules read none of the six tariffs, so every one is left to the proposer.
    assert "holding 6 gold tariff facts (6 of them matched nowhere by the rules)" in done.stdout
    folds = [line.split()[1] for line in done.stdout.splitlines() if line.startswith("fold")]
    assert folds == ["1", "2", "3"]
    assert "threshold chosen" in done.stdout
    model = _model(out)
    assert 0 < model.threshold < 1


def test_words_of_fewer_than_three_outlets_are_not_learned(
    trained: tuple[subprocess.CompletedProcess[str], Path],
) -> None:
    _done, out = trained
    weights = _model(out).weights
    assert "w:owe" in weights  # said by every outlet
    assert not any("salmon" in name or "timber" in name for name in weights)  # said by one outlet each


def test_a_proposer_that_does_not_gain_writes_a_model_that_flags_nothing(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "model.py"
    done = _train(corpus, "--folds", "3", "--out", out, "--min-gain", "1.5")
    assert done.returncode == 0, done.stderr
    assert "the model written flags nothing" in done.stdout
    model = _model(out)
    assert model.weights == {}
    with using(model):
        assert [f for f in extract_facts(_NEW_ARTICLE, PUBLISHED) if f.kind == "tariff"] == []


def test_an_article_without_its_date_line_is_named_and_nothing_is_written(corpus: Path, tmp_path: Path) -> None:
    (corpus / "dockside-2031-03-07-wine.txt").write_text("Chilean wine landed in Argentina will owe a duty.\n")
    out = tmp_path / "model.py"
    done = _train(corpus, "--dry-run", "--out", out)
    assert done.returncode == 2
    assert "dockside-2031-03-07-wine.txt line 1" in done.stderr and "date YYYY-MM-DD" in done.stderr
    assert not out.exists()
