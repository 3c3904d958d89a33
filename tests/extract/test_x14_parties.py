"""Who acts and who is hit, round 14. All sentences here are ours."""

from __future__ import annotations

from tests.extract.conftest import facts_of, only


def _sides(text: str, kind: str = "tariff") -> list[tuple[str, tuple[str, ...]]]:
    return [(f.imposer, f.targets) for f in only(facts_of(text), kind)]


def test_the_object_of_a_verb_of_striking_is_the_side_struck() -> None:
    # "slap X with tariffs": X is the verb's object, so it is struck, and the subject before it acts; a verb in
    # "-s" or "-ing" is as much a verb as one in "-ed".
    assert _sides("Washington slaps Peru with new tariffs") == [("US", ("PE",))]
    assert _sides("Now Canada is slapping Chile with tariffs on its wine.") == [("CA", ("CL",))]
    assert _sides("Japan is threatening Korea with 20% duties.") == [("JP", ("KR",))]


def test_the_administration_is_the_us_executive() -> None:
    # In US news "the administration" with no name before it is Washington's executive: its measure is the
    # US's even where another side acted in the sentences before.
    text = (
        "Peru raised tariffs on US cars in May.\n\nPeru also set duties on US soybeans.\n\n"
        "The administration previously imposed tariffs on steel and aluminum."
    )
    assert ("US", ("*",)) in _sides(text)
    assert ("PE", ("*",)) not in _sides(text) and ("PE", ("US",)) in _sides(text)
    assert all(f.imposer == "US" for f in facts_of(text) if f.sector in {"steel", "aluminum"})
