"""Is a measure on everyone (`*`) or on the countries named? All sentences here are ours."""

from __future__ import annotations

from monitor.extract.scope import counted_groups, goods_without_origin, imported_goods
from tests.extract.conftest import facts_of, only


def _tariffs(text: str) -> set[tuple[str, tuple[str, ...], float | None]]:
    return {(f.imposer, f.targets, f.rate) for f in only(facts_of(text), "tariff")}


def test_a_group_given_by_its_number_is_everyone_even_with_examples() -> None:
    text = (
        "Peru's copper exports held up in March.\n\n"
        "Washington said new tariffs would be imposed on 22 countries, including Peru and Chile, from August."
    )
    assert {t for _i, t, _r in _tariffs(text)} == {("*",)}


def test_a_quantity_of_nations_is_everyone() -> None:
    text = "Kenya's tea sales rose.\n\nWashington threatened new tariffs on several nations, such as Kenya, on Monday."
    assert {t for _i, t, _r in _tariffs(text)} == {("*",)}


def test_named_countries_without_a_group_stay_the_targets() -> None:
    text = "The White House mailed tariff letters to Peru and Chile on Tuesday, setting a 30% rate."
    assert _tariffs(text) == {("US", ("PE", "CL"), 30)}


def test_a_small_or_definite_count_is_not_a_group() -> None:
    assert counted_groups("The two countries agreed on tariffs.") == []
    assert counted_groups("Duties on 3 countries rose.") == []
    assert counted_groups("Letters went to 14 countries and several other nations.") != []
    spans = counted_groups("Tariffs hit around 90 other economies last week.")
    assert ["Tariffs hit around 90 other economies last week."[a:b] for a, b in spans] == ["90 other economies"]


def test_a_rate_for_most_countries_beside_a_named_exception_is_everyone_s() -> None:
    text = "The order sets a 12% rate for most countries and 45% for Laos."
    assert _tariffs(text) == {("US", ("*",), 12), ("US", ("LA",), 45)}


def test_goods_with_no_origin_in_a_bulleted_us_list_are_on_everyone() -> None:
    text = (
        "Britain's furniture makers asked for talks with Washington.\n\n"
        "The proclamation sets these rates:\n\n"
        "- 20% on certain garden chairs, rising to 35% on March 1, 2032\n"
    )
    found = _tariffs(text)
    assert ("US", ("*",), 20) in found
    assert not any(t == ("GB",) for _i, t, _r in found)


def test_tariffs_on_imported_goods_are_on_everyone_after_a_measure_on_one_country() -> None:
    text = (
        "Washington raised tariffs on Mexican tomatoes to 21% on Monday.\n\n"
        "The president also announced tariffs on imported bicycles and toys, due next month."
    )
    found = _tariffs(text)
    assert ("US", ("MX",), 21) in found
    assert ("US", ("*",), None) in found


def test_goods_referred_back_to_keep_the_article_s_partner() -> None:
    assert not goods_without_origin("The duties on them take effect on Friday.")
    assert not goods_without_origin("The tariffs will rise on March 1.")
    assert goods_without_origin("A 20% tariff on certain garden chairs.")
    assert imported_goods("He announced tariffs on imported bicycles.")
    assert not imported_goods("He announced tariffs on Mexican bicycles.")


def test_a_later_clause_carries_the_everyone_a_sector_tariff_was_given_not_the_guess() -> None:
    text = (
        "Trump weighs 60% tariff on copper\n\n"
        "Chile's copper exports to the US reached a record last year, and Chilean miners fear the move.\n\n"
        "A second step would follow in 2033, he said, taking the rate to 80 percent."
    )
    assert {("US", ("*",), 60), ("US", ("*",), 80)} <= _tariffs(text)
    assert not any("CL" in t for _i, t, _r in _tariffs(text))


def test_a_rate_renamed_as_the_baseline_is_everyone_s_though_one_country_pays_it() -> None:
    text = (
        "Peru currently pays 10% duties on most of its shipments to America, the baseline level Washington has set "
        "for many countries."
    )
    assert ("US", ("*",), 10) in _tariffs(text)
    assert not any(t == ("PE",) and r == 10 for _i, t, r in _tariffs(text))


def test_a_country_cutting_its_own_tariffs_with_no_origin_named_cuts_them_for_everyone() -> None:
    text = (
        "Bolivia's exports to the United States have grown for three years.\n\n"
        "Bolivia reduced import tariffs on some 900 goods, the finance ministry said."
    )
    assert ("BO", ("*",)) in {(i, t) for i, t, _r in _tariffs(text)}


def test_a_countrys_overall_tariff_level_is_everyones() -> None:
    text = (
        "Trade with the United States dominated the meeting in Lima.\n\n"
        "Peru's overall tariff level has fallen to 2 percent, the minister said."
    )
    assert ("PE", ("*",), 2) in _tariffs(text)
