"""The measures projection: decides new facts, in news order, into measure events and state rows.

It reads `fact.extracted`. The facts of a batch are decided in news order
(publication day, then article id, then their place in the log), whatever
order they arrived in. A fact is decided against the state its group
(imposer, target, sector: every layer) had just before it in news order:
when it is newer than everything its group knows (the usual case) that is the
current state row; when it tells of an earlier day than news already decided
(a late article), the group's facts are decided again from the start in news
order, the group's rows replaced, and its own measure events are appended
marked `late` (history: the rules raise nothing for them). So the state is a
function of what the news said and when, never of arrival order.

Measure events are appended in the projection's own transaction
(idempotency key `decide:<fact position>:<target slot>`), the checkpoint moves
in that same transaction, and every fact is kept in `measure_facts`, so each
is decided exactly once. On `rebuild` (or the first run over a log written by
an earlier version) facts already decided are decided again into the rows but
nothing is appended twice.

Beside each state row, `measure_history` keeps the measure's state at the end
of every news day it changed on, written in the same transaction: the non-late
case writes the fact's day, a late fact about day X rewrites its group's days
from X on (the days before X are decided from the same facts as before, so
they stand). "As of" reads it (`queries.states_as_of`).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Connection, and_, bindparam, delete, insert, inspect, or_, select, update

from monitor.clock import Clock, FixedClock
from monitor.events.facts import FactExtracted
from monitor.events.measures import ALL_TYPES
from monitor.log.projection import ProjectionRunner
from monitor.log.records import NewEvent, RecordedEvent
from monitor.log.refold import clear_refold, refold_reason
from monitor.log.store import EventStore
from monitor.measures.decide import (
    PARTIES_KINDS,
    SAME_DEAL_DAYS,
    SAME_TALKS_DAYS,
    TARIFF_KINDS,
    Decision,
    Statement,
    decide_parties,
    decide_target,
    parties_of,
    same_event,
    split_lists,
)
from monitor.measures.fold import fold
from monitor.measures.layers import group_key
from monitor.measures.queries import row_to_state
from monitor.measures.replay import decide_in_order, fact_day, statement_of, targets_of
from monitor.measures.state import MeasureState
from monitor.measures.tables import TABLES, measure_facts, measure_history, measures

NAME = "measure_states"
#: How many facts ahead a batch is read to decide them in news order.
BATCH = 5000
_NONE = "-"


def decide_key(position: int, slot: int) -> str:
    """The idempotency key of the measure event decided from the fact at `position` for its `slot`-th target."""
    return f"decide:{position}:{slot}"


def _state_row(state: MeasureState) -> dict[str, Any]:
    return {
        "measure_id": state.measure_id,
        "group_key": group_key(state.imposer, state.target, state.sector),
        "imposer": state.imposer,
        "target": state.target,
        "sector": state.sector,
        "layer": state.layer,
        "rate": state.rate,
        "previous_rate": state.previous_rate,
        "threatened_rate": state.threatened_rate,
        "status": state.status,
        "pause_until": state.pause_until,
        "expires": state.expires,
        "effective": state.effective,
        "first_seen": state.first_seen,
        "last_seen": state.last_seen,
        "sources": state.sources,
        "official": state.official,
        "confidence": state.confidence,
        "unconfirmed_rate": state.unconfirmed_rate,
        "unconfirmed_outlet": state.unconfirmed_outlet,
        "voices": [[v.outlet, v.text] for v in state.voices],
        "evidence": [
            {
                "article": e.article,
                "url": e.url,
                "sentence": e.sentence,
                "title": e.title,
                "published": e.published.isoformat() if e.published else None,
            }
            for e in state.evidence
        ],
    }


def _statement_row(stmt: Statement, slot: int, key: str, target: str, parties: tuple[str, ...] = ()) -> dict[str, Any]:
    return {
        "position": stmt.position,
        "slot": slot,
        "group_key": key,
        "day": stmt.day,
        "article_id": stmt.fact.article_id,
        "target": target,
        "statement": {
            "fact": stmt.fact.to_data(),
            "outlet": stmt.outlet,
            "official": stmt.official,
            "parties": list(parties),
        },
    }


def _statement_from(row: Any) -> Statement:
    data = row.statement
    fact = FactExtracted.from_data(data["fact"])
    assert isinstance(fact, FactExtracted)
    return Statement(fact=fact, position=row.position, day=row.day, outlet=data["outlet"], official=data["official"])


def _after_params(stmt: Statement, key: str) -> dict[str, Any]:
    day, article, position = stmt.order
    return {"key": key, "day": day, "article": article, "position": position}


# Built once: the projection runs them for every fact it decides.
_C = measure_facts.c
#: Is there a fact of group `key` later in news order than (day, article, position)?
_LATER = (
    select(_C.position)
    .where(
        _C.group_key == bindparam("key"),
        or_(
            _C.day > bindparam("day"),
            and_(
                _C.day == bindparam("day"),
                or_(
                    _C.article_id > bindparam("article"),
                    and_(_C.article_id == bindparam("article"), _C.position > bindparam("position")),
                ),
            ),
        ),
    )
    .limit(1)
)
_ONE_DECIDED = select(_C.position).where(_C.position == bindparam("p")).limit(1)
_ADD_FACT = insert(measure_facts)
_GROUP_ROWS = select(measures).where(measures.c.group_key == bindparam("key"))
_ADD_ROW = insert(measures)
_SET_ROW = update(measures).where(measures.c.measure_id == bindparam("mid"))
_H = measure_history.c
_ADD_DAY = insert(measure_history)
_SET_DAY = update(measure_history).where(_H.measure_id == bindparam("mid"), _H.day == bindparam("on"))
_TARIFF_GROUPS = select(_C.group_key).distinct().where(_C.group_key != _NONE, ~_C.group_key.startswith("parties:"))


def _history_row(state: MeasureState, day: dt.date) -> dict[str, Any]:
    return {**_state_row(state), "day": day}


def _keep_day(conn: Connection, state: MeasureState, day: dt.date) -> None:
    """Record `state` as its measure's state at the end of `day` (the latest day its group knows)."""
    row = _history_row(state, day)
    if conn.execute(_SET_DAY, {**row, "mid": state.measure_id, "on": day}).rowcount == 0:
        conn.execute(_ADD_DAY, row)


