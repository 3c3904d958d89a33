"""Recording articles and facts exactly once: re-polls, restarts, two pollers, syndicated stories."""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace

import pytest

from monitor.clock import SteppingClock
from monitor.errors import ExtractionError, StoreError
from monitor.events.facts import ArticleRecorded, FactExtracted
from monitor.events.sources import ArticleFingerprinted, ArticleSeen, FeedPolled
from monitor.log import AppendResult, EventStore, NewEvent
from monitor.sources.base import Extractor
from monitor.sources.poll import FeedPoller
from monitor.sources.recording import ArticleRecorder
from sources.feedserver import FeedServer, Item, Route, feed, rss
from sources.percent_extractor import Fact, percent_facts

STORY = (
    "The trade ministry announced a duty of 25 percent on imported bicycle frames. "
    "Officials said the measure would be reviewed in the autumn."
)


# Extractors are named by module and function (worker processes import them), so these are top-level.


def broken(text: str, published: dt.date | None) -> list[Fact]:
    raise ExtractionError("the extractor choked on this text")


def hoses_break_it(text: str, published: dt.date | None) -> list[Fact]:
    if "hoses" in text:
        raise ExtractionError("the extractor choked on hoses")
    return percent_facts(text, published)


def nan_for_hoses(text: str, published: dt.date | None) -> list[Fact]:
    facts = percent_facts(text, published)
    # The log refuses NaN, and only when the third article is appended: after the
    # first two articles and all their text claims went into the transaction.
    return [replace(f, rate=math.nan) for f in facts] if "hoses" in text else facts


def types_count(store: EventStore) -> Counter[str]:
    return Counter(e.type for e in store.read_all())


def test_restart_and_a_second_poller_record_nothing_twice(
    server: FeedServer, store: EventStore, make_poller: Callable[..., FeedPoller], clock: SteppingClock
) -> None:
    items = [
        Item(title="Bicycle frames face new duty", link="https://a.example.org/frames", text=STORY),
        Item(title="Port fees unchanged", link="https://a.example.org/fees", text="Port fees stay as they are."),
    ]
    url = server.serve("/a.xml", Route(body=rss(items)))
    make_poller(store).poll(feed("a", url))
    first = types_count(store)
    assert first[ArticleRecorded.NAME] == 2
    assert first[FactExtracted.NAME] == 1

    # The feed gains an item; a restarted process and a second daemon poll it at the same moment.
    items.append(Item(title="Kettle duty at 12 percent", link="https://a.example.org/k", text="A 12 percent duty."))
    server.serve("/a.xml", Route(body=rss(items)))
    clock.advance(dt.timedelta(minutes=30))
    pollers = [make_poller(store), make_poller(store)]
    with ThreadPoolExecutor(2) as pool:
        list(pool.map(lambda p: p.poll(feed("a", url)), pollers))
    after = types_count(store)
    assert after[ArticleRecorded.NAME] == 3
    assert after[FactExtracted.NAME] == 2
    keys = [e.idempotency_key for e in store.read_all() if e.stream_id.startswith("article-")]
    assert len(keys) == len(set(keys))


def test_the_same_story_in_two_feeds_is_one_article_seen_by_both(
    server: FeedServer, store: EventStore, make_poller: Callable[..., FeedPoller]
) -> None:
    # Different links, different markup and spacing, same words.
    one = server.serve("/one.xml", Route(body=rss([Item(title="Frames", link="https://one.example/x", text=STORY)])))
    two_text = STORY.replace(". ", ".\n\n   ").upper()
    two = server.serve(
        "/two.xml", Route(body=rss([Item(title="FRAMES!", link="https://two.example/y?ref=home", text=two_text)]))
    )
    poller = make_poller(store)
    r1 = poller.poll(feed("one", one))
    r2 = poller.poll(feed("two", two))
    assert (r1.new_articles, r2.new_articles, r2.seen_articles) == (1, 0, 1)
    counts = types_count(store)
    assert counts[ArticleRecorded.NAME] == 1
    assert counts[FactExtracted.NAME] == 1
    seen = [e for e in store.read_all() if e.type == ArticleSeen.NAME]
    assert len(seen) == 1
    recorded = next(e for e in store.read_all() if e.type == ArticleRecorded.NAME)
    assert seen[0].stream_id == recorded.stream_id
    assert seen[0].data["feed"] == "two"
    # Polling both again changes nothing.
    server.serve("/two.xml", Route(body=rss([Item(title="FRAMES!", link="https://two.example/y", text=two_text)])))
    poller.poll(feed("two", two))
    assert types_count(store)[ArticleSeen.NAME] == 1


