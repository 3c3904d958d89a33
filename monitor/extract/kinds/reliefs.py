"""Reliefs: an exemption, exclusion, reimbursement or condition that narrows a tariff."""

from __future__ import annotations

import re
from dataclasses import replace

from monitor.extract import vocabulary as vocab
from monitor.extract.clauses import blocked, blocked_span, masked, offered
from monitor.extract.facts import Fact
from monitor.extract.gazetteer import ANY, CAPITAL, DEMONYM, NAME
from monitor.extract.kinds import Clause, make_fact
from monitor.extract.matching import blind
from monitor.extract.parties import Parties, acting_office
from monitor.extract.rates import Rate, find_rates
from monitor.extract.sectors import distinct, each, find_sectors, first_sector
from monitor.extract.timing import effective_date

# A relief verb whose object is the tariff itself sets the tariff aside from something else.
_TARIFF_OBJECT = blind(r"\s+(?:the\s+|its\s+|their\s+)?(?:existing\s+|current\s+)?(?:tariffs|duties|levies)\s+on\b")
# A duty-free quota with words between ("a duty-free rice import quota"): tariff-free access within limits.
_FREE_QUOTA = blind(r"\b(?:duty|tariff)[- ]free\s+(?:[\w-]+\s+){1,3}?quotas?\b")
# "excluding China" after a measure: the party is left out of it, which is no relief of its own.
_EXCEPTION = re.compile(r"(?:excluding|except)\s+(?:for\s+)?(?:the\s+)?[A-Z]")
_EASED = blind(r"\b(?:eased|ease)\b")
# Being left out of a measure: "will be excluded", "are exempt", "was exempted", "an exemption was granted".
_SPARED = blind(
    r"\b(?:be|been|are|is|was|were|remain|remains)\s+(?:\w+\s+)?(?:exempt|exempted|excluded|spared)\b|"
    r"\b(?:exemption|exclusion)s?\s+(?:was|were|has\s+been|have\s+been|is|are)\s+(?:granted|given|made)\b|"
    r"^\W*(?:exempted|excluded|exempt)\b|"
    # A headline's participle: "Crude oil exempted".
    r"^\W*(?:[\w-]+\s+){1,3}(?:exempted|excluded)\W*$"
)
# The measure just stated, named back as the subject of an active relief: "The measure will exempt firms that
# build plants here", "The order also exempts crude oil".
_MEASURE_SPARES = blind(
    r"^\W*(?:the|this|that)\s+(?:new\s+)?(?:measure|order|proclamation|policy|rule|levy|plan)\s+(?:\w+\s+){0,2}?"
    r"(?:exempts|exempt|excludes|exclude|spares|spare)\b"
)
_HEADLINE_SPARED = blind(r"^\W*(?:[\w-]+\s+){1,3}(?:exempted|excluded|spared)\W*$")
_WHILE_SPARING = blind(
    r"\s+while\s+(?:also\s+)?(?:exempting|excluding|sparing|waiving|granting\s+(?:an\s+)?(?:exemptions?|exclusions?|"
    r"waivers?)\s+(?:for|to))\b"
)
# Goods left out of a tariff stated just before: "a 10% tariff on all imports, excluding energy and drugs",
# "duties on every car except electric ones". What follows names the goods spared.
_EXCEPT = blind(
    r"(?:,\s*|\s+)(?:excluding|except(?:\s+for)?|exempting|with\s+the\s+exception\s+of|other\s+than|"
    r"apart\s+from|save\s+for|barring)\s+"
)
# Items of a list with commas, up to the "and" or "or" before its last item: "copper, energy and ", "aircraft,
# orange juice, or ".
_COMMA_LIST = blind(r"(?:[\w'-]+\s+){0,3}?[\w'-]+(?:\s*,\s*(?:[\w'-]+\s+){0,3}?[\w'-]+)+\s*,?\s+(?:and|or)\s+")
# A tariff said not to apply to goods leaves them out of it: "the 25% tariff will not apply to Canadian energy",
# "the duties do not cover steel"; or the goods said not to be subject to it ("drugs are not subject to ...").
_NEGATED = r"(?:does|do|did|will|would|shall)\s+not|doesn't|don't|didn't|won't|wouldn't|doesn’t|don’t|won’t"
_NOT_APPLIED = blind(rf"\b(?:{_NEGATED})\s+(?:be\s+)?(?:apply|applied|cover|covered)\b(?:\s+to\b)?")
_NOT_SUBJECT = blind(
    rf"\b(?:(?:is|are|was|were|will\s+be|would\s+be)\s+not|isn't|aren't|(?:{_NEGATED})\s+be)\s+subject\s+to\b"
)
_STILL_SPARED = blind(r"\s+(?:\w+ly\s+)?(?:exempt|exempted|excluded|spared)\b")
_FROM_START = blind(r"^\s*(?:\w+\s+)?from\b")
# A tariff the relief is from, named only by a determiner ("an exemption from his tariffs", "spared from the
# duties", "exclusions to the tariffs"): one the article has already stated.
_FROM_KNOWN_TARIFF = re.compile(
    # (The sides spared, by name, may stand between: "exempt Canada, Mexico and Australia from the tariffs".)
    r"^(?:\s+(?:[A-Z][\w.'’-]*|and|or|the)(?:,|\s+and\b|\s+or\b)?){0,8}?\s*(?i:(?:from|to)\s+"
    r"(?:the|his|her|its|their|these|those|this|that|such)\s+(?:[\w-]+\s+)?"
    r"(?:tariffs?|duty|duties|levy|levies)\b)"
)
_FROM_WORD = blind(r"\bfrom\b")
# The goods a relief is on, named right after it ("exemptions on steel and aluminum"), up to the side spared, its
# source or its time.
_ON_GOODS = blind(r"^\s*on\s")
_GOODS_STOP = re.compile(r"\s(?:to|from|for|until|till|in|by|under|as)\s|[;(]", re.I)
_REFERENCE_BACK = re.compile(r"\b(?:the|this|that)\s+$")
# Pressing someone to grant relief is a demand, not the relief: "put pressure on Ottawa to exempt ...",
# "pressing Seoul to ease the duties".
_PRESSED = blind(
    r"\b(?:pressure|pressures|pressured|pressuring|pressing|pressed|push|pushing|pushed)\s+"
    r"(?:on\s+)?(?:[\w.'\u2019-]+\s+){0,5}?to\s+(?:\w+\s+)?$"
)


