"""Fetching and reading feeds from a real local server: every broken feed ends in a clear health entry."""

from __future__ import annotations

import gzip
import time
import tracemalloc
import zlib
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace

import pytest

from monitor.config import FetchSettings
from monitor.errors import FeedError
from monitor.events import decode_recorded
from monitor.events.sources import FeedFailed, FeedPolled
from monitor.log import EventStore
from monitor.sources.health import feed_state, feed_stream
from monitor.sources.http import INFLATE_CHUNK, HttpFetcher
from monitor.sources.poll import FeedPoller
from sources.feedserver import FeedServer, Item, Route, atom, feed, rss

ITEMS = [
    Item(
        title="Harbour board reports quieter quays",
        link="https://news.example.org/quays?utm_source=rss&id=7",
        text="The harbour board said fewer container ships called this month than last.",
    ),
    Item(
        title="Duty on imported kettles set at 12 percent",
        link="https://news.example.org/kettles",
        text="The finance office set a duty of 12 percent on imported kettles from May.",
    ),
]


def health_events(store: EventStore, name: str) -> list[object]:
    return [decode_recorded(e) for e in store.read_stream(feed_stream(name))]


def test_etag_makes_the_second_poll_a_304_that_records_nothing_new(
    server: FeedServer, store: EventStore, make_poller: Callable[..., FeedPoller]
) -> None:
    url = server.serve("/feed.xml", Route(body=rss(ITEMS), etag='"v1"'))
    poller = make_poller(store)
    first = poller.poll(feed("desk", url))
    assert (first.outcome, first.new_articles, first.facts) == ("fetched", 2, 1)
    articles_before = sum(1 for e in store.read_all() if e.stream_id.startswith("article-"))

    second = poller.poll(feed("desk", url))
    assert second.outcome == "not_modified"
    assert server.requests[-1][1]["if-none-match"] == '"v1"'
    assert server.requests[-1][1]["user-agent"] == "trade-monitor-tests/1"
    assert sum(1 for e in store.read_all() if e.stream_id.startswith("article-")) == articles_before
    assert feed_state(store, "desk").articles == 2


def test_last_modified_is_sent_back_and_survives_a_restart(
    server: FeedServer, store: EventStore, make_poller: Callable[..., FeedPoller]
) -> None:
    stamp = "Tue, 01 Apr 2025 10:00:00 GMT"
    url = server.serve("/lm.xml", Route(body=atom(ITEMS), last_modified=stamp))
    make_poller(store).poll(feed("atomdesk", url))
    # A new poller (a restarted daemon) reads the validator back from the feed's stream.
    again = make_poller(store).poll(feed("atomdesk", url))
    assert again.outcome == "not_modified"
    assert server.requests[-1][1]["if-modified-since"] == stamp


def test_an_unchanged_body_without_validators_is_not_parsed_again(
    server: FeedServer, store: EventStore, make_poller: Callable[..., FeedPoller]
) -> None:
    url = server.serve("/plain.xml", Route(body=rss(ITEMS)))
    poller = make_poller(store)
    poller.poll(feed("plain", url))
    again = poller.poll(feed("plain", url))
    assert again.outcome == "unchanged"
    assert again.entries == 0


def test_server_error_is_recorded_with_its_status(
    server: FeedServer, store: EventStore, make_poller: Callable[..., FeedPoller]
) -> None:
    url = server.serve("/broken.xml", Route(status=500, body=b"oops", content_type="text/plain"))
    result = make_poller(store).poll(feed("broken", url))
    assert result.outcome == "failed"
    assert "HTTP 500" in (result.error or "")
    last = health_events(store, "broken")[-1]
    assert isinstance(last, FeedFailed)
    assert last.consecutive_failures == 1
    assert "HTTP 500" in last.reason


def test_a_server_that_does_not_answer_times_out(
    server: FeedServer, store: EventStore, make_poller: Callable[..., FeedPoller], fetch_settings: FetchSettings
) -> None:
    # The server would answer after 30 s; the poll gives up at its 0.5 s timeout. The bound is far above that and
    # far below 30 s, so a busy machine (the suite runs in several processes) cannot fail it by being slow.
    tight = replace(fetch_settings, read_timeout_s=0.5)
    url = server.serve("/sleepy.xml", Route(body=rss(ITEMS), delay_s=30.0))
    started = time.monotonic()
    result = make_poller(store, settings=tight).poll(feed("sleepy", url))
    assert time.monotonic() - started < 10
    assert result.outcome == "failed"
    assert "no answer within 0.5 s" in (result.error or "")


