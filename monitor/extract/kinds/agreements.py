"""Deals, talks and withdrawals: agreements reached, negotiations held, agreements quit."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from monitor.extract import vocabulary as vocab
from monitor.extract.clauses import blocked
from monitor.extract.dates import DateMention
from monitor.extract.facts import Fact
from monitor.extract.gazetteer import ANY, BLOC, CAPITAL, UNIVERSAL, find_mentions
from monitor.extract.kinds import Clause, make_fact
from monitor.extract.matching import CueSet, blind
from monitor.extract.parties import Parties, Resolver, find_parties, is_venue, relative_clauses

_PASSIVE_BEFORE = blind(r"\b(?:was|were|been|be|is|are|being|get|got)\s+(?:\w+ly\s+)?$")
# The programme's benefits ended, said after it: "GSP benefits were suspended", "preferences have been revoked".
_ENDED_AFTER = blind(
    r"\s+(?:[\w-]+\s+){0,2}?(?:was|were|has\s+been|have\s+been|had\s+been|will\s+be|are|is)\s+(?:\w+ly\s+)?"
    r"(?:withdrawn|revoked|terminated|ended|suspended|removed|stripped|scrapped|cancell?ed|canceled)\b"
)
# Leaving the talks on an agreement is not quitting the agreement: "Chile left the talks on the trade deal".
_TALKS_LEFT = blind(r"\s+(?:the\s+)?(?:[\w-]+\s+)?(?:talks|negotiations|negotiating\s+table)\b")


# A deal denied: "have not reached a deal", "never signed the pact", "no agreement was reached".
_NOT_BEFORE = blind(
    r"(?:\b(?:not|never|no)|n't|n’t)\s+(?:yet\s+|been\s+|\w+ly\s+)?$"
    # "left without an inked trade deal", "ended without a signed agreement"
    r"|\bwithout\s+(?:an?\s+|any\s+)?$"
)
_NO_OBJECT = blind(r"\W*(?:no|none)\b")
_STRANDED = re.compile(r"(?<=\b(?:to|on))\s*[,;:.!?)”\"]")
# "The president" opening a clause, as its subject (not "the president of Mexico", nor one named in apposition: "The
# president, Lopez Obrador, ...").
_PRESIDENT_SUBJECT = re.compile(r"\W*[Tt]he\s+president\b(?!\s+of\b|\s*,|['’]s\s+(?:wife|family|son|daughter)\b)")
_AGENT_AFTER = re.compile(r"\s+(?:by|between|with|among)\s+(?:the\s+)?(?:\w+\s+){0,2}?[A-Z\d]")
_NO_BEFORE = blind(r"\b(?:no|any|without)\s+(?:[\w-]+\s+){0,2}$")


# The words every agreement read below opens with: a clause holding none of them states no deal, talks or
# withdrawal, and is not read further (most clauses).
_OPENINGS = CueSet(
    vocab.TALKS,
    vocab.AGREEMENT_SIGNED,
    vocab.DEAL_VERB,
    vocab.DEAL_PASSIVE,
    vocab.DEAL_WITH_PARTNER,
    vocab.PREFERENCE_PROGRAMME,
    vocab.WITHDRAW,
)


def opening_at(clause: str) -> int | None:
    """Where the clause's first word of talks or of reaching a deal stands, if it has one."""
    if not _OPENINGS.may_match(clause):
        return None
    found = [m.start() for cue in (vocab.TALKS, vocab.DEAL_VERB) if (m := cue.search(clause)) is not None]
    return min(found) if found else None


