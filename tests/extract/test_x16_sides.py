"""Who acts and who is hit, probed with sentences of general English about countries other than the US and
China. All sentences here are ours."""

from __future__ import annotations

from tests.extract.conftest import facts_of


def _sides(text: str, kind: str = "tariff") -> list[tuple[str, list[str]]]:
    return [(f.imposer, sorted(f.targets)) for f in facts_of(text) if f.kind == kind]


def test_a_country_after_another_countrys_place_is_no_city_country_pair() -> None:
    # "in Geneva, Switzerland" places a city; "in Lima, Chile imposed" opens a new subject: Lima is Peru's,
    # so Chile cannot be the country that places it, and Chile acts.
    assert _sides("At the summit in Lima, Chile imposed a 10% duty on Argentine beef.") == [("CL", ["AR"])]
    assert _sides("At a summit in Peru, Chile said it would impose a 10% duty on Argentine beef.") == [("CL", ["AR"])]
    # The city of the same country is still only a venue.
    assert _sides("Trade ministers met in Lima, Peru, and Chile imposed a 10% duty on Argentine beef.") == [
        ("CL", ["AR"])
    ]


def test_the_reply_after_with_is_not_the_measure_answered() -> None:
    # "retaliated against Brazil with a tariff": "with" gives the reply's own tariff, not one of Brazil's.
    assert _sides("India retaliated against Brazil with a 20% tariff on sugar.") == [("IN", ["BR"])]
    assert _sides("Korea retaliated against Turkey with new levies of 15% on steel.") == [("KR", ["TR"])]
    # A measure answered named by its owner and goods still counts as that owner's.
    read = _sides("Chile imposed duties of 10% on Peruvian fish in retaliation for Peru's tariffs on Chilean wine.")
    assert ("PE", ["CL"]) in read and ("CL", ["PE"]) in read


def test_tariffs_from_a_side_with_their_rate_between_are_that_sides() -> None:
    # "faces tariffs from Canada" names the side charging them; a rate between changes nothing.
    assert _sides("Chile will face tariffs of 20% from Peru.") == [("PE", ["CL"])]
    assert _sides("Korean steel faces duties of 25% from Turkey next month.") == [("TR", ["KR"])]
    assert _sides("Vietnam faces a 46% tariff from Canada.") == [("CA", ["VN"])]
    # Goods "from" a side are that side's exports, hit.
    assert _sides("Peru imposed a 15% duty on imports from Chile.") == [("PE", ["CL"])]


def test_the_market_goods_are_sold_or_shipped_to_taxes_them() -> None:
    # A verb of selling abroad gives the market, as "exported to" does.
    read = [
        (f.imposer, sorted(f.targets))
        for f in facts_of("Indian steelmaker Tata faces a 25% duty on steel it ships to Canada.")
    ]
    assert ("CA", ["IN"]) in read and all(imposer == "CA" for imposer, _ in read)
    assert _sides("Exports of Chilean wine to Peru are subject to a 15% tariff.") == [("PE", ["CL"])]
    # Goods from one side to another: the second taxes.
    assert _sides("Steel shipped from Turkey to Canada will be charged a 25% duty.") == [("CA", ["TR"])]


def test_a_place_visited_is_no_side_of_the_measure() -> None:
    # "On a visit to Washington" says where the speaker is: the US is neither hit nor acting.
    text = "On a visit to Washington, Turkey's minister said Turkey would cut its 25% tariff on Korean cars."
    assert _sides(text) == [("TR", ["KR"])]
    text = "On a visit to Washington, Turkey's minister said it would cut its 25% tariff on Korean cars."
    assert _sides(text) == [("TR", ["KR"])]
    # A country hit after "to" in a verb of striking is still hit.
    assert _sides("Turkey will apply a 25% tariff to Korean cars.") == [("TR", ["KR"])]