def _repays_other(clause: str, cue: re.Match[str]) -> bool:
    """Whether a relief word of money at `cue` pays back or makes up for something other than a duty ("offset its
    losses from the tariffs", "reimburse the association for its legal costs")."""
    return bool(
        cue.group(0).lower() in vocab.MONEY_RELIEF
        and (
            vocab.RELIEF_OTHER_OBJECT.match(clause[cue.end() : cue.end() + 90])
            or vocab.BALANCED_BY.match(clause, cue.end())
        )
    )


def quota_relief(clause: str) -> re.Match[str] | None:
    """Tariff-free access within limits ("duty-free access for 38,000 tonnes"): a relief, not a lift."""
    found = vocab.QUOTA_RELIEF.search(clause)
    if found and vocab.QUOTA_WORD.search(clause):
        return found
    # "a duty-free rice import quota", "a duty-free country-specific quota": the quota named with its goods.
    return _FREE_QUOTA.search(clause)


def _spares_other(clause: str, cue: re.Match[str]) -> bool:
    """Whether the relief at `cue` spares a rule other than a tariff ("exempted its firms from the visa
    requirement", "waived the notice requirement", "a refund of the VAT"): no relief of a tariff."""
    return bool(vocab.RELIEF_NON_TARIFF.match(clause[cue.end() : cue.end() + 120]))


def _other_sense(clause: str, cue: re.Match[str]) -> bool:
    """Whether the relief word at `cue` is used in a sense that narrows no tariff: "relief" as a feeling, a rally
    or aid paid to those hurt ("a sigh of relief", "a relief package for farmers", "$12 billion in relief"),
    "eased" with no object (its subject eased: "tensions eased"), "offset" of something other than a tariff ("to
    offset the drag from the tariffs", "the tariffs offset gains"), or an exemption of no one ("exclude no
    country")."""
    word = cue.group(0).lower()
    after = clause[cue.end() :]
    before = clause[max(0, cue.start() - 30) : cue.start()]
    if _OTHER_LEVY_BEFORE.search(before):
        return True  # "tax-exempt bonds", "a visa exemption": spared some other charge or rule, not a tariff
    if word == "relief":
        if vocab.RELIEF_FELT.search(before) and not vocab.RELIEF_FROM_AFTER.match(after):
            return True  # "greeted the news with relief": a feeling
        return bool(_RELIEF_OTHER_AFTER.match(after) or _RELIEF_OTHER_BEFORE.search(before))
    if word in {"eased", "ease"}:
        return bool(_NO_OBJECT_AFTER.match(after))
    if word == "offset":
        return not _TARIFF_OBJECT_NEAR.match(after)
    if word.startswith("exclu") and _SHUT_OUT_OF.match(after):
        return True  # "exporters excluded from the Chinese market": shut out, not spared
    return bool(_NONE_AFTER.match(after))


