"""Tariffs: a rate threatened, announced, imposed, changed or in force, and retaliation."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from monitor.extract import vocabulary as vocab
from monitor.extract.clauses import blocked, blocked_span, is_policy
from monitor.extract.facts import Fact
from monitor.extract.gazetteer import ACTOR, ANY, CAPITAL, DEMONYM, NAME, UNIVERSAL
from monitor.extract.kinds import Clause, make_fact, worldwide
from monitor.extract.parties import Parties, Resolver
from monitor.extract.rates import Rate, rate_limits
from monitor.extract.sectors import (
    distinct,
    each,
    find_sectors,
    near_sectors,
    respectively_by_item,
    sector_groups,
)
from monitor.extract.timing import effective_date, expiry, status_of

_POSSESSIVE_GAP = re.compile(r"(?:'s|’s)\s*$")
# A side's own tariff, a few words of the noun phrase between ("Peru's new steel duties", "the U.S.
# administration's tariffs").
_OWNER_GAP = re.compile(
    r"^(?:\s+(?:administration|government))?(?:'s|’s)\s+"
    r"(?:(?!(?:is|are|was|were|be|been|that|which|who|to|of|for|with|by|on|in|as)\s)[\w-]+\s+){0,4}?$",
    re.I,
)
# A side named right before the tariff word as its owner ("U.S. tariffs on foreign autos", "Chinese retaliatory
# duties on US farm goods"); the goods must then follow the tariff word, as "Mexican auto tariffs" may name
# the goods taxed, not their owner.
_OWNER_BEFORE = re.compile(r"^\s+(?:(?:new|retaliatory|punitive|import|additional|extra|higher)\s+)?$", re.I)
# A noun of speculation governing the tariff ("the prospect of US tariffs being imposed", "the potential for a
# range of new tariffs", "reduced the risk of tariffs"): a tariff thought of, not threatened or taken (a
# "threat of tariffs" is a threat, and stays one).
_SPECULATED_BEFORE = re.compile(
    r"\b(?:prospects?|potential|possibility|risk|idea|fears?|specter|spectre)\s+(?:of|for)\s+(?:[\w$.'’-]+\s+){0,4}$",
    re.I,
)
# A tariff someone is for, as an opinion ("Smith favors a 45 percent tariff", "both are in favor of steel
# tariffs", "advocated higher duties"): no measure threatened or taken.
_FAVORED_BEFORE = re.compile(
    r"\b(?:favou?rs|favou?red|favou?ring|in\s+favou?r\s+of|advocates|advocated|advocating)\s+(?:[\w%.-]+\s+){0,4}$",
    re.I,
)
# The goods right after the tariff word ("duties on imported steel and aluminum").
_ON_GOODS_AFTER = re.compile(r"^\s+on\s+(?:[\w-]+\s+){0,2}?$", re.I)


def retaliation_without_rate(c: Clause) -> Fact | None:
    """Retaliation by a side other than the US, in a clause that names no tariff of its own."""
    retaliation = vocab.RETALIATION.search(c.text) or vocab.REPLIED_IN_KIND.search(c.text)
    if not retaliation:
        return None
    if not _retaliation_stated(c.text) or blocked(c.text, retaliation):
        return None
    parties = c.resolve()
    if parties.imposer != "US":
        return make_fact("tariff", parties, c.sentence, status=status_of(c.text), authority="countermeasure")
    return None


def goods_listed_to_hit(clause: str, sentence: str, resolve: Callable[[], Parties]) -> list[Fact]:
    """A list of a side's goods the clause's actor would hit, with no tariff word for it ("EU released a list of
    Peruvian goods it would penalize"): a tariff by that actor on those goods' side, one per sector the list
    names; none when the list or its verb is only wished, denied or under a condition."""
    listed = vocab.GOODS_LIST.search(clause)
    if listed is None:
        return []
    hit = vocab.LIST_HIT_AFTER.match(clause, listed.end())
    if hit is None or blocked(clause, listed) or vocab.HEAD_BLOCK.search(clause, 0, listed.start()):
        return []
    parties = resolve()
    if not parties.targets_named or parties.imposer in parties.targets:
        return []  # whose goods the list holds is not named: no side to put the tariff on
    sectors = distinct(find_sectors(clause[listed.start() : hit.end()]))
    return [make_fact("tariff", parties, sentence, sector=sector, status="threatened") for sector in each(sectors)]


def _retaliation_stated(clause: str) -> bool:
    """Whether a clause states retaliation as a side's act or threat ("Oslo retaliated", "vowed to retaliate",
    "threatened retaliation"), not speculation, a denial or a topic ("might retaliate", "will not retaliate",
    "such retaliation would cost jobs")."""
    for verb in vocab.RETALIATION_ACT.finditer(clause):
        before = clause[max(0, verb.start() - 40) : verb.start()]
        if vocab.RETALIATION_DENIED.search(before):
            continue
        hedged = vocab.RETALIATION_HEDGED.search(before)
        if hedged is None or vocab.RETALIATION_WARNED.search(clause[: verb.start()]):
            return True
    for reply in vocab.REPLIED_IN_KIND.finditer(clause):
        before = clause[max(0, reply.start() - 40) : reply.start()]
        if not vocab.RETALIATION_DENIED.search(before) and not vocab.RETALIATION_HEDGED.search(before):
            return True  # "China responded in kind", "Peru answered with equivalent measures"
    return bool(vocab.RETALIATION_THREATENED.search(clause))


def free_access_ended(c: Clause) -> list[Fact]:
    """The tariff that applies again where duty-free access ends ("ended duty-free access for Ukrainian sugar",
    "the end of its duty-free regime"): one per sector named after it; none when the clause states a rate (the
    rate's own tariff is read instead) or does not end such access."""
    ended = vocab.FREE_ACCESS_ENDED.search(c.text)
    if ended is None or c.rates or blocked(c.text, ended):
        return []
    sectors = distinct(find_sectors(c.text[ended.start() : ended.end() + 80]))
    status = status_of(c.text, (ended.start(), ended.end()))
    return [
        make_fact("tariff", c.resolve(), c.sentence, sector=sector, status=status, authority=c.authority)
        for sector in each(sectors)
    ]


def _bound_targets(c: Clause, rate: Rate) -> tuple[str, ...]:
    """The parties a rate is stated for in its own phrase ("46% for Vietnam", "Japan and Korea (15%)"), with
    the parties coordinated with them; empty when the phrase names none."""
    # A group ("10% for most countries, 50% for Brazil") takes its rate as a named party does: everyone else's.
    mentions = [m for m in c.mentions if m.form in {NAME, DEMONYM, UNIVERSAL}]
    clause = c.text
    owner = [m for m in mentions if m.end <= rate.start and _POSSESSIVE_GAP.match(clause[m.end : rate.start])]
    if owner:
        return (owner[-1].code,)  # "India's 25 percent": the possessive right before the rate
    after = [m for m in mentions if m.start >= rate.end and m.start - rate.end <= 45]
    if after and vocab.RATE_FOR_AFTER.match(clause[rate.end : after[0].start]):
        group = [after[0]]
        for m in mentions[mentions.index(after[0]) + 1 :]:
            between = clause[group[-1].end : m.start]
            if not vocab.COORDINATED.match(between):
                break
            if "," in between and vocab.SPEAKER_AFTER.match(clause[m.end : m.end + 30]):
                break  # "30% for Bolivia, Peru's ministry said": the speaker closes the list
            group.append(m)
        return tuple(dict.fromkeys(m.code for m in group))
    before = [m for m in mentions if m.end <= rate.start and rate.start - m.end <= 25]
    if before and vocab.RATE_OF_BEFORE.match(clause[before[-1].end : rate.start]):
        group = [before[-1]]
        for m in reversed(mentions[: mentions.index(before[-1])]):
            if not vocab.COORDINATED.match(clause[m.end : group[-1].start]):
                break
            group.append(m)
        return tuple(dict.fromkeys(m.code for m in reversed(group)))
    return ()


def _per_rate_parties(c: Clause, parties: Parties, rates: list[Rate]) -> dict[int, Parties]:
    """For a list of parties each with its own rate ("49% for Cambodia, 46% for Vietnam"), the parties of each
    rate; empty when the rates are not bound to different parties."""
    if len(rates) < 2:
        return {}
    respective = _respective_targets(c, parties, rates)
    if respective:
        return respective
    bound: dict[int, tuple[str, ...]] = {}
    for i, r in enumerate(rates):
        bound[id(r)] = bound[id(rates[i - 1])] if r.joined and i else _bound_targets(c, r)
    named = {t for t in bound.values() if t}
    # Bound when rates go to different parties, or one rate to a party the clause's measure leaves out
    # ("50% on all aluminum, except Britain's, which stays at 25%").
    if not named or (len(named) < 2 and all(bound.values())):
        return {}
    imposer = parties.imposer
    if any(imposer in t for t in bound.values()):
        # "Morocco (10%) and Egypt (15%) were on the list": the parties listed are hit, not acting.
        carried = c.ctx.actor.imposer if c.ctx.actor is not None else "US"
        imposer = carried if not any(carried in t for t in bound.values()) else "US"
    # A rate bound to the side that levies the others is no rate it is charged: the clause's reading holds for it.
    return {
        key: replace(parties, imposer=imposer, targets=targets, targets_named=True, targets_default=False)
        for key, targets in bound.items()
        if targets and imposer not in targets
    }


def _respective_targets(c: Clause, parties: Parties, rates: list[Rate]) -> dict[int, Parties]:
    """Rates paired in order with as many parties hit ("tariffs on Chile and Bolivia of 20% and 25%
    respectively"), as English reads "respectively"; empty when the clause does not pair them so."""
    if not vocab.RESPECTIVELY.search(c.text):
        return {}
    hit = [m for m in c.mentions if m.code in parties.targets and m.form in {NAME, DEMONYM}]
    # The parties' list sits on one side of the rates' list: "on Chile and Bolivia of 20% and 25%", "20% and
    # 25% on Chile and Bolivia".
    before = list(dict.fromkeys(m.code for m in hit if m.end <= rates[0].start))
    after = list(dict.fromkeys(m.code for m in hit if m.start >= rates[-1].end))
    ordered = next((side for side in (after, before) if len(side) == len(rates)), None)
    if ordered is None:
        return {}
    return {
        id(rate): replace(parties, targets=(code,), targets_named=True, targets_default=False)
        for rate, code in zip(rates, ordered, strict=True)
    }


def _goods_sectors(clause: str, rate: Rate) -> list[str]:
    """The sectors of the goods named between a tariff and its new rate ("lower duties on trucks, wine and
    copper to 9%"); none for a package over many kinds of goods."""
    assert rate.goods is not None
    phrase = clause[rate.goods[0] : rate.goods[1]]
    if vocab.MANY_GOODS.search(phrase):
        return []
    # "raised tariffs on 544 products, including steel and footwear, to 35%": goods counted, then sampled; the
    # sample names no sector of the package.
    examples = vocab.EXAMPLES_OF_GOODS.search(phrase)
    if examples and vocab.COUNTED_GOODS.search(phrase, 0, examples.start()):
        phrase = phrase[: examples.start()]
    return distinct(find_sectors(phrase))


def _rateless_beside(c: Clause, rates: list[Rate]) -> tuple[int, int] | None:
    """Where a tariff named with no rate is stated, when another measure with its rate is set beside it
    ("tariffs on imports from Peru, alongside a 25% duty on steel"); None when the clause has no such pair."""
    word = c.tariff_word
    if word is None or not rates or word.end() > rates[0].start:
        return None
    beside = vocab.BESIDE_BEFORE.search(c.scan, word.end(), rates[0].start)
    if beside is None or not is_policy(c.scan, word):
        return None
    return word.start(), beside.start()


def _main_word_beside_relatives(c: Clause, rates: list[Rate]) -> re.Match[str] | None:
    """The main clause's own tariff word, when every rate of the clause sits in a relative clause about a party
    ("Peru, which faces a 30% US tariff, said it would cut its own duties on US goods"): the rate is what that
    party is charged, and the main clause states a measure of its own with no rate. None otherwise."""
    if not rates or not isinstance(c.resolve, Resolver):
        return None
    relatives = [r for r in c.resolve.relatives() if not r.aside]
    if not relatives or not all(any(r.body <= rate.start < r.end for r in relatives) for rate in rates):
        return None
    for word in c.tariff_words:
        if any(r.start <= word.start() < r.end for r in relatives):
            continue
        if is_policy(c.scan, word) and not _effect_subject(c.scan, word) and not blocked_span(c.text, *word.span()):
            return word
    return None


def _on_its_side(c: Clause, anchor: int, sectors: list[str]) -> list[str]:
    """The sectors of a measure at `anchor` named on its side of a relative clause about a party: goods named
    only inside "Peru, which faces a 30% US tariff on steel, ..." are the relative clause's measure's, those named
    only outside it the main clause's ("..., imposed duties on American corn"), whichever the rate's window
    reached."""
    if not sectors or not isinstance(c.resolve, Resolver):
        return sectors
    relatives = [r for r in c.resolve.relatives() if not r.aside]
    if not relatives:
        return sectors
    home = next((r for r in relatives if r.body <= anchor < r.end), None)
    named = find_sectors(c.text)

    def here(start: int) -> bool:
        inside = next((r for r in relatives if r.body <= start < r.end), None)
        return inside is home

    return [sector for sector in sectors if any(m.sector == sector and here(m.start) for m in named)]


def _whole_schedule(c: Clause) -> bool:
    """Whether a clause naming no other side cuts a side's own tariffs or gives its tariff level ("cut import
    tariffs on 900 items", "its overall tariff level"), not a measure named before ("reduced the duty to 5%")."""
    schedule = vocab.OWN_SCHEDULE.search(c.text)
    if schedule is None or vocab.DEFINITE.search(schedule.group(0)):
        return False
    imposer = c.resolve().imposer
    return not any(m.code not in {imposer, ANY} for m in c.mentions)


def _owner_on_goods(c: Clause, word: re.Match[str]) -> str | None:
    """The side whose own measure on goods of a kind a tariff word names ("Peru's steel and copper duties",
    "Peru's new duties on imported wine"): a measure stated as in force, whatever the clause says of it (the
    contract's background stated as fact), not a tariff in general. None when the word names no such measure."""
    owner = next(
        (m for m in c.mentions if m.form in {NAME, CAPITAL, ACTOR} and _OWNER_GAP.match(c.scan[m.end : word.start()])),
        None,
    )
    modifier = next(
        (m for m in c.mentions if m.form in {NAME, DEMONYM} and _OWNER_BEFORE.match(c.scan[m.end : word.start()])),
        None,
    )
    owner = owner or modifier
    if owner is None or blocked_span(c.text, *word.span()):
        return None
    before = c.scan[max(0, word.start() - 50) : word.start()]
    if vocab.TOPIC_BEFORE.search(before) or vocab.SOUGHT_BEFORE.search(before):
        return None
    goods = find_sectors(c.text[owner.end : word.start()]) if owner is not modifier else []
    if not goods:
        goods = [
            m
            for m in find_sectors(c.text[word.end() : word.end() + 60])
            if _ON_GOODS_AFTER.match(c.text[word.end() : word.end() + m.start])
        ]
    return owner.code if goods else None


def _owned_beside(c: Clause, parties: Parties, main: re.Match[str] | None) -> list[Fact]:
    """The measures of another side that a clause names beside its own, by their owner and goods ("Peru is
    weighing duties to offset losses caused by Chile's tariffs on copper"): each stated as in force (background
    stated as fact), on the side whose measure the clause states (it answers the other's), or on everyone for
    a US sector tariff named with no origin."""
    found: list[Fact] = []
    for word in c.tariff_words:
        if word is main or (main is not None and word.start() < main.end()):
            continue
        owner = _owner_on_goods(c, word)
        if owner is None or owner == parties.imposer:
            continue
        goods = c.text[word.end() : word.end() + 60]
        sectors = [
            m.sector for m in find_sectors(goods) if _ON_GOODS_AFTER.match(goods[: m.start])
        ] or _sectors_before(c, owner, word)
        if not sectors:
            continue
        own = Parties(imposer=owner, targets=(parties.imposer,), subject_named=False, targets_default=False)
        for sector in dict.fromkeys(sectors):
            found.append(
                make_fact(
                    "tariff",
                    worldwide(c, own, sector, word.span()),
                    c.sentence,
                    sector=sector,
                    status="in_effect",
                )
            )
    return found


def _sectors_before(c: Clause, owner: str, word: re.Match[str]) -> list[str]:
    """The sectors named between a tariff's owner and its word ("Peru's steel and copper duties")."""
    start = next((m.end for m in c.mentions if m.code == owner and m.end <= word.start()), word.start())
    return [m.sector for m in find_sectors(c.text[start : word.start()])]


def _owned_word(c: Clause) -> re.Match[str] | None:
    """The first tariff word of the clause said to be a side's own ("its own tariffs", "duties of their own")."""
    scan = c.scan
    return next(
        (
            w
            for w in c.tariff_words
            if vocab.OWN_BEFORE.search(scan[max(0, w.start() - 40) : w.start()])
            or vocab.OWN_AFTER.match(scan[w.end() : w.end() + 20])
        ),
        None,
    )


def _own_tariff_owners(c: Clause) -> tuple[str, ...] | None:
    """The sides whose "own" tariffs the clause names ("China and other nations retaliated with their own
    tariffs", "they are prepared to retaliate with duties of their own"): the possessive points back to the
    subject named last before the tariff word, not to a side named after a preposition ("on Chinese goods").
    None when no tariff word is so owned; empty when that subject is named only as a group of countries ("trading
    partners"), which sets no side acting."""
    word = _owned_word(c)
    if word is None:
        return None
    before = [
        m
        for m in c.mentions
        if m.end <= word.start()
        and not vocab.PREPOSITION_BEFORE.search(c.text[max(0, m.start - 20) : m.start])
        # A demonym names a side only before its government ("Chinese officials"), not before goods ("American
        # farm products").
        and (m.form != DEMONYM or vocab.GOVERNMENT_AFTER.match(c.text[m.end : m.end + 30]))
    ]
    if not before or not vocab.OWN_PLACED.search(c.text[before[-1].end : word.start()]):
        return None
    group = [before[-1]]
    for m in reversed(before[:-1]):
        if not vocab.COORDINATED.match(c.text[m.end : group[-1].start]) and c.text[m.end : group[-1].start].strip():
            break
        group.append(m)
    # A side named as the modifier of a group ("US trading partners") is not one of the sides acting.
    named = [m for m in group if m.code != ANY and not any(g.code == ANY and 0 <= g.start - m.end <= 1 for g in group)]
    return tuple(dict.fromkeys(m.code for m in reversed(named)))


def _effect_subject(scan: str, word: re.Match[str]) -> bool:
    """Whether a tariff word is the subject of what the tariff does ("higher duties would raise costs"), not the
    object of a verb that places it ("Ottawa imposed duties that will hurt exporters")."""
    if not vocab.CONSEQUENCE_AFTER.match(scan[word.end() : word.end() + 90]):
        return False
    before = scan[max(0, word.start() - 50) : word.start()]
    return not vocab.PLACING_BEFORE.search(before)


def _anchor(c: Clause, rate: Rate | None) -> tuple[int, int]:
    if rate is not None:
        return rate.start, rate.end
    word = c.tariff_word
    return (word.start(), word.end()) if word else (0, 0)


def read_tariffs(c: Clause, rates: list[Rate]) -> list[Fact]:
    """The tariff facts of a clause: one per rate and sector it names (`rates`: those not given to a relief)."""
    clause, scan = c.text, c.scan
    tariff_word = c.tariff_word
    if not (tariff_word or c.rates):
        return []
    if vocab.DOMESTIC_TAX_NAMED.search(c.sentence) and not vocab.CROSS_BORDER.search(c.sentence):
        return []  # "a payroll tax on their earnings, a 6.2% levy": a tax at home, no tariff
    speculated = [
        w
        for w in c.tariff_words
        if _SPECULATED_BEFORE.search(scan[max(0, w.start() - 60) : w.start()])
        or _FAVORED_BEFORE.search(scan[max(0, w.start() - 60) : w.start()])
        or vocab.COUNTERFACTUAL_BEFORE.search(scan[max(0, w.start() - 60) : w.start()])
    ]
    if speculated and len(speculated) == len(c.tariff_words):
        return []  # "the prospect of new duties": every tariff the clause names is only thought of
    span = (tariff_word.start(), tariff_word.end()) if tariff_word else (c.rates[0].start, c.rates[0].end)
    if blocked_span(clause, *span) and not vocab.PRESUPPOSED_BEFORE.search(clause[: span[0]]):
        return []
    owner = None
    if not c.rates and not any(is_policy(scan, w) and not _effect_subject(scan, w) for w in c.tariff_words):
        owner = next((code for w in c.tariff_words if (code := _owner_on_goods(c, w))), None)
        if owner is None:
            return []
    parties = c.resolve()
    if owner is not None and parties.imposer != owner:
        # The side that owns the tariff levies it; it is hit by none of its own measure.
        hit = tuple(t for t in parties.targets if t != owner) or (ANY,)
        parties = replace(parties, imposer=owner, targets=hit)
    owners = _own_tariff_owners(c)
    if owners is not None and parties.imposer in owners:
        owners = None
    # A measure named before the owned one in the clause ("X countered with tariffs on ..., and Y countered with
    # tariffs of its own") stays the first side's.
    only_owned = owners is not None and _owned_word(c) is c.tariff_words[0]
    if owners == () and only_owned:
        return []
    if parties.imposer != "US" and _whole_schedule(c):
        # "having cut its overall tariff level to 9.8%": a side's whole schedule, every origin's, even where the
        # article's last measure of that side was on one country.
        parties = replace(parties, targets=(ANY,), targets_default=False)
    published = c.ctx.published
    effective = effective_date(clause, c.dates_of())
    until = expiry(clause, c.dates_of(), effective or published)
    status = status_of(clause, span, effective, published)
    # Goods paired item by item with tiers "respectively" keep that pairing over the goods a rate's phrase names.
    paired = respectively_by_item(clause, rates) is not None
    groups = [
        (
            r,
            _on_its_side(
                c, _anchor(c, r)[0], _goods_sectors(clause, r) if r is not None and r.goods and not paired else s
            ),
        )
        for r, s in sector_groups(clause, rates, c.tariff_words)
    ]
    facts: list[Fact] = []
    including = vocab.INCLUDING.search(clause)
    if including and c.rates and including.start() < c.rates[0].start and groups and groups[0][1]:
        facts.append(
            make_fact("tariff", parties, c.sentence, status=status, effective=effective, authority=c.authority)
        )
    beside = _rateless_beside(c, rates)
    if beside is not None:
        # "has imposed fresh tariffs on Canada and Mexico - alongside a 25% duty on steel": two measures, the
        # first stated without a rate, on the goods named before the second.
        for sector in each(distinct(find_sectors(clause[beside[0] : beside[1]]))):
            facts.append(
                make_fact(
                    "tariff",
                    worldwide(c, parties, sector, beside),
                    c.sentence,
                    sector=sector,
                    status=status,
                    effective=effective,
                    authority=c.authority,
                )
            )
    main = _main_word_beside_relatives(c, rates)
    if main is not None:
        main_status = status_of(clause, main.span(), effective, published)
        for sector in each(_on_its_side(c, main.start(), near_sectors(clause, *main.span()))):
            facts.append(
                make_fact(
                    "tariff",
                    worldwide(c, parties, sector, main.span()),
                    c.sentence,
                    sector=sector,
                    status=main_status,
                    effective=effective,
                    authority=c.authority,
                )
            )
    per_rate = _per_rate_parties(c, parties, rates)
    rate_status = status
    for rate, sectors in groups:
        if rate is not None and vocab.COUNTERFACTUAL_BEFORE.search(
            clause[max(rate_limits(rate, rates, len(clause))[0], rate.start - 60) : rate.start]
        ):
            continue  # "5% tariffs that would have eventually reached 25%": a rate that never came
        if rate is not None and not rate.joined:
            # The status of a rate is read from the words about it; the other end of a range shares it.
            limits = rate_limits(rate, rates, len(clause))
            rate_status = status_of(clause, (rate.start, rate.end), effective, published, limits)
        own = per_rate.get(id(rate), parties) if rate else parties
        # A rate whose own words name its sides ("Mexico, which faces a 30% levy", "Trump's 35% tariff").
        named = c.parties_of(rate) if rate else None
        bound = named is not None or own is not parties
        own = named or own
        for sector in each(sectors):
            facts.append(
                make_fact(
                    "tariff",
                    worldwide(c, own, sector, _anchor(c, rate), bound=bound),
                    c.sentence,
                    sector=sector,
                    rate=rate.value if rate else None,
                    previous_rate=rate.previous if rate else None,
                    effective=effective,
                    until=until,
                    status=rate_status if rate else status,
                    authority=c.authority,
                )
            )
    # Another side's measure the clause names beside its own ("... caused by the US duties on steel").
    beside_owned = _owned_beside(c, parties, tariff_word)
    if not facts:
        return beside_owned
    # A sentence naming no goods at all refers back to goods already named.
    if (
        c.ctx.read
        and any(f.rate is not None and f.sector is None for f in facts)
        and not vocab.OWN_GOODS.search(c.sentence)
        and not find_sectors(c.sentence)
    ):
        facts = [g for f in facts for g in _goods_referred_back(c, f)]
    if owners:
        # The sides whose own tariffs these are tax the side they answer, carried or named, never one of them.
        hit = tuple(t for t in parties.targets if t not in owners and t != ANY) or (parties.imposer,)
        owned = [replace(f, imposer=owner, targets=hit) for owner in owners for f in facts]
        facts = owned if only_owned else facts + owned
    # Each tariff carries the values of goods its own clause names: another clause's tranche is another measure.
    worth = goods_values(clause)
    return ([replace(f, worth=worth) for f in facts] if worth else facts) + beside_owned


# How many sentences back the goods a rate refers back to may be named.
_GOODS_BACK = 50


def _goods_named_last(read: list[str]) -> list[str]:
    """The sectors the latest of the sentences `read` that names any kind of goods names."""
    for sentence in reversed(read[-_GOODS_BACK:]):
        named = distinct(find_sectors(sentence))
        if named:
            return named
    return []


def _other_sides_goods(stated: list[Fact], imposer: str, sector: str) -> bool:
    """Whether the article has tied goods of `sector` only to another side's tariffs so far ("in response to US
    tariffs on steel ... The counter duties run between 10% and 40%"): the goods of the measure answered, not of
    the answer."""
    on_goods = [f.imposer for f in stated if f.kind == "tariff" and f.sector == sector]
    return bool(on_goods) and imposer not in on_goods


def _goods_referred_back(c: Clause, fact: Fact) -> list[Fact]:
    """A rate whose clause names no goods ("A provisional duty of 7.2 pct was set", "a 12% duty in the second
    year", "the 100% tariff on the shipments") speaks of goods already named: where the clause names no side
    either, of the goods the article named last; else of the goods of that side's measure it stated last. One
    fact per sector."""
    if fact.rate is None or fact.sector is not None:
        return [fact]
    if not c.mentions:
        sectors = [s for s in _goods_named_last(c.ctx.read) if not _other_sides_goods(c.ctx.stated, fact.imposer, s)]
    else:
        last = next(
            (
                f
                for f in reversed(c.ctx.stated)
                if f.kind == "tariff" and f.imposer == fact.imposer and f.sector and set(f.targets) & set(fact.targets)
            ),
            None,
        )
        if last is None:
            return [fact]
        sectors = [
            f.sector for f in c.ctx.stated if f.evidence == last.evidence and f.imposer == fact.imposer and f.sector
        ]
    return [replace(fact, sector=sector) for sector in dict.fromkeys(sectors)] or [fact]


def goods_values(text: str) -> frozenset[str]:
    """The values of goods `text` gives for tariffs ("on $40 billion worth of imports"), as written."""
    low = text.lower()
    if "billion" not in low and "bn" not in low:
        return frozenset()  # (most clauses: no value, and no regex run)
    return frozenset(m.group(1) or m.group(2) for m in vocab.GOODS_VALUE.finditer(text))
