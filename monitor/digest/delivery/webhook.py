"""The `webhook` channel kind: one JSON POST per digest to a URL of your own.

The body (keys stable):

    {"digest_id", "subscription", "subject", "alerts", "headlines": [...], "more",
     "link", "queued_at", "message_id", "text"}

with an `Idempotency-Key: <digest_id>` header, so a receiver can drop the
resend that follows a crash between its answer and our record of it.
"""

from __future__ import annotations

from monitor.config import ChannelSettings, Settings
from monitor.digest.chat import chat_message
from monitor.digest.delivery import _http
from monitor.digest.delivery.base import Receipt
from monitor.events.digests import DigestQueued


class WebhookChannel:
    """POSTs each digest as JSON."""

    name = "webhook"

    def __init__(self, channel: ChannelSettings, url: str, bearer: str | None) -> None:
        self.channel = channel
        self.url = url
        self.bearer = bearer

    def deliver(self, digest: DigestQueued) -> Receipt:
        """Post the digest's JSON; a 2xx answer delivers it."""
        message = chat_message(digest)
        body = {
            "digest_id": message.digest_id,
            "subscription": message.subscription,
            "subject": message.title,
            "alerts": message.alerts,
            "headlines": list(message.lines),
            "more": message.more,
            "link": message.link,
            "queued_at": message.queued_at.isoformat(),
            "message_id": message.message_id,
            "text": message.plain(),
        }
        answer = _http.send(
            self.channel,
            "POST",
            self.url,
            json=body,
            headers={"Idempotency-Key": digest.digest_id},
            bearer=self.bearer,
        )
        return Receipt(detail=answer)


def create_channel(channel: ChannelSettings, settings: Settings) -> WebhookChannel:
    """A webhook channel, its URL and token read from the environment when the settings name variables."""
    return WebhookChannel(channel, _http.target_url(channel, settings), _http.token(channel, settings))
