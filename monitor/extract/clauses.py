"""Cutting a sentence into clauses, and what in a clause blocks or masks a statement."""

from __future__ import annotations

import re
from dataclasses import dataclass
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


@dataclass(frozen=True)
class Piece:
    """A clause and where its words stand in the sentence: one stretch, or two for a second predicate read with
    the subject of the first ("Peru " + "raised duties on steel"), its text their concatenation."""

    text: str
    stretches: tuple[tuple[int, int], ...]

    def at(self, position: int) -> int | None:
        """Where the sentence's `position` falls in the clause's text, None when outside the clause."""
        base = 0
        for start, end in self.stretches:
            if start <= position < end:
                return base + position - start
            base += end - start
        return None


def split_clauses(sentence: str) -> list[str]:
    """The clauses of a sentence, each with (at most) one subject and its verb."""
    return [piece.text for piece in clause_pieces(sentence)]


def clause_pieces(sentence: str) -> list[Piece]:
    """The clauses of a sentence with where they stand in it; a second predicate of the first clause's subject
    ("X lifted A and raised B to 15%") is read with that subject put before it."""
    parts: list[tuple[int, int]] = []
    subjects: dict[int, tuple[int, int]] = {}
    subject: tuple[int, int] | None = None
    begin = 0
    lead = vocab.LEADING_SUBORDINATE.match(sentence)
    if lead and _NAME_BEFORE.search(sentence.rstrip(), 0, len(sentence[: lead.end()].rstrip(", "))):
        more = _LIST_GOES_ON.match(sentence, lead.end())
        if more:
            lead = more
    if lead:
        parts.append((0, len(sentence[: lead.end()].rstrip(", "))))
        begin = lead.end()
    for m in vocab.CLAUSE_BREAK.finditer(sentence, begin):
        if m.group("and_subject") and _NAME_BEFORE.search(sentence, 0, m.start()):
            continue  # "President Trump and President Xi agreed": two subjects of one verb
        if m.group("contrast") and vocab.ONLOOKER_FORESEES.search(sentence, 0, m.start()):
            continue  # "experts see a deal whereby Japan opens up while the US lifts ...": both are foreseen
        if _spells_out_group(sentence, m.start(), m.end()):
            continue  # "on the six nations that sell it glass: Chile, Peru and ...": the group's members
        # Only after "and": a predicate after "but" is read as before, on its own (with the subject carried to it,
        # the scored-only news lost a fact it read right).
        second = _AND.search(m.group(0)) is not None and vocab.SECOND_PREDICATE.match(sentence[m.end() : m.end() + 80])
        # The subject a predicate after this break is read with: the one this clause was read with, or its own.
        own = subjects.get(begin) or _subject(sentence, begin, m.start())
        if m.group("second_verb"):
            bare = _bare_verb(sentence, m.end())
            modal = _last_modal(sentence, begin, m.start()) if bare in vocab.BARE_FORMS else None
            if modal is not None and begin not in subjects:
                own = (begin, modal)  # "Peru will impose ... and cut ...": "Peru will " is read before "cut"
            elif modal is None and bare in vocab.BARE_FORMS and bare not in vocab.SHARED_FORMS:
                continue  # a bare verb with no modal or "to" to share: not a predicate ("a cut and raise ...")
            if own is None:
                continue  # no verb before "and" ("tariffs and raised prices"): no predicate to add one to
        if m.start() - begin > 15:
            subject = own
            parts.append((begin, m.start()))
            begin = m.end()
            if second and subject is not None:
                subjects[begin] = subject
    parts.append((begin, len(sentence)))
    pieces = [
        Piece(
            text=sentence[subjects[a][0] : subjects[a][1]] + sentence[a:b],
            stretches=(subjects[a], (a, b)),
        )
        if a in subjects
        else Piece(text=sentence[a:b], stretches=((a, b),))
        for a, b in parts
    ]
    if sentence and sentence[-1] not in _SENTENCE_ENDS:
        pieces = [piece for part in pieces for piece in _headline_predicates(part)]
    return [p for p in pieces if p.text.strip()]


def _subject(sentence: str, begin: int, end: int) -> tuple[int, int] | None:
    """Where the subject of the clause from `begin` to `end` stands (up to its first verb), None when no verb
    opens its predicate close enough to be read as one."""
    verb = vocab.FIRST_VERB.search(sentence, begin, end)
    if verb is None or not sentence[begin : verb.start()].strip() or verb.start() - begin > _SUBJECT_LENGTH:
        return None
    return begin, verb.start()


# The longest subject a second predicate is read with ("the tariff on fridges and cookers from Korea").
_SUBJECT_LENGTH = 120


def _bare_verb(sentence: str, start: int) -> str:
    """The verb a second predicate opens with (after any "also", "then")."""
    words = sentence[start : start + 40].lower().split()
    while words and words[0] in _ADVERBS:
        words.pop(0)
    return words[0] if words else ""


_ADVERBS = frozenset({"also", "then", "later", "subsequently", "again"})


def _last_modal(sentence: str, begin: int, end: int) -> int | None:
    """Where the last modal or "to" of the predicate from `begin` to `end` ends, None when it has none."""
    found = list(vocab.MODAL_OR_TO.finditer(sentence[begin:end]))
    return begin + found[-1].end() if found else None


_AND = re.compile(r"\band\b", re.I)

# A headline ends without a stop (a closing quote may end a sentence that quotes).
_SENTENCE_ENDS = frozenset(".!?\"”’'")


def _headline_predicates(part: Piece) -> list[Piece]:
    """A headline clause cut where a comma stands for "and" before a second verb of the same subject."""
    if len(part.stretches) > 1:
        return [part]
    start = part.stretches[0][0]
    pieces: list[Piece] = []
    begin = 0
    for m in vocab.HEADLINE_SECOND_VERB.finditer(part.text):
        if m.start() - begin > 15:
            pieces.append(Piece(text=part.text[begin : m.start()], stretches=((start + begin, start + m.start()),)))
            begin = m.end()
    pieces.append(Piece(text=part.text[begin:], stretches=((start + begin, start + len(part.text)),)))
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
        bool(vocab.NOT_A_FACT.search(window))
        or _wished_in_chain(clause, cue.start())
        or _foreseen(clause, cue.start())
        or bool(vocab.SUBJUNCTIVE_BEFORE.search(clause, max(0, cue.start() - 160), cue.start()))
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
    the tariffs", "would lift them if Japan opens its market"), or said to be only possible or talked about ("the
    removal of the duties is on the table"): a proposal, not the measure."""
    return bool(
        vocab.OFFERED_BEFORE.search(clause, max(0, cue.start() - 40), cue.start())
        or vocab.CONDITION_AFTER.match(clause[cue.end() :])
        or vocab.ONLY_POSSIBLE_AFTER.match(clause[cue.end() :])
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
        or vocab.CHANGED_BY_AFTER.match(scan[word.end() : word.end() + 110])
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


# A preposition that opens an adverbial phrase of its own between a tariff word and a verb after it; or a copula
# before a noun phrase: in "the tariffs are an extension of its strategy" the tariff is the subject, not the
# noun's head.
_ADVERBIAL_BETWEEN = re.compile(
    r"\b(?:by|while|after|before|than|without|instead\s+of)\b|\b(?:is|are|was|were)\s+(?:an?|the|its|their)\b", re.I
)
