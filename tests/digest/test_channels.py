"""Chat and webhook channels through the outbox, against a real HTTP server on 127.0.0.1.

One short message per digest per channel, linking to the web pages; a target that is down gets the
digest once it is back, exactly once; one that refuses for good is dead-lettered, not retried for ever.
"""

from __future__ import annotations

import datetime as dt
import re
import threading
import typing
from collections.abc import Callable

import pytest

from monitor.clock import SteppingClock
from monitor.config import ChannelSettings, Settings
from monitor.digest import outbox
from monitor.digest.delivery import channel_for, channel_kinds, check_deliveries
from monitor.digest.service import flush_outbox, queue_due, run_due
from monitor.errors import ConfigError
from monitor.log import EventStore
from tests.digest.conftest import make_alert, raise_alert, states_of
from tests.digest.http_targets import Target, http_target
from tests.digest.smtp_servers import refused_port

NO_STATES = states_of()


def channels_config(port: int, *, names: str, web_url: str = "https://monitor.example.org", extra: str = "") -> str:
    base = f"http://127.0.0.1:{port}"
    return f"""
[delivery]
method = "directory"
directory = "out"
batch_window_s = 0
max_attempts = 3
web_url = "{web_url}"
{extra}
[[channels]]
name = "desk-hook"
kind = "webhook"
url = "{base}/hook"
token_env = "HOOK_TOKEN"
[[channels]]
name = "desk-slack"
kind = "slack"
url_env = "SLACK_WEBHOOK_URL"
[[channels]]
name = "desk-teams"
kind = "teams"
url = "{base}/teams"
[[channels]]
name = "desk-matrix"
kind = "matrix"
url = "{base}"
room = "!desk:example.org"
token_env = "MATRIX_TOKEN"
[[channels]]
name = "desk-ntfy"
kind = "ntfy"
url = "{base}/ntfy/steel"
[[subscriptions]]
name = "steel-desk"
title = "Steel desk"
recipients = []
channels = [{names}]
"""


ENVIRON = {"SLACK_WEBHOOK_URL": "", "HOOK_TOKEN": "hook-secret", "MATRIX_TOKEN": "matrix-secret"}


def environ(port: int) -> dict[str, str]:
    return {**ENVIRON, "SLACK_WEBHOOK_URL": f"http://127.0.0.1:{port}/slack/T000/B000/s3cret"}


ALL = '"desk-hook", "desk-slack", "desk-teams", "desk-matrix", "desk-ntfy"'


def test_every_kind_gets_one_short_message_per_digest_with_a_link_to_the_web_pages(
    store: EventStore, clock: SteppingClock, settings_for: Callable[..., Settings]
) -> None:
    target = Target()
    with http_target(target) as port:
        settings = settings_for(channels_config(port, names=ALL), environ=environ(port))
        raise_alert(store, make_alert("a1", severity="critical", summary="US lifts its coil duty to 25% <at once>"))
        raise_alert(store, make_alert("a2"))
        clock.advance(dt.timedelta(minutes=1))
        report = run_due(settings, store, clock, states=NO_STATES)
        clock.advance(dt.timedelta(hours=1))
        later = run_due(settings, store, clock, states=NO_STATES)
    assert sorted((a.channel, a.status) for a in report.attempts) == sorted(
        (c, "delivered") for c in ("desk-hook", "desk-slack", "desk-teams", "desk-matrix", "desk-ntfy")
    )
    assert later.attempts == [] and len(target.received) == 5
    link = "https://monitor.example.org/alerts?since=2025-04-02"

    [hook] = target.to("/hook")
    body = hook.json()
    assert body["digest_id"] == "steel-desk-1" and body["alerts"] == 2 and body["link"] == link
    assert body["headlines"][0] == "US lifts its coil duty to 25% <at once>"
    assert hook.headers["idempotency-key"] == "steel-desk-1"
    assert hook.headers["authorization"] == "Bearer hook-secret"

    [slack] = target.to("/slack/")
    text = slack.json()["text"]
    assert text.startswith(f"<{link}|Steel desk: 2 new alerts")
    assert "US lifts its coil duty to 25% &lt;at once&gt;" in text  # feed text cannot make a Slack link

    [teams] = target.to("/teams")
    card = teams.json()["attachments"][0]["content"]
    assert card["type"] == "AdaptiveCard" and card["actions"][0]["url"] == link
    assert any("coil duty" in block["text"] for block in card["body"])

    [matrix] = target.to("/_matrix/")
    assert matrix.method == "PUT"
    room = "%21desk%3Aexample.org"
    assert matrix.path == f"/_matrix/client/v3/rooms/{room}/send/m.room.message/trade-monitor-steel-desk-1"
    assert matrix.headers["authorization"] == "Bearer matrix-secret"
    assert "&lt;at once&gt;" in matrix.json()["formatted_body"] and link in matrix.json()["body"]

    [ntfy] = target.to("/ntfy/steel")
    assert ntfy.headers["click"] == link and ntfy.headers["title"].startswith("Steel desk: 2 new alerts")
    assert "- US lifts its coil duty to 25% <at once>" in ntfy.body.decode()

    [entry] = outbox.entries(store)
    assert entry.status == "delivered" and entry.recipients == () and len(entry.deliveries) == 5


