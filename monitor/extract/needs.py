"""The whole words a pattern's matches need, for each way through the pattern.

The gate (`monitor.extract.gate`) looks only at the word a match opens with,
and a list opening with a common word ("to zero", "would not impose") passes
it in almost every clause. A way through the pattern (one choice at each
alternation) often needs more whole words than its first: "would not impose"
needs all three. `Needs.of` lists, per way, the set of words every match
taking that way holds, each with a word boundary (or a space, a dash, the
start or end of the text) on both sides, and the pieces of words it holds
("negotiat" of "negotiat\\w*"); a text that lacks a word or piece of every
way cannot match. Like the gate it is only a necessary condition: where
a way cannot be read (a repeated word character, a class of letters), the
words around it are left out, which only lets more texts through.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from monitor.extract.gate import never_word

try:
    from re import _constants as sre  # type: ignore[attr-defined]
    from re import _parser as sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - another Python's internals
    sre = sre_parse = None

# Beyond this many ways the test would cost more than the search it spares: no needs are listed.
_MAX_WAYS = 16
# Beyond this many spellings of one word, the word is left out of the needs.
_MAX_SPELLINGS = 200
_WORD_CHAR = re.compile(r"\w")
Item = tuple[Any, Any]


class _Unknown(Exception):
    """The pattern holds something whose ways cannot be listed."""


Slot = frozenset[str]  # the spellings one whole word of a match may have: the text holds at least one
# Marks a spelling that is only the start of a word ("retaliat" of "retaliat\w*"): the text holds it somewhere.
PIECE = "*"


@dataclass(frozen=True)
class _Reading:
    """One way through the pattern, read so far: the whole words found (`found`, one slot each), and the
    spellings of the word being read (None when its start is not known to be a word's start, or an unknown
    character sits in it)."""

    found: tuple[Slot, ...]
    word: Slot | None


@dataclass(frozen=True)
class Needs:
    """For each way through a pattern, the whole words a match taking it holds: one of the (ASCII, lower-case)
    spellings of each slot."""

    ways: tuple[tuple[Slot, ...], ...]

    @classmethod
    def of(cls, pattern: str) -> Needs | None:
        """The needs of a (lower-case, case-sensitive) pattern; None when some way needs no word, or the ways
        are too many to test quickly."""
        if sre_parse is None:
            return None
        try:
            parsed = sre_parse.parse(pattern)
            if parsed.state.flags & re.IGNORECASE:
                return None
            # Without a boundary in front, a match may start inside a word: its first word is not whole.
            ends = _read(list(parsed), [_Reading((), None)])
        except (_Unknown, RecursionError, AttributeError):
            return None
        # A word with a spelling beyond ASCII is not needed: a text's words are listed in ASCII only.
        ways = {
            tuple(sorted({slot for slot in r.found if all(w.isascii() for w in slot)}, key=_rarest_first)) for r in ends
        }
        ways = _merged(ways)
        if not ways or any(not way for way in ways) or len(ways) > _MAX_WAYS:
            return None
        if all(len(way) == 1 for way in ways):
            return None  # one word per way: the gate on opening words already tells as much
        return cls(ways=tuple(sorted(ways, key=lambda way: [sorted(slot) for slot in way])))


def _merged(ways: set[tuple[Slot, ...]]) -> set[tuple[Slot, ...]]:
    """The same ways, fewer: two ways alike but for one word are one way with both spellings there
    ("trade war", "trade row": "trade" and one of "war", "row"); a way needing all another needs is dropped."""
    pending = {frozenset(way) for way in ways}
    merged = True
    while merged:
        merged = False
        for a in list(pending):
            for b in list(pending):
                if a is b or a not in pending or b not in pending or len(a) != len(b):
                    continue
                shared = a & b
                if len(shared) == len(a) - 1:
                    (only_a,) = a - shared
                    (only_b,) = b - shared
                    pending -= {a, b}
                    pending.add(shared | {only_a | only_b})
                    merged = True
    kept = {way for way in pending if not any(other < way for other in pending)}
    return {tuple(sorted(way, key=_rarest_first)) for way in kept}


def _rarest_first(slot: Slot) -> tuple[int, list[str]]:
    """Longer words are rarer ("tariffs" before "the"): a way is given up on at its first missing word."""
    return (-min(len(w) for w in slot), sorted(slot))


def _read(items: list[Item], readings: list[_Reading]) -> list[_Reading]:
    """The readings after `items`, from each of `readings`."""
    for index, (op, av) in enumerate(items):
        if op is sre.LITERAL:
            char = chr(av)
            readings = [_add(r, {char}) if _WORD_CHAR.match(char) else _separate(r) for r in readings]
        elif op is sre.AT:
            if av in (sre.AT_BOUNDARY, sre.AT_BEGINNING, sre.AT_BEGINNING_STRING, sre.AT_END, sre.AT_END_STRING):
                # A boundary: a word read up to here ends here, and what follows starts a word.
                readings = [_separate(r) for r in readings]
            else:
                readings = [_unknown(r) for r in readings]
        elif op in (sre.ASSERT, sre.ASSERT_NOT):
            continue  # a lookaround takes no character
        elif op is sre.SUBPATTERN:
            if av[1] & re.IGNORECASE:
                raise _Unknown
            return _read(list(av[3]) + items[index + 1 :], readings)
        elif op is sre.BRANCH:
            endings = _letters_only(av[1])
            if endings is not None:
                # Word endings ("t(?:ariff|ax)"): one word with several spellings, not several ways.
                readings = [_add(r, endings) for r in readings]
                continue
            rest = items[index + 1 :]
            out: list[_Reading] = []
            for alternative in av[1]:
                out.extend(_read(list(alternative) + rest, readings))
                _check(out)
            return out
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            low, high, body = av
            rest = items[index + 1 :]
            if low == high == 1:
                return _read(list(body) + rest, readings)
            if low == 0 and high == 1:
                optional = _letters_only([list(body)])
                if optional is not None:
                    readings = [_add(r, optional | {""}) for r in readings]  # "tariffs?"
                    continue
                out = _read(list(body) + rest, readings) + _read(rest, readings)
                _check(out)
                return out
            if low >= 1 and never_word(list(body)):
                readings = [_separate(r) for r in readings]  # "\s+": at least one space
            else:
                readings = [_unknown(r) for r in readings]
        elif op is sre.IN and never_word([(op, av)]):
            readings = [_separate(r) for r in readings]
        else:
            readings = [_unknown(r) for r in readings]
    return readings


def _letters_only(alternatives: list[Any]) -> set[str] | None:
    """The texts of alternatives made only of word characters (no space, class or group), else None."""
    texts: set[str] = set()
    for alternative in alternatives:
        chars = []
        for op, av in alternative:
            if op is not sre.LITERAL or not _WORD_CHAR.match(chr(av)):
                return None
            chars.append(chr(av))
        texts.add("".join(chars))
    return texts


def _add(reading: _Reading, endings: set[str]) -> _Reading:
    if reading.word is None:
        return reading
    spellings = frozenset(w + e for w in reading.word for e in endings)
    if len(spellings) > _MAX_SPELLINGS:
        return _Reading(reading.found, None)
    return _Reading(reading.found, spellings)


def _separate(reading: _Reading) -> _Reading:
    """A character that is no word character (or a word boundary): the word being read is whole."""
    word = reading.word
    found = (*reading.found, word) if word and "" not in word else reading.found
    return _Reading(found, frozenset({""}))


def _unknown(reading: _Reading) -> _Reading:
    """A character (or run) that cannot be listed: the letters read before it are still in the text."""
    word = reading.word
    if word and "" not in word:
        return _Reading((*reading.found, frozenset(PIECE + w for w in word)), None)
    return _Reading(reading.found, None)


def _check(readings: list[_Reading]) -> None:
    if len(readings) > _MAX_WAYS * 8:
        raise _Unknown
