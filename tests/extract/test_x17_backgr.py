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
