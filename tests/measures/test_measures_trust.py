"""Decisions that don't multiply: list sentences, layers, one article's rates, talks and deals;
and who states a reading (independent outlets, syndicated copies, official sources)."""

from __future__ import annotations

import datetime as dt

from factlog import FactLog

from monitor.clock import SteppingClock
from monitor.events.measures import ALL_TYPES
from monitor.log import EventStore
from monitor.measures.projection import update_measures
from monitor.measures.queries import measure_states
from monitor.measures.state import MeasureState


def states(store: EventStore) -> dict[str, MeasureState]:
    return {s.measure_id: s for s in measure_states(store.engine)}


def types(store: EventStore) -> list[tuple[str, str]]:
    return [(e.type, e.data["measure_id"]) for e in store.read_all(types=sorted(ALL_TYPES))]


LIST = "Duties of 49 percent on Cambodia, 46 percent on Vietnam and 44 percent on Laos were set."


def test_a_list_sentence_gives_one_measure_per_country_not_a_chain(
    facts: FactLog, store: EventStore, clock: SteppingClock
) -> None:
    # Read as three facts on all three countries (what a reader confused by the list gives).
    for rate in (49, 46, 44):
        facts.fact("2025-04-02", LIST, rate=rate, targets=("KH", "VN", "LA"), article="list")
    update_measures(store, clock)
    found = states(store)
    assert {m: found[m].rate for m in ("US:KH:*", "US:VN:*", "US:LA:*")} == {
        "US:KH:*": 49,
        "US:VN:*": 46,
        "US:LA:*": 44,
    }
    assert {t for t, _ in types(store)} == {"measure.rate_recorded"}


def test_one_article_giving_two_rates_is_no_change_unless_it_says_so(
    facts: FactLog, store: EventStore, clock: SteppingClock
) -> None:
    facts.fact("2025-04-02", "Tariffs of 10 and 25 percent apply to Brazil.", rate=10, targets=("BR",), article="x")
    facts.fact("2025-04-02", "Tariffs of 10 and 25 percent apply to Brazil.", rate=25, targets=("BR",), article="x")
    facts.fact("2025-05-02", "India's duty was raised from 10 to 25 percent.", rate=10, targets=("IN",), article="y")
    facts.fact(
        "2025-05-02",
        "India's duty was raised from 10 to 25 percent.",
        rate=25,
        previous_rate=10,
        targets=("IN",),
        article="y",
    )
    update_measures(store, clock)
    assert states(store)["US:BR:*"].rate == 10 and states(store)["US:BR:*:tier_25"].rate == 25
    assert ("measure.rate_changed", "US:BR:*") not in types(store)
    assert states(store)["US:IN:*"].rate == 25 and ("measure.rate_changed", "US:IN:*") in types(store)


def test_one_article_cutting_several_goods_lines_gives_each_its_own_rate(
    facts: FactLog, store: EventStore, clock: SteppingClock
) -> None:
    # Two goods lines the contract's sectors do not tell apart, each cut "from X to Y" in one article:
    # neither cut names the other's rate as the one it replaced, so both stand, and neither is lost.
    cuts = "Average duties fall from 16 to 7 percent on footwear and from 20 to 8 percent on kitchen appliances."
    facts.fact("2026-06-01", cuts, imposer="CN", targets=("*",), rate=7, previous_rate=16, article="cuts")
    facts.fact("2026-06-01", cuts, imposer="CN", targets=("*",), rate=8, previous_rate=20, article="cuts")
    update_measures(store, clock)
    found = states(store)
    assert found["CN:*:*"].rate == 7 and found["CN:*:*:tier_8"].rate == 8
    assert {t for t, _ in types(store)} == {"measure.rate_recorded"}


def test_a_rate_from_another_layer_is_a_layer_not_a_change(
    facts: FactLog, store: EventStore, clock: SteppingClock
) -> None:
    cn = {"targets": ("CN",)}
    facts.fact("2025-03-04", "A fentanyl tariff of 20 percent applies to Chinese goods.", rate=20, **cn)
    facts.fact("2025-04-10", "Chinese goods now pay a further 34 percent.", rate=34, **cn)
    update_measures(store, clock)
    found = states(store)
    assert found["US:CN:*:fentanyl"].rate == 20 and found["US:CN:*"].rate == 34
    assert not [t for t, _ in types(store) if t == "measure.rate_changed"]


def test_talks_and_deals_between_the_same_parties_are_one_event_whatever_the_order_of_names(
    facts: FactLog, store: EventStore, clock: SteppingClock
) -> None:
    facts.fact("2025-06-30", "The US and the EU reached a deal.", kind="deal", imposer="US", targets=("EU",))
    facts.fact("2025-06-30", "The EU and the US sealed their deal.", kind="deal", imposer="EU", targets=("US",))
    # A summit: one deal among three, then two of them named again.
    facts.fact(
        "2025-07-20",
        "Japan, Canada and the US signed a pact.",
        kind="deal",
        imposer="JP",
        targets=("CA", "US"),
        article="summit",
    )
    facts.fact("2025-07-20", "The US and Japan signed it first.", kind="deal", imposer="US", targets=("JP",))
    facts.fact(
        "2025-07-20", "Talks between Canada and the US went on.", kind="negotiation", imposer="CA", targets=("US",)
    )
    update_measures(store, clock)
    assert types(store) == [
        ("measure.deal_reached", "EU+US"),
        ("measure.deal_reached", "JP+US"),  # first in news order (article ids break the tie); the summit is it
        ("measure.talks_held", "CA+US"),
    ]


