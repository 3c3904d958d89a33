"""Deciding one fact into measure events, against the measures' state just before it.

Pure functions: the projection hands in a `Statement` (the fact, where it was
read, the day it tells of) and the states standing for the fact's
(imposer, target, sector), and appends what comes back. Facts are always
decided in news order (see `projection.py`), so whatever these rules weigh,
the outcome depends on what the news said and when, not on arrival order.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from monitor.events.alerts import Evidence
from monitor.events.facts import FactExtracted
from monitor.events.measures import (
    DealReached,
    HistoryRecorded,
    MeasureCorroborated,
    MeasureEvent,
    MeasureLifted,
    MeasurePaused,
    PauseExtended,
    RateChanged,
    RateRecorded,
    ReliefGranted,
    TalksHeld,
    TariffThreatened,
)
from monitor.measures.background import is_background
from monitor.measures.fold import tariff_status
from monitor.measures.layers import (
    measure_id,
    measure_stream,
    parties_id,
    parties_stream,
    resolve_layer,
    stated_layer,
)
from monitor.measures.state import MeasureState, Voice, independent, text_key

#: Talks (deals) between the same parties within this many days of each other are one event.
SAME_TALKS_DAYS = 30
SAME_DEAL_DAYS = 180
#: A report naming more parties than one in the days just before it is that meeting told more fully; later it
#: is news of its own (a third country signing onto a pact two of them reached months before).
SAME_MEETING_DAYS = 7
#: A change this large (points, and at least twice or half the rate) from one source is held.
SUDDEN_POINTS = 20
PARTIES_KINDS = ("negotiation", "deal")
#: The layer of a further rate one article gives for the same goods: `tier_40`.
TIER = "tier_"
TARIFF_KINDS = ("tariff", "pause", "lift", "relief")


@dataclass(frozen=True, kw_only=True)
class Statement:
    """A fact as it is decided: where it was read (outlet, official) and the day it tells of."""

    fact: FactExtracted
    position: int
    day: dt.date
    outlet: str
    official: bool = False

    @property
    def order(self) -> tuple[dt.date, str, int]:
        """News order: publication day, then article id, then the fact's place in the log (stable within
        an article, whatever order the articles came in)."""
        return (self.day, self.fact.article_id, self.position)

    @property
    def voice(self) -> Voice:
        """Who says it: the outlet and the sentence, normalised (syndicated copies share it)."""
        return Voice(outlet=self.outlet, text=text_key(self.fact.evidence))


def outlet_of(feed: str | None, url: str | None, article_id: str) -> str:
    """The outlet a fact came from: its feed, else its link's host, else its article."""
    if feed:
        return f"feed:{feed}"
    host = urlsplit(url).hostname if url else None
    if host:
        return f"site:{host.removeprefix('www.')}"
    return f"article:{article_id}"


def split_lists(statements: Sequence[Statement]) -> list[Statement]:
    """Statements with list sentences split per target: where one sentence of one article gave as
    many facts, each with a different rate, as it names targets ("49 percent on Cambodia, 46 percent
    on Vietnam and 44 percent on Laos" read as three facts on all three), the n-th fact is about the
    n-th target only. Per-country rates are separate measures, never a chain of changes."""
    groups: dict[tuple[str, str, str, tuple[str, ...]], list[int]] = {}
    for i, stmt in enumerate(statements):
        fact = stmt.fact
        if fact.kind in TARIFF_KINDS and len(fact.targets) > 1 and fact.rate is not None:
            groups.setdefault((fact.article_id, fact.kind, fact.evidence, fact.targets), []).append(i)
    out = list(statements)
    for (_, _, _, targets), members in groups.items():
        rates = [statements[i].fact.rate for i in members]
        if len(members) != len(targets) or len(set(rates)) != len(rates):
            continue
        for target, i in zip(targets, sorted(members, key=lambda i: statements[i].position), strict=True):
            stmt = statements[i]
            out[i] = dataclasses.replace(stmt, fact=dataclasses.replace(stmt.fact, targets=(target,)))
    return out


@dataclass(frozen=True, kw_only=True)
class Decision:
    """One measure event to append to one stream."""

    stream_id: str
    event: MeasureEvent


def _common(stmt: Statement, target: str) -> dict[str, Any]:
    fact = stmt.fact
    return {
        "imposer": fact.imposer,
        "target": target,
        "kind": fact.kind,
        "rate": fact.rate,
        "until": fact.until,
        "effective": fact.effective,
        "status": fact.status,
        "day": stmt.day,
        "evidence": Evidence(
            article=fact.article_id, url=fact.url, sentence=fact.evidence, title=fact.title, published=fact.published
        ),
        "fact_position": stmt.position,
        "outlet": stmt.outlet,
        "official": stmt.official,
        "confidence": fact.confidence,
    }


