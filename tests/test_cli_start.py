"""The command line starts fast: commands are imported when they run, and `--help` imports none."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

from monitor.cli import COMMANDS
from tests.cli_runner import run_cli

HEAVY = ("sqlalchemy", "httpx", "trafilatura", "feedparser", "jinja2", "apscheduler")


def test_every_command_is_in_the_table_with_its_own_summary() -> None:
    modules = {entry.target.partition(":")[0] for entry in COMMANDS.values()}
    defined = {command.name for module in modules for command in __import__(module, fromlist=["_"]).COMMANDS}
    assert set(COMMANDS) == defined
    for name, entry in COMMANDS.items():
        command = entry.load()
        assert command.name == name
        # The summary --help shows before the module is imported is the command's own first sentence.
        assert entry.summary == command.get_short_help_str(limit=10_000), name


def test_help_lists_every_command_and_each_command_has_its_help() -> None:
    listed = run_cli(["--help"])
    assert listed.exit_code == 0
    commands = listed.stdout.split("Commands:")[1].split()
    assert all(name in commands for name in COMMANDS)
    for name in COMMANDS:
        own = run_cli([name, "--help"])
        assert own.exit_code == 0 and f"Usage: trade-monitor {name}" in own.stdout
    unknown = run_cli(["polll"])
    assert unknown.exit_code == 2 and "No such command 'polll'" in unknown.stderr


def test_help_and_extract_import_no_database_http_or_template_package(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("date 2030-07-14\nThe council set a 12 percent duty on imported kayaks.\n", encoding="utf-8")
    # A fresh interpreter: this one has imported everything already.
    script = textwrap.dedent(
        f"""
        import json, sys
        from monitor.cli import main
        seen = {{}}
        for args in (["--help"], ["extract", {str(article)!r}, "--format", "json"]):
            try:
                main(args)
            except SystemExit as exc:
                assert not exc.code, exc.code
            seen[args[0]] = sorted(m for m in {HEAVY!r} if m in sys.modules)
        print(json.dumps(seen), file=sys.stderr)
        """
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=True)
    assert json.loads(done.stderr.strip().splitlines()[-1]) == {"--help": [], "extract": []}
    # After the help text, the facts as JSON: the command ran to the end.
    assert isinstance(json.loads(done.stdout[done.stdout.index('{\n  "facts"') :])["facts"], list)
