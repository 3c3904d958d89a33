"""What the article as a whole says, carried from sentence to sentence."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from monitor.extract.facts import Fact

if TYPE_CHECKING:
    from monitor.extract.parties import Parties


@dataclass(kw_only=True)
class Context:
    """What the article as a whole says, for clauses that name no party."""

    published: dt.date | None  # None: relative dates cannot be resolved and are left out
    partner: str | None = None  # the foreign party the article is mostly about
    home: str | None = None  # the side acting in an article about one country's own measures (no US named)
    # In an article that names the US but where another side acts in several trade sentences, more than the US
    # does: whose measure a clause naming no actor is, rather than a guessed US one.
    lead: str | None = None
    # The government the article's opening names acting ("China's Ministry of Commerce announced ..."): whose
    # measures the clauses that name no actor are, before any guess.
    government: str | None = None
    last_rate: float | None = None  # the latest tariff rate stated, for "the same tariff"
    actor: Parties | None = None  # the sides of the last measure whose actor a clause named
    # The two sides of the last talks or deal whose parties a clause named: who "the two sides" are.
    pair: tuple[str, str] | None = None
    # The tariffs the last sentence or the one before stated: what "... will be exempted" refers back to.
    recent: list[Fact] = field(default_factory=list)
    # Every tariff the article has stated so far, in order: what "his tariffs" refers back to further away.
    stated: list[Fact] = field(default_factory=list)
    # The sentences about trade read so far: the goods the latest of them names are what a rate stated with no
    # goods of its own ("A provisional duty of 7 pct was set in May") is on.
    read: list[str] = field(default_factory=list)
    # Every pause the article has stated with its end: what "extended the truce by 90 days" counts from.
    paused: list[Fact] = field(default_factory=list)
