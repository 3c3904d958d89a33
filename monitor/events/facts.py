"""Events of articles and the facts read from them (stream `article-<id>`)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from monitor.events.base import Event, event_type, upcaster

#: The sectors of the extraction contract (a fact's `sector` is one of them, or None for all goods). The extract
#: room holds the same list (neither room may import the other); tests/extract/test_structure.py keeps them equal.
SECTORS: tuple[str, ...] = (
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


@event_type("article.recorded")
@dataclass(frozen=True, kw_only=True)
class ArticleRecorded(Event):
    """A news article was read for the first time."""

    article_id: str
    url: str | None
    title: str
    published: dt.date | None
    feed: str | None
    fingerprint: str
    text_chars: int
    #: How many facts the extractor read (appended right after); None when recorded without extraction.
    facts: int | None = None


@event_type("fact.extracted", version=2)
@dataclass(frozen=True, kw_only=True)
class FactExtracted(Event):
    """One trade-policy fact read from an article (the fields of extraction-contract.md)."""

    article_id: str
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
    published: dt.date | None = None
    url: str | None = None
    title: str | None = None
    extractor_version: str = ""
    #: v2: how sure the extractor was of this reading, 0..1 (1.0 when it does not say)
    confidence: float = 1.0
    #: v2: the feed (outlet) the article came from, when known
    feed: str | None = None
    #: v2: whether that feed is an official source (`official = true` on the feed)
    official: bool = False


@upcaster("fact.extracted", from_version=1)
def _fact_v1_to_v2(data: dict[str, Any]) -> dict[str, Any]:
    # Facts read before confidence was reported: fully confident, outlet and officialness unknown.
    return {"confidence": 1.0, "feed": None, "official": False, **data}