@lru_cache(maxsize=64)
def states_deal(clause: str) -> bool:
    """Whether the clause says a trade agreement was reached, signed or concluded."""
    for ended in (*vocab.TALKS_CONCLUDED.finditer(clause), *vocab.AGREEMENT_SIGNED.finditer(clause)):
        # "completed negotiations on a partnership agreement", "since the signing of the FTA": a deal reached,
        # unless only meant or denied ("plan to conclude talks on ...", "have not finished ...").
        before = clause[max(0, ended.start() - 25) : ended.start()]
        if vocab.MODAL_BEFORE.search(before) or _NOT_BEFORE.search(before) or blocked(clause, ended):
            continue
        if vocab.OTHER_AGREEMENT.search(ended.group(0)) or vocab.DEAL_GOAL.search(ended.group(0)):
            continue  # "finished talks on a peace deal", "concluded talks toward a possible pact"
        return True
    for verb in vocab.DEAL_VERB.finditer(clause):
        obj = vocab.DEAL_OBJECT.match(clause[verb.end() : verb.end() + 80])
        if not obj or vocab.TALKS.search(obj.group(0)):
            continue  # "agreed to start trade talks in an arrangement ...": talks, not a deal
        if vocab.WITHDRAW.search(obj.group(0)):
            continue  # "announced it would exit the trade agreement": leaving one, not reaching one
        if vocab.DEAL_GOAL.search(obj.group(0)):
            continue  # "agreed to work toward a free trade agreement": a goal, not a deal
        if vocab.OTHER_AGREEMENT.search(clause, verb.end(), verb.end() + len(obj.group(0)) + 15):
            continue  # "signed a defence pact", "signed deals worth $25 billion": no trade agreement
        if vocab.COMPANIES_BEFORE.search(clause[max(0, verb.start() - 60) : verb.start()]):
            continue  # "companies from both countries signed deals": contracts
        before = clause[max(0, verb.start() - 25) : verb.start()]
        if vocab.MODAL_BEFORE.search(before) or _NOT_BEFORE.search(before) or blocked(clause, verb):
            continue
        if vocab.DEAL_UNREAL_BEFORE.search(before):
            continue  # "the prospect of signing a deal", "wish they made the deal"
        if vocab.KIND_BEFORE.search(before) and not verb.group(0).endswith("ing"):
            continue  # "a vote on a concluded trade accord": a participle naming a kind of deal, none reached
        if _STRANDED.match(clause, verb.end()):
            continue  # "the issues Beijing had agreed to, and ... the deal": the verb's object is before it
        if _NO_OBJECT.match(obj.group(0)):
            continue  # "signed no deal with Morocco"
        return True
    made = vocab.DEAL_MADE_BY.search(clause)
    if (
        made
        and not vocab.OTHER_AGREEMENT.search(made.group(0))
        and not _NO_BEFORE.search(clause[max(0, made.start() - 30) : made.start()])
        and not blocked(clause, made)
    ):
        return True  # "the 2011 deal the United States signed with Korea": a deal stated as background
    passive = vocab.DEAL_PASSIVE.search(clause)
    if passive and _NO_BEFORE.search(clause[max(0, passive.start() - 30) : passive.start()]):
        return False
    if passive and vocab.REPORT_OF_BEFORE.search(clause[max(0, passive.start() - 30) : passive.start()]):
        return False  # "as news of the deal was announced": what was announced is the news
    if passive and vocab.OTHER_AGREEMENT.search(clause[max(0, passive.start() - 20) : passive.start() + 30]):
        return False  # "the peace deal was signed"
    return bool(passive and not blocked(clause, passive))


def _plain_words(text: str, offset: int, c: Clause) -> bool:
    """Whether `text` (at `offset` in the clause) holds only party names and the words of a trade agreement's
    name ("the recent Chilean free trade", "its"): no other kind of deal ("its supply deal")."""
    kept = list(text)
    for m in c.mentions:
        for i in range(max(0, m.start - offset), min(len(text), m.end - offset)):
            kept[i] = " "
    rest = "".join(kept).split()[1:]  # the determiner itself is known
    return all((w := vocab.DEAL_KNOWN_WORDS.match(word)) is not None and w.end() == len(word) for word in rest)


