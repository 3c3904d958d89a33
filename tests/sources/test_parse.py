"""Feed formats feedparser is handed: RSS 0.91, 1.0 (RDF), 2.0 and Atom, all read to the same entries."""

from __future__ import annotations

import datetime as dt

import pytest

from monitor.errors import FeedError
from monitor.sources.parse import parse_feed

RSS091 = b"""<?xml version="1.0"?>
<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">
<rss version="0.91"><channel><title>Old desk</title><link>http://old.example/</link><description>d</description>
<item><title>Levy on walnuts</title><link>http://old.example/walnuts</link>
<description>The levy on walnuts is 8 percent.</description></item></channel></rss>"""

RSS10 = b"""<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
  xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="http://rdf.example/"><title>RDF desk</title><link>http://rdf.example/</link>
<description>d</description></channel>
<item rdf:about="http://rdf.example/walnuts"><title>Levy on walnuts</title><link>http://rdf.example/walnuts</link>
<description>The levy on walnuts is 8 percent.</description><dc:date>2025-04-01T09:00:00Z</dc:date></item>
</rdf:RDF>"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom desk</title><id>urn:atom:desk</id>
<updated>2025-04-01T09:00:00Z</updated>
<entry><title>Levy on walnuts</title><id>tag:atom.example,2025:walnuts</id>
<link rel="alternate" href="http://atom.example/walnuts"/><updated>2025-04-01T09:00:00Z</updated>
<summary>The levy on walnuts is 8 percent.</summary></entry></feed>"""


@pytest.mark.parametrize(("body", "version"), [(RSS091, "rss091"), (RSS10, "rss10"), (ATOM, "atom10")])
def test_every_format_gives_the_same_entry(body: bytes, version: str) -> None:
    parsed = parse_feed("desk", body)
    assert parsed.version.startswith(version)
    assert parsed.warning is None
    [entry] = parsed.entries
    assert entry.title == "Levy on walnuts"
    assert entry.link is not None and entry.link.endswith("/walnuts")
    assert any("8 percent" in value for _, value in entry.bodies)


def test_dates_are_read_as_utc() -> None:
    [entry] = parse_feed("desk", RSS10).entries
    assert entry.published == dt.datetime(2025, 4, 1, 9, 0, tzinfo=dt.UTC)


def test_plain_text_that_is_not_a_feed_is_refused() -> None:
    with pytest.raises(FeedError, match="feed 'desk': not"):
        parse_feed("desk", b"Just some words, not a feed at all.", content_type="text/plain")


def test_a_feed_served_as_text_html_is_still_read() -> None:
    # Some servers label their feeds text/html; the body decides, not the header.
    assert len(parse_feed("desk", ATOM, content_type="text/html").entries) == 1
