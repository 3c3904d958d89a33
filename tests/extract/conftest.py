"""Helpers for the extractor tests: run the extractor on our own sentences."""

from __future__ import annotations

import datetime as dt

import pytest

from monitor.extract import Fact, extract_facts

PUBLISHED = dt.date(2031, 3, 12)  # a Wednesday


def facts_of(text: str, published: dt.date | None = PUBLISHED) -> list[Fact]:
    """The facts the extractor reads from `text`."""
    return extract_facts(text, published)


def only(facts: list[Fact], kind: str) -> list[Fact]:
    """The facts of one kind."""
    return [f for f in facts if f.kind == kind]


@pytest.fixture
def published() -> dt.date:
    return PUBLISHED
