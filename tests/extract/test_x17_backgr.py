"""Tariffs stated in passing or as background: a side's measure named by its owner and goods beside the clause's
own measure. All sentences here are ours."""

from __future__ import annotations

from tests.extract.conftest import facts_of


def _tariffs(text: str) -> list[tuple[str, tuple[str, ...], str | None, str | None]]:
    return [(f.imposer, f.targets, f.sector, f.status) for f in facts_of(text) if f.kind == "tariff"]


def test_another_sides_measure_named_beside_the_clauses_own_is_stated_in_force() -> None:
    # The owner and the goods name a measure taken; the clause's own measure is read as before.
    assert _tariffs(
        "Japan is considering duties on American beef to make up for losses caused by the U.S. tariffs on "
        "Japanese cars."
    ) == [("JP", ("US",), "agriculture", "threatened"), ("US", ("JP",), "autos", "in_effect")]
    # A US metals tariff named with no origin is on everyone.
    assert ("US", ("*",), "copper", "in_effect") in _tariffs(
        "Peru announced it is considering higher tariffs on some American goods to balance the harm done by the "
        "US duties on copper."
    )


def test_a_measure_beside_with_no_owner_or_no_goods_is_not_stated() -> None:
    # With no owner, "the recent duties" refer back; goods named elsewhere in the clause are not its goods.
    for sentence in (
        "Peru announced it is considering higher tariffs on some American goods to balance the harm done by the "
        "recent duties.",
        "Peru announced it is considering higher tariffs on some American goods to balance the harm done by the "
        "duties on copper.",
    ):
        assert [t for t in _tariffs(sentence) if t[0] != "PE"] == [], sentence


def test_a_tariff_its_own_noun_phrase_states_as_placed_is_a_fact_inside_a_wish_or_demand() -> None:
    # The participle or relative clause of placing states the measure, whatever the clause asks of it.
    assert _tariffs("Senators are pressing for the removal of the steel tariffs that Washington imposed in 2018.") == [
        ("US", ("*",), "steel", "in_effect")
    ]
    assert _tariffs(
        "Unions urged Lima to press for an end to the copper duties that Chile imposed on Peru last year."
    ) == [("CL", ("PE",), "copper", "in_effect")]
    assert [
        (t[0], t[1], t[2])
        for t in _tariffs("Exporters hope to see the 20% duties imposed in March on Chilean wine removed soon.")
    ] == [("US", ("CL",), "agriculture")]


def test_a_tariff_in_a_wish_with_no_placing_phrase_or_no_side_named_stays_no_fact() -> None:
    # Without a participle of placing, or with no side named in the phrase, the wish governs the tariff.
    for sentence in (
        "Senators are pressing for the removal of the steel tariffs.",
        "Exporters hope to see the duties he imposed removed soon.",
        "Unions urged Lima to press for an end to the copper duties that Chile discussed with Peru last year.",
    ):
        assert _tariffs(sentence) == [], sentence


def test_a_plan_or_threat_a_condition_takes_as_made_is_a_threatened_tariff() -> None:
    # "goes ahead with plans to", "follows through on its threatened": the condition presupposes the threat.
    assert _tariffs("Exporters will suffer if Peru goes ahead with plans to impose duties on Chilean copper.") == [
        ("PE", ("CL",), "copper", "threatened")
    ]
    assert [
        (f.imposer, f.targets, f.sector, f.rate, f.status)
        for f in facts_of(
            "Prices will rise if Washington follows through on its threatened 30 percent tariff on Brazilian beef."
        )
        if f.kind == "tariff"
    ] == [("US", ("BR",), "agriculture", 30.0, "threatened")]


def test_a_plain_condition_still_states_no_tariff() -> None:
    # A tariff only imagined by the condition, or a measure gone ahead with that is no plan or threat.
    for sentence in (
        "Prices will rise if Washington imposes a 30 percent tariff on Brazilian beef.",
        "Exporters will suffer if Peru goes ahead with the duties on Chilean copper.",
        "Exporters will suffer if Peru goes ahead with plans to open talks with Chile on copper.",
    ):
        assert _tariffs(sentence) == [], sentence
