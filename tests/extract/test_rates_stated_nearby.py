"""A lift, relief or pause whose own sentence names no rate carries the rate a nearby sentence gives the tariff
it acts on: same side, same goods, one rate; not a rate a tariff was cut to, nor (for a pause) the rate left in
force."""

from __future__ import annotations

from tests.extract.conftest import facts_of, only


def test_a_lift_takes_the_rate_the_next_sentence_gives_its_tariff() -> None:
    facts = facts_of(
        "Peru agreed on Monday to scrap its punitive tariffs on Chilean copper. "
        "Lima had charged a duty of 30 percent on copper from Chile since last spring."
    )
    assert [(f.imposer, f.targets, f.sector, f.rate) for f in only(facts, "lift")] == [("PE", ("CL",), "copper", 30)]


def test_each_kind_of_goods_takes_its_own_rate() -> None:
    facts = facts_of(
        "Peru will drop its retaliatory tariffs on Chilean steel and aluminum. "
        "Peru had imposed a levy of 20 percent on Chilean steel and 8 percent on Chilean aluminum."
    )
    assert sorted((f.sector, f.rate) for f in only(facts, "lift")) == [("aluminum", 8), ("steel", 20)]


def test_a_relief_takes_the_rate_of_the_tariff_stated_just_before() -> None:
    facts = facts_of(
        "Peru imposed a 25% tariff on Chilean wine last week. "
        "Peru exempted Chilean wine made by small family vineyards from the tariff on Friday."
    )
    assert [(f.sector, f.rate) for f in only(facts, "relief")] == [("agriculture", 25)]


def test_a_rate_a_tariff_is_cut_to_is_not_the_rate_removed() -> None:
    facts = facts_of(
        "Peru will scrap its tariffs on Chilean copper next year. "
        "Until then Lima will lower its duty on Chilean copper to 12 percent."
    )
    assert [f.rate for f in only(facts, "lift")] == [None]


def test_a_rate_far_away_is_not_carried() -> None:
    facts = facts_of(
        "Peru charged a duty of 30 percent on copper from Chile. "
        "Peru also taxed Bolivian tin at 5 percent. "
        "Peru taxed Ecuadorian bananas at 7 percent. "
        "Peru charged Brazilian beef a 9 percent levy. "
        "Peru agreed on Monday to scrap its tariffs on Chilean copper."
    )
    assert [f.rate for f in only(facts, "lift")] == [None]


def test_two_rates_for_the_same_goods_leave_the_lift_without_one() -> None:
    facts = facts_of(
        "Peru agreed on Monday to scrap its tariffs on Chilean copper. "
        "Lima had charged 30 percent on refined copper from Chile and 15 percent on copper ore from Chile."
    )
    assert [f.rate for f in only(facts, "lift")] == [None]


def test_a_pause_takes_the_rate_of_the_tariff_announced_beside_it() -> None:
    facts = facts_of(
        "Peru announced a 40 percent tariff on Chilean wine on Monday. "
        "On Tuesday Lima suspended the tariff on Chilean wine for 60 days."
    )
    assert [(f.sector, f.rate) for f in only(facts, "pause")] == [("agriculture", 40)]
