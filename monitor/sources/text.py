"""Plain text from HTML: a feed's content blocks, and the main text of a linked page.

Entry HTML is short and trusted to be an article body, so the standard
library's HTML parser is enough: block elements become line breaks, scripts and
styles are dropped, entities decoded. A whole web page carries navigation,
adverts and comments around the article; trafilatura, made for that, finds the
main text.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

import trafilatura

_BLOCKS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "br",
        "dd",
        "div",
        "dl",
        "dt",
        "figcaption",
        "figure",
        "footer",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "td",
        "th",
        "tr",
        "ul",
    ]
)
_SKIP = frozenset({"script", "style", "noscript", "template", "iframe", "svg", "head"})
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")
_BLANK_LINES = re.compile(r"\n\s*\n+")
_TAG = re.compile(r"<[A-Za-z/!][^>]*>")


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, _attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self._skipping += 1
        elif tag in _BLOCKS:
            self.parts.append("\n\n" if tag in {"p", "div", "li", "tr", "blockquote"} else "\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self._skipping = max(0, self._skipping - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n\n" if tag in {"p", "div", "li", "tr", "blockquote"} else "\n")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)


def html_to_text(markup: str) -> str:
    """Readable plain text of an HTML fragment: paragraphs kept, tags and scripts gone."""
    collector = _TextCollector()
    collector.feed(markup)
    collector.close()
    return tidy("".join(collector.parts))


def tidy(text: str) -> str:
    """Collapse runs of spaces, trim each line, keep at most one blank line between paragraphs."""
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def body_text(media_type: str, value: str) -> str:
    """Plain text of one feed content block, whatever its declared type."""
    # Feeds often declare text/plain for markup or leave HTML escaped; look at the value too.
    if "html" in media_type or _TAG.search(value):
        return html_to_text(value)
    return tidy(html.unescape(value))


def page_main_text(page: bytes, *, url: str | None = None) -> str:
    """The article text of a fetched web page (empty when none can be found)."""
    found = trafilatura.extract(
        page,  # bytes: trafilatura reads the page's declared encoding itself
        url=url,
        include_comments=False,
        include_tables=False,
        favor_precision=True,
    )
    return tidy(found or "")
