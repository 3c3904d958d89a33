"""The contract's sectors, and the many words news uses for each."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from monitor.extract import vocabulary as vocab

if TYPE_CHECKING:
    from monitor.extract.rates import Rate

# One regex finds any sector word (grouped by first letter, so it stays fast); the sector is then
# told by the small per-sector patterns, which only ever see the few words found.
_PATTERN = vocab.Cue("|".join(vocab.SECTOR_WORDS.values()))


@cache
def _sector_pattern(sector: str) -> re.Pattern[str]:
    # Compiled when a word first needs it: a first article names a few sectors, and most words are told by the
    # first patterns in the list.
    return re.compile(rf"(?:{vocab.SECTOR_WORDS[sector]})", re.I)


@lru_cache(maxsize=1024)
def _sector_of(word: str) -> str | None:
    # The same few sector words come back in every article: each is told once.
    return next((sector for sector in vocab.SECTOR_WORDS if _sector_pattern(sector).fullmatch(word)), None)


@dataclass(frozen=True, kw_only=True)
class SectorMention:
    """A sector named in a sentence."""

    sector: str
    start: int
    end: int


def find_sectors(text: str) -> list[SectorMention]:
    """Sectors named in `text`, left to right (auto parts before autos where both match)."""
    blocked = [(m.start(), m.end()) for m in vocab.NOT_SECTOR.finditer(text)]
    found: list[SectorMention] = []
    for m in _PATTERN.finditer(text):
        if any(a <= m.start() < b for a, b in blocked):
            continue
        name = _sector_of(m.group(0))
        if name:
            found.append(SectorMention(sector=name, start=m.start(), end=m.end()))
            if name == "auto_parts" and re.match(r"(?i)(?:autos?|cars?|automobiles?|vehicles?)\s+and\b", m.group(0)):
                found.append(SectorMention(sector="autos", start=m.start(), end=m.end()))
    return found


def distinct(mentions: list[SectorMention]) -> list[str]:
    """Sector names in first-seen order, each once."""
    seen: list[str] = []
    for m in mentions:
        if m.sector not in seen:
            seen.append(m.sector)
    return seen


# The predicate of what a tariff does, its subject ("the tariff ... would raise the price of cars"): the goods
# named after it are the goods the effect falls on, not those the tariff is on.
_EFFECT_PREDICATE = re.compile(
    r"\b(?:would|will|could|might|may)\s+(?:also\s+|likely\s+|only\s+)?(?:cause|hurt|harm|raise|push|drive|lead|"
    r"make|cost|damage|weigh|boost|increase|send|force|add)\b",
    re.I,
)
_COORDINATED = re.compile(r"\s*(?:,|,?\s*and|,?\s*or|&)\s*", re.I)
_RELATIVE = re.compile(r"\b(?:that|which|who|if|when|unless)\b", re.I)


def many_goods(text: str) -> bool:
    """Whether `text` gives a package over many kinds of goods ("a wide range of goods", "2,500 items, from food
    to machinery"): its examples name no sector of the measure."""
    return bool(vocab.MANY_GOODS.search(text)) or any(
        find_sectors(span.group(1)) for span in vocab.GOODS_SPAN_FROM.finditer(text)
    )


# How far before a tariff word the goods it is on may be counted ("a list of $3 billion worth of products that
# could face tariffs, including ...").
_COUNTED_REACH = 100


def _counted_before(clause: str, start: int) -> bool:
    """Whether the goods a tariff word at `start` is on are counted or listed before it, with no other tariff word
    between ("a list of $3 billion of US products that could face retaliatory tariffs, including whiskey"): the
    examples after it sample that package."""
    before = clause[max(0, start - _COUNTED_REACH) : start]
    ends = [m.end() for m in vocab.COUNTED_GOODS.finditer(before)]
    return bool(ends) and not vocab.TARIFF_WORD.search(before, ends[-1])


def near_sectors(clause: str, start: int, end: int) -> list[str]:
    """Sectors named close to a rate or tariff word (not elsewhere in a long clause)."""
    stop = end + 130
    other = vocab.OTHER_MEASURE.search(clause, end, stop)
    if other:
        stop = other.start()
    reason = vocab.REASON_AFTER.search(clause, end, stop)
    if reason:
        stop = reason.start()  # "... on Chinese goods after Beijing curbed rare earth exports": not the goods taxed
    effect_of = vocab.EFFECT_PARTICIPLE.search(clause, end, stop)
    if effect_of:
        stop = effect_of.start()  # "..., escalating a feud over strikes on vessels": what the measure set off
    effect = _EFFECT_PREDICATE.search(clause, end, stop)
    if effect and not _RELATIVE.search(clause, end, effect.start()):
        stop = effect.start()  # "the 35% tariff ... would push up the price of cars": goods of the effect
    left_out = vocab.LEFT_OUT.search(clause, end, stop)
    if left_out:
        stop = left_out.start()  # "... on Ghanaian goods, but excludes cocoa": goods left out of the measure
    low = max(0, start - 60)
    # "The order, which excludes cocoa, sets a 40% tariff": goods left out, named before the rate.
    before = vocab.LEFT_OUT.search(clause[low:start])
    left_out_from = low + before.start() if before else start
    examples = vocab.EXAMPLES_OF_GOODS.search(clause, end, stop)
    if examples and (
        clause.count(",", examples.end(), min(len(clause), examples.end() + 90)) >= 2
        or vocab.COUNTED_GOODS.search(clause, end, examples.start())
        or vocab.GOODS_VALUE.search(clause, end, examples.start())
        or _counted_before(clause, start)
        or vocab.WHOLE_BEFORE_EXAMPLES.search(clause, max(0, examples.start() - 50), examples.start())
        or vocab.SAMPLE_RELATIVE.match(examples.group(0))
    ):
        # "tariffs on consumer goods, including wine, candies, biscuits and shampoo", "on 120 items including
        # fruit": examples of a package over many kinds of goods, which has no sector.
        stop = examples.start()
    named = find_sectors(clause)
    near = [m for m in named if low <= m.start and m.end <= stop and not left_out_from <= m.start < start]
    if near and near[0].start < start:
        # "the steel and aluminum industry that has been hit by the tariffs": goods coordinated with the first
        # named in reach are one phrase with it, however far back the list begins.
        first = named.index(near[0])
        while first > 0 and _COORDINATED.fullmatch(clause, named[first - 1].end, named[first].start):
            first -= 1
            near.insert(0, named[first])
    return distinct(near)


def sector_groups(
    clause: str, rates: list[Rate], words: list[re.Match[str]] | None = None
) -> list[tuple[Rate | None, list[str]]]:
    """Each rate with the sectors it covers; a clause without rates is one group. A measure over "a range
    of other products" covers many kinds of goods: no sector."""
    if not rates:
        spans = [(w.start(), w.end()) for w in words or []] or [(0, len(clause))]
        answered = _answered_phrases(clause)
        own = [span for span in spans if not any(a <= span[0] < b for a, b in answered)]
        if own and answered:
            # "Canada responded to US taxes on steel with tariffs of its own": the goods of the measure answered
            # are not the reply's; the reply is read with that object left out.
            spans = own
            for a, b in answered:
                clause = clause[:a] + " " * (b - a) + clause[b:]
        reason = vocab.REASON_AFTER.search(clause, spans[0][1])
        if reason:
            # "... to make up for what the US tariff on steel cost": a tariff named in the reason is
            # another measure, its goods not this one's.
            spans = [span for span in spans if span[0] < reason.start()]
        near: list[str] = []
        for start, end in spans:
            near.extend(near_sectors(clause, start, end))
        return [(None, [] if many_goods(clause) else list(dict.fromkeys(near)))]
    if len(rates) == 1:
        rate = rates[0]
        window = clause[max(0, rate.start - 60) : rate.end + 130]
        return [(rate, [] if many_goods(window) else near_sectors(clause, rate.start, rate.end))]
    bounds = [0] + [r.end for r in rates]
    first_before = distinct(find_sectors(clause[: rates[0].start]))
    groups: list[tuple[Rate | None, list[str]]] = []
    for i, rate in enumerate(rates):
        if rate.joined and groups:
            groups.append((rate, groups[-1][1]))  # the other end of a range covers the same goods
            continue
        if first_before:
            segment = clause[bounds[i] : rate.start]
        else:
            # The goods after a rate, or after the last end of its range ("12.5% to 30.1% on steel wire").
            last = i
            while last + 1 < len(rates) and rates[last + 1].joined:
                last += 1
            nxt = rates[last + 1].start if last + 1 < len(rates) else len(clause)
            segment = clause[rates[last].end : nxt]
        found = [] if many_goods(segment) else distinct(find_sectors(_before_sample(segment)))
        after = clause[rate.end : rates[i + 1].start if i + 1 < len(rates) else len(clause)]
        if (
            not found
            and groups
            and not vocab.OWN_GOODS_AFTER.search(after)
            and not many_goods(after)
            and (
                # "taxed apples at 25%, which with the existing 50% levy brings the duty to 75%": goods named
                # once, before the first rate; the later rates with no goods of their own are for the same goods.
                (first_before and not vocab.OTHER_GOODS_NAMED.search(segment))
                # "an extra 30% on steel, bringing the total to 35%": the total is for the goods the extra is for.
                or _total_of_the_last(clause, rates[i - 1].end, rate.start)
            )
        ):
            found = groups[-1][1]
        groups.append((rate, found))
    return _respectively(clause, rates, groups)


# How far after a verb of replying its object (the measure answered) may run before the reply's own means.
_ANSWERED_REACH = 200


def _answered_phrases(clause: str) -> list[tuple[int, int]]:
    """The objects of verbs of replying that end where the reply's own tariff begins ("responded to US taxes on
    steel | with tariffs of their own"): each names the measure answered."""
    phrases: list[tuple[int, int]] = []
    for cue in vocab.ANSWERING_VERB.finditer(clause):
        reply = vocab.REPLY_WITH.search(clause, cue.end(), cue.end() + _ANSWERED_REACH)
        if reply is not None and vocab.MEASURE_NOUN.search(clause, cue.end(), reply.start()):
            phrases.append((cue.end(), reply.start()))
    return phrases


def _total_of_the_last(clause: str, low: int, start: int) -> bool:
    """Whether the words just before a rate at `start` (none of them goods) make it the total that the rate
    before it, ending at `low`, brings a tariff to."""
    total = vocab.TOTAL_BEFORE.search(clause, max(low, start - 70), start)
    return total is not None and not find_sectors(clause[total.start() : start])


def _respectively(
    clause: str, rates: list[Rate], groups: list[tuple[Rate | None, list[str]]]
) -> list[tuple[Rate | None, list[str]]]:
    """Tiers coordinated with as many kinds of goods ("30 percent and 15 percent tariffs on steel and
    aluminum") go one to one, in order, as English reads such parallel lists; a range, or tiers over one kind of
    goods ("10% and 25% on steel"), keep the goods they share."""
    out = list(groups)
    by_item = respectively_by_item(clause, rates)
    if by_item is not None:
        return [(rate, by_item[k]) for k, rate in enumerate(rates)]
    i = 0
    while i < len(rates):
        j = i
        while (
            j + 1 < len(rates)
            and rates[j + 1].joined
            and vocab.TIER_AND.fullmatch(clause, rates[j].end, rates[j + 1].start)
        ):
            j += 1
        shared = groups[i][1]
        if j > i and len(shared) == j - i + 1 and all(groups[k][1] == shared for k in range(i, j + 1)):
            for k in range(i, j + 1):
                out[k] = (rates[k], [shared[k - i]])
        i = j + 1
    return out


def respectively_by_item(clause: str, rates: list[Rate]) -> list[list[str]] | None:
    """The goods of each rate where a clause pairs a list of goods with as many tiers "respectively" ("tariffs on
    rice, sugar and cars are 25%, 40% and 50% respectively", "duties on gold and palm oil to 10% and 20%
    respectively"): item by item, so that goods of one sector named twice, or goods of no sector, keep their
    place; a range ("15-25%") is one tier. None where the clause does not pair them so, or the counts differ."""
    said = vocab.RESPECTIVELY.search(clause)
    if said is None or len(rates) < 2:
        return None
    tiers: list[list[int]] = []
    for k, rate in enumerate(rates):
        if k and vocab.RANGE_BETWEEN.fullmatch(clause, rates[k - 1].end, rate.start):
            tiers[-1].append(k)
        else:
            tiers.append([k])
    if len(tiers) < 2:
        return None
    opens = list(vocab.GOODS_LIST_OPENS.finditer(clause, 0, rates[0].start))
    if opens:
        listed = clause[opens[-1].end() : rates[0].start]
    else:
        after = vocab.GOODS_LIST_OPENS.search(clause, rates[-1].end, said.start())
        if after is None:
            return None
        listed = clause[after.end() : said.start()]
    close = vocab.GOODS_LIST_CLOSES.search(listed)
    items = vocab.GOODS_LIST_SEPARATOR.split((listed[: close.start()] if close else listed).strip(" ,;"))
    if len(items) != len(tiers) or not any(find_sectors(item) for item in items):
        return None
    goods: list[list[str]] = [[] for _ in rates]
    last = distinct(find_sectors(items[-1]))
    for item, tier in zip(items, tiers, strict=True):
        # "on Chinese and Vietnamese steel respectively": origins sharing the goods the last item names.
        own = distinct(find_sectors(item)) or (last if _ORIGIN_ALONE.fullmatch(item) else [])
        for k in tier:
            goods[k] = own
    return goods


# A list item that is one capitalised word (an origin: "Chinese" in "Chinese and Vietnamese steel").
_ORIGIN_ALONE = re.compile(r"\s*[A-Z][\w.-]*\s*")


def _before_sample(segment: str) -> str:
    # "a 25% tariff on eight items including pork": goods counted, then sampled; the sample names no sector.
    examples = vocab.EXAMPLES_OF_GOODS.search(segment)
    if examples and vocab.COUNTED_GOODS.search(segment, 0, examples.start()):
        return segment[: examples.start()]
    return segment


def each(sectors: list[str]) -> list[str | None]:
    """One fact per sector named, or one with no sector."""
    return [*sectors] if sectors else [None]


def first_sector(clause: str) -> str | None:
    found = distinct(find_sectors(clause))
    return found[0] if found else None
