"""Only http, https and mailto links from feed items become clickable in the HTML digest."""

from __future__ import annotations

import re

import pytest

from monitor.config import SubscriptionSettings
from monitor.digest.content import build_content
from monitor.digest.render import clickable, render
from monitor.events.alerts import Evidence
from tests.digest.conftest import START, make_alert

SUB = SubscriptionSettings(name="port-desk", title="Port desk", timezone="UTC", sectors=("steel",))

HOSTILE = [
    "javascript:alert(document.cookie)",
    "JavaScript:alert(1)",
    " javascript:alert(1)",
    "java\tscript:alert(1)",
    "java\nscript:alert(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "vbscript:msgbox(1)",
    "file:///etc/passwd",
    "//evil.example/landing",
]


@pytest.mark.parametrize("url", HOSTILE)
def test_a_link_in_another_scheme_is_shown_as_text_not_as_a_link(url: str) -> None:
    evidence = Evidence(
        article="h1",
        url=url,
        sentence="The port authority said a 6 percent fee applies to every crate from June.",
        title="Crate fee announced",
    )
    out = render(build_content(SUB, [make_alert("h1", evidence=(evidence,))], [], START))
    hrefs = re.findall(r'href="([^"]*)"', out.html)
    assert all(re.match(r"(https?|mailto):", href) for href in hrefs), hrefs
    # The source is still named, as text.
    assert "Crate fee announced" in out.html
    assert not re.search(r"<a[^>]*>\s*Crate fee announced", out.html)


@pytest.mark.parametrize(
    "url",
    ["https://news.example.org/crates?id=4", "http://news.example.org/crates", "mailto:desk@example.org"],
)
def test_http_https_and_mailto_links_stay_clickable(url: str) -> None:
    # The unsubscribe link goes through the same filter.
    evidence = Evidence(article="s1", url=url, sentence="A 6 percent fee applies to crates.", title="Crate fee")
    out = render(build_content(SUB, [make_alert("s1", evidence=(evidence,))], [], START), unsubscribe=url)
    assert out.html.count(f'<a href="{url}"') == 2


def test_an_unsubscribe_link_in_another_scheme_is_left_out() -> None:
    out = render(build_content(SUB, [make_alert("u1")], [], START), unsubscribe="javascript:alert(1)")
    assert "javascript:" not in out.html and "Unsubscribe" not in out.html


def test_the_filter_keeps_only_the_three_schemes() -> None:
    assert clickable("HTTPS://news.example.org/a") == "HTTPS://news.example.org/a"
    assert clickable("mailto:desk@example.org") == "mailto:desk@example.org"
    assert [clickable(url) for url in HOSTILE] == [None] * len(HOSTILE)
    assert clickable(None) is None and clickable("") is None
