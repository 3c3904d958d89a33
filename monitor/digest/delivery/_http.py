"""Sending one chat or webhook message over HTTP(S) with httpx, and what its answer means.

A 2xx answer is delivered. No answer (the target is down, a timeout), 408,
429 and 5xx are passing failures, tried again later. Any other 4xx (and a
redirect, which a POST does not follow) is a permanent refusal: the URL,
the token or the payload is wrong, and trying again as it is would get the
same answer, so the outbox dead-letters it after `delivery.max_attempts`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import httpx

from monitor.config import ChannelSettings, Settings
from monitor.errors import DeliveryError

_PASSING = {408, 425, 429}
_SHOWN = 200


def target_url(channel: ChannelSettings, settings: Settings) -> str:
    """The channel's address: `url`, or the environment variable `url_env` names."""
    if channel.url:
        return channel.url
    url = settings.secret(channel.url_env, f"channels.{channel.name}.url_env")
    if not url.startswith(("http://", "https://")):
        raise DeliveryError(f"channel {channel.name!r}: the variable {channel.url_env} does not hold an http(s) URL")
    return url


def token(channel: ChannelSettings, settings: Settings) -> str | None:
    """The bearer token from the environment variable `token_env` names, if any."""
    if not channel.token_env:
        return None
    return settings.secret(channel.token_env, f"channels.{channel.name}.token_env")


def send(
    channel: ChannelSettings,
    method: str,
    url: str,
    *,
    json: Any = None,
    content: bytes | None = None,
    headers: Mapping[str, str] | None = None,
    bearer: str | None = None,
) -> str:
    """Send one request; return what the target answered, or raise DeliveryError saying why not."""
    sent = dict(headers or {})
    if bearer:
        sent["Authorization"] = f"Bearer {bearer}"
    where = f"channel {channel.name!r} ({channel.kind})"
    parsed = httpx.URL(url)
    host = f"{parsed.scheme}://{parsed.host}" + (f":{parsed.port}" if parsed.port else "")
    try:
        with httpx.Client(timeout=channel.timeout_s, follow_redirects=False) as client:
            answer = client.request(method, url, json=json, content=content, headers=sent)
    except httpx.HTTPError as exc:
        # The URL's path may hold the secret (Slack, Teams): only the host is named.
        raise DeliveryError(f"{where}: cannot reach {host}: {type(exc).__name__}: {exc}") from exc
    body = answer.text.strip().replace("\n", " ")[:_SHOWN]
    if answer.is_success:
        return f"{answer.status_code} from {host}"
    said = f"{where}: {host} answered {answer.status_code} {answer.reason_phrase}" + (f": {body}" if body else "")
    passing = answer.status_code in _PASSING or answer.status_code >= 500
    raise DeliveryError(said, permanent=not passing, retry_after_s=_retry_after(answer.headers.get("Retry-After")))


def _retry_after(value: str | None) -> float | None:
    """The seconds a Retry-After header asks for; the HTTP-date form (which chat services do not send) is not read."""
    if value is None or not value.strip().isdigit():
        return None
    return float(value.strip())
