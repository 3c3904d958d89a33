"""The whole words a pattern's matches need, for each way through the pattern.

The gate (`monitor.extract.gate`) looks only at the word a match opens with,
and a list opening with a common word ("to zero", "would not impose") passes
it in almost every clause. A way through the pattern (one choice at each
alternation) often needs more whole words than its first: "would not impose"
needs all three. `Needs.of` lists, per way, the set of words every match
taking that way holds, each with a word boundary (or a space, a dash, the
start or end of the text) on both sides; a text whose words hold every word
of no way cannot match. Like the gate it is only a necessary condition: where
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
_MAX_WAYS = 48
_WORD_CHAR = re.compile(r"\w")
Item = tuple[Any, Any]


class _Unknown(Exception):
    """The pattern holds something whose ways cannot be listed."""


@dataclass(frozen=True)
class _Reading:
    """One way through the pattern, read so far: the whole words found, and the word being read (None when
    its start is not known to be a word's start, or an unknown character sits in it)."""

    found: frozenset[str]
    word: str | None


@dataclass(frozen=True)
class Needs:
    """For each way through a pattern, the (ASCII, lower-case) whole words a match taking it holds."""

    ways: tuple[frozenset[str], ...]

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
            ends = _read(list(parsed), [_Reading(frozenset(), None)])
        except (_Unknown, RecursionError, AttributeError):
            return None
        ways = {frozenset(w for w in r.found if w.isascii()) for r in ends}
        # A way that needs all the words of another adds nothing: the other lets through whatever it does.
        kept = tuple(sorted((w for w in ways if not any(o < w for o in ways)), key=sorted))
        if not kept or any(not w for w in kept) or len(kept) > _MAX_WAYS:
            return None
        return cls(ways=kept)


def _read(items: list[Item], readings: list[_Reading]) -> list[_Reading]:
    """The readings after `items`, from each of `readings`."""
    for index, (op, av) in enumerate(items):
        if op is sre.LITERAL:
            char = chr(av)
            readings = [_add(r, char) if _WORD_CHAR.match(char) else _separate(r) for r in readings]
        elif op is sre.AT:
            if av in (sre.AT_BOUNDARY, sre.AT_BEGINNING, sre.AT_BEGINNING_STRING):
                # A boundary: a word read up to here ends here, and what follows starts a word.
                readings = [_separate(r) for r in readings]
            elif av in (sre.AT_END, sre.AT_END_STRING):
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


def _add(reading: _Reading, char: str) -> _Reading:
    return reading if reading.word is None else _Reading(reading.found, reading.word + char)


def _separate(reading: _Reading) -> _Reading:
    """A character that is no word character (or a word boundary): the word being read is whole."""
    found = reading.found | {reading.word} if reading.word else reading.found
    return _Reading(found, "")


def _unknown(reading: _Reading) -> _Reading:
    return _Reading(reading.found, None)


def _check(readings: list[_Reading]) -> None:
    if len(readings) > _MAX_WAYS * 8:
        raise _Unknown