def _partner_deal(c: Clause) -> bool:
    """Whether the clause names an agreement its sides already have, as a known thing with its partner after
    it ("the Chilean trade pact with Peru", "the deal between Chile and Peru"): a deal stated as background."""
    for noun in vocab.DEAL_WITH_PARTNER.finditer(c.text):
        if vocab.TALKS.search(c.text, max(0, noun.start() - 80), noun.start()):
            continue  # "negotiations on the trade pact with Peru": talks about it, read as such
        if not any(noun.end() < m.start <= noun.end() + 6 for m in c.mentions):
            continue  # "the deal with its suppliers": no government on the other side
        if not any(m.end <= noun.start() for m in c.mentions):
            continue  # "The pact with Peru is working": whose pact is left to the reader, a deal told before
        known = vocab.DEAL_KNOWN_BEFORE.search(c.text[max(0, noun.start() - 60) : noun.start()])
        if known is None:
            continue  # "wants a trade deal with Peru": one talked of, not one had
        start = max(0, noun.start() - 60) + known.start()
        if not _plain_words(c.text[start : noun.start()], start, c):
            continue  # "its supply deal with Petrobras": a contract
        words = c.text[start : noun.end()]
        if vocab.DEAL_GOAL.search(words) or vocab.OTHER_AGREEMENT.search(words) or vocab.WITHDRAW.search(words):
            continue  # "the proposed deal with Peru", "the defence pact with Japan"
        before = c.text[max(0, start - 25) : start]
        if vocab.MODAL_BEFORE.search(before) or _NOT_BEFORE.search(before) or _NO_BEFORE.search(before):
            continue  # "to secure the trade deal with Peru", "without the deal with Peru"
        if vocab.COMPANIES_BEFORE.search(c.text[max(0, start - 60) : start]) or blocked(c.text, noun):
            continue
        return True
    return False


def _granter(c: Clause, loser: str, programme: str) -> Parties | None:
    """The side that ended a preference programme for `loser`, when the clause says it in the passive."""
    others = [m.code for m in c.mentions if m.code not in {loser, ANY}]
    granter = others[0] if others else ("US" if programme.lower() == "agoa" else None)
    if granter is None:
        return None
    return Parties(imposer=granter, targets=(loser,), subject_named=True)


def _remember_pair(c: Clause, parties: Parties) -> None:
    """Talks or a deal whose two sides the clause named: who "the two sides" of later clauses are."""
    if parties.imposer_named and parties.targets_named and parties.targets and parties.targets[0] != ANY:
        c.ctx.pair = (parties.imposer, parties.targets[0])


def _unreal(clause: str, talks: re.Match[str]) -> bool:
    """Whether the talks at `talks` are only recommended, wished for, aimed at or offered (looked for just before them,
    within their own part of the clause)."""
    window = clause[max(0, talks.start() - 50) : talks.start()]
    cut = max(window.rfind(","), window.rfind(";"))
    part = window[cut + 1 :]
    return bool(
        vocab.TALKS_UNREAL.search(part)
        or vocab.TALKS_OFFERED_BEFORE.search(part)
        or vocab.TALKS_AIMED_BEFORE.search(part)
    )


def _not_trade(clause: str, talks: re.Match[str]) -> bool:
    """Whether the talks at `talks` are on another subject (nuclear arms, the climate, defence), are a meeting or call
    in a clause that speaks of no trade ("met with the governor", "a meeting with Macron at the summit"), or a call
    with no other side named: no trade talks held."""
    before = clause[max(0, talks.start() - 30) : talks.start()]
    if vocab.TALKS_OTHER_TOPIC_BEFORE.search(before) and not vocab.TALKS_TRADE_TOPIC.search(before):
        return True
    if vocab.TALKS_OTHER_TOPIC_AFTER.match(clause[talks.end() : talks.end() + 60]):
        return True
    if vocab.TALKS_MEETING.match(talks.group(0)) and not vocab.MEETING_TRADE_WORDS.search(clause):
        return True
    return bool(
        vocab.TALKS_CALL.match(talks.group(0))
        and not vocab.TALKS_CALL_PARTNER_AFTER.match(clause[talks.end() : talks.end() + 50])
    )


def _dated(c: Clause, talks: re.Match[str]) -> bool:
    """Whether the talks at `talks` are given their day, in their own phrase ("the talks this week", "trade talks
    with Lima on Friday"): a meeting placed in time took place, or is set to."""
    return bool(_own_dates(c, talks)) or vocab.THIS_WEEK_AFTER.match(c.text, talks.end()) is not None


def _own_dates(c: Clause, talks: re.Match[str]) -> list[DateMention]:
    """The dates in the phrase of the talks at `talks`, right after them with no comma between."""
    return [
        d
        for d in c.dates_of()
        if 0 <= d.start - talks.end() <= 50 and not any(ch in c.text[talks.end() : d.start] for ch in ",;")
    ]


