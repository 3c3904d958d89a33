"""The `smtp` delivery: one connection per digest, STARTTLS / implicit TLS / plain, optional login.

The digest counts as delivered when the server answers 250 to the message.
Refusals and network failures become a DeliveryError whose reason says what
the server said (or that it could not be reached), which the outbox records
before trying again later. A 5xx reply (to the login, the sender, the
message, or to every recipient) is permanent: the outbox dead-letters it
after `delivery.max_attempts` tries. When the server takes the message for
some recipients and refuses others, the receipt names each refused one with
the server's reply: refused for good on a 5xx, for now on a 4xx.
"""

from __future__ import annotations

import smtplib
import ssl
from pathlib import Path

from monitor.config import Settings, SmtpSettings
from monitor.digest.delivery.base import Receipt
from monitor.digest.message import build_message
from monitor.errors import DeliveryError
from monitor.events.digests import DigestQueued


def _reply(code: int, text: bytes | str) -> str:
    shown = text.decode("utf-8", "replace") if isinstance(text, bytes) else text
    return f"{code} {shown}".strip()


class SmtpDelivery:
    """Sends digests through an SMTP server."""

    name = "smtp"

    def __init__(self, settings: SmtpSettings, *, password: str | None = None, ca_file: Path | None = None) -> None:
        self.settings = settings
        self.password = password
        self.ca_file = ca_file

    def _tls_context(self) -> ssl.SSLContext:
        context = ssl.create_default_context(cafile=str(self.ca_file) if self.ca_file else None)
        if not self.settings.verify_tls:
            context.check_hostname = False
            context.verify_mode = ssl.CERT_NONE
        return context

    def _connect(self) -> smtplib.SMTP:
        s = self.settings
        if s.security == "ssl":
            return smtplib.SMTP_SSL(s.host, s.port, timeout=s.timeout_s, context=self._tls_context())
        client = smtplib.SMTP(s.host, s.port, timeout=s.timeout_s)
        try:
            if s.security == "starttls":
                client.starttls(context=self._tls_context())
                client.ehlo()
        except BaseException:
            client.close()
            raise
        return client

    def deliver(self, digest: DigestQueued) -> Receipt:
        """Send the digest's email to its recipients."""
        s = self.settings
        where = f"{s.host}:{s.port}"
        if not digest.recipients:
            raise DeliveryError(
                f"digest {digest.digest_id} has no recipients",
                hint="set recipients on the subscription",
                permanent=True,
            )
        message = build_message(digest)
        try:
            client = self._connect()
        except (OSError, smtplib.SMTPException) as exc:
            raise DeliveryError(f"cannot reach mail server {where}: {_describe(exc)}") from exc
        try:
            if s.username:
                client.login(s.username, self.password or "")
            refused = client.send_message(message, from_addr=digest.sender, to_addrs=list(digest.recipients))
        except smtplib.SMTPAuthenticationError as exc:
            raise DeliveryError(
                f"mail server {where} refused the login of {s.username!r}: {_reply(exc.smtp_code, exc.smtp_error)}",
                hint="check delivery.smtp.username and the variable named by delivery.smtp.password_env",
                permanent=exc.smtp_code >= 500,
            ) from exc
        except smtplib.SMTPRecipientsRefused as exc:
            said = "; ".join(f"{rcpt}: {_reply(code, text)}" for rcpt, (code, text) in exc.recipients.items())
            raise DeliveryError(
                f"mail server {where} refused every recipient ({said})",
                permanent=all(code >= 500 for code, _ in exc.recipients.values()),
            ) from exc
        except smtplib.SMTPResponseException as exc:
            raise DeliveryError(
                f"mail server {where} refused the digest: {_reply(exc.smtp_code, exc.smtp_error)}",
                permanent=exc.smtp_code >= 500,
            ) from exc
        except (OSError, smtplib.SMTPException) as exc:
            raise DeliveryError(f"mail server {where} failed while sending: {_describe(exc)}") from exc
        finally:
            try:
                client.quit()
            except (OSError, smtplib.SMTPException):
                client.close()
        refusals = {rcpt: _reply(code, text) for rcpt, (code, text) in refused.items() if code >= 500}
        deferred = {rcpt: _reply(code, text) for rcpt, (code, text) in refused.items() if code < 500}
        return Receipt(
            detail=f"accepted by {where}", refused=tuple(sorted(refused)), refusals=refusals, deferred=deferred
        )


def _describe(exc: BaseException) -> str:
    if isinstance(exc, smtplib.SMTPResponseException):
        return _reply(exc.smtp_code, exc.smtp_error)
    return f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__


def create(settings: Settings) -> SmtpDelivery:
    """The `smtp` method, on the server of `[delivery.smtp]` with the password from its environment variable."""
    smtp = settings.delivery.smtp
    ca_file = settings.path(smtp.ca_file) if smtp.ca_file else None
    return SmtpDelivery(smtp, password=settings.smtp_password(), ca_file=ca_file)
