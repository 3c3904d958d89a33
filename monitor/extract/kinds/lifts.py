"""Lifts: a tariff removed, ended or cut to zero, by the side that opens its market."""

from __future__ import annotations

import re
from dataclasses import replace

from monitor.extract import vocabulary as vocab
from monitor.extract.clauses import blocked, governs_tariff, offered
from monitor.extract.context import Context
from monitor.extract.facts import Fact
from monitor.extract.gazetteer import ANY, Mention
from monitor.extract.kinds import Clause, make_fact
from monitor.extract.kinds.pauses import aimed_at, owner_named_after
from monitor.extract.kinds.reliefs import quota_relief
from monitor.extract.matching import blind
from monitor.extract.parties import Parties
from monitor.extract.rates import Rate, left_in_force
from monitor.extract.sectors import each, find_sectors, near_sectors, sector_groups


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
    cue_at: int | None = None,
) -> list[Fact]:
    """The lifts a clause states (`cue_at`: where its word of removal is), one per rate removed and sector; a
    rate the clause says is left in force ("removed the 10% tariff, leaving a 15% duty in place") is a tariff
    in force beside them, not a lift."""
    cut = vocab.CUT_AFTER_LIFT.search(clause, cue_at) if cue_at is not None else None
    if cut is not None and not vocab.ZERO.search(clause, cut.start()):
        # "removed tariffs on medicine and reduced tariffs on cars": the goods after the second verb are cut,
        # a tariff at their new rate (or none stated), not lifted.
        head = lifts(
            clause[: cut.start()],
            sentence,
            parties,
            [r for r in rates if r.end <= cut.start()],
            mentions,
            ctx,
            authority,
            zero_only=zero_only,
            cue_at=cue_at,
        )
        return head + _cut_beside(clause, cut.start(), sentence, parties, rates, authority)
    facts: list[Fact] = []
    # "90 percent of Chilean goods will be duty-free": how much of the trade is freed, no rate removed.
    rates = [r for r in rates if not vocab.LIFTED_SHARE_AFTER.match(clause[r.end : r.end + 60])]
    left = [r for r in rates if left_in_force(clause, r, cue_at)]
    rates = [r for r in rates if r not in left]
    lifter = parties
    if zero_only and parties.imposer == "US":
        # "we can sell into Vietnam at zero tariff": the partner opens its market.
        others = [m.code for m in mentions if m.code not in {"US", ANY}] or ([ctx.partner] if ctx.partner else [])
        if parties.targets_named:
            # "Tariffs on Indian goods were cut to zero": the side named as hit does not open its own market.
            others = [o for o in others if o not in parties.targets]
        if others:
            lifter = Parties(imposer=others[0], targets=("US",), subject_named=True)
    # "cut from 3% to 0%": the lift carries the rate it removes.
    removed = [replace(r, value=r.previous, previous=None) if r.value == 0 and r.previous else r for r in rates]
    # The goods are those named near the tariff word, so "tariffs on items including tyres, glasses and
    # televisions" is read as examples of a package (no sector), as for a tariff.
    groups = sector_groups(clause, [r for r in removed if r.value > 0], list(vocab.TARIFF_WORD.finditer(clause)))
    if _PACKAGE_EXAMPLES.search(clause):
        groups = [(rate, []) for rate, _sectors in groups]
    elif (vocab.INCLUDING.search(clause) and groups and (groups[0][0] is not None or groups[0][1])) or _mixed_goods(
        clause
    ):
        facts.append(make_fact("lift", lifter, sentence, authority=authority))
    zero = vocab.ZERO.search(clause)
    for rate, sectors in groups:
        if zero is not None and rate is not None and rate.previous is not None and rate.start >= zero.end():
            continue  # "to 0% on wine and from 10% to 5% on laptops": the cut after the removal is a tariff
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
    if zero is not None:
        # "cut in two steps: from 18% to 9% now, and to 0% next year": the first step's rate is in force
        # until the removal, a tariff of its own besides the lift that carries it; a cut of other goods after
        # the removal is a tariff only.
        for rate, sectors in groups:
            if rate is None or rate.previous is None or zero.start() < rate.end <= zero.end():
                continue
            for sector in each(sectors):
                facts.append(
                    make_fact(
                        "tariff",
                        lifter,
                        sentence,
                        sector=sector,
                        rate=rate.value,
                        previous_rate=rate.previous,
                        status="announced",
                        authority=authority,
                    )
                )
    for r in left:
        facts.append(
            make_fact(
                "tariff",
                lifter,
                sentence,
                sector=next(iter(sector_groups(clause, [r])[0][1]), None),
                rate=r.value,
                status="in_effect",
                authority=authority,
            )
        )
    return facts


