"""`trade-monitor extract` as a user runs it: JSON shape, stdin, the date line, errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from monitor.cli import cli

ARTICLE = (
    "The White House said on Monday it will impose a 35 percent tariff on Brazilian goods from August 1. "
    "Brasilia called the measure unfair."
)
FIELDS = {"kind", "imposer", "targets", "sector", "rate", "until", "effective", "status", "evidence"}


def _run(args: list[str], stdin: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, args, input=stdin)
    return result.exit_code, result.stdout, result.stderr


def test_json_output_is_exactly_the_contract_object(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    code, out, _ = _run(["extract", str(article), "--published", "2030-07-14", "--format", "json"])
    assert code == 0
    payload = json.loads(out)
    assert list(payload) == ["facts"]
    assert payload["facts"], "the tariff sentence gives a fact"
    for fact in payload["facts"]:
        assert set(fact) >= FIELDS
        assert fact["evidence"] in ARTICLE
    tariff = next(f for f in payload["facts"] if f["kind"] == "tariff")
    assert (tariff["imposer"], tariff["targets"], tariff["rate"]) == ("US", ["BR"], 35)
    assert tariff["effective"] == "2030-08-01"


def test_stdin_and_date_first_line(tmp_path: Path) -> None:
    code, out, _ = _run(["extract", "-", "--format", "json"], stdin="date 2030-07-14\n\n" + ARTICLE)
    assert code == 0
    facts = json.loads(out)["facts"]
    assert facts and all("date 2030" not in f["evidence"] for f in facts)


def test_no_facts_is_an_empty_list_and_exit_zero() -> None:
    code, out, _ = _run(
        ["extract", "-", "--published", "2030-01-01", "--format", "json"], stdin="The weather was mild today."
    )
    assert code == 0
    assert json.loads(out) == {"facts": []}


def test_table_for_people(tmp_path: Path) -> None:
    code, out, _ = _run(["extract", "-", "--published", "2030-07-14"], stdin=ARTICLE)
    assert code == 0
    assert out.splitlines()[0].split()[:3] == ["KIND", "IMPOSER", "TARGETS"]
    assert "tariff" in out


def test_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["extract", str(tmp_path / "nope.txt"), "--published", "2030-01-01"])
    assert result.exit_code != 0
    assert "nope.txt" in str(result.exception)


def test_bad_published_date_is_rejected() -> None:
    result = CliRunner().invoke(cli, ["extract", "-", "--published", "14/07/2030"], input=ARTICLE)
    assert result.exit_code != 0
    assert "YYYY-MM-DD" in str(result.exception)


def test_errors_exit_non_zero_with_one_line_naming_the_file(tmp_path: Path) -> None:
    missing = tmp_path / "missing-article.txt"
    done = subprocess.run(
        [sys.executable, "-m", "monitor", "extract", str(missing), "--published", "2030-01-01", "--format", "json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2
    assert done.stdout == ""
    assert "missing-article.txt" in done.stderr


def test_bad_date_line_and_no_date_at_all_are_errors(tmp_path: Path) -> None:
    for text in ("date 2030-13-45\nTariffs rose.", "No date line here.\nTariffs rose."):
        article = tmp_path / "a.txt"
        article.write_text(text, encoding="utf-8")
        done = subprocess.run(
            [sys.executable, "-m", "monitor", "extract", str(article), "--format", "json"],
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 2, text
        assert "a.txt" in done.stderr


def test_json_subprocess_prints_only_the_object(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("date 2030-07-14\n\n" + ARTICLE, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "monitor", "extract", str(article), "--format", "json"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(done.stdout)["facts"][0]["imposer"] == "US"