def test_a_feed_trickled_out_slowly_is_cut_off(
    server: FeedServer, store: EventStore, make_poller: Callable[..., FeedPoller], fetch_settings: FetchSettings
) -> None:
    # Each piece comes well within the read timeout, so only the whole-body limit (0.5 + 4 x 0.4 s) stops it.
    tight = replace(fetch_settings, connect_timeout_s=0.5, read_timeout_s=0.4)
    body = rss(ITEMS) * 10
    assert len(body) / 20 * 0.1 > 30, "sent whole, the body would take over 30 s"
    url = server.serve("/trickle.xml", Route(body=body, trickle_bytes=20, trickle_pause_s=0.1))
    started = time.monotonic()
    result = make_poller(store, settings=tight).poll(feed("trickle", url))
    assert result.outcome == "failed"
    assert "body not received within 2.1 s" in (result.error or "")
    assert time.monotonic() - started < 10


def test_a_slow_feed_within_the_limits_is_read(
    server: FeedServer, store: EventStore, make_poller: Callable[..., FeedPoller]
) -> None:
    url = server.serve("/slow.xml", Route(body=rss(ITEMS), delay_s=0.3))
    result = make_poller(store).poll(feed("slow", url))
    assert (result.outcome, result.new_articles) == ("fetched", 2)


def test_redirects_are_followed_to_the_feed(
    server: FeedServer, store: EventStore, make_poller: Callable[..., FeedPoller]
) -> None:
    target = server.serve("/new-home.xml", Route(body=rss(ITEMS)))
    server.serve("/hop2", Route(redirect_to=target, status=301))
    start = server.serve("/old-home.xml", Route(redirect_to=server.url("/hop2"), status=302))
    result = make_poller(store).poll(feed("moved", start))
    assert (result.outcome, result.new_articles) == ("fetched", 2)
    polled = store.read_stream(feed_stream("moved"))[-1]
    assert polled.metadata["final_url"] == target


def test_a_redirect_loop_is_a_clear_failure(
    server: FeedServer, store: EventStore, make_poller: Callable[..., FeedPoller]
) -> None:
    a = server.url("/loop-a")
    server.serve("/loop-a", Route(redirect_to=server.url("/loop-b")))
    server.serve("/loop-b", Route(redirect_to=a))
    result = make_poller(store).poll(feed("loop", a))
    assert result.outcome == "failed"
    assert "more than 3 redirects" in (result.error or "")
    assert sum(server.hits.values()) == 4  # the first request and three redirects, no more


def test_gzip_bodies_are_decoded(server: FeedServer, store: EventStore, make_poller: Callable[..., FeedPoller]) -> None:
    url = server.serve("/zipped.xml", Route(body=rss(ITEMS), gzip=True))
    result = make_poller(store).poll(feed("zipped", url))
    assert server.requests[-1][1]["accept-encoding"].startswith("gzip")
    assert (result.outcome, result.new_articles) == ("fetched", 2)


def test_a_huge_feed_is_refused_at_the_size_cap(
    server: FeedServer, store: EventStore, make_poller: Callable[..., FeedPoller]
) -> None:
    many = [Item(title=f"Notice {n}", link=f"https://news.example.org/n/{n}", text="x" * 400) for n in range(800)]
    url = server.serve("/huge.xml", Route(body=rss(many)))
    result = make_poller(store).poll(feed("huge", url))
    assert result.outcome == "failed"
    assert "larger than fetch.max_bytes" in (result.error or "")
    assert not any(e.stream_id.startswith("article-") for e in store.read_all())


def test_a_gzip_bomb_is_stopped_by_the_cap_on_decoded_bytes(
    server: FeedServer, store: EventStore, make_poller: Callable[..., FeedPoller]
) -> None:
    # 5 MB of zeros gzips to a few KB: the cap must count what it unpacks, not what it receives.
    url = server.serve("/bomb.gz.xml", Route(body=b"<rss>" + b"0" * 5_000_000, gzip=True))
    result = make_poller(store).poll(feed("gzbomb", url))
    assert result.outcome == "failed"
    assert "larger than fetch.max_bytes" in (result.error or "")


