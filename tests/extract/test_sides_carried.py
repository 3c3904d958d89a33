"""Sides carried across sentences: a sentence naming no side takes them from the article's earlier ones.
All articles here are ours."""

from __future__ import annotations

from tests.extract.conftest import facts_of


def _parties(text: str, kind: str) -> set[tuple[str, tuple[str, ...], float | None]]:
    return {(f.imposer, f.targets, f.rate) for f in facts_of(text) if f.kind == kind}


def test_a_side_of_the_last_deal_cuts_its_duties_for_the_other_side() -> None:
    text = (
        "Norway and India signed a free trade agreement in Oslo on Thursday.\n\n"
        "Indian duties on salmon will drop from 30% to 5% over seven years.\n\n"
        "Tariffs on machinery will be brought down to 10%.\n\n"
        "Separately, the US tariff of 25% on Indian goods stays in force."
    )
    assert ("IN", ("NO",), 10) in _parties(text, "tariff")
    assert not any(f.imposer == "IN" and f.targets == ("US",) for f in facts_of(text))


def test_the_side_an_attribution_cites_acts_in_a_sentence_naming_no_actor() -> None:
    text = (
        "Washington raised its duties on Brazilian steel last week.\n\n"
        "Some 90 goods will face a 20% duty, while 12 will carry a 35% duty, "
        "according to a notice from Brazil's foreign trade chamber.\n\n"
        "The 35% duty will fall mostly on aircraft parts."
    )
    tariffs = _parties(text, "tariff")
    assert ("BR", ("US",), 20) in tariffs
    assert ("BR", ("US",), 35) in tariffs
    assert not any(f.imposer == "US" and f.rate in {20, 35} for f in facts_of(text))


def test_an_attribution_to_the_acting_side_changes_nothing() -> None:
    text = "Peru will charge 12% on Chilean wine from May, according to Peru's trade ministry."
    assert _parties(text, "tariff") == {("PE", ("CL",), 12)}


def test_the_side_an_opening_attribution_cites_acts_too() -> None:
    text = (
        "Washington raised its duties on Brazilian steel last week.\n\n"
        "According to Brazil's foreign trade chamber, some 90 American goods will face a 20% duty from June."
    )
    assert ("BR", ("US",), 20) in _parties(text, "tariff")
    assert not any(f.imposer == "US" and f.rate == 20 for f in facts_of(text))
