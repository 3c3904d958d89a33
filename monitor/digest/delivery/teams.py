"""The `teams` channel kind: an Adaptive Card through a Microsoft Teams incoming webhook (Workflows).

Teams' webhooks take a message whose attachment is an Adaptive Card: the
subject as the heading, one line per alert, and an "Open" button to the web
pages when `delivery.web_url` is set.
"""

from __future__ import annotations

from typing import Any

from monitor.config import ChannelSettings, Settings
from monitor.digest.chat import chat_message
from monitor.digest.delivery import _http
from monitor.digest.delivery.base import Receipt
from monitor.events.digests import DigestQueued


class TeamsChannel:
    """Posts each digest to a Teams incoming webhook as an Adaptive Card."""

    name = "teams"

    def __init__(self, channel: ChannelSettings, url: str) -> None:
        self.channel = channel
        self.url = url

    def deliver(self, digest: DigestQueued) -> Receipt:
        """Post the card; a 2xx answer delivers it."""
        message = chat_message(digest)
        blocks: list[dict[str, Any]] = [
            {"type": "TextBlock", "text": message.title, "weight": "Bolder", "size": "Medium", "wrap": True}
        ]
        blocks += [{"type": "TextBlock", "text": f"- {line}", "wrap": True} for line in message.lines]
        if message.more:
            blocks.append({"type": "TextBlock", "text": f"and {message.more} more", "isSubtle": True})
        card: dict[str, Any] = {
            "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
            "type": "AdaptiveCard",
            "version": "1.4",
            "body": blocks,
        }
        if message.link:
            card["actions"] = [{"type": "Action.OpenUrl", "title": "Open", "url": message.link}]
        body = {
            "type": "message",
            "attachments": [{"contentType": "application/vnd.microsoft.card.adaptive", "content": card}],
        }
        return Receipt(detail=_http.send(self.channel, "POST", self.url, json=body))


def create_channel(channel: ChannelSettings, settings: Settings) -> TeamsChannel:
    """A Teams channel on the webhook URL of `url` or of the variable `url_env` names."""
    return TeamsChannel(channel, _http.target_url(channel, settings))