def _decide_group(
    conn: Connection, key: str, since: dt.date | None, position: int | None = None
) -> tuple[dict[str, MeasureState], Decision | None]:
    """Decide group `key` again from its facts in news order; rewrite its history from `since` on (all
    of it when None); return its states and the decision on the fact at `position`."""
    c = measure_facts.c
    group = conn.execute(
        select(measure_facts).where(c.group_key == key).order_by(c.day, c.article_id, c.position, c.slot)
    ).all()
    mine: Decision | None = None
    states: dict[str, MeasureState] = {}
    days: dict[tuple[str, dt.date], MeasureState] = {}
    for told, _, decision in decide_in_order(((_statement_from(r), r.target) for r in group), states):
        if decision is None:
            continue
        if told.position == position:
            mine = decision
        if since is None or told.day >= since:
            # The last decision of a day stands for that day: news order puts it last.
            mid = decision.event.measure_id
            days[(mid, told.day)] = states[mid]
    gone = delete(measure_history).where(_H.group_key == key)
    conn.execute(gone if since is None else gone.where(_H.day >= since))
    if days:
        conn.execute(_ADD_DAY, [_history_row(state, day) for (_, day), state in days.items()])
    return states, mine


class MeasureProjection:
    """Facts -> measure events -> the `measure_states` table."""

    name = NAME
    types: frozenset[str] | None = frozenset({FactExtracted.NAME})

    def __init__(self, clock: Clock | None = None) -> None:
        # Without a clock (the `replay`/`rebuild` catalogue), decisions are recorded at the
        # time their fact was, so nothing here reads the wall clock.
        self.clock = clock

    def create(self, conn: Connection) -> None:
        """Create the tables if missing; fold the facts already decided again into rows an older
        version kept (a missing history, or a column a migration added empty)."""
        names = set(inspect(conn).get_table_names())
        for table in TABLES:
            table.create(conn, checkfirst=True)
        missing_history = measure_facts.name in names and measure_history.name not in names
        if missing_history or refold_reason(conn, NAME) is not None:
            # Its facts are all here, so each group is decided again into its rows and days (the
            # log is not read again, nothing is appended).
            for key in list(conn.execute(_TARIFF_GROUPS).scalars()):
                states, _ = _decide_group(conn, key, None)
                conn.execute(delete(measures).where(measures.c.group_key == key))
                if states:
                    conn.execute(insert(measures), [_state_row(s) for s in states.values()])
            clear_refold(conn, NAME)

    def drop(self, conn: Connection) -> None:
        """Drop the tables."""
        for table in reversed(TABLES):
            table.drop(conn, checkfirst=True)

    def apply(self, conn: Connection, event: RecordedEvent) -> None:
        """Decide this fact and the ones after it in its batch, in news order (once each)."""
        if conn.execute(_ONE_DECIDED, {"p": event.position}).first() is not None:
            return
        store = EventStore(conn.engine, self.clock or FixedClock(event.recorded_at))
        ahead = list(store.read_page(conn, after=event.position - 1, limit=BATCH, types=[FactExtracted.NAME]))
        done = self._decided(conn, [r.position for r in ahead])
        fresh = [r for r in ahead if r.position not in done]
        todo = list(zip(split_lists([statement_of(r) for r in fresh]), fresh, strict=True))
        todo.sort(key=lambda item: item[0].order)
        for stmt, recorded in todo:
            self._decide(conn, store, stmt, recorded)

    @staticmethod
    def _decided(conn: Connection, positions: list[int]) -> set[int]:
        found: set[int] = set()
        for i in range(0, len(positions), 500):
            chunk = positions[i : i + 500]
            found.update(
                conn.execute(select(measure_facts.c.position).where(measure_facts.c.position.in_(chunk))).scalars()
            )
        return found

    def _decide(self, conn: Connection, store: EventStore, stmt: Statement, recorded: RecordedEvent) -> None:
        again = bool(store.positions_by_key_prefix(f"decide:{stmt.position}:", limit=1, conn=conn))
        metadata: dict[str, Any] = {
            "causation": stmt.position,
            "article": stmt.fact.article_id,
            # The day the fact was read: the rules weigh how old its news was then.
            "read_on": recorded.recorded_at.date().isoformat(),
        }
        if recorded.metadata.get("catch_up"):
            metadata["catch_up"] = True
        occurred = dt.datetime.combine(stmt.day, dt.time(), tzinfo=dt.UTC)

        def append(slot: int, decision: Decision, late: bool) -> None:
            if again:
                return  # decided before (a rebuild): its events are in the log already
            meta = {**metadata, "late": True} if late else metadata
            store.append_in(
                conn,
                decision.stream_id,
                [
                    NewEvent.of(
                        decision.event,
                        idempotency_key=decide_key(stmt.position, slot),
                        metadata=meta,
                        occurred_at=occurred,
                    )
                ],
            )

        kind = stmt.fact.kind
        if kind in PARTIES_KINDS:
            self._parties(conn, stmt, append)
        elif kind in TARIFF_KINDS:
            for slot, target in enumerate(targets_of(stmt)):
                self._tariff(conn, stmt, slot, target, append)
        else:
            conn.execute(_ADD_FACT, _statement_row(stmt, 0, _NONE, _NONE))

    def _parties(self, conn: Connection, stmt: Statement, append: Any) -> None:
        # Talks and deals have no state: the same event is a fact of the same kind between the
        # same parties within the window, before it in news order or (a late article) after it.
        key = f"parties:{stmt.fact.kind}"
        window = dt.timedelta(days=max(SAME_TALKS_DAYS, SAME_DEAL_DAYS))
        c = measure_facts.c
        rows = conn.execute(
            select(c.position, c.day, c.article_id, c.statement).where(
                c.group_key == key, c.day >= stmt.day - window, c.day <= stmt.day + window
            )
        ).all()
        earlier: list[tuple[str, tuple[str, ...], dt.date]] = []
        later: list[tuple[str, tuple[str, ...], dt.date]] = []
        for r in rows:
            told = (stmt.fact.kind, tuple(r.statement["parties"]), r.day)
            (earlier if (r.day, r.article_id, r.position) < stmt.order else later).append(told)
        parties = parties_of(stmt.fact)
        conn.execute(_ADD_FACT, _statement_row(stmt, 0, key, "+".join(parties)[:8], parties))
        decision = decide_parties(stmt, earlier)
        if decision is None:
            return
        mine = set(parties)
        for _, others, day in later:
            # The later report, decided already, stands for this event when this fact, had it come first,
            # would have made that report tell nothing new.
            if same_event(stmt.fact.kind, set(others), mine, abs((day - stmt.day).days)):
                return
        append(0, decision, False)

    def _tariff(self, conn: Connection, stmt: Statement, slot: int, target: str, append: Any) -> None:
        key = group_key(stmt.fact.imposer, target, stmt.fact.sector)
        late = conn.execute(_LATER, _after_params(stmt, key)).first() is not None
        conn.execute(_ADD_FACT, _statement_row(stmt, slot, key, target))
        if not late:
            standing = [row_to_state(r) for r in conn.execute(_GROUP_ROWS, {"key": key})]
            mid, decision = decide_target(stmt, target, standing)
            if decision is None:
                return
            append(slot, decision, False)
            before = next((s for s in standing if s.measure_id == mid), None)
            after = fold(before, decision.event)
            values = _state_row(after)
            if before is None:
                conn.execute(_ADD_ROW, values)
            else:
                conn.execute(_SET_ROW, {**values, "mid": mid})
            _keep_day(conn, after, stmt.day)
            return
        # A late fact: the group is decided again in news order (its history from the fact's day on),
        # its own events marked late.
        states, mine = _decide_group(conn, key, stmt.day, stmt.position)
        conn.execute(delete(measures).where(measures.c.group_key == key))
        if states:
            conn.execute(insert(measures), [_state_row(s) for s in states.values()])
        if mine is not None:
            append(slot, mine, True)


def update_measures(store: EventStore, clock: Clock | None = None) -> int:
    """Decide new facts into measure events and fold them into the state; return facts applied.

    Without a clock, decisions are recorded at the time of their fact (what `state` does: no clock is read).
    """
    return ProjectionRunner(store, MeasureProjection(clock)).run()


__all__ = ["ALL_TYPES", "NAME", "MeasureProjection", "decide_key", "fact_day", "update_measures"]
