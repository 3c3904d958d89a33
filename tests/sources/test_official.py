"""A feed marked `official = true` makes the facts it brings official, and the alerts say so."""

from __future__ import annotations

import json
from pathlib import Path

from sources.feedserver import FeedServer, Item, Route, rss
from tests.cli_runner import run_cli


def test_facts_from_an_official_feed_are_official_and_the_alerts_say_so(server: FeedServer, tmp_path: Path) -> None:
    old = Item(title="Old", link="https://x.example/0", text="Talks on fishing rights went on.")
    ministry = server.serve("/ministry.xml", Route(body=rss([old])))
    paper = server.serve("/paper.xml", Route(body=rss([old], title="A paper")))
    config = tmp_path / "config.toml"
    config.write_text(
        '[database]\nurl = "sqlite:///log.db"\n'
        f'[[feeds]]\nname = "ministry"\nurl = "{ministry}"\nofficial = true\n'
        f'[[feeds]]\nname = "paper"\nurl = "{paper}"\n',
        encoding="utf-8",
    )
    first = run_cli(["--config", config, "poll", "--once", "--now", "2025-04-02T08:00"])
    assert first.exit_code == 0, first

    day = "Wed, 02 Apr 2025 09:00:00 GMT"
    server.serve(
        "/ministry.xml",
        Route(
            body=rss(
                [
                    old,
                    Item(
                        title="Duty",
                        link="https://m.example/1",
                        text="Norway set a 12 percent duty on Chilean copper.",
                        published=day,
                    ),
                ]
            )
        ),
    )
    server.serve(
        "/paper.xml",
        Route(
            body=rss(
                [
                    old,
                    Item(
                        title="Steel",
                        link="https://p.example/1",
                        text="Peru imposed a 30 percent tariff on steel from Chile.",
                        published=day,
                    ),
                ],
                title="A paper",
            )
        ),
    )
    second = run_cli(["--config", config, "poll", "--once", "--now", "2025-04-02T10:00"])
    assert second.exit_code == 0, second

    out = run_cli(["--config", config, "alerts", "--format", "json"])
    alerts = {a["imposer"]: a for a in json.loads(out.stdout)["alerts"]}
    assert alerts["NO"]["official"] is True and "official" in alerts["NO"]["support"]
    assert alerts["PE"]["official"] is False and "official" not in alerts["PE"]["support"]
