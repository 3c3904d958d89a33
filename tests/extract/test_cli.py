"""`trade-monitor extract` as a user runs it: JSON shape, stdin, the date line, errors.

In this process, through the installed command's `main`: the exit codes and
the one-line errors are the real ones (tests/test_project.py starts the real
program).
"""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli_runner import CliResult, run_cli

ARTICLE = (
    "The White House said on Monday it will impose a 35 percent tariff on Brazilian goods from August 1. "
    "Brasilia called the measure unfair."
)
FIELDS = {"kind", "imposer", "targets", "sector", "rate", "until", "effective", "status", "evidence"}


def extract(*args: str, stdin: str | None = None) -> CliResult:
    return run_cli(["extract", *args], input=stdin)


def one_line_error(done: CliResult) -> str:
    """The error a failed command printed: exactly one line on stderr, nothing on stdout."""
    assert done.exit_code == 2, done
    assert done.stdout == ""
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), done.stderr
    return lines[0]


def test_json_output_is_exactly_the_contract_object(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    done = extract(str(article), "--published", "2030-07-14", "--format", "json")
    assert done.exit_code == 0
    payload = json.loads(done.stdout)
    assert list(payload) == ["facts"]
    assert payload["facts"], "the tariff sentence gives a fact"
    for fact in payload["facts"]:
        assert set(fact) >= FIELDS
        assert fact["evidence"] in ARTICLE
    tariff = next(f for f in payload["facts"] if f["kind"] == "tariff")
    assert (tariff["imposer"], tariff["targets"], tariff["rate"]) == ("US", ["BR"], 35)
    assert tariff["effective"] == "2030-08-01"


def test_stdin_and_date_first_line() -> None:
    done = extract("-", "--format", "json", stdin="date 2030-07-14\n\n" + ARTICLE)
    assert done.exit_code == 0
    facts = json.loads(done.stdout)["facts"]
    assert facts and all("date 2030" not in f["evidence"] for f in facts)


def test_a_date_line_in_a_file_is_the_publication_date(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("date 2030-07-14\n\n" + ARTICLE, encoding="utf-8")
    done = extract(str(article), "--format", "json")
    assert done.exit_code == 0
    assert json.loads(done.stdout)["facts"][0]["imposer"] == "US"


def test_no_facts_is_an_empty_list_and_exit_zero() -> None:
    done = extract("-", "--published", "2030-01-01", "--format", "json", stdin="The weather was mild today.")
    assert done.exit_code == 0
    assert json.loads(done.stdout) == {"facts": []}


def test_table_for_people() -> None:
    done = extract("-", "--published", "2030-07-14", stdin=ARTICLE)
    assert done.exit_code == 0
    assert done.stdout.splitlines()[0].split()[:3] == ["KIND", "IMPOSER", "TARGETS"]
    assert "tariff" in done.stdout


def test_a_missing_file_is_one_line_naming_it(tmp_path: Path) -> None:
    missing = tmp_path / "missing-article.txt"
    line = one_line_error(extract(str(missing), "--published", "2030-01-01", "--format", "json"))
    assert "missing-article.txt" in line and "cannot read the article" in line


def test_a_bad_published_date_is_rejected() -> None:
    line = one_line_error(extract("-", "--published", "14/07/2030", stdin=ARTICLE))
    assert "--published" in line and "YYYY-MM-DD" in line


def test_bad_date_line_and_no_date_at_all_are_errors(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    for text, reason in (
        ("date 2030-13-45\nTariffs rose.", "is not a date"),
        ("No date line here.\nTariffs rose.", "no publication date"),
    ):
        article.write_text(text, encoding="utf-8")
        line = one_line_error(extract(str(article), "--format", "json"))
        assert "a.txt" in line and reason in line
