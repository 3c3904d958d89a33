"""Bring your own extractor: `extract.command` runs real programs (tests/data/extractors/) on each article.

Through `ingest` in this process and through `poll` on a loopback feed server
(where the command runs inside the worker processes): the facts the command
prints are recorded with a version naming it, and a command that fails, hangs,
prints nothing or prints what the contract does not allow leaves nothing of
that article in the log, names the article and the field, and the rest of the
work is done.
"""

from __future__ import annotations

import hashlib
import json
import os
import shlex
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sources.feedserver import FeedServer, Item, Route, rss

from monitor.clock import SystemClock
from monitor.config import load_settings
from monitor.daemon import build_scheduler
from monitor.log import EventStore, open_engine
from monitor.log.migrate import upgrade
from monitor.pipeline import open_poller
from monitor.sources.health import feed_state
from tests.cli_runner import CliResult, run_cli

EXTRACTORS = Path(__file__).parent / "data" / "extractors"

COPPER = "Norway set a 12 percent duty on Chilean copper."
CARS = "Iceland set a 7.5 percent duty on Japanese cars."
STEEL = "Canada set a 20 percent duty on Norwegian steel."
WINE = "Japan set a 9 percent duty on Chilean wine."


def command_of(script: str, *args: str) -> str:
    """The command line that runs one of our extractor scripts with this venv's python."""
    return shlex.join([sys.executable, str(EXTRACTORS / script), *args])


def write_config(
    folder: Path, *, command: str = "", mode: str = "command", timeout: float = 10, feeds: dict[str, str] | None = None
) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    lines = [
        '[database]\nurl = "sqlite:///log.db"\n',
        "[fetch]\nread_timeout_s = 2\nconnect_timeout_s = 2\njitter_s = 0\n",
        f"[extract]\nmode = {json.dumps(mode)}\ncommand = {json.dumps(command)}\ntimeout_seconds = {timeout}\n",
    ]
    for name, url in (feeds or {}).items():
        lines.append(f'[[feeds]]\nname = "{name}"\nurl = "{url}"\ninterval_minutes = 30\n')
    path = folder / "config.toml"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def article(folder: Path, name: str, *sentences: str, date: str = "2025-03-03") -> Path:
    path = folder / name
    path.write_text(f"date {date}\n" + " ".join(sentences) + "\n", encoding="utf-8")
    return path


def tm(config: Path, *args: str | Path) -> CliResult:
    return run_cli(["--config", config, *args])


def events(config: Path, kind: str) -> list[dict[str, Any]]:
    result = tm(config, "events", "--type", kind, "--format", "json")
    assert result.exit_code == 0, result
    found: list[dict[str, Any]] = json.loads(result.stdout)["events"]
    return found


def fact_keys(config: Path) -> list[tuple[object, ...]]:
    return [
        (f["data"]["kind"], f["data"]["imposer"], tuple(f["data"]["targets"]), f["data"]["sector"], f["data"]["rate"])
        for f in events(config, "fact.extracted")
    ]


@pytest.fixture
def server() -> Iterator[FeedServer]:
    srv = FeedServer()
    yield srv
    srv.close()


# --- what a working command prints is recorded ---------------------------------------------------------


def test_ingest_records_the_facts_the_command_prints_with_the_date_in_the_environment_and_the_argument(
    tmp_path: Path,
) -> None:
    # The tagger refuses to answer when $TRADE_MONITOR_PUBLISHED and its argument disagree.
    command = command_of("tagger.py", "--published", "{published}")
    config = write_config(tmp_path, command=command)
    path = article(tmp_path, "duties.txt", COPPER, "Markets were calm.", CARS)

    result = tm(config, "ingest", path, "--format", "json")

    assert result.exit_code == 0, result
    (row,) = json.loads(result.stdout)["articles"]
    assert (row["outcome"], row["facts"], row["error"]) == ("new", 2, None)
    facts = [f["data"] for f in events(config, "fact.extracted")]
    assert [(f["imposer"], f["targets"], f["sector"], f["rate"], f["effective"]) for f in facts] == [
        ("NO", ["CL"], "copper", 12, "2025-03-03"),
        ("IS", ["JP"], "autos", 7.5, "2025-03-03"),
    ]
    assert facts[0]["evidence"] == COPPER
    # The version on every fact names the command that read it.
    version = "command:" + hashlib.sha256(command.encode()).hexdigest()[:12]
    assert {f["extractor_version"] for f in facts} == {version}


