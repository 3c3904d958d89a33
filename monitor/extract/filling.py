"""The tariff facts of a sentence the proposer flagged, built from the reader's own pieces: the parties of the
clause that names the tariff (`parties`), its rates (`rates`), the sector of each (`sectors`), its dates and
status (`timing`). No rule has to recognise the phrasing: the model already judged that a tariff is stated."""

from __future__ import annotations

from monitor.extract import vocabulary as vocab
from monitor.extract.authority import authority_of
from monitor.extract.clauses import masked, split_clauses
from monitor.extract.context import Context
from monitor.extract.dates import DateMention, find_dates
from monitor.extract.facts import Fact
from monitor.extract.gazetteer import Mention, mentions_within
from monitor.extract.kinds import Clause, make_fact, worldwide
from monitor.extract.parties import find_parties
from monitor.extract.rates import find_rates
from monitor.extract.sectors import each, sector_groups
from monitor.extract.timing import effective_date, expiry, status_of


def _tariff_clause(sentence: str) -> tuple[str, int]:
    """The clause that names the tariff (its first with a rate, else with a tariff word, else the whole
    sentence), with where it starts."""
    clauses = split_clauses(sentence)
    for test in (vocab.RATE.search, lambda text: vocab.TARIFF_WORD.search(masked(text))):
        for clause in clauses:
            if test(clause):
                return clause, max(0, sentence.find(clause))
    return sentence, 0


def fill(sentence: str, ctx: Context, mentions: list[Mention]) -> list[Fact]:
    """One tariff per rate and sector the sentence's tariff clause names (one without a rate when it names
    none), between the parties that clause names or the article carries."""
    clause, offset = _tariff_clause(sentence)
    here = mentions_within(mentions, offset, offset + len(clause))
    found: list[DateMention] = find_dates(sentence, ctx.published) if ctx.published else []
    dates = [
        DateMention(value=d.value, start=d.start - offset, end=d.end - offset)
        for d in found
        if offset <= d.start < offset + len(clause)
    ]
    rates = find_rates(clause)
    words = list(vocab.TARIFF_WORD.finditer(masked(clause)))
    parties = find_parties(clause, here, ctx)
    c = Clause(
        text=clause,
        sentence=sentence,
        scan=masked(clause),
        rates=rates,
        tariff_words=words,
        mentions=here,
        ctx=ctx,
        resolve=lambda: parties,
        dates_of=lambda: dates,
    )
    effective = effective_date(clause, dates)
    until = expiry(clause, dates)
    authority = authority_of(clause)
    facts: list[Fact] = []
    for rate, sectors in sector_groups(clause, rates, words):
        anchor = (rate.start, rate.end) if rate else (words[0].start(), words[0].end()) if words else (0, 0)
        for sector in each(sectors):
            facts.append(
                make_fact(
                    "tariff",
                    worldwide(c, parties, sector, anchor),
                    sentence,
                    sector=sector,
                    rate=rate.value if rate else None,
                    previous_rate=rate.previous if rate else None,
                    effective=effective,
                    until=until,
                    status=status_of(clause, anchor, effective, ctx.published),
                    authority=authority,
                )
            )
    return facts
