"""Recording articles and their facts in the log, exactly once whoever polls and however often.

Stream `article-<id>`: `article.recorded`, then one `fact.extracted` per fact,
then `article.seen` for each further feed that carries it. Before a new article
is recorded its text claims stream `text-<fingerprint>` (`article.fingerprinted`);
when the claim was made before by another article (the same story under
another link, or in another feed), this one is recorded as `article.seen` on
that article instead. Idempotency keys (each names one append to one stream):

- `text:<fingerprint>` on the claim; `article:<id>` on the article, and
  `fact:<article id>:<extractor version>:<n>` on its facts, appended with it:
  a re-poll, a restart or a second daemon finds them taken and writes nothing.
- `article-seen:<article id>:<feed>` on a sighting by another feed.

Everything one poll of a feed learned is written in one transaction (a
`RecordingBatch`): the claims, the articles with their facts, the sightings,
and the feed's health event. So a crash or an error mid-poll leaves nothing of
that poll in the log, and the next poll, finding the body not yet done, records
all of it once. The batch reads what it needs (the claims on its texts, the
articles already there) in a few queries inside that transaction, where on
SQLite the write lock makes them the truth; the work that takes time (fetching,
parsing, the extractor) happens before it opens.

Metadata says where each event came from (feed, url, extractor version) and
carries `"catch_up": true` for backfills, so the rule engine updates state but
raises no alerts for them.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection
from sqlalchemy.exc import DBAPIError

from monitor.clock import Clock
from monitor.errors import ExtractionError, MonitorError, StoreError
from monitor.events.facts import ArticleRecorded, FactExtracted
from monitor.events.sources import ArticleFingerprinted, ArticleSeen
from monitor.log import AppendResult, EventStore, NewEvent, write_transaction
from monitor.sources.article import Article
from monitor.sources.base import ExtractedFact, Extractor


@dataclass(frozen=True, kw_only=True)
class Recorded:
    """What recording one article did."""

    article_id: str
    #: "new" (recorded now), "seen" (first time via this feed), "known" (nothing to do).
    outcome: str
    facts: int = 0


@dataclass(frozen=True, kw_only=True)
class Reading:
    """A new article with the facts the extractor read from it, ready to be recorded."""

    article: Article
    facts: tuple[ExtractedFact, ...]
    #: Added to the metadata (e.g. the file an ingested article came from, a full-text failure).
    origin: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, kw_only=True)
class Unread:
    """A new article the extractor failed on: not recorded, so the next poll tries it again."""

    article: Article
    #: The extractor's error, naming the article.
    error: str


def article_stream(article_id: str) -> str:
    """The stream id of an article."""
    return f"article-{article_id}"


def text_stream(fingerprint: str) -> str:
    """The stream that says which article first carried a text."""
    return f"text-{fingerprint}"


class _Asked:
    """One thread's append waiting to be written, and how it went."""

    def __init__(self, stream_id: str, events: list[NewEvent]) -> None:
        self.stream_id = stream_id
        self.events = events
        self.result: AppendResult | None = None
        self.error: StoreError | None = None
        self.done = False

    def finish(self, result: AppendResult) -> None:
        """Written: keep the result."""
        self.result, self.done = result, True

    def fail(self, error: StoreError) -> None:
        """Refused: keep the error, for the thread that asked."""
        self.error, self.done = error, True

    def outcome(self) -> AppendResult:
        """The append's result, or the error it met raised."""
        if self.error is not None or self.result is None:
            raise self.error or StoreError(f"append to {self.stream_id!r} was not written")
        return self.result


