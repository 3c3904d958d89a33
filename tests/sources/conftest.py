"""Fixtures of the sources tests: a real local HTTP server, settings and a poller on a real log."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from monitor.clock import SteppingClock
from monitor.config import FetchSettings
from monitor.log import EventStore
from monitor.sources.base import ExtractFunction, Extractor
from monitor.sources.poll import FeedPoller
from monitor.sources.recording import ArticleRecorder
from monitor.sources.schemes import FetcherByScheme, open_fetcher
from sources.feedserver import FeedServer
from sources.percent_extractor import percent_facts


@pytest.fixture
def server() -> Iterator[FeedServer]:
    """A real HTTP server on 127.0.0.1 with no routes yet."""
    srv = FeedServer()
    yield srv
    srv.close()


@pytest.fixture
def fetch_settings() -> FetchSettings:
    """A tight size cap, so caps show up in a test's time; timeouts no busy machine reaches.

    A read timeout of half a second failed polls whenever a loaded machine (the suite runs in several
    processes) kept this process's server thread from answering that fast, or kept it gzipping a body.
    The tests about timeouts set their own tight ones.
    """
    return FetchSettings(
        connect_timeout_s=10.0,
        read_timeout_s=10.0,
        max_bytes=200_000,
        max_redirects=3,
        concurrency=4,
        backoff_max_minutes=240,
        jitter_s=0,
        user_agent="trade-monitor-tests/1",
    )


@pytest.fixture
def make_poller(fetch_settings: FetchSettings, clock: SteppingClock) -> Iterator[Callable[..., FeedPoller]]:
    """Builds pollers on a store (a new one is a 'restarted' process); closes their fetchers."""
    fetchers: list[FetcherByScheme] = []

    def build(
        store: EventStore, *, extractor: ExtractFunction = percent_facts, settings: FetchSettings | None = None
    ) -> FeedPoller:
        settings = settings or fetch_settings
        fetcher = open_fetcher(settings)
        fetchers.append(fetcher)
        return FeedPoller(
            store=store,
            fetcher=fetcher,
            recorder=ArticleRecorder(store, clock, extractor=Extractor.of(extractor, version="test-1")),
            settings=settings,
            clock=clock,
        )

    yield build
    for fetcher in fetchers:
        fetcher.close()
