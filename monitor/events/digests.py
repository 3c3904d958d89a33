"""Event types of the digests room."""

from __future__ import annotations
