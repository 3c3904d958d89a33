"""Weights of the confidence model (see `monitor.extract.confidence`); written by training, not by hand.

Trained on 337 readings of the labelled look articles (72 outlets), logistic
regression with L2; the threshold was chosen by 5-fold cross-validation across outlets.
"""

from __future__ import annotations

WEIGHTS: dict[str, float] = {
    "bias": -0.359,
    "background": 0.203,
    "condition": 0.033,
    "has_effective": 0.099,
    "has_rate": 0.495,
    "has_sector": -0.133,
    "has_until": 0.193,
    "headline": 0.251,
    "imposer_named": 0.697,
    "imposer_us": 0.505,
    "in_effect": -0.034,
    "kind_deal": 0.092,
    "kind_lift": 0.098,
    "kind_negotiation": 0.179,
    "kind_pause": -0.055,
    "kind_relief": -0.166,
    "kind_tariff": -0.583,
    "kind_withdrawal": 0.094,
    "long_sentence": -0.232,
    "many_targets": -0.124,
    "modal": -0.097,
    "money": -0.034,
    "negation": -0.252,
    "quote": 0.037,
    "short_sentence": 0.15,
    "speech": -0.114,
    "statistic": -0.204,
    "targets_any": 0.169,
    "targets_default": -0.139,
    "targets_named": 0.383,
    "threatened": 0.028,
}
THRESHOLD = 0.3