def _private(clause: str, talks: re.Match[str]) -> bool:
    """Whether a side of the meeting at `talks` is a company, its people or a private group (the subject right
    before it, or the side met right after it): business or lobbying, not talks between governments."""
    return bool(
        vocab.PRIVATE_SUBJECT_BEFORE.search(clause[max(0, talks.start() - 80) : talks.start()])
        or vocab.PRIVATE_PARTNER_AFTER.match(clause[talks.end() : talks.end() + 160])
    )


def _round_parties(c: Clause) -> Parties | None:
    """The sides of talks in a round of multilateral trade talks ("the Uruguay round of GATT talks"): the side
    named, with every member; the place a round is named after or was launched in is no side."""
    rounds = [(m.start(), m.end()) for m in vocab.TRADE_ROUND.finditer(c.text)]
    if not rounds:
        return None
    mentions = [
        m
        for m in c.mentions
        if m.code != ANY
        and not any(a <= m.start < b for a, b in rounds)
        and not (m.form == CAPITAL and vocab.VENUE_BEFORE.search(c.text[max(0, m.start - 5) : m.start]))
        and not is_venue(c.text, m)  # "is in New Zealand for a meeting of trade ministers"
        and not ((place := vocab.ROUND_PLACE.match(m.text)) and place.end() == len(m.text))
    ]
    plain = all(vocab.PLAIN_ROUND.fullmatch(c.text[a:b]) for a, b in rounds)
    if plain and len({m.code for m in mentions if m.form not in {UNIVERSAL, BLOC}}) >= 2:
        return None  # "the US and China planned a new round of trade talks": their own talks
    if mentions:
        imposer = find_parties(c.text, mentions, c.ctx, prefer_first=True).imposer
        named = True
    else:
        # A round named alone ("This week's session was part of the Uruguay round"): the side of the article's last
        # talks or measure (the article's own context may count the round's place as a side).
        imposer = c.ctx.pair[0] if c.ctx.pair else (c.ctx.actor.imposer if c.ctx.actor else "US")
        named = False
    return Parties(imposer=imposer, targets=(ANY,), subject_named=named, imposer_named=named)


def _each_deal(clause: str, parties: Parties) -> list[Parties]:
    """The sides of each deal a clause states: agreements in the plural made with several partners named ("signed
    trade deals with Chile, Peru and Japan") are one deal with each; one agreement is one deal with them all."""
    partners = [t for t in parties.targets if t != ANY]
    if len(partners) < 2 or not parties.targets_named:
        return [parties]
    for verb in vocab.DEAL_VERB.finditer(clause):
        obj = vocab.DEAL_OBJECT.match(clause[verb.end() : verb.end() + 80])
        if (
            obj
            and vocab.PLURAL_AGREEMENT.search(obj.group(0))
            and len(obj.group(0).split()) <= 4  # the agreements themselves: "signed free trade pacts with"
            and vocab.PARTNERS_AFTER.match(clause, verb.end() + obj.end())
            and _members(obj.group(0)) is None
        ):
            return [replace(parties, targets=(t,)) for t in partners]
    return [parties]


def _partner_unknown(c: Clause, parties: Parties) -> bool:
    """Whether the other side of talks or a deal is only the reader's last guess, the US, in an article that never
    names the US ("the talks were on the right path" in a story about Brussels and London): no fact, rather
    than one with a side the article does not speak of."""
    return parties.targets_default and parties.targets == ("US",) and c.ctx.home is not None


def _president_first(c: Clause, talks: re.Match[str], parties: Parties) -> Parties:
    """The sides of talks whose subject is "the president" with no country named ("The president indicated Canada's
    treatment would be tied to the talks", "The president hailed his meeting with Xi"): in an article that names
    the US, its president is the first party named, the sides named after him the others."""
    head = _PRESIDENT_SUBJECT.match(c.text)
    if head is None or c.ctx.home is not None or head.end() > talks.start() or parties.imposer == "US":
        return parties
    if any(m.start < head.end() or m.code == "US" for m in c.mentions):
        return parties
    others = tuple(dict.fromkeys(m.code for m in c.mentions if m.code != ANY and not is_venue(c.text, m)))
    if not others:
        return parties
    return Parties(imposer="US", targets=others, subject_named=True, targets_named=True)


