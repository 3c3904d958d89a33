"""Cleaning article text and cutting it into sentences.

Everything here runs in linear time: the patterns have no nested repetition,
so a 20 MB article or a page of binary junk cannot make them backtrack.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

# Tags are bounded so an unclosed "<" cannot swallow the rest of a huge page.
_TAG = re.compile(r"<(?:script|style)\b[^>]{0,500}>.{0,20000}?</(?:script|style)>|<[^<>]{0,1000}>", re.I | re.S)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffd]+")
# A run of spaces and tabs (of any width) that is not already one plain space: what becomes one plain space.
# Opening with the class lets the engine skip to the next space at once; a lone space is left alone rather
# than replaced by itself (most spaces are lone ones).
_SPACES = re.compile(r"[ \t\u00a0\u2009\u202f](?:(?<= )[ \t\u00a0\u2009\u202f]+|(?<! )[ \t\u00a0\u2009\u202f]*)")
_BULLET = re.compile(r"^\s*(?:[•▪◦‣·*-]|\d{1,2}[.)])\s+")
# A candidate end of sentence: terminal punctuation, closing quotes/brackets, then space or a glued capital.
_END = re.compile(r"[.!?]+[\"'”’)\]]*(?:\s+|(?=[\"'“‘]?[A-Z][a-z]))")

_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "st",
        "no",
        "nos",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "gov",
        "sen",
        "rep",
        "inc",
        "corp",
        "co",
        "ltd",
        "vs",
        "etc",
        "gen",
        "col",
        "lt",
        "sgt",
        "jr",
        "sr",
        "prof",
        "est",
        "approx",
        "fig",
        "dept",
        "univ",
        "mt",
        "ft",
    ]
)
# After "U.S." a sentence may end; these words say a new one begins.
_STARTERS = frozenset(
    [
        "He",
        "She",
        "It",
        "They",
        "We",
        "The",
        "This",
        "That",
        "These",
        "Those",
        "But",
        "In",
        "On",
        "At",
        "A",
        "An",
        "As",
        "If",
        "When",
        "While",
        "Its",
        "His",
        "Her",
        "Their",
        "Our",
        "I",
        "Meanwhile",
        "However",
        "Still",
        "Yet",
        "So",
    ]
)
_DOTTED = re.compile(r"(?:[A-Za-z]\.){2,}$")
_WORD_BEFORE = re.compile(r"([A-Za-z.]{1,12})$")


# Wrapped text: at least this many lines, none longer than this (80-column terminals, 72-column mail, wire copy).
_WRAPPED_MIN_LINES = 5
_WRAP_WIDTH = 100


# UTF-8 read as Latin-1 ("China\u00e2\u0080\u0099s" for "China\u2019s"): a lead byte and its continuation bytes.
_MOJIBAKE = re.compile(r"[\u00c2-\u00f4][\u0080-\u00bf]{1,3}")


def _repaired(match: re.Match[str]) -> str:
    """The character a run of UTF-8 bytes read as Latin-1 stands for; the run as it was if it is no such thing."""
    try:
        return match.group().encode("latin-1").decode("utf-8")
    except UnicodeError:
        return match.group()


# Headlines of other stories a page links from a name, glued to it and closed by "MORE" ("... Donald John
# TrumpFive takeaways from the debate Sanders, Warren exchange ... MORE on Monday said"): like a link line
# ("More: Trump imposes tariffs", `vocabulary.LINK_LINE`), nothing this article reports. The name is kept; the
# headlines hold no sentence's stop. (An apostrophe is no glue: "Peru's duty, announced by ... MORE" keeps its words.)
_LINKED_HEADLINES = re.compile(r"(?<=[a-z]{2})[A-Z0-9“\"](?:(?![a-z]{2}\.\s)[^\n]){10,600}?\sMORE\b")


def _without_linked_headlines(text: str) -> str:
    """`text` less the run-in headlines `_LINKED_HEADLINES` finds, searched only in the stretch before each
    "MORE" that can hold one (a headline run is at most 600 characters long): a long text pays for the few places
    a page closes such a run, not a scan from every capital letter glued to a word."""
    kept: list[str] = []
    done = 0
    for close in re.finditer(r"\sMORE\b", text):
        if close.start() < done:
            continue
        found = _LINKED_HEADLINES.search(text, max(done, close.start() - 620), close.end())
        if found:
            kept.append(text[done : found.start()])
            done = found.end()
    kept.append(text[done:])
    return "".join(kept)


def clean_text(text: str) -> str:
    """Plain text from an article that may be HTML or carry control characters."""
    if "<" in text and ">" in text and re.search(r"<(?:p|div|br|span|a|html|body|h\d|li)\b", text[:200000], re.I):
        text = _TAG.sub(" ", text)
        text = html.unescape(text)
    if "\u00e2" in text or "\u00c3" in text:
        text = _MOJIBAKE.sub(_repaired, text)
    text = _CONTROL.sub(" ", text)
    if " MORE" in text:
        text = _without_linked_headlines(text)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _other_space(line: str) -> bool:
    """Whether `_SPACES` can change `line`: two spaces in a row, or a space other than the plain one (five
    substring tests cost a quarter of one regex scan)."""
    return "  " in line or "\t" in line or "\u00a0" in line or "\u2009" in line or "\u202f" in line


def _hard_wrapped(lines: list[str]) -> bool:
    """Whether the text was wrapped at a fixed width (wire copy, plain-text mail): several lines and none
    longer than a terminal's width. News from feeds keeps a paragraph on one line, far longer than that."""
    filled = [line for line in lines if line.strip()]
    return len(filled) >= _WRAPPED_MIN_LINES and max(len(line) for line in filled) <= _WRAP_WIDTH


