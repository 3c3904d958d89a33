"""Pauses: a tariff suspended, deferred or given a reprieve, and the rate a pause leaves in force."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from monitor.extract import vocabulary as vocab
from monitor.extract.clauses import blocked, governs_tariff, offered
from monitor.extract.context import Context
from monitor.extract.dates import DateMention, find_dates
from monitor.extract.facts import Fact
from monitor.extract.gazetteer import ANY, find_mentions
from monitor.extract.kinds import Clause, make_fact
from monitor.extract.matching import blind
from monitor.extract.parties import Parties
from monitor.extract.rates import Rate, find_rates, left_in_force
from monitor.extract.sectors import distinct, each, find_sectors
from monitor.extract.timing import explicit_until, extension_end, pause_until, status_of

# Cues that name a pause of tariffs whatever follows them ("a trade truce", "would not impose", "extended to
# August 1"); "extended the talks" must still act on a tariff, a deadline or a pause.
_GOVERNS_ALWAYS = blind(
    r"truce|cease-?fire|not\s|refrain|tariff\s+deadline|tariff\s+exemption|extend\w*\s+(?:it\s+)?(?:to|until)|grace"
)
# A pause under consideration is a proposal ("is considering a pause"); "could extend the pause, set to
# expire on July 9" still states the pause that exists (see `pauses`).
_UNDER_CONSIDERATION = blind(
    r"\b(?:consider|considers|considering|weighing(?!\s+on\b)|weighs(?!\s+on\b)|mulling|mulls|contemplating|"
    r"contemplates|eyeing|floated|floating|hinted\s+at|hints\s+at|hinting\s+at|proposal|proposed)\b"
)
# A pause both sides make: "a truce", "tariffs against one another", "both sides".
# A consensus is shared by the sides that reach it.
_MUTUAL = blind(r"\btruce\b|\bcease-?fire|\bboth\s+sides\b|\bmutual|\bone\s+another\b|\beach\s+other\b|\bconsensus\b")
# A pause denied or only imagined: "there will be no pause in the tariffs", "a pause in the tariffs would
# help farmers" (an indefinite pause as the subject of "would").
# "no pause in the tariffs", "any delay", and the same of a noun of thought: "put down any idea of delaying them".
_NO_BEFORE = blind(r"\b(?:no|any)\s+(?:[\w-]+\s+)?(?:of\s+)?$")
_IMAGINED = blind(
    r"^\W*(?:a|an|any)\s+(?:[\w-]+\s+)?(?:pause|suspension|delay|reprieve|truce|freeze)\b[^,;]{0,60}?\bwould\b"
)
_TRUCE = blind(r"\btruce\b|\bcease-?fire|\bmutual")
# A measure named only by a pronoun and the noun of imposing it ("delayed their reimposition") is the tariff the
# article spoke of; "the reimposition of sanctions" is not.
_PAUSE_NEAR = blind(
    r"truce|cease-?fire|reprieve|deadline|pause|countermeasures|counter-measures|"
    r"(?:its|their)\s+(?:re-?)?(?:imposition|implementation)\b(?!\s+of\b)"
)
# "the pause", "this reprieve": a definite noun phrase names a pause the reader already knows of.
_DEFINITE_BEFORE = blind(r"\b(?:the|this|that)\s+(?:[a-z-]+\s+)?$")
_WHEN_BETWEEN = blind(r"^\W*(?:when|at\s+which\s+point)\s+(?:the|a|an|its|their|this|that)\s+(?:[\w-]+\s+){0,2}$")
# "put the duties on hold": the verb before what is held.
_PUT_BEFORE = blind(r"\b(?:put|puts|putting|placed|places|placing|kept|keeps|keep)\s+[^,;]{1,80}$")
_REMAIN_BEFORE = blind(
    r"[^,;]{1,80}\b(?:remain|remains|remained|stay|stays|stayed|is|are|was|were|be|been|being)\s+(?:\w+\s+)?$"
)
# Kept where they are: "froze its tariffs at current levels".
_STANDSTILL_AFTER = blind(
    r"[^,;]{0,40}?\bat\s+(?:current|existing|present|today's|their\s+current)\s+(?:levels?|rates?)\b"
)
_WHEN_START = blind(r"^\s*(?:when|at\s+which\s+point)\s")
_EXCLUSIONS_AFTER = blind(r"\s*(?:\w+\s+){0,4}(?:exclusions?|exemptions?|waivers?)\b")
# The same in the passive: "the exclusions for medical gloves were extended until May 31" (a relief).
_EXCLUSIONS_BEFORE = blind(
    r"\b(?:exclusions?|exemptions?|waivers?)\b[^,;]{0,100}?\b(?:is|are|was|were|be|been|being)\s+(?:\w+\s+)?$"
)
# The two sides referred back to as the subject: "They agreed", "The two leaders also pledged".
_THEY_BEFORE = blind(
    r"^\W*(?:they|the\s+two\s+(?:leaders|presidents|sides|countries|nations|governments)|both\s+(?:leaders|"
    r"presidents|sides|countries|nations|governments)|the\s+leaders)\s+(?:\w+\s+)?$"
)
# A verb of the paused tariffs coming back, just before the day they do: "will be reimposed on", "resume from".
_RESUMED_BEFORE = blind(
    r"\b(?:reimposed|re-imposed|reinstated|resumed?|return|snap\s+back|come\s+back|kick\s+(?:back\s+)?in)\b[^.;]{0,30}$"
)
_SEGMENT_END = re.compile(r"[,;]")
# A rate's own goods phrase: "10% on all goods", "a 10% duty for other imports".
_GOODS_NAMED = blind(r"\b(?:on|for)\s+(?:[\w-]+\s+){0,3}?(?:goods|products|imports|exports|items)\b")
_YEAR_STATED = blind(r"\b\d{4}\b|\b(?:this|last|next)\s+year\b")
# A tariff removed or waived for a stated time ("lift the duties for five years", "waive its import duties on
# staples for a year"): held off for that long, a pause; a removal for good names no length.
_LIFTED_OR_WAIVED = blind(r"\b(?:waive|waives|waived|waiving)\b")
_FOR_A_TIME = blind(
    r"[^,;]{0,80}?\bfor\s+(?:a|an|one|two|three|four|five|six|nine|twelve|eighteen|\d{1,3})\s+"
    r"(?:more\s+)?(?:days?|weeks?|months?|years?)\b"
)
# What a pause follows from, after its word: "following last week's meeting", "after talks on Monday".
_CAUSE_AFTER = blind(r"\b(?:after|following|amid|citing|in\s+response\s+to)\b")
_UNTIL_BEFORE = blind(r"\b(?:until|till|through)\s+(?:the\s+end\s+of\s+)?$")


def stated_pause(clause: str, sentence: str, parties: Parties, dates: list[DateMention], ctx: Context) -> list[Fact]:
    """A pause the clause states as a fact by naming its end, whatever it says about extending it."""
    stated = vocab.PAUSE_NOUN_ENDS.search(clause)
    if not stated or not dates:
        return []
    # The day is named after the pause ("the truce that expires on August 12"), or right before a clause that
    # says the pause ends then ("by March 3, when the pause on those levies is set to expire").
    ends = [d for d in dates if d.start >= stated.start()] or [
        d for d in dates if d.end <= stated.start() and _WHEN_BETWEEN.match(clause[d.end : stated.start()])
    ]
    if not ends:
        return []
    sides = _each_side(parties) if _TRUCE.search(clause) else [parties]
    return [make_fact("pause", side, sentence, until=ends[0].value) for side in sides]


_SPEAKER_AFTER = re.compile(r",\s+(?:[\w.'’-]+\s+){1,5}?(?:said|says|told|added|announced)\b")


def _equally_sure(sides: list[Parties]) -> list[Parties]:
    """The two sides of one truce read as surely as each other: each pauses on the other, so where one side was
    named (as acting or as hit), so was the other."""
    if len(sides) != 2:
        return sides
    imposer_named = any(s.imposer_named for s in sides)
    targets_named = any(s.targets_named for s in sides)
    subject_named = any(s.subject_named for s in sides)
    return [
        replace(
            s,
            imposer_named=imposer_named,
            targets_named=targets_named,
            subject_named=subject_named,
            targets_default=s.targets_default and not targets_named,
        )
        for s in sides
    ]


def _side_of_pair(pair: tuple[str, str], first: str) -> Parties:
    """One side of a truce between the two sides of `pair`: `first` sparing the other."""
    return Parties(imposer=first, targets=tuple(c for c in pair if c != first), subject_named=False)


def _each_side(parties: Parties) -> list[Parties]:
    """The sides of a pause both make, each pausing its tariffs on the other: the sides named together as the
    subject ("Kenya and Ghana agreed a truce"); else, when no side is named as acting, the two named in the
    clause ("the truce between Kenya and Ghana"); else the one acting and the first one hit."""
    if parties.fellows:
        others = [Parties(imposer=code, targets=(parties.imposer,), subject_named=True) for code in parties.fellows]
        return [replace(parties, targets=parties.fellows), *others]
    named = [t for t in parties.targets if t != ANY]
    if not parties.imposer_named and len(named) >= 2:
        first, second = named[:2]
        return [
            replace(parties, imposer=first, targets=(second,)),
            Parties(imposer=second, targets=(first,), subject_named=False, imposer_named=False),
        ]
    if parties.targets and parties.targets[0] != ANY:
        return [parties, Parties(imposer=parties.targets[0], targets=(parties.imposer,), subject_named=True)]
    return [parties]


def pauses(
    clause: str,
    sentence: str,
    parties: Parties,
    rates: list[Rate],
    dates: list[DateMention],
    ctx: Context,
    authority: str | None,
    cue_at: int,
) -> list[Fact]:
    facts: list[Fact] = []
    # A rate far from the pause word belongs to another statement of the same sentence.
    own = [r for r in rates if abs(r.start - cue_at) > 90]
    rates = [r for r in rates if r not in own]
    for r in own:
        if vocab.COUNTERFACTUAL_BEFORE.search(clause, max(0, r.start - 60), r.start):
            continue  # "tariffs that would have eventually reached 25%": the rate never came
        facts.append(
            make_fact("tariff", parties, sentence, rate=r.value, status=status_of(clause), authority=authority)
        )
    explicit = explicit_until(clause, dates)
    if vocab.MODAL.search(clause) and explicit is None:
        return facts  # "could extend the pause": speculation, unless it states when the pause ends
    if explicit is None and ctx.published is not None:
        explicit = _day_of_when_clause(clause, sentence, ctx.published)
    until = extension_end(clause, dates, _end_so_far(ctx, parties), ctx.published) or explicit
    # A removal held for a time ("ended a 17-year fight and agreed to lift the tariffs for five years") lasts the
    # length named after its verb: the words before it are blanked (offsets kept) for the count.
    timed = _held_clause(clause, cue_at)
    # A day named in what the pause follows from ("for one year, ... following last week's meeting") is not the
    # day its length counts from.
    cause = _CAUSE_AFTER.search(clause, min(cue_at + 1, len(clause)))
    counted = [d for d in dates if cause is None or d.start < cause.start()]
    until = until or (pause_until(timed, counted, ctx.published) if ctx.published else None)
    until = until or (_day_resumed(clause, sentence, ctx.published) if ctx.published else None)
    sides = [parties]
    if parties.fellows and vocab.AGREED_ON_THEIR.search(clause):
        # "Chile and Peru agreed to suspend their tariffs": each side named with the imposer pauses too, on the
        # side hit when a third is named ("... on US steel"), else on the imposer.
        for code in parties.fellows:
            targets = tuple(t for t in parties.targets if t != code) or (parties.imposer,)
            sides.append(Parties(imposer=code, targets=targets, subject_named=True))
    elif (together := _promised_together(clause, sentence, cue_at, ctx)) is not None:
        first, second = together
        sides = [
            Parties(imposer=first, targets=(second,), subject_named=True),
            Parties(imposer=second, targets=(first,), subject_named=True),
        ]
    elif (
        _MUTUAL.search(clause)
        or vocab.MUTUAL.search(clause, 0, cue_at)
        or any(m.start() == cue_at and _war_paused(clause, m) for m in vocab.PAUSE.finditer(clause))
    ):
        # "the two countries agreed to suspend": both sides as the subject (not "... while the two sides talk").
        sides = _each_side(parties)
        if len(sides) == 1 and ANY in parties.targets and not parties.targets_named:
            # "A truce was reached": a truce is between two sides, never on everyone; naming neither, it is one
            # between the sides of the article's last talks or deal, else it names no pause.
            sides = [_side_of_pair(ctx.pair, first) for first in ctx.pair] if ctx.pair is not None else []
        sides = _equally_sure(sides)
    if vocab.CEASEFIRE.match(clause, cue_at) and not vocab.TRADE_CEASEFIRE.search(clause):
        # A ceasefire not said to be in a trade war is a truce of the article's trade talks or deal only.
        pair = set(ctx.pair) if ctx.pair is not None else set()
        sides = [s for s in sides if {s.imposer, *s.targets} == pair]
    kept = [r for r in rates if not left_in_force(clause, r, cue_at)]
    # The paused rate is the one the pause word governs: the first after it ("refrain from raising that
    # rate to 25 percent"), else the nearest before it ("the 24% tariffs are paused").
    after = [r for r in kept if r.start >= cue_at]
    before = [r for r in kept if r.start < cue_at]
    paused_rates = _range_of(kept, (after[:1] or before[-1:]))
    # Goods named in a reason after the pause ("after agreeing to buy more US energy") are not paused.
    reason = vocab.REASON_AFTER.search(clause, min(cue_at + 1, len(clause)))
    # Nor are goods named after the speaker of the pause ("..., President Trump said, signaling a freeze that
    # rattled farmers").
    said = _SPEAKER_AFTER.search(clause, min(cue_at + 1, len(clause)))
    stops = [m.start() for m in (reason, said) if m is not None]
    sectors = distinct(find_sectors(clause[: min(stops)] if stops else clause))
    ends: list[tuple[dt.date | None, list[str]]] = [*_ends_of_goods(clause, dates)] or [(until, sectors)]
    # A truce of two sides names no one rate for each: their pauses carry none.
    values: list[float | None] = [r.value for r in paused_rates] if len(sides) == 1 else []
    for side in sides:
        for end, goods in ends:
            for sector in each(goods):
                for value in values or [None]:
                    facts.append(
                        make_fact("pause", side, sentence, sector=sector, rate=value, until=end, authority=authority)
                    )
    for left in rates:
        if left not in paused_rates and (left not in kept or left in before):
            # The rate left in force is on the goods its own words name, else on the goods paused.
            phrase = _goods_after(clause, left)
            own_goods = distinct(find_sectors(phrase))
            if own_goods or _GOODS_NAMED.search(phrase):
                sector = own_goods[0] if own_goods else None
            else:
                sector = sectors[0] if len(sectors) == 1 else None
            facts.append(
                make_fact(
                    "tariff", parties, sentence, sector=sector, rate=left.value, status="in_effect", authority=authority
                )
            )
    return facts


def _range_of(rates: list[Rate], chosen: list[Rate]) -> list[Rate]:
    """The rate chosen with the rest of its range or tiers ("suspended its duties of 10 to 25 percent"): every
    rate of one range is a rate of the same measure, so the pause carries each of them."""
    if not chosen or chosen[0] not in rates:
        return chosen
    at = rates.index(chosen[0])
    first = at
    while first > 0 and rates[first].joined:
        first -= 1
    last = at
    while last + 1 < len(rates) and rates[last + 1].joined:
        last += 1
    return rates[first : last + 1]


def _promised_together(clause: str, sentence: str, cue_at: int, ctx: Context) -> tuple[str, str] | None:
    """The two sides named together as the subject of a promise of no new tariffs ("Xi and Trump agreed not to
    impose new tariffs", "China and the US pledged to halt further duties"; "They agreed ...": the sides of the
    article's last talks or deal, else of its last measure on one side, else the US and the article's partner),
    when the clause names no side after
    it: each spares the other. None for a pause of tariffs already set ("agreed to delay the tariffs"), which is
    the taxing side's alone."""
    if not vocab.NO_NEW_TARIFFS.match(clause, cue_at):
        return None
    agreeing = vocab.AGREEING.search(clause, 0, cue_at)
    if agreeing is None:
        return None
    if _THEY_BEFORE.match(clause[: agreeing.start()]):
        last = ctx.actor
        if ctx.pair is not None:
            return ctx.pair
        if last is not None and len(last.targets) == 1 and last.targets[0] not in {ANY, last.imposer}:
            return (last.imposer, last.targets[0])
        return ("US", ctx.partner) if ctx.partner not in {None, "US", ANY} else None
    offset = max(0, sentence.find(clause))
    mentions = [m for m in find_mentions(sentence) if offset <= m.start and m.end <= offset + len(clause)]
    if any(m.start - offset >= cue_at for m in mentions):
        return None  # "agreed not to impose new tariffs on Chinese steel": a side hit is named
    named = list(dict.fromkeys(m.code for m in mentions if m.end - offset <= agreeing.start() and m.code != ANY))
    return (named[0], named[1]) if len(named) == 2 else None


