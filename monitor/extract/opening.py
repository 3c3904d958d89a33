"""A pattern rewritten so that each of its alternatives opens with a literal character (`letter_first`).

CPython's regex engine skips, with one table look-up per character, every
position of the text whose character cannot open a match, but only for a
pattern whose every top-level alternative opens with a literal character. A
word list written `\\b(?:tariff|duty)` opens with a word boundary instead, so
the engine tests the boundary and then the whole alternation at every
character of the text: about twice as slow on a sentence. The rewrite moves
the boundary behind the letter it stands before, as the look-behind
`(?<!\\w.)` (the character before the letter is no word character, or there is
none: what `\\b` asks in front of a letter), and opens each alternative with
its letter, so the matches, their spans and groups are the same.

The rewrite is textual and gives up (None) on anything it does not read with
certainty: capturing groups, a group or letter followed by a quantifier, an
empty alternative, an alternative opening with a class, an escape or a
look-around. `tests/extract/test_gate.py` holds every word list to the plain
pattern's matches.
"""

from __future__ import annotations

import re

# The look-behind that stands for `\b` once the letter after the boundary has been read.
_BOUNDARY_BEHIND = r"(?<!\w.)"
_QUANTIFIERS = "?*+{"
# Characters that stand for themselves outside a class; and those that do after a backslash.
_LITERAL = frozenset(" %'’-,:;!\"&/<>=@#~_`“”‘") | frozenset("0123456789")
_ESCAPED = frozenset(" %'-,:;!\"&/<>=@#~_`.*+?()[]{}|^$\\")
# A rewrite that copies the text after a group into each of its alternatives may grow the pattern; past this
# many times its length it is not worth it.
_MAX_GROWTH = 4
# Past this many opening characters the engine finds an opening at most letters of a text and then tries the
# whole alternation there, which costs more than a boundary test at every position (measured on news text:
# up to 8 openings the rewrite is faster, twice to forty times for one or two; from 12 on it is slower).
_MAX_OPENINGS = 8


class _Unread(Exception):
    """The pattern holds something the rewrite does not read with certainty."""


def _class_end(pattern: str, start: int) -> int:
    """The index just after the character class opened by the `[` at `start`."""
    index = start + 1
    if pattern[index : index + 1] == "^":
        index += 1
    if pattern[index : index + 1] == "]":
        index += 1  # a "]" first in a class is a literal
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            index += 2
            continue
        if char == "[":
            raise _Unread(pattern)  # a nested set (a future syntax): not read
        if char == "]":
            return index + 1
        index += 1
    raise _Unread(pattern)


def _close(pattern: str, start: int) -> int:
    """The index of the `)` closing the group opened at `start`."""
    depth = 0
    index = start
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            index += 2
            continue
        if char == "[":
            index = _class_end(pattern, index)
            continue
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return index
        index += 1
    raise _Unread(pattern)


def _has_capture(pattern: str) -> bool:
    """Whether `pattern` holds a numbered or named group (or a reference to one)."""
    index = 0
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            if pattern[index + 1 : index + 2].isdigit():
                return True  # a back-reference
            index += 2
            continue
        if char == "[":
            index = _class_end(pattern, index)
            continue
        if char == "(" and (pattern[index + 1 : index + 2] != "?" or pattern[index + 2 : index + 3] in ("P", "(")):
            return True
        index += 1
    return False


def alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of `pattern` (empty ones kept); ValueError when it cannot be read."""
    try:
        return _alternatives(pattern)
    except _Unread as exc:
        raise ValueError(str(exc)) from exc


def _alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of `pattern` (empty ones kept)."""
    parts: list[str] = []
    last = 0
    index = 0
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            index += 2
            continue
        if char == "(":
            index = _close(pattern, index) + 1
            continue
        if char == "[":
            index = _class_end(pattern, index)
            continue
        if char == "|":
            parts.append(pattern[last:index])
            last = index + 1
        index += 1
    parts.append(pattern[last:])
    return parts


def _openings(alternative: str, behind: str, bounded: bool) -> list[tuple[str, str]]:
    """`alternative` as pieces (its opening character, the rest) whose alternation matches what it matches;
    `behind` is the look-behind that stood in front of it, now put after the opening character (`bounded`: it
    was a word boundary, which says that only in front of a word character)."""
    if not alternative:
        raise _Unread(alternative)
    first = alternative[0]
    if first.isalpha() or (first in _LITERAL and not bounded):
        if alternative[1:2] and alternative[1:2] in _QUANTIFIERS:
            raise _Unread(alternative)  # "s?": the character may be absent
        return [(first, behind + alternative[1:])]
    if alternative.startswith("(?:"):
        end = _close(alternative, 0)
        after = alternative[end + 1 :]
        if after[:1] and after[:1] in _QUANTIFIERS:
            raise _Unread(alternative)
        inner = _alternatives(alternative[3:end])
        return [(char, rest + after) for part in inner for char, rest in _openings(part, behind, bounded)]
    if first == "\\" and alternative[1:2] in _ESCAPED and not bounded:
        if alternative[2:3] and alternative[2:3] in _QUANTIFIERS:
            raise _Unread(alternative)
        return [(alternative[:2], behind + alternative[2:])]  # an escaped literal ("\\-", "\\ ")
    raise _Unread(alternative)  # a class, an escape, an anchor, a look-around


def _bucket(char: str, rests: list[str]) -> str:
    """The pieces opening with `char` as one alternative; a look-behind they all open with is tested once."""
    for behind in {rest[: rest.index(".)") + 2] for rest in rests if rest.startswith("(?<!") and ".)" in rest}:
        if all(rest.startswith(behind) for rest in rests):
            return f"{char}{behind}(?:{'|'.join(rest[len(behind) :] for rest in rests)})"
    return f"{char}(?:{'|'.join(rests)})"


# One look-behind of one character (a class or a literal) that a pattern or an alternative may open with.
_ONE_BEHIND = re.compile(r"\(\?<!(\[(?:[^\]\\\[]|\\.)+\]|\\[wds]|[^\\()\[\]|.?*+{])\)")


def letter_first(pattern: str) -> str | None:
    """`pattern` (lower case, as run on lower-cased text) with every alternative opening with a literal
    character, matching exactly what it matches; None when it cannot be rewritten so."""
    if _has_capture(pattern):
        return None  # groups are numbered by position: pieces copied or moved would renumber them
    try:
        pieces: list[tuple[str, str]] = []
        moved = False
        for alternative in _alternatives(pattern):
            one = _ONE_BEHIND.match(alternative)
            if alternative.startswith(r"\b"):
                pieces += _openings(alternative[2:], _BOUNDARY_BEHIND, True)
            elif one:
                pieces += _openings(alternative[one.end() :], f"(?<!{one.group(1)}.)", False)
            else:
                pieces += _openings(alternative, "", False)
                continue
            moved = True
    except _Unread:
        return None
    if not moved:
        return None  # every alternative opens with a literal already: the engine skips as it is
    # Pieces opening with the same character keep their order (the first that matches wins); pieces opening
    # with different characters never match at the same position, so their order does not matter.
    buckets: dict[str, list[str]] = {}
    for char, rest in pieces:
        buckets.setdefault(char, []).append(rest)
    if len(buckets) > _MAX_OPENINGS:
        return None
    rewritten = "|".join(_bucket(char, rests) for char, rests in buckets.items())
    return rewritten if len(rewritten) <= _MAX_GROWTH * len(pattern) + 200 else None