def test_without_web_url_the_message_has_no_link(
    store: EventStore, clock: SteppingClock, settings_for: Callable[..., Settings]
) -> None:
    target = Target()
    with http_target(target) as port:
        settings = settings_for(channels_config(port, names='"desk-hook", "desk-slack"', web_url=""), environ(port))
        raise_alert(store, make_alert("a1"))
        clock.advance(dt.timedelta(minutes=1))
        run_due(settings, store, clock, states=NO_STATES)
    assert target.to("/hook")[0].json()["link"] is None
    assert "http" not in target.to("/slack/")[0].json()["text"]


def test_a_target_that_is_down_gets_the_digest_once_back_exactly_once_and_mail_is_not_resent(
    store: EventStore, clock: SteppingClock, settings_for: Callable[..., Settings], tmp_path: typing.Any
) -> None:
    with refused_port() as port:  # nobody listens here yet
        config = channels_config(port, names='"desk-hook"')
        config = config.replace("recipients = []", 'recipients = ["desk@example.org"]')
        settings = settings_for(config, environ(port))
        raise_alert(store, make_alert("a1"))
        clock.advance(dt.timedelta(minutes=1))
        down = run_due(settings, store, clock, states=NO_STATES)
        assert sorted((a.channel or "mail", a.status) for a in down.attempts) == [
            ("desk-hook", "failed"),
            ("mail", "delivered"),
        ]
        assert "cannot reach http://127.0.0.1" in (next(a for a in down.attempts if a.channel).reason or "")
        assert outbox.entries(store)[0].status == "failed"
    written = (tmp_path / "out" / "steel-desk-1.eml").stat().st_mtime_ns

    target = Target()
    with http_target(target, port=port):
        for _ in range(6):
            clock.advance(dt.timedelta(minutes=5))
            run_due(settings, EventStore(store.engine, clock), clock, states=NO_STATES)
    assert len(target.to("/hook")) == 1
    assert outbox.entries(store)[0].status == "delivered"
    assert (tmp_path / "out" / "steel-desk-1.eml").stat().st_mtime_ns == written  # the mail went once


def test_a_target_refusing_with_4xx_is_dead_lettered_and_not_retried_for_ever(
    store: EventStore, clock: SteppingClock, settings_for: Callable[..., Settings]
) -> None:
    target = Target(statuses={"/hook": 404, "/teams": 429})
    with http_target(target) as port:
        settings = settings_for(channels_config(port, names='"desk-hook", "desk-teams"'), environ(port))
        raise_alert(store, make_alert("a1"))
        for _ in range(18):
            clock.advance(dt.timedelta(minutes=20))
            run_due(settings, store, clock, states=NO_STATES)
        assert len(target.to("/hook")) == 3  # delivery.max_attempts
        [entry] = outbox.entries(store)
        hook, teams = entry.leg("desk-hook"), entry.leg("desk-teams")
        assert hook.status == "dead" and "answered 404" in (hook.last_error or "")
        # 429 is "not now": retried with back-off, past max_attempts, until it succeeds or is given up.
        assert teams.status == "failed" and len(target.to("/teams")) > 3
        target.statuses.pop("/teams")
        clock.advance(dt.timedelta(hours=5))
        run_due(settings, store, clock, states=NO_STATES)
    assert outbox.entries(store)[0].leg("desk-teams").status == "delivered"
    assert outbox.entries(store)[0].status == "dead"