class ArticleRecorder:
    """Appends articles and the facts `extractor` reads from them; safe to share between threads.

    The extractor is handed in (by `monitor/pipeline.py`); this room never imports one.
    """

    def __init__(
        self, store: EventStore, clock: Clock, *, extractor: Extractor, official_feeds: frozenset[str] = frozenset()
    ) -> None:
        self.store = store
        self.clock = clock
        self.extractor = extractor
        self.extractor_version = extractor.version
        #: feeds marked `official = true`: their facts say so, for `official_only` rules and subscriptions
        self.official_feeds = official_feeds
        self._writing = threading.Lock()
        # Appends asked for while another is being written: the next writer takes them all at once.
        self._queue: list[_Asked] = []
        self._queue_lock = threading.Lock()

    def append(self, stream_id: str, new_events: list[NewEvent]) -> AppendResult:
        """Append one stream's events, through this process's write lock.

        Appends that threads ask for while another one is being written are
        written together, in one transaction (each stream as `store.append`
        would have it): a round of polls that all end at once (every feed
        answering 304) then waits for one commit, not one each, behind the
        log's append lock. Should the shared transaction be refused, each is
        appended on its own, so one stream's trouble is its own.
        """
        mine = _Asked(stream_id, new_events)
        with self._queue_lock:
            self._queue.append(mine)
        with self._writing:
            try:
                while not mine.done:
                    self._write_asked()
            except BaseException:
                # This thread meets the error: its append must not be written later by another.
                with self._queue_lock:
                    self._queue = [a for a in self._queue if a is not mine]
                raise
        return mine.outcome()

    def _write_asked(self) -> None:
        """Write what is asked for now (one append per stream; a stream asked for twice waits its turn)."""
        with self._queue_lock:
            taken: dict[str, _Asked] = {}
            for asked in self._queue:
                taken.setdefault(asked.stream_id, asked)
            self._queue = [a for a in self._queue if taken[a.stream_id] is not a]
        together = list(taken.values())
        try:
            self._write_together(together)
        except BaseException:
            # Something other than the database's refusal (a bug, an interrupt): what this writer took
            # and did not finish goes back in the queue, for its own thread to write or to meet the error.
            with self._queue_lock:
                self._queue[:0] = [a for a in together if not a.done]
            raise

    def _write_together(self, together: list[_Asked]) -> None:
        """Write `together` in one transaction; if that is refused, each on its own."""
        if len(together) > 1:
            try:
                with write_transaction(self.store.engine) as conn:
                    results = self.store.append_streams(conn, {a.stream_id: a.events for a in together})
            except (StoreError, DBAPIError):
                pass  # rolled back whole: each one on its own below
            else:
                for asked in together:
                    asked.finish(results[asked.stream_id])
                return
        for asked in together:
            try:
                asked.finish(self.store.append(asked.stream_id, asked.events))
            except StoreError as exc:
                asked.fail(exc)

    @contextmanager
    def batch(self, *, catch_up: bool) -> Iterator[RecordingBatch]:
        """One write transaction for everything a poll records; committed when the block ends.

        Nothing in it is visible to others, or kept, unless the block ends
        without an exception. Open it only once the slow work is done: it holds
        the database's single writer lock (and this process's) until it ends.

        The process's lock comes first: many polling threads then queue on it
        instead of on SQLite's busy handler, which sleeps in growing steps while
        the database may already be free.
        """
        with self._writing:
            try:
                with write_transaction(self.store.engine) as conn:
                    # On PostgreSQL, what the batch reads is the truth until it commits.
                    self.store.lock_appends(conn)
                    batch = RecordingBatch(self, conn, catch_up=catch_up)
                    yield batch
                    batch.flush()
            except DBAPIError as exc:
                raise StoreError(f"cannot record in the event log: {exc.orig}") from exc

    def known_feeds(self, article_ids: Iterable[str]) -> dict[str, frozenset[str]]:
        """For each of `article_ids` already recorded, the feeds that carried it (one query per 400)."""
        with self.store.reading() as conn:
            return _article_feeds(conn, self.store, article_ids)

    def read(self, article: Article, *, origin: dict[str, Any] | None = None) -> Reading:
        """Run the extractor on `article`; its failure is an `ExtractionError` and nothing is written."""
        return read_article(self.extractor, article, origin=origin)

    def record(self, article: Article, *, catch_up: bool, origin: dict[str, Any] | None = None) -> Recorded:
        """Record one `article` unless the log has it; facts are extracted only for a new one.

        `origin` is added to the metadata (e.g. the file an ingested article came from).
        """
        feeds = self.known_feeds([article.article_id]).get(article.article_id)
        if feeds is not None:
            with self.batch(catch_up=catch_up) as batch:
                return batch.sight(article, article.article_id, feeds)
        reading = self.read(article, origin=origin)
        with self.batch(catch_up=catch_up) as batch:
            return batch.record([reading])[0]

    def metadata(self, article: Article, catch_up: bool, origin: dict[str, Any] | None) -> dict[str, Any]:
        """The metadata of an article's events: where it came from, which extractor read it."""
        metadata: dict[str, Any] = {
            "source": "feed" if article.feed else "file",
            "feed": article.feed,
            "url": article.url,
            "article_id": article.article_id,
            "extractor_version": self.extractor_version,
        }
        if origin:
            metadata.update(origin)
        if catch_up:
            metadata["catch_up"] = True
        return metadata


