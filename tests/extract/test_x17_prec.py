"""Round x17 (prec): readings that reported a tariff where there is none, or a second copy of one already
reported. All sentences here are ours."""

from __future__ import annotations

from tests.extract.conftest import facts_of


def _tariffs(text: str) -> list[tuple[str, tuple[str, ...], str | None, float | None]]:
    return [(f.imposer, f.targets, f.sector, f.rate) for f in facts_of(text) if f.kind == "tariff"]


def test_a_signed_figure_is_a_market_move_not_a_rate() -> None:
    # A figure printed with its sign is a price or index move: the tariff named beside it has no rate.
    assert _tariffs("Peru's tariffs on Chilean wine weighed on Vinex, -2.4% on the Lima exchange.") == [
        ("PE", ("CL",), "agriculture", None)
    ]
    # A range written with a hyphen is no sign: both ends stay rates.
    assert [t[3] for t in _tariffs("Peru set tariffs of 10-25% on Chilean wine.")] == [10.0, 25.0]


def test_a_figure_whose_verb_is_left_out_shares_the_first_figures_sense() -> None:
    # "A was off 3.1% and B 4.2%": the second figure is a share move as the first is.
    assert _tariffs("Vinex was off 3.1% and Andina 4.2% on the Lima exchange after Peru's tariff news.") == []
    # Where the first figure is a tariff rate, the second one in the same shape is one too.
    assert [t[3] for t in _tariffs("Peru charges 10% on Chilean apples and Bolivia 15% on Chilean pears.")] == [
        10.0,
        15.0,
    ]


def test_the_two_countries_of_a_relation_take_no_measure_of_their_own() -> None:
    # "tension between the two countries" names the sides of a relation: the side hit takes no copy of the measure.
    text = (
        "China has long objected to the metals policy. The US president said Thursday that the United States would "
        "impose a 25% tariff on steel imports and 10% for aluminum, raising concerns of trade tension between the "
        "two countries."
    )
    assert {t[0] for t in _tariffs(text)} == {"US"}
    text = (
        "China and the US met in Geneva. The US president said duties on soybeans would be cut to 5%, easing "
        "tension between the two countries."
    )
    assert _tariffs(text) == [("US", ("CN",), "agriculture", 5.0)]


def test_tariffs_between_the_two_countries_and_each_others_goods_are_both_sides_measures() -> None:
    # Tariffs between the two sides, or on each other's goods: each side acts on the other.
    text = (
        "China and the US met in Geneva. The US president said duties between the two countries would be cut to 5% "
        "on soybeans."
    )
    assert sorted(t[0] for t in _tariffs(text)) == ["CN", "US"]
    text = "The US president said the United States and China would cut tariffs on each other's soybeans to 5%."
    assert sorted(t[0] for t in _tariffs(text)) == ["CN", "US"]


def test_examples_of_goods_counted_or_taken_whole_give_no_sector() -> None:
    # Goods listed or valued before the tariff word, all of a side's goods, or products said to "include" some:
    # the examples sample a package over many kinds of goods (contract: sector null), one fact.
    for text, rate in (
        (
            "Peru has drawn up a list of $2 billion worth of Chilean goods that could face retaliatory tariffs, "
            "including wine, copper and salmon.",
            None,
        ),
        ("Peru will impose a 20% tariff on Chilean products that include wine and copper wire.", 20.0),
        ("Peru threatened tariffs on all Chilean imports such as wine and copper.", None),
    ):
        assert _tariffs(text) == [("PE", ("CL",), None, rate)], text


def test_goods_named_by_kind_or_counted_for_another_measure_keep_their_sectors() -> None:
    # Goods named by kind are the measure's sectors; a value stated for another side's measure samples nothing.
    assert [t[2] for t in _tariffs("Peru threatened tariffs on Chilean wine and copper.")] == ["agriculture", "copper"]
    text = (
        "Chile set tariffs on $2 billion of Peruvian goods, and Peru answered with duties on Chilean products like "
        "wine and copper."
    )
    assert [t[2] for t in _tariffs(text) if t[0] == "PE"] == ["agriculture", "copper"]


