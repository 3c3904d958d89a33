"""What was in force "as of a day", read from the history, is the news up to that day replayed.

`monitor.measures.replay.states_until` (decide every fact about days up to D in
news order, from scratch) is the reference; `states_as_of` reads
`measure_history`. Both run on a real SQLite file and the real PostgreSQL.
"""

from __future__ import annotations

import datetime as dt

from factlog import FactLog
from sqlalchemy import func, select

from monitor.clock import SteppingClock
from monitor.log import EventStore
from monitor.log.projection import ProjectionRunner
from monitor.measures.fold import as_of_view
from monitor.measures.projection import MeasureProjection, update_measures
from monitor.measures.queries import states_as_of
from monitor.measures.replay import states_until
from monitor.measures.state import MeasureState
from monitor.measures.tables import measure_history

FIRST = dt.date(2025, 2, 25)
LAST = dt.date(2025, 5, 15)


def replayed(store: EventStore, day: dt.date) -> list[MeasureState]:
    """The reference: the log's facts about days up to `day`, decided again from scratch."""
    states = states_until(store.engine, day)
    return [as_of_view(states[k], day) for k in sorted(states)]


def every_day() -> list[dt.date]:
    return [FIRST + dt.timedelta(days=n) for n in range((LAST - FIRST).days + 1)]


def assert_same_every_day(store: EventStore) -> None:
    for day in every_day():
        assert states_as_of(store.engine, day) == replayed(store, day), day.isoformat()


def by_id(store: EventStore, day: str) -> dict[str, MeasureState]:
    return {s.measure_id: s for s in states_as_of(store.engine, dt.date.fromisoformat(day))}


def news_in_order(facts: FactLog) -> None:
    facts.fact("2025-03-01", "Japanese cars will pay a 10 percent duty.", rate=10)
    facts.fact("2025-03-03", "A duty of ten percent now applies to cars from Japan.", rate=10, feed="wire")
    facts.fact(
        "2025-03-05",
        "Steel from China and Korea pays 25 percent under section 232.",
        targets=("CN", "KR"),
        sector="steel",
        rate=25,
        authority="section_232",
    )
    facts.fact("2025-03-10", "The duty on Japan was raised from 10 to 25 percent.", rate=25, previous_rate=10)
    facts.fact("2025-03-15", "The Japan duty is suspended until 1 April.", kind="pause", until="2025-04-01")
    facts.fact("2025-03-20", "Korea's steel duty was removed.", kind="lift", targets=("KR",), sector="steel")
    facts.fact(
        "2025-04-10",
        "Japan will face 30 percent from 20 April, up from 25.",
        rate=30,
        previous_rate=25,
        effective="2025-04-20",
        status="announced",
    )


def test_as_of_every_day_is_the_replayed_news_on_both_back_ends(
    facts: FactLog, store: EventStore, clock: SteppingClock
) -> None:
    news_in_order(facts)
    update_measures(store, clock)
    assert_same_every_day(store)
    # What a reader sees: the pause held until 1 April, then the 25 percent applied again;
    # the announced 30 percent is in force from its effective day.
    assert (by_id(store, "2025-03-20")["US:JP:*"].status, by_id(store, "2025-03-20")["US:JP:*"].rate) == ("paused", 25)
    assert (by_id(store, "2025-04-05")["US:JP:*"].status, by_id(store, "2025-04-05")["US:JP:*"].rate) == (
        "in_effect",
        25,
    )
    assert by_id(store, "2025-04-12")["US:JP:*"].status == "announced"
    assert by_id(store, "2025-04-21")["US:JP:*"].status == "in_effect"
    assert "US:JP:*" not in by_id(store, "2025-02-28")
    assert by_id(store, "2025-03-04")["US:JP:*"].sources == 2

    # Late articles: one about a day before the rise, one about the day of the rise that sorts
    # before it in news order (a smaller article id), both read after everything else.
    facts.fact("2025-03-07", "Cars from Japan now pay 20 percent.", rate=20, catch_up=True)
    facts.fact(
        "2025-03-10", "Japan's tariff rose to 25 percent.", rate=25, article="a0-early", catch_up=True, feed="wire"
    )
    update_measures(store, clock)
    assert_same_every_day(store)
    assert by_id(store, "2025-03-06")["US:JP:*"].rate == 10
    assert by_id(store, "2025-03-08")["US:JP:*"].rate == 20
    assert by_id(store, "2025-03-08")["US:JP:*"].previous_rate == 10
    assert by_id(store, "2025-05-01")["US:JP:*"].rate == 30


def test_rebuild_and_a_projection_kept_before_the_history_give_the_same_days(
    facts: FactLog, store: EventStore, clock: SteppingClock
) -> None:
    news_in_order(facts)
    facts.fact("2025-03-07", "Cars from Japan now pay 20 percent.", rate=20, catch_up=True)
    update_measures(store, clock)
    before = {day: states_as_of(store.engine, day) for day in every_day()}
    ProjectionRunner(store, MeasureProjection(clock)).rebuild()
    assert {day: states_as_of(store.engine, day) for day in every_day()} == before
    # A database whose projection ran before the history existed: its days are decided again
    # from the facts the projection kept, the first time this version runs.
    with store.engine.begin() as conn:
        measure_history.drop(conn)
    update_measures(store, clock)
    with store.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(measure_history)).scalar_one() > 0
    assert {day: states_as_of(store.engine, day) for day in every_day()} == before


def test_as_of_before_the_projection_first_ran_is_no_measures(store: EventStore, facts: FactLog) -> None:
    facts.fact("2025-03-01", "Japanese cars will pay a 10 percent duty.", rate=10)
    assert states_as_of(store.engine, dt.date(2025, 3, 2)) == []
    update_measures(store)
    assert [s.rate for s in states_as_of(store.engine, dt.date(2025, 3, 2))] == [10]