def _in_year(year: int, day: dt.date) -> dt.date | None:
    try:
        return day.replace(year=year)
    except ValueError:  # February 29
        return None


def _goods_after(clause: str, rate: Rate) -> str:
    """The words after a rate up to the next clause mark: where its own goods are named ("10% on all goods")."""
    stop = _SEGMENT_END.search(clause, rate.end)
    return clause[rate.end : stop.start() if stop else len(clause)]


def _ends_of_goods(clause: str, dates: list[DateMention]) -> list[tuple[dt.date, list[str]]]:
    """Several ends, each for its own goods ("the duty on corn until March 31 and on soybeans until January
    15"): each end with the sectors named between it and the end before; empty where the clause names fewer
    than two different ends after "until"."""
    ends = [d for d in dates if _UNTIL_BEFORE.search(clause[max(0, d.start - 12) : d.start])]
    if len({d.value for d in ends}) < 2:
        return []
    found: list[tuple[dt.date, list[str]]] = []
    begin, year = 0, None
    for d in ends:
        # A year stated once holds for the days listed after it ("corn until March 31, 2031 and rice until May 5").
        value = d.value
        if _YEAR_STATED.search(clause, d.start, d.end):
            year = d.value.year
        elif year is not None and value.year != year:
            value = _in_year(year, value) or value
        found.append((value, distinct(find_sectors(clause[begin : d.start]))))
        begin = d.end
    every = distinct(find_sectors(clause))
    return [(value, goods or every) for value, goods in found]


