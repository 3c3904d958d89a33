"""Facts that differ from the answer by one field: the sector of a package over many kinds of goods. All
sentences here are ours."""

from __future__ import annotations

from tests.extract.conftest import facts_of


def _tariffs(text: str) -> list[tuple[str | None, float | None]]:
    return [(f.sector, f.rate) for f in facts_of(text) if f.kind == "tariff"]


def test_goods_given_by_the_span_they_run_over_are_a_package() -> None:
    # "from cheese to tractors" spans many kinds of goods: the contract gives such a package no sector.
    text = "Peru's new 15% duty will hit some 900 items, from cheese and fruit to tractors and machinery."
    assert _tariffs(text) == [(None, 15.0)]
    # "products from Chile to ..." names where the goods come from, no span: the steel keeps its sector.
    assert _tariffs("Peru imposed a 15% duty on steel products from Chile to protect its mills.") == [("steel", 15.0)]


def test_examples_after_goods_given_by_value_are_of_a_package() -> None:
    # "$40 billion of goods, ... including phones" samples a package by value, as "$40 billion worth of" does.
    text = (
        "Peru threatened duties on a further $40 billion of Chilean goods, which would reach most other "
        "household products including laptops, toys and pens."
    )
    assert _tariffs(text) == [(None, None)]


def test_a_pronoun_changed_to_a_rate_is_the_tariff_it_stands_for() -> None:
    # "raise them to 40%" names the tariff by a pronoun in a clause of its own: its figure is a rate stated for
    # the measure (the contract: every rate stated is a fact), not a figure of nothing.
    text = "Peru said it would first levy duties of 10% on Chilean wine and then raise them to 40% next year."
    assert sorted(rate for _, rate in _tariffs(text) if rate is not None) == [10.0, 40.0]
    text = (
        "Chile cut its tariff on Peruvian copper to 6 percent, its minister said, adding that the cabinet had "
        "decided to further cut it to 4.5 percent from March."
    )
    assert 4.5 in [rate for _, rate in _tariffs(text)]
    # With no tariff in its sentence the pronoun stands for something else: a stake is no tariff.
    text = "Chile cut its tariff on copper. A Lima fund owns 10% of the mine and will raise it to 25%."
    assert [rate for _, rate in _tariffs(text)] == [None]


def test_a_range_verb_makes_from_and_to_the_two_ends_of_a_range() -> None:
    # "range from 8 to 12 percent" states two rates (the contract: one fact per end); without the verb of range,
    # "from 8 to 12 percent" after "raised" is a change with one new rate.
    text = "The duties Peru set on Chilean wine, which range from 8 to 12 percent, start in May."
    assert sorted(rate for _, rate in _tariffs(text) if rate is not None) == [8.0, 12.0]
    assert [rate for _, rate in _tariffs("Peru raised its duties on Chilean wine from 8 to 12 percent.")] == [12.0]


def test_the_ceiling_a_rising_tariff_reaches_is_a_rate_stated() -> None:
    # "topping out at 30%" gives the highest rate of the measure, as "up to 30%" does (the contract: one fact at
    # 30), however far the tariff word stands before it.
    text = "Peru said its new levy on Chilean wine will climb by 5% each quarter until next year, topping out at 30%."
    assert 30.0 in [rate for _, rate in _tariffs(text)]


def test_the_ceiling_of_a_statistic_beside_a_tariff_is_no_rate() -> None:
    # What "eventually reaches" 9 percent here is prices, which a tariff pushed up: a statistic, no rate.
    text = (
        "Peru's new duties on Chilean wine pushed up prices in the border towns every single month, eventually "
        "reaching 9 percent."
    )
    assert [rate for _, rate in _tariffs(text)] == [None]