def test_goods_bound_for_a_market_are_taxed_by_it() -> None:
    # "Mexico-bound", "headed for India": the market the goods go to, as "exported to" names it.
    assert _sides("Mexico-bound steel from Korea will pay a 25% tariff.") == [("MX", ["KR"])]
    assert _sides("Brazilian ethanol headed for India will face a 20% duty.") == [("IN", ["BR"])]
    # A side's own imports from another stay its own.
    assert _sides("Peru's imports from Chile fell 10% after the 15% tariff.") == [("PE", ["CL"])]


def test_a_side_that_only_feels_a_tax_on_goods_of_no_origin_is_not_its_target() -> None:
    # An appositive of effect after the comma says who suffers, not what the measure is on.
    text = "Peru raised its tariff on imported wine to 15%, hitting Chilean vintners hardest."
    assert _sides(text) == [("PE", ["*"])]
    text = "Chile imposed a 10% safeguard duty on steel imports, a measure that hits China and Brazil hardest."
    assert _sides(text) == [("CL", ["*"])]
    # Goods given an origin keep it, whoever is said to feel the tax.
    assert _sides("Peru raised its tariff on Chilean wine to 15%, a blow to Chile's growers.") == [("PE", ["CL"])]


def test_a_speaker_after_a_list_of_rates_is_no_member_of_it() -> None:
    # "..., Peru's ministry said" closes the list: Peru speaks of its own rates, it is not charged one.
    assert _sides("The new rate is 25% for Chile, Peru's ministry said.") == [("PE", ["CL"])]
    text = "The tariffs are 25% for Chile and 30% for Bolivia, Peru's ministry said."
    assert _sides(text) == [("PE", ["CL"]), ("PE", ["BO"])]
    # A list of three names with commas is still one list.
    assert _sides("Peru set a 25% tariff on Chile, Bolivia and Ecuador.") == [("PE", ["BO", "CL", "EC"])]


def test_a_surtax_or_surcharge_owned_by_a_side_is_its_own() -> None:
    # "Canada's surtax" is Canada's as "Canada's tariff" is: every word for a tariff takes its owner.
    assert _sides("Turkish steel was spared from Canada's 25% surtax.", "relief") == [("CA", ["TR"])]
    # Without the possessive, a country name before the tariff word is the one charged.
    assert _sides("The Chile tariff of 15% hits Chilean wine shipped to Peru.") == [("PE", ["CL"])]


def test_a_quote_about_a_tariff_on_our_goods_makes_its_speaker_the_side_hit() -> None:
    # First person: "our cars" are the speaker's goods, so the speaker is hit; the side the quote is said "of"
    # is the one taxing them.
    text = '"Their 25% tariff on our cars is unacceptable," Korea\'s trade minister said of Turkey.'
    assert _sides(text) == [("TR", ["KR"])]
    # "We will impose ... on their cars": the speaker taxes, and the side spoken of is hit.
    assert _sides('"We will impose 25% on their cars," Peru\'s minister said of Chile.') == [("PE", ["CL"])]
    # A quote of the speaker's own measure keeps the speaker acting.
    text = '"We will cut our tariff on Turkish cars to 10%," Korea\'s trade minister said.'
    assert _sides(text) == [("KR", ["TR"])]


def test_a_sides_supplier_sells_into_that_side_which_taxes() -> None:
    # "Peru's largest wine supplier" is an appositive: Peru is the market buying, whose tariff Chile faces.
    assert _sides("Chile, Peru's largest wine supplier, faces a 15% tariff.") == [("PE", ["CL"])]
    assert _sides("Brazil, India's top sugar supplier, will pay a 20% duty.") == [("IN", ["BR"])]
    # Two sides coordinated by a comma still share their role.
    assert _sides("Peru set a 25% tariff on Chile, Bolivia and Ecuador.") == [("PE", ["BO", "CL", "EC"])]


