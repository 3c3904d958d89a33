"""When: the status of a measure (threatened, announced, in effect), the day it starts and the day it ends."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from monitor.extract import vocabulary as vocab
from monitor.extract.dates import MOVED_TO, DateMention, find_duration, start_month


def status_of(
    clause: str,
    at: tuple[int, int] | None = None,
    effective: dt.date | None = None,
    published: dt.date | None = None,
    limits: tuple[int, int] | None = None,
) -> str:
    """Threatened, announced or in effect, from the words around the rate or tariff word at `at`; `limits`
    keeps the words about other rates of the clause out ("15%, down from the 24% it had threatened")."""
    low, high = limits if limits is not None else (0, len(clause))
    window = clause[low:high] if at is None else clause[max(low, at[0] - 80) : min(high, at[1] + 60)]
    if vocab.THREAT.search(window):
        return "threatened"
    if vocab.IN_EFFECT.search(window):
        return "in_effect"
    if effective is not None and published is not None:
        # A measure whose start date is past is in force; one that starts later is announced.
        return "in_effect" if effective <= published else "announced"
    return "announced"


def _before(clause: str, at: int, width: int) -> str:
    """The words within `width` characters before `at`, without a word cut in two at the start ("...susp|end the
    duties" is not "end")."""
    start = max(0, at - width)
    while 0 < start < at and clause[start - 1].isalnum() and clause[start].isalnum():
        start += 1
    return clause[start:at]


def _later(day: dt.date, days: int) -> dt.date | None:
    """`day` plus `days`, or None past the end of the calendar (a year 9999 in junk text)."""
    try:
        return day + dt.timedelta(days=days)
    except OverflowError:
        return None


def explicit_until(clause: str, dates: list[DateMention]) -> dt.date | None:
    """The day the clause says a measure lasts until: a date right after "until", "through", "extended to" ...,
    or the second date of a span ("from 1 March 2025 to 28 February 2026")."""
    for d in dates:
        if _original_day(clause, d):
            continue  # "the increase scheduled for March 1": when the measure was due, not when its pause ends
        window = _before(clause, d.start, 40)
        if vocab.UNTIL_WORD.search(window) or _span_end(clause, dates, d):
            return d.value
        if MOVED_TO.search(_before(clause, d.start, 60)):
            return d.value  # "postponed the 34% tariff on Thai goods to August 1"
    return None


def _span_end(clause: str, dates: list[DateMention], d: DateMention) -> bool:
    """Whether `d` closes a span opened by an earlier date: "from A to B", "between A and B"."""
    return any(
        0 < d.start - e.end <= 10
        and vocab.SPAN_BETWEEN.match(clause[e.end : d.start])
        and vocab.SPAN_START_BEFORE.search(clause[max(0, e.start - 12) : e.start])
        for e in dates
    )


def expiry(clause: str, dates: list[DateMention], start: dt.date | None = None) -> dt.date | None:
    """The day a tariff expires, when the clause says so right before a date ("in place until December 31",
    "through 2041", "up to April 3, 2031"), or how long it lasts from `start`, the day it takes effect or the
    day of the text ("will remain in place for three years", "will keep the duty for 12 more months");
    deadlines ("by August 1") are not expiries."""
    for d in dates:
        # A bare year is read with its "until" ("until 2041": its first day), so the word may open the date.
        if vocab.EXPIRY_BEFORE.search(_before(clause, d.start, 30)) or vocab.EXPIRY_OPENS.match(clause, d.start):
            return d.value
    duration = find_duration(clause) if start is not None else None
    if start is not None and duration is not None:
        days, begin, end = duration
        # A start named right after the length counts first: "for 180 days from Monday".
        begun = next((d for d in dates if end <= d.start <= end + 15), None)
        if begun is not None and vocab.START_AFTER_LENGTH.match(clause, end):
            start = begun.value
        if vocab.LASTS_FOR.search(clause, max(0, begin - 60), begin):
            return _later(start, days)
        # "will keep the 25% duty for 12 more months", "extended the duty for another year", "imposed duties of 15%
        # on billets for 180 days" (the length opens with its "for")
        opens = clause[begin : begin + 4].lower() == "for "
        after_for = opens or vocab.LENGTH_FOR_BEFORE.search(clause, max(0, begin - 20), begin)
        if after_for and (
            vocab.KEPT_FOR_VERB.search(clause, 0, begin) or vocab.IMPOSED_FOR_VERB.search(clause, 0, begin)
        ):
            return _later(start, days)
    return None


def extension_end(
    clause: str, dates: list[DateMention], extended: dt.date | None = None, published: dt.date | None = None
) -> dt.date | None:
    """The day a pause ends when the clause extends it by a length ("extended the truce by 90 days", "for another
    six months", "a 90-day extension"): the length counted from the end it replaces, named in the clause ("the
    pause, due to end on June 10, was extended by 20 days"), else from the start named after the length ("for 12
    more months, starting in June"; a month alone is resolved against `published`), else from `extended` (the
    end the article stated before). None for any other clause, or where only the day of the news is named before
    the length ("On Monday it extended the truce by 90 days": read by `pause_until`)."""
    duration = find_duration(clause)
    if duration is None:
        return None
    days, start, end = duration
    if not (vocab.EXTENDED_BY.search(clause[max(0, start - 120) : start]) or vocab.EXTENSION_AFTER.match(clause, end)):
        return None
    earlier = [d for d in dates if d.start < start]
    ends = [d for d in earlier if vocab.UNTIL_WORD.search(_before(clause, d.start, 30))]
    if ends:
        return _later(ends[-1].value, days)
    begun = stated_start(clause, dates, published)
    if begun is not None and begun.start >= end:
        return _later(begun.value, days)  # "extended it for another 12 months, starting in July"
    return _later(extended, days) if extended is not None and not earlier else None


def pause_until(clause: str, dates: list[DateMention], published: dt.date) -> dt.date | None:
    """The day a pause ends: one the clause names (`explicit_until`), else its length counted from when it
    began ("a 90-day pause announced on April 9"), else the first day named after publication."""
    explicit = explicit_until(clause, dates)
    if explicit is not None:
        return explicit
    duration = find_duration(clause)
    if duration:
        days, start, _end = duration
        by_delay = bool(re.search(r"\bby\s+(?:a\s+little\s+over\s+|about\s+|nearly\s+|around\s+)?$", clause[:start]))
        earlier = [d.value for d in dates if d.start < start]
        if by_delay and earlier:
            return _later(max(earlier), days)
        # A length counts from the day the text says it starts ("for 90 days starting April 1", "from May"), else
        # from the earliest day before publication it names, else from publication.
        begun = stated_start(clause, dates, published)
        anchor = begun.value if begun else min([d.value for d in dates if d.value <= published] or [published])
        return _later(anchor, days)
    # A day the measure starts ("tariffs beginning on Monday", "effective June 10") is when the tariff paused was
    # to begin, or when the pause begins: never when it ends.
    future = [
        d.value
        for d in dates
        if d.value > published
        and not _original_day(clause, d)
        and not vocab.EFFECT_BEFORE.search(_before(clause, d.start, 30))
    ]
    return future[0] if future else None


def stated_start(clause: str, dates: list[DateMention], published: dt.date | None) -> DateMention | None:
    """The day the clause says a length starts: a date right after "starting", "from", "beginning" ... ("for 90
    days starting April 1", "starting in early June"), or the first day of a month named alone there ("a 90-day
    pause from May")."""
    for d in dates:
        if vocab.LENGTH_START_BEFORE.search(_before(clause, d.start, 30)):
            return d
    return start_month(clause, published) if published is not None else None


def _original_day(clause: str, d: DateMention) -> bool:
    """Whether `d` is named as the day the measure paused was due to start ("the increase scheduled for March 1",
    "as planned on Jan. 1", "which had been due on June 1"): never the day its pause ends."""
    return bool(vocab.ORIGINAL_DATE_BEFORE.search(_before(clause, d.start, 40)))


def effective_date(clause: str, dates: list[DateMention]) -> dt.date | None:
    """The date a measure takes or took effect: one right after "effective", "from", "starting", "took effect" ...
    or right before "when it takes effect"."""
    for d in dates:
        window = _before(clause, d.start, 30)
        if vocab.UNTIL_WORD.search(_before(clause, d.start, 12)):
            continue
        if vocab.EFFECT_BEFORE.search(window) or (
            vocab.EFFECT_WORD.search(window) and not vocab.UNTIL_WORD.search(window)
        ):
            return d.value
        if vocab.EFFECT_AFTER.match(clause[d.end : d.end + 30]):
            return d.value
    return None


def clause_dates(
    sentence_dates: Callable[[], list[DateMention]], offset: int, length: int
) -> Callable[[], list[DateMention]]:
    """The dates of one clause, offsets relative to it, found when first asked for."""
    memo: list[list[DateMention]] = []

    def get() -> list[DateMention]:
        if not memo:
            memo.append(
                [
                    DateMention(value=d.value, start=d.start - offset, end=d.end - offset)
                    for d in sentence_dates()
                    if offset <= d.start < offset + length
                ]
            )
        return memo[0]

    return get
