"""Deciding facts in news order, from scratch: for a group a late fact reopens, and as the reference for "as of".

The projection decides each new fact against the state just before it in news
order; this module is how that order is replayed when it has to be: the
facts (of one group, or all of them up to a day) are sorted by news order and
decided one after another from empty states. "As of" a day is read from the
projection's history (`queries.states_as_of`, what other rooms call);
`states_until` reads the whole log and is the reference the tests compare it with.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from typing import Any

from sqlalchemy import Engine

from monitor.events import decode_recorded
from monitor.events.facts import FactExtracted
from monitor.log.records import RecordedEvent
from monitor.log.store import EventReader
from monitor.measures.decide import TARIFF_KINDS, Decision, Statement, decide_target, outlet_of, split_lists
from monitor.measures.fold import fold
from monitor.measures.layers import group_key
from monitor.measures.state import MeasureState


def fact_day(event: RecordedEvent, fact: FactExtracted) -> dt.date:
    """The day a fact refers to: its article's publication date, else when it occurred, else when recorded."""
    if fact.published is not None:
        return fact.published
    return (event.occurred_at or event.recorded_at).date()


def statement_of(event: RecordedEvent) -> Statement:
    """A recorded fact as it is decided: its day, its outlet (feed, else link host) and officialness."""
    fact = decode_recorded(event)
    assert isinstance(fact, FactExtracted)
    metadata: dict[str, Any] = event.metadata or {}
    feed = fact.feed or metadata.get("feed")
    return Statement(
        fact=fact,
        position=event.position,
        day=fact_day(event, fact),
        outlet=outlet_of(feed, fact.url, fact.article_id),
        official=bool(fact.official or metadata.get("official")),
    )


def targets_of(stmt: Statement) -> list[str]:
    """The fact's targets, each once, in the order named."""
    return list(dict.fromkeys(stmt.fact.targets))


def decide_in_order(
    items: Iterable[tuple[Statement, str]], states: dict[str, MeasureState]
) -> Iterator[tuple[Statement, str, Decision | None]]:
    """Decide (statement, target) pairs in news order, from the empty `states` it fills as it goes,
    yielding each decision."""
    by_group: dict[str, list[str]] = {}
    for stmt, target in sorted(items, key=lambda i: (i[0].order, i[1])):
        key = group_key(stmt.fact.imposer, target, stmt.fact.sector)
        standing = [states[m] for m in by_group.get(key, [])]
        mid, decision = decide_target(stmt, target, standing)
        if decision is not None:
            if mid not in states:
                by_group.setdefault(key, []).append(mid)
            states[mid] = fold(states.get(mid), decision.event)
        yield stmt, target, decision


def states_in_order(items: Iterable[tuple[Statement, str]]) -> dict[str, MeasureState]:
    """The states the (statement, target) pairs decide into, in news order."""
    states: dict[str, MeasureState] = {}
    for _ in decide_in_order(items, states):
        continue
    return states


def statements_until(engine: Engine, day: dt.date) -> list[Statement]:
    """Every tariff, pause, lift or relief fact about a day on or before `day`."""
    reader = EventReader(engine)
    found = [statement_of(r) for r in reader.read_all(types=[FactExtracted.NAME])]
    return [s for s in split_lists(found) if s.day <= day and s.fact.kind in TARIFF_KINDS]


def states_until(engine: Engine, day: dt.date) -> dict[str, MeasureState]:
    """Every measure decided from the facts about days up to `day`, in news order, by measure id."""
    return states_in_order((s, t) for s in statements_until(engine, day) for t in targets_of(s))
