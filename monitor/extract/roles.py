"""A second opinion on who acts and who is hit: a trained model re-decides a measure's imposer and targets
among the parties its sentence names, where it is sure.

The hand rules (`parties`) read each clause's grammar with cues written for the phrasings seen; the model
judges each party named in the sentence by the shape of its place there, never by an outlet's words: the
function word just before it (on, against, from, by, with ...), what follows it (a possessive, a tariff word,
goods, a verb of acting or of being hit), its form (a name, a demonym, a capital, a leader or office),
whether it stands before or after the tariff word and the rate, in a quote or a time clause, whether it is the
country the article is about, and what the rules chose for it. Two logistic regressions give each party's
probability of acting and of being hit. Their weights are a trained file (`roles_model`, written by
`tools/train_roles.py`); training swaps the model and records what the rules read (`using`, `recording`).

The weights shipped overrule nothing: in cross-validation by outlet the rules gave more parties their gold
role than the model on every fold, and no threshold raised F1 (the figures are in docs/extract.md). The hook
stays so that a retraining can switch it on; while no weights ship it returns at once.
"""

from __future__ import annotations

import math
import re
from contextlib import AbstractContextManager
from contextvars import ContextVar
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING

from monitor.extract import vocabulary as vocab
from monitor.extract.clauses import masked
from monitor.extract.facts import Fact
from monitor.extract.gazetteer import ANY, Mention
from monitor.extract.switches import switched

if TYPE_CHECKING:
    from monitor.extract.context import Context

# The measures whose sides are "the taxing side / the exporters hit"; talks and deals name parties otherwise.
MEASURES = frozenset({"tariff", "pause", "lift", "relief"})

# Function words whose place before a party says most about its role; any other word is described by its shape.
_BEFORE_WORDS = frozenset(
    {
        "on",
        "against",
        "from",
        "by",
        "with",
        "to",
        "for",
        "of",
        "in",
        "into",
        "at",
        "between",
        "and",
        "or",
        "than",
        "over",
        "the",
        "its",
        "their",
        "said",
        "says",
        "while",
        "as",
        "including",
        "like",
    }
)
_WORD_BEFORE = re.compile(r"([A-Za-z]+|[,;:(\"“”'’-])\s*$")
_WORD_AFTER = re.compile(r"^\s*([A-Za-z]+|[,;:.)\"“”'’-])")
_AFTER_WORDS = frozenset(
    {
        "and",
        "or",
        "said",
        "says",
        "has",
        "have",
        "had",
        "is",
        "are",
        "was",
        "were",
        "will",
        "would",
        "could",
        "to",
        "on",
        "in",
        "of",
        "for",
        "with",
        "from",
        "by",
        "that",
        "which",
        "who",
        "also",
        "imposed",
        "imposes",
        "imposing",
        "announced",
        "raised",
        "retaliated",
        "faces",
        "face",
        "faced",
        "agreed",
        "threatened",
    }
)
_POSSESSIVE = re.compile(r"^(?:'s|’s|')")
_QUOTE = re.compile(r"[\"“”]")
_TIME_WORD = re.compile(r"\b(?:when|after|since|before|while|until|as)\s+[^,;]*$", re.I)
_RELATIVE = re.compile(r"\b(?:which|who|whose|that)\s+[^,;]*$", re.I)
_HIT = re.compile(
    r"^(?:'s|’s)?\s*(?:\w+\s+)?(?:faces?|faced|facing|was|were|is|are|been|be|will\s+pay|pays|paid|gets?|got)\b", re.I
)
_PASSIVE_BY = re.compile(r"\b(?:by)\s+(?:the\s+)?$", re.I)
# A number of countries rather than a name: "14 countries", "several nations", "around 90 other economies".
_MANY = re.compile(
    r"\b(?:\d+|several|many|dozens\s+of|scores\s+of|a\s+number\s+of|a\s+host\s+of|numerous|multiple|various)"
    r"\s+(?:other\s+|more\s+|major\s+|key\s+|\w+\s+)?(?:countries|nations|economies|trading\s+partners|partners)\b",
    re.I,
)
_EXAMPLE_BEFORE = re.compile(r"\b(?:including|such\s+as|like|among\s+them|notably)\s+(?:the\s+)?$", re.I)
_THE_COUNTRY = re.compile(r"\bthe\s+country\b", re.I)


