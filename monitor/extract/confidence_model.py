"""Weights of the confidence model (see `monitor.extract.confidence`); written by training, not by hand.

Trained on 325 readings of the labelled look articles (71 outlets), logistic
regression with L2; the threshold was chosen by 5-fold cross-validation across outlets.
"""

from __future__ import annotations

WEIGHTS: dict[str, float] = {
    "bias": -0.126,
    "background": 0.2,
    "condition": 0.058,
    "has_effective": 0.237,
    "has_rate": 0.485,
    "has_sector": 0.256,
    "has_until": 0.128,
    "headline": 0.041,
    "imposer_named": 0.626,
    "imposer_us": 0.65,
    "in_effect": 0.022,
    "kind_deal": 0.121,
    "kind_lift": 0.123,
    "kind_negotiation": 0.372,
    "kind_pause": -0.027,
    "kind_relief": -0.126,
    "kind_tariff": -0.655,
    "kind_withdrawal": 0.061,
    "long_sentence": -0.415,
    "many_targets": 0.011,
    "modal": 0.038,
    "money": 0.31,
    "negation": -0.215,
    "quote": -0.148,
    "short_sentence": 0.179,
    "speech": 0.135,
    "statistic": -0.242,
    "targets_any": 0.274,
    "targets_default": -0.213,
    "targets_named": 0.515,
    "threatened": 0.181,
}
THRESHOLD = 0.45