# A line that ends in a word no sentence or heading ends with ("was hit with", "the") goes on in the next, and so
# does one before a line opening with a quote and a small letter ('"reciprocal" tariffs of ...'): a page that
# broke its lines at a fixed width only in some paragraphs, which `_hard_wrapped` does not catch.
_ENDS_MID_CLAUSE = re.compile(
    r"\b(?:with|of|the|to|a|an|and|or|on|in|by|for|from|at|into|than|its|their|his|her|is|are|was|were|will|would)$",
    re.I,
)
_QUOTED_LOWER = re.compile(r"[\"“‘'][a-z]")


def _goes_on(buffer: list[str], line: str) -> bool:
    """Whether `line` goes on with the sentence the last buffered line left open."""
    return bool(_ENDS_MID_CLAUSE.search(buffer[-1]) or _QUOTED_LOWER.match(line))


# A line that ends in a dotted abbreviation ("U.S.") or in a quote its comma leaves open (',"'): a next line opening
# with a small letter goes on with its sentence, since no sentence opens with one ("in U.S." / "tariffs on ...",
# '... he added,"' / "the minister said.").
_OPEN_AT_LINE_END = re.compile(r"(?:\b(?:[A-Za-z]\.){2,}|[,!?][\"”’'])$")


def _continues_after_stop(buffer: list[str], line: str) -> bool:
    """Whether `line`, opening with a small letter, continues a sentence the last line only seemed to end."""
    return line[0].islower() and bool(_OPEN_AT_LINE_END.search(buffer[-1]))


