"""A relief in a clause of its own after the tariff it narrows carries that tariff's rate, when the sentence states
one rate before it; none where it states several. A duty-free quota named with its goods is a relief too; an
exemption "on" several kinds of goods is one relief per kind."""

from __future__ import annotations

import pytest

from tests.extract.conftest import facts_of, only


@pytest.mark.parametrize(
    "sentence",
    [
        "Peru imposed a 30% tariff on most Chilean goods on Monday, but softened the blow by exempting copper from "
        "the duties.",
        "Peru slapped a 30 percent tariff on most Chilean goods on Monday but exempted Chilean copper from the new "
        "duties.",
    ],
)
def test_the_relief_carries_the_rate_stated_before_it(sentence: str) -> None:
    facts = facts_of(sentence)
    assert [(f.imposer, f.targets, f.sector, f.rate) for f in only(facts, "relief")] == [("PE", ("CL",), "copper", 30)]
    assert [f.rate for f in only(facts, "tariff")] == [30]


def test_several_rates_before_leave_the_relief_without_one() -> None:
    facts = facts_of(
        "Peru imposed a 30% tariff on Chilean steel and a 20% tariff on Chilean wine, but exempted copper from "
        "the duties."
    )
    assert [f.rate for f in only(facts, "relief")] == [None]


@pytest.mark.parametrize(
    "sentence",
    [
        "Under the pact, Peru will widen its duty-free wheat import quota for Chilean farmers.",
        "Peru granted Chile a larger duty-free country-specific quota for wine on Monday.",
    ],
)
def test_a_duty_free_quota_named_with_its_goods_is_a_relief(sentence: str) -> None:
    facts = facts_of(sentence)
    assert not only(facts, "lift"), facts
    assert [(f.imposer, f.targets, f.sector) for f in only(facts, "relief")] == [("PE", ("CL",), "agriculture")]


def test_an_exemption_on_two_kinds_of_goods_is_one_relief_each() -> None:
    facts = facts_of(
        "Peru imposed duties on imported metals last month. On Monday Lima gave Chile and Bolivia tariff "
        "exemptions on steel and aluminum until June 1."
    )
    assert sorted((f.imposer, f.targets, f.sector) for f in only(facts, "relief")) == [
        ("PE", ("CL", "BO"), "aluminum"),
        ("PE", ("CL", "BO"), "steel"),
    ]


def test_goods_spared_from_a_tariff_on_other_goods_are_the_only_ones() -> None:
    facts = facts_of("Peru exempted cars from the tariffs on steel.")
    assert [f.sector for f in only(facts, "relief")] == ["autos"]


def test_the_measure_named_back_as_sparing_firms_is_a_relief() -> None:
    facts = facts_of(
        "Peru will impose a 60 percent tariff on imported medicines from June 1. The measure will exempt drug makers "
        "that open factories in Peru, the president said."
    )
    assert [(f.imposer, f.targets, f.sector, f.rate) for f in only(facts, "relief")] == [
        ("PE", ("*",), "pharmaceuticals", 60)
    ]
