"""The extractor is handed to the sources, by name; the sources room imports none itself."""

from __future__ import annotations

import ast
import datetime as dt
from pathlib import Path

import pytest

from monitor.clock import SteppingClock
from monitor.config import FetchSettings
from monitor.errors import ExtractionError
from monitor.events.facts import FactExtracted
from monitor.log import EventStore
from monitor.sources.base import Extractor
from monitor.sources.poll import FeedPoller
from monitor.sources.recording import ArticleRecorder
from monitor.sources.schemes import open_fetcher
from sources.feedserver import FeedServer, Item, Route, feed, rss
from sources.percent_extractor import percent_facts

SOURCES = Path(__file__).parents[2] / "monitor" / "sources"
#: What `../shared/DESIGN.md` lets the sources room import, besides the standard library and packages.
ALLOWED = ("monitor.errors", "monitor.clock", "monitor.config", "monitor.events", "monitor.log", "monitor.sources")


def poller_with(extractor: Extractor, store: EventStore, clock: SteppingClock, settings: FetchSettings) -> FeedPoller:
    recorder = ArticleRecorder(store, clock, extractor=extractor)
    return FeedPoller(store=store, fetcher=open_fetcher(settings), recorder=recorder, settings=settings, clock=clock)


def test_the_extractor_named_is_the_one_that_reads_and_its_version_is_recorded(
    server: FeedServer, store: EventStore, clock: SteppingClock, fetch_settings: FetchSettings
) -> None:
    vases = Item(title="Vase duty", link=None, text="A 6 percent duty on vases.")
    url = server.serve("/n.xml", Route(body=rss([vases])))
    extractor = Extractor("sources.percent_extractor:percent_facts", "percent-2")
    poller = poller_with(extractor, store, clock, fetch_settings)

    assert poller.poll(feed("n", url)).facts == 1
    poller.fetcher.close()
    (fact,) = [e for e in store.read_all() if e.type == FactExtracted.NAME]
    assert (fact.data["rate"], fact.data["extractor_version"], fact.metadata["extractor_version"]) == (
        6,
        "percent-2",
        "percent-2",
    )
    assert Extractor.of(percent_facts, version="percent-2") == extractor


def test_an_extractor_that_cannot_be_loaded_fails_the_poll_with_its_name(
    server: FeedServer, store: EventStore, clock: SteppingClock, fetch_settings: FetchSettings
) -> None:
    url = server.serve("/m.xml", Route(body=rss([Item(title="Mug duty", link=None, text="A 2 percent duty on mugs.")])))
    poller = poller_with(Extractor("sources.no_such_module:read", "1"), store, clock, fetch_settings)

    result = poller.poll(feed("m", url))

    poller.fetcher.close()
    assert result.outcome == "failed"
    assert "cannot load the extractor 'sources.no_such_module:read'" in (result.error or "")


def test_an_extractor_must_be_a_module_level_function() -> None:
    def local(text: str, published: dt.date | None) -> list[object]:
        return []

    with pytest.raises(ExtractionError, match="module-level function"):
        Extractor.of(local, version="1")  # type: ignore[arg-type]
    with pytest.raises(ExtractionError, match=r"not 'package\.module:function'"):
        Extractor("percent_facts", "1")


def imported_modules(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


def test_the_sources_room_imports_no_extractor_and_nothing_the_design_forbids() -> None:
    forbidden = {
        f"{path.name}: {module}"
        for path in sorted(SOURCES.glob("*.py"))
        for module in imported_modules(path)
        if module.startswith("monitor") and not module.startswith(ALLOWED)
    }
    assert forbidden == set()
