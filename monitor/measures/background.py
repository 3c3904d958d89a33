"""Whether a sentence gives a rate as background: a past or peak level, not what is decided now.

"Tariffs that were as high as 145 percent earlier this year" states 145 as a fact
of the past; read against a measure standing at 30 it is not a change back to 145.
Only the words around the rate itself count, so "cut to 30 percent, down from a
peak of 145 percent" still moves the measure to 30.
"""

from __future__ import annotations

import re

_NUMBER = r"(?<![\d.]){rate}(?:\.0+)?\s*(?:%|percent\b|per\s*cent\b|pct\b)"
#: Words just before a rate that make it a past or peak level.
_BEFORE = re.compile(
    r"(?:as high as|as much as|peak(?:ed)?(?: level)?(?: of| at)?|high of|highs? of|down from|"
    r"previously|formerly|had been|used to be)\s+(?:an?\s+|the\s+)?"
    r"(?:eye-watering\s+|whopping\s+|staggering\s+)?$",
    re.I,
)
#: Words just after a rate that put it in the past.
_AFTER = re.compile(
    r"^\W{0,3}(?:(?:tariffs?|duty|duties|levy|levies)\s+)?"
    r"(?:earlier|previously|before|at (?:its|their|the) peak|in (?:19|20)\d\d|"
    r"last (?:year|month|spring|summer|autumn|fall|winter)|at one point)\b",
    re.I,
)
_WINDOW = 60


def is_background(sentence: str, rate: float | None) -> bool:
    """Whether every mention of `rate` in `sentence` gives it as a past or peak level."""
    if rate is None:
        return False
    pattern = re.compile(_NUMBER.format(rate=re.escape(f"{rate:g}")), re.I)
    found = list(pattern.finditer(sentence))
    if not found:
        return False
    return all(
        _BEFORE.search(sentence[max(0, m.start() - _WINDOW) : m.start()]) or _AFTER.search(sentence[m.end() :])
        for m in found
    )
