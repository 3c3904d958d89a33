"""A relief in a clause of its own after the tariff it narrows carries that tariff's rate, when the sentence states
one rate before it; none where it states several."""

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
