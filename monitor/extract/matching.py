"""Case-blind word-list patterns run on lower-cased text (`Cue`), and the helpers that build them.

Every pattern is a flat alternation of words: no nested repetition, so each
runs in time linear in the sentence.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import lru_cache
from typing import Any

from monitor.extract.gate import Gate
from monitor.extract.needs import PIECE, Needs
from monitor.extract.opening import alternatives, letter_first


def _split_alternatives(pattern: str) -> list[str]:
    parts: list[str] = []
    depth = 0
    current: list[str] = []
    escaped = False
    for char in pattern:
        if escaped:
            current.append(char)
            escaped = False
            continue
        if char == "\\":
            escaped = True
        elif char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append("".join(current))
            current = []
            continue
        current.append(char)
    parts.append("".join(current))
    return [p for p in parts if p]


def bucketed(pattern: str) -> str:
    """The alternation `pattern` regrouped by first letter, so each position is tried once, not once per word."""
    buckets: dict[str, list[str]] = {}
    other: list[str] = []
    for alternative in _split_alternatives(pattern):
        first = alternative[0].lower()
        if first.isalpha() and (len(alternative) == 1 or alternative[1] not in "?*+{"):
            buckets.setdefault(first, []).append(alternative[1:])
        else:
            other.append(alternative)
    groups = [f"{letter}(?:{'|'.join(rests)})" for letter, rests in sorted(buckets.items())]
    return "|".join(other + groups)  # multi-word alternatives first: "auto parts" before "auto"


def lower_pattern(pattern: str) -> str:
    """`pattern` in lower case, leaving escapes such as \\S or \\W as they are."""
    out: list[str] = []
    escaped = False
    for char in pattern:
        out.append(char if escaped else char.lower())
        escaped = not escaped and char == "\\"
    return "".join(out)


# Texts longer than this are searched through their words (`_words_of`) and lower-cased once (`_lowered_long`):
# on a shorter one the regex is about as cheap as listing its words.
_GATED = 25


def lowered(text: str) -> str | None:
    """`text` in lower case when that keeps every offset (almost always), else None."""
    if len(text) > _GATED:
        return _lowered_long(text)
    low = text.lower()
    return low if len(low) == len(text) else None


# How many long texts keep their lower case and words: a clause's must outlive the short windows cut from it
# (a few dozen per clause, each looked up once or twice) while its cues are searched.
_KEPT = 512


@lru_cache(maxsize=_KEPT)
def _lowered_long(text: str) -> str | None:
    # A clause is searched by a few dozen cues in turn: lower-case it once.
    low = text.lower()
    return low if len(low) == len(text) else None


# Every byte that is not an ASCII word character (letter, digit, underscore) becomes a space.
_NOT_WORD = bytes(c if c < 128 and (chr(c).isalnum() or c == 95) else 32 for c in range(256))


def _words_of(low: str) -> frozenset[bytes]:
    # A clause's ASCII words, found once for the few dozen cues searched over it (`_read_long` keeps them): split
    # as UTF-8 bytes at every byte that is not an ASCII word character, five times faster than a regex. Every word
    # of `\w+` made only of ASCII is listed whole (whatever ends it, ASCII or not); a word with other letters
    # ("café") comes out in pieces ("caf"), which only lets a search run that could have been spared. Gates
    # therefore list ASCII words only.
    return frozenset(low.encode("utf-8").translate(_NOT_WORD).split())


@lru_cache(maxsize=_KEPT)
def _read_long(text: str) -> tuple[str, frozenset[bytes]] | None:
    # A long text's lower case and words in one look-up: `Cue.search` asks for both, tens of thousands of times.
    # (Lower-cased here, not through `_lowered_long`: most of these texts are short windows searched once or twice,
    # and a second cache entry for each costs more than lower-casing again the few that are matched later.)
    low = text.lower()
    return None if len(low) != len(text) else (low, _words_of(low))


def _holds_any(text: str, parts: tuple[str, ...]) -> bool:
    """Whether `text` holds any of `parts` (a plain loop: a generator costs more than the tests it runs)."""
    for part in parts:  # noqa: SIM110 (see the docstring)
        if part in text:
            return True
    return False


# One word a way through a pattern needs: its whole-word spellings (as in `_words_of`) and its pieces.
NeededWord = tuple[frozenset[bytes], tuple[str, ...]]


def _split_slot(slot: frozenset[str]) -> NeededWord:
    whole = frozenset(w.encode("ascii") for w in slot if not w.startswith(PIECE))
    pieces = tuple(sorted(w[len(PIECE) :] for w in slot if w.startswith(PIECE)))
    return whole, pieces


# Words nearly every clause holds: a needed word spelt as one of these is almost never missing.
_COMMON = frozenset(
    b"a an and are as at be by for from had has have her his in is it its of on or that the their to was "
    b"were will with".split()
)


def _rare_first(way: tuple[NeededWord, ...]) -> tuple[NeededWord, ...]:
    """The needed words of one way, those a clause most often lacks first: the test of a way stops at the first
    word missing, so a common word ("the", "to") is looked for only when the rarer ones are there."""
    return tuple(sorted(way, key=lambda slot: not slot[0].isdisjoint(_COMMON)))


# One way through a pattern: the words it needs that have one spelling and no pieces, all tested in one subset
# test, and the others (several spellings, or pieces), rarest first.
Way = tuple[frozenset[bytes], tuple[NeededWord, ...]]


def _way(slots: tuple[NeededWord, ...]) -> Way:
    single = frozenset(next(iter(whole)) for whole, pieces in slots if len(whole) == 1 and not pieces)
    others = tuple(slot for slot in slots if not (len(slot[0]) == 1 and not slot[1]))
    return single, _rare_first(others)


def _lacks_needs(needs: tuple[Way, ...], words: frozenset[bytes], low: str) -> bool:
    """Whether every way through a pattern needs a word that the text (`low`, its `words`) lacks."""
    for single, others in needs:
        if not single <= words:
            continue  # a word of one spelling is missing
        for whole, pieces in others:
            if whole.isdisjoint(words) and not (pieces and _holds_any(low, pieces)):
                break
        else:
            return False  # every word this way needs is there
    return True


def _telling_words(needs: tuple[Way, ...]) -> frozenset[bytes] | None:
    """One word a clause most often lacks from each way (every spelling of it), when each way has a word without
    pieces: a text holding none of them lacks a word of every way, told by one set test instead of a way at a time
    (most texts a pattern is asked about). None when some way has no such word."""
    telling: set[bytes] = set()
    for single, others in needs:
        slots: list[frozenset[bytes]] = [frozenset({word}) for word in single]
        slots += [whole for whole, pieces in others if not pieces]
        if not slots:
            return None
        # A word of one spelling that is not a common one, else the fewest spellings that are not common.
        rarest: frozenset[bytes] = min(slots, key=_how_common)
        telling.update(rarest)
    return frozenset(telling)


def _how_common(whole: frozenset[bytes]) -> tuple[bool, int]:
    return not whole.isdisjoint(_COMMON), len(whole)


# What `Cue._open` gives for a text the pattern cannot match in: told apart by identity, never equal to a text's
# lower case that `_open` returns (always a new string).
_SHUT = "\x00shut"

_PLAIN = re.compile(r"[a-z0-9 %'’-]+")
# How many words a literal list remembers as holding none of its literals before it forgets them all: the words
# of news are a few tens of thousands, but numbers and names keep coming in a daemon that runs for months.
_MAX_LEARNT = 200_000


def _literal_split(pattern: str) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """The alternatives of `pattern` that are plain text (letters, digits, spaces, a few signs), and the others;
    None when the pattern cannot be read (`holds` then searches it as it is)."""
    try:
        found = alternatives(pattern)
    except ValueError:
        return None
    plain = tuple(a for a in found if _PLAIN.fullmatch(a))
    return plain, tuple(a for a in found if not _PLAIN.fullmatch(a))


class Cue:
    """A case-blind pattern run on lower-cased text: several times faster than re.I in CPython's engine.

    Nothing is built when a cue is made: each part (the gate, the needs, the compiled patterns) is built the first
    time it is asked for (`__getattr__`). Most cues are never run in a short-lived process, most texts are shut
    out by the gate before the needs are read, and most of those are shut out before the regex runs; parsing
    and compiling a few hundred patterns up front cost a command line most of a second.
    """

    # The parts built on first use (see `_BUILDERS`); annotated here, set on the instance when built.
    _full: str  # the pattern as a regex: grouped by first letter, bounded by word boundaries if a word list
    _plain: str  # `_full` in lower case, as run on lower-cased text
    regex: re.Pattern[str]  # the plain pattern, letter first where it can be (`opening`), run on lower case
    blind: re.Pattern[str]  # for the rare text whose lower case changes its length
    gate: Gate | None  # the words a match can open with: a long text holding none of them is not searched
    _exact: frozenset[bytes] | None
    _within: tuple[str, ...]
    _needs: tuple[Way, ...]  # the words each way through the pattern needs (a text past the gate may lack them)
    _telling: frozenset[bytes] | None
    # For `holds`, a list of literals with no boundaries (a trade hint): its literals of letters only (found in a
    # text's words), its other plain literals (found in its lower case), a pattern of the alternatives that are
    # not plain text, and the words met so far that hold a literal of letters and those that hold none.
    _literals: tuple[str, ...]
    _spelt: tuple[bytes, ...]
    _spaced: tuple[str, ...]
    _rest: re.Pattern[str] | None
    _hinted: set[bytes]
    _clean: set[bytes]

    def __init__(self, pattern: str, *, bounded: bool = True, needles: tuple[str, ...] = ()) -> None:
        self.needles = needles  # if given, text holding none of these (lower case) cannot match
        self.pattern = pattern
        self.bounded = bounded

    def __getattr__(self, name: str) -> Any:
        # Called only for an attribute not yet set: build the part it belongs to, then read it as usual.
        builder = _BUILDERS.get(name)
        if builder is None or "pattern" not in self.__dict__:
            raise AttributeError(name)
        builder(self)
        return self.__dict__[name]

    def _build_full(self) -> None:
        body = bucketed(self.pattern)
        self._full = rf"\b(?:{body})\b" if self.bounded else body
        self._plain = lower_pattern(self._full)

    def _build_regex(self) -> None:
        fast = letter_first(self._plain)
        # The letter-first pattern searches faster but takes twice as long to compile: a cue runs its plain
        # pattern until it has been run often enough to pay for compiling it (`_Warming`).
        self.regex = re.compile(self._plain) if fast is None else _Warming(self, fast)  # type: ignore[assignment]

    def _build_blind(self) -> None:
        self.blind = re.compile(self._full, re.I)

    def _defer_gate(self) -> None:
        self._exact = _Ungated(self)  # type: ignore[assignment]  # stands for the gate until it pays

    def _build_gate(self) -> None:
        gate = Gate.of(self._plain)
        if gate is not None and not all(w.isascii() for w in gate.exact):
            gate = None  # a text's words are listed in ASCII only (see `_words_of`)
        self.gate = gate
        self._exact = frozenset(w.encode("ascii") for w in gate.exact) if gate is not None else None
        self._within = gate.within if gate is not None else ()

    def _defer_needs(self) -> None:
        self._needs = _Deferred(self)  # type: ignore[assignment]  # stands for the needs until they pay

    def _build_needs(self) -> None:
        needs = Needs.of(self._plain) if self.gate is not None else None
        ways = needs.ways if needs else ()
        self._needs = tuple(_way(tuple(_split_slot(slot) for slot in way)) for way in ways)
        self._telling = _telling_words(self._needs) if self._needs else None

    def _build_literals(self) -> None:
        split = _literal_split(lower_pattern(self.pattern)) if not self.bounded and not self.needles else None
        self._literals = split[0] if split is not None else ()
        self._spelt = tuple(a.encode("ascii") for a in self._literals if a.isascii() and a.isalpha())
        self._spaced = tuple(a for a in self._literals if not (a.isascii() and a.isalpha()))
        self._rest = re.compile("|".join(split[1])) if split is not None and split[1] else None
        self._hinted = set()
        self._clean = set()

    def _open(self, text: str) -> str | None:
        """`text` lower-cased when the pattern may match in it; `_SHUT` when it cannot (a long text holding none
        of the words a match opens with, or lacking a word each way through the pattern needs); None when lower
        case would move offsets (the case-blind regex must run on `text` itself)."""
        size = len(text)
        if size <= _GATED:
            low = text.lower()
            return low if len(low) == size else None
        if self._exact is None:
            return _lowered_long(text)
        read = _read_long(text)
        if read is None:
            return None
        low, words = read
        if self._exact.isdisjoint(words) and not (self._within and _holds_any(low, self._within)):
            return _SHUT
        if self._needs and (
            (self._telling is not None and self._telling.isdisjoint(words)) or _lacks_needs(self._needs, words, low)
        ):
            return _SHUT
        return low

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        """The first match in `text`, or None."""
        # The hottest call of the extractor (tens of thousands per article set): `_open` is inlined.
        size = len(text)
        if size > _GATED:
            exact = self._exact
            # A text cut short by `endpos` may end inside a word its own words do not list: no gate then.
            if exact is not None and (endpos is None or endpos >= size):
                read = _read_long(text)
                if read is None:
                    return self.blind.search(text, pos, size if endpos is None else endpos)
                low, words = read
                if exact.isdisjoint(words) and not (self._within and _holds_any(low, self._within)):
                    return None
                if self._needs and (
                    (self._telling is not None and self._telling.isdisjoint(words))
                    or _lacks_needs(self._needs, words, low)
                ):
                    return None
            else:
                lowered_long = _lowered_long(text)
                if lowered_long is None:
                    return self.blind.search(text, pos, size if endpos is None else endpos)
                low = lowered_long
        else:
            low = text.lower()
            if len(low) != size:
                return self.blind.search(text, pos, size if endpos is None else endpos)
        if self.needles and not _holds_any(low, self.needles):
            return None
        return self.regex.search(low, pos) if endpos is None else self.regex.search(low, pos, endpos)

    def holds(self, text: str) -> bool:
        """Whether the pattern matches anywhere in `text` (what `search` finds, without where).

        A long text is answered for a list of literals without running the whole list (a trade hint, searched
        over every sentence, whose many openings make the engine try it at almost every character): a literal of
        ASCII letters is in the text exactly when it is inside one of its words (`_words_of`), and each word is
        looked at once in the life of the process; the other literals are looked for as they are.
        """
        if self._literals and len(text) > _GATED:
            read = _read_long(text)
            if read is not None:
                return self._holds_literal(*read)
        return self.search(text) is not None

    def _holds_literal(self, low: str, words: frozenset[bytes]) -> bool:
        hinted = self._hinted
        if not hinted.isdisjoint(words):
            return True
        clean = self._clean
        if len(clean) > _MAX_LEARNT:
            clean.clear()
            hinted.clear()
        for word in words - clean:
            for part in self._spelt:
                if part in word:
                    hinted.add(word)
                    return True
            clean.add(word)
        if _holds_any(low, self._spaced):
            return True
        return self._rest is not None and self._rest.search(low) is not None

    def match(self, text: str, pos: int = 0) -> re.Match[str] | None:
        """A match at `pos`, or None."""
        # `lowered`, inlined: matches at a point are asked for as often as searches, mostly on short windows.
        if len(text) > _GATED:
            low = _lowered_long(text)
        else:
            low = text.lower()
            if len(low) != len(text):
                low = None
        return self.regex.match(low, pos) if low is not None else self.blind.match(text, pos)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """Every match in `text`."""
        low = self._open(text)
        if low is None:
            return self.blind.finditer(text)
        if low is _SHUT or (self.needles and not _holds_any(low, self.needles)):
            return iter(())
        return self.regex.finditer(low)

    def sub(self, repl: Callable[[re.Match[str]], str], text: str) -> str:
        """`text` with every match replaced (the replacement sees the lower-cased match)."""
        low = self._open(text)
        if low is None:
            return self.blind.sub(repl, text)
        if low is _SHUT or (self.needles and not _holds_any(low, self.needles)):
            return text
        pieces: list[str] = []
        last = 0
        for m in self.regex.finditer(low):
            pieces.append(text[last : m.start()])
            pieces.append(repl(m))
            last = m.end()
        pieces.append(text[last:])
        return "".join(pieces)


# How many long texts a cue is asked about before its gate is read: reading it costs as much as a few dozen
# searches, and most cues are asked about only a handful of texts in a process that reads one article.
_GATE_AFTER = 16


class _Ungated:
    """A cue's gate not yet read: it lets every text through (the regex decides) until `_GATE_AFTER` texts have
    been asked about, then the gate is read and put in its place. Only `Cue.search` and `Cue._open` ask it, and
    only through `isdisjoint`: the same matches either way, since a gate only spares searches."""

    __slots__ = ("_cue", "_left")

    def __init__(self, cue: Cue) -> None:
        self._cue = cue
        self._left = _GATE_AFTER

    def isdisjoint(self, words: frozenset[bytes]) -> bool:
        self._left -= 1
        if self._left > 0:
            return False
        self._cue._build_gate()
        exact = self._cue._exact
        # No gate at all (a pattern whose openings cannot be listed): every text goes on to the regex.
        return exact is not None and exact.isdisjoint(words)


# How many texts a cue's gate lets through before its needs are read: reading them costs as much as a few dozen
# searches, and most cues pass their gate only a handful of times in a process that reads one article.
_NEEDS_AFTER = 16


class _Deferred:
    """A cue's needs not yet read: false (no needs: every text past the gate is searched) until the gate has let
    `_NEEDS_AFTER` texts through, then the needs are read and put in its place. Only `Cue.search` and `Cue._open`
    ask it, and only for its truth: the same matches either way, since needs only spare searches."""

    __slots__ = ("_cue", "_left")

    def __init__(self, cue: Cue) -> None:
        self._cue = cue
        self._left = _NEEDS_AFTER

    def __bool__(self) -> bool:
        self._left -= 1
        if self._left > 0:
            return False
        self._cue._build_needs()
        return bool(self._cue._needs)


# How many runs of a cue's plain pattern before its letter-first one (`opening.letter_first`) is compiled.
_WARM_AFTER = 64


class _Warming:
    """A cue's regex for its first `_WARM_AFTER` runs: the plain pattern, the same matches as the letter-first one
    that then takes its place. Only `Cue` runs it, with these three methods."""

    __slots__ = ("_cue", "_fast", "_left", "_plain")

    def __init__(self, cue: Cue, fast: str) -> None:
        self._cue = cue
        self._fast = fast
        self._left = _WARM_AFTER
        self._plain = re.compile(cue._plain)

    def _ran(self) -> None:
        self._left -= 1
        if self._left <= 0:
            self._cue.regex = re.compile(self._fast)

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        self._ran()
        return self._plain.search(text, pos) if endpos is None else self._plain.search(text, pos, endpos)

    def match(self, text: str, pos: int = 0) -> re.Match[str] | None:
        self._ran()
        return self._plain.match(text, pos)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        self._ran()
        return self._plain.finditer(text)


# Which builder sets each lazily built part of a `Cue`.
_BUILDERS: dict[str, Callable[[Cue], None]] = {
    **dict.fromkeys(("_full", "_plain"), Cue._build_full),
    "regex": Cue._build_regex,
    "blind": Cue._build_blind,
    "_exact": Cue._defer_gate,
    **dict.fromkeys(("gate", "_within"), Cue._build_gate),
    "_needs": Cue._defer_needs,
    "_telling": Cue._build_needs,
    **dict.fromkeys(("_literals", "_spelt", "_spaced", "_rest", "_hinted", "_clean"), Cue._build_literals),
}


class CueSet:
    """Several word lists asked together whether any of them may match a text: one word-set test for a clause
    where each list would run its own (a reader whose every cue is shut there is skipped whole)."""

    _exact: frozenset[bytes] | None
    _within: tuple[str, ...]

    def __init__(self, *cues: Cue) -> None:
        self._cues = cues  # their gates are read when the set is first asked (`__getattr__`), like a cue's own

    def __getattr__(self, name: str) -> Any:
        if name not in ("_exact", "_within") or "_cues" not in self.__dict__:
            raise AttributeError(name)
        cues = self._cues
        # Only a set of gated, needle-free lists can be answered from the words: otherwise every text may match.
        gated = all(c.gate is not None and not c.needles for c in cues)  # `gate` builds each cue's real gate
        self._exact = frozenset().union(*(c._exact or () for c in cues)) if gated else None
        self._within = tuple(sorted({w for c in cues for w in c._within}))
        return self.__dict__[name]

    def may_match(self, text: str) -> bool:
        """False only when no list of the set can match in `text` (what each one's own gate would say)."""
        if self._exact is None or len(text) <= _GATED:
            return True
        read = _read_long(text)
        if read is None:
            return True
        low, words = read
        return not self._exact.isdisjoint(words) or _holds_any(low, self._within)


def blind(pattern: str) -> Cue:
    """A case-blind regex (not a word list), run on lower-cased text."""
    return Cue(pattern, bounded=False)


def words(pattern: str) -> Cue:
    """A word list: each alternative matched as whole words, case-blind."""
    return Cue(pattern)
