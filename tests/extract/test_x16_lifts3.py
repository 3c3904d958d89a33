"""Lifts and reliefs read only where the text states one: a removal or exemption demanded, offered on a
condition, only possible, refused, or a cut to a rate above zero is none; stated ones still are. All sentences
here are ours."""

from __future__ import annotations

from tests.extract.conftest import facts_of


def _freed(text: str) -> list[tuple[str, str, str | None, float | None]]:
    return [(f.kind, f.imposer, f.sector, f.rate) for f in facts_of(text) if f.kind in {"lift", "relief"}]


def test_a_removal_pressed_for_or_insisted_on_is_a_demand() -> None:
    # Pressing or insisting asks for the measure; the mandative "that ... be removed" says what is wanted.
    for sentence in (
        "Farm groups are pushing for the removal of Chinese tariffs on American soybeans.",
        "Beijing insists that all US tariffs on Chinese goods be removed before any deal is signed.",
        "Unions insisted on the repeal of the tariffs on Canadian lumber.",
    ):
        assert _freed(sentence) == [], sentence


def test_a_that_clause_with_a_modal_or_a_tense_still_states_the_removal() -> None:
    # Only the bare "be" of the subjunctive is a wish; "will be", "had been" report the act.
    assert _freed("Officials said that the tariffs on Mexican steel will be removed next month.") == [
        ("lift", "US", "steel", None)
    ]
    assert _freed("China confirmed that tariffs on US soybeans had been removed.") == [
        ("lift", "CN", "agriculture", None)
    ]
