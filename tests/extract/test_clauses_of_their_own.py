"""One sentence, several statements: a contrast or a second subject after "and" is read with its own sides and
rate, and a relative clause's rate does not swallow the main clause's measure. All sentences here are ours."""

from __future__ import annotations

from tests.extract.conftest import facts_of, only


def _tariffs(text: str) -> set[tuple[str, tuple[str, ...], float | None]]:
    return {(f.imposer, f.targets, f.rate) for f in only(facts_of(text), "tariff")}


def test_a_contrast_without_a_comma_gives_each_side_its_own_rate() -> None:
    for joined in ("while", "whereas"):
        text = f"Peru raised tariffs on Chilean wine to 20% {joined} Chile cut its duties on Peruvian corn to 5%."
        assert _tariffs(text) == {("PE", ("CL",), 20.0), ("CL", ("PE",), 5.0)}, joined


def test_a_contrast_inside_what_onlookers_foresee_stays_foreseen() -> None:
    text = "Analysts see a bargain whereby Peru opens its market while Chile lifts its duties on Peruvian corn."
    assert only(facts_of(text), "lift") == []


def test_and_before_a_named_subject_and_its_modal_starts_a_statement() -> None:
    text = "Peru imposed a 20% tariff on Chilean wine and Chile would answer with 10% duties on Peruvian corn."
    assert _tariffs(text) == {("PE", ("CL",), 20.0), ("CL", ("PE",), 10.0)}
    # Two parties hit by one measure are still one list, not a second subject.
    assert _tariffs("Tariffs on Canada and Mexico will take effect in March.") == {("US", ("CA", "MX"), None)}


def test_a_rate_in_a_relative_clause_leaves_the_main_clause_its_own_measure() -> None:
    text = "Peru, which faces a 30% US tariff, said on Monday it would cut its own duties on American goods."
    assert _tariffs(text) == {("US", ("PE",), 30.0), ("PE", ("US",), None)}


def test_a_demand_in_the_main_clause_is_still_no_measure() -> None:
    text = "Peru, which faces a 30% US tariff, urged Washington to drop its duties on Peruvian copper."
    assert ("PE", ("US",), None) not in _tariffs(text)
