"""Tariff measures: facts decided into measure events, and their state (also as of a past date)."""

from __future__ import annotations
