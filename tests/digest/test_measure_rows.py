"""The digest's measures table: one row per measure with its stacked layers inside, names in words."""

from __future__ import annotations

from monitor.config import SubscriptionSettings
from monitor.digest.content import build_content
from monitor.digest.render import render
from tests.digest.conftest import START, make_alert, make_state

SUB = SubscriptionSettings(name="all", title="Everything")


def test_stacked_layers_are_one_row_and_codes_are_words() -> None:
    states = [
        make_state("US:CN:*:fentanyl", sector=None, layer="fentanyl", rate=20.0),
        make_state("US:CN:*:reciprocal", sector=None, layer="reciprocal", rate=34.0),
        make_state("US:CN:*:total", sector=None, layer="total", rate=54.0),
        make_state("US:*:steel", target="*", rate=50.0, official=True, sources=3),
        make_state("EU:US:*", imposer="EU", target="US", sector=None, rate=15.0),
    ]
    content = build_content(SUB, [], states, START)
    assert [(r.imposer, r.target, len(r.layers)) for r in content.rows] == [
        ("EU", "US", 1),
        ("US", "*", 1),
        ("US", "CN", 3),
    ]
    out = render(content)
    assert out.text.count("United States -> China") == 1
    assert "20% fentanyl (in effect) + 34% reciprocal (in effect); total 54%" in out.text
    assert "United States -> All countries, steel: 50% (in effect), 3 sources, official" in out.text
    assert "European Union -> United States" in out.text
    assert "EU -> " not in out.text and "-> *" not in out.text
    assert out.html.count("China") == 1


def test_an_alert_line_names_every_rule_and_its_support() -> None:
    alert = make_alert("one")
    grouped = type(alert)(**{**alert.__dict__, "rules": ("asia_hikes", "rate_change"), "sources": 3, "official": True})
    out = render(build_content(SUB, [grouped], [], START))
    assert "asia_hikes, rate_change; 3 sources, official" in out.text
    assert "3 sources, official" in out.html
