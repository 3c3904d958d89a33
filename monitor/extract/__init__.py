"""Article text + publication date -> trade-policy facts (see the extraction contract)."""

from __future__ import annotations

import datetime as dt

from monitor.extract.facts import Fact

EXTRACTOR_VERSION = "0"


def extract_facts(text: str, published: dt.date | None) -> list[Fact]:
    """Every distinct trade-policy fact stated in `text`, dates resolved against `published`."""
    return []


__all__ = ["EXTRACTOR_VERSION", "Fact", "extract_facts"]
