"""Facts decided into measures: new rates, corroboration, layers, fan-out, history; exactly once."""

from __future__ import annotations

import datetime as dt

from factlog import FactLog

from monitor.clock import SteppingClock
from monitor.events.measures import ALL_TYPES, MEASURE_TYPES
from monitor.log import EventStore, ProjectionRunner
from monitor.measures.projection import MeasureProjection
from monitor.measures.queries import measure_states
from monitor.measures.state import MeasureState


def run(store: EventStore, clock: SteppingClock) -> None:
    ProjectionRunner(store, MeasureProjection(clock)).run()


def states(store: EventStore, as_of: dt.date | None = None) -> dict[str, MeasureState]:
    return {s.measure_id: s for s in measure_states(store.engine, as_of=as_of)}


def measure_event_types(store: EventStore) -> list[str]:
    return [e.type for e in store.read_all(types=sorted(ALL_TYPES))]


def test_a_second_source_with_the_same_rate_grows_the_evidence_not_the_changes(
    facts: FactLog, store: EventStore, clock: SteppingClock
) -> None:
    facts.fact("2025-04-03", "A 24 percent tariff on Japanese goods was announced.", rate=24, article="one")
    facts.fact("2025-04-03", "The 24% duty on Japan is confirmed, the agency said.", rate=24, article="one")
    facts.fact("2025-04-04", "Japan is now facing a 24 percent tariff.", rate=24, article="two")
    run(store, clock)
    jp = states(store)["US:JP:*"]
    assert jp.rate == 24 and jp.sources == 2
    assert [e.article for e in jp.evidence] == ["one", "two"]
    assert measure_event_types(store) == ["measure.rate_recorded", "measure.corroborated"]
    assert jp.first_seen == dt.date(2025, 4, 3) and jp.last_seen == dt.date(2025, 4, 4)


def test_stacked_layers_stand_apart_and_never_flip(facts: FactLog, store: EventStore, clock: SteppingClock) -> None:
    cn = {"targets": ("CN",)}
    facts.fact("2025-03-04", "A fentanyl-related tariff of 20 percent applies to Chinese goods.", rate=20, **cn)
    facts.fact("2025-04-02", "China was hit with a 34 percent reciprocal tariff.", rate=34, **cn)
    facts.fact("2025-04-03", "Tariffs on Chinese goods now total 54 percent.", rate=54, **cn)
    facts.fact("2025-04-04", "Chinese exporters face the 34 percent levy from next week.", rate=34, **cn)
    facts.fact("2025-04-05", "The 20 percent duty on China stays.", rate=20, **cn)
    run(store, clock)
    found = states(store)
    assert {k: s.rate for k, s in found.items()} == {
        "US:CN:*:fentanyl": 20,
        "US:CN:*:reciprocal": 34,
        "US:CN:*:total": 54,
    }
    assert "measure.rate_changed" not in measure_event_types(store)


def test_an_authority_names_the_layer(facts: FactLog, store: EventStore, clock: SteppingClock) -> None:
    facts.fact(
        "2025-03-12",
        "Steel from everywhere pays 25 percent.",
        rate=25,
        targets=("*",),
        sector="steel",
        authority="section_232",
    )
    facts.fact(
        "2025-06-04",
        "The steel tariff doubles to 50 percent.",
        rate=50,
        targets=("*",),
        sector="steel",
        authority="section_232",
        previous_rate=25,
    )
    run(store, clock)
    steel = states(store)["US:*:steel:section_232"]
    assert (steel.rate, steel.previous_rate, steel.layer) == (50, 25, "section_232")


def test_a_rate_the_measure_just_left_does_not_flip_it_back(
    facts: FactLog, store: EventStore, clock: SteppingClock
) -> None:
    facts.fact("2025-04-01", "Korean goods pay a 10 percent duty.", rate=10, targets=("KR",))
    facts.fact("2025-04-02", "Korean goods will pay 25 percent.", rate=25, targets=("KR",))
    facts.fact("2025-04-03", "A 10 percent duty on Korean goods is in place.", rate=10, targets=("KR",))
    run(store, clock)
    assert states(store)["US:KR:*"].rate == 25
    assert measure_event_types(store).count("measure.rate_changed") == 1

    # Saying it replaced the current rate does move it back.
    facts.fact(
        "2025-04-09", "The duty on Korea was cut from 25 to 10 percent.", rate=10, previous_rate=25, targets=("KR",)
    )
    run(store, clock)
    assert states(store)["US:KR:*"].rate == 10