def parties_of(fact: FactExtracted) -> tuple[str, ...]:
    """Everyone a talks or deal fact names, sorted: the same parties whatever the order of names."""
    return tuple(sorted({fact.imposer, *fact.targets} - {"*"}))


def same_event(kind: str, parties: set[str], others: set[str], days_apart: int) -> bool:
    """Whether a talks (deal) fact naming `parties` tells nothing new after one naming `others`,
    `days_apart` days before it: the same parties or a meeting including them all within SAME_TALKS_DAYS
    (SAME_DEAL_DAYS), or a fuller account of that meeting (more parties) within SAME_MEETING_DAYS."""
    window = SAME_DEAL_DAYS if kind == "deal" else SAME_TALKS_DAYS
    if parties <= others:
        return days_apart <= window
    return others <= parties and days_apart <= SAME_MEETING_DAYS


def decide_parties(stmt: Statement, earlier: Sequence[tuple[str, tuple[str, ...], dt.date]]) -> Decision | None:
    """Talks or a deal, unless `earlier` (kind, parties, day of the facts before it in news order)
    already holds the same event: the same kind between the same parties (or a wider meeting
    including them) within SAME_TALKS_DAYS / SAME_DEAL_DAYS."""
    fact = stmt.fact
    parties = parties_of(fact)
    if len(parties) < 2:
        return None
    mine = set(parties)
    for kind, others, day in earlier:
        if kind == fact.kind and day <= stmt.day and same_event(kind, mine, set(others), (stmt.day - day).days):
            return None
    cls: type[MeasureEvent] = TalksHeld if fact.kind == "negotiation" else DealReached
    others_named = ",".join(p for p in parties if p != fact.imposer)
    return Decision(
        stream_id=parties_stream(parties),
        event=cls(
            measure_id=parties_id(parties),
            sector=None,
            layer=None,
            sources=1,
            **{**_common(stmt, others_named), "imposer": fact.imposer},
        ),
    )


def decide_target(stmt: Statement, target: str, standing: Sequence[MeasureState]) -> tuple[str, Decision | None]:
    """(measure id, the event or None) that a tariff, pause, lift or relief fact decides for one
    of its targets, given the states of every layer standing for its group just before it."""
    fact = stmt.fact
    layer = resolve_layer(
        stated=stated_layer(fact.authority, fact.evidence),
        rate=fact.rate,
        previous_rate=fact.previous_rate,
        standing=standing,
        kind=fact.kind,
        until=fact.until,
    )
    mid = measure_id(fact.imposer, target, fact.sector, layer)
    state = next((s for s in standing if s.measure_id == mid), None)
    tier = _tier_of(stmt, state)
    if tier is not None:
        layer = tier
        mid = measure_id(fact.imposer, target, fact.sector, layer)
        state = next((s for s in standing if s.measure_id == mid), None)
    outcome = _decide_one(stmt, state)
    if outcome is None:
        return mid, None
    cls, extra = outcome
    fields = {**_common(stmt, target), **extra}
    return mid, Decision(
        stream_id=measure_stream(mid), event=cls(measure_id=mid, sector=fact.sector, layer=layer, **fields)
    )


_Outcome = tuple[type[MeasureEvent], dict[str, object]] | None


def _tier_of(stmt: Statement, state: MeasureState | None) -> str | None:
    """The tier layer of a second rate the article that set `state` gives for the same goods
    ("20 percent, and 40 percent on goods shipped through it"; "cut from 16 to 7 percent on clothing and from
    20 to 8 percent on appliances", goods lines the contract's sectors do not tell apart): a measure of its own,
    not a change and not nothing, unless it says it replaced the rate or tells it as background."""
    fact = stmt.fact
    if fact.kind != "tariff" or fact.rate is None or state is None or state.rate in (None, fact.rate):
        return None
    if state.status in ("threatened", "lifted") or tariff_status(fact.status, fact.effective, stmt.day) == "threatened":
        return None
    if fact.previous_rate == state.rate or not _same_article(stmt, state):
        return None  # "raised from X to Y" moves the measure it names; another article's rate is news
    if is_background(fact.evidence, fact.rate):
        return None
    return f"{TIER}{fact.rate:g}"


def _corroborated(stmt: Statement, state: MeasureState | None) -> _Outcome:
    if _same_article(stmt, state):
        return None  # an article restating itself is one source, already counted
    voices = state.voices if state else ()
    sources = independent(voices if stmt.voice in voices else (*voices, stmt.voice))
    return (MeasureCorroborated, {"sources": sources, "official": stmt.official or bool(state and state.official)})


