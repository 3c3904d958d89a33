"""The state of one tariff measure: the value type every room reads (queries are in `queries.py`)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from monitor.events.alerts import Evidence


@dataclass(frozen=True, kw_only=True)
class Voice:
    """One source stating a reading: its outlet and the statement's normalised text.

    Two voices are independent when they differ in both: the same outlet twice is
    one source, and the same sentence from two outlets is a syndicated copy.
    """

    outlet: str
    text: str


_NOT_WORD = re.compile(r"[^0-9a-z%]+")


def text_key(sentence: str) -> str:
    """A sentence with case, punctuation and spacing ignored (copies of one wire story match)."""
    return _NOT_WORD.sub(" ", sentence.casefold()).strip()


def independent(voices: tuple[Voice, ...]) -> int:
    """How many independent sources the voices are (in the order given: the first of a copy counts)."""
    outlets: set[str] = set()
    texts: set[str] = set()
    count = 0
    for v in voices:
        if v.outlet not in outlets and v.text not in texts:
            count += 1
        outlets.add(v.outlet)
        texts.add(v.text)
    return count


@dataclass(frozen=True, kw_only=True)
class MeasureState:
    """What is known of one measure (imposer, target, sector[, layer]) at a point in time."""

    measure_id: str
    imposer: str
    target: str
    sector: str | None
    layer: str | None
    rate: float | None
    previous_rate: float | None
    #: threatened, announced, in_effect, paused, lifted
    status: str
    pause_until: dt.date | None
    effective: dt.date | None
    first_seen: dt.date | None
    last_seen: dt.date | None
    #: independent sources (distinct outlets, syndicated copies once) stating the current reading
    sources: int
    evidence: tuple[Evidence, ...] = ()
    #: a rate threatened on top of the standing one (None when none is)
    threatened_rate: float | None = None
    #: who states the current reading
    voices: tuple[Voice, ...] = ()
    #: whether an official source states the current reading
    official: bool = False
    #: the extractor's highest confidence among the facts stating the current reading
    confidence: float = 1.0
    #: a rate one lone source gave against this corroborated reading, held until confirmed
    unconfirmed_rate: float | None = None
    unconfirmed_outlet: str | None = None
    #: the last day the tariff is in force, when the news gave one ("until December 31"): its expiry
    expires: dt.date | None = None

    @property
    def corroborated(self) -> bool:
        """Whether the current reading stands on more than one source, or on an official one."""
        return self.sources >= 2 or self.official
