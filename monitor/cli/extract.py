"""`trade-monitor extract`: the facts one article states, for people or programs."""

from __future__ import annotations

import datetime as dt
import re
import sys

import click

from monitor.cli.output import FORMAT_OPTION, emit_json, emit_table
from monitor.errors import InputError

_DATE_LINE = re.compile(r"\A\s*date\s+(\S+)[ \t]*(?:\r?\n|\Z)")
_COLUMNS = ("kind", "imposer", "targets", "sector", "rate", "status", "until", "effective", "evidence")


def _parse_date(value: str, where: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise InputError(f"{where}: {value!r} is not a date", hint="expected YYYY-MM-DD") from exc


def read_article(path: str) -> str:
    """The text of the article file `path` ('-' for standard input); an InputError when it cannot be read."""
    if path == "-":
        data = sys.stdin.buffer.read()
    else:
        try:
            with open(path, "rb") as handle:
                data = handle.read()
        except OSError as exc:
            raise InputError(f"{path}: cannot read the article ({exc.strerror or exc})") from exc
    return data.decode("utf-8", errors="replace")


def split_date_line(text: str, where: str) -> tuple[dt.date | None, str]:
    """The `date YYYY-MM-DD` first line of an article, if any, and the text without it."""
    match = _DATE_LINE.match(text)
    if not match:
        return None, text
    return _parse_date(match.group(1), f"{where} line 1"), text[match.end() :]


@click.command()
@click.argument("file", metavar="FILE")
@click.option("--published", metavar="YYYY-MM-DD", help="The article's date; relative dates are resolved against it.")
@FORMAT_OPTION
def extract(file: str, published: str | None, fmt: str) -> None:
    """Read the trade-policy facts stated in the article FILE ('-' for standard input).

    Without --published, the first line of FILE must be `date YYYY-MM-DD` (it is not
    part of the text).

    JSON: {"facts": [{"kind", "imposer", "targets", "sector", "rate", "until",
    "effective", "status", "evidence", "authority", "previous_rate"}, ...]}
    """
    from monitor.extract import extract_facts

    where = "standard input" if file == "-" else file
    text = read_article(file)
    date_line, body = split_date_line(text, where)
    if published is not None:
        day: dt.date | None = _parse_date(published, "--published")
    elif date_line is not None:
        day = date_line
    else:
        raise InputError(
            f"{where}: no publication date",
            hint="give --published YYYY-MM-DD or start the file with a line 'date YYYY-MM-DD'",
        )
    facts = extract_facts(body, day)
    if fmt == "json":
        emit_json({"facts": [f.to_dict() for f in facts]})
        return
    emit_table([f.to_dict() for f in facts], _COLUMNS, empty="(no facts)")


COMMANDS: list[click.Command] = [extract]
