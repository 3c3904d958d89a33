"""Reading one sentence: parties, rates, sectors, dates, and the facts they make.

A sentence is cut into clauses; each clause is classified by its cue words
(deal, talks, withdrawal, pause, lift, relief, tariff) and its rates are
given to the kind of fact that clause states.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from monitor.extract import cues
from monitor.extract.dates import DateMention, find_dates, find_duration
from monitor.extract.facts import Fact
from monitor.extract.gazetteer import ANY, DEMONYM, UNIVERSAL, Mention, find_mentions
from monitor.extract.sectors import distinct, find_sectors

_CLAUSE_BREAK = re.compile(
    r",\s+(?:while|whereas|but|to\s+which|which\s+he|and\s+(?=\w+\s+(?:would|will|has|have|had|said)))\s+"
    r"|;\s+|\s+[-–—]\s+|:\s+(?=[A-Z])",
    re.I,
)
_TARGET_BEFORE = re.compile(
    r"\b(?:on|from|against|to|into|for|with|toward|towards|between|including|of|charge|hit)\s+"
    r"(?:the\s+|all\s+|its\s+|their\s+|some\s+|most\s+|imported\s+|certain\s+|goods\s+from\s+|other\s+|"
    r"products\s+from\s+|imports\s+from\s+|both\s+|any\s+)*$",
    re.I,
)
_TARGET_AFTER = re.compile(
    r"^(?:'s|’s)?\s*(?:(?:will|would|is|was|has|had|could|were|are)\s+)?(?:also\s+)?(?:still\s+)?"
    r"(?:set\s+to\s+|continue\s+to\s+|continues\s+to\s+(?:be\s+)?|be\s+|been\s+)?"
    r"(?:face|faces|facing|pay|hit\s+by|subject\s+to|spared|exempted)\b",
    re.I,
)
_GOODS_AFTER = re.compile(
    r"^\s*(?:[\w-]+\s+){0,2}?(?:goods|imports|products|exports|shipments|items|steel|aluminum|autos|cars|"
    r"EVs|vehicles|food|automobiles|automakers|carmakers|companies|farmers|beef|corn|producers|manufacturers)\b",
    re.I,
)
_TARIFF_AFTER = re.compile(r"^\s*(?:'s\s+|’s\s+)?(?:[\w-]+\s+){0,2}?(?:tariffs?|duties|duty|levies|levy)\b", re.I)


@dataclass(frozen=True, kw_only=True)
class Rate:
    """A tariff rate in a clause; `previous` is the rate it replaced ("from 10% to 25%")."""

    value: float
    start: int
    end: int
    previous: float | None = None


@dataclass(kw_only=True)
class Context:
    """What the article as a whole says, for clauses that name no party."""

    published: dt.date | None  # None: relative dates cannot be resolved and are left out
    partner: str | None = None  # the foreign party the article is mostly about
    facts: list[Fact] = field(default_factory=list)


def _rates(clause: str) -> list[Rate]:
    raw = [(float(m.group(1)), m.start(), m.end()) for m in cues.RATE.finditer(clause)]
    kept: list[tuple[float, int, int]] = []
    for value, start, end in raw:
        before = clause[max(0, start - 60) : start]
        after = clause[end : end + 60]
        near_tariff = bool(cues.TARIFF_WORD.search(before) or cues.TARIFF_WORD.search(after[:45]))
        near_tariff = near_tariff or bool(re.match(r"\s+on\s", after)) or bool(kept and start - kept[-1][2] < 40)
        if not near_tariff:
            continue
        if cues.STATISTIC_AFTER.search(after) or (
            cues.STATISTIC_BEFORE.search(before[-30:]) and not cues.TARIFF_WORD.search(before[-30:] + after[:25])
        ):
            continue
        kept.append((value, start, end))
    rates: list[Rate] = []
    i = 0
    while i < len(kept):
        value, start, end = kept[i]
        if i + 1 < len(kept):
            nxt = kept[i + 1]
            between = clause[end : nxt[1]]
            lead = clause[max(0, start - 6) : start].lower()
            if re.fullmatch(r"\s*to\s*", between) and "from" in lead:
                rates.append(Rate(value=nxt[0], start=start, end=nxt[2], previous=value))
                i += 2
                continue
            if re.fullmatch(r"\s*from\s*", between) and "to" in lead:
                rates.append(Rate(value=value, start=start, end=nxt[2], previous=nxt[0]))
                i += 2
                continue
        rates.append(Rate(value=value, start=start, end=end))
        i += 1
    return rates


def _role_is_target(clause: str, mention: Mention, imposer_hint: str | None) -> bool:
    before = clause[max(0, mention.start - 40) : mention.start]
    after = clause[mention.end : mention.end + 60]
    if _TARIFF_AFTER.match(after) and mention.form != UNIVERSAL:
        return False  # "U.S. tariffs", "China's tariff": the taxing side
    if _TARGET_BEFORE.search(before) or _TARGET_AFTER.match(after):
        return True
    return mention.form == DEMONYM and bool(_GOODS_AFTER.match(after))


@dataclass(frozen=True, kw_only=True)
class Parties:
    """Who acts and whom it hits, as read from one clause."""

    imposer: str
    targets: tuple[str, ...]
    subject_named: bool


def _parties(clause: str, mentions: list[Mention], ctx: Context, prefer_first: bool = False) -> Parties:
    subjects: list[str] = []
    targets: list[str] = []
    for m in mentions:
        if m.form == UNIVERSAL:
            targets.append(ANY)
        elif _role_is_target(clause, m, None) and not prefer_first:
            targets.append(m.code)
        else:
            subjects.append(m.code)
    if prefer_first and mentions:
        named = [m.code for m in mentions if m.form != UNIVERSAL]
        if named:
            imposer = named[0]
            others = [c for c in named if c != imposer] or [c for c in targets if c != imposer]
            if not others:
                others = ["US"] if imposer != "US" else ([ctx.partner] if ctx.partner else [ANY])
            return Parties(imposer=imposer, targets=tuple(dict.fromkeys(others)), subject_named=True)
    subject_named = bool(subjects)
    if subjects:
        imposer = subjects[0]
    elif targets and all(t == "US" for t in targets if t != ANY) and "US" in targets:
        imposer = ctx.partner or "US"
    else:
        imposer = "US"
    chosen = [t for t in targets if t != imposer]
    if not chosen:
        chosen = [s for s in subjects[1:] if s != imposer]
    if not chosen:
        if imposer != "US":
            chosen = ["US"]
        elif ctx.partner:
            chosen = [ctx.partner]
        else:
            chosen = [ANY]
    specific = [t for t in chosen if t != ANY]
    return Parties(imposer=imposer, targets=tuple(dict.fromkeys(specific or chosen)), subject_named=subject_named)


def _status(clause: str) -> str:
    if cues.THREAT.search(clause):
        return "threatened"
    if cues.IN_EFFECT.search(clause):
        return "in_effect"
    return "announced"


def _pause_until(clause: str, dates: list[DateMention], published: dt.date) -> dt.date | None:
    for d in dates:
        window = clause[max(0, d.start - 40) : d.start]
        if cues.UNTIL_WORD.search(window):
            return d.value
    duration = find_duration(clause)
    if duration:
        days, start, _end = duration
        by_delay = bool(re.search(r"\bby\s+(?:a\s+little\s+over\s+|about\s+|nearly\s+|around\s+)?$", clause[:start]))
        earlier = [d.value for d in dates if d.start < start]
        if by_delay and earlier:
            return max(earlier) + dt.timedelta(days=days)
        anchor = min([d.value for d in dates if d.value <= published] or [published])
        return anchor + dt.timedelta(days=days)
    future = [d.value for d in dates if d.value > published]
    return future[0] if future else None


def _effective(clause: str, dates: list[DateMention]) -> dt.date | None:
    for d in dates:
        window = clause[max(0, d.start - 30) : d.start]
        if cues.EFFECT_WORD.search(window) and not cues.UNTIL_WORD.search(window):
            return d.value
    return None


def _sector_groups(clause: str, rates: list[Rate]) -> list[tuple[Rate | None, list[str]]]:
    """Each rate with the sectors it covers; a clause without rates is one group."""
    if cues.MANY_GOODS.search(clause):
        sectors_all: list[str] = []
    else:
        sectors_all = distinct(find_sectors(clause))
    if not rates:
        return [(None, sectors_all)]
    if len(rates) == 1 or cues.MANY_GOODS.search(clause):
        return [(r, sectors_all) for r in rates]
    bounds = [0] + [r.end for r in rates]
    first_before = distinct(find_sectors(clause[: rates[0].start]))
    groups: list[tuple[Rate | None, list[str]]] = []
    for i, rate in enumerate(rates):
        if first_before:
            segment = clause[bounds[i] : rate.start]
        else:
            segment = clause[rate.end : rates[i + 1].start if i + 1 < len(rates) else len(clause)]
        groups.append((rate, distinct(find_sectors(segment))))
    return groups


def _each(sectors: list[str]) -> list[str | None]:
    """One fact per sector named, or one with no sector."""
    return [*sectors] if sectors else [None]


def _fact(kind: str, parties: Parties, sentence: str, **fields: object) -> Fact:
    values: dict[str, object] = {
        "sector": None,
        "rate": None,
        "until": None,
        "effective": None,
        "status": None,
        "previous_rate": None,
        "authority": None,
    }
    values.update(fields)
    return Fact(
        kind=kind,
        imposer=parties.imposer,
        targets=parties.targets,
        evidence=sentence,
        **values,  # type: ignore[arg-type]
    )


_AUTHORITY = (
    (re.compile(r"section\s+232", re.I), "section_232"),
    (re.compile(r"section\s+301", re.I), "section_301"),
    (re.compile(r"section\s+201", re.I), "section_201"),
    (re.compile(r"section\s+122", re.I), "section_122"),
    (re.compile(r"\bIEEPA\b|emergency\s+economic\s+powers", re.I), "ieepa"),
    (re.compile(r"retaliat|countermeasure", re.I), "countermeasure"),
)


def _authority(text: str) -> str | None:
    for pattern, name in _AUTHORITY:
        if pattern.search(text):
            return name
    return None


def _clauses(sentence: str) -> list[str]:
    parts: list[str] = []
    begin = 0
    for m in _CLAUSE_BREAK.finditer(sentence):
        if m.start() - begin > 15:
            parts.append(sentence[begin : m.start()])
            begin = m.end()
    parts.append(sentence[begin:])
    return [p for p in parts if p.strip()]


def read_sentence(sentence: str, ctx: Context) -> list[Fact]:
    """The facts one sentence states."""
    if not cues.TRADE_HINT.search(sentence):
        return []
    facts: list[Fact] = []
    sentence_dates = find_dates(sentence, ctx.published) if ctx.published else []
    previous_targets: tuple[str, ...] = ()
    deal_in_sentence = False
    for clause in _clauses(sentence):
        offset = sentence.find(clause)
        mentions = find_mentions(clause)
        dates = [
            DateMention(value=d.value, start=d.start - offset, end=d.end - offset)
            for d in sentence_dates
            if offset <= d.start < offset + len(clause)
        ]
        those = cues.THOSE.search(clause)
        parties = _parties(clause, mentions, ctx)
        if those and previous_targets and not parties.subject_named:
            # "... on Canada and Mexico, while those nations would scrap ...": each named party acts.
            for code in previous_targets:
                sub = Parties(
                    imposer=code, targets=("US",) if code != "US" else (ctx.partner or ANY,), subject_named=True
                )
                facts.extend(_read_clause(clause, sentence, sub, dates, ctx, deal_in_sentence))
            continue
        found = _read_clause(clause, sentence, parties, dates, ctx, deal_in_sentence, mentions=mentions)
        deal_in_sentence = deal_in_sentence or any(f.kind == "deal" for f in found)
        facts.extend(found)
        previous_targets = parties.targets
    return facts


def _read_clause(
    clause: str,
    sentence: str,
    parties: Parties,
    dates: list[DateMention],
    ctx: Context,
    deal_in_sentence: bool,
    mentions: list[Mention] | None = None,
) -> list[Fact]:
    mentions = mentions if mentions is not None else []
    facts: list[Fact] = []
    blocked = cues.NOT_A_FACT.search(clause)
    has_tariff = bool(cues.TARIFF_WORD.search(clause))
    rates = _rates(clause)
    effective = _effective(clause, dates)
    authority = _authority(clause)

    # Deals and talks: the first party named acts, the others are the targets.
    deal_verb = cues.DEAL_VERB.search(clause)
    if deal_verb and cues.DEAL_NOUN.search(clause) and not blocked:
        first = _parties(clause, mentions, ctx, prefer_first=True)
        facts.append(_fact("deal", first, sentence))
    elif not deal_in_sentence and cues.TALKS.search(clause) and cues.TALKS_EVENT.search(clause) and not blocked:
        first = _parties(clause, mentions, ctx, prefer_first=True)
        facts.append(_fact("negotiation", first, sentence, effective=dates[0].value if dates else None))

    if cues.WITHDRAW.search(clause) and cues.AGREEMENT_NOUN.search(clause) and not cues.NEGATION.search(clause):
        targets = (ANY,) if cues.MULTILATERAL.search(clause) else parties.targets
        facts.append(
            _fact("withdrawal", Parties(imposer=parties.imposer, targets=targets, subject_named=True), sentence)
        )

    if not has_tariff and not cues.ZERO.search(clause) and not cues.PAUSE.search(clause):
        return facts

    not_impose = bool(cues.NOT_IMPOSE.search(clause))
    pause = (cues.PAUSE.search(clause) or not_impose) and not re.search(
        r"\b(?:did|does|do)\s+not\s+(?:impose|introduce|levy)|no\s+longer\s+extend|not\s+extend|seek", clause, re.I
    )
    lift = cues.LIFT.search(clause) or (cues.ZERO.search(clause) and not cues.NOT_A_FACT.search(clause))
    relief = cues.RELIEF.search(clause)
    remaining = re.search(r"\b(?:leaving|remain|remains|still\s+in\s+effect|in\s+place|continue)\b", clause, re.I)

    if pause and (has_tariff or not_impose or re.search(r"truce|reprieve|deadline|pause", clause, re.I)):
        until = _pause_until(clause, dates, ctx.published) if ctx.published else None
        sides = [parties]
        if re.search(r"\btruce\b", clause, re.I) or re.search(r"\bboth\s+sides\b|\bmutual", clause, re.I):
            other = parties.targets[0] if parties.targets and parties.targets[0] != ANY else None
            if other:
                sides.append(Parties(imposer=other, targets=(parties.imposer,), subject_named=True))
        paused_rates = [r for r in rates if not (remaining and remaining.start() < r.start)]
        sectors = distinct(find_sectors(clause))
        for side in sides:
            for sector in _each(sectors):
                facts.append(
                    _fact(
                        "pause",
                        side,
                        sentence,
                        sector=sector,
                        rate=paused_rates[0].value if paused_rates and len(sides) == 1 else None,
                        until=until,
                        authority=authority,
                    )
                )
        for left in rates:
            if left not in paused_rates:
                facts.append(
                    _fact("tariff", parties, sentence, rate=left.value, status="in_effect", authority=authority)
                )
        return facts

    if blocked and not lift:
        return facts
    if lift and not blocked:
        zero_only = not cues.LIFT.search(clause)
        lifter = parties
        if zero_only and parties.imposer == "US":
            others = [m.code for m in mentions if m.code not in {"US", ANY}] or ([ctx.partner] if ctx.partner else [])
            if others:
                lifter = Parties(imposer=others[0], targets=("US",), subject_named=True)
        groups = _sector_groups(clause, [r for r in rates if r.value > 0])
        for rate, sectors in groups:
            for sector in _each(sectors):
                facts.append(
                    _fact(
                        "lift", lifter, sentence, sector=sector, rate=rate.value if rate else None, authority=authority
                    )
                )
        if re.search(r"\bor\s+reduce|and\s+reduce|\blower\b(?!.*zero)", clause, re.I) and not zero_only:
            for _rate, sectors in groups:
                for sector in _each(sectors):
                    facts.append(_fact("tariff", lifter, sentence, sector=sector, status="announced"))
        return facts

    if relief and not blocked:
        relief_rates = [r for r in rates if not remaining]
        sectors = distinct(find_sectors(clause))
        for sector in _each(sectors):
            facts.append(
                _fact(
                    "relief",
                    parties,
                    sentence,
                    sector=sector,
                    rate=relief_rates[0].value if relief_rates else None,
                    effective=effective,
                    authority=authority,
                )
            )
        if not re.search(r"\b(?:eased|ease)\b", clause, re.I):
            return facts

    if not has_tariff and not rates:
        return facts
    if blocked:
        return facts
    if not rates and not cues.TARIFF_ACTION.search(clause):
        return facts
    status = _status(clause)
    for rate, sectors in _sector_groups(clause, rates):
        for sector in _each(sectors):
            facts.append(
                _fact(
                    "tariff",
                    parties,
                    sentence,
                    sector=sector,
                    rate=rate.value if rate else None,
                    previous_rate=rate.previous if rate else None,
                    effective=effective,
                    status=status,
                    authority=authority,
                )
            )
    return facts
