"""Tariffs: a rate threatened, announced, imposed, changed or in force, and retaliation."""

from __future__ import annotations

import re

from monitor.extract import vocabulary as vocab
from monitor.extract.clauses import blocked, blocked_span, is_policy
from monitor.extract.facts import Fact
from monitor.extract.kinds import Clause, make_fact
from monitor.extract.parties import Parties
from monitor.extract.rates import Rate, rate_limits
from monitor.extract.sectors import each, sector_groups
from monitor.extract.timing import effective_date, status_of

_RETALIATE = re.compile(r"\bretaliat", re.I)


def retaliation_without_rate(c: Clause, parties: Parties) -> Fact | None:
    """Retaliation by a side other than the US, in a clause that names no tariff of its own."""
    retaliation = vocab.RETALIATION.search(c.text)
    if retaliation and parties.imposer != "US" and _RETALIATE.search(c.text) and not blocked(c.text, retaliation):
        return make_fact("tariff", parties, c.sentence, status=status_of(c.text), authority="countermeasure")
    return None


def read_tariffs(c: Clause, parties: Parties, rates: list[Rate]) -> list[Fact]:
    """The tariff facts of a clause: one per rate and sector it names (`rates`: those not given to a relief)."""
    clause, scan = c.text, c.scan
    tariff_word = c.tariff_word
    if not (tariff_word or c.rates):
        return []
    span = (tariff_word.start(), tariff_word.end()) if tariff_word else (c.rates[0].start, c.rates[0].end)
    if blocked_span(clause, *span):
        return []
    if not c.rates and not any(is_policy(scan, w) for w in c.tariff_words):
        return []
    published = c.ctx.published
    effective = effective_date(clause, c.dates_of())
    status = status_of(clause, span, effective, published)
    groups = sector_groups(clause, rates, c.tariff_words)
    facts: list[Fact] = []
    including = vocab.INCLUDING.search(clause)
    if including and c.rates and including.start() < c.rates[0].start and groups and groups[0][1]:
        facts.append(
            make_fact("tariff", parties, c.sentence, status=status, effective=effective, authority=c.authority)
        )
    for rate, sectors in groups:
        limits = rate_limits(rate, rates, len(clause)) if rate else None
        for sector in each(sectors):
            facts.append(
                make_fact(
                    "tariff",
                    parties,
                    c.sentence,
                    sector=sector,
                    rate=rate.value if rate else None,
                    previous_rate=rate.previous if rate else None,
                    effective=effective,
                    status=status_of(clause, (rate.start, rate.end), effective, published, limits) if rate else status,
                    authority=c.authority,
                )
            )
    return facts
