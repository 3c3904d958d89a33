"""Pauses, lifts and reliefs only sought or denied by a noun, and the day a pause's length counts from when the
text names its start by a month alone."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.extract.conftest import facts_of, only


@pytest.mark.parametrize(
    "sentence",
    [
        "The Peruvian trade minister flew to Santiago in an effort to stop new tariffs on copper.",
        "Lima is trying to halt any further duties on its grapes.",
        "Peru sent two envoys to Chile in a bid to suspend the planned 30% levy.",
        "The minister made a last-ditch attempt to delay the 20% tariff on fishmeal.",
        "Peru is pushing to delay the 20% tariff on its fishmeal.",
    ],
)
def test_a_pause_only_sought_is_no_pause(sentence: str) -> None:
    facts = facts_of(sentence)
    assert not only(facts, "pause"), facts
    # The side seeking the pause is not taken for the side taxing.
    assert not [f for f in facts if f.imposer == "PE" and f.kind == "tariff"], facts


def test_the_tariff_a_pause_is_sought_of_is_read_when_its_owner_is_named() -> None:
    facts = facts_of("Lima is trying to stop new US tariffs on Peruvian fishmeal.")
    assert not only(facts, "pause")
    assert [(f.imposer, f.targets) for f in only(facts, "tariff")] == [("US", ("PE",))]


@pytest.mark.parametrize(
    "sentence",
    [
        "Bolivia sent its foreign minister to Lima in a bid to remove the 15% tariff on its gas.",
        "La Paz has been trying to get rid of the duties on its quinoa, aiming at eliminating them by next year.",
        "Bolivian exporters flew to Lima in an attempt to win an exemption from the 15% tariff on gas.",
        "La Paz is working to remove the 15% tariff on Bolivian gas.",
    ],
)
def test_a_lift_or_relief_only_sought_is_none(sentence: str) -> None:
    facts = facts_of(sentence)
    assert not only(facts, "lift") and not only(facts, "relief"), facts


def test_a_measure_taken_in_an_effort_to_ease_tensions_still_stands() -> None:
    facts = facts_of("In an effort to ease tensions, Peru lifted its 20% tariff on Chilean copper.")
    assert [(f.imposer, f.rate) for f in only(facts, "lift")] == [("PE", 20)]


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("There has been no removal of the 20% tariff on Chilean wine so far.", "lift"),
        ("Peru extended the talks without lifting its duties on Chilean copper.", "lift"),
        ("The 25% tariff on Chilean copper took effect on Monday without an exemption for Bolivia.", "relief"),
        ("Peru's 25% tariff on copper began on Monday with no exemptions for Bolivia.", "relief"),
    ],
)
def test_a_lift_or_relief_denied_by_no_or_without_is_none(sentence: str, kind: str) -> None:
    assert not only(facts_of(sentence), kind)


def test_a_pause_length_counts_from_the_month_it_starts() -> None:
    published = dt.date(2031, 6, 20)
    facts = facts_of("Peru agreed a 90-day pause from May on its tariffs on Chilean wine.", published)
    # From 1 May, not from the day of the news.
    assert [f.until for f in only(facts, "pause")] == [dt.date(2031, 7, 30)]


def test_a_month_named_may_is_no_modal_verb() -> None:
    facts = facts_of("Peru suspended its tariffs on Chilean wine from May.", dt.date(2031, 6, 20))
    assert [(f.imposer, f.targets) for f in only(facts, "pause")] == [("PE", ("CL",))]
    # The verb still makes a pause speculation.
    assert not only(facts_of("Peru may suspend its tariffs on Chilean wine."), "pause")


@pytest.mark.parametrize(
    ("sentence", "until"),
    [
        (
            "Peru extended the suspension of its duties on Chilean wine for 12 more months, starting in September.",
            dt.date(2032, 8, 31),  # a year of 365 days
        ),
        ("Peru suspended its tariffs on Chilean wine for six months, starting in early April.", dt.date(2031, 10, 6)),
        ("Peru suspended its tariffs on Chilean wine for 90 days, beginning in February.", dt.date(2031, 5, 2)),
    ],
)
def test_a_pause_length_counts_from_the_start_named_after_it(sentence: str, until: dt.date) -> None:
    facts = facts_of(sentence, dt.date(2031, 3, 2))
    assert [f.until for f in only(facts, "pause")] == [until]


def test_an_extension_counts_from_its_stated_start_not_the_old_end() -> None:
    text = (
        "Peru suspended its tariffs on Chilean wine until March 31. "
        "On Monday it extended the pause by six more months, starting in April."
    )
    facts = facts_of(text, dt.date(2031, 3, 12))
    assert [f.until for f in only(facts, "pause")][-1] == dt.date(2031, 9, 30)


def _sides(facts: list) -> set[tuple[str, tuple[str, ...]]]:
    return {(f.imposer, f.targets) for f in only(facts, "pause")}


@pytest.mark.parametrize(
    "sentence",
    [
        "Chile and Peru agreed not to impose new tariffs while their ministers negotiate.",
        "The Chilean and Peruvian presidents pledged to halt the imposition of new tariffs.",
    ],
)
def test_a_promise_of_no_new_tariffs_made_together_spares_each_side(sentence: str) -> None:
    assert _sides(facts_of(sentence)) == {("CL", ("PE",)), ("PE", ("CL",))}


def test_a_promise_of_no_new_tariffs_by_they_is_by_the_sides_the_article_spoke_of() -> None:
    text = "Peru raised its tariff on Chilean wine to 20% last month. They agreed on Sunday not to impose new duties."
    assert _sides(facts_of(text)) == {("PE", ("CL",)), ("CL", ("PE",))}


def test_a_promise_together_on_a_third_side_or_a_delay_of_set_tariffs_is_one_sides() -> None:
    # A side hit is named: no truce between the two.
    facts = facts_of("Chile and Peru agreed not to impose new tariffs on Bolivian gas.")
    assert ("PE", ("CL",)) not in _sides(facts) and ("CL", ("PE",)) not in _sides(facts)
    assert any(targets == ("BO",) for _imposer, targets in _sides(facts))
    # Tariffs already set, delayed: not a promise of no new ones.
    facts = facts_of("Peru and Chile agreed to delay Peru's 20% tariff on Chilean wine.")
    assert _sides(facts) == {("PE", ("CL",))}


def test_goods_made_duty_free_written_without_a_hyphen_are_a_lift() -> None:
    facts = facts_of("From next year, Peru's copper will enter Chile duty free under the new agreement.")
    assert [(f.imposer, f.targets) for f in only(facts, "lift")] == [("CL", ("PE",))]


def test_a_share_of_the_goods_made_duty_free_is_no_rate_removed() -> None:
    facts = facts_of("Once the pact takes effect, 95 percent of Peruvian goods will be duty-free in Chile.")
    assert [f.rate for f in only(facts, "lift")] == [None]
    assert not only(facts, "tariff")


@pytest.mark.parametrize(
    "sentence",
    [
        "The two trade agreements (TPAs) would gradually remove tariffs on Peruvian and Chilean goods.",
        "A plant in Peru would in theory lift Chilean carmakers' sales by eliminating the 20% tariff on their cars.",
    ],
)
def test_a_removal_only_foreseen_is_no_lift(sentence: str) -> None:
    facts = facts_of(sentence)
    assert not only(facts, "lift"), facts


def test_a_removal_announced_in_reported_speech_is_still_a_lift() -> None:
    facts = facts_of("Peru said it would remove its 20% tariff on Chilean wine.")
    assert [(f.imposer, f.rate) for f in only(facts, "lift")] == [("PE", 20)]
