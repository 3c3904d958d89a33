"""Who acts and who is hit: the parties of a clause and their roles, decided in this one place."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from itertools import pairwise

from monitor.extract import vocabulary as vocab
from monitor.extract.authority import authority_of
from monitor.extract.clauses import masked
from monitor.extract.context import Context
from monitor.extract.facts import Fact
from monitor.extract.gazetteer import (
    ACTOR,
    ANY,
    BLOC,
    CAPITAL,
    DEMONYM,
    NAME,
    UNIVERSAL,
    Mention,
    numbered_groups,
    place_of,
)
from monitor.extract.matching import blind
from monitor.extract.scope import (
    examples_of_group,
    examples_of_unnamed,
    goods_without_origin,
    imported_goods,
    own_schedule,
)
from monitor.extract.sectors import find_sectors

# "tariffs on the country": the country the article is about.
_THE_COUNTRY = blind(r"\b(?:on|against)\s+the\s+country\b")
# Whoever buys a country's goods: "countries that buy Russian oil", "any country purchasing oil from Venezuela"
# (everyone who does is hit, not the seller), and "for buying Russian oil" (a reason: the seller is not hit).
_BUYERS = blind(
    r"\b(?:(countries|nations|economies|any\s+country|any\s+nation|buyers|importers|purchasers)\s+"
    r"(?:that\s+|which\s+|who\s+)?(?:also\s+|continue\s+to\s+)?"
    r"(?:buy|buys|bought|buying|purchase|purchases|purchased|purchasing|import|imports|imported|importing)|"
    r"(?:for|over)\s+(?:buying|purchasing|importing))\b[^,;.]{0,60}"
    # with an aside on how they buy: "any country buying oil from Iran, whether directly or from Iran's agents,"
    r"(?:,\s*[“\"]?whether\b[^;.]{0,100}?,[”\"]?)?"
)
# Countries described by what they do rather than named ("countries who retaliate will face higher duties",
# "any nation that trades with Iran"): whoever does it, so everyone; not a group named before ("those countries").
_DESCRIBED_GROUP = re.compile(
    r"(?<!\bthese\s)(?<!\bthose\s)(?<!\bboth\s)(?<!\btwo\s)\b(?:countries|nations|economies|trading\s+partners)\s+"
    r"(?:that|who|which)\s+(?!(?:is|are|was|were|has|have|had)\b)[a-z]+",
    re.I,
)
# Between a subject and its object: one verb in the past or present tense ("Canada matched the US").
_OBJECT_AFTER_VERB = re.compile(r"\s+(?:also\s+|then\s+|quickly\s+)?(?:[a-z]+ed|[a-z]+es)\s+(?:the\s+)?")
# A counted group of countries ("the 53 African countries", "40 other economies"): many sides, none named.
_COUNTED_COUNTRIES = re.compile(r"\b\d+\s+(?:[A-Z][a-z]+\s+|other\s+|more\s+)?(?:countries|nations|economies)\b")
# A verb or possessive pronoun between a party and goods it names: the party is the subject, not the origin.
_VERB_BEFORE_GOODS = blind(
    r"^\s+(?:[a-z]+ed|said|says|told|its|their|has|have|had|will|would|is|was|"
    # Irregular verbs and modals ("Korea gave Ghanaian carmakers an exemption", "Peru let Chilean copper in").
    r"gave|gives|give|grants|offers|put|puts|set|sets|cut|cuts|hit|hits|made|makes|took|takes|sent|sends|won|got|"
    r"gets|kept|keeps|struck|let|lets|can|could|may|might|must|should|shall)\s"
)
# A relative clause set off by a comma right after a party ("Mexico, which faces a 30% levy, ...", "...
# on Canada, which retaliated with ...", "Vietnam, whose exports face ..."); it runs to the next comma.
_RELATIVE_AFTER = blind(r"\s*,\s*(?:which|who|whose)\s+(?!he\b|she\b|it\b|they\b|we\b)")
# "... on goods from Peru, which also applies to Chile", "aluminum from Britain, which stays at 25%": the verbs of a
# measure say the "which" is the measure.
_MEASURE_VERB = blind(
    r"(?:also\s+|will\s+|would\s+|now\s+)*(?:appl(?:y|ies|ied)|covers?|covered|extends?|extended|includes?|"
    r"included|affects?|affected|takes?\s+effect|took\s+effect|came\s+into|comes\s+into|expires?|expired|"
    r"amounts?|amounted|totals?|totaled|totalled|stays?|stayed|remains?|remained|is\s+kept|keeps)\b"
)
_RELATIVE_END = re.compile(r",[”\"’']?\s|;|$")
# A parenthesis between a party and its verb ("Petro, in a statement that called Trump's actions a coup,
# answered ...", "Trudeau, after speaking with Mr. Trump, said ..."): the parties in it are not the subject.
_ASIDE_AFTER = blind(
    r"\s*,\s*(?:in|after|before|during|despite|following|speaking|according|like|unlike|amid|when|while|"
    r"meanwhile|however|for\s+its\s+part|for\s+their\s+part)\b"
)
# The main clause goes on after the parenthesis with a word in lower case: its verb.
_ASIDE_CLOSE = re.compile(r",[”\"’']?\s+(?=[a-z])")
# The source a sentence opens or ends by citing ("According to Peru's trade ministry, ...", "..., according to a
# notice from Peru's trade ministry"): the side whose statement it is, and so whose measure a sentence naming no
# other actor reports.
_ATTRIBUTION = blind(r",\s*according\s+to\b[^,;]{0,120}$")
_ATTRIBUTION_FIRST = blind(r"^\s*according\s+to\b[^,;]{0,120},")


@dataclass(frozen=True, kw_only=True)
class Relative:
    """A relative clause about a party: its antecedent, and where the clause (from its comma) and its own
    words (after the pronoun) begin, and where it ends (after its closing comma, if any)."""

    antecedent: Mention
    start: int
    body: int
    end: int
    aside: bool = False  # a parenthesis, not a relative clause: it says nothing of the antecedent's roles


def relative_clauses(clause: str, mentions: list[Mention]) -> list[Relative]:
    """The relative clauses of a clause whose antecedent is a party: what they say (who acts, who is hit, at
    what rate) is said of that party, not of the clause they sit in."""
    found: list[Relative] = []
    for m in mentions:
        if m.form in {UNIVERSAL, BLOC} or (found and m.start < found[-1].end):
            continue
        pronoun = _RELATIVE_AFTER.match(clause, m.end)
        if pronoun is None:
            aside = _ASIDE_AFTER.match(clause, m.end)
            close = _ASIDE_CLOSE.search(clause, aside.end()) if aside else None
            if aside and close and m.form in {NAME, CAPITAL, ACTOR} and not _ASIDE_AFTER.match(clause, close.start()):
                found.append(Relative(antecedent=m, start=m.end, body=aside.end(), end=close.end(), aside=True))
            continue
        if _MEASURE_VERB.match(clause, pronoun.end()):
            continue
        close = _RELATIVE_END.search(clause, pronoun.end())
        assert close is not None  # "$" always matches
        found.append(Relative(antecedent=m, start=m.end, body=pronoun.end(), end=close.end()))
    return found


# The noun phrase of a rate naming whose tariff it is: "Trump's 35% tariff", "Washington's new 34% levy" (a
# possessive right before the rate) ...
_OWNER_BEFORE = re.compile(
    r"(?:'s|’s)\s+(?:(?:new|own|current|existing|planned|proposed|latest|additional|retaliatory|punitive)\s+)*",
    re.I,
)
# ... "a 10% US tariff", "the 25 percent Chinese duties" (the side between the rate and the tariff word) ...
_OWNER_BETWEEN = re.compile(r"\s+(?:[\w-]+\s+)?")
# ... "the 2.4% the US charges" (a rate a named side charges, in a reduced relative clause).
_OWNER_CHARGES = re.compile(
    r"\s+(?:(?:tariffs?|duty|duties|levy|levies)\s+)?(?:that\s+|which\s+)?(?:the\s+)?"
    # A title before the name ("the tariffs that Mr. Trump imposed", "the duties President Lula set").
    r"(?:(?:Mr\.|Mrs\.|Ms\.|President|Prime\s+Minister|Premier|Chancellor)\s+(?:[A-Z][a-z]+\s+)?)?",
    re.I,
)
_CHARGES_AFTER = blind(
    r"\s+(?:(?:had|has|have)\s+)?(?:\w+ly\s+|already\s+|just\s+|recently\s+|since\s+)?(?:charges|charged|imposes|imposed|levies|levied|applies|applied|collects|sets|placed|places|put|puts|"
    r"slapped|slaps|announced|announces)\b"
)
_TARIFF_NEXT = blind(r"\s*(?:[\w-]+\s+){0,2}?(?:tariffs?|duty|duties|levy|levies|surcharges?)\b")
_OBJECT_NEXT = blind(r"\s+(?:on|against)\s")
_TARIFFS_ON_AFTER = blind(r"\s+(?:[\w-]+\s+)?(?:tariffs?|duty|duties|levy|levies)\s+(?:on|against)\s")


def _rate_owner(clause: str, mentions: list[Mention], start: int, end: int) -> Mention | None:
    """The side whose own tariff a rate's noun phrase says it is: "Trump's 35% tariff", "a 10% US tariff", "the
    2.4% the US charges"; None when the phrase names no owner. A country's possessive in a list ("India's 25
    percent tariff") is the rate it is charged: it owns the tariff only as an office or capital, as the US, or
    with the tariff's object named ("Canada's 25% tariffs on US goods")."""
    tariff = _TARIFF_NEXT.match(clause, end)
    for m in mentions:
        if m.form in {UNIVERSAL, BLOC}:
            continue
        if m.end <= start and tariff and _OWNER_BEFORE.fullmatch(clause, m.end, start):
            if m.form in {ACTOR, CAPITAL} or m.code == "US" or _OBJECT_NEXT.match(clause, tariff.end()):
                return m
        elif m.start > end and _OWNER_CHARGES.fullmatch(clause, end, m.start) and _CHARGES_AFTER.match(clause, m.end):
            return m  # "the 10% levy Washington placed on ...", "the 2.4% the US charges"
        elif m.start > end and _OWNER_BETWEEN.fullmatch(clause, end, m.start):
            own = m.form in {DEMONYM, ACTOR} or m.code == "US"
            if own and vocab.TARIFF_AFTER.match(clause[m.end : m.end + 70]):
                return m
    return None


