"""Cutting a sentence into clauses, and what in a clause blocks or masks a statement."""

from __future__ import annotations

import re
from functools import lru_cache

from monitor.extract import vocabulary as vocab
from monitor.extract.gazetteer import NAME, find_mentions, numbered_groups

# A capitalised word (a name) right before a break: what follows "and" is coordinated with it.
_NAME_BEFORE = re.compile(r"\b[A-Z][\w.'’-]*$")

_NAME = r"(?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*"
# The rest of a list of names that the comma after an opening phrase only seemed to close ("After deals with the
# UK, Japan and the EU, Trump ..."): the opening phrase ends at the comma after its last item, "and" or "or"
# having closed the list (not "After talks with Peru, Chile and Korea signed": no comma after the list).
_LIST_GOES_ON = re.compile(rf"(?:{_NAME}\s*,\s*)*{_NAME},?\s+(?:and|or)\s+{_NAME}\s*,\s+")


def split_clauses(sentence: str) -> list[str]:
    """The clauses of a sentence, each with (at most) one subject and its verb."""
    parts: list[str] = []
    begin = 0
    lead = vocab.LEADING_SUBORDINATE.match(sentence)
    if lead and _NAME_BEFORE.search(sentence.rstrip(), 0, len(sentence[: lead.end()].rstrip(", "))):
        more = _LIST_GOES_ON.match(sentence, lead.end())
        if more:
            lead = more
    if lead:
        parts.append(sentence[: lead.end()].rstrip(", "))
        begin = lead.end()
    for m in vocab.CLAUSE_BREAK.finditer(sentence, begin):
        if m.group("and_subject") and _NAME_BEFORE.search(sentence, 0, m.start()):
            continue  # "President Trump and President Xi agreed": two subjects of one verb
        if m.group("contrast") and vocab.ONLOOKER_FORESEES.search(sentence, 0, m.start()):
            continue  # "experts see a deal whereby Japan opens up while the US lifts ...": both are foreseen
        if _spells_out_group(sentence, m.start(), m.end()):
            continue  # "on the six nations that sell it glass: Chile, Peru and ...": the group's members
        if m.start() - begin > 15:
            parts.append(sentence[begin : m.start()])
            begin = m.end()
    parts.append(sentence[begin:])
    if sentence and sentence[-1] not in _SENTENCE_ENDS:
        parts = [piece for part in parts for piece in _headline_predicates(part)]
    return [p for p in parts if p.strip()]


# A headline ends without a stop (a closing quote may end a sentence that quotes).
_SENTENCE_ENDS = frozenset(".!?\"”’'")


def _headline_predicates(part: str) -> list[str]:
    """A headline clause cut where a comma stands for "and" before a second verb of the same subject."""
    pieces: list[str] = []
    begin = 0
    for m in vocab.HEADLINE_SECOND_VERB.finditer(part):
        if m.start() - begin > 15:
            pieces.append(part[begin : m.start()])
            begin = m.end()
    pieces.append(part[begin:])
    return pieces


# What may stand between a counted group and the colon or dash that spells it out: no other break.
_GROUP_TO_BREAK = re.compile(r"[^:;()—–]{0,90}")
# What may open the list after the break before its first country.
_LIST_OPENS = re.compile(r"(?:the\s+)?")


def _spells_out_group(sentence: str, start: int, end: int) -> bool:
    """Whether the break from `start` to `end` (a colon or a dash) only introduces the countries of a group given
    by a number just before it: the list is the group's apposition, not a clause of its own."""
    if not any(c in sentence[start:end] for c in ":-–—"):
        return False
    if not any(_GROUP_TO_BREAK.fullmatch(sentence, g_end, start) for _g, g_end in numbered_groups(sentence[:start])):
        return False
    first = find_mentions(sentence[end : end + 60])
    opener = _LIST_OPENS.match(sentence, end)
    return bool(first) and first[0].form == NAME and opener is not None and first[0].start == opener.end() - end


@lru_cache(maxsize=64)
def masked(clause: str) -> str:
    """The clause with "tariff" words that name something else blanked out ("tariff talks", "tariff-free")."""
    return vocab.TARIFF_COMPOUND.sub(lambda m: " " * len(m.group(0)), clause)


def blocked(clause: str, cue: re.Match[str]) -> bool:
    """Whether a demand, wish, condition or denial governs the cue (looked for just before it)."""
    # A cue that holds such words itself ("no longer charge": a lift) is not denied by them.
    end = cue.start() if vocab.NOT_A_FACT.search(cue.group(0)) else cue.end()
    window = clause[max(0, cue.start() - 50) : end]
    cut = max(window.rfind(","), window.rfind(";"))
    if cut >= 0 and cut < cue.start() - max(0, cue.start() - 50):
        window = window[cut + 1 :]
    return (
        bool(vocab.NOT_A_FACT.search(window)) or _wished_in_chain(clause, cue.start()) or _foreseen(clause, cue.start())
    )


