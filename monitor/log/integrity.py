"""Checking the log's integrity: positions, stream versions, the hash chain, checkpoints, triggers.

`verify` reads the whole log in position order, a page at a time, and checks
that every position is a real one (1 or more), that each stream's versions run
1, 2, 3... with none missing or repeated, that each event's chain hash is the
link of its content and the link before it (`monitor/log/chain.py`), that no
projection has applied positions beyond the log's end (which only happens when
events were removed from it), and that the triggers that keep the log
append-only are all in place. Every break is named by position, with the check
that failed and why; after a break it goes on from the row as it is, so one
edited event is one break and not the whole rest of the log.

`verify(..., tail=N)` checks only the chain and positions of the newest N
events, triggers and checkpoints: cheap enough for `status` to run every time.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from monitor.log.chain import GENESIS, content, link
from monitor.log.store import EventReader

#: How many breaks a verification keeps (it counts them all).
MAX_BREAKS = 20

#: The rows read per page.
PAGE = 5000


@dataclass(frozen=True, kw_only=True)
class Break:
    """Where the log stops being what was recorded: the position, the check that failed, and why."""

    position: int
    #: "position", "version", "chain" or "checkpoint".
    check: str
    reason: str
    stream_id: str | None = None

    def to_json(self) -> dict[str, Any]:
        """The break as `verify --format json` writes it."""
        return {"position": self.position, "stream_id": self.stream_id, "check": self.check, "reason": self.reason}


@dataclass(frozen=True, kw_only=True)
class Verification:
    """What a check of the log found."""

    database: str
    #: False when only the newest events were checked (`tail`).
    whole: bool
    #: Events checked, and the positions they spanned.
    events: int
    first_position: int | None
    last_position: int | None
    #: The first event with a chain hash; events before it were recorded before the chain began.
    chain_starts_at: int | None
    unchained: int
    #: The newest event's chain hash: kept elsewhere, it pins the log up to `last_position`.
    head: str | None
    missing_triggers: tuple[str, ...]
    breaks: tuple[Break, ...] = field(default=())
    break_count: int = 0

    @property
    def intact(self) -> bool:
        """True when no break was found and every append-only trigger is in place."""
        return self.break_count == 0 and not self.missing_triggers

    @property
    def first_break(self) -> Break | None:
        """The break at the lowest position, if any."""
        return self.breaks[0] if self.breaks else None

    def to_json(self) -> dict[str, Any]:
        """The keys `verify --format json` writes (documented in docs/log.md)."""
        return {
            "intact": self.intact,
            "database": self.database,
            "whole": self.whole,
            "events": self.events,
            "first_position": self.first_position,
            "last_position": self.last_position,
            "chain_starts_at": self.chain_starts_at,
            "unchained_events": self.unchained,
            "head": self.head,
            "missing_triggers": list(self.missing_triggers),
            "first_break": self.first_break.to_json() if self.first_break else None,
            "break_count": self.break_count,
            "breaks": [b.to_json() for b in self.breaks],
        }


class _Scan:
    """The running state of one pass over the log."""

    def __init__(self, *, check_versions: bool, previous: bytes | None) -> None:
        self.check_versions = check_versions
        self.versions: dict[str, int] = {}
        # The link of the event before the next chained one; None while the chain has not started.
        self.previous = previous
        self.chain_starts_at: int | None = None
        self.unchained = 0
        self.events = 0
        self.first: int | None = None
        self.last: int | None = None
        self.head: str | None = None
        self.breaks: list[Break] = []
        self.break_count = 0

    def broken(self, position: int, check: str, reason: str, stream_id: str | None = None) -> None:
        self.break_count += 1
        if len(self.breaks) < MAX_BREAKS:
            self.breaks.append(Break(position=position, check=check, reason=reason, stream_id=stream_id))

    def row(self, row: Any) -> None:
        position, stream_id, version, type_, schema_version, data, metadata, recorded, occurred, key, chain = row
        self.events += 1
        if self.first is None:
            self.first = position
        self.last = position
        if position < 1:
            self.broken(
                position, "position", "positions start at 1: this event was put before the log began", stream_id
            )
        if self.check_versions:
            self._version(position, stream_id, version)
        if chain is None:
            if self.chain_starts_at is not None or self.previous is not None:
                since = f"at position {self.chain_starts_at}" if self.chain_starts_at is not None else "before it"
                self.broken(
                    position,
                    "chain",
                    f"the event has no chain hash, though the chain starts {since}: "
                    "it was written around trade-monitor",
                    stream_id,
                )
            else:
                self.unchained += 1
            self.head = None
            return
        if self.chain_starts_at is None:
            self.chain_starts_at = position
        try:
            recorded_content = content(
                stream_id, version, type_, schema_version, _text(data), _text(metadata), recorded, occurred, key
            )
            expected = link(self.previous if self.previous is not None else GENESIS, recorded_content).hex()
        except (TypeError, ValueError) as exc:
            expected = f"(cannot be computed: {exc})"
        if expected != chain:
            self.broken(
                position,
                "chain",
                "its chain hash does not match its content and the event before it: it was changed, "
                "or an event before it was removed or slipped in",
                stream_id,
            )
        try:
            self.previous = bytes.fromhex(chain)
        except (TypeError, ValueError):
            self.previous = GENESIS
        self.head = chain

    def _version(self, position: int, stream_id: str, version: int) -> None:
        before = self.versions.get(stream_id, 0)
        if version != before + 1:
            if version > before + 1:
                missing = f"version {before + 1} is missing" if version == before + 2 else "versions are missing"
                reason = f"stream {stream_id!r} jumps from version {before} to {version} ({missing})"
            else:
                reason = f"stream {stream_id!r} goes back from version {before} to {version}"
            self.broken(position, "version", reason, stream_id)
        self.versions[stream_id] = max(before, version)


def _text(value: Any) -> Any:
    # What SQLite hands back is whatever was stored; a tampered cell may not even be text.
    return value if isinstance(value, str | bytes) else str(value)


def verify(reader: EventReader, *, tail: int | None = None) -> Verification:
    """Check the log (or only its newest `tail` events) and say where it breaks, if it does."""
    recorder = reader.recorder
    with reader.reading() as conn:
        # Read before the events: a checkpoint beyond the end of what is read next was made
        # by events that are gone, whatever is appended meanwhile.
        checkpoints = recorder.checkpoints(conn)
        missing = tuple(sorted(recorder.triggers - recorder.enabled_triggers(conn)))
        after, previous_hash = (0, None) if tail is None else recorder.position_before_last(conn, tail)
    previous = None
    if previous_hash:
        try:
            previous = bytes.fromhex(previous_hash)
        except ValueError:
            previous = GENESIS
    scan = _Scan(check_versions=tail is None, previous=previous)
    while True:
        with reader.reading() as conn:
            rows = recorder.chain_rows(conn, after, PAGE)
        count = 0
        for row in rows:
            scan.row(row)
            count += 1
        if count < PAGE:
            break
        assert scan.last is not None
        after = scan.last
    end = scan.last if scan.last is not None else after
    for name, position in sorted(checkpoints.items()):
        if position > end:
            scan.broken(
                position,
                "checkpoint",
                f"projection {name!r} has applied events up to position {position}, but the log ends at {end}: "
                "events were removed from its end",
            )
    return Verification(
        database=recorder.where(),
        whole=tail is None,
        events=scan.events,
        first_position=scan.first,
        last_position=scan.last,
        chain_starts_at=scan.chain_starts_at,
        unchained=scan.unchained,
        head=scan.head,
        missing_triggers=missing,
        breaks=tuple(sorted(scan.breaks, key=lambda b: b.position)),
        break_count=scan.break_count,
    )


#: How many of the newest events `status` checks each time it runs.
STATUS_TAIL = 1000


def quick_check(reader: EventReader) -> dict[str, Any]:
    """What `status` shows of the log's integrity: a check of the newest events, the triggers and checkpoints.

    Keys: "intact", "checked_events", "missing_triggers", "first_break" (as `verify`'s, or null).
    """
    found = verify(reader, tail=STATUS_TAIL)
    return {
        "intact": found.intact,
        "checked_events": found.events,
        "missing_triggers": list(found.missing_triggers),
        "first_break": found.first_break.to_json() if found.first_break else None,
    }
