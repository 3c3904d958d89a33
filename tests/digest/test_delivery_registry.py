"""Delivery methods are found by name, one module each, and checked against `delivery/base.py`."""

from __future__ import annotations

import dataclasses
import sys
import typing
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

import monitor.digest.delivery as delivery_package
from monitor.clock import SteppingClock
from monitor.config import DeliverySettings, Settings
from monitor.digest.delivery import Delivery, delivery_for, method_names
from monitor.digest.service import flush_outbox, queue_due
from monitor.errors import DeliveryError
from monitor.log import EventStore
from tests.digest.conftest import make_alert, raise_alert

SUBSCRIPTION = """
[delivery]
batch_window_s = 0
[[subscriptions]]
name = "kite-desk"
recipients = ["kites@example.org"]
"""

# A channel of our own, written as a user would write one: it keeps digests in a list.
PIGEON = """
from monitor.digest.delivery.base import Receipt

SENT = []


class PigeonDelivery:
    name = "pigeon"

    def deliver(self, digest):
        SENT.append(digest.digest_id)
        return Receipt(detail="carried off")


def create(settings):
    return PigeonDelivery()
"""


def with_method(settings: Settings, name: str) -> Settings:
    # Past the config's choices on purpose: the registry must stand on its own.
    return dataclasses.replace(settings, delivery=dataclasses.replace(settings.delivery, method=name))  # type: ignore[arg-type]


@pytest.fixture
def extra_methods(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A folder whose modules count as modules of the delivery package (removed afterwards)."""
    monkeypatch.setattr(delivery_package, "__path__", [*delivery_package.__path__, str(tmp_path)])
    yield tmp_path
    for name in [n for n in sys.modules if n.startswith("monitor.digest.delivery.") and n.count(".") == 3]:
        if getattr(sys.modules[name], "__file__", "").startswith(str(tmp_path)):
            del sys.modules[name]


def test_every_module_of_the_package_is_a_method_the_settings_can_name(
    settings_for: Callable[..., Settings],
) -> None:
    settings = settings_for(SUBSCRIPTION)
    assert method_names() == ["directory", "smtp"]
    # The config offers exactly the methods there are.
    choices = typing.get_args(typing.get_type_hints(DeliverySettings)["method"])
    assert sorted(choices) == method_names()
    for name in method_names():
        made = delivery_for(with_method(settings, name))
        assert isinstance(made, Delivery) and made.name == name


def test_a_new_channel_is_one_module_found_by_its_name(
    extra_methods: Path, settings_for: Callable[..., Settings], store: EventStore, clock: SteppingClock
) -> None:
    (extra_methods / "pigeon.py").write_text(PIGEON, encoding="utf-8")
    settings = with_method(settings_for(SUBSCRIPTION), "pigeon")
    raise_alert(store, make_alert("k1"))

    assert "pigeon" in method_names()
    queue_due(settings, store, clock)
    attempts = flush_outbox(settings, store, clock)

    assert [(a.subscription, a.status) for a in attempts] == [("kite-desk", "delivered")]
    assert sys.modules["monitor.digest.delivery.pigeon"].SENT == ["kite-desk-1"]


def test_a_module_that_does_not_make_a_delivery_is_refused_with_its_name(
    extra_methods: Path, settings_for: Callable[..., Settings]
) -> None:
    (extra_methods / "drum.py").write_text("def create(settings):\n    return 'a drum'\n", encoding="utf-8")
    (extra_methods / "flag.py").write_text("MAKE = None\n", encoding="utf-8")
    settings = settings_for(SUBSCRIPTION)

    with pytest.raises(DeliveryError, match=r"'drum': create\(\) returned str, not a Delivery named 'drum'"):
        delivery_for(with_method(settings, "drum"))
    with pytest.raises(DeliveryError, match=r"'flag' .* has no create\(settings\) function"):
        delivery_for(with_method(settings, "flag"))
    with pytest.raises(Exception, match="no delivery method 'semaphore'"):
        delivery_for(with_method(settings, "semaphore"))
