"""A trade-policy fact, the public shape fixed by the extraction contract."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

KINDS = ("tariff", "pause", "lift", "relief", "negotiation", "deal", "withdrawal")
SECTORS = (
    "autos",
    "auto_parts",
    "steel",
    "aluminum",
    "copper",
    "lumber",
    "semiconductors",
    "pharmaceuticals",
    "agriculture",
    "energy",
    "shipbuilding",
    "electronics",
    "textiles",
    "machinery",
    "critical_minerals",
)
STATUSES = ("threatened", "announced", "in_effect")


@dataclass(frozen=True, kw_only=True)
class Fact:
    """One statement about trade policy read from one sentence of an article."""

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
    # How sure the reading is, 0..1: lower where the acting side or the side hit was not named in the
    # sentence but carried from the article or guessed, where a tariff states no rate, in long sentences.
    confidence: float = 1.0
    # The values of goods its own clause names for it ("on $16 billion of goods"), as written: two tariffs of one
    # side on goods of other values are two tranches, even in one sentence. Not part of the contract's shape.
    worth: frozenset[str] = field(default_factory=frozenset, compare=False, repr=False)

    def to_dict(self) -> dict[str, Any]:
        """The contract's JSON object for this fact."""
        return {
            "kind": self.kind,
            "imposer": self.imposer,
            "targets": list(self.targets),
            "sector": self.sector,
            "rate": self.rate,
            "until": self.until.isoformat() if self.until else None,
            "effective": self.effective.isoformat() if self.effective else None,
            "status": self.status,
            "evidence": self.evidence,
            "authority": self.authority,
            "previous_rate": self.previous_rate,
            "confidence": self.confidence,
        }
