"""A second look at the sentences the rules read no tariff from: a trained model flags those that state one,
and the fact is built from the reader's own pieces (who acts and who is hit, the rate, the sector, the dates).

The hand rules read the phrasings they were written for; news says the same things in many other words. The
model is a logistic regression over a sentence's words and word pairs (only those that appeared in articles
of three outlets or more when it was trained, so no one outlet's phrasing is learned) and a few facts about
its shape (a rate, a country, a tariff word, a date, a quote, its length, what the rules found in it). Its
weights are a trained file (`proposer_model`, written by `tools/train_proposer.py`; no article ships).

The weights shipped flag nothing: in cross-validation by outlet no threshold did better than the rules alone,
and even a flagger that knew the answers did not, the parts filling most flagged sentences wrongly (the
figures are in docs/extract.md). The hook stays so that a retraining can switch it on.
"""

from __future__ import annotations

import math
import re
from contextlib import AbstractContextManager
from contextvars import ContextVar
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import pairwise
from typing import TYPE_CHECKING

from monitor.extract import vocabulary as vocab
from monitor.extract.clauses import blocked, is_policy, masked
from monitor.extract.facts import Fact
from monitor.extract.gazetteer import ACTOR, ANY, BLOC, UNIVERSAL, Mention
from monitor.extract.rates import find_rates
from monitor.extract.sectors import find_sectors
from monitor.extract.switches import switched

if TYPE_CHECKING:
    from monitor.extract.context import Context

# Words, numbers and the percent sign; a country named becomes one token ("on Japan" and "on Chile" are the
# same phrasing), as does a rate ("25 percent", "25%").
_TOKEN = re.compile(r"[a-z]+(?:['’][a-z]+)?|\d+(?:[.,]\d+)*|%|\$")
_QUOTE = re.compile(r"[\"“”]")
_MONEY = re.compile(r"\$|\bbillion\b|\bmillion\b", re.I)
_SHORT, _LONG = 80, 250


@dataclass(frozen=True, kw_only=True)
class Model:
    """The proposer's weights and the probability from which a sentence is flagged."""

    weights: dict[str, float]
    threshold: float

    def probability(self, features: frozenset[str]) -> float:
        """The model's probability that a sentence with these features states a tariff."""
        z = self.weights.get("bias", 0.0) + sum(self.weights.get(f, 0.0) for f in features)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@lru_cache(maxsize=1)
def _shipped() -> Model:
    from monitor.extract import proposer_model

    return Model(weights=proposer_model.WEIGHTS, threshold=proposer_model.THRESHOLD)


# Training swaps the model (one per cross-validation fold) and records every sentence's features; at run time
# neither is set and the shipped weights are used.
_MODEL: ContextVar[Model | None] = ContextVar("_MODEL", default=None)
_RECORD: ContextVar[list[tuple[str, frozenset[str], bool]] | None] = ContextVar("_RECORD", default=None)
_OFF = Model(weights={}, threshold=2.0)  # flags nothing


def using(model: Model | None) -> AbstractContextManager[Model]:
    """Within the block, sentences are judged by `model` (None: by none, the rules alone)."""
    return switched(_MODEL, model if model is not None else _OFF)


def recording() -> AbstractContextManager[list[tuple[str, frozenset[str], bool]]]:
    """Within the block, every sentence read is kept with its features and whether the rules found a tariff."""
    return switched(_RECORD, [])


def tokens(sentence: str, mentions: list[Mention]) -> list[str]:
    """The sentence's lower-cased words, each country named replaced by `xus` or `xcountry`, each rate by
    `xrate` and each other number by `xnum`."""
    pieces: list[str] = []
    at = 0
    spans = [(m.start, m.end, "xus" if m.code == "US" else "xcountry") for m in mentions if m.form != BLOC]
    spans += [(m.start(), m.end(), "xrate") for m in vocab.RATE.finditer(sentence)]
    for start, end, name in sorted(spans):
        if start < at:
            continue
        pieces.append(sentence[at:start])
        pieces.append(f" {name} ")
        at = end
    pieces.append(sentence[at:])
    words = _TOKEN.findall("".join(pieces).lower())
    return ["xnum" if w[0].isdigit() else w for w in words]


def features(sentence: str, mentions: list[Mention], found: list[Fact]) -> frozenset[str]:
    """The model's features of one sentence: its words (`w:`), word pairs (`b:`) and shape (`s:`)."""
    words = tokens(sentence, mentions)
    names = {f"w:{w}" for w in words}
    names.update(f"b:{a}_{b}" for a, b in pairwise(words))
    countries = {m.code for m in mentions if m.form not in {ACTOR, UNIVERSAL}}
    text = sentence.strip()
    scan = masked(sentence)
    tariff_words = list(vocab.TARIFF_WORD.finditer(scan))
    shape = {
        "rate": bool(vocab.RATE.search(sentence)),
        "tariff_rate": bool(find_rates(sentence)),  # a rate that is not a statistic or a market move
        "policy": any(is_policy(scan, w) for w in tariff_words),  # a tariff word a policy verb governs
        "blocked": any(blocked(sentence, w) for w in tariff_words),  # a demand, wish or condition governs it
        "threat": bool(vocab.THREAT.search(sentence)),
        "in_effect": bool(vocab.IN_EFFECT.search(sentence)),
        "sector": bool(find_sectors(sentence)),
        "tariff_word": bool(tariff_words),
        "trade_hint": bool(vocab.TRADE_HINT.search(sentence)),
        "no_country": not countries,
        "one_country": len(countries) == 1,
        "many_countries": len(countries) > 1,
        "us": "US" in countries,
        "everyone": any(m.code == ANY for m in mentions),
        "actor": any(m.form == ACTOR for m in mentions),
        "date": bool(_dated(sentence)),
        "quote": bool(_QUOTE.search(sentence)),
        "money": bool(_MONEY.search(sentence)),
        "short": len(text) < _SHORT,
        "long": len(text) > _LONG,
        "headline": bool(text) and text[-1] not in ".!?\"”’'",
        "rules_fact": bool(found),
        "rules_tariff": any(f.kind == "tariff" for f in found),
        "rules_other": any(f.kind != "tariff" for f in found),
    }
    names.update(f"s:{name}" for name, on in shape.items() if on)
    return frozenset(names)


def _dated(sentence: str) -> bool:
    from monitor.extract.dates import MONTH_DAY, PART_MONTH, RELATIVE, WEEKDAY

    return any(p.search(sentence) for p in (MONTH_DAY, WEEKDAY, PART_MONTH, RELATIVE))


def propose(sentence: str, ctx: Context, mentions: list[Mention], found: list[Fact]) -> list[Fact]:
    """The tariffs of a sentence the rules read no tariff from (`found`: what they read), when the model
    judges that it states one; their confidence is the model's probability."""
    record = _RECORD.get()
    model = _MODEL.get() or _shipped()
    ruled = any(f.kind == "tariff" for f in found)
    if record is None and (ruled or model.threshold > 1.0):
        return []  # nothing to judge, or no model to judge it: no time spent on features
    names = features(sentence, mentions, found)
    if record is not None:
        record.append((sentence, names, ruled))
    if ruled:
        return []
    p = model.probability(names)
    if p < model.threshold:
        return []
    from monitor.extract.filling import fill

    return [replace(f, confidence=round(p, 2)) for f in fill(sentence, ctx, mentions)]
