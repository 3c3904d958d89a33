"""Tariff facts themselves: which figures are a tariff's rate, and which goods give a tariff its sector.
Every sentence here is our own."""

from __future__ import annotations

from tests.extract.conftest import facts_of, only


def _tariffs(text: str) -> set[tuple[str, str | None, float | None]]:
    return {(f.imposer, f.sector, f.rate) for f in only(facts_of(text), "tariff")}


def test_farmers_are_people_not_farm_goods() -> None:
    # The contract's agriculture is farm goods named as such; the growers a tariff hurts are no goods of it.
    facts = _tariffs("Peru raised duties on $4 billion of Chilean goods, leaving farmers in the line of fire.")
    assert facts
    assert all(sector is None for _, sector, _ in facts)


def test_a_day_of_the_month_in_a_schedule_is_no_rate() -> None:
    # "Sept. 1 and 25%" joins a date to the next step; only the steps are rates.
    facts = _tariffs(
        "Peru said its duties on Chilean goods would rise to 10% on July 1, 15% on Aug. 1, 20% on Sept. 1 and "
        "25% on Oct. 1."
    )
    assert {rate for _, _, rate in facts} == {10, 15, 20, 25}


def test_a_share_of_the_economy_is_no_rate() -> None:
    facts = _tariffs("The minister said the duties Peru announced came to just 0.4% of Chile's gross domestic product.")
    assert not any(rate == 0.4 for _, _, rate in facts)


def test_interest_rates_and_income_tax_rates_are_no_tariff_rates() -> None:
    # Rates of borrowing, of a tax on profits or of a pass-through business are no duty on goods.
    assert not _tariffs("The central bank is expected to cut its benchmark borrowing rate by a quarter point to 3.5%.")
    assert not _tariffs("The senator proposed a 12 percent pass-through rate for small firms.")
    assert not _tariffs("The governor praised a plan for a 9 percent tax rate on profits that firms bring home.")


def test_a_pace_of_growth_is_no_tariff_rate() -> None:
    assert not _tariffs("Retail sales kept climbing at a 3.8% rate, the agency said.")
    assert not _tariffs("Factory jobs are growing at a rate 120 percent faster than in the last decade.")


def test_a_sides_own_tariff_on_named_goods_is_a_measure_in_force() -> None:
    # "Peru's steel duties" names a measure Peru has taken, whatever the clause goes on to say of it: the
    # contract counts background stated as fact, and the owner of a tariff levies it.
    assert ("PE", "steel", None) in _tariffs("Chile's president finds Peru's steel duties insulting.")
    assert ("PE", "agriculture", None) in _tariffs("Peru's duties on imported wine drew protests in Santiago.")
    # A tariff in general, owned by no side, is still only a topic.
    assert not _tariffs("Duties on imported wine drew protests in Santiago.")


def test_idioms_and_firms_named_by_food_are_no_farm_goods() -> None:
    # Talks that "bear fruit" grow none, and a food retailer is a firm, not goods.
    facts = _tariffs("Peru raised duties on Chilean goods, and talks meant to end the row have yet to bear fruit.")
    assert facts and all(sector is None for _, sector, _ in facts)
    facts = _tariffs("Peru imposed duties on Chilean goods, and a food retailer in Lima said prices would rise.")
    assert facts and all(sector is None for _, sector, _ in facts)


def test_goods_an_effect_falls_on_are_not_the_goods_taxed() -> None:
    # The tariff is the subject of "could force": the goods named after it are those of the effect.
    facts = _tariffs("Peru's 30% duty on Chilean goods could force the firm to stop making cars in Chile.")
    assert ("PE", None, 30) in facts
    assert ("PE", "autos", 30) not in facts


def test_earlier_or_current_tariffs_on_goods_are_measures_in_force() -> None:
    # An adjective of time says the tariffs exist: background stated as fact, as "existing" already does.
    facts = _tariffs("A ban on Chilean fruit would hurt Chile far more than earlier Peruvian tariffs on copper.")
    assert ("PE", "copper", None) in facts


def test_goods_listed_together_stay_together_however_far_back_the_list_starts() -> None:
    # "steel and aluminum" is one phrase, two facts (the contract), even where the tariff word is far after it.
    facts = _tariffs(
        "Chilean senators passed a motion backing the national steel and aluminum industry that has been hit "
        "by Peru's massive tariffs."
    )
    assert {("PE", "steel", None), ("PE", "aluminum", None)} <= facts


def test_a_side_named_before_its_tariffs_on_goods_owns_a_measure_in_force() -> None:
    # "Peruvian duties on Chilean copper": the side right before the tariff word owns it, the goods follow.
    facts = _tariffs("Santiago is bracing for potentially painful Peruvian duties on Chilean copper and wine.")
    assert {("PE", "copper", None), ("PE", "agriculture", None)} <= facts


def test_a_tariff_only_thought_of_is_no_fact() -> None:
    # "The prospect of", "the potential for", "the risk of" tariffs: speculation, which the contract leaves out.
    assert not _tariffs("That makes the prospect of Peruvian duties being imposed on $3bn of Chilean goods likelier.")
    assert not _tariffs("But the potential for new Peruvian tariffs on Chilean goods is a growing worry in Santiago.")


def test_a_rate_given_to_goods_of_a_kind_is_a_tariff_rate_without_a_tariff_word() -> None:
    # "It will be 25 percent for copper", "Wine will now be 40%": the figure is what the goods are charged.
    facts = _tariffs("Peru's minister said: “It will be 25 percent for copper.”")
    assert ("PE", "copper", 25) in facts
    facts = _tariffs("Peru's minister wrote: “Wine will now be 40% and copper 30%.”")
    assert {("PE", "agriculture", 40), ("PE", "copper", 30)} <= facts
    # A domestic tax on goods is no tariff.
    assert not _tariffs("Peru's internal taxes will drop from 19% to 9.5% for laptops.")


def test_a_tariff_someone_favors_is_an_opinion_not_a_fact() -> None:
    assert not _tariffs("Gomez favors a 30 percent tariff on Chilean goods to shield Peruvian shoppers.")
    assert not _tariffs("Both senators are in favor of steep duties on Chilean copper.")


def test_putting_tariffs_on_goods_places_them() -> None:
    # "Put tariffs on X" is English for imposing them, as "placed tariffs on X" is.
    facts = _tariffs("Last year Peru put tariffs on Chilean copper, and made other threats too.")
    assert ("PE", "copper", None) in facts


def test_the_size_of_a_cut_is_no_rate_however_it_is_hedged() -> None:
    # "cut by nearly 60 percent" says how much the rate moved, as "cut by about 60 percent" does.
    facts = _tariffs("Peru has cut its duty on Chilean wine by nearly 60 percent since 2001.")
    assert not any(rate == 60 for _, _, rate in facts)


def test_figures_set_beside_for_comparison_are_no_rates() -> None:
    # "vs." and "on par with" give yardsticks: the other sides' figures are not rates the sentence states.
    facts = _tariffs(
        "Peru's trade-weighted tariff stands at 6.5%, on par with the rates of its neighbours, such as 5.5% in "
        "Chile, 7% in Bolivia and 6% in Ecuador."
    )
    assert not {rate for _, _, rate in facts} & {5.5, 7, 6}