def test_several_targets_fan_out_and_all_is_its_own_target(
    facts: FactLog, store: EventStore, clock: SteppingClock
) -> None:
    facts.fact("2025-04-05", "Goods from Vietnam and Thailand pay 46 percent.", rate=46, targets=("VN", "TH"))
    facts.fact("2025-04-05", "A 10 percent baseline applies to all partners.", rate=10, targets=("*",))
    run(store, clock)
    assert set(states(store)) == {"US:VN:*", "US:TH:*", "US:*:*:baseline"}


def test_pause_extension_lift_and_relief(facts: FactLog, store: EventStore, clock: SteppingClock) -> None:
    eu = {"imposer": "EU", "targets": ("US",), "sector": "steel"}
    facts.fact("2025-04-09", "Brussels set a 25 percent duty on US steel.", rate=25, **eu)
    facts.fact(
        "2025-04-10",
        "The EU put its steel duties on hold until July 14.",
        kind="pause",
        rate=25,
        until="2025-07-14",
        **eu,
    )
    facts.fact("2025-07-13", "The EU pushed the pause back to August 6.", kind="pause", until="2025-08-06", **eu)
    run(store, clock)
    assert states(store)["EU:US:steel"].pause_until == dt.date(2025, 8, 6)
    facts.fact("2025-08-01", "The EU dropped its steel duties on US goods.", kind="lift", **eu)
    run(store, clock)
    lifted = states(store)["EU:US:steel"]
    assert (lifted.status, lifted.rate, lifted.previous_rate) == ("lifted", None, 25)
    assert measure_event_types(store) == [
        "measure.rate_recorded",
        "measure.paused",
        "measure.pause_extended",
        "measure.lifted",
    ]


def test_deciding_is_exactly_once_across_reruns_and_rebuilds(
    facts: FactLog, store: EventStore, clock: SteppingClock
) -> None:
    facts.fact("2025-04-03", "A 24 percent tariff on Japanese goods.", rate=24)
    facts.fact(
        "2025-04-09", "Japan's 24 percent tariff is paused to July 9.", kind="pause", rate=24, until="2025-07-09"
    )
    run(store, clock)
    run(store, clock)
    before = states(store)
    count = store.count()
    ProjectionRunner(store, MeasureProjection(clock)).rebuild()
    assert store.count() == count, "a rebuild decides nothing twice"
    assert states(store) == before
    facts.fact("2025-07-07", "Japan's tariff falls to 15 percent.", rate=15)
    run(store, clock)
    assert states(store)["US:JP:*"].rate == 15
    assert len([e for e in store.read_all(types=sorted(MEASURE_TYPES))]) == 3


def test_a_backfill_recorded_later_answers_for_its_own_days(
    facts: FactLog, store: EventStore, clock: SteppingClock
) -> None:
    clock.instant = dt.datetime(2025, 9, 1, 9, tzinfo=dt.UTC)
    facts.fact("2025-04-03", "Japan faces a 24 percent tariff.", rate=24, catch_up=True)
    facts.fact(
        "2025-04-09",
        "The Japan tariff is paused until July 9.",
        kind="pause",
        rate=24,
        until="2025-07-09",
        catch_up=True,
    )
    facts.fact("2025-07-22", "The Japan tariff is set at 15 percent.", rate=15, catch_up=True)
    run(store, clock)
    assert states(store, dt.date(2025, 4, 1)) == {}
    assert states(store, dt.date(2025, 4, 5))["US:JP:*"].rate == 24
    assert states(store, dt.date(2025, 6, 1))["US:JP:*"].status == "paused"
    # The pause ended on 9 July with nothing else reported: the rate applies again.
    assert states(store, dt.date(2025, 7, 15))["US:JP:*"].status == "in_effect"
    assert states(store, dt.date(2025, 7, 15))["US:JP:*"].rate == 24
    assert states(store, dt.date(2025, 8, 1))["US:JP:*"].rate == 15


def test_older_news_read_late_does_not_turn_back_the_present(
    facts: FactLog, store: EventStore, clock: SteppingClock
) -> None:
    facts.fact("2025-06-10", "Brazil's goods pay 50 percent.", rate=50, targets=("BR",))
    facts.fact("2025-04-05", "Brazil's goods pay 10 percent.", rate=10, targets=("BR",), catch_up=True)
    run(store, clock)
    now = states(store)["US:BR:*"]
    # Decided in news order: April's 10% came first, June's 50% changed it (one source states 50%).
    assert now.rate == 50 and now.first_seen == dt.date(2025, 4, 5) and now.previous_rate == 10
    assert now.sources == 1
    assert states(store, dt.date(2025, 5, 1))["US:BR:*"].rate == 10
