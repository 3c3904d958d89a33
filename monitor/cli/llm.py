"""`trade-monitor llm-extract`: a language model behind a chat-completions API as the `extract.command`."""

from __future__ import annotations

import datetime as dt
import json
import os

import click

from monitor.cli.extract import read_article, split_date_line
from monitor.errors import InputError

#: The variable `extract.command` runs set to the article's date (monitor/extract/command.py's PUBLISHED_ENV;
#: written out so that starting this command imports no extractor module).
PUBLISHED_ENV = "TRADE_MONITOR_PUBLISHED"


def _published(option: str | None, date_line: dt.date | None) -> dt.date:
    # An empty --published is what `{published}` becomes for an article without a date: not given.
    for value, where in ((option, "--published"), (os.environ.get(PUBLISHED_ENV), PUBLISHED_ENV)):
        if value:
            try:
                return dt.date.fromisoformat(value)
            except ValueError:
                raise InputError(f"{where}: {value!r} is not a date", hint="expected YYYY-MM-DD") from None
    if date_line is not None:
        return date_line
    raise InputError(
        "no publication date for the article",
        hint=f"give --published YYYY-MM-DD or set {PUBLISHED_ENV}; extract.command runs set it for dated articles",
    )


@click.command("llm-extract")
@click.argument("file", metavar="[FILE]", default="-")
@click.option(
    "--url",
    required=True,
    metavar="URL",
    help="The chat-completions endpoint, e.g. http://127.0.0.1:11434/v1/chat/completions (Ollama).",
)
@click.option("--model", required=True, metavar="NAME", help="The model the server is asked to use.")
@click.option("--published", metavar="YYYY-MM-DD", help=f"The article's date (default: ${PUBLISHED_ENV}).")
@click.option(
    "--api-key-env",
    default="OPENAI_API_KEY",
    show_default=True,
    metavar="NAME",
    help="The environment variable holding the API key, sent as a Bearer token; unset is fine for a local server.",
)
@click.option(
    "--timeout", "timeout", type=float, default=50, show_default=True, help="Seconds to wait for the answer."
)
@click.option(
    "--json-mode/--no-json-mode",
    default=True,
    show_default=True,
    help="Ask the server for a JSON reply (response_format); turn off for a server that refuses the field.",
)
def llm_extract(
    file: str, url: str, model: str, published: str | None, api_key_env: str, timeout: float, json_mode: bool
) -> None:
    """Read the facts of an article (stdin, or FILE) with a language model behind an OpenAI-compatible API.

    Made to be the extract.command: the article on stdin, its date in
    $TRADE_MONITOR_PUBLISHED, {"facts": [...]} on stdout. With FILE, the date
    may also be the file's first line `date YYYY-MM-DD`, as for `trade-monitor
    extract` (a scorer runs either command the same way). A fact the contract
    does not allow is dropped and named on stderr; the others are printed. No
    answer to read (no server, an error status, a reply that is not the JSON
    asked for) prints nothing and exits 1.
    """
    from monitor.extract.llm import ask_model

    where = "standard input" if file == "-" else file
    date_line, text = split_date_line(read_article(file), where)
    day = _published(published, date_line)
    reading = ask_model(
        text,
        day,
        url=url,
        model=model,
        api_key=os.environ.get(api_key_env) or None,
        timeout_seconds=timeout,
        json_mode=json_mode,
    )
    for reason in reading.dropped:
        click.echo(f"llm-extract: dropped {reason}", err=True)
    click.echo(json.dumps({"facts": list(reading.facts)}, ensure_ascii=False))


COMMANDS: list[click.Command] = [llm_extract]