def test_a_tariff_in_the_perfect_conditional_never_came() -> None:
    # "would have led to", "could have imposed", "would have eventually reached": what did not happen.
    assert _tariffs("Chile's proposal would have led to lower tariffs on Peruvian wine.") == []
    assert _tariffs("Peru could have imposed a 30% tariff on Chilean wine last year.") == []
    text = (
        "Peru agreed to avert a series of 5% tariffs on Chilean wine starting Monday that would have eventually "
        "reached 30%."
    )
    assert 30.0 not in [t[3] for t in _tariffs(text)]


def test_a_tariff_to_come_or_one_that_must_be_imposed_is_stated() -> None:
    assert _tariffs("Chile's proposal will lead to lower tariffs on Peruvian wine.") == [
        ("CL", ("PE",), "agriculture", None)
    ]
    assert _tariffs("Peru said it would have to impose a 30% tariff on Chilean wine.") == [
        ("PE", ("CL",), "agriculture", 30.0)
    ]
    assert [t[3] for t in _tariffs("Peru imposed a 5% tariff on Chilean wine that will eventually reach 30%.")] == [
        5.0,
        30.0,
    ]


def test_a_tax_at_home_or_a_lenders_rate_is_no_tariff() -> None:
    # A payroll or sales tax, with no trade across a border named, and a lender's rate: no tariff.
    for text in (
        "Most workers in Peru pay a payroll tax on their wages, a 9% levy that funds pensions.",
        "Lima is weighing a national sales tax that would merge the existing federal and regional levies.",
        "The candidate vowed to cap credit card rates at 12 percent and to break up big banks.",
    ):
        assert _tariffs(text) == [], text


def test_a_levy_on_goods_from_abroad_beside_a_tax_at_home_is_a_tariff() -> None:
    assert _tariffs("Peru pays a payroll tax on wages, while Chile set a 9% levy on Peruvian imports.") == [
        ("CL", ("PE",), None, 9.0)
    ]
    assert _tariffs("Peru cut its value-added tax on imported wine and set a 9% levy on Chilean copper.") == [
        ("PE", ("CL",), "copper", 9.0)
    ]
    assert [t[3] for t in _tariffs("The candidate vowed to cap tariff rates at 12 percent.")] == [12.0]


def test_goods_a_tariffs_cost_is_added_to_are_not_its_goods() -> None:
    # "will add $300 to the cost of cars": the goods the effect falls on, not those taxed.
    assert _tariffs("Peru's tariffs on Chilean steel will add $300 to the cost of cars sold in Lima.") == [
        ("PE", ("CL",), "steel", None)
    ]
    # Goods right after the tariff word are still its goods.
    assert [t[2] for t in _tariffs("Peru will impose tariffs on Chilean cars that will add to prices.")] == ["autos"]


def test_a_sides_trade_tribunal_or_commission_acts_for_it() -> None:
    # "The Peruvian Trade Tribunal upheld a duty": the demonym before a ruling body names the side acting.
    assert _tariffs("The Peruvian Trade Tribunal upheld a countervailing duty on Chilean wine.") == [
        ("PE", ("CL",), "agriculture", None)
    ]
    # A demonym before goods or growers still names where goods come from, not the side acting.
    assert _tariffs("Peruvian growers welcomed Chile's new duties on Argentine wine.")[0][0] == "CL"


def test_goods_in_what_a_measure_sets_off_are_not_its_goods() -> None:
    # ", escalating a feud that stems from strikes on fishing vessels": no shipbuilding tariff.
    text = "Peru said it would raise tariffs on Chile, escalating a feud that stems from strikes on fishing vessels."
    assert _tariffs(text) == [("PE", ("CL",), None, None)]


def test_a_measure_in_a_trailing_participle_keeps_its_goods() -> None:
    text = "Peru said it would raise tariffs on Chile, threatening duties on Chilean wine."
    assert ("PE", ("CL",), "agriculture", None) in _tariffs(text)
    assert _tariffs("Peru raised tariffs on Chilean wine, raising fears of a wider trade war.") == [
        ("PE", ("CL",), "agriculture", None)
    ]
