"""`/calendar.ics`: the deadlines ahead as an iCalendar file (RFC 5545), written by `icalendar`.

One all-day event per deadline (a pause ending, a tariff taking effect or
expiring on its last day in force),
named for the measure and linking to its page. Each event's UID is made
from the measure, what falls due and the day, so a calendar program that
subscribes updates the same events rather than piling up copies;
`?subscription=NAME` keeps only the measures that subscription covers.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence

from icalendar import TRANSP, Calendar, Event

from monitor.config import SubscriptionSettings
from monitor.digest.content import Deadline
from monitor.digest.matching import measure_in_scope
from monitor.digest.render import percent
from monitor.web.context import measure_path, place

PRODID = "-//trade-monitor//deadlines//EN"


def deadline_uid(d: Deadline) -> str:
    """A UID stable across downloads for the same deadline of the same measure."""
    digest = hashlib.sha256(f"{d.measure.measure_id}|{d.what}|{d.date.isoformat()}".encode()).hexdigest()[:32]
    return f"{digest}@trade-monitor"


def _summary(d: Deadline) -> str:
    m = d.measure
    where = f"{place(m.imposer)} on {place(m.target)}" + (f", {m.sector}" if m.sector else "")
    layer = f" ({m.layer})" if m.layer else ""
    return f"{where}{layer}: {d.what} ({percent(m.rate)})"


def _description(d: Deadline, link: str) -> str:
    lines = [f"Measure {d.measure.measure_id}: {d.what} on {d.date.isoformat()}.", link, ""]
    for e in d.measure.evidence[:5]:
        lines.append(f"“{e.sentence}” ({e.title or e.url or e.article})")
    return "\n".join(lines)


def deadlines_calendar(
    deadlines: Sequence[Deadline],
    *,
    base_url: str,
    stamp: dt.datetime,
    subscription: SubscriptionSettings | None = None,
) -> bytes:
    """The deadlines as an iCalendar file; `stamp` (the clock's now) dates every event."""
    name = "trade-monitor deadlines" + (f": {subscription.name}" if subscription else "")
    calendar = Calendar.new(
        prodid=PRODID, name=name, uid=f"deadlines-{subscription.name if subscription else 'all'}@trade-monitor"
    )
    for d in deadlines:
        if subscription is not None and not measure_in_scope(subscription, d.measure):
            continue
        link = base_url.rstrip("/") + measure_path(d.measure.measure_id)
        calendar.add_component(
            Event.new(
                uid=deadline_uid(d),
                stamp=stamp.astimezone(dt.UTC),
                start=d.date,
                end=d.date + dt.timedelta(days=1),
                summary=_summary(d),
                description=_description(d, link),
                url=link,
                categories=[d.what],
                transparency=TRANSP.TRANSPARENT,
            )
        )
    if calendar.subcomponents:
        # RFC 5545 wants at least one component; a calendar with nothing due is left empty, as
        # calendar programs export one, rather than refused.
        calendar.validate()
    return calendar.to_ical()