# An exemption from something other than a tariff named in the compound: "tax-exempt", "visa exemption".
_OTHER_LEVY_BEFORE = re.compile(r"\b(?:tax|income|sales|vat|visa|military|religious|debt|estate)[\s-]$", re.I)
# "relief" meaning aid or a feeling: "a relief rally", "relief payments", "sigh of relief", "$12 billion in relief".
_RELIEF_OTHER_AFTER = re.compile(
    r"\s+(?:rally|rallies|package|packages|payments?|aid|funds?|funding|programs?|programmes?|checks?|cheques?|"
    r"money|bill|efforts?|agency|agencies|work|workers|supplies)\b",
    re.I,
)
_RELIEF_OTHER_BEFORE = re.compile(
    r"\b(?:sighs?|sense|breath|feeling)\s+of\s+$|(?:\d|billion|million)\s+(?:dollars\s+)?in\s+$|\bdisaster\s+$", re.I
)
# A verb with no object after it, used intransitively: "tensions eased after the talks", "prices eased."
_NO_OBJECT_AFTER = re.compile(
    r"\s*(?:$|[,.;:)]|\s(?:after|as|when|on|in|since|slightly|somewhat|further|back|by|to|from|amid|following|while|"
    r"and|but|once|because|considerably|sharply|markedly|a\s+bit|a\s+little)\b)",
    re.I,
)
# What "offset" narrows when it is a relief: a tariff named as its object ("offset the duties paid").
_TARIFF_OBJECT_NEAR = re.compile(
    r"\s+(?:(?:the|its|their|his|her|some|part\s+of\s+the|all)\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:tariffs?|duty|duties|levy|levies|surtax|surcharges?)\b",
    re.I,
)
# "Excluded from" a place, a gathering or a deal shuts out; it spares no one a tariff.
_SHUT_OUT_OF = re.compile(
    r"\s+from\s+(?:the\s+|its\s+|their\s+|a\s+)?(?:[\w-]+\s+){0,2}?(?:markets?|talks|negotiations|meetings?|"
    r"summits?|bloc|club|group|process|partnership|pact|agreement|deal|tenders?|bidding|contracts?|networks?)\b",
    re.I,
)
# An exemption granted to no one: "the tariffs exempt no country", "exclude none".
_NONE_AFTER = re.compile(r"\s+(?:no|none)\b", re.I)


def _denied(clause: str, cue: re.Match[str]) -> bool:
    """Whether the relief at `cue` is denied right before it ("has not exempted beef", "declined to exclude
    them", "without an exemption"), only named as what talks are about ("negotiating an exemption for cars") or
    aimed at ("in a bid to win an exemption"), or an idea that is the subject of its clause ("Exempting cars
    would cost billions")."""
    before = clause[max(0, cue.start() - 40) : cue.start()]
    if _other_sense(clause, cue):
        return True  # "a sigh of relief", "tensions eased", "to offset the drag": no tariff narrowed
    if cue.start() < 12 and vocab.GERUND_SUBJECT.match(clause):
        return True  # "Exempting cars from the levy would cost billions": an idea talked about
    if vocab.CAPACITY_BEFORE.search(clause, max(0, cue.start() - 60), cue.start()) or vocab.WOULD_IN_QUESTION.search(
        clause, max(0, cue.start() - 100), min(len(clause), cue.end() + 25)
    ):
        return True  # "the flexibility to approve exemptions", "the process by which exemptions would be made"
    return bool(
        vocab.DENIED_BEFORE.search(before)
        or vocab.REFUSED_FRAME_BEFORE.search(clause, max(0, cue.start() - 130), cue.start())
        or vocab.TALKED_OF_BEFORE.search(before)
        or vocab.AIMED_BEFORE.search(clause[max(0, cue.start() - 60) : cue.start()])
    )