def _cut_beside(
    clause: str, start: int, sentence: str, parties: Parties, rates: list[Rate], authority: str | None
) -> list[Fact]:
    """The tariffs a cut after a removal leaves (from `start`): one per rate and sector it names."""
    tail = clause[start:]  # the goods of the removal before it are not the cut's
    tail_rates = [r for r in rates if r.start >= start]
    if tail_rates:
        groups: list[tuple[Rate | None, list[str]]] = [
            (r, near_sectors(tail, r.start - start, r.end - start)) for r in tail_rates
        ]
    else:
        groups = sector_groups(tail, [], list(vocab.TARIFF_WORD.finditer(tail)))
    return [
        make_fact(
            "tariff",
            parties,
            sentence,
            sector=sector,
            rate=rate.value if rate else None,
            previous_rate=rate.previous if rate else None,
            status="announced",
            authority=authority,
        )
        for rate, sectors in groups
        for sector in each(sectors)
    ]


def _mixed_goods(clause: str) -> bool:
    """Whether the goods a tariff is lifted on are a list mixing goods of a sector with goods of none
    ("on ferronickel and blister copper", "on glider parts as well as vaccines"): the
    lift covers a package (no sector) besides each sector it names."""
    word = vocab.TARIFF_WORD.search(clause)
    goods = _GOODS_PHRASE.search(clause, word.end() if word else 0)
    if goods is None:
        return False
    end = _LIST_END.search(clause, goods.end())
    phrase = clause[goods.end() : end.start() if end else len(clause)]
    if not _CONJUNCTION.search(phrase):
        return False  # "on bourbon, the ministry said": one item, then another statement
    items = [i for i in _LIST_SPLIT.split(phrase) if i.strip()]
    sectored = [bool(find_sectors(i)) for i in items]
    return any(sectored) and any(not s and not _NOT_GOODS.search(i) for i, s in zip(items, sectored, strict=True))


# Goods named as examples of items of any kind ("products such as tyres and televisions"): a package.
_PACKAGE_EXAMPLES = blind(
    r"\b(?:items|products|goods|lines|categories)\s+(?:including|such\s+as|like|ranging\s+from)\b"
)
# Where the goods of a lift are named: "on ...", "for ...".
_GOODS_PHRASE = blind(r"\b(?:on|for)\s")
# The goods list ends at a stop, a reason, or a participle that starts a new statement (", helping ...").
_LIST_END = re.compile(
    r"[;.:(]|(?i:,\s+(?:\w+ing|which|while|but|who|said|after|from|starting|as\s+part)\b)"
    # A noun in apposition that sums up the act ("..., a move that cleared the way"): no more goods.
    r"|(?i:,\s+(?:a|an)\s+(?:[\w-]+\s+)?(?:move|step|decision|measure|gesture|sign|concession|action)\b)"
    r"|\s(?i:from|by|under|in|to|into)\s+[A-Z\d]"
    # The predicate after a removal named as a noun: "the removal of the tariffs on steel took effect and ...",
    # "... will help carmakers": what follows is said of the removal, not more goods.
    r"|\s(?i:was|were|is|are|has|have|had|will|would|could|can|may|might|should|came|comes|took|takes|went|goes|"
    r"began|begins|drew|draws|helped|helps|hurt|hurts|gave|gives|brought|brings|sparked|sparks|marked|marks|"
    r"follows|followed|means|meant)\b"
)
_LIST_SPLIT = re.compile(r",\s*(?:and\s+|or\s+|as\s+well\s+as\s+)?|\s+(?:and|or|as\s+well\s+as|plus)\s+", re.I)
_CONJUNCTION = re.compile(r"\s(?:and|or|as\s+well\s+as|plus)\s", re.I)
# An item without a sector word that names a country, an amount or a share, not goods.
_NOT_GOODS = re.compile(r"[A-Z]\w+|\d")

