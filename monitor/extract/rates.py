"""Tariff rates in a clause: the figure, the rate it replaced, and the words that speak of it."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from monitor.extract import vocabulary as vocab
from monitor.extract.clauses import masked
from monitor.extract.dates import find_dates
from monitor.extract.sectors import find_sectors


@dataclass(frozen=True, kw_only=True)
class Rate:
    """A tariff rate in a clause; `previous` is the rate it replaced ("from 10% to 25%")."""

    value: float
    start: int
    end: int
    previous: float | None = None
    # Where the words about this rate stop: "15%, down from the 24% it had threatened" ends before "down from".
    scope_end: int | None = None
    joined: bool = False  # the upper end of a range or a tier after another ("5% to 10%"): same goods, same parties
    # Where the goods the rate is for are named, when they sit between the tariff and its rate ("lower duties on
    # trucks, wine and copper to 9%"): the sectors are read there, however far from the rate.
    goods: tuple[int, int] | None = None


def _rates_in_words(clause: str) -> list[tuple[float, int, int]]:
    """Rates written in words: "a ten percent tariff", "twenty-five per cent", "a hundred percent"."""
    found = []
    low = clause.lower()
    # Case-blind matching is the lower-case pattern on the lower case, wherever lower-casing keeps every offset,
    # but for the two letters re.I takes for Latin ones: dotless i and long s.
    same = len(low) == len(clause) and "ı" not in low and "ſ" not in low
    for m in vocab.WORD_RATE_LOWER.finditer(low) if same else vocab.WORD_RATE.finditer(clause):
        words = (m.group("tens"), m.group("unit"), m.group("small"))
        # re.I lets a long s or a dotless i stand for s and i: the table knows the word by its plain letters.
        value = sum(vocab.NUMBER_WORDS[w.lower().replace("ſ", "s").replace("ı", "i")] for w in words if w)
        found.append((float(value), m.start(), m.end()))
    return found


def find_rates(text: str, sentence: str | None = None) -> list[Rate]:
    """Tariff rates in a clause (statistics, market moves and rates of other things left out); `sentence`, the
    sentence the clause was cut from, tells whether a pronoun in it ("raise them to 25%") can stand for a tariff."""
    clause = masked(text)
    raw: list[tuple[float, int, int]] = []
    respectively = "respectively" in clause.lower()
    for m in vocab.RATE.finditer(clause):
        low = vocab.RANGE_LOW_BEFORE.search(clause, max(0, m.start() - 12), m.start())
        if (
            low
            and (
                not vocab.FROM_BEFORE.search(clause[max(0, low.start() - 8) : low.start()])
                # "which range from 5 to 10 percent": a range verb makes "from ... to" the range's two ends.
                or vocab.RANGE_BEFORE.search(clause[max(0, low.start() - 20) : low.start()])
            )
            and not vocab.NOT_LOW_END_BEFORE.search(clause[max(0, low.start() - 12) : low.start()])
        ):
            # "an import tax of 9-16pc": a range, each of its ends a rate ("from 7.5-10% to 15%" is a change).
            raw.append((float(low.group(1)), low.start(), low.end()))
        alternative = vocab.ALTERNATIVE_LOW_BEFORE.search(clause, max(0, m.start() - 12), m.start())
        if (
            alternative
            # (tiers listed "respectively" go in the order of their goods, high or low first: "25 and 10 percent on
            # steel and aluminum respectively")
            and (float(alternative.group(1)) < float(m.group(1)) or respectively)
            and not vocab.NOT_LOW_END_BEFORE.search(clause[max(0, alternative.start() - 12) : alternative.start()])
        ):
            # "5 or 10 percent": each alternative a rate ("Section 232 and 25 percent" is no lower rate, nor is
            # the day in "20% on Sept. 1 and 25% on Oct. 1").
            raw.append(
                (float(alternative.group(1)), alternative.start(), alternative.start() + len(alternative.group(1)))
            )
        raw.append((float(m.group(1)), m.start(), m.end()))
    if "cent" in clause:
        raw.extend(_rates_in_words(clause))
        raw.sort(key=lambda r: r[1])
    if not raw:
        return []  # (most clauses: no figure, so nothing below needs working out)
    # A list of parties each with a rate in brackets ("Tunisia (25%), Algeria and Libya (30%)") is a list of
    # tariff rates even where the sentence does not say "tariff".
    paren_list = len(vocab.PARTY_PAREN_RATE.findall(clause)) >= 2
    tariff_in_clause = bool(vocab.TARIFF_WORD.search(clause) or vocab.RATES_NOUN.search(clause)) or paren_list
    # A pronoun stands for a tariff only where the sentence names one ("a 5% tariff ..., and raise it to 25%"),
    # not for a stake or a bank's rate ("owns 10% of the firm and plans to raise it to 25%").
    pronoun_tariff = tariff_in_clause or bool(sentence and vocab.TARIFF_WORD.search(masked(sentence)))
    kept: list[tuple[float, int, int]] = []
    goods: dict[int, tuple[int, int]] = {}
    replaced = vocab.REPLACES.search(clause) if raw else None
    statistics: set[int] = set()  # the figures left out as statistics or market moves
    shares: set[int] = set()  # where the figures that are a share of a side's goods start
    for index, (value, start, end) in enumerate(raw):
        before = clause[max(0, start - 60) : start]
        after = clause[end : end + 60]
        if (
            index - 1 in statistics
            and vocab.TO_NEW_FROM_OLD.fullmatch(clause, raw[index - 1][2], start)
            and vocab.TO_BEFORE.search(clause, max(0, raw[index - 1][1] - 8), raw[index - 1][1])
        ):
            statistics.add(index)
            continue  # "the share rose to 18% from 12% on ...": the old figure of a statistic is one too
        if vocab.SIGNED_FIGURE_BEFORE.search(clause, max(0, start - 2), start):
            statistics.add(index)
            continue  # "the S&P 500, +0.07%": a market move, never a tariff rate
        if (
            index
            and not (kept and kept[-1] == raw[index - 1])
            and vocab.GAPPED_CONJUNCT.fullmatch(clause, raw[index - 1][2], start)
        ):
            statistics.add(index)
            continue  # "Boeing was off 5.3% and Caterpillar 5.7%": the verb left out is the first figure's
        near_tariff = (
            _speaks_of_tariff(clause, start, end, tariff_in_clause)
            or (pronoun_tariff and bool(vocab.PRONOUN_CHANGED_TO.search(before)))
            or bool(kept and start - kept[-1][2] < 40)
            # "increasing the same to 15% from 10% on telecom gear": a change is one statement, so the new rate
            # speaks of the tariff its old one does.
            or (
                index + 1 < len(raw)
                and bool(vocab.TO_NEW_FROM_OLD.fullmatch(clause, end, raw[index + 1][1]))
                and bool(vocab.TO_BEFORE.search(before))
                and _speaks_of_tariff(clause, raw[index + 1][1], raw[index + 1][2], tariff_in_clause)
            )
            # "set between 4% and 35% on its mills", "ranging from 5% to 20% on cars": the low end of a range is
            # a rate of what its high end is a rate of, however far the tariff word stands.
            or _low_end_of_tariff_range(clause, raw, index, tariff_in_clause)
        )
        changed_object = _changed_object(clause, start) if vocab.TO_BEFORE.search(before) else None
        if changed_object is not None and not _names_words(clause[changed_object:start]):
            # "bringing the total duty to 35%": nothing between the tariff and its rate, so no goods phrase there
            # (the rate is still the tariff's).
            near_tariff = True
            changed_object = None
        if changed_object is not None:
            # "will lower duties on several Peruvian goods, such as fish and copper, to 9%": the verb's object is
            # the tariff, and the goods between it and the rate are what the rate is for.
            near_tariff = True
            if kept and kept[-1][2] > changed_object and find_sectors(clause[kept[-1][2] : start]):
                # "raised duties on apples to 50% and on nuts to 75%": a later rate with goods of its own after the
                # rate before it is for those goods only.
                changed_object = kept[-1][2]
            goods[start] = (changed_object, start)
        if not near_tariff or _money_rate(clause, start):
            continue
        if vocab.STATISTIC_AFTER.search(after) or vocab.AVERAGE_BEFORE.search(before):
            continue
        if vocab.SHARE_OF_GOODS_AFTER.search(after):
            shares.add(start)
        if vocab.BOUND_BEFORE.search(before):
            continue  # "tariffs above 30%", "lines below 2%": a threshold that sorts rates, not a rate
        if _SET_BESIDE.search(clause, max(0, start - 120), start) and not _ON_GOODS_AFTER.match(after):
            continue  # "1.7 percent for the US vs. 2.0 percent for the EU": a yardstick, not a rate stated
        if vocab.COMPARED_BEFORE.search(before) and not vocab.COMPARED_OWN_GOODS_AFTER.match(after):
            continue  # "lower than the 39% tariff announced in April": a yardstick, not a rate stated
        if vocab.CHANGE_BY_BEFORE.search(before):
            continue  # "raise tariffs by 5 percent": how much a rate moves, not the rate
        if replaced and start > replaced.start():
            continue  # "replaces a 50% combined rate": what no longer applies
        change = vocab.STAT_VERB_BEFORE.search(before[-30:])
        if change:
            # What changed: the words before the verb ("Tariffs imposed by Washington on shrimp rose to 50%").
            wide = clause[max(0, start - 100) : start]
            subject = wide[: len(wide) - len(before[-30:]) + change.start()]
            verb_at = start - len(before[-30:]) + change.start()
            aside = vocab.RELATIVE_ASIDE_END.search(subject)
            if aside:
                # "Japan's exports to the US, which face a 15% tariff, fell 10.1%": the tariff in the aside is not
                # what changed.
                verb_at -= len(subject) - aside.start()
                subject = subject[: aside.start()]
            if (
                not _tariff_in_subject(subject[-60:])
                and not vocab.RATE_WORD.search(subject[-35:])
                and not _tariff_subject(clause, verb_at)
            ):
                statistics.add(index)
                continue  # "exports slumped 27%"; but "the tariff rose to 25%" is a fact
        elif vocab.STATISTIC_BEFORE.search(before[-35:]) and not vocab.TARIFF_WORD.search(before[-35:] + after[:25]):
            statistics.add(index)
            continue
        kept.append((value, start, end))
    if shares and len(shares) < len(kept):
        # "a 50% tariff on about 90 per cent of Argentine goods": the share is how much of the trade the stated
        # rate covers. A share with no rate beside it is left as it was read: without a figure the sentence's
        # tariff reads as too unsure to report (its goods words read as trade statistics).
        kept = [k for k in kept if k[1] not in shares]
    rates: list[Rate] = []
    i = 0
    while i < len(kept):
        value, start, end = kept[i]
        if i + 1 < len(kept):
            nxt = kept[i + 1]
            between = clause[end : nxt[1]]
            lead = clause[max(0, start - 6) : start].lower()
            if vocab.RANGE_JOIN.fullmatch(between) and vocab.RANGE_BEFORE.search(clause[max(0, start - 20) : start]):
                # "duties ranging from 23.1% to 27.8%", "between 10 and 25 percent": every rate stated is a fact.
                rates.append(Rate(value=value, start=start, end=end))
                rates.append(Rate(value=nxt[0], start=nxt[1], end=nxt[2], joined=True))
                i += 2
                continue
            if (
                (vocab.RANGE_JOIN.fullmatch(between) and vocab.RANGE_LOW_BEFORE.search(clause, start, nxt[1]))
                or vocab.ALTERNATIVE_LOW_BEFORE.match(clause[start : nxt[1]])
                or vocab.TIER_JOIN.fullmatch(between)
            ):
                # "9-16pc", "5 or 10 percent", "10% and 25% on steel": both, for the same goods
                rates.append(Rate(value=value, start=start, end=end))
                rates.append(Rate(value=nxt[0], start=nxt[1], end=nxt[2], joined=True))
                i += 2
                continue
            if (
                vocab.RANGE_TO.fullmatch(between)
                and not vocab.FROM_BEFORE.search(clause[max(0, start - 12) : start])
                and not vocab.CHANGE_BEFORE.search(clause[max(0, start - 40) : start])
            ):
                # "duties of 12.5% to 30.1%": a range, each end a rate of the same measure.
                rates.append(Rate(value=value, start=start, end=end))
                rates.append(Rate(value=nxt[0], start=nxt[1], end=nxt[2], joined=True))
                i += 2
                continue
            if re.fullmatch(r"\s*to\s*", between) and "from" in lead:
                rates.append(Rate(value=nxt[0], start=start, end=nxt[2], previous=value))
                i += 2
                continue
            if vocab.FROM_OLD_BEFORE.search(clause, max(0, start - 24), start) and vocab.CHANGE_GAP_TO.fullmatch(
                between
            ):
                # "cut from about 45% in the 1980s to only 10%": a time between the two rates still makes one
                # change, at the new rate.
                rates.append(Rate(value=nxt[0], start=start, end=nxt[2], previous=value))
                i += 2
                continue
            changed = vocab.CHANGED_TO.search(between)
            if (
                changed
                and (
                    not vocab.RATE_IN_FORCE_THEN.search(between)
                    or not (
                        find_dates(clause[nxt[2] : nxt[2] + 40], dt.date(2000, 1, 1))
                        or vocab.STEP_LATER.search(clause[nxt[2] : nxt[2] + 40])
                    )
                )
                and not vocab.IN_FORCE_FIRST.search(between, 0, changed.start())
            ):
                # "the 12% duty ... is to be cut to 6.5%", "the 6 percent levy ... will rise to 9 percent on
                # May 3": one fact at the new rate. But "12% on sofas, which rises to 20% on May 3" states the
                # 12% in force until then, and "25% would take effect at once and double to 50%" says the 25%
                # takes effect: both are facts.
                rates.append(Rate(value=nxt[0], start=start, end=nxt[2], previous=value))
                i += 2
                continue
            if re.fullmatch(r"\s*from\s*", between) and "to" in lead:
                rates.append(Rate(value=value, start=start, end=nxt[2], previous=nxt[0]))
                i += 2
                continue
            cut = _gap_then_from(between) if "to" in lead else None
            if cut is not None:
                # "to 50 per cent in 2025 from 25 per cent": one change with its time or terms between the rates;
                # the words about the new rate stop at "from".
                cut += end
                rates.append(Rate(value=value, start=start, end=nxt[2], previous=nxt[0], scope_end=cut))
                i += 2
                continue
            if vocab.FORMER_BEFORE.search(clause, max(0, start - 30), start) and vocab.NOW_RATE.fullmatch(between):
                # "the tariff, which had been 12%, is now 6%": one fact at the new rate, the old one kept.
                rates.append(Rate(value=nxt[0], start=start, end=nxt[2], previous=value))
                i += 2
                continue
            before_old = vocab.FORMER_RATE.search(between)
            if before_old:
                # "15%, down from 24%", "25%, up from the 14.5% rate it replaced": one fact, the old rate kept.
                cut = end + before_old.start()
                rates.append(Rate(value=value, start=start, end=nxt[2], previous=nxt[0], scope_end=cut))
                i += 2
                continue
        rates.append(Rate(value=value, start=start, end=end))
        i += 1
    return [replace(r, goods=goods[r.start]) if r.start in goods else r for r in rates]


# Figures set beside another for comparison ("1.7 percent for the US vs. 2.0 percent for the EU", "on par with the
# rates of developed countries, such as 2.4% in the US"): yardsticks, not rates the sentence states.
_SET_BESIDE = re.compile(
    r"\b(?:vs\.?|versus|on\s+par\s+with|in\s+line\s+with)\s(?:[^.;:]|(?<=\d)\.(?=\d)){0,110}$", re.I
)


_ON_GOODS_AFTER = re.compile(r"^\s*(?:(?:rate|tariffs?|duty|duties|levy|levies)\s+)?on\s", re.I)


def _speaks_of_tariff(clause: str, start: int, end: int, tariff_in_clause: bool) -> bool:
    """Whether the words around the figure at `start`..`end` make it a tariff rate (a tariff word, "on" goods,
    the side that pays it, a tariff as the subject of its change or range)."""
    before = clause[max(0, start - 60) : start]
    after = clause[end : end + 60]
    return (
        bool(vocab.TARIFF_WORD.search(before) or vocab.TARIFF_WORD.search(after[:45]))
        or bool(vocab.RATE_NOUN_AFTER.match(after))
        or bool(re.match(r"\s+on\s", after))
        or _tariff_rates_before(clause[max(0, start - 85) : start])
        or bool(vocab.PAY_BEFORE.search(before))
        or bool(vocab.TAXED_AT.search(before) and _taxes_goods(clause, start))
        # "Duties on glass from Chile, Peru and Bolivia will rise to 40%": the tariff is the
        # subject of the change or the range, however long its goods phrase.
        or bool(
            (vocab.CHANGED_TO.search(before) or vocab.AMOUNTS_TO.search(before) or vocab.RANGES_FROM.search(before))
            and vocab.TARIFF_WORD.search(clause[max(0, start - 160) : start])
        )
        or (tariff_in_clause and bool(vocab.PARTY_PAREN_BEFORE.search(before) or vocab.STAYS_AT.search(before)))
        or _ceiling_of_tariff(clause, start)
        or _rate_of_goods(before, after)
    )


def _tariff_in_subject(subject: str) -> bool:
    """Whether the words before a verb of change name a tariff in the verb's own clause, not in one before it
    joined by a comma and a conjunction ("Tariffs hit Chilean mills hard, and exports to Peru fell to 12%")."""
    words = list(vocab.TARIFF_WORD.finditer(subject))
    return bool(words) and not vocab.CLAUSE_JOIN.search(subject, words[-1].end())


def _tariff_subject(clause: str, verb_at: int) -> bool:
    """Whether a tariff word up to 160 characters before a verb at `verb_at` is its subject, past a long goods
    phrase ("Duties on furniture and kitchenware from Portugal, Greece and Cyprus will rise to 45 per cent"): nothing
    between them starts another clause or names a figure."""
    low = max(0, verb_at - 160)
    words = list(vocab.TARIFF_WORD.finditer(clause[low:verb_at]))
    if not words:
        return False
    subject_end = low + words[-1].end()
    return not (
        vocab.TARIFF_SUBJECT_BREAK.search(clause, subject_end, verb_at)
        or vocab.RATE.search(clause, subject_end, verb_at)
    )


def _ceiling_of_tariff(clause: str, start: int) -> bool:
    """Whether the figure at `start` is the ceiling a tariff named before it rises to ("the import tax will
    increase by 5% every month, topping out at 25%"), not that of a statistic named with it."""
    ceiling = vocab.CEILING_BEFORE.search(clause, max(0, start - 40), start)
    if ceiling is None:
        return False
    low = max(0, start - 160)
    return bool(vocab.TARIFF_WORD.search(clause[low : ceiling.start()])) and not vocab.CEILING_OF_OTHER.search(
        clause, low, ceiling.start()
    )


# A figure given to goods of a kind with no tariff word: "It will be 25 percent for steel", "Aluminum will now be
# 20% and steel 50%" (the goods right after "for", or the subject of "will be" / "is now").
_FOR_GOODS_AFTER = re.compile(r"^\s+for\s+((?:[\w-]+\s+)?[\w-]+)")
_GOODS_WILL_BE_BEFORE = re.compile(
    r"\b([\w-]+)\s+(?:will\s+(?:now\s+)?be|(?:is|are)\s+now|goes\s+to|go\s+to)\s+$", re.I
)

_DOMESTIC_TAX = re.compile(
    r"\b(?:internal|domestic|sales|income|payroll|excise|value-added|consumption|property|corporate)\s+tax", re.I
)


def _rate_of_goods(before: str, after: str) -> bool:
    """Whether a figure is the rate set for goods of a kind named with it, a tariff word or none; not a domestic
    tax's ("internal taxes will drop to 9.5% for electronics")."""
    if _DOMESTIC_TAX.search(before):
        return False
    goods = _FOR_GOODS_AFTER.match(after)
    if goods and find_sectors(goods.group(1)):
        return True
    subject = _GOODS_WILL_BE_BEFORE.search(before)
    return bool(subject and find_sectors(subject.group(1)))


def _low_end_of_tariff_range(
    clause: str, raw: list[tuple[float, int, int]], index: int, tariff_in_clause: bool
) -> bool:
    """Whether the figure at `index` opens a range ("between 4% and 35%", "ranging from 5% to 20%") whose high end
    speaks of a tariff."""
    if index + 1 >= len(raw):
        return False
    _value, start, end = raw[index]
    _high, high_start, high_end = raw[index + 1]
    return (
        bool(vocab.RANGE_JOIN.fullmatch(clause, end, high_start))
        and bool(vocab.RANGE_BEFORE.search(clause[max(0, start - 20) : start]))
        and _speaks_of_tariff(clause, high_start, high_end, tariff_in_clause)
    )


def _taxes_goods(clause: str, start: int) -> bool:
    """Whether the words before a verb of taxing and its rate at `start` name goods ("cocoa from Ghana is taxed
    at 30%"), not income or profits ("profits are taxed at 21%")."""
    before = clause[max(0, start - 90) : start]
    return bool(vocab.TAXED_GOODS.search(before) or find_sectors(before))


_GAP_WORD = re.compile(r"[\w'’.-]+,?")


def _gap_then_from(between: str) -> int | None:
    """Where "from" starts when the words between a new rate and the next figure are a few words of time or terms
    (or none) then "from" ("in 2025 from", "for 90 days, from", ", from"), none of them starting another
    statement; else None."""
    end = vocab.GAP_FROM_END.search(between)
    if end is None:
        return None
    words = between[: end.start()].split()
    if len(words) > 6:
        return None
    if any(not _GAP_WORD.fullmatch(w) or w.rstrip(",").lower() in vocab.GAP_STOP_WORDS for w in words):
        return None
    return end.start()


def rate_limits(rate: Rate, rates: list[Rate], size: int) -> tuple[int, int]:
    """The stretch of the clause that speaks of `rate`: from the end of the rate before it to the start of the
    next one, and never past the words that introduce the rate it replaced."""
    low = max([r.end for r in rates if r.end <= rate.start] or [0])
    high = min([r.start for r in rates if r.start >= rate.end] or [size])
    if rate.scope_end is not None:
        high = min(high, rate.scope_end)
    return low, high


# Words that leave the rate after them in force ("leaving a 10% baseline", "but kept a 10% levy"; and
# `vocab.RETAINING`: "but retain a 10% levy").
_LEAVING = frozenset({"leaving", "keeping", "maintaining", "leave", "leaves", "keep", "keeps", "kept"})


def left_in_force(clause: str, rate: Rate, pause_at: int | None = None) -> bool:
    """Whether a rate is what a pause leaves in force ("leaving a 10% baseline", "10% ..., which remains").
    A rate after the pause word at `pause_at` is the paused one when what is kept comes before the pause ("will
    keep the duties at 10% and refrain from raising them to 25%")."""
    kept = [(cue, cue.group(0).lower() in _LEAVING) for cue in vocab.REMAINING.finditer(clause)]
    kept += [(cue, True) for cue in vocab.RETAINING.finditer(clause)]
    for cue, leaving in kept:
        if pause_at is not None and cue.start() < pause_at <= rate.start:
            continue
        if leaving and rate.start > cue.start():
            return True
        if not leaving and 0 <= cue.start() - rate.end <= 60 and not vocab.RATE.search(clause[rate.end : cue.start()]):
            return True  # (the nearest rate before "remains" or "in place" is the one kept, not one before it)
    return False


# A word other than the small ones that lead to a rate ("to", "at", "of the").
_CONTENT_WORD = re.compile(r"\b(?!(?:to|at|of|an?|the)\b)[A-Za-z]{2,}")


def _names_words(span: str) -> bool:
    """Whether `span` holds words beyond the "to" or "at" that lead to a rate."""
    return bool(_CONTENT_WORD.search(span))


def _changed_object(clause: str, start: int) -> int | None:
    """Where the goods phrase begins after the nearest "reduce/raise ... tariffs" before a rate at `start`
    (within 200 characters), or None."""
    found = None
    pos = max(0, start - 200)
    while (m := vocab.CHANGED_OBJECT.search(clause, pos, start)) is not None:
        found, pos = m, m.end()
    return found.end() if found is not None else None


def _money_rate(clause: str, start: int) -> bool:
    """Whether the figure at `start` is the rate of money or people the nearest "rate(s)" before it names, with no
    tariff word between them ("its benchmark interest rate to 2.5%", "the central bank cut rates by half a point
    to 8%"), however near a tariff word stands after it."""
    low = max(0, start - 60)
    nouns = list(vocab.RATES_NOUN.finditer(clause[low:start]))
    if not nouns:
        return False
    noun_start, noun_end = low + nouns[-1].start(), low + nouns[-1].end()
    if vocab.TARIFF_WORD.search(clause, noun_end, start) or vocab.RATE.search(clause, noun_end, start):
        return False  # (the figure the noun names is the first after it: "its repo rate at 5.5% despite a 50% tariff")
    if vocab.MONEY_RATE_BEFORE.search(clause, max(0, noun_start - 30), noun_start):
        return True
    far = max(0, noun_start - 80)
    banks = list(vocab.CENTRAL_BANK.finditer(clause[far:noun_start]))
    return bool(banks) and not vocab.TARIFF_WORD.search(clause, far + banks[-1].end(), noun_start)


def _tariff_rates_before(before: str) -> bool:
    """Whether "rate(s)" in the last 60 characters of `before` (the words before a figure) names tariff rates
    ("the rates imposed on Japan (15%)"), not interest, exchange, growth or tax rates (the words naming which
    rate read in full, even where they start further back: "its benchmark borrowing rate ... to 2.25%")."""
    for m in vocab.RATES_NOUN.finditer(before):
        if m.start() < len(before) - 60:
            continue
        if not vocab.OTHER_RATES_BEFORE.search(before[max(0, m.start() - 25) : m.start()]):
            return True
    return False
