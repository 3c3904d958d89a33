"""Fixtures of the fact-level tests: a writer of made-up facts, default settings."""

from __future__ import annotations

from factlog import facts, settings

__all__ = ["facts", "settings"]
