"""Weights of the kind arbiter (see `monitor.extract.kind_arbiter`); written by training, not by hand.

None ship: in cross-validation across outlets no threshold gained enough over the rules alone (see
docs/extract.md), so the threshold is out of reach and the arbiter changes no kind.
"""

from __future__ import annotations

WEIGHTS: dict[str, dict[str, float]] = {}
THRESHOLD = 2.0