def test_goods_of_every_origin_are_a_measure_on_everyone() -> None:
    # "from all origins", "from all suppliers" say the measure is on everyone (the contract's "*"), whoever
    # is said to suffer most or is given as an example.
    assert _sides("Chile was hit hardest by Peru's 15% tariffs on wine from all origins.") == [("PE", ["*"])]
    assert _sides("Brazil charges 20% on sugar from all suppliers, including India.") == [("BR", ["*"])]
    # Goods of one origin stay on it.
    assert _sides("Brazil charges 20% on sugar from India.") == [("BR", ["IN"])]


def test_goods_naming_an_office_are_no_goods_of_its_side() -> None:
    # "Chile's agriculture minister" is Chile's office, which speaks for Chile, not Chilean farm goods hit.
    text = "Chile's agriculture minister said the government would impose a 10% duty on Peruvian fish."
    assert _sides(text) == [("CL", ["PE"])]
    text = "Chile's agriculture ministry said on Friday it would impose a 10% duty on Peruvian fish."
    assert _sides(text) == [("CL", ["PE"])]
    # A side's goods after its possessive are still hit.
    assert _sides("Chile's steel exports face a 25% Peruvian tariff.") == [("PE", ["CL"])]
    assert _sides("Chile's agriculture is exempt from Peru's 10% duty.", "relief") == [("PE", ["CL"])]


def test_a_sides_imports_of_named_goods_and_its_importers_are_its_market() -> None:
    # "Canadian imports of Turkish steel": Canada buys, so Canada's tariff falls on Turkey.
    assert _sides("Canadian imports of Turkish steel will face a 25% tariff.") == [("CA", ["TR"])]
    assert _sides("Tariffs of 15% on Peru's imports of Chilean wine took effect.") == [("PE", ["CL"])]
    # An importer or buyer pays its own country's duty.
    assert _sides("Korean importers will pay 10% on Vietnamese shrimp.") == [("KR", ["VN"])]
    assert _sides("Indian buyers of Brazilian sugar will pay a 20% duty.") == [("IN", ["BR"])]
    # Imports "of" a value are the exports of the side named: the origin stays hit.
    assert _sides("Peru imposed tariffs on Chilean imports of $2 billion.") == [("PE", ["CL"])]
    assert _sides("Peru slapped 15% duties on Chilean imports.") == [("PE", ["CL"])]
    # Goods alone after "imports of" leave the side named as their origin.
    read = _sides("Peru raised tariffs on Vietnamese imports of steel to 50%.")
    assert read and all(imposer == "PE" and targets == ["VN"] for imposer, targets in read)


def test_the_agent_of_a_passive_of_placing_taxes_the_side_named_by_the_possessive() -> None:
    # "Vietnam's tariff rate was set by Canada": the agent places the measure; the possessive names the side
    # charged it, as "Vietnam's rate will be 46%" does.
    assert _sides("Vietnam's 46% tariff rate was set by Canada on Monday.") == [("CA", ["VN"])]
    assert _sides("Vietnam's 46% tariff was imposed by Canada.") == [("CA", ["VN"])]
    # The agent of another verb, or the same side again, leaves the owner acting.
    assert _sides("Chile's 10% duty on Peruvian fish was criticized by Peru.") == [("CL", ["PE"])]
    text = "China's tariffs on US soybeans, announced by Beijing in July, remain."
    assert _sides(text) == [("CN", ["US"])]
    # A second measure with its own agent is not the owner's.
    text = "It stems from Peru's tariffs on Chile and, in turn, from retaliatory tariffs imposed by Chile."
    assert ("PE", ["CL"]) in _sides(text)


def test_a_side_dealt_a_rate_with_with_is_hit() -> None:
    # "hit Chile with 20% and Bolivia with 25%": each side after the verb is dealt its rate, so neither acts.
    text = "Peru's new rates hit Chile with 20% and Bolivia with 25%."
    assert _sides(text) == [("PE", ["CL"]), ("PE", ["BO"])]
    # The side a rate is dealt "with" a tariff word after it is hit as before.
    assert _sides("Peru slapped Chile with a 10% tariff on fish.") == [("PE", ["CL"])]
