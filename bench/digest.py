"""Bench: render and build the email of a digest of 500 alerts (aim: under 1 s).

Prints the time of each stage and, as the baseline measured in the same run,
a digest of one alert, with the ratio between them. The last line is one JSON
object: {"bench": "digest", "alerts": 500, "seconds": ...}.
"""

from __future__ import annotations

import datetime as dt
import json
import statistics
import time
from collections.abc import Callable
from typing import TypeVar

from monitor.config import SubscriptionSettings
from monitor.digest.content import build_content
from monitor.digest.message import build_message, message_id
from monitor.digest.render import render
from monitor.events.alerts import AlertRaised, Evidence
from monitor.events.digests import DigestQueued
from monitor.measures.state import MeasureState

ALERTS = 500
ROUNDS = 5
NOW = dt.datetime(2025, 4, 2, 7, 0, tzinfo=dt.UTC)
CODES = ["CN", "MX", "CA", "JP", "DE", "VN", "IN", "BR", "KR", "EU"]
SECTORS = ["steel", "aluminium", "autos", "semiconductors", None]
SEVERITIES = ["info", "warning", "critical"]

T = TypeVar("T")


def alerts(n: int) -> list[AlertRaised]:
    """`n` varied alerts, each quoting one or two sentences we wrote for this bench."""
    made = []
    for i in range(n):
        target = CODES[i % len(CODES)]
        sector = SECTORS[i % len(SECTORS)]
        evidence = tuple(
            Evidence(
                article=f"bench-{i}-{j}",
                url=f"https://news.example.org/bench/{i}/{j}",
                sentence=f"Officials confirmed that the levy on {sector or 'all'} imports from {target} "
                f"moves to {10 + i % 30} percent, story {i}.{j}.",
                title=f"Bench story {i}.{j} on {target} duties",
                published=dt.date(2025, 4, 1),
            )
            for j in range(1 + i % 2)
        )
        made.append(
            AlertRaised(
                key=f"bench-{i}",
                rule=["new_rate", "rate_change", "pause_expiring"][i % 3],
                severity=SEVERITIES[i % 3],
                measure_id=f"US:{target}:{sector}",
                imposer="US",
                target=target,
                sector=sector,
                rate=float(10 + i % 30),
                previous_rate=float(i % 10) if i % 2 else None,
                until=dt.date(2025, 7, 9) if i % 4 == 0 else None,
                summary=f"US sets its {sector or 'general'} tariff on {target} at {10 + i % 30}% (#{i})",
                raised_at=NOW - dt.timedelta(minutes=i),
                evidence=evidence,
            )
        )
    return made


def states() -> list[MeasureState]:
    """Forty measures, some paused with a deadline ahead."""
    return [
        MeasureState(
            measure_id=f"m{i}",
            imposer="US",
            target=CODES[i % len(CODES)],
            sector=SECTORS[i % len(SECTORS)],
            layer=None,
            rate=float(10 + i),
            previous_rate=None,
            status="paused" if i % 3 == 0 else "in_effect",
            pause_until=dt.date(2025, 4, 2) + dt.timedelta(days=i) if i % 3 == 0 else None,
            effective=dt.date(2025, 3, 1),
            first_seen=None,
            last_seen=None,
            sources=1,
        )
        for i in range(40)
    ]


def digest_bytes(batch: list[AlertRaised], measured: list[MeasureState]) -> bytes:
    """Everything a digest costs between its alerts and the bytes handed to the mail server."""
    sub = SubscriptionSettings(name="bench", title="Bench digest", timezone="Europe/Berlin")
    content = build_content(sub, batch, measured, NOW)
    rendered = render(content, unsubscribe="https://example.org/unsubscribe")
    keys = tuple(a.key for a in content.alerts)
    queued = DigestQueued(
        digest_id="bench-1",
        subscription="bench",
        alert_keys=keys,
        through_position=len(keys),
        recipients=("desk@example.org",),
        sender="monitor@example.org",
        subject=rendered.subject,
        text=rendered.text,
        html=rendered.html,
        message_id=message_id("bench-1", keys, "monitor@example.org"),
        queued_at=NOW,
        unsubscribe="https://example.org/unsubscribe",
    )
    return build_message(queued).as_bytes()


def timed(fn: Callable[[], T]) -> tuple[float, T]:
    """Median seconds of ROUNDS runs of `fn`, and its last result."""
    times = []
    result: T | None = None
    for _ in range(ROUNDS):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    assert result is not None
    return statistics.median(times), result


def main() -> None:
    """Measure and print; the last line is the JSON summary."""
    many, measured = alerts(ALERTS), states()
    digest_bytes(many[:1], measured)  # load templates and pycountry once, as a running daemon has
    one_s, _ = timed(lambda: digest_bytes(many[:1], measured))
    many_s, eml = timed(lambda: digest_bytes(many, measured))
    sub = SubscriptionSettings(name="bench", title="Bench digest", timezone="Europe/Berlin")
    render_s, rendered = timed(lambda: render(build_content(sub, many, measured, NOW)))
    print(f"baseline: digest of 1 alert         {one_s * 1000:8.1f} ms")
    print(f"digest of {ALERTS} alerts (render)     {render_s * 1000:8.1f} ms  (html {len(rendered.html) / 1e6:.2f} MB)")
    print(f"digest of {ALERTS} alerts (+ email)    {many_s * 1000:8.1f} ms  (.eml {len(eml) / 1e6:.2f} MB)")
    print(f"per alert                           {many_s / ALERTS * 1e6:8.0f} µs")
    print(f"ratio {ALERTS} alerts / 1 alert          {many_s / one_s:8.1f}x")
    print(json.dumps({"bench": "digest", "alerts": ALERTS, "seconds": round(many_s, 4)}))


if __name__ == "__main__":
    main()
