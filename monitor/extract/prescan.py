"""The reader's first look at a sentence: whether any word that can open a fact is in it, in one pass.

A clause states a fact only through one of the cues below: a tariff word or a rate (a tariff, and the
pause, lift or relief of one), a zero tariff, retaliation, relief, a pause or a pause said to end, talks, a
deal reached, a preference programme ended, an agreement quit. Most sentences an article spends on
background hold none of them; those are not read further. The look is built from the word lists
themselves, so a word added to any of them is looked for here too; a new kind of cue that can open a
fact belongs in `OPENERS`.
"""

from __future__ import annotations

from monitor.extract import vocabulary as vocab
from monitor.extract.matching import Cue, any_of

# Every cue a clause must hold for `reading` (and the kinds it tries) to state a fact from it.
OPENERS: tuple[Cue, ...] = (
    vocab.TARIFF_WORD,
    vocab.RATE,
    vocab.SAME_RATE,
    vocab.ZERO,
    vocab.RETALIATION,
    vocab.RELIEF,
    vocab.PAUSE,
    vocab.PAUSE_NOUN_ENDS,
    vocab.TALKS,
    vocab.DEAL_VERB,
    vocab.DEAL_PASSIVE,
    vocab.PREFERENCE_PROGRAMME,
    vocab.WITHDRAW,
)

_ANY_OPENER = any_of(OPENERS)


def may_state_fact(text: str) -> bool:
    """Whether `text` (a sentence or one of its clauses) holds a word that can open a fact."""
    return _ANY_OPENER.search(text) is not None
