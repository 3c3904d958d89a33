"""A tariff lifted or waived only for a stated time is held off for that long (counted from the day named): a
pause ending when the time is up, not a lift or a relief. A removal for good, or a waiver for some firms, is as
before."""

from __future__ import annotations

import datetime as dt

from tests.extract.conftest import facts_of, only


def test_a_lift_for_a_number_of_years_is_a_pause_of_that_length() -> None:
    facts = facts_of("Lima agreed on Monday to lift its tariffs on Chilean wine for three years.")
    assert not only(facts, "lift"), facts
    assert [(f.imposer, f.targets, f.until) for f in only(facts, "pause")] == [("PE", ("CL",), dt.date(2034, 3, 9))]


def test_a_waiver_for_a_year_is_a_pause_not_a_relief() -> None:
    facts = facts_of("Peru will waive its import duties on farm goods for one year, the ministry said.")
    assert not only(facts, "relief"), facts
    assert [(f.imposer, f.sector, f.until) for f in only(facts, "pause")] == [
        ("PE", "agriculture", dt.date(2032, 3, 11))
    ]


def test_the_length_is_the_one_named_after_the_removal() -> None:
    facts = facts_of(
        "Peru and Chile settled a 12-year quarrel over wine on Monday and agreed to remove their tariffs on each "
        "other's wine for two years."
    )
    assert {f.until for f in only(facts, "pause")} == {dt.date(2033, 3, 9)}


def test_a_removal_with_no_length_is_still_a_lift() -> None:
    facts = facts_of("Lima agreed on Monday to lift its tariffs on Chilean wine.")
    assert [(f.imposer, f.targets) for f in only(facts, "lift")] == [("PE", ("CL",))]
    assert not only(facts, "pause")


def test_a_waiver_for_some_firms_is_still_a_relief() -> None:
    facts = facts_of("Peru waived its tariffs for Chilean firms that build plants in Peru.")
    assert only(facts, "relief") and not only(facts, "pause"), facts


def test_a_day_in_what_the_pause_follows_from_is_not_where_its_length_starts() -> None:
    facts = facts_of(
        "Peru will suspend its 20 percent tariff on Chilean wine for one year, the ministry said on Wednesday, "
        "following talks last week between the two presidents."
    )
    assert [(f.rate, f.until) for f in only(facts, "pause")] == [(20, dt.date(2032, 3, 11))]