def _end_so_far(ctx: Context, parties: Parties) -> dt.date | None:
    """The day the article last said a pause by the same side, on a side hit here, was due to end: the day an
    extension by a length counts from."""
    for fact in reversed(ctx.paused):
        if fact.imposer == parties.imposer and (set(fact.targets) & set(parties.targets) or ANY in fact.targets):
            return fact.until
    return None


def _day_resumed(clause: str, sentence: str, published: dt.date) -> dt.date | None:
    """The day a later clause of the sentence says the paused tariffs come back ("Although they were put on
    hold, they will be reimposed on August 1"): the day the pause ends."""
    offset = sentence.find(clause)
    if offset < 0:
        return None
    tail = offset + len(clause)
    for d in find_dates(sentence, published):
        if d.start >= tail and _RESUMED_BEFORE.search(sentence[max(tail, d.start - 50) : d.start]):
            return d.value
    return None


def _day_of_when_clause(clause: str, sentence: str, published: dt.date) -> dt.date | None:
    """The day a clause of time names as a pause's end, when the day stands just before it: "by Aug. 1, when a
    pause on the tariffs is due to expire" (the clause is read apart from the date)."""
    offset = sentence.find(clause)
    if offset <= 0 or not _WHEN_START.match(clause) or not vocab.PAUSE_NOUN_ENDS.search(clause):
        return None
    before = find_dates(sentence[:offset], published)
    if before and not sentence[before[-1].end : offset].strip(" ,"):
        return before[-1].value
    return None


