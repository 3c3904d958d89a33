"""Tariffs that answer other tariffs, and measures both sides take on each other: who acts and whom it hits.
All sentences here are ours."""

from __future__ import annotations

from tests.extract.conftest import facts_of


def _sides(text: str, kind: str = "tariff") -> list[tuple[str, list[str]]]:
    return sorted((f.imposer, sorted(f.targets)) for f in facts_of(text) if f.kind == kind)


def test_tariffs_on_each_others_goods_are_one_fact_per_side_even_when_the_pair_is_only_referred_to() -> None:
    # "each other's goods" names the pair as the sides acting and the sides hit, so the two facts stand though
    # the pair is named only as "the two governments" or "both parties".
    opening = "Peru imposed a 10% tariff on Chilean wine in March. "
    read = _sides(
        opening + "Since then the two governments have raised tariffs on billions of dollars of each other's goods."
    )
    assert ("CL", ["PE"]) in read
    read = _sides(opening + "Since then both parties have raised duties on $4 billion worth of each others' goods.")
    assert ("CL", ["PE"]) in read
    # Without the reciprocal, a measure of "the two governments" on goods of no one named is no fact.
    read = _sides(opening + "Since then the two governments have raised tariffs on billions of dollars of goods.")
    assert read == [("PE", ["CL"])]


def test_both_sides_after_talks_are_the_two_parties_to_the_talks() -> None:
    text = (
        "Peru and Chile held talks in Lima on Monday. Both sides have raised tariffs on each other's goods this year."
    )
    assert _sides(text) == [("CL", ["PE"]), ("PE", ["CL"])]
    # Two sides named in the clause are the pair, not those of the talks before.
    text = "Peru and Chile held talks in Lima on Monday. Peru and Korea have raised tariffs on each other's goods."
    assert _sides(text) == [("KR", ["PE"]), ("PE", ["KR"])]


def test_a_reply_by_the_side_last_hit_is_on_the_side_that_hit_it_not_a_guess() -> None:
    # The side answering is the one the last measure hit, and the side it answers is carried from that measure:
    # read as surely as a side named.
    text = "In May, Peru raised tariffs on Chilean wine, to which Chile responded firmly with tariff plans "
    text += "of equal weight."
    assert ("CL", ["PE"]) in _sides(text)
    assert ("CL", ["PE"]) in _sides(
        "Peru raised its tariffs on Chilean wine in May. Chile responded with duties of its own."
    )
    # A side the last measure did not hit answers nothing of it.
    assert _sides("Peru raised its tariffs on Chilean wine in May. Korea responded with duties of its own.") == [
        ("PE", ["CL"])
    ]


def _read(text: str) -> list[tuple[str, list[str], float | None]]:
    return sorted((f.imposer, sorted(f.targets), f.rate) for f in facts_of(text) if f.kind == "tariff")


def test_a_relative_clause_saying_the_measure_drew_a_reply_states_the_reply() -> None:
    # The reply is the answering side's, on the side that took the measure; the rate before stays the measure's.
    text = "Peru put a 20% duty on Chilean wine, which spurred counter-tariffs from Chile."
    assert _read(text) == [("CL", ["PE"], None), ("PE", ["CL"], 20.0)]
    text = "Peru put a 20% duty on $3 billion of Chilean goods, which forced Chile to retaliate in kind."
    assert _read(text) == [("CL", ["PE"], None), ("PE", ["CL"], 20.0)]
    # With no side named in it, the one side the measure hit answers.
    text = "Peru put 20% duties on $3 billion of Chilean goods that prompted retaliatory duties on Peruvian exports."
    assert ("CL", ["PE"], None) in _read(text)


def test_a_relative_clause_of_another_consequence_states_no_reply() -> None:
    assert _read("Peru put a 20% duty on Chilean wine, which spurred complaints from Chile.") == [("PE", ["CL"], 20.0)]
    text = "Peru put a 20% duty on $3 billion of Chilean goods, which prompted Chile to seek talks."
    assert _read(text) == [("PE", ["CL"], 20.0)]


def test_a_list_of_a_sides_goods_to_hit_is_a_tariff_threatened_on_that_side() -> None:
    text = "Peru answered on Monday, publishing a list of Chilean goods, like wine and copper, it would penalize."
    read = [(f.imposer, f.targets, f.sector, f.status) for f in facts_of(text) if f.kind == "tariff"]
    assert sorted(read) == [("PE", ("CL",), "agriculture", "threatened"), ("PE", ("CL",), "copper", "threatened")]
    text = "Peru replied with a list of 90 Chilean items worth $2 billion to hit with an import tax."
    assert _sides(text) == [("PE", ["CL"])]


def test_a_list_of_goods_not_to_be_hit_or_of_no_named_side_is_no_tariff() -> None:
    # A list of goods spared, or one that names no side whose goods they are, states no tariff.
    assert _sides("Peru published a list of Chilean goods that would be spared from any new charges.") == []
    assert _sides("Peru published a list of goods it would penalize.") == []
    # A list Peru is only urged to draw up is a demand.
    assert _sides("Farmers urged Peru to publish a list of Chilean goods it would penalize.") == []


def test_tit_for_tat_tariffs_of_a_pair_are_one_fact_per_side() -> None:
    opening = "Peru imposed a 10% tariff on Chilean wine in March. "
    read = _sides(opening + "Since then the two countries have slapped tit-for-tat tariffs on $4 billion of goods.")
    assert ("CL", ["PE"]) in read
    # Without the word, a measure of "the two countries" on goods of no one named states no side of its own.
    read = _sides(opening + "Since then the two countries have slapped new tariffs on $4 billion of goods.")
    assert ("CL", ["PE"]) not in read


def test_a_reply_in_kind_is_the_answering_sides_tariff_on_the_side_answered() -> None:
    opening = "Peru raised its tariffs on Chilean wine in May. "
    assert ("CL", ["PE"]) in _sides(opening + "Chile responded in kind.")
    assert ("CL", ["PE"]) in _sides(opening + "Chile answered with equivalent retaliatory measures.")


def test_a_reply_of_another_kind_or_one_denied_or_hedged_is_no_tariff() -> None:
    opening = "Peru raised its tariffs on Chilean wine in May. "
    for reply in (
        "Chile responded with a formal complaint.",
        "Chile did not respond in kind.",
        "Chile might respond in kind.",
    ):
        assert _sides(opening + reply) == [("PE", ["CL"])]
