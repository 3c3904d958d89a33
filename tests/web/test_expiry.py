"""A tariff's expiry on the web: the deadlines page, `/api/v1/deadlines`, `/calendar.ics`, the measure pages.

Its own log, filled by the real pipeline from three of our own articles, each
giving a tariff an end date; the server's clock stops on 20 June 2025, so the
expiries fall in the next 7 (24 June), 30 (12 July) and 90 days (15 August).
Pages are driven in Debian's headless Chromium.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
from icalendar import Calendar

from tests.cli_runner import run_cli
from tests.web.chromium import Browser
from tests.web.conftest import Site, config_text, start_site

ARTICLES = {
    "wine.txt": (
        "date 2025-05-12\nBrasilia taxes Chilean wine\n"
        "Brazil imposed a 12 percent tariff on wine from Chile until June 24, the trade ministry said.\n"
    ),
    "fish.txt": (
        "date 2025-05-14\nOslo taxes Icelandic fish\n"
        "Norway imposed a 10 percent tariff on fish from Iceland until July 12, the fisheries minister said.\n"
    ),
    "aluminium.txt": (
        "date 2025-05-20\nOttawa sets an end date\n"
        "Canada's 15 percent tariff on aluminium from the United States will expire on August 15, "
        "the finance minister said.\n"
    ),
}
WINE = "/measures/BR%3ACL%3Aagriculture"
SUBSCRIPTION = '[[subscriptions]]\nname = "metals"\nrecipients = ["metals@example.org"]\nsectors = ["aluminum"]\n'


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    folder = tmp_path_factory.mktemp("expiry-log")
    config = folder / "config.toml"
    config.write_text(config_text(folder / "log.db", {}), encoding="utf-8")
    for name, body in ARTICLES.items():
        (folder / name).write_text(body, encoding="utf-8")
    done = run_cli(["--config", config, "ingest", *(folder / n for n in ARTICLES), "--now", "2025-05-21T09:00"])
    assert done.exit_code == 0, done.stderr
    running, server = start_site(folder, {}, tmp_path_factory.mktemp("expiry-site"), extra=SUBSCRIPTION)
    yield running
    server.stop()


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Browser]:
    opened = Browser(tmp_path_factory.mktemp("chromium") / "profile")
    yield opened
    opened.close()


def deadlines(site: Site, days: int) -> list[dict[str, Any]]:
    with site.client() as client:
        response = client.get("/api/v1/deadlines", params={"days": days})
    assert response.status_code == 200, response.text
    found: list[dict[str, Any]] = response.json()["deadlines"]
    return found


def test_the_api_lists_each_expiry_in_its_window_with_its_evidence(site: Site) -> None:
    week = deadlines(site, 7)
    assert [(d["date"], d["days_left"], d["what"], d["measure"]["measure_id"]) for d in week] == [
        ("2025-06-24", 4, "expires", "BR:CL:agriculture")
    ]
    assert week[0]["measure"]["expires"] == "2025-06-24"
    assert "until June 24" in week[0]["measure"]["evidence"][0]["sentence"]
    assert [d["date"] for d in deadlines(site, 30)] == ["2025-06-24", "2025-07-12"]
    assert [(d["date"], d["measure"]["rate"]) for d in deadlines(site, 90)] == [
        ("2025-06-24", 12.0),
        ("2025-07-12", 10.0),
        ("2025-08-15", 15.0),
    ]
    with site.client() as client:
        measure = client.get("/api/v1/measures/CA:US:aluminum").json()
    assert measure["measure"]["expires"] == "2025-08-15"
    assert measure["events"][0]["until"] == "2025-08-15"


def test_the_calendar_names_each_expiring_measure_and_links_to_it(site: Site) -> None:
    with site.client() as client:
        everything = Calendar.from_ical(client.get("/calendar.ics").content).events
        # The calendar looks 90 days ahead.
        assert [(e.start, str(e["SUMMARY"])) for e in everything] == [
            (dt.date(2025, 6, 24), "Brazil on Chile, agriculture: expires (12%)"),
            (dt.date(2025, 7, 12), "Norway on Iceland, agriculture: expires (10%)"),
            (dt.date(2025, 8, 15), "Canada on United States, aluminum: expires (15%)"),
        ]
        for event in everything:
            assert [str(c) for c in event["CATEGORIES"].cats] == ["expires"]
            page = client.get(str(event["URL"]))
            assert page.status_code == 200
            assert "Expires" in page.text
        assert str(everything[0]["URL"]).endswith(WINE)
        assert "until June 24" in str(everything[0]["DESCRIPTION"])
        metals = Calendar.from_ical(client.get("/calendar.ics?subscription=metals").content).events
        assert [str(e["SUMMARY"]) for e in metals] == ["Canada on United States, aluminum: expires (15%)"]


@pytest.mark.chromium
def test_the_pages_show_the_expiry_and_an_expired_tariff_as_of_a_later_day(site: Site, browser: Browser) -> None:
    browser.open(site.base + "/deadlines?days=7")
    items: list[str] = browser.js(
        "[...document.querySelectorAll('ol.deadlines > li')].map(li => li.innerText.replace(/\\s+/g, ' ').trim())"
    )
    assert len(items) == 1
    assert items[0].startswith("24 Jun 2025 (4 days): Brazil on Chile, agriculture expires · 12%")
    assert "Brazil imposed a 12 percent tariff on wine from Chile until June 24" in items[0]
    browser.act("document.querySelector('ol.deadlines a.measure').click()")
    assert browser.js("location.pathname") == WINE
    assert browser.js("document.querySelector('dd.expires').innerText") == "24 Jun 2025"
    history = browser.js("document.querySelector('ol.history').innerText")
    assert "expires 24 Jun 2025" in history

    browser.open(site.base + "/?sector=agriculture")
    rows: list[str] = browser.js(
        "[...document.querySelectorAll('table.measures tbody tr')].map(r => r.innerText.replace(/\\s+/g, ' ').trim())"
    )
    assert any(r.startswith("Brazil Chile agriculture tariff: 12%, in effect , expires 24 Jun 2025") for r in rows)
    browser.act(
        "document.querySelector('input[name=as_of]').value = '2025-06-25';"
        "document.querySelector('form.filters button[type=submit]').click()"
    )
    later: list[str] = browser.js(
        "[...document.querySelectorAll('table.measures tbody tr')].map(r => r.innerText.replace(/\\s+/g, ' ').trim())"
    )
    wine = next(r for r in later if r.startswith("Brazil"))
    assert "lifted" in wine and "expired 24 Jun 2025" in wine
    fish = next(r for r in later if r.startswith("Norway"))
    assert "in effect" in fish and "expires 12 Jul 2025" in fish
    assert browser.errors() == []


def test_a_server_whose_today_is_past_an_expiry_shows_that_tariff_lifted_now(
    tmp_path_factory: pytest.TempPathFactory, site: Site
) -> None:
    """No article said the wine tariff ended; its end date did. "Now" on a server whose today is 1 July is the
    latest news seen from that day, on the page and in the API, not the state of the last article."""
    later, server = start_site(
        site.db.parent,  # the module's log, copied again
        {},
        tmp_path_factory.mktemp("expiry-later"),
        now=dt.datetime(2025, 7, 1, 9, tzinfo=dt.UTC),
    )
    try:
        with later.client() as client:
            now = {m["measure_id"]: m for m in client.get("/api/v1/measures").json()["measures"]}
            page = client.get("/", params={"sector": "agriculture"}).text
        assert (now["BR:CL:agriculture"]["status"], now["BR:CL:agriculture"]["rate"]) == ("lifted", None)
        assert now["NO:IS:agriculture"]["status"] == "in_effect"
        assert "lifted" in page and "expired 24 Jun 2025" in page
    finally:
        server.stop()