# "remove or reduce tariffs": a lift and a cut at once.
_OR_REDUCE = blind(r"\b(?:or|and)\s+reduce\b")
# Duty-free treatment in a relative clause set off by a comma, saying what something standing does ("the
# scheme, which allows duty-free imports"): a description, not a removal ("a decree that allows duty-free
# imports from Monday" defines the act itself and still lifts).
_DESCRIBED_BEFORE = blind(
    r",\s*which\s+(?:still\s+|also\s+)?(?:allows|gives|grants|provides|offers|affords)\s+"
    r"(?:[\w-]+\s+){0,2}$"
)
# A ruling is a lift where collection of the tariff stops.
_COLLECTION = blind(r"\bcollect(?:s|ed|ing|ion)?\b")
_LIFT_NOUNS = frozenset({"removal", "elimination", "lifting", "abolition", "repeal"})


# A verb that brings a tariff down to the zero named after it: "lowering its tariffs to zero".
_CUT_WORD = re.compile(rf"\b(?:{vocab.CUT_VERB})\b", re.I)


def _foreseen_lift(c: Clause, start: int) -> bool:
    """Whether the removal at `start` is only foreseen (`vocab.FORESEEN_LIFT_BEFORE`): looked for in the words
    before it, and for a participle opening its clause ("..., reducing or eliminating tariffs") in the clause
    before it, whose subject it shares."""
    if vocab.FORESEEN_LIFT_BEFORE.search(c.text, max(0, start - 160), start):
        return True
    at = c.sentence.find(c.text)
    if at <= 0 or not _OPENS_WITH_PARTICIPLE.match(c.text):
        return False
    return bool(vocab.FORESEEN_LIFT_BEFORE.search(c.sentence, max(0, at + start - 160), at + start))


_OPENS_WITH_PARTICIPLE = re.compile(r"\W*[a-z]+ing\b")


def _rate_reached(c: Clause, after: int) -> bool:
    """Whether the verb ending at `after` brings the tariff to a rate above zero named later in its own
    statement ("dropped the tariff on Chinese goods to 7.5%", "from 40% to 15%"): the tariff stays, changed."""
    for r in c.rates:
        if r.start < after or r.value <= 0:
            continue
        between = c.text[after : r.start]
        if _STATEMENT_BREAK.search(between):
            return False
        if _TO_RATE_BEFORE.search(between) or r.previous is not None:
            return True
    return False


# "to" right before a rate names where a change brings it ("to 7.5%", "down to about 8 percent"); "up to 15%"
# is the top of the rates removed.
_TO_RATE_BEFORE = re.compile(r"(?<!\bup\s)\bto\s+(?:about\s+|around\s+|just\s+|roughly\s+)?$", re.I)
_STATEMENT_BREAK = re.compile(r"[,;:]|\b(?:and|but|while|which|leaving|after)\b", re.I)


