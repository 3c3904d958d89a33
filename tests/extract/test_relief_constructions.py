"""Reliefs worded in ways the reader used to miss (issue 13): a subheading that exempts goods from the article's
measure, and the side an article about its own measures is about. All sentences here are ours."""

from __future__ import annotations

from tests.extract.conftest import facts_of, only


def test_a_subheading_exempting_goods_speaks_of_the_articles_measure() -> None:
    text = (
        "Washington will charge a 25% tariff on Omani goods from June 1.\n\n"
        "Trade talks between the two sides have gone on for a year.\n\n"
        "Officials in Muscat said the talks would go on through the summer.\n\n"
        "Crude oil exempted\n\n"
        "Most of what the country sells abroad is fuel."
    )
    reliefs = only(facts_of(text), "relief")
    assert [(f.imposer, f.targets, f.sector) for f in reliefs] == [("US", ("OM",), "energy")]


def test_a_prose_exemption_far_from_any_tariff_refers_to_nothing() -> None:
    text = (
        "Washington will charge a 25% tariff on Omani goods from June 1.\n\n"
        "Trade talks between the two sides have gone on for a year.\n\n"
        "Officials in Muscat said the talks would go on through the summer.\n\n"
        "Some shippers hoped crude oil would be exempted from it one day."
    )
    assert only(facts_of(text), "relief") == []


def test_an_article_without_the_us_is_about_the_side_that_acts_not_the_origin_of_the_goods() -> None:
    text = (
        "On May 2, the European Union brought back tariff quotas for Moldovan wine and Moldovan fruit.\n\n"
        "Moldovan growers said Moldovan exports would fall under the new tariff regime.\n\n"
        "Tariffs of 12% apply above the quotas."
    )
    tariffs = only(facts_of(text), "tariff") + only(facts_of(text), "relief")
    assert tariffs and {f.imposer for f in tariffs} == {"EU"}


def _measures(text: str) -> list[tuple[str, str, tuple[str, ...], str | None, float | None]]:
    return [(f.kind, f.imposer, f.targets, f.sector, f.rate) for f in facts_of(text)]


def test_a_relief_in_a_while_participle_beside_a_tariff_gives_both() -> None:
    assert sorted(_measures("Japan kept its 30% duty on Indian steel while exempting Indian aluminum.")) == [
        ("relief", "JP", ("IN",), "aluminum", 30.0),
        ("tariff", "JP", ("IN",), "steel", 30.0),
    ]
    assert sorted(
        _measures("Norway raised its tariff on Chilean salmon to 20% while granting an exemption for wine.")
    ) == [
        ("relief", "NO", ("CL",), "agriculture", 20.0),
        ("tariff", "NO", ("CL",), "agriculture", 20.0),
    ]
    # Spared from another tariff of its own: the relief does not carry this rate.
    other = _measures("Norway raised its tariff on Chilean goods to 20% while exempting Chile from its steel duty.")
    assert sorted(other) == [("relief", "NO", ("CL",), "steel", None), ("tariff", "NO", ("CL",), None, 20.0)]


def test_duty_free_entry_under_a_quota_is_a_relief_not_a_lift() -> None:
    text = "The 15% levy applies to most Thai goods, while Thai rice enters duty-free under a quota of 40,000 tonnes."
    read = _measures(text)
    assert ("relief", "US", ("TH",), "agriculture", None) in read
    assert not [m for m in read if m[0] == "lift"]


def test_a_quota_free_of_a_tariff_is_a_relief_from_it() -> None:
    read = _measures("Washington agreed to a quota of 50,000 tonnes of Argentine beef free of the 20% tariff.")
    assert ("relief", "US", ("AR",), "agriculture", 20.0) in read


def test_an_amount_let_in_tariff_free_is_a_quota_relief_and_a_plain_opening_a_lift() -> None:
    quota = _measures("Peru will let 20,000 tonnes of Chilean wine in tariff-free each year.")
    assert quota == [("relief", "PE", ("CL",), "agriculture", None)]
    assert [m[0] for m in _measures("Peru lets Chilean wine in tariff-free.")] == ["lift"]


def test_goods_left_off_the_list_of_a_tariff_are_a_relief() -> None:
    read = _measures("Chile's copper was left off the list of goods facing the 50% tariff.")
    assert read == [("relief", "US", ("CL",), "copper", 50.0)]


def test_a_side_giving_goods_of_another_origin_an_exemption_grants_it() -> None:
    sentence = "Norway gave Peruvian fishmongers a one-year exemption from the 25% tariff."
    reliefs = [(f.imposer, f.targets, f.rate) for f in facts_of(sentence) if f.kind == "relief"]
    assert reliefs == [("NO", ("PE",), 25.0)]


def test_exclusions_extended_in_the_passive_are_a_relief_not_a_pause() -> None:
    text = "Exclusions for Vietnamese bicycle parts from the Section 301 duties were extended until March 1."
    assert [(k, i, t) for k, i, t, _s, _r in _measures(text)] == [("relief", "US", ("VN",))]
    waiver = "The waivers from the 15% levy on Thai shrimp have been extended to October 30."
    assert [(k, r) for k, _i, _t, _s, r in _measures(waiver)] == [("relief", 15)]


def test_a_tariff_waived_for_some_goods_or_users_is_a_relief() -> None:
    text = "Peru waived the 12% duty on Chilean steel bought by its mining firms."
    assert _measures(text) == [("relief", "PE", ("CL",), "steel", 12)]


def test_a_quota_named_before_its_duty_free_access_is_a_relief() -> None:
    read = _measures("Chile opened a quota of 60,000 tonnes of Argentine maize duty-free this year.")
    assert [m[:3] for m in read] == [("relief", "CL", ("AR",))]


def test_a_tariff_that_exempts_goods_gives_the_relief_at_its_rate_and_the_tariff() -> None:
    read = _measures("The new 35% tariff on Peru exempts fishmeal and copper.")
    assert ("relief", "US", ("PE",), "copper", 35) in read
    assert ("tariff", "US", ("PE",), None, 35) in read


def test_remission_of_a_duty_is_a_relief() -> None:
    read = _measures("Ottawa extended its remission of the 25% surtax on US aluminum for can makers.")
    assert read == [("relief", "CA", ("US",), "aluminum", 25)]


def test_a_grace_period_for_goods_in_transit_is_a_relief_and_one_for_a_country_a_pause() -> None:
    transit = _measures("Peruvian goods already in transit get a grace period from the 20% tariff until May 1.")
    assert [m[:3] for m in transit] == [("relief", "US", ("PE",))]
    country = _measures("The US granted Peru a 60-day grace period before the 20% tariff applies.")
    assert [m[:3] for m in country] == [("pause", "US", ("PE",))]


def test_money_paid_back_for_something_other_than_a_duty_is_no_relief() -> None:
    for sentence in (
        "Lima will impose duties on Chilean wine in a bid to offset its losses from Chile's tariffs on copper.",
        "Peru will reimburse its growers' association for the costs of fighting a Chilean duty case.",
    ):
        assert [m for m in _measures(sentence) if m[0] == "relief"] == [], sentence


def test_duties_paid_back_are_a_relief() -> None:
    read = _measures("Peru will refund the 25% duties paid on Chilean steel used in exported cars.")
    assert [m[:2] for m in read if m[0] == "relief"] == [("relief", "PE")]