def test_a_link_with_tracking_parameters_is_the_same_article(
    server: FeedServer, store: EventStore, make_poller: Callable[..., FeedPoller]
) -> None:
    base = "https://news.example.org/story/9"
    a = server.serve("/a.xml", Route(body=rss([Item(title="T", link=base + "?utm_source=a", text="First wording.")])))
    b = server.serve("/b.xml", Route(body=rss([Item(title="T", link=base + "?fbclid=zz#top", text="Other words.")])))
    poller = make_poller(store)
    poller.poll(feed("a", a))
    result = poller.poll(feed("b", b))
    assert result.seen_articles == 1
    assert types_count(store)[ArticleRecorded.NAME] == 1


def test_catch_up_marks_only_the_first_successful_poll(
    server: FeedServer, store: EventStore, make_poller: Callable[..., FeedPoller], clock: SteppingClock
) -> None:
    path = "/news.xml"
    server.serve(path, Route(status=503, body=b"later"))
    poller = make_poller(store)
    url = server.url(path)
    assert poller.poll(feed("news", url)).outcome == "failed"
    server.serve(path, Route(body=rss([Item(title="Old", link="https://n.example/1", text=STORY)])))
    clock.advance(dt.timedelta(hours=1))
    assert poller.poll(feed("news", url)).catch_up is True
    server.serve(
        path,
        Route(
            body=rss(
                [
                    Item(title="Old", link="https://n.example/1", text=STORY),
                    Item(title="New", link="https://n.example/2", text="A 40 percent duty on lamps."),
                ]
            )
        ),
    )
    clock.advance(dt.timedelta(hours=1))
    assert poller.poll(feed("news", url)).catch_up is False
    by_title = {
        e.data["title"]: e.metadata for e in store.read_all() if e.type in (ArticleRecorded.NAME, FactExtracted.NAME)
    }
    assert by_title["Old"].get("catch_up") is True
    assert "catch_up" not in by_title["New"]
    fact = next(e for e in store.read_all() if e.type == FactExtracted.NAME and e.data["title"] == "New")
    assert fact.metadata["feed"] == "news"
    assert fact.metadata["url"] == "https://n.example/2"
    assert fact.metadata["extractor_version"] == "test-1"
    assert fact.occurred_at == dt.datetime(2025, 4, 1, 9, 0, tzinfo=dt.UTC)


def test_an_extractor_that_fails_leaves_nothing_half_written(
    server: FeedServer, store: EventStore, make_poller: Callable[..., FeedPoller]
) -> None:
    url = server.serve("/x.xml", Route(body=rss([Item(title="T", link="https://x.example/1", text=STORY)])))
    result = make_poller(store, extractor=broken).poll(feed("x", url))
    assert result.outcome == "failed"
    assert "choked" in (result.error or "")
    assert types_count(store)[ArticleRecorded.NAME] == 0
    # Once the extractor works, the same body is read again (its hash was not recorded as done).
    again = make_poller(store).poll(feed("x", url))
    assert (again.outcome, again.new_articles, again.facts) == ("fetched", 1, 1)


def test_full_text_reads_the_linked_page_and_falls_back_to_the_summary(
    server: FeedServer, store: EventStore, make_poller: Callable[..., FeedPoller]
) -> None:
    body = "".join(
        f"<p>Section {n}: the council confirmed a duty of {10 + n} percent on imported lanterns.</p>" for n in range(6)
    )
    page = (
        "<html><body><nav>Home | Markets | Contact</nav>"
        f"<article><h1>Lantern duty confirmed</h1>{body}</article><footer>All rights reserved.</footer></body></html>"
    ).encode()
    page_url = server.serve("/story.html", Route(body=page, content_type="text/html; charset=utf-8"))
    items = [
        Item(title="Lantern duty confirmed", link=page_url, text="Short teaser."),
        Item(title="Gone story", link=server.url("/missing.html"), text="A teaser of 7 percent."),
    ]
    url = server.serve("/full.xml", Route(body=rss(items)))
    result = make_poller(store).poll(feed("full", url, full_text=True))
    assert (result.outcome, result.new_articles) == ("fetched", 2)
    recorded = {e.data["title"]: e for e in store.read_all() if e.type == ArticleRecorded.NAME}
    assert recorded["Lantern duty confirmed"].data["text_chars"] > 300
    assert recorded["Lantern duty confirmed"].data["facts"] == 6
    assert recorded["Lantern duty confirmed"].metadata["full_text"] == "page"
    assert "HTTP 404" in recorded["Gone story"].metadata["full_text_error"]
    assert recorded["Gone story"].data["facts"] == 1
    # A second poll of the changed feed fetches no page for articles it already has.
    hits = server.hits["/story.html"]
    server.serve("/full.xml", Route(body=rss([*items, Item(title="Other", link=None, text="Other text.")])))
    make_poller(store).poll(feed("full", url, full_text=True))
    assert server.hits["/story.html"] == hits


