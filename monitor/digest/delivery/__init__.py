"""How a digest leaves: an extension point, one module per method or channel kind, like APScheduler's executors.

`base` says what a delivery is. Mail methods: `directory` (the default)
writes files, `smtp` sends mail; `delivery.method = "smtp"` is the module
`monitor.digest.delivery.smtp`, whose `create(settings)` makes it. Channel
kinds: `webhook`, `slack`, `teams`, `matrix`, `ntfy`; a `[[channels]]` table
with `kind = "slack"` is made by `monitor.digest.delivery.slack`'s
`create_channel(channel, settings)`. So a new channel is one module here (and
its name among the choices of `delivery.method` or `channels[].kind` in
`monitor/config.py`, which a test keeps in step). Modules whose names start
with `_` are shared parts, not deliveries.
"""

from __future__ import annotations

import importlib
import pkgutil
from types import ModuleType

from monitor.config import Settings
from monitor.digest.delivery.base import ChannelFactory, Delivery, DeliveryFactory, Receipt
from monitor.errors import ConfigError, DeliveryError

__all__ = ["Delivery", "Receipt", "channel_for", "channel_kinds", "check_deliveries", "delivery_for", "method_names"]


def _modules() -> list[str]:
    return sorted(m.name for m in pkgutil.iter_modules(__path__) if m.name != "base" and not m.name.startswith("_"))


def _module(name: str) -> ModuleType:
    return importlib.import_module(f"{__name__}.{name}")


def channel_kinds() -> list[str]:
    """The channel kinds there are: the modules of this package with a `create_channel` function."""
    return [name for name in _modules() if hasattr(_module(name), "create_channel")]


def method_names() -> list[str]:
    """The mail methods there are: the modules of this package but `base` and the channel kinds."""
    kinds = set(channel_kinds())
    return [name for name in _modules() if name not in kinds]


def delivery_for(settings: Settings) -> Delivery:
    """The delivery method the settings name, made by its module and checked against `base.Delivery`."""
    name = settings.delivery.method
    if name not in method_names():
        raise ConfigError(
            f"{settings.source}: key 'delivery.method': no delivery method {name!r}",
            hint=f"expected one of: {', '.join(method_names())}",
        )
    module = _module(name)
    create: DeliveryFactory | None = getattr(module, "create", None)
    if create is None or not callable(create):
        raise DeliveryError(f"delivery method {name!r} ({module.__name__}) has no create(settings) function")
    return _checked(create(settings), name, "delivery method")


def channel_for(settings: Settings, name: str) -> Delivery:
    """The channel `name` of `[[channels]]`, made by the module of its kind (its secrets read now)."""
    channel = settings.channel(name)
    if channel.kind not in channel_kinds():
        raise ConfigError(
            f"{settings.source}: channel {name!r}: no channel kind {channel.kind!r}",
            hint=f"expected one of: {', '.join(channel_kinds())}",
        )
    create: ChannelFactory = _module(channel.kind).create_channel
    return _checked(create(channel, settings), channel.kind, f"channel {name!r} of kind")


def check_deliveries(settings: Settings) -> None:
    """Make the mail method and every channel once, so a missing secret stops a daemon at start, in one line."""
    delivery_for(settings)
    for channel in settings.channels:
        channel_for(settings, channel.name)


def _checked(made: object, name: str, what: str) -> Delivery:
    if not isinstance(made, Delivery) or made.name != name:
        raise DeliveryError(
            f"{what} {name!r}: create() returned {type(made).__name__}, not a Delivery named {name!r}",
            hint="see monitor/digest/delivery/base.py",
        )
    return made
