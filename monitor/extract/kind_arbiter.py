"""A second opinion on the kind of a fact: a trained model re-decides whether a measure the rules read is a
tariff, a pause, a lift, a relief, talks, a deal or a withdrawal, where it is much surer than of the rules' kind.

The rules choose a kind by cues written for the phrasings seen; on other outlets a fact right in every field
but its kind is a frequent error. The model judges each fact by the words of the clause around its tariff word
(lower-cased, a verb's or noun's endings stripped), the verb that governs the tariff word, which kinds' cue words
the clause holds, what the rules read (their kind, a rate, an end date, goods) and whether the clause is denied
or hedged. One logistic regression per kind (one against the rest) gives each kind a score; the scores are
normalised. Its weights are a trained file (`kind_model`, written by `tools/train_kinds.py`); training swaps the
model and records what the rules read (`using`, `recording`). While no weights ship it returns at once.
"""

from __future__ import annotations

import math
import re
from contextlib import AbstractContextManager
from contextvars import ContextVar
from dataclasses import dataclass, replace
from functools import lru_cache

from monitor.extract import vocabulary as vocab
from monitor.extract.clauses import clause_pieces, masked
from monitor.extract.facts import Fact
from monitor.extract.matching import Cue
from monitor.extract.switches import switched

# The cue words of each kind, as the rules know them: which of them a clause holds, and which governs the tariff
# word, is most of what tells one kind from another.
_CUES: tuple[tuple[str, Cue], ...] = (
    ("pause", vocab.PAUSE),
    ("lift", vocab.LIFT),
    ("relief", vocab.RELIEF),
    ("talks", vocab.TALKS),
    ("deal_noun", vocab.DEAL_NOUN),
    ("deal_verb", vocab.DEAL_VERB),
    ("withdraw", vocab.WITHDRAW),
    ("action", vocab.TARIFF_ACTION),
    ("threat", vocab.THREAT),
    ("in_effect", vocab.IN_EFFECT),
    ("quota", vocab.QUOTA_WORD),
    ("retaliation", vocab.RETALIATION),
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
# How many words either side of the anchor are read when the clause is long.
_REACH = 12
# Kinds whose fact names no goods or rate of a measure: a fact turned into one drops them.
_AGREEMENTS = frozenset({"negotiation", "deal", "withdrawal"})


@dataclass(frozen=True, kw_only=True)
class Model:
    """One set of weights per kind, and how much surer of another kind than of the rules' the model must be."""

    weights: dict[str, dict[str, float]]
    threshold: float  # margin of probability another kind must have over the rules' kind

    def probabilities(self, names: frozenset[str]) -> dict[str, float]:
        """Each kind's probability for a fact with these features (normalised over the kinds with weights)."""
        raw = {}
        for kind, weights in self.weights.items():
            z = weights.get("bias", 0.0) + sum(weights.get(f, 0.0) for f in names)
            raw[kind] = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
        total = sum(raw.values()) or 1.0
        return {kind: p / total for kind, p in raw.items()}

    def decide(self, sentence: str, fact: Fact) -> Fact:
        """`fact` with its kind re-decided by this model where it is surer than its threshold."""
        if not self.weights:
            return fact
        p = self.probabilities(features(sentence, fact))
        best = max(p, key=lambda k: p[k])
        if best == fact.kind or p[best] - p.get(fact.kind, 0.0) < self.threshold:
            return fact
        return rekind(fact, best)


def rekind(fact: Fact, kind: str) -> Fact:
    """`fact` as a fact of `kind`: only a tariff has a status; talks, deals and withdrawals name no goods or rate."""
    status = (fact.status or "announced") if kind == "tariff" else None
    if kind in _AGREEMENTS:
        return replace(fact, kind=kind, status=status, sector=None, rate=None, previous_rate=None, until=None)
    return replace(fact, kind=kind, status=status)


@lru_cache(maxsize=1)
def _shipped() -> Model:
    from monitor.extract import kind_model

    return Model(weights=kind_model.WEIGHTS, threshold=kind_model.THRESHOLD)


_OFF = Model(weights={}, threshold=2.0)  # changes nothing
_MODEL: ContextVar[Model | None] = ContextVar("_kind_model", default=None)
# (sentence, the facts the rules read from it) for every sentence read.
Record = tuple[str, list[Fact]]
_RECORD: ContextVar[list[Record] | None] = ContextVar("_kind_record", default=None)


def using(model: Model | None) -> AbstractContextManager[Model]:
    """Within the block, kinds are judged by `model` (None: by none, the rules alone)."""
    return switched(_MODEL, model if model is not None else _OFF)


def recording() -> AbstractContextManager[list[Record]]:
    """Within the block, every sentence read is kept with the rules' facts."""
    return switched(_RECORD, [])


def lemma(word: str) -> str:
    """A word lower-cased with a plural or a verb's ending stripped the simple way ("lifted" -> "lift")."""
    return vocab.KIND_LEMMA_ENDING.sub("", word.lower())


def _rate_at(sentence: str, rate: float) -> int | None:
    """Where the fact's rate is written in the sentence (its number), if it is."""
    number = f"{rate:g}"
    found = re.search(rf"(?<![\d.]){re.escape(number)}(?:\.0+)?(?![\d])", sentence)
    return found.start() if found else None


def _anchor(sentence: str, scan: str, fact: Fact) -> int:
    """The place in the sentence the fact is about: its rate, else its first tariff word, else its start."""
    if fact.rate is not None:
        at = _rate_at(sentence, fact.rate)
        if at is not None:
            return at
    word = vocab.TARIFF_WORD.search(scan)
    return word.start() if word else 0


def _clause(sentence: str, anchor: int) -> tuple[str, int]:
    """The clause holding `anchor`, and where the anchor falls in it."""
    for piece in clause_pieces(sentence):
        at = piece.at(anchor)
        if at is not None:
            return piece.text, at
    return sentence, anchor


def features(sentence: str, fact: Fact) -> frozenset[str]:
    """The features of the fact `fact` read from `sentence`."""
    scan = masked(sentence)
    clause, at = _clause(sentence, _anchor(sentence, scan, fact))
    clause_scan = masked(clause)
    kind = fact.kind
    names = {f"rk:{kind}"}
    tokens = [(m.start(), m.group(0)) for m in _WORD.finditer(clause)]
    near = [i for i, (start, _w) in enumerate(tokens) if start >= at]
    centre = near[0] if near else len(tokens)
    for _start, word in tokens[max(0, centre - _REACH) : centre + _REACH]:
        if word[0].isupper() and word.upper() != word and _start > 0:
            continue  # a name: the outlet's subject, not the kind of act
        names.add(f"w:{lemma(word)}")
    tariff = vocab.TARIFF_WORD.search(clause_scan)
    if tariff is None:
        names.add("no_tariff_word")
    held = []
    for name, cue in _CUES:
        found = cue.search(clause)
        if found is None:
            continue
        held.append((found.start(), name, found.group(0)))
        names.add(f"c:{name}")
        names.add(f"rkc:{kind}_{name}")
        if tariff is not None:
            names.add(f"c{'<' if found.start() < tariff.start() else '>'}:{name}")
    if held:
        # The governing verb: the cue word nearest before the tariff word (its verb or noun), else the first after
        # it (a passive: "duties were lifted").
        pivot = tariff.start() if tariff is not None else at
        specific = [h for h in held if h[1] not in {"threat", "in_effect", "action"}]
        gov = (
            max((h for h in specific if h[0] <= pivot), default=None)
            or min((h for h in specific if h[0] > pivot), default=None)
            or max((h for h in held if h[0] <= pivot), default=None)
            or min(held)
        )
        names.add(f"gv:{lemma(gov[2].split()[0])}")
        names.add(f"gk:{gov[1]}")
        names.add(f"rkg:{kind}_{gov[1]}")
    for flag, value in (
        ("rate", fact.rate is not None),
        ("until", fact.until is not None),
        ("sector", fact.sector is not None),
        ("effective", fact.effective is not None),
    ):
        names.add(f"{flag}:{value}")
        names.add(f"rk{flag}:{kind}_{value}")
    if vocab.NEGATION.search(clause):
        names.add("negated")
    if vocab.KIND_HEDGE.search(clause):
        names.add("hedged")
    return frozenset(names)


def arbitrate(sentence: str, found: list[Fact]) -> list[Fact]:
    """The facts the rules read from `sentence`, each one's kind re-decided where the model is sure."""
    record = _RECORD.get()
    model = _MODEL.get() or _shipped()
    if record is not None:
        record.append((sentence, found))
    if model.threshold > 1.0:
        return found  # no model ships: no time spent on features
    return [model.decide(sentence, f) for f in found]
