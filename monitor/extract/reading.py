"""Reading one sentence: its clauses, and the facts of each kind every clause states.

A sentence is cut into clauses (`clauses`); the parties of each are resolved
on first use (`parties`), its rates found (`rates`), and the kinds of fact are
tried in a fixed order (`kinds`): deals, talks and withdrawals; then, for a
clause about a tariff, a pause, a lift, a relief, and the tariff itself. A
pause, a lift or a relief that is the whole statement ends the clause.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from monitor.extract import vocabulary as vocab
from monitor.extract.authority import authority_of
from monitor.extract.clauses import Piece, clause_pieces, masked
from monitor.extract.context import Context
from monitor.extract.dates import DateMention, find_dates
from monitor.extract.facts import Fact
from monitor.extract.gazetteer import ANY, Mention, find_mentions, mentions_within
from monitor.extract.kinds import Clause, make_fact
from monitor.extract.kinds.agreements import opening_at, read_agreements
from monitor.extract.kinds.lifts import lift_cue, lifts
from monitor.extract.kinds.pauses import pause_cue, pauses, stated_pause
from monitor.extract.kinds.reliefs import (
    read_beside,
    read_exception,
    read_not_applied,
    read_relief,
    relief_without_tariff,
)
from monitor.extract.kinds.tariffs import (
    free_access_ended,
    goods_listed_to_hit,
    read_tariffs,
    retaliation_without_rate,
)
from monitor.extract.parties import Parties, Resolver, attribution, find_parties, fixed, tariff_owner
from monitor.extract.rates import Rate, find_rates
from monitor.extract.sectors import distinct, find_sectors
from monitor.extract.timing import clause_dates, status_of

__all__ = ["Context", "read_sentence"]


def read_sentence(sentence: str, ctx: Context, sentence_mentions: list[Mention] | None = None) -> list[Fact]:
    """The facts one sentence states (`sentence_mentions`: its parties, when already found)."""
    if sentence_mentions is None and not vocab.TRADE_HINT.holds(sentence):
        return []
    if vocab.QUESTION.match(sentence):
        return []  # before its parties are looked for: a question states nothing
    if vocab.LINK_LINE.search(sentence):
        return []  # a link to another story: its headline is not what this article reports
    if sentence_mentions is None:
        sentence_mentions = find_mentions(sentence)
    facts: list[Fact] = []
    found_dates: list[list[DateMention]] = []

    def sentence_dates() -> list[DateMention]:
        # Dates are only looked for in a sentence that turns out to state a fact.
        if not found_dates:
            found_dates.append(find_dates(sentence, ctx.published) if ctx.published else [])
        return found_dates[0]

    previous: Resolver | None = None
    deal_in_sentence = False
    cited = attribution(sentence, sentence_mentions)
    source = cited[2] if cited is not None else None
    if cited is not None:
        # The side an opening or closing "according to ..." cites is the source of the whole sentence, no side hit.
        sentence_mentions = [m for m in sentence_mentions if not cited[0] <= m.start < cited[1]]
    for piece in clause_pieces(sentence):
        clause = piece.text
        offset = piece.stretches[0][0]
        if len(piece.stretches) == 1 and offset == 0:
            # The first clause (most often the whole sentence): its parties stand where they are.
            mentions = [m for m in sentence_mentions if m.end <= len(clause)]
        else:
            mentions = _mentions_in(piece, sentence_mentions)
        resolve = Resolver(clause, mentions, ctx, previous, source)
        previous = resolve
        if clause is not sentence and not vocab.TRADE_HINT.holds(clause):
            continue
        dates = (
            clause_dates(sentence_dates, offset, len(clause))
            if len(piece.stretches) == 1
            else _dates_in(piece, sentence_dates)
        )
        those = vocab.THOSE.search(clause) if resolve.previous is not None else None
        if those and not resolve().subject_named and resolve.previous is not None:
            # "... on Peru and Chile, and those two would drop their own duties ...": each named party acts.
            for code in resolve.previous().targets:
                sub = Parties(
                    imposer=code, targets=("US",) if code != "US" else (ctx.partner or ANY,), subject_named=True
                )
                facts.extend(_read_clause(clause, sentence, fixed(sub), dates, ctx, deal_in_sentence))
            continue
        found = _read_clause(clause, sentence, resolve, dates, ctx, deal_in_sentence, mentions=mentions)
        found += _fellow_facts(found, resolve)
        deal_in_sentence = deal_in_sentence or any(f.kind == "deal" for f in found)
        facts.extend(found)
    facts += _answered_measures(sentence, sentence_mentions, ctx, sentence_dates, facts)
    return facts + _placed_measures(sentence, sentence_mentions, ctx, sentence_dates, facts)


# How far before a placed tariff's word its noun phrase may open ("the steel and aluminum tariffs"), and how far
# after the participle it may go on ("imposed in September on $125 billion of Chinese imports").
_PLACED_BEFORE = 60
_PLACED_AFTER = 150


def _placed_measures(
    sentence: str,
    mentions: list[Mention],
    ctx: Context,
    sentence_dates: Callable[[], list[DateMention]],
    found: list[Fact],
) -> list[Fact]:
    """The tariffs a noun phrase states as placed in a sentence that states no measure itself ("lawmakers want
    to lift the steel tariffs that Trump imposed last May", "whether to grant exemptions from the duties he has
    imposed"): the phrase is read as a statement of its own, with the sides it names."""
    if any(f.kind in _MEASURES for f in found) or not vocab.PLACED_NOUN.search(sentence):
        return []
    placed: list[Fact] = []
    for match in vocab.PLACED_NOUN.finditer(sentence):
        window = max(0, match.start() - _PLACED_BEFORE)
        opens = [m.end() for m in vocab.PLACED_NOUN_OPENS.finditer(sentence[window : match.start()])]
        if opens:
            start = window + opens[-1]
        elif window == 0:
            start = 0
        else:
            space = sentence.find(" ", window, match.start())
            start = space + 1 if space >= 0 else match.start()
        end_at = vocab.PLACED_NOUN_END.search(sentence, match.end(), match.end() + _PLACED_AFTER)
        end = end_at.start() if end_at is not None else min(len(sentence), match.end() + _PLACED_AFTER)
        phrase = sentence[start:end]
        inside = mentions_within(mentions, start, end)
        if not inside:
            continue  # "the duties he has imposed": a phrase naming no side says nothing of whose measure it is
        parties = Resolver(phrase, inside, ctx, None)()
        if parties.imposer not in {m.code for m in inside} and not (parties.imposer == "US" and parties.targets_named):
            # Whose measure it is must be read from the phrase: its owner named ("the duties Peru imposed"), or
            # the side hit by a US measure ("tariffs imposed on Chinese goods"), not a side carried from before.
            continue
        dates = clause_dates(sentence_dates, start, len(phrase))
        read = _read_clause_kinds(phrase, sentence, fixed(parties), dates, ctx, False, inside)
        placed.extend(f for f in read if f.kind == "tariff")
    return placed


def _answered_measures(
    sentence: str,
    mentions: list[Mention],
    ctx: Context,
    sentence_dates: Callable[[], list[DateMention]],
    found: list[Fact],
) -> list[Fact]:
    """The tariffs a reply is said to answer ("Peru set duties on pork in response to steel levies announced by
    Chile"): the noun phrase after the cue is read as a statement of its own, and a tariff it states counts where
    that phrase itself names the side that placed it, other than the side replying. A phrase naming no side hit
    hits the side replying (a US sector tariff stays on everyone)."""
    answered: list[Fact] = []
    replying = [f.imposer for f in found if f.kind == "tariff"]
    for cue in vocab.ANSWERED_CUE.finditer(sentence):
        if not sentence[: cue.start()].strip(" \"'“‘"):
            continue  # "In response to the US levies, Peru ...": an opening clause, read as one already
        start = cue.end()
        end_at = vocab.ANSWERED_END.search(sentence, start)
        end = end_at.start() if end_at is not None else len(sentence)
        phrase = sentence[start:end]
        inside = mentions_within(mentions, start, end)
        if not inside or not vocab.TARIFF_WORD.search(masked(phrase)):
            continue
        parties = Resolver(phrase, inside, ctx, None)()
        stated = _stated_measure(phrase, sentence, inside, parties, replying, ctx, sentence_dates, start)
        answered.extend(stated if stated else _named_measure(phrase, sentence, inside, parties, replying))
    return answered


def _stated_measure(
    phrase: str,
    sentence: str,
    inside: list[Mention],
    parties: Parties,
    replying: list[str],
    ctx: Context,
    sentence_dates: Callable[[], list[DateMention]],
    start: int,
) -> list[Fact]:
    """The tariffs an answered phrase states with a verb of its own ("steel levies announced by Chile")."""
    if not parties.imposer_named or parties.imposer not in {m.code for m in inside} or parties.imposer in replying:
        return []
    if not parties.targets_named:
        hit = replying[0] if replying else None
        parties = replace(parties, targets=(hit,) if hit else parties.targets, targets_default=True)
    dates = clause_dates(sentence_dates, start, len(phrase))
    read = _read_clause_kinds(phrase, sentence, fixed(parties), dates, ctx, False, inside)
    return [f for f in read if f.kind == "tariff"]


# How far into the answered phrase its owner may stand ("the Trump administration's new duties on steel").
_OWNER_REACH = 40


def _named_measure(
    phrase: str, sentence: str, inside: list[Mention], parties: Parties, replying: list[str]
) -> list[Fact]:
    """A measure answered that is named with no verb, by its owner and its goods ("in retaliation for Chile's
    duties on copper", "in response to US steel tariffs"): one tariff per kind of goods. A side's tariffs on
    another's goods in general ("in retaliation for Chile's tariffs on Peruvian goods") name its schedule, no
    measure."""
    owner = tariff_owner(phrase, inside)
    if owner is None or owner.start > _OWNER_REACH or owner.code in replying:
        return []
    sectors = distinct(find_sectors(phrase))
    if not sectors:
        return []
    hit_named = parties.targets_named and owner.code not in parties.targets
    targets = parties.targets if hit_named else (replying[0],) if replying else ()
    if not targets:
        return []
    own = Parties(imposer=owner.code, targets=targets, subject_named=False, targets_default=not hit_named)
    return [make_fact("tariff", own, sentence, sector=sector, status="in_effect") for sector in sectors]


def _mentions_in(piece: Piece, mentions: list[Mention]) -> list[Mention]:
    """The sentence's parties that stand in a clause, placed where they stand in its text."""
    placed: list[Mention] = []
    for m in mentions:
        start = piece.at(m.start)
        if start is not None and piece.at(m.end - 1) == start + m.end - 1 - m.start:
            placed.append(Mention(code=m.code, start=start, end=start + m.end - m.start, form=m.form, text=m.text))
    return placed


def _dates_in(piece: Piece, sentence_dates: Callable[[], list[DateMention]]) -> Callable[[], list[DateMention]]:
    """The dates of a clause read with another's subject, placed where they stand in its text, found when asked."""

    def get() -> list[DateMention]:
        placed: list[DateMention] = []
        for d in sentence_dates():
            start = piece.at(d.start)
            if start is not None:
                placed.append(DateMention(value=d.value, start=start, end=start + d.end - d.start))
        return placed

    return get


def _fellow_facts(found: list[Fact], resolve: Callable[[], Parties]) -> list[Fact]:
    """The same measures taken by each country named as a subject with the imposer ("Chile and Peru
    threatened retaliation": one fact each), on the same targets, or on the imposer when they were it."""
    # A pause is not copied: a truce named in passing ("a month after both sides announced a pause") has its
    # end counted from the wrong day, and a copy would double that error (measured on the looked-at news).
    measures = [f for f in found if f.kind in _MEASURES - {"pause"}]
    if not measures:
        return []
    parties = resolve()
    fellows: list[Fact] = []
    for code in parties.fellows:
        for fact in measures:
            if fact.imposer != parties.imposer:
                continue
            targets = tuple(t for t in fact.targets if t != code) or (parties.imposer,)
            fellows.append(replace(fact, imposer=code, targets=targets))
    return fellows


def _read_clause(
    clause: str,
    sentence: str,
    resolve: Callable[[], Parties],
    dates_of: Callable[[], list[DateMention]],
    ctx: Context,
    deal_in_sentence: bool,
    mentions: list[Mention] | None = None,
) -> list[Fact]:
    facts = _read_clause_kinds(clause, sentence, resolve, dates_of, ctx, deal_in_sentence, mentions)
    if vocab.GOODS_LIST.search(clause) and not any(f.kind == "tariff" for f in facts):
        # A list of goods to hit, with no tariff read for it: the list is the measure (what else the clause
        # says of tariffs is the measure it answers, or a condition).
        facts += goods_listed_to_hit(clause, sentence, resolve)
    measures = [f for f in facts if f.kind in _MEASURES]
    if measures:
        parties = resolve()
        if parties.subject_named and parties.imposer_named and not vocab.BACKGROUND_CLAUSE.match(clause):
            made = {f.targets for f in measures if f.imposer == parties.imposer}
            if parties.targets_default and len(made) == 1:
                # The side hit was a guess the fact itself settled ("Trump mulls 50% copper tariff": everyone):
                # later clauses referring back carry what was decided, not the guess.
                parties = replace(parties, targets=made.pop())
            ctx.actor = parties
    return facts


def _rates_of_clause(c: Clause, resolve: Callable[[], Parties], rates: list[Rate]) -> tuple[list[Rate], list[Fact]]:
    """The rates a pause or lift may take, and the tariffs stated by the others: a rate in a relative clause about
    a party ("Vietnam, which agreed to a 20% rate, will drop its duties on US cars") is what that party is charged
    (or charges), read with the relative clause's own parties, not what the main clause drops."""
    if not isinstance(resolve, Resolver):
        return rates, []
    own: list[Rate] = []
    aside: list[Fact] = []
    for r in rates:
        parties = resolve.at(r.start)
        if parties is None:
            own.append(r)
        else:
            status = status_of(c.text, (r.start, r.end))
            aside.append(make_fact("tariff", parties, c.sentence, rate=r.value, status=status, authority=c.authority))
    return own, aside


_MEASURES = frozenset({"tariff", "pause", "lift", "relief"})


def _read_clause_kinds(
    clause: str,
    sentence: str,
    resolve: Callable[[], Parties],
    dates_of: Callable[[], list[DateMention]],
    ctx: Context,
    deal_in_sentence: bool,
    mentions: list[Mention] | None = None,
) -> list[Fact]:
    mentions = mentions if mentions is not None else []
    rates = find_rates(clause, sentence)
    same = vocab.SAME_RATE.search(clause) if not rates and ctx.last_rate is not None else None
    if same and ctx.last_rate is not None:
        rates = [Rate(value=ctx.last_rate, start=same.start(), end=same.end())]  # "imposed the same tariff"
    scan = masked(clause)
    c = Clause(
        text=clause,
        sentence=sentence,
        scan=scan,
        rates=rates,
        tariff_words=list(vocab.TARIFF_WORD.finditer(scan)),
        mentions=mentions,
        ctx=ctx,
        resolve=resolve,
        dates_of=dates_of,
        rate_parties=resolve.of_rate if isinstance(resolve, Resolver) else None,
    )
    head = clause[: c.first_anchor]
    block = vocab.HEAD_BLOCK.search(head)
    if block and c.first_anchor < len(clause) and _threat_on_condition(head, block, mentions, resolve):
        # "If Chile does not open its market, the US will raise its tariffs to 30%": the condition is the price
        # of a threat the main clause states, so its tariffs are threatened; removals or talks under a condition
        # are only offered.
        found = _read_measures(clause, sentence, resolve, dates_of, ctx, deal_in_sentence, mentions, rates, c)
        return [replace(f, status="threatened") for f in found if f.kind == "tariff"]
    if block and not vocab.PRESUPPOSED_BEFORE.search(head):
        # "if talks fail, tariffs ...", "urged Washington to drop the tariffs"; but a pause said to end on a
        # day is stated as a fact even in "decide whether to extend the truce that expires on August 12".
        # Talks or a deal stated before the block are read: in "held a phone call on Saturday, urging joint
        # efforts" the call took place.
        opening = opening_at(clause)
        stated = read_agreements(c, deal_in_sentence) if opening is not None and opening < block.start() else []
        if not vocab.PAUSE_NOUN_ENDS.search(clause):
            return stated  # no pause end is named: skip working out the clause's parties and dates
        return stated + stated_pause(clause, sentence, find_parties(clause, mentions, ctx), dates_of(), ctx)
    return _read_measures(clause, sentence, resolve, dates_of, ctx, deal_in_sentence, mentions, rates, c)


def _threat_on_condition(
    head: str, block: re.Match[str], mentions: list[Mention], resolve: Callable[[], Parties]
) -> bool:
    """Whether the only block before a clause's first tariff word or rate is a condition ("if ...", "unless ...")
    closed by a comma before it: the main clause after the comma states what will happen on that condition."""
    if block.group(0).lower() not in {"if", "unless"}:
        return False
    comma = head.find(",", block.end())
    if comma < 0 or not head[comma + 1 :].strip():
        return False
    # Another demand, wish or denial in the clause ("urged Peru, if it wants talks, to drop ...") still blocks it.
    if vocab.HEAD_BLOCK.search(head, 0, block.start()) or vocab.HEAD_BLOCK.search(head, comma):
        return False
    if vocab.TALKS_CONDITION.search(head[block.start() : comma]):
        return False  # "If talks fail, ...": what would follow a failed negotiation is leverage, not a measure
    # The main clause opens with the side that threatens ("..., the US will raise ..."): not with a thing that
    # only allows duties ("..., the agreement allows new duties").
    subject = next((m for m in mentions if m.start > comma), None)
    return subject is not None and subject.start - comma <= _SUBJECT_REACH and subject.code == resolve().imposer


# How far after a condition's comma the side threatening may be named ("the U.S.", "President Trump's team").
_SUBJECT_REACH = 12


def _read_measures(
    clause: str,
    sentence: str,
    resolve: Callable[[], Parties],
    dates_of: Callable[[], list[DateMention]],
    ctx: Context,
    deal_in_sentence: bool,
    mentions: list[Mention],
    rates: list[Rate],
    c: Clause,
) -> list[Fact]:
    """The facts of a clause no demand, wish or condition blocks: agreements, then the tariff kinds in order."""
    c.authority = authority_of(clause)
    facts = read_agreements(c, deal_in_sentence)
    if vocab.IMAGINED_DEAL.match(clause):
        return facts  # "a trade deal would remove tariffs": what an imagined deal would do is no measure

    has_tariff = bool(c.tariff_words or rates)
    zero = vocab.ZERO.search(clause)
    if not (
        has_tariff
        or zero
        or vocab.RETALIATION.search(clause)
        or vocab.REPLIED_IN_KIND.search(clause)
        or vocab.RELIEF.search(clause)
        or vocab.PAUSE.search(clause)
    ):
        return facts
    # The clause's parties are worked out by the kinds only once a fact needs them (`c.resolve`): most
    # clauses that name a tariff state none.
    if not has_tariff and not zero:
        retaliation = retaliation_without_rate(c)
        if retaliation is not None:
            facts.append(retaliation)
        reliefs = relief_without_tariff(c)
        if reliefs:
            return [*facts, *reliefs]
        if not vocab.PAUSE.search(clause):
            return facts

    pause, silent = pause_cue(c)
    if silent:
        return facts  # a decision not to tax, with no bargain or time to it: no fact at all
    if pause is not None:
        dates = dates_of()
        own, aside = _rates_of_clause(c, resolve, rates)
        return facts + aside + pauses(clause, sentence, resolve(), own, dates, ctx, c.authority, pause.start())

    lift, zero_only, considered = lift_cue(c)
    if considered:
        return facts
    if lift is not None:
        own, aside = _rates_of_clause(c, resolve, rates)
        lifted = lifts(
            clause, sentence, resolve(), own, mentions, ctx, c.authority, zero_only=zero_only, cue_at=lift.start()
        )
        return facts + aside + lifted

    ended = free_access_ended(c)
    if ended:
        return facts + ended
    not_applied = read_not_applied(c)
    if not_applied:
        return facts + not_applied
    excepted = read_exception(c) or read_beside(c)
    if excepted is not None:
        # The goods left out are a relief; the tariff is read from the words before the exception.
        facts.extend(excepted[0])
        c = excepted[1]
    reliefs, rates_left, done = read_relief(c)
    facts.extend(reliefs)
    if done:
        return facts
    return facts + read_tariffs(c, rates_left)
