"""Delivering digests through real SMTP servers on 127.0.0.1: plain, STARTTLS with login, refusing, down."""

from __future__ import annotations

import datetime as dt
import email
import ssl
from collections.abc import Callable
from email import policy
from email.message import EmailMessage
from pathlib import Path

from monitor.clock import SteppingClock
from monitor.config import Settings
from monitor.digest import outbox
from monitor.digest.delivery import delivery_for
from monitor.digest.service import queue_due, run_due
from monitor.log import EventStore
from tests.digest.conftest import make_alert, raise_alert, states_of
from tests.digest.smtp_servers import Logins, Mailbox, refused_port, self_signed_certificate, smtp_server

NO_STATES = states_of()


def smtp_config(port: int, extra: str = "", security: str = "none") -> str:
    return f"""
[delivery]
method = "smtp"
batch_window_s = 0
unsubscribe = "https://example.org/unsubscribe?list=steel"
[delivery.smtp]
host = "127.0.0.1"
port = {port}
security = "{security}"
sender = "monitor@example.org"
timeout_s = 5
{extra}
[[subscriptions]]
name = "steel-desk"
recipients = ["desk@example.org", "zoë@example.org"]
title = "Zölle & Stahl"
"""


def parsed(envelope: object) -> EmailMessage:
    msg = email.message_from_bytes(envelope.original_content, policy=policy.default)  # type: ignore[attr-defined]
    assert isinstance(msg, EmailMessage)
    return msg


def test_plain_server_receives_a_multipart_utf8_digest_with_proper_headers(
    store: EventStore, clock: SteppingClock, settings_for: Callable[..., Settings]
) -> None:
    mailbox = Mailbox()
    with smtp_server(mailbox) as port:
        settings = settings_for(smtp_config(port))
        raise_alert(store, make_alert("a1", summary="Tariff on Gußeisen rises to 25% — effective at once"))
        clock.advance(dt.timedelta(minutes=1))
        report = run_due(settings, store, clock, states=NO_STATES)
    assert [a.status for a in report.attempts] == ["delivered"]
    assert len(mailbox.received) == 1
    envelope = mailbox.received[0]
    assert envelope.mail_from == "monitor@example.org"
    assert sorted(envelope.rcpt_tos) == ["desk@example.org", "zoë@example.org"]
    msg = parsed(envelope)
    assert msg.get_content_type() == "multipart/alternative"
    assert [p.get_content_type() for p in msg.iter_parts()] == ["text/plain", "text/html"]
    assert all(p.get_content_charset() == "utf-8" for p in msg.iter_parts())
    assert str(msg["Subject"]).startswith("Zölle & Stahl: 1 new alert")
    assert msg["Message-ID"] == report.queued[0].message_id
    assert msg["List-Unsubscribe"] == "<https://example.org/unsubscribe?list=steel>"
    assert email.utils.parsedate_to_datetime(str(msg["Date"])) == clock.now()
    text = msg.get_body(preferencelist=("plain",))
    html = msg.get_body(preferencelist=("html",))
    assert text is not None and html is not None
    assert "Gußeisen rises to 25% — effective at once" in text.get_content()
    assert "Gußeisen" in html.get_content()


def test_starttls_server_with_login_gets_the_digest_over_a_verified_connection(
    store: EventStore, clock: SteppingClock, settings_for: Callable[..., Settings], tmp_path: Path
) -> None:
    cert, key = self_signed_certificate(tmp_path)
    tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    tls.load_cert_chain(cert, key)
    logins = Logins("monitor", "s3cret-pass")
    mailbox = Mailbox()
    options = {
        "tls_context": tls,
        "require_starttls": True,
        "auth_required": True,
        "auth_require_tls": True,
        "authenticator": logins,
    }
    extra = f'username = "monitor"\npassword_env = "TM_SMTP_PASS"\nca_file = "{cert}"\n'
    with smtp_server(mailbox, **options) as port:
        good = settings_for(smtp_config(port, extra, "starttls"), environ={"TM_SMTP_PASS": "s3cret-pass"})
        bad = settings_for(smtp_config(port, extra, "starttls"), environ={"TM_SMTP_PASS": "wrong"})
        raise_alert(store, make_alert("a1"))
        clock.advance(dt.timedelta(minutes=1))
        refused = run_due(bad, store, clock, states=NO_STATES)
        assert [a.status for a in refused.attempts] == ["failed"]
        assert "refused the login of 'monitor'" in (refused.attempts[0].reason or "")
        clock.advance(dt.timedelta(minutes=2))
        report = run_due(good, store, clock, states=NO_STATES)
    assert [a.status for a in report.attempts] == ["delivered"]
    assert logins.seen and set(logins.seen) == {"monitor"}
    assert len(mailbox.received) == 1
    assert parsed(mailbox.received[0])["Message-ID"] == refused.queued[0].message_id


