"""Event types of the measures room."""

from __future__ import annotations
