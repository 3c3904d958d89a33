"""Event types of the sources room."""

from __future__ import annotations
