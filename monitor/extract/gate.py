"""What a text must hold for a pattern to match in it: the words its matches can begin with.

A word list searched over a clause mostly finds nothing, and the regex engine
pays for every position of the clause to learn that. The words a match can
start with are read once from the compiled pattern (`Gate.of`); a text whose
words include none of them is then told apart with a set operation, without
running the regex. A gate is only ever a necessary condition: where it cannot
tell (a pattern opening with a digit class or a repeated group), it has none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

# Python's own regex parser: the pattern as the engine reads it, so no pattern syntax is guessed at. It is
# private to the standard library: a Python without it gives no pattern a gate, and every search runs.
try:
    from re import _constants as sre  # type: ignore[attr-defined]
    from re import _parser as sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - another Python's internals
    sre = sre_parse = None

# Beyond this many spellings a pattern's opening words are not worth listing: it gets no gate.
_MAX_SPELLINGS = 400
_WORD_CHAR = re.compile(r"\w")
# One element of a parsed pattern: (opcode, argument), as Python's regex parser gives it.
Item = tuple[Any, Any]
Spelling = tuple[str, bool]  # the text read so far, and whether it starts a word


class _Unknown(Exception):
    """The pattern opens with something the gate cannot list (it then has no gate)."""


@dataclass(frozen=True)
class Gate:
    """The openings of a pattern's matches: whole words (`exact`), word beginnings and other literal
    text (`within`: at least one occurs in the text whenever a match starts with it)."""

    exact: frozenset[str]
    within: tuple[str, ...]

    @classmethod
    def of(cls, pattern: str) -> Gate | None:
        """The gate of a (lower-case) pattern, or None when its openings cannot be listed."""
        if sre_parse is None:
            return None
        try:
            ends = _walk(list(sre_parse.parse(pattern)), [("", False)])
        except (_Unknown, RecursionError, AttributeError):
            return None
        exact: set[str] = set()
        within: set[str] = set()
        for text, state in ends:
            if state == _EXACT:
                exact.add(text)
            else:
                within.add(text)
        if "" in within:
            return None  # some match can open with nothing literal: no gate
        # A literal that holds another one is implied by it ("tariffs" by "tariff").
        kept = sorted({w for w in within if not any(o != w and o in w for o in within)})
        return cls(exact=frozenset(exact), within=tuple(kept))


# The states of a spelling being read: still inside its first word, or done.
_EXACT = "exact"  # the first word ended right there: the text holds this word
_WITHIN = "within"  # the text holds this literal somewhere (a word beginning, or text not at a word start)


def _walk(items: list[Item], partial: list[Spelling]) -> list[tuple[str, str]]:
    """The openings after reading `items`, from `partial` spellings (text so far, whether it starts a word)."""
    done: list[tuple[str, str]] = []
    for index, (op, av) in enumerate(items):
        rest = items[index + 1 :]
        if op is sre.LITERAL:
            char = chr(av)
            if _WORD_CHAR.match(char):
                partial = [(text + char, anchored) for text, anchored in partial]
            else:
                # A word ends (or the pattern opens with punctuation, kept as a literal to look for).
                for text, anchored in partial:
                    if text and anchored:
                        done.append((text, _EXACT))
                    else:
                        done.append((text or char, _WITHIN))
                return done
        elif op is sre.AT:
            started = any(text for text, _ in partial)
            if av in (sre.AT_BOUNDARY, sre.AT_BEGINNING, sre.AT_BEGINNING_STRING) and not started:
                partial = [(text, True) for text, _ in partial]  # what follows starts a word
                continue
            if av in (sre.AT_BOUNDARY, sre.AT_END, sre.AT_END_STRING) and started:
                return done + _close(partial)  # after a word character: the word ends here
            if av is sre.AT_NON_BOUNDARY and started:
                return done + _open(partial)  # the word goes on
            return done + _open(partial) if started else _unknown()
        elif op in (sre.ASSERT, sre.ASSERT_NOT):
            continue  # a lookaround consumes nothing: leaving it out only lets more texts through
        elif op is sre.SUBPATTERN:
            inner = list(av[3])
            return done + _walk(inner + rest, partial)
        elif op is sre.BRANCH:
            out: list[tuple[str, str]] = []
            for alternative in av[1]:
                out.extend(_walk(list(alternative) + rest, partial))
                _check(out)
            return done + out
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            low, high, repeated = av
            body: list[Item] = list(repeated)
            if high == 1 and low in (0, 1):
                out = _walk(body + rest, partial)
                if low == 0:
                    out += _walk(rest, partial)
                _check(out)
                return done + out
            if never_word(body):
                # Spaces or punctuation: once one is read, a word read so far has ended, and the next
                # word character starts a word.
                out = _after_break(rest, partial)
                if low == 0:
                    out += _walk(rest, partial)
                _check(out)
                return done + out
            # A repeated word character ("\w*", "[a-z]+"): the word goes on, unknown.
            return done + _open(partial)
        elif op is sre.IN:
            chars = _literal_chars(av)
            if chars is not None and all(_WORD_CHAR.match(c) for c in chars):
                out = []
                for c in chars:
                    out.extend(_walk(rest, [(text + c, anchored) for text, anchored in partial]))
                    _check(out)
                return done + out
            if never_word([(op, av)]):
                return done + _after_break(rest, partial)
            return done + _open(partial)
        elif op is sre.ANY:
            return done + _open(partial)
        else:
            return done + _open(partial)
    # The pattern ends inside a word: the text holds what was read, maybe as a word beginning.
    return done + _open(partial)


def _after_break(rest: list[Item], partial: list[Spelling]) -> list[tuple[str, str]]:
    """The openings once a character that is not a word character has been read."""
    started = [p for p in partial if p[0]]
    fresh: list[Spelling] = [(text, True) for text, _ in partial if not text]
    return _close(started) + (_walk(rest, fresh) if fresh else [])


def _close(partial: list[Spelling]) -> list[tuple[str, str]]:
    return [(text, _EXACT if anchored else _WITHIN) for text, anchored in partial]


def _open(partial: list[Spelling]) -> list[tuple[str, str]]:
    return [(text, _WITHIN) for text, _anchored in partial]


def _unknown() -> list[tuple[str, str]]:
    raise _Unknown


def _check(out: list[tuple[str, str]]) -> None:
    if len(out) > _MAX_SPELLINGS:
        raise _Unknown


def _literal_chars(av: Any) -> list[str] | None:
    chars: list[str] = []
    for op, value in av:
        if op is not sre.LITERAL:
            return None
        chars.append(chr(value))
    return chars


def never_word(items: list[Item]) -> bool:
    """Whether `items` can only match characters that are not word characters (spaces, punctuation)."""
    for op, av in items:
        if op is sre.LITERAL:
            if _WORD_CHAR.match(chr(av)):
                return False
        elif op is sre.IN:
            for kind, value in av:
                if kind is sre.LITERAL:
                    if _WORD_CHAR.match(chr(value)):
                        return False
                elif kind is sre.CATEGORY:
                    if value not in (sre.CATEGORY_SPACE, sre.CATEGORY_NOT_WORD):
                        return False
                else:
                    return False
        else:
            return False
    return True
