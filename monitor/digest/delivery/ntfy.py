"""The `ntfy` channel kind: a notification published to an ntfy topic (`url` is the topic's URL).

The body is the plain message; the subject goes in the `Title` header (RFC
2047-encoded when it is not ASCII, as ntfy reads it) and the web page in
`Click`, so tapping the notification opens it.
"""

from __future__ import annotations

from email.header import Header

from monitor.config import ChannelSettings, Settings
from monitor.digest.chat import chat_message
from monitor.digest.delivery import _http
from monitor.digest.delivery.base import Receipt
from monitor.events.digests import DigestQueued


def _header(text: str) -> str:
    text = " ".join(text.split())
    return text if text.isascii() else Header(text, "utf-8").encode()


class NtfyChannel:
    """Publishes each digest to an ntfy topic."""

    name = "ntfy"

    def __init__(self, channel: ChannelSettings, url: str, bearer: str | None) -> None:
        self.channel = channel
        self.url = url
        self.bearer = bearer

    def deliver(self, digest: DigestQueued) -> Receipt:
        """Publish the message; a 2xx answer delivers it."""
        message = chat_message(digest)
        lines = [f"- {line}" for line in message.lines]
        if message.more:
            lines.append(f"(and {message.more} more)")
        headers = {"Title": _header(message.title), "Tags": "trade-monitor"}
        if message.link:
            headers["Click"] = message.link
        body = "\n".join(lines or [message.title]).encode("utf-8")
        return Receipt(
            detail=_http.send(self.channel, "POST", self.url, content=body, headers=headers, bearer=self.bearer)
        )


def create_channel(channel: ChannelSettings, settings: Settings) -> NtfyChannel:
    """An ntfy channel on the topic URL of `url` (or `url_env`), with the token of `token_env` if any."""
    return NtfyChannel(channel, _http.target_url(channel, settings), _http.token(channel, settings))
