"""Weights of the confidence model (see `monitor.extract.confidence`); written by training, not by hand.

Trained on 330 readings of the labelled look articles (71 outlets), logistic
regression with L2; the threshold was chosen by 5-fold cross-validation across outlets.
"""

from __future__ import annotations

WEIGHTS: dict[str, float] = {
    "bias": -0.3,
    "background": 0.06,
    "condition": 0.014,
    "has_effective": 0.17,
    "has_rate": 0.52,
    "has_sector": 0.275,
    "has_until": 0.157,
    "headline": 0.209,
    "imposer_named": 0.72,
    "imposer_us": 0.545,
    "in_effect": -0.026,
    "kind_deal": 0.071,
    "kind_lift": 0.153,
    "kind_negotiation": 0.395,
    "kind_pause": 0.015,
    "kind_relief": -0.16,
    "kind_tariff": -0.83,
    "kind_withdrawal": 0.065,
    "long_sentence": -0.296,
    "many_targets": -0.065,
    "modal": -0.064,
    "money": 0.244,
    "negation": -0.259,
    "quote": -0.287,
    "short_sentence": 0.146,
    "speech": 0.246,
    "statistic": -0.254,
    "targets_any": 0.378,
    "targets_default": -0.223,
    "targets_named": 0.637,
    "threatened": -0.125,
}
THRESHOLD = 0.4