def three_items() -> list[Item]:
    return [
        Item(title="Frames duty", link="https://p.example/1", text="A duty of 25 percent on bicycle frames."),
        Item(title="Kettle duty", link="https://p.example/2", text="A duty of 12 percent on kettles."),
        Item(title="Hose duty", link="https://p.example/3", text="A duty of 30 percent on garden hoses."),
    ]


def test_an_extractor_failing_on_one_item_records_the_others_and_leaves_that_one_for_the_next_poll(
    server: FeedServer, store: EventStore, make_poller: Callable[..., FeedPoller]
) -> None:
    url = server.serve("/p.xml", Route(body=rss(three_items())))
    poller = make_poller(store, extractor=hoses_break_it)
    result = poller.poll(feed("p", url))
    assert (result.outcome, result.new_articles, result.facts) == ("failed", 2, 2)
    assert "https://p.example/3" in (result.error or "") and "choked on hoses" in (result.error or "")
    # Nothing of the failed article is in the log: not its text's claim, not the article.
    assert types_count(store)[ArticleRecorded.NAME] == 2
    assert types_count(store)[ArticleFingerprinted.NAME] == 2
    # The same body again (no 304, no "unchanged"): only the unread article is tried.
    again = make_poller(store).poll(feed("p", url))
    assert (again.outcome, again.new_articles, again.facts) == ("fetched", 1, 1)
    assert types_count(store)[ArticleRecorded.NAME] == 3


def test_a_write_refused_mid_poll_rolls_the_whole_poll_back_and_the_next_poll_records_it_once(
    server: FeedServer, store: EventStore, make_poller: Callable[..., FeedPoller]
) -> None:
    url = server.serve("/p.xml", Route(body=rss(three_items())))
    with pytest.raises(StoreError, match="NaN"):
        make_poller(store, extractor=nan_for_hoses).poll(feed("p", url))
    assert store.count() == 0
    result = make_poller(store).poll(feed("p", url))
    assert (result.outcome, result.new_articles, result.facts) == ("fetched", 3, 3)
    counts = types_count(store)
    assert (counts[ArticleRecorded.NAME], counts[FactExtracted.NAME], counts[ArticleFingerprinted.NAME]) == (3, 3, 3)
    assert counts[FeedPolled.NAME] == 1
    # And once is once: the same body again changes nothing.
    assert make_poller(store).poll(feed("p", url)).outcome in ("not_modified", "unchanged")
    assert types_count(store)[ArticleRecorded.NAME] == 3


def test_a_story_twice_in_one_poll_under_two_links_is_one_article(
    server: FeedServer, store: EventStore, make_poller: Callable[..., FeedPoller]
) -> None:
    items = [
        Item(title="Frames", link="https://one.example/x", text=STORY),
        Item(title="Frames again", link="https://one.example/y", text=STORY.upper()),
    ]
    url = server.serve("/twice.xml", Route(body=rss(items)))
    result = make_poller(store).poll(feed("twice", url))
    # Both links are this feed's; the second is the same article, already carried by this feed.
    assert (result.new_articles, result.seen_articles) == (1, 0)
    assert types_count(store)[ArticleRecorded.NAME] == 1
    assert types_count(store)[ArticleSeen.NAME] == 0


def test_appends_asked_for_at_once_are_each_written_once_and_a_refused_one_is_its_own_trouble(
    store: EventStore, clock: SteppingClock
) -> None:
    """Polls ending together share one transaction; each still gets its own result, or its own error."""
    recorder = ArticleRecorder(store, clock, extractor=Extractor.of(percent_facts, version="test-1"))
    # Desk 7's key is another stream's already: its append is refused, and only its own.
    store.append("elsewhere", [NewEvent(type="note.made", data={"desk": 7}, idempotency_key="note:7")])

    def ask(desk: int) -> AppendResult | StoreError:
        event = NewEvent(type="note.made", data={"desk": desk}, idempotency_key=f"note:{desk}")
        try:
            return recorder.append(f"desk-{desk}", [event])
        except StoreError as exc:
            return exc

    with ThreadPoolExecutor(max_workers=16) as pool:
        first = list(pool.map(ask, range(40)))
        again = list(pool.map(ask, range(40)))
    assert isinstance(first[7], StoreError) and "note:7" in str(first[7])
    assert isinstance(again[7], StoreError)
    written = [r for n, r in enumerate(first) if n != 7]
    assert all(isinstance(r, AppendResult) and not r.duplicate and r.version == 1 for r in written)
    assert all(isinstance(r, AppendResult) and r.duplicate for n, r in enumerate(again) if n != 7)
    by_stream = Counter(e.stream_id for e in store.read_all() if e.type == "note.made")
    assert by_stream == Counter({"elsewhere": 1, **{f"desk-{n}": 1 for n in range(40) if n != 7}})
    for n, result in enumerate(first):
        if isinstance(result, AppendResult):
            (event,) = store.read_stream(f"desk-{n}")
            assert event.position == result.positions[0] and event.data == {"desk": n}
