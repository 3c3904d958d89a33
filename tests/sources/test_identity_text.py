"""Article identity (ids, canonical links, fingerprints) and plain text from HTML."""

from __future__ import annotations

import datetime as dt

from monitor.sources.article import article_from_entry, entry_text
from monitor.sources.identity import canonical_url, entry_identity, fingerprint
from monitor.sources.parse import FeedEntry
from monitor.sources.text import html_to_text, page_main_text


def test_tracking_parameters_and_fragments_are_stripped() -> None:
    url = "HTTPS://News.Example.org:443/a/b?utm_source=rss&utm_medium=x&id=4&fbclid=1&gclid=2&b=1#comments"
    assert canonical_url(url) == "https://news.example.org/a/b?b=1&id=4"


def test_entry_ids_are_used_when_globally_unique_else_links() -> None:
    assert (
        entry_identity(entry_id="tag:example.org,2025:7", link="https://x/1", feed="f") == "id:tag:example.org,2025:7"
    )
    assert entry_identity(entry_id="https://x.org/1?utm_campaign=z", link=None, feed="f") == "url:https://x.org/1"
    # A bare number is only unique within its feed: the link wins, else it is scoped by the feed.
    assert entry_identity(entry_id="1234", link="https://x.org/p", feed="f") == "url:https://x.org/p"
    assert entry_identity(entry_id="1234", link=None, feed="f") == "feed:f:1234"
    assert entry_identity(entry_id="1234", link=None, feed="g") != entry_identity(entry_id="1234", link=None, feed="f")


def test_fingerprint_ignores_case_spacing_and_punctuation_but_not_words() -> None:
    a = "Duties on pears rise to 20 percent, the office said."
    assert fingerprint(a) == fingerprint("  duties ON pears\n\nrise to 20 percent -- the office said!")
    assert fingerprint(a) != fingerprint("Duties on pears rise to 25 percent, the office said.")


def test_html_becomes_readable_paragraphs_without_scripts() -> None:
    markup = (
        "<div><p>First &amp; foremost, the <b>levy</b> applies.</p><script>track()</script>"
        "<ul><li>pears</li><li>plums</li></ul><p>Second&nbsp;paragraph.</p></div>"
    )
    assert html_to_text(markup) == "First & foremost, the levy applies.\n\npears\n\nplums\n\nSecond paragraph."


def test_entry_text_prefers_the_fuller_content_block() -> None:
    entry = FeedEntry(
        entry_id=None,
        link="https://x.org/1",
        title="Levy",
        bodies=(("text/html", "<p>The whole story, with every detail given.</p>"), ("text/html", "<p>Short.</p>")),
        published=dt.datetime(2025, 4, 1, tzinfo=dt.UTC),
    )
    assert entry_text(entry) == "The whole story, with every detail given."
    article = article_from_entry(entry, feed="f")
    assert article.extraction_text().startswith("Levy\n\nThe whole story")


def test_the_main_text_of_a_page_leaves_out_menus_and_footers() -> None:
    paragraphs = "".join(
        f"<p>Paragraph {n} of our report says the board met again and weighed the levy on pears once more.</p>"
        for n in range(8)
    )
    page = (
        "<html><head><title>Report</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/about'>About us</a> <a href='/shop'>Shop</a></nav>"
        f"<article><h1>Board weighs pear levy</h1>{paragraphs}</article>"
        "<footer>Copyright the test desk. Subscribe to our newsletter.</footer></body></html>"
    ).encode()
    text = page_main_text(page)
    assert "Paragraph 7 of our report" in text
    assert "Subscribe to our newsletter" not in text
    assert "About us" not in text
