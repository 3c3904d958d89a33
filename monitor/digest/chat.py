"""The short message a chat or webhook channel gets for a digest, built from the queued event alone.

One message per digest: its subject, the summaries of its first alerts (most
severe first, recorded in `digest.queued` as `headlines`), how many more
there are, and a link to the web pages when `delivery.web_url` is set. Built
from the queued event only, so a retry sends the same words.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from monitor.events.digests import DigestQueued

#: Alert summaries a chat message shows; the rest are counted.
HEADLINES = 5


@dataclass(frozen=True, kw_only=True)
class ChatMessage:
    """What every channel kind renders in its own format."""

    digest_id: str
    subscription: str
    title: str
    lines: tuple[str, ...]
    #: alerts in the digest beyond `lines`
    more: int
    alerts: int
    link: str | None
    queued_at: dt.datetime
    message_id: str

    def plain(self) -> str:
        """The message as plain text: the title, one line per alert, the count of the rest, the link."""
        out = [self.title, *(f"- {line}" for line in self.lines)]
        if self.more:
            out.append(f"(and {self.more} more)")
        if self.link:
            out.append(self.link)
        return "\n".join(out)


def chat_message(digest: DigestQueued) -> ChatMessage:
    """The chat message of a queued digest."""
    lines = tuple(digest.headlines[:HEADLINES])
    return ChatMessage(
        digest_id=digest.digest_id,
        subscription=digest.subscription,
        title=digest.subject,
        lines=lines,
        more=max(0, len(digest.alert_keys) - len(lines)),
        alerts=len(digest.alert_keys),
        link=digest.link,
        queued_at=digest.queued_at,
        message_id=digest.message_id,
    )


def link_for(web_url: str, since: dt.date | None) -> str | None:
    """The web page a chat message links to: the alerts page from the digest's oldest alert's day."""
    if not web_url:
        return None
    base = web_url.rstrip("/") + "/alerts"
    return f"{base}?since={since.isoformat()}" if since else base