def test_both_records_the_union_of_the_builtin_reader_and_the_command_each_fact_once(tmp_path: Path) -> None:
    sentences = (COPPER, "The United States imposed a 25 percent tariff on steel from Canada.", CARS)
    found = {}
    for mode in ("builtin", "command", "both"):
        config = write_config(tmp_path / mode, mode=mode, command="" if mode == "builtin" else command_of("tagger.py"))
        assert tm(config, "ingest", article(tmp_path / mode, "a.txt", *sentences)).exit_code == 0
        found[mode] = fact_keys(config)

    shared = ("tariff", "NO", ("CL",), "copper", 12)
    assert shared in found["builtin"] and shared in found["command"]
    assert set(found["both"]) == set(found["builtin"]) | set(found["command"])
    assert len(found["both"]) == len(set(found["both"])), "a fact both readers found is recorded once"
    assert ("tariff", "US", ("CA",), "steel", 25) in found["both"], "the built-in reader adds what the command missed"


# --- a command that fails leaves nothing of the article -------------------------------------------------


@pytest.mark.parametrize(
    ("script", "args", "said"),
    [
        ("crashing.py", (), ["exited with status 3", "weights file tagger.bin is missing"]),
        ("silent.py", (), ["printed nothing"]),
        ("off_contract.py", ("json",), ["printed no valid JSON"]),
        ("off_contract.py", ("kind",), ["facts[1].kind must be one of tariff", '"embargo"']),
        ("off_contract.py", ("code",), ["facts[1].targets[1] must be an ISO 3166-1 alpha-2 code", '"XX"']),
        ("off_contract.py", ("imposer",), ["facts[1].imposer must be an ISO 3166-1 alpha-2 code", '"Japan"']),
        ("off_contract.py", ("sector",), ["facts[1].sector must be one of autos", '"toys"']),
        ("off_contract.py", ("date",), ["facts[1].until must be a date YYYY-MM-DD", '"2025-02-30"']),
        ("off_contract.py", ("type",), ["facts[1].rate must be a number", '"eight"']),
    ],
)
def test_a_failing_command_names_the_article_and_the_fault_and_records_nothing_of_it(
    tmp_path: Path, script: str, args: tuple[str, ...], said: list[str]
) -> None:
    config = write_config(tmp_path, command=command_of(script, *args))
    path = article(tmp_path, "copper.txt", COPPER)

    result = tm(config, "ingest", path, "--format", "json")

    assert result.exit_code == 1, result
    (line,) = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    assert str(path) in line
    for words in said:
        assert words in line
    (row,) = json.loads(result.stdout)["articles"]
    assert row["outcome"] == "failed" and said[0] in row["error"]
    # Not half recorded: neither the article nor the good first fact the command printed.
    assert events(config, "article.recorded") == [] and events(config, "fact.extracted") == []
    assert "crashing" not in script or "loading layer 0" not in line, "only the end of stderr is quoted"


