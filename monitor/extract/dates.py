"""Dates in news prose resolved against the article's publication date.

"on Wednesday", "early July", "by Aug. 1", "the 8th", "next month",
"September 1, 2025": each becomes a calendar date. Without a year, a date is
put in the year that brings it nearest to the publication date.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from monitor.extract.matching import Cue, blind

_MONTHS = {
    name.lower(): number
    for number in range(1, 13)
    for name in (calendar.month_name[number], calendar.month_abbr[number])
}
_MONTHS["sept"] = 9
_WEEKDAYS = {calendar.day_name[i].lower(): i for i in range(7)}
_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "sixty": 60, "ninety": 90,
}  # fmt: skip

_MONTH_ALT = "|".join(sorted(_MONTHS, key=len, reverse=True))
_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?:,?\s+(\d{4}))?"
MONTH_DAY = blind(rf"\b({_MONTH_ALT})\.?\s+{_DAY}\b{_YEAR}")
# Every month name starts with one of these: a text holding none of them is not searched for a day before a
# month (a pattern opening with digits gives the engine nothing to skip ahead to).
_MONTH_STEMS = tuple(sorted({name[:3] for name in _MONTHS}))
DAY_MONTH = Cue(rf"\b{_DAY}\s+(?:of\s+)?({_MONTH_ALT})\b\.?{_YEAR}", bounded=False, needles=_MONTH_STEMS)
PART_MONTH = blind(rf"\b(early|mid|mid-|late|end of|the end of|beginning of|start of)\s*-?\s*({_MONTH_ALT})\b")
# A month named alone as a bound: "until August" ends as August begins, "through August" takes it in.
BOUND_MONTH = blind(rf"\b(until|till|through|thru)\s+({_MONTH_ALT})\b(?!\.?\s*\d{{1,2}}\b)(?:,?\s+(\d{{4}})\b)?")
# A month named alone as the day a length counts from: "a 90-day pause from May", "for a year, starting in June".
START_MONTH = blind(
    rf"\b(?:from|starting|beginning|begins|began|effective|as\s+of)\s+(?:in\s+)?({_MONTH_ALT})\b"
    r"(?!\.?\s*\d{1,2}\b)(?:,?\s+(\d{4})\b)?"
)
ORDINAL_DAY = blind(r"\bthe\s+(\d{1,2})(?:st|nd|rd|th)\b")
_WEEKDAY_NAMES = tuple(calendar.day_name[i].lower() for i in range(7))
WEEKDAY = Cue(
    r"\b(?:(next|last|this|on|by|until|from|before|since)\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b",
    bounded=False,
    needles=_WEEKDAY_NAMES,  # its opening words ("on", "by") are everywhere: the day's name is what is rare
)
RELATIVE = blind(
    r"\b(today|tonight|this\s+morning|this\s+afternoon|this\s+evening|tomorrow|yesterday|next month|next week|"
    r"next year|this month|last month|last week)\b"
)
DURATION = blind(
    r"\b(\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|twelve|thirty|sixty|ninety)"
    # "for 12 more months", "another six additional weeks": the length is the same with a word of addition.
    r"[- ](?:more\s+|additional\s+|further\s+|extra\s+)?(day|week|month|year)s?\b"
)
_YEAR_IN_WORDS = blind(r"\s+of\s+(this|last|next)\s+year\b")
# Parts of a year named without a day: "the end of the year", "year-end", "end-2026", "mid-2026"; and a bare
# year right after "until" or "through" ("until 2041": its first day; "through 2041": its last).
YEAR_PART = blind(
    r"\b(?:the\s+)?end\s+of\s+(?:the\s+|this\s+)?(year|month)\b|\byear[- ]end\b|\byear['’]s\s+end\b|"
    r"\b(?:the\s+)?end\s+of\s+(\d{4})\b|\bend-(\d{4})\b|\bmid-?\s?(\d{4})\b|"
    r"\b(until|till|through|thru)\s+(\d{4})\b(?![-/.,]?\d)"
)
_SINGLE_UNIT = blind(r"\b(week|month|year)[- ]?long\b")
_A_YEAR = blind(r"\bfor\s+(?:a|one|another)\s+year\b")
_FUTURE = blind(
    # ("by phone", "by video link" name a means, not a deadline.)
    r"\b(will|would|shall|set to|due to|is to|are to|expire|expires|until|through|by(?!\s+(?:tele)?phone|\s+video)|"
    r"starting|begin|pushing|moving|"
    r"beginning|effective|deadline|next|expected|scheduled|planned)\b"
)


# Past-tense words right before a date without a year: it is the last such day, not the next one.
_PAST = blind(
    r"\b(?:took|went|came|was|were|had|since|ago|last|earlier|began|started|expired|ended|lapsed|"
    # Past forms of the verbs that move a measure ("delayed by 90 days, moving the deadline to July 9"):
    # with a future word too, the date goes to the nearest year.
    r"delayed|postponed|extended|announced|imposed|initially|originally)\b"
)
_FROM_AT_END = blind(r"\b(?:from|after|as\s+of)\s+$")
# The day a measure is moved to ("postponed the tariff to August 1"): the act is past, the day is not, so the
# date goes to the nearest year. (A dot before a number is an abbreviated month's or a decimal's, no sentence
# end: "moved from Nov. 2 to Nov. 18".)
MOVED_TO = blind(r"\b(?:delayed|postponed|deferred|extended|pushed|moved)\b(?:[^.;]|\.(?=\s?\d)){0,45}?\bto\s+$")
_DIGIT = re.compile(r"\d")
_MONTHISH = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|tomorrow|yesterday|week|year)")


@dataclass(frozen=True, kw_only=True)
class DateMention:
    """A date found in a sentence."""

    value: dt.date
    start: int
    end: int


def _nearest_year(month: int, day: int, published: dt.date) -> dt.date | None:
    best: dt.date | None = None
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            continue
        if best is None or abs((candidate - published).days) < abs((best - published).days):
            best = candidate
    return best


def _leaning(sentence: str, start: int) -> int:
    """Which way the words just before a date point: 1 the future ("until", "will ... from"), -1 the past
    ("took effect on"), 0 neither or both."""
    before = sentence[max(0, start - 50) : start]
    past = bool(_PAST.search(before))
    future = (
        bool(_FUTURE.search(before))
        or (not past and bool(_FROM_AT_END.search(before)))
        or bool(MOVED_TO.search(before))
    )
    return 0 if future == past else (1 if future else -1)


def _tensed_year(month: int, day: int, published: dt.date, lean: int) -> dt.date | None:
    """The year for a date named without one: the nearest to publication, unless the tense around it says the
    day is still to come (then not more than a week past) or already gone (then not more than a week ahead)."""
    nearest = _nearest_year(month, day, published)
    if nearest is None or lean == 0:
        return nearest
    slack = dt.timedelta(days=7)
    if lean > 0 and nearest < published - slack:
        return _in_year(nearest.year + 1, month, day) or nearest
    if lean < 0 and nearest > published + slack:
        return _in_year(nearest.year - 1, month, day) or nearest
    return nearest


def _in_year(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _make(year: str | None, month: int, day: int, published: dt.date, lean: int = 0) -> dt.date | None:
    if year:
        try:
            return dt.date(int(year), month, day)
        except ValueError:
            return None
    return _tensed_year(month, day, published, lean)


def _weekday(word: str, modifier: str | None, published: dt.date, future: bool) -> dt.date:
    target = _WEEKDAYS[word.lower()]
    modifier = (modifier or "").lower()
    if modifier in {"next", "by", "until", "from"} or (future and modifier != "last" and modifier != "since"):
        return published + dt.timedelta(days=(target - published.weekday()) % 7)
    # Plain "on Wednesday" in past-tense news is the most recent one.
    return published - dt.timedelta(days=(published.weekday() - target) % 7)


def find_dates(sentence: str, published: dt.date) -> list[DateMention]:
    """Every calendar date the sentence names, resolved against `published`, left to right."""
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= a or start >= b for a, b in taken)

    def add(value: dt.date | None, start: int, end: int) -> None:
        if value is not None and free(start, end):
            found.append(DateMention(value=value, start=start, end=end))
            taken.append((start, end))

    lower = sentence.lower()
    has_digit = _DIGIT.search(sentence) is not None
    has_day = "day" in lower
    if not has_digit and not has_day and not _MONTHISH.search(lower) and "month" not in lower:
        return found  # no number, weekday, month or "today": nothing to resolve
    future: list[bool] = []  # whether the sentence speaks of the future: looked up for "the 8th" only

    def in_future() -> bool:
        if not future:
            future.append(bool(_FUTURE.search(sentence)))
        return future[0]

    for m in MONTH_DAY.finditer(sentence) if has_digit else ():
        lean = _leaning(sentence, m.start())
        said, end = _year_said(sentence, m.end(), m.group(3), published)
        add(_make(said, _MONTHS[m.group(1).lower()], int(m.group(2)), published, lean), m.start(), end)
    for m in DAY_MONTH.finditer(sentence) if has_digit else ():
        lean = _leaning(sentence, m.start())
        said, end = _year_said(sentence, m.end(), m.group(3), published)
        add(_make(said, _MONTHS[m.group(2).lower()], int(m.group(1)), published, lean), m.start(), end)
    for m in PART_MONTH.finditer(sentence):
        part = m.group(1).lower()
        day = (
            7
            if part == "early"
            else 15
            if part.startswith("mid")
            else 1
            if "beginning" in part or "start" in part
            else 25
        )
        if "end" in part:
            day = 28
        lean = _leaning(sentence, m.start())
        add(_tensed_year(_MONTHS[m.group(2).lower()], day, published, lean), m.start(), m.end())
    for m in BOUND_MONTH.finditer(sentence):
        if not sentence[m.start(2)].isupper():
            continue  # "until may be": the verb, not the month (news writes months capitalised)
        month = _MONTHS[m.group(2).lower()]
        if m.group(3):
            year = int(m.group(3))
            first = dt.date(year, month, 1) if 1800 <= year <= 9000 else None
        else:
            first = _tensed_year(month, 1, published, 1)
        if first is not None and m.group(1).lower() in {"through", "thru"}:
            first = first.replace(day=calendar.monthrange(first.year, month)[1])
        add(first, m.start(2), m.end())  # the bound word stays before it, as for a day ("until August 1")
    for m in ORDINAL_DAY.finditer(sentence) if has_digit else ():
        day = int(m.group(1))
        if 1 <= day <= 31:
            value = None
            for months_ahead in (0, 1):
                month = (published.month - 1 + months_ahead) % 12 + 1
                year = published.year + (published.month - 1 + months_ahead) // 12
                try:
                    value = dt.date(year, month, day)
                except ValueError:
                    continue
                if value >= published - dt.timedelta(days=3) or not in_future():
                    break
            add(value, m.start(), m.end())
    for m in WEEKDAY.finditer(sentence) if has_day else ():
        # Tense near the weekday decides: "met on Monday" is the last one, "will meet on Monday" the next.
        near_future = bool(_FUTURE.search(sentence[max(0, m.start() - 50) : m.start()]))
        add(_weekday(m.group(2), m.group(1), published, near_future), m.start(), m.end())
    for m in RELATIVE.finditer(sentence):
        word = " ".join(m.group(1).lower().split())
        if word in {"tonight", "this morning", "this afternoon", "this evening"}:
            word = "today"
        value = {
            "today": published,
            "tomorrow": published + dt.timedelta(days=1),
            "yesterday": published - dt.timedelta(days=1),
            "next week": published + dt.timedelta(days=7),
            "last week": published - dt.timedelta(days=7),
            "next year": dt.date(published.year + 1, 1, 1),
            "this month": published,
        }.get(word)
        if word == "next month":
            value = dt.date(published.year + published.month // 12, published.month % 12 + 1, 1)
        elif word == "last month":
            value = dt.date(published.year - (published.month == 1), (published.month - 2) % 12 + 1, 1)
        add(value, m.start(), m.end())
    for m in YEAR_PART.finditer(sentence):
        add(_year_part(m, published), m.start(), m.end())
    found.sort(key=lambda d: d.start)
    return found


def _year_said(sentence: str, end: int, year: str | None, published: dt.date) -> tuple[str | None, int]:
    """The year of a day and where its mention ends: the year written with it, or one said in words right after
    it ("March 31 of this year", "January 15 of next year")."""
    if year:
        return year, end
    said = _YEAR_IN_WORDS.match(sentence, end)
    if not said:
        return None, end
    shift = {"this": 0, "last": -1, "next": 1}[said.group(1).lower()]
    return str(published.year + shift), said.end()


def _year_part(m: re.Match[str], published: dt.date) -> dt.date | None:
    """The day a `YEAR_PART` match stands for: a year's last day, mid-year (1 July), a month's last day."""
    unit, end_year, end_dash, mid_year, bound, bare_year = m.groups()
    if unit is not None and unit.lower() == "month":
        return dt.date(published.year, published.month, calendar.monthrange(published.year, published.month)[1])
    if mid_year is not None:
        year = int(mid_year)
        return dt.date(year, 7, 1) if 1800 <= year <= 9000 else None
    if bare_year is not None:
        year = int(bare_year)
        if not 1800 <= year <= 9000:
            return None
        # "until 2041" ends as that year begins; "through 2041" takes it in.
        return dt.date(year, 1, 1) if bound.lower() in {"until", "till"} else dt.date(year, 12, 31)
    year = int(end_year or end_dash or published.year)
    return dt.date(year, 12, 31) if 1800 <= year <= 9000 else None


def _month_year(month: int, published: dt.date, lean: int) -> dt.date:
    """The first day of `month` in the year nearest `published` (compared at mid-month), moved a year on or back
    where the tense `lean` points the other way and the month is two months or more away from publication."""
    middle = _nearest_year(month, 15, published) or published
    first = middle.replace(day=1)
    last = first.replace(day=calendar.monthrange(first.year, month)[1])
    far = dt.timedelta(days=60)
    if lean > 0 and last < published - far:
        return first.replace(year=first.year + 1)
    if lean < 0 and first > published + far:
        return first.replace(year=first.year - 1)
    return first


def start_month(clause: str, published: dt.date) -> DateMention | None:
    """The first day of a month named alone as the start of a length ("a 90-day pause from May", "for 12 more
    months, starting in June"), in the year written with it, else the year that puts the month nearest to
    publication; None where the clause names no such month."""
    for m in START_MONTH.finditer(clause):
        if not clause[m.start(1)].isupper():
            continue  # "from may be": the verb, not the month
        month = _MONTHS[m.group(1).lower()]
        if m.group(2):
            year = int(m.group(2))
            first = dt.date(year, month, 1) if 1800 <= year <= 9000 else None
        else:
            # The month nearest publication (a month under way or just ended is this year's), unless the word
            # opening it says it is to come ("starting in September") and it ended two months before.
            opening = clause[m.start() : m.start(1)]  # "starting in", "from", "began in"
            future = bool(_FUTURE.search(opening) or _FROM_AT_END.search(opening))
            lean = 1 if future else -1 if _PAST.search(opening) else 0
            first = _month_year(month, published, lean)
        return DateMention(value=first, start=m.start(1), end=m.end()) if first is not None else None
    return None


def find_duration(sentence: str) -> tuple[int, int, int] | None:
    """The first length of time named ("90-day", "three weeks"): (days, start, end) or None."""
    m = DURATION.search(sentence)
    single = _SINGLE_UNIT.search(sentence)
    if single and (not m or single.start() < m.start()):
        # "a monthlong pause", "a week-long delay": one unit.
        return ({"week": 7, "month": 30, "year": 365}[single.group(1).lower()], single.start(), single.end())
    if not m:
        year = _A_YEAR.search(sentence)
        return (365, year.start(), year.end()) if year else None
    count_text = m.group(1).lower()
    count = int(count_text) if count_text.isdigit() else _NUMBER_WORDS.get(count_text, 0)
    unit = m.group(2).lower()
    # A month is a twelfth of a year, so "12 months" is a year and "six months" half of one.
    days = count * 365 // 12 if unit == "month" else count * {"day": 1, "week": 7, "year": 365}[unit]
    return (days, m.start(), m.end()) if days else None
