"""Weights of the confidence model (see `monitor.extract.confidence`); written by training, not by hand.

Trained on 331 readings of the labelled look articles (71 outlets), logistic
regression with L2; the threshold was chosen by 5-fold cross-validation across outlets.
"""

from __future__ import annotations

WEIGHTS: dict[str, float] = {
    "bias": -0.322,
    "background": 0.131,
    "condition": 0.061,
    "has_effective": 0.118,
    "has_rate": 0.472,
    "has_sector": -0.04,
    "has_until": 0.174,
    "headline": 0.256,
    "imposer_named": 0.655,
    "imposer_us": 0.532,
    "in_effect": 0.005,
    "kind_deal": 0.144,
    "kind_lift": 0.154,
    "kind_negotiation": 0.169,
    "kind_pause": -0.023,
    "kind_relief": -0.2,
    "kind_tariff": -0.644,
    "kind_withdrawal": 0.092,
    "long_sentence": -0.246,
    "many_targets": -0.021,
    "modal": -0.168,
    "money": -0.063,
    "negation": -0.274,
    "quote": -0.14,
    "short_sentence": 0.163,
    "speech": -0.066,
    "statistic": -0.122,
    "targets_any": 0.264,
    "targets_default": -0.178,
    "targets_named": 0.441,
    "threatened": -0.098,
}
THRESHOLD = 0.25
