"""Is a measure on everyone, or on the countries named? The signs read from a clause's own words.

The contract gives a measure on every origin the targets `["*"]`, even in an article about one country. Three
signs are read here, each by general grammar rather than by one outlet's phrasing:

- a group of countries given by a number or a quantity, not by names ("14 countries", "several nations",
  "around 90 other economies"): too many to name, so the measure falls on everyone (`counted_groups`);
- parties named after such a group as its examples ("letters to 14 countries, including Myanmar"): the group
  is hit, not only the examples (`examples_of_group`);
- a tariff on goods whose clause names no origin and does not refer back to a measure ("25% on certain
  furniture", "a tariff on imported cars"): every origin pays it, not the country the article is about
  (`goods_without_origin`).

Who acts and who is hit is decided in `parties`, which asks these questions where it would otherwise guess.
"""

from __future__ import annotations

import re

from monitor.extract import vocabulary as vocab

_NUMBER_WORDS = frozenset(
    {"five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "twenty", "thirty", "forty", "fifty"}
    | {"sixty", "seventy", "eighty", "ninety", "hundred"}
)
# How far before its noun a group's quantity may start ("around 90 other trading partners").
_QUANTITY_REACH = 45


def counted_groups(sentence: str) -> list[tuple[int, int]]:
    """Where `sentence` names a group of countries by a number or a quantity instead of names: (start, end) of
    each, from its quantity to its noun ("14 countries", "several nations", "the 53 African countries")."""
    spans: list[tuple[int, int]] = []
    for noun in vocab.GROUP_NOUN.finditer(sentence):
        start = max(0, noun.start() - _QUANTITY_REACH)
        quantity = vocab.GROUP_QUANTITY_BEFORE.search(sentence, start, noun.start())
        if quantity is None:
            continue
        count, word = quantity.group("count"), quantity.group("word")
        if count is not None and int(count) < vocab.GROUP_MIN_COUNT:
            continue  # "3 countries" are most often the ones just named
        if word is not None and word.lower() not in _NUMBER_WORDS and not word.lower().endswith("teen"):
            continue
        spans.append((quantity.start(), noun.end()))
    return spans


def examples_of_group(clause: str, group_ends: list[int]) -> bool:
    """Whether the parties a clause names after a group of countries (ending at one of `group_ends`) are only
    examples of it ("dozens of partners, such as Korea", "14 countries, including Myanmar")."""
    return bool(vocab.EXAMPLES.search(clause)) or any(vocab.EXAMPLES_AFTER.match(clause[end:]) for end in group_ends)


def _after_tariff(clause: str, pattern: re.Pattern[str]) -> bool:
    """Whether `pattern` matches right after one of the clause's tariff words or rates."""
    anchors = [m.end() for m in vocab.TARIFF_WORD.finditer(clause)] + [m.end() for m in vocab.RATE.finditer(clause)]
    return any(pattern.match(clause[end : end + 60]) for end in anchors)


def imported_goods(clause: str) -> bool:
    """Whether a clause taxes goods it says come from abroad, from no origin in particular ("tariffs on imported
    cars", "a levy on all foreign steel"): every origin's goods, even where the article's last measure was on
    one country. (The parties named in the clause, if any, are the caller's to weigh.)"""
    return _after_tariff(clause, vocab.IMPORTED_GOODS_AFTER)


def goods_without_origin(clause: str) -> bool:
    """Whether a clause that names no party taxes goods it gives without an origin, right after a tariff word
    or a rate ("25% on certain furniture", "a new tariff on imported cars"), rather than referring back to a
    measure ("the tariffs take effect", "the duty on them")."""
    return _after_tariff(clause, vocab.GOODS_WITHOUT_ORIGIN_AFTER)


def own_schedule(clause: str) -> bool:
    """Whether a clause cuts a side's tariffs, or gives its tariff level, without naming whose goods: a
    schedule every origin pays ("reduced import tariffs on 1,700 items", "its overall tariff level")."""
    return bool(vocab.OWN_SCHEDULE.search(clause))


# Parties given as examples of the countries a measure is on, left unnamed ("from countries like Canada and Japan",
# "on allies such as Korea", "against, among others, the EU"): the words right before the first of them. (Those
# spared are named each: "relief to allies including Mexico".)
_EXAMPLES_OF_UNNAMED_BEFORE = re.compile(
    r"\b(?:from|on|against)(?:\s+(?:[\w-]+\s+){0,2}?(?:countries|nations|economies|allies|partners)\s*,?\s+"
    r"(?:like|such\s+as|including)|\s*,?\s*among\s+others\s*,?)\s+(?:the\s+)?$",
    re.I,
)


# Who feels a measure, said after it behind a comma ("..., a blow to Chile", "..., hitting Chilean growers
# hardest", "..., a measure that hurts Brazil"): its effect, not its scope.
_FELT_BY_BEFORE = re.compile(
    r",\s+(?:(?:a|an|the)\s+(?:\w+\s+)?(?:blow|setback|hit)\s+(?:to|for)|"
    r"(?:(?:a|an)\s+(?:move|measure|step|decision)\s+(?:that|which)\s+(?:will\s+|would\s+|could\s+)?)?"
    r"(?:hit|hits|hitting|hurt|hurts|hurting|affect|affects|affecting|harm|harms|harming)(?:\s+\w+ly)?)"
    r"\s+(?:the\s+)?$",
    re.I,
)


def examples_of_unnamed(clause: str, start: int) -> bool:
    """Whether the party named at `start` opens a list of examples of countries the clause leaves unnamed: the
    measure falls on all of them, everyone, not only on the examples. So does a side named only as the one
    that feels a tax on goods of no origin ("on imported wine, a blow to Chile")."""
    if _EXAMPLES_OF_UNNAMED_BEFORE.search(clause, max(0, start - 40), start):
        return True
    before = clause[:start]
    return bool(_FELT_BY_BEFORE.search(clause, max(0, start - 60), start)) and (
        imported_goods(before) or goods_without_origin(before)
    )
