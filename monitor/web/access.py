"""Who may read: loopback by default; any other address only with a token.

The token lives in an environment variable that `web.token_env` names,
looked up in the environ handed to `load_settings` (never at import). When a
token is set, every page and API call must carry it, as `Authorization:
Bearer TOKEN` (programs, Prometheus) or as the password of HTTP Basic auth
with any user name (a browser asks for it, no script needed). A missing or
wrong token gets 401 and nothing else. `/healthz` alone is open: it says
only that the process answers.
"""

from __future__ import annotations

import base64
import binascii
import hmac
import ipaddress

from starlette.types import ASGIApp, Receive, Scope, Send

from monitor.config import Settings
from monitor.errors import ConfigError

OPEN_PATHS = frozenset({"/healthz"})
_CHALLENGE = b'Basic realm="trade-monitor", charset="UTF-8"'


def is_loopback(host: str) -> bool:
    """Whether an address to bind is loopback only (127.0.0.0/8, ::1, localhost)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def access_token(settings: Settings, bind: str) -> str | None:
    """The token every request must carry, or None when none is needed.

    Binding to anything but loopback without a token is refused: the log's
    contents would be open to the network.
    """
    name = settings.web.token_env
    token = settings.environ.get(name) if name else None
    if name and not token:
        raise ConfigError(
            f"{settings.source}: web.token_env names {name!r}, which is not set (or empty) in the environment"
        )
    if token is None and not is_loopback(bind):
        raise ConfigError(
            f"{settings.source}: serving on {bind} (not loopback) needs an access token",
            hint="set web.token_env to the name of an environment variable holding one",
        )
    return token


def _presented(headers: list[tuple[bytes, bytes]]) -> str | None:
    for name, value in headers:
        if name != b"authorization":
            continue
        scheme, _, credentials = value.decode("latin-1").partition(" ")
        if scheme.lower() == "bearer":
            return credentials.strip()
        if scheme.lower() == "basic":
            try:
                decoded = base64.b64decode(credentials.strip(), validate=True).decode("utf-8")
            except (binascii.Error, UnicodeDecodeError):
                return None
            return decoded.partition(":")[2]
    return None


class TokenGate:
    """ASGI middleware: refuses every HTTP request without the token, before any handler reads anything."""

    def __init__(self, app: ASGIApp, token: str | None) -> None:
        self.app = app
        self.token = token

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or self.token is None or scope["path"] in OPEN_PATHS:
            await self.app(scope, receive, send)
            return
        given = _presented(scope["headers"])
        if given is not None and hmac.compare_digest(given.encode(), self.token.encode()):
            await self.app(scope, receive, send)
            return
        body = b'{"error":{"status":401,"reason":"a valid access token is required","hint":null}}'
        await send(
            {
                "type": "http.response.start",
                "status": 401,
                "headers": [
                    (b"content-type", b"application/json"),
                    (b"content-length", str(len(body)).encode()),
                    (b"www-authenticate", _CHALLENGE),
                    (b"cache-control", b"no-store"),
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})