def _ends_on_a_day(c: Clause, cue: re.Match[str]) -> bool:
    """Whether the pause noun at `cue` is said to end on a day named after it ("The 90-day pause, which began on
    April 9, was due to expire on July 9"): a pause stated as a fact, even with no tariff word."""
    stated = vocab.PAUSE_NOUN_ENDS.match(c.text, cue.start())
    return bool(stated and any(d.start >= stated.end() for d in c.dates_of()))


def _ended(clause: str, cue: re.Match[str]) -> bool:
    """Whether the pause noun at `cue` is the object of a verb that ends it ("lifted its suspension of duties")."""
    return any(m.end() == cue.end() for m in vocab.MEASURE_ENDED.finditer(clause[max(0, cue.start() - 60) : cue.end()]))


def _war_paused(clause: str, cue: re.Match[str]) -> bool:
    """Whether the pause word at `cue` holds a trade war itself: a truce of both sides."""
    before = clause[max(0, cue.start() - 90) : cue.start()]
    if cue.group(0).lower().startswith("on"):
        return bool(vocab.WAR_PUT_BEFORE.search(before) or vocab.WAR_SUBJECT_BEFORE.search(before))
    return bool(vocab.WAR_OBJECT_AFTER.match(clause[cue.end() : cue.end() + 60]))


