"""The facts of each kind a clause can state, built by one module per kind.

`Clause` holds what every kind reads: the clause's rates, tariff words, parties
(resolved on first use), dates and the article context. The order in which
the kinds are tried, and which one ends the reading of a clause, is
`monitor.extract.reading`'s.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from monitor.extract import vocabulary as vocab
from monitor.extract.confidence import confidence, features
from monitor.extract.context import Context
from monitor.extract.dates import DateMention
from monitor.extract.facts import Fact
from monitor.extract.gazetteer import ANY, CAPITAL, DEMONYM, NAME, Mention
from monitor.extract.matching import blind
from monitor.extract.parties import Parties
from monitor.extract.rates import Rate
from monitor.extract.sectors import SectorMention, find_sectors


@dataclass(kw_only=True)
class Clause:
    """One clause being read, with what its kinds of fact share."""

    text: str
    sentence: str
    scan: str  # the clause with tariff words that name something else blanked out
    rates: list[Rate]
    tariff_words: list[re.Match[str]]
    mentions: list[Mention]
    ctx: Context
    resolve: Callable[[], Parties]
    dates_of: Callable[[], list[DateMention]]
    # The parties of a rate (its start and end) whose own words name other sides than the clause's.
    rate_parties: Callable[[int, int], Parties | None] | None = None
    authority: str | None = None
    facts: list[Fact] = field(default_factory=list)

    @property
    def tariff_word(self) -> re.Match[str] | None:
        """The first word naming a tariff, if any."""
        return self.tariff_words[0] if self.tariff_words else None

    def parties_of(self, rate: Rate) -> Parties | None:
        """The parties of a rate when its own words name them ("Mexico, which faces a 30% levy", "Trump's 35%
        tariff"), else None: the clause's parties hold."""
        return self.rate_parties(rate.start, rate.end) if self.rate_parties is not None else None

    @property
    def first_anchor(self) -> int:
        """Where the first tariff word or rate is (the clause's length when there is none)."""
        return min([w.start() for w in self.tariff_words] + [r.start for r in self.rates] + [len(self.text)])


_MEASURES = frozenset({"tariff", "pause", "lift", "relief"})
# Sector tariffs the US sets on every origin at once (the Section 232 kind of measure).
WORLDWIDE_SECTORS = frozenset(
    {"steel", "aluminum", "autos", "auto_parts", "copper", "lumber", "semiconductors", "pharmaceuticals"}
)


# The metals the US taxes from every origin under Section 232, together: where a sentence names both ("25% on
# steel and 10% on aluminum from China", "tariffs on Chinese steel and aluminum"), or a basis that hits every
# origin (Section 232, a safeguard), the origin named is where the goods come from, not whom the measure is on,
# unless the clause names a basis that only ever hits one country (a Section 301 action, a trade remedy).
SECTION_232_METALS = frozenset({"steel", "aluminum"})
ONE_COUNTRY_BASES = frozenset({"section_301", "anti_dumping", "countervailing"})
EVERY_ORIGIN_BASES = frozenset({"section_232", "section_201", "safeguard"})


def _metals_measure(c: Clause, sector: str | None) -> bool:
    """Whether a US tariff on steel or aluminum is the measure on every origin, by the sentence's own words."""
    if sector not in SECTION_232_METALS or c.authority in ONE_COUNTRY_BASES:
        return False
    if c.authority in EVERY_ORIGIN_BASES:
        return True
    return {m.sector for m in find_sectors(c.sentence)} >= SECTION_232_METALS


_POSSESSIVE_AFTER = re.compile(r"(?:'s|’s)\b")
_EXAMPLE_ORIGIN = blind(
    r"\b(?:including|notably|especially|such\s+as)\s+(?:those\s+|imports\s+|goods\s+|ones\s+)?(?:from\s+)?(?:the\s+)?$"
)


def _on_everyone(imposer: str, sector: object, sentence: str) -> bool:
    """Whether a US measure that names no side hit is one on every origin: a tariff on a kind of goods,
    or the reciprocal / baseline tariffs."""
    return imposer == "US" and (sector in WORLDWIDE_SECTORS or bool(vocab.RECIPROCAL.search(sentence)))


def make_fact(kind: str, parties: Parties, sentence: str, **fields: object) -> Fact:
    """A fact of `kind` between `parties`, read from `sentence`; unnamed fields are null."""
    values: dict[str, object] = {
        "sector": None,
        "rate": None,
        "until": None,
        "effective": None,
        "status": None,
        "previous_rate": None,
        "authority": None,
    }
    values.update(fields)
    targets = parties.targets
    if (
        kind in _MEASURES
        and parties.targets_default
        and (parties.imposer_named or values["rate"] is not None)
        and _on_everyone(parties.imposer, values["sector"], sentence)
    ):
        targets = (ANY,)
    return Fact(
        kind=kind,
        imposer=parties.imposer,
        targets=targets,
        evidence=sentence,
        confidence=confidence(
            features(
                kind,
                imposer=parties.imposer,
                targets=targets,
                imposer_named=parties.imposer_named,
                targets_named=parties.targets_named,
                targets_default=parties.targets_default,
                fields=values,
                sentence=sentence,
            )
        ),
        **values,  # type: ignore[arg-type]
    )


def _qualifies(clause: str, origin: Mention, word: SectorMention) -> bool:
    """Whether an origin named near a goods word is the origin of those goods: within 40 characters either way,
    and no value of goods between them, which starts goods of their own ("products from China and $350 billion
    of imported autos": the autos have no origin named)."""
    if not (-40 <= origin.start - word.end <= 40 or 0 <= word.start - origin.end <= 40):
        return False
    between = clause[word.end : origin.start] if origin.start >= word.end else clause[origin.end : word.start]
    return not vocab.GOODS_VALUE.search(between)


def worldwide(
    c: Clause, parties: Parties, sector: str | None, anchor: tuple[int, int], *, bound: bool = False
) -> Parties:
    """The parties of a US measure on everyone: the baseline or universal rate, or a sector tariff (the
    Section 232 kind) whose goods phrase names no origin ("the 50% tariffs on steel remain", said in an
    article about Korea), or a metals tariff whatever origin its goods have; the parties as read otherwise.
    `bound`: the parties were read from the rate's own words ("except Britain's, which stays at 25%")."""
    if parties.imposer != "US" or ANY in parties.targets:
        return parties
    clause = c.text
    phrase = clause[max(0, anchor[0] - 40) : anchor[1] + 30]
    if vocab.UNIVERSAL_RATE.search(phrase) or vocab.UNIVERSAL_APPOSITION.search(clause[anchor[1] : anchor[1] + 120]):
        return replace(parties, targets=(ANY,))
    if sector not in WORLDWIDE_SECTORS:
        return parties
    if vocab.BILATERAL.search(c.sentence):
        return parties  # "implementing its trade agreement with Japan, ... 15% on its cars": that deal's terms
    words = [m for m in find_sectors(clause) if m.sector == sector]
    # "on imported cars, including from Japan": an origin given as an example does not narrow the measure.
    origins = [
        m
        for m in c.mentions
        if m.form in {NAME, DEMONYM, CAPITAL}
        and m.code in parties.targets
        and not _EXAMPLE_ORIGIN.search(clause[max(0, m.start - 40) : m.start])
    ]
    of_origin = any(_qualifies(clause, m, word) for word in words for m in origins)
    metals = _metals_measure(c, sector)
    if not parties.imposer_named and not c.rates and not metals:
        # "New steel duty": with no actor and no rate, nothing says it is on everyone; "the tariffs on Chinese
        # steel" and "the steel and aluminum tariffs" say it is the US metals tariff.
        return parties
    if origins and any(vocab.ON_ITS_BEFORE.search(clause, max(0, word.start - 30), word.start) for word in words):
        return parties  # "U.S. tariffs on its chips", its being the side named hit: goods of that origin
    if any(
        0 <= word.start - m.end <= 200 and vocab.ORIGIN_GOODS_LIST.match(clause[m.end : word.start])
        for word in words
        for m in origins
    ):
        return parties  # "Peruvian goods, such as fish, timber and copper": each example of that origin
    if origins and any(
        vocab.GOODS_EXAMPLE_BEFORE.search(clause, max(0, word.start - 60), word.start) for word in words
    ):
        return parties  # "tariffs on Peruvian imports ... on most goods, including cars": an example of them
    if metals and not bound:
        # The origin of the metal is no side hit; the tariff's own object is ("steel tariffs on Brazil").
        hit = [
            m
            for m in c.mentions
            if m.form == NAME
            and vocab.TARIFF_ON_BEFORE.search(clause[: m.start])
            and not _POSSESSIVE_AFTER.match(clause[m.end :])
        ]
        return parties if hit else replace(parties, targets=(ANY,))
    if of_origin:
        return parties  # "steel from Canada", "Japanese cars": the goods of a named origin
    return replace(parties, targets=(ANY,))


# Facts that carry the rate of the tariff they act on, when the sentence itself names none.
_CARRIES_RATE = frozenset({"lift", "relief", "pause"})
# How many sentences stating facts apart a rate may be given for the measure lifted, paused or eased.
_NEARBY = 2


def rates_stated_nearby(facts: list[Fact]) -> list[Fact]:
    """The article's facts, a lift, pause or relief that states no rate given the rate of the tariff a nearby
    sentence states on the same goods by the same side ("The US will remove its tariffs on Canadian steel. It had
    imposed a levy of 25% on steel."): the contract has these carry the rate of the tariff they act on. Only
    where the nearby sentences give that tariff one rate; the tariff fact itself is kept."""
    order: dict[str, int] = {}
    for fact in facts:
        order.setdefault(fact.evidence, len(order))
    out: list[Fact] = []
    for fact in facts:
        if fact.kind not in _CARRIES_RATE or fact.rate is not None:
            out.append(fact)
            continue
        here = order[fact.evidence]
        rates = {
            t.rate
            for t in facts
            if t.kind == "tariff"
            and t.rate is not None
            and t.previous_rate is None
            and not (fact.kind == "pause" and t.status == "in_effect")
            and not vocab.CUT_TO_RATE.search(t.evidence)
            and t.imposer == fact.imposer
            and t.sector == fact.sector
            and t.evidence != fact.evidence
            and abs(order[t.evidence] - here) <= _NEARBY
            and (ANY in t.targets or bool(set(t.targets) & set(fact.targets)))
        }
        out.append(replace(fact, rate=rates.pop()) if len(rates) == 1 else fact)
    return out
