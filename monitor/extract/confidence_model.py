"""Weights of the confidence model (see `monitor.extract.confidence`); written by training, not by hand.

Trained on 332 readings of the labelled look articles (71 outlets), logistic
regression with L2; the threshold was chosen by 5-fold cross-validation across outlets.
"""

from __future__ import annotations

WEIGHTS: dict[str, float] = {
    "bias": -0.355,
    "background": 0.064,
    "condition": 0.02,
    "has_effective": 0.131,
    "has_rate": 0.537,
    "has_sector": 0.279,
    "has_until": 0.145,
    "headline": 0.212,
    "imposer_named": 0.769,
    "imposer_us": 0.525,
    "kind_deal": 0.083,
    "kind_lift": 0.171,
    "kind_negotiation": 0.408,
    "kind_pause": 0.009,
    "kind_relief": -0.249,
    "kind_tariff": -0.832,
    "kind_withdrawal": 0.068,
    "long_sentence": -0.354,
    "many_targets": -0.06,
    "modal": -0.066,
    "money": 0.259,
    "negation": -0.231,
    "quote": -0.25,
    "short_sentence": 0.164,
    "speech": 0.23,
    "statistic": -0.221,
    "targets_any": 0.338,
    "targets_default": -0.161,
    "targets_named": 0.598,
    "threatened": -0.11,
}
THRESHOLD = 0.4