class RecordingBatch:
    """The appends of one write transaction; made by `ArticleRecorder.batch`."""

    def __init__(self, recorder: ArticleRecorder, conn: Connection, *, catch_up: bool) -> None:
        self._recorder = recorder
        self._store = recorder.store
        self._conn = conn
        self._catch_up = catch_up
        self._pending: dict[str, list[NewEvent]] = {}
        self._keys: set[str] = set()

    def append(self, stream_id: str, new_events: list[NewEvent]) -> None:
        """Add one stream's events to the batch; written with the rest when it ends.

        Events whose idempotency key the batch holds already are left out: the
        second sighting of one article in one read is the first one again.
        """
        fresh = [e for e in new_events if e.idempotency_key is None or e.idempotency_key not in self._keys]
        if not fresh:
            return
        self._keys.update(e.idempotency_key for e in fresh if e.idempotency_key is not None)
        self._pending.setdefault(stream_id, []).extend(fresh)

    def flush(self) -> dict[str, AppendResult]:
        """Append everything added so far in one go (one key lookup, one version lookup, one insert)."""
        pending, self._pending = self._pending, {}
        return self._store.append_streams(self._conn, pending)

    def record(self, readings: Sequence[Reading]) -> list[Recorded]:
        """Record each reading's article with its facts, or as a sighting of the article that has its text."""
        ids = [r.article.article_id for r in readings]
        # Read inside the transaction: another poller may have recorded some since the caller looked.
        present = _article_feeds(self._conn, self._store, ids)
        owners = _text_owners(self._conn, self._store, [r.article.fingerprint for r in readings])
        done: list[Recorded] = []
        for reading in readings:
            article = reading.article
            if article.article_id in present:
                done.append(self.sight(article, article.article_id, present[article.article_id]))
                continue
            owner = owners.get(article.fingerprint) or self._claim(article)
            owners[article.fingerprint] = owner
            if owner != article.article_id:
                if owner not in present:
                    present.update(_article_feeds(self._conn, self._store, [owner]))
                done.append(self.sight(article, owner, present.get(owner, frozenset())))
                present[owner] = present.get(owner, frozenset()) | {article.feed or ""}
                continue
            self._article(reading)
            present[article.article_id] = frozenset({article.feed or ""})
            done.append(Recorded(article_id=article.article_id, outcome="new", facts=len(reading.facts)))
        return done

    def sight(self, article: Article, article_id: str, feeds: frozenset[str]) -> Recorded:
        """Record that `article`'s feed carries the recorded article `article_id`, once per feed."""
        feed = article.feed
        if feed is None or feed in feeds:
            return Recorded(article_id=article_id, outcome="known")
        self.append(
            article_stream(article_id),
            [
                NewEvent.of(
                    ArticleSeen(article_id=article_id, feed=feed, url=article.url),
                    metadata={"feed": feed, "url": article.url, "via_article_id": article.article_id},
                    occurred_at=article.published or self._recorder.clock.now(),
                    idempotency_key=f"article-seen:{article_id}:{feed}",
                )
            ],
        )
        return Recorded(article_id=article_id, outcome="seen")

    def _claim(self, article: Article) -> str:
        """Claim the article's text, which the caller found unclaimed; the id of the article that owns it.

        The batch's reads are the truth (it holds the write lock, or on
        PostgreSQL the append lock, from its start), so the claim is ours.
        """
        claim = ArticleFingerprinted(article_id=article.article_id, fingerprint=article.fingerprint, feed=article.feed)
        self.append(
            text_stream(article.fingerprint),
            [
                NewEvent.of(
                    claim,
                    metadata={"feed": article.feed, "url": article.url},
                    idempotency_key=f"text:{article.fingerprint}",
                )
            ],
        )
        return article.article_id

    def _article(self, reading: Reading) -> None:
        article = reading.article
        metadata = self._recorder.metadata(article, self._catch_up, reading.origin)
        occurred = article.published or self._recorder.clock.now()
        published = article.published.date() if article.published else None
        version = self._recorder.extractor_version
        recorded = ArticleRecorded(
            article_id=article.article_id,
            url=article.url,
            title=article.title,
            published=published,
            feed=article.feed,
            fingerprint=article.fingerprint,
            text_chars=len(article.text),
            facts=len(reading.facts),
        )
        facts = [
            NewEvent.of(
                FactExtracted(
                    article_id=article.article_id,
                    kind=f.kind,
                    imposer=f.imposer,
                    targets=tuple(f.targets),
                    sector=f.sector,
                    rate=f.rate,
                    until=f.until,
                    effective=f.effective,
                    status=f.status,
                    evidence=f.evidence,
                    authority=f.authority,
                    previous_rate=f.previous_rate,
                    published=published,
                    url=article.url,
                    title=article.title,
                    extractor_version=version,
                    confidence=f.confidence,
                    feed=article.feed,
                    official=article.feed is not None and article.feed in self._recorder.official_feeds,
                ),
                metadata=metadata,
                occurred_at=occurred,
                idempotency_key=f"fact:{article.article_id}:{version}:{n}",
            )
            for n, f in enumerate(reading.facts)
        ]
        # One append: the article never stands in the log without its facts.
        self.append(
            article_stream(article.article_id),
            [
                NewEvent.of(
                    recorded, metadata=metadata, occurred_at=occurred, idempotency_key=f"article:{article.article_id}"
                ),
                *facts,
            ],
        )


