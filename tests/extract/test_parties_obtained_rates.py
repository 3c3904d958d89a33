"""Who pays a rate another side obtained ("the rates won by Korea"), and lists of parties with a note in brackets
after one of them. All sentences here are ours."""

from __future__ import annotations

from tests.extract.conftest import facts_of, only


def _sides(text: str) -> list[tuple[str, tuple[str, ...], float | None]]:
    return [(f.imposer, f.targets, f.rate) for f in only(facts_of(text), "tariff")]


def test_the_agent_of_an_obtained_rate_is_hit_not_imposing() -> None:
    # No side acting is named: the sides that won lower rates are not it.
    text = "The 25% levy on Ecuador is well above the rates won by Peru and Chile."
    [(imposer, targets, rate)] = _sides(text)
    assert imposer == "US"
    assert rate == 25
    assert "EC" in targets


def test_parties_listed_past_a_bracketed_rate_share_the_role_of_the_first() -> None:
    text = "Bolivia was hit by a 30% levy, far above the rates secured by Peru (10%), Chile, and the EU."
    sides = _sides(text)
    assert {imposer for imposer, _targets, _rate in sides} == {"US"}
    [(_imposer, targets, _rate)] = [s for s in sides if s[2] == 30]
    assert "BO" in targets


def test_a_party_before_a_verb_of_placing_in_ing_acts_even_after_of() -> None:
    text = (
        "Peru raised its duties on Chilean wine. "
        "The step comes on the heels of Bolivia last week imposing its own tariffs of 20 percent on Chilean fruit."
    )
    assert ("BO", ("CL",), 20) in _sides(text)


def test_a_sector_given_as_an_example_of_named_goods_keeps_their_origin() -> None:
    text = (
        "Under the new accord, Washington will hold its duties on Peruvian imports at no more than 15% on most "
        "goods, including cars."
    )
    assert ("US", ("PE",), 15) in _sides(text)
    # Goods from no origin in particular stay on everyone.
    assert _sides("The US will charge 25% on all imported goods, including cars.") == [("US", ("*",), 25)]


def test_the_side_told_of_a_measure_is_hit_by_it() -> None:
    assert _sides("He added that Peru would notify Chile of new tariffs within the next week.") == [
        ("PE", ("CL",), None)
    ]
