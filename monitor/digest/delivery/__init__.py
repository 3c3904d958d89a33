"""How a digest leaves: an extension point, one module per method, like APScheduler's executors.

`base` says what a method is; `directory` (the default) writes files, `smtp`
sends mail. A method is found by name: `delivery.method = "smtp"` is the
module `monitor.digest.delivery.smtp`, whose `create(settings)` makes it. So a
new channel is one module here (and its name among the choices of
`delivery.method` in `monitor/config.py`, which a test keeps in step).
"""

from __future__ import annotations

import importlib
import pkgutil

from monitor.config import Settings
from monitor.digest.delivery.base import Delivery, DeliveryFactory, Receipt
from monitor.errors import ConfigError, DeliveryError

__all__ = ["Delivery", "Receipt", "delivery_for", "method_names"]


def method_names() -> list[str]:
    """The delivery methods there are: the modules of this package but `base`."""
    return sorted(m.name for m in pkgutil.iter_modules(__path__) if m.name != "base" and not m.name.startswith("_"))


def delivery_for(settings: Settings) -> Delivery:
    """The delivery method the settings name, made by its module and checked against `base.Delivery`."""
    name = settings.delivery.method
    if name not in method_names():
        raise ConfigError(
            f"{settings.source}: key 'delivery.method': no delivery method {name!r}",
            hint=f"expected one of: {', '.join(method_names())}",
        )
    module = importlib.import_module(f"{__name__}.{name}")
    create: DeliveryFactory | None = getattr(module, "create", None)
    if create is None or not callable(create):
        raise DeliveryError(f"delivery method {name!r} ({module.__name__}) has no create(settings) function")
    delivery = create(settings)
    if not isinstance(delivery, Delivery) or delivery.name != name:
        raise DeliveryError(
            f"delivery method {name!r}: create() returned {type(delivery).__name__}, "
            f"not a Delivery named {name!r}",
            hint="see monitor/digest/delivery/base.py",
        )
    return delivery
