"""Tariff facts whose scope or rate is easy to misread: the US metals tariffs, and the like."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.extract.conftest import facts_of, only


@pytest.mark.parametrize(
    "sentence",
    [
        "Washington put a 25% tariff on steel from Vietnam and a 10% levy on aluminum from Vietnam last spring.",
        "The White House raised tariffs on Vietnamese imports of steel and aluminum to 50% this week.",
        "The US imposed tariffs on Korean steel and aluminum on Monday.",
        # no actor named, no rate: the metal's origin still says which measure it is
        "Shipyards in Ohio paid more after the new tariffs on imported Korean steel and aluminum.",
        # a basis that hits every origin
        "Washington set a safeguard tariff of 20% on steel from Vietnam.",
    ],
)
def test_us_metals_tariffs_are_on_everyone_whatever_origin_the_goods_have(sentence: str) -> None:
    tariffs = only(facts_of(sentence), "tariff")
    assert tariffs and {f.sector for f in tariffs} <= {"steel", "aluminum"}
    assert all(f.imposer == "US" and f.targets == ("*",) for f in tariffs)


@pytest.mark.parametrize(
    "sentence",
    [
        "The US Commerce Department set anti-dumping duties of 40% on steel pipe from Vietnam.",
        "Under Section 301 the US will raise its tariff on Vietnamese steel to 25%.",
        "The White House said it will restore steel tariffs on Chile and Peru from next week.",
        # one metal, no basis named: a measure on that origin as far as the sentence says
        "The United States will impose a 30 percent tariff on steel imported from Vietnam.",
    ],
)
def test_a_one_country_basis_or_a_side_taxed_by_name_keeps_the_metals_tariff_on_that_side(sentence: str) -> None:
    tariffs = only(facts_of(sentence), "tariff")
    assert tariffs and all(f.targets != ("*",) for f in tariffs)


@pytest.mark.parametrize(
    ("sentence", "rates"),
    [
        ("Washington will raise the tariff on Chilean wine from January 1 to 25%.", {25}),
        ("The duty on Chilean wine rises on Jan. 1 to 25 percent.", {25}),
        ("Peru said the tariff on Chilean wine would go up on March 3 to 20%.", {20}),
        ("Peru imposed a duty of 10 to 25 percent on Chilean wine.", {10, 25}),
    ],
)
def test_a_day_of_the_month_before_to_is_no_low_end_of_a_range(sentence: str, rates: set[float]) -> None:
    assert {f.rate for f in only(facts_of(sentence), "tariff")} == rates


@pytest.mark.parametrize(
    "sentence",
    [
        "Peru will keep its 25% duty on imported steel for 12 more months.",
        "Peru extended its 25% duty on imported steel for another year.",
    ],
)
def test_a_tariff_kept_for_a_length_of_time_ends_that_long_after(sentence: str, published: dt.date) -> None:
    (tariff,) = only(facts_of(sentence), "tariff")
    assert tariff.until is not None and abs((tariff.until - published).days - 365) <= 7


def test_a_tariff_kept_in_force_names_no_end_without_a_length() -> None:
    (tariff,) = only(facts_of("Peru will keep its 25% duty on imported steel for now."), "tariff")
    assert tariff.until is None


def test_a_package_of_cuts_on_counted_goods_is_not_a_repeat_of_the_overall_level() -> None:
    text = (
        "Chile's overall tariff level has fallen to 6.5 percent after several rounds of cuts. "
        "Since June 1, Chile has lowered tariffs on 1,240 items including glassware and toys."
    )
    tariffs = only(facts_of(text), "tariff")
    assert {(f.imposer, f.targets, f.rate) for f in tariffs} == {("CL", ("*",), 6.5), ("CL", ("*",), None)}


def test_a_bare_tariff_after_the_overall_level_is_still_the_same_statement() -> None:
    text = (
        "Chile's overall tariff level has fallen to 6.5 percent after several rounds of cuts. "
        "Chile has lowered its tariffs."
    )
    assert [f.rate for f in only(facts_of(text), "tariff")] == [6.5]


@pytest.mark.parametrize(
    ("sentence", "rate"),
    [
        ("Chile will cut taxes on imported cars to 15 percent.", 15),
        ("Chile announced a tax cut on imported wine to 8 percent on Monday.", 8),
    ],
)
def test_a_tax_on_goods_from_abroad_is_a_tariff(sentence: str, rate: float) -> None:
    assert [(f.imposer, f.rate) for f in only(facts_of(sentence), "tariff")] == [("CL", rate)]


def test_a_tax_on_sales_at_home_is_no_tariff() -> None:
    assert only(facts_of("Chile raised the sales tax on phones to 18 percent."), "tariff") == []
