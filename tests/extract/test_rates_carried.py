"""A rate stated in a sentence that names no side: it takes the sides of the article's current measure, and the
goods it refers back to are only those that measure could be on. All articles here are ours."""

from __future__ import annotations

from tests.extract.conftest import facts_of


def _tariffs(text: str) -> set[tuple[str, tuple[str, ...], str | None, float | None]]:
    return {(f.imposer, f.targets, f.sector, f.rate) for f in facts_of(text) if f.kind == "tariff"}


def test_an_answer_with_no_goods_of_its_own_is_not_on_the_goods_of_the_measure_it_answers() -> None:
    text = (
        "The US put new tariffs on Norwegian steel and aluminum in March.\n\n"
        "Norway answered on Tuesday with duties on American goods.\n\n"
        "Oslo had asked Washington to spare its steel and aluminum, which make up a small share of US purchases.\n\n"
        "The counter duties range from 15% to 45%."
    )
    tariffs = _tariffs(text)
    assert ("NO", ("US",), None, 15) in tariffs
    assert ("NO", ("US",), None, 45) in tariffs
    assert not any(imposer == "NO" and sector in {"steel", "aluminum"} for imposer, _t, sector, _r in tariffs)


def test_goods_the_same_side_taxed_before_are_still_referred_back_to() -> None:
    text = (
        "Peru set anti-dumping duties on Bolivian steel wire in March.\n\n"
        "A final duty of 14 pct was confirmed on Friday."
    )
    assert ("PE", ("BO",), "steel", 14) in _tariffs(text)


def test_a_reciprocal_rate_covers_all_goods_not_those_named_before() -> None:
    text = (
        "A garment factory in Lesotho that sews jeans for American brands has cut its shifts since Washington put "
        "tariffs on the country.\n\n"
        'The mountain kingdom has faced "reciprocal" duties of 50% since April.'
    )
    rated = [f for f in facts_of(text) if f.kind == "tariff" and f.rate == 50]
    assert rated
    assert all(f.imposer == "US" and f.sector is None for f in rated)


def test_a_measure_moved_from_one_day_to_a_later_one_is_paused() -> None:
    text = (
        "The United States raised tariffs on Chinese goods last month.\n\n"
        "The White House said it would move the higher duties on $20 billion of Chinese goods from April 3 to "
        "April 24 as a goodwill gesture."
    )
    pauses = [f for f in facts_of(text) if f.kind == "pause"]
    assert any(f.imposer == "US" and f.targets == ("CN",) and str(f.until) == "2031-04-24" for f in pauses)
