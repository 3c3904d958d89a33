"""Which measure a fact is about: measure ids, stream ids, and the layer of stacked tariffs.

Tariffs stack: a 20% fentanyl tariff and a 34% reciprocal tariff stand on the
same Chinese goods at once, and reports of "a total of 54%" stand beside
their parts. Each such layer is its own measure, so a rate never appears to
"change" from one layer to another. A fact names its layer by its `authority`
(section_232, ieepa, ...), by a total ("in total", "combined"), or by a word of
its sentence naming a programme ("reciprocal", "fentanyl", "baseline"); a fact
that names none is matched to a standing layer by its rate (see `resolve_layer`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from monitor.measures.state import MeasureState

TOTAL = "total"
_TOTAL_WORDS = re.compile(r"\b(in total|totals?|totaling|totalling|combined|cumulative|all told|altogether)\b", re.I)
_PROGRAMME_WORDS = (
    ("reciprocal", re.compile(r"\breciprocal\b", re.I)),
    ("fentanyl", re.compile(r"\bfentanyl\b", re.I)),
    ("baseline", re.compile(r"\bbaseline\b", re.I)),
)


def stated_layer(authority: str | None, sentence: str) -> str | None:
    """The layer a fact names itself: a total, its authority, or a programme named in its sentence."""
    if _TOTAL_WORDS.search(sentence):
        return TOTAL
    if authority:
        return authority
    for name, pattern in _PROGRAMME_WORDS:
        if pattern.search(sentence):
            return name
    return None


def measure_id(imposer: str, target: str, sector: str | None, layer: str | None) -> str:
    """`imposer:target:sector-or-*` with `:layer` when the measure is one layer of several."""
    base = f"{imposer}:{target}:{sector or '*'}"
    return f"{base}:{layer}" if layer else base


def group_key(imposer: str, target: str, sector: str | None) -> str:
    """What all layers of one (imposer, target, sector) share."""
    return f"{imposer}:{target}:{sector or '*'}"


def measure_stream(mid: str) -> str:
    """The log stream of a measure."""
    return f"measure-{mid}"


def parties_id(parties: tuple[str, ...]) -> str:
    """The id talks and deals are recorded under: the parties sorted, so "US and EU" is "EU and US"."""
    return "+".join(sorted(parties))


def parties_stream(parties: tuple[str, ...]) -> str:
    """The log stream of talks and deals between these parties."""
    return f"parties-{parties_id(parties)}"


def resolve_layer(
    *,
    stated: str | None,
    rate: float | None,
    previous_rate: float | None,
    standing: Sequence[MeasureState],
) -> str | None:
    """The layer an unlabelled fact belongs to, given the layers already standing for its group.

    A stated layer wins. Otherwise the fact joins the layer whose rate it repeats,
    else the one whose rate it says it replaced, else the unlabelled measure: a
    rate from a labelled layer is never read as a change of another one.
    """
    if stated is not None:
        return stated
    if not standing:
        return None
    if rate is not None:
        same = [s for s in standing if s.rate == rate]
        if len(same) == 1:
            return same[0].layer
    if previous_rate is not None:
        before = [s for s in standing if s.rate == previous_rate]
        if len(before) == 1:
            return before[0].layer
    return None