def _gerund_subject(c: Clause, parties: Parties) -> Parties:
    """The sides of a deal told in a gerund phrase that opens the sentence and names no one acting ("After
    signing pacts with Chile, Peru and Japan, the EU ..."): the phrase's doer is the main clause's subject."""
    if parties.imposer_named or not c.sentence.startswith(c.text) or not vocab.OPENING_GERUND.match(c.text):
        return parties
    rest = c.sentence[len(c.text) :]
    mentions = [m for m in find_mentions(rest) if m.form not in {UNIVERSAL, BLOC}]
    if not mentions:
        return parties
    subject = find_parties(rest, mentions, c.ctx, prefer_first=True)
    if not subject.imposer_named:
        return parties
    others = tuple(t for t in parties.targets if t != subject.imposer)
    if not others or not parties.targets_named:
        return parties
    return Parties(imposer=subject.imposer, targets=others, subject_named=True, targets_named=True)


def _members(clause: str) -> tuple[str, ...] | None:
    """The members of the trade agreement the clause names by name (NAFTA, the TPP), if it names one."""
    for cue, members in vocab.NAMED_AGREEMENTS:
        if cue.search(clause):
            return members
    return None


AGREEMENT_KINDS = frozenset({"deal", "negotiation", "withdrawal"})


def members_named(text: str) -> tuple[str, ...]:
    """The countries `text` names as the members of a trade agreement it names by name."""
    return _members(text) or ()


def _among_members(clause: str, parties: Parties, multilateral: bool = False) -> Parties:
    """The sides of a deal or withdrawal on an agreement named by name: a side the clause does not name is one of
    its members ("the NAFTA deal was signed in 1992": the US with Canada and Mexico), not the article's last."""
    members = _members(clause)
    named = parties.targets if parties.targets_named and not parties.targets_default else ()
    if members is None or (parties.imposer_named and set(named) - {parties.imposer}):
        return parties
    # The first side the clause names acts ("we have reached an agreement on the USMCA, the US envoy said").
    imposer = parties.imposer if parties.imposer_named else (named[0] if named else members[0])
    partners = tuple(t for t in named if t != imposer)
    if partners:
        targets = partners
    elif multilateral and len(members) > 3:
        targets = (ANY,)
    else:
        targets = tuple(m for m in members if m != imposer) or parties.targets
    return Parties(imposer=imposer, targets=targets, subject_named=True)


def _domestic(c: Clause) -> bool:
    """Whether the deal the clause states is between a government's own branches or parties, or one on migration
    that says nothing of trade."""
    clause, sentence = c.text, c.sentence
    if vocab.DOMESTIC_DEAL.search(clause):
        return True
    if vocab.LEGISLATORS.search(clause) and not any(m.form != UNIVERSAL for m in c.mentions):
        return True  # "Democrats say the agreement they reached ...": legislators, and no country named
    if vocab.MIGRATION_DEAL.search(clause):
        return True  # "reached an agreement to curb illegal immigration"
    if vocab.MIGRATION.search(sentence) and not vocab.TRADE_WORD.search(clause):
        return True
    return bool(vocab.DEAL_WITH_GOVERNMENT.search(clause) and vocab.LEGISLATORS.search(clause))


_PRONOUN = frozenset({"he", "she", "we", "it"})


def _deal_subject(c: Clause, parties: Parties) -> Parties:
    """The sides of a deal whose verb has two sides joined by "and" as its subject: the first acts, the other is
    hit, whoever the clause named before them ("Canada was left out when the U.S. and Mexico reached a deal"). A
    pronoun joined with a side ("announced that he and Japan had reached a deal") is the side the sentence named
    before it."""
    offset = c.sentence.find(c.text)
    # The clause read with the sentence before it: "he and" may have been left in the clause before.
    text = c.sentence[: offset + len(c.text)] if offset >= 0 else c.text
    shift = offset if offset >= 0 else 0
    for verb in vocab.DEAL_VERB.finditer(c.text):
        at = shift + verb.start()
        subject = vocab.DEAL_SUBJECT_BEFORE.search(text, max(0, at - 60), at)
        if subject is None:
            continue
        mentions = [m for m in find_mentions(text[:at]) if m.form not in {UNIVERSAL, BLOC}]
        second = [m for m in mentions if subject.start("second") <= m.start < subject.end("second")]
        if len({m.code for m in second}) != 1:
            return parties
        other = second[0].code
        if subject.group("first").lower() in _PRONOUN:
            before = [m for m in mentions if m.end <= subject.start("first") and m.code != other]
        else:
            before = [m for m in mentions if subject.start("first") <= m.start < subject.end("first")]
            if len(before) != 1:
                return parties
        if not before or before[0].code == other:
            return parties
        return Parties(imposer=before[0].code, targets=(other,), subject_named=True)
    agent = vocab.DEAL_AGENT.search(c.text)
    if agent is not None:
        firsts = {m.code for m in c.mentions if agent.start("first") <= m.start < agent.end("first")}
        seconds = {m.code for m in c.mentions if agent.start("second") <= m.start < agent.end("second")}
        if len(firsts) == 1 and len(seconds) == 1 and firsts != seconds:
            return Parties(imposer=firsts.pop(), targets=(seconds.pop(),), subject_named=True)
    return parties