def relief_without_tariff(c: Clause) -> list[Fact]:
    """A relief stated in a clause that names no tariff of its own ("... but has exempted imports under
    the USMCA"), when the sentence is about tariffs."""
    cue = vocab.RELIEF.search(c.text)
    if (
        not cue
        or vocab.PAUSE.search(c.text)
        or blocked(c.text, cue)
        or offered(c.text, cue)
        or vocab.CONSIDERED.search(c.text[: cue.start()])  # "left open the potential to be exempted"
        or _EXCEPTION.match(c.text[cue.start() :])  # "suspended for 90 days, excluding China"
        or _PRESSED.search(c.text[: cue.start()])
        or _denied(c.text, cue)
        or _spares_other(c.text, cue)
        or _repays_other(c.text, cue)
    ):
        return []
    if vocab.TARIFF_WORD.search(masked(c.sentence)):
        # The tariff narrowed is the one the sentence states ("raised tariffs on X to 25%, but has exempted
        # ..."): its rate, when it states only one.
        stated = {r.value for r in find_rates(c.sentence)}
        rate = stated.pop() if len(stated) == 1 else None
        own = first_sector(c.text)
        # A relief naming no goods of its own narrows the tariff stated before it in the sentence, on its goods
        # ("imposed duties on steel and aluminum while granting relief to some allies"): one relief per kind.
        start = c.sentence.find(c.text)
        before = distinct(find_sectors(c.sentence[:start])) if own is None and start > 0 else []
        sectors = [own] if own else each(before if len(before) < 3 else [])
        return [make_fact("relief", _granter(c), c.sentence, sector=sector, rate=rate) for sector in sectors]
    return _relief_referring_back(c)


def _granter(c: Clause) -> Parties:
    """The parties of a relief in a clause of its own after the tariff it narrows: a passive relief with no agent
    ("..., though exemptions were later offered to Mexico") is granted by the side the clause before names as
    taxing (contract: a relief's imposer is the taxing side's), not by the subject of the sentence's main clause."""
    parties = c.resolve()
    previous = getattr(c.resolve, "previous", None)
    if previous is None or parties.subject_named or not vocab.PASSIVE_RELIEF.search(c.text):
        return parties
    taxing = previous()
    if not taxing.imposer_named or taxing.imposer in parties.targets:
        return parties
    return replace(parties, imposer=taxing.imposer)


def _relief_referring_back(c: Clause) -> list[Fact]:
    """An exemption that names no tariff refers back to the tariff just stated ("Steel will face a 25% duty.
    Canada and Mexico will be exempted."): that measure's actor and goods, the parties named here spared."""
    recent = c.ctx.recent
    if not recent and _HEADLINE_SPARED.match(c.text):
        # A subheading ("Crude oil exempted") speaks of the article's measure however far back it was stated.
        recent = [f for f in c.ctx.stated if f.evidence == c.ctx.stated[-1].evidence] if c.ctx.stated else []
    if not recent or not (
        _SPARED.search(c.text)
        or vocab.LIST_REMOVAL.search(c.text)
        or _MEASURE_SPARES.search(c.text)
        or vocab.RELIEF_HANDED.search(c.text)
    ):
        return []
    imposer, targets_before = acting_office(c.mentions, recent[-1])
    spared = [m.code for m in c.mentions if m.code not in {imposer, ANY} and m.form in {NAME, DEMONYM, CAPITAL}]
    targets = tuple(dict.fromkeys(spared)) or targets_before
    own = first_sector(c.text)
    sectors = [own] if own else list(dict.fromkeys(f.sector for f in recent if f.imposer == imposer)) or [None]
    named = bool(spared)
    parties = Parties(imposer=imposer, targets=targets, subject_named=True, imposer_named=False, targets_named=named)
    # Three kinds of goods or more is a package: one relief on all of it.
    return [make_fact("relief", parties, c.sentence, sector=s) for s in (sectors if len(sectors) < 3 else [None])]