def _blank(text: str, start: int, end: int) -> str:
    """The text with a span turned into spaces (the offsets of everything else kept)."""
    return text[:start] + " " * (end - start) + text[end:]


@dataclass(frozen=True, kw_only=True)
class Parties:
    """Who acts and whom it hits, as read from one clause."""

    imposer: str
    targets: tuple[str, ...]
    subject_named: bool
    # How sure the reading is: whether the acting side was read from the clause (its subject, the owner of
    # the tariff, the legal basis) and whether the side hit was named, or either was carried from context.
    imposer_named: bool = True
    targets_named: bool = True
    targets_default: bool = False  # no side hit named nor carried: the targets are a guess
    # Countries named as subjects together with the imposer ("Chile and Peru raised duties"): each acts too.
    fellows: tuple[str, ...] = ()


def _hit_after(after: str) -> bool:
    """Whether the words after a party make it the side hit ("faces", "will pay", "was exempted")."""
    return bool(vocab.TARGET_AFTER.match(after) or vocab.PASSIVE_TARGET_AFTER.match(after))


def _possessed_goods(after: str) -> bool:
    """Whether a possessive names goods right after it ("Chile's copper", "Brazil's beef exports")."""
    owned = vocab.POSSESSIVE.match(after)
    if not owned:
        return False
    rest = after[owned.end() : owned.end() + 30]
    if _OFFICE_OF_GOODS.match(rest):
        return False  # "Chile's agriculture minister said ...": goods naming an office, whose side speaks
    return bool(vocab.GOODS_AFTER.match(rest)) or any(m.start <= 12 for m in find_sectors(rest))


# An office named by the goods it oversees ("agriculture minister", "steel ministry", "energy department").
_OFFICE_OF_GOODS = re.compile(
    r"\s*(?:[\w-]+\s+){1,2}?(?:minister|ministers|ministry|ministries|secretary|department|officials?|agency|"
    r"commissioner|regulator|authorities|spokesman|spokeswoman|spokesperson|chief|board|council)\b",
    re.I,
)


# A demonym before an act of its state is the side acting ("a Turkish decree exempts ...", "the new Peruvian law
# taxes ..."), as before its government or officials (`vocab.GOVERNMENT_AFTER`).
_STATE_ACT_AFTER = re.compile(
    r"\s*(?:(?:new|presidential|executive|customs|tariff|trade)\s+)?(?:law|laws|decree|decrees|legislation|"
    r"regulations?|administration|state|executive\s+order)\b",
    re.I,
)


def _coordinated(between: str) -> bool:
    """Whether the words between two parties join them in one list ("Peru and Chile", "Japan (15%), Korea")."""
    return bool(vocab.COORDINATED.match(between) or vocab.COORDINATED_PAST_NOTE.match(between))


_SAID_OF_BEFORE = re.compile(r"\b(?:said|says|told\s+\w+|wrote|added)\s+of\s+(?:the\s+)?$", re.I)
# A quote that speaks of a measure on "our" goods ("'Their 25% tariff on our cars is unfair,' Korea's minister
# said"): the speaker after it is the side hit, not the one taxing.
_OURS_QUOTED = re.compile(
    r"[\"“‘'][^\"”’]*\b(?:on|against)\s+our\s+(?:own\s+)?[\w-]+[^\"”’]*[\"”’]\s*,?\s*(?:the\s+)?[^\"”’]{0,40}$",
    re.I,
)


# What a side buys of goods of another origin ("Canadian imports of Turkish steel", "Peru's purchases of Chilean
# wine"): the buyer's market, which taxes them. Not goods alone ("Vietnamese imports of steel") nor a value
# ("Chinese imports of $200 billion"): those are the exports of the side named. (Case tells the origin.)
_BUYS_OF_ORIGIN = re.compile(r"(?:'s|’s)?\s+(?:[a-z]+\s+)?(?:imports|purchases)\s+of\s+(?:the\s+)?[A-Z][\w.-]+\s+[a-z]")


# The agent of a passive verb of placing a measure ("was set by Canada", "were imposed last week by Peru").
_PLACED_BY_BEFORE = re.compile(
    r"\b(?:imposed|levied|set|announced|introduced|enacted|slapped|placed|fixed|applied|charged)\s+"
    r"(?:[\w-]+\s+){0,2}?by\s+(?:the\s+)?$",
    re.I,
)


