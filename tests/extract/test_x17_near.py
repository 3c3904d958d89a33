"""Round x17 (near): tariff facts found with one field wrong. All sentences here are ours."""

from __future__ import annotations

from tests.extract.conftest import facts_of


def _tariffs(text: str) -> set[tuple[str, tuple[str, ...], str | None, float | None]]:
    return {(f.imposer, f.targets, f.sector, f.rate) for f in facts_of(text) if f.kind == "tariff"}


def test_a_reply_does_not_take_the_goods_of_the_measure_it_answers() -> None:
    text = "Norway and Chile have responded to Peruvian taxes on copper and lumber with retaliatory tariffs."
    tariffs = _tariffs(text)
    assert ("NO", ("PE",), None, None) in tariffs
    assert not any(imposer in {"NO", "CL"} and sector is not None for imposer, _t, sector, _r in tariffs)


def test_a_reply_with_tariffs_of_its_own_after_retaliating_against_a_metals_tariff() -> None:
    text = "Norway retaliated against Peru's newly placed copper tariffs with tariffs of its own on Thursday."
    assert not any(imposer == "NO" and sector is not None for imposer, _t, sector, _r in _tariffs(text))


def test_goods_a_reply_names_after_with_stay_its_own() -> None:
    text = "Norway hit back at Peru on Friday, imposing tariffs on Peruvian copper."
    assert ("NO", ("PE",), "copper", None) in _tariffs(text)


def test_goods_named_before_the_tariff_without_a_reply_keep_their_sector() -> None:
    text = "Norway on Friday imposed new copper tariffs on Peru."
    assert ("NO", ("PE",), "copper", None) in _tariffs(text)


def test_metals_tariffs_on_both_of_two_named_sides_are_on_those_sides() -> None:
    text = "The president has imposed steel and aluminum tariffs on both Norway and Peru over their subsidies."
    tariffs = _tariffs(text)
    assert ("US", ("NO", "PE"), "steel", None) in tariffs
    assert ("US", ("NO", "PE"), "aluminum", None) in tariffs


def test_metals_tariffs_whose_sides_are_named_outside_their_object_stay_on_everyone() -> None:
    text = "The president has imposed steel and aluminum tariffs that hit both Norway and Peru hard."
    tariffs = _tariffs(text)
    assert ("US", ("*",), "steel", None) in tariffs
