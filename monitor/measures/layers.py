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

import datetime as dt
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
    kind: str = "tariff",
    until: dt.date | None = None,
) -> str | None:
    """The layer a fact belongs to, given the layers already standing for its group.

    A stated layer already standing wins. A stated layer not yet standing is new,
    unless the fact restates a rate the group already holds on an unlayered measure
    or one named by its legal basis (a Section 232 rate restated beside the word
    "fentanyl" is still the Section 232 measure, not a second one). A pause joins
    the measure already paused (one pause is one measure, whatever each article
    calls it). Otherwise the fact joins the layer whose rate it repeats, else the one
    whose rate it says it replaced; a pause, lift or relief that names no rate goes
    to the one measure standing, else the reciprocal layer (the one pauses are of),
    else the unlabelled measure. A rate from a labelled layer is never read as a
    change of another one.
    """
    live = [s for s in standing if s.status != "lifted"]
    if stated is not None and any(s.layer == stated for s in standing):
        return stated
    if kind == "pause":
        paused = [s for s in standing if s.status == "paused" and _same_end(s.pause_until, until)]
        if len(paused) == 1 and (stated is None or rate is None or paused[0].rate in (None, rate)):
            return paused[0].layer
    if rate is not None:
        same = [s for s in live if s.rate == rate]
        if len(same) == 1 and (stated is None or same[0].layer is None or same[0].layer not in _NAMED):
            return same[0].layer
    if stated is not None:
        return stated
    if not standing:
        return None
    if previous_rate is not None:
        before = [s for s in standing if s.rate == previous_rate]
        if len(before) == 1:
            return before[0].layer
    if kind in ("pause", "lift", "relief") and rate is None and live:
        if len(live) == 1:
            return live[0].layer
        if any(s.layer == "reciprocal" for s in live):
            return "reciprocal"
    return None


#: Layers named by a programme word or a total: a fact naming another one is another layer.
_NAMED = frozenset({TOTAL, *(name for name, _ in _PROGRAMME_WORDS)})
#: Two pause ends this close are one end, told by two articles.
SAME_END_DAYS = 7


def _same_end(known: dt.date | None, told: dt.date | None) -> bool:
    return known is None or told is None or abs((known - told).days) <= SAME_END_DAYS
