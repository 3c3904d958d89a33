"""How sure a reading is: a logistic model over how the fact's parts were resolved and what its sentence
looks like, trained on labelled articles (the weights are in `confidence_model`; no article ships).

The features say how the reading went (the acting side named in the clause or carried from the article,
the side hit named, carried or guessed; a rate, a sector, a date stated) and what kind of sentence it is
(a headline, a long sentence, speech, money figures, statistics, conditions). `confidence` is the
model's probability that the fact is right; facts below `confidence_model.THRESHOLD` are not reported.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from contextlib import AbstractContextManager
from contextvars import ContextVar
from functools import lru_cache

from monitor.extract import confidence_model
from monitor.extract.facts import Fact
from monitor.extract.gazetteer import ANY
from monitor.extract.matching import blind
from monitor.extract.switches import switched

_LONG_SENTENCE = 300
_SHORT_SENTENCE = 80
_QUOTE = re.compile(r"[\"“”]")
# Case-blind word lists, run on the lower-cased sentence (`Cue`): several times faster than re.I.
_MODAL = blind(r"\b(?:could|might|may|would|possibly|potential|considering|consider)\b")
_SPEECH = blind(r"\b(?:said|says|told|according\s+to|reported|stated|added)\b")
_MONEY = blind(r"\$|\bbillion\b|\bmillion\b|\byuan\b|\beuros?\b")
_STATISTIC = blind(
    r"\b(?:exports?|imports?|shipments|growth|GDP|inflation|deficit|surplus|prices|forecast|revenue|"
    r"economists?|analysts?|estimates?|stocks?|shares)\b"
)
_NEGATION = blind(r"\b(?:not|no|never|n't)\b")
_CONDITION = blind(r"\b(?:if|unless|whether)\b")
_PAST_BACKGROUND = blind(r"\b(?:in\s+(?:19|20)\d\d|last\s+year|first\s+term|previously|earlier)\b")


def features(
    kind: str,
    *,
    imposer: str,
    targets: tuple[str, ...],
    imposer_named: bool,
    targets_named: bool,
    targets_default: bool,
    fields: Mapping[str, object],
    sentence: str,
) -> dict[str, float]:
    """The model's features for one reading (each 0 or 1)."""
    found = {
        f"kind_{kind}": True,
        "imposer_named": imposer_named,
        "targets_named": targets_named,
        "targets_default": targets_default,
        "imposer_us": imposer == "US",
        "targets_any": ANY in targets,
        "many_targets": len(targets) > 2,
        "has_rate": fields.get("rate") is not None,
        "has_sector": fields.get("sector") is not None,
        "has_until": fields.get("until") is not None,
        "has_effective": fields.get("effective") is not None,
        "threatened": fields.get("status") == "threatened",
        "in_effect": fields.get("status") == "in_effect",
    }
    values = {name: 1.0 for name, on in found.items() if on}
    values.update(dict.fromkeys(_sentence_features(sentence), 1.0))
    record = _RECORD.get()
    if record is not None:
        names = frozenset(values)
        record[(kind, imposer, tuple(targets), sentence, *(fields.get(k) for k in _FIELDS))] = names
        record.setdefault((kind, imposer, tuple(targets), sentence, *(fields.get(k) for k in _UNDATED)), names)
        record.setdefault((kind, imposer, sentence), names)
    return values


# Training reads back the features of every reading; a fact carries only its confidence, so the features
# are recorded by what identifies the fact they were worked out for (its fields as made, or, for a fact
# whose dates or targets were settled later, its kind, actor and sentence).
_FIELDS = ("sector", "rate", "until", "effective", "status", "previous_rate", "authority")
_UNDATED = ("sector", "rate", "status", "previous_rate", "authority")
_RECORD: ContextVar[dict[tuple[object, ...], frozenset[str]] | None] = ContextVar("_RECORD", default=None)


def recording() -> AbstractContextManager[dict[tuple[object, ...], frozenset[str]]]:
    """Within the block, the features of every reading made are kept (for `features_of`)."""
    return switched(_RECORD, {})


def features_of(fact: Fact, record: Mapping[tuple[object, ...], frozenset[str]]) -> frozenset[str] | None:
    """The features `fact` was judged by, from a `recording()`; None if it was not made within one."""
    made = (fact.kind, fact.imposer, fact.targets, fact.evidence)
    return (
        record.get((*made, *(getattr(fact, k) for k in _FIELDS)))
        or record.get((*made, *(getattr(fact, k) for k in _UNDATED)))
        or record.get((fact.kind, fact.imposer, fact.evidence))
    )


@lru_cache(maxsize=64)
def _sentence_features(sentence: str) -> frozenset[str]:
    """The features of the sentence itself, worked out once however many facts it states."""
    text = sentence.strip()
    found = {
        "headline": bool(text) and text[-1] not in ".!?\"”’'",
        "long_sentence": len(text) > _LONG_SENTENCE,
        "short_sentence": len(text) < _SHORT_SENTENCE,
        "quote": bool(_QUOTE.search(text)),
        "modal": bool(_MODAL.search(text)),
        "speech": bool(_SPEECH.search(text)),
        "money": bool(_MONEY.search(text)),
        "statistic": bool(_STATISTIC.search(text)),
        "negation": bool(_NEGATION.search(text)),
        "condition": bool(_CONDITION.search(text)),
        "background": bool(_PAST_BACKGROUND.search(text)),
    }
    return frozenset(name for name, on in found.items() if on)


def confidence(values: Mapping[str, float]) -> float:
    """The model's probability that a reading with these features is right, rounded to 2 places."""
    weights = confidence_model.WEIGHTS
    z = weights.get("bias", 0.0) + sum(weights.get(name, 0.0) * value for name, value in values.items())
    return _probability(z)


def _probability(z: float) -> float:
    """The logistic of log-odds `z` (clamped, so no overflow), rounded to 2 places."""
    return round(1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z)))), 2)


def with_rate(sure: float) -> float:
    """How sure a reading judged `sure` without a rate is once a rate is stated for it (a list item that
    gives the measure of the line before it a rate), rounded to 2 places: the model's weight for a stated
    rate added to the reading's odds."""
    if not 0.0 < sure < 1.0:
        return sure
    return _probability(math.log(sure / (1.0 - sure)) + confidence_model.WEIGHTS.get("has_rate", 0.0))