def _covered(clause: str, relief: re.Match[str]) -> list[str]:
    """The sectors a relief covers, named right after its cue: the goods spared ("exempted auto parts and
    steel from the tariffs"), or the goods of the tariff they are spared from ("exempted from the steel and
    aluminum tariffs"). One kind of goods named before others is the one spared ("exempted cars from the
    tariffs on steel")."""
    after = clause[relief.end() : relief.end() + 60]
    source = _FROM_START.match(after)
    if source:
        word = vocab.TARIFF_WORD.search(after, source.end())
        return distinct(find_sectors(after[: word.end() if word else len(after)]))
    listed = _ON_GOODS.match(after)
    if listed:
        # "exemptions on steel and aluminum for Peru": every kind of goods the relief is on.
        stop = _GOODS_STOP.search(after, listed.end())
        return distinct(find_sectors(after[: stop.start() if stop else len(after)]))
    spared = _FROM_WORD.search(after)
    if spared:
        return distinct(find_sectors(after[: spared.start()]))
    return distinct(find_sectors(after))[:1]


def _goods_referred_back(c: Clause, relief: re.Match[str], parties: Parties) -> list[str]:
    """The goods of a tariff the relief names only by a determiner ("a two-week waiver from its duties"):
    those of the last sentence stating a tariff on named goods by the same side, however far back; none where
    that sentence names three kinds of goods or more (a package, as in `_relief_referring_back`)."""
    if not _FROM_KNOWN_TARIFF.match(c.text[relief.end() : relief.end() + 60]):
        return []
    earlier = [f for f in c.ctx.stated if f.imposer == parties.imposer and f.sector is not None]
    if not earlier:
        return []
    last = earlier[-1].evidence
    sectors = list(dict.fromkeys(f.sector for f in earlier if f.evidence == last and f.sector is not None))
    return sectors if len(sectors) < 3 else []


def _targets_referred_back(c: Clause, parties: Parties) -> tuple[str, ...]:
    """The sides hit by the tariff a relief names only by a determiner (see `_goods_referred_back`)."""
    earlier = [f for f in c.ctx.stated if f.imposer == parties.imposer and f.sector is not None]
    last = earlier[-1].evidence
    return tuple(dict.fromkeys(t for f in earlier if f.evidence == last for t in f.targets)) or parties.targets


def read_not_applied(c: Clause) -> list[Fact]:
    """A tariff said not to apply to some goods ("the 25% tariff will not apply to Canadian energy", "drugs are
    not subject to the 15% levy"): a relief for those goods at its rate, and no tariff fact (the tariff is only
    the object of the relief). Empty where the clause says no such thing."""
    applied = _NOT_APPLIED.search(c.text)
    subject = None if applied else _NOT_SUBJECT.search(c.text)
    cue = applied or subject
    # The tariff comes before "does not apply" and after "is not subject to".
    if not cue or not c.tariff_word or (c.first_anchor > cue.start()) != bool(subject):
        return []
    if (
        blocked_span(c.text, cue.start(), cue.start())
        or vocab.CONSIDERED.search(c.text[: cue.start()])
        or vocab.CONDITION.search(c.text, cue.end())  # "would not apply to Mexico if it ...": an offer
    ):
        return []
    goods = c.text[cue.end() :] if applied else c.text[: cue.start()]
    stated = {r.value for r in c.rates}
    rate = stated.pop() if len(stated) == 1 else None
    parties, effective = c.resolve(), effective_date(c.text, c.dates_of())
    spared = distinct(find_sectors(goods))
    return [
        make_fact("relief", parties, c.sentence, sector=sector, rate=rate, effective=effective, authority=c.authority)
        for sector in each(spared if len(spared) < 3 else [])
    ]


def read_exception(c: Clause) -> tuple[list[Fact], Clause] | None:
    """Goods named as left out of the tariff the clause states before them ("a 10% tariff on all imports,
    excluding energy and pharmaceuticals"): one relief per kind of goods, at the tariff's rate, and the clause
    without the exception for the tariff itself, so the goods spared are not read as the goods taxed. None
    where no such exception names goods ("excluding China" leaves a party out, which is no relief)."""
    anchor = c.first_anchor
    cue = _EXCEPT.search(c.text, anchor)
    if not cue or anchor >= len(c.text) or blocked(c.text, cue) or vocab.CONSIDERED.search(c.text[: cue.start()]):
        return None
    # The goods up to the end of the list: a clause after it ("..., which ...") is about something else. The
    # commas of a list closed by "and" or "or" ("copper, energy and wine") are inside it.
    listed = _COMMA_LIST.match(c.text, cue.end())
    after = listed.end() if listed else cue.end()
    stop = re.search(r"[,;(]\s*(?!and\b|or\b)|\s+(?:which|that|from|starting|effective|as)\b", c.text[after:])
    end = after + stop.start() if stop else len(c.text)
    spared = distinct(find_sectors(c.text[cue.end() : end]))
    if not spared or len(spared) > 3 or distinct(find_sectors(c.text[: cue.start()])):
        return None  # no goods named, a package, or the tariff itself on named goods (then which is spared is unclear)
    before = {r.value for r in c.rates if r.end <= cue.start()}
    rate = before.pop() if len(before) == 1 else None
    # The exception is blanked out, not cut, so what follows it ("..., which face 50%") is still read where
    # it stands.
    return _spared(c, spared, rate), _blanked(c, cue.start(), end)


