"""`tools/score_sets.py` scores the built-in reader on labelled folders, as the contract's scorer would."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

SCORE = Path(__file__).resolve().parents[2] / "tools" / "score_sets.py"

# Our own sentences: a tariff the reader reads, and an article that states no fact.
RIGHT = "Canada imposed a 20% tariff on steel from Brazil on Monday, the trade ministry in Ottawa said.\n"
PLAIN = "Officials said the weather was mild and markets were calm on Tuesday.\n"


def _fact(**fields: object) -> dict[str, object]:
    base: dict[str, object] = {"imposer": None, "targets": None, "sector": None, "rate": None, "until": None}
    return {**base, **fields}


def _write(folder: Path, name: str, text: str, facts: list[dict[str, object]]) -> None:
    folder.mkdir(exist_ok=True)
    (folder / f"{name}.txt").write_text(f"date 2024-03-04\n\n{text}", encoding="utf-8")
    (folder / f"{name}.gold.json").write_text(json.dumps({"facts": facts}), encoding="utf-8")


def _score(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(SCORE), *args], capture_output=True, text=True, timeout=120)


def _reader_facts(text: str) -> list[dict[str, object]]:
    import datetime as dt

    from monitor.extract import extract_facts

    return [fact.to_dict() for fact in extract_facts(text, dt.date(2024, 3, 4))]


def test_each_folder_and_all_together_are_scored_by_the_contracts_matching(tmp_path: Path) -> None:
    read = _reader_facts(RIGHT)
    assert read, "the reader should read the tariff of our sentence"
    first = read[0]
    one, two = tmp_path / "one", tmp_path / "two"
    # Folder one: the reader's own reading as the answer (all matched).
    _write(one, "alpha-2024-03-04-a", RIGHT, [dict(first)])
    # Folder two: the same article with an answer the reader misses (another rate), and an article with no fact.
    _write(two, "beta-2024-03-04-b", RIGHT, [_fact(kind="tariff", imposer=first["imposer"], targets=["XX"], rate=55)])
    _write(two, "gamma-2024-03-04-c", PLAIN, [])
    done = _score(str(one), str(two), "--format", "json", "--kinds")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    by_set = {Path(entry["set"]).name: entry for entry in report["sets"]}
    assert by_set["one"]["matched"] == 1 and by_set["one"]["gold"] == 1
    assert by_set["one"]["recall"] == 1.0
    assert by_set["two"]["articles"] == 2 and by_set["two"]["matched"] == 0 and by_set["two"]["gold"] == 1
    assert by_set["two"]["f1"] == 0.0
    assert by_set["one"]["kinds"]["tariff"]["matched"] == 1
    everything = report["all"]
    assert everything["articles"] == 3 and everything["gold"] == 2 and everything["matched"] == 1
    assert everything["predicted"] == by_set["one"]["predicted"] + by_set["two"]["predicted"]

    table = _score(str(one), str(two))
    assert table.returncode == 0
    lines = table.stdout.splitlines()
    assert lines[0].split()[:2] == ["set", "articles"]
    assert lines[-1].split()[0] == "all" and lines[-1].split()[1] == "3"


def test_a_broken_answer_file_is_named_and_nothing_is_scored(tmp_path: Path) -> None:
    folder = tmp_path / "set"
    _write(folder, "alpha-2024-03-04-a", RIGHT, [])
    (folder / "alpha-2024-03-04-a.gold.json").write_text('{"facts": 3}', encoding="utf-8")
    done = _score(str(folder))
    assert done.returncode == 2
    assert "alpha-2024-03-04-a.gold.json" in done.stderr and '"facts" must be a list' in done.stderr
    assert done.stdout == ""
    missing = _score(str(tmp_path / "nowhere"))
    assert missing.returncode == 2 and "not a folder" in missing.stderr
