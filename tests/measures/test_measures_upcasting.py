"""Events written before issue 10 are read with the fields it added (sources, confidence, rules)."""

from __future__ import annotations

from monitor.events import decode
from monitor.events.alerts import AlertRaised
from monitor.events.facts import FactExtracted
from monitor.events.measures import RateChanged

EVIDENCE = {"article": "a1", "url": None, "sentence": "Korea pays 10 percent.", "title": None, "published": None}


def test_old_facts_measure_events_and_alerts_read_with_their_defaults() -> None:
    fact = decode(
        "fact.extracted",
        1,
        {
            "article_id": "a1",
            "kind": "tariff",
            "imposer": "US",
            "targets": ["KR"],
            "sector": None,
            "rate": 10,
            "until": None,
            "effective": None,
            "status": None,
            "evidence": "Korea pays 10 percent.",
        },
    )
    assert isinstance(fact, FactExtracted) and (fact.confidence, fact.feed, fact.official) == (1.0, None, False)
    changed = decode(
        "measure.rate_changed",
        1,
        {
            "measure_id": "US:KR:*",
            "imposer": "US",
            "target": "KR",
            "sector": None,
            "layer": None,
            "kind": "tariff",
            "rate": 25,
            "previous_rate": 10,
            "day": "2025-04-02",
            "evidence": EVIDENCE,
            "fact_position": 3,
        },
    )
    assert isinstance(changed, RateChanged)
    assert (changed.sources, changed.official, changed.confidence, changed.unconfirmed) == (1, False, 1.0, False)
    alert = decode(
        "alert.raised",
        1,
        {
            "key": "rate_change:US:KR:*:10->25",
            "rule": "rate_change",
            "severity": "warning",
            "measure_id": "US:KR:*",
            "imposer": "US",
            "target": "KR",
            "sector": None,
            "rate": 25,
            "previous_rate": 10,
            "until": None,
            "summary": "US tariff on KR: 10% -> 25%",
            "raised_at": "2025-04-02T12:00:00+00:00",
        },
    )
    assert isinstance(alert, AlertRaised)
    assert alert.rules == ("rate_change",) and alert.confidence_text == "1 source"