def _halted(clause: str, cue: re.Match[str]) -> bool:
    """Whether "came to a halt" is said of a tariff or a plan of one: its subject, before it in the clause."""
    if not cue.group(0).lower().endswith("halt"):
        return False
    before = clause[max(0, cue.start() - 90) : cue.start()]
    before = before[max(before.rfind(","), before.rfind(";")) + 1 :]
    return bool(vocab.TARIFF_WORD.search(before) or find_rates(before))


def _held(clause: str, cue: re.Match[str]) -> bool:
    """Whether "on hold" holds a tariff: "put its countermeasures on US bourbon on hold" names what is held
    between the verb and the cue; "the duties on steel remain on hold" names it as the subject."""
    if _halted(clause, cue):
        return True
    if not cue.group(0).lower().startswith("on"):
        return False
    before = clause[max(0, cue.start() - 90) : cue.start()]
    put = _PUT_BEFORE.search(before)
    if put:
        return bool(vocab.TARIFF_WORD.search(put.group(0)) or vocab.TARIFF_OBJECT.search(put.group(0)))
    # The subject is the tariff itself, not talks about one ("Talks on steel tariffs are on hold").
    remain = _REMAIN_BEFORE.search(before)
    return bool(remain and vocab.TARIFF_WORD.search(remain.group(0)) and not vocab.TALKS.search(remain.group(0)))


