"""Duty-free treatment told of in a relative clause after a comma says what a standing scheme does: no lift. A
government allowing it, or an act defined by "that allows", still lifts."""

from __future__ import annotations

import pytest

from tests.extract.conftest import facts_of, only


@pytest.mark.parametrize(
    "sentence",
    [
        "Chile uses the scheme more than anyone, which allows duty-free sales of as much as $2 billion a year "
        "from Chile into Peru.",
        "Bolivia gains most from the preference programme, which gives its textiles tariff-free access to Peru.",
    ],
)
def test_a_scheme_described_lifts_nothing(sentence: str) -> None:
    assert not only(facts_of(sentence), "lift")


@pytest.mark.parametrize(
    "sentence",
    [
        "Peru will allow duty-free imports of Chilean wheat from Monday.",
        "Peru passed a decree on Monday that allows duty-free imports of Chilean wheat.",
    ],
)
def test_an_act_allowing_duty_free_imports_still_lifts(sentence: str) -> None:
    assert [(f.imposer, f.targets) for f in only(facts_of(sentence), "lift")] == [("PE", ("CL",))]
