"""Headlines read by their own grammar: a comma for "and" between two subjects or two predicates. All sentences
here are ours."""

from __future__ import annotations

from monitor.extract.clauses import split_clauses
from tests.extract.conftest import facts_of


def test_a_comma_before_a_second_verb_in_a_headline_opens_its_own_clause() -> None:
    headline = "Peru pauses 30% duty on Chilean wine, keeps 10% levy"
    assert split_clauses(headline) == ["Peru pauses 30% duty on Chilean wine", "keeps 10% levy"]
    facts = {(f.kind, f.imposer, f.targets, f.rate) for f in facts_of(headline)}
    assert ("tariff", "PE", ("CL",), 10.0) in facts
    assert ("pause", "PE", ("CL",), 30.0) in facts


def test_a_list_of_goods_or_a_sentence_with_a_stop_is_not_cut() -> None:
    assert split_clauses("Duties on cars, trucks, buses rise") == ["Duties on cars, trucks, buses rise"]
    sentence = "Peru pauses its duty on Chilean wine, keeps 10% levy."
    assert split_clauses(sentence) == [sentence]
