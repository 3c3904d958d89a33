"""Lifts: a tariff removed, ended or cut to zero, by the side that opens its market."""

from __future__ import annotations

import re
from dataclasses import replace

from monitor.extract import vocabulary as vocab
from monitor.extract.clauses import blocked, governs_tariff
from monitor.extract.context import Context
from monitor.extract.facts import Fact
from monitor.extract.gazetteer import ANY, Mention
from monitor.extract.kinds import Clause, make_fact
from monitor.extract.kinds.reliefs import quota_relief
from monitor.extract.matching import blind
from monitor.extract.parties import Parties
from monitor.extract.rates import Rate
from monitor.extract.sectors import each, sector_groups


def lifts(
    clause: str,
    sentence: str,
    parties: Parties,
    rates: list[Rate],
    mentions: list[Mention],
    ctx: Context,
    authority: str | None,
    *,
    zero_only: bool,
) -> list[Fact]:
    facts: list[Fact] = []
    lifter = parties
    if zero_only and parties.imposer == "US":
        # "we can sell into Vietnam at zero tariff": the partner opens its market.
        others = [m.code for m in mentions if m.code not in {"US", ANY}] or ([ctx.partner] if ctx.partner else [])
        if others:
            lifter = Parties(imposer=others[0], targets=("US",), subject_named=True)
    # "cut from 3% to 0%": the lift carries the rate it removes.
    removed = [replace(r, value=r.previous, previous=None) if r.value == 0 and r.previous else r for r in rates]
    groups = sector_groups(clause, [r for r in removed if r.value > 0])
    if vocab.INCLUDING.search(clause) and groups and (groups[0][0] is not None or groups[0][1]):
        facts.append(make_fact("lift", lifter, sentence, authority=authority))
    for rate, sectors in groups:
        for sector in each(sectors):
            facts.append(
                make_fact(
                    "lift", lifter, sentence, sector=sector, rate=rate.value if rate else None, authority=authority
                )
            )
    if _OR_REDUCE.search(clause):
        for _rate, sectors in groups:
            for sector in each(sectors):
                facts.append(make_fact("tariff", lifter, sentence, sector=sector, status="announced"))
    return facts


# "remove or reduce tariffs": a lift and a cut at once.
_OR_REDUCE = blind(r"\b(?:or|and)\s+reduce\b")
_LIFT_NOUNS = frozenset({"removal", "elimination", "lifting", "abolition", "repeal"})


def lift_cue(c: Clause) -> tuple[re.Match[str] | None, bool, bool]:
    """The word that removes a tariff (or the "zero tariff" that states it; None when the clause states no
    lift), whether only "zero" says so, and whether the clause is only considering a lift."""
    clause = c.text
    zero = vocab.ZERO.search(clause)
    if zero and quota_relief(clause):
        zero = None  # duty-free access within a quota is a relief
    lift = None
    if c.tariff_word:
        lift = next((m for m in vocab.LIFT.finditer(clause) if governs_tariff(clause, m)), None)
    anchor = c.first_anchor
    if lift and anchor < lift.start() and vocab.CONDITION.search(clause, anchor, lift.start()):
        lift = None  # "200% tariffs on wine unless the EU drops its whiskey tariff": the tariff is the fact
    if lift and lift.group(0).lower() in _LIFT_NOUNS and vocab.PREDICTED_EFFECT.match(clause[lift.end() :]):
        lift = None  # "the removal of tariffs would reduce inflation": an effect foreseen, not a lift
    cue = lift or zero
    if cue is None:
        return None, False, False
    if vocab.CONSIDERED.search(clause[: cue.start()]):
        return None, False, True  # a cut or removal under consideration is a proposal, not a fact
    return (None if blocked(clause, cue) else cue), lift is None, False