# A side dealt a rate ("hit Chile with 20% and Bolivia with 25%", "slapped Peru with a 10% tariff").
_STRUCK_WITH_RATE_AFTER = re.compile(
    r"\s+with\s+(?:a\s+|an\s+)?(?:(?:further|extra|new|additional)\s+)?[\d.]+\s?(?:%|percent|per\s+cent|pc)(?!\w)"
    r"(?!\s+of\b)",  # "with 20% of the market" is a share
    re.I,
)


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
            and _coordinated(clause[mentions[i - 1].end : m.start])
            and not _hit_after(after)
            # "... 30% for Bolivia, Peru's ministry said": a speaker after the comma closes the list.
            and not ("," in clause[mentions[i - 1].end : m.start] and vocab.SPEAKER_AFTER.match(after))
            # "Chile, Peru's largest supplier, ...": an appositive naming the market, not a second side alike.
            and not vocab.OWN_IMPORTS_FROM.match(after)
        ):
            roles.append(roles[-1])  # "on Canada and Mexico": coordinated parties share a role
            continue
        if (
            m.form in {NAME, DEMONYM, CAPITAL}
            and vocab.SPEAKER_AFTER.match(after)
            and _OURS_QUOTED.search(clause, 0, m.start)
        ):
            roles.append(True)  # "'... their tariff on our cars,' Korea's minister said": the speaker's goods are hit
            continue
        if m.form in {NAME, CAPITAL} and _SAID_OF_BEFORE.search(before):
            # "..., Korea's minister said of Turkey": the side the quote speaks of acts where the quote's measure
            # falls on "our" goods, and is hit where it does not ("'We will tax their cars,' Peru said of Chile").
            roles.append(not _OURS_QUOTED.search(clause, 0, m.start))
            continue
        if m.form in {NAME, CAPITAL} and _STRUCK_WITH_RATE_AFTER.match(after):
            roles.append(True)  # "hit Chile with 20% and Bolivia with 25%": the side a rate is dealt is hit
            continue
        if m.form in {NAME, DEMONYM, CAPITAL} and _ANSWERED_BEFORE.search(before):
            roles.append(True)  # "Peru hit back at Chile", "in response to US tariffs": the side answered is hit
            continue
        if m.form in {NAME, CAPITAL} and vocab.GERUND_ACTOR_AFTER.match(after):
            roles.append(False)  # "on the heels of Peru imposing tariffs": the subject of the verb acts
            continue
        if _listed_after_group(clause, mentions, roles, i):
            roles.append(True)  # "on the six nations that ship it: Chile, Peru and ...": the group's members, hit
            continue
        if vocab.FACED_RATE_AFTER.match(after):
            roles.append(True)  # "Vietnam's reciprocal tariff will be 20%": the rate Vietnam is charged
            continue
        if m.form == NAME and vocab.DEAL_AFTER.match(after):
            roles.append(True)  # "the Japan trade deal": the partner, not the side that acts
        elif vocab.NOTIFIED_BEFORE.search(before) and vocab.NOTICE_OF_AFTER.match(after):
            roles.append(True)  # "would notify Chile of new tariffs": the side told of a measure is hit by it
        elif vocab.OBTAINED_BY_BEFORE.search(before):
            roles.append(True)  # "the rates won by Japan": the side that got a rate pays it
        elif _agent(before):
            roles.append(False)  # "retaliation by Beijing", "a levy paid to Togo": the side that acts
        elif vocab.LEVIES_VERB.match(after):
            roles.append(False)  # "India levies 50% on ...": the subject of the verb acts
        elif vocab.TARIFF_AFTER.match(after):
            # "U.S. tariffs", "China's tariffs", "Canadian duties" are their own; "the China tariff" hits China.
            own = m.code == "US" or m.form != NAME or bool(re.match(r"\s*(?:'s|’s)", after))
            roles.append(not own)
        elif vocab.EXPORTER_AFTER.match(after):
            roles.append(True)  # "Korea is Peru's largest export market": the seller, whose goods are taxed
        elif (
            vocab.INTO_BEFORE.search(before)
            or vocab.OWN_IMPORTS_FROM.match(after)
            or _BUYS_OF_ORIGIN.match(after)
            or (m.form == DEMONYM and vocab.MARKET_AFTER.match(after))
        ):
            roles.append(False)  # "imports into the US", "Japan's imports from Peru": the importing side taxes
        elif _possessed_goods(after):
            roles.append(True)  # "Chile's copper is exempt": whose goods, the side a measure falls on
        elif (
            vocab.TARGET_BEFORE.search(before)
            or (vocab.RECIPIENT_BEFORE.search(before) and not vocab.POSSESSIVE.match(after))
            or _hit_after(after)
            or vocab.REACTION_AFTER.match(after)
        ):
            roles.append(True)
        elif m.form == DEMONYM and not vocab.GOVERNMENT_AFTER.match(after) and not _STATE_ACT_AFTER.match(after):
            roles.append(True)  # "Japanese cars", "Russian oil": where goods come from, not who acts
        else:
            goods = vocab.GOODS_AFTER.match(after)
            owned = vocab.POSSESSIVE.match(after)
            if goods is not None and _OFFICE_OF_GOODS.match(after, owned.end() if owned else 0):
                goods = None  # "India's steel minister said ...": an office, not goods
            # "US steel" is hit; "the US doubled its steel tariffs" acts: a verb or a possessive before the goods.
            acts = goods is not None and bool(_VERB_BEFORE_GOODS.search(after[: goods.end()]))
            roles.append(goods is not None and not acts and m.form in {DEMONYM, NAME})
    # "The EU and Japan both face 15% tariffs": the role of the last coordinated party is everyone's.
    for i in range(len(mentions) - 2, -1, -1):
        between = clause[mentions[i].end : mentions[i + 1].start]
        if (
            roles[i + 1]
            and mentions[i + 1].form != BLOC
            and not roles[i]
            and mentions[i].form in {NAME, CAPITAL, DEMONYM}
            and _coordinated(between)
        ):
            roles[i] = True
    return roles


# A group of countries given by a number and then spelt out after a colon, a dash or a parenthesis ("the
# six nations that ship it: Chile, Peru and ..."): the words between the group and its first member.
_GROUP_SPELT_OUT = re.compile(r"[^:;()—–.]{0,90}(?::|\s[—–-]\s|\()\s*(?:the\s+)?")


def _listed_after_group(clause: str, mentions: list[Mention], roles: list[bool], i: int) -> bool:
    """Whether mention `i` opens the list of members of a counted group named just before it as hit ("dozens of
    countries: ..." gives examples of a vaguer group, which stays everyone)."""
    if not i or mentions[i].form not in {NAME, DEMONYM}:
        return False
    group = mentions[i - 1]
    return (
        group.form == UNIVERSAL
        and roles[i - 1]
        and bool(numbered_groups(group.text))
        and _GROUP_SPELT_OUT.fullmatch(clause, group.end, mentions[i].start) is not None
    )


def hit_roles(sentence: str, mentions: list[Mention]) -> list[bool]:
    """For each party a sentence names, whether it is named as the side hit (True) rather than one that may act."""
    return _roles(sentence, mentions)


def _agent(before: str) -> bool:
    """Whether the words before a party make it the side that acts: the source of a measure ("retaliation by
    Beijing"), the side a levy is paid to ("Ghana pays a 14% levy to Togo") or the side asked to spare another
    ("a grace period from Washington")."""
    return bool(
        vocab.SOURCE_BEFORE.search(before) or vocab.PAYEE_BEFORE.search(before) or vocab.GRANTOR_BEFORE.search(before)
    )


def _in_reason(clause: str, mention: Mention) -> bool:
    """Whether a party is named inside a reason given for the measure ("Chile began 15% tariffs in response to
    duties announced by Peru"): the agent of the measure answered, not of this one."""
    reason = vocab.REASON_AFTER.search(clause, 0, mention.start)
    return reason is not None and vocab.TARIFF_WORD.search(masked(clause[: reason.start()])) is not None


# What ends a wire story's opening place ("ROME: ", "LIMA - "): the name after it starts the story, no repeat.
_DATELINE_GAP = re.compile(r"\s*(?::|[-–—])\s")


def _usable(clause: str, mentions: list[Mention]) -> list[Mention]:
    """Mentions without repeats of the one before: "European Union (EU)", and an office right after its
    country ("India's commerce ministry" is India, whatever country the office's name suggests). A country
    named right after its capital's dateline ("ROME: Italy and ...") is the story's first party, no repeat."""
    kept: list[Mention] = []
    for m in mentions:
        repeat = bool(kept) and m.start - kept[-1].end <= 3 and (kept[-1].code == m.code or m.form == ACTOR)
        if repeat and not (m.form != ACTOR and _DATELINE_GAP.fullmatch(clause, kept[-1].end, m.start)):
            continue
        kept.append(m)
    return kept


def tariff_owner(clause: str, mentions: list[Mention]) -> Mention | None:
    """The party whose own tariff the clause's first tariff word is ("US tariffs", "China's levy"), if any."""
    return _owner(clause, mentions)


def _owner(clause: str, mentions: list[Mention]) -> Mention | None:
    """The party whose own tariff the clause's first tariff word is ("US tariffs", "China's levy")."""
    first = vocab.TARIFF_WORD.search(masked(clause))
    if first is None:
        return None
    for m in mentions:
        # "the United States' decision to impose tariffs": the side deciding owns them, further off.
        decided = m.end <= first.start() and first.start() - m.end <= 80
        between = clause[m.end : first.end()]
        # "the U.S. government's new plan to impose tariffs": the office names its country's decision.
        office = vocab.OFFICE_AFTER.match(between)
        if (
            decided
            and m.form not in {UNIVERSAL, BLOC}
            and vocab.DECIDED_TARIFF_AFTER.match(between[office.end() :] if office else between)
        ):
            return m
        if m.end <= first.start() and first.start() - m.end <= 40 and m.form not in {UNIVERSAL, BLOC}:
            after = clause[m.end : m.end + 70]
            office = vocab.OFFICE_AFTER.match(after)
            if office:
                after = after[office.end() :]  # "the Trump administration's tariffs" are the US's
            if vocab.TARIFF_AFTER.match(after) and not vocab.FACED_RATE_AFTER.match(after):
                possessive = bool(re.match(r"\s*(?:'s|’s)", after))
                if m.code == "US" or m.form != NAME or possessive:
                    return m
    for m in mentions:
        # "The duties Beijing imposed on Australian barley", "the tariffs Korea had put on US beef": a side in a
        # reduced relative clause right after the tariff word, with its verb of placing, owns the tariff.
        if (
            m.start > first.end()
            and m.form not in {UNIVERSAL, BLOC}
            and _OWNER_CHARGES.fullmatch(clause, first.end(), m.start)
            and _CHARGES_AFTER.match(clause, m.end)
        ):
            return m
    return None


# What a side's measure answers: "fired back at the US tariffs", "in retaliation for Washington's duties".
_ANSWERED_BEFORE = re.compile(
    r"\b(?:(?:fire[sd]?|firing|hit|hits|hitting|struck|strikes?|lash(?:es|ed)?|push(?:es|ed)?)\s+back\s+"
    r"(?:at|against)|retaliat\w*\s+(?:against|for|at)|in\s+(?:response|retaliation|answer|reply)\s+to|"
    r"respond(?:s|ed|ing)?\s+to)\s+(?:the\s+)?$",
    re.I,
)


def _answers_owner(clause: str, owner: Mention, at: int | None) -> bool:
    """Whether the tariff `owner` owns is only what the clause's own measure answers ("China fired back at US
    tariffs by putting in place tariffs of its own on ..."): a later tariff word is the measure, which is not the
    owner's."""
    if not _ANSWERED_BEFORE.search(clause, max(0, owner.start - 40), owner.start):
        return False
    text = masked(clause)
    first = vocab.TARIFF_WORD.search(text, owner.end)
    later = vocab.TARIFF_WORD.search(text, first.end()) if first is not None else None
    return later is not None and (at is None or at >= later.start())


