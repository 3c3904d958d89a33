"""Sentences that are about trade but state no policy fact, or state a different one than their words suggest."""

from __future__ import annotations

import pytest

from tests.extract.conftest import facts_of, only


@pytest.mark.parametrize(
    "sentence",
    [
        # statistics and market moves
        "Imports of Brazilian soybeans fell 38 percent in May from a year earlier.",
        "Exports to the United States rose 4.2% in the first quarter, customs data showed.",
        "Shares of Korean carmakers dropped 3% after the announcement.",
        "Customs collected $21 billion in tariff revenue in June, up 9% from May.",
        "The average effective tariff rate climbed to 16.2%, the highest in decades.",
        "Malaysia's exports to the U.S. slumped 27% in September as tariffs bit.",
        # opinions and forecasts
        "Economists said the tariffs would hurt growth in Canada.",
        "Analysts expect the duties on Chinese solar panels to push prices higher.",
        # demands and wishes
        "Ottawa urged Washington to drop the tariffs on Canadian lumber.",
        "Farm groups called on the White House to lift the 20% duty on fertilizer.",
        "Tokyo wants the United States to remove its tariffs on Japanese cars.",
        # proposals under consideration
        "Seoul is considering a proposal to cut tariffs on U.S. beef to zero.",
        "Senators introduced a bill that would impose a 40% tariff on firms that move factories abroad.",
        "The court ruled that the president lacked authority to impose the tariffs.",
        # negation and hypotheticals
        "The administration did not impose new tariffs on Indian textiles.",
        "If talks fail, the U.S. will impose a 50 percent tariff on Swiss goods.",
        "The president said he would not extend the pause on Mexican tariffs.",
        # questions
        "Will Peru's tariffs on Chilean wine stay in place?",
        "Why did Peru put a 15% tariff on Chilean wine?",
        # what an imagined agreement would do, and an agreement denied
        "A trade deal between Chile and Peru would remove the 20% tariff on Peruvian phosphate.",
        "Any agreement with Peru must lower Chile's duties on Peruvian cars.",
        "Chile signed no deal with Peru on Friday.",
        # background that names no policy action
        "Tariffs hurt growth, the central bank of Chile said.",
        "The tariff talks with Vietnam resume next week under a new negotiator.",
        "Thailand said it would continue negotiations with Washington on the reciprocal tariff.",
    ],
)
def test_no_fact_of_the_wrong_kind(sentence: str) -> None:
    facts = facts_of(sentence)
    assert not [f for f in facts if f.kind in {"tariff", "lift", "pause", "deal"}], facts


def test_a_threat_is_a_threatened_tariff_not_an_imposed_one() -> None:
    facts = only(facts_of("Trump threatened a 100 percent tariff on Spanish olive oil."), "tariff")
    assert [f.status for f in facts] == ["threatened"]


def test_would_not_impose_is_a_promise_to_hold_off() -> None:
    facts = facts_of("Under the accord, the United States agreed it would not impose tariffs on Japanese cars.")
    assert [f.kind for f in facts if f.kind != "deal"] == ["pause"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Australia said it would not impose reciprocal tariffs on American goods.",
        "Ottawa decided not to impose counter-tariffs on U.S. steel.",
        "New Delhi will not levy retaliatory duties on American almonds, the trade minister said.",
    ],
)
def test_a_decision_not_to_tax_is_no_fact(sentence: str) -> None:
    assert facts_of(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "imposer", "target"),
    [
        ("Trump said he would not impose the 25 percent tariffs on Mexico until August 1.", "US", "MX"),
        ("Brussels agreed not to impose duties on American lobster under the deal.", "EU", "US"),
        ("Seoul won a guarantee that Washington would not impose new tariffs on Korean chips.", "US", "KR"),
    ],
)
def test_a_promise_not_to_tax_for_a_time_or_in_a_bargain_is_a_pause(sentence: str, imposer: str, target: str) -> None:
    pauses = only(facts_of(sentence), "pause")
    assert [(f.imposer, target in f.targets) for f in pauses] == [(imposer, True)]


def test_a_question_after_a_statement_leaves_the_statement() -> None:
    [fact] = only(facts_of("Peru's tariffs on Chilean wine took effect: what comes next?"), "tariff")
    assert (fact.imposer, fact.targets, fact.sector) == ("PE", ("CL",), "agriculture")