def _sudden(before: float, after: float) -> bool:
    # "A sudden 10% -> 100%": at least 20 points and at least double (or half) the rate.
    return abs(after - before) >= SUDDEN_POINTS and (after >= 2 * before or after <= before / 2)


def _same_article(stmt: Statement, state: MeasureState | None) -> bool:
    return state is not None and any(e.article == stmt.fact.article_id for e in state.evidence)


def _decide_one(stmt: Statement, state: MeasureState | None) -> _Outcome:
    fact, day = stmt.fact, stmt.day
    if state is not None and state.last_seen is not None and day < state.last_seen:
        # Older news than what we know (only when deciding outside news order): history, never a change.
        return (HistoryRecorded, {"previous_rate": fact.previous_rate})
    if fact.kind == "tariff":
        return _decide_tariff(stmt, state)
    if fact.kind == "pause":
        if state is not None and state.status == "paused":
            if fact.until is not None and (state.pause_until is None or fact.until > state.pause_until):
                if _same_article(stmt, state):
                    return _corroborated(stmt, state)  # one article giving two ends is not an extension
                return (PauseExtended, {"previous_until": state.pause_until, "rate": fact.rate or state.rate})
            return _corroborated(stmt, state)
        return (MeasurePaused, {"rate": fact.rate if fact.rate is not None else (state.rate if state else None)})
    if fact.kind == "lift":
        if state is not None and state.status == "lifted":
            return _corroborated(stmt, state)
        return (MeasureLifted, {"previous_rate": state.rate if state else fact.previous_rate})
    # relief
    if (
        _same_article(stmt, state)
        and state is not None
        and any(e.article == stmt.fact.article_id and e.sentence == stmt.fact.evidence for e in state.evidence)
    ):
        return None  # the same sentence read twice is one relief
    return (ReliefGranted, {"previous_rate": state.rate if state else None})


def _only_threatened(state: MeasureState) -> bool:
    # A threat that was paused (the 2019 auto tariffs) and never imposed: its rate announced or in
    # force later is a new rate, not a restatement of the paused one.
    return state.status == "paused" and state.threatened_rate is not None and state.threatened_rate == state.rate


def _decide_tariff(stmt: Statement, state: MeasureState | None) -> _Outcome:
    fact, day = stmt.fact, stmt.day
    status = tariff_status(fact.status, fact.effective, day)
    if status == "threatened":
        if state is not None and fact.rate in (state.rate, state.threatened_rate):
            return _corroborated(stmt, state)
        if _same_article(stmt, state) and state is not None and state.status == "threatened":
            return _corroborated(stmt, state)  # "30% or 35%": alternatives in one article, not a new threat
        return (TariffThreatened, {"previous_rate": state.rate if state else None})
    if state is None or state.status in ("threatened", "lifted") or state.rate is None or _only_threatened(state):
        if state is not None and state.rate is None and fact.rate is None:
            return _corroborated(stmt, state)
        return (RateRecorded, {"previous_rate": None, "status": status})
    if fact.rate is None or fact.rate == state.rate:
        return _corroborated(stmt, state)
    says_replaced = fact.previous_rate is not None and fact.previous_rate == state.rate
    if _same_article(stmt, state) and not says_replaced:
        # Several rates for one measure in one article (tiers, a list, a restatement) are not a
        # chain of changes; only "raised from X to Y" moves it within an article.
        return _corroborated(stmt, state)
    if (
        state.previous_rate is not None
        and fact.rate == state.previous_rate
        and not says_replaced
        and state.status != "paused"
    ):
        # A rate this measure just left, stated without saying it replaced the current one:
        # most likely a second layer standing beside it, not a change back. Do not flip.
        return _corroborated(stmt, state)
    if not says_replaced and is_background(fact.evidence, fact.rate):
        # "As high as 145% earlier": a past or peak level told as background, not a change back.
        return _corroborated(stmt, state)
    if state.unconfirmed_rate is not None and fact.rate == state.unconfirmed_rate:
        if stmt.outlet == state.unconfirmed_outlet and not stmt.official:
            return None  # the same lone outlet again: still unconfirmed
        return (RateChanged, {"previous_rate": state.rate, "status": status, "sources": 2})
    if state.corroborated and not stmt.official and not says_replaced and _sudden(state.rate, fact.rate):
        # One source against a corroborated reading: held until another source confirms it
        # (or `rules.unconfirmed_hold_hours` pass), the way Alertmanager's `for:` holds an alert.
        return (RateChanged, {"previous_rate": state.rate, "status": status, "unconfirmed": True})
    return (RateChanged, {"previous_rate": state.rate, "status": status})
