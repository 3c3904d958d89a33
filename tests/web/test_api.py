"""The JSON API on a real server: the commands' shapes, filters, paging by log position, errors with reasons."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from monitor.clock import FixedClock
from monitor.events import decode_recorded
from monitor.events.measures import MeasureEvent
from monitor.log import EventStore, open_engine
from tests.cli_runner import run_cli
from tests.web.conftest import FEED_ITEM_LINK, NOW, Site


def command_json(site: Site, *args: str) -> dict[str, Any]:
    done = run_cli(["--config", site.config, *args, "--format", "json"])
    assert done.exit_code == 0, done.stderr
    found: dict[str, Any] = json.loads(done.stdout)
    return found


def get(site: Site, path: str, status: int = 200) -> dict[str, Any]:
    with site.client() as client:
        response = client.get(path)
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body: dict[str, Any] = response.json()
    return body


def test_measures_now_and_as_of_a_day_are_what_the_state_command_says(site: Site) -> None:
    now = get(site, "/api/v1/measures")
    # "Now" is the latest news seen from a day: the server's (20 June) and the command's --now.
    assert now["today"] == NOW.date().isoformat()
    assert now["measures"] == command_json(site, "state", "--now", NOW.date().isoformat())["measures"]
    ids = {m["measure_id"]: m for m in now["measures"]}
    assert ids["US:CN:*"]["status"] == "paused"
    assert ids["US:CN:*"]["pause_until"] == "2025-07-09"

    # Before the reprieve (9 April) the China tariff was announced, not paused; the later news did not exist.
    before = get(site, "/api/v1/measures?as_of=2025-04-05")
    assert (before["as_of"], before["today"]) == ("2025-04-05", None)
    assert before["measures"] == command_json(site, "state", "--as-of", "2025-04-05")["measures"]
    assert [(m["measure_id"], m["status"]) for m in before["measures"]] == [("US:CN:*", "announced")]


def test_measures_filter_by_imposer_target_sector_and_status(site: Site) -> None:
    assert {m["imposer"] for m in get(site, "/api/v1/measures?imposer=EU")["measures"]} == {"EU"}
    assert [m["measure_id"] for m in get(site, "/api/v1/measures?status=paused")["measures"]] == ["US:CN:*"]
    by_target = get(site, "/api/v1/measures?target=US&sector=aluminum")["measures"]
    assert [(m["imposer"], m["rate"]) for m in by_target] == [("CA", 15.0)]
    # A real country nobody taxes here is a valid filter that matches nothing.
    assert get(site, "/api/v1/measures?imposer=NO")["measures"] == []


@pytest.mark.parametrize(
    ("path", "status", "reason"),
    [
        ("/api/v1/measures?status=frozen", 400, "status: no such value 'frozen'"),
        ("/api/v1/measures?as_of=2025-02-30", 400, "as_of: '2025-02-30' is not a date"),
        ("/api/v1/measures?as_of=yesterday", 400, "as_of: 'yesterday' is not a date"),
        ("/api/v1/measures?as_of=9999-12-31", 400, "as_of: 9999-12-31 is out of range"),
        ("/api/v1/measures?status=paused&status=lifted", 400, "query parameter 'status' is given more than once"),
        ("/api/v1/measures?imposer=Atlantis", 400, "imposer: no country or bloc 'Atlantis'"),
        ("/api/v1/measures?sector=spaceships", 400, "sector: no such value 'spaceships'"),
        ("/api/v1/measures?imposr=US", 400, "unknown query parameter 'imposr'"),
        ("/api/v1/measures?page=9", 404, "page 9 is past the end"),
        ("/api/v1/measures?per_page=0", 400, "per_page: 0 is out of range"),
        ("/api/v1/measures/XX:YY:*", 404, "no measure 'XX:YY:*'"),
        ("/api/v1/alerts?after=99999", 404, "after: position 99999 is past the end of the log"),
        ("/api/v1/alerts?after=-1", 400, "after: '-1' is not a whole number"),
        ("/api/v1/alerts?severity=loud", 400, "severity: no such value 'loud'"),
        ("/api/v1/alerts?rule=no_such_rule", 400, "rule: no such value 'no_such_rule'"),
        ("/api/v1/deadlines?days=1000", 400, "days: 1000 is out of range"),
        ("/api/v1/nothing", 404, "no such page"),
    ],
)
def test_bad_requests_get_a_4xx_with_a_reason(site: Site, path: str, status: int, reason: str) -> None:
    error = get(site, path, status)["error"]
    assert error["status"] == status
    assert error["reason"] == reason


def test_nothing_can_be_written(site: Site) -> None:
    with site.client() as client:
        for method in ("POST", "PUT", "PATCH", "DELETE"):
            response = client.request(method, "/api/v1/measures")
            assert response.status_code == 405
            assert response.json()["error"]["reason"] == "this server only reads: use GET"


def test_a_measure_has_its_history_with_article_outlet_and_sentence(site: Site) -> None:
    china = get(site, "/api/v1/measures/US:CN:*")
    assert china["measure"]["status"] == "paused"
    assert [e["type"] for e in china["events"]] == ["measure.rate_recorded", "measure.paused"]
    paused = china["events"][1]
    assert paused["until"] == "2025-07-09"
    assert paused["day"] == "2025-04-09"
    assert paused["evidence"]["sentence"].startswith("Washington paused the new 34 percent tariffs")
    assert paused["outlet"] is None  # an ingested file came from no feed

    japan = get(site, "/api/v1/measures/JP:AU:agriculture")
    assert japan["events"][0]["outlet"] == "wire"
    assert japan["events"][0]["evidence"]["url"] == FEED_ITEM_LINK


def test_history_says_how_well_each_event_is_supported(site: Site) -> None:
    engine = open_engine(f"sqlite:///{site.db}")
    store = EventStore(engine, FixedClock(NOW))
    recorded = {r.position: decode_recorded(r) for r in store.read_stream("measure-US:CN:*")}
    engine.dispose()
    events = get(site, "/api/v1/measures/US:CN:*")["events"]
    assert len(events) == len(recorded) == 2
    for entry in events:
        event = recorded[entry["position"]]
        assert isinstance(event, MeasureEvent)
        assert (entry["sources"], entry["official"], entry["confidence"]) == (
            event.sources,
            event.official,
            event.confidence,
        )
        assert 0 < entry["confidence"] <= 1

    with site.client() as client:
        page = client.get("/measures/US%3ACN%3A%2A").text
    for entry in events:
        sources = f"{entry['sources']} source{'' if entry['sources'] == 1 else 's'}"
        official = ", official" if entry["official"] else ""
        assert f"{sources}{official}, read with {round(entry['confidence'] * 100)}% confidence" in page


def test_alerts_are_the_alerts_command_paged_by_log_position(site: Site) -> None:
    expected = command_json(site, "alerts")["alerts"]
    assert len(expected) >= 3
    collected: list[dict[str, Any]] = []
    after = 0
    while True:
        page = get(site, f"/api/v1/alerts?limit=2&after={after}")
        collected += page["alerts"]
        if page["next_after"] is None:
            break
        assert page["next_after"] > after
        after = page["next_after"]
    assert [{k: v for k, v in a.items() if k != "position"} for a in collected] == expected
    positions = [a["position"] for a in collected]
    assert positions == sorted(positions)
    # Nothing after the last one.
    assert get(site, f"/api/v1/alerts?after={positions[-1]}")["alerts"] == []

    since = get(site, "/api/v1/alerts?since=2025-05-01")["alerts"]
    assert since == [a for a in collected if a["raised_at"] >= "2025-05-01"]
    assert since and len(since) < len(collected)


def test_deadlines_ahead_of_the_servers_clock(site: Site) -> None:
    month = get(site, "/api/v1/deadlines?days=30")
    assert month["today"] == "2025-06-20"
    assert [(d["date"], d["what"], d["measure"]["measure_id"]) for d in month["deadlines"]] == [
        ("2025-06-30", "takes effect", "CA:US:aluminum"),
        ("2025-07-01", "takes effect", "EU:IN:steel"),
        ("2025-07-09", "pause ends", "US:CN:*"),
    ]
    assert month["deadlines"][2]["days_left"] == 19
    assert month["deadlines"][2]["measure"]["evidence"]
    assert get(site, "/api/v1/deadlines?days=7")["deadlines"] == []


def test_feeds_and_status_are_what_their_commands_say(site: Site) -> None:
    feeds = get(site, "/api/v1/feeds")
    assert feeds == command_json(site, "feeds")
    assert {f["name"]: f["status"] for f in feeds["feeds"]} == {"wire": "ok", "broken": "failing"}
    status = get(site, "/api/v1/status")
    expected = command_json(site, "status")
    assert {k: status[k] for k in ("database", "schema_revision", "events", "last_position")} == {
        k: expected[k] for k in ("database", "schema_revision", "events", "last_position")
    }
    assert {p["name"]: p["lag"] for p in status["projections"]}["measure_states"] == 0


def test_serving_writes_nothing_to_the_log(site: Site) -> None:
    before = get(site, "/api/v1/status")["last_position"]
    size = Path(site.db).stat().st_size
    with site.client() as client:
        for path in ("/", "/?as_of=2025-04-05", "/deadlines", "/alerts", "/feeds", "/measures/US%3ACN%3A%2A"):
            assert client.get(path).status_code == 200
        for path in ("/api/v1/measures", "/api/v1/alerts", "/calendar.ics", "/metrics", "/readyz"):
            assert client.get(path).status_code == 200
    assert get(site, "/api/v1/status")["last_position"] == before
    assert Path(site.db).stat().st_size == size
