"""Round x18 (rates): the contract's rate conventions, read from sentences of our own: which figures are tariff
rates, which rate a change leaves, and which goods or parties each rate of a list is for."""

from __future__ import annotations

from tests.extract.conftest import facts_of


def _tariffs(text: str) -> list[tuple[str, tuple[str, ...], str | None, float | None]]:
    return [(f.imposer, f.targets, f.sector, f.rate) for f in facts_of(text) if f.kind == "tariff"]


def _rates(text: str) -> list[float | None]:
    return [f.rate for f in facts_of(text) if f.kind == "tariff"]


def test_a_rate_of_money_named_before_its_figure_is_no_tariff_rate() -> None:
    # An interest, repo or policy rate, or the rates a central bank sets: the figure is that rate, however near a
    # tariff word stands after it.
    assert 2.5 not in _rates(
        "The Bank of Korea cut its benchmark interest rate to 2.5% to cushion the blow from US tariffs."
    )
    assert 6.0 not in _rates("The Reserve Bank of India held its repo rate at 6% as US duties on Indian goods bite.")
    assert 8.0 not in _rates("Chile's central bank cut rates to 8% as US tariffs on copper weigh.")
    # The figure after another one, or a rate with a tariff word between, is still a tariff rate.
    assert 50.0 in _rates("The Reserve Bank of India held its repo rate at 5.5% despite the 50% US tariff on India.")
    assert _tariffs("Japan's import tax rate on US beef is 38.5%.") == [("JP", ("US",), "agriculture", 38.5)]
    assert _tariffs("The central bank said the tariff rate on Chinese steel would be 25%.")[0][3] == 25.0


def test_a_figure_after_a_bare_verb_of_change_is_a_statistic_unless_a_tariff_changes() -> None:
    # "will rise 25%", "could drop 10%": what changes is the subject; costs or sales are no tariff.
    assert 25.0 not in _rates("Costs for Thai carmakers will rise 25% under the new Indonesian tariffs, analysts said.")
    assert 10.0 not in _rates("Sales of Kenyan tea could drop 10% after Pakistan's duty on tea.")
    # A tariff as the subject, or a rate before a relative pronoun, is what changes: the figure is its new rate.
    assert 40.0 in _rates("Duties on glass from Chile will rise to 40%.")
    assert _rates("Peru set a 25% duty on Chilean wine, which will increase to 50% on January 1, 2032.") == [25.0, 50.0]


def test_a_change_with_words_of_time_or_terms_before_its_old_rate_is_one_fact_at_the_new_rate() -> None:
    # "to 50% in 2027 from 25%", "to 15% under the pact from 27.5%", "to 30% for 90 days, from 145%": one change.
    facts = facts_of("Chile's duties on Peruvian copper will rise to 50 per cent in 2027 from 25 per cent.")
    assert [(f.rate, f.previous_rate) for f in facts if f.kind == "tariff"] == [(50.0, 25.0)]
    assert _rates("Korea's tariff on Australian beef falls to 15% under the pact from 27.5% now.") == [15.0]
    assert _rates("Ankara cut the levy on Greek olives to 30% for 90 days, from 45%.") == [30.0]
    # Another statement between them ("and") leaves two rates; "from" before a party is no old rate.
    assert sorted(_rates("Turkey raised duties on Greek olives to 30% and those on Greek figs from 10% to 20%.")) == [
        20.0,
        30.0,
    ]
    assert _rates("Turkey raised duties to 30% on olives from Greece.") == [30.0]


def test_the_rate_a_new_one_doubles_or_replaces_is_its_previous_rate() -> None:
    # "to 50 percent, doubling the 25 percent rate": one fact at 50, the 25 its previous rate.
    facts = facts_of("Mexico's tariffs on Chinese steel rise to 50 percent on Monday, doubling the 25 percent rate.")
    assert [(f.rate, f.previous_rate) for f in facts if f.kind == "tariff"] == [(50.0, 25.0)]
    assert _rates("Brazil set a 15% duty on Argentine wine, replacing the 30% rate it had threatened.") == [15.0]
    # One said to be in force ("the existing 25% duty") stays a fact of its own.
    assert sorted(_rates("Canada imposed a 50% duty on Chinese steel, doubling the existing 25% duty.")) == [25.0, 50.0]


