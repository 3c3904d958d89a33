"""`trade-monitor extract` as a user runs it: JSON shape, stdin, the date line, errors."""

from __future__ import annotations

import json
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