def _spared(c: Clause, sectors: list[str] | list[str | None], rate: float | None) -> list[Fact]:
    """One relief per kind of goods spared from the clause's tariff, at its rate."""
    parties = c.resolve()
    effective = effective_date(c.text, c.dates_of())
    return [
        make_fact("relief", parties, c.sentence, sector=sector, rate=rate, effective=effective, authority=c.authority)
        for sector in sectors
    ]


def _blanked(c: Clause, start: int, end: int) -> Clause:
    """The clause with the words from `start` to `end` blanked out (offsets of the rest unchanged)."""
    gap = " " * (end - start)
    return replace(
        c,
        text=c.text[:start] + gap + c.text[end:],
        scan=c.scan[:start] + gap + c.scan[end:],
        rates=[r for r in c.rates if r.end <= start or r.start >= end],
        tariff_words=[w for w in c.tariff_words if w.end() <= start or w.start() >= end],
        mentions=[m for m in c.mentions if m.end <= start or m.start >= end],
    )


def read_beside(c: Clause) -> tuple[list[Fact], Clause] | None:
    """A relief in a participle after "while" beside the tariff the clause states ("kept its 30% duty on steel
    while exempting aluminum", "raised its tariff on salmon to 20% while sparing smoked fish"): one relief per
    kind of goods it names, at the tariff's rate, and the clause without it, so the tariff is read from its own
    words. None where no such participle follows a rate."""
    beside = _WHILE_SPARING.search(c.text)
    if not beside or blocked(c.text, beside) or vocab.CONSIDERED.search(c.text[: beside.start()]):
        return None
    before = {r.value for r in c.rates if r.end <= beside.start()}
    if not before:
        return None
    end = len(c.text.rstrip(" ."))
    # Spared from another tariff of its own ("while exempting Chile from its steel duty"): not this rate.
    rate = before.pop() if len(before) == 1 and not vocab.TARIFF_WORD.search(c.text, beside.end(), end) else None
    spared = distinct(find_sectors(c.text[beside.end() : end]))
    return _spared(c, each(spared if len(spared) < 3 else []), rate), _blanked(c, beside.start(), end)


