"""Weights of the confidence model (see `monitor.extract.confidence`); written by training, not by hand.

Trained on 325 readings of the labelled look articles (71 outlets), logistic
regression with L2; the threshold was chosen by 5-fold cross-validation across outlets.
"""

from __future__ import annotations

WEIGHTS: dict[str, float] = {
    "bias": -0.161,
    "background": 0.214,
    "condition": -0.01,
    "has_effective": 0.204,
    "has_rate": 0.473,
    "has_sector": 0.241,
    "has_until": 0.135,
    "headline": 0.118,
    "imposer_named": 0.643,
    "imposer_us": 0.684,
    "in_effect": 0.074,
    "kind_deal": 0.123,
    "kind_lift": 0.145,
    "kind_negotiation": 0.384,
    "kind_pause": -0.017,
    "kind_relief": -0.116,
    "kind_tariff": -0.745,
    "kind_withdrawal": 0.062,
    "long_sentence": -0.373,
    "many_targets": -0.031,
    "modal": -0.022,
    "money": 0.256,
    "negation": -0.175,
    "quote": -0.16,
    "short_sentence": 0.172,
    "speech": 0.055,
    "statistic": -0.279,
    "targets_any": 0.247,
    "targets_default": -0.165,
    "targets_named": 0.551,
    "threatened": 0.043,
}
THRESHOLD = 0.45
