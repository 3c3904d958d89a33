"""Tariffs stated in ways the reader used to miss: a tranche named by the value of the goods it covers. All
sentences here are ours."""

from __future__ import annotations

from tests.extract.conftest import facts_of


def _tariffs(text: str) -> list[tuple[str, frozenset[str]]]:
    return [(f.imposer, frozenset(f.targets)) for f in facts_of(text) if f.kind == "tariff"]


def test_a_tariff_on_goods_counted_by_value_is_a_measure() -> None:
    # Goods counted by their value ("on $12 billion of ...") name a tranche: a measure taken, not the tax in
    # general, whatever verb the sentence uses.
    for sentence in (
        "Duties on $12 billion of Peruvian goods were the opening move of the dispute with Lima.",
        "The president has lined up another $12 billion in tariffs against more Peruvian goods.",
        "A $12 billion tariff on Peruvian goods was the opening move of Washington's dispute with Lima.",
    ):
        assert ("US", frozenset({"PE"})) in _tariffs(sentence), sentence


def test_money_paid_in_tariffs_is_no_measure() -> None:
    # Revenue is a statistic: "paid $12 billion in tariffs" names no tranche.
    assert _tariffs("Peruvian importers paid $12 billion in tariffs last year, the statistics office said.") == []
