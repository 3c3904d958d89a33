"""The kind arbiter: a model trained by tools/train_kinds.py on labelled articles re-decides the kind of a fact the
rules read. Trained here on a folder of our own articles in a phrasing ("X will give back the 10% duty paid on
Y's goods": a refund, so a relief) that the hand rules read as a tariff."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from monitor.extract import extract_facts
from monitor.extract.kind_arbiter import Model, lemma, recording, using
from tests.extract.conftest import PUBLISHED

TOOL = Path(__file__).resolve().parents[2] / "tools" / "train_kinds.py"

# Each outlet: the side acting, the side whose goods are taxed, the rate. Two outlets fall in each of three folds.
_ARTICLES = {
    "harbourpost-2031-03-02-cement": ("Norway", "NO", "Iceland", "IS", 10),
    "ledgerwire-2031-03-03-cement": ("Peru", "PE", "Bolivia", "BO", 12),
    "quaydaily-2031-03-04-cement": ("Egypt", "EG", "Turkey", "TR", 25),
    "tidewatch-2031-03-05-cement": ("Kenya", "KE", "Uganda", "UG", 15),
    "portgazette-2031-03-06-cement": ("Sweden", "SE", "Latvia", "LV", 8),
    "dockside-2031-03-07-cement": ("Chile", "CL", "Argentina", "AR", 9),
}
_NEW_ARTICLE = "Customs brokers were busy this week. Ghana will give back the 14% duty paid on cement from Togo."


def _write_corpus(where: Path, refunded: bool = True) -> Path:
    folder = where / "labelled"
    folder.mkdir()
    for name, (acting, acting_code, hit, hit_code, rate) in _ARTICLES.items():
        # Each article also states a plain tariff, so the model learns what keeps a tariff's kind.
        taxed = f"{acting} imposed a {rate + 1}% tariff on steel from {hit} on Monday."
        said = (
            f"{acting} will give back the {rate}% duty paid on cement from {hit}."
            if refunded
            else f"{acting} imposed a {rate}% tariff on cement from {hit} on Monday."
        )
        (folder / f"{name}.txt").write_text(
            f"date 2031-03-12\n\nPort officials met traders. {taxed} {said}\n", encoding="utf-8"
        )
        facts = [
            {"kind": "tariff", "sector": "steel", "rate": rate + 1, "status": "in_effect", "evidence": taxed},
            {
                "kind": "relief" if refunded else "tariff",
                "sector": None,
                "rate": rate,
                "status": None if refunded else "in_effect",
                "evidence": said,
            },
        ]
        gold = [{"imposer": acting_code, "targets": [hit_code], "until": None, "effective": None, **f} for f in facts]
        (folder / f"{name}.gold.json").write_text(json.dumps({"facts": gold}), encoding="utf-8")
    return folder


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


@pytest.fixture(scope="module")
def trained(tmp_path_factory: pytest.TempPathFactory) -> tuple[subprocess.CompletedProcess[str], Path]:
    folder = tmp_path_factory.mktemp("kinds")
    out = folder / "model.py"
    return _train(_write_corpus(folder), "--folds", "3", "--out", out), out


def _kinds(text: str) -> list[tuple[str, str, tuple[str, ...], float | None]]:
    return [(f.kind, f.imposer, f.targets, f.rate) for f in extract_facts(text, PUBLISHED)]


def test_the_rules_alone_read_a_refund_as_a_tariff() -> None:
    # The arbiter's tests need a phrasing whose kind the rules misread.
    with using(None):
        assert _kinds(_NEW_ARTICLE) == [("tariff", "GH", ("TG",), 14.0)]


def test_a_trained_arbiter_reads_the_refund_as_a_relief(trained: tuple[subprocess.CompletedProcess[str], Path]) -> None:
    done, out = trained
    assert done.returncode == 0, done.stderr
    with using(_model(out)):
        assert _kinds(_NEW_ARTICLE) == [("relief", "GH", ("TG",), 14.0)]
        # A tariff said plainly keeps its kind.
        assert _kinds("Ghana imposed a 14% tariff on cement from Togo on Monday.") == [("tariff", "GH", ("TG",), 14.0)]


def test_the_tool_reports_the_kinds_per_fold_and_chooses_a_threshold(
    trained: tuple[subprocess.CompletedProcess[str], Path],
) -> None:
    done, out = trained
    assert "6 articles, 6 outlets, 12 facts read from gold facts' sentences" in done.stdout
    assert "the rules' kind wrong for 6: relief read as tariff 6" in done.stdout
    assert "a perfect arbiter F1 per fold 1.000  1.000  1.000" in done.stdout
    assert "threshold chosen" in done.stdout
    assert 0 < _model(out).threshold < 1


def test_an_arbiter_that_does_not_gain_writes_a_model_that_changes_nothing(tmp_path: Path) -> None:
    # Where the rules already read every kind right, no threshold does better: no kind is changed.
    out = tmp_path / "model.py"
    done = _train(_write_corpus(tmp_path, refunded=False), "--folds", "3", "--out", out)
    assert done.returncode == 0, done.stderr
    assert "the model written changes nothing" in done.stdout
    model = _model(out)
    assert model.weights == {} and model.threshold > 1
    with using(model):
        assert _kinds(_NEW_ARTICLE) == [("tariff", "GH", ("TG",), 14.0)]


def test_a_dry_run_writes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "model.py"
    done = _train(_write_corpus(tmp_path), "--folds", "3", "--out", out, "--dry-run")
    assert done.returncode == 0, done.stderr
    assert not out.exists()


def test_reading_records_each_sentence_with_the_rules_facts() -> None:
    with recording() as record:
        extract_facts(_NEW_ARTICLE, PUBLISHED)
    sentence, found = record[-1]
    assert sentence == "Ghana will give back the 14% duty paid on cement from Togo."
    assert [(f.kind, f.rate) for f in found] == [("tariff", 14.0)]


def test_word_endings_are_stripped_the_simple_way() -> None:
    assert [lemma(w) for w in ("Lifted", "lifting", "lifts", "duties", "tariffs", "cut")] == [
        "lift",
        "lift",
        "lift",
        "duti",
        "tariff",
        "cut",
    ]
