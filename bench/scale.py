"""Scale-out: 1, 2 and 4 daemons on one PostgreSQL log polling 400 feeds, each answering after 100 ms.

For each number of daemons: a fresh schema; the feeds polled once by
`poll --once` (so they are known, and due at one instant a little later); the
daemons started as real `trade-monitor run` processes; then the cycle at that
instant is timed, from the moment the feeds fall due to the last feed's poll
recorded (the events' own `recorded_at`). In the measured cycle every feed
answers 304 (`--cycle 304`, the default: the steady state, where the time is
waiting, which more daemons share out) or has one new item (`--cycle new`:
parsing and extraction, which on a 2-core machine more daemons cannot speed up).

Duplicates: feeds fetched more than once in the cycle (counted by the
server) plus feed health events recorded more than once; both must be 0.

Each daemon polls with `fetch.concurrency` threads (`--concurrency`, 8 by
default): the connections one daemon may hold open is its budget, and what a
second daemon adds is a second budget (and a second process for the CPU work).

Needs PostgreSQL (TRADE_MONITOR_BENCH_PG, default the test server). The last
line is JSON: {"bench": "scale", "one_s", "two_s", "four_s", "duplicates", ...}.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from xml.sax.saxutils import escape

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from monitor.log import EventReader, open_engine

PG_URL = os.environ.get("TRADE_MONITOR_BENCH_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
TRADE_MONITOR = Path(sys.executable).parent / "trade-monitor"
COUNTRIES = ["Brazil", "Japan", "Canada", "Peru", "Turkey", "Egypt", "Kenya", "Norway", "Chile", "India"]


def feed_body(feed: int, items: int) -> bytes:
    """An RSS feed of `items` items in our own words; item n of feed f is the same story in every cycle."""
    parts = [f"<?xml version='1.0'?><rss version='2.0'><channel><title>Bench desk {feed}</title>"]
    for n in range(items):
        country = COUNTRIES[(feed + n) % len(COUNTRIES)]
        text_ = (
            f"<p>Desk {feed} reports that the United States will impose a {5 + n % 30} percent tariff on "
            f"lumber imported from {country}, officials said in bulletin {n}.</p>"
        )
        parts.append(
            f"<item><title>Bench note {feed}.{n}</title><link>http://bench.example/{feed}/{n}</link>"
            f"<pubDate>Mon, 03 Mar 2025 {n % 24:02d}:00:00 GMT</pubDate>"
            f"<description>{escape(text_)}</description></item>"
        )
    parts.append("</channel></rss>")
    return "".join(parts).encode()


class LatencyServer:
    """Serves /feed/<n>.xml with an ETag, each answer after `latency` seconds; counts hits per feed."""

    def __init__(self, feeds: int, latency: float) -> None:
        self.latency = latency
        self.items = 1
        self.bodies = [feed_body(n, self.items) for n in range(feeds)]
        self.hits: Counter[int] = Counter()
        self._lock = threading.Lock()
        bench = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *_args: object) -> None:
                pass

            def do_GET(self) -> None:
                time.sleep(bench.latency)
                n = int(self.path.split("/")[-1].split(".")[0])
                with bench._lock:
                    bench.hits[n] += 1
                etag = f'"f{n}-{bench.items}"'
                try:
                    if self.headers.get("If-None-Match") == etag:
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
                except OSError:
                    pass

        class Server(ThreadingHTTPServer):
            request_queue_size = 512

        self.httpd = Server(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def publish(self, items: int) -> None:
        """From now on every feed carries `items` items (a new ETag when that changes)."""
        self.items = items
        self.bodies = [feed_body(n, items) for n in range(len(self.bodies))]

    def url(self, n: int) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}/feed/{n}.xml"

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def write_config(
    folder: Path, url: str, server: LatencyServer, feeds: int, concurrency: int, log_level: str = "info"
) -> Path:
    text_ = (
        f'[database]\nurl = "{url}"\n'
        f'[daemon]\nlog_level = "{log_level}"\nlog_format = "json"\nleader_lease_seconds = 5\nfeed_lease_seconds = 30\n'
        f"[fetch]\njitter_s = 0\nconcurrency = {concurrency}\nread_timeout_s = 30\n"
        '[delivery]\nmethod = "directory"\ndirectory = "digests"\n'
    )
    for n in range(feeds):
        text_ += f'[[feeds]]\nname = "f{n:03d}"\nurl = "{server.url(n)}"\ninterval_minutes = 60\n'
    config = folder / "config.toml"
    config.write_text(text_, encoding="utf-8")
    return config


def tm(config: Path, *args: str) -> None:
    done = subprocess.run(
        [str(TRADE_MONITOR), "--config", str(config), *args], capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        raise SystemExit(f"trade-monitor {' '.join(args)} failed: {done.stderr.strip()}")


def one_run(daemons: int, args: argparse.Namespace, server: LatencyServer) -> dict[str, object]:
    """Prime a fresh schema, start `daemons` daemons, time one cycle; the figures."""
    schema = f"bench_{uuid.uuid4().hex[:10]}"
    admin = create_engine(PG_URL)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    url = make_url(PG_URL).update_query_dict({"options": f"-csearch_path={schema}"}).render_as_string(False)
    processes: list[subprocess.Popen[str]] = []
    try:
        with tempfile.TemporaryDirectory() as tmp:
            server.latency = 0.0
            server.publish(1)
            config = write_config(Path(tmp), url, server, args.feeds, args.concurrency, args.log_level)
            # Every feed polled once, an interval before the instant the cycle starts at.
            due = dt.datetime.now(dt.UTC).replace(microsecond=0) + dt.timedelta(seconds=args.start_s)
            tm(config, "poll", "--once", "--now", (due - dt.timedelta(minutes=60)).isoformat())
            server.latency = args.latency_ms / 1000
            if args.cycle == "new":
                server.publish(2)
            engine = open_engine(url)
            reader = EventReader(engine)
            before = reader.last_position()
            server.hits.clear()
            logs: list[list[str]] = []
            for _ in range(daemons):
                process = subprocess.Popen(
                    [str(TRADE_MONITOR), "--config", str(config), "run"],
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.PIPE,
                    text=True,
                )
                lines: list[str] = []
                stderr = process.stderr
                assert stderr is not None  # opened with stderr=PIPE above
                threading.Thread(
                    target=lambda out=lines, err=stderr: out.extend(iter(err.readline, "")), daemon=True
                ).start()
                processes.append(process)
                logs.append(lines)
            if dt.datetime.now(dt.UTC) >= due:
                raise SystemExit(f"priming took longer than --start-s {args.start_s}; raise it")
            while dt.datetime.now(dt.UTC) < due:
                time.sleep(0.05)
            cpu_before = [_cpu_seconds(p.pid) for p in processes]
            deadline = time.monotonic() + args.start_s + 120
            while time.monotonic() < deadline:
                polled = list(reader.read_all(after=before, types=["feed.polled", "feed.failed"]))
                if len({e.stream_id for e in polled}) >= args.feeds:
                    break
                if any(p.poll() is not None for p in processes):
                    raise SystemExit(f"a daemon stopped: {logs}")
                time.sleep(0.2)
            else:
                raise SystemExit("the cycle did not finish in time")
            cpu = [round(_cpu_seconds(p.pid) - b, 2) for p, b in zip(processes, cpu_before, strict=True)]
            time.sleep(1.0)  # a poll done twice would be recorded by now
            polled = list(reader.read_all(after=before, types=["feed.polled", "feed.failed"]))
            failed = sum(e.type == "feed.failed" for e in polled)
            last = max(e.recorded_at for e in polled)
            per_feed = Counter(e.stream_id for e in polled)
            by_daemon = Counter(str(e.metadata.get("daemon", "?")).split(":")[1] for e in polled)
            duplicates = sum(c - 1 for c in per_feed.values() if c > 1) + sum(
                c - 1 for c in server.hits.values() if c > 1
            )
            engine.dispose()
            started = [_started_at(lines) for lines in logs]
            ready = [r for r in started if r is not None]
            if args.keep_logs:
                for n, lines in enumerate(logs):
                    Path(args.keep_logs, f"daemons{daemons}-{n}.log").write_text("".join(lines), encoding="utf-8")
            return {
                "daemons": daemons,
                "cycle_s": round((last - due).total_seconds(), 3),
                "duplicates": duplicates,
                "failed": failed,
                "polls_per_daemon": sorted(by_daemon.values(), reverse=True),
                "cpu_s_per_daemon": cpu,
                # How long before the feeds fell due the last daemon was running (negative: it was late).
                "ready_margin_s": round(min((due - r).total_seconds() for r in ready), 3)
                if len(ready) == len(started)
                else None,
            }
    finally:
        for p in processes:
            if p.poll() is None:
                p.send_signal(signal.SIGTERM)
        for p in processes:
            try:
                p.wait(timeout=60)
            except subprocess.TimeoutExpired:
                p.kill()
                p.wait()
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def _cpu_seconds(pid: int) -> float:
    """CPU time (user + system) of a process so far, from /proc."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _started_at(lines: list[str]) -> dt.datetime | None:
    for line in list(lines):
        try:
            record = json.loads(line)
        except ValueError:
            continue
        if record.get("event") == "daemon.started":
            return dt.datetime.fromisoformat(record["ts"])
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--feeds", type=int, default=400)
    parser.add_argument("--latency-ms", type=float, default=100.0)
    parser.add_argument("--concurrency", type=int, default=8, help="fetch.concurrency of each daemon")
    parser.add_argument("--cycle", choices=["new", "304"], default="304")
    parser.add_argument("--start-s", type=float, default=45.0, help="seconds from priming to the cycle's start")
    parser.add_argument("--daemons", type=int, nargs="*", default=[1, 2, 4])
    parser.add_argument("--keep-logs", metavar="DIR", help="write each daemon's log lines here")
    parser.add_argument("--log-level", default="info", choices=["debug", "info"])
    args = parser.parse_args(argv)
    server = LatencyServer(args.feeds, args.latency_ms / 1000)
    results = {}
    try:
        for n in args.daemons:
            result = one_run(n, args, server)
            results[n] = result
            print(json.dumps(result), flush=True)
    finally:
        server.close()
    one = results.get(1, {}).get("cycle_s")
    two = results.get(2, {}).get("cycle_s")
    four = results.get(4, {}).get("cycle_s")
    summary = {
        "bench": "scale",
        "one_s": one,
        "two_s": two,
        "four_s": four,
        "duplicates": sum(int(str(r["duplicates"])) for r in results.values()),
        "two_speedup": round(float(str(one)) / float(str(two)), 2) if one and two else None,
        "four_speedup": round(float(str(one)) / float(str(four)), 2) if one and four else None,
        "feeds": args.feeds,
        "latency_ms": args.latency_ms,
        "concurrency": args.concurrency,
        "cycle": args.cycle,
    }
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
