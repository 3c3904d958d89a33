"""Sentences that state no fact but read like one: aims and hopes, effects, comparisons, onlookers' forecasts.
All sentences here are ours."""

from __future__ import annotations

from tests.extract.conftest import facts_of


def _kinds(text: str) -> list[str]:
    return [f.kind for f in facts_of(text)]


def test_a_wish_governs_every_verb_it_coordinates() -> None:
    # The exemption is aimed at in a second infinitive, far from "aims to": still only aimed at.
    assert _kinds("Quito aims to bring down the levies set last spring and win exemptions for its cut roses.") == []
    wished = "Lima hopes to protect its copper miners from cheap imports and to remove the 20% duties on wine."
    assert _kinds(wished) == []


def test_a_finite_verb_after_a_wish_is_a_statement_of_its_own() -> None:
    read = facts_of("Peru imposed 20% duties on Chilean copper and wants to cut them later.")
    assert [(f.kind, f.imposer, f.rate) for f in read] == [("tariff", "PE", 20.0)]


def test_a_tariff_named_as_the_cause_of_a_harm_is_no_measure_stated() -> None:
    said = (
        "The minister said the troubles Peru faces, which were caused by the U.S. tariffs as well as a weak sol, "
        "were of Lima's own making."
    )
    assert _kinds(said) == []


def test_a_verb_of_placing_beside_the_harm_still_states_the_measure() -> None:
    read = facts_of("Kenyan flower growers have been badly hurt by the tariffs imposed on Kenya.")
    assert [(f.kind, f.imposer, f.targets) for f in read] == [("tariff", "US", ("KE",))]


def test_talks_named_as_a_speakers_role_are_not_the_point() -> None:
    led = "“We kept our quota,” said Ortiz, who led the negotiations with Chile on behalf of the Peruvian government."
    assert _kinds(led) == []
    delegate = "Ana Ruiz, Peru's delegate to the talks with Chile, said the mood had been calm."
    assert _kinds(delegate) == []


def test_talks_a_relative_clause_says_are_held_still_count() -> None:
    held = "Ortiz, who was in Santiago this week for talks with Chile, met the Chilean president on Friday."
    assert "negotiation" in _kinds(held)


def test_talks_intended_or_pressed_for_are_not_held() -> None:
    assert _kinds("Quito's minister stated his intention to hold more talks with Lima before the summit.") == []
    pushed = "Peru will keep pushing for the negotiation of fresh trade pacts with Chile."
    assert _kinds(pushed) == []


def test_what_onlookers_foresee_is_a_forecast_however_far_the_cue() -> None:
    foreseen = "Experts analyzed that Peru would probably answer by imposing high tariffs on Chilean wine and copper."
    assert _kinds(foreseen) == []
    accord = "The analysts see a bargain whereby Chile will open its market while Peru promises to lift its duties."
    assert _kinds(accord) == []


def test_onlookers_who_report_or_foresee_after_the_cue_leave_the_fact_stated() -> None:
    reported = "Analysts in Lima said on Monday that the Peruvian government had imposed 20% tariffs on Chilean wine."
    after = "Peru imposed 20% tariffs on Chilean wine on Monday, a move economists expect to raise prices."
    for text in (reported, after):
        assert [(f.kind, f.imposer, f.rate) for f in facts_of(text)] == [("tariff", "PE", 20.0)]
