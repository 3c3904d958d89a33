"""One subject, two verbs: a second predicate joined by "and" is a statement of its own, read with the first
one's subject and its own verb, rate and goods. All sentences here are ours."""

from __future__ import annotations

from tests.extract.conftest import facts_of


def _read(text: str) -> set[tuple[str, str, tuple[str, ...], str | None, float | None]]:
    return {(f.kind, f.imposer, f.targets, f.sector, f.rate) for f in facts_of(text)}


def test_a_lift_and_a_raise_of_one_subject_keep_their_own_goods_and_rate() -> None:
    text = "Peru lifted its tariffs on Chilean wine and raised duties on Bolivian steel to 15%."
    assert _read(text) == {
        ("lift", "PE", ("CL",), "agriculture", None),
        ("tariff", "PE", ("BO",), "steel", 15.0),
    }


def test_a_second_past_tense_verb_after_a_comma_and_and() -> None:
    text = "Ecuador cut its tariff on Colombian sugar to 5%, and set a 12% duty on Peruvian steel."
    assert _read(text) == {
        ("tariff", "EC", ("CO",), "agriculture", 5.0),
        ("tariff", "EC", ("PE",), "steel", 12.0),
    }


def test_a_second_bare_verb_shares_the_modal_of_the_first() -> None:
    text = "Peru will impose a 10% tariff on Chilean wine and cut its duty on Bolivian steel to 5%."
    assert _read(text) == {
        ("tariff", "PE", ("CL",), "agriculture", 10.0),
        ("tariff", "PE", ("BO",), "steel", 5.0),
    }


def test_a_passive_second_predicate_is_read_with_the_tariff_it_is_said_of() -> None:
    # The first verb cuts the duty by a share (no rate, no removal); the second removes it.
    text = "Chile's duty on Peruvian copper has dropped by 25% and is to be scrapped within two years."
    assert _read(text) == {
        ("tariff", "CL", ("PE",), "copper", None),
        ("lift", "CL", ("PE",), "copper", None),
    }


def test_a_second_auxiliary_predicate_after_a_comma_is_read_with_the_subject() -> None:
    text = "Bolivia's levy on Chilean copper rose to 20% last year, and will be scrapped in March."
    assert _read(text) == {
        ("tariff", "BO", ("CL",), "copper", 20.0),
        ("lift", "BO", ("CL",), "copper", None),
    }


def test_goods_joined_by_and_are_not_a_second_predicate() -> None:
    # "and" between two participles of one measure, or between nouns, starts no statement.
    text = "The duties Peru imposed in April and raised in June on Chilean wine stand at 30%."
    assert ("tariff", "PE", ("CL",), "agriculture", 30.0) in _read(text)
    assert {f.kind for f in facts_of(text)} == {"tariff"}


def test_a_tariff_cut_by_half_is_a_measure_with_no_rate() -> None:
    assert _read("Korea's tariff on Chilean wine was cut by half.") == {("tariff", "KR", ("CL",), "agriculture", None)}
    assert _read("Korea's tariff on Chilean wine has been halved.") == {("tariff", "KR", ("CL",), "agriculture", None)}


def test_goods_in_a_relative_clause_stay_with_its_measure() -> None:
    text = "Peru, which faces a 30% US tariff, imposed duties on American corn."
    assert _read(text) == {
        ("tariff", "US", ("PE",), None, 30.0),
        ("tariff", "PE", ("US",), "agriculture", None),
    }
    text = "Peru, which faces a 30% US tariff on steel, imposed duties on American goods."
    assert _read(text) == {
        ("tariff", "US", ("PE",), "steel", 30.0),
        ("tariff", "PE", ("US",), None, None),
    }
