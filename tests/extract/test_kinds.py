"""Each kind of fact, read from sentences we wrote, with the parties, rate and sector a reader would give."""

from __future__ import annotations

from tests.extract.conftest import PUBLISHED, facts_of, only


def test_tariff_with_rate_imposer_target_and_status() -> None:
    facts = only(
        facts_of("The White House said it will impose a 32 percent tariff on Brazilian coffee makers."), "tariff"
    )
    assert len(facts) == 1
    fact = facts[0]
    assert (fact.imposer, fact.targets, fact.rate, fact.status) == ("US", ("BR",), 32, "announced")


def test_percent_sign_and_goods_from_a_country() -> None:
    [fact] = only(facts_of("Washington slapped a 17% duty on goods from Thailand last month."), "tariff")
    assert (fact.imposer, fact.targets, fact.rate) == ("US", ("TH",), 17)


def test_retaliation_by_another_country_names_it_as_imposer() -> None:
    facts = only(facts_of("Ottawa announced retaliatory tariffs of 25 percent on American steel."), "tariff")
    assert [(f.imposer, f.targets, f.sector, f.rate) for f in facts] == [("CA", ("US",), "steel", 25)]


def test_ministry_of_commerce_acts_for_china() -> None:
    [fact] = only(facts_of("China's Ministry of Commerce imposed a 15% levy on U.S. soybeans."), "tariff")
    assert (fact.imposer, fact.targets, fact.sector) == ("CN", ("US",), "agriculture")


def test_a_commerce_ministry_without_a_country_is_the_home_government_not_china() -> None:
    # Most countries have a commerce ministry: a bare one is the government of the country the article is from.
    text = (
        "CANBERRA - The Commerce Ministry has recommended an 18 per cent safeguard duty on imported aluminium "
        "sheet for two years. The government had already imposed a provisional duty of 18 per cent on such "
        "sheet from Vietnam and Malaysia in March."
    )
    facts = only(facts_of(text), "tariff")
    assert facts, "the duties should be read"
    assert {f.imposer for f in facts} == {"AU"}


def test_european_commission_acts_for_the_eu() -> None:
    [fact] = only(
        facts_of("The European Commission approved 10 percent duties on imports of American motorcycles."), "tariff"
    )
    assert fact.imposer == "EU"
    assert fact.targets == ("US",)


def test_threatened_status() -> None:
    [fact] = only(facts_of("Trump warned he could levy a 60 percent tariff on Chinese goods."), "tariff")
    assert (fact.status, fact.rate, fact.targets) == ("threatened", 60, ("CN",))


def test_in_effect_status() -> None:
    [fact] = only(facts_of("The 20 percent tariff on Vietnamese furniture took effect on Monday."), "tariff")
    assert fact.status == "in_effect"


def test_pause_with_paused_rate_and_end_date(published) -> None:  # type: ignore[no-untyped-def]
    facts = facts_of("The administration paused its 26 percent tariff on Indian goods until June 30.")
    assert [f.kind for f in facts] == ["pause"]
    [pause] = facts
    assert (pause.imposer, pause.targets, pause.rate) == ("US", ("IN",), 26)
    assert pause.until is not None and (pause.until.month, pause.until.day) == (6, 30)
    assert pause.until.year == published.year


def test_lift() -> None:
    [fact] = only(facts_of("The United States lifted its tariffs on Australian beef on Friday."), "lift")
    assert (fact.imposer, fact.targets, fact.sector) == ("US", ("AU",), "agriculture")


def test_zero_tariffs_are_a_lift_by_the_side_opening_its_market() -> None:
    lifts = only(facts_of("Under the pact, Indonesia will charge zero tariffs on American products."), "lift")
    assert [(f.imposer, f.targets) for f in lifts] == [("ID", ("US",))]


def test_relief_by_exemption() -> None:
    [fact] = only(facts_of("The Commerce Department exempted Mexican auto parts from the steel tariff."), "relief")
    assert fact.imposer == "US"
    assert fact.targets == ("MX",)


def test_negotiation_first_party_named_is_the_imposer() -> None:
    [fact] = only(
        facts_of("Korean Trade Minister Park met with U.S. officials in Seoul on Tuesday for a third round of talks."),
        "negotiation",
    )
    assert fact.imposer == "KR"
    assert fact.targets == ("US",)


def test_deal_reached() -> None:
    [fact] = only(facts_of("Britain and the United States signed a trade agreement covering cars and beef."), "deal")
    assert (fact.imposer, fact.targets, fact.sector) == ("GB", ("US",), None)


def test_withdrawal_from_a_multilateral_pact() -> None:
    [fact] = only(
        facts_of("The president withdrew from the 11-nation Pacific Partnership agreement in his first week."),
        "withdrawal",
    )
    assert (fact.imposer, fact.targets) == ("US", ("*",))


def test_evidence_is_the_verbatim_sentence() -> None:
    text = "Markets were calm. Tokyo said it would impose a 12% tariff on Canadian lumber. Stocks rose."
    [fact] = facts_of(text)
    assert fact.evidence == "Tokyo said it would impose a 12% tariff on Canadian lumber."
    assert (fact.imposer, fact.targets, fact.sector) == ("JP", ("CA",), "lumber")


def test_negotiators_from_two_countries_meeting() -> None:
    [fact] = only(
        facts_of("Negotiators from Norway and the United States met in Oslo on Monday to discuss salmon."),
        "negotiation",
    )
    assert (fact.imposer, fact.targets) == ("NO", ("US",))
    assert fact.effective is not None and fact.effective.weekday() == 0 and fact.effective < PUBLISHED


def test_refunds_are_relief() -> None:
    [fact] = only(facts_of("Importers can claim refunds of the duties paid on Chilean copper, the CBP said."), "relief")
    assert fact.imposer == "US"


def test_the_party_met_with_stays_the_other_side_when_named_again() -> None:
    text = "Norway said its meeting with the office of the U.S. Trade Representative, Jamieson Greer, was useful."
    [fact] = only(facts_of(text), "negotiation")
    assert (fact.imposer, fact.targets) == ("NO", ("US",))


def test_an_agreement_named_between_two_countries_keeps_the_first_signer() -> None:
    text = (
        "On March 2, President Trump and Kenya's President Ruto signed the Trade Agreement Between the "
        "United States and the Republic of Kenya."
    )
    [fact] = only(facts_of(text), "deal")
    assert (fact.imposer, fact.targets) == ("US", ("KE",))