def _up_to_segment_end(clause: str, cue: re.Match[str]) -> str:
    """The clause up to the end of the cue's own segment. A reason or an attribution set off by a comma after the
    pause ("..., as the government seeks to curb food prices") is not what the pause is about; a seeker before
    the cue or in its segment ("seeking a delay of the duties") is."""
    stop = _SEGMENT_END.search(clause, cue.end())
    return clause[: stop.start()] if stop else clause


def aimed_at(c: Clause, cue: re.Match[str]) -> re.Match[str] | None:
    """The words that make the pause, lift or relief word at `cue` only aimed at or attempted ("in a bid to
    remove the duties", "is trying to stop new tariffs", "aimed at lifting them"), if any."""
    return vocab.AIMED_BEFORE.search(c.text, max(0, cue.start() - 60), cue.start())


def owner_named_after(c: Clause, start: int) -> bool:
    """Whether a side is named as the owner of a tariff word after `start` ("to stop new US tariffs")."""
    return any(
        m.start >= start and m.code != ANY and 0 <= w.start() - m.end <= 25 for m in c.mentions for w in c.tariff_words
    )


def _held_for_a_time(c: Clause) -> re.Match[str] | None:
    """The verb that removes or waives a tariff only for a stated time ("agreed to lift the tariffs for five
    years"), or None: such a removal is a pause of that length."""
    clause = c.text
    for cue in (*vocab.LIFT.finditer(clause), *_LIFTED_OR_WAIVED.finditer(clause)):
        if _FOR_A_TIME.match(clause, cue.end()) and governs_tariff(clause, cue):
            return cue
    return None


