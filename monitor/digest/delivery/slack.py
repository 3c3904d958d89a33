"""The `slack` channel kind: a message through a Slack incoming webhook (`url_env` names its secret URL).

The text is Slack's mrkdwn: the subject in bold, linked to the web pages when
`delivery.web_url` is set, one bullet per alert. `&`, `<` and `>` in feed
text are escaped as Slack asks, so a headline cannot make a link or mention.
"""

from __future__ import annotations

from monitor.config import ChannelSettings, Settings
from monitor.digest.chat import chat_message
from monitor.digest.delivery import _http
from monitor.digest.delivery.base import Receipt
from monitor.events.digests import DigestQueued


def escape(text: str) -> str:
    """Text as Slack shows it literally."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class SlackChannel:
    """Posts each digest to a Slack incoming webhook."""

    name = "slack"

    def __init__(self, channel: ChannelSettings, url: str) -> None:
        self.channel = channel
        self.url = url

    def deliver(self, digest: DigestQueued) -> Receipt:
        """Post the digest's message; Slack answers 200 "ok" when it took it."""
        message = chat_message(digest)
        title = f"*{escape(message.title)}*"
        if message.link:
            title = f"<{message.link}|{escape(message.title)}>"
        lines = [title, *(f"• {escape(line)}" for line in message.lines)]
        if message.more:
            lines.append(f"_and {message.more} more_")
        body = {"text": "\n".join(lines), "unfurl_links": False}
        return Receipt(detail=_http.send(self.channel, "POST", self.url, json=body))


def create_channel(channel: ChannelSettings, settings: Settings) -> SlackChannel:
    """A Slack channel on the webhook URL of `url` or of the variable `url_env` names."""
    return SlackChannel(channel, _http.target_url(channel, settings))
