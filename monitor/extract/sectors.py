"""The contract's sectors, and the many words news uses for each."""

from __future__ import annotations

import re
from dataclasses import dataclass

from monitor.extract.cues import Cue

_SECTOR_WORDS: dict[str, str] = {
    "auto_parts": r"(?:auto|car|vehicle|automobile|automotive)s?[- ](?:and\s+(?:auto\s+|car\s+)?)?parts|"
    r"(?:automobiles|cars|vehicles|autos)\s+and\s+(?:their\s+)?parts|auto\s+components",
    "autos": r"autos?|cars?|automobiles?|automotive|vehicles?|EVs?|automakers?|carmakers?|auto\s+industry|"
    r"(?:heavy\s+|pickup\s+)?trucks",
    "steel": r"steel",
    "aluminum": r"alumin(?:i)?um",
    "copper": r"copper",
    "lumber": r"lumber|timber|softwood|wood|sawn\s+wood",
    "semiconductors": r"semiconductors?|chips?|chipmakers?|microchips?",
    "pharmaceuticals": r"pharmaceuticals?|pharma|drugs?|medicines?|drugmakers?",
    "agriculture": r"agricultur(?:e|al)|farm\s+(?:goods|products|produce|exports)|farmers?|corn|soybeans?|soy|"
    r"rice|beef|wheat|pork|poultry|chicken|dairy|sorghum|food\s+products|coffee|cocoa|bananas?|fruits?|"
    r"vegetables|sugar|grains?|meat|eggs|cheese|seafood|fish",
    "energy": r"energy|crude|oil|LNG|liquefied\s+natural\s+gas|natural\s+gas|coal|solar(?:\s+cells|\s+panels)?",
    "shipbuilding": r"shipbuilding|ships|vessels|shipbuilders",
    "electronics": r"electronics|smartphones?|laptops?|computers?|consumer\s+electronics",
    "textiles": r"textiles?|apparel|garments?|clothing|footwear",
    "machinery": r"machinery|cranes|industrial\s+machines|machine\s+tools",
    "critical_minerals": r"critical\s+minerals|rare\s+earths?|lithium|graphite|cobalt",
}
# One regex finds any sector word (grouped by first letter, so it stays fast); the sector is then
# told by the small per-sector patterns, which only ever see the few words found.
_PATTERN = Cue("|".join(_SECTOR_WORDS.values()))
_EACH = [(name, re.compile(rf"(?:{words})", re.I)) for name, words in _SECTOR_WORDS.items()]
# Words that look like a sector but are something else in trade prose.
_NOT_SECTOR = Cue(
    r"\b(?:(?:buying|buy|buys|purchases?\s+of|importing|imports\s+of)\s+)?(?:russian|iranian|venezuelan)\s+"
    r"(?:federation\s+)?(?:oil|crude|energy|gas)\b|\b(?:oil|energy)\s+(?:purchases|ties)\b|"
    r"\bpurchases?\s+of\s+(?:\w+\s+)?oil\b|\bauto\s+list\b|\bwood\s+list\b",
    bounded=False,
    needles=("oil", "crude", "energy", "gas", "list"),
)


@dataclass(frozen=True, kw_only=True)
class SectorMention:
    """A sector named in a sentence."""

    sector: str
    start: int
    end: int


def find_sectors(text: str) -> list[SectorMention]:
    """Sectors named in `text`, left to right (auto parts before autos where both match)."""
    blocked = [(m.start(), m.end()) for m in _NOT_SECTOR.finditer(text)]
    found: list[SectorMention] = []
    for m in _PATTERN.finditer(text):
        if any(a <= m.start() < b for a, b in blocked):
            continue
        name = next((sector for sector, pattern in _EACH if pattern.fullmatch(m.group(0))), None)
        if name:
            found.append(SectorMention(sector=name, start=m.start(), end=m.end()))
            if name == "auto_parts" and re.match(r"(?i)(?:autos?|cars?|automobiles?|vehicles?)\s+and\b", m.group(0)):
                found.append(SectorMention(sector="autos", start=m.start(), end=m.end()))
    return found


def distinct(mentions: list[SectorMention]) -> list[str]:
    """Sector names in first-seen order, each once."""
    seen: list[str] = []
    for m in mentions:
        if m.sector not in seen:
            seen.append(m.sector)
    return seen


__all__ = ["SectorMention", "distinct", "find_sectors"]
