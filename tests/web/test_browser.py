"""The pages in Debian's headless Chromium: open each, filter, pick an as-of day, follow a measure to its history."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.web.chromium import Browser
from tests.web.conftest import FEED_ITEM_LINK, SCRIPT_TITLE, Site

pytestmark = pytest.mark.chromium


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Browser]:
    opened = Browser(tmp_path_factory.mktemp("chromium") / "profile")
    yield opened
    opened.close()


def rows(browser: Browser) -> list[str]:
    """The text of each row of the measures table, spaces squeezed."""
    found: list[str] = browser.js(
        "[...document.querySelectorAll('table.measures tbody tr')].map(r => r.innerText.replace(/\\s+/g, ' ').trim())"
    )
    return found


def test_each_page_opens_with_no_script_and_no_errors(site: Site, browser: Browser) -> None:
    for path, heading in (
        ("/", "Measures"),
        ("/deadlines", "Deadlines"),
        ("/alerts", "Alerts"),
        ("/feeds", "Feeds"),
        ("/measures/US%3ACN%3A%2A", "United States on China"),
    ):
        browser.open(site.base + path)
        assert browser.js("document.querySelector('h1').innerText") == heading
        assert browser.js("document.querySelectorAll('script').length") == 0
    assert browser.errors() == []


def test_filter_the_measures_then_pick_an_as_of_day(site: Site, browser: Browser) -> None:
    browser.open(site.base + "/")
    everything = rows(browser)
    assert len(everything) == 4
    # Countries in words, one row per measure with its layers.
    assert any(r.startswith("United States China all goods tariff: 34%, paused until 9 Jul 2025") for r in everything)
    assert any(r.startswith("European Union India steel") for r in everything)

    browser.act(
        "document.querySelector('select[name=status]').value = 'paused';"
        "document.querySelector('form.filters button[type=submit]').click()"
    )
    assert browser.js("location.search") == "?as_of=&imposer=&target=&sector=&status=paused"
    assert [r.split(" tariff:")[0] for r in rows(browser)] == ["United States China all goods"]

    browser.open(site.base + "/")
    browser.act(
        "document.querySelector('input[name=as_of]').value = '2025-04-05';"
        "document.querySelector('form.filters button[type=submit]').click()"
    )
    assert browser.js("document.querySelector('h1').innerText") == "Measures as of 2025-04-05"
    # On 5 April the reprieve had not come: the tariff was announced, and nothing else was known.
    assert rows(browser) == ["United States China all goods tariff: 34%, announced 2 Apr 2025 1"]
    assert browser.js("document.querySelector('input[name=as_of]').value") == "2025-04-05"

    # A day that does not exist is refused with the reason, on a page like the others.
    browser.open(site.base + "/?as_of=2025-04-31")
    assert (
        browser.js("document.querySelector('.error').innerText")
        == "as_of: '2025-04-31' is not a date (expected YYYY-MM-DD)"
    )


def test_follow_a_measure_to_its_history(site: Site, browser: Browser) -> None:
    browser.open(site.base + "/?imposer=US")
    browser.act("document.querySelector('a.measure').click()")
    assert browser.js("location.pathname") == "/measures/US%3ACN%3A%2A"
    history: list[str] = browser.js(
        "[...document.querySelectorAll('ol.history > li')].map(li => li.innerText.replace(/\\s+/g, ' ').trim())"
    )
    assert len(history) == 2
    assert history[0].startswith("2 Apr 2025 rate recorded 34% · announced")
    assert "The United States will impose a 34 percent tariff on goods imported from China" in history[0]
    assert history[1].startswith("9 Apr 2025 paused 34% · until 9 Jul 2025")
    assert "A reprieve for Chinese exporters" in history[1]

    browser.open(site.base + "/measures/JP%3AAU%3Aagriculture")
    assert "outlet: wire" in browser.js("document.querySelector('ol.history').innerText")
    assert browser.js("document.querySelector('ul.evidence a').href") == FEED_ITEM_LINK


def test_a_title_carrying_a_script_shows_as_text(site: Site, browser: Browser) -> None:
    for path in ("/measures/EU%3AIN%3Asteel", "/deadlines", "/alerts"):
        browser.open(site.base + path)
        assert SCRIPT_TITLE in browser.js("document.body.innerText"), path
        assert browser.js("document.querySelectorAll('script').length") == 0


def test_deadlines_and_alerts_pages(site: Site, browser: Browser) -> None:
    browser.open(site.base + "/deadlines")
    items: list[str] = browser.js(
        "[...document.querySelectorAll('ol.deadlines > li p.what')].map(p => p.innerText.replace(/\\s+/g, ' '))"
    )
    assert [i.split(":")[0] for i in items] == ["30 Jun 2025 (10 days)", "1 Jul 2025 (11 days)", "9 Jul 2025 (19 days)"]
    browser.act("[...document.querySelectorAll('nav.windows a')].find(a => a.innerText.includes('7 days')).click()")
    assert browser.js("document.querySelector('.empty').innerText") == "Nothing falls due in the next 7 days."

    browser.open(site.base + "/alerts")
    raised: list[str] = browser.js("[...document.querySelectorAll('ol.alerts .meta')].map(p => p.innerText)")
    assert raised[0].startswith("30 May 2025") and raised[-1].startswith("10 Apr 2025")  # newest first
    browser.act(
        "document.querySelector('input[name=since]').value = '2025-05-01';"
        "document.querySelector('form.filters button[type=submit]').click()"
    )
    after: list[str] = browser.js("[...document.querySelectorAll('ol.alerts .meta')].map(p => p.innerText)")
    assert after and all(m.startswith("30 May 2025") for m in after)


def test_pages_fit_a_phone_and_print_without_navigation(site: Site, browser: Browser, tmp_path: Path) -> None:
    browser.phone(375)
    try:
        for path in ("/", "/measures/EU%3AIN%3Asteel", "/deadlines", "/alerts", "/feeds"):
            browser.open(site.base + path)
            assert browser.js("document.documentElement.scrollWidth") <= 375, path
        browser.page("Emulation.setEmulatedMedia", {"media": "print"})
        browser.open(site.base + "/")
        hidden = browser.js(
            "JSON.stringify(['header.site nav', 'form.filters']"
            ".map(s => getComputedStyle(document.querySelector(s)).display))"
        )
        assert json.loads(hidden) == ["none", "none"]
    finally:
        browser.page("Emulation.setEmulatedMedia", {"media": ""})
        browser.page("Emulation.clearDeviceMetricsOverride")
