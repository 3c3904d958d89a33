"""Recording an article and its facts in the log, exactly once whoever polls and however often.

Stream `article-<id>`: `article.recorded`, then one `fact.extracted` per fact,
then `article.seen` for each further feed that carries it. Before a new article
is recorded its text claims stream `text-<fingerprint>` (`article.fingerprinted`);
when the claim was made before by another article (the same story under
another link, or in another feed), this one is recorded as `article.seen` on
that article instead. Idempotency keys (each names one append to one stream):

- `text:<fingerprint>` on the claim; `article:<id>` on the article, and
  `fact:<article id>:<extractor version>:<n>` on its facts, appended with it in
  one transaction: a re-poll, a restart or a second daemon finds them taken and
  writes nothing.
- `article-seen:<article id>:<feed>` on a sighting by another feed.

Metadata says where each event came from (feed, url, extractor version) and
carries `"catch_up": true` for backfills, so the rule engine updates state but
raises no alerts for them.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from monitor.clock import Clock
from monitor.errors import ExtractionError, MonitorError
from monitor.events.facts import ArticleRecorded, FactExtracted
from monitor.events.sources import ArticleFingerprinted, ArticleSeen
from monitor.extract import EXTRACTOR_VERSION, extract_facts
from monitor.extract.facts import Fact
from monitor.log import AppendResult, EventStore, NewEvent, RecordedEvent
from monitor.sources.article import Article

Extractor = Callable[[str, dt.date | None], list[Fact]]


@dataclass(frozen=True, kw_only=True)
class Recorded:
    """What recording one article did."""

    article_id: str
    #: "new" (recorded now), "seen" (first time via this feed), "known" (nothing to do).
    outcome: str
    facts: int = 0


def article_stream(article_id: str) -> str:
    """The stream id of an article."""
    return f"article-{article_id}"


def text_stream(fingerprint: str) -> str:
    """The stream that says which article first carried a text."""
    return f"text-{fingerprint}"


class ArticleRecorder:
    """Appends articles and the facts read from them; safe to share between threads."""

    def __init__(
        self,
        store: EventStore,
        clock: Clock,
        *,
        extractor: Extractor = extract_facts,
        extractor_version: str = EXTRACTOR_VERSION,
    ) -> None:
        self.store = store
        self.clock = clock
        self.extractor = extractor
        self.extractor_version = extractor_version
        self._writing = threading.Lock()

    def append(self, stream_id: str, new_events: list[NewEvent]) -> AppendResult:
        """Append through this process's write lock.

        The database admits one writer at a time anyway; waiting on a lock here
        instead of on SQLite's busy handler (which sleeps in growing steps while
        the database may already be free) keeps many polling threads from idling.
        """
        with self._writing:
            return self.store.append(stream_id, new_events)

    def existing(self, article_id: str) -> list[RecordedEvent]:
        """The events already in the article's stream (empty for a new article)."""
        return self.store.read_stream(article_stream(article_id))

    def record(
        self,
        article: Article,
        *,
        catch_up: bool,
        origin: dict[str, Any] | None = None,
        existing: list[RecordedEvent] | None = None,
    ) -> Recorded:
        """Record `article` unless the log has it; facts are extracted only for a new one.

        `origin` is added to the metadata (e.g. the file an ingested article came from);
        `existing` is the article stream as the caller already read it.
        """
        stream = article_stream(article.article_id)
        if existing is None:
            existing = self.existing(article.article_id)
        metadata = self._metadata(article, catch_up, origin)
        occurred = article.published or self.clock.now()
        if existing:
            return self._known(article, article.article_id, existing)
        # Extract first: if the extractor fails, nothing is written and the next poll retries.
        facts = self._extract(article)
        owner = self._claim_text(article)
        if owner != article.article_id:
            return self._known(article, owner, self.store.read_stream(article_stream(owner)))
        recorded = ArticleRecorded(
            article_id=article.article_id,
            url=article.url,
            title=article.title,
            published=article.published.date() if article.published else None,
            feed=article.feed,
            fingerprint=article.fingerprint,
            text_chars=len(article.text),
            facts=len(facts),
        )
        # One append, one transaction: the article never stands in the log without its facts.
        # If another poller recorded this very article a moment ago, every key is taken and
        # the append is a no-op.
        self.append(
            stream,
            [
                NewEvent.of(
                    recorded,
                    metadata=metadata,
                    occurred_at=occurred,
                    idempotency_key=f"article:{article.article_id}",
                ),
                *self._fact_events(article, facts, metadata, occurred),
            ],
        )
        return Recorded(article_id=article.article_id, outcome="new", facts=len(facts))

    def _claim_text(self, article: Article) -> str:
        """The id of the article that owns this text: ours if we are the first to claim it."""
        stream = text_stream(article.fingerprint)
        claim = ArticleFingerprinted(article_id=article.article_id, fingerprint=article.fingerprint, feed=article.feed)
        result = self.append(
            stream,
            [
                NewEvent.of(
                    claim,
                    metadata={"feed": article.feed, "url": article.url},
                    idempotency_key=f"text:{article.fingerprint}",
                )
            ],
        )
        if not result.duplicate:
            return article.article_id
        first = self.store.read_stream(stream)[0]
        return str(first.data["article_id"])

    def _extract(self, article: Article) -> list[Fact]:
        published = article.published.date() if article.published else None
        try:
            return self.extractor(article.extraction_text(), published)
        except MonitorError:
            raise
        except Exception as exc:
            # A bug in another room's extractor on one article must show as this feed failing
            # (and be retried), not end the daemon's whole cycle.
            where = article.url or article.article_id
            raise ExtractionError(
                f"the extractor failed on {where}: {type(exc).__name__}: {exc}", hint="a bug; please report it"
            ) from exc

    def _fact_events(
        self, article: Article, facts: list[Fact], metadata: dict[str, Any], occurred: dt.datetime
    ) -> list[NewEvent]:
        published = article.published.date() if article.published else None
        return [
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
                    extractor_version=self.extractor_version,
                ),
                metadata=metadata,
                occurred_at=occurred,
                idempotency_key=f"fact:{article.article_id}:{self.extractor_version}:{n}",
            )
            for n, f in enumerate(facts)
        ]

    def _known(self, article: Article, article_id: str, existing: list[RecordedEvent]) -> Recorded:
        feed = article.feed
        if feed is None or _seen_by(existing, feed):
            return Recorded(article_id=article_id, outcome="known")
        self.append(
            article_stream(article_id),
            [
                NewEvent.of(
                    ArticleSeen(article_id=article_id, feed=feed, url=article.url),
                    metadata={"feed": feed, "url": article.url, "via_article_id": article.article_id},
                    occurred_at=article.published or self.clock.now(),
                    idempotency_key=f"article-seen:{article_id}:{feed}",
                )
            ],
        )
        return Recorded(article_id=article_id, outcome="seen")

    def _metadata(self, article: Article, catch_up: bool, origin: dict[str, Any] | None) -> dict[str, Any]:
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


def _seen_by(existing: list[RecordedEvent], feed: str) -> bool:
    for event in existing:
        if event.type in (ArticleRecorded.NAME, ArticleSeen.NAME) and event.data.get("feed") == feed:
            return True
    return False
