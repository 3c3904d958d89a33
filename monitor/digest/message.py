"""The email of a digest: multipart/alternative (plain text, then HTML), UTF-8, with stable headers.

Everything in the message comes from the `digest.queued` event, so building
it again on a retry (or after a restart) gives the same message, byte for byte,
with the same Message-ID and Date: a mail server or client that sees it twice can tell.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable
from email import policy
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime

from monitor.events.digests import DigestQueued


def message_id(digest_id: str, alert_keys: Iterable[str], sender: str) -> str:
    """A Message-ID that is the same every time the same digest is built, and differs between digests."""
    digest = hashlib.sha256("\n".join([digest_id, *alert_keys]).encode()).hexdigest()[:16]
    domain = sender.rpartition("@")[2] or "trade-monitor.invalid"
    return f"<{digest_id}.{digest}@{domain}>"


def _unsubscribe_header(target: str) -> str:
    if target.startswith(("http://", "https://", "mailto:")):
        return f"<{target}>"
    return f"<mailto:{target}>" if "@" in target else f"<{target}>"


def build_message(digest: DigestQueued) -> EmailMessage:
    """The email for a queued digest, ready for `smtplib.SMTP.send_message` or a .eml file."""
    msg = EmailMessage(policy=policy.SMTP)
    msg["Subject"] = digest.subject
    msg["From"] = Address(display_name="trade-monitor", addr_spec=digest.sender)
    msg["To"] = ", ".join(digest.recipients) if digest.recipients else "undisclosed-recipients:;"
    queued = digest.queued_at if digest.queued_at.tzinfo else digest.queued_at.replace(tzinfo=dt.UTC)
    msg["Date"] = format_datetime(queued)
    msg["Message-ID"] = digest.message_id
    if digest.unsubscribe:
        msg["List-Unsubscribe"] = _unsubscribe_header(digest.unsubscribe)
        if digest.unsubscribe.startswith("https://"):
            # RFC 8058: lets a mail client unsubscribe with one click, without opening a page.
            msg["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    msg["X-Trade-Monitor-Digest"] = digest.digest_id
    msg.set_content(digest.text, subtype="plain", charset="utf-8")
    msg.add_alternative(digest.html, subtype="html", charset="utf-8")
    # A boundary drawn from the Message-ID instead of at random: the same digest is the same bytes.
    msg.set_boundary("=_tm_" + hashlib.sha256(digest.message_id.encode()).hexdigest()[:32])
    return msg
