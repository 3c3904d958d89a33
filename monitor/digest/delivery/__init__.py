"""How a digest leaves: an extension point, one module per method, like APScheduler's executors.

`base` says what a method is; `directory` (the default) writes files, `smtp`
sends mail. `delivery_for(settings)` picks the configured one.
"""

from __future__ import annotations

from monitor.config import Settings
from monitor.digest.delivery.base import Delivery, Receipt
from monitor.digest.delivery.directory import DirectoryDelivery
from monitor.digest.delivery.smtp import SmtpDelivery

__all__ = ["Delivery", "DirectoryDelivery", "Receipt", "SmtpDelivery", "delivery_for"]


def delivery_for(settings: Settings) -> Delivery:
    """The delivery method the settings name."""
    if settings.delivery.method == "smtp":
        smtp = settings.delivery.smtp
        ca_file = settings.path(smtp.ca_file) if smtp.ca_file else None
        return SmtpDelivery(smtp, password=settings.smtp_password(), ca_file=ca_file)
    return DirectoryDelivery(settings.path(settings.delivery.directory))