# Two sides joined by a hyphen or slash before a noun of their relationship ("the US-China trade war",
# "U.S.-Japan trade friction", "Sino-US relations"): the relationship is named, not a side that acts or is hit.
_PAIR_JOIN = re.compile(r"\s?[-–/]\s?")
_RELATIONSHIP_AFTER = re.compile(
    r"\s+(?:trade\s+|economic\s+|commercial\s+|tariff\s+)?(?:friction|frictions|tensions?|war|wars|dispute|disputes|"
    r"row|spat|conflict|feud|standoff|relations|relationship|ties|rivalry|imbalance|deficit|surplus)\b",
    re.I,
)


def _relationship_pairs(clause: str, mentions: list[Mention]) -> set[int]:
    """The ids of the mentions that form a pair naming a relationship rather than sides."""
    found: set[int] = set()
    for a, b in pairwise(mentions):
        if (
            a.form in {NAME, DEMONYM}
            and b.form in {NAME, DEMONYM}
            and _PAIR_JOIN.fullmatch(clause, a.end, b.start)
            and _RELATIONSHIP_AFTER.match(clause, b.end)
        ):
            found |= {id(a), id(b)}
    return found


def _reports_another(clause: str, mention: Mention) -> bool:
    """Whether the mention is a speaker reporting what someone else does ("Modi said Indian goods will face ...");
    "Tokyo said it would impose ..." keeps Tokyo as the actor."""
    speech = vocab.SPEAKER_AFTER.match(clause[mention.end : mention.end + 30])
    if not speech:
        return False
    rest = clause[mention.end + speech.end() : mention.end + speech.end() + 20]
    return not vocab.SELF_AFTER.match(rest)


# A city right before the place, behind a comma ("in Geneva, Switzerland").
_CITY_BEFORE = re.compile(r"\b(?:in|at)\s+(?:the\s+)?([A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?)\s*,\s*$")


def _venue(clause: str, mention: Mention, starts: frozenset[int] = frozenset()) -> bool:
    """Whether a place is only where talks or a summit happen ("talks in Geneva, Switzerland", "the G20
    summit in Argentina", "on the sidelines of the summit in Lima", "is in Chile for talks"): a venue is not a
    party. A name that qualifies what follows it ("in US-China relations", "in Chilean trade") is no place
    (`starts`: where the clause's parties begin)."""
    following = vocab.NAME_JOINER.match(clause, mention.end)
    if following and following.end() in starts:
        return False  # "a new start in US China relations"
    if vocab.QUALIFIED_AFTER.match(clause, mention.end):
        return False
    if mention.form == BLOC and vocab.SUMMIT_AFTER.match(clause[mention.end : mention.end + 40]):
        return True  # "on the sidelines of the ASEAN Summit": where leaders met, not a party
    if mention.form in {ACTOR, UNIVERSAL, BLOC}:
        return False
    before = clause[max(0, mention.start - 100) : mention.start]
    if not vocab.VENUE_AT.search(before):
        return False
    city = _CITY_BEFORE.search(before)
    if city is not None and place_of(city.group(1)) not in {None, mention.code}:
        return False  # "At the summit in Lima, Chile imposed ...": another country's place, no "city, country"
    if vocab.SIGNED_AT.search(before):
        return True  # "an accord was signed in Singapore between Peru and Korea": where, not who
    after = clause[mention.end : mention.end + 80]
    return bool(vocab.MEETING_WORD.search(before) or vocab.MEETING_AFTER.match(after))


def _names_tariff_spared_from(clause: str, mention: Mention) -> bool:
    """Whether a country only names the tariff goods are spared from ("exempt from the Brazil tariff"): which
    tariff, not the side spared nor the one sparing."""
    return (
        mention.form == NAME
        and vocab.TARIFF_AFTER.match(clause[mention.end : mention.end + 70]) is not None
        and not re.match(r"\s*(?:'s|’s)", clause[mention.end : mention.end + 3])
        and vocab.EXEMPT_FROM_BEFORE.search(clause[max(0, mention.start - 100) : mention.start]) is not None
    )


def is_venue(clause: str, mention: Mention) -> bool:
    """Whether a place is only where talks or a summit happen (see `find_parties`)."""
    return _venue(clause, mention)


def excepted(clause: str, mention: Mention) -> bool:
    """Whether a party is named as left out of the measure ("on all aluminum, except aluminum from Britain")."""
    return bool(vocab.EXCEPT_BEFORE.search(clause[max(0, mention.start - 50) : mention.start]))


def _own_government(clause: str, position: int, ctx: Context) -> str | None:
    """The article's own government, when the clause's subject is an office named without its country ("the
    government will raise ...", "the trade minister announced ..."); None when no such office acts or the
    clause speaks of US tariffs ("reciprocal", Section 232), which only Washington levies."""
    if not vocab.OFFICE_SUBJECT.search(clause[:position]) or vocab.US_TARIFF_WORDS.search(clause):
        return None
    return ctx.government or ctx.home or ctx.partner


def _pair_named_again(clause: str, ctx: Context) -> tuple[str, str] | None:
    """The two sides a clause names only as "the two sides", "both countries": those of the article's last
    talks or deal, else those of its last measure on one side; None when the clause does not say so."""
    if not vocab.PAIR_SUBJECT.search(clause):
        return None
    if ctx.pair is not None:
        return ctx.pair
    last = ctx.actor
    if last is not None and len(last.targets) == 1 and last.targets[0] not in {ANY, last.imposer}:
        return (last.imposer, last.targets[0])
    return None


def _listed_after_partner(clause: str, mentions: list[Mention]) -> list[Mention]:
    """The later items of a list of parties whose first item is met "with" ("talks with Chile, Peru and the
    EU"): each is met as much as the first. A list is items joined by commas and closed by "and" or "or"."""
    listed: list[Mention] = []
    run: list[Mention] = []
    closed = False
    for prev, cur in pairwise(sorted(mentions, key=lambda m: m.start)):
        gap = vocab.LIST_GAP.fullmatch(clause, prev.end, cur.start)
        if gap is not None and (run or vocab.WITH_BEFORE.search(clause[max(0, prev.start - 40) : prev.start])):
            run.append(cur)
            closed = closed or vocab.LIST_CLOSING.search(gap.group(0)) is not None
            continue
        if closed:
            listed += run
        run, closed = [], False
    return listed + run if closed else listed


# A verb of saying whose object is a clause of its own ("warned that ...", "announced on Friday that ...").
_SAYS = re.compile(r"warn(?:s|ed)|threaten(?:s|ed)?|announce[sd]?|revealed", re.I)
_SAYS_THAT_AFTER = re.compile(r"\s+(?:on\s+\w+\s+|\w+ly\s+)?that\s", re.I)


# A preposition right before a side: the side is its object, no verb's subject ("partners in China", "met with Xi").
# ("by" is left out: the agent of a passive acts.)
_PREPOSITION_BEFORE = re.compile(
    r"\b(?:in|from|to|with|of|at|for|against|on|toward|towards|among)\s+(?:the\s+|President\s+|Donald\s+)*$", re.I
)
# A person's pronoun as the subject of the measure's verb ("when he slaps tariffs on ...").
_PERSON_SUBJECT = re.compile(
    r"\b(?:he|she)\s+(?:(?:will|would|could|has|had|is|was|then|also|already|now|soon)\s+){0,2}(?:\w+\s+)?$"
)