@dataclass(frozen=True, kw_only=True)
class Model:
    """The two sets of weights and how sure the model must be to overrule the rules."""

    acts: dict[str, float]
    hit: dict[str, float]
    threshold: float  # probability a party must reach to be chosen over the rules' choice

    @staticmethod
    def _p(weights: dict[str, float], names: frozenset[str]) -> float:
        z = weights.get("bias", 0.0) + sum(weights.get(f, 0.0) for f in names)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def acting(self, names: frozenset[str]) -> float:
        """The probability that a party with these features is the side that acts."""
        return self._p(self.acts, names)

    def hitting(self, names: frozenset[str]) -> float:
        """The probability that a party with these features is a side hit."""
        return self._p(self.hit, names)

    def decide(self, sentence: str, mentions: list[Mention], fact: Fact, ctx: dict[str, str | None]) -> Fact:
        """`fact` with its sides re-decided by this model (see `decide`)."""
        return decide(self, sentence, mentions, fact, ctx)


@lru_cache(maxsize=1)
def _shipped() -> Model:
    from monitor.extract import roles_model

    return Model(acts=roles_model.ACTS, hit=roles_model.HIT, threshold=roles_model.THRESHOLD)


_OFF = Model(acts={}, hit={}, threshold=2.0)  # overrules nothing
_MODEL: ContextVar[Model | None] = ContextVar("_roles_model", default=None)
# (sentence, its parties, the article's context as codes, the rules' facts) for every sentence read.
Record = tuple[str, list[Mention], dict[str, str | None], list[Fact]]
_RECORD: ContextVar[list[Record] | None] = ContextVar("_roles_record", default=None)


def using(model: Model | None) -> AbstractContextManager[Model]:
    """Within the block, parties are judged by `model` (None: by none, the rules alone)."""
    return switched(_MODEL, model if model is not None else _OFF)


def recording() -> AbstractContextManager[list[Record]]:
    """Within the block, every sentence read is kept with its parties, context and the rules' facts."""
    return switched(_RECORD, [])


def context_codes(ctx: Context) -> dict[str, str | None]:
    """What the article says about its parties, as codes (what a party's features compare with)."""
    return {
        "partner": ctx.partner,
        "home": ctx.home,
        "government": ctx.government,
        "actor": ctx.actor.imposer if ctx.actor is not None else None,
    }


def _shape_before(text: str) -> str:
    found = _WORD_BEFORE.search(text)
    if not found:
        return "start"
    word = found.group(1)
    if word.lower() in _BEFORE_WORDS:
        return word.lower()
    if not word[0].isalpha():
        return "punct" if word not in "\"“”'’" else "quote"
    return "cap" if word[0].isupper() else "word"


def _shape_after(text: str) -> str:
    if _POSSESSIVE.match(text):
        return "poss"
    found = _WORD_AFTER.match(text)
    if not found:
        return "end"
    word = found.group(1)
    if word.lower() in _AFTER_WORDS:
        return word.lower()
    if not word[0].isalpha():
        return "punct"
    if vocab.TARIFF_WORD.search(word):
        return "tariff"
    if word.lower().endswith("ed"):
        return "verb_ed"
    if word.lower().endswith("s") and not word[0].isupper():
        return "word_s"
    return "cap" if word[0].isupper() else "word"


