"""Lifts, pauses and reliefs that a sentence names without stating them: denied, only talked about, only
planned, ruled by a court, or sparing a rule that is not a tariff; and the day a paused measure was due to start,
which is not the day its pause ends."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.extract.conftest import facts_of, only


@pytest.mark.parametrize(
    "sentence",
    [
        "Peru has not lifted its 20% tariff on Chilean wine.",
        "Lima hasn't removed the 15 percent duty on Chilean copper.",
        "Peru is not removing the 20% levy on Chilean grapes.",
        "Peru declined to scrap its 25% tariff on Chilean steel.",
        "The 20% tariff on Chilean wine cannot be lifted before the election, Lima said.",
    ],
)
def test_a_lift_denied_right_before_its_verb_is_no_lift(sentence: str) -> None:
    facts = facts_of(sentence)
    assert not only(facts, "lift"), facts
    # The tariff itself still stands.
    assert [(f.imposer, f.targets) for f in only(facts, "tariff")] == [("PE", ("CL",))]


def test_not_only_lifted_is_still_a_lift() -> None:
    facts = facts_of("Peru not only lifted its 20% tariff on Chilean wine but also cut duties on Chilean cars.")
    assert [(f.imposer, f.rate) for f in only(facts, "lift")] == [("PE", 20)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Peru has not suspended its 20% tariff on Chilean wine.",
        "Lima declined to delay the 15 percent duty on Chilean copper.",
    ],
)
def test_a_pause_denied_is_no_pause(sentence: str) -> None:
    assert not only(facts_of(sentence), "pause")


@pytest.mark.parametrize(
    "sentence",
    [
        "Peru has not exempted Chilean grapes from its 20% tariff.",
        "Lima declined to exclude Chilean copper from the 15 percent duty.",
    ],
)
def test_a_relief_denied_is_no_relief(sentence: str) -> None:
    assert not only(facts_of(sentence), "relief")


@pytest.mark.parametrize(
    "sentence",
    [
        "Chile and Peru are negotiating the removal of the 20% tariffs on each other's wine.",
        "Talks on the lifting of Peru's 15% duty on Chilean copper resumed in Lima.",
        "The two ministers discussed a suspension of Peru's 20% tariff on Chilean wine.",
    ],
)
def test_a_removal_or_pause_talks_are_about_is_not_made(sentence: str) -> None:
    facts = facts_of(sentence)
    assert not [f for f in facts if f.kind in {"lift", "pause"}], facts


@pytest.mark.parametrize(
    "sentence",
    [
        "Peru dropped its plan to impose 30% tariffs on Chilean pork.",
        "Lima withdrew its threat of 25% duties on Chilean wine.",
    ],
)
def test_dropping_a_planned_tariff_lifts_nothing(sentence: str) -> None:
    facts = facts_of(sentence)
    assert not [f for f in facts if f.kind in {"lift", "tariff"}], facts


def test_a_court_suspending_a_tariff_is_a_ruling_not_a_pause() -> None:
    facts = facts_of("A Lima court suspended Peru's 25% tariffs on Chilean steel pending an appeal.")
    assert not only(facts, "pause"), facts


@pytest.mark.parametrize(
    "sentence",
    [
        "Peru delayed the increase of its tariff on Chilean wine to 25%, which was scheduled for April 1.",
        "Peru will refrain from raising its duty on Chilean copper to 25 percent as planned on April 1.",
    ],
)
def test_the_day_a_paused_measure_was_due_is_not_the_pause_end(sentence: str) -> None:
    pauses = only(facts_of(sentence), "pause")
    assert [(f.imposer, f.until) for f in pauses] == [("PE", None)]


def test_the_pause_end_named_after_the_original_day_is_read() -> None:
    pauses = only(
        facts_of("Peru postponed the 25% tariff on Chilean wine, originally planned for April 1, until May 15."),
        "pause",
    )
    assert [f.until for f in pauses] == [dt.date(2031, 5, 15)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Peru raised its tariff on Chilean wine to 30% but exempted Chilean diplomats from the new visa requirement.",
        "Peru imposed a 20% duty on Chilean steel. Chilean miners were exempted from the sanctions.",
        "Peru waived the 30-day notice requirement for its 20% tariff on Chilean grapes.",
        "Exporters can apply for a refund of the VAT paid on goods hit by Peru's 20% tariff.",
    ],
)
def test_sparing_a_rule_that_is_not_a_tariff_is_no_relief(sentence: str) -> None:
    assert not only(facts_of(sentence), "relief")


def test_sparing_goods_from_the_tariff_is_still_a_relief() -> None:
    reliefs = only(facts_of("Peru exempted Chilean copper from its 20% tariff."), "relief")
    assert [(f.imposer, f.targets, f.rate) for f in reliefs] == [("PE", ("CL",), 20)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Removing Peru's 20% tariff on Chilean wine would cut prices in Lima, an importer said.",
        "Lifting the 15 percent duty on Chilean copper is the only way forward, the minister said.",
        "Delaying Peru's 25% tariff on Chilean steel would hurt its credibility.",
        "Exempting Chilean grapes from Peru's 20% tariff could cost Lima $40 million.",
    ],
)
def test_a_removal_named_as_the_subject_of_its_clause_is_an_idea(sentence: str) -> None:
    facts = facts_of(sentence)
    assert not [f for f in facts if f.kind in {"lift", "pause", "relief"}], facts


def test_a_removal_set_off_by_a_comma_is_still_stated() -> None:
    facts = facts_of("Lifting its 20% tariff on Chilean wine, Peru said relations had improved.")
    assert [(f.imposer, f.rate) for f in only(facts, "lift")] == [("PE", 20)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Peru is weighing exemptions for Chilean grapes from its 20% tariff.",
        "Lima is mulling the removal of its 15 percent duty on Chilean copper.",
        "Peru's president hinted at a pause in the 25% tariffs on Chilean steel.",
    ],
)
def test_a_relief_lift_or_pause_weighed_is_a_proposal(sentence: str) -> None:
    facts = facts_of(sentence)
    assert not [f for f in facts if f.kind in {"lift", "pause", "relief"}], facts


def test_a_verb_of_removal_after_a_tariff_and_by_acts_on_something_else() -> None:
    facts = facts_of("A plant in Lima lets the firm avoid Peru's 20% tariff by removing the need to ship parts.")
    assert not only(facts, "lift"), facts


@pytest.mark.parametrize(
    "sentence",
    [
        "Peru's trade minister left Santiago on Friday after the free trade agreement was signed.",
        "The new pact between Chile and Peru leaves the 20% tariff on copper in place.",
        "The minister leaves for Lima next week to finalise the trade agreement with Peru.",
    ],
)
def test_leaving_something_other_than_the_agreement_is_no_withdrawal(sentence: str) -> None:
    assert not only(facts_of(sentence), "withdrawal")


@pytest.mark.parametrize(
    "sentence",
    [
        "Peru quit the Pacific trade pact with Chile in 2029.",
        "Peru announced its withdrawal from the free trade agreement with Chile.",
        "Chile has kept alive the trade pact Peru quit in 2029.",
        "Chile joined the Pacific pact, which Peru abandoned in 2029.",
    ],
)
def test_quitting_the_agreement_named_after_the_verb_is_a_withdrawal(sentence: str) -> None:
    assert [f.imposer for f in only(facts_of(sentence), "withdrawal")] == ["PE"]


def test_goods_that_will_see_reduced_tariffs_after_a_removal_are_cut_not_lifted() -> None:
    facts = facts_of(
        "Peru will scrap its export duties on fishmeal, and goods such as copper wire will see reduced export tariffs."
    )
    assert [f.sector for f in only(facts, "lift")] == [None]
    assert [f.sector for f in only(facts, "tariff")] == ["copper"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Peru announced cuts to the allowances for duty-free imports by travellers from Chile.",
        "Lima announced a cut in duty-free allowances for Chilean sugar.",
    ],
)
def test_duty_free_treatment_cut_back_is_no_lift(sentence: str) -> None:
    assert not only(facts_of(sentence), "lift")


def test_goods_that_will_enter_duty_free_are_still_a_lift() -> None:
    lifts = only(facts_of("Peru announced that Chilean wine will enter duty-free from next year."), "lift")
    assert [(f.imposer, f.targets) for f in lifts] == [("PE", ("CL",))]