def find_parties(
    clause: str,
    mentions: list[Mention],
    ctx: Context,
    prefer_first: bool = False,
    at: int | None = None,
    relatives: list[Relative] | None = None,
) -> Parties:
    """Who acts and whom it hits; `at` is where the clause's verb is, when the caller knows it (`relatives`:
    the clause's relative clauses, when already found)."""
    named_here = {m.code for m in mentions}
    for relative in relative_clauses(clause, mentions) if relatives is None else relatives:
        # What a relative clause says of its party is not said of this clause's subject or objects.
        clause = _blank(clause, relative.start, relative.end)
        mentions = [m for m in mentions if not relative.start <= m.start < relative.end]
    buyers = list(_BUYERS.finditer(clause))
    if buyers:
        # The seller named in a buyer's phrase is no side hit ("on countries that buy Russian oil").
        mentions = [m for m in mentions if not any(b.start() < m.start < b.end() for b in buyers)]
    if not prefer_first:
        # "U.S.-Japan trade friction was fueled by ...": a pair naming a relationship is neither side of a measure.
        pairs = _relationship_pairs(clause, mentions)
        mentions = [m for m in mentions if id(m) not in pairs]
    starts = frozenset(m.start for m in mentions)
    mentions = [
        m
        for m in _usable(clause, mentions)
        if not _venue(clause, m, starts)
        and not excepted(clause, m)
        and not _names_tariff_spared_from(clause, m)
        and not (m.form == DEMONYM and vocab.COUNTED_GOODS_EXAMPLES.search(clause[max(0, m.start - 160) : m.start]))
    ]
    if not prefer_first:
        # "cut tariffs on 800 foreign goods ahead of talks with Washington": the side met is no side hit.
        mentions = [
            m
            for m in mentions
            if not vocab.TALKS_WITH_BEFORE.search(clause, max(0, m.start - 40), m.start)
            and not (m.form in {NAME, CAPITAL} and vocab.VISIT_TO_BEFORE.search(clause, max(0, m.start - 30), m.start))
        ]
    roles = _roles(clause, mentions)
    subjects = [m for m, target in zip(mentions, roles, strict=True) if not target]
    target_codes = [m.code for m, target in zip(mentions, roles, strict=True) if target]
    if prefer_first:
        # Talks and deals: the first party named acts (unless it is only named after "with", "to" ...),
        # whoever is named with it is the other side. A capital after "in" or "at" is where they met.
        venues = {
            id(m)
            for m in mentions
            if m.form == CAPITAL and vocab.VENUE_BEFORE.search(clause[max(0, m.start - 5) : m.start])
        }
        # The place a wire story opens with ("OSLO -") is where it was filed, not the first party.
        venues |= {
            id(m)
            for m in mentions
            if m.start <= 30
            and not any(c.islower() for c in clause[: m.start])
            and m.form in {CAPITAL, NAME}
            and vocab.DATELINE_AFTER.match(clause, m.end)
        }
        if venues:
            kept = [(m, r) for m, r in zip(mentions, roles, strict=True) if id(m) not in venues]
            mentions = [m for m, _r in kept]
            target_codes = [m.code for m, r in kept if r]
        first_seen: dict[str, Mention] = {}
        for m in mentions:
            first_seen.setdefault(m.code, m)
        in_partner_slot = {
            code
            for code, m in first_seen.items()
            if vocab.PARTNER_BEFORE.search(clause[max(0, m.start - 40) : m.start])
        }
        in_partner_slot |= {m.code for m in _listed_after_partner(clause, mentions) if first_seen[m.code] is m}
        # A speaker named after the statement it reports ("..., the Thai minister told reporters") is never
        # the first party: with no other party named, it is the side the US met.
        trailing = vocab.TRAILING_SPEAKER.search(clause)
        sources = {id(m) for m in mentions if trailing and m.start >= trailing.start()}
        if (
            sources
            and any(id(m) not in sources for m in mentions)
            and all(m.code in in_partner_slot for m in mentions if id(m) not in sources)
        ):
            sources = set()  # "We will hold talks with Japan, the Korean minister said": the speaker's side acts
        if len({m.code for m in mentions if id(m) in sources}) > 1 and len(sources) == len(mentions):
            sources = set()  # "..., the Japanese and Canadian ministers said": the speakers are the two sides
        if sources and len(sources) < len(mentions):
            # The parties are named before it: the speaker is not one of them.
            mentions = [m for m in mentions if id(m) not in sources]
            target_codes = [c for c in target_codes if c in {m.code for m in mentions}]
            sources = set()
        elif sources:
            target_codes = [*target_codes, *(m.code for m in mentions if id(m) in sources)]
        # The party met "with" is the other side, however often the clause names it again.
        leading = [
            m
            for m in mentions
            if m.form not in {UNIVERSAL, BLOC} and m.code not in in_partner_slot and id(m) not in sources
        ]
        report = vocab.REPORTED_THAT.search(clause)
        if report and any(m.start >= report.end() for m in leading):
            # "Seoul's ministry announced that the US and Korea reached a deal": the reporter is not first.
            leading = [m for m in leading if m.start >= report.end()]
        named = [m.code for m in leading] + [c for c in target_codes if c != ANY]
        # The side met "with" is the other side even where its role reads as no side hit ("met with her Moroccan
        # counterpart").
        named += [m.code for m in mentions if m.code in in_partner_slot and m.form != UNIVERSAL and m.code not in named]
        pair = _pair_named_again(clause, ctx)
        if pair is not None and set(named) <= set(pair):
            # "the two sides will meet again" ("..., Ghana said"): the sides named before, the one named here first.
            first = named[0] if named else pair[0]
            again = vocab.PAIR_SUBJECT.search(clause)
            if again and leading and all(m.start >= again.end() for m in leading):
                # "The two countries started talks to widen the Chile-Peru pact": the sides are the subject, in
                # the order the article named them; names after it are in the object.
                first = pair[0]
            return Parties(
                imposer=first,
                targets=tuple(c for c in pair if c != first),
                subject_named=True,
                imposer_named=bool(named),
                targets_named=False,
            )
        # A grouping cannot act (it has no code): "ASEAN held talks with China" is China's, with the members.
        partners = [m for m in mentions if m.form not in {UNIVERSAL, BLOC} and m.code in in_partner_slot]
        if leading:
            imposer = leading[0].code
        elif partners and any(m.form == BLOC for m in mentions):
            imposer = partners[0].code
        elif ctx.partner and ctx.partner not in target_codes and ctx.partner not in in_partner_slot:
            imposer = ctx.partner
        else:
            # "... signed a deal with Xi": the side met "with" is the other party, not the one that acts.
            imposer = "US" if "US" not in in_partner_slot or ctx.partner is None else ctx.partner
        others = [c for c in named if c != imposer]
        targets_named = bool(others)
        if not others and ANY in target_codes:
            others = [ANY]  # "discussions with many of our trading partners"
        if not others:
            others = ["US"] if imposer != "US" else ([ctx.partner] if ctx.partner else [ANY])
        return Parties(
            imposer=imposer,
            targets=tuple(dict.fromkeys(others)),
            subject_named=bool(leading),
            imposer_named=bool(leading),
            targets_named=targets_named,
            targets_default=not targets_named,
        )
    anchor = vocab.ACTION.search(clause) if at is None else None
    if anchor is not None and _SAYS.fullmatch(anchor.group()) and _SAYS_THAT_AFTER.match(clause, anchor.end()):
        # "He warned that the U.S. would impose ...": the verb of the clause it reports is the measure's.
        anchor = vocab.ACTION.search(clause, anchor.end()) or anchor
    position = at if at is not None else anchor.start() if anchor else len(clause)
    into = [
        m
        for m in subjects
        # As wide as `_roles` looks: "exported from South Korea to Chile" puts the verb well before the market.
        if vocab.INTO_BEFORE.search(clause[max(0, m.start - 40) : m.start])
        or vocab.OWN_IMPORTS_FROM.match(clause[m.end : m.end + 60])
        or _BUYS_OF_ORIGIN.match(clause, m.end)
        # (The pattern is anchored with "^", which holds only at the start of the text it is given.)
        or (m.form == DEMONYM and vocab.MARKET_AFTER.match(clause[m.end : m.end + 30]))
        or (m.form in {NAME, CAPITAL} and vocab.MARKET_OF_AFTER.match(clause[m.end : m.end + 80]))
    ]
    # A speaker ("Modi said that ...") reports what someone else does.
    before = [m for m in subjects if m.start < position and not _reports_another(clause, m)]
    if len(before) > 1:
        # "Trump faces anger from partners in China after announcing tariffs ...", "Trump met with Xi since the
        # countries had slapped tariffs ...": the subject acts, and no side named after a preposition is a subject
        # (unless it is the subject of a gerund: "the prospect of China imposing tariffs").
        objects: list[Mention] = []
        for m in before:
            if (
                _PREPOSITION_BEFORE.search(clause, max(0, m.start - 20), m.start)
                and not vocab.GERUND_ACTOR_AFTER.match(clause[m.end : m.end + 70])
            ) or (objects and vocab.COORDINATED.match(clause[objects[-1].end : m.start])):
                objects.append(m)  # "partners in China and Europe": both are the objects of "in"
        before = [m for m in before if m not in objects] or before
    pronoun = _PERSON_SUBJECT.search(clause, 0, position)
    if pronoun is not None and (people := [m for m in before if m.form == ACTOR and m.end <= pronoun.start()]):
        # "Trump claims Mexico cheated, but that this ends when he slaps tariffs on ...": "he" is a person, the
        # one named last, not a country named between.
        before = [people[-1]]
    owner_mention = _owner(clause, mentions)
    if owner_mention is not None and _answers_owner(clause, owner_mention, at):
        owner_mention = None
    if (
        owner_mention is not None
        and owner_mention.form == DEMONYM
        and any(m.start < owner_mention.start and m.code != owner_mention.code for m in before)
        # "the imposition of Chilean tariffs on its fish": tariffs with their object named are the demonym's own,
        # and so is a decision ("the Chilean administration's decision to impose tariffs").
        and not _TARIFFS_ON_AFTER.match(clause, owner_mention.end)
        and vocab.TARIFF_AFTER.match(clause[owner_mention.end : owner_mention.end + 70]) is not None
    ):
        # "Trump is increasing South Korean tariffs": with an actor named first, the demonym says whose goods
        # the tariffs hit, not who levies them.
        target_codes = [*target_codes, owner_mention.code]
        roles = [True if m is owner_mention else r for m, r in zip(mentions, roles, strict=True)]
        subjects = [m for m in subjects if m is not owner_mention]
        before = [m for m in before if m is not owner_mention]
        owner_mention = None
    if owner_mention is not None and (
        placer := next(
            (
                m
                for m in subjects
                if m.start > owner_mention.end
                and m.code != owner_mention.code
                and _PLACED_BY_BEFORE.search(clause, max(0, m.start - 40), m.start)
                # One measure: "tariffs on China and, in turn, tariffs imposed by China" are two.
                and len(list(vocab.TARIFF_WORD.finditer(clause[owner_mention.end : m.start]))) <= 1
            ),
            None,
        )
    ):
        # "Vietnam's 46% tariff rate was set by Canada": the agent of the passive places it; the possessive names
        # the side it is charged to.
        target_codes = [*target_codes, owner_mention.code]
        roles = [True if m is owner_mention else r for m, r in zip(mentions, roles, strict=True)]
        subjects = [m for m in subjects if m is not owner_mention]
        before = [m for m in before if m is not owner_mention]
        agents_first = placer
        owner_mention = None
    else:
        agents_first = None
    owner = owner_mention.code if owner_mention is not None else None
    together: list[Mention] = []
    fellows: list[str] = []
    imposer_named = True
    if vocab.US_AUTHORITY.search(clause):
        imposer = "US"
    elif owner is not None:
        imposer = owner  # "to reduce US tariffs", "China's tariff on U.S. goods"
    elif agents_first is not None:
        imposer = agents_first.code
    elif agents := [
        m for m in subjects if _agent(clause[max(0, m.start - 40) : m.start]) and not _in_reason(clause, m)
    ]:
        imposer = agents[0].code  # "duties levied by the EU", "a levy paid to Togo": the agent acts
    elif into:
        imposer = into[0].code
    elif before:
        # The grammatical subject sits right before its verb; of "the U.S. and China agreed", the first. A party
        # right after the subject's own verb is its object ("Canada matched the US with 25% tariffs ...").
        while len(before) > 1 and _OBJECT_AFTER_VERB.fullmatch(clause, before[-2].end, before[-1].start):
            before = before[:-1]
        i = len(before) - 1
        while i > 0 and vocab.COORDINATED.match(clause[before[i - 1].end : before[i].start]):
            i -= 1
        imposer = before[i].code
        together = before[i:]
    elif speakers := [
        m for m in subjects if m.start < position and m.code not in target_codes and m.form in {NAME, CAPITAL, ACTOR}
    ]:
        # "Beijing said duties on Canadian canola will be cut": a speaker naming no other actor speaks of its
        # own measure (but "Modi said Indian goods will face ..." reports another's: the speaker is hit).
        imposer = speakers[0].code
    elif (own := _own_government(clause, position, ctx)) is not None and own not in target_codes:
        # "The finance minister cut customs duty on gold": an office named without its country is the
        # article's own government's.
        imposer = own
    elif {c for c in target_codes if c != ANY} == {"US"} and ctx.partner and ctx.partner != "US":
        imposer = ctx.partner
        imposer_named = False
    elif ctx.actor is not None and ctx.actor.imposer not in target_codes:
        # No side acts in this clause: the one that acted last in the article still does ("Brazil raised
        # duties on steel. Tariffs on wire rod will rise to 25%").
        imposer = ctx.actor.imposer
        imposer_named = False
    else:
        # The article's own country, unless the clause names it in another role (hit, left out, a venue).
        imposer = ctx.home if ctx.home is not None and ctx.home not in named_here else "US"
        if imposer == "US" and ctx.lead is not None:
            imposer = ctx.lead  # no guessed US where the article never names it or another side leads
        if ctx.home is None and ctx.government is not None and ctx.government not in target_codes:
            # The government the article opens with acting ("China's commerce ministry announced ..."):
            # its duties, not a guessed US measure, are what the later clauses without an actor speak of.
            imposer = ctx.government
        if vocab.US_TARIFF_WORDS.search(clause):
            imposer = "US"  # "the reciprocal tariff on its cars takes effect": only Washington levies those
        imposer_named = False
    if owner is None and imposer in target_codes and len(together) > 1:
        # "Tokyo and Washington sealed a deal that caps tariffs on Japanese cars": whose goods are hit does not tax
        # them; of the parties acting together, the other one does.
        others = [m.code for m in together if m.code != imposer and m.code not in target_codes]
        imposer = others[0] if others else imposer
    elif owner is None:
        fellows = [m.code for m in together if m.code not in {imposer, *target_codes} and m.form in {NAME, CAPITAL}]
        if together and together[0].form not in {NAME, CAPITAL}:
            fellows = []  # "Trump and Xi agreed ...": leaders agreeing state one bargain, not two measures
    # A party named in a reason after the measure ("... in response to its purchases of Russian oil") is not hit.
    reason = vocab.REASON_AFTER.search(clause, min(position + 1, len(clause)))
    if reason and vocab.TARIFF_WORD.search(masked(clause[reason.end() :])) and vocab.RATE.search(clause, reason.end()):
        reason = None  # "... after moving to impose tariffs of 145% on Beijing": the measure itself, no reason
    cut = reason.start() if reason else len(clause)
    near = [
        m.code
        for m, target in zip(mentions, roles, strict=True)
        if target and position - 80 <= m.start <= position + 150 and m.code != imposer and m.start < cut
    ]
    if _THE_COUNTRY.search(clause) and ctx.partner and ctx.partner != imposer:
        near = [ctx.partner]
    before_reason = [m.code for m, target in zip(mentions, roles, strict=True) if target and m.start < cut]
    chosen = near or [t for t in before_reason if t != imposer]
    if not chosen:
        # Another side named as a subject, but not one acting together with the imposer ("Canada and Mexico
        # threatened retaliation" hits neither of them).
        acting = {m.code for m in together}
        chosen = [m.code for m in subjects if m.code != imposer and m.code not in acting]
    if not chosen and (
        any(b.group(1) for b in buyers) or _COUNTED_COUNTRIES.search(clause) or _DESCRIBED_GROUP.search(clause)
    ):
        # "a 25% tariff on any country purchasing oil from Venezuela", "imports from the 53 African countries":
        # many sides, none named, as "dozens of countries" is.
        chosen = [ANY]
    if imposer != "US" and vocab.TARIFF_LEVEL.search(clause):
        # "China cut its overall tariff level to 9.8%": a side's whole schedule, which every origin pays, whoever
        # else the sentence names or the article's last measure hit.
        chosen = [ANY]
    targets_named = bool(chosen)
    targets_default = False
    if not chosen:
        targets_default = not (ctx.actor is not None and ctx.actor.imposer == imposer)
        if ctx.actor is not None and ctx.actor.imposer == imposer and not imported_goods(clause):
            chosen = list(ctx.actor.targets)  # the measure the article is about, referred back to
        elif (
            ctx.actor is not None
            and imposer in ctx.actor.targets
            and (vocab.RETALIATION.search(clause) or vocab.ANSWERED.search(clause))
        ):
            # "Peru taxed Chilean wine, to which Chile responded with tariffs of its own": the side hit by the
            # last measure answers the side that hit it.
            chosen = [ctx.actor.imposer]
            targets_default = False
        elif imposer != "US" and (
            imposer == ctx.home
            or own_schedule(clause)
            # The government the article opens with sets its own schedule, unless the article has had it in a
            # tariff fight with the US: its new duties are then on the US ("The new tariffs imposed by China").
            or (imposer == ctx.government and not _fights_us(imposer, ctx.stated))
        ):
            chosen = [ANY]  # a country's own tariff schedule applies to every origin
        elif imposer != "US" and ctx.home is None and ctx.pair is not None and imposer in ctx.pair:
            # "India and the EU sealed a pact. Duties on wine will fall to 20%": a side of the article's last
            # talks or deal that names no one hit cuts its duties for the other side, not for a guessed US.
            chosen = [c for c in ctx.pair if c != imposer]
        elif imposer != "US" and not imported_goods(clause):
            chosen = ["US"]
        elif ctx.partner and not goods_without_origin(clause):
            chosen = [ctx.partner]
        else:
            chosen = [ANY]  # "25% on certain furniture": goods of no named origin, every origin's
    if not imposer_named and vocab.RETALIATORY.search(clause):
        answer = _retaliation(ctx, chosen if targets_named else [])
        if answer is not None:
            # "In retaliation, tariffs of 25% were announced on cars": no actor named, so the side answering
            # is the one the last measure hit, and it answers the side that hit it.
            imposer = answer[0]
            named = [t for t in chosen if t != imposer] if targets_named else []
            chosen = named or [answer[1]]
            targets_named, targets_default = bool(named), False
    specific = [t for t in chosen if t != ANY]
    subject_named = bool(before)
    if _only_examples(clause, [m for m in mentions if m.code in specific]):
        # "tariffs on steel from countries like Canada and Japan": examples of sides left unnamed, so everyone (a
        # trade remedy or a Section 301 action still names each country it is on).
        specific = []
        chosen = [ANY]
    if ANY in chosen and examples_of_group(clause, [m.end for m in mentions if m.form == UNIVERSAL]):
        # "scores of partners, such as Korea and Brazil": examples given do not narrow a universal target.
        specific = []
        chosen = [ANY]
    parties = Parties(
        imposer=imposer,
        targets=tuple(dict.fromkeys(specific or chosen)),
        subject_named=subject_named,
        imposer_named=imposer_named,
        targets_named=targets_named,
        targets_default=targets_default,
        fellows=tuple(dict.fromkeys(fellows)) if together and together[0].code == imposer else (),
    )
    mutual = _mutual(clause)
    if mutual is True or (len(together) > 1 and vocab.AGREED_ON_THEIR.search(clause)):
        return _each_on_the_other(parties, [m.code for m in together], ctx, clause)
    if mutual is False:
        # "... between the two countries" names the other side, but only the side acting takes the measure.
        return replace(_each_on_the_other(parties, [m.code for m in together], ctx, clause), fellows=())
    if parties.targets == (ANY,) and _two_sides_alone(together, targets_named, clause):
        return _each_on_the_other(parties, [m.code for m in together], ctx, clause)
    return parties