def features(
    sentence: str, mentions: list[Mention], index: int, fact: Fact, ctx: dict[str, str | None]
) -> frozenset[str]:
    """The features of the party `mentions[index]` for the measure `fact` read from `sentence`."""
    m = mentions[index]
    before, after = sentence[max(0, m.start - 60) : m.start], sentence[m.end : m.end + 60]
    scan = masked(sentence)
    tariff = vocab.TARIFF_WORD.search(scan)
    action = vocab.ACTION.search(sentence)
    rate = vocab.RATE.search(sentence)
    p, n = _shape_before(before), _shape_after(after)
    codes = [x.code for x in mentions]
    names = {
        f"form:{m.form}",
        f"p:{p}",
        f"n:{n}",
        f"pn:{p}_{n}",
        f"fp:{m.form}_{p}",
        f"fn:{m.form}_{n}",
        f"kind:{fact.kind}",
    }
    if m.code == "US":
        names.add("us")
    if m.code == ANY:
        names.add("any")
    for name, anchor in (("tariff", tariff), ("action", action), ("rate", rate)):
        if anchor is None:
            names.add(f"no_{name}")
        else:
            side = "before" if m.end <= anchor.start() else "after"
            names.add(f"{side}_{name}")
            if side == "before" and anchor.start() - m.end <= 25:
                names.add(f"just_before_{name}")
    if index == 0 or all(x.code == m.code for x in mentions[:index]):
        names.add("first")
    if len(_QUOTE.findall(sentence[: m.start])) % 2:
        names.add("quoted")
    if _TIME_WORD.search(sentence[max(0, m.start - 50) : m.start]):
        names.add("time_clause")
    if _RELATIVE.search(sentence[max(0, m.start - 50) : m.start]):
        names.add("relative_clause")
    if _HIT.match(after):
        names.add("hit_after")
    if _PASSIVE_BY.search(before):
        names.add("agent_by")
    distinct = len({c for c in codes if c != ANY})
    names.add(f"parties:{min(distinct, 3)}")
    if codes.count(m.code) > 1:
        names.add("repeated")
    for key, code in ctx.items():
        if code is not None and code == m.code:
            names.add(f"ctx:{key}")
    side = "pre" if tariff is not None and m.end <= tariff.start() else "post"
    names.update({f"sp:{side}_{p}", f"sn:{side}_{n}", f"sf:{side}_{m.form}"})
    rules = "imposer" if m.code == fact.imposer else "target" if m.code in fact.targets else "neither"
    names.add(f"rules:{rules}")
    names.add(f"rules_p:{rules}_{p}")
    names.add(f"rules_n:{rules}_{n}")
    names.add(f"rules_form:{rules}_{m.form}")
    imposer_here = fact.imposer in codes
    names.add(f"rules_imposer_named:{imposer_here}")
    return frozenset(names)


def universal_features(
    sentence: str, mentions: list[Mention], fact: Fact, ctx: dict[str, str | None]
) -> frozenset[str]:
    """The features of the measure falling on everyone (targets `*`) rather than on the countries named: a
    candidate of its own, whether or not the sentence says "all countries"."""
    countries = {m.code for m in mentions if m.code not in {ANY, fact.imposer}}
    hit_slots = [
        m
        for m in mentions
        if m.code not in {ANY, fact.imposer}
        and _shape_before(sentence[max(0, m.start - 60) : m.start]) in {"on", "against", "from"}
    ]
    named = {m.code for m in mentions}
    names = {
        "u:bias",
        f"u:kind:{fact.kind}",
        f"u:countries:{min(len(countries), 3)}",
        f"u:rules_any:{fact.targets == (ANY,)}",
        f"u:rules_named:{any(t in named for t in fact.targets)}",
        f"u:sector:{fact.sector is not None}",
        f"u:rate:{fact.rate is not None}",
        f"u:imposer_us:{fact.imposer == 'US'}",
        f"u:hit_slot:{bool(hit_slots)}",
    }
    if any(m.code == ANY for m in mentions):
        names.add("u:universal_named")
    if vocab.US_TARIFF_WORDS.search(sentence):
        names.add("u:us_tariff_words")
    if vocab.RECIPROCAL.search(sentence):
        names.add("u:reciprocal")
    if any(_POSSESSIVE.match(sentence[m.end : m.end + 3]) for m in mentions if m.code in countries):
        names.add("u:possessive")
    if any(_HIT.match(sentence[m.end : m.end + 60]) for m in mentions if m.code in countries):
        names.add("u:hit_after")
    if ctx.get("partner") is not None and ctx.get("partner") in named:
        names.add("u:partner_named")
    if _MANY.search(sentence):
        names.add("u:many")
        names.add(f"u:many_rules_any:{fact.targets == (ANY,)}")
    if any(_EXAMPLE_BEFORE.search(sentence[max(0, m.start - 25) : m.start]) for m in mentions if m.code in countries):
        names.add("u:example")
    if _THE_COUNTRY.search(sentence):
        names.add("u:the_country")
    names.add(f"u:rules_any_countries:{fact.targets == (ANY,)}_{min(len(countries), 2)}")
    names.add(f"u:rules_any_slot:{fact.targets == (ANY,)}_{bool(hit_slots)}")
    names.add(f"u:sector_countries:{fact.sector is not None}_{min(len(countries), 2)}")
    return frozenset(names)


