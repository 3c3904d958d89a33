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
    ):
        assert ("US", frozenset({"PE"})) in _tariffs(sentence), sentence


def test_money_paid_in_tariffs_is_no_measure() -> None:
    # Revenue and cost are statistics, and what a tariff would do is its effect: none names a measure taken.
    for sentence in (
        "Peruvian importers paid $12 billion in tariffs last year, the statistics office said.",
        "Families will bear a $12 billion tariff bill on Peruvian goods.",
        "Tariffs on $12 billion of Peruvian goods would hurt farmers, the senator said.",
    ):
        assert _tariffs(sentence) == [], sentence


def _sides(text: str) -> set[tuple[str, frozenset[str]]]:
    return set(_tariffs(text))


def test_a_sides_own_tariffs_in_reply_are_that_sides() -> None:
    # "their own" points back to the subject of its clause, which acts (a group of countries beside it sets no
    # side); the side it answers, named before, is hit.
    for text in (
        "Trump raised tariffs on Bolivian goods. Then Bolivia and other nations retaliated with their own tariffs.",
        "The president's tariff fight with Bolivia may be working, but then Bolivia and other nations retaliated "
        "with their own tariffs.",
    ):
        assert ("BO", frozenset({"US"})) in _sides(text), text


def test_a_first_sides_measure_stays_beside_the_others_own() -> None:
    # Two replies in one clause: the first is its subject's, the one "of its own" the second subject's.
    text = (
        "The U.S. countered with tariffs on an extra $9 billion in Bolivian goods, and the Bolivian government "
        "countered with duties of its own on $9 billion in U.S. products."
    )
    sides = _sides(text)
    assert ("US", frozenset({"BO"})) in sides
    assert ("BO", frozenset({"US"})) in sides


def test_own_tariffs_of_a_group_named_by_a_side_set_no_side_acting() -> None:
    # "US trading partners" are the ones hitting back, not the US: with no partner named, no side acts.
    text = (
        "Washington raised its duties on Bolivian tin. Since then, US trading partners have hit back with duties "
        "of their own."
    )
    assert ("US", frozenset({"*"})) not in _sides(text)


def test_own_tariffs_a_side_bears_are_not_its_measure() -> None:
    # Only a side that answers or places the tariffs owns them: exporters who face "their own" tariffs abroad
    # are hit, and the market they sell to acts.
    text = "Trump raised tariffs on Peruvian goods. Peru's exporters now face their own tariffs in Chile."
    assert ("PE", frozenset({"CL"})) not in _sides(text)


def test_a_definite_tariff_said_to_be_being_imposed_is_stated() -> None:
    # "the duties ... were being imposed" says what the measure is, as "the duties ... were imposed" does: it is a
    # statement of its own, not a mere reference back to a measure already told.
    text = "Peru said Thursday the duties on Bolivia were being imposed because talks had stalled."
    assert ("PE", frozenset({"BO"})) in _sides(text)
