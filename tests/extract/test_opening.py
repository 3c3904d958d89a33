"""Patterns rewritten to open with a literal character (`opening.letter_first`) find exactly what they found:
the same matches, at the same places, with the same groups; and what cannot be rewritten is left alone."""

from __future__ import annotations

import re

import pytest

from monitor.extract.opening import letter_first

# Sentences of our own, lower-cased as the word lists see them: words at the start and end, inside longer
# words, after punctuation and digits, across line breaks, and beyond ASCII.
TEXTS = [
    "duty on steel was cut; the levies on wine stay, said the minister.",
    "antidumping duties, countervailing duties and a surtax of 5% were announced on friday.",
    "tariffs\ntariff talks resumed; non-tariff barriers and the tariff-free quota were discussed.",
    "the ministry would not impose the levy, and it will not levy duties on rice either.",
    "customs duties of 12% on café machines (from québec) took effect on 1 july.",
    "retaliation followed: countermeasures from ottawa hit 3 sectors, 27-nation bloc officials said.",
    "séduty xduty duty_free dutyfree 5duty _duty -duty 'duty’ “duty” duty.",
    "",
    "d",
    "duty",
]

PATTERNS = [
    r"\b(?:c(?:ustoms\s+duties)|d(?:uty|uties)|l(?:evy|evies)|s(?:urtax|urtaxes))\b",
    r"\b(?:(?:would|will)\s+not\s+(?:impose|levy)|tariff-free)\b",
    r"\b(?:tariff|duty)\s+(?:talks|quota)\b|\bnon-tariff\b",
    r"\b(?:retaliation|countermeasures)\b[^.;]{0,40}?\bfrom\s+\w+",
    r"\b(?:antidumping|countervailing)\s+duties(?=,|\s+and)",
    r"(?<![\w.])(?:27-nation\s+bloc|ottawa|québec)(?![\w]|\.\w)",
    r"\bsaid\b|\bannounced\b",
    r"\b(?:said|wine)\s*$|\bduty\.$",
]


@pytest.mark.parametrize("pattern", PATTERNS)
def test_a_rewritten_pattern_finds_what_the_plain_one_finds(pattern: str) -> None:
    rewritten = letter_first(pattern)
    assert rewritten is not None, pattern
    fast, plain = re.compile(rewritten), re.compile(pattern)
    for text in TEXTS:
        for start in range(0, len(text) + 1, 7):
            assert [(m.span(), m.group(0)) for m in fast.finditer(text, start)] == [
                (m.span(), m.group(0)) for m in plain.finditer(text, start)
            ], (pattern, text, start)
        assert fast.sub("#", text) == plain.sub("#", text)
        for end in range(len(text) + 1):
            found, expected = fast.search(text, 0, end), plain.search(text, 0, end)
            assert (found and found.span()) == (expected and expected.span()), (pattern, text, end)


@pytest.mark.parametrize(
    "pattern",
    [
        r"\b(\d+)\s?percent\b",  # a numbered group: copies of it would be numbered apart
        r"\b(?:rate|levy)\s+(?P<value>\d+)",  # a named group
        r"\b(?:a|b)\s+\1",  # a reference to a group
        r"\b(?:duty|levy)?\s+cut\b",  # the opening may be absent
        r"\b\w+ing\b",  # opens with any word character
        r"^\s*(?:and|or)\b",  # anchored: no search to speed up
        r"tariff|duty",  # opens with literal characters already
        r"\b(?:a|b|c|d|e|f|g|h|i|j|k|l)x\b",  # so many openings that most letters open a try
    ],
)
def test_what_cannot_be_rewritten_with_certainty_is_left_alone(pattern: str) -> None:
    assert letter_first(pattern) is None
