"""Round 14 (pauses, lifts, reliefs): removals that are only wished for, imagined or of something else, and
the pauses and reliefs news names in plain words."""

from __future__ import annotations

import pytest

from tests.extract.conftest import facts_of, only


@pytest.mark.parametrize(
    "sentence",
    [
        # What ought to happen is an opinion or a demand; no tariff is removed.
        "The duties on Chilean wine need to be repealed to save the vineyards, the growers' lobby said.",
        "Peru should scrap its tariffs on Chilean copper, the senator wrote.",
        "Both sides must remove the same share of their levies at once, Lima's envoy stressed.",
        # The object of the verb is the firm's plan; the tariff is only its cause.
        "A Peruvian winery scrapped those plans entirely due to the new Chilean duties on wine.",
        # Goods going to a market are not going to become free of duty: a state of trade, no change.
        "Under the pact, all Peruvian exports going to Chile are duty-free.",
        # A cut imagined as a source of gains, and the participle of what an agreement would do.
        "Chile would still gain from lowering its tariffs to zero, whatever Peru does.",
        "The new accord would cover half of the region's trade, cutting or eliminating tariffs on most goods.",
    ],
)
def test_a_removal_wished_for_imagined_or_of_another_thing_is_no_lift(sentence: str) -> None:
    facts = facts_of(sentence)
    assert not only(facts, "lift"), facts


def test_a_move_summed_up_after_the_goods_is_not_one_of_them() -> None:
    # "a move that ..." is an apposition about the whole act, not goods of no sector lifted besides the metals.
    facts = facts_of(
        "Two weeks ago Peru lifted its duties on Chilean copper and wine, a move that eased tensions in the region."
    )
    assert sorted(str(f.sector) for f in only(facts, "lift")) == ["agriculture", "copper"]