def read_relief(c: Clause) -> tuple[list[Fact], list[Rate], bool]:
    """The relief a clause with a tariff states: its facts, the rates left for tariff facts, and whether
    the clause is done (a relief that is not a condition of the tariff is the whole statement)."""
    clause, rates = c.text, c.rates
    # "excluding Canada" leaves a party out of what the clause counts or taxes: no relief of its own (as in
    # `relief_without_tariff`); a relief word after it may still state one.
    relief = next((m for m in vocab.RELIEF.finditer(clause) if not _EXCEPTION.match(clause, m.start())), None)
    if not relief:
        quota = quota_relief(clause)
        if quota:
            return _quota_relief(c, quota)
    if (
        relief
        and relief.group(0).lower() == "relief"
        and _REFERENCE_BACK.search(clause[max(0, relief.start() - 6) : relief.start()])
    ):
        relief = None  # "regardless of the relief": a reference back, not a new statement
    if relief and any(
        m.end() == relief.end()
        for m in vocab.MEASURE_ENDED.finditer(clause[max(0, relief.start() - 60) : relief.end()])
    ):
        relief = None  # "removed the exemption on almonds": the exemption is over, the tariff is what is stated
    if relief and _TARIFF_OBJECT.match(clause[relief.end() : relief.end() + 30]):
        relief = None  # "will exclude tariffs on steel" (from a removal): those tariffs stay, no relief
    if (
        not relief
        or blocked(clause, relief)
        or offered(clause, relief)
        or vocab.CONSIDERED.search(clause[: relief.start()])
        or _PRESSED.search(clause[: relief.start()])
        or _denied(clause, relief)
        or _spares_other(clause, relief)
        or _repays_other(clause, relief)
    ):
        return [], rates, False
    parties = c.resolve()
    effective = effective_date(clause, c.dates_of())
    facts: list[Fact] = []
    # A rate left in force beside the relief is not the one narrowed ("exempts cars, leaving 10% on parts"); but
    # "remains exempt from the 25% duty" is the relief itself going on.
    left = [m for m in vocab.REMAINING.finditer(clause) if not _STILL_SPARED.match(clause, m.end())]
    relief_rates = rates if not left else []
    # "a 100% tariff on drugs unless companies build plants here": the tariff and its relief.
    conditional = bool(rates) and rates[0].end < relief.start()
    # One relief per statement: it covers the goods named right after the cue ("exempted auto parts").
    covered = _covered(clause, relief) or distinct(find_sectors(clause))
    if not covered:
        covered = _goods_referred_back(c, relief, parties)
        if covered and not parties.targets_named:
            # "received exclusions to the tariffs": the tariff referred back to is on whom it was, the sides it
            # hit, where the relief names no side spared of its own.
            parties = replace(parties, targets=_targets_referred_back(c, parties))
    if len(covered) > 1 and vocab.EXAMPLES_OF_GOODS.search(clause):
        covered = []  # "tariff lines such as palm oil, rubber and medicines": many kinds of goods, no sector
    # A relief in a clause of its own after the tariff it narrows ("imposed a 50% tariff, but spared energy")
    # carries that tariff's rate when the sentence states only one before it.
    carried = _rate_before_clause(c) if not rates and not left else None
    for sector in each(covered if not conditional else []):
        facts.append(
            make_fact(
                "relief",
                parties,
                c.sentence,
                sector=sector if not conditional else None,
                rate=relief_rates[0].value if relief_rates and not conditional else carried,
                effective=effective,
                authority=c.authority,
            )
        )
    if conditional:
        # The relief narrows the tariff stated before it: at its rate when one is stated, on the goods named
        # right after the cue ("The new 50% tariff on Brazil exempts orange juice"), else on the tariff's goods.
        before = {r.value for r in rates if r.end < relief.start()}
        rate = before.pop() if len(before) == 1 else None
        spared = _covered(clause, relief)
        facts = [
            make_fact("relief", parties, c.sentence, sector=sector, rate=rate, effective=effective)
            for sector in (spared if 0 < len(spared) < 3 else [first_sector(clause)])
        ]
    if not conditional and not _EASED.search(clause):
        return facts, rates, True
    return facts, [r for r in rates if r.end < relief.start()] if conditional else rates, False


def _rate_before_clause(c: Clause) -> float | None:
    """The one rate the sentence states before the clause, with a tariff word there; None where it states none
    or several."""
    start = c.sentence.find(c.text)
    head = c.sentence[:start] if start > 0 else ""
    if not vocab.TARIFF_WORD.search(head):
        return None
    stated = {r.value for r in find_rates(head)}
    return stated.pop() if len(stated) == 1 else None


def _quota_relief(c: Clause, quota: re.Match[str]) -> tuple[list[Fact], list[Rate], bool]:
    """Tariff-free access within limits beside the tariff it narrows ("keeps its 20% tariff while granting
    duty-free access for a quota of 5,000 tonnes", "a 30% tariff applies once the quota is filled"): the
    relief carries the rate of the tariff it narrows, and every rate is also read as a tariff."""
    clause, rates = c.text, c.rates
    if blocked(clause, quota) or vocab.CONSIDERED.search(clause[: quota.start()]):
        return [], rates, False
    # The nearest rate before the cue, else the first after it ("above the quota pay a 55% tariff").
    before = [r for r in rates if r.end <= quota.start()] or rates[:1]
    parties = c.resolve()
    # The side named with the goods let in ("access for select Thai products") is the one spared.
    spared = [
        m.code
        for m in c.mentions
        if m.start >= quota.end() and m.form in {NAME, DEMONYM} and m.code not in {parties.imposer, ANY}
    ]
    if spared:
        parties = replace(parties, targets=tuple(dict.fromkeys(spared)), targets_named=True, targets_default=False)
    relief = make_fact(
        "relief",
        parties,
        c.sentence,
        sector=first_sector(clause),
        rate=before[-1].value if before else None,
        effective=effective_date(clause, c.dates_of()),
        authority=c.authority,
    )
    return [relief], rates, not rates