def _judged(
    model: Model, sentence: str, mentions: list[Mention], fact: Fact, ctx: dict[str, str | None]
) -> tuple[dict[str, float], dict[str, float]]:
    """Each party's probability of acting and of being hit (a party named twice: its surest mention)."""
    acts: dict[str, float] = {}
    hit: dict[str, float] = {}
    for i, m in enumerate(mentions):
        if m.code == ANY:
            continue  # everyone is a candidate of its own (`universal_features`)
        names = features(sentence, mentions, i, fact, ctx)
        acts[m.code] = max(acts.get(m.code, 0.0), model.acting(names))
        hit[m.code] = max(hit.get(m.code, 0.0), model.hitting(names))
    return acts, hit


def decide(model: Model, sentence: str, mentions: list[Mention], fact: Fact, ctx: dict[str, str | None]) -> Fact:
    """`fact` with its imposer and targets re-decided by `model` where it is surer than its threshold."""
    if fact.kind not in MEASURES or not mentions:
        return fact
    acts, hit = _judged(model, sentence, mentions, fact, ctx)
    imposer = fact.imposer
    if acts:
        best = max(acts, key=lambda c: acts[c])
        if best != imposer and acts[best] >= model.threshold and acts.get(imposer, 0.0) < 1 - model.threshold:
            imposer = best
    chosen = tuple(c for c, p in hit.items() if p >= model.threshold and c != imposer)
    everyone = model.hitting(universal_features(sentence, mentions, fact, ctx))
    targets = fact.targets
    if everyone >= model.threshold:
        targets = (ANY,)  # a measure on everyone, whichever countries the sentence names as examples
    elif targets == (ANY,):
        if everyone <= 1 - model.threshold and chosen:
            targets = chosen
    elif chosen and not any(hit.get(t, 0.0) >= 0.5 for t in targets if t != imposer):
        targets = chosen
    if imposer in targets:
        rest = tuple(t for t in targets if t != imposer)
        targets = rest or ((fact.imposer,) if fact.imposer != imposer else targets)
    if ANY in targets and len(targets) > 1:
        targets = tuple(t for t in targets if t != ANY)
    if imposer == fact.imposer and targets == fact.targets:
        return fact
    return replace(fact, imposer=imposer, targets=targets)


def arbitrate(sentence: str, ctx: Context, mentions: list[Mention], found: list[Fact]) -> list[Fact]:
    """The facts the rules read from `sentence`, each measure's sides re-decided where the model is sure."""
    record = _RECORD.get()
    model = _MODEL.get() or _shipped()
    if record is None and model.threshold > 1.0:
        return found  # no model ships: no time spent on features
    codes = context_codes(ctx)
    if record is not None:
        record.append((sentence, mentions, codes, found))
    if model.threshold > 1.0:
        return found
    return [model.decide(sentence, mentions, f, codes) for f in found]
