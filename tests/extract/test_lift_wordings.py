"""Removals said in plain English other than "lift" or "remove": a verb of placing with "no tariff" as its
object, "end" and "get rid of" with a tariff as their object, goods said to be "free from" duty, and a tariff
said to reach zero."""

from __future__ import annotations

import pytest

from tests.extract.conftest import facts_of, only


@pytest.mark.parametrize(
    "sentence",
    [
        "Once the pact is in force, Peru will impose no tariffs on most goods from Chile.",
        "Under the new schedule Peru levies no duties on Chilean copper.",
        "Peru charges no tariff on the wine it buys from Chile.",
    ],
)
def test_placing_no_tariff_is_a_lift_not_a_tariff(sentence: str) -> None:
    facts = facts_of(sentence)
    assert [(f.imposer, f.targets) for f in only(facts, "lift")] == [("PE", ("CL",))], facts
    assert not only(facts, "tariff"), facts


@pytest.mark.parametrize(
    ("sentence", "sector"),
    [
        ("Peru decided on Monday to end tariffs on Chilean copper.", "copper"),
        ("Lima is ending its duties on Chilean wine from next month.", "agriculture"),
        ("Peru signed a decree to get rid of tariffs on Chilean steel.", "steel"),
    ],
)
def test_end_and_get_rid_of_remove_a_tariff(sentence: str, sector: str) -> None:
    facts = facts_of(sentence)
    assert [(f.imposer, f.targets, f.sector) for f in only(facts, "lift")] == [("PE", ("CL",), sector)], facts
    assert not only(facts, "tariff"), facts


@pytest.mark.parametrize(
    "sentence",
    [
        "Peru will impose no new tariffs on Chilean wine this year.",
        "Lima said it would charge no further duties on Chilean copper.",
    ],
)
def test_no_new_tariffs_only_denies_tariffs_to_come(sentence: str) -> None:
    assert not only(facts_of(sentence), "lift")


@pytest.mark.parametrize(
    "sentence",
    [
        "The end of tariffs on Chilean wine was welcomed by importers in Lima.",
        "Peru ended talks with Chile on tariffs for wine.",
    ],
)
def test_end_as_a_noun_or_of_other_things_is_no_lift(sentence: str) -> None:
    assert not only(facts_of(sentence), "lift")


def test_goods_free_from_tariffs_are_a_lift_by_the_side_letting_them_in() -> None:
    facts = facts_of("From next year, Chile's imports from Peru will be free from tariffs.")
    assert [(f.imposer, f.targets) for f in only(facts, "lift")] == [("CL", ("PE",))], facts


def test_a_tariff_that_will_reach_zero_is_lifted() -> None:
    facts = facts_of("Peru's duty on Chilean wine will keep shrinking until it reaches zero in 2034.")
    assert [(f.imposer, f.targets, f.sector) for f in only(facts, "lift")] == [("PE", ("CL",), "agriculture")], facts


def test_a_tariff_falling_before_it_reaches_zero_is_lifted() -> None:
    facts = facts_of(
        "Lima said that as its tariff on Chilean wine keeps falling before reaching zero by 2034, growers in Chile "
        "will gain ground."
    )
    assert [(f.imposer, f.targets, f.sector) for f in only(facts, "lift")] == [("PE", ("CL",), "agriculture")], facts


def test_a_measure_not_yet_taken_before_another_is_still_no_fact() -> None:
    assert not facts_of("Peru will consult Chile before imposing tariffs on wine.")


def test_two_sides_freeing_each_others_goods_give_a_lift_each() -> None:
    facts = facts_of(
        "When the pact takes effect, Peru will impose no tariff on 90 percent of goods from Chile, while 85 percent "
        "of Chile's imports from Peru will be free from tariff."
    )
    assert sorted((f.imposer, f.targets) for f in only(facts, "lift")) == [("CL", ("PE",)), ("PE", ("CL",))], facts
