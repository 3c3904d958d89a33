"""Trade remedies (anti-dumping, countervailing and safeguard duties) of any country: each a tariff of the side
whose authority imposes it, on the origins named, with the sector of its goods. Every sentence here is our own."""

from __future__ import annotations

from tests.extract.conftest import facts_of, only


def _tariffs(text: str) -> set[tuple[str, str | None, float | None]]:
    return {(f.imposer, f.sector, f.rate) for f in only(facts_of(text), "tariff")}


# ---- Step 1: the goods of trade-remedy cases, and a range of rates that is not a range of goods ----


def test_steel_mill_products_named_by_their_rolling_are_steel() -> None:
    assert _tariffs("Malaysia imposed duties of 2.7% on cold-rolled coils from Korea.") == {("MY", "steel", 2.7)}
    assert _tariffs("Turkey imposed a 9% anti-dumping duty on hot-rolled flat products from Japan.") == {
        ("TR", "steel", 9)
    }
    assert _tariffs("Thailand imposed a 12% duty on stainless sheet from Taiwan.") == {("TH", "steel", 12)}
    # Goods of no sector keep none.
    assert _tariffs("Thailand imposed a 12% duty on float glass from Taiwan.") == {("TH", None, 12)}


def test_wood_panels_biodiesel_and_viscose_have_their_sectors() -> None:
    assert _tariffs("The EU imposed duties of 66.7% on Chinese plywood.") == {("EU", "lumber", 66.7)}
    assert _tariffs("The EU imposed duties of 59.1% on Chinese biodiesel.") == {("EU", "energy", 59.1)}
    assert _tariffs("Turkey imposed a 15% duty on viscose rayon from India.") == {("TR", "textiles", 15)}
    assert _tariffs("Turkey imposed a 15% duty on PET resin from India.") == {("TR", None, 15)}


def test_a_range_of_rates_after_the_goods_keeps_their_sector() -> None:
    assert _tariffs("Brazil imposed anti-dumping duties on Chinese steel sheet, ranging from 12.5% to 28%.") == {
        ("BR", "steel", 12.5),
        ("BR", "steel", 28),
    }
    # A range of goods is still a package over many kinds of goods.
    assert _tariffs("Brazil imposed 20% duties on Chinese goods ranging from steel to toys.") == {("BR", None, 20)}


# ---- Step 2: a duty extended is a tariff kept in force, not a pause ----


def test_an_anti_dumping_duty_extended_is_a_tariff_in_force() -> None:
    facts = facts_of("India has extended the anti-dumping duty on aluminium foil from China for five years.")
    assert [(f.kind, f.imposer, f.targets, f.sector, f.status) for f in facts] == [
        ("tariff", "IN", ("CN",), "aluminum", "in_effect")
    ]
    headline = facts_of("India extends anti-dumping duty on Chinese aluminium foil for five years")
    assert [(f.kind, f.imposer, f.sector) for f in headline] == [("tariff", "IN", "aluminum")]


def test_a_duty_extended_with_its_rate_keeps_the_rate_and_its_end() -> None:
    facts = facts_of("Peru extended its 20% anti-dumping duty on Chinese fabrics until June 2033.")
    assert [(f.kind, f.rate, f.status, str(f.until)) for f in facts] == [("tariff", 20, "in_effect", "2033-06-01")]


def test_an_extended_pause_deadline_or_duty_free_regime_is_no_tariff_kept() -> None:
    assert {f.kind for f in facts_of("Peru extended the tariff pause on Chile by 90 days.")} == {"pause"}
    assert {f.kind for f in facts_of("Peru extended the deadline for the duties on Chile to August 12.")} == {"pause"}
    regime = facts_of("Peru said the duty-free regime for Chilean fruit was extended until 2032.")
    assert all(f.kind != "tariff" for f in regime)


# ---- Step 3: a remedy named by its measure ("its steel safeguard", "anti-dumping measures") ----


def test_a_safeguard_named_as_a_measure_is_a_tariff_on_everyone() -> None:
    facts = facts_of("The EU extended its steel safeguard until June 2026.")
    assert [(f.kind, f.imposer, f.targets, f.sector, f.authority) for f in facts] == [
        ("tariff", "EU", ("*",), "steel", "safeguard")
    ]
    measures = facts_of("India imposed safeguard measures on imports of solar cells.")
    assert [(f.kind, f.imposer, f.targets, f.sector) for f in measures] == [("tariff", "IN", ("*",), "energy")]


def test_anti_dumping_measures_on_named_origins_are_a_tariff_on_them() -> None:
    facts = facts_of("Argentina extended for five more years anti-dumping measures on Chinese bicycles.")
    assert [(f.kind, f.imposer, f.targets) for f in facts] == [("tariff", "AR", ("CN",))]


