"""The first look at a sentence: built from the word lists, it finds every word that can open a fact."""

from __future__ import annotations

import re

import pytest

from monitor.extract import vocabulary as vocab
from monitor.extract.matching import Cue, _split_alternatives, any_of, blind, words
from monitor.extract.prescan import OPENERS, may_state_fact
from tests.extract.conftest import facts_of, only

_NAMES = {id(value): name for name, value in vars(vocab).items() if isinstance(value, Cue)}


def _spelled(alternative: str) -> str | None:
    """A plain spelling of one alternative of a word list ("put\\s+off" -> "put off"), or None when it is
    more than a phrase with optional letters."""
    text = re.sub(r"\\s[+*?]?", " ", alternative)
    text = re.sub(r"\(\?:([^()|]*)\|[^()]*\)", r"\1", text)  # the first of a choice: "(?:its|their)" -> "its"
    text = re.sub(r"\[(\w)\w*\]", r"\1", text)  # "finali[sz]ed" -> "finalised"
    text = re.sub(r"(\w)\?", "", text)  # "tariffs?" -> "tariff"
    text = re.sub(r"\\w[*+]", "", text)
    text = text.replace("\\b", "").replace("\\", "")
    return None if re.search(r"[()\[\]{}?*+|^$]", text) else text


def _samples() -> list[tuple[str, str]]:
    samples = []
    for cue in OPENERS:
        for alternative in _split_alternatives(cue.source):
            spelled = _spelled(alternative)
            if spelled:
                samples.append((_NAMES.get(id(cue), "?"), spelled))
    return samples


def test_the_openers_are_the_vocabulary_lists_themselves() -> None:
    # Derived, not copied: a word added to one of these lists is looked for without touching the pre-scan.
    assert all(any(cue is value for value in vars(vocab).values()) for cue in OPENERS)
    names = {_NAMES[id(cue)] for cue in OPENERS}
    assert {"TARIFF_WORD", "RATE", "PAUSE", "RELIEF", "TALKS", "DEAL_VERB", "WITHDRAW"} <= names


@pytest.mark.parametrize(("cue", "word"), _samples())
def test_every_word_of_every_opening_list_is_found(cue: str, word: str) -> None:
    for sentence in (
        f"Officials in Lisbon said {word} 25% on Tuesday.",
        f"{word.capitalize()} was the word of the week in Nairobi.",
        f"As the minister put it: {word.upper()}!",
    ):
        if getattr(vocab, cue).search(sentence):
            assert may_state_fact(sentence), (cue, sentence)


def test_a_union_of_cues_matches_exactly_where_one_of_them_does() -> None:
    union = any_of((words(r"harbou?r|quay|dock(?:s|ed)?"), blind(r"(?<!\d\s)berth\b"), words(r"pier\s+\d+")))
    assert union.search("The ferry docked at the harbour.")
    assert union.search("A berth was free at dawn.")
    assert union.search("She waited at PIER 9.")
    assert not union.search("He quayside-walked to the dockyard.")  # whole words only
    assert not union.search("Gate 4 berth was taken.")  # the lookbehind of its own cue still holds
    assert not union.search("")


@pytest.mark.parametrize(
    "sentence",
    [
        "The finance minister held a round of meetings with business leaders in Accra on Monday.",
        "Officials from both capitals pulled together a dialogue on fisheries, a spokesperson said.",
        "The central bank's counterparts in Oslo made no comment on the exchange rate.",
    ],
)
def test_background_sentences_are_not_read_further_and_state_nothing(sentence: str) -> None:
    assert not may_state_fact(sentence)
    assert facts_of(sentence) == []


def test_a_fact_in_a_later_clause_is_still_read() -> None:
    sentence = (
        "The talks in Canberra ended without comment from either side, while Australia imposed a 12% duty "
        "on New Zealand kiwifruit on Friday."
    )
    tariffs = only(facts_of(sentence), "tariff")
    assert [(f.imposer, f.targets, f.rate) for f in tariffs] == [("AU", ("NZ",), 12)]
