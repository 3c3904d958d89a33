"""Feeds kept on disk (file:// and paths), and which fetcher a URL goes to."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from monitor.config import FetchSettings
from monitor.errors import FeedError
from monitor.events.facts import ArticleRecorded
from monitor.log import EventStore
from monitor.sources.http import HttpFetcher
from monitor.sources.poll import FeedPoller
from monitor.sources.schemes import open_fetcher
from sources.feedserver import FeedServer, Item, Route, feed, rss

ITEMS = [
    Item(title="Umbrella levy", link="https://f.example/umbrellas", text="A levy of 9 percent on umbrellas."),
    Item(title="Kite talks", link="https://f.example/kites", text="Officials met to talk about kites."),
]


def test_a_feed_on_disk_is_polled_like_one_on_a_server(
    tmp_path: Path, store: EventStore, make_poller: Callable[..., FeedPoller]
) -> None:
    path = tmp_path / "desk feed.xml"
    path.write_bytes(rss(ITEMS))
    poller = make_poller(store)

    first = poller.poll(feed("disk", path.as_uri()))
    again = poller.poll(feed("disk", path.as_uri()))

    assert (first.outcome, first.new_articles, first.facts) == ("fetched", 2, 1)
    # A file gives no validators; the same bytes are known by their hash and not read again.
    assert again.outcome == "unchanged"
    path.write_bytes(rss([*ITEMS, Item(title="Sled duty", link="https://f.example/sleds", text="A 4 percent duty.")]))
    assert poller.poll(feed("disk", str(path))).new_articles == 1


def test_a_missing_or_oversized_file_is_a_failure_naming_it(
    tmp_path: Path, store: EventStore, make_poller: Callable[..., FeedPoller], fetch_settings: FetchSettings
) -> None:
    poller = make_poller(store)
    missing = poller.poll(feed("gone", (tmp_path / "gone.xml").as_uri()))
    assert missing.outcome == "failed"
    assert f"cannot read {tmp_path / 'gone.xml'}" in (missing.error or "")

    huge = tmp_path / "huge.xml"
    huge.write_bytes(b" " * (fetch_settings.max_bytes + 1))
    refused = poller.poll(feed("huge", huge.as_uri()))
    assert refused.outcome == "failed" and "body larger than fetch.max_bytes" in (refused.error or "")


def test_pages_named_by_a_feed_are_never_read_from_disk(
    tmp_path: Path, server: FeedServer, store: EventStore, make_poller: Callable[..., FeedPoller]
) -> None:
    secret = tmp_path / "secret.html"
    secret.write_text("<html><body><p>Private notes on a 50 percent duty.</p></body></html>", encoding="utf-8")
    items = [Item(title="Lure", link=secret.as_uri(), text="A teaser of 3 percent.")]
    url = server.serve("/lure.xml", Route(body=rss(items)))

    result = make_poller(store).poll(feed("lure", url, full_text=True))

    assert (result.outcome, result.new_articles, result.facts) == ("fetched", 1, 1)
    (article,) = [e for e in store.read_all() if e.type == ArticleRecorded.NAME]
    assert "scheme is not one of http, https" in article.metadata["full_text_error"]


def test_each_url_goes_to_the_fetcher_of_its_scheme(fetch_settings: FetchSettings, tmp_path: Path) -> None:
    (tmp_path / "a.xml").write_bytes(b"<rss/>")
    with open_fetcher(fetch_settings) as fetcher:
        assert fetcher.schemes == {"http", "https", "file"}
        assert fetcher.fetch("a", str(tmp_path / "a.xml")).body == b"<rss/>"
        assert fetcher.fetch("a", (tmp_path / "a.xml").as_uri()).body == b"<rss/>"
        with pytest.raises(FeedError, match="scheme is not one of file, http, https"):
            fetcher.fetch("a", "ftp://files.example/a.xml")
    # The HTTP fetcher itself speaks HTTP only.
    with HttpFetcher(fetch_settings) as http, pytest.raises(FeedError, match="cannot fetch"):
        http.fetch("a", (tmp_path / "a.xml").as_uri())
