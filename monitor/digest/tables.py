"""The digest room's own tables, kept by the outbox projection (dropped and rebuilt from the log by `rebuild`).

- `outbox_digests`: one row per digest queued, with its overall status.
- `outbox_deliveries`: one row per digest and channel ("" for mail): its own
  status, attempts, next try, the recipients still owed and those refused.
- `alert_bursts`: runs of alerts recorded back to back (one evaluation of the
  rules), for the mass-change guard.

Times are stored as fixed-width UTC text (`stamp`), so they sort as text on
every database and come back aware.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import JSON, Column, Index, Integer, MetaData, String, Table, Text

metadata = MetaData()

outbox_digests = Table(
    "outbox_digests",
    metadata,
    Column("digest_id", String(200), primary_key=True),
    #: the log position of its digest.queued: the order of the outbox, and where to read the message
    Column("position", Integer, nullable=False, unique=True),
    Column("subscription", String(100), nullable=False),
    Column("status", String(20), nullable=False),
    Column("alerts", Integer, nullable=False),
    Column("recipients", JSON, nullable=False),
    Column("channels", JSON, nullable=False),
    Column("subject", Text, nullable=False),
    Column("message_id", String(300), nullable=False),
    Column("queued_at", String(32), nullable=False),
    #: the version of its `digest-<id>` stream, for appending the next outcome
    Column("version", Integer, nullable=False),
    Column("last_error", Text, nullable=True),
    Index("ix_outbox_digests_status", "status"),
)

outbox_deliveries = Table(
    "outbox_deliveries",
    metadata,
    Column("digest_id", String(200), primary_key=True),
    #: the channel's name, "" for mail
    Column("leg", String(100), primary_key=True),
    Column("status", String(20), nullable=False),
    Column("method", String(40), nullable=True),
    Column("attempts", Integer, nullable=False),
    #: attempts since it was queued or last retried by a user (what `delivery.max_attempts` counts)
    Column("tries", Integer, nullable=False),
    #: when it was queued or last retried by a user (what `delivery.give_up_hours` counts from)
    Column("started_at", String(32), nullable=False),
    Column("next_attempt_at", String(32), nullable=True),
    Column("delivered_at", String(32), nullable=True),
    Column("last_error", Text, nullable=True),
    #: recipients still owed the message (mail only)
    Column("pending", JSON, nullable=False),
    #: recipients refused for good: address -> what the server said
    Column("refused", JSON, nullable=False),
    Index("ix_outbox_deliveries_next", "status", "next_attempt_at"),
)

alert_bursts = Table(
    "alert_bursts",
    metadata,
    Column("first_position", Integer, primary_key=True),
    Column("last_position", Integer, nullable=False),
    #: alerts in it that would be delivered (silenced ones are not counted)
    Column("alerts", Integer, nullable=False),
    Column("first_raised_at", String(32), nullable=False),
    Column("last_raised_at", String(32), nullable=False),
    #: None while nobody decided; "send" or "drop" once released
    Column("released", String(10), nullable=True),
    Column("released_at", String(32), nullable=True),
    Index("ix_alert_bursts_alerts", "alerts"),
)

TABLES = (outbox_digests, outbox_deliveries, alert_bursts)

_FORMAT = "%Y-%m-%dT%H:%M:%S.%fZ"


def stamp(value: dt.datetime) -> str:
    """A time as fixed-width UTC text, which sorts as the times do."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    return value.astimezone(dt.UTC).strftime(_FORMAT)


def unstamp(value: str | None) -> dt.datetime | None:
    """The aware UTC time `stamp` wrote (None stays None)."""
    if value is None:
        return None
    return dt.datetime.strptime(value, _FORMAT).replace(tzinfo=dt.UTC)
