"""Tariff sentences the reader used to leave unread (round 6): a threat that opens with its condition. Every
sentence here is our own."""

from __future__ import annotations

import pytest

from tests.extract.conftest import facts_of, only


@pytest.mark.parametrize(
    ("sentence", "imposer", "target", "rate"),
    [
        (
            "If Peru does not open its market by June, the US will raise the tariffs on Peruvian goods to 30 percent.",
            "US",
            "PE",
            30,
        ),
        (
            "After 60 days, if there is no progress, the U.S. will raise duties on Chilean goods to 40%, he said.",
            "US",
            "CL",
            40,
        ),
        ("Unless Bolivia drops its quotas, Peru will put a 20% tariff on Bolivian cement.", "PE", "BO", 20),
    ],
)
def test_a_threat_that_opens_with_its_condition_is_a_threatened_tariff(
    sentence: str, imposer: str, target: str, rate: float
) -> None:
    [fact] = only(facts_of(sentence), "tariff")
    assert (fact.imposer, fact.targets, fact.rate, fact.status) == (imposer, (target,), rate, "threatened")


@pytest.mark.parametrize(
    "sentence",
    [
        # The tariff is the condition, not what is threatened.
        "If the US imposes tariffs on Chilean wine, Chile will answer in kind.",
        # The main clause does not open with a side that acts: a rule only allows duties.
        "If Chile fails to comply, the pact lets new duties on Chilean goods be imposed.",
        # A removal under a condition is only offered.
        "If talks succeed, the US will lift its 25% tariff on Chilean copper.",
        # A demand governs the condition and the clause after it.
        "Chile urged the US, if it wants a deal, to drop its 25% tariff on copper.",
    ],
)
def test_a_condition_without_a_threat_after_it_states_no_tariff(sentence: str) -> None:
    assert [f for f in facts_of(sentence) if f.kind in {"tariff", "lift"}] == []


@pytest.mark.parametrize(
    ("sentence", "sector"),
    [
        ("Peru will open its market wider by lowering tariffs on imported cars, the minister said.", "autos"),
        ("Peru is cutting import tariffs on wine this spring.", "agriculture"),
        ("Peru said it was slashing duties on imported machinery.", "machinery"),
    ],
)
def test_every_form_of_a_verb_of_cutting_governs_its_tariff(sentence: str, sector: str) -> None:
    [fact] = only(facts_of(sentence), "tariff")
    assert (fact.imposer, fact.targets, fact.sector) == ("PE", ("*",), sector)


def test_a_cut_named_as_a_noun_states_no_tariff() -> None:
    assert only(facts_of("The lowering of tariffs is why exports to Peru rose so fast."), "tariff") == []


@pytest.mark.parametrize(
    ("sentence", "kind", "removed"),
    [
        (
            "Peru will suspend its 24 percent extra tariff on Chilean goods for a year but retain its 10 percent levy.",
            "pause",
            24,
        ),
        ("Peru has decided to lift an extra 20% tariff on Chilean goods while retaining a 5% levy.", "lift", 20),
    ],
)
def test_a_rate_retained_beside_a_pause_or_removal_stays_a_tariff(sentence: str, kind: str, removed: float) -> None:
    facts = facts_of(sentence)
    [measure] = only(facts, kind)
    [kept] = only(facts, "tariff")
    assert (measure.rate, kept.imposer, kept.targets) == (removed, "PE", ("CL",))
    assert kept.rate != removed


def test_the_low_end_of_a_range_is_a_rate_of_what_its_high_end_is() -> None:
    # The tariff word stands far before the low end; the high end has goods after it ("35% on each mill").
    sentence = (
        "The rates Peru applies to some Chilean steel products after its long review are set between 4% and 35% "
        "on each mill."
    )
    assert sorted(f.rate for f in only(facts_of(sentence), "tariff") if f.rate) == [4, 35]
