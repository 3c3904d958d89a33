"""The party arbiter: a model trained by tools/train_roles.py on labelled articles re-decides who acts and who
is hit among the parties a sentence names. Trained here on a folder of our own articles in a phrasing
("X's exports now bear a 10% levy that goes to Y") whose side acting the hand rules do not read."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from monitor.extract import extract_facts
from monitor.extract.roles import Model, recording, using
from tests.extract.conftest import PUBLISHED

TOOL = Path(__file__).resolve().parents[2] / "tools" / "train_roles.py"

# Each outlet: the side hit, the side acting, the rate. Two outlets fall in each of three folds.
_ARTICLES = {
    "harbourpost-2031-03-02-salmon": ("Iceland", "IS", "Norway", "NO", 10),
    "ledgerwire-2031-03-03-cement": ("Bolivia", "BO", "Peru", "PE", 12),
    "quaydaily-2031-03-04-steel": ("Turkey", "TR", "Egypt", "EG", 25),
    "tidewatch-2031-03-05-sugar": ("Uganda", "UG", "Kenya", "KE", 15),
    "portgazette-2031-03-06-timber": ("Latvia", "LV", "Sweden", "SE", 8),
    "dockside-2031-03-07-wine": ("Argentina", "AR", "Chile", "CL", 9),
}
_NEW_ARTICLE = "Customs brokers were busy this week. Ghana's cocoa now bears a 14% levy that goes to Togo."


def _write_corpus(where: Path, paid: bool = True) -> Path:
    folder = where / "labelled"
    folder.mkdir()
    for name, (hit, hit_code, acting, acting_code, rate) in _ARTICLES.items():
        said = (
            f"{hit}'s exports now bear a {rate}% levy that goes to {acting}."
            if paid
            else f"{acting} imposed a {rate}% tariff on {hit} on Monday."
        )
        (folder / f"{name}.txt").write_text(
            f"date 2031-03-12\n\nPort officials met traders. {said}\n", encoding="utf-8"
        )
        gold = {
            "kind": "tariff",
            "imposer": acting_code,
            "targets": [hit_code],
            "sector": None,
            "rate": rate,
            "until": None,
            "effective": None,
            "status": "in_effect",
            "evidence": said,
        }
        (folder / f"{name}.gold.json").write_text(json.dumps({"facts": [gold]}), encoding="utf-8")
    return folder


def _train(*args: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(TOOL), *map(str, args)], capture_output=True, text=True, timeout=300, check=False
    )


def _model(path: Path) -> Model:
    namespace: dict[str, object] = {}
    exec(path.read_text(encoding="utf-8"), namespace)
    acts, hit, threshold = namespace["ACTS"], namespace["HIT"], namespace["THRESHOLD"]
    assert isinstance(acts, dict) and isinstance(hit, dict) and isinstance(threshold, float)
    return Model(acts=acts, hit=hit, threshold=threshold)


@pytest.fixture(scope="module")
def trained(tmp_path_factory: pytest.TempPathFactory) -> tuple[subprocess.CompletedProcess[str], Path]:
    folder = tmp_path_factory.mktemp("roles")
    out = folder / "model.py"
    return _train(_write_corpus(folder), "--folds", "3", "--out", out), out


def _sides(text: str) -> list[tuple[str, str, tuple[str, ...], float | None]]:
    return [(f.kind, f.imposer, f.targets, f.rate) for f in extract_facts(text, PUBLISHED)]


def test_the_rules_alone_miss_the_side_paid() -> None:
    # The arbiter's tests need a phrasing the rules misread: here they guess the US as the side acting
    # and count the side the levy goes to as one hit.
    with using(None):
        assert _sides(_NEW_ARTICLE) == [("tariff", "US", ("GH", "TG"), 14.0)]


def test_a_trained_arbiter_reads_the_side_paid_as_the_side_acting(
    trained: tuple[subprocess.CompletedProcess[str], Path],
) -> None:
    done, out = trained
    assert done.returncode == 0, done.stderr
    with using(_model(out)):
        assert _sides(_NEW_ARTICLE) == [("tariff", "TG", ("GH",), 14.0)]


def test_the_tool_reports_the_sides_per_fold_held_out_and_chooses_a_threshold(
    trained: tuple[subprocess.CompletedProcess[str], Path],
) -> None:
    done, out = trained
    assert "6 articles, 6 outlets, 6 measures read from gold facts' sentences" in done.stdout
    assert "tariff     6: imposer named    6 (carried 0)" in done.stdout
    rules = next(line for line in done.stdout.splitlines() if line.startswith("rules alone"))
    assert "all: imposer 0, targets 6, both 0 of 6" in rules  # the rules guessed the US every time
    assert "threshold chosen" in done.stdout
    assert 0.5 <= _model(out).threshold < 1


def test_an_arbiter_that_does_not_gain_writes_a_model_that_overrules_nothing(tmp_path: Path) -> None:
    # Where the rules already read every side right, no threshold does better: nothing is overruled.
    out = tmp_path / "model.py"
    done = _train(_write_corpus(tmp_path, paid=False), "--folds", "3", "--out", out)
    assert done.returncode == 0, done.stderr
    assert "the model written overrules nothing" in done.stdout
    model = _model(out)
    assert model.acts == {} and model.hit == {} and model.threshold > 1
    with using(model):
        assert _sides(_NEW_ARTICLE) == [("tariff", "US", ("GH", "TG"), 14.0)]


def test_reading_records_each_sentence_with_its_parties_and_the_rules_facts() -> None:
    with recording() as record:
        extract_facts(_NEW_ARTICLE, PUBLISHED)
    sentence, mentions, ctx, found = record[-1]
    assert sentence == "Ghana's cocoa now bears a 14% levy that goes to Togo."
    assert [(m.code, m.text) for m in mentions] == [("GH", "Ghana"), ("TG", "Togo")]
    assert [(f.imposer, f.targets) for f in found] == [("US", ("GH", "TG"))]
    assert set(ctx) == {"partner", "home", "government", "actor"}


def test_a_dry_run_writes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "model.py"
    done = _train(_write_corpus(tmp_path), "--folds", "3", "--out", out, "--dry-run")
    assert done.returncode == 0, done.stderr
    assert not out.exists()
