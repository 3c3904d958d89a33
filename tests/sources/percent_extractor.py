"""A stand-in extractor for the sources tests: one tariff fact per sentence naming "N percent".

The real extractor is another room's work and its output changes as it grows;
these tests are about recording whatever an extractor returns exactly once. So
the stand-in returns facts of its own type, with the fields the sources room
records (`monitor.sources.base.ExtractedFact`), and imports nothing of the
extractor's.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass


@dataclass(frozen=True, kw_only=True)
class Fact:
    """A fact with the fields of the extraction contract."""

    kind: str
    imposer: str
    targets: tuple[str, ...]
    sector: str | None
    rate: float | None
    until: dt.date | None
    effective: dt.date | None
    status: str | None
    evidence: str
    authority: str | None = None
    previous_rate: float | None = None
    confidence: float = 1.0


_RATE = re.compile(r"(\d+(?:\.\d+)?) percent")


def percent_facts(text: str, published: dt.date | None) -> list[Fact]:
    """A `tariff` fact for each sentence of `text` that states a rate in percent."""
    facts = []
    for sentence in re.split(r"(?<=[.!?])\s+", text):
        found = _RATE.search(sentence)
        if found:
            facts.append(
                Fact(
                    kind="tariff",
                    imposer="US",
                    targets=("*",),
                    sector=None,
                    rate=float(found.group(1)),
                    until=None,
                    effective=published,
                    status="announced",
                    evidence=sentence.strip(),
                )
            )
    return facts