def read_agreements(c: Clause, deal_in_sentence: bool) -> list[Fact]:
    """A deal or talks (the first party named acts, the others are the targets), and a withdrawal. Talks in
    a sentence that states a deal ("after months of talks, ... signed") are the deal's background."""
    facts: list[Fact] = []
    clause = c.text
    if not _OPENINGS.may_match(clause):
        return facts
    talks = next(
        (
            m
            for m in vocab.TALKS.finditer(clause)
            if (
                not vocab.TALKS_BACKGROUND.search(clause[max(0, m.start() - 45) : m.start()])
                # "Since June the envoy has been leading talks": the talks are the main clause's
                or vocab.TALKS_SINCE_PERFECT.search(clause[max(0, m.start() - 60) : m.start()])
                # "after two days of talks in Stockholm": a meeting with its place is an event of its own
                or vocab.TALKS_PLACE_AFTER.match(clause[m.end() : m.end() + 50])
            )
            and not vocab.TALKS_MEANS_BEFORE.search(clause[max(0, m.start() - 45) : m.start()])
            and not vocab.TALKS_ROLE_BEFORE.search(clause[max(0, m.start() - 80) : m.start()])
            and not _not_trade(clause, m)
            # Talks only spoken of, refused or walked out of ("optimism about negotiations with Lima", "briefed on
            # the negotiations Thursday", "refuses negotiations") are not held there.
            and not vocab.TALKS_TOPIC_BEFORE.search(clause[max(0, m.start() - 40) : m.start()])
            # Talks denied: "is not negotiating with Lima", "no talks were held".
            and not _NOT_BEFORE.search(clause[max(0, m.start() - 25) : m.start()])
        ),
        None,
    )
    if talks and vocab.TALKS_FAILED.search(clause):
        talks = None  # "the negotiations stalled", "had not concluded talks"
    if talks and (
        vocab.TALKS_OFF_BEFORE.search(clause[max(0, talks.start() - 50) : talks.start()])
        or vocab.TALKS_OFF_AFTER.match(clause[talks.end() : talks.end() + 90])
    ):
        talks = None  # "postponed the trade talks", "the talks were called off"
    if talks:
        # Talks said in a relative clause ("Korea, which is in talks with Ghana, raised ...") are background to
        # what the clause says; another mention of talks outside it still counts.
        # The clause's Resolver has found them already, for its parties.
        found = c.resolve.relatives() if isinstance(c.resolve, Resolver) else relative_clauses(clause, c.mentions)
        asides = [(r.body, r.end) for r in found]
        if any(a <= talks.start() < b for a, b in asides):
            talks = next(
                (
                    m
                    for m in vocab.TALKS.finditer(clause)
                    if m.start() >= talks.end() and not any(a <= m.start() < b for a, b in asides)
                ),
                None,
            )
    if vocab.COMMODITY_PACT.search(c.sentence):
        pass  # "the coffee pact's export quotas", "OPEC's output talks": a commodity agreement, no trade fact
    elif states_deal(clause) and _domestic(c):
        pass  # "lawmakers struck a deal on the trade bill": politics at home, no deal between sides
    elif states_deal(clause):
        first = _gerund_subject(c, find_parties(clause, c.mentions, c.ctx, prefer_first=True))
        first = _among_members(clause, _deal_subject(c, first))
        _remember_pair(c, first)
        if not _partner_unknown(c, first):
            facts.extend(make_fact("deal", one, c.sentence) for one in _each_deal(clause, first))
    elif (
        talks
        and not deal_in_sentence
        and not states_deal(c.sentence)
        and (vocab.TALKS_EVENT.search(clause) or _dated(c, talks))
        and not blocked(clause, talks)
        and not _unreal(clause, talks)
        and not _private(clause, talks)
        # Talks in the passive name their agreement, or their sides after them: "when deals were being negotiated"
        # says only that such talks happen.
        and not (
            vocab.PASSIVE_TALKS.match(talks.group(0))
            and _members(clause) is None
            and not _AGENT_AFTER.match(clause, talks.end())
        )
    ):
        # Talks on an agreement named by name are between its members where the clause names no other side
        # ("NAFTA is being renegotiated": the US with Canada and Mexico).
        first = _round_parties(c) or _among_members(
            clause, _president_first(c, talks, find_parties(clause, c.mentions, c.ctx, prefer_first=True))
        )
        _remember_pair(c, first)
        # The talks' day is the one in their own phrase ("said Tuesday he had arranged a meeting with Xi next week":
        # next week), else the clause's first.
        when = _own_dates(c, talks) or c.dates_of()
        day = when[0].value if when else None
        discussed = vocab.DISCUSSED.search(talks.group(0))
        if not _partner_unknown(c, first) and not (discussed and not (first.imposer_named and first.targets_named)):
            facts.append(make_fact("negotiation", first, c.sentence, effective=day))
    elif not deal_in_sentence and _partner_deal(c):
        first = _among_members(clause, find_parties(clause, c.mentions, c.ctx, prefer_first=True))
        _remember_pair(c, first)
        if not _partner_unknown(c, first):
            facts.append(make_fact("deal", first, c.sentence))

    programme = vocab.PREFERENCE_PROGRAMME.search(clause)
    ended = (
        vocab.PREFERENCE_ENDED.search(clause[max(0, programme.start() - 50) : programme.start()]) if programme else None
    )
    lost = _ENDED_AFTER.match(clause, programme.end()) if programme and not ended else None
    if programme and lost and not blocked(clause, programme):
        # "Thailand's GSP benefits were suspended by the United States": the owner of the benefits loses them.
        owner = find_parties(clause[: programme.start()], [m for m in c.mentions if m.end <= programme.start()], c.ctx)
        ender = _granter(c, owner.imposer, programme.group(0))
        if ender is not None:
            facts.append(make_fact("withdrawal", ender, c.sentence))
        return facts
    if programme and ended and not blocked(clause, programme):
        # "withdrew India's GSP benefits", "ended the preferential trade status": a withdrawal (contract).
        at = max(0, programme.start() - 50) + ended.start()
        ender = find_parties(clause, c.mentions, c.ctx, at=at)
        if _PASSIVE_BEFORE.search(clause[max(0, at - 25) : at]):
            # "South Africa was removed from AGOA": the subject loses the preferences; the side that grants
            # them is the other party named (AGOA is a US programme).
            ender = _granter(c, ender.imposer, programme.group(0))
            if ender is None:
                return facts
        facts.append(make_fact("withdrawal", ender, c.sentence))
        return facts
    # The verb of quitting whose object is the agreement ("the deal leaves tariffs in place" quits nothing).
    withdraw = next(
        (
            m
            for m in vocab.WITHDRAW.finditer(clause)
            if vocab.QUIT_OBJECT.match(clause[m.end() : m.end() + 90])
            or vocab.QUIT_OBJECT_BEFORE.search(clause[max(0, m.start() - 60) : m.start()])
        ),
        None,
    )
    if (
        withdraw
        and not vocab.OTHER_AGREEMENT.search(clause, withdraw.end(), withdraw.end() + 50)
        and not vocab.QUIT_INTENDED_BEFORE.search(clause[max(0, withdraw.start() - 30) : withdraw.start()])
        and not blocked(clause, withdraw)
        and not _TALKS_LEFT.match(clause, withdraw.end())
    ):
        quitter = _among_members(clause, find_parties(clause, c.mentions, c.ctx, at=withdraw.start()), True)
        targets = (ANY,) if vocab.MULTILATERAL.search(clause) else quitter.targets
        parties = Parties(imposer=quitter.imposer, targets=targets, subject_named=True)
        facts.append(make_fact("withdrawal", parties, c.sentence))
    return facts