# How far before "between" a tariff word makes the sides after it those of the tariffs ("tariff hikes between").
_RELATION_REACH = 25


def _mutual(clause: str) -> bool | None:
    """True where the clause says both sides act, each on the other ("cut tariffs on each other's goods", "the two
    countries agreed to ..."); False where "the two countries" only name the sides of a relation the clause speaks
    of ("raising concerns of trade tension between the two countries", "talks between both sides"): the other
    side is the one hit, but it takes no measure of its own, unless that relation is tariffs ("tariff hikes
    between the two sides"); None where the clause names no two sides so."""
    found: bool | None = None
    for m in vocab.MUTUAL.finditer(clause):
        between = vocab.RELATION_BETWEEN_BEFORE.search(clause, max(0, m.start() - 10), m.start())
        if between is None:
            return True
        if vocab.TARIFF_WORD.search(masked(clause[max(0, between.start() - _RELATION_REACH) : between.start()])):
            return True
        found = False
    return found


def _only_examples(clause: str, hit: list[Mention]) -> bool:
    """Whether the sides hit are named only in one list of examples of countries the clause leaves unnamed ("from
    countries like Canada, Mexico and Japan"), and the clause names no trade remedy or Section 301 action, which
    name each country they are on."""
    if not hit or not examples_of_unnamed(clause, hit[0].start):
        return False
    listed = 1
    while listed < len(hit) and _coordinated(clause[hit[listed - 1].end : hit[listed].start]):
        listed += 1
    return listed == len(hit) and authority_of(clause) not in {"anti_dumping", "countervailing", "section_301"}


