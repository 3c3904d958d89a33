"""Reading measure state: the one way other rooms (rules, digest, the CLI) ask for it.

    measure_states(engine)                 # every measure now (the projection's rows)
    measure_states(engine, as_of=day)      # every measure as it stood at the end of `day`
    state_of(conn, measure_id)             # one measure now, inside a caller's transaction
    expiring(conn, first, last)            # tariffs whose expiry falls between two days (the clock's reminders)

Both read what the measures projection holds (catch it up first with
`monitor.measures.projection.update_measures`): now its state rows, "as of" its
history (`measure_history`), one indexed seek per measure, so the answer costs
the same however long the log.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Connection, Engine, and_, bindparam, func, inspect, select
from sqlalchemy.exc import DBAPIError

from monitor.events.alerts import Evidence
from monitor.measures.fold import as_of_view
from monitor.measures.state import MeasureState, Voice
from monitor.measures.tables import measure_history, measures


def row_to_state(row: Any) -> MeasureState:
    """A `measures` row as a MeasureState."""
    m = row._mapping
    return MeasureState(
        measure_id=m["measure_id"],
        imposer=m["imposer"],
        target=m["target"],
        sector=m["sector"],
        layer=m["layer"],
        rate=m["rate"],
        previous_rate=m["previous_rate"],
        status=m["status"],
        pause_until=m["pause_until"],
        effective=m["effective"],
        first_seen=m["first_seen"],
        last_seen=m["last_seen"],
        sources=m["sources"],
        evidence=tuple(_evidence(e) for e in m["evidence"]),
        threatened_rate=m["threatened_rate"],
        voices=tuple(Voice(outlet=v[0], text=v[1]) for v in m["voices"]),
        official=bool(m["official"]),
        confidence=m["confidence"],
        unconfirmed_rate=m["unconfirmed_rate"],
        unconfirmed_outlet=m["unconfirmed_outlet"],
        expires=m["expires"],
    )


def _evidence(data: dict[str, Any]) -> Evidence:
    published = data.get("published")
    return Evidence(
        article=data["article"],
        url=data.get("url"),
        sentence=data["sentence"],
        title=data.get("title"),
        published=dt.date.fromisoformat(published) if published else None,
    )


def state_of(conn: Connection, measure_id: str) -> MeasureState | None:
    """The measure as the projection holds it, read in the caller's transaction (None if unknown)."""
    row = conn.execute(select(measures).where(measures.c.measure_id == measure_id)).first()
    return row_to_state(row) if row is not None else None


def current_states(engine: Engine) -> list[MeasureState]:
    """Every measure as the projection holds it, by measure id (empty before the projection first ran)."""
    if not inspect(engine).has_table(measures.name):
        return []
    with engine.connect() as conn:
        return [row_to_state(r) for r in conn.execute(select(measures).order_by(measures.c.measure_id))]


#: Statuses under which a tariff's expiry is still ahead of it (a threat has none; a lift ended it).
_EXPIRING = ("announced", "in_effect", "paused")


def expiring(conn: Connection, first: dt.date, last: dt.date) -> list[MeasureState]:
    """Tariffs standing now whose expiry falls from `first` to `last`, soonest first (an index seek:
    the cost follows the tariffs near their end, not the number of measures)."""
    c = measures.c
    rows = conn.execute(
        select(measures)
        .where(c.expires >= first, c.expires <= last, c.status.in_(_EXPIRING))
        .order_by(c.expires, c.measure_id)
    )
    return [row_to_state(r) for r in rows]


def next_expiry(conn: Connection, after: dt.date) -> dt.date | None:
    """The nearest expiry on or after `after` of a tariff standing now (None when there is none)."""
    if not inspect(conn).has_table(measures.name):
        return None  # the projection has not run on this log yet
    c = measures.c
    found: dt.date | None = conn.execute(
        select(func.min(c.expires)).where(c.expires >= after, c.status.in_(_EXPIRING))
    ).scalar()
    return found


_H = measure_history.c
_LATEST = measure_history.alias("latest")
#: Per measure (every measure has a state row), its history row with the latest day on or before
#: :day; both the MAX and the row are seeks on the primary key (measure_id, day).
_AS_OF = (
    select(measure_history)
    .select_from(measures)
    .join(
        measure_history,
        and_(
            _H.measure_id == measures.c.measure_id,
            _H.day
            == select(func.max(_LATEST.c.day))
            .where(_LATEST.c.measure_id == measures.c.measure_id, _LATEST.c.day <= bindparam("day"))
            .scalar_subquery(),
        ),
    )
)


def states_as_of(engine: Engine, day: dt.date) -> list[MeasureState]:
    """Every measure as it stood at the end of `day`, seen from that day, by measure id (empty before
    the projection first ran)."""
    try:
        with engine.connect() as conn:
            found = [as_of_view(row_to_state(r), day) for r in conn.execute(_AS_OF, {"day": day})]
    except DBAPIError:
        # Asked first only when the query fails: the answer has no time to spare for it.
        if inspect(engine).has_table(measure_history.name):
            raise
        return []
    # Sorted here: PostgreSQL's collation may order ids apart from the code points the CLI shows.
    return sorted(found, key=lambda s: s.measure_id)


def measure_states(engine: Engine, *, as_of: dt.date | None = None, today: dt.date | None = None) -> list[MeasureState]:
    """The state of every measure now, or as it stood at the end of `as_of`, ordered by measure id.

    Now: the rows of the measures projection, as the latest news has them (run
    `monitor.measures.projection.update_measures` first to catch it up), seen
    from `today` when given: a pause whose end has passed no longer holds, a
    tariff whose expiry has passed is lifted, an announced rate whose effective
    date has come is in force, though no news has said so since. As of a
    day: the facts whose day (the article's publication date) is on or before
    it, decided in news order as the projection decides them (its history), and seen
    from that day (a pause that ended before it no longer holds; an announced
    rate whose effective date has come is in force). The recording time does
    not matter, so a backfill recorded today about April answers for April.
    """
    if as_of is None:
        found = current_states(engine)
        return found if today is None else [as_of_view(state, today) for state in found]
    return states_as_of(engine, as_of)
