"""A country's own tariff policy, outside any US story: the side acting named as a ministry, an office or a
capital, and the goods and rates of its own schedule. All sentences here are ours."""

from __future__ import annotations

from tests.extract.conftest import facts_of


def _facts(text: str) -> list[tuple[str, str, tuple[str, ...], str | None, float | None]]:
    return [(f.kind, f.imposer, f.targets, f.sector, f.rate) for f in facts_of(text)]


def test_an_office_every_government_has_is_the_home_countrys_where_the_us_is_not_named() -> None:
    # "Treasury" in a story on Kenya's budget, naming the US nowhere: Kenya's Treasury.
    assert _facts(
        "Kenya's budget doubles duty on imported sugar. Treasury Cabinet Secretary John Mbadi proposed raising the "
        "import duty on sugar to 50 percent from 25 percent. He also said the levy on imported wheat flour would "
        "rise to 60 percent."
    ) == [("tariff", "KE", ("*",), "agriculture", 50.0), ("tariff", "KE", ("*",), "agriculture", 60.0)]
    assert ("tariff", "GB", ("*",), "agriculture", 5.0) in _facts(
        "Britain will cut tariffs on 100 goods. The Treasury said the duty on imported cheese would fall to 5%."
    )


def test_an_office_every_government_has_stays_the_uss_where_the_other_country_is_hit() -> None:
    # The only other country named is the origin of the goods taxed: a US story.
    assert _facts("The Treasury said tariffs on Japanese cars would remain at 15%.") == [
        ("tariff", "US", ("JP",), "autos", 15.0)
    ]
    assert _facts("The Commerce Department set anti-dumping duties of 200% on Vietnamese shrimp.") == [
        ("tariff", "US", ("VN",), "agriculture", 200.0)
    ]
    # The US named otherwise: the office is the US's.
    assert ("tariff", "US", ("*",), "steel", 50.0) in _facts(
        "The Treasury said the US tariff on imported steel stays at 50%. Kenya said it would cut duties on sugar."
    )


def test_goods_paired_respectively_with_tiers_go_item_by_item() -> None:
    # Two items of one sector and one of another, three tiers: each item its own rate.
    assert _facts("Indonesia's tariffs on rice, sugar and cars are 25%, 40% and 50% respectively.") == [
        ("tariff", "ID", ("*",), "agriculture", 25.0),
        ("tariff", "ID", ("*",), "agriculture", 40.0),
        ("tariff", "ID", ("*",), "autos", 50.0),
    ]
    # An item of no sector keeps its place: gold is not a farm good.
    assert _facts("India raised import duties on gold and palm oil to 15% and 20% respectively.") == [
        ("tariff", "IN", ("*",), None, 15.0),
        ("tariff", "IN", ("*",), "agriculture", 20.0),
    ]
    # A range is one tier; the goods may follow the rates.
    assert _facts("Pakistan set duties of 10% and 15-25% on wheat and trucks, respectively.") == [
        ("tariff", "PK", ("*",), "agriculture", 10.0),
        ("tariff", "PK", ("*",), "autos", 15.0),
        ("tariff", "PK", ("*",), "autos", 25.0),
    ]
    # Origins sharing one noun share its goods.
    assert _facts("India imposed duties of 10% and 20% on Chinese and Vietnamese steel respectively.") == [
        ("tariff", "IN", ("CN",), "steel", 10.0),
        ("tariff", "IN", ("VN",), "steel", 20.0),
    ]


def test_goods_and_tiers_whose_counts_differ_are_not_paired_item_by_item() -> None:
    # Three items, two tiers: the older reading by distinct sectors stands (one sector per tier, in order).
    assert _facts("Kenya's duties on sugar, rice and cars are 10% and 25% respectively.") == [
        ("tariff", "KE", ("*",), "agriculture", 10.0),
        ("tariff", "KE", ("*",), "autos", 25.0),
    ]


def test_staples_and_fuels_a_countrys_own_duties_name_have_their_sectors() -> None:
    assert _facts("Kenya cut the import duty on maize to 10 percent.") == [
        ("tariff", "KE", ("*",), "agriculture", 10.0)
    ]
    assert _facts("Kazakhstan set a 20 percent duty on imported sunflower seeds.") == [
        ("tariff", "KZ", ("*",), "agriculture", 20.0)
    ]
    # Crude palm oil is an edible oil, not crude oil.
    assert _facts("India slashed import duty on crude palm oil to 10%.") == [
        ("tariff", "IN", ("*",), "agriculture", 10.0)
    ]
    assert _facts("The European Union imposed anti-dumping duties of 35.6% on Chinese biodiesel.") == [
        ("tariff", "EU", ("CN",), "energy", 35.6)
    ]
    assert _facts("Peru cut tariffs on capital goods to 2%.") == [("tariff", "PE", ("*",), "machinery", 2.0)]


def test_crude_oil_and_cars_that_burn_fuel_keep_their_own_sectors() -> None:
    assert _facts("India raised the duty on crude oil imports to 5%.") == [("tariff", "IN", ("*",), "energy", 5.0)]
    # Diesel cars are cars, not fuel.
    assert _facts("Sri Lanka raised import duties on diesel cars to 300 percent.") == [
        ("tariff", "LK", ("*",), "autos", 300.0)
    ]


def test_goods_counted_then_sampled_before_a_new_rate_are_a_package_with_no_sector() -> None:
    # "544 products, including steel ...": the examples sample a package over many kinds of goods.
    assert _facts("Mexico has raised tariffs on 544 products, including steel, textiles and footwear, to 35%.") == [
        ("tariff", "MX", ("*",), None, 35.0)
    ]
    assert _facts("Turkey cut tariffs on 120 goods such as rice and cars to 5%.") == [
        ("tariff", "TR", ("*",), None, 5.0)
    ]


def test_goods_named_before_a_new_rate_without_a_count_keep_their_sectors() -> None:
    assert _facts("Mexico raised tariffs on textiles and steel to 35%.") == [
        ("tariff", "MX", ("*",), "textiles", 35.0),
        ("tariff", "MX", ("*",), "steel", 35.0),
    ]


def test_a_new_rate_given_as_a_ceiling_after_to_is_read() -> None:
    # "to as much as 35%": the rate the tariff is raised to, however long the goods phrase before it.
    assert _facts("Mexico has raised tariffs on 544 products, including steel and footwear, to as much as 35%.") == [
        ("tariff", "MX", ("*",), None, 35.0)
    ]


def test_a_ceiling_of_a_statistic_is_still_no_rate() -> None:
    assert _facts("Imports of steel rose to as much as 35% of the market.") == []
