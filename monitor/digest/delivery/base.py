"""What a delivery method is: it takes a queued digest and either accepts it or raises DeliveryError.

A method is one module in this package, named as `delivery.method` names it
(`directory.py`, `smtp.py`), with a `create(settings)` function returning a
`Delivery`. `monitor.digest.delivery.delivery_for` imports the module the
settings name and checks what `create` returned against `Delivery`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable

from monitor.config import ChannelSettings, Settings
from monitor.events.digests import DigestQueued


@dataclass(frozen=True, kw_only=True)
class Receipt:
    """What a method reports when it accepted a digest."""

    detail: str = ""
    #: recipients the server refused while accepting the others
    refused: tuple[str, ...] = ()
    #: of those, the ones refused for good (a 5xx reply), with what the server said: dead-lettered
    refusals: dict[str, str] = field(default_factory=dict)
    #: the ones refused for now (a 4xx reply), with what the server said: tried again later
    deferred: dict[str, str] = field(default_factory=dict)


@runtime_checkable
class Delivery(Protocol):
    """One way of delivering digests.

    `deliver` returns only once the digest is safely handed over (the mail
    server said 250 to the message, the files are on disk) and raises
    `DeliveryError` with a reason a person can act on otherwise, with
    `permanent=True` when the other side refused for good (the outbox then
    dead-letters it after `delivery.max_attempts` tries). A mail method sends
    to `digest.recipients`; on a retry the outbox hands it a copy holding only
    the recipients still owed the message. Delivering
    the same digest twice must not create two different messages: the email
    is built from the queued event alone, so it keeps its Message-ID.
    """

    #: the name recorded in digest.delivered / digest.failed: the method's module name
    name: str

    def deliver(self, digest: DigestQueued) -> Receipt:
        """Hand the digest over, or raise DeliveryError saying why not."""
        ...


class DeliveryFactory(Protocol):
    """The `create` function of a method's module: the method, set up from the settings."""

    def __call__(self, settings: Settings) -> Delivery: ...


class ChannelFactory(Protocol):
    """The `create_channel` function of a channel kind's module: one channel, set up from its settings."""

    def __call__(self, channel: ChannelSettings, settings: Settings) -> Delivery: ...
