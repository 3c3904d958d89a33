"""Poll-cycle benchmark: 200 feeds of 30 items on a local server that answers each request after 100 ms.

Runs, in one process and against one server:
  1. a full cycle polled concurrently (fetch.concurrency threads) into a fresh SQLite log,
  2. the same cycle polled one feed at a time into another fresh log (the baseline),
  3. a second concurrent cycle on the first log, where every feed answers 304 (nothing changed),
  4. the same with the server ignoring validators: bodies unchanged, so nothing is parsed,
  5. a steady-state cycle, every feed with 2 new items above 28 known ones, concurrent and serial.

The first cycle records 6,000 new articles: that is CPU work (extraction,
SQL appends) that threads cannot overlap, so it bounds its speed-up; the
steady cycle is what a running daemon sees.

The extractor is the real one. The last line printed is one JSON object:
{"bench": "poll", "concurrent_s", "serial_s", "all_304_s", ...}.

    .venv/bin/python bench/poll.py [--feeds 200] [--items 30] [--latency-ms 100] [--concurrency N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from monitor.clock import SteppingClock
from monitor.config import FeedSettings, FetchSettings
from monitor.log import EventStore, open_engine
from monitor.log.migrate import upgrade
from monitor.pipeline import article_recorder, default_extractor
from monitor.sources.http import HttpFetcher
from monitor.sources.poll import FeedPoller, PollResult, poll_feeds
from monitor.sources.workers import worker_pool

SUBJECTS = ["bicycle frames", "kettles", "garden hoses", "pears", "lanterns", "ceramic tiles", "umbrellas", "violins"]


def feed_body(feed: int, items: int, *, first: int = 0) -> bytes:
    """An RSS feed of our own invented notices `first` .. `first + items - 1`; every item a distinct story."""
    parts = ['<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>']
    parts.append(
        f"<title>Bench desk {feed}</title><link>http://bench.example/{feed}</link><description>b</description>"
    )
    for n in range(first + items - 1, first - 1, -1):
        subject = SUBJECTS[(feed + n) % len(SUBJECTS)]
        rate = 5 + (feed * 7 + n) % 40
        text = (
            f"<p>Notice {feed}-{n}: the trade office of the bench republic said on Monday it would apply a "
            f"duty of {rate} percent on imported {subject} from next month.</p>"
            f"<p>Officials in desk {feed} added that talks on {subject} would continue, item {n}.</p>"
        )
        parts.append(
            f"<item><title>Desk {feed} notice {n} on {escape(subject)}</title>"
            f"<link>http://bench.example/{feed}/{n}?utm_source=rss</link>"
            f"<pubDate>Mon, 03 Mar 2025 {n % 24:02d}:00:00 GMT</pubDate>"
            f"<description>{escape(text)}</description></item>"
        )
    parts.append("</channel></rss>")
    return "".join(parts).encode()


class BenchServer:
    """Serves /feed/<n>.xml with an ETag, each answer after `latency` seconds."""

    def __init__(self, bodies: list[bytes], latency: float) -> None:
        self.honour_validators = True
        self.bodies = bodies
        self.generation = 0
        bench = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *_args: object) -> None:
                pass

            def do_GET(self) -> None:
                time.sleep(latency)
                n = int(self.path.split("/")[-1].split(".")[0])
                etag = f'"b{n}-{bench.generation}"'
                if bench.honour_validators and self.headers.get("If-None-Match") == etag:
                    self.send_response(304)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                body = bench.bodies[n]
                self.send_response(200)
                self.send_header("Content-Type", "application/rss+xml")
                self.send_header("ETag", etag)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        class Server(ThreadingHTTPServer):
            request_queue_size = 256

        self.httpd = Server(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def url(self, n: int) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}/feed/{n}.xml"

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def timed(fn: Callable[[], list[PollResult]]) -> tuple[float, list[PollResult]]:
    started = time.perf_counter()
    results = fn()
    return time.perf_counter() - started, results


def summary(results: list[PollResult]) -> dict[str, Any]:
    outcomes: dict[str, int] = {}
    for r in results:
        outcomes[r.outcome] = outcomes.get(r.outcome, 0) + 1
    return {
        "outcomes": outcomes,
        "articles": sum(r.new_articles for r in results),
        "facts": sum(r.facts for r in results),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--feeds", type=int, default=200)
    parser.add_argument("--items", type=int, default=30)
    parser.add_argument("--latency-ms", type=float, default=100.0)
    parser.add_argument("--concurrency", type=int, default=FetchSettings().concurrency)
    parser.add_argument("--workers", type=int, default=None, help="worker processes (default: one per core)")
    args = parser.parse_args(argv)

    bodies = [feed_body(n, args.items) for n in range(args.feeds)]
    server = BenchServer(bodies, args.latency_ms / 1000)
    feeds = [FeedSettings(name=f"bench-{n}", url=server.url(n)) for n in range(args.feeds)]
    settings = FetchSettings(concurrency=args.concurrency, jitter_s=0)
    clock = SteppingClock(dt.datetime(2025, 3, 4, 8, 0, tzinfo=dt.UTC))
    figures: dict[str, Any] = {}
    extractor = default_extractor()
    with (
        tempfile.TemporaryDirectory() as tmp,
        HttpFetcher(settings) as fetcher,
        worker_pool(args.workers, preload=[extractor.module]) as workers,
    ):

        def poller_on(name: str) -> FeedPoller:
            engine = open_engine(f"sqlite:///{Path(tmp) / name}")
            upgrade(engine)
            store = EventStore(engine, clock)
            return FeedPoller(
                store=store,
                fetcher=fetcher,
                recorder=article_recorder(store, clock, extractor),
                settings=settings,
                clock=clock,
                workers=workers,
            )

        concurrent = poller_on("concurrent.db")
        serial = poller_on("serial.db")
        # Warm-up: imports, the extractor's tables, the connection pool, the worker processes,
        # on a log thrown away.
        poll_feeds(poller_on("warmup.db"), feeds[:8], concurrency=8)

        concurrent_s, results = timed(lambda: poll_feeds(concurrent, feeds, concurrency=args.concurrency))
        print(f"concurrent cycle ({args.concurrency} at a time): {concurrent_s:.2f} s  {summary(results)}")
        serial_s, results = timed(lambda: poll_feeds(serial, feeds, concurrency=1))
        print(f"serial cycle (one feed at a time):     {serial_s:.2f} s  {summary(results)}")
        print(f"  speed-up: {serial_s / concurrent_s:.1f}x (aim: at least 5x)")

        clock.advance(dt.timedelta(minutes=30))
        all_304_s, results = timed(lambda: poll_feeds(concurrent, feeds, concurrency=args.concurrency))
        print(f"second cycle, all 304:                 {all_304_s:.2f} s  {summary(results)}  (aim: under 1 s)")

        server.honour_validators = False
        clock.advance(dt.timedelta(minutes=30))
        same_s, results = timed(lambda: poll_feeds(concurrent, feeds, concurrency=args.concurrency))
        print(f"third cycle, same bodies (no 304):     {same_s:.2f} s  {summary(results)}")

        # Steady state: every feed has 2 new items at the top (28 known ones below), on both logs.
        server.honour_validators = True
        server.generation = 1
        server.bodies = [feed_body(n, args.items, first=2) for n in range(args.feeds)]
        clock.advance(dt.timedelta(minutes=30))
        steady_concurrent_s, results = timed(lambda: poll_feeds(concurrent, feeds, concurrency=args.concurrency))
        print(f"steady cycle, 2 new items per feed:    {steady_concurrent_s:.2f} s  {summary(results)}")
        steady_serial_s, results = timed(lambda: poll_feeds(serial, feeds, concurrency=1))
        print(f"the same, one feed at a time:          {steady_serial_s:.2f} s  {summary(results)}")
        print(f"  speed-up: {steady_serial_s / steady_concurrent_s:.1f}x")
        figures = {
            "bench": "poll",
            "feeds": args.feeds,
            "items": args.items,
            "latency_ms": args.latency_ms,
            "concurrency": args.concurrency,
            "concurrent_s": round(concurrent_s, 3),
            "serial_s": round(serial_s, 3),
            "speedup": round(serial_s / concurrent_s, 2),
            "all_304_s": round(all_304_s, 3),
            "unchanged_bodies_s": round(same_s, 3),
            "steady_concurrent_s": round(steady_concurrent_s, 3),
            "steady_serial_s": round(steady_serial_s, 3),
            "steady_speedup": round(steady_serial_s / steady_concurrent_s, 2),
        }
    server.close()
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
