"""Golden files: each `tests/data/digest/NAME.alerts.json` renders to `NAME.digest.txt` and `NAME.digest.html`.

The alerts, measures and subscription are ours, written for these tests. When a
template or the content changes on purpose, rewrite the golden files with
`pytest tests/digest/test_goldens.py --update-goldens` and read the diff before
committing it.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from monitor.config import SubscriptionSettings
from monitor.digest.content import build_content
from monitor.digest.render import render
from monitor.events.alerts import AlertRaised, Evidence
from monitor.measures.state import MeasureState

DATA = Path(__file__).parents[1] / "data" / "digest"
CASES = sorted(DATA.glob("*.alerts.json"))
OUTPUTS = (".digest.txt", ".digest.html")


def _day(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def evidence_of(item: dict[str, Any]) -> Evidence:
    return Evidence(**{**item, "published": _day(item.get("published"))})


def alert_of(item: dict[str, Any]) -> AlertRaised:
    return AlertRaised(
        **{
            **item,
            "until": _day(item.get("until")),
            "raised_at": dt.datetime.fromisoformat(item["raised_at"]),
            "evidence": tuple(evidence_of(e) for e in item.get("evidence", [])),
        }
    )


def state_of(item: dict[str, Any]) -> MeasureState:
    days = ("pause_until", "effective", "first_seen", "last_seen")
    return MeasureState(**{"layer": None, **item, **{k: _day(item.get(k)) for k in days}})


def subscription_of(item: dict[str, Any]) -> SubscriptionSettings:
    return SubscriptionSettings(**{k: tuple(v) if isinstance(v, list) else v for k, v in item.items()})


def rendered_outputs(case: dict[str, Any]) -> dict[str, str]:
    """What the digest of the case looks like: the subject and text, and the HTML."""
    content = build_content(
        subscription_of(case["subscription"]),
        [alert_of(a) for a in case["alerts"]],
        [state_of(m) for m in case.get("measures", [])],
        dt.datetime.fromisoformat(case["now"]),
        deadline_days=case.get("deadline_days", 30),
        measures_shown=case.get("measures_shown", 50),
    )
    digest = render(content, unsubscribe=case.get("unsubscribe"))
    return {".digest.txt": f"Subject: {digest.subject}\n\n{digest.text}", ".digest.html": digest.html}


def test_there_are_golden_digests() -> None:
    assert len(CASES) >= 3


@pytest.mark.parametrize("source", CASES, ids=lambda p: p.name.removesuffix(".alerts.json"))
def test_a_digest_renders_as_its_golden_files(source: Path, update_goldens: bool) -> None:
    outputs = rendered_outputs(json.loads(source.read_text(encoding="utf-8")))
    name = source.name.removesuffix(".alerts.json")
    for suffix in OUTPUTS:
        golden = source.with_name(name + suffix)
        if update_goldens:
            golden.write_text(outputs[suffix], encoding="utf-8")
            continue
        assert golden.is_file(), f"{golden.name} is missing: run pytest --update-goldens, then review it"
        # A difference is shown line by line; if it is intended, --update-goldens rewrites the file.
        assert outputs[suffix] == golden.read_text(encoding="utf-8")