def test_rates_listed_respectively_go_one_to_one_with_goods_named_before_them() -> None:
    # Goods before the rates ("duties on cars and auto parts to 35% and 18%, respectively") pair in order.
    assert _tariffs("Brazil raised import duties on Japanese cars and auto parts to 35% and 18%, respectively.") == [
        ("BR", ("JP",), "autos", 35.0),
        ("BR", ("JP",), "auto_parts", 18.0),
    ]
    assert _tariffs("Chile raised tariffs on Argentine wine and steel to 50% and 35% respectively.") == [
        ("CL", ("AR",), "agriculture", 50.0),
        ("CL", ("AR",), "steel", 35.0),
    ]
    # Without "respectively" the goods are not paired off: the first rate is read for both.
    unpaired = _tariffs("Chile raised tariffs on Argentine wine and steel to 50% and 35%.")
    assert ("CL", ("AR",), "steel", 50.0) in unpaired


def test_tiers_listed_respectively_may_go_high_first() -> None:
    # "25 and 10 percent on steel and aluminum respectively": the unit said once, the higher rate first.
    assert _tariffs("Canada imposed tariffs of 25 and 10 percent on Mexican steel and aluminum respectively.") == [
        ("CA", ("MX",), "steel", 25.0),
        ("CA", ("MX",), "aluminum", 10.0),
    ]
    # Without "respectively" a higher number before "and" is no rate ("Section 232 and 25 percent").
    assert _rates("Canada cited Section 232 and 25 percent duties on Mexican steel.") == [25.0]


def test_a_tariff_named_past_a_long_goods_phrase_is_the_subject_of_a_bare_verb_of_change() -> None:
    # "Duties on <long goods phrase> will rise to 45 per cent": the tariff rises, however far back it stands.
    text = "Levies on furniture and kitchenware from Portugal, Greece and Cyprus will rise to 45 per cent."
    assert _rates(text) == [45.0]
    # Another clause between them ("hurt carmakers, whose costs") leaves the figure a statistic.
    assert 25.0 not in _rates("Tariffs on Indonesian cars hurt Thai carmakers, whose costs will rise 25%.")


def test_a_tariff_in_a_relative_aside_is_not_what_the_main_verb_changes() -> None:
    # "exports, which face a 15% tariff, fell 10.1%": the 15% is a rate, the 10.1% a statistic of the exports.
    assert 10.1 not in _rates("Peru's exports to Chile, which face a 15% tariff, fell 10.1% in August.")
    # With the tariff as the subject outside the aside, the figure is its new rate.
    assert _rates("Chile's duties on Peruvian lumber, which took effect in May, increased to 35% this week.") == [35.0]


def test_a_tariff_that_rose_or_fell_keeps_its_new_rate_past_a_long_subject() -> None:
    # "Duties on ..., which took effect in May, rose to 35%": the past of "rise" states the new rate as "rises" does.
    text = "Chile's duties on Peruvian lumber, which took effect in May, rose to 35% this week."
    assert _tariffs(text) == [("CL", ("PE",), "lumber", 35.0)]
    text = "Tariffs on steel wire and nails from Vietnam, Thailand and Malaysia fell to 12% on Monday."
    assert _rates(text) == [12.0]
    # What rose is a statistic where the subject is no tariff.
    assert 12.0 not in _rates("Tariffs hit Chilean mills hard, and exports to Peru fell to 12% of total sales.")


def test_a_share_of_a_sides_goods_named_in_the_possessive_is_no_rate() -> None:
    # "20% of Canada's exports", "30% of Chile's exports": how much trade a tariff covers, not a rate.
    assert _rates("Peru set a 20% tariff on 30% of Chile's exports.") == [20.0]
    assert 20.0 not in _rates("Ottawa said the 35% US tariff on Canadian goods would hit 20% of Canada's exports.")
    # A rate of the goods' value is still a rate.
    assert _rates("Peru set a duty of 20% of the goods' value on Chilean wine.") == [20.0]


def test_a_pause_of_the_higher_rates_pauses_a_tariff() -> None:
    # "paused the higher rates for 90 days, leaving a 10% baseline": the pause (no rate) and the rate left.
    facts = facts_of("Peru paused the higher rates for 90 days, leaving a 10% baseline tariff in place on everyone.")
    assert {(f.kind, f.rate) for f in facts} == {("pause", None), ("tariff", 10.0)}
    # Rates a central bank lifts are money rates: no lift, no tariff.
    assert not facts_of("Japan's central bank lifted rates to 0.5% in January.")


def test_countermeasures_given_a_rate_are_tariffs_at_that_rate() -> None:
    # "its 25% countermeasures on US goods", "25% retaliatory measures": the rate is the countermeasure's.
    assert [(f.kind, f.rate) for f in facts_of("Mexico delayed its 25% countermeasures on Peruvian goods.")] == [
        ("pause", 25.0)
    ]
    assert _tariffs("Canada announced 25% retaliatory measures on Mexican steel.") == [("CA", ("MX",), "steel", 25.0)]
    # A share of measures is no rate.
    assert not _rates("About 40% of measures taken by WTO members are quotas.")
