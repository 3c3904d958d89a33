"""A log filled by the real pipeline from our own short articles, and a real web server on loopback.

The log is built once per test session: four articles ingested with
`trade-monitor ingest` (in process), and one poll of a real feed server on
loopback carrying a fifth article and a feed that fails. Each test module
starts its own uvicorn server on a free port over a copy of that log, with
the clock stopped on 20 June 2025, so the pause ending on 9 July and the
tariffs taking effect on 30 June and 1 July are deadlines ahead.
"""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from monitor.clock import FixedClock
from monitor.config import load_settings
from monitor.log import open_engine
from monitor.web.app import build_app
from monitor.web.server import WebServerThread
from tests.cli_runner import run_cli
from tests.sources.feedserver import FeedServer, Route

NOW = dt.datetime(2025, 6, 20, 9, 0, tzinfo=dt.UTC)
#: A title carrying markup, which every page must show as text.
SCRIPT_TITLE = "Brussels acts <script>alert(1)</script> on imports"

ARTICLES = {
    "china.txt": (
        "date 2025-04-02\nWashington sets duties on Chinese goods\n"
        "The United States will impose a 34 percent tariff on goods imported from China, "
        "the White House said on Wednesday.\n"
    ),
    "reprieve.txt": (
        "date 2025-04-09\nA reprieve for Chinese exporters\n"
        "Washington paused the new 34 percent tariffs on Chinese goods until July 9 under a 90-day reprieve, "
        "officials said.\n"
    ),
    "steel.txt": (
        f"date 2025-05-20\n{SCRIPT_TITLE}\n"
        "The European Union raised its tariff on steel imports from India to 25 percent from 10 percent, "
        "the commission said, with the new rate taking effect on July 1.\n"
    ),
    "aluminium.txt": (
        "date 2025-05-28\nOttawa answers on aluminium\n"
        "Canada will impose a 15 percent tariff on aluminium from the United States starting June 30, "
        "the finance minister said.\n"
    ),
}

FEED_ITEM_LINK = "https://news.example/2025/06/japan-beef"
FEED = f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Wire</title><link>https://news.example/</link><description>d</description>
<item><title>Tokyo sets a beef duty</title><link>{FEED_ITEM_LINK}</link>
<guid>wire-1</guid><pubDate>Mon, 02 Jun 2025 08:00:00 GMT</pubDate>
<description>Japan will impose a 20 percent tariff on beef from Australia, the farm ministry said.</description>
</item></channel></rss>
"""


@dataclass(frozen=True)
class Site:
    """A running server over the test log."""

    base: str
    config: Path
    db: Path

    def client(self, headers: Mapping[str, str] | None = None) -> httpx.Client:
        """An HTTP client aimed at this server."""
        return httpx.Client(base_url=self.base, timeout=10, headers=dict(headers or {}))


def config_text(db: Path, feeds: Mapping[str, str], extra: str = "") -> str:
    """A config for the test log, its feeds, and anything else given."""
    text = f'[database]\nurl = "sqlite:///{db}"\n[fetch]\njitter_s = 0\nread_timeout_s = 2\nconnect_timeout_s = 1\n'
    for name, url in feeds.items():
        text += f'[[feeds]]\nname = "{name}"\nurl = "{url}"\ninterval_minutes = 30\n'
    text += '[[subscriptions]]\nname = "steel-desk"\nrecipients = ["desk@example.org"]\nsectors = ["steel"]\n'
    return text + extra


@pytest.fixture(scope="session")
def filled_log(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """The folder of a config and a log the pipeline filled; and the feeds it names."""
    folder = tmp_path_factory.mktemp("web-log")
    db = folder / "log.db"
    server = FeedServer()
    try:
        feeds = {
            "wire": server.serve("/wire.xml", Route(body=FEED.encode())),
            "broken": server.serve("/broken.xml", Route(status=500, body=b"down")),
        }
        config = folder / "config.toml"
        config.write_text(config_text(db, feeds), encoding="utf-8")
        for name, text in ARTICLES.items():
            (folder / name).write_text(text, encoding="utf-8")
        # Two sittings, as the news came: April's articles in April, May's in May.
        for names, now in (
            (("china.txt", "reprieve.txt"), "2025-04-10T12:00"),
            (("steel.txt", "aluminium.txt"), "2025-05-30T12:00"),
        ):
            done = run_cli(["--config", config, "ingest", *(folder / n for n in names), "--now", now])
            assert done.exit_code == 0, done.stderr
        polled = run_cli(["--config", config, "poll", "--once", "--now", "2025-06-02T12:00"])
        assert polled.exit_code == 0, polled.stderr
        # Feed URLs stay as they were; the server is gone after this, so a later poll would fail.
    finally:
        server.close()
    return folder, feeds


def start_site(
    folder: Path,
    feeds: Mapping[str, str],
    tmp: Path,
    *,
    extra: str = "",
    environ: Mapping[str, str] | None = None,
    bind: str = "127.0.0.1",
    now: dt.datetime = NOW,
) -> tuple[Site, WebServerThread]:
    """A server over a copy of the filled log (so no module can change another's), its clock stopped at `now`."""
    db = tmp / "log.db"
    shutil.copy(folder / "log.db", db)
    config = tmp / "config.toml"
    config.write_text(config_text(db, feeds, extra), encoding="utf-8")
    settings = load_settings(config, environ=dict(environ or {}))
    engine = open_engine(settings.database_url())
    app = build_app(settings, engine, clock=FixedClock(now), bind=bind)
    server = WebServerThread(app, bind, 0)
    server.start()
    return Site(base=f"http://{bind}:{server.port}", config=config, db=db), server


@pytest.fixture(scope="module")
def site(filled_log: tuple[Path, dict[str, str]], tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """One real uvicorn server per test module, on a free loopback port."""
    folder, feeds = filled_log
    running, server = start_site(folder, feeds, tmp_path_factory.mktemp("web-site"))
    yield running
    server.stop()


@contextmanager
def serving(config: Path) -> Iterator[httpx.Client]:
    """A real server over the log `config` names, its clock stopped at NOW, and a client aimed at it."""
    settings = load_settings(config, environ={})
    engine = open_engine(settings.database_url())
    server = WebServerThread(build_app(settings, engine, clock=FixedClock(NOW)), "127.0.0.1", 0)
    server.start()
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{server.port}", timeout=10) as client:
            yield client
    finally:
        server.stop()
        engine.dispose()