def lift_cue(c: Clause) -> tuple[re.Match[str] | None, bool, bool]:
    """The word that removes a tariff (or the "zero tariff" that states it; None when the clause states no
    lift), whether only "zero" says so, and whether the clause is only considering a lift."""
    clause = c.text
    zero = vocab.ZERO.search(clause)
    if zero and quota_relief(clause):
        zero = None  # duty-free access within a quota is a relief
    ended = vocab.FREE_ACCESS_ENDED.search(clause) if zero else None
    if ended and zero and ended.start() < zero.start() < ended.end():
        zero = None  # "ended duty-free access for Ukrainian sugar": the tariff applies again
    lift = None
    if c.tariff_word:
        lift = next(
            (m for m in vocab.LIFT.finditer(clause) if governs_tariff(clause, m)),
            None,
        )
        lift = lift or vocab.TARIFF_LAPSED.search(clause)
    if lift and vocab.FALL_TO_RATE.match(clause, lift.end()) and not vocab.ZERO.search(clause, lift.end()):
        lift = None  # "tariffs on wine drop to 6% from 12%", "rolled back the levy to 10%": a cut, not a removal
    if lift and not vocab.ZERO.search(clause, lift.end()) and _rate_reached(c, lift.end()):
        lift = None  # "dropped the tariff on Chinese goods to 7.5%", "lifted tariffs to 25%": a new rate, not a removal
    if lift and (
        vocab.MEASURE_ENDED.match(clause, lift.start()) or vocab.FREE_ACCESS_ENDED.match(clause, lift.start())
    ):
        lift = None  # "lifted its suspension of duties", "ended duty-free access": the tariff applies again
    if lift and vocab.LIST_REMOVAL.match(clause, lift.start()):
        lift = None  # "removed maple syrup from the list of goods facing tariffs": a relief, not a lift
    anchor = c.first_anchor
    if lift and anchor < lift.start() and vocab.CONDITION.search(clause, anchor, lift.start()):
        lift = None  # "200% tariffs on wine unless the EU drops its whiskey tariff": the tariff is the fact
    if lift and _foreseen_lift(c, lift.start()):
        return None, False, True  # "the agreements would remove tariffs", "would boost sales by eliminating it"
    if lift and lift.group(0).lower() in _LIFT_NOUNS and vocab.PREDICTED_EFFECT.match(clause[lift.end() :]):
        lift = None  # "the removal of tariffs would reduce inflation": an effect foreseen, not a lift
    cutting = list(_CUT_WORD.finditer(clause, max(0, zero.start() - 60), zero.start())) if zero and not lift else []
    if zero and cutting and _foreseen_lift(c, cutting[-1].start()):
        return None, False, True  # "would benefit from lowering its tariffs to zero": a cut only imagined
    if zero and not lift and vocab.PREDICTED_EFFECT.match(clause[zero.end() :]):
        zero = None  # "the zero-tariff deal will provide new opportunities": an effect foreseen, not a lift
    if zero and not lift and vocab.ZERO_CUT_BEFORE.search(clause[max(0, zero.start() - 60) : zero.start()]):
        zero = None  # "a cut in duty-free allowances": duty-free treatment cut back, not widened
    if zero and not lift and _DESCRIBED_BEFORE.search(clause[max(0, zero.start() - 50) : zero.start()]):
        zero = None  # "the GSP, which allows duty-free imports": what a standing scheme does, no tariff removed
    if zero and not lift and (vocab.ZERO_STATE.search(clause, 0, zero.start()) or not vocab.ZERO_CHANGE.search(clause)):
        zero = None  # "most goods traded here are tariff-free": how trade stands, not a tariff removed
    cue = lift or zero
    if cue is None:
        return None, False, False
    if lift is not None and vocab.PLAN_OBJECT.match(clause[lift.end() : lift.end() + 60]):
        return None, False, True  # "dropped its plan to impose tariffs": a tariff never in force, no fact
    if lift is not None and lift.start() < 12 and vocab.GERUND_SUBJECT.match(clause):
        return None, False, True  # "Removing the tariff would cut car prices": an idea talked about, no fact
    if vocab.CONSIDERED.search(clause[: cue.start()]):
        return None, False, True  # a cut or removal under consideration is a proposal, not a fact
    if lift is not None and vocab.COURT.search(clause, 0, lift.start()) and not _COLLECTION.search(clause):
        return None, False, True  # "the trade court ordered the duties removed": a ruling, not a lift (contract)
    if (
        vocab.NEITHER_BEFORE.search(clause[: cue.start()])
        or vocab.DENIED_BEFORE.search(clause[max(0, cue.start() - 40) : cue.start()])
        or vocab.REFUSED_FRAME_BEFORE.search(clause, max(0, cue.start() - 130), cue.start())
    ):
        # "neither side has lifted its duties", "has not removed them", "is in no hurry to remove them": denied
        return None, False, False
    aim = aimed_at(c, cue)
    if aim:
        # "in a bid to remove the duties": only aimed at. The tariff is read as it is where its owner is named
        # after the aim ("to get US tariffs removed"); else the side seeking it would be taken for the one taxing.
        return None, False, not owner_named_after(c, aim.start())
    if vocab.TALKED_OF_BEFORE.search(clause[max(0, cue.start() - 40) : cue.start()]):
        return None, False, True  # "are negotiating the removal of the duties": what talks are about, no fact
    if offered(clause, cue) or (lift is None and cutting and offered(clause, cutting[-1])):
        # "is willing to scrap the duties if Japan ...", "offered to cut its tariffs to zero": an offer, not a lift
        return None, False, True
    return (None if blocked(clause, cue) else cue), lift is None, False