def test_ingest_goes_on_after_an_article_the_command_failed_on_and_reads_it_once_the_command_works(
    tmp_path: Path,
) -> None:
    config = write_config(tmp_path, command=command_of("tagger.py"))
    copper, cars = article(tmp_path, "copper.txt", COPPER), article(tmp_path, "cars.txt", CARS)
    (tmp_path / "outage").write_text("Chilean\n", encoding="utf-8")  # the command runs in the config's folder

    first = tm(config, "ingest", copper, cars, "--format", "json")

    assert first.exit_code == 1
    rows = {Path(r["file"]).name: r for r in json.loads(first.stdout)["articles"]}
    assert rows["copper.txt"]["outcome"] == "failed"
    assert "exited with status 2" in rows["copper.txt"]["error"]
    assert "model server unavailable" in rows["copper.txt"]["error"]
    assert (rows["cars.txt"]["outcome"], rows["cars.txt"]["facts"]) == ("new", 1)

    (tmp_path / "outage").unlink()
    again = tm(config, "ingest", copper, cars, "--format", "json")

    assert again.exit_code == 0, again
    rows = {Path(r["file"]).name: r for r in json.loads(again.stdout)["articles"]}
    assert (rows["copper.txt"]["outcome"], rows["copper.txt"]["facts"]) == ("new", 1)
    assert rows["cars.txt"]["outcome"] == "known"
    assert sorted(fact_keys(config)) == [
        ("tariff", "IS", ("JP",), "autos", 7.5),
        ("tariff", "NO", ("CL",), "copper", 12),
    ]


