"""Nothing is retried for ever: permanent refusals are dead-lettered, shown in the outbox, and sent again on demand.

Real SMTP servers on 127.0.0.1 (aiosmtpd) refuse the digest, one recipient, or are not there at all.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from monitor.clock import SteppingClock
from monitor.config import Settings
from monitor.digest import outbox
from monitor.digest.service import flush_outbox, run_due
from monitor.events.digests import DigestRetried
from monitor.log import EventStore
from tests.digest.conftest import make_alert, raise_alert, states_of
from tests.digest.smtp_servers import Mailbox, refused_port, smtp_server
from tests.digest.test_smtp import parsed

NO_STATES = states_of()


def config(port: int, *, max_attempts: int = 3, give_up_hours: int = 72) -> str:
    return f"""
[delivery]
method = "smtp"
batch_window_s = 0
max_attempts = {max_attempts}
give_up_hours = {give_up_hours}
[delivery.smtp]
host = "127.0.0.1"
port = {port}
security = "none"
sender = "monitor@example.org"
timeout_s = 5
[[subscriptions]]
name = "steel-desk"
recipients = ["desk@example.org", "lead@example.org"]
"""


def run_until_quiet(settings: Settings, store: EventStore, clock: SteppingClock, hours: int) -> list[str]:
    """Run the digest job every 10 minutes for `hours`; the statuses of every attempt made."""
    seen: list[str] = []
    for _ in range(hours * 6):
        clock.advance(dt.timedelta(minutes=10))
        seen += [a.status for a in run_due(settings, store, clock, states=NO_STATES).attempts]
    return seen


def test_a_permanent_refusal_is_dead_lettered_after_max_attempts_and_never_tried_again(
    store: EventStore, clock: SteppingClock, settings_for: Callable[..., Settings]
) -> None:
    mailbox = Mailbox(data_reply="554 5.6.0 message content rejected")
    with smtp_server(mailbox) as port:
        settings = settings_for(config(port, max_attempts=3))
        raise_alert(store, make_alert("a1"))
        statuses = run_until_quiet(settings, store, clock, hours=24)
    assert statuses == ["failed", "failed", "dead"]
    [entry] = outbox.entries(store)
    assert entry.status == "dead"
    assert "554 5.6.0 message content rejected" in (entry.last_error or "")
    assert "refused 3 times; given up" in (entry.last_error or "")
    assert entry.next_attempt_at is None
    assert mailbox.received == []


def test_retry_sends_a_dead_letter_again_and_records_the_retry(
    store: EventStore, clock: SteppingClock, settings_for: Callable[..., Settings]
) -> None:
    mailbox = Mailbox(refuse=True)
    with smtp_server(mailbox) as port:
        settings = settings_for(config(port, max_attempts=2))
        raise_alert(store, make_alert("a1"))
        assert run_until_quiet(settings, store, clock, hours=2) == ["failed", "dead"]
        mailbox.refuse = False  # the relay was fixed
        [dead] = outbox.entries(store, statuses=["dead"])
        outbox.retry(store, dead.digest_id, clock.now())
        attempts = flush_outbox(settings, store, clock)
    assert [a.status for a in attempts] == ["delivered"]
    assert outbox.entry(store, dead.digest_id).status == "delivered"
    assert len(mailbox.received) == 1
    retried = [e for e in store.read_stream(outbox.stream_id(dead.digest_id)) if e.type == DigestRetried.NAME]
    assert len(retried) == 1


def test_a_recipient_refused_with_550_is_dead_lettered_and_the_accepted_one_never_gets_it_twice(
    store: EventStore, clock: SteppingClock, settings_for: Callable[..., Settings]
) -> None:
    mailbox = Mailbox(replies={"lead@example.org": "550 5.1.1 no such mailbox here"})
    with smtp_server(mailbox) as port:
        settings = settings_for(config(port))
        raise_alert(store, make_alert("a1"))
        statuses = run_until_quiet(settings, store, clock, hours=3)
        assert statuses == ["delivered"]
        [entry] = outbox.entries(store)
        assert entry.status == "dead"
        assert entry.refused == {"lead@example.org": "550 5.1.1 no such mailbox here"}
        assert entry.leg(None).status == "delivered" and entry.leg(None).pending == ()
        assert [e.rcpt_tos for e in mailbox.received] == [["desk@example.org"]]

        mailbox.replies.clear()  # the mailbox was created
        outbox.retry(store, entry.digest_id, clock.now())
        assert [a.status for a in flush_outbox(settings, store, clock)] == ["delivered"]
    assert [e.rcpt_tos for e in mailbox.received] == [["desk@example.org"], ["lead@example.org"]]
    first, second = (parsed(e) for e in mailbox.received)
    assert first["Message-ID"] == second["Message-ID"]
    after = outbox.entry(store, entry.digest_id)
    assert (after.status, after.refused) == ("delivered", {})


def test_a_recipient_refused_for_now_is_tried_again_alone(
    store: EventStore, clock: SteppingClock, settings_for: Callable[..., Settings]
) -> None:
    mailbox = Mailbox(replies={"lead@example.org": "450 4.2.1 mailbox busy, try later"})
    with smtp_server(mailbox) as port:
        settings = settings_for(config(port))
        raise_alert(store, make_alert("a1"))
        clock.advance(dt.timedelta(minutes=1))
        [first] = run_due(settings, store, clock, states=NO_STATES).attempts
        assert first.status == "failed" and "lead@example.org: 450 4.2.1 mailbox busy" in (first.reason or "")
        [entry] = outbox.entries(store)
        assert entry.leg(None).pending == ("lead@example.org",)
        mailbox.replies.clear()
        later = run_until_quiet(settings, store, clock, hours=1)
    assert later == ["delivered"]
    assert [e.rcpt_tos for e in mailbox.received] == [["desk@example.org"], ["lead@example.org"]]
    assert outbox.entries(store)[0].status == "delivered"


def test_a_server_that_stays_down_is_given_up_after_give_up_hours(
    store: EventStore, clock: SteppingClock, settings_for: Callable[..., Settings]
) -> None:
    raise_alert(store, make_alert("a1"))
    with refused_port() as port:  # the server stays down
        settings = settings_for(config(port, give_up_hours=2))
        statuses = run_until_quiet(settings, store, clock, hours=6)
    assert statuses[-1] == "dead" and set(statuses[:-1]) == {"failed"}
    [entry] = outbox.entries(store)
    assert entry.status == "dead"
    assert "cannot reach mail server" in (entry.last_error or "") and "given up" in (entry.last_error or "")