def _fights_us(side: str, stated: list[Fact]) -> bool:
    """Whether the article has stated a tariff of the US on `side`, or of `side` on the US."""
    return any(
        (f.imposer == "US" and side in f.targets) or (f.imposer == side and "US" in f.targets)
        for f in stated
        if f.kind == "tariff"
    )


def _two_sides_alone(together: list[Mention], targets_named: bool, clause: str) -> bool:
    """Two countries named together as the subject of a measure that names no one hit and no goods of their
    own ("Ecuador and Colombia impose tariffs", a headline's "Peru, Chile set 15% tariffs"), nor the article
    before: each acts on the other, not on everyone. Goods named right after the tariff ("raised duties on
    steel imports") are every origin's: two sides acting alike, each on the world."""
    sides = {m.code for m in together if m.form in {NAME, CAPITAL}}
    if targets_named or len(sides) != 2 or len(together) != 2:
        return False
    return not (goods_without_origin(clause) or imported_goods(clause) or own_schedule(clause))


def _retaliation(ctx: Context, named: list[str]) -> tuple[str, str] | None:
    """Who answers with a retaliatory measure that names no actor, and whom it answers: the one side the last
    measure hit, answering its actor; else the foreign side the article is about, answering the US; None
    when neither is known (or the clause names that side as hit)."""
    last = ctx.actor
    if last is not None:
        hit = [t for t in last.targets if t != ANY]
        if len(hit) == 1 and hit[0] not in named and hit[0] != last.imposer:
            return hit[0], last.imposer
    if ctx.partner is not None and ctx.partner != "US" and ctx.partner not in named:
        return ctx.partner, "US"
    return None


def _each_on_the_other(parties: Parties, together: list[str], ctx: Context, clause: str) -> Parties:
    """A measure both sides take ("Chile and Peru will cut tariffs on each other's goods", "both sides agreed
    to suspend tariffs"): the sides named together, else the side hit with the one acting, else the US and the
    article's partner; each acts on the other (the other side's copy is made from `fellows`)."""
    sides = list(dict.fromkeys(together))
    if parties.targets_named and not set(parties.targets) <= {*sides, parties.imposer}:
        return parties  # a third side is named as hit ("Canada and Mexico, both countries, on Chinese steel")
    if len(sides) < 2:
        hit = [t for t in parties.targets if t not in {ANY, parties.imposer}]
        if not parties.targets_named and not sides and ctx.pair is not None:
            sides = list(ctx.pair)  # "Chile and Peru met. Both sides raised duties ...": the pair of the talks
        elif hit:
            sides = [parties.imposer, hit[0]]
        elif parties.imposer == "US" and ctx.partner and ctx.partner != "US":
            sides = ["US", ctx.partner]
        elif parties.imposer != "US":
            sides = [parties.imposer, "US"]
        else:
            return parties
    imposer, other = sides[0], sides[1]
    # "raised tariffs on each other's goods": the reciprocal names the pair as both the sides acting and the
    # sides hit, even where the pair itself is only referred to ("the two governments", "both parties").
    reciprocal = bool(vocab.RECIPROCAL_PAIR.search(clause))
    return replace(
        parties,
        imposer=imposer,
        imposer_named=parties.imposer_named or reciprocal,
        targets=(other,),
        targets_named=parties.targets_named or len(together) > 1 or reciprocal,
        targets_default=False,
        fellows=(other,),
    )


def attribution(sentence: str, mentions: list[Mention]) -> tuple[int, int, str] | None:
    """Where a sentence's opening or closing attribution begins and ends, and the side it cites ("..., according
    to a list from Chile's customs service": Chile), None when it cites no government or country."""
    found = _ATTRIBUTION.search(sentence) or _ATTRIBUTION_FIRST.match(sentence)
    if found is None:
        return None
    cited = [
        m for m in mentions if found.start() <= m.start < found.end() and m.form in {NAME, CAPITAL, ACTOR, DEMONYM}
    ]
    return (found.start(), found.end(), cited[0].code) if cited else None


# An opening phrase naming the measure a clause answers ("In response to Peru's duties, ...").
_REPLY_OPENING = re.compile(r"\s*In\s+(?:response|reply|answer|retaliation)\s+(?:to|for|against)\b")


