"""Reading one sentence: parties, rates, sectors, dates, and the facts they make.

A sentence is cut into clauses; each clause is classified by its cue words
(deal, talks, withdrawal, pause, lift, relief, tariff) and its rates are
given to the kind of fact that clause states.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from monitor.extract import cues
from monitor.extract.dates import DateMention, find_dates, find_duration
from monitor.extract.facts import Fact
from monitor.extract.gazetteer import ACTOR, ANY, BLOC, CAPITAL, DEMONYM, NAME, UNIVERSAL, Mention, find_mentions
from monitor.extract.sectors import distinct, find_sectors

# Case matters here ("and Beijing hitting back", ": He said"), so the words are marked case-blind one by one.
_CLAUSE_BREAK = re.compile(
    r"(?i:,\s+(?:while|whereas|but|to\s+which|which\s+he|and\s+(?=\w+\s+(?:would|will|has|have|had|said)))\s+)"
    r"|(?i:(?:,|[\"”])\s+and\s+(?=(?:\w+\s+)?(?:agreed|said|added|noted|stressed|warned|told|announced|has|have|"
    r"will|would)\b))"
    r"|,\s+and\s+(?=[A-Z]\w+\s+\w+ing\b)|,\s+(?=[a-z]+ing\s+(?:\w+\s+){0,3}(?i:tariffs?|duties|levies)\b)"
    r"|(?i:\s+and\s+(?=the\s+(?:[\w-]+\s+){0,3}(?:tariffs?|duty|duties|levy|rate)\b[^,;]{0,40}?"
    r"\b(?:will|would|was|were|is|are|set|remain|remains|rose|fell|cut|raised)\b))"
    r"|(?i:,\s+(?=(?:citing|blaming|accusing|saying)\s))"
    r"|;\s+|\s+[-–—]\s+|:\s+(?=[A-Z])"
)
_TARGET_BEFORE = cues.blind(
    r"\b(?:on|from|against|to|into|for|with|toward|towards|between|including|of|charge|charges|charged|"
    r"hit|hits|pressuring|punish|penalize|exempting|excluding|spare|sparing|helping)\s+"
    r"(?:the\s+|all\s+|its\s+|their\s+|some\s+|most\s+|imported\s+|certain\s+|goods\s+from\s+|other\s+|"
    r"products\s+from\s+|imports\s+from\s+|both\s+|any\s+|and\s+)*$"
)
# "countermeasures from Ottawa", "retaliation by Beijing": the source, not the target.
_SOURCE_BEFORE = cues.blind(
    r"\b(?:countermeasures|retaliation|response|tariffs|duties|levies|measures|imposed|levied|announced|set)\s+"
    r"(?:from|by)\s+(?:the\s+)?$"
)
_TARGET_AFTER = cues.blind(
    r"^(?:'s|’s)?(?:\s*,[^,]{0,50},)?\s*(?:(?:will|would|is|was|has|had|could|were|are)\s+)?(?:also\s+|both\s+|all\s+|each\s+)?"
    r"(?:still\s+)?(?:set\s+to\s+|continue\s+to\s+|continues\s+to\s+(?:be\s+)?|be\s+|been\s+)?"
    r"(?:face|faces|facing|pay|hit\s+by|subject\s+to|spared|exempted|"
    r"(?:have|get|receive|enjoy)\s+(?:a|an)\s+(?:lower|higher|reduced|preferential)|"
    r"(?:won|wins|win|got|gets|secured|secures|received|receives|obtained|obtains|granted|given)\s+(?:a|an)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:reprieve|exemption|exclusion|waiver|delay|extension|carve-?out))\b"
)
_GOODS_AFTER = cues.blind(
    r"^(?:'s|’s)?\s*(?:[\w-]+\s+){0,2}?(?:goods|imports|products|exports|shipments|items|steel|aluminum|autos|"
    r"cars|EVs|vehicles|food|automobiles|automakers|carmakers|companies|farmers|beef|corn|producers|"
    r"manufacturers|made)\b"
)
# Words between a party and "tariffs" that keep the tariffs its own ("U.S. tariffs", "China's new 34% levies");
# goods in between ("Chilean copper tariffs") make the party the one hit.
_TARIFF_AFTER = cues.blind(
    r"^(?:'s|’s)?\s*(?:(?:own|new|additional|extra|retaliatory|reciprocal|import|punitive|counter|existing|"
    r"higher|lower|steep|steeper|sweeping|latest|planned|proposed|original|current|baseline|\d+(?:\.\d+)?\s?"
    r"(?:%|percent|per\s?cent)|section\s+\d+)[\s-]+){0,3}(?:tariffs?|duties|duty|levies|levy|counter-tariffs)\b"
)
_DEAL_AFTER = cues.blind(r"^\s*(?:trade\s+)?(?:deal|agreement|pact|talks)\b")
_GOVERNMENT_AFTER = cues.blind(
    r"^\s*(?:officials?|government|authorities|president|prime\s+minister|minister|ministry|PM|leader|delegation|"
    r"negotiators?|side|counterparts?|premier|vice\s+premier|trade\s+minister|finance\s+minister|commerce|"
    r"customs|cabinet|regulators?|lawmakers|parliament|embassy|envoy|officials)\b"
)
_EXAMPLES = cues.blind(
    r"\b(?:dozens|scores|many|several|a\s+long\s+list)\s+of\s+(?:\w+\s+){0,2}?"
    r"(?:countries|economies|nations|partners)\W+(?:including|such\s+as|like|among\s+them)\b"
)
_PARTNER_BEFORE = cues.blind(r"\b(?:with|to|against|on|by)\s+(?:the\s+|its\s+|their\s+)?(?:\w+\s+){0,2}(?:the\s+)?$")
# A clause that starts with a participle or an auxiliary has no subject of its own: it shares the previous one.
_CONTINUES = cues.blind(r"^\s*(?:and\s+|but\s+)?(?:[a-z]+ing|has|have|had|was|were|is|are|will|would|also)\b")
_TOPIC_BEFORE = cues.blind(
    r"\b(?:talks|negotiations|negotiate|negotiating|discussions|consultations|dialogue)\b[^;]{0,40}?\b"
    r"(?:on|over|about)\s+(?:the\s+|its\s+|their\s+)?(?:[\w-]+\s+){0,2}$"
)
_EFFECT_AFTER = cues.blind(r"^\W*(?:\w+\W+){0,2}?(?:took|takes|take|went|go|goes)\s+(?:into\s+)?effect")
_AUXILIARY_START = cues.blind(r"^\s*(?:and\s+|but\s+)?(?:has|have|had|was|were|is|are|will|would)\s+(?!been\b)\w")
_VENUE_BEFORE = cues.blind(r"\b(?:in|at)\s+$")
_SAME_RATE = cues.blind(r"\bthe\s+same\s+(?:\w+\s+)?(?:tariffs?|rate|duty|duties|levy|levies)\b")
_INTO_BEFORE = cues.blind(r"\binto\s+(?:the\s+)?$")
_SPEAKER_AFTER = cues.blind(
    r"^(?:\s+\w+){0,2}?\s+(?:said|says|told|added|noted|wrote|stressed|explained|argued|claimed|posted)\b"
)
_SELF_AFTER = cues.blind(r"^(?:\s+on\s+\w+)?(?:\s+that)?\s+(?:it|they|we|its|their)\b")
_REACTION_AFTER = cues.blind(r"^\s*(?:welcomes|welcomed|hails|hailed|slams|slammed|criticizes|criticized)\b")
_COORDINATED = cues.blind(r"^\s*(?:,|and|or|&|, and|, or)\s*(?:the\s+)?$")
# Verbs whose subject is the side that acts on a tariff.
_ACTION = cues.Cue(
    r"impose|imposes|imposed|imposing|announce|announces|announced|announcing|announcement|slap|slapped|"
    r"levy|levied|levying|raise|raised|raises|raising|hike|hiked|hikes|increase|increased|charge|target|"
    r"targeted|targeting|retaliat\w*|threaten|threatened|threatens|warned|warns|halving|halved|doubled|cut|cuts|"
    r"reduce|reduced|lower|lowered|lowering|lift|lifts|lifted|remove|removed|eliminate|eliminated|scrap|"
    r"scrapped|cancel|cancelled|canceled|rescind|rescinded|suspend|suspended|suspends|pause|paused|delay|"
    r"delayed|delaying|extend|extended|extends|exempt|exempted|eased|hold\s+off|held\s+off|defer|"
    r"rolling\s+out|revealed|signed|hitting\s+back|hits\s+back|hit\s+back|not\s+impose|not\s+introduce|"
    r"will\s+charge|maintain|include|includes|tariffs?|duty|duties|levy|levies|\d+(?:\.\d+)?\s?(?:%|percent|per\s?cent)",
)
_US_AUTHORITY = cues.Cue(
    r"\bsection\s+(?:232|301|201|122)\b|\bIEEPA\b|\bfentanyl\b", bounded=False, needles=("section", "ieepa", "fentanyl")
)


@dataclass(frozen=True, kw_only=True)
class Rate:
    """A tariff rate in a clause; `previous` is the rate it replaced ("from 10% to 25%")."""

    value: float
    start: int
    end: int
    previous: float | None = None
    # Where the words about this rate stop: "15%, down from the 24% it had threatened" ends before "down from".
    scope_end: int | None = None


@dataclass(kw_only=True)
class Context:
    """What the article as a whole says, for clauses that name no party."""

    published: dt.date | None  # None: relative dates cannot be resolved and are left out
    partner: str | None = None  # the foreign party the article is mostly about
    last_rate: float | None = None  # the latest tariff rate stated, for "the same tariff"
    facts: list[Fact] = field(default_factory=list)


_RATE_NOUN_AFTER = cues.blind(r"^\s*(?:[\w-]+\s+)?(?:charge|rate|threat|tax|taxes|hike|levy)\b")
_REPLACES = re.compile(r"\b(?:replaces|replaced|replacing|supersedes|superseded|superseding)\b", re.I)
_FORMER_RATE = cues.blind(r"(?:,\s*|\s)(?:down|up|lowered|reduced|raised|cut)\s+from\s+(?:[\w-]+\s+){0,4}$")
_RATE_WORD = re.compile(r"\b(?:rate|rates|levy|duty|duties)\b", re.I)
_CHANGED_TO = cues.blind(
    r"\b(?:reduced|reduce|cut|lowered|lower|raised|raise|increased|increase|doubled|halved|rise|rises|"
    r"hiked|brought\s+down|will\s+be)\s+to\s*$"
)


def _rates(text: str) -> list[Rate]:
    """Tariff rates in a clause (statistics, market moves and rates of other things left out)."""
    clause = _masked(text)
    raw = [(float(m.group(1)), m.start(), m.end()) for m in cues.RATE.finditer(clause)]
    kept: list[tuple[float, int, int]] = []
    replaced = _REPLACES.search(clause) if raw else None
    for value, start, end in raw:
        before = clause[max(0, start - 60) : start]
        after = clause[end : end + 60]
        near_tariff = bool(cues.TARIFF_WORD.search(before) or cues.TARIFF_WORD.search(after[:45]))
        near_tariff = (
            near_tariff
            or bool(_RATE_NOUN_AFTER.match(after))
            or bool(re.match(r"\s+on\s", after))
            or bool(kept and start - kept[-1][2] < 40)
        )
        if not near_tariff:
            continue
        if cues.STATISTIC_AFTER.search(after) or cues.AVERAGE_BEFORE.search(before):
            continue
        if replaced and start > replaced.start():
            continue  # "replaces a 50% combined rate": what no longer applies
        change = cues.STAT_VERB_BEFORE.search(before[-30:])
        if change:
            subject = before[: len(before) - 30 + change.start()] if len(before) > 30 else before[: change.start()]
            if not cues.TARIFF_WORD.search(subject[-35:]) and not _RATE_WORD.search(subject[-35:]):
                continue  # "exports slumped 27%"; but "the tariff rose to 25%" is a fact
        elif cues.STATISTIC_BEFORE.search(before[-35:]) and not cues.TARIFF_WORD.search(before[-35:] + after[:25]):
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
            changed = _CHANGED_TO.search(between)
            if changed and not find_dates(clause[nxt[2] : nxt[2] + 40], dt.date(2000, 1, 1)):
                # "the 15% duty ... will be reduced to 7.5%": one fact at the new rate.
                rates.append(Rate(value=nxt[0], start=start, end=nxt[2], previous=value))
                i += 2
                continue
            if re.fullmatch(r"\s*from\s*", between) and "to" in lead:
                rates.append(Rate(value=value, start=start, end=nxt[2], previous=nxt[0]))
                i += 2
                continue
            before_old = _FORMER_RATE.search(between)
            if before_old:
                # "15%, down from 24%", "25%, up from the 14.5% rate it replaced": one fact, the old rate kept.
                cut = end + before_old.start()
                rates.append(Rate(value=value, start=start, end=nxt[2], previous=nxt[0], scope_end=cut))
                i += 2
                continue
        rates.append(Rate(value=value, start=start, end=end))
        i += 1
    return rates


def _roles(clause: str, mentions: list[Mention]) -> list[bool]:
    """For each mention, whether it is hit by the measure (True) or may be the side that acts."""
    roles: list[bool] = []
    for i, m in enumerate(mentions):
        before = clause[max(0, m.start - 40) : m.start]
        after = clause[m.end : m.end + 70]
        if m.form in {UNIVERSAL, BLOC}:
            roles.append(True)  # a grouping without a code of its own is read as its members, who are hit
            continue
        if m.form == ACTOR:
            roles.append(False)  # a president, ministry or capital acts; it is not what a tariff hits
            continue
        if (
            i
            and mentions[i - 1].form != BLOC
            and _COORDINATED.match(clause[mentions[i - 1].end : m.start])
            and not _TARGET_AFTER.match(after)
        ):
            roles.append(roles[-1])  # "on Canada and Mexico": coordinated parties share a role
            continue
        if m.form == NAME and _DEAL_AFTER.match(after):
            roles.append(True)  # "the Japan trade deal": the partner, not the side that acts
        elif _SOURCE_BEFORE.search(before):
            roles.append(False)
        elif _TARIFF_AFTER.match(after):
            # "U.S. tariffs", "China's tariffs", "Canadian duties" are their own; "the China tariff" hits China.
            own = m.code == "US" or m.form != NAME or bool(re.match(r"\s*(?:'s|’s)", after))
            roles.append(not own)
        elif _INTO_BEFORE.search(before):
            roles.append(False)  # "imports into the US": the importing side is the one that taxes
        elif _TARGET_BEFORE.search(before) or _TARGET_AFTER.match(after) or _REACTION_AFTER.match(after):
            roles.append(True)
        elif m.form == DEMONYM and not _GOVERNMENT_AFTER.match(after):
            roles.append(True)  # "Japanese cars", "Russian oil": where goods come from, not who acts
        else:
            roles.append(bool(_GOODS_AFTER.match(after)) and m.form in {DEMONYM, NAME})
    # "The EU and Japan both face 15% tariffs": the role of the last coordinated party is everyone's.
    for i in range(len(mentions) - 2, -1, -1):
        between = clause[mentions[i].end : mentions[i + 1].start]
        if (
            roles[i + 1]
            and mentions[i + 1].form != BLOC
            and not roles[i]
            and mentions[i].form in {NAME, CAPITAL, DEMONYM}
            and _COORDINATED.match(between)
        ):
            roles[i] = True
    return roles


@dataclass(frozen=True, kw_only=True)
class Parties:
    """Who acts and whom it hits, as read from one clause."""

    imposer: str
    targets: tuple[str, ...]
    subject_named: bool


def _usable(mentions: list[Mention]) -> list[Mention]:
    """Mentions without repeats of the one before: "European Union (EU)", and an office right after its
    country ("India's commerce ministry" is India, whatever country the office's name suggests)."""
    kept: list[Mention] = []
    for m in mentions:
        if kept and m.start - kept[-1].end <= 3 and (kept[-1].code == m.code or m.form == ACTOR):
            continue
        kept.append(m)
    return kept


def _owner(clause: str, mentions: list[Mention]) -> str | None:
    """The party whose own tariff the clause's first tariff word is ("US tariffs", "China's levy")."""
    first = cues.TARIFF_WORD.search(_masked(clause))
    if first is None:
        return None
    for m in mentions:
        if m.end <= first.start() and first.start() - m.end <= 25 and m.form not in {UNIVERSAL, BLOC}:
            after = clause[m.end : m.end + 70]
            if _TARIFF_AFTER.match(after):
                possessive = bool(re.match(r"\s*(?:'s|’s)", after))
                if m.code == "US" or m.form != NAME or possessive:
                    return m.code
    return None


def _reports_another(clause: str, mention: Mention) -> bool:
    """Whether the mention is a speaker reporting what someone else does ("Modi said Indian goods will face ...");
    "Tokyo said it would impose ..." keeps Tokyo as the actor."""
    speech = _SPEAKER_AFTER.match(clause[mention.end : mention.end + 30])
    if not speech:
        return False
    rest = clause[mention.end + speech.end() : mention.end + speech.end() + 20]
    return not _SELF_AFTER.match(rest)


def _parties(
    clause: str, mentions: list[Mention], ctx: Context, prefer_first: bool = False, at: int | None = None
) -> Parties:
    """Who acts and whom it hits; `at` is where the clause's verb is, when the caller knows it."""
    mentions = _usable(mentions)
    roles = _roles(clause, mentions)
    subjects = [m for m, target in zip(mentions, roles, strict=True) if not target]
    target_codes = [m.code for m, target in zip(mentions, roles, strict=True) if target]
    if prefer_first:
        # Talks and deals: the first party named acts (unless it is only named after "with", "to" ...),
        # whoever is named with it is the other side. A capital after "in" or "at" is where they met.
        venues = {
            id(m) for m in mentions if m.form == CAPITAL and _VENUE_BEFORE.search(clause[max(0, m.start - 5) : m.start])
        }
        if venues:
            kept = [(m, r) for m, r in zip(mentions, roles, strict=True) if id(m) not in venues]
            mentions = [m for m, _r in kept]
            target_codes = [m.code for m, r in kept if r]
        first_seen: dict[str, Mention] = {}
        for m in mentions:
            first_seen.setdefault(m.code, m)
        in_partner_slot = {
            code for code, m in first_seen.items() if _PARTNER_BEFORE.search(clause[max(0, m.start - 40) : m.start])
        }
        # The party met "with" is the other side, however often the clause names it again.
        leading = [m for m in mentions if m.form not in {UNIVERSAL, BLOC} and m.code not in in_partner_slot]
        named = [m.code for m in leading] + [c for c in target_codes if c != ANY]
        # A grouping cannot act (it has no code): "ASEAN held talks with China" is China's, with the members.
        partners = [m for m in mentions if m.form not in {UNIVERSAL, BLOC} and m.code in in_partner_slot]
        if leading:
            imposer = leading[0].code
        elif partners and any(m.form == BLOC for m in mentions):
            imposer = partners[0].code
        elif ctx.partner and ctx.partner not in target_codes:
            imposer = ctx.partner
        else:
            imposer = "US"
        others = [c for c in named if c != imposer]
        if not others and ANY in target_codes:
            others = [ANY]  # "discussions with many of our trading partners"
        if not others:
            others = ["US"] if imposer != "US" else ([ctx.partner] if ctx.partner else [ANY])
        return Parties(imposer=imposer, targets=tuple(dict.fromkeys(others)), subject_named=bool(leading))
    anchor = _ACTION.search(clause) if at is None else None
    position = at if at is not None else anchor.start() if anchor else len(clause)
    into = [m for m in subjects if _INTO_BEFORE.search(clause[max(0, m.start - 12) : m.start])]
    # A speaker ("Modi said that ...") reports what someone else does.
    before = [m for m in subjects if m.start < position and not _reports_another(clause, m)]
    owner = _owner(clause, mentions)
    together: list[Mention] = []
    if _US_AUTHORITY.search(clause):
        imposer = "US"
    elif owner is not None:
        imposer = owner  # "to reduce US tariffs", "China's tariff on U.S. goods"
    elif into:
        imposer = into[0].code
    elif before:
        # The grammatical subject sits right before its verb; of "the U.S. and China agreed", the first.
        i = len(before) - 1
        while i > 0 and _COORDINATED.match(clause[before[i - 1].end : before[i].start]):
            i -= 1
        imposer = before[i].code
        together = before[i:]
    elif {c for c in target_codes if c != ANY} == {"US"} and ctx.partner and ctx.partner != "US":
        imposer = ctx.partner
    else:
        imposer = "US"
    if owner is None and imposer in target_codes and len(together) > 1:
        # "Tokyo and Washington sealed a deal that caps tariffs on Japanese cars": whose goods are hit does not tax
        # them; of the parties acting together, the other one does.
        others = [m.code for m in together if m.code != imposer and m.code not in target_codes]
        imposer = others[0] if others else imposer
    near = [
        m.code
        for m, target in zip(mentions, roles, strict=True)
        if target and position - 80 <= m.start <= position + 150 and m.code != imposer
    ]
    if re.search(r"\b(?:on|against)\s+the\s+country\b", clause, re.I) and ctx.partner and ctx.partner != imposer:
        near = [ctx.partner]
    chosen = near or [t for t in target_codes if t != imposer]
    if not chosen:
        chosen = [m.code for m in subjects if m.code != imposer]
    if not chosen:
        if imposer != "US":
            chosen = ["US"]
        elif ctx.partner:
            chosen = [ctx.partner]
        else:
            chosen = [ANY]
    specific = [t for t in chosen if t != ANY]
    if ANY in chosen and _EXAMPLES.search(clause):
        # "scores of partners, such as Korea and Brazil": examples given do not narrow a universal target.
        return Parties(imposer=imposer, targets=(ANY,), subject_named=bool(before))
    return Parties(imposer=imposer, targets=tuple(dict.fromkeys(specific or chosen)), subject_named=bool(before))


def _status(
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
    if cues.THREAT.search(window):
        return "threatened"
    if cues.IN_EFFECT.search(window):
        return "in_effect"
    if effective is not None and published is not None:
        # A measure whose start date is past is in force; one that starts later is announced.
        return "in_effect" if effective <= published else "announced"
    return "announced"


def _later(day: dt.date, days: int) -> dt.date | None:
    """`day` plus `days`, or None past the end of the calendar (a year 9999 in junk text)."""
    try:
        return day + dt.timedelta(days=days)
    except OverflowError:
        return None


def _explicit_until(clause: str, dates: list[DateMention]) -> dt.date | None:
    for d in dates:
        window = clause[max(0, d.start - 40) : d.start]
        if cues.UNTIL_WORD.search(window):
            return d.value
    return None


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
            return _later(max(earlier), days)
        anchor = min([d.value for d in dates if d.value <= published] or [published])
        return _later(anchor, days)
    future = [d.value for d in dates if d.value > published]
    return future[0] if future else None


def _effective(clause: str, dates: list[DateMention]) -> dt.date | None:
    """The date a measure takes or took effect: one right after "effective", "from", "starting", "took effect" ...
    or right before "when it takes effect"."""
    for d in dates:
        window = clause[max(0, d.start - 30) : d.start]
        if cues.UNTIL_WORD.search(window[-12:]):
            continue
        if cues.EFFECT_BEFORE.search(window) or (
            cues.EFFECT_WORD.search(window) and not cues.UNTIL_WORD.search(window)
        ):
            return d.value
        if _EFFECT_AFTER.match(clause[d.end : d.end + 30]):
            return d.value
    return None


def _sector_groups(
    clause: str, rates: list[Rate], words: list[re.Match[str]] | None = None
) -> list[tuple[Rate | None, list[str]]]:
    """Each rate with the sectors it covers; a clause without rates is one group. A measure over "a range
    of other products" covers many kinds of goods: no sector."""
    if not rates:
        spans = [(w.start(), w.end()) for w in words or []] or [(0, len(clause))]
        near: list[str] = []
        for start, end in spans:
            near.extend(_near_sectors(clause, start, end))
        return [(None, [] if cues.MANY_GOODS.search(clause) else list(dict.fromkeys(near)))]
    if len(rates) == 1:
        rate = rates[0]
        window = clause[max(0, rate.start - 60) : rate.end + 130]
        return [(rate, [] if cues.MANY_GOODS.search(window) else _near_sectors(clause, rate.start, rate.end))]
    bounds = [0] + [r.end for r in rates]
    first_before = distinct(find_sectors(clause[: rates[0].start]))
    groups: list[tuple[Rate | None, list[str]]] = []
    for i, rate in enumerate(rates):
        if first_before:
            segment = clause[bounds[i] : rate.start]
        else:
            segment = clause[rate.end : rates[i + 1].start if i + 1 < len(rates) else len(clause)]
        groups.append((rate, [] if cues.MANY_GOODS.search(segment) else distinct(find_sectors(segment))))
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


_AUTHORITY_HINT = cues.Cue(
    r"section|ieepa|emergency|retaliat|countermeasure",
    bounded=False,
    needles=("section", "ieepa", "emergency", "retaliat", "countermeasure"),
)
_AUTHORITY = (
    (cues.blind(r"section\s+232"), "section_232"),
    (cues.blind(r"section\s+301"), "section_301"),
    (cues.blind(r"section\s+201"), "section_201"),
    (cues.blind(r"section\s+122"), "section_122"),
    (cues.blind(r"\bIEEPA\b|emergency\s+economic\s+powers"), "ieepa"),
    (cues.blind(r"retaliat|countermeasure"), "countermeasure"),
)


def _authority(text: str) -> str | None:
    """The legal basis the text names, if any."""
    if not _AUTHORITY_HINT.search(text):
        return None
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


class _Resolver:
    """The parties of one clause, worked out only when a fact needs them (most clauses state none)."""

    def __init__(self, clause: str, mentions: list[Mention], ctx: Context, previous: _Resolver | None) -> None:
        self.clause = clause
        self.mentions = mentions
        self.ctx = ctx
        self.previous = previous
        self._parties: Parties | None = None

    def __call__(self) -> Parties:
        if self._parties is None:
            self._parties = self._resolve()
        return self._parties

    def _resolve(self) -> Parties:
        parties = _parties(self.clause, self.mentions, self.ctx)
        if parties.subject_named or self.previous is None:
            return parties
        previous = self.previous()
        if _AUXILIARY_START.match(self.clause):
            # "... raised tariffs on Mexican goods, but has exempted ...": the same subject, the same parties.
            return previous
        if not previous.subject_named:
            return parties
        if _CONTINUES.match(self.clause):
            # "The EU hit back, approving tariffs on U.S. goods": the participle shares the subject.
            named = tuple(t for t in parties.targets if t != previous.imposer)
            targets = named if self.mentions and named else previous.targets
            return Parties(imposer=previous.imposer, targets=targets, subject_named=True)
        if previous.imposer != "US" and set(parties.targets) == {"US"}:
            # "China agreed to buy soybeans, but tariffs of 20% remain on U.S. farm goods": China's tariffs.
            return Parties(imposer=previous.imposer, targets=("US",), subject_named=True)
        return parties


def _clause_dates(
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


def _fixed(parties: Parties) -> Callable[[], Parties]:
    def get() -> Parties:
        return parties

    return get


def read_sentence(sentence: str, ctx: Context, sentence_mentions: list[Mention] | None = None) -> list[Fact]:
    """The facts one sentence states (`sentence_mentions`: its parties, when already found)."""
    if sentence_mentions is None:
        if not cues.TRADE_HINT.search(sentence):
            return []
        sentence_mentions = find_mentions(sentence)
    facts: list[Fact] = []
    found_dates: list[list[DateMention]] = []

    def sentence_dates() -> list[DateMention]:
        # Dates are only looked for in a sentence that turns out to state a fact.
        if not found_dates:
            found_dates.append(find_dates(sentence, ctx.published) if ctx.published else [])
        return found_dates[0]

    previous: _Resolver | None = None
    deal_in_sentence = False
    for clause in _clauses(sentence):
        offset = sentence.find(clause)
        mentions = [
            Mention(code=m.code, start=m.start - offset, end=m.end - offset, form=m.form, text=m.text)
            for m in sentence_mentions
            if offset <= m.start and m.end <= offset + len(clause)
        ]
        resolve = _Resolver(clause, mentions, ctx, previous)
        previous = resolve
        if clause is not sentence and not cues.TRADE_HINT.search(clause):
            continue
        dates = _clause_dates(sentence_dates, offset, len(clause))
        those = cues.THOSE.search(clause) if resolve.previous is not None else None
        if those and not resolve().subject_named and resolve.previous is not None:
            # "... on Peru and Chile, and those two would drop their own duties ...": each named party acts.
            for code in resolve.previous().targets:
                sub = Parties(
                    imposer=code, targets=("US",) if code != "US" else (ctx.partner or ANY,), subject_named=True
                )
                facts.extend(_read_clause(clause, sentence, _fixed(sub), dates, ctx, deal_in_sentence))
            continue
        found = _read_clause(clause, sentence, resolve, dates, ctx, deal_in_sentence, mentions=mentions)
        deal_in_sentence = deal_in_sentence or any(f.kind == "deal" for f in found)
        facts.extend(found)
    return facts


_DEAL_OBJECT = cues.blind(r"^\W*(?:[\w’'-]+\W+){0,8}?(?:deals?|agreements?|pacts?|accords?|memorandums?)\b")
_DEAL_PASSIVE = cues.blind(
    r"\b(?:deal|agreement|pact|accord)\b[^.;]{0,60}?\b(?:was|had\s+been|has\s+been|have\s+been|were)\s+"
    r"(?:reached|struck|signed|concluded|sealed|finali[sz]ed)\b"
    r"|\b(?:deal|agreement|pact|accord)\s+(?:signed|reached|struck|concluded|sealed)\s+(?:on|last|in|this|earlier|at)\b"
)
_MODAL_BEFORE = cues.blind(r"\b(?:will|would|could|can|may|might|to|shall|should)\s+(?:\w+\s+)?$")


def _blocked(clause: str, cue: re.Match[str]) -> bool:
    """Whether a demand, wish, condition or denial governs the cue (looked for just before it)."""
    window = clause[max(0, cue.start() - 50) : cue.end()]
    cut = max(window.rfind(","), window.rfind(";"))
    if cut >= 0 and cut < cue.start() - max(0, cue.start() - 50):
        window = window[cut + 1 :]
    return bool(cues.NOT_A_FACT.search(window))


def _deal(clause: str) -> bool:
    """Whether the clause says a trade agreement was reached, signed or concluded."""
    for verb in cues.DEAL_VERB.finditer(clause):
        if not _DEAL_OBJECT.match(clause[verb.end() : verb.end() + 80]):
            continue
        if _MODAL_BEFORE.search(clause[max(0, verb.start() - 25) : verb.start()]) or _blocked(clause, verb):
            continue
        return True
    passive = _DEAL_PASSIVE.search(clause)
    return bool(passive and not _blocked(clause, passive))


_ADJECTIVE_PAUSE = cues.blind(
    r"\b(?:the|its|his|their|a)\s+(?:suspended|paused|delayed|deferred)\s+(?:[\w-]+\s+)?"
    r"(?:tariffs?|duties|levies|reciprocal|increase|hike)"
    r"|\b(?:before|after|since|until|when)\s+(?:the\s+)?(?:[\w’'-]+\s+){0,4}(?:was|were|had\s+been)\s+"
    r"(?:suspended|paused|delayed|deferred)\b"
)
_MODAL = cues.blind(r"\b(?:could|might|may|perhaps|possibly)\b")
_NO_PAUSE = cues.blind(
    r"\b(?:did|does|do)\s+not\s+(?:impose|introduce|levy)|no\s+longer\s+extend|not\s+extend|seek|seeking"
)
_REMAINING = cues.blind(
    r"\b(?:leaving|keeping|maintaining|remain|remains|still\s+in\s+effect|in\s+place|continue\s+to\s+pay)\b"
)
_INCLUDING = cues.blind(r"\bincluding\b")
_CONDITION = cues.blind(r"\b(?:unless|if|provided|until|as\s+long\s+as)\b")


_OTHER_MEASURE = cues.blind(
    r"\s+(?:and|as\s+well\s+as|while|but|plus)\s+(?:the\s+|a\s+)?(?:new\s+|other\s+|\w+\s+){0,2}"
    r"(?:levies|tariffs|duties|levy|tariff|duty)\b"
)


def _near_sectors(clause: str, start: int, end: int) -> list[str]:
    """Sectors named close to a rate or tariff word (not elsewhere in a long clause)."""
    stop = end + 130
    other = _OTHER_MEASURE.search(clause, end, stop)
    if other:
        stop = other.start()
    low = max(0, start - 60)
    return distinct([m for m in find_sectors(clause) if low <= m.start and m.end <= stop])


def _read_clause(
    clause: str,
    sentence: str,
    resolve: Callable[[], Parties],
    dates_of: Callable[[], list[DateMention]],
    ctx: Context,
    deal_in_sentence: bool,
    mentions: list[Mention] | None = None,
) -> list[Fact]:
    mentions = mentions if mentions is not None else []
    facts: list[Fact] = []
    rates = _rates(clause)
    same = _SAME_RATE.search(clause) if not rates and ctx.last_rate is not None else None
    if same and ctx.last_rate is not None:
        rates = [Rate(value=ctx.last_rate, start=same.start(), end=same.end())]  # "imposed the same tariff"
    scan = _masked(clause)
    tariff_words = list(cues.TARIFF_WORD.finditer(scan))
    tariff_word = tariff_words[0] if tariff_words else None
    has_tariff = bool(tariff_word or rates)
    first_anchor = min([w.start() for w in tariff_words] + [r.start for r in rates] + [len(clause)])
    if cues.HEAD_BLOCK.search(clause[:first_anchor]):
        # "if talks fail, tariffs ...", "urged Washington to drop the tariffs"; but a pause said to end on a
        # day is stated as a fact even in "decide whether to extend the truce that expires on August 12".
        return _stated_pause(clause, sentence, _parties(clause, mentions, ctx), dates_of(), ctx)
    authority = _authority(clause)

    # Deals and talks: the first party named acts, the others are the targets.
    deal_verb = _deal(clause)
    talks = cues.TALKS.search(clause)
    if deal_verb:
        first = _parties(clause, mentions, ctx, prefer_first=True)
        facts.append(_fact("deal", first, sentence))
    elif not deal_in_sentence and talks and cues.TALKS_EVENT.search(clause) and not _blocked(clause, talks):
        first = _parties(clause, mentions, ctx, prefer_first=True)
        when = dates_of()
        facts.append(_fact("negotiation", first, sentence, effective=when[0].value if when else None))

    withdraw = cues.WITHDRAW.search(clause)
    if withdraw and cues.AGREEMENT_NOUN.search(clause) and not _blocked(clause, withdraw):
        quitter = _parties(clause, mentions, ctx, at=withdraw.start())
        targets = (ANY,) if cues.MULTILATERAL.search(clause) else quitter.targets
        facts.append(
            _fact("withdrawal", Parties(imposer=quitter.imposer, targets=targets, subject_named=True), sentence)
        )

    retaliation = cues.RETALIATION.search(clause)
    zero = cues.ZERO.search(clause)
    relief = cues.RELIEF.search(clause)
    if not (has_tariff or zero or retaliation or relief or cues.PAUSE.search(clause)):
        return facts
    parties = resolve()
    dates = dates_of()
    effective = _effective(clause, dates)
    if not has_tariff and not zero:
        if (
            retaliation
            and parties.imposer != "US"
            and re.search(r"\bretaliat", clause, re.I)
            and not _blocked(clause, retaliation)
        ):
            facts.append(_fact("tariff", parties, sentence, status=_status(clause), authority="countermeasure"))
        relief_cue = cues.RELIEF.search(clause)
        if (
            relief_cue
            and not cues.PAUSE.search(clause)
            and cues.TARIFF_WORD.search(sentence)
            and not _blocked(clause, relief_cue)
        ):
            # "... raised tariffs on Mexican goods, but has exempted imports under the USMCA": relief.
            facts.append(_fact("relief", parties, sentence, sector=_first_sector(clause)))
            return facts
        if not cues.PAUSE.search(clause):
            return facts

    # Pauses: a suspension, delay, reprieve or truce of a tariff, or a promise not to impose one.
    pause = None
    for cue in cues.PAUSE.finditer(_ADJECTIVE_PAUSE.sub(lambda m: "x" * len(m.group(0)), clause)):
        near = clause[max(0, cue.start() - 70) : cue.end() + 70]
        if re.match(r"\s*(?:\w+\s+){0,4}(?:exclusions?|exemptions?)\b", clause[cue.end() : cue.end() + 60], re.I):
            continue  # "extended the product exclusions": relief, not a pause
        if cue.group(0).startswith("not ") and not cues.NOT_IMPOSE_BOUND.search(sentence):
            continue  # "would not impose retaliatory tariffs": a decision, not a pause (see NOT_IMPOSE_BOUND)
        if cues.TARIFF_WORD.search(near) or re.search(
            r"truce|reprieve|deadline|pause|countermeasures|counter-measures", near, re.I
        ):
            pause = cue
            break
    not_impose = cues.NOT_IMPOSE.search(clause)
    if not_impose and not cues.NOT_IMPOSE_BOUND.search(sentence):
        return facts  # a decision not to tax, with no bargain or time to it: no fact at all
    pause = pause or not_impose
    if pause and not _NO_PAUSE.search(clause) and not _blocked(clause, pause):
        facts.extend(_pauses(clause, sentence, parties, rates, dates, ctx, authority, pause.start()))
        return facts

    lift = cues.LIFT.search(clause)
    if lift and not tariff_word:
        lift = None
    if lift and first_anchor < lift.start() and _CONDITION.search(clause, first_anchor, lift.start()):
        lift = None  # "200% tariffs on wine unless the EU drops its whiskey tariff": the tariff is the fact
    lift_cue = lift or zero
    if lift_cue and cues.CONSIDERED.search(clause[: lift_cue.start()]):
        return facts  # a cut or removal under consideration is a proposal, not a fact
    if lift_cue and not _blocked(clause, lift_cue):
        facts.extend(_lifts(clause, sentence, parties, rates, mentions, ctx, authority, zero_only=not lift))
        return facts

    if (
        relief
        and relief.group(0).lower() == "relief"
        and re.search(r"\b(?:the|this|that)\s+$", clause[max(0, relief.start() - 6) : relief.start()])
    ):
        relief = None  # "regardless of the relief": a reference back, not a new statement
    rates_outside_relief = rates
    if relief and not _blocked(clause, relief) and not cues.CONSIDERED.search(clause[: relief.start()]):
        relief_rates = [r for r in rates if not _REMAINING.search(clause)]
        # "a 100% tariff on drugs unless companies build plants here": the tariff and its relief.
        conditional = bool(rates) and rates[0].end < relief.start()
        # One relief per statement: it covers the goods named right after the cue ("exempted auto parts").
        covered = distinct(find_sectors(clause[relief.end() : relief.end() + 60]))[:1] or distinct(find_sectors(clause))
        for sector in _each(covered if not conditional else []):
            facts.append(
                _fact(
                    "relief",
                    parties,
                    sentence,
                    sector=sector if not conditional else None,
                    rate=relief_rates[0].value if relief_rates and not conditional else None,
                    effective=effective,
                    authority=authority,
                )
            )
        if conditional:
            facts[-1] = _fact("relief", parties, sentence, sector=_first_sector(clause), effective=effective)
        if not conditional and not re.search(r"\b(?:eased|ease)\b", clause, re.I):
            return facts
        rates_outside_relief = [r for r in rates if r.end < relief.start()] if conditional else rates

    if not has_tariff:
        return facts
    span = (tariff_word.start(), tariff_word.end()) if tariff_word else (rates[0].start, rates[0].end)
    if _blocked_span(clause, *span):
        return facts
    if not rates and not any(_policy(scan, w) for w in tariff_words):
        return facts
    status = _status(clause, span, effective, ctx.published)
    groups = _sector_groups(clause, rates_outside_relief, tariff_words)
    including = _INCLUDING.search(clause)
    if including and rates and including.start() < rates[0].start and groups and groups[0][1]:
        facts.append(_fact("tariff", parties, sentence, status=status, effective=effective, authority=authority))
    for rate, sectors in groups:
        limits = _rate_limits(rate, rates_outside_relief, len(clause)) if rate else None
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
                    status=_status(clause, (rate.start, rate.end), effective, ctx.published, limits)
                    if rate
                    else status,
                    authority=authority,
                )
            )
    return facts


def _rate_limits(rate: Rate, rates: list[Rate], size: int) -> tuple[int, int]:
    """The stretch of the clause that speaks of `rate`: from the end of the rate before it to the start of the
    next one, and never past the words that introduce the rate it replaced."""
    low = max([r.end for r in rates if r.end <= rate.start] or [0])
    high = min([r.start for r in rates if r.start >= rate.end] or [size])
    if rate.scope_end is not None:
        high = min(high, rate.scope_end)
    return low, high


def _policy(scan: str, word: re.Match[str]) -> bool:
    """Whether a tariff word is the object or subject of a policy verb, not just a topic."""
    before = scan[max(0, word.start() - 50) : word.start()]
    after = scan[word.end() : word.end() + 40]
    if _TOPIC_BEFORE.search(before):
        return False  # "negotiations with the U.S. on the reciprocal tariff": what talks are about
    return bool(cues.POLICY_BEFORE.search(before) or cues.POLICY_AFTER.search(after))


@lru_cache(maxsize=64)
def _masked(clause: str) -> str:
    """The clause with "tariff" words that name something else blanked out ("tariff talks", "tariff-free")."""
    return cues.TARIFF_COMPOUND.sub(lambda m: " " * len(m.group(0)), clause)


def _first_sector(clause: str) -> str | None:
    found = distinct(find_sectors(clause))
    return found[0] if found else None


def _blocked_span(clause: str, start: int, end: int) -> bool:
    window = clause[max(0, start - 50) : end]
    cut = max(window.rfind(","), window.rfind(";"))
    if cut >= 0 and cut < start - max(0, start - 50):
        window = window[cut + 1 :]
    return bool(cues.NOT_A_FACT.search(window))


_PAUSE_NOUN_ENDS = cues.blind(
    r"\b(?:pause|truce|reprieve|suspension|grace\s+period)\b[^;]{0,40}?\b(?:expires?|ends?|set\s+to\s+(?:end|expire)|"
    r"due\s+to\s+(?:end|expire)|runs?\s+out|lapses?)\b"
)


def _stated_pause(clause: str, sentence: str, parties: Parties, dates: list[DateMention], ctx: Context) -> list[Fact]:
    """A pause the clause states as a fact by naming its end, whatever it says about extending it."""
    stated = _PAUSE_NOUN_ENDS.search(clause)
    if not stated or not dates:
        return []
    ends = [d for d in dates if d.start >= stated.start()]
    if not ends:
        return []
    sides = [parties]
    if re.search(r"\btruce\b|\bmutual", clause, re.I) and parties.targets and parties.targets[0] != ANY:
        sides.append(Parties(imposer=parties.targets[0], targets=(parties.imposer,), subject_named=True))
    return [_fact("pause", side, sentence, until=ends[0].value) for side in sides]


def _left_in_force(clause: str, rate: Rate) -> bool:
    """Whether a rate is what a pause leaves in force ("leaving a 10% baseline", "10% ..., which remains")."""
    for cue in _REMAINING.finditer(clause):
        leaving = cue.group(0).lower() in {"leaving", "keeping", "maintaining"}
        if leaving and rate.start > cue.start():
            return True
        if not leaving and 0 <= cue.start() - rate.end <= 60:
            return True
    return False


def _pauses(
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
        facts.append(_fact("tariff", parties, sentence, rate=r.value, status=_status(clause), authority=authority))
    explicit = _explicit_until(clause, dates)
    if _MODAL.search(clause) and explicit is None:
        return facts  # "could extend the pause": speculation, unless it states when the pause ends
    until = explicit or (_pause_until(clause, dates, ctx.published) if ctx.published else None)
    sides = [parties]
    if re.search(r"\btruce\b|\bboth\s+sides\b|\bmutual", clause, re.I):
        other = parties.targets[0] if parties.targets and parties.targets[0] != ANY else None
        if other:
            sides.append(Parties(imposer=other, targets=(parties.imposer,), subject_named=True))
    paused_rates = [r for r in rates if not _left_in_force(clause, r)]
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
            facts.append(_fact("tariff", parties, sentence, rate=left.value, status="in_effect", authority=authority))
    return facts


def _lifts(
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
    groups = _sector_groups(clause, [r for r in rates if r.value > 0])
    if _INCLUDING.search(clause) and groups and (groups[0][0] is not None or groups[0][1]):
        facts.append(_fact("lift", lifter, sentence, authority=authority))
    for rate, sectors in groups:
        for sector in _each(sectors):
            facts.append(
                _fact("lift", lifter, sentence, sector=sector, rate=rate.value if rate else None, authority=authority)
            )
    if re.search(r"\b(?:or|and)\s+reduce\b", clause, re.I):
        for _rate, sectors in groups:
            for sector in _each(sectors):
                facts.append(_fact("tariff", lifter, sentence, sector=sector, status="announced"))
    return facts
