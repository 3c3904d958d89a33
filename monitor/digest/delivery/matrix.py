"""The `matrix` channel kind: an `m.room.message` sent to a room through the client-server API.

`url` (or `url_env`) is the homeserver, `room` the room id, `token_env` the
variable holding the access token. The transaction id is derived from the
digest id, and the homeserver treats a second request with the same
transaction id as the same message: a resend after a crash is not shown twice.
"""

from __future__ import annotations

import html
from urllib.parse import quote

from monitor.config import ChannelSettings, Settings
from monitor.digest.chat import chat_message
from monitor.digest.delivery import _http
from monitor.digest.delivery.base import Receipt
from monitor.events.digests import DigestQueued


class MatrixChannel:
    """Sends each digest to one Matrix room."""

    name = "matrix"

    def __init__(self, channel: ChannelSettings, homeserver: str, bearer: str) -> None:
        self.channel = channel
        self.homeserver = homeserver.rstrip("/")
        self.bearer = bearer

    def deliver(self, digest: DigestQueued) -> Receipt:
        """PUT the message under a transaction id of its own; a 2xx answer delivers it."""
        message = chat_message(digest)
        items = "".join(f"<li>{html.escape(line)}</li>" for line in message.lines)
        title = html.escape(message.title)
        if message.link:
            title = f'<a href="{html.escape(message.link)}">{title}</a>'
        more = f"<p>and {message.more} more</p>" if message.more else ""
        body = {
            "msgtype": "m.text",
            "body": message.plain(),
            "format": "org.matrix.custom.html",
            "formatted_body": f"<p><strong>{title}</strong></p><ul>{items}</ul>{more}",
        }
        room = quote(self.channel.room, safe="")
        txn = quote(f"trade-monitor-{digest.digest_id}", safe="")
        url = f"{self.homeserver}/_matrix/client/v3/rooms/{room}/send/m.room.message/{txn}"
        return Receipt(detail=_http.send(self.channel, "PUT", url, json=body, bearer=self.bearer))


def create_channel(channel: ChannelSettings, settings: Settings) -> MatrixChannel:
    """A Matrix channel: the homeserver of `url` (or `url_env`), the room, the token from `token_env`."""
    bearer = _http.token(channel, settings)
    assert bearer is not None  # the settings refuse a matrix channel without token_env
    return MatrixChannel(channel, _http.target_url(channel, settings), bearer)