def _held_clause(clause: str, cue_at: int) -> str:
    """The clause with the words before a removal held for a time blanked out (offsets unchanged); as it is for
    any other pause word."""
    if not (
        (vocab.LIFT.match(clause, cue_at) or _LIFTED_OR_WAIVED.match(clause, cue_at))
        and _FOR_A_TIME.search(clause, cue_at)
    ):
        return clause
    return " " * cue_at + clause[cue_at:]


def _measure_extended(clause: str, cue: re.Match[str]) -> bool:
    """Whether an extending verb at `cue` has a tariff itself for its object or passive subject, with no pause,
    deadline or exemption named there ("extended its anti-dumping duty on foil", "the safeguard was extended")."""
    after = vocab.EXTENDED_MEASURE_AFTER.match(clause, cue.end())
    if after is not None:
        span = clause[cue.start() : after.end() + 30]
        return not vocab.PAUSE_OR_EXEMPTION_NOUN.search(span)
    before = vocab.EXTENDED_MEASURE_BEFORE.search(clause, max(0, cue.start() - 100), cue.start())
    return before is not None and not vocab.PAUSE_OR_EXEMPTION_NOUN.search(clause, before.start(), cue.start())


def pause_cue(c: Clause) -> tuple[re.Match[str] | None, bool]:
    """The word that pauses a tariff in the clause, if any, and whether the clause is a decision not to tax
    with no bargain or time to it (which states no fact at all)."""
    clause = c.text
    pause = aim = None
    for cue in vocab.PAUSE.finditer(vocab.ADJECTIVE_PAUSE.sub(lambda m: "x" * len(m.group(0)), clause)):
        near = clause[max(0, cue.start() - 70) : cue.end() + 100]
        extended = cue.group(0).startswith("extend")
        if _EXCLUSIONS_AFTER.match(clause[cue.end() : cue.end() + 60]) or (
            extended and _EXCLUSIONS_BEFORE.search(clause, max(0, cue.start() - 140), cue.start())
        ):
            continue  # "extended the product exclusions", "the exemptions were extended": relief, not a pause
        if extended and _measure_extended(clause, cue):
            continue  # "extended the anti-dumping duties for five years": the tariff kept in force, no pause
        if cue.group(0).lower().startswith("grace") and vocab.IN_TRANSIT.search(clause):
            continue  # "goods already in transit get a grace period": a relief for those goods, not a pause
        if vocab.CONCESSIONS_AFTER.match(clause, cue.end()):
            continue  # "suspended tariff concessions": retaliation, which raises duties
        if vocab.PAUSE_REFERRED.search(clause[max(0, cue.start() - 40) : cue.start()]):
            continue  # "Alongside the tariff suspension, ...": the pause stated before, not this clause's
        if _DEFINITE_BEFORE.search(clause[max(0, cue.start() - 30) : cue.start()]) and not (
            c.rates or c.mentions or c.dates_of()
        ):
            continue  # "Importers said the pause gave them time": a pause already told of, with nothing new
        if cue.group(0).startswith("not ") and not vocab.NOT_IMPOSE_BOUND.search(c.sentence):
            continue  # "would not impose retaliatory tariffs": a decision, not a pause (see NOT_IMPOSE_BOUND)
        if _ended(clause, cue):
            continue  # "ended the tariff pause": the pause is over, not stated
        if cue.group(0).lower().startswith("avert") and not vocab.DEAL_TO_BEFORE.search(
            clause, max(0, cue.start() - 60), cue.start()
        ):
            continue  # "little could be done to avert the tariffs": only a deal reached to avert them pauses them
        if vocab.NAMED_AS.search(clause, max(0, cue.start() - 120), cue.start()):
            continue  # "describing the deal as a truce": a name given to something, no pause stated
        if (
            _NO_BEFORE.search(clause[max(0, cue.start() - 25) : cue.start()])
            or vocab.DENIED_BEFORE.search(clause[max(0, cue.start() - 40) : cue.start()])
            or vocab.REFUSED_FRAME_BEFORE.search(clause, max(0, cue.start() - 130), cue.start())
            or vocab.NEITHER_BEFORE.search(clause[: cue.start()])
            or _IMAGINED.match(clause)
        ):
            continue  # "no pause in the tariffs", "has not suspended them", "a pause would help": none stated
        aiming = aimed_at(c, cue)
        if aiming:
            aim = aim or aiming
            continue  # "in an effort to stop new tariffs": a pause only sought, none stated
        if _STANDSTILL_AFTER.match(clause, cue.end()):
            continue  # "froze its tariffs at current levels": a standstill, not a pause
        if (
            _war_paused(clause, cue)
            or _halted(clause, cue)
            or (
                (vocab.TARIFF_WORD.search(near) or _PAUSE_NEAR.search(near))
                and (
                    _GOVERNS_ALWAYS.match(cue.group(0))
                    or governs_tariff(clause, cue)
                    or _held(clause, cue)
                    or _ends_on_a_day(c, cue)
                )
            )
        ):
            if vocab.TALKED_OF_BEFORE.search(clause[max(0, cue.start() - 40) : cue.start()]):
                return None, True  # "the two sides discussed a suspension of the duties": what talks are about
            pause = cue
            break
    if pause is None and aim is None:
        pause = _held_for_a_time(c)
    if pause is None and aim is not None:
        # The tariff a pause is sought of is read as it is where its owner is named ("is trying to stop new US
        # tariffs"); else the side seeking it would be taken for the one taxing: no fact.
        return None, not owner_named_after(c, aim.start())
    not_impose = vocab.NOT_IMPOSE.search(clause)
    if not_impose and not vocab.NOT_IMPOSE_BOUND.search(c.sentence):
        return None, True
    pause = pause or not_impose
    if pause and _UNDER_CONSIDERATION.search(clause[: pause.start()]):
        return None, True  # "is considering a pause": a proposal, not a fact
    if pause and pause.start() < 12 and vocab.GERUND_SUBJECT.match(clause):
        return None, True  # "Delaying the tariffs would hurt exporters": an idea talked about, no fact
    if pause and vocab.COURT.search(clause, 0, pause.start()):
        return None, False  # "a court suspended the tariffs": a ruling, not a pause (contract)
    if pause and offered(clause, pause):
        return None, False  # "is ready to suspend the duties if ...": an offer, not a pause
    if pause and not vocab.NO_PAUSE.search(_up_to_segment_end(clause, pause)) and not blocked(clause, pause):
        return pause, False
    return None, False