def test_refusing_server_leaves_the_digest_queued_with_the_reason_and_backs_off(
    store: EventStore, clock: SteppingClock, settings_for: Callable[..., Settings]
) -> None:
    mailbox = Mailbox(refuse=True)
    with smtp_server(mailbox) as port:
        settings = settings_for(smtp_config(port))
        raise_alert(store, make_alert("a1"))
        clock.advance(dt.timedelta(minutes=1))
        first = run_due(settings, store, clock, states=NO_STATES)
        assert first.attempts[0].status == "failed"
        assert "550" in (first.attempts[0].reason or "")
        # Not yet time to retry: nothing is tried.
        assert run_due(settings, store, clock, states=NO_STATES).attempts == []
        clock.advance(dt.timedelta(minutes=1))
        second = run_due(settings, store, clock, states=NO_STATES)
    assert second.attempts[0].status == "failed"
    assert second.attempts[0].next_attempt_at == clock.now() + dt.timedelta(minutes=2)
    [entry] = outbox.entries(store)
    assert (entry.status, entry.attempts) == ("failed", 2)
    assert "relaying denied" in (entry.last_error or "")
    assert mailbox.received == []


def test_down_server_queues_then_delivers_once_back_and_never_twice_across_a_restart(
    store: EventStore, clock: SteppingClock, settings_for: Callable[..., Settings]
) -> None:
    with refused_port() as port:  # nobody listens here yet
        settings = settings_for(smtp_config(port))
        raise_alert(store, make_alert("a1"))
        clock.advance(dt.timedelta(minutes=1))
        down = run_due(settings, store, clock, states=NO_STATES)
        assert down.attempts[0].status == "failed"
        assert f"cannot reach mail server 127.0.0.1:{port}" in (down.attempts[0].reason or "")
        assert [e.status for e in outbox.entries(store)] == ["failed"]

    mailbox = Mailbox()
    with smtp_server(mailbox, port=port):
        clock.advance(dt.timedelta(minutes=1))
        back = run_due(settings, store, clock, states=NO_STATES)
        assert [a.status for a in back.attempts] == ["delivered"]
        # A restart: a new store on the same database, later, with nothing in memory.
        restarted = EventStore(store.engine, clock)
        clock.advance(dt.timedelta(hours=3))
        again = run_due(settings, restarted, clock, states=NO_STATES)
    assert again.queued == [] and again.attempts == []
    assert len(mailbox.received) == 1


def test_a_crash_between_send_and_mark_resends_the_same_message(
    store: EventStore, clock: SteppingClock, settings_for: Callable[..., Settings]
) -> None:
    """The documented at-least-once window: the resend carries the same Message-ID and Date."""
    mailbox = Mailbox()
    with smtp_server(mailbox) as port:
        settings = settings_for(smtp_config(port))
        raise_alert(store, make_alert("a1"))
        clock.advance(dt.timedelta(minutes=1))
        [queued] = queue_due(settings, store, clock, states=NO_STATES).queued
        delivery_for(settings).deliver(queued)  # sent, then the process dies before recording it
        clock.advance(dt.timedelta(minutes=1))
        run_due(settings, EventStore(store.engine, clock), clock, states=NO_STATES)
    first, second = (parsed(e) for e in mailbox.received)
    assert first["Message-ID"] == second["Message-ID"] == queued.message_id
    assert first["Date"] == second["Date"]
    assert first.as_bytes() == second.as_bytes()


def test_implicit_tls_server_gets_the_digest_and_an_unknown_certificate_is_refused(
    store: EventStore, clock: SteppingClock, settings_for: Callable[..., Settings], tmp_path: Path
) -> None:
    cert, key = self_signed_certificate(tmp_path)
    tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    tls.load_cert_chain(cert, key)
    mailbox = Mailbox()
    with smtp_server(mailbox, ssl_context=tls) as port:
        untrusted = settings_for(smtp_config(port, security="ssl"))
        trusted = settings_for(smtp_config(port, f'ca_file = "{cert}"\n', security="ssl"))
        raise_alert(store, make_alert("a1"))
        clock.advance(dt.timedelta(minutes=1))
        refused = run_due(untrusted, store, clock, states=NO_STATES)
        assert refused.attempts[0].status == "failed"
        assert "CERTIFICATE_VERIFY_FAILED" in (refused.attempts[0].reason or "")
        clock.advance(dt.timedelta(minutes=1))
        accepted = run_due(trusted, store, clock, states=NO_STATES)
    assert [a.status for a in accepted.attempts] == ["delivered"]
    assert len(mailbox.received) == 1
