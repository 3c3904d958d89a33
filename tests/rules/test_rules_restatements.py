"""One reading, one alert: a restated rate, a pause told twice, a past peak, a held change released
after the measure moved, and later reports of the same talks or deal raise nothing new."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from factlog import FactLog, settings_with

from monitor.clock import FixedClock, SteppingClock
from monitor.config import Settings
from monitor.log import EventStore
from monitor.measures.queries import measure_states
from monitor.measures.state import MeasureState
from monitor.rules.service import evaluate_new, read_alerts, tick


def keys(store: EventStore) -> list[str]:
    return [a.key for a in read_alerts(store)]


def group(store: EventStore, prefix: str) -> dict[str, MeasureState]:
    return {s.measure_id: s for s in measure_states(store.engine) if s.measure_id.startswith(prefix)}


def test_a_section_232_rate_restated_beside_another_programme_raises_nothing_new(
    settings: Settings, facts: FactLog, store: EventStore, clock: SteppingClock
) -> None:
    steel = {"targets": ("*",), "sector": "steel"}
    facts.fact("2025-03-12", "A 25 percent duty on steel from everywhere took effect.", rate=25, **steel)
    facts.fact(
        "2025-03-20",
        "Under Section 232, imported steel pays 25 percent.",
        rate=25,
        authority="section_232",
        **steel,
    )
    evaluate_new(settings, store, clock)
    facts.fact(
        "2025-04-20",
        "Steel keeps its 25 percent duty while the fentanyl levies on Mexico stay too.",
        rate=25,
        **steel,
    )
    evaluate_new(settings, store, clock)
    assert keys(store) == ["new_rate:US:*:steel:25"]
    (only,) = group(store, "US:*:steel").values()
    assert only.rate == 25 and only.sources == 3


def test_a_new_layer_at_a_rate_another_layer_holds_still_stands_apart(
    settings: Settings, facts: FactLog, store: EventStore, clock: SteppingClock
) -> None:
    cn = {"targets": ("CN",)}
    facts.fact("2025-11-10", "The fentanyl tariff on Chinese goods is now 10 percent.", rate=10, **cn)
    facts.fact("2025-11-11", "China's reciprocal tariff stays at 10 percent for a year.", rate=10, **cn)
    evaluate_new(settings, store, clock)
    assert keys(store) == ["new_rate:US:CN:*:fentanyl:10", "new_rate:US:CN:*:reciprocal:10"]


def test_a_pause_that_names_no_layer_pauses_the_reciprocal_layer(
    settings: Settings, facts: FactLog, store: EventStore, clock: SteppingClock
) -> None:
    cn = {"targets": ("CN",)}
    facts.fact("2025-03-04", "A fentanyl tariff of 20 percent applies to Chinese goods.", rate=20, **cn)
    facts.fact("2025-04-02", "China was hit with a 34 percent reciprocal tariff.", rate=34, **cn)
    facts.fact(
        "2025-05-12",
        "Washington suspended the new duties on Chinese goods for 90 days.",
        kind="pause",
        until="2025-08-10",
        **cn,
    )
    evaluate_new(settings, store, clock)
    found = group(store, "US:CN:")
    assert sorted(found) == ["US:CN:*:fentanyl", "US:CN:*:reciprocal"]
    assert found["US:CN:*:reciprocal"].status == "paused"
    assert found["US:CN:*:reciprocal"].pause_until == dt.date(2025, 8, 10)
    assert found["US:CN:*:fentanyl"].status == "in_effect"
    assert "pause_started:US:CN:*:reciprocal:2025-08-10" in keys(store)


def test_one_pause_told_by_two_articles_is_one_measure_and_one_alert(
    settings: Settings, facts: FactLog, store: EventStore, clock: SteppingClock
) -> None:
    facts.fact("2025-04-03", "Japanese goods face a 24 percent tariff.", rate=24)
    facts.fact(
        "2025-04-09",
        "The 24 percent tariff on Japan is on hold until July 9.",
        kind="pause",
        rate=24,
        until="2025-07-09",
    )
    facts.fact(
        "2025-04-10",
        "Japan's reciprocal tariff is suspended until July 8.",
        kind="pause",
        until="2025-07-08",
    )
    evaluate_new(settings, store, clock)
    (only,) = group(store, "US:JP:").values()
    assert only.status == "paused" and only.pause_until == dt.date(2025, 7, 9)
    tick(settings, store, FixedClock(dt.datetime(2025, 7, 3, 8, tzinfo=dt.UTC)))
    assert [k.split(":")[0] for k in keys(store)] == ["new_rate", "pause_started", "pause_expiring"]


def test_a_past_peak_told_as_background_is_not_a_change(
    settings: Settings, facts: FactLog, store: EventStore, clock: SteppingClock
) -> None:
    cn = {"targets": ("CN",)}
    facts.fact("2025-04-10", "Chinese goods now pay 145 percent.", rate=145, **cn)
    facts.fact("2025-05-12", "The tariff on China is cut from 145 to 30 percent.", rate=30, previous_rate=145, **cn)
    facts.fact("2025-11-10", "The tariff on China falls from 30 to 10 percent.", rate=10, previous_rate=30, **cn)
    evaluate_new(settings, store, clock)
    facts.fact(
        "2025-11-20",
        "Duties on Chinese goods had reached as high as 145 percent earlier this year.",
        rate=145,
        **cn,
    )
    evaluate_new(settings, store, clock)
    assert keys(store) == ["new_rate:US:CN:*:145", "rate_change:US:CN:*:145->30", "rate_change:US:CN:*:30->10"]
    assert group(store, "US:CN:")["US:CN:*"].rate == 10
    # The words next to the rate decide: the same sentence form with a new rate is a change.
    facts.fact("2025-12-01", "The tariff on China goes to 20 percent, up from 10 percent.", rate=20, **cn)
    evaluate_new(settings, store, clock)
    assert keys(store)[-1] == "rate_change:US:CN:*:10->20"


def test_a_held_change_is_released_against_the_rate_the_measure_has_by_then(
    tmp_path: Path, facts: FactLog, store: EventStore, clock: SteppingClock
) -> None:
    (tmp_path / "rules").mkdir(exist_ok=True)
    settings = settings_with(tmp_path, "[rules]\nunconfirmed_hold_hours = 6\n")
    kr = {"targets": ("KR",)}
    facts.fact("2025-02-03", "Korean goods pay 25 percent.", rate=25, feed="one", **kr)
    facts.fact("2025-02-05", "Korea's 25 percent duty stands.", rate=25, feed="two", **kr)
    evaluate_new(settings, store, clock)
    facts.fact("2025-03-10", "Korea will pay 100 percent, one newsletter claims.", rate=100, feed="blog", **kr)
    assert evaluate_new(settings, store, clock).held == 1
    # Read the same evening, an article from February: the duty had gone from 25 to 30 percent.
    clock.instant = dt.datetime(2025, 3, 10, 18, tzinfo=dt.UTC)
    facts.fact(
        "2025-02-20",
        "Korea's duty rose from 25 to 30 percent.",
        rate=30,
        previous_rate=25,
        feed="three",
        keep_clock=True,
        **kr,
    )
    evaluate_new(settings, store, clock)
    assert group(store, "US:KR:")["US:KR:*"].rate == 100
    tick(settings, store, FixedClock(dt.datetime(2025, 3, 11, 8, tzinfo=dt.UTC)))
    changes = [a for a in read_alerts(store) if a.details["signal"] == "rate_change"]
    assert [(a.key, a.previous_rate, a.summary) for a in changes] == [
        ("rate_change:US:KR:*:30->100", 30, "US tariff on KR: 30% -> 100%")
    ]


def test_a_held_change_overtaken_by_later_news_is_not_released(
    tmp_path: Path, facts: FactLog, store: EventStore, clock: SteppingClock
) -> None:
    (tmp_path / "rules").mkdir(exist_ok=True)
    settings = settings_with(tmp_path, "[rules]\nunconfirmed_hold_hours = 6\n")
    kr = {"targets": ("KR",)}
    facts.fact("2025-02-03", "Korean goods pay 25 percent.", rate=25, feed="one", **kr)
    facts.fact("2025-02-05", "Korea's 25 percent duty stands.", rate=25, feed="two", **kr)
    facts.fact("2025-03-10", "Korea will pay 100 percent, one newsletter claims.", rate=100, feed="blog", **kr)
    evaluate_new(settings, store, clock)
    clock.instant = dt.datetime(2025, 3, 10, 15, tzinfo=dt.UTC)
    facts.fact(
        "2025-03-10",
        "Korea's duty falls from 25 to 15 percent.",
        rate=15,
        previous_rate=25,
        feed="wire",
        keep_clock=True,
        **kr,
    )
    facts.fact("2025-03-10", "The Korean duty is 15 percent.", rate=15, feed="paper", keep_clock=True, **kr)
    evaluate_new(settings, store, clock)
    tick(settings, store, FixedClock(dt.datetime(2025, 3, 12, 8, tzinfo=dt.UTC)))
    assert [k for k in keys(store) if k.startswith("rate_change")] == ["rate_change:US:KR:*:25->15"]


def test_later_articles_about_the_same_talks_or_deal_raise_nothing(
    settings: Settings, facts: FactLog, store: EventStore, clock: SteppingClock
) -> None:
    jp = {"imposer": "JP", "targets": ("US",)}
    facts.fact("2025-05-01", "Japan and the US held a round of tariff talks.", kind="negotiation", **jp)
    evaluate_new(settings, store, clock)
    facts.fact("2025-05-20", "Japanese and American negotiators met again.", kind="negotiation", **jp)
    facts.fact("2025-07-22", "Japan and the US reached a trade deal.", kind="deal", **jp)
    evaluate_new(settings, store, clock)
    facts.fact("2025-09-04", "Under the deal Japan struck with the US in July, cars pay less.", kind="deal", **jp)
    facts.fact("2025-10-28", "The US and Japan signed the deal's final text.", kind="deal", **jp)
    evaluate_new(settings, store, clock)
    assert keys(store) == ["talks:JP+US:2025-05-01", "deal_reached:JP+US:2025-07-22"]


def test_a_second_rate_one_article_gives_for_the_same_goods_is_a_tier_of_its_own(
    settings: Settings, facts: FactLog, store: EventStore, clock: SteppingClock
) -> None:
    vn = {"targets": ("VN",), "article": "deal"}
    facts.fact("2025-07-02", "Goods from Vietnam will pay 20 percent under the deal.", rate=20, **vn)
    facts.fact("2025-07-02", "Goods routed through Vietnam from elsewhere will pay 40 percent.", rate=40, **vn)
    evaluate_new(settings, store, clock)
    assert keys(store) == ["new_rate:US:VN:*:20", "new_rate:US:VN:*:tier_40:40"]
    # Restated later, each rate joins its own measure: nothing new, no change.
    facts.fact(
        "2025-08-02", "Vietnam's 20 percent rate and the 40 percent transit rate stand.", rate=40, targets=("VN",)
    )
    facts.fact(
        "2025-08-02", "Vietnam's 20 percent rate and the 40 percent transit rate stand.", rate=20, targets=("VN",)
    )
    evaluate_new(settings, store, clock)
    assert len(keys(store)) == 2
    assert {m: s.rate for m, s in group(store, "US:VN:").items()} == {"US:VN:*": 20, "US:VN:*:tier_40": 40}


def test_a_tariff_named_without_a_rate_alerts_when_its_rate_is_first_read(
    settings: Settings, facts: FactLog, store: EventStore, clock: SteppingClock
) -> None:
    cars = {"targets": ("MX",), "sector": "autos"}
    facts.fact("2025-04-02", "Cars from Mexico will face new tariffs.", status="announced", **cars)
    evaluate_new(settings, store, clock)
    assert keys(store) == []
    assert group(store, "US:MX:autos")["US:MX:autos"].status == "announced"
    facts.fact("2025-04-03", "Mexican cars will pay 25 percent.", rate=25, status="announced", **cars)
    evaluate_new(settings, store, clock)
    assert keys(store) == ["new_rate:US:MX:autos:25"]


def test_a_paused_threat_later_announced_at_its_rate_is_a_new_rate(
    settings: Settings, facts: FactLog, store: EventStore, clock: SteppingClock
) -> None:
    cars = {"targets": ("*",), "sector": "autos"}
    facts.fact(
        "2024-02-01",
        "Washington threatened a 25 percent duty on all imported cars.",
        rate=25,
        status="threatened",
        **cars,
    )
    facts.fact(
        "2024-05-18", "The threatened car duty is put off until November 13.", kind="pause", until="2024-11-13", **cars
    )
    evaluate_new(settings, store, clock)
    facts.fact(
        "2025-03-26", "A 25 percent tariff on all imported cars was signed today.", rate=25, status="announced", **cars
    )
    evaluate_new(settings, store, clock)
    assert keys(store) == ["threatened:US:*:autos:25", "pause_started:US:*:autos:2024-11-13", "new_rate:US:*:autos:25"]


def test_a_pause_that_ended_long_before_the_next_tick_is_dropped_not_raised(
    settings: Settings, facts: FactLog, store: EventStore, clock: SteppingClock
) -> None:
    facts.fact(
        "2025-04-09",
        "The 24 percent tariff on Japanese goods is paused until July 9.",
        kind="pause",
        rate=24,
        until="2025-07-09",
    )
    facts.fact(
        "2025-04-10",
        "Korea's 25 percent tariff is paused until July 20.",
        kind="pause",
        rate=25,
        until="2025-07-20",
        targets=("KR",),
    )
    evaluate_new(settings, store, clock)
    # Not ticking for months (news_max_age_days is 14): Japan's end is old news, Korea's was missed by days.
    tick(settings, store, FixedClock(dt.datetime(2025, 7, 30, 8, tzinfo=dt.UTC)))
    expired = [k for k in keys(store) if k.startswith("pause_expired")]
    assert expired == ["pause_expired:US:KR:*:2025-07-20"]
    tick(settings, store, FixedClock(dt.datetime(2025, 7, 31, 8, tzinfo=dt.UTC)))
    assert [k for k in keys(store) if k.startswith("pause_expired")] == expired
