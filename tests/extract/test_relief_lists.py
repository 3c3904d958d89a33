"""Goods excepted from a tariff in a list with commas are all spared, none of them taxed (x-relief2). All
sentences here are ours."""

from __future__ import annotations

from tests.extract.conftest import facts_of, only


def _by_kind(text: str, kind: str) -> list[tuple[str | None, float | None]]:
    return sorted(((f.sector, f.rate) for f in only(facts_of(text), kind)), key=str)


def test_every_item_of_an_excepted_list_with_commas_is_a_relief() -> None:
    text = "Peru set a 30 percent tariff on most Chilean goods, excluding copper, energy and wine."
    assert _by_kind(text, "relief") == [("agriculture", 30.0), ("copper", 30.0), ("energy", 30.0)]
    # The goods spared are not read as goods taxed.
    assert _by_kind(text, "tariff") == [(None, 30.0)]


def test_a_list_closed_by_or_after_a_comma_is_one_list() -> None:
    text = "Peru set a 30 percent tariff on Chilean goods except for copper, lumber, or energy from next month."
    assert _by_kind(text, "relief") == [("copper", 30.0), ("energy", 30.0), ("lumber", 30.0)]


def test_a_clause_after_the_excepted_goods_still_ends_the_list() -> None:
    text = "Peru set a 30 percent tariff on Chilean goods, excluding energy, which it buys from abroad."
    assert _by_kind(text, "relief") == [("energy", 30.0)]
