"""The digest commands as a user runs them (in this process, through `main`): preview, send, outbox."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from monitor.clock import FixedClock
from monitor.log import EventStore, open_engine
from monitor.log.migrate import upgrade
from tests.cli_runner import CliResult, run_cli
from tests.digest.conftest import START, make_alert, raise_alert
from tests.digest.smtp_servers import Mailbox, free_port, refused_port, smtp_server

CONFIG = """
[database]
url = "sqlite:///log.db"
[delivery]
method = "{method}"
directory = "out"
batch_window_s = 60
[delivery.smtp]
host = "127.0.0.1"
port = {port}
security = "none"
timeout_s = 3
[[subscriptions]]
name = "steel-desk"
recipients = ["desk@example.org"]
schedule = "immediate"
"""


@pytest.fixture
def workdir(tmp_path: Path) -> Path:
    (tmp_path / "config.toml").write_text(CONFIG.format(method="directory", port=25), encoding="utf-8")
    engine = open_engine(f"sqlite:///{tmp_path}/log.db")
    upgrade(engine)
    store = EventStore(engine, FixedClock(START))
    raise_alert(store, make_alert("a1"))
    raise_alert(store, make_alert("a2", severity="critical"))
    engine.dispose()
    return tmp_path


def run(workdir: Path, *args: str) -> CliResult:
    return run_cli(["--config", str(workdir / "config.toml"), *args])


def test_preview_prints_the_next_digest_and_records_nothing(workdir: Path) -> None:
    shown = run(workdir, "digest", "preview", "--subscription", "steel-desk", "--now", "2025-04-02T12:00:30")
    assert shown.exit_code == 0, shown.stderr
    assert "[CRITICAL] US raises its steel tariff" in shown.stdout and "(a1)" in shown.stdout
    html = workdir / "preview.html"
    wrote = run(
        workdir, "digest", "preview", "--subscription", "steel-desk", "--output", str(html), "--now", "2025-04-03"
    )
    assert wrote.exit_code == 0, wrote.stderr
    assert html.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    listed = run(workdir, "outbox", "--format", "json")
    assert json.loads(listed.stdout) == {"digests": [], "held": []}
    assert not (workdir / "out").exists()


def test_preview_of_an_unknown_subscription_names_the_known_ones(workdir: Path) -> None:
    result = run(workdir, "digest", "preview", "--subscription", "nobody")
    assert result.exit_code == 2 and result.stdout == ""
    known = "no subscription named 'nobody' (known: steel-desk)"
    assert result.stderr.strip() == f"error: {workdir / 'config.toml'}: {known}"


def test_send_waits_for_the_batch_window_then_delivers_and_outbox_lists_it(workdir: Path) -> None:
    early = run(workdir, "digest", "send", "--now", "2025-04-02T12:00:30", "--format", "json")
    assert early.exit_code == 0, early.stderr
    assert json.loads(early.stdout) == {"queued": [], "attempts": [], "errors": []}
    sent = run(workdir, "digest", "send", "--now", "2025-04-02T12:02", "--format", "json")
    assert sent.exit_code == 0, sent.stderr
    payload = json.loads(sent.stdout)
    assert payload["queued"] == [
        {"digest_id": "steel-desk-1", "subscription": "steel-desk", "alerts": 2, "recipients": ["desk@example.org"]}
    ]
    assert [a["status"] for a in payload["attempts"]] == ["delivered"]
    assert (workdir / "out" / "steel-desk-1.eml").exists()
    again = run(workdir, "digest", "send", "--now", "2025-04-02T13:00", "--format", "json")
    assert json.loads(again.stdout)["queued"] == []
    listed = json.loads(run(workdir, "outbox", "--format", "json").stdout)["digests"]
    assert [(d["digest_id"], d["status"], d["alerts"], d["attempts"]) for d in listed] == [
        ("steel-desk-1", "delivered", 2, 1)
    ]
    table = run(workdir, "outbox")
    assert "steel-desk-1" in table.stdout and "delivered" in table.stdout


def test_send_to_a_down_server_exits_non_zero_and_leaves_the_digest_queued(workdir: Path) -> None:
    with refused_port() as port:  # no mail server there
        config = CONFIG.format(method="smtp", port=port)
        (workdir / "config.toml").write_text(config, encoding="utf-8")
        result = run(workdir, "digest", "send", "--now", "2025-04-02T12:05")
    assert result.exit_code == 1
    assert "cannot reach mail server" in result.stdout
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith("error: 0 subscription(s) failed, 1 digest(s) not delivered")
    listed = json.loads(run(workdir, "outbox", "--status", "failed", "--format", "json").stdout)["digests"]
    assert len(listed) == 1 and "cannot reach mail server" in listed[0]["last_error"]
    assert dt.datetime.fromisoformat(listed[0]["next_attempt_at"]) == dt.datetime(2025, 4, 2, 12, 6, tzinfo=dt.UTC)


def test_outbox_shows_a_dead_letter_with_its_reason_and_retry_sends_it_once_fixed(workdir: Path) -> None:
    mailbox = Mailbox(replies={"desk@example.org": "550 5.1.1 mailbox unknown"})
    with smtp_server(mailbox) as port:
        config = CONFIG.format(method="smtp", port=port).replace("[delivery]", "[delivery]\nmax_attempts = 2")
        (workdir / "config.toml").write_text(config, encoding="utf-8")
        for minute in ("12:02", "12:04", "12:30", "13:30"):
            run(workdir, "digest", "send", "--now", f"2025-04-02T{minute}")
        dead = json.loads(run(workdir, "outbox", "--status", "dead", "--format", "json").stdout)["digests"]
        assert [(d["digest_id"], d["status"], d["attempts"]) for d in dead] == [("steel-desk-1", "dead", 2)]
        assert "550 5.1.1 mailbox unknown" in dead[0]["last_error"] and "given up" in dead[0]["last_error"]
        table = run(workdir, "outbox")
        assert "dead" in table.stdout and "mailbox unknown" in table.stdout

        nothing = run(workdir, "outbox", "retry", "steel-desk-9")
        assert nothing.exit_code == 2 and "no digest 'steel-desk-9' in the outbox" in nothing.stderr
        mailbox.replies.clear()
        retried = run(workdir, "outbox", "retry", "steel-desk-1", "--now", "2025-04-02T14:00", "--format", "json")
        assert retried.exit_code == 0, retried.stderr
        assert json.loads(retried.stdout)["status"] == "delivered"
        again = run(workdir, "outbox", "retry", "steel-desk-1", "--now", "2025-04-02T14:05")
        assert again.exit_code == 2 and "nothing to send again" in again.stderr
    assert len(mailbox.received) == 1
    events = json.loads(run(workdir, "events", "--type", "digest.retried", "--format", "json").stdout)["events"]
    assert len(events) == 1


def test_the_outbox_is_a_projection_that_rebuild_replays_to_the_same_rows(workdir: Path) -> None:
    run(workdir, "digest", "send", "--now", "2025-04-02T12:02")
    before = json.loads(run(workdir, "outbox", "--format", "json").stdout)
    status = json.loads(run(workdir, "status", "--format", "json").stdout)
    assert "outbox" in [p["name"] for p in status["projections"]]
    rebuilt = run(workdir, "rebuild", "--projection", "outbox")
    assert rebuilt.exit_code == 0, rebuilt.stderr
    assert json.loads(run(workdir, "outbox", "--format", "json").stdout) == before


def test_held_alerts_are_named_by_outbox_status_and_preview_until_alerts_release(workdir: Path) -> None:
    config = CONFIG.format(method="directory", port=25).replace("[delivery]", "[delivery]\nhold_above = 1")
    (workdir / "config.toml").write_text(config, encoding="utf-8")  # a1 and a2 were raised back to back
    sent = run(workdir, "digest", "send", "--now", "2025-04-02T12:05", "--format", "json")
    assert sent.exit_code == 0 and json.loads(sent.stdout)["queued"] == []
    why = "delivery held: 2 alerts were raised at once"
    assert why in sent.stderr
    assert why in run(workdir, "outbox").stdout
    assert json.loads(run(workdir, "outbox", "--format", "json").stdout)["held"][0]["alerts"] == 2
    assert why in run(workdir, "status").stdout
    assert json.loads(run(workdir, "status", "--format", "json").stdout)["held"][0]["alerts"] == 2
    preview = run(workdir, "digest", "preview", "--subscription", "steel-desk", "--now", "2025-04-02T12:05")
    assert why in preview.stderr and "(a1)" not in preview.stdout
    # The listing of alerts is unchanged by the group it now lives in: its options still reach it.
    listed = run(workdir, "alerts", "--since", "2025-04-01", "--format", "json")
    assert listed.exit_code == 0 and list(json.loads(listed.stdout)) == ["alerts"]
    bad = run(workdir, "alerts", "--since", "someday")
    assert bad.exit_code == 2 and "--since" in bad.stderr

    released = run(workdir, "alerts", "release", "--now", "2025-04-02T12:06", "--format", "json")
    assert released.exit_code == 0, released.stderr
    assert json.loads(released.stdout)["action"] == "send"
    assert run(workdir, "alerts", "release").stdout.strip() == "nothing is held"
    after = json.loads(run(workdir, "digest", "send", "--now", "2025-04-02T12:08", "--format", "json").stdout)
    assert [q["alerts"] for q in after["queued"]] == [2]
    assert "delivery held" not in run(workdir, "status").stdout


def test_send_refuses_a_missing_secret_in_one_line_before_recording_anything(workdir: Path) -> None:
    config = CONFIG.format(method="smtp", port=free_port()).replace(
        'security = "none"', 'security = "none"\nusername = "monitor"\npassword_env = "TM_TEST_NO_SUCH_PASSWORD"'
    )
    (workdir / "config.toml").write_text(config, encoding="utf-8")
    result = run(workdir, "digest", "send", "--now", "2025-04-02T12:05")
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [
        f"error: {workdir / 'config.toml'}: delivery.smtp.password_env names 'TM_TEST_NO_SUCH_PASSWORD', "
        "which is not set in the environment"
    ]
    assert json.loads(run(workdir, "outbox", "--format", "json").stdout)["digests"] == []