def test_a_channel_whose_secret_is_missing_is_refused_at_start_and_dead_lettered_by_a_flush(
    store: EventStore, clock: SteppingClock, settings_for: Callable[..., Settings]
) -> None:
    without = {k: v for k, v in ENVIRON.items() if k != "SLACK_WEBHOOK_URL"}
    settings = settings_for(channels_config(1, names='"desk-slack"'), environ=without)
    with pytest.raises(ConfigError, match=r"channels\.desk-slack\.url_env names 'SLACK_WEBHOOK_URL', which is not set"):
        check_deliveries(settings)
    raise_alert(store, make_alert("a1"))
    statuses = []
    for _ in range(30):
        clock.advance(dt.timedelta(minutes=10))
        statuses += [a.status for a in run_due(settings, store, clock, states=NO_STATES).attempts]
    assert statuses == ["failed", "failed", "dead"]
    assert "SLACK_WEBHOOK_URL" in (outbox.entries(store)[0].last_error or "")


def test_the_channel_kinds_are_the_modules_and_the_settings_choices(settings_for: Callable[..., Settings]) -> None:
    choices = typing.get_args(typing.get_type_hints(ChannelSettings)["kind"])
    assert sorted(choices) == channel_kinds() == ["matrix", "ntfy", "slack", "teams", "webhook"]
    settings = settings_for(channels_config(1, names=ALL), environ(1))
    for channel in settings.channels:
        assert channel_for(settings, channel.name).name == channel.kind


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ('channels = ["desk-hook", "desk-fax"]', "key 'subscriptions[0].channels': no channel named 'desk-fax'"),
        ('kind = "fax"', "key 'channels[0].kind' must be one of 'webhook', 'slack', 'teams', 'matrix', 'ntfy'"),
        ('url_env = "HOOK_URL"', "key 'channels[0]': set exactly one of 'url' and 'url_env'"),
        ('room = ""', "key 'channels[3]': a matrix channel needs 'room' and 'token_env'"),
    ],
)
def test_a_channel_the_settings_cannot_use_is_refused_naming_the_key(
    settings_for: Callable[..., Settings], change: str, message: str
) -> None:
    text = channels_config(1, names='"desk-hook"')
    key = change.split(" = ")[0]
    if key == "channels":
        text = text.replace('channels = ["desk-hook"]', change)
    elif key == "kind":
        text = text.replace('kind = "webhook"', change)
    elif key == "url_env":
        text = text.replace('kind = "webhook"', f'kind = "webhook"\n{change}')
    else:
        text = text.replace('room = "!desk:example.org"', change)
    with pytest.raises(ConfigError, match=re.escape(message)):
        settings_for(text, environ(1))


def test_two_flushers_finding_the_same_digest_due_send_it_once(
    store: EventStore, clock: SteppingClock, settings_for: Callable[..., Settings]
) -> None:
    target = Target(delay_s=0.3)
    with http_target(target) as port:
        settings = settings_for(channels_config(port, names='"desk-hook"'), environ(port))
        raise_alert(store, make_alert("a1"))
        clock.advance(dt.timedelta(minutes=1))
        queue_due(settings, store, clock, states=NO_STATES)
        start = threading.Barrier(2)
        outcomes: list[list[str]] = []

        def flusher() -> None:
            own = EventStore(store.engine, clock)
            start.wait()
            outcomes.append([a.status for a in flush_outbox(settings, own, clock)])

        threads = [threading.Thread(target=flusher) for _ in range(2)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    assert len(target.to("/hook")) == 1
    assert sorted(outcomes) == [[], ["delivered"]]
    [entry] = outbox.entries(store)
    assert (entry.status, entry.attempts) == ("delivered", 1)


def test_a_target_asking_to_retry_later_is_not_asked_again_sooner(
    store: EventStore, clock: SteppingClock, settings_for: Callable[..., Settings]
) -> None:
    target = Target(statuses={"/hook": 503}, retry_after="600")
    with http_target(target) as port:
        settings = settings_for(channels_config(port, names='"desk-hook"'), environ(port))
        raise_alert(store, make_alert("a1"))
        clock.advance(dt.timedelta(minutes=1))
        [first] = run_due(settings, store, clock, states=NO_STATES).attempts
        assert first.status == "failed" and "answered 503" in (first.reason or "")
        assert first.next_attempt_at == clock.now() + dt.timedelta(minutes=10)  # not the 1-minute back-off
        clock.advance(dt.timedelta(minutes=5))
        assert run_due(settings, store, clock, states=NO_STATES).attempts == []
        target.statuses.clear()
        clock.advance(dt.timedelta(minutes=5))
        assert [a.status for a in run_due(settings, store, clock, states=NO_STATES).attempts] == ["delivered"]
    assert len(target.to("/hook")) == 2
