"""Article text + publication date -> trade-policy facts (see the extraction contract)."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

from monitor.extract.confidence_model import THRESHOLD
from monitor.extract.facts import Fact

if TYPE_CHECKING:
    from monitor.extract.gazetteer import Mention

# Recorded on every fact and in its idempotency key: bumped when the reading changes, so the log tells which
# reader stated a fact (4: the ninth session's rules, wire copy and three outlets).
EXTRACTOR_VERSION = "6"

# How far into the first sentence a dateline's place may start, after an outlet's name ("Wire.com, Oslo -").
_DATELINE_LEAD = 30
_EARLIEST, _LATEST = dt.date(1800, 1, 1), dt.date(9000, 12, 31)
# Legal bases only the US's tariffs have: they name the side acting without its name.
_US_ONLY_AUTHORITIES = frozenset({"section_232", "section_301", "section_201", "section_122", "ieepa"})
# Sentences longer than this are not prose (tables, junk, a page without stops); they are read in pieces.
_MAX_SENTENCE = 2000


def _key(fact: Fact) -> tuple[object, ...]:
    if fact.kind in {"deal", "negotiation"}:
        # The parties to talks or a deal, in whichever order a sentence names them.
        return (fact.kind, frozenset({fact.imposer, *fact.targets}))
    return (fact.kind, fact.imposer, fact.sector, frozenset(fact.targets))


@lru_cache(maxsize=4096)
def _values(evidence: str) -> frozenset[str]:
    """The values of goods a sentence gives for tariffs ("on $40 billion worth of imports"), as written."""
    from monitor.extract import vocabulary as vocab

    return frozenset(m.group(1) or m.group(2) for m in vocab.GOODS_VALUE.finditer(evidence))


@lru_cache(maxsize=4096)
def _years(evidence: str) -> frozenset[str]:
    """The years a sentence sets something in ("signed in 1992", "in June 2015"), not a year naming a thing ("the
    1994 agreement") nor a dateline."""
    return frozenset(re.findall(r"\bin\s+(?:[A-Z][a-z]+\.?\s+)?((?:19|20)\d\d)\b", evidence))


def _worth(fact: Fact) -> frozenset[str]:
    """The values of goods a tariff is stated for: those its own clause names, else its sentence's."""
    return fact.worth or _values(fact.evidence)


def _other_tranche(a: Fact, b: Fact) -> bool:
    # "Tariffs on $50 billion of goods" and "tariffs on $200 billion of goods" are two measures on one side,
    # each sentence (or each clause of one: "levied 25% on $16 billion, after taxing $34 billion") naming its own.
    if a.kind != "tariff" or b.kind != "tariff":
        return False
    if a.evidence == b.evidence and not (a.worth and b.worth):
        return False
    va, vb = _worth(a), _worth(b)
    return bool(va) and bool(vb) and not va & vb


def _names_tranche(a: Fact, b: Fact) -> bool:
    """Whether `b` names the value of the goods it hits and `a` does not: `b` is the more precise statement
    ("tariffs on Chinese goods", then "tariffs on $100 billion of Chinese goods"), never covered by `a`."""
    return a.kind == "tariff" and b.kind == "tariff" and bool(_worth(b)) and not _worth(a)


@lru_cache(maxsize=4096)
def _counts_goods(evidence: str) -> bool:
    """Whether a sentence gives the count of goods a measure covers ("cut tariffs on 1,585 items")."""
    from monitor.extract import vocabulary as vocab

    return bool(vocab.GOODS_COUNT.search(evidence))


@lru_cache(maxsize=4096)
def _level(evidence: str) -> bool:
    """Whether a sentence sums up a side's whole schedule in one figure ("the overall tariff level")."""
    from monitor.extract import vocabulary as vocab

    return bool(vocab.TARIFF_LEVEL.search(evidence))


def _package_under_level(a: Fact, b: Fact) -> bool:
    """Whether `b` is a package of cuts on goods of a given count ("lowered tariffs on 1,585 items") and `a` only
    the level the whole schedule came to ("the overall tariff level is now 7.5%"): two statements."""
    return (
        a.kind == "tariff"
        and b.kind == "tariff"
        and a.rate is not None
        and b.rate is None
        and _level(a.evidence)
        and not _level(b.evidence)
        and _counts_goods(b.evidence)
    )


def _covers(a: Fact, b: Fact) -> bool:
    """Whether `a` already says everything `b` says: `b` repeats it, or says less."""
    if _other_tranche(a, b) or _names_tranche(a, b) or _package_under_level(a, b):
        return False
    if _key(a) != _key(b) and not (
        a.kind not in {"deal", "negotiation"}
        and (a.kind, a.imposer, a.sector) == (b.kind, b.imposer, b.sector)
        and set(b.targets) <= set(a.targets)
    ):
        return False
    if b.rate is not None and a.rate != b.rate:
        return False
    if b.until is not None and (a.until is None or abs((a.until - b.until).days) > 7):
        return False
    if a.kind == "tariff" and b.rate is not None and a.status != b.status and bool(a.effective) != bool(b.effective):
        return False  # "announced an extra 25%" and "the original 25% levy came into effect on August 1"
    if a.kind == "tariff" and a.evidence == b.evidence and a.rate != b.rate and a.status != b.status:
        return False  # "most tariffs will stay in force, while the 12% duty will be cut to 6%": two measures
    if a.kind == "deal" and _years(a.evidence) != _years(b.evidence):
        return False  # "the original NAFTA deal was signed in 1992" and the USMCA signed now: two agreements
    # Two meetings on two days, or a rate in force since one date and again from another, are two facts.
    return not (a.kind in {"negotiation", "tariff"} and b.effective and a.effective and a.effective != b.effective)


# Facts that can cover one another share a group; only the latest few of a group are compared, so a huge
# article with thousands of facts is still read in linear time.
_GROUP_WINDOW = 256


def _group(fact: Fact) -> tuple[object, ...]:
    if fact.kind in {"deal", "negotiation"}:
        return _key(fact)
    return (fact.kind, fact.imposer, fact.sector)


def _dedup(facts: list[Fact]) -> list[Fact]:
    """One fact per distinct statement; a later, more precise statement replaces a vaguer one."""
    kept: list[Fact | None] = []
    groups: dict[tuple[object, ...], list[int]] = {}
    seen: set[tuple[object, ...]] = set()
    # Targets already stated for each (kind, imposer): a bare tariff (no rate, no sector) stated again on
    # them is the measure referred back to ("The duties take effect on Monday"), not a new one.
    stated: dict[tuple[str, str], set[str]] = {}
    # The values of goods already stated for each (kind, imposer): a bare tariff on another value is another
    # tranche, not a reference back.
    worth: dict[tuple[str, str], set[str]] = {}
    for fact in facts:
        bare = fact.kind == "tariff" and fact.rate is None and fact.sector is None
        value = _worth(fact) if fact.kind == "tariff" else frozenset()
        told = stated.get((fact.kind, fact.imposer), set())
        if (
            bare
            and set(fact.targets) <= told
            and not (value and not value & worth.get((fact.kind, fact.imposer), set()))
            and not _counts_goods(fact.evidence)
        ):
            continue
        stated.setdefault((fact.kind, fact.imposer), set()).update(fact.targets)
        worth.setdefault((fact.kind, fact.imposer), set()).update(value)
        years = _years(fact.evidence) if fact.kind == "deal" else frozenset()
        exact = (*_key(fact), fact.sector, fact.rate, fact.until, fact.effective, value, years)
        if exact in seen:
            continue  # a plain repeat, however far back
        seen.add(exact)
        members = groups.setdefault(_group(fact), [])
        recent = [(i, old) for i in members[-_GROUP_WINDOW:] if (old := kept[i]) is not None]
        if any(_covers(old, fact) for _i, old in recent):
            continue
        replaced = [i for i, old in recent if _covers(fact, old)]
        for i in replaced:
            kept[i] = None
        if replaced:
            tail = [i for i in members[-_GROUP_WINDOW:] if kept[i] is not None]
            del members[-_GROUP_WINDOW:]
            members.extend(tail)
        members.append(len(kept))
        kept.append(fact)
    return [f for f in kept if f is not None]


def _anchor(text: str) -> dt.date | None:
    """Without a publication date, the first full date the article names stands in for it."""
    from monitor.extract.dates import MONTH_DAY, find_dates

    for match in MONTH_DAY.finditer(text[:20000]):
        if match.group(3):
            year = int(match.group(3))
            found = find_dates(match.group(0), dt.date(year, 1, 1)) if 1800 <= year <= 9000 else []
            if found:
                return found[0].value
    return None


def _dates_referred_back(facts: list[Fact]) -> list[Fact]:
    """The facts without those that only refer back to a measure already stated; the dates such a reference
    gives ("The new duties take effect on Monday and stay until December 31") go to the tariffs of the same
    side stated before it that had none."""
    kept: list[Fact] = []
    for fact in facts:
        if not _referred_back(fact):
            kept.append(fact)
            continue
        if fact.until is None and fact.effective is None:
            continue
        # The measure referred back to is the latest few tariffs of that side, not every one the article named.
        earlier = [i for i, f in enumerate(kept) if f.kind == "tariff" and f.imposer == fact.imposer][-6:]
        if not earlier:
            kept.append(fact)
            continue
        for i in earlier:
            old = kept[i]
            kept[i] = replace(old, until=old.until or fact.until, effective=old.effective or fact.effective)
    return kept


def _referred_back(fact: Fact) -> bool:
    """A tariff with nothing of its own (no rate or goods), named only as "the duties": a measure referred
    back to ("Announcing the duties, the minister said ..."), not a new statement."""
    if fact.kind != "tariff" or fact.rate is not None or fact.sector is not None:
        return False
    from monitor.extract import vocabulary as vocab

    text = fact.evidence
    words = [m.start() for m in vocab.TARIFF_WORD.finditer(text)]
    definite = {m.end() for m in vocab.DEFINITE_TARIFF.finditer(text) if not vocab.DEFINED_AFTER.match(text, m.end())}
    return bool(words) and all(any(0 <= end - w <= 12 for end in definite) for w in words)


def _dateline(sentence: str, mentions: list[Mention]) -> Mention | None:
    """The place an article opens with as its dateline ("OSLO -", "Lagos:", "Lima, Jan 5"): where the story
    was filed, which says whose government the article is about."""
    from monitor.extract import vocabulary as vocab
    from monitor.extract.gazetteer import CAPITAL, NAME

    first = mentions[0] if mentions else None
    if first is None or first.form not in {CAPITAL, NAME} or first.start > _DATELINE_LEAD:
        return None
    if sentence[: first.start].strip(" ,") and not sentence[: first.start].rstrip().endswith(","):
        return None  # words before the place that are not an outlet's name: prose, not a dateline
    return first if vocab.DATELINE_AFTER.match(sentence, first.end) else None


def _government(opening: list[tuple[str, list[Mention]]]) -> str | None:
    """The government the article's opening sentences name first as a subject: an office or leader
    ("the Commerce Ministry", "Lula") or a country's government ("the Saudi government", "Brazil's cabinet")."""
    from monitor.extract import vocabulary as vocab
    from monitor.extract.gazetteer import ACTOR, CAPITAL, DEMONYM, NAME

    for sentence, mentions in opening:
        for m in mentions:
            if m.form == ACTOR:
                return m.code
            after = sentence[m.end : m.end + 40]
            if m.form in {NAME, DEMONYM, CAPITAL} and vocab.GOVERNMENT_AFTER.match(re.sub(r"^(?:'s|’s)", "", after)):
                return m.code
    return None


def _offices_at_home(sentences: list[str], mentions_at: Callable[[int], list[Mention]], read: list[int]) -> None:
    """Give the offices every government has ("the Treasury", "Congress"), which the gazetteer names as the US's,
    to the country the article is about where no sentence names the US otherwise: "Treasury Cabinet Secretary
    John Mbadi proposed raising the duty on sugar" in a story on Kenya's budget is Kenya acting. In place."""
    from dataclasses import replace

    from monitor.extract.gazetteer import ANY, BLOC
    from monitor.extract.parties import hit_roles
    from monitor.extract.vocabulary import SHARED_OFFICE_NAMES

    def shared(m: Mention) -> bool:
        return m.code == "US" and m.text.lower() in SHARED_OFFICE_NAMES

    if not any(shared(m) for i in read for m in mentions_at(i)):
        return
    every = [mentions_at(i) for i in range(len(sentences))]
    if any(m.code == "US" and not shared(m) for found in every for m in found):
        return
    # The country the article has acting and never names as hit: a story on the US taxing Vietnamese shrimp
    # ("the Commerce Department set duties on Vietnamese shrimp") names the country hit, never acting.
    acting: Counter[str] = Counter()
    hit: set[str] = set()
    for i in read:
        found = mentions_at(i)
        for m, is_hit in zip(found, hit_roles(sentences[i], found), strict=True):
            if m.code in {"US", ANY} or m.form == BLOC:
                continue
            if is_hit:
                hit.add(m.code)
            else:
                acting[m.code] += 1
    home = next((code for code, _n in acting.most_common() if code not in hit), None)
    if home is None:
        return
    for found in every:
        found[:] = [replace(m, code=home) if shared(m) else m for m in found]


def _acting(relevant: list[tuple[str, list[Mention]]]) -> Counter[str]:
    """How often an article names each country where a measure could be its own, not only as the origin of the
    goods hit ("quotas for Ukrainian products" is about the side that sets them)."""
    from monitor.extract.gazetteer import ANY, BLOC
    from monitor.extract.parties import excepted, hit_roles

    acting: Counter[str] = Counter()
    for sentence, mentions in relevant:
        previous = None
        for mention, hit in zip(mentions, hit_roles(sentence, mentions), strict=True):
            # A name repeated in brackets ("the United Arab Emirates (UAE)") has the role of the name before it; a
            # side left out of a measure ("except Britain") does not act in it.
            repeat = previous is not None and previous.code == mention.code and mention.start - previous.end <= 3
            if (
                not hit
                and not repeat
                and mention.code != ANY
                and mention.form != BLOC
                and not excepted(sentence, mention)
            ):
                acting[mention.code] += 1
            previous = mention
    return acting


# How many trade sentences must name a side where it may act (and more than name the US so) for a clause naming no
# actor to be read as its measure in an article that also names the US.
_LEAD_LEAST = 2


def _lead(acting: Counter[str]) -> str | None:
    """The side other than the US that an article mostly has acting, in at least two trade sentences and in more
    than the US ("Pakistan cut duties ...", with the US named once as a market); None when no side leads so."""
    others = [(code, n) for code, n in acting.most_common(2) if code != "US"]
    if not others:
        return None
    code, n = others[0]
    return code if n >= max(_LEAD_LEAST, acting.get("US", 0) + 1) else None


def _named_only(facts: list[Fact], named: frozenset[str]) -> list[Fact]:
    """The facts whose sides the article names: a side hit it never names (the default partner of a clause
    naming none, mostly the US) is a guess no reader could check, so it is left out of the targets, and a fact
    left with no side hit is no fact; so is one acting by a country other than the US that the article never
    names. An unnamed US acting is kept: news names Washington's measures by its office alone ("the president
    will offer Peru an exemption"). A legal basis only the US has (section 232, IEEPA) names the US by itself."""
    from monitor.extract.gazetteer import ANY

    kept = []
    for fact in facts:
        sides = named | ({"US"} if fact.authority in _US_ONLY_AUTHORITIES else set())
        if fact.imposer not in sides and fact.imposer not in {"US", ANY}:
            continue
        targets = tuple(t for t in fact.targets if t == ANY or t in sides)
        if not targets:
            continue
        kept.append(fact if targets == fact.targets else replace(fact, targets=targets))
    return kept


def _item_facts(item: str, lead: str, found: list[Fact], stated: list[Fact]) -> list[Fact]:
    """The facts of a list item that is a bare rate ("12% from March"), from `found`, the reading of the item
    after its lead-in: those with a rate; else the tariffs the lead-in stated, now at the item's rate. Each
    quotes the item."""
    from monitor.extract.confidence import with_rate
    from monitor.extract.sentences import item_rate

    rate = item_rate(item)
    if rate is not None and not any(f.kind == "tariff" and f.rate is not None for f in found):
        # The lead-in's measure, now with a rate: as sure as the model judges that measure with one stated.
        found = [
            replace(f, rate=rate, previous_rate=None, effective=None, until=None, confidence=with_rate(f.confidence))
            for f in stated
            if f.evidence == lead and f.rate is None
        ]
    return [replace(f, evidence=item) for f in found]


def extract_facts(text: str, published: dt.date | None) -> list[Fact]:
    """Every distinct trade-policy fact stated in `text`, dates resolved against `published`."""
    # Readings the confidence model judges more likely wrong than the threshold allows are not reported:
    # a wrong fact becomes a wrong alert.
    return read_facts(text, published, threshold=THRESHOLD)


def read_facts(text: str, published: dt.date | None, *, threshold: float = 0.0) -> list[Fact]:
    """Every distinct reading of `text` at least `threshold` sure; with the default, however unsure: the facts
    before the confidence threshold (what the confidence model is trained on)."""
    from monitor.extract import kind_arbiter
    from monitor.extract.gazetteer import ANY, BLOC, find_mentions
    from monitor.extract.kinds import rates_stated_nearby
    from monitor.extract.kinds.agreements import AGREEMENT_KINDS, members_named
    from monitor.extract.proposer import propose
    from monitor.extract.reading import Context, read_sentence
    from monitor.extract.roles import arbitrate
    from monitor.extract.sentences import lead_ins, split_sentences
    from monitor.extract.vocabulary import TRADE_HINT, US_TARIFF_WORDS

    if not text or not text.strip():
        return []
    sentences = [s[i : i + _MAX_SENTENCE] for s in split_sentences(text) for i in range(0, len(s), _MAX_SENTENCE)]
    # A list item that is a bare rate ("12% from March") that reads as no fact alone is read with the line
    # that opens its list, so it states that measure at its own rate; its facts still quote the item alone.
    items = {sentences[index]: lead for index, lead in lead_ins(sentences).items()}
    # Only sentences about trade can state a fact; their parties also say whom the article is about.
    mentioned: dict[int, list[Mention]] = {}

    def mentions_at(index: int) -> list[Mention]:
        # A sentence's parties are looked for once, however many of the steps below ask for them.
        if index not in mentioned:
            mentioned[index] = find_mentions(sentences[index])
        return mentioned[index]

    # A dateline says whose government the story is about, even when its sentence is not about trade.
    dateline = _dateline(sentences[0], mentions_at(0)) if sentences else None
    about_trade = [TRADE_HINT.holds(s) for s in sentences]
    _offices_at_home(sentences, mentions_at, [i for i, holds in enumerate(about_trade) if holds])
    relevant = [(s, mentions_at(i)) for i, s in enumerate(sentences) if about_trade[i]]
    # The sentences read for facts: those about trade, and the list items that may go on with a measure.
    read = [(s, mentions_at(i)) for i, s in enumerate(sentences) if about_trade[i] or s in items]
    counts: Counter[str] = Counter()
    us_named = False
    for _sentence, mentions in relevant:
        for mention in mentions:
            us_named = us_named or mention.code == "US"
            if mention.code not in {"US", ANY} and mention.form != BLOC:
                counts[mention.code] += 1
    if published is not None and not _EARLIEST <= published <= _LATEST:
        published = None  # relative dates cannot be counted from the ends of the calendar
    if not counts:
        # No trade sentence names a country ("The finance minister cut customs duty on gold"): the country the
        # rest of the article names is the one it is about.
        for index in range(len(sentences)):
            counts.update(m.code for m in mentions_at(index) if m.code not in {"US", ANY} and m.form != BLOC)
    partner = counts.most_common(1)[0][0] if counts else None
    # An article that never names the US is about another country's own measures: a clause naming no
    # actor is that country's, on everyone, not a US measure on it.
    acting = _acting(relevant)
    leading = acting.most_common(1)[0][0] if acting else None
    home = (leading or partner) if not us_named else None
    government = dateline.code if dateline is not None else _government(relevant[:3])
    ctx = Context(published=published or _anchor(text), partner=partner, home=home, government=government)
    # The side that acts in the article, for a clause naming no actor: its own side where the US is never named
    # (even where the clause names it only as a market: "wine sold on Chilean shelves"), else one acting far
    # more than the US.
    ctx.lead = _lead(acting) if us_named else leading
    def read_one(text: str, mentions: list[Mention]) -> list[Fact]:
        # The rules' reading, then the trained models' second opinions: who acts and who is hit among the
        # parties, and the kind of each fact (a tariff that is a relief ...).
        return kind_arbiter.arbitrate(text, arbitrate(text, ctx, mentions, read_sentence(text, ctx, mentions)))

    facts: list[Fact] = []
    quiet = 0  # sentences read since the last one stating a tariff
    for sentence, mentions in read:
        found = read_one(sentence, mentions)
        if sentence in items and not found:
            joined = f"{items[sentence]} {sentence}"
            reading = read_one(joined, find_mentions(joined))
            found = _item_facts(sentence, items[sentence], reading, ctx.stated)
        tariffs = [f for f in found if f.kind == "tariff"]
        quiet = 0 if tariffs else quiet + 1
        if tariffs:
            ctx.recent = tariffs
            ctx.stated.extend(tariffs)
        elif quiet > 1:
            ctx.recent = []  # a measure two sentences back is no longer the one a bare exemption speaks of
        ctx.paused.extend(f for f in found if f.kind == "pause" and f.until is not None)
        rated = [f.rate for f in found if f.kind == "tariff" and f.rate is not None]
        if rated:
            ctx.last_rate = rated[-1]
        facts.extend(found)
        ctx.read.append(sentence)
        # The rules read no tariff here: a trained model may still judge that the sentence states one.
        facts.extend(propose(sentence, ctx, mentions, found))
    # Unsure readings leave before repeats are merged: one too unsure to report must not hide a surer reading
    # of the same fact later in the article, nor take the place of the vaguer one it is more precise than.
    named = {m.code for found in mentioned.values() for m in found}
    if any(code not in named and code != ANY for f in facts for code in (f.imposer, *f.targets)):
        # Sentences not about trade name parties too: they are searched only when a fact needs them.
        named |= {m.code for index in range(len(sentences)) for m in mentions_at(index)}
    # A trade agreement named by name (NAFTA, the TPP) names its members, the sides of a deal on it.
    named.update(code for f in facts if f.kind in AGREEMENT_KINDS for code in members_named(f.evidence))
    if us_named or not acting or any(US_TARIFF_WORDS.search(s) for s, _m in relevant):
        # Only Washington levies "reciprocal" or section 232 tariffs; and an article naming no country that
        # may act ("The president will offer Peru an exemption") speaks of the US, as a clause naming none does.
        named.add("US")
    facts = rates_stated_nearby(_named_only(facts, frozenset(named)))
    return _dedup([f for f in _dates_referred_back(facts) if f.confidence >= threshold])


__all__ = ["EXTRACTOR_VERSION", "Fact", "extract_facts", "read_facts"]