def _alive(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"  # a zombie is dead, only not yet reaped


def test_a_command_that_hangs_is_killed_at_the_timeout_with_what_it_started(tmp_path: Path) -> None:
    helper = tmp_path / "helper.pid"
    config = write_config(tmp_path, command=command_of("hanging.py", str(helper)), timeout=1)
    path = article(tmp_path, "copper.txt", COPPER)

    started = time.monotonic()
    result = tm(config, "ingest", path)
    took = time.monotonic() - started

    assert result.exit_code == 1
    assert "did not finish within 1 s and was killed" in result.stderr and str(path) in result.stderr
    assert took < 8, f"ingest took {took:.1f} s with a 1 s timeout"
    pid = int(helper.read_text())
    deadline = time.monotonic() + 5
    while _alive(pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _alive(pid), "the command's own child outlived the timeout"
    assert events(config, "article.recorded") == []


# --- settings --------------------------------------------------------------------------------------------


def test_a_command_mode_without_a_command_or_with_a_missing_program_is_refused_before_reading(tmp_path: Path) -> None:
    path = article(tmp_path, "copper.txt", COPPER)
    result = tm(write_config(tmp_path / "none", command=""), "ingest", path)
    assert result.exit_code == 2 and "key 'extract.command' is needed with extract.mode = 'command'" in result.stderr

    result = tm(write_config(tmp_path / "missing", command="no-such-tagger --fast"), "ingest", path)
    assert result.exit_code == 2 and "no program 'no-such-tagger' on the PATH" in result.stderr
    assert "extract.command" in result.stderr

    result = tm(write_config(tmp_path / "quotes", command='tagger "unclosed'), "ingest", path)
    assert result.exit_code == 2 and "'extract.command' cannot be split into words" in result.stderr

    result = tm(write_config(tmp_path / "unused", mode="builtin", command=command_of("tagger.py")), "ingest", path)
    assert result.exit_code == 2 and "extract.mode is 'builtin', so it would never run" in result.stderr


# --- poll: in the worker processes, on a real feed server --------------------------------------------------


def test_poll_records_the_other_articles_and_feeds_reports_the_failed_one_and_reads_it_on_the_next_poll(
    server: FeedServer, tmp_path: Path
) -> None:
    desk = server.serve(
        "/desk.xml",
        Route(
            body=rss(
                [
                    Item(title="Copper duty", link="https://desk.example/copper", text=COPPER),
                    Item(title="Car duty", link="https://desk.example/cars", text=CARS),
                    Item(title="Steel duty", link="https://desk.example/steel", text=STEEL),
                ]
            ),
            etag='"desk-1"',
        ),
    )
    wire = server.serve("/wire.xml", Route(body=rss([Item(title="Wine", link="https://wire.example/w", text=WINE)])))
    config = write_config(tmp_path, command=command_of("tagger.py"), feeds={"desk": desk, "wire": wire})
    (tmp_path / "outage").write_text("copper\n", encoding="utf-8")

    first = tm(config, "poll", "--once", "--now", "2025-04-02T08:00", "--format", "json")

    assert first.exit_code == 0, first
    polls = {p["feed"]: p for p in json.loads(first.stdout)["polls"]}
    assert (polls["desk"]["outcome"], polls["desk"]["new_articles"], polls["desk"]["facts"]) == ("failed", 2, 2)
    assert "https://desk.example/copper" in polls["desk"]["error"]
    assert "model server unavailable" in polls["desk"]["error"]
    assert (polls["wire"]["outcome"], polls["wire"]["new_articles"], polls["wire"]["facts"]) == ("fetched", 1, 1)
    health = {f["name"]: f for f in json.loads(tm(config, "feeds", "--format", "json").stdout)["feeds"]}
    assert health["desk"]["status"] == "failing"
    assert "https://desk.example/copper" in health["desk"]["last_error"]["reason"]
    assert health["wire"]["status"] == "ok"
    recorded = {e["data"]["url"] for e in events(config, "article.recorded")}
    assert recorded == {"https://desk.example/cars", "https://desk.example/steel", "https://wire.example/w"}

    (tmp_path / "outage").unlink()
    second = tm(config, "poll", "--once", "--now", "2025-04-02T09:00", "--format", "json")

    polls = {p["feed"]: p for p in json.loads(second.stdout)["polls"]}
    # The same body, not taken for "not modified": only the article left unread is read now.
    assert (polls["desk"]["outcome"], polls["desk"]["new_articles"], polls["desk"]["facts"]) == ("fetched", 1, 1)
    assert polls["wire"]["outcome"] in ("not_modified", "unchanged")
    health = {f["name"]: f for f in json.loads(tm(config, "feeds", "--format", "json").stdout)["feeds"]}
    assert health["desk"]["status"] == "ok" and health["desk"]["articles"] == 3
    facts = events(config, "fact.extracted")
    assert sorted((f["data"]["imposer"], f["data"]["sector"]) for f in facts) == [
        ("CA", "steel"),
        ("IS", "autos"),
        ("JP", "agriculture"),
        ("NO", "copper"),
    ]
    # The desk's first poll never completed until now, so the late article is catch-up like the others.
    copper = next(f for f in facts if f["data"]["sector"] == "copper")
    assert copper["metadata"]["catch_up"] is True


def test_an_article_without_a_date_gets_no_date_variable_and_an_empty_argument() -> None:
    from monitor.extract.command import extract_with_command

    command = command_of("tagger.py", "--published", "{published}")
    facts = extract_with_command(f"{STEEL} {WINE}", None, command=command, timeout_seconds=10)
    assert [(f.imposer, f.targets, f.rate, f.effective) for f in facts] == [
        ("CA", ("NO",), 20, None),
        ("JP", ("CL",), 9, None),
    ]


def test_the_daemon_runs_the_command_in_its_worker_processes(server: FeedServer, tmp_path: Path) -> None:
    url = server.serve("/desk.xml", Route(body=rss([Item(title="Steel", link="https://desk.example/s", text=STEEL)])))
    config = write_config(tmp_path, command=command_of("tagger.py"), feeds={"desk": url})
    (tmp_path / "callers").mkdir()
    settings = load_settings(config)
    engine = open_engine(settings.database_url())
    upgrade(engine)
    clock = SystemClock()
    store = EventStore(engine, clock)
    with open_poller(settings, store, clock) as poller:
        scheduler = build_scheduler(settings, poller=poller, clock=clock)
        scheduler.start()
        try:
            deadline = time.monotonic() + 20
            while feed_state(store, "desk").last_success is None and time.monotonic() < deadline:
                time.sleep(0.1)
        finally:
            scheduler.shutdown(wait=True)
    engine.dispose()

    assert feed_state(store, "desk").status == "ok"
    assert [(f["data"]["imposer"], f["data"]["rate"]) for f in events(config, "fact.extracted")] == [("CA", 20)]
    callers = {int(p.name) for p in (tmp_path / "callers").iterdir()}
    assert callers
    if (os.cpu_count() or 1) >= 2:  # one core: no pool, the steps run in the polling thread
        assert os.getpid() not in callers, "the command ran in this process, not in a worker"