def test_a_gzip_bomb_is_never_unpacked_past_the_cap_plus_one_chunk(
    server: FeedServer, fetch_settings: FetchSettings
) -> None:
    # 60 MB of zeros gzips to about 60 KB: one network chunk of it would unpack to tens of MB.
    bomb = gzip.compress(b"<rss>" + b"0" * 60_000_000, compresslevel=9)
    url = server.serve("/bomb60.gz.xml", Route(body=bomb, headers={"Content-Encoding": "gzip"}))
    limit = fetch_settings.max_bytes
    with HttpFetcher(fetch_settings) as fetcher:
        tracemalloc.start()
        try:
            with pytest.raises(FeedError) as refused:
                fetcher.fetch("gzbomb", url)
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
    assert refused.value.feed == "gzbomb"
    assert f"larger than fetch.max_bytes (more than {limit:,} bytes" in refused.value.reason
    # What this process held while reading: the cap, one chunk, and change (not megabytes of zeros).
    assert peak < limit + INFLATE_CHUNK + 1_000_000, f"peak {peak:,} bytes for a cap of {limit:,}"


def test_many_gzip_bombs_at_once_hold_no_more_than_the_cap_plus_one_chunk_each(
    server: FeedServer, fetch_settings: FetchSettings
) -> None:
    bomb = gzip.compress(b"<rss>" + b"0" * 30_000_000, compresslevel=9)
    count = 8
    urls = [
        server.serve(f"/bomb-{n}.xml", Route(body=bomb, headers={"Content-Encoding": "gzip"})) for n in range(count)
    ]
    limit = fetch_settings.max_bytes

    def refused(url: str) -> str:
        try:
            fetcher.fetch("gzbomb", url)
        except FeedError as exc:
            return exc.reason
        return "read"

    with HttpFetcher(fetch_settings) as fetcher, ThreadPoolExecutor(max_workers=count) as threads:
        tracemalloc.start()
        try:
            reasons = list(threads.map(refused, urls))
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
    assert all("larger than fetch.max_bytes" in reason for reason in reasons), reasons
    assert peak < count * (limit + INFLATE_CHUNK) + 2_000_000, f"peak {peak:,} bytes for {count} feeds"


@pytest.mark.parametrize("wbits", [zlib.MAX_WBITS, -zlib.MAX_WBITS], ids=["zlib-wrapped", "raw"])
def test_a_deflate_body_is_decoded(
    server: FeedServer, store: EventStore, make_poller: Callable[..., FeedPoller], wbits: int
) -> None:
    packer = zlib.compressobj(wbits=wbits)
    deflated = packer.compress(rss(ITEMS)) + packer.flush()
    url = server.serve("/deflated.xml", Route(body=deflated, headers={"Content-Encoding": "deflate"}))
    result = make_poller(store).poll(feed("deflated", url))
    assert (result.outcome, result.new_articles) == ("fetched", 2)


def test_a_body_that_is_not_gzip_is_a_clear_failure(
    server: FeedServer, store: EventStore, make_poller: Callable[..., FeedPoller]
) -> None:
    url = server.serve("/liar.xml", Route(body=rss(ITEMS), headers={"Content-Encoding": "gzip"}))
    result = make_poller(store).poll(feed("liar", url))
    assert result.outcome == "failed"
    assert "cannot be decoded" in (result.error or "")


def test_an_html_page_is_not_a_feed_and_the_hint_names_the_real_one(
    server: FeedServer, store: EventStore, make_poller: Callable[..., FeedPoller]
) -> None:
    page = (
        b"<!DOCTYPE html><html><head><title>Trade desk</title>"
        b'<link rel="alternate" type="application/rss+xml" href="https://desk.example.org/rss.xml">'
        b"</head><body><p>Welcome to our trade desk.</p></body></html>"
    )
    url = server.serve("/index.html", Route(body=page, content_type="text/html; charset=utf-8"))
    make_poller(store).poll(feed("homepage", url))
    last = health_events(store, "homepage")[-1]
    assert isinstance(last, FeedFailed)
    assert "HTML page, not an RSS or Atom feed" in last.reason
    assert "https://desk.example.org/rss.xml" in last.reason


def test_an_xml_entity_bomb_is_refused_quickly(
    server: FeedServer, store: EventStore, make_poller: Callable[..., FeedPoller]
) -> None:
    levels = ['<!ENTITY a0 "boom">'] + [f'<!ENTITY a{n} "{f"&a{n - 1};" * 10}">' for n in range(1, 10)]
    bomb = (
        '<?xml version="1.0"?>\n<!DOCTYPE rss [\n' + "\n".join(levels) + "\n]>\n"
        '<rss version="2.0"><channel><title>t</title><item><title>&a9;</title>'
        "<link>https://news.example.org/bomb</link><description>&a9;</description></item></channel></rss>"
    ).encode()
    url = server.serve("/bomb.xml", Route(body=bomb))
    started = time.monotonic()
    result = make_poller(store).poll(feed("bomb", url))
    assert time.monotonic() - started < 10  # expanded, its billion entities would take far longer
    assert result.outcome == "failed"
    assert "declares XML entities" in (result.error or "")
    assert not any(e.stream_id.startswith("article-") for e in store.read_all())


