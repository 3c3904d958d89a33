"""`GET /api/v1/status` is `trade-monitor status --format json`, key for key and value for value.

On a SQLite file and on the real PostgreSQL server, a log the real pipeline
filled is given something to show in every part of the document: a burst of
alerts the mass-change guard holds, a projection stuck at a fact it cannot
read, a feed's last poll, and a daemon on the log (the lock file on SQLite; a
registered daemon leading and polling a feed on PostgreSQL). Then the API's
answer must equal the command's, and every key of it must be declared in
the OpenAPI document.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import jsonschema
from sqlalchemy import Engine

from monitor.clock import FixedClock
from monitor.config import load_settings
from monitor.log import EventStore, NewEvent, open_engine
from monitor.log import leases as lease_table
from monitor.log.lockfile import DaemonLock
from monitor.web.app import build_app
from monitor.web.server import WebServerThread
from tests.cli_runner import run_cli
from tests.sources.feedserver import FeedServer, Route
from tests.web.conftest import ARTICLES, FEED, NOW, serving

DAEMON = "desk-host:4242:20250602T120000Z"


def ingested(folder: Path, db_url: str, feed: str = "http://127.0.0.1:9/none.xml") -> Path:
    """A config that holds any burst of more than one alert, and four articles ingested at once."""
    config = folder / "config.toml"
    config.write_text(
        f'[database]\nurl = "{db_url}"\n[fetch]\njitter_s = 0\n'
        f'[delivery]\ndirectory = "{folder / "out"}"\nhold_above = 1\n'
        f'[[feeds]]\nname = "wire"\nurl = "{feed}"\ninterval_minutes = 30\n'
        '[[subscriptions]]\nname = "everything"\nrecipients = ["desk@example.org"]\n',
        encoding="utf-8",
    )
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    done = run_cli(["--config", config, "ingest", *(folder / n for n in ARTICLES), "--now", "2025-05-30T12:00"])
    assert done.exit_code == 0, done.stderr
    return config


def fill(folder: Path, db_url: str) -> Path:
    """A config and a log: four articles ingested at once, one poll of a feed, and a fact nothing can read."""
    server = FeedServer()
    try:
        feed = server.serve("/wire.xml", Route(body=FEED.encode()))
        config = ingested(folder, db_url, feed)
        polled = run_cli(["--config", config, "poll", "--once", "--now", "2025-06-02T12:00"])
        assert polled.exit_code == 0, polled.stderr
    finally:
        server.close()
    engine = open_engine(load_settings(config, environ={}).database_url())
    try:
        EventStore(engine, FixedClock(NOW)).append("article-ours-9", [NewEvent(type="fact.extracted", data={})])
    finally:
        engine.dispose()
    assert run_cli(["--config", config, "replay"]).exit_code == 3  # the measures projection is stuck at it
    # The replay stopped at the stuck one; the outbox is caught up here, as the daemon's digest job does,
    # because the web server never catches a projection up.
    assert run_cli(["--config", config, "rebuild", "--projection", "outbox"]).exit_code == 0
    return config


@contextmanager
def daemon_on(engine: Engine) -> Iterator[None]:
    """A daemon on the log, as the daemon itself would leave it (without one running, so nothing moves)."""
    if not lease_table.supported(engine):
        database = engine.url.database
        assert database
        lock = DaemonLock(Path(database))
        assert lock.acquire(DAEMON) is None
        try:
            yield
        finally:
            lock.release()
        return
    lease_table.create_tables(engine)
    lease_table.join(
        engine,
        daemon_id=DAEMON,
        host="desk-host",
        pid=4242,
        started_at=dt.datetime(2025, 6, 2, 12, 0, tzinfo=dt.UTC),
        fingerprint={"rules": "ours"},
        alive_within=600,
        check=lambda alive: None,
    )
    assert lease_table.claim(engine, lease_table.LEADER, DAEMON, 600).held_by(DAEMON)
    assert lease_table.claim(engine, lease_table.feed_lease("wire"), DAEMON, 600).held_by(DAEMON)
    yield


def declared_keys(schema: dict[str, Any], components: dict[str, Any], value: Any, where: str = "status") -> None:
    """Every key of `value` is declared in `schema`, and every key the schema requires is there, all the way down."""
    if "$ref" in schema:
        schema = components[schema["$ref"].rsplit("/", 1)[-1]]
    if "oneOf" in schema:
        schema = next(s for s in schema["oneOf"] if s.get("type") != "null" or value is None)
    if isinstance(value, dict):
        props = schema.get("properties", {})
        assert set(value) <= set(props), f"{where}: undeclared {sorted(set(value) - set(props))}"
        assert set(schema.get("required", [])) <= set(value), f"{where}: missing {schema['required']}"
        for key, sub in value.items():
            declared_keys(props[key], components, sub, f"{where}.{key}")
    elif isinstance(value, list):
        for i, item in enumerate(value):
            declared_keys(schema["items"], components, item, f"{where}[{i}]")


def test_the_api_answers_the_status_command_document_with_every_part_declared(db_url: str, tmp_path: Path) -> None:
    config = fill(tmp_path, db_url)
    settings = load_settings(config, environ={})
    engine = open_engine(settings.database_url())
    server = WebServerThread(build_app(settings, engine, clock=FixedClock(NOW)), "127.0.0.1", 0)
    server.start()
    try:
        with daemon_on(engine), httpx.Client(base_url=f"http://127.0.0.1:{server.port}", timeout=10) as client:
            done = run_cli(["--config", config, "status", "--format", "json"])
            assert done.exit_code == 0, done.stderr
            command = json.loads(done.stdout)
            answer = client.get("/api/v1/status")
            assert answer.status_code == 200, answer.text
            document = client.get("/openapi.json").json()
            people = run_cli(["--config", config, "status"]).stdout
    finally:
        server.stop()
        engine.dispose()

    assert answer.json() == command

    # Every part has something in it, so equal documents mean equal shapes all the way down.
    assert command["integrity"]["intact"] is True
    stuck = {p["name"]: p["stuck"] for p in command["projections"]}
    assert stuck["measure_states"]["stream_id"] == "article-ours-9" and stuck["outbox"] is None
    assert command["held"] and command["held"][0]["alerts"] > 1
    assert command["daemon"]["last_poll"] == "2025-06-02T12:00:00+00:00"
    daemons = command["daemons"]
    assert daemons["leader"] == DAEMON
    assert [m["daemon"] for m in daemons["members"]] == [DAEMON]
    if daemons["mode"] == "shared":
        assert daemons["members"][0]["polling"] == 1 and daemons["members"][0]["host"] == "desk-host"
    else:
        assert db_url.startswith("sqlite")

    schema = document["paths"]["/api/v1/status"]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
    jsonschema.Draft202012Validator({**schema, "components": document["components"]}).validate(answer.json())
    declared_keys(schema, document["components"]["schemas"], answer.json())

    # The references say so: every key in docs/log.md's example and in docs/web.md's line for the call.
    docs = Path(__file__).resolve().parents[2] / "docs"
    example = (docs / "log.md").read_text(encoding="utf-8").split("### `trade-monitor status`")[1].split("###")[0]
    call = next(
        line for line in (docs / "web.md").read_text(encoding="utf-8").splitlines() if "`GET /api/v1/status`" in line
    )
    for key in command:
        assert f'"{key}":' in example and f"`{key}`" in call, key

    # For people, the same reading, in lines.
    assert f"leader: {DAEMON}" in people and "delivery held:" in people
    assert f"{stuck['measure_states']['position']}: " in people


def test_the_api_judges_held_alerts_without_writing_while_the_command_catches_the_outbox_up(tmp_path: Path) -> None:
    config = ingested(tmp_path, f"sqlite:///{tmp_path}/log.db")
    with serving(config) as client:
        size = (tmp_path / "log.db").stat().st_size
        first = client.get("/api/v1/status").json()
        assert client.get("/api/v1/status").json() == first
        assert (tmp_path / "log.db").stat().st_size == size
        outbox = next(p for p in first["projections"] if p["name"] == "outbox")
        # Nothing has applied the new alerts to the outbox yet, so the server cannot judge them: it says so.
        assert outbox["lag"] == first["last_position"] and first["held"] == []

        command = json.loads(run_cli(["--config", config, "status", "--format", "json"]).stdout)
        assert command["held"] and all(h["alerts"] > 1 for h in command["held"])  # more than hold_above
        assert client.get("/api/v1/status").json()["held"] == command["held"]