def read_article(extractor: Extractor, article: Article, *, origin: dict[str, Any] | None = None) -> Reading:
    """Run `extractor` on `article` (in this process or a worker); its failure is an `ExtractionError`."""
    published = article.published.date() if article.published else None
    where = article.url or article.article_id
    # Loaded outside the `try`: an extractor that cannot be loaded is its own ExtractionError.
    function = extractor.function()
    try:
        facts = function(article.extraction_text(), published)
    except ExtractionError as exc:
        # Said by the extractor (an external command that failed, or printed what the contract
        # does not allow): the message gains the article it was reading.
        raise ExtractionError(f"article {where}: {exc.message}", hint=exc.hint) from exc
    except MonitorError:
        raise
    except Exception as exc:
        # A bug in another room's extractor on one article must show as this feed failing
        # (and be retried), not end the daemon's whole cycle.
        raise ExtractionError(
            f"the extractor failed on {where}: {type(exc).__name__}: {exc}", hint="a bug; please report it"
        ) from exc
    return Reading(article=article, facts=tuple(facts), origin=dict(origin or {}))


def _article_feeds(conn: Connection, store: EventStore, article_ids: Iterable[str]) -> dict[str, frozenset[str]]:
    """Each recorded article among `article_ids` with the feeds that recorded or saw it."""
    streams = [article_stream(a) for a in article_ids]
    feeds: dict[str, set[str]] = {}
    for stream_id, data in store.stream_payloads(streams, types=[ArticleRecorded.NAME, ArticleSeen.NAME], conn=conn):
        seen = feeds.setdefault(stream_id.removeprefix("article-"), set())
        if data.get("feed"):
            seen.add(data["feed"])
    return {article_id: frozenset(names) for article_id, names in feeds.items()}


def _text_owners(conn: Connection, store: EventStore, fingerprints: Iterable[str]) -> dict[str, str]:
    """For each claimed text among `fingerprints`, the id of the article that claimed it."""
    first = store.first_payloads([text_stream(f) for f in fingerprints], conn=conn)
    return {stream_id.removeprefix("text-"): str(data["article_id"]) for stream_id, data in first.items()}
