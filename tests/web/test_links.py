"""Only http, https and mailto links from a feed become clickable; anything else is shown as text."""

from __future__ import annotations

import pytest

from monitor.events.alerts import Evidence
from monitor.web.context import make_templates


@pytest.mark.parametrize(
    ("url", "clickable"),
    [
        ("https://news.example/a?b=1&c=2", True),
        ("http://news.example/a", True),
        ("mailto:desk@news.example", True),
        ("javascript:alert(1)", False),
        (" JavaScript:alert(1)", False),
        ("data:text/html,<b>x</b>", False),
        ("vbscript:msgbox", False),
        ("//news.example/no-scheme", False),
    ],
)
def test_evidence_links(url: str, clickable: bool) -> None:
    macros = make_templates().get_template("macros.html.j2").module
    html = str(macros.evidence([Evidence(article="a1", url=url, sentence="A 10 percent <b>tariff</b>.", title=None)]))  # type: ignore[attr-defined]
    assert ("<a href=" in html) is clickable
    assert "<b>" not in html and "&lt;b&gt;tariff&lt;/b&gt;" in html
    if not clickable:
        assert "<a" not in html
