"""Rates and sectors in sentences that list several measures: each rate goes with the goods of its own phrase.
Every sentence here is our own."""

from __future__ import annotations

from tests.extract.conftest import facts_of, only


def _tariffs(text: str) -> set[tuple[str, str | None, float | None]]:
    return {(f.imposer, f.sector, f.rate) for f in only(facts_of(text), "tariff")}


def test_a_total_after_an_extra_duty_keeps_the_goods_named_before_it() -> None:
    facts = _tariffs(
        "Peru hit Chilean wine with a further 10 percent duty, which on top of the existing 20 percent levy "
        "takes the charge to 30 percent."
    )
    assert ("PE", "agriculture", 30) in facts
    assert ("PE", None, 30) not in facts


def test_a_later_rate_on_other_goods_does_not_take_the_first_goods() -> None:
    facts = _tariffs("Peru put Chilean wine under a 25 percent duty and set 10 percent on all other goods.")
    assert ("PE", "agriculture", 10) not in facts


def test_steel_named_by_its_mill_products_gives_each_rate_its_sector() -> None:
    facts = _tariffs("Morocco set duties of 12% on iron billets and 20% on rebar from Turkey.")
    assert {("MA", "steel", 12), ("MA", "steel", 20)} <= facts
    assert ("MA", "steel", 30) in _tariffs("Morocco imposed a 30% duty on Spanish wire rods.")


def test_a_second_raise_with_goods_of_its_own_is_for_those_goods_only() -> None:
    facts = _tariffs("Peru raised duties on Chilean apples to 50% and on Chilean steel to 75%.")
    assert facts == {("PE", "agriculture", 50), ("PE", "steel", 75)}
    assert _tariffs("Peru raised duties on Chilean apples to between 50% and 75%.") == {
        ("PE", "agriculture", 50),
        ("PE", "agriculture", 75),
    }


def test_a_total_is_for_the_goods_of_the_extra_duty_it_adds_up() -> None:
    assert _tariffs("Peru imposed an extra 30% tariff on Chilean steel, bringing the total to 35%.") == {
        ("PE", "steel", 30),
        ("PE", "steel", 35),
    }
    assert ("PE", "agriculture", 35) in _tariffs(
        "Peru hit Chilean wine with an extra 30% tariff, bringing the total duty to 35%."
    )


def test_a_total_does_not_take_goods_from_a_rate_on_other_goods() -> None:
    facts = _tariffs("Peru set a 25% tariff on Chilean wine and a 10% tariff on all other Chilean goods.")
    assert ("PE", "agriculture", 10) not in facts


def test_a_raise_with_its_goods_after_the_new_rate_reads_them_there() -> None:
    assert _tariffs("Peru raised its tariff to 25% on Chilean steel.") == {("PE", "steel", 25)}


def test_the_levy_an_extra_duty_is_added_to_is_on_the_same_goods() -> None:
    assert ("PE", "agriculture", 10) in _tariffs(
        "Peru imposed a 25% duty on Chilean wine, on top of an existing 10% levy."
    )
    facts = _tariffs(
        "Peru imposed a 25% duty on Chilean wine, in addition to the existing 10% duty on all Chilean goods."
    )
    assert ("PE", "agriculture", 10) not in facts


def test_rates_paired_respectively_with_the_parties_hit_go_one_to_one() -> None:
    facts = {
        (f.imposer, f.targets, f.rate)
        for f in only(facts_of("Peru imposed tariffs on Chile and Bolivia of 20% and 25% respectively."), "tariff")
    }
    assert facts == {("PE", ("CL",), 20), ("PE", ("BO",), 25)}


def test_a_respective_list_after_the_rates_pairs_only_the_parties_listed() -> None:
    text = "Peru's duty on Ecuador is below the 20% and 25% it levies on Chile and Bolivia respectively."
    facts = {(f.targets, f.rate) for f in only(facts_of(text), "tariff") if f.rate in {20, 25}}
    assert facts == {(("CL",), 20), (("BO",), 25)}