def test_a_pact_widened_months_later_is_news_and_the_same_meeting_told_more_fully_is_not(
    facts: FactLog, store: EventStore, clock: SteppingClock
) -> None:
    two = {"kind": "deal", "imposer": "US", "targets": ("MX",)}
    three = {"kind": "deal", "imposer": "CA", "targets": ("MX", "US")}
    # Arriving late: the widened pact is recorded first, the spring news after it.
    facts.fact("2025-08-01", "Canada signed on, making the pact a three-way one.", **three, article="summer")
    update_measures(store, clock)
    facts.fact("2025-03-01", "Washington and Mexico City sealed a trade pact.", **two, article="spring")
    facts.fact("2025-03-04", "The pact binds Mexico, the US and, in one annex, Canada.", **three, article="fuller")
    update_measures(store, clock)
    assert sorted(types(store)) == [("measure.deal_reached", "CA+MX+US"), ("measure.deal_reached", "MX+US")]


def test_sources_are_independent_outlets_and_syndicated_copies_count_once(
    facts: FactLog, store: EventStore, clock: SteppingClock
) -> None:
    wire = "Washington set a 24 percent duty on Japanese goods, officials said."
    facts.fact("2025-04-03", wire, rate=24, feed="wire")
    facts.fact("2025-04-03", wire.upper(), rate=24, feed="daily")  # the same wire story, reprinted
    facts.fact("2025-04-04", "Japan faces the 24% duty from today.", rate=24, feed="wire")  # same outlet again
    update_measures(store, clock)
    assert states(store)["US:JP:*"].sources == 1
    facts.fact("2025-04-05", "Tokyo is weighing how to answer the 24 percent duty.", rate=24, feed="tokyo-times")
    facts.fact(
        "2025-04-05",
        "The Register notes a 24 percent duty on Japan.",
        rate=24,
        feed="register",
        official=True,
        confidence=0.6,
    )
    update_measures(store, clock)
    jp = states(store)["US:JP:*"]
    assert (jp.sources, jp.official) == (3, True)
    events = list(store.read_all(types=sorted(ALL_TYPES)))
    assert events[-1].data["official"] is True and events[-1].data["confidence"] == 0.6
    # A change starts the count afresh: one source states the new rate.
    facts.fact("2025-07-07", "Japan's duty falls to 15 percent.", rate=15, previous_rate=24, feed="daily")
    update_measures(store, clock)
    jp = states(store)["US:JP:*"]
    assert (jp.rate, jp.sources, jp.official) == (15, 1, False)


def test_a_lone_source_against_a_corroborated_rate_is_held_until_confirmed(
    facts: FactLog, store: EventStore, clock: SteppingClock
) -> None:
    facts.fact("2025-04-03", "Korea pays 10 percent.", rate=10, targets=("KR",), feed="one")
    facts.fact("2025-04-04", "Korean goods pay a 10 percent duty.", rate=10, targets=("KR",), feed="two")
    facts.fact("2025-04-05", "Korea will pay 100 percent, a blog says.", rate=100, targets=("KR",), feed="blog")
    update_measures(store, clock)
    kr = states(store)["US:KR:*"]
    assert (kr.rate, kr.unconfirmed_rate, kr.sources) == (10, 100, 2)
    facts.fact("2025-04-06", "Korea now faces 100 percent.", rate=100, targets=("KR",), feed="three")
    update_measures(store, clock)
    kr = states(store)["US:KR:*"]
    assert (kr.rate, kr.previous_rate, kr.unconfirmed_rate, kr.sources) == (100, 10, None, 2)
    changed = [e for e in store.read_all(types=["measure.rate_changed"])]
    assert [e.data["unconfirmed"] for e in changed] == [True, False]


def test_state_as_of_a_day_is_decided_in_news_order(facts: FactLog, store: EventStore, clock: SteppingClock) -> None:
    facts.fact("2025-06-10", "Brazil's goods pay 50 percent.", rate=50, targets=("BR",))
    update_measures(store, clock)
    facts.fact("2025-04-05", "Brazil's goods pay 10 percent.", rate=10, targets=("BR",))  # a late article
    update_measures(store, clock)
    assert [(t, m) for t, m in types(store)] == [("measure.rate_recorded", "US:BR:*")] * 2
    late = list(store.read_all(types=sorted(ALL_TYPES)))[-1]
    assert late.metadata.get("late") is True
    # Now and as of June: decided in news order, so April's 10% came before June's 50%.
    now = states(store)["US:BR:*"]
    assert (now.rate, now.previous_rate, now.first_seen) == (50, 10, dt.date(2025, 4, 5))
    as_of = {s.measure_id: s for s in measure_states(store.engine, as_of=dt.date(2025, 6, 11))}
    assert as_of["US:BR:*"].rate == 50 and as_of["US:BR:*"].previous_rate == 10
    assert {s.measure_id: s.rate for s in measure_states(store.engine, as_of=dt.date(2025, 5, 1))} == {"US:BR:*": 10}


def test_a_late_report_of_talks_already_recorded_is_not_a_second_event(
    facts: FactLog, store: EventStore, clock: SteppingClock
) -> None:
    facts.fact("2025-05-12", "The EU and the US held talks.", kind="negotiation", imposer="EU", targets=("US",))
    facts.fact("2025-05-12", "Peru and Chile met for talks.", kind="negotiation", imposer="PE", targets=("CL",))
    update_measures(store, clock)
    # Read later, dated the day before: the same talks (within a week), and other talks elsewhere.
    facts.fact("2025-05-11", "US and EU negotiators sat down.", kind="negotiation", imposer="US", targets=("EU",))
    facts.fact("2025-05-11", "Japan and Korea opened talks.", kind="negotiation", imposer="JP", targets=("KR",))
    update_measures(store, clock)
    assert [m for _, m in types(store)] == ["EU+US", "CL+PE", "JP+KR"]