def _entity_bomb(prefix: str = "") -> str:
    levels = ['<!ENTITY a0 "boom">'] + [f'<!ENTITY a{n} "{f"&a{n - 1};" * 10}">' for n in range(1, 10)]
    return (
        prefix + "<!DOCTYPE rss [\n" + "\n".join(levels) + "\n]>\n"
        '<rss version="2.0"><channel><title>t</title><item><title>&a9;</title>'
        "<link>https://news.example.org/bomb</link><description>&a9;</description></item></channel></rss>"
    )


@pytest.mark.parametrize(
    ("path", "body", "content_type"),
    [
        # A comment that holds something like an element once ended the prolog the check looked at.
        ("/commented.xml", _entity_bomb('<?xml version="1.0"?>\n<!-- the channel <rss> follows -->\n').encode(), ""),
        ("/pi.xml", _entity_bomb('<?xml version="1.0"?>\n<?note <rss> below?>\n').encode(), ""),
        # In UTF-16 the bytes of "<!ENTITY" are interleaved with zeros.
        ("/utf16-bom.xml", _entity_bomb('<?xml version="1.0" encoding="utf-16"?>\n').encode("utf-16"), ""),
        ("/utf16-le.xml", _entity_bomb('<?xml version="1.0" encoding="utf-16le"?>\n').encode("utf-16-le"), ""),
        ("/utf16-be-header.xml", _entity_bomb().encode("utf-16-be"), "application/rss+xml; charset=utf-16be"),
        ("/utf32.xml", _entity_bomb('<?xml version="1.0" encoding="utf-32"?>\n').encode("utf-32"), ""),
    ],
    ids=["comment", "processing-instruction", "utf-16-bom", "utf-16-le", "utf-16-be-by-header", "utf-32"],
)
def test_an_entity_bomb_dressed_to_pass_the_check_is_still_refused(
    server: FeedServer,
    store: EventStore,
    make_poller: Callable[..., FeedPoller],
    path: str,
    body: bytes,
    content_type: str,
) -> None:
    url = server.serve(path, Route(body=body, content_type=content_type or "application/rss+xml"))
    result = make_poller(store).poll(feed("dressed-bomb", url))
    assert result.outcome == "failed"
    assert "declares XML entities" in (result.error or "")
    assert not any(e.stream_id.startswith("article-") for e in store.read_all())


def test_a_utf16_feed_without_entities_is_read(
    server: FeedServer, store: EventStore, make_poller: Callable[..., FeedPoller]
) -> None:
    text = rss(ITEMS).decode("utf-8").replace('encoding="utf-8"', 'encoding="utf-16"')
    url = server.serve("/wide.xml", Route(body=text.encode("utf-16"), content_type="application/rss+xml"))
    result = make_poller(store).poll(feed("wide", url))
    assert (result.outcome, result.new_articles) == ("fetched", 2)


def test_a_malformed_feed_with_entries_is_used_and_its_warning_recorded(
    server: FeedServer, store: EventStore, make_poller: Callable[..., FeedPoller]
) -> None:
    # An unescaped ampersand and an unclosed channel: feedparser complains but reads the item.
    body = rss(ITEMS[:1]).replace(b"</channel></rss>", b"<title>Fish & chips</title>")
    url = server.serve("/bozo.xml", Route(body=body))
    result = make_poller(store).poll(feed("bozo", url))
    assert (result.outcome, result.new_articles) == ("fetched", 1)
    last = health_events(store, "bozo")[-1]
    assert isinstance(last, FeedPolled)
    assert last.warning
    assert result.warning == last.warning


def test_an_unreachable_server_is_a_failure_naming_the_url(
    store: EventStore, make_poller: Callable[..., FeedPoller]
) -> None:
    # Port 9 on loopback: nothing listens there in the test environment.
    result = make_poller(store).poll(feed("nobody", "http://127.0.0.1:9/feed.xml"))
    assert result.outcome == "failed"
    assert "http://127.0.0.1:9/feed.xml" in (result.error or "")