class Resolver:
    """The parties of one clause, worked out only when a fact needs them (most clauses state none)."""

    def __init__(
        self,
        clause: str,
        mentions: list[Mention],
        ctx: Context,
        previous: Resolver | None,
        source: str | None = None,
    ) -> None:
        self.clause = clause
        self.mentions = mentions
        self.ctx = ctx
        self.previous = previous
        # The side the sentence's closing attribution cites (`attribution`): it acts where no clause names an
        # actor, as a speaker does.
        self.source = source
        self._cached: Parties | None = None
        self._relatives: list[Relative] | None = None

    def __call__(self) -> Parties:
        if self._cached is None:
            self._cached = self._resolve()
        return self._cached

    def relatives(self) -> list[Relative]:
        """The clause's relative clauses about a party, found once for its parties and for each of its rates."""
        if self._relatives is None:
            self._relatives = relative_clauses(self.clause, self.mentions)
        return self._relatives

    def at(self, position: int) -> Parties | None:
        """The parties of the relative clause that holds `position` ("Mexico, which faces a 30% levy": Mexico
        is hit by that levy), None when no relative clause about a party holds it."""
        for relative in self.relatives():
            if relative.body <= position < relative.end and not relative.aside:
                # The relative clause read on its own, its pronoun standing for the party it is about.
                text = " " * relative.antecedent.start + self.clause[relative.antecedent.start : relative.end]
                text = _blank(text, relative.start, relative.body)
                inside = [m for m in self.mentions if relative.antecedent.start <= m.start < relative.end]
                return find_parties(text, inside, self.ctx)
        return None

    def of_rate(self, start: int, end: int) -> Parties | None:
        """The parties of a rate whose own words say otherwise than the clause: a rate in a relative clause about a
        party ("Mexico, which faces a 30% levy"), or one whose noun phrase names another side's tariff ("... in
        response to Trump's 35% tariff on Canadian goods"); None when the clause's parties hold."""
        relative = self.at(start)
        if relative is not None:
            return relative
        owner = _rate_owner(self.clause, self.mentions, start, end)
        parties = self()
        if owner is None or owner.code == parties.imposer:
            return None
        # Whom it hits: a side named right after it ("on Canadian goods"), else the side this clause's measure is
        # taken by (the one answering it), else the side hit as the article goes.
        hit = [
            m.code
            for m in self.mentions
            if end < m.start <= end + 60
            and m.code not in {owner.code, ANY}
            and vocab.TARGET_BEFORE.search(self.clause[max(0, m.start - 40) : m.start])
        ]
        targets = hit[:1] or ([parties.imposer] if parties.imposer not in {owner.code, ANY} else [])
        return Parties(
            imposer=owner.code,
            targets=tuple(targets) or (ANY,),
            subject_named=False,
            targets_named=bool(hit),
            targets_default=not targets,
        )

    def _measure_only_in_relative(self) -> Parties | None:
        """The parties of the one relative clause about a party that names a tariff, where the rest of the clause
        names none ("President Trump, who agreed to postpone a tariff hike, said China would buy ..."): the measure
        is that relative clause's, read with its antecedent as subject."""
        relatives = [r for r in self.relatives() if not r.aside]
        if not relatives:
            return None
        rest = self.clause
        for r in relatives:
            rest = _blank(rest, r.start, r.end)
        if vocab.TARIFF_WORD.search(masked(rest)):
            return None
        holding = [r for r in relatives if vocab.TARIFF_WORD.search(masked(self.clause[r.body : r.end]))]
        if len(holding) != 1 or re.search(r"tariff|dut(?:y|ies)|lev(?:y|ies)", rest, re.I):
            return None  # ("Wines from Chile, which paid 14%, now enter tariff-free": the main clause's measure)
        antecedent = holding[0].antecedent
        if vocab.TARGET_BEFORE.search(self.clause[max(0, antecedent.start - 40) : antecedent.start]):
            return None  # the side hit by the main clause's measure, of which the relative clause says something
        return self.at(holding[0].body)

    def _referred_country(self, parties: Parties) -> str | None:
        """The side "the country" stands for when a clause names no actor but "the country decided ...": the
        first country the sentence named before it (the clauses before, else its own clause)."""
        if parties.imposer_named:
            return None
        subject = vocab.THE_COUNTRY_SUBJECT.search(self.clause)
        if subject is None:
            return None
        chain: list[Resolver] = []
        resolver: Resolver | None = self.previous
        while resolver is not None:
            chain.insert(0, resolver)
            resolver = resolver.previous
        for resolver in chain:
            named = [m for m in resolver.mentions if m.form in {NAME, CAPITAL, ACTOR}]
            if named:
                return named[0].code
        named = [m for m in self.mentions if m.form in {NAME, CAPITAL, ACTOR} and m.end <= subject.start()]
        return named[0].code if named else None

    def _reply(self) -> Parties | None:
        """The parties of a relative clause saying the measure of the clause before drew a reply ("..., which
        forced Chile to retaliate", "... that spurred counter-tariffs from Lima"): the side it names answers,
        else the one side that measure hit; it answers the side that took the measure."""
        if self.previous is None or not vocab.REPLY_RELATIVE.match(self.clause):
            return None
        answered = self.previous()
        named = [m.code for m in self.mentions if m.form in {NAME, CAPITAL, ACTOR} and m.code != answered.imposer]
        hit = [t for t in answered.targets if t not in {ANY, answered.imposer}]
        side = named[0] if named else hit[0] if len(hit) == 1 else None
        if side is None or answered.imposer == ANY:
            return None
        return Parties(
            imposer=side,
            targets=(answered.imposer,),
            subject_named=True,
            imposer_named=bool(named) or answered.targets_named,
            targets_named=answered.imposer_named,
        )

    def _resolve(self) -> Parties:
        reply = self._reply()
        if reply is not None:
            return reply
        inner = self._measure_only_in_relative()
        if inner is not None:
            return inner
        parties = find_parties(self.clause, self.mentions, self.ctx, relatives=self.relatives())
        if self.source is not None and not parties.imposer_named:
            # "120 goods will face a 15% duty, according to a list from China's ministry": the cited side acts,
            # on the sides hit other than itself, else on the side whose measure the article last reported.
            last = self.ctx.actor.imposer if self.ctx.actor is not None else None
            targets = tuple(t for t in parties.targets if t != self.source)
            if not targets:
                targets = (
                    (last,) if last is not None and last != self.source else ("US",) if self.source != "US" else (ANY,)
                )
            return replace(parties, imposer=self.source, targets=targets, imposer_named=True, subject_named=True)
        referred = self._referred_country(parties)
        if referred is not None:
            targets = tuple(t for t in parties.targets if t != referred)
            subject = vocab.THE_COUNTRY_SUBJECT.search(self.clause)
            assert subject is not None  # found by `_referred_country`
            if any(m.end <= subject.start() for m in self.mentions):
                # "China's buying fell after the country decided to tax US soybeans": whom the clause from "the
                # country" on hits, not the side whose buying the words before it speak of.
                tail = " " * subject.start() + self.clause[subject.start() :]
                inside = [m for m in self.mentions if m.start >= subject.start()]
                own = find_parties(tail, inside, self.ctx)
                targets = tuple(t for t in own.targets if t != referred) if own.targets_named else ()
                if not own.targets_named and own_schedule(tail):
                    targets = (ANY,)  # "... after the country cut its tariffs on 300 goods": its own schedule
            if not targets:
                return parties  # the side it stands for is the only one hit: no reading to trust
            return replace(parties, imposer=referred, imposer_named=True, subject_named=True, targets=targets)
        if self.previous is not None and not parties.targets_named:
            previous = self.previous()
            if previous.targets_named and previous.imposer == parties.imposer:
                # "... for dozens of economies, but Trump paused their implementation": the side hit is the
                # one the sentence named in its previous clause, not a guess.
                parties = replace(parties, targets=previous.targets, targets_default=False)
        if self.previous is not None and not parties.targets_named and _REPLY_OPENING.match(self.previous.clause):
            # "In response to Peru's duties on 2,400 goods, Chile raised ...": the side answered is hit.
            owner = tariff_owner(self.previous.clause, self.previous.mentions)
            answered = [owner] if owner is not None else self.previous.mentions
            hit = [m.code for m in answered if m.code not in {ANY, parties.imposer} and m.form != BLOC]
            if hit:
                parties = replace(parties, targets=(hit[0],), targets_named=True, targets_default=False)
        if parties.subject_named or self.previous is None:
            return parties
        previous = self.previous()
        if vocab.AUXILIARY_START.match(self.clause):
            # "... raised tariffs on Mexican goods, but has exempted ...": the same subject, the same parties.
            return previous
        if not previous.subject_named:
            return parties
        if vocab.CONTINUES.match(self.clause):
            # "The EU hit back, approving tariffs on U.S. goods": the participle shares the subject.
            named = tuple(t for t in parties.targets if t != previous.imposer)
            targets = named if self.mentions and named else previous.targets
            if previous.imposer != "US" and vocab.TARIFF_LEVEL.search(self.clause):
                targets = (ANY,)  # "..., having cut its overall tariff level": the subject's whole schedule
            # The sides named with the subject share the participle too ("Kenya and Ghana agreed a truce, suspending
            # their tariffs ...").
            return Parties(imposer=previous.imposer, targets=targets, subject_named=True, fellows=previous.fellows)
        if previous.imposer != "US" and set(parties.targets) == {"US"}:
            # "China agreed to buy soybeans, but tariffs of 20% remain on U.S. farm goods": China's tariffs.
            return Parties(imposer=previous.imposer, targets=("US",), subject_named=True)
        return parties


def acting_office(mentions: list[Mention], last: Fact) -> tuple[str, tuple[str, ...]]:
    """Who acts in a clause that refers back to the last measure, and on whom: an office that names its
    country ("the White House removed goods from the list") wins over the measure before it, and then acts
    on that measure's side when it was the one hit; otherwise the last measure's sides."""
    office = next((m.code for m in mentions if m.form == ACTOR), None)
    if office is None or office == last.imposer:
        return last.imposer, last.targets
    return office, (last.imposer,) if office in last.targets else last.targets


def fixed(parties: Parties) -> Callable[[], Parties]:
    def get() -> Parties:
        return parties

    return get
