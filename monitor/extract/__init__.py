"""Article text + publication date -> trade-policy facts (see the extraction contract)."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from monitor.extract.facts import Fact

EXTRACTOR_VERSION = "1"

# Sentences longer than this are not prose (tables, junk, a page without stops); they are read in pieces.
_MAX_SENTENCE = 2000


def _same(a: Fact, b: Fact) -> bool:
    """Whether `b` repeats `a` (or says less than it): one fact per distinct statement."""
    if a.kind in {"deal", "negotiation"} and a.kind == b.kind:
        # The parties to talks or a deal, in whichever order a sentence names them.
        same_parties = {a.imposer, *a.targets} == {b.imposer, *b.targets}
        return same_parties and not (a.effective and b.effective and a.effective != b.effective)
    if (a.kind, a.imposer, a.sector) != (b.kind, b.imposer, b.sector):
        return False
    if a.kind == "tariff" and a.status != b.status and (a.rate is None or b.rate is None):
        return False
    if set(a.targets) != set(b.targets) and not set(b.targets) <= set(a.targets):
        return False
    if b.rate is not None and a.rate != b.rate:
        return False
    return not (b.until and a.until and abs((a.until - b.until).days) > 7)


def _dedup(facts: list[Fact]) -> list[Fact]:
    kept: list[Fact] = []
    for fact in facts:
        if any(_same(k, fact) for k in kept):
            continue
        # A later, more precise statement of a fact replaces the vaguer one.
        kept = [k for k in kept if not (_same(fact, k) and k.rate is None and fact.rate is not None)]
        kept.append(fact)
    return kept


def _anchor(text: str) -> dt.date | None:
    """Without a publication date, the first full date the article names stands in for it."""
    from monitor.extract.dates import MONTH_DAY, find_dates

    for match in MONTH_DAY.finditer(text[:20000]):
        if match.group(3):
            found = find_dates(match.group(0), dt.date(int(match.group(3)), 1, 1))
            if found:
                return found[0].value
    return None


def extract_facts(text: str, published: dt.date | None) -> list[Fact]:
    """Every distinct trade-policy fact stated in `text`, dates resolved against `published`."""
    from monitor.extract.gazetteer import ANY, find_mentions
    from monitor.extract.reading import Context, read_sentence
    from monitor.extract.sentences import split_sentences

    if not text or not text.strip():
        return []
    sentences = [s[i : i + _MAX_SENTENCE] for s in split_sentences(text) for i in range(0, len(s), _MAX_SENTENCE)]
    counts: Counter[str] = Counter()
    for sentence in sentences:
        for mention in find_mentions(sentence):
            if mention.code not in {"US", ANY}:
                counts[mention.code] += 1
    ctx = Context(published=published or _anchor(text), partner=counts.most_common(1)[0][0] if counts else None)
    facts: list[Fact] = []
    for sentence in sentences:
        facts.extend(read_sentence(sentence, ctx))
    return _dedup(facts)


__all__ = ["EXTRACTOR_VERSION", "Fact", "extract_facts"]