def _paragraphs(text: str) -> Iterator[str]:
    """Lines joined into paragraphs: a line broken mid-sentence continues on the next."""
    buffer: list[str] = []
    lines = text.split("\n")
    # In wrapped text a line that does not end a sentence goes on in the next, whatever its first letter
    # ("tariffs on" / "Japanese goods"); elsewhere a capital after a line with no stop opens a heading's body.
    wrapped = _hard_wrapped(lines)
    for raw in lines:
        # (Most lines hold nothing but lone plain spaces: then there is nothing to replace.)
        line = (_SPACES.sub(" ", raw) if _other_space(raw) else raw).strip()
        if not line:
            if buffer:
                yield " ".join(buffer)
                buffer = []
            continue
        bullet = _BULLET.match(line)
        if bullet:
            if buffer:
                yield " ".join(buffer)
                buffer = []
            yield line[bullet.end() :]
            continue
        if (
            buffer
            and (wrapped or line[0].islower() or buffer[-1][-1] in ",;:-–—" or _goes_on(buffer, line))
            and buffer[-1][-1] not in '.!?"”'
        ) or (buffer and _continues_after_stop(buffer, line)):
            buffer.append(line)
            continue
        if buffer:
            yield " ".join(buffer)
        buffer = [line]
    if buffer:
        yield " ".join(buffer)


def _is_boundary(paragraph: str, start: int, end: int) -> bool:
    if end >= len(paragraph):
        return True
    nxt = paragraph[end]
    if nxt.islower() or nxt in ",;:":
        return False
    before = _WORD_BEFORE.search(paragraph[max(0, start - 12) : start + 1])
    word = before.group(1) if before else ""
    token = word.rstrip(".").lower()
    if paragraph[start] == ".":
        if token in _ABBREVIATIONS and (nxt.isdigit() or token not in {"no", "co", "inc", "corp", "ltd"}):
            return False
        if len(word.rstrip(".")) == 1 and word[:1].isupper():
            return False  # an initial: "John F. Kennedy"
        if _DOTTED.search(word):
            following = paragraph[end : end + 12].split(" ", 1)[0].strip("\"'“‘")
            return following in _STARTERS
    return not nxt.isdigit() or paragraph[start] != "."


def split_sentences(text: str) -> list[str]:
    """The sentences of `text`, verbatim apart from whitespace, in order."""
    sentences: list[str] = []
    for paragraph in _paragraphs(clean_text(text)):
        begin = 0
        for match in _END.finditer(paragraph):
            if _is_boundary(paragraph, match.start(), match.end()):
                piece = paragraph[begin : match.end()].strip()
                if piece:
                    sentences.append(piece)
                begin = match.end()
        rest = paragraph[begin:].strip()
        if rest:
            sentences.append(rest)
    return sentences


# A list item that is only a rate and what it applies to ("12% from March", "8 percent on parts"): no verb,
# no tariff word; it goes on with the measure of the line before the list.
_RATE_ITEM = re.compile(r"(?:up\s+to\s+)?(\d{1,3}(?:\.\d{1,2})?)\s?(?:%|percent\b|per\s?cent\b)", re.I)
# An item this long is prose of its own, not a fragment of the lead-in's measure.
_ITEM_MAX = 160
# Between a lead-in and its items a page may slip a short label ("Related stories"): at most this long,
# with no stop, and at most this many of them.
_LABEL_MAX = 40
_LABELS_MAX = 1


def lead_ins(sentences: list[str]) -> dict[int, str]:
    """For each list item that is a bare rate ("12% from March"), the line ending in a colon that opens its
    list ("The duty will rise in steps:"), by the item's index: the item only gives one more rate of that
    measure. Earlier items of the same list and a short page label between are passed over."""
    found: dict[int, str] = {}
    lead: str | None = None
    labels = 0
    for index, sentence in enumerate(sentences):
        if sentence.endswith(":"):
            lead, labels = sentence, 0
        elif lead is not None and len(sentence) <= _ITEM_MAX and _RATE_ITEM.match(sentence):
            found[index] = lead
        elif lead is not None and len(sentence) <= _LABEL_MAX and sentence[-1] not in ".!?" and labels < _LABELS_MAX:
            labels += 1
        else:
            lead = None
    return found


def item_rate(item: str) -> float | None:
    """The rate a list item opens with ("12% from March" gives 12), or None if it opens with none."""
    match = _RATE_ITEM.match(item)
    return float(match.group(1)) if match else None