def _wished_in_chain(clause: str, start: int) -> bool:
    """Whether the cue at `start` sits in a later verb of a wish's chain of infinitives ("aims to lower the
    tariffs and secure exemptions"): the wish governs each verb it coordinates, however far from the cue."""
    return bool(vocab.WISH_CHAIN.search(clause[max(0, start - 200) : start]))


def _foreseen(clause: str, start: int) -> bool:
    """Whether onlookers foresee what the clause says up to `start` ("experts expect Lima to ..."): a forecast."""
    return bool(vocab.ONLOOKER_FORESEES.search(clause, 0, start))


def offered(clause: str, cue: re.Match[str]) -> bool:
    """Whether a removal, exemption or pause at `cue` is only offered or made a condition ("is willing to drop
    the tariffs", "would lift them if Japan opens its market"): a proposal, not the measure."""
    return bool(
        vocab.OFFERED_BEFORE.search(clause, max(0, cue.start() - 40), cue.start())
        or vocab.CONDITION_AFTER.match(clause[cue.end() :])
    )


def blocked_span(clause: str, start: int, end: int) -> bool:
    window = clause[max(0, start - 50) : end]
    cut = max(window.rfind(","), window.rfind(";"))
    if cut >= 0 and cut < start - max(0, start - 50):
        window = window[cut + 1 :]
    return bool(vocab.NOT_A_FACT.search(window)) or _wished_in_chain(clause, start) or _foreseen(clause, start)


def is_policy(scan: str, word: re.Match[str]) -> bool:
    """Whether a tariff word is the object or subject of a policy verb, not just a topic."""
    before = scan[max(0, word.start() - 50) : word.start()]
    after = scan[word.end() : word.end() + 40]
    if vocab.TOPIC_BEFORE.search(before) or vocab.SOUGHT_BEFORE.search(before):
        return False  # "negotiations with the U.S. on the reciprocal tariff", "to negotiate a lower tariff"
    if vocab.EFFECT_AGENT_BEFORE.search(before) and not vocab.PLACED_AFTER.match(after):
        return False  # "the losses caused by the U.S. tariffs": a cause named, not a measure taken
    if word.group(0)[:7].lower() == "counter":
        return True  # a counter-tariff is a measure taken in answer to another, never just a topic
    return bool(
        vocab.POLICY_BEFORE.search(before)
        or vocab.CUT_FORMS_BEFORE.search(before)
        or vocab.POLICY_AFTER.search(after)
        or vocab.RESPONSE_WITH.search(before)
    )


def governs_tariff(clause: str, cue: re.Match[str]) -> bool:
    """Whether the verb or noun at `cue` acts on a tariff: its object names one ("suspended the duties",
    "a pause on tariffs", "delayed the deadline"), or a tariff is its passive subject or compound head
    ("the levies were lifted", "the tariff truce"). "Removing an irritant" or "suspending exports" is not."""
    if vocab.OTHER_OBJECT.match(clause, cue.end()) or vocab.REMOVED_OTHER_OBJECT.match(
        clause[cue.end() : cue.end() + 60]
    ):
        return False  # "suspended the tariff talks", "delayed shipments of wheat", "withdrew its WTO challenge"
    rest = clause[cue.end() :]
    other = vocab.NON_TARIFF_OBJECT.match(rest)
    if other and not vocab.TARIFF_COORDINATED.match(rest[other.end() :]):
        return False  # "lifted its curbs on imports of cars subject to a 10% duty": the curbs go, not the duty
    if cue.group(0).lower() in vocab.WITHDRAWING and vocab.FROM_AFTER.match(clause[cue.end() : cue.end() + 10]):
        return False  # "withdrawing from the WTO": leaving something, not removing a tariff
    after = clause[cue.end() : cue.end() + 70]
    stop = vocab.OBJECT_END.search(after)
    if stop:
        after = after[: stop.start()]
    if vocab.TARIFF_WORD.search(after) or vocab.RATE.search(after) or vocab.TARIFF_OBJECT.search(after):
        return True
    before = clause[max(0, cue.start() - 90) : cue.start()]
    cut = max(before.rfind(","), before.rfind(";"))
    if cut >= 0:
        before = before[cut + 1 :]
    if vocab.PASSIVE_BEFORE.search(before) and (vocab.TARIFF_WORD.search(before) or vocab.TARIFF_OBJECT.search(before)):
        # "The levies were lifted", "implementation was delayed"; but in "the talks on tariffs were postponed"
        # the talks are what was postponed.
        other = vocab.OTHER_SUBJECT.search(before)
        tariff = vocab.TARIFF_WORD.search(before)
        return other is None or (tariff is not None and tariff.start() < other.start())
    # "the tariff removal", "tariff cuts were delayed"; but in "avoid the tariff by removing the need" the
    # tariff is the object of another verb.
    near = list(vocab.TARIFF_WORD.finditer(before[-25:]))
    return bool(near) and not _ADVERBIAL_BETWEEN.search(before[-25:][near[-1].end() :])


# A preposition that opens an adverbial phrase of its own between a tariff word and a verb after it.
_ADVERBIAL_BETWEEN = re.compile(r"\b(?:by|while|after|before|than|without|instead\s+of)\b", re.I)
