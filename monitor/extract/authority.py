"""The legal basis a clause names (Section 232, IEEPA, a countermeasure)."""

from __future__ import annotations

from monitor.extract import vocabulary as vocab


def authority_of(text: str) -> str | None:
    """The legal basis the text names, if any."""
    if not vocab.AUTHORITY_HINT.search(text):
        return None
    for pattern, name in vocab.AUTHORITY:
        if pattern.search(text):
            return name
    return None