@pytest.mark.parametrize(
    "sentence",
    [
        # offers and conditions
        "Lima is willing to scrap its duties on Chilean fruit if Santiago opens its fish market.",
        "Peru would remove the 15% levy on Chilean wine provided that Chile buys more copper.",
        "Quito stands ready to exempt Peruvian rice from its tariffs.",
        # petitions and calls for a removal
        "A group of brewers is petitioning the trade board to lift duties on Belgian malt.",
        "Importers keep calling for action to eliminate the duties on Peruvian cotton.",
        "Exporters ask exemptions from Chilean tariffs on wool.",
        # an aim of a bill, not a decision
        "It would seek fair prices for farmers, seek to curb subsidies, and to eliminate tariffs on Peruvian grain.",
        # a measure other than a tariff removed, near a tariff word
        "Chile lifted its curbs on imports of Peruvian cars subject to a 10 percent duty.",
        "Peru lifted the ban on Chilean beef, which is hit by duties.",
        # a court, where the text does not say collection stops
        "The trade court ordered the removal of the duties on Peruvian steel.",
    ],
)
def test_no_lift_or_relief_from_an_offer_a_request_or_another_measure(sentence: str) -> None:
    facts = facts_of(sentence)
    assert not [f for f in facts if f.kind in {"lift", "relief", "pause"}], facts


@pytest.mark.parametrize(
    "sentence",
    [
        "In return, Lima waived its right to impose duties on Chilean copper.",
        "In exchange, Peru agreed to forgo the duties on Chilean salmon.",
        "Under the accord, Peru agreed to hold up imposing duties on Chilean wine.",
    ],
)
def test_giving_up_a_tariff_in_a_bargain_is_a_pause(sentence: str) -> None:
    pauses = only(facts_of(sentence), "pause")
    assert [(f.imposer, f.targets) for f in pauses] == [("PE", ("CL",))]


def test_frozen_goods_are_not_a_frozen_tariff() -> None:
    facts = facts_of("Peru's ruling on duties on frozen Chilean salmon is due on Friday.")
    assert not only(facts, "pause")


def test_a_lift_said_to_be_decided_is_still_a_lift() -> None:
    [fact] = only(facts_of("Peru said it would remove its tariffs on Chilean cars from July."), "lift")
    assert (fact.imposer, fact.targets, fact.sector) == ("PE", ("CL",), "autos")


def test_the_gatt_is_not_a_tariff() -> None:
    # The meeting may be talks; the name of the GATT is no tariff to pause, lift or narrow.
    facts = facts_of("Chile raised the waiver before a General Agreement on Tariffs and Trade council.")
    assert [f.kind for f in facts if f.kind in {"tariff", "pause", "lift", "relief"}] == []


def test_a_relief_naming_no_goods_narrows_the_goods_of_the_tariff_before_it() -> None:
    facts = facts_of("Lima put tariffs on Chilean aluminum and steel but offered relief to Bolivia.")
    assert sorted((f.sector or "", f.targets) for f in only(facts, "relief")) == [
        ("aluminum", ("BO",)),
        ("steel", ("BO",)),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Most fruit traded between Chile and Peru is duty-free thanks to their old trade pact.",
        "Peru said Chilean wine is tariff-free thanks to the old pact.",
        "Under the 1990 pact, Chilean copper can be shipped to Peru duty-free.",
        "Peru already has a zero-tariff arrangement with Chile for fish.",
        "Lima said Peru needs tariff-free access to Chilean markets.",
    ],
)
def test_goods_free_of_duty_as_trade_stands_are_no_lift(sentence: str) -> None:
    assert not only(facts_of(sentence), "lift")


@pytest.mark.parametrize(
    "sentence",
    [
        "Peru said Chilean wine will be tariff-free from next year.",
        "Peru said Chilean wine became tariff-free on Monday.",
        "Peru adopted a zero-tariff policy for Chilean medicines.",
        "Chilean wine can now enter Peru tariff-free.",
        # a need of the goods' buyers after the removal does not make it a wish
        "Peru will cut tariffs to zero on the Chilean machinery it needs.",
    ],
)
def test_goods_made_free_of_duty_are_a_lift(sentence: str) -> None:
    assert [f.imposer for f in only(facts_of(sentence), "lift")] == ["PE"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Lima officials dismissed any idea of delaying the 20% duties on Chilean wine.",
        "Officials said neither the hearings nor the talks with Chile will serve to delay Peru's tariffs.",
        "Neither Peru nor Chile has lifted its duties on the other's wine.",
    ],
)
def test_a_pause_or_lift_denied_is_none(sentence: str) -> None:
    assert not [f for f in facts_of(sentence) if f.kind in {"pause", "lift"}]


def test_a_surcharge_over_a_rate_of_interest_is_no_tariff() -> None:
    facts = facts_of("Peru's central bank removed a surcharge over its lombard rate on Monday.")
    assert not [f for f in facts if f.kind in {"tariff", "lift"}]