def test_to_safeguard_something_is_no_measure() -> None:
    assert facts_of("Argentina vowed to safeguard its steel industry from Chinese imports.") == []
    assert facts_of("Peru said the rules safeguard domestic steel producers.") == []


# ---- Step 4: potato chips are food, carpets are textiles ----


def test_potato_chips_are_food_not_semiconductors() -> None:
    facts = _tariffs("South Africa imposed duties of up to 52.5% on frozen potato chips from Belgium.")
    assert facts == {("ZA", "agriculture", 52.5)}
    assert _tariffs("South Africa imposed duties of 20% on chips from Taiwan.") == {("ZA", "semiconductors", 20)}


def test_carpets_are_textiles() -> None:
    assert _tariffs("Indonesia imposed a 10% safeguard duty on imported carpets.") == {("ID", "textiles", 10)}


# ---- Step 5: "up to 35.3% tariffs", a ceiling written before the noun ----


def test_a_ceiling_before_the_duty_noun_is_its_rate() -> None:
    assert _tariffs("Peru slaps up to 35.3% tariffs on Chinese EVs") == {("PE", "autos", 35.3)}
    assert _tariffs("China sets up to 34.9% anti-dumping duty on Peruvian pork") == {("CN", "agriculture", 34.9)}


def test_a_figure_that_was_up_is_still_a_market_move() -> None:
    assert facts_of("Shares of Peruvian steelmakers were up to 3% higher after the tariffs.") == []


# ---- Step 6: oils pressed from crops are food ----


def test_canola_oil_is_food_not_energy() -> None:
    assert _tariffs("Peru imposed duties of 75.8% on Chinese canola oil.") == {("PE", "agriculture", 75.8)}
    assert _tariffs("Peru imposed a 10% duty on Chinese crude oil.") == {("PE", "energy", 10)}


# ---- Step 7: the authorities that impose remedies, named without their country ----


def _sides(text: str) -> set[tuple[str, tuple[str, ...]]]:
    return {(f.imposer, f.targets) for f in only(facts_of(text), "tariff")}


def test_the_commission_alone_is_the_european_commission() -> None:
    assert _sides("The Commission imposed anti-dumping duties of 20% on Chinese glass fibre.") == {("EU", ("CN",))}
    # A commission named in full is its own country's.
    assert _sides("The International Trade Commission voted to impose duties of 20% on Chinese glass.") == {
        ("US", ("CN",))
    }


def test_remedy_authorities_name_their_country() -> None:
    assert _sides("The National Tariff Commission imposed duties of 13.19% on peroxide from Bangladesh.") == {
        ("PK", ("BD",))
    }
    assert _sides("The Anti-Dumping Commission imposed duties of 19.6% on pipe from Korea.") == {("AU", ("KR",))}


def test_coils_of_another_metal_are_not_steel() -> None:
    assert _tariffs("Peru imposed duties of 12% on cold-rolled aluminium coils from Thailand.") == {
        ("PE", "aluminum", 12)
    }


# ---- Step 8: a case closed without a duty ----


def test_a_probe_closed_without_imposing_duties_is_no_tariff() -> None:
    text = "Peru terminated the anti-dumping investigation into Chinese flooring without imposing duties."
    assert facts_of(text) == []
    assert _sides("Peru closed the anti-dumping case and imposed duties of 20% on Chinese flooring.") == {
        ("PE", ("CN",))
    }


# ---- Step 9: a provisional duty collected as a deposit ----


def test_cash_deposits_of_a_rate_are_a_duty() -> None:
    assert _sides("Lima will collect cash deposits of 25.4% on Chinese aluminium wire.") == {("PE", ("CN",))}
    assert _tariffs("Beijing imposed anti-dumping deposits of 75.8% on Canadian canola.") == {
        ("CN", "agriculture", 75.8)
    }


def test_bank_deposits_are_no_duty() -> None:
    assert facts_of("Bank deposits in Peru rose 5% in March as exporters hoarded cash ahead of tariffs.") == []


def test_frozen_fries_are_food() -> None:
    assert _tariffs("Peru imposed a 52% anti-dumping duty on frozen fries from Belgium.") == {("PE", "agriculture", 52)}


def test_bare_deposits_sized_by_a_rate_are_a_duty_with_both_ends() -> None:
    text = "Mofcom said deposits of 15.5% to 62.4% would be collected on brandy from Peru starting Friday."
    assert _tariffs(text) == {("CN", "agriculture", 15.5), ("CN", "agriculture", 62.4)}
    assert facts_of("Banks must hold deposits of 10% of their loans at Peru's central bank.") == []
