"""Tariff facts a careful reader would not send an analyst: retaliation only talked about, and the like."""

from __future__ import annotations

import pytest

from tests.extract.conftest import facts_of, only


@pytest.mark.parametrize(
    "sentence",
    [
        # retaliation as a topic, not a side's act
        "Norway's trade minister said retaliation of that sort would leave both countries with fewer jobs.",
        "A Norwegian minister told a seminar that bilateral retaliation at the expense of everyone else was no way "
        "to settle disputes.",
        "He suggested Iceland might also be spared, a change that could soften the blow amid threats of retaliation "
        "by trading partners.",
        # speculation and denial
        "Officials in Washington dismissed reports that Norway might retaliate against American salmon buyers.",
        "Iceland will not retaliate against the American measures, its foreign minister said.",
    ],
)
def test_retaliation_talked_about_is_no_tariff(sentence: str) -> None:
    text = "The United States put a 20% tariff on goods from Norway and Iceland last week. " + sentence
    tariffs = only(facts_of(text), "tariff")
    assert all(f.imposer == "US" for f in tariffs)


@pytest.mark.parametrize(
    "sentence",
    [
        "Norway retaliated on Tuesday.",
        "Norway has vowed to retaliate.",
        "Norway threatened swift retaliation.",
        "Norway warned that it could retaliate.",
    ],
)
def test_retaliation_a_side_takes_or_threatens_is_its_tariff(sentence: str) -> None:
    text = "The United States put a 20% tariff on goods from Norway last week. " + sentence
    answers = [f for f in only(facts_of(text), "tariff") if f.imposer == "NO"]
    assert [f.targets for f in answers] == [("US",)]


@pytest.mark.parametrize(
    ("sentence", "imposer"),
    [
        ("Ottawa announced countermeasures last week in answer to a U.S. move to put new tariffs on steel.", "US"),
        ("Brazil protested against the EU plan to raise import duties on beef.", "EU"),
        (
            "Officials in Oslo warned on Monday that Norway would take necessary measures, a firm answer to the White "
            "House plan to unveil a set of tariffs on Norwegian goods.",
            "US",
        ),
    ],
)
def test_a_plan_named_after_its_side_is_that_sides_tariff(sentence: str, imposer: str) -> None:
    assert [f.imposer for f in only(facts_of(sentence), "tariff")] == [imposer]


@pytest.mark.parametrize(
    "sentence",
    [
        "Even as exports grew, critics argued that steeper import duties could lift prices for families.",
        "Shoe sellers said on Friday that one more sweeping tariff would push inflation up.",
        'The tariffs have handed farmers in Kansas a "hard season," one grower said.',
    ],
)
def test_what_tariffs_do_is_no_measure(sentence: str) -> None:
    assert only(facts_of(sentence), "tariff") == []


@pytest.mark.parametrize(
    ("sentence", "imposer"),
    [
        ("The tariffs slapped on by Washington would make tools built in America dearer abroad.", "US"),
        ("Ottawa imposed duties on US steel that will hurt American mills.", "CA"),
    ],
)
def test_a_placed_tariff_stays_a_measure_whatever_it_does(sentence: str, imposer: str) -> None:
    assert [f.imposer for f in only(facts_of(sentence), "tariff")] == [imposer]


def test_a_sides_overall_tariff_level_is_on_everyone_after_a_measure_on_one_country() -> None:
    text = (
        "The United States imposed tariffs on Chinese steel last month. Since joining the WTO, China has kept "
        "opening its market, having brought its overall tariff level down from 14.1 percent to 8.7 percent, an "
        "official said."
    )
    china = [f for f in only(facts_of(text), "tariff") if f.imposer == "CN"]
    assert [(f.targets, f.rate) for f in china] == [(("*",), 8.7)]


def test_a_duty_referred_back_keeps_the_side_it_hit() -> None:
    text = (
        "Ottawa placed a 10% duty on American corn in November, but reduced the duty to 8% last month because "
        "the subsidies were smaller than first thought."
    )
    assert {f.targets for f in only(facts_of(text), "tariff")} == {("US",)}


def test_a_sides_overall_tariff_rate_is_its_own_schedule_not_a_rate_it_is_charged() -> None:
    [fact] = only(
        facts_of("The new cuts will lower Chile's overall tariff rate from 9 percent to 6 percent."), "tariff"
    )
    assert (fact.imposer, fact.targets, fact.rate) == ("CL", ("*",), 6)


def test_slashed_tariffs_are_a_tariff_cut() -> None:
    [fact] = only(facts_of("Chile slashed its tariffs on 900 kinds of imported machinery."), "tariff")
    assert (fact.imposer, fact.targets) == ("CL", ("*",))


@pytest.mark.parametrize(
    "sentence",
    [
        "Shares of fishing firms fell as a rumor spread that Norway may impose tariffs on American feed.",
        '"There is no shred of truth to Norway imposing tariffs," a fund manager said.',
        '"There is no truth to talk of Norway imposing tariffs," an official said.',
    ],
)
def test_hearsay_and_its_denial_are_no_tariff(sentence: str) -> None:
    assert only(facts_of(sentence), "tariff") == []


@pytest.mark.parametrize(
    ("sentence", "rate"),
    [
        (
            "The letter set a tariff of 30 per cent on Norwegian goods from August 1, lower than "
            "the 39 per cent tariff announced in April.",
            30,
        ),
        (
            "Norway's tariff on fish only stands at 15 percent, far lower than an average rate of 39 percent across "
            "rich countries, he said.",
            15,
        ),
    ],
)
def test_a_rate_named_to_compare_with_is_no_tariff(sentence: str, rate: float) -> None:
    assert [f.rate for f in only(facts_of(sentence), "tariff")] == [rate]
