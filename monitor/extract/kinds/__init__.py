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
from monitor.extract.sectors import find_sectors


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


def worldwide(c: Clause, parties: Parties, sector: str | None, anchor: tuple[int, int]) -> Parties:
    """The parties of a US measure on everyone: the baseline or universal rate, or a sector tariff (the
    Section 232 kind) whose goods phrase names no origin ("the 50% tariffs on steel remain", said in an
    article about Korea); the parties as read otherwise."""
    if parties.imposer != "US" or ANY in parties.targets:
        return parties
    clause = c.text
    phrase = clause[max(0, anchor[0] - 40) : anchor[1] + 30]
    if vocab.UNIVERSAL_RATE.search(phrase) or vocab.UNIVERSAL_APPOSITION.search(clause[anchor[1] : anchor[1] + 120]):
        return replace(parties, targets=(ANY,))
    if sector not in WORLDWIDE_SECTORS:
        return parties
    if not parties.imposer_named and not c.rates:
        return parties  # "New steel duty": with no actor and no rate, nothing says it is on everyone
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
    for word in words:
        if origins and vocab.ON_ITS_BEFORE.search(clause, max(0, word.start - 30), word.start):
            return parties  # "U.S. tariffs on its chips", its being the side named hit: goods of that origin
        if any(-40 <= m.start - word.end <= 40 or 0 <= word.start - m.end <= 40 for m in origins):
            return parties  # "steel from Canada", "Japanese cars": the goods of a named origin
        if any(
            0 <= word.start - m.end <= 200 and vocab.ORIGIN_GOODS_LIST.match(clause[m.end : word.start])
            for m in origins
        ):
            return parties  # "Peruvian goods, such as fish, timber and copper": each example of that origin
    return replace(parties, targets=(ANY,))
